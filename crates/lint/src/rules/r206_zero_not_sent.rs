//! R206: an IaC argument set to 0 that the provider never sends.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R206",
        name: "zero-not-sent",
        severity: Severity::Warning,
        summary: "An IaC argument is 0, which the provider does not send: the API's default applies",
        docs: r#"## What it does
Warns about an age or retry argument set to `0` where the Terraform provider
reads it with `GetOk` (which takes `0` for unset) and so never sends it:
`maximum_event_age_in_seconds` of `alicloud_fc_function_async_invoke_config`
and `aws_lambda_function_event_invoke_config`, both arguments of
`alicloud_fcv3_async_invoke_config` (`crates/model/src/facts/terraform.rs`
lists them with the providers' sources).

## Why is this bad?
The provider accepts the file and the API applies its own default (FC 3.0:
age 86400, retries 3), so a file that says "no retries" gets three. It is
likely a mistake, not an error: nothing is rejected.

This rule exists only because of the IaC wrapper: an API request that says
`0` means `0`.

## Example
```hcl
resource "alicloud_fcv3_async_invoke_config" "default" {
  function_name            = "orders"
  max_async_retry_attempts = 0
}
```

## Fix
Remove the argument to mean the default, or set the value you mean (for
retries, the provider cannot send 0: keep the default or use 1).
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

/// Reported by the IaC reader (`invokecfg-iac`), which knows the wrapper.
fn check(_: &Ctx, _: &mut Vec<Diagnostic>) {}
