//! The open documents: their text, kept in step with the editor's edits,
//! and their last lint.

use crate::position::{Encoding, LineIndex};
use invokecfg_cli::{LintSettings, TextLint};
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::path::PathBuf;

/// One open document.
pub struct Document {
    /// The editor's text.
    pub text: String,
    /// Its line starts.
    pub index: LineIndex,
    /// The editor's version of it.
    pub version: i32,
    /// The file it stands for (`file:` URIs only): where its config is looked up.
    pub path: Option<PathBuf>,
    /// The lint of this version under the current settings, once asked for.
    linted: Option<TextLint>,
    /// Diagnostics need publishing (pushed to clients that do not pull).
    pub dirty: bool,
}

impl Document {
    /// A document as opened.
    pub fn new(uri: &Uri, text: String, version: i32) -> Document {
        let index = LineIndex::new(&text);
        Document { text, index, version, path: file_path(uri), linted: None, dirty: true }
    }

    /// Applies the editor's changes in order (ranged ones are incremental,
    /// a change without a range replaces the whole text).
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32, encoding: Encoding) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = self.index.offset(&self.text, range.start, encoding);
                    let end = self.index.offset(&self.text, range.end, encoding).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
        self.forget();
    }

    /// Drops the cached lint (the text, the settings or a config file changed).
    pub fn forget(&mut self) {
        self.linted = None;
        self.dirty = true;
    }

    /// The lint of the current text, computed once per version.
    pub fn lint(&mut self, settings: &LintSettings) -> &TextLint {
        let Document { linted, path, text, .. } = self;
        linted.get_or_insert_with(|| match path {
            Some(p) => settings.lint_text(p, text.as_bytes()),
            None => TextLint::NotAConfig("not a file: its config cannot be looked up".into()),
        })
    }
}

/// The path of a `file:` URI (percent-decoded), or `None` for other schemes.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///p` (empty authority) or `file://localhost/p`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    Some(PathBuf::from(decoded))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `file:` URI of an absolute path (percent-encoded but for unreserved bytes and `/`).
pub fn file_uri(path: &std::path::Path) -> String {
    let mut out = String::from("file://");
    for b in path.display().to_string().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(file_path(&uri("file:///a/b%20c/%E4%B8%AD.json")), Some(PathBuf::from("/a/b c/中.json")));
        assert_eq!(file_path(&uri("file://localhost/x.tf")), Some(PathBuf::from("/x.tf")));
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        let p = std::path::Path::new("/a/b c/中.json");
        assert_eq!(file_path(&uri(&file_uri(p))).as_deref(), Some(p));
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut d = Document::new(&uri("file:///a.json"), "{\r\n  \"a\": 1 // 😀\r\n}".into(), 1);
        let at = |line, character| Position { line, character };
        let change = |start, end, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range { start, end }),
            range_length: None,
            text: text.into(),
        };
        // UTF-16: the emoji is two units; replace it, then the value.
        d.apply(vec![change(at(1, 12), at(1, 14), "中"), change(at(1, 7), at(1, 8), "22")], 2, Encoding::Utf16);
        assert_eq!(d.text, "{\r\n  \"a\": 22 // 中\r\n}");
        assert_eq!(d.version, 2);
        d.apply(
            vec![TextDocumentContentChangeEvent { range: None, range_length: None, text: "{}".into() }],
            3,
            Encoding::Utf8,
        );
        assert_eq!(d.text, "{}");
    }
}
