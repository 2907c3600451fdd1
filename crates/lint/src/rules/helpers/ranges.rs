//! The per-config integer fields with a request range: R201 (age) and R202
//! (retries) check them with one clamp fix, R203 reads the same ranges.

use crate::ctx::{int, replace, At, Config, Ctx};
use crate::{Applicability, RuleInfo};
use invokecfg_model::facts::{alibaba, IntRange};
use invokecfg_model::{Diagnostic, Dialect, Field};
use serde_json::Value;

/// A config field whose value must lie in the dialect's request range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ranged {
    /// The maximum event age (seconds).
    MaxEventAge,
    /// The maximum retry attempts.
    RetryAttempts,
}

impl Ranged {
    /// The field's key in `d`.
    pub(crate) fn key(self, d: Dialect) -> &'static str {
        d.key(match self {
            Ranged::MaxEventAge => Field::MaxEventAge,
            Ranged::RetryAttempts => Field::RetryAttempts,
        })
    }

    /// The range `d` accepts for a config being set.
    pub(crate) fn request_range(self, d: Dialect) -> IntRange {
        let s = d.spec();
        match self {
            Ranged::MaxEventAge => s.max_event_age.request,
            Ranged::RetryAttempts => s.retry_attempts.request,
        }
    }
}

/// An out-of-range `field` in each config being set, with a clamp fix.
pub(crate) fn range_check(ctx: &Ctx, out: &mut Vec<Diagnostic>, rule: &RuleInfo, field: Ranged) {
    let Some(d) = ctx.dialect else { return };
    // A field key may be a path (SCF's `AsyncTriggerConfig/MsgTTL`); messages name its last key.
    let path = field.key(d);
    let key = path.rsplit('/').next().unwrap_or(path);
    let range = field.request_range(d);
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
        let note = match field {
            Ranged::MaxEventAge => spec.max_event_age.note,
            Ranged::RetryAttempts => spec.retry_attempts.note,
        };
        if let Some(note) = note {
            help.push_str(&format!("; {note}"));
        }
        if field == Ranged::MaxEventAge && d.is_alibaba() && n > i128::from(range.max) {
            help.push_str(&format!(
                "; older docs, Serverless Devs and Terraform allowed up to {}, the current API does not",
                alibaba::LEGACY_MAX_EVENT_AGE
            ));
        }
        f.help = Some(help);
        // A value chosen for the user: unsafe (see R201's docs).
        f.fix = replace(Applicability::Unsafe, f.span, clamped.to_string(), format!("clamp to {clamped}"));
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
                    // Why the rest are not read, from the list's own spec (SCF's `RetryConfig`).
                    let why = ctx
                        .dialect
                        .and_then(|d| d.spec().nested.iter().find(|n| n.path == l))
                        .and_then(|n| n.further_entries)
                        .unwrap_or("what further entries mean is not documented");
                    (format!("{} entries", items.len()), format!("keep the first entry alone: {why}"))
                };
                let message = format!("`{}` holds {what}; a request takes exactly one", name(l));
                out.push(ctx.finding(rule, &c.field_at(l), At::Value, message).with_help(help));
                return;
            }
            None => {
                let message = format!("`{}` has no `{}`: the API requires it", name(object), name(l));
                let help = format!("add `\"{}\": [{{\"{key}\": {}}}]`", name(l), range.default);
                out.push(ctx.finding(rule, &c.field_at(object), At::Key, message).with_help(help));
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
        let message = format!("{what} has no `{key}`: the API requires it");
        let help = format!("add `\"{key}\": {}` (accepted: {range})", range.default);
        out.push(ctx.finding(rule, &c.field_at(holder), At::Key, message).with_help(help));
    }
}
