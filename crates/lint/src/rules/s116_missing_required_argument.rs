//! S116: a Terraform resource lacks an argument its provider's schema requires.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S116",
        name: "missing-required-argument",
        severity: Severity::Error,
        summary: "A Terraform resource lacks an argument its provider's schema marks Required",
        docs: r#"## What it does
Reports an async invocation config resource of a `.tf` file that lacks an
argument the provider's resource schema marks `Required: true`, at the
resource's type label: `function_name` of `alicloud_fc_function_async_invoke_config`,
`alicloud_fcv3_async_invoke_config` and `aws_lambda_function_event_invoke_config`,
`service_name` of the first, `function_urn`, `max_async_event_age_in_seconds`
and `max_async_retry_attempts` of `huaweicloud_fgs_async_invoke_configuration`.
An argument required inside a block (Huawei's `on_success { destination param }`)
is required only when the block is written. The message names the schema
the fact comes from (`crates/model/src/facts/terraform.rs` cites each
provider's Go source). API JSON has no such constraint: the rule is
reported by the Terraform reader only.

## Why is this bad?
`terraform validate` and `terraform plan` stop at it ("The argument ... is
required, but no definition was found"), so nothing of the file is applied.
An argument set to `null` counts as missing, as Terraform reads it.

Severity: error.

## Example
```hcl
resource "huaweicloud_fgs_async_invoke_configuration" "orders" {
  function_urn             = "urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:orders:latest"
  max_async_retry_attempts = 2
}
```

## Fix
Write the argument: here `max_async_event_age_in_seconds = 3600` (the
API's default, which this resource does not fill in).
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

/// Reported by the Terraform reader (`invokecfg-iac`), which knows the
/// resource's arguments; an API document alone cannot tell.
fn check(_: &Ctx, _: &mut Vec<Diagnostic>) {}
