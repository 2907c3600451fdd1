//! Portability (`P5xx`): what translating to `--target` would change,
//! reported from a dry run of the translator itself, so `lint --target X`
//! and `translate --to X` say the same things at the same pointers.

use crate::ctx::{At, Ctx};
use crate::{RuleCode, RuleInfo};
use invokecfg_model::{Diagnostic, Document};
use invokecfg_translate::{codes, translate, Options};

/// Translation note code -> the portability rule that reports it.
pub const RULE_OF_NOTE: &[(&str, RuleCode)] = &[
    (codes::VALUE_CLAMPED, RuleCode::P501),
    (codes::DESTINATION_DROPPED, RuleCode::P502),
    (codes::DESTINATION_UNMAPPED, RuleCode::P502),
    (codes::NAME_INVALID, RuleCode::P503),
    (codes::QUALIFIER_KEPT, RuleCode::P504),
    (codes::FEATURE_APPROXIMATED, RuleCode::P505),
    (codes::FIELD_DROPPED, RuleCode::P506),
    (codes::IDENTITY_UNMAPPED, RuleCode::P507),
    (codes::IDENTITY_INCOMPLETE, RuleCode::P507),
    (codes::MAPPING_CLASH, RuleCode::P507),
    (codes::MAPPING_ENTRY_UNUSABLE, RuleCode::P507),
];

/// The rule code a translation note maps to, if it is a portability finding.
pub fn rule_of_note(code: &str) -> Option<&'static str> {
    RULE_OF_NOTE.iter().find(|(n, _)| *n == code).map(|(_, r)| r.as_str())
}

/// The notes of translating the linted document to `--target` (both ways a
/// translation ends: a refusal's notes are what a user must act on); `None`
/// when the translator would not read the document at all.
pub(crate) fn dry_run(ctx: &Ctx) -> Option<Vec<Diagnostic>> {
    let (Some(source), Some(target)) = (ctx.dialect, ctx.options.target) else { return Some(Vec::new()) };
    if let Some(notes) = &ctx.options.translation_notes {
        return Some(notes.to_vec());
    }
    // `translate` refuses to read these (S104, S107, S108 say why): there is nothing to dry-run.
    if ctx.mixed.is_some() || !ctx.duplicates.is_empty() {
        return None;
    }
    let doc = Document::from_value(ctx.value, source).ok()?;
    let options = Options { function: ctx.options.function.clone(), ..Default::default() };
    let mapping = ctx.options.mapping.as_deref().cloned().unwrap_or_default();
    let mut notes = match translate(&doc, target, &mapping, &options) {
        Ok(t) => t.notes,
        // Read but not as the translator's model: refused before any item is translated.
        Err(e) if e.notes().iter().any(|n| n.code == codes::SOURCE_INVALID) => return None,
        Err(e) => e.into_notes(),
    };
    if ctx.window.is_some() {
        for n in &mut notes {
            n.pointer = ctx.in_document(&n.pointer).into_owned();
        }
    }
    Some(notes)
}

/// Whether `code` is a portability rule's.
pub fn is_portability_rule(code: &str) -> bool {
    RULE_OF_NOTE.iter().any(|(_, r)| r.as_str() == code)
}

/// Appends the findings of portability rule `rule`: every dry-run note that
/// maps to it, with the note's severity (the translator's verdict: an error
/// exactly when the translation is refused).
pub(crate) fn report(ctx: &Ctx, rule: &RuleInfo, out: &mut Vec<Diagnostic>) {
    for n in ctx.portability() {
        if rule_of_note(&n.code) != Some(rule.code) {
            continue;
        }
        let mut d = ctx.finding(rule, &n.pointer, At::Value, n.message.clone());
        d.severity = n.severity;
        d.help = n.help.clone();
        d.old = n.old.clone();
        d.new = n.new.clone();
        d.range = n.range;
        out.push(d);
    }
}
