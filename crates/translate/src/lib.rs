//! # invokecfg-translate
//!
//! Translates async invocation configs between dialects through the neutral
//! model, clamping differing ranges and noting every lossy step.
//!
//! (Interface fixed; implementation in progress.)

use invokecfg_model::{Diagnostic, Dialect, Document};
use std::fmt;

/// The identity mapping file (`schemas/mapping.schema.json`), usable in both directions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {}

/// Why a mapping file is unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError {
    /// JSON pointer inside the mapping file.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for MappingError {}

impl Mapping {
    /// Parses and validates a mapping file's text.
    pub fn from_json(_text: &str) -> Result<Mapping, MappingError> {
        Ok(Mapping {})
    }
}

/// Translation switches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Refuse on any warning note.
    pub strict: bool,
    /// Drop what cannot be mapped (with a warning note) instead of refusing.
    pub allow_lossy: bool,
    /// The function's identity (ARN or URN) for documents that lack it.
    pub function: Option<String>,
}

/// A translated document and the notes on how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The document in the target dialect.
    pub document: Document,
    /// Every change, default, clamp and drop.
    pub notes: Vec<Diagnostic>,
}

/// Why a translation was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum TranslateError {
    /// Something cannot be carried (or `--strict` saw a warning); the notes
    /// hold the error notes naming the mapping entry to add, plus every other note.
    Refused {
        /// All notes, errors first.
        notes: Vec<Diagnostic>,
    },
}

impl fmt::Display for TranslateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranslateError::Refused { notes } => write!(f, "translation refused ({} notes)", notes.len()),
        }
    }
}

impl std::error::Error for TranslateError {}

/// Translates `doc` into `target`.
pub fn translate(
    doc: &Document,
    target: Dialect,
    _mapping: &Mapping,
    _options: &Options,
) -> Result<Translation, TranslateError> {
    let _ = (doc, target);
    Err(TranslateError::Refused { notes: Vec::new() })
}
