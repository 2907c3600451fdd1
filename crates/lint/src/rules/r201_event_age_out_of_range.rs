//! R201: event age outside the dialect's range.

use super::prelude::*;
use crate::ctx::{age_key, retries_key};
use invokecfg_model::facts::IntRange;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R201",
        name: "event-age-out-of-range",
        severity: Severity::Error,
        summary: "Maximum event age outside the provider's range",
        docs: r#"## What it does
Reports a maximum event age (seconds) outside its dialect's range:

$facts(age-ranges)

## Why is this bad?
The API rejects the request. Older Alibaba docs, Serverless Devs and Terraform
allowed up to $facts(alibaba-legacy-age-max) (30 days); the current API documents
$facts(age:alibaba-fc3).

## Example
```json
{"maxAsyncEventAgeInSeconds": 2592000}
```

## Fix
Use a value inside the range. The fix clamps to the nearest bound and edits
only the number. It is unsafe (applied with `--fix --unsafe-fixes`): the bound
is a value chosen for you, and events then live longer or shorter than the
file meant.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    range_check(ctx, out, &RULE.info, true);
}

/// The age (`age`) or retries range of a dialect, for configs being set.
pub(crate) fn range_of(d: Dialect, age: bool) -> IntRange {
    let s = d.spec();
    if age {
        s.max_event_age.request
    } else {
        s.retry_attempts.request
    }
}

/// Shared by R201 (age) and R202 (retries): an out-of-range value with a clamp fix.
pub(crate) fn range_check(ctx: &Ctx, out: &mut Vec<Diagnostic>, rule: &RuleInfo, age: bool) {
    let Some(d) = ctx.dialect else { return };
    let key = if age { age_key(d) } else { retries_key(d) };
    let range = range_of(d, age);
    for c in &ctx.configs {
        if c.response {
            continue;
        }
        let Some(n) = c.map.get(key).and_then(int) else { continue };
        if n >= i128::from(range.min) && n <= i128::from(range.max) {
            continue;
        }
        let clamped = if n < i128::from(range.min) { range.min } else { range.max };
        let mut f = ctx.finding(
            rule,
            &c.at(key),
            At::Value,
            format!("`{key}` is {n}, outside {range} (default {})", range.default),
        );
        let mut help = format!("{} accepts {range}", d.title());
        if age && d.is_alibaba() && n > i128::from(range.max) {
            help.push_str(&format!(
                "; older docs, Serverless Devs and Terraform allowed up to {}, the current API does not",
                alibaba::LEGACY_MAX_EVENT_AGE
            ));
        }
        f.help = Some(help);
        f.fix = replace(Applicability::Unsafe, f.span, clamped.to_string(), format!("clamp to {clamped}"));
        out.push(f.with_change(Value::from(n as f64), Value::from(clamped), Some((range.min, range.max))));
    }
}
