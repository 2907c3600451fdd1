//! P506: a field the translation to the target drops.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P506",
        name: "field-dropped-on-target",
        severity: Severity::Warning,
        summary: "A field the target has no place for: translation drops it",
        docs: r#"## What it does
With `--target`, warns about fields the target cannot hold: Huawei's LTS log
fields (`log_group_id`, ...) have no Alibaba counterpart; FC 2.0's `service`
has no place in FC 3.0.

## Why is this bad?
The translation drops the field (with a warning note): the setting is lost.

## Example
```json
{"enable_async_status_log": true, "log_group_id": "c2a9..."}
```
with `--target alibaba-fc3`.

## Fix
Configure the equivalent on the target by hand, or accept the loss.
"#,
        fixable: false,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((src, tgt)) = super::target(ctx) else { return };
    let dropped: &[&str] = match (src, tgt) {
        (Dialect::Huawei, _) => huawei::LOG_KEYS,
        (Dialect::AlibabaFc2, Dialect::AlibabaFc3) => &["service", "serviceName"],
        _ => return,
    };
    for c in &ctx.configs {
        for k in dropped {
            if c.map.get(*k).is_some_and(|v| !v.is_null()) {
                out.push(
                    ctx.finding(
                        &RULE.info,
                        &c.at(k),
                        At::Key,
                        format!("`{k}` has no counterpart on {tgt}: translation drops it"),
                    )
                    .with_help(if src == Dialect::Huawei {
                        "configure logging on the target by hand".to_string()
                    } else {
                        "FC 3.0 has no services; the function is named by `functionArn`".to_string()
                    }),
                );
            }
        }
    }
}
