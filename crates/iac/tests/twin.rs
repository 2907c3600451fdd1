//! The twin law (issue #18): every Terraform, s.yaml and ROS fixture's
//! resources lint as their API JSON twins do (the document the reader
//! generates, linted as the request it is): the same findings by code,
//! severity and fix availability, except the rules that exist only because
//! of a wrapper (`invokecfg_lint::WRAPPER_ONLY`), findings on expression
//! values (the IaC side skips them: their values are unknown) and the named
//! exceptions below.

use invokecfg_iac::{lint, terraform, yaml, Found, SyntaxError};
use invokecfg_lint::{DocumentRole, LintOptions, RuleCode, WRAPPER_ONLY};
use invokecfg_model::{Diagnostic, Dialect};
use std::path::{Path, PathBuf};

fn files(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, extensions, out);
        } else if p.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)) {
            out.push(p);
        }
    }
}

/// (code, severity, fixable), sorted.
type Findings = Vec<(String, String, bool)>;

fn key(d: &Diagnostic) -> (String, String, bool) {
    (d.code.clone(), d.severity.as_str().to_string(), d.fix.is_some())
}

/// Exception: an argument or block the wrapper does not have (`found.unknown`)
/// has no API spelling, so the twin cannot hold it; the IaC side reports it
/// as S106 at the resource (pointer `""`), the twin has nothing to report.
fn wrapper_spelled_unknown(d: &Diagnostic) -> bool {
    d.code == RuleCode::S106.as_str() && d.pointer.is_empty()
}

/// Exception: a value a YAML section takes from an anchor elsewhere in the
/// file (`<<: *defaults`) is shared with every section that merges it, so
/// the IaC side does not edit it; its twin's copy is the section's own.
fn shared_anchor_value(d: &Diagnostic, found: &Found) -> bool {
    found.spans.get(&d.pointer).is_some_and(|s| s.value.start < found.extent.start || s.value.end > found.extent.end)
}

fn compared(d: &Diagnostic, found: &Found) -> bool {
    !WRAPPER_ONLY.iter().any(|w| w.as_str() == d.code) && !found.is_expression(&d.pointer)
}

fn twin_findings(found: &Found, dialect: Dialect) -> Findings {
    let json = serde_json::to_string_pretty(&found.document).unwrap();
    let options = LintOptions { dialect: Some(dialect), role: DocumentRole::Request, ..Default::default() };
    let mut out: Findings = invokecfg_lint::lint(json.as_bytes(), &options)
        .diagnostics
        .iter()
        .filter(|d| compared(d, found))
        .map(|d| (d.code.clone(), d.severity.as_str().to_string(), d.fix.is_some() && !shared_anchor_value(d, found)))
        .collect();
    out.sort();
    out
}

fn resource_findings(found: &Found, source: &str) -> Findings {
    let mut out: Findings = lint(found, source, &LintOptions::default())
        .diagnostics
        .iter()
        .filter(|d| compared(d, found) && !wrapper_spelled_unknown(d))
        .map(key)
        .collect();
    out.sort();
    out
}

/// The pointers the file writes a value at that the twin lacks: a reader
/// that drops what it read (an empty block, once) makes a twin that cannot
/// show the difference, so each written value must be in the document,
/// except expressions, zeros the wrapper does not send, `null` (unset) and
/// the FC 3.0 function name (the request path, outside the document).
fn dropped_by_the_reader(found: &Found, source: &str, dialect: Dialect) -> Vec<String> {
    let function = format!("/{}", dialect.key(invokecfg_model::Field::Function));
    found
        .spans
        .iter()
        .filter(|(pointer, span)| {
            let text = source.get(span.value.clone()).unwrap_or_default().trim();
            let excepted = found.is_expression(pointer)
                || found.not_sent.contains(pointer)
                || ["null", "~", ""].contains(&text)
                || (found.function_name.is_some() && **pointer == function);
            found.document.pointer(pointer).is_none() && !excepted
        })
        .map(|(pointer, _)| pointer.clone())
        .collect()
}

#[test]
fn every_iac_fixture_lints_as_its_json_twin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut paths = Vec::new();
    files(&root.join("terraform"), &["tf"], &mut paths);
    files(&root.join("yaml"), &["yaml", "yml", "json"], &mut paths);
    paths.sort();
    let (mut resources, mut with_findings, mut differences) = (0, 0, Vec::new());
    for path in &paths {
        let Ok(source) = std::fs::read_to_string(path) else { continue };
        let read: fn(&str) -> Result<Vec<Found>, SyntaxError> =
            if path.extension().is_some_and(|x| x == "tf") { terraform::read } else { yaml::read };
        // Not a resource file (a translate case) or broken on purpose (S101 has no twin).
        let Ok(found) = read(&source) else { continue };
        for f in &found {
            let Ok(dialect) = f.dialect.parse::<Dialect>() else { continue };
            resources += 1;
            let (resource, twin) = (resource_findings(f, &source), twin_findings(f, dialect));
            with_findings += usize::from(!twin.is_empty());
            let dropped = dropped_by_the_reader(f, &source, dialect);
            if !dropped.is_empty() {
                differences.push(format!("{} {}: read but not in the twin: {dropped:?}", path.display(), f.address));
            }
            if resource != twin {
                differences.push(format!(
                    "{} {}:\n  resource: {resource:?}\n  twin:     {twin:?}\n  document: {}",
                    path.display(),
                    f.address,
                    f.document
                ));
            }
        }
    }
    eprintln!("{resources} resources compared, {with_findings} with findings");
    assert!(resources >= 20, "only {resources} resources read");
    assert!(with_findings >= 8, "only {with_findings} twins had findings");
    assert!(differences.is_empty(), "{} difference(s):\n{}", differences.len(), differences.join("\n"));
}
