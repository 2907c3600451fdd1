//! What is not a range, an identity or a destination: task mode and status log, read-only fields, unknown keys
//! and the list entries a dialect does not read.

use crate::{codes, note, Pair};
use invokecfg_model::*;
use serde_json::Value;

/// Notes every unknown key of the config at `p` (read as `source`): none is carried.
pub(crate) fn carry_unknown(
    source: Dialect,
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
        if let Some(said) = list_entry_note(source.spec(), &pointer, p) {
            notes.push(said);
            continue;
        }
        notes.push(
            note(
                codes::UNKNOWN_KEY_DROPPED,
                &format!("{p}{pointer}"),
                format!("`{}` is no {} key and is not carried", last_token(&pointer), source.id()),
            )
            .with_help("remove it, or fix its spelling (`invokecfg lint` suggests the nearest key)"),
        );
    }
    Vec::new()
}

/// The note for what the codec kept of a list whose first entry alone is
/// read (SCF's `RetryConfig`): a further entry, or the list left empty.
/// `None`: `pointer` is no such list or entry.
fn list_entry_note(spec: &DialectSpec, pointer: &str, p: &str) -> Option<Diagnostic> {
    let relative = pointer.strip_prefix('/')?;
    spec.nested.iter().find_map(|list| {
        let why = list.further_entries?;
        let key = list.path.rsplit('/').next().unwrap_or(list.path);
        let at = text!(p, pointer);
        let index = relative.strip_prefix(list.path)?;
        if index.is_empty() {
            // Empty: it states nothing, and the value it would state is noted where it is written.
            return Some(note(codes::FIELD_DROPPED, &at, text!("`", key, "` holds no entry and is not carried")));
        }
        let index = index.strip_prefix('/')?;
        index.parse::<usize>().ok().filter(|i| *i > 0)?;
        Some(
            note(
                codes::FIELD_DROPPED,
                &at,
                text!("entry ", index, " of `", key, "` (`", list.path, "/", index, "`) is not carried: ", why),
            )
            .with_help(text!("only the first entry, `", list.path, "/0`, is carried; remove the others")),
        )
    })
}

/// The key a JSON pointer ends in, unescaped.
fn last_token(pointer: &str) -> String {
    invokecfg_model::document::last_pointer_token(pointer)
}

/// Invocation-state tracking: kept within one provider, carried by the
/// target's closest feature across providers (noted), dropped (noted) where
/// the target has none.
pub(crate) fn state_tracking(pair: Pair, st: StateTracking, p: &str, notes: &mut Vec<Diagnostic>) -> StateTracking {
    let Some(s) = pair.source_spec.state_tracking else { return StateTracking::default() };
    let t = pair.target_spec.state_tracking;
    // Only a note needs the pointer.
    let sp = || text!(p, "/", s.key);
    let mut out = StateTracking::default();
    if let Some(b) = st.enabled {
        match t {
            Some(_) if !pair.crosses() => out.enabled = Some(b),
            Some(t) => {
                out.enabled = Some(b);
                notes.push(
                    note(codes::FEATURE_APPROXIMATED, &sp(), format!("`{}: {b}` became `{}: {b}`", s.key, t.key))
                        .with_help(format!(
                            "{}'s closest feature, {}; {} had {}",
                            pair.target_spec.label, t.meaning, pair.source_spec.label, s.meaning
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
                        pair.target.id()
                    ),
                )
                .with_help(text!(
                    pair.target_spec.label,
                    " keeps no per-invocation state; on ",
                    pair.source_spec.label,
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
                    format!("`{k}` `{v}` has no counterpart on {} and is dropped", pair.target.id()),
                )
                .with_help(format!(
                    "{} writes invocation states to its own store; configure logging on the function instead",
                    pair.target_spec.label
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enabled() -> StateTracking {
        StateTracking { enabled: Some(true), log_target: Vec::new() }
    }

    #[test]
    fn state_tracking_is_kept_within_a_provider_without_a_note() {
        let mut notes = Vec::new();
        let out = state_tracking(Pair::new(Dialect::AlibabaFc2, Dialect::AlibabaFc3), enabled(), "", &mut notes);
        assert_eq!(out.enabled, Some(true));
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn state_tracking_is_approximated_or_dropped_across_providers() {
        let mut notes = Vec::new();
        let out = state_tracking(Pair::new(Dialect::AlibabaFc2, Dialect::Huawei), enabled(), "/configs/1", &mut notes);
        assert_eq!(out.enabled, Some(true));
        assert_eq!(notes.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), [codes::FEATURE_APPROXIMATED]);
        let key = Dialect::AlibabaFc2.spec().state_tracking.map(|s| s.key).unwrap_or_default();
        assert_eq!(notes[0].pointer, format!("/configs/1/{key}"));
        let mut notes = Vec::new();
        let out = state_tracking(Pair::new(Dialect::AlibabaFc2, Dialect::AwsLambda), enabled(), "", &mut notes);
        assert_eq!(out, StateTracking::default());
        assert_eq!(notes.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), [codes::FIELD_DROPPED]);
    }

    #[test]
    fn a_further_list_entry_is_named_as_an_entry_with_why() {
        // Found by its spec (SCF's `RetryConfig`): this crate names no provider.
        let found = Dialect::ALL
            .into_iter()
            .find_map(|d| d.spec().nested.iter().find(|n| n.further_entries.is_some()).map(|n| (d, n)));
        let Some((dialect, list)) = found else { panic!("a dialect reads a list's first entry alone") };
        let unknown = vec![
            (format!("/{}/1", list.path), serde_json::json!({"RetryNum": -1})),
            (format!("/{}", list.path), Value::Array(Vec::new())),
            (format!("/{}/0/colour", list.path), Value::Null),
        ];
        let mut notes = Vec::new();
        carry_unknown(dialect, unknown, "", &mut notes);
        let codes: Vec<&str> = notes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, [codes::FIELD_DROPPED, codes::FIELD_DROPPED, codes::UNKNOWN_KEY_DROPPED]);
        assert!(notes[0].message.starts_with(&format!("entry 1 of `RetryConfig` (`{}/1`)", list.path)), "{notes:?}");
        assert!(notes[0].message.ends_with(list.further_entries.unwrap_or_default()), "{notes:?}");
        assert_eq!(notes[0].pointer, format!("/{}/1", list.path));
        assert_eq!(notes[1].message, "`RetryConfig` holds no entry and is not carried");
        // A misspelt key inside the first entry is still an unknown key.
        assert!(notes[2].message.starts_with(&format!("`colour` is no {dialect} key")), "{notes:?}");
    }

    #[test]
    fn unknown_keys_are_noted_and_never_carried() {
        let schema = format!("/{}", invokecfg_model::schema::SCHEMA_KEY);
        let unknown = vec![(schema, Value::Null), ("/colour".to_string(), Value::Null)];
        let mut notes = Vec::new();
        assert!(carry_unknown(Dialect::Huawei, unknown.clone(), "", &mut notes).is_empty());
        let codes: Vec<&str> = notes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, [codes::SCHEMA_HINT_OMITTED, codes::UNKNOWN_KEY_DROPPED]);
        // Inside a list item, `$schema` is no editor's hint.
        let mut notes = Vec::new();
        carry_unknown(Dialect::Huawei, unknown, "/functions/0", &mut notes);
        assert!(notes.iter().all(|n| n.code == codes::UNKNOWN_KEY_DROPPED));
        assert_eq!(notes[1].pointer, "/functions/0/colour");
    }
}
