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
    pointer.rsplit('/').next().unwrap_or_default().replace("~1", "/").replace("~0", "~")
}
