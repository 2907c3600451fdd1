//! I313: a `param` key its kind does not define.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I313",
        name: "param-unknown-key",
        severity: Severity::Warning,
        summary: "`param` holds a key its destination kind does not define",
        docs: r#"## What it does
Warns about a key inside `param` that the destination kind does not define,
with the nearest defined key as a suggestion.

## Why is this bad?
The key is ignored: `bucket_name` instead of `bucket` leaves the bucket unset.

## Example
```json
{"destination": "DIS", "param": "{\"stream\":\"s\"}"}
```

## Fix
Use the kind's keys: OBS `bucket`, `prefix`, `expires`; SMN `topic_urn`; DIS
`stream_name`; FunctionGraph `func_urn`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (dest, kind, obj) in ctx.huawei_params() {
        let known = kind.param_keys();
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            let near = crate::suggest::near_absent(key, known, |k| obj.contains_key(k));
            let help = match near.first() {
                Some(n) => format!("did you mean `{n}`?"),
                None => format!("{} {kind} `param` holds {}", article(kind.as_str()), list(known)),
            };
            out.push(
                ctx.finding(
                    &RULE.info,
                    &join(&dest.pointer, PARAM),
                    At::Value,
                    format!("`param` of {} {kind} destination has unknown key `{key}`", article(kind.as_str())),
                )
                .with_help(help),
            );
        }
    }
}
