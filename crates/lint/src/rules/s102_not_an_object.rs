//! S102: the document is not a JSON object.

use super::prelude::*;
use invokecfg_model::json_type;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S102",
        name: "not-an-object",
        severity: Severity::Error,
        summary: "The document is not a JSON object",
        docs: r#"## What it does
Reports a document whose top level is an array, string, number, boolean or null.

## Why is this bad?
An async invocation config (or a List response) is always a JSON object; the
provider rejects anything else.

## Example
```json
[{"maxAsyncRetryAttempts": 3}]
```

## Fix
Write one config object, or the provider's list document
(`{"configs": [...]}` for Alibaba, `{"async_invoke_configs": [...]}` for Huawei).
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !ctx.value.is_object() {
        out.push(
            ctx.finding(
                &RULE.info,
                "",
                At::Value,
                format!("the document is {}, not a JSON object", json_type(ctx.value)),
            )
            .with_help("an async invocation config is a JSON object, e.g. {\"maxAsyncRetryAttempts\": 2}"),
        );
    }
}
