//! R201: event age outside the dialect's range.

use super::prelude::*;
use crate::ctx::{age_key, retries_key};
use crate::ctx::Config;
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
Use a value inside the range. The safe fix clamps to the nearest bound and
edits only the number.
"#,
        fixable: true,
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
    // A field key may be a path (SCF's `AsyncTriggerConfig/MsgTTL`); messages name its last key.
    let path = if age { age_key(d) } else { retries_key(d) };
    let key = path.rsplit('/').next().unwrap_or(path);
    let range = range_of(d, age);
    for c in &ctx.configs {
        if c.response {
            continue;
        }
        request_shape(ctx, out, rule, c, path, range);
        let Some(n) = c.field(path).and_then(int) else { continue };
        if n >= i128::from(range.min) && n <= i128::from(range.max) {
            continue;
        }
        let clamped = if n < i128::from(range.min) { range.min } else { range.max };
        let mut f = ctx.finding(
            rule,
            &c.field_at(path),
            At::Value,
            format!("`{key}` is {n}, outside {range} (default {})", range.default),
        );
        let mut help = format!("{} accepts {range}", d.title());
        let spec = d.spec();
        if let Some(note) = if age { spec.max_event_age.note } else { spec.retry_attempts.note } {
            help.push_str(&format!("; {note}"));
        }
        if age && d.is_alibaba() && n > i128::from(range.max) {
            help.push_str(&format!(
                "; older docs, Serverless Devs and Terraform allowed up to {}, the current API does not",
                alibaba::LEGACY_MAX_EVENT_AGE
            ));
        }
        f.help = Some(help);
        f.fix = replace(f.span, clamped.to_string(), format!("clamp to {clamped}"));
        out.push(f.with_change(Value::from(n as f64), Value::from(clamped), Some((range.min, range.max))));
    }
}

/// Where a field sits in a nested object (SCF's `AsyncTriggerConfig/MsgTTL`)
/// that a request holds: the field is there (the API requires both members),
/// and a list on the way (`RetryConfig/0/...`) holds exactly the one entry
/// the path reads.
fn request_shape(ctx: &Ctx, out: &mut Vec<Diagnostic>, rule: &RuleInfo, c: &Config, path: &str, range: IntRange) {
    let Some((holder, key)) = path.rsplit_once('/') else { return };
    // The list the path steps into, if any: `AsyncTriggerConfig/RetryConfig` of `.../0/RetryNum`.
    let list = holder.rsplit_once('/').filter(|(_, i)| i.parse::<usize>().is_ok()).map(|(l, _)| l);
    let object = list.map_or(holder, |l| l.rsplit_once('/').map_or(l, |(o, _)| o));
    if !matches!(c.field(object), Some(Value::Object(_))) {
        return;
    }
    let name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    if let Some(l) = list {
        match c.field(l) {
            Some(Value::Array(items)) if items.len() == 1 => {}
            Some(Value::Array(items)) => {
                let (what, help) = if items.is_empty() {
                    ("no entry".to_string(), format!("add one entry with `{key}`"))
                } else {
                    (format!("{} entries", items.len()), "keep one entry: what further entries mean is not documented".into())
                };
                out.push(
                    ctx.finding(rule, &c.field_at(l), At::Value, format!("`{}` holds {what}; a request takes exactly one", name(l)))
                        .with_help(help),
                );
                return;
            }
            None => {
                out.push(
                    ctx.finding(rule, &c.field_at(object), At::Key, format!("`{}` has no `{}`: the API requires it", name(object), name(l)))
                        .with_help(format!("add `\"{}\": [{{\"{key}\": {}}}]`", name(l), range.default)),
                );
                return;
            }
            // A wrong type is S108's.
            Some(_) => return,
        }
    }
    if c.field(path).is_none() && c.field(holder).is_some_and(Value::is_object) {
        let what = match list {
            Some(l) => format!("the `{}` entry", name(l)),
            None => format!("`{}`", name(holder)),
        };
        out.push(
            ctx.finding(rule, &c.field_at(holder), At::Key, format!("{what} has no `{key}`: the API requires it"))
                .with_help(format!("add `\"{key}\": {}` (accepted: {range})", range.default)),
        );
    }
}
