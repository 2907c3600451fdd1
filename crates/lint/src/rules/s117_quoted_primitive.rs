//! S117: a Terraform number or boolean argument written as a quoted string.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S117",
        name: "quoted-primitive",
        severity: Severity::Info,
        summary: "A Terraform number or boolean argument is written as a quoted string",
        docs: r#"## What it does
Notes a number or boolean argument of an async invocation config resource
written in quotes, as the alicloud provider's own example writes
`max_async_retry_attempts = "1"` and `async_task = "true"`.

## Why is this bad?
It is not wrong: Terraform converts a quoted primitive to the argument's
type by itself (see its `tonumber` and `tobool` documentation), and
invokecfg reads it as that value, so every other rule and the translator
see `1` and `true`. The quotes only hide the type from readers. A quoted
value that is not a number or boolean (`"one"`) is an error Terraform
reports at plan time; `S108` reports it here.

This rule exists only because of the Terraform surface: API JSON has no
such conversion.

## Example
```hcl
resource "alicloud_fcv3_async_invoke_config" "default" {
  function_name            = "orders"
  max_async_retry_attempts = "1"
}
```

## Fix
Write the value without quotes: `max_async_retry_attempts = 1`. The fix does
so; it is safe: Terraform reads the same value either way.
"#,
        fix: FixAvailability::Always,
        applicability: &[Applicability::Safe],
    },
    check,
};

/// Reported by the Terraform reader (`invokecfg-iac`), which sees the quotes;
/// the API document holds the converted value.
fn check(_: &Ctx, _: &mut Vec<Diagnostic>) {}
