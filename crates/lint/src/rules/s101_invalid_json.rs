//! S101: the file is not a JSON document.

use super::prelude::*;
use invokecfg_model::span::SourceError;
use invokecfg_model::{Position, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S101",
        name: "invalid-json",
        severity: Severity::Error,
        summary: "The file is not valid JSON (syntax, encoding, nesting, size, empty)",
        docs: r#"## What it does
Reports a file that is not one JSON document: a syntax error, an empty file,
bytes that are not UTF-8, nesting deeper than 128 levels or a file over 64 MiB.
The finding points at the exact line and column where reading stopped.

## Why is this bad?
No provider API accepts the file, and no other rule can run on it.

## Example
```json
{
  "maxAsyncRetryAttempts": 3,
}
```
`trailing comma before }: remove the last ,` at 3:1.

## Fix
Edit the text at the reported position. JSON has no comments, no trailing
commas and no single-quoted strings.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check: |_, _| {},
};

/// Length in bytes of the character at `offset` (0 at a line end or the end).
fn char_len(src: &[u8], offset: usize) -> usize {
    let Some(&b) = src.get(offset) else { return 0 };
    let n = match b {
        b'\n' | b'\r' => 0,
        0x00..=0x7F => 1,
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    };
    n.min(src.len() - offset)
}

/// The finding for a source that does not parse.
pub(crate) fn finding(e: &SourceError, source: &[u8]) -> Diagnostic {
    let info = &RULE.info;
    let mut d = Diagnostic::new(info.code, info.severity, e.pointer(), e.to_string());
    if let Some(p) = e.position().map(|p| trailing_comma(e, source, p).unwrap_or(p)) {
        let len = if matches!(e, SourceError::Utf8 { .. }) { 1 } else { char_len(source, p.offset) };
        let end = Position { line: p.line, column: p.column + usize::from(len > 0), offset: p.offset + len };
        d.span = Some(Span { start: p, end });
    }
    d.help = Some(
        match e {
            SourceError::Syntax { .. } => {
                "configs are plain JSON: double-quoted keys and strings, no comments, no trailing commas"
            }
            SourceError::Utf8 { .. } => "save the file as UTF-8 (JSON text is UTF-8 by RFC 8259)",
            SourceError::TooDeep { .. } => "an async invocation config nests at most 5 levels; this is not one",
            SourceError::TooLarge { .. } => "an async invocation config is a few KiB; this is not one",
        }
        .to_string(),
    );
    d
}

/// For "trailing comma" errors, the position of the `,` rather than the `}`/`]` after it.
fn trailing_comma(e: &SourceError, source: &[u8], p: Position) -> Option<Position> {
    if !e.to_string().starts_with("trailing comma") {
        return None;
    }
    let before = source.get(..p.offset)?;
    let at = before.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if before[at] != b',' {
        return None;
    }
    let between = std::str::from_utf8(&before[at..]).ok()?;
    let newlines = between.matches('\n').count();
    let column = if newlines == 0 {
        p.column.checked_sub(between.chars().count())?
    } else {
        let line_start = before[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let text = std::str::from_utf8(&before[line_start..at]).ok()?;
        // Line 1 columns do not count a byte-order mark.
        text.strip_prefix('\u{feff}').unwrap_or(text).chars().count() + 1
    };
    Some(Position { line: p.line.saturating_sub(newlines).max(1), column, offset: at })
}
