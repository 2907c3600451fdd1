//! S114: a read-only timestamp the API would never write.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S114",
        name: "invalid-timestamp",
        severity: Severity::Warning,
        summary: "Huawei `created_time`/`last_modified` is not a timestamp",
        docs: r#"## What it does
Reports a FunctionGraph `created_time` or `last_modified` that is not a
timestamp as the API writes them: RFC 3339 (`2021-03-04T14:50:02+08:00`) or,
as some doc examples print it, `2021-03-04 14:50:02`.

## Why is this bad?
Both fields are read-only: the API returns them and never takes them. A value
such as `yesterday` did not come from the API, so the document was edited by
hand, or pasted from somewhere else.

Severity: warning. The API ignores read-only fields on a request and a
translation drops them, so nothing is rejected or mistranslated; the value is
very likely a mistake.

## Example
```json
{"func_urn": "urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:latest", "created_time": "yesterday"}
```

## Fix
Remove the field (it is read-only), or copy the value the API returned.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in ctx.configs_of(Dialect::Huawei) {
        for key in huawei::READ_ONLY_KEYS {
            let Some(Value::String(s)) = c.map.get(*key) else { continue };
            if huawei::is_timestamp(s) {
                continue;
            }
            let message = format!("`{key}`: {} is not a timestamp", json_str(s));
            out.push(
                ctx.finding(&RULE.info, &c.at(key), At::Value, message)
                    .with_help("write RFC 3339 (`2021-03-04T14:50:02+08:00`), or remove the read-only field"),
            );
        }
    }
}
