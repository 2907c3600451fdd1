//! A span-aware JSON reader.
//!
//! One pass over the bytes gives the `serde_json::Value`, a map from JSON
//! pointer to the line/column span of each key and value, and the duplicate
//! keys (which `serde_json` silently collapses). Written here rather than
//! taken from a crate because none of the maintained span-keeping parsers
//! reports duplicate keys, enforces a nesting limit without recursing past it,
//! and yields a plain `serde_json::Value` in the same pass.

use serde_json::{Map, Number, Value};
use std::fmt;

mod list;
mod reader;
pub use list::{parse_window, ItemWindow, ListPlan};

/// Lists longer than this are linted and translated `LIST_WINDOW` items at a
/// time, so memory stays a small multiple of the input however long the list is.
pub const LIST_WINDOW: usize = 1024;
use reader::*;

/// A place in the source: 1-based line, 1-based column counted in characters, byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: usize,
}

/// A half-open range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// First character.
    pub start: Position,
    /// Just past the last character.
    pub end: Position,
}

/// The spans of one value and, for object members, of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanEntry {
    /// The key, quotes included (object members only).
    pub key: Option<Span>,
    /// The value.
    pub value: Span,
}

/// JSON pointer -> span of every value in a document.
///
/// Stored as a tree of nodes (parent, first child, next sibling) with keys as
/// ranges of the source, not as one pointer string per value: building it
/// allocates nothing per value, and pointers are resolved only when a finding
/// asks for one (most files have none).
#[derive(Debug, Clone, Default)]
pub struct SpanMap {
    nodes: Vec<Node>,
    /// The bytes keys are read from: the whole source, or for a window of a
    /// list the window's items (from `source_base` on).
    source: Vec<u8>,
    source_base: u32,
    escaped_keys: Vec<String>,
    /// The items of each long array by index (from the index of the first,
    /// which is not 0 in a window of a list), so a pointer into a list finds
    /// its item directly (a walk of the siblings made a finding per item quadratic).
    arrays: std::collections::HashMap<u32, (u32, Vec<u32>)>,
}

/// Arrays at least this long get an index of their items.
const INDEXED_ARRAY: usize = 16;

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
enum KeyRef {
    Root,
    Index(u32),
    /// The raw key bytes between the quotes, without escapes.
    Raw {
        start: u32,
        end: u32,
    },
    /// A key with escapes: its decoded text in `escaped_keys`.
    Escaped(u32),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    entry: SpanEntry,
    parent: u32,
    first_child: u32,
    next_sibling: u32,
    key: KeyRef,
}

impl SpanMap {
    fn raw_key(&self, key: KeyRef) -> Option<&[u8]> {
        let KeyRef::Raw { start, end } = key else { return None };
        let base = self.source_base;
        self.source.get(start.checked_sub(base)? as usize..end.checked_sub(base)? as usize)
    }

    fn key_is(&self, key: KeyRef, token: &str) -> bool {
        match key {
            KeyRef::Root => false,
            KeyRef::Index(i) => token.parse::<u32>().ok() == Some(i) && (token == "0" || !token.starts_with('0')),
            KeyRef::Raw { .. } => self.raw_key(key) == Some(token.as_bytes()),
            KeyRef::Escaped(i) => self.escaped_keys.get(i as usize).is_some_and(|k| k == token),
        }
    }

    /// The node at `pointer`, or with `partial`, the deepest node on its path.
    fn find(&self, pointer: &str, partial: bool) -> Option<usize> {
        if self.nodes.is_empty() {
            return None;
        }
        let mut cur = 0usize;
        if pointer.is_empty() {
            return Some(0);
        }
        let rest = pointer.strip_prefix('/')?;
        for raw in rest.split('/') {
            let token = if raw.contains('~') { crate::json::unescape_pointer_token(raw) } else { raw.to_string() };
            if let Some((first, items)) = self.arrays.get(&(cur as u32)) {
                let item = token.parse::<usize>().ok().filter(|_| token == "0" || !token.starts_with('0'));
                match item.and_then(|i| i.checked_sub(*first as usize)).and_then(|i| items.get(i)) {
                    Some(&c) => cur = c as usize,
                    None if partial => return Some(cur),
                    None => return None,
                }
                continue;
            }
            // The later of duplicate keys wins, as in the parsed value.
            let mut found = None;
            let mut c = self.nodes[cur].first_child;
            while c != NONE {
                let n = &self.nodes[c as usize];
                if self.key_is(n.key, &token) {
                    found = Some(c as usize);
                }
                c = n.next_sibling;
            }
            match found {
                Some(f) => cur = f,
                None if partial => return Some(cur),
                None => return None,
            }
        }
        Some(cur)
    }

    /// The entry at `pointer`.
    pub fn get(&self, pointer: &str) -> Option<&SpanEntry> {
        self.find(pointer, false).map(|i| &self.nodes[i].entry)
    }

    /// The value's span at `pointer`, or the nearest ancestor's.
    pub fn value_span(&self, pointer: &str) -> Option<Span> {
        self.find(pointer, true).map(|i| self.nodes[i].entry.value)
    }

    /// The key's span at `pointer` (members), else the value's, else the nearest ancestor's.
    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        match self.get(pointer) {
            Some(SpanEntry { key: Some(k), .. }) => Some(*k),
            _ => self.value_span(pointer),
        }
    }

    /// The JSON pointer of node `i`.
    fn pointer_of(&self, mut i: usize) -> String {
        let mut tokens = Vec::new();
        while let Some(n) = self.nodes.get(i) {
            match n.key {
                KeyRef::Root => break,
                KeyRef::Index(x) => tokens.push(x.to_string()),
                KeyRef::Raw { start, end } => tokens.push(crate::json::escape_pointer_token(&String::from_utf8_lossy(
                    self.raw_key(KeyRef::Raw { start, end }).unwrap_or_default(),
                ))),
                KeyRef::Escaped(k) => tokens.push(crate::json::escape_pointer_token(
                    self.escaped_keys.get(k as usize).map_or("", String::as_str),
                )),
            }
            i = n.parent as usize;
        }
        tokens.iter().rev().fold(String::new(), |mut acc, t| {
            acc.push('/');
            acc.push_str(t);
            acc
        })
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// A key that appears twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Pointer of the member (the later value wins, as in most JSON readers).
    pub pointer: String,
    /// The first occurrence's key span.
    pub first: Span,
    /// The later occurrence's key span.
    pub second: Span,
}

/// Limits that keep hostile input from exhausting memory or stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
}

impl Limits {
    /// 64 MiB and 128 levels: real configs are under 10 KiB and 6 levels deep.
    pub const DEFAULT: Limits = Limits { max_bytes: 64 * 1024 * 1024, max_depth: 128 };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A parsed source.
#[derive(Debug, Clone)]
pub struct ParsedSource {
    /// The document.
    pub value: Value,
    /// Where each value is.
    pub spans: SpanMap,
    /// Keys given twice.
    pub duplicates: Vec<DuplicateKey>,
    /// Whether the input began with a UTF-8 byte order mark (skipped).
    pub had_bom: bool,
    /// For a window of a long list ([`parse_window`]): which items it holds.
    pub window: Option<ItemWindow>,
}

/// Why a source is not a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// Not JSON at `position`; `pointer` is the member being read when the
    /// error is inside its value (`"a": ,`), else the deepest complete value before it.
    Syntax { message: String, position: Position, pointer: String },
    /// Not UTF-8.
    Utf8 { position: Position },
    /// Nested deeper than the limit.
    TooDeep { limit: usize, position: Position, pointer: String },
    /// Larger than the limit.
    TooLarge { size: usize, limit: usize },
}

impl SourceError {
    /// Where the error is, if it has a place.
    pub fn position(&self) -> Option<Position> {
        match self {
            SourceError::Syntax { position, .. }
            | SourceError::Utf8 { position }
            | SourceError::TooDeep { position, .. } => Some(*position),
            SourceError::TooLarge { .. } => None,
        }
    }

    /// The JSON pointer of the deepest complete value before the error.
    pub fn pointer(&self) -> &str {
        match self {
            SourceError::Syntax { pointer, .. } | SourceError::TooDeep { pointer, .. } => pointer,
            _ => "",
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Syntax { message, .. } => f.write_str(message),
            SourceError::Utf8 { .. } => f.write_str("the file is not valid UTF-8; JSON text must be UTF-8"),
            SourceError::TooDeep { limit, .. } => {
                write!(
                    f,
                    "arrays and objects nest deeper than {limit} levels; async invocation configs need fewer than 10"
                )
            }
            SourceError::TooLarge { size, limit } => {
                write!(f, "the input has {size} bytes, more than the limit of {limit} bytes")
            }
        }
    }
}

impl std::error::Error for SourceError {}

/// Parses with [`Limits::DEFAULT`].
pub fn parse(bytes: &[u8]) -> Result<ParsedSource, SourceError> {
    parse_with(bytes, Limits::DEFAULT)
}

/// Parses `bytes` as one JSON document.
pub fn parse_with(bytes: &[u8], limits: Limits) -> Result<ParsedSource, SourceError> {
    too_large(bytes, limits)?;
    let mut reader = Reader::new(bytes, 0..bytes.len(), limits);
    // One check of the whole text (a window of a list is not read this way:
    // it would check the whole list again for each window).
    reader.text = std::str::from_utf8(bytes).ok();
    finish(reader, bytes)
}

/// Refuses a source over the size limit before anything is copied or read.
fn too_large(bytes: &[u8], limits: Limits) -> Result<(), SourceError> {
    if bytes.len() > limits.max_bytes {
        return Err(SourceError::TooLarge { size: bytes.len(), limit: limits.max_bytes });
    }
    Ok(())
}

/// Reads the document `r` stands at the start of.
fn finish(mut r: Reader, bytes: &[u8]) -> Result<ParsedSource, SourceError> {
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    r.skip_ws();
    if r.at_end() {
        return Err(r.syntax("the file is empty; expected a JSON object"));
    }
    let value = r.value(NONE, KeyRef::Root, None, 0)?;
    r.skip_ws();
    if !r.at_end() {
        return Err(r.syntax("unexpected text after the end of the JSON document"));
    }
    Ok(ParsedSource { value, spans: r.map, duplicates: r.duplicates, had_bom, window: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_keys_and_values() {
        let src = "{\n  \"a\": 1,\n  \"b\": {\"c\": [true, \"é\"]}\n}\n";
        let p = parse(src.as_bytes()).unwrap();
        let a = p.spans.get("/a").unwrap();
        assert_eq!((a.key.unwrap().start.line, a.key.unwrap().start.column), (2, 3));
        assert_eq!((a.value.start.line, a.value.start.column, a.value.end.column), (2, 8, 9));
        let c1 = p.spans.get("/b/c/1").unwrap();
        assert_eq!((c1.value.start.column, c1.value.end.column), (21, 24));
        assert_eq!(p.value, serde_json::from_str::<Value>(src).unwrap());
    }

    #[test]
    fn errors_have_places() {
        let e = parse(b"{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(e.to_string(), "trailing comma before `}`: remove the last `,`");
        assert_eq!(e.position().map(|p| (p.line, p.column)), Some((3, 1)));
        assert_eq!(e.pointer(), "/a");
        let e = parse(b"{\"a\": [1, 2").unwrap_err();
        assert_eq!(e.pointer(), "/a/1");
        assert!(parse(b"").unwrap_err().to_string().contains("empty"));
        assert!(parse(b"{\"a\": NaN}").unwrap_err().to_string().contains("NaN"));
        assert!(parse(b"{\"a\": 1e999}").unwrap_err().to_string().contains("out of range"));
        let e = parse(b"{\n  \"a\": \"ok\xff\"}").unwrap_err();
        assert!(matches!(e, SourceError::Utf8 { position: Position { line: 2, column: 11, .. } }), "{e:?}");
        assert!(parse(b"\xff").unwrap_err().to_string().contains("not UTF-8"));
        assert!(parse(b"{\"a\":\x00}").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(deep.as_bytes()), Err(SourceError::TooDeep { limit: 128, .. })));
    }

    #[test]
    fn duplicates_and_bom() {
        let p = parse("\u{feff}{\"a\": 1, \"a\": 2}".as_bytes()).unwrap();
        assert!(p.had_bom);
        assert_eq!(p.duplicates.len(), 1);
        assert_eq!(p.value["a"], 2);
        assert_eq!(p.duplicates[0].second.start.column, 10);
    }

    /// The line and column of byte `offset`, counted from the start one byte at a time.
    fn counted(src: &[u8], offset: usize) -> (usize, usize) {
        let (mut i, mut line, mut col) = (0, 1, 1);
        while i < offset {
            reader::step(src, &mut i, &mut line, &mut col);
        }
        (line, col)
    }

    /// JSON text with the whitespace, escapes and multi-byte characters
    /// whose counting the reader's fast paths skip over.
    fn json_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let ws = prop::sample::select(vec!["", " ", "\n  ", "\r\n\t", "\n"]);
        let scalar = prop_oneof![
            "[a-zé€😀\"\\\\/\n\t ]{0,12}".prop_map(|t| serde_json::to_string(&t).unwrap_or_default()),
            Just(r#""\u00e9\ud83d\ude00""#.to_string()),
            any::<i32>().prop_map(|n| n.to_string()),
            Just("-0.5e+3".to_string()),
            Just("true".to_string()),
            Just("null".to_string()),
        ];
        scalar.prop_recursive(4, 32, 4, move |inner| {
            let ws = ws.clone();
            prop_oneof![
                (prop::collection::vec((inner.clone(), ws.clone()), 0..4), ws.clone()).prop_map(|(items, w)| format!(
                    "[{w}{}]",
                    items.iter().map(|(v, w)| format!("{v}{w}")).collect::<Vec<_>>().join(",")
                )),
                (prop::collection::vec(("[ab\"é]{0,2}", inner, ws.clone()), 0..12), ws).prop_map(|(members, w)| {
                    let body: Vec<String> = members
                        .iter()
                        .map(|(k, v, w)| format!("{}{w}:{w}{v}", serde_json::to_string(k).unwrap_or_default()))
                        .collect();
                    format!("{{{w}{}{w}}}", body.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        /// Every span's line and column are those counted from the start to its offset.
        #[test]
        fn positions_are_counted_from_the_start(text in json_text()) {
            let p = parse(text.as_bytes()).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let src = text.as_bytes();
            for n in &p.spans.nodes {
                let entry = n.entry;
                for pos in [Some(entry.value.start), Some(entry.value.end), entry.key.map(|k| k.start), entry.key.map(|k| k.end)]
                    .into_iter()
                    .flatten()
                {
                    proptest::prop_assert_eq!((pos.line, pos.column), counted(src, pos.offset), "{:?} in {:?}", pos, text);
                }
            }
            proptest::prop_assert_eq!(&p.value, &serde_json::from_str::<Value>(&text).unwrap_or(Value::Null));
            for d in &p.duplicates {
                proptest::prop_assert!(d.first.end.offset <= d.second.start.offset, "{:?}", d);
                proptest::prop_assert_eq!(&text[d.first.start.offset..d.first.end.offset], &text[d.second.start.offset..d.second.end.offset]);
            }
        }
    }

    #[test]
    fn numbers() {
        let p = parse(b"[18446744073709551615, -9223372036854775808, 1.5, 1e3, 99999999999999999999]").unwrap();
        assert_eq!(p.value[0].as_u64(), Some(u64::MAX));
        assert_eq!(p.value[1].as_i64(), Some(i64::MIN));
        assert!(p.value[4].is_f64());
        assert!(parse(b"[01]").is_err());
    }
}
