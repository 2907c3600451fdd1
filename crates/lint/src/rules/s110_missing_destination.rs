//! S110: a destination object without `destination`.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S110",
        name: "missing-destination",
        severity: Severity::Error,
        summary: "A destination object has no `destination`",
        docs: r#"## What it does
Reports an `onSuccess`/`onFailure` (Alibaba) object that holds keys but no
`destination`, and an `on_success`/`on_failure` (Huawei) object with a `param`
but no `destination` kind.

## Why is this bad?
The provider cannot tell where results go: the request is rejected, or the
destination is silently not set.

## Example
```json
{"destination_config": {"on_failure": {"param": "{\"stream_name\":\"s\"}"}}}
```

## Fix
Add `destination`: an ARN (Alibaba) or one of `OBS`, `SMN`, `DIS`,
`FunctionGraph` (Huawei).
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect else { return };
    let key = d.spec().destination_keys[0];
    for c in &ctx.configs {
        for dest in &c.destinations {
            if dest.map.contains_key(key) {
                continue;
            }
            let bad = if d == Dialect::Huawei {
                dest.map.get(PARAM).is_some_and(|p| !p.is_null())
            } else {
                !dest.map.is_empty()
            };
            if bad {
                let help = if d == Dialect::Huawei {
                    format!("add \"destination\": one of {}", list(huawei::DESTINATION_KINDS))
                } else {
                    format!("add \"{key}\": the ARN of the function, queue, topic or event bus")
                };
                out.push(
                    ctx.finding(&RULE.info, &dest.pointer, At::Key, format!("`{}` has no `{key}`", dest.slot))
                        .with_help(help),
                );
            }
        }
    }
}
