//! P501: a value the translation to `--target` would clamp.

use super::prelude::*;
use super::r201_event_age_out_of_range::range_of;
use crate::ctx::{age_key, retries_key};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P501",
        name: "value-clamped-on-target",
        severity: Severity::Warning,
        summary: "Age or retries outside the target's range: translation clamps it",
        docs: r#"## What it does
With `--target`, warns about each age or retry value outside the target
dialect's range: Alibaba allows ages up to 604800 s and 8 retries, Huawei
86400 s and 3 retries.

## Why is this bad?
The translation clamps the value to the nearest bound: events expire sooner,
or fewer retries run, than on the source platform.

## Example
```json
{"maxAsyncEventAgeInSeconds": 172800, "maxAsyncRetryAttempts": 5}
```
with `--target huawei`: 172800 becomes 86400, 5 becomes 3.

## Fix
Accept the change, or choose values inside both ranges.
"#,
        fixable: false,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((src, tgt)) = super::target(ctx) else { return };
    for c in &ctx.configs {
        for age in [true, false] {
            let key = if age { age_key(src) } else { retries_key(src) };
            let range = range_of(tgt, age);
            let Some(n) = c.map.get(key).and_then(int) else { continue };
            if n >= i128::from(range.min) && n <= i128::from(range.max) {
                continue;
            }
            let to = if n < i128::from(range.min) { range.min } else { range.max };
            let tkey = if age { age_key(tgt) } else { retries_key(tgt) };
            out.push(
                ctx.finding(
                    &RULE.info,
                    &c.at(key),
                    At::Value,
                    format!("translating to {tgt} clamps `{key}` {n} to `{tkey}` {to} ({tgt} accepts {range})"),
                )
                .with_help(format!("choose a value in {range} to keep the behaviour on both platforms")),
            );
        }
    }
}
