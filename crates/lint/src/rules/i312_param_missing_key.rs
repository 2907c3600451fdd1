//! I312: a `param` without the key its kind requires.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I312",
        name: "param-missing-key",
        severity: Severity::Error,
        summary: "`param` lacks the key its destination kind requires",
        docs: r#"## What it does
Reports a `param` without the key its kind cannot do without: `bucket` (OBS),
`topic_urn` (SMN), `stream_name` (DIS), `func_urn` (FunctionGraph).

## Why is this bad?
The destination names no resource; the API rejects it or results are lost.

## Example
```json
{"destination": "SMN", "param": "{\"topic\":\"async-failures\"}"}
```

## Fix
Add the key, e.g. `"{\"topic_urn\":\"urn:smn:cn-north-4:{project_id}:async-failures\"}"`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (dest, kind, obj) in ctx.huawei_params() {
        // The first key of each kind's list names the resource; the others are optional.
        let Some(required) = kind.param_keys().first() else { continue };
        if obj.contains_key(*required) {
            continue;
        }
        out.push(
            ctx.finding(
                &RULE.info,
                &join(&dest.pointer, PARAM),
                At::Value,
                format!("`param` of the {kind} destination of `{}` has no `{required}`", dest.slot),
            )
            .with_help(format!(
                "{} {kind} `param` holds {}",
                article(kind.as_str()),
                list(kind.param_keys())
            )),
        );
    }
}
