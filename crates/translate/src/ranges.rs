//! Ranges: values kept, clamped into the target's range, or omitted defaults made explicit.

use crate::{codes, note, Pair};
use invokecfg_model::facts::IntRange;
use invokecfg_model::*;
use serde_json::json;

/// The value of `key` in the config at `p`: kept, clamped into `tgt`, or
/// the source's default written out where the target's differs.
pub(crate) fn range(
    pair: Pair,
    value: Option<i64>,
    (src, tgt): (IntRange, IntRange),
    p: &str,
    key: &str,
    notes: &mut Vec<Diagnostic>,
) -> Option<i64> {
    // Only a note needs the pointer.
    let pointer = || text!(p, "/", key);
    let target = pair.target.id();
    match value {
        Some(v) if tgt.contains(v) => Some(v),
        Some(v) => {
            let n = tgt.clamp(v);
            notes.push(
                note(
                    codes::VALUE_CLAMPED,
                    &pointer(),
                    format!("`{key}` {v} is outside {target}'s range {tgt}; clamped to {n}"),
                )
                .with_help(format!("{target} accepts {tgt}; set a value in range on the source to silence this"))
                .with_change(json!(v), json!(n), Some((tgt.min, tgt.max))),
            );
            Some(n)
        }
        None if src.default == tgt.default => None,
        None => {
            let n = tgt.clamp(src.default);
            let d = if n == src.default {
                note(
                    codes::DEFAULT_MADE_EXPLICIT,
                    &pointer(),
                    format!(
                        "`{key}` was omitted, meaning {} on {}; written as {n} because {target}'s default is {}",
                        src.default,
                        pair.source.id(),
                        tgt.default
                    ),
                )
            } else {
                note(
                    codes::VALUE_CLAMPED,
                    &pointer(),
                    format!(
                        "`{key}` was omitted, meaning {} on {}; clamped to {n}, inside {target}'s range {tgt}",
                        src.default,
                        pair.source.id()
                    ),
                )
            };
            // A default made explicit is in range by construction: only a clamp states the range.
            let range = (n != src.default).then_some((tgt.min, tgt.max));
            notes.push(d.with_change(json!(src.default), json!(n), range));
            Some(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retries(d: Dialect) -> IntRange {
        d.spec().retry_attempts.request
    }

    #[test]
    fn a_value_in_range_is_kept_without_a_note() {
        let pair = Pair::new(Dialect::AlibabaFc2, Dialect::AwsLambda);
        let mut notes = Vec::new();
        let bounds = (retries(pair.source), retries(pair.target));
        assert_eq!(range(pair, Some(1), bounds, "", "retries", &mut notes), Some(1));
        assert!(notes.is_empty());
    }

    #[test]
    fn a_value_out_of_range_is_clamped_with_both_values() {
        let pair = Pair::new(Dialect::AlibabaFc2, Dialect::AwsLambda);
        let (src, tgt) = (retries(pair.source), retries(pair.target));
        let mut notes = Vec::new();
        let over = tgt.max + 1;
        assert_eq!(range(pair, Some(over), (src, tgt), "/configs/0", "retries", &mut notes), Some(tgt.max));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].code, codes::VALUE_CLAMPED);
        assert_eq!(notes[0].pointer, "/configs/0/retries");
        assert_eq!((notes[0].old.clone(), notes[0].new.clone()), (Some(json!(over)), Some(json!(tgt.max))));
        assert_eq!(notes[0].range, Some((tgt.min, tgt.max)));
    }

    #[test]
    fn an_omitted_value_is_written_only_where_the_defaults_differ() {
        let same = IntRange { min: 0, max: 10, default: 3 };
        let other = IntRange { min: 0, max: 10, default: 5 };
        let pair = Pair::new(Dialect::AlibabaFc2, Dialect::Huawei);
        let mut notes = Vec::new();
        assert_eq!(range(pair, None, (same, same), "", "k", &mut notes), None);
        assert!(notes.is_empty());
        assert_eq!(range(pair, None, (same, other), "", "k", &mut notes), Some(3));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].code, codes::DEFAULT_MADE_EXPLICIT);
        assert_eq!(notes[0].range, None, "a default made explicit is in range by construction");
    }
}
