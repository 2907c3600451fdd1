//! The diagnostic type lint findings and translation notes share.

use crate::span::Span;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; changes nothing.
    Info,
    /// Likely wrong, or changed on the way.
    Warning,
    /// The provider would reject it, or the tool refuses.
    Error,
}

impl Severity {
    /// Lowercase name as in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("unknown severity `{other}`; expected error, warning or info")),
        }
    }
}

/// One replacement of source text: bytes `start..end` become `content`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The replaced range.
    #[serde(skip)]
    pub span: Span,
    /// The new text.
    pub content: String,
}

/// Whether a fix may be applied without a person reading it (ruff's
/// vocabulary). Ordered from least to most applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown, never applied: the edit is only part of the repair (the rest
    /// needs a person's judgement).
    DisplayOnly,
    /// Applied only with `--unsafe-fixes`: it can change what the config
    /// means (a value chosen for the user, a guessed key, an identity written in).
    Unsafe,
    /// Applied by `--fix`: the config means what it meant, spelt or
    /// formatted as the provider expects.
    Safe,
}

impl Applicability {
    /// The name as reports print it (`safe`, `unsafe`, `display-only`).
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A mechanical repair of a finding, and whether it may be applied unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does ("clamp to 604800").
    pub message: String,
    /// The text edits, non-overlapping.
    pub edits: Vec<Edit>,
    /// Whether `--fix` applies it, only `--unsafe-fixes`, or nothing.
    pub applicability: Applicability,
}

impl Fix {
    /// A fix of `edits`.
    pub fn new(applicability: Applicability, message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { message: message.into(), edits, applicability }
    }
}

/// A finding (lint) or a note (translate), located by JSON pointer and, where
/// the source text is known, by span.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable code, e.g. `R201`.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, with the values involved.
    pub message: String,
    /// What would be valid, or how to fix it.
    pub help: Option<String>,
    /// JSON pointer into the document (`""`: the whole document).
    pub pointer: String,
    /// Where in the source, when known.
    pub span: Option<Span>,
    /// A fix, when one exists (of any applicability).
    pub fix: Option<Fix>,
    /// The value before (translation notes: clamped or changed values).
    pub old: Option<Value>,
    /// The value after.
    pub new: Option<Value>,
    /// The target range a value was clamped into.
    pub range: Option<(i64, i64)>,
}

impl Diagnostic {
    /// A diagnostic with no span, fix or values.
    pub fn new(
        code: impl Into<String>,
        severity: Severity,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            help: None,
            pointer: pointer.into(),
            span: None,
            fix: None,
            old: None,
            new: None,
            range: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds old/new values and the range they were clamped into.
    pub fn with_change(mut self, old: Value, new: Value, range: Option<(i64, i64)>) -> Self {
        self.old = Some(old);
        self.new = Some(new);
        self.range = range;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.message)?;
        if !self.pointer.is_empty() {
            write!(f, " (at {})", self.pointer)?;
        }
        Ok(())
    }
}

/// `a` or `an` before a word or acronym, as it is read aloud ("an SMN",
/// "a DIS", "an alibaba-fc2"), for messages.
pub fn article(word: &str) -> &'static str {
    let acronym = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
    let first = word.bytes().next().unwrap_or(b'x').to_ascii_uppercase();
    let vowel = if acronym { b"AEFHILMNORSX".contains(&first) } else { b"AEIOU".contains(&first) };
    if vowel {
        "an"
    } else {
        "a"
    }
}
