//! What `translate --to` says about a found document, for `lint --target`:
//! the same translation, so the portability rules (P5xx) are its notes.

use crate::carry::Syntax;
use crate::Found;
use invokecfg_lint::LintOptions;
use invokecfg_model::facts::terraform::{self as facts, Argument, Resource};
use invokecfg_model::{Diagnostic, Dialect, Field, Severity};
use invokecfg_translate::codes::{SOURCE_INVALID, VALUE_CLAMPED};
use serde_json::Value;

/// The notes `translate --to target` gives for `found` (the wrapper's
/// function name completes the identity, expressions the translator refuses
/// are left out, a Terraform resource's values are clamped into the target
/// resource type's validated range); none when the translator would not read
/// the document (its S-rule findings say why).
pub(crate) fn translation_notes(found: &Found, target: Dialect, options: &LintOptions) -> Vec<Diagnostic> {
    let mapping = options.mapping.as_deref().cloned().unwrap_or_default();
    let translate_options = invokecfg_translate::Options { function: options.function.clone(), ..Default::default() };
    let terraform = facts::resource(found.wrapper).is_some();
    // `translate` hands a resource already of the target's type over byte for byte, with no note.
    if terraform && facts::resource_for_dialect(target.id()).is_some_and(|to| to.resource_type == found.wrapper) {
        return Vec::new();
    }
    // HCL to HCL and YAML to YAML (FC 3.0, in place) carry expressions as
    // written; a YAML section written as API JSON or Terraform cannot.
    let syntax = if terraform || target == Dialect::AlibabaFc3 { Syntax::Same } else { Syntax::Foreign };
    match crate::carry::translate(found, target, &mapping, &translate_options, syntax) {
        Ok(carried) => {
            let mut notes = carried.notes;
            if terraform {
                notes.extend(target_wrapper_clamps(found, carried.from, target, &carried.document));
            }
            notes
        }
        Err(notes) if notes.iter().any(|n| n.code == SOURCE_INVALID) => Vec::new(),
        Err(notes) => notes,
    }
}

/// The values a rewritten Terraform resource clamps into the range its
/// target resource type validates (`alicloud_fcv3_async_invoke_config`'s
/// age 0..3600), as the rewrite notes them: the translated value, else the
/// API's default where the target resource requires or defaults the argument.
fn target_wrapper_clamps(found: &Found, from: Dialect, target: Dialect, document: &Value) -> Vec<Diagnostic> {
    let Some(to) = facts::resource_for_dialect(target.id()) else { return Vec::new() };
    let spec = target.spec();
    let mut out = Vec::new();
    for (field, api) in
        [(Field::MaxEventAge, spec.max_event_age.request), (Field::RetryAttempts, spec.retry_attempts.request)]
    {
        let pointer = format!("/{}", target.key(field));
        let source_pointer = format!("/{}", from.key(field));
        let Some(argument) = to.argument_at(&pointer) else { continue };
        // An expression is kept as it is: its value is not known.
        if found.is_expression(&source_pointer) {
            continue;
        }
        let value = match document.pointer(&pointer).filter(|v| !v.is_null()) {
            Some(v) => v.as_i64(),
            None if argument.required || argument.default.is_some() => Some(api.default),
            None => None,
        };
        out.extend(value.and_then(|n| wrapper_clamp(argument, n, to, &source_pointer)).map(|(_, note)| note));
    }
    out
}

/// `n` clamped into the range `argument` validates on the target resource
/// type `to`, with the note a rewrite gives (at `pointer`); `None` when `n`
/// is in range or not validated. The rewrite (`terraform/render.rs`) and
/// this dry run are to clamp through this one function.
pub(crate) fn wrapper_clamp(argument: &Argument, n: i64, to: &Resource, pointer: &str) -> Option<(i64, Diagnostic)> {
    let range = argument.validated.filter(|r| !r.contains(n))?;
    let new = range.clamp(n);
    let mut note = Diagnostic::new(
        VALUE_CLAMPED,
        Severity::Warning,
        pointer,
        format!(
            "`{}` {n} is outside {}'s validated range {range}; clamped to {new}",
            argument.path.join("."),
            to.resource_type
        ),
    )
    .with_help(format!("the provider rejects values outside {range} before calling the API"));
    note.old = Some(Value::from(n));
    note.new = Some(Value::from(new));
    note.range = Some((range.min, range.max));
    Some((new, note))
}
