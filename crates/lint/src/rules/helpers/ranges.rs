//! The per-config integer fields with a request range: R201 (age) and R202
//! (retries) check them with one clamp fix, R203 reads the same ranges.

use crate::ctx::{int, replace, At, Ctx};
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
    let key = field.key(d);
    let range = field.request_range(d);
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
