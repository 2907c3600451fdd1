//! Byte offsets to lines and columns, and string quoting.

use invokecfg_model::{Position, Span};
use std::ops::Range;

/// The 1-based line and character column of byte `offset` in `source`
/// (an offset inside a character counts as that character).
pub fn position(source: &str, offset: usize) -> Position {
    let offset = offset.min(source.len());
    let before = source.as_bytes().get(..offset).unwrap_or_default();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default()).chars().count() + 1;
    Position { line, column, offset }
}

/// Line starts of a source, for many positions in one file (a 10,000-resource
/// file has as many findings; each must not rescan the file).
pub struct Lines<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes `source`.
    pub fn new(source: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        Lines { source, starts }
    }

    /// The source indexed.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// As [`position`].
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column =
            String::from_utf8_lossy(self.source.as_bytes().get(start..offset).unwrap_or_default()).chars().count() + 1;
        Position { line, column, offset }
    }

    /// The [`Span`] of a byte range.
    pub fn span(&self, range: Range<usize>) -> Span {
        Span { start: self.position(range.start), end: self.position(range.end) }
    }
}

/// `s` as an HCL quoted string: JSON escapes (HCL reads the same ones), and
/// `${` / `%{` doubled so they stay literal.
pub fn hcl_string(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    quoted.replace("${", "$${").replace("%{", "%%{")
}

/// The line break `source` uses (CRLF when its first line break is one).
pub fn newline(source: &str) -> &'static str {
    match source.find('\n') {
        Some(i) if i > 0 && source.as_bytes().get(i - 1) == Some(&b'\r') => "\r\n",
        _ => "\n",
    }
}

/// Whether `s` is exactly one placeholder.
pub(crate) fn is_placeholder(s: &str) -> bool {
    s.strip_prefix(crate::PLACEHOLDER).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `text` on one line, for messages.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file's bytes as text: borrowed when they are UTF-8 (the standard
/// library's check is several times faster than `from_utf8_lossy`'s chunking),
/// else with each bad byte replaced.
pub fn as_text(source: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(source) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let s = "a\néé = 1";
        let p = position(s, s.find('=').unwrap_or(0));
        assert_eq!((p.line, p.column), (2, 4));
        assert_eq!(position(s, 0).line, 1);
        assert_eq!(position(s, 999).offset, s.len());
        let lines = Lines::new(s);
        for offset in 0..=s.len() + 1 {
            assert_eq!(lines.position(offset), position(s, offset), "{offset}");
        }
    }

    #[test]
    fn hcl_strings_keep_templates_literal() {
        assert_eq!(hcl_string("a${b}\"%{c}"), r#""a$${b}\"%%{c}""#);
    }
}
