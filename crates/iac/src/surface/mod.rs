//! The one entry point every front end (the CLI, the Python package, the
//! language server) reads a file through: which surface it is (API JSON,
//! Terraform, Serverless Devs / ROS YAML), whether it holds an async
//! invocation config at all, its findings, its safe fixes and its
//! translation. A front end adds only its own I/O and configuration, so the
//! same text gets the same verdict wherever it is read.

mod claim;

use crate::{terraform, yaml, Found, SyntaxError};
use invokecfg_lint::{apply_fixes, LintOptions, LintResult, RuleCode};
use invokecfg_model::{Diagnostic, Dialect, Position, Severity, Span};
use invokecfg_translate::{Mapping, Options};
use std::path::Path;

/// Where a file's configs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Surface {
    /// The provider's API JSON (a request body, a response, a list).
    ApiJson,
    /// Terraform `.tf`.
    Terraform,
    /// YAML: `s.yaml` / `s.yml`, ROS templates (also a ROS template in JSON).
    Yaml,
}

/// `.json` files hold API JSON (or a ROS template in JSON).
const JSON_EXTENSION: &str = "json";

impl Surface {
    /// The surface of `path` by its name alone: `None` for a name no
    /// surface reads.
    pub fn by_name(path: &Path) -> Option<Surface> {
        Surface::by_file_name(path.file_name()?)
    }

    /// The surface of a file by its name (`config.json`), its extension read
    /// as `Path::extension` reads it (after the last dot, unless that dot
    /// starts the name), from the bytes: a walk asks it of every file.
    pub fn by_file_name(name: &std::ffi::OsStr) -> Option<Surface> {
        let name = name.as_encoded_bytes();
        let dot = name.iter().rposition(|&b| b == b'.').filter(|&at| at > 0)?;
        match name.get(dot + 1..)? {
            b"tf" => Some(Surface::Terraform),
            b"yaml" | b"yml" => Some(Surface::Yaml),
            extension if extension == JSON_EXTENSION.as_bytes() => Some(Surface::ApiJson),
            _ => None,
        }
    }

    /// The surface of a file, by its name and, for `.json`, its text: a ROS
    /// template in JSON (JSON is YAML) is read as YAML. A name no surface
    /// claims (stdin, `config.txt`) is read as API JSON, as the CLI always has.
    pub fn of(path: &Path, source: &[u8]) -> Surface {
        // The key is ASCII: found in the bytes as in the text, without
        // making the text of every API JSON file first.
        static ROS_KEY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(ROS_VERSION_KEY));
        match Surface::by_name(path) {
            // A `.json` name: a ROS template, or API JSON.
            Some(Surface::ApiJson)
                if ROS_KEY.find(source).is_some() && yaml::mentions_section(&crate::text::as_text(source)) =>
            {
                Surface::Yaml
            }
            Some(Surface::ApiJson) | None => Surface::ApiJson,
            Some(other) => other,
        }
    }

    /// The name a syntax error calls the format by.
    fn format_name(self) -> &'static str {
        match self {
            Surface::ApiJson => "JSON",
            Surface::Terraform => "HCL",
            Surface::Yaml => "YAML",
        }
    }
}

const ROS_VERSION_KEY: &str = invokecfg_model::facts::ros::VERSION_KEY;

/// Whether a directory walk of `lint` takes `path`.
pub fn walked(path: &Path) -> bool {
    Surface::by_name(path).is_some()
}

/// Whether a directory walk of `lint` takes a file of this name.
pub fn walked_name(name: &std::ffi::OsStr) -> bool {
    Surface::by_file_name(name).is_some()
}

/// Whether a directory walk of `translate` takes `path`: API JSON, or a
/// Terraform / YAML file that names a resource type or section it could
/// rewrite (other YAML, such as compose files, is not an input there).
pub fn translatable(path: &Path) -> bool {
    match Surface::by_name(path) {
        None => false,
        Some(Surface::ApiJson) => true,
        Some(s) => std::fs::read_to_string(path).is_ok_and(|t| mentions(s, &t)),
    }
}

fn read(surface: Surface, text: &str) -> Result<Vec<Found>, SyntaxError> {
    match surface {
        Surface::Terraform => terraform::read(text),
        Surface::Yaml | Surface::ApiJson => yaml::read(text),
    }
}

fn mentions(surface: Surface, text: &str) -> bool {
    match surface {
        Surface::Terraform => terraform::mentions_resource(text),
        Surface::Yaml | Surface::ApiJson => yaml::mentions_section(text),
    }
}

/// What one file's lint gave.
#[derive(Debug, Clone, Default)]
pub struct Linted {
    /// The findings, in file order, and the dialect read.
    pub result: LintResult,
    /// Notes for `--verbose`: the expression values the value rules skipped,
    /// resources no rule reads.
    pub notes: Vec<String>,
}

/// Lints `source`, a file of `surface`.
pub fn lint(surface: Surface, source: &[u8], options: &LintOptions) -> Linted {
    if surface == Surface::ApiJson {
        return Linted { result: invokecfg_lint::lint(source, options), notes: Vec::new() };
    }
    let text = crate::text::as_text(source);
    let mut linted = Linted::default();
    match read(surface, &text) {
        Err(e) => linted.result.diagnostics.push(syntax_error(surface, &e)),
        Ok(found) => {
            let lines = crate::Lines::new(&text);
            for f in &found {
                let one = crate::lint_with(f, &lines, options);
                if linted.result.dialect.is_none() {
                    linted.result.dialect = f.dialect.parse::<Dialect>().ok();
                }
                if f.dialect.parse::<Dialect>().is_err() {
                    linted.notes.push(format!("{}: not linted: no rules for {} yet", f.address, f.dialect));
                }
                for e in &one.skipped {
                    linted.notes.push(format!(
                        "{}: `{}` is an expression: value rules skip it (at {})",
                        f.address,
                        one_line(&e.text),
                        e.pointer
                    ));
                }
                linted.result.diagnostics.extend(one.diagnostics);
            }
        }
    }
    linted.result.diagnostics.sort_by_key(|d| d.span.map_or(0, |s| s.start.offset));
    linted
}

/// A file that does not parse as its format: `S101` at the exact position.
fn syntax_error(surface: Surface, e: &SyntaxError) -> Diagnostic {
    let at = Position { line: e.line, column: e.column, offset: e.offset };
    let code = RuleCode::S101;
    let severity = invokecfg_lint::rule(code.as_str()).map_or(Severity::Error, |r| r.severity);
    let mut d =
        Diagnostic::new(code.as_str(), severity, "", format!("invalid {}: {}", surface.format_name(), e.message));
    d.span = Some(Span { start: at, end: at });
    d
}

/// Applies the fixes `options.unsafe_fixes` allows until none applies (a
/// fix can uncover another), at most a few rounds: the fixed text and the
/// number of fixes applied.
pub fn fix(surface: Surface, source: &[u8], options: &LintOptions) -> (Vec<u8>, usize) {
    let mut text = source.to_vec();
    let mut total = 0;
    for _ in 0..8 {
        let r = lint(surface, &text, options).result;
        let (next, n) = apply_fixes(&text, &r.diagnostics, options.unsafe_fixes);
        if n == 0 || next == text {
            break;
        }
        total += n;
        text = next;
    }
    (text, total)
}

/// Why a file is not an async invocation config (it is skipped, not
/// reported, unless the user claims it), or `None` when it is one or looks
/// like one. API JSON: no key (or near miss of a key) of any dialect, or JSON
/// with comments naming none. Terraform / YAML: no async invocation config
/// resource or section, or a file that does not parse and names none.
pub fn not_a_config(surface: Surface, source: &[u8]) -> Option<&'static str> {
    if surface == Surface::ApiJson {
        return match invokecfg_model::span::parse(source) {
            Ok(parsed) => claim::not_a_config(&parsed.value),
            Err(_) => claim::unparsable_not_a_config(source),
        };
    }
    let text = crate::text::as_text(source);
    match read(surface, &text) {
        Ok(found) if found.is_empty() => Some("no async invocation config resource"),
        Ok(_) => None,
        Err(_) if mentions(surface, &text) => None,
        Err(_) => Some("does not parse, and names no async invocation config resource type"),
    }
}

/// Whether the user named the file as a config whatever it holds
/// (`--dialect`, a config file's `include`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Lint it whatever it holds.
    Claimed,
    /// Lint it only if it is a config; skip it otherwise.
    IfConfig,
}

/// One file read as a front end reads it.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Not a config (the reason): skipped, not reported.
    NotAConfig(&'static str),
    /// Linted.
    Linted(Linted),
}

/// Lints the text of the file at `path` (which need not exist: its name picks
/// the surface), skipping it when it is not a config and not claimed. The
/// one path `invokecfg lint`, the Python `lint()` and the language server take.
pub fn lint_file_text(path: &Path, source: &[u8], options: &LintOptions, claim: Claim) -> (Surface, Verdict) {
    let surface = Surface::of(path, source);
    let linted = lint(surface, source, options);
    if linted.result.dialect.is_none() && claim == Claim::IfConfig {
        if let Some(why) = not_a_config(surface, source) {
            return (surface, Verdict::NotAConfig(why));
        }
    }
    (surface, Verdict::Linted(linted))
}

/// `--format terraform`: write a YAML section as a Terraform resource.
pub const TERRAFORM_FORMAT: &str = "terraform";

/// What translating one Terraform / YAML file gave: the text to write (or
/// `Err(())` when refused) and the notes, each prefixed with its position
/// and resource address.
pub type FileTranslation = (Result<String, ()>, Vec<Diagnostic>);

/// Why a Terraform / YAML file was not translated at all (a resource the
/// translator refuses is a note, not this).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as the caller named it.
    pub input: String,
    /// What is wrong.
    pub kind: FileErrorKind,
}

/// What kind of [`FileError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileErrorKind {
    /// The bytes are not UTF-8.
    NotUtf8(std::str::Utf8Error),
    /// A ROS template in JSON: linted, not rewritten.
    RosTemplateInJson,
    /// API JSON: the translator reads it, not a surface.
    ApiJson,
    /// The file cannot be read as its surface, or not written for the target.
    Unreadable(crate::terraform::TranslateFileError),
    /// No async invocation config resource or section.
    NoConfig,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let input = &self.input;
        match &self.kind {
            FileErrorKind::NotUtf8(e) => write!(f, "{input}: not UTF-8 text: {e}"),
            FileErrorKind::RosTemplateInJson => {
                write!(f, "{input}: error: ROS templates in JSON are linted, not rewritten; translate the YAML form")
            }
            FileErrorKind::ApiJson => write!(f, "{input}: error: API JSON is translated by the translator"),
            FileErrorKind::Unreadable(e) => write!(f, "{input}: error: {e}"),
            FileErrorKind::NoConfig => write!(f, "{input}: error: no async invocation config resource to translate"),
        }
    }
}

// As serde_json's errors: the message names the cause, and `source()` gives it typed.
impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            FileErrorKind::NotUtf8(e) => Some(e),
            FileErrorKind::Unreadable(e) => Some(e),
            FileErrorKind::RosTemplateInJson | FileErrorKind::ApiJson | FileErrorKind::NoConfig => None,
        }
    }
}

/// Translates a Terraform / YAML file (`input` names it in errors): the text
/// to write, or the notes of the refusal. An error is a file that cannot be
/// read as its surface.
pub fn translate(
    surface: Surface,
    input: &str,
    source: &[u8],
    (target, format): (Dialect, Option<&str>),
    mapping: &Mapping,
    options: &Options,
) -> Result<FileTranslation, FileError> {
    let error = |kind| FileError { input: input.to_string(), kind };
    let text = std::str::from_utf8(source).map_err(|e| error(FileErrorKind::NotUtf8(e)))?;
    if surface == Surface::Yaml && Path::new(input).extension().is_some_and(|x| x == JSON_EXTENSION) {
        return Err(error(FileErrorKind::RosTemplateInJson));
    }
    let out = match (surface, format) {
        (Surface::ApiJson, _) => return Err(error(FileErrorKind::ApiJson)),
        (Surface::Terraform, _) => terraform::translate(text, target, mapping, options),
        (Surface::Yaml, Some(TERRAFORM_FORMAT)) => {
            yaml::write_as(text, yaml::Output::Terraform, target, mapping, options)
        }
        // FC 3.0 reads YAML: rewritten in place; no other target does.
        (Surface::Yaml, None) if target == Dialect::AlibabaFc3 => yaml::translate(text, target, mapping, options),
        (Surface::Yaml, _) => yaml::write_as(text, yaml::Output::ApiJson, target, mapping, options),
    }
    .map_err(|e| error(FileErrorKind::Unreadable(e)))?;
    let mut notes = Vec::new();
    for o in &out.outcomes {
        for n in &o.notes {
            let mut n = n.clone();
            let at = n.span.map(|s| format!("{}:{}: ", s.start.line, s.start.column)).unwrap_or_default();
            n.message = format!("{at}{}: {}", o.address, n.message);
            notes.push(n);
        }
    }
    if out.outcomes.is_empty() {
        return Err(error(FileErrorKind::NoConfig));
    }
    Ok((if out.refused() { Err(()) } else { Ok(out.text) }, notes))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod name_tests {
    use super::*;

    /// The surface a name claims, read through `Path::extension`: the oracle.
    fn by_extension(name: &str) -> Option<Surface> {
        match Path::new(name).extension().and_then(|x| x.to_str()) {
            Some("tf") => Some(Surface::Terraform),
            Some("yaml" | "yml") => Some(Surface::Yaml),
            Some(JSON_EXTENSION) => Some(Surface::ApiJson),
            _ => None,
        }
    }

    #[test]
    fn a_name_claims_what_its_extension_claims() {
        let parts = ["", ".", "..", "a", "json", "tf", "yml", "yaml", "é", "x.y"];
        for a in parts {
            for b in parts {
                for c in parts {
                    let name = format!("{a}{b}{c}");
                    if name.is_empty() || name == "." || name == ".." {
                        continue;
                    }
                    let by_bytes = Surface::by_file_name(std::ffi::OsStr::new(&name));
                    assert_eq!(by_bytes, by_extension(&name), "{name:?}");
                    assert_eq!(Surface::by_name(&Path::new("dir").join(&name)), by_bytes, "{name:?}");
                }
            }
        }
    }
}
