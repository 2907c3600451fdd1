//! Helpers shared by the lint tests.

#![allow(dead_code)]

use invokecfg_lint::{diagnostic_json, LintOptions};
use invokecfg_model::{Diagnostic, Dialect};
use std::path::{Path, PathBuf};

/// The workspace's `fixtures/` directory.
pub fn fixtures() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    p.canonicalize().unwrap_or(p)
}

/// Options a lint fixture asks for through its directories:
/// `target-<dialect>/` sets the portability target, `dialect-<dialect>/` forces the dialect.
pub fn options_for(path: &Path) -> LintOptions {
    let mut o = LintOptions::default();
    for c in path.components() {
        let name = c.as_os_str().to_string_lossy();
        if let Some(t) = name.strip_prefix("target-") {
            o.target = Some(t.parse::<Dialect>().expect("target- directory names a dialect"));
        }
        if let Some(d) = name.strip_prefix("dialect-") {
            o.dialect = Some(d.parse::<Dialect>().expect("dialect- directory names a dialect"));
        }
    }
    o
}

/// Findings as pretty JSON.
pub fn findings_json(diags: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(&diags.iter().map(diagnostic_json).collect::<Vec<_>>()).unwrap_or_default()
}

/// Every `*.json` under `dir`, sorted.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(json_files(&p));
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
    out.sort();
    out
}
