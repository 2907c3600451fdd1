//! Lint output formats, one emitter per file: `text` (snippets and the
//! summary), `json` (the versioned report), `sarif` (2.1.0), `github`
//! (workflow commands) and `statistics` (`--statistics`, text or JSON).

mod github;
mod json;
mod sarif;
mod statistics;
mod text;

use crate::LintFormat;
use invokecfg_model::{Diagnostic, Severity};
use std::path::Path;

/// One linted file's findings.
pub struct FileFindings {
    /// The path as given (or `--stdin-filename`).
    pub path: String,
    /// The source text (lossily decoded), for snippets.
    pub source: String,
    /// Findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts by severity.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Counts {
    /// Counts the findings of every file.
    pub fn of(files: &[FileFindings]) -> Counts {
        let mut c = Counts::default();
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// What one run of `lint` produced, beyond the findings.
#[derive(Default)]
pub struct RunInfo {
    /// Files skipped as not configs.
    pub skipped: usize,
    /// Paths that could not be read, or fixes that could not be written.
    pub problems: Vec<Problem>,
    /// Fixes applied (`Some` only with `--fix`).
    pub fixed: Option<usize>,
    /// Base URL of the rule pages (`--rules-url`).
    pub rules_url: Option<String>,
    /// Which fixes count as fixable (`--unsafe-fixes`).
    pub unsafe_fixes: invokecfg_lint::UnsafeFixes,
}

/// A path that could not be read, or a fix that could not be written.
pub struct Problem {
    /// The path as given.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Whether the text format paints its snippets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// ANSI colours.
    Ansi,
    /// Plain text.
    Plain,
}

/// How the findings are shown: a format, or the counts per rule.
#[derive(Clone, Copy)]
pub enum Rendering {
    /// `--format`, with the text format's colour and `--quiet`.
    Findings { format: LintFormat, colour: Colour, summary: Summary },
    /// `--statistics` (JSON with `--format json`, else text).
    Statistics { format: LintFormat },
}

/// Whether the text format ends with its summary lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    /// The summary lines (the default).
    Shown,
    /// The findings only (`--quiet`).
    Left,
}

/// The findings (and the run's problems) as `rendering` shows them.
/// `cwd` is where the paths as given are relative to (SARIF reads them
/// from the repository's root).
pub fn render(rendering: Rendering, files: &[FileFindings], info: &RunInfo, cwd: &Path) -> String {
    match rendering {
        Rendering::Statistics { format: LintFormat::Json } => pretty(&statistics::json(files, info.unsafe_fixes)),
        Rendering::Statistics { .. } => statistics::text(files, info.unsafe_fixes),
        Rendering::Findings { format: LintFormat::Text, colour, summary } => {
            let mut out = text::findings(files, info, colour);
            if summary == Summary::Shown {
                out.push_str(&text::summary(files, info));
            }
            out
        }
        Rendering::Findings { format: LintFormat::Json, .. } => json::text(files, info),
        Rendering::Findings { format: LintFormat::Sarif, .. } => pretty(&sarif::log(files, info, cwd)),
        Rendering::Findings { format: LintFormat::Github, .. } => github::commands(files, &info.problems),
    }
}

/// A JSON document as the machine formats print it: pretty, one final newline.
fn pretty(value: &serde_json::Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}

/// `n word` or `n words`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The (start line, start column, end line, end column) of a finding; a
/// finding with no span is at the top of its file.
fn region(d: &Diagnostic) -> (usize, usize, usize, usize) {
    d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column))
}

/// The message with its help, as the formats without a help field show it.
fn message_with_help(d: &Diagnostic) -> String {
    match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    }
}

/// The page of rule `code` under a `--rules-url` base (SARIF's `helpUri`, LSP's `codeDescription`).
pub fn rule_page_url(base: &str, code: &str) -> String {
    format!("{base}/{code}.md")
}

#[cfg(test)]
fn sample() -> Vec<FileFindings> {
    let source = "{\n  \"maxAsyncRetryAttempts\": 9\n}\n".to_string();
    let r = invokecfg_lint::lint(source.as_bytes(), &Default::default());
    vec![FileFindings { path: "dir/a,b.json".into(), source, diagnostics: r.diagnostics }]
}
