//! I314: a `param` key holding the wrong JSON type.

use super::prelude::*;
use invokecfg_model::json_type;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I314",
        name: "param-wrong-type",
        severity: Severity::Error,
        summary: "A key inside `param` has the wrong JSON type",
        docs: r#"## What it does
Reports a `param` member of the wrong type: `bucket`, `prefix`, `topic_urn`,
`stream_name` and `func_urn` are strings; OBS `expires` is an integer number
of days.

## Why is this bad?
The API rejects the destination.

## Example
```json
{"destination": "OBS", "param": "{\"bucket\":\"b\",\"expires\":\"5\"}"}
```

## Fix
Write strings in quotes and `expires` as a bare integer.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (dest, kind, obj) in ctx.huawei_params() {
        for key in kind.param_keys() {
            let Some(v) = obj.get(*key) else { continue };
            let (ok, expected) = if *key == "expires" {
                (int(v).is_some(), "an integer number of days")
            } else {
                (v.is_string(), "a string")
            };
            if !ok {
                out.push(
                    ctx.finding(
                        &RULE.info,
                        &join(&dest.pointer, PARAM),
                        At::Value,
                        format!("`param.{key}` must be {expected}, found {}", json_type(v)),
                    )
                    .with_span(dest.huawei.as_ref().and_then(|h| {
                        ctx.member_span_in_string(&join(&dest.pointer, PARAM), h.param_text?, key, false)
                    }))
                    .with_help(format!("write `{key}` as {expected}")),
                );
            }
        }
    }
}
