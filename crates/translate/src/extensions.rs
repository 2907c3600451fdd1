//! What is not a range, an identity or a destination: task mode and status log, read-only fields, unknown keys.

use crate::{codes, note, Ctx};
use invokecfg_model::*;
use serde_json::Value;

impl Ctx<'_> {
    pub(crate) fn carry_unknown(
        &self,
        unknown: Vec<(String, Value)>,
        p: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Vec<(String, Value)> {
        // Never written, even within one dialect: the output must be a document the API accepts.
        for (pointer, _) in unknown {
            // A top-level `$schema` points an editor at the schema: not the API's, not a mistake.
            if p.is_empty() && pointer.strip_prefix('/') == Some(invokecfg_model::schema::SCHEMA_KEY) {
                notes.push(
                    note(codes::SCHEMA_HINT_OMITTED, &pointer, "`$schema` (the editor's schema hint) is not written")
                        .with_help(
                        "the provider's API takes no `$schema`; add one to the output yourself if an editor reads it",
                    ),
                );
                continue;
            }
            notes.push(
                note(
                    codes::UNKNOWN_KEY_DROPPED,
                    &format!("{p}{pointer}"),
                    format!("`{}` is no {} key and is not carried", last_token(&pointer), self.source.id()),
                )
                .with_help("remove it, or fix its spelling (`invokecfg lint` suggests the nearest key)"),
            );
        }
        Vec::new()
    }
}

/// The key a JSON pointer ends in, unescaped.
fn last_token(pointer: &str) -> String {
    invokecfg_model::document::last_pointer_token(pointer)
}

impl Ctx<'_> {
    /// Invocation-state tracking: kept within one provider, carried by the
    /// target's closest feature across providers (noted), dropped (noted)
    /// where the target has none.
    pub(crate) fn state_tracking(&self, st: StateTracking, p: &str, notes: &mut Vec<Diagnostic>) -> StateTracking {
        let Some(s) = self.source_spec.state_tracking else { return StateTracking::default() };
        let t = self.target_spec.state_tracking;
        // Only a note needs the pointer.
        let sp = || text!(p, "/", s.key);
        let mut out = StateTracking::default();
        if let Some(b) = st.enabled {
            match t {
                Some(_) if !self.crosses() => out.enabled = Some(b),
                Some(t) => {
                    out.enabled = Some(b);
                    notes.push(
                        note(codes::FEATURE_APPROXIMATED, &sp(), format!("`{}: {b}` became `{}: {b}`", s.key, t.key))
                            .with_help(format!(
                                "{}'s closest feature, {}; {} had {}",
                                self.target_spec.label, t.meaning, self.source_spec.label, s.meaning
                            )),
                    );
                }
                None => notes.push(
                    note(
                        codes::FIELD_DROPPED,
                        &sp(),
                        text!(
                            "`",
                            s.key,
                            ": ",
                            if b { "true" } else { "false" },
                            "` has no counterpart on ",
                            self.target.id()
                        ),
                    )
                    .with_help(text!(
                        self.target_spec.label,
                        " keeps no per-invocation state; on ",
                        self.source_spec.label,
                        ": ",
                        s.meaning
                    )),
                ),
            }
        }
        let keeps = |k: &str| t.is_some_and(|t| t.log_target_keys.contains(&k));
        for (k, v) in st.log_target {
            if keeps(&k) {
                out.log_target.push((k, v));
            } else {
                notes.push(
                    note(
                        codes::FIELD_DROPPED,
                        &format!("{p}/{k}"),
                        format!("`{k}` `{v}` has no counterpart on {} and is dropped", self.target.id()),
                    )
                    .with_help(format!(
                        "{} writes invocation states to its own store; configure logging on the function instead",
                        self.target_spec.label
                    )),
                );
            }
        }
        out
    }
}
