//! Code actions: a quick fix per finding with a fix, and "fix all".
//!
//! A safe fix (`--fix` applies it) is a preferred quick fix; an unsafe one
//! (`--unsafe-fixes`) is offered, marked and not preferred, so an editor
//! never applies it unasked; a display-only one is not offered. "Fix all"
//! (`source.fixAll.invokecfg`) is the text `invokecfg lint --fix` writes
//! (safe fixes only), as one edit of the span that changed.

use crate::diagnostics::{self, Style};
use crate::documents::Document;
use invokecfg_cli::{LintSettings, TextLint};
use invokecfg_lint::{Applicability, UnsafeFixes};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of "fix all": clients ask for `source.fixAll` on save.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.invokecfg")
}

/// The code actions for `p.range` of `doc`.
pub fn code_actions(
    doc: &mut Document,
    settings: &LintSettings,
    p: &CodeActionParams,
    style: Style,
) -> Vec<CodeActionOrCommand> {
    let uri = &p.text_document.uri;
    let TextLint::Findings { diagnostics: findings, rules_url } = doc.lint(settings).clone() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if wanted(p, &CodeActionKind::QUICKFIX) {
        for d in &findings {
            let Some(fix) = d.fix.as_ref().filter(|f| UnsafeFixes::Enabled.applies(f)) else { continue };
            let shown = diagnostics::to_lsp(d, doc, uri, style, rules_url.as_deref());
            if !touches(shown.range, p.range) {
                continue;
            }
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: doc.index.range(&doc.text, e.span.start.offset, e.span.end.offset, style.encoding),
                    new_text: e.content.clone(),
                })
                .collect();
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                format!("{} ({})", fix.message, d.code)
            } else {
                format!("{} ({}, unsafe fix)", fix.message, d.code)
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown]),
                edit: Some(edit(uri, edits)),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
    }
    let safe_fix = |d: &invokecfg_model::Diagnostic| d.fix.as_ref().is_some_and(|f| UnsafeFixes::Disabled.applies(f));
    if wanted(p, &fix_all_kind()) && findings.iter().any(safe_fix) {
        if let Some(path) = doc.path.clone() {
            if let Some(fixed) = settings.fix_text(&path, doc.text.as_bytes()) {
                let fixed = String::from_utf8_lossy(&fixed);
                if let Some(change) = one_edit(doc, &fixed, style) {
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: "Fix all invokecfg findings with a safe fix".into(),
                        kind: Some(fix_all_kind()),
                        edit: Some(edit(uri, vec![change])),
                        ..CodeAction::default()
                    }));
                }
            }
        }
    }
    out
}

/// Whether the client asked for actions of `kind` (`only` names kinds or their parents).
fn wanted(p: &CodeActionParams, kind: &CodeActionKind) -> bool {
    p.context.only.as_ref().is_none_or(|only| {
        only.iter().any(|o| {
            kind.as_str() == o.as_str()
                || kind.as_str().strip_prefix(o.as_str()).is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// Whether two ranges overlap or touch (a cursor at a finding's end is on it).
fn touches(a: Range, b: Range) -> bool {
    let key = |p: lsp_types::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
}

/// The one edit that turns the document's text into `fixed`: the span
/// between their common prefix and suffix (`None` when they are equal).
fn one_edit(doc: &Document, fixed: &str, style: Style) -> Option<TextEdit> {
    let old = doc.text.as_str();
    if old == fixed {
        return None;
    }
    let mut prefix = old.bytes().zip(fixed.bytes()).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(prefix) || !fixed.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(fixed.len()) - prefix;
    let mut suffix = old.bytes().rev().zip(fixed.bytes().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(old.len() - suffix) || !fixed.is_char_boundary(fixed.len() - suffix) {
        suffix -= 1;
    }
    Some(TextEdit {
        range: doc.index.range(old, prefix, old.len() - suffix, style.encoding),
        new_text: fixed[prefix..fixed.len() - suffix].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::Encoding;

    fn apply(text: &str, e: &TextEdit) -> String {
        let index = crate::position::LineIndex::new(text);
        let start = index.offset(text, e.range.start, Encoding::Utf16);
        let end = index.offset(text, e.range.end, Encoding::Utf16);
        format!("{}{}{}", &text[..start], e.new_text, &text[end..])
    }

    #[test]
    fn one_edit_turns_the_text_into_the_fixed_text() {
        let style = Style { encoding: Encoding::Utf16, related_information: true };
        let uri: Uri = "file:///a.json".parse().unwrap();
        for (old, new) in [
            ("{\"a\": 9999999}", "{\"a\": 604800}"),
            ("中😀1😀", "中😀22😀"),
            ("aaa", "aa"),
            ("x\r\ny", "x\r\n\r\ny"),
            ("é", "è"),
        ] {
            let doc = Document::new(&uri, old.into(), 1);
            let e = one_edit(&doc, new, style).unwrap();
            assert_eq!(apply(old, &e), new, "{old:?} -> {new:?}: {e:?}");
        }
        assert!(one_edit(&Document::new(&uri, "same".into(), 1), "same", style).is_none());
    }
}
