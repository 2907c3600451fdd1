//! R207: an IaC argument outside the range the provider validates itself.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R207",
        name: "outside-wrapper-range",
        severity: Severity::Error,
        summary: "An IaC argument is outside the range its provider validates before calling the API",
        docs: r#"## What it does
Reports an age or retry argument of an async invocation config resource that
the API would accept but the Terraform provider rejects before calling it:
`alicloud_fcv3_async_invoke_config` validates `max_async_event_age_in_seconds`
to 0..3600 although FC 3.0 accepts 1..604800 (the validated ranges are in
`crates/model/src/facts/terraform.rs`, each with the provider source).

## Why is this bad?
`terraform plan` stops at it, so nothing of the file is applied. This rule
exists only because of the IaC wrapper: the same value in an API request is
accepted.

## Example
```hcl
resource "alicloud_fcv3_async_invoke_config" "default" {
  function_name                  = "orders"
  max_async_event_age_in_seconds = 7200
}
```

## Fix
Clamp the value into the validated range. The fix does so; it is unsafe
(applied with `--fix --unsafe-fixes`): the bound is a value chosen for you.
"#,
        fix: FixAvailability::Always,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

/// Reported by the IaC reader (`invokecfg-iac`), which knows the wrapper.
fn check(_: &Ctx, _: &mut Vec<Diagnostic>) {}
