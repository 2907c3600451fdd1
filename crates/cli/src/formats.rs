//! Lint output formats: text, json, sarif, github.

use invokecfg_model::{Diagnostic, Severity};
use serde_json::{json, Value};

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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// ruff/rustc-style text with snippets, then a summary line.
pub fn text(files: &[FileFindings], color: bool) -> String {
    let mut out = String::new();
    for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        out.push_str(&invokecfg_lint::render_text(&f.path, &f.source, &f.diagnostics, color));
    }
    let c = Counts::of(files);
    if c.errors + c.warnings + c.infos == 0 {
        out.push_str(&format!("All checks passed ({}).\n", plural(files.len(), "file")));
    } else {
        let fixable = files.iter().flat_map(|f| &f.diagnostics).filter(|d| d.fix.is_some()).count();
        out.push_str(&format!(
            "Found {}, {} and {} in {}.\n",
            plural(c.errors, "error"),
            plural(c.warnings, "warning"),
            plural(c.infos, "info"),
            plural(files.len(), "file")
        ));
        if fixable > 0 {
            let verb = if fixable == 1 { "is" } else { "are" };
            out.push_str(&format!("{} {verb} fixable with `--fix`.\n", plural(fixable, "finding")));
        }
    }
    out
}

/// The JSON report (`schemas/lint-report.schema.json`).
pub fn json_report(files: &[FileFindings], fixed: usize) -> Value {
    let findings: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            f.diagnostics.iter().map(move |d| {
                let mut v = invokecfg_lint::diagnostic_json(d);
                if let Value::Object(m) = &mut v {
                    m.insert("file".into(), Value::String(f.path.clone()));
                }
                v
            })
        })
        .collect();
    let c = Counts::of(files);
    json!({
        "version": 1,
        "findings": findings,
        "summary": {"files": files.len(), "errors": c.errors, "warnings": c.warnings, "infos": c.infos, "fixed": fixed},
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0 with the full rule table.
pub fn sarif(files: &[FileFindings]) -> Value {
    let rules = invokecfg_lint::rules();
    let rule_json: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "helpUri": format!("https://invokecfg.dev/rules/{}", r.code),
                "help": {"text": r.docs, "markdown": r.docs},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        let uri = f.path.replace('\\', "/");
        let uri = uri.strip_prefix("./").unwrap_or(&uri).to_string();
        for d in &f.diagnostics {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            let (sl, sc, el, ec) =
                d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column.max(1)));
            let mut result = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
                }}],
            });
            if let (Some(i), Value::Object(m)) = (rules.iter().position(|r| r.code == d.code), &mut result) {
                m.insert("ruleIndex".into(), json!(i));
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "invokecfg",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://invokecfg.dev",
                "rules": rule_json,
            }},
            "results": results,
        }],
    })
}

/// Escapes workflow-command data (`%`, CR, LF).
pub fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes workflow-command property values (data escapes plus `:` and `,`).
pub fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one per finding.
pub fn github(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let name = invokecfg_lint::rule(&d.code).map_or("", |r| r.name);
            let (sl, sc, el, ec) =
                d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column));
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            out.push_str(&format!(
                "::{level} file={},line={sl},col={sc},endLine={el},endColumn={ec},title={}::{}\n",
                gh_escape_property(&f.path),
                gh_escape_property(&format!("{} {name}", d.code)),
                gh_escape_data(&message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_escape_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(gh_escape_property("a,b:c"), "a%2Cb%3Ac");
    }

    fn sample() -> Vec<FileFindings> {
        let source = "{\n  \"maxAsyncRetryAttempts\": 9\n}\n".to_string();
        let r = invokecfg_lint::lint(source.as_bytes(), &Default::default());
        vec![FileFindings { path: "dir/a,b.json".into(), source, diagnostics: r.diagnostics }]
    }

    #[test]
    fn json_report_follows_its_schema() {
        let v = json_report(&sample(), 0);
        assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let errors = invokecfg_model::schema::SchemaName::LintReport.validate(&v);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn sarif_has_rules_and_results() {
        let v = sarif(&sample());
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"].as_array().map(Vec::len),
            Some(invokecfg_lint::rules().len())
        );
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][idx]["id"], r["ruleId"]);
    }

    #[test]
    fn github_lines() {
        let out = github(&sample());
        assert!(out.starts_with("::error file=dir/a%2Cb.json,line=2,col=28,"), "{out}");
    }
}
