//! Text (ruff/rustc style) and JSON renderings of findings.

use crate::{rule, Applicability};
use invokecfg_model::{Diagnostic, Severity};
use serde_json::Value;
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const BLUE: &str = "\x1b[34m";
const CYAN: &str = "\x1b[36m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    }
}

/// Renders findings as text: `path:line:col: CODE [severity] message`, the
/// source line with a caret underline, then `help:` and `fix:` lines.
/// ANSI colors only when `color` is true.
pub fn render_text(path: &str, source: &str, diags: &[Diagnostic], color: bool) -> String {
    let paint = |code: &'static str, text: &str| {
        if color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let lines: Vec<&str> = source.split('\n').collect();
    let mut out = String::new();
    for d in diags {
        let mut gutter_len = 1;
        let (line, col) = d.span.map_or((1, 1), |s| (s.start.line, s.start.column));
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {} {} {}",
            paint(BOLD, path),
            paint(severity_color(d.severity), &d.code),
            paint(severity_color(d.severity), &format!("[{}]", d.severity)),
            paint(BOLD, &d.message)
        );
        if let Some(span) = d.span {
            if let Some(raw) = lines.get(span.start.line.wrapping_sub(1)) {
                let text = raw.strip_suffix('\r').unwrap_or(raw);
                let text = if span.start.line == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
                let number = span.start.line.to_string();
                gutter_len = number.len();
                let gutter = " ".repeat(gutter_len);
                // Byte positions in the line, from the span's offsets: no walk over a long line.
                let line_start = text.as_ptr() as usize - source.as_ptr() as usize;
                let start = span.start.offset.saturating_sub(line_start).min(text.len());
                let end = if span.end.line == span.start.line {
                    span.end.offset.saturating_sub(line_start).min(text.len())
                } else {
                    text.len()
                };
                let (text, start, width) = window(text, start, end);
                // Keep tabs so the carets line up under them.
                let pad: String = text.chars().take(start).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let _ = writeln!(out, "{} {}", gutter, paint(BLUE, "|"));
                let _ = writeln!(out, "{} {} {}", paint(BLUE, &number), paint(BLUE, "|"), text);
                let _ = writeln!(
                    out,
                    "{} {} {}{}",
                    gutter,
                    paint(BLUE, "|"),
                    pad,
                    paint(severity_color(d.severity), &"^".repeat(width.max(1)))
                );
            }
        }
        if let Some(h) = &d.help {
            let _ = writeln!(out, "{} {} {h}", " ".repeat(gutter_len), paint(CYAN, "= help:"));
        }
        if let Some(f) = &d.fix {
            let label = match f.applicability {
                Applicability::Safe => "= fix:".to_string(),
                other => format!("= fix ({other}):"),
            };
            let _ = writeln!(out, "{} {} {}", " ".repeat(gutter_len), paint(CYAN, &label), f.message);
        }
        out.push('\n');
    }
    out
}

/// Characters of context shown on each side of a span on a long line.
const CONTEXT: usize = 40;
/// Lines up to this many characters are shown whole.
const MAX_LINE: usize = 160;
/// Carets drawn at most (a longer span ends in `...`).
const MAX_CARETS: usize = 80;

/// The part of `line` to show for a span over bytes `start..end`: the text,
/// the span's start in it and the caret count, in characters. Long lines are
/// cut around the span and marked with `...`, so a one-line 5 MB file prints
/// one short line per finding, in time independent of the line's length.
fn window(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let floor = |mut i: usize| {
        i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start), floor(end.max(start)));
    if line.len() <= MAX_LINE {
        let at = line[..start].chars().count();
        return (line.to_string(), at, line[start..end].chars().count().max(1));
    }
    // Walk at most CONTEXT characters out from the span, and MAX_CARETS into it.
    let lo = line[..start].char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
    let marked = line[start..].char_indices().nth(MAX_CARETS).map_or(line.len(), |(i, _)| start + i);
    let carets = line[start..end.min(marked)].chars().count().clamp(1, MAX_CARETS);
    let tail = line[start..].char_indices().nth(carets + CONTEXT).map_or(line.len(), |(i, _)| start + i);
    let mut text = String::new();
    if lo > 0 {
        text.push_str("...");
    }
    text.push_str(&line[lo..tail]);
    if tail < line.len() {
        text.push_str("...");
    }
    (text, line[lo..start].chars().count() + if lo > 0 { 3 } else { 0 }, carets)
}

/// A finding as JSON: `diagnostic_json`'s shape, serialized without making
/// a `Value` first (a report of thousands of findings is written from these).
#[derive(Debug, serde::Serialize)]
pub struct DiagnosticEntry<'a> {
    code: &'a str,
    rule: Option<&'static str>,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fix: Option<FixEntry<'a>>,
}

/// A finding's fix, as [`DiagnosticEntry`] writes it.
#[derive(Debug, serde::Serialize)]
struct FixEntry<'a> {
    message: &'a str,
    applicability: &'static str,
    edits: Vec<EditEntry<'a>>,
}

/// One edit of a fix, as [`DiagnosticEntry`] writes it.
#[derive(Debug, serde::Serialize)]
struct EditEntry<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    content: &'a str,
}

impl<'a> DiagnosticEntry<'a> {
    /// The entry of `d`.
    pub fn of(d: &'a Diagnostic) -> Self {
        // A finding about the whole input (e.g. over the size limit) points at its start.
        let (line, column, end_line, end_column) =
            d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column));
        DiagnosticEntry {
            code: &d.code,
            rule: rule(&d.code).map(|r| r.name),
            severity: d.severity.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
            pointer: &d.pointer,
            line,
            column,
            end_line,
            end_column,
            fix: d.fix.as_ref().map(|f| FixEntry {
                message: &f.message,
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| EditEntry {
                        line: e.span.start.line,
                        column: e.span.start.column,
                        end_line: e.span.end.line,
                        end_column: e.span.end.column,
                        start: e.span.start.offset,
                        end: e.span.end.offset,
                        content: &e.content,
                    })
                    .collect(),
            }),
        }
    }
}

/// One finding as the lint JSON report shows it (without `file`, which the
/// caller adds): code, rule, severity, message, help, pointer, 1-based
/// line/column span, and the fix (message, applicability and byte-offset
/// edits) or null.
pub fn diagnostic_json(d: &Diagnostic) -> Value {
    // Plain strings and numbers: serializing them into a Value cannot fail.
    serde_json::to_value(DiagnosticEntry::of(d)).unwrap_or(Value::Null)
}

/// The shape [`DiagnosticEntry`] keeps, built as a `Value` key by key: the
/// oracle of the test that the two agree.
#[cfg(test)]
fn diagnostic_json_by_keys(d: &Diagnostic) -> Value {
    use serde_json::json;
    let (line, column, end_line, end_column) = match d.span {
        Some(s) => (json!(s.start.line), json!(s.start.column), json!(s.end.line), json!(s.end.column)),
        // A finding about the whole input (e.g. over the size limit) points at its start.
        None => (json!(1), json!(1), json!(1), json!(1)),
    };
    let fix = d.fix.as_ref().map_or(Value::Null, |f| {
        json!({
            "message": f.message,
            "applicability": f.applicability.as_str(),
            "edits": f.edits.iter().map(|e| json!({
                "line": e.span.start.line, "column": e.span.start.column,
                "end_line": e.span.end.line, "end_column": e.span.end.column,
                "start": e.span.start.offset, "end": e.span.end.offset, "content": e.content
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "code": d.code,
        "rule": rule(&d.code).map(|r| r.name),
        "severity": d.severity.as_str(),
        "message": d.message,
        "help": d.help,
        "pointer": d.pointer,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "fix": fix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every finding of every lint fixture (spans, fixes with edits, help or
    /// none) is written as the key-by-key `Value` wrote it, keys in order.
    #[test]
    fn entries_are_written_as_the_value_by_keys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut stack = vec![root];
        let (mut findings, mut fixes) = (0, 0);
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|x| x == "json") {
                    let source = std::fs::read(&path).unwrap_or_default();
                    for d in crate::lint(&source, &crate::LintOptions::default()).diagnostics {
                        let by_keys = serde_json::to_string_pretty(&diagnostic_json_by_keys(&d)).ok();
                        assert_eq!(
                            serde_json::to_string_pretty(&diagnostic_json(&d)).ok(),
                            by_keys,
                            "{}",
                            path.display()
                        );
                        assert_eq!(serde_json::to_string_pretty(&DiagnosticEntry::of(&d)).ok(), by_keys);
                        findings += 1;
                        fixes += usize::from(d.fix.is_some());
                    }
                }
            }
        }
        assert!(findings > 100 && fixes > 10, "{findings} findings, {fixes} fixes: the fixtures moved?");
    }
}
