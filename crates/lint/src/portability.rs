//! Portability (`P5xx`): what translating to `--target` would change,
//! reported from a dry run of the translator itself, so `lint --target X`
//! and `translate --to X` say the same things at the same pointers.
//!
//! The dry run is made here, outside the lint context, and handed to it as
//! data (`ctx::DryRun`); the portability rules read it from the context.

use crate::ctx::{Ctx, DryRun};
use invokecfg_model::Document;
use invokecfg_translate::{codes, translate, Options};

pub use crate::rules::{is_portability_rule, rule_of_note, RULE_OF_NOTE};

/// The notes of translating the linted document to `--target` (both ways a
/// translation ends: a refusal's notes are what a user must act on).
pub(crate) fn dry_run(ctx: &Ctx) -> DryRun {
    let (Some(source), Some(target)) = (ctx.dialect, ctx.options.target) else { return DryRun::NotRun };
    if let Some(notes) = &ctx.options.translation_notes {
        return DryRun::Notes(notes.to_vec());
    }
    // `translate` refuses to read these (S104, S107, S108 say why): there is nothing to dry-run.
    if ctx.mixed.is_some() || !ctx.duplicates.is_empty() {
        return DryRun::Unreadable;
    }
    let Ok(doc) = Document::from_value(ctx.value, source) else { return DryRun::Unreadable };
    let options = Options { function: ctx.options.function.clone(), ..Default::default() };
    let mapping = ctx.options.mapping.as_deref().cloned().unwrap_or_default();
    let mut notes = match translate(&doc, target, &mapping, &options) {
        Ok(t) => t.notes,
        // Read but not as the translator's model: refused before any item is translated.
        Err(e) if e.notes().iter().any(|n| n.code == codes::SOURCE_INVALID) => return DryRun::Unreadable,
        Err(e) => e.into_notes(),
    };
    if ctx.window.is_some() {
        for n in &mut notes {
            n.pointer = ctx.in_document(&n.pointer).into_owned();
        }
    }
    DryRun::Notes(notes)
}
