//! `lint` and `translate` on Terraform files, Serverless Devs `s.yaml` and
//! ROS templates: which files they are, and the calls into `invokecfg-iac`
//! the two commands make for them.

use invokecfg_iac::{terraform, yaml, Found, SyntaxError};
use invokecfg_lint::{LintOptions, LintResult};
use invokecfg_model::{Diagnostic, Dialect, Severity};
use invokecfg_translate::{Mapping, Options};
use std::path::Path;

/// A file format that holds async invocation configs besides API JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Terraform `.tf`.
    Terraform,
    /// YAML: `s.yaml` / `s.yml`, ROS templates (any `.yaml` / `.yml` is read;
    /// one with no async invocation config section is skipped).
    Yaml,
}

/// The format of `path`, when it is one of these (by its name).
pub fn kind(path: &Path) -> Option<Kind> {
    match path.extension().and_then(|x| x.to_str()) {
        Some("tf") => Some(Kind::Terraform),
        Some("yaml" | "yml") => Some(Kind::Yaml),
        _ => None,
    }
}

/// Whether a directory walk of `translate` takes `path`: API JSON, or a file
/// of [`kind`] that names a resource type or section it could rewrite (other
/// YAML, such as compose files, is not an input there).
pub fn translatable(path: &Path) -> bool {
    match kind(path) {
        None => path.extension().is_some_and(|x| x == "json"),
        Some(k) => std::fs::read_to_string(path).is_ok_and(|t| mentions(k, &t)),
    }
}

fn read(kind: Kind, text: &str) -> Result<Vec<Found>, SyntaxError> {
    match kind {
        Kind::Terraform => terraform::read(text),
        Kind::Yaml => yaml::read(text),
    }
}

fn mentions(kind: Kind, text: &str) -> bool {
    match kind {
        Kind::Terraform => terraform::mentions_resource(text),
        Kind::Yaml => yaml::mentions_section(text),
    }
}

/// The format of a file, by its name and, for `.json`, its text: a ROS
/// template in JSON (JSON is YAML) is read as YAML.
pub fn kind_of(path: &Path, source: &[u8]) -> Option<Kind> {
    kind(path).or_else(|| {
        let json = path.extension().is_some_and(|x| x == "json");
        let text = String::from_utf8_lossy(source);
        (json && text.contains(ROS_VERSION_KEY) && yaml::mentions_section(&text)).then_some(Kind::Yaml)
    })
}

/// `--format terraform`: write a YAML section as a Terraform resource.
const TERRAFORM: &str = "terraform";

const ROS_VERSION_KEY: &str = invokecfg_model::facts::ros::VERSION_KEY;

/// Whether a directory walk takes `path`: API JSON, or a format of [`kind`].
pub fn walked(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json") || kind(path).is_some()
}

/// The rule a file that cannot be read is reported under.
const SYNTAX_RULE: &str = "S101";

/// Lints `source` (a file of `kind`, or API JSON when `None`). Also returns
/// notes for `--verbose`: the expression values the value rules skipped.
pub fn lint(kind: Option<Kind>, source: &[u8], options: &LintOptions) -> (LintResult, Vec<String>) {
    let Some(kind) = kind else { return (invokecfg_lint::lint(source, options), Vec::new()) };
    let text = String::from_utf8_lossy(source);
    let mut result = LintResult::default();
    let mut notes = Vec::new();
    match read(kind, &text) {
        Err(e) => {
            let at = invokecfg_model::Span {
                start: invokecfg_model::Position { line: e.line, column: e.column, offset: e.offset },
                end: invokecfg_model::Position { line: e.line, column: e.column, offset: e.offset },
            };
            let severity = invokecfg_lint::rule(SYNTAX_RULE).map_or(Severity::Error, |r| r.severity);
            let format = if kind == Kind::Terraform { "HCL" } else { "YAML" };
            let mut d = Diagnostic::new(SYNTAX_RULE, severity, "", format!("invalid {format}: {}", e.message));
            d.span = Some(at);
            result.diagnostics.push(d);
        }
        Ok(found) => {
            let lines = invokecfg_iac::Lines::new(&text);
            for f in &found {
                let linted = invokecfg_iac::lint_with(f, &lines, options);
                if result.dialect.is_none() {
                    result.dialect = f.dialect.parse::<Dialect>().ok();
                }
                if f.dialect.parse::<Dialect>().is_err() {
                    notes.push(format!("{}: not linted: no rules for {} yet", f.address, f.dialect));
                }
                for e in &linted.skipped {
                    notes.push(format!(
                        "{}: `{}` is an expression: value rules skip it (at {})",
                        f.address,
                        one_line(&e.text),
                        e.pointer
                    ));
                }
                result.diagnostics.extend(linted.diagnostics);
            }
        }
    }
    result.diagnostics.sort_by_key(|d| d.span.map_or(0, |s| s.start.offset));
    (result, notes)
}

/// Why a file of `kind` is not linted, or `None` when it is: one with no
/// async invocation config resource is skipped; one that does not parse is
/// reported when it names a resource type.
pub fn not_a_config(kind: Kind, source: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(source);
    match read(kind, &text) {
        Ok(found) if found.is_empty() => Some("no async invocation config resource"),
        Ok(_) => None,
        Err(_) if mentions(kind, &text) => None,
        Err(_) => Some("does not parse, and names no async invocation config resource type"),
    }
}

/// Translates a file of `kind`: the text to write, and the notes, or the
/// notes of the refusal. Notes are printed as the JSON path's are.
pub fn translate(
    kind: Kind,
    input: &str,
    source: &[u8],
    (target, format): (Dialect, Option<&str>),
    mapping: &Mapping,
    options: &Options,
) -> Result<(Result<String, ()>, Vec<Diagnostic>), String> {
    let text = std::str::from_utf8(source).map_err(|e| format!("{input}: not UTF-8 text: {e}"))?;
    if kind == Kind::Yaml && Path::new(input).extension().is_some_and(|x| x == "json") {
        return Err(format!(
            "{input}: error: ROS templates in JSON are linted, not rewritten; translate the YAML form"
        ));
    }
    let out = match (kind, format) {
        (Kind::Terraform, _) => terraform::translate(text, target, mapping, options),
        (Kind::Yaml, Some(TERRAFORM)) => yaml::write_as(text, yaml::Output::Terraform, target, mapping, options),
        // FC 3.0 reads YAML: rewritten in place; no other target does.
        (Kind::Yaml, None) if target == Dialect::AlibabaFc3 => yaml::translate(text, target, mapping, options),
        (Kind::Yaml, _) => yaml::write_as(text, yaml::Output::ApiJson, target, mapping, options),
    }
    .map_err(|e| format!("{input}: error: {e}"))?;
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
        return Err(format!("{input}: error: no async invocation config resource to translate"));
    }
    Ok((if out.refused() { Err(()) } else { Ok(out.text) }, notes))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
