//! The snapshot text of a file's reading and linting, for every reader.
#![allow(dead_code)]

use invokecfg_iac::{lint, position, Found, SyntaxError};
use invokecfg_lint::LintOptions;
use std::fmt::Write;
use std::path::Path;

fn at(source: &str, r: &std::ops::Range<usize>) -> String {
    let (s, e) = (position(source, r.start), position(source, r.end));
    format!("{}:{}-{}:{}", s.line, s.column, e.line, e.column)
}

pub fn describe(path: &Path, read: fn(&str) -> Result<Vec<Found>, SyntaxError>) -> String {
    let source = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let found = match read(&source) {
        Ok(f) => f,
        Err(e) => return format!("syntax error at {e}\n"),
    };
    if found.is_empty() {
        out.push_str("no async invocation config resource\n");
    }
    for f in &found {
        writeln!(out, "== {} ({}) at {}", f.address, f.dialect, at(&source, &f.extent)).unwrap();
        writeln!(out, "{}", serde_json::to_string_pretty(&f.document).unwrap()).unwrap();
        for (p, s) in &f.spans {
            let key = s.key.as_ref().map(|k| at(&source, k)).unwrap_or_else(|| "-".into());
            writeln!(out, "span {p}: key {key} value {}", at(&source, &s.value)).unwrap();
        }
        for e in &f.expressions {
            writeln!(out, "expression {}: {}", e.pointer, e.text).unwrap();
        }
        for (i, p) in f.placeholders.iter().enumerate() {
            writeln!(out, "placeholder {i}: {p}").unwrap();
        }
        for (name, r) in &f.unknown {
            writeln!(out, "unknown argument {name} at {}", at(&source, r)).unwrap();
        }
        for d in lint(f, &source, &LintOptions::default()).diagnostics {
            let s = d.span.unwrap();
            write!(
                out,
                "lint {}:{} {} [{}] {} (at {})",
                s.start.line, s.start.column, d.code, d.severity, d.message, d.pointer
            )
            .unwrap();
            if let Some(h) = &d.help {
                write!(out, "; help: {h}").unwrap();
            }
            if let Some(fix) = &d.fix {
                for e in &fix.edits {
                    write!(out, "; fix {}:{} -> {}", e.span.start.line, e.span.start.column, e.content).unwrap();
                }
            }
            out.push('\n');
        }
    }
    out
}
