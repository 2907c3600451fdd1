//! The JSON report (`schemas/lint-report.schema.json`).

use super::{Counts, FileFindings, RunInfo};
use serde_json::{json, Value};

/// The report: every finding with its file, the summary, the problems.
pub fn report(files: &[FileFindings], info: &RunInfo) -> Value {
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
    let mut summary = json!({"files": files.len(), "errors": c.errors, "warnings": c.warnings, "infos": c.infos});
    if let Value::Object(m) = &mut summary {
        m.insert("skipped".into(), json!(info.skipped));
        if let Some(n) = info.fixed {
            m.insert("fixed".into(), json!(n));
        }
    }
    let problems: Vec<Value> = info.problems.iter().map(|p| json!({"file": p.path, "message": p.message})).collect();
    json!({"version": 1, "findings": findings, "summary": summary, "problems": problems})
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
}
