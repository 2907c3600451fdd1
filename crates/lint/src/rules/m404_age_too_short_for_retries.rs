//! M404: an event age too short for the configured retries to happen.

use super::prelude::*;
use crate::ctx::{age_key, retries_key};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M404",
        name: "age-too-short-for-retries",
        severity: Severity::Warning,
        summary: "Event age too short for the configured retries to happen",
        docs: r#"## What it does
Warns (Alibaba) when `maxAsyncEventAgeInSeconds` is shorter than the time the
last configured retry needs before it can start.

The threshold comes from Function Compute's retry policy: retries back off
exponentially starting at 0.5 s (0.5 s, 1 s, 2 s, ...), and the event age is
measured from the trigger until the message is dequeued. Retry N therefore
cannot be dequeued before 0.5 * (2^N - 1) s, even for an instant function;
an event older than the age is dropped instead. So with N retries the age must
be at least 2^(N-1) s (rounded up): 1 retry 1 s, 3 retries 4 s, 8 retries
128 s. The rule does not guess execution time, so it only flags configs where
the retries are impossible, not merely unlikely. Huawei publishes no backoff
schedule, so Huawei configs are not checked.

## Why is this bad?
The retries you configured never run: events expire first, and go to the
failure destination (or are dropped) without the retries you counted on.

## Example
```json
{"maxAsyncEventAgeInSeconds": 60, "maxAsyncRetryAttempts": 8}
```
Retry 8 cannot start before 127.5 s.

## Fix
Raise the age to at least the value the help line gives, or lower the retries.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect.filter(|d| d.is_alibaba()) else { return };
    let (ages, tries) = (alibaba::MAX_EVENT_AGE, alibaba::RETRY_ATTEMPTS);
    for c in &ctx.configs {
        let Some(age) = member(c.map, age_key(d)).and_then(int) else { continue };
        let retries = match member(c.map, retries_key(d)) {
            None | Some(Value::Null) => i128::from(tries.default),
            Some(v) => match int(v) {
                Some(n) => n,
                None => continue,
            },
        };
        let in_range = |n: i128, r: invokecfg_model::facts::IntRange| n >= i128::from(r.min) && n <= i128::from(r.max);
        // Out-of-range retries (R202) count as the bound its fix clamps them to.
        let retries = retries.clamp(i128::from(tries.min), i128::from(tries.max));
        if !in_range(age, ages) || retries == 0 {
            continue;
        }
        // Retry N starts no earlier than 0.5 * (2^N - 1) s; rounded up that is 2^(N-1).
        let need = 1i128 << (retries - 1);
        if age >= need {
            continue;
        }
        out.push(
            ctx.finding(
                &RULE.info,
                &c.at(age_key(d)),
                At::Value,
                format!(
                    "an event age of {age} s leaves no time for {retries} retries: retry {retries} cannot start before {:.1} s",
                    0.5 * ((1i128 << retries) - 1) as f64
                ),
            )
            .with_help(format!("raise `{}` to at least {need}, or lower `{}`", age_key(d), retries_key(d))),
        );
    }
}
