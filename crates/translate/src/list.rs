//! Long lists translated window by window ([`span::ListPlan`]): the output
//! text and the notes are those of [`crate::translate`] over the whole
//! document, but only one window's documents are held at a time.

use crate::{strict_refusal, translate_parts, Globals, Mapping, Options, TranslateError};
use invokecfg_model::{span, Diagnostic, Dialect, Document, Severity};
use serde_json::{Map, Value};

/// Translates a list document of more than `size` items `size` items at a
/// time, so memory stays a small multiple of the input: each window is read
/// ([`span::parse_window`]), given its dialect by `dialect_of` (the same for
/// every window), and translated. `None` when the document must be read
/// whole instead: not such a list, a syntax error, duplicate keys, a window
/// `dialect_of` refuses or reads as another dialect, a source the translator
/// refuses to read. The whole read then says exactly what is wrong.
pub fn translate_in_windows(
    bytes: &[u8],
    size: usize,
    dialect_of: impl FnMut(&Value) -> Option<Dialect>,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Option<(Dialect, Result<TranslatedText, TranslateError>)> {
    let mut notes = Vec::new();
    let (source, verdict) =
        translate_in_windows_streamed(bytes, size, dialect_of, target, mapping, options, |n| notes.push(n))?;
    Some((source, verdict.into_result(notes)))
}

/// [`translate_in_windows`] that hands every note to `on_note` as its window
/// is translated, in document order, instead of holding them: memory then
/// stays a small multiple of the input whatever the number of notes. The
/// verdict is still decided over the whole list ([`StreamedVerdict`]). When
/// it returns `None` (the document is to be read whole), the notes already
/// handed over are to be forgotten.
pub fn translate_in_windows_streamed(
    bytes: &[u8],
    size: usize,
    mut dialect_of: impl FnMut(&Value) -> Option<Dialect>,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
    mut on_note: impl FnMut(Diagnostic),
) -> Option<(Dialect, StreamedVerdict)> {
    let plan = span::ListPlan::for_windows(bytes, size)?;
    let mut list = ListTranslation::new(target, mapping, options);
    let mut source = None;
    for w in plan.windows(size) {
        let parsed = span::parse_window(bytes, &plan, w, span::Limits::DEFAULT).ok()?;
        if !parsed.duplicates.is_empty() {
            return None;
        }
        let d = dialect_of(&parsed.value).filter(|d| d.list_items_key() == plan.items_key())?;
        if source.is_some_and(|s| s != d) {
            return None;
        }
        source = Some(d);
        let doc = Document::from_value(&parsed.value, d).ok()?;
        list.add(&doc, parsed.window.as_ref()?).ok()?;
        list.take_notes().for_each(&mut on_note);
    }
    let (rest, verdict) = list.finish_streamed();
    rest.into_iter().for_each(on_note);
    Some((source?, verdict))
}

/// The verdict of a translation whose notes were handed out as they came
/// ([`translate_in_windows_streamed`], [`ListTranslation::take_notes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct StreamedVerdict {
    /// The output text; `None` when the translation is refused. A refusal
    /// lists its notes errors first (each severity in document order), as
    /// [`TranslateError::Refused`] does.
    pub text: Option<String>,
    /// `T301`, when `--strict` refuses because of warnings: the refusal's
    /// first note, before every streamed one.
    pub strict_refusal: Option<Diagnostic>,
}

impl StreamedVerdict {
    /// The result [`crate::translate`] gives, from every note handed out in
    /// document order.
    pub fn into_result(self, mut notes: Vec<Diagnostic>) -> Result<TranslatedText, TranslateError> {
        match self.text {
            Some(text) => Ok(TranslatedText { text, notes }),
            None => {
                notes.splice(0..0, self.strict_refusal);
                notes.sort_by_key(|n| std::cmp::Reverse(n.severity));
                Err(TranslateError::Refused { notes })
            }
        }
    }
}

/// A translation written as text, with its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslatedText {
    /// The target document, pretty-printed as [`Document::to_pretty_json`] writes it.
    pub text: String,
    /// Every change, default, clamp and drop, in document order.
    pub notes: Vec<Diagnostic>,
}

/// A list document translated a window at a time: [`add`](Self::add) each
/// window's document in order, then [`finish`](Self::finish).
///
/// ```
/// use invokecfg_model::{span, Dialect, Document};
/// use invokecfg_translate::{ListTranslation, Mapping, Options};
///
/// let item = r#"{"service":"s","function":"f","maxAsyncRetryAttempts":1}"#;
/// let text = format!(r#"{{"configs":[{}]}}"#, vec![item; 5].join(","));
/// let plan = span::ListPlan::for_windows(text.as_bytes(), 2).unwrap();
/// let (mapping, options) = (Mapping::default(), Options::default());
/// let mut list = ListTranslation::new(Dialect::AlibabaFc3, &mapping, &options);
/// for w in plan.windows(2) {
///     let parsed = span::parse_window(text.as_bytes(), &plan, w, span::Limits::DEFAULT).unwrap();
///     let doc = Document::from_value(&parsed.value, Dialect::AlibabaFc2).unwrap();
///     list.add(&doc, parsed.window.as_ref().unwrap()).unwrap();
/// }
/// let out = list.finish().unwrap();
/// assert_eq!(out.text.matches("\"maxAsyncRetryAttempts\": 1").count(), 5);
/// ```
pub struct ListTranslation<'a> {
    target: Dialect,
    mapping: &'a Mapping,
    options: &'a Options,
    globals: Globals,
    /// The items' notes not yet taken ([`Self::take_notes`]).
    item_notes: Vec<Diagnostic>,
    /// Warnings and errors among every note so far, taken or not: the verdict's.
    warnings: usize,
    errors: usize,
    /// The first window's document-level notes, once it is translated.
    document_notes: Option<Vec<Diagnostic>>,
    unrendered: Vec<Diagnostic>,
    /// The output so far (up to the last item written) and what closes it;
    /// `None` once a window could not be written.
    text: Option<(String, String)>,
    written: usize,
}

/// Why a window cannot join a [`ListTranslation`]: the caller translates
/// the document whole, which says exactly what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotInWindows {
    /// The window is no list document of the target's reading, or its
    /// source is refused before any item is translated.
    Unreadable,
}

impl std::fmt::Display for NotInWindows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the window cannot be translated on its own: translate the document whole")
    }
}

impl std::error::Error for NotInWindows {}

impl<'a> ListTranslation<'a> {
    /// An empty translation into `target`.
    pub fn new(target: Dialect, mapping: &'a Mapping, options: &'a Options) -> Self {
        ListTranslation {
            target,
            mapping,
            options,
            globals: Globals::default(),
            item_notes: Vec::new(),
            warnings: 0,
            errors: 0,
            document_notes: None,
            unrendered: Vec::new(),
            text: None,
            written: 0,
        }
    }

    /// Translates the next window: `doc` read from the window's value.
    pub fn add(&mut self, doc: &Document, window: &span::ItemWindow) -> Result<(), NotInWindows> {
        if !doc.is_list() {
            return Err(NotInWindows::Unreadable);
        }
        let parts = translate_parts(doc, self.target, self.mapping, self.options, Some(window), &mut self.globals)
            .map_err(|_| NotInWindows::Unreadable)?;
        let mut notes = parts.notes;
        let document_notes = notes.split_off(parts.document_notes);
        let first_window = self.document_notes.is_none();
        // A reason the whole document cannot be written (SCF has no list) comes from every window: once.
        let unrendered: Vec<Diagnostic> =
            parts.unrendered.into_iter().filter(|n| !self.unrendered.contains(n)).collect();
        let counted = notes.iter().chain(&unrendered).chain(document_notes.iter().filter(|_| first_window));
        for n in counted {
            match n.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => {}
            }
        }
        self.item_notes.extend(notes);
        self.unrendered.extend(unrendered);
        let items_key = self.target.list_items_key();
        let output = parts.document.map(|d| d.to_value());
        if self.document_notes.is_none() {
            self.document_notes = Some(document_notes);
            // The frame (every member but the items) is the first window's: later ones say the same.
            if let Some(Value::Object(top)) = &output {
                self.text = Some(open_frame(top, items_key).ok_or(NotInWindows::Unreadable)?);
            }
        }
        let Some(v) = output else {
            // Not written: the unrendered notes refuse the translation.
            self.text = None;
            return Ok(());
        };
        let items = v.get(items_key).and_then(Value::as_array).ok_or(NotInWindows::Unreadable)?;
        let first = self.written == 0;
        if let Some((text, _)) = &mut self.text {
            let before = text.len();
            for item in items {
                text.push_str(if self.written == 0 { "\n" } else { ",\n" });
                indented(text, item, 2);
                self.written += 1;
            }
            if first {
                // The first window tells how much an item writes: one allocation, not log(n) copies.
                let rest = window.total.saturating_sub(items.len());
                text.reserve(estimate(text.len() - before, items.len(), rest));
            }
        }
        Ok(())
    }

    /// The items' notes of the windows added so far that were not taken
    /// yet, in document order; the verdict still counts them. Taking them
    /// after each window keeps memory a small multiple of the input.
    pub fn take_notes(&mut self) -> std::vec::Drain<'_, Diagnostic> {
        self.item_notes.drain(..)
    }

    /// The verdict over every window: the output text, or the refusal with
    /// every note (as [`crate::translate`] gives them). Only the notes not
    /// taken ([`Self::take_notes`]) are in it.
    pub fn finish(self) -> Result<TranslatedText, TranslateError> {
        let (notes, verdict) = self.finish_streamed();
        verdict.into_result(notes)
    }

    /// The verdict over every window, and the notes not taken yet, in
    /// document order: the items', then the document's own, then why the
    /// output cannot be written.
    pub fn finish_streamed(self) -> (Vec<Diagnostic>, StreamedVerdict) {
        let mut notes = self.item_notes;
        notes.extend(self.document_notes.unwrap_or_default());
        notes.extend(self.unrendered);
        let strict_refusal = strict_refusal(self.warnings, self.options);
        let text = self.text.filter(|_| self.errors == 0 && strict_refusal.is_none()).map(|(mut text, tail)| {
            text.push_str(if self.written == 0 { "]" } else { "\n  ]" });
            text.push_str(&tail);
            text
        });
        (notes, StreamedVerdict { text, strict_refusal })
    }
}

/// What `rest` more items need when `done` items needed `used`, with a
/// little to spare (the items differ).
fn estimate(used: usize, done: usize, rest: usize) -> usize {
    let per_item = used as f64 / done.max(1) as f64;
    (per_item * rest as f64 * 1.05) as usize
}

/// `value` pretty-printed into `out` as `serde_json::to_string_pretty`
/// prints it, every line after `depth` indents (two spaces each): written
/// straight in, not printed and then copied line by line.
fn indented(out: &mut String, value: &Value, depth: usize) {
    let mut bytes = Vec::with_capacity(256);
    let printer = Nested { depth, has_value: false };
    let printed = serde::Serialize::serialize(value, &mut serde_json::Serializer::with_formatter(&mut bytes, printer));
    // serde_json prints a Value as UTF-8 and cannot fail to.
    if let (Ok(()), Ok(text)) = (printed, std::str::from_utf8(&bytes)) {
        (0..depth).for_each(|_| out.push_str(INDENT));
        out.push_str(text);
    }
}

const INDENT: &str = "  ";

/// serde_json's `PrettyFormatter` (two-space indent) that starts `depth`
/// levels in.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    fn member<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        (0..self.depth).try_for_each(|_| w.write_all(INDENT.as_bytes()))
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.member(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.member(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The document `top` as `serde_json::to_string_pretty` prints it (and a
/// final newline), cut at its `items_key` array: the text up to its `[`, and
/// the text after its `]`. `None` when `top` has no such member.
fn open_frame(top: &Map<String, Value>, items_key: &str) -> Option<(String, String)> {
    let (mut head, mut tail) = (String::from("{\n"), String::new());
    let mut seen = false;
    for (i, (k, v)) in top.iter().enumerate() {
        let out = if seen { &mut tail } else { &mut head };
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("  ");
        out.push_str(&serde_json::to_string(k).unwrap_or_default());
        out.push_str(": ");
        if k == items_key {
            out.push('[');
            seen = true;
        } else {
            let mut value = String::new();
            indented(&mut value, v, 1);
            // The first line follows the key.
            out.push_str(value.get(2..).unwrap_or_default());
        }
    }
    tail.push_str("\n}\n");
    seen.then_some((head, tail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_frame_prints_as_serde_json_does() {
        let items = vec![json!({"a": 1, "b": {"c": [1, 2], "d": {}}}), json!({}), json!({"e": "x\ny"})];
        for (doc, n) in [
            (json!({"nextToken": "t", "configs": items, "empty": [], "o": {"p": {"q": null}}}), 3),
            (json!({"configs": items}), 3),
            (json!({"configs": [], "count": 0}), 0),
        ] {
            let Value::Object(top) = &doc else { unreachable!() };
            let (mut text, tail) = open_frame(top, "configs").unwrap();
            for (i, item) in items.iter().take(n).enumerate() {
                text.push_str(if i == 0 { "\n" } else { ",\n" });
                indented(&mut text, item, 2);
            }
            text.push_str(if n == 0 { "]" } else { "\n  ]" });
            text.push_str(&tail);
            assert_eq!(text, format!("{}\n", serde_json::to_string_pretty(&doc).unwrap()));
        }
        assert!(open_frame(&Map::new(), "configs").is_none());
    }
}
