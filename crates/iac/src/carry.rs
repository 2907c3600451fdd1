//! Translating a found document whose values may be expressions: what cannot
//! be carried is left out (and named), the rest goes through the translator.

use crate::codes::{self, note};
use crate::template::{self, Templates};
use crate::text::{is_placeholder, one_line};
use crate::{Expression, Found, PLACEHOLDER};
use invokecfg_model::{AcsArn, AcsResource, Diagnostic, Dialect, Document, Field, Severity};
use invokecfg_translate::codes::SOURCE_INVALID;
use invokecfg_translate::{translate as translate_document, Mapping, Options};
use serde_json::Value;

/// A found document translated.
pub(crate) struct Carried {
    /// The source dialect.
    pub from: Dialect,
    /// The target document.
    pub document: Value,
    /// Notes, located by the source's pointers.
    pub notes: Vec<Diagnostic>,
    /// Expressions left out: the wrapper's name of the value, and the expression.
    pub lost: Vec<(String, String)>,
    /// The pointers of the expressions left out.
    pub dropped: Vec<String>,
    /// Interpolated identifiers translated as templates.
    pub templates: Templates,
}

/// Whether the output writes expressions as the source does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// HCL to HCL, YAML to YAML: an expression can be carried as written.
    Same,
    /// YAML to API JSON or to Terraform: the output cannot hold the
    /// source's expressions, so none is spliced into a value.
    Foreign,
}

/// Translates `f.document` into `target`, leaving out destinations given as
/// whole expressions, any expression whose placeholder the translator
/// refuses, and (for a [`Syntax::Foreign`] output) every string holding one.
pub(crate) fn translate(
    f: &Found,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
    syntax: Syntax,
) -> Result<Carried, Vec<Diagnostic>> {
    let from: Dialect = f.dialect.parse().map_err(|_| {
        vec![Diagnostic::new(
            SOURCE_INVALID,
            Severity::Error,
            "",
            format!(
                "`{}` resources cannot be translated yet: the translator has no `{}` dialect",
                f.wrapper, f.dialect
            ),
        )]
    })?;
    let mut doc = f.document.clone();
    // The FC 3.0 function name of the request path, as the relative ARN the
    // translator completes from the destinations (T108) or `--function`.
    let function = format!("/{}", from.key(Field::Function));
    if let (Some(name), true) = (&f.function_name, doc.pointer(&function).is_none()) {
        let arn = AcsArn {
            region: String::new(),
            account: String::new(),
            resource: AcsResource::Fc3Function { function: name.clone(), qualifier: None },
        };
        crate::set(&mut doc, &function, Value::String(arn.to_string()));
    }
    let (mapping, templates) = template::prepare(f, &mut doc, from, target, mapping);
    let mut lost: Vec<(String, String)> = Vec::new();
    let mut lost_notes = Vec::new();
    let destinations = format!("/{}", from.key(Field::DestinationConfig));
    let mut dropped: Vec<&str> = Vec::new();
    // What cannot be carried is left out of the document and marked with a comment.
    let mut leave_out = |doc: &mut Value, e: &'_ Expression, lost: &mut Vec<(String, String)>| {
        let under = e.pointer.strip_prefix(destinations.as_str()).filter(|r| r.starts_with('/'));
        let target_pointer = match under.and_then(|r| r.split('/').nth(1)) {
            Some(side) => format!("{destinations}/{side}"),
            None => e.pointer.clone(),
        };
        if let Some((parent, key)) = target_pointer.rsplit_once('/') {
            if let Some(Value::Object(m)) = if parent.is_empty() { Some(&mut *doc) } else { doc.pointer_mut(parent) } {
                m.remove(key);
            }
        }
        let name = field_name(f, &e.pointer).unwrap_or_else(|| e.pointer.clone());
        lost.push((name, e.text.clone()));
        lost_notes.push(
            note(
                codes::EXPRESSION_NOT_CARRIED,
                &e.pointer,
                format!("`{}` is an expression the translation to {} cannot carry", one_line(&e.text), target.id()),
            )
            .with_help("write the target's value in the rewritten resource (a `# invokecfg:` comment marks the place)"),
        );
    };
    // Whole-expression destinations: their kind is unknown. For a foreign
    // output, every string holding an expression: never spliced.
    for e in &f.expressions {
        let value = doc.pointer(&e.pointer).filter(|v| !v.is_null()).and_then(Value::as_str).unwrap_or_default();
        let whole_destination = e.pointer.starts_with(&destinations) && (value.is_empty() || is_placeholder(value));
        if whole_destination || (syntax == Syntax::Foreign && value.contains(PLACEHOLDER)) {
            leave_out(&mut doc, e, &mut lost);
            dropped.push(&e.pointer);
        }
    }
    // An identity part that is an expression the output cannot hold: the
    // identity is not built from the other parts (that would name another
    // function); the translator then says the output names no function.
    let identity: Vec<String> = from
        .spec()
        .identity_keys
        .iter()
        .chain([&from.key(Field::Function)])
        .map(|k| format!("/{}", invokecfg_model::document::escape_pointer_token(k)))
        .collect();
    if syntax == Syntax::Foreign && dropped.iter().any(|p| identity.iter().any(|i| i == p)) {
        if let Value::Object(m) = &mut doc {
            for p in &identity {
                m.remove(&invokecfg_model::document::unescape_pointer_token(p.trim_start_matches('/')));
            }
        }
    }
    let translation = loop {
        let document = Document::from_value(&doc, from).map_err(|e| {
            vec![Diagnostic::new(SOURCE_INVALID, Severity::Error, e.pointer.clone(), e.message.clone())
                .with_help("fix the resource first (`invokecfg lint` shows every problem)")]
        })?;
        match translate_document(&document, target, &mapping, options) {
            Ok(t) => break t,
            Err(e) => {
                let notes = e.into_notes();
                // Refused because of a placeholder: leave that expression out and try again.
                let errors: Vec<&str> =
                    notes.iter().filter(|n| n.severity == Severity::Error).map(|n| n.pointer.as_str()).collect();
                let culprits: Vec<&Expression> = f
                    .expressions
                    .iter()
                    .filter(|e| !dropped.contains(&e.pointer.as_str()) && errors.iter().any(|p| *p == e.pointer))
                    .collect();
                if culprits.is_empty() {
                    let mut notes = notes;
                    templates.restore_notes(f, &mut notes);
                    return Err(notes);
                }
                for e in culprits {
                    leave_out(&mut doc, e, &mut lost);
                    dropped.push(&e.pointer);
                }
            }
        }
    };
    let dropped: Vec<String> = dropped.into_iter().map(str::to_string).collect();
    let mut notes = translation.notes;
    for n in &mut lost_notes {
        if syntax == Syntax::Foreign {
            n.help = Some(if identity.contains(&n.pointer) {
                n.message.push_str("; the output names no function");
                "pass --function with the function's ARN or URN, or write its identity by hand".to_string()
            } else {
                format!("write the {} value in the output by hand", target.id())
            });
        }
    }
    notes.extend(lost_notes);
    let mut document = translation.document.to_value();
    templates.restore(f, &mut document, &mut notes);
    Ok(Carried { from, document, notes, lost, dropped, templates })
}

/// A note for each expression whose text the rewritten `text` carries.
pub(crate) fn expression_notes(f: &Found, c: &mut Carried, text: &str, to: &str, target: Dialect) {
    for e in &f.expressions {
        let standin = f.document.pointer(&e.pointer).and_then(Value::as_str).unwrap_or_default();
        let carried = !c.dropped.contains(&e.pointer)
            && f.placeholders
                .iter()
                .enumerate()
                .any(|(i, t)| standin.contains(&format!("{PLACEHOLDER}{i}")) && text.contains(t.as_str()));
        if !carried {
            // An expression the output does not hold (a number left out of
            // the document, an identity part no identifier was built from):
            // name it, unless a note already does.
            let shown = one_line(&e.text);
            let named = c.dropped.contains(&e.pointer)
                || c.notes.iter().any(|n| n.pointer == e.pointer && n.message.contains(&shown));
            if !named && !text.contains(e.text.trim()) {
                c.notes.push(
                    note(
                        codes::EXPRESSION_NOT_CARRIED,
                        &e.pointer,
                        format!(
                            "`{}` is an expression the translation to {} cannot carry",
                            one_line(&e.text),
                            target.id()
                        ),
                    )
                    .with_help(format!("write the {} value in the output by hand", target.id())),
                );
            }
            continue;
        }
        if let Some(n) = c.templates.note(f, &e.pointer, &e.text, to, target) {
            c.notes.push(n);
        } else {
            c.notes.push(
                note(
                    codes::EXPRESSION_KEPT,
                    &e.pointer,
                    format!("`{}` is an expression, kept in the rewrite", one_line(&e.text)),
                )
                .with_help(format!("check its value is valid for {to} ({})", target.id())),
            );
        }
    }
}

/// The wrapper's name (`destination_config.on_failure`) of the field or block at `pointer`.
fn field_name(f: &Found, pointer: &str) -> Option<String> {
    f.fields.iter().find_map(|a| {
        let p = a.pointer?;
        if p == pointer {
            return Some(a.path.join("."));
        }
        let rest = p.strip_prefix(pointer).filter(|r| r.starts_with('/'))?;
        let cut = rest.matches('/').count();
        Some(a.path.get(..a.path.len().checked_sub(cut)?)?.join("."))
    })
}

/// `s` (a note's text) with every placeholder shown as the expression the
/// file wrote: an internal name never reaches the user.
pub(crate) fn as_written(f: &Found, s: &str) -> String {
    if !s.contains(PLACEHOLDER) {
        return s.to_string();
    }
    let hcl = invokecfg_model::facts::terraform::resource(f.wrapper).is_some();
    let mut out = s.to_string();
    // Highest first, so `invokecfgexpr1` does not eat into `invokecfgexpr12`.
    for (i, e) in f.placeholders.iter().enumerate().rev() {
        let shown = match (hcl, e.starts_with("${")) {
            (true, false) => format!("${{{e}}}"),
            _ => one_line(e),
        };
        out = out.replace(&format!("{PLACEHOLDER}{i}"), &shown);
    }
    out
}

/// `v` with each placeholder replaced by the expression it stands for, also
/// inside strings that hold JSON (Huawei `param`), escaped at each level.
pub(crate) fn with_expressions(f: &Found, v: &mut Value) {
    match v {
        Value::String(s) if s.contains(PLACEHOLDER) => {
            if let Ok(mut inner @ Value::Object(_)) = serde_json::from_str::<Value>(s) {
                with_expressions(f, &mut inner);
                *s = inner.to_string();
                return;
            }
            // Highest number first, so `invokecfgexpr1` does not match inside `invokecfgexpr12`.
            for (i, e) in f.placeholders.iter().enumerate().rev() {
                *s = s.replace(&format!("{PLACEHOLDER}{i}"), e);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| with_expressions(f, x)),
        Value::Object(m) => m.values_mut().for_each(|x| with_expressions(f, x)),
        _ => {}
    }
}
