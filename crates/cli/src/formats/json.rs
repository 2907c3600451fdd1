//! The JSON report (`schemas/lint-report.schema.json`).

use super::{Counts, FileFindings, RunInfo};
use invokecfg_lint::DiagnosticEntry;
use serde::Serialize;
#[cfg(test)]
use serde_json::Value;

/// The report, written from borrowed fields: a run over many files writes
/// thousands of findings, and making each a `Value` first was most of the
/// serial time after the lint.
#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: Vec<Finding<'a>>,
    summary: Summary,
    problems: Vec<ProblemEntry<'a>>,
}

/// A finding with its file (`file` last, after the finding's own keys).
#[derive(Serialize)]
struct Finding<'a> {
    #[serde(flatten)]
    diagnostic: DiagnosticEntry<'a>,
    file: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    skipped: usize,
    /// Only with `--fix`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
}

#[derive(Serialize)]
struct ProblemEntry<'a> {
    file: &'a str,
    message: &'a str,
}

fn of<'a>(files: &'a [FileFindings], info: &'a RunInfo) -> Report<'a> {
    let findings = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(|d| Finding { diagnostic: DiagnosticEntry::of(d), file: &f.path }))
        .collect();
    let c = Counts::of(files);
    Report {
        version: 1,
        findings,
        summary: Summary {
            files: files.len(),
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
            skipped: info.skipped,
            fixed: info.fixed,
        },
        problems: info.problems.iter().map(|p| ProblemEntry { file: &p.path, message: &p.message }).collect(),
    }
}

/// The report as the JSON format prints it: pretty, one final newline.
pub fn text(files: &[FileFindings], info: &RunInfo) -> String {
    let mut out = serde_json::to_string_pretty(&of(files, info)).unwrap_or_default();
    out.push('\n');
    out
}

/// The report as a value: every finding with its file, the summary, the problems.
#[cfg(test)]
pub fn report(files: &[FileFindings], info: &RunInfo) -> Value {
    serde_json::to_value(of(files, info)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_report_follows_its_schema() {
        let v = report(&super::super::sample(), &RunInfo::default());
        assert!(v["summary"].get("fixed").is_none(), "fixed only with --fix");
        assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let errors = invokecfg_model::schema::SchemaName::LintReport.validate(&v);
        assert!(errors.is_empty(), "{errors:?}");
    }

    /// The text is the report value printed, key order included.
    #[test]
    fn the_text_is_the_report_printed() {
        let (files, mut info) = (super::super::sample(), RunInfo::default());
        info.fixed = Some(2);
        let printed = serde_json::to_string_pretty(&report(&files, &info)).unwrap_or_default() + "\n";
        assert_eq!(text(&files, &info), printed);
        let v = report(&files, &info);
        let keys: Vec<&str> =
            v["findings"][0].as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(keys.first().copied(), Some("code"));
        assert_eq!(keys.last().copied(), Some("file"), "file comes after the finding's own keys");
        assert_eq!(v["summary"]["fixed"], 2);
    }
}
