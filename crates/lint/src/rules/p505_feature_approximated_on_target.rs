//! P505: a feature the target only approximates.

use super::prelude::*;
use invokecfg_model::Field;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P505",
        name: "feature-approximated-on-target",
        severity: Severity::Info,
        summary: "Async task mode <-> status log: the closest feature, not the same",
        docs: r#"## What it does
With `--target` on the other cloud, notes `statefulInvocation` / `asyncTask`
(Alibaba asynchronous task mode) and `enable_async_status_log` (Huawei status
persistence): the translation maps one to the other as the closest feature.

## Why is this bad?
Both keep a queryable status per invocation, but task mode also adds
task-level control (stop, query) that FunctionGraph's status log lacks.

## Example
```json
{"asyncTask": true}
```
with `--target huawei`.

## Fix
Nothing required; check that the target feature covers what you use.
"#,
        fixable: false,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((src, tgt)) = super::target(ctx) else { return };
    if src.is_alibaba() == tgt.is_alibaba() {
        return;
    }
    // The state tracking switch of each side, from the dialect specs.
    let (from, to): (&[&str], &str) = (&[src.key(Field::AsyncTask)], tgt.key(Field::AsyncTask));
    for c in &ctx.configs {
        for k in from {
            if c.map.get(*k).is_some_and(|v| !v.is_null()) {
                out.push(
                    ctx.finding(
                        &RULE.info,
                        &c.at(k),
                        At::Key,
                        format!("`{k}` becomes `{to}` on {tgt}, the closest feature"),
                    )
                    .with_help("check that the target feature covers what you rely on"),
                );
            }
        }
    }
}
