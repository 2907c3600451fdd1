//! Ranges: values kept, clamped into the target's range, or omitted defaults made explicit.

use crate::{codes, note, Ctx};
use invokecfg_model::facts::IntRange;
use invokecfg_model::*;
use serde_json::json;

impl Ctx<'_> {
    /// The value of `key` in the config at `p`: kept, clamped into `tgt`, or
    /// the source's default written out where the target's differs.
    pub(crate) fn range(
        &self,
        value: Option<i64>,
        (src, tgt): (IntRange, IntRange),
        p: &str,
        key: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<i64> {
        // Only a note needs the pointer.
        let pointer = || text!(p, "/", key);
        let target = self.target.id();
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
                            self.source.id(),
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
                            self.source.id()
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
}
