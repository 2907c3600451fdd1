//! The work behind the Python functions, in plain Rust (no Python objects):
//! it runs with the GIL released, on rayon's threads for `translate_many`.
//! Each step is the command line's, so the results are the CLI's.

use crate::convert::Input;
use invokecfg_model::{detect, span, Diagnostic, Dialect, Document};
use invokecfg_translate::{translate, Mapping, Options};
use serde_json::Value;

/// Why a document gave no result.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Not a document: `InvalidDocument` (with line:column when the input was text).
    Invalid { message: String, line: Option<usize>, column: Option<usize>, pointer: String },
    /// Refused by the translator: `TranslationRefused`, carrying every note.
    Refused { message: String, notes: Vec<Diagnostic> },
    /// A value of a Python type with no JSON form: `UnsupportedType` (a `TypeError`).
    Unsupported { message: String, pointer: String },
}

impl Failure {
    pub fn invalid(message: impl Into<String>, pointer: impl Into<String>) -> Failure {
        Failure::Invalid { message: message.into(), line: None, column: None, pointer: pointer.into() }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Invalid { message, .. }
            | Failure::Refused { message, .. }
            | Failure::Unsupported { message, .. } => f.write_str(message),
        }
    }
}

/// A translated document (typed, which is smaller than its JSON value and text;
/// those are made when asked for) and its notes.
pub struct Done {
    pub source: Dialect,
    pub target: Dialect,
    pub document: Document,
    pub notes: Vec<Diagnostic>,
}

/// A document's value, and for text where each value is and which keys repeat.
struct Parsed {
    value: Value,
    spans: Option<span::SpanMap>,
    duplicates: Vec<span::DuplicateKey>,
}

/// Parses text with the span reader (a value is taken as it is).
fn parse(input: Input) -> Result<Parsed, Failure> {
    match input {
        Input::Value(value) => Ok(Parsed { value, spans: None, duplicates: Vec::new() }),
        Input::Text(bytes) => {
            let parsed = span::parse(&bytes).map_err(|e| {
                let at = e.position();
                Failure::Invalid {
                    message: e.to_string(),
                    line: at.map(|p| p.line),
                    column: at.map(|p| p.column),
                    pointer: e.pointer().to_string(),
                }
            })?;
            Ok(Parsed { value: parsed.value, spans: Some(parsed.spans), duplicates: parsed.duplicates })
        }
    }
}

/// Refuses a duplicate key, as `invokecfg translate` does: readers disagree on which one counts.
fn refuse_duplicates(duplicates: &[span::DuplicateKey]) -> Result<(), Failure> {
    let Some(d) = duplicates.first() else { return Ok(()) };
    let key = d.pointer.rsplit('/').next().unwrap_or_default();
    let (a, b) = (d.first.start, d.second.start);
    Err(Failure::Invalid {
        message: format!(
            "key `{key}` is given twice, at {}:{} and {}:{}; readers disagree on which one counts, so nothing is translated: keep one",
            a.line, a.column, b.line, b.column
        ),
        line: Some(b.line),
        column: Some(b.column),
        pointer: d.pointer.clone(),
    })
}

/// The dialect of a document: `source` if given (it must fit the keys), else detected.
pub fn dialect_of(value: &Value, source: Option<Dialect>) -> Result<Dialect, Failure> {
    match source {
        Some(d) => {
            from_fits(value, d).map_err(|e| Failure::invalid(format!("source={d}: {e}"), ""))?;
            Ok(d)
        }
        None => detect(value)
            .map(|d| d.dialect)
            .map_err(|e| Failure::invalid(format!("{e}; pass source=DIALECT to choose"), "")),
    }
}

/// The dialect of a document, detected from its keys (`detect()` takes no
/// `source`, so the message does not suggest one).
pub fn detect_dialect(input: Input) -> Result<Dialect, Failure> {
    detect(&parse(input)?.value).map(|d| d.dialect).map_err(|e| Failure::invalid(e.to_string(), ""))
}

/// Reads a document: parse, dialect, typed document (type errors located).
pub fn read(input: Input, source: Option<Dialect>) -> Result<Document, Failure> {
    let Parsed { value, spans, duplicates } = parse(input)?;
    refuse_duplicates(&duplicates)?;
    let dialect = dialect_of(&value, source)?;
    Document::from_value(&value, dialect).map_err(|e| {
        let at = spans.as_ref().and_then(|s| s.value_span(&e.pointer));
        Failure::Invalid {
            message: format!("`{}`: {}", e.pointer, e.message),
            line: at.map(|s| s.start.line),
            column: at.map(|s| s.start.column),
            pointer: e.pointer,
        }
    })
}

/// Translates one document, as `invokecfg translate` does one file.
pub fn translate_one(
    input: Input,
    target: Dialect,
    source: Option<Dialect>,
    mapping: &Mapping,
    options: &Options,
) -> Result<Done, Failure> {
    let document = read(input, source)?;
    let source = document.dialect();
    match translate(&document, target, mapping, options) {
        Ok(t) => Ok(Done { source, target, document: t.document, notes: t.notes }),
        Err(e) => {
            let message = e.to_string();
            let notes = e.into_notes();
            Err(Failure::Refused { message, notes })
        }
    }
}

/// Refuses `source` on a document whose keys belong to another dialect, naming them.
// The CLI's `--from` check (crates/cli translate_cmd.rs, private there); it belongs in
// the model crate (a `Dialect` method), where both could call it.
fn from_fits(value: &Value, from: Dialect) -> Result<(), String> {
    let Value::Object(top) = value else { return Ok(()) };
    let owner = |k: &str| Dialect::ALL.into_iter().find(|d| d.config_keys().contains(&k) || d.list_keys().contains(&k));
    // A list document's items carry the config keys.
    let items = Dialect::ALL
        .iter()
        .filter_map(|d| top.get(d.list_items_key()).and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_object);
    let mut seen: Vec<&str> = Vec::new();
    let mut foreign: Vec<String> = Vec::new();
    for k in std::iter::once(top).chain(items).flat_map(|o| o.keys()) {
        let own = from.config_keys().contains(&k.as_str()) || from.list_keys().contains(&k.as_str());
        if let (false, Some(d)) = (own || seen.contains(&k.as_str()), owner(k)) {
            seen.push(k);
            foreign.push(format!("`{k}` ({d})"));
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the document has keys of another dialect: {}; pass no source to detect the dialect, or name the one these keys belong to",
        foreign.join(", ")
    ))
}
