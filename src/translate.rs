//! Translating a text or a file to another dialect: API JSON through the
//! translator, Terraform and YAML rewritten through `invokecfg_iac::surface`.

use crate::{Error, ErrorKind, Note};
use invokecfg_iac::surface::{self, Surface};
use invokecfg_model::{detect, span, Dialect, Document, FunctionRef};
use invokecfg_translate::{Mapping, Options};
use std::path::Path;

/// How [`translate`](crate::translate()) reads and what it may change: the
/// `invokecfg translate` flags of the same names. [`TranslateOptions::default`]
/// reads API JSON, detects its dialect, uses no mapping file (the built-in
/// region pairs and same-name fallbacks still apply) and refuses what cannot
/// be carried.
#[derive(Debug, Clone, Default)]
pub struct TranslateOptions {
    surface: Option<Surface>,
    source: Option<Dialect>,
    mapping: Mapping,
    options: Options,
}

impl TranslateOptions {
    /// API JSON, its dialect detected, no mapping file, nothing lossy allowed.
    pub fn new() -> TranslateOptions {
        TranslateOptions::default()
    }

    /// How the text of [`translate`](crate::translate()) is read (default: API JSON); a
    /// file's surface is otherwise chosen by its name.
    pub fn surface(mut self, surface: Surface) -> TranslateOptions {
        self.surface = Some(surface);
        self
    }

    /// Reads API JSON as `dialect` instead of detecting it (`--from`); keys
    /// of other dialects are then unknown keys, named by a note.
    pub fn source(mut self, dialect: Dialect) -> TranslateOptions {
        self.source = Some(dialect);
        self
    }

    /// The mapping of regions, accounts, namespaces, qualifiers and
    /// destinations (`--map`), e.g. from [`Mapping::from_json`].
    pub fn mapping(mut self, mapping: Mapping) -> TranslateOptions {
        self.mapping = mapping;
        self
    }

    /// Refuses on any warning note (`--strict`).
    pub fn strict(mut self) -> TranslateOptions {
        self.options.strict = true;
        self
    }

    /// Drops, with a warning note, what would otherwise refuse the translation (`--allow-lossy`).
    pub fn allow_lossy(mut self) -> TranslateOptions {
        self.options.allow_lossy = true;
        self
    }

    /// The function's identity (an ARN or URN) for documents that do not name it (`--function`).
    pub fn function(mut self, arn_or_urn: impl Into<String>) -> TranslateOptions {
        self.options.function = Some(arn_or_urn.into());
        self
    }
}

/// A translated text and the notes on how it was made.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Translation {
    /// The dialect of an API JSON input (a Terraform or YAML file may hold several).
    pub source: Option<Dialect>,
    /// The dialect written.
    pub target: Dialect,
    /// What `invokecfg translate` writes: the target's API JSON (two-space
    /// indent, keys in the provider's order, a trailing newline), or the
    /// rewritten Terraform / YAML file.
    pub text: String,
    /// Every change, default, clamp and drop, each with its stable code.
    pub notes: Vec<Note>,
}

impl Translation {
    /// The output as a JSON value, when it is JSON (API JSON; `None` for a
    /// rewritten Terraform or YAML file).
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.text).ok()
    }
}

/// Translates a text to `target`: API JSON, or the surface
/// [`TranslateOptions::surface`] names. What cannot be carried refuses the
/// translation: an [`Error`] of kind [`ErrorKind::Refused`] whose
/// [`Error::notes`] name the mapping entry to add.
pub fn translate(source: &str, target: Dialect, options: &TranslateOptions) -> Result<Translation, Error> {
    let surface = options.surface.unwrap_or(Surface::ApiJson);
    translate_bytes(source.as_bytes(), "-", surface, target, options)
}

/// Translates a file, read as `invokecfg translate` reads it: `*.tf` as
/// Terraform (rewritten in place: every byte outside the rewritten
/// resources kept), `*.yaml`/`*.yml` as YAML, anything else as API JSON,
/// unless [`TranslateOptions::surface`] says otherwise.
pub fn translate_file(
    path: impl AsRef<Path>,
    target: Dialect,
    options: &TranslateOptions,
) -> Result<Translation, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let surface = options.surface.unwrap_or_else(|| Surface::of(path, &bytes));
    let name = path.display().to_string();
    translate_bytes(&bytes, &name, surface, target, options).map_err(|e| e.in_file(path))
}

fn translate_bytes(
    bytes: &[u8],
    name: &str,
    surface: Surface,
    target: Dialect,
    options: &TranslateOptions,
) -> Result<Translation, Error> {
    if let Some(f) = &options.options.function {
        FunctionRef::read(f).map_err(|e| Error::new(ErrorKind::InvalidOption, format!("function: {e}")))?;
    }
    if surface == Surface::ApiJson {
        return translate_api_json(bytes, target, options);
    }
    let (text, notes) = surface::translate(surface, name, bytes, (target, None), &options.mapping, &options.options)
        .map_err(|e| {
            let kind = match e.kind {
                surface::FileErrorKind::NotUtf8(_) | surface::FileErrorKind::Unreadable(_) => ErrorKind::Syntax,
                _ => ErrorKind::Unsupported,
            };
            Error::new(kind, e.to_string()).caused_by(e)
        })?;
    match text {
        Ok(text) => Ok(Translation { source: None, target, text, notes }),
        Err(()) => Err(refused(target, notes)),
    }
}

fn refused(target: Dialect, notes: Vec<Note>) -> Error {
    Error::new(ErrorKind::Refused, format!("translation to {target} refused")).with_notes(notes)
}

/// API JSON: read as `invokecfg translate` reads a file (a key given twice
/// refuses it), its dialect detected unless given, then translated.
fn translate_api_json(bytes: &[u8], target: Dialect, options: &TranslateOptions) -> Result<Translation, Error> {
    let parsed = span::parse(bytes)?;
    if let Some(d) = parsed.duplicates.first() {
        let key = d.pointer.rsplit('/').next().unwrap_or_default();
        let (first, second) = (d.first.start, d.second.start);
        let message = format!(
            "key `{key}` is given twice, at {}:{} and {}:{}; readers disagree on which one counts, so nothing is translated: keep one",
            first.line, first.column, second.line, second.column
        );
        return Err(Error::new(ErrorKind::InvalidDocument, message).at(Some(second), Some(d.pointer.clone())));
    }
    let source = match options.source {
        Some(d) => d,
        None => detect(&parsed.value)?.dialect,
    };
    let document = Document::from_value(&parsed.value, source).map_err(|e| {
        let at = parsed.spans.value_span(&e.pointer).map(|s| s.start);
        Error::new(ErrorKind::InvalidDocument, e.to_string()).at(at, Some(e.pointer.clone())).caused_by(e)
    })?;
    match invokecfg_translate::translate(&document, target, &options.mapping, &options.options) {
        Ok(t) => Ok(Translation { source: Some(source), target, text: t.document.to_pretty_json(), notes: t.notes }),
        Err(e) => {
            let notes = e.notes().to_vec();
            Err(Error::new(ErrorKind::Refused, e.to_string()).with_notes(notes).caused_by(e))
        }
    }
}
