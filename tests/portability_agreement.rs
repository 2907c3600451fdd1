//! `lint --target X` and `translate --to X` report the same things at the
//! same pointers: the portability rules (P5xx) are the translator's notes,
//! mapped code for code ([`invokecfg_lint::portability::RULE_OF_NOTE`]), with
//! the notes' severities, over every dialect fixture, every lint fixture and
//! every Terraform and YAML fixture, to every other dialect, without and with
//! a mapping file.

mod common;

use common::{root, run};
use invokecfg_lint::portability::rule_of_note;
use invokecfg_model::Dialect;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    files_with(dir, &["json"], out);
}

fn files_with(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_with(&p, extensions, out);
        } else if p.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)) {
            out.push(p);
        }
    }
}

/// (code, pointer, message, severity).
type Finding = (String, String, String, String);

/// The JSON report of `lint --select P --target target [--map map] file`.
fn lint_report(file: &str, target: Dialect, map: Option<&str>) -> Value {
    let mut args = vec!["lint", "--format", "json", "--select", "P", "--target", target.id(), "--exit-zero"];
    if let Some(m) = map {
        args.extend(["--map", m]);
    }
    args.push(file);
    serde_json::from_str(&run(&args).stdout).unwrap_or(Value::Null)
}

/// The report `translate --to target [--map map] file` writes to `report`
/// (`files[0]`), or `None` when it wrote none.
fn translate_report(file: &str, target: Dialect, map: Option<&str>, report: &Path) -> Option<Value> {
    let mut args = vec!["translate", "--to", target.id(), "-o", "/dev/null", "--report", report.to_str()?];
    if let Some(m) = map {
        args.extend(["--map", m]);
    }
    args.push(file);
    run(&args);
    let report: Value = serde_json::from_str(&std::fs::read_to_string(report).ok()?).ok()?;
    Some(report["files"][0].clone())
}

fn lint_findings(file: &str, target: Dialect, map: Option<&str>) -> BTreeSet<Finding> {
    lint_report(file, target, map)["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (s(&f["code"]), s(&f["pointer"]), s(&f["message"]), s(&f["severity"])))
        .collect()
}

/// Whether translate refused `file` (its report's `files[0]`) after reading
/// it: a refusal because the translator could not read it at all
/// (`SOURCE_INVALID`) is lint's S rules' to explain, not a P5xx.
fn refused_after_reading(file: &Value) -> bool {
    let unreadable =
        file["notes"].as_array().into_iter().flatten().any(|n| n["code"] == invokecfg_translate::codes::SOURCE_INVALID);
    file["status"] == "refused" && !unreadable
}

/// Whether any of `severities` is an error.
fn any_error<'a>(mut severities: impl Iterator<Item = &'a str>) -> bool {
    severities.any(|s| s == "error")
}

fn translate_findings(
    file: &str,
    target: Dialect,
    map: Option<&str>,
    report: &Path,
) -> Option<(bool, BTreeSet<Finding>)> {
    let file = translate_report(file, target, map, report)?;
    Some((
        refused_after_reading(&file),
        file["notes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| {
                let code = rule_of_note(n["code"].as_str()?)?.to_string();
                Some((code, s(&n["pointer"]), s(&n["message"]), s(&n["severity"])))
            })
            .collect(),
    ))
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

#[test]
fn lint_target_and_translate_to_agree_on_every_fixture() {
    let mut files = Vec::new();
    for d in Dialect::ALL {
        for sub in ["valid", "lists", "placeholders"] {
            json_files(&root().join("fixtures").join(d.id()).join(sub), &mut files);
        }
    }
    json_files(&root().join("fixtures/lint"), &mut files);
    files.sort();
    let tmp = tempfile::tempdir().expect("temp dir");
    let report = tmp.path().join("report.json");
    let full = root().join("fixtures/mapping/full.json");
    let (mut compared, mut with_findings, mut disagreements) = (0, 0, Vec::new());
    for path in &files {
        let file = path.to_string_lossy().to_string();
        for target in Dialect::ALL {
            for map in [None, Some(full.to_string_lossy().to_string())] {
                let _ = std::fs::remove_file(&report);
                // Files translate refuses to read (not a config, not JSON) have nothing to compare.
                let Some((refused, translated)) = translate_findings(&file, target, map.as_deref(), &report) else {
                    continue;
                };
                let linted = lint_findings(&file, target, map.as_deref());
                compared += 1;
                with_findings += usize::from(!translated.is_empty());
                // A P5xx error exactly when translate refuses.
                if any_error(linted.iter().map(|f| f.3.as_str())) != refused {
                    disagreements.push(format!("{file} -> {target} (map: {}): refused {refused}", map.is_some()));
                }
                if linted != translated {
                    let only_lint: Vec<_> = linted.difference(&translated).collect();
                    let only_translate: Vec<_> = translated.difference(&linted).collect();
                    disagreements.push(format!(
                        "{file} -> {target} (map: {}):\n  lint only: {only_lint:?}\n  translate only: {only_translate:?}",
                        map.is_some()
                    ));
                }
            }
        }
    }
    assert!(compared > 300, "only {compared} comparisons");
    assert!(with_findings > 100, "only {with_findings} comparisons had portability findings");
    assert!(disagreements.is_empty(), "{} disagreement(s):\n{}", disagreements.len(), disagreements.join("\n"));
}

/// One file's P5xx findings located by position: (code, line:column, severity).
type Located = (String, String, String);

/// `lint --target` of a Terraform / YAML file: its P5xx findings by position.
fn lint_located(file: &str, target: Dialect, map: Option<&str>) -> Vec<Located> {
    let mut found: Vec<Located> = lint_report(file, target, map)["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (s(&f["code"]), format!("{}:{}", f["line"], f["column"]), s(&f["severity"])))
        .collect();
    found.sort();
    found
}

/// `translate --to` of a Terraform / YAML file: whether it was refused, and
/// its notes that map to P5xx by position (each message starts `line:column: `);
/// `None` when nothing was translated or refused (not a config for this
/// target's output, such as a YAML file of several sections as one API document).
fn translate_located(file: &str, target: Dialect, map: Option<&str>, report: &Path) -> Option<(bool, Vec<Located>)> {
    let file = translate_report(file, target, map, report)?;
    if !matches!(file["status"].as_str()?, "refused" | "translated") {
        return None;
    }
    // Refused before any value was translated (the translator could not read it): lint's S rules say why.
    let refused = refused_after_reading(&file);
    if file["status"] == "refused" && !refused {
        return None;
    }
    let notes = file["notes"].as_array()?;
    let mut found: Vec<Located> = notes
        .iter()
        .filter_map(|n| {
            let code = rule_of_note(n["code"].as_str()?)?.to_string();
            let message = n["message"].as_str()?;
            let (line, rest) = message.split_once(':')?;
            let column = rest.split_once(':')?.0;
            Some((code, format!("{line}:{column}"), s(&n["severity"])))
        })
        .collect();
    found.sort();
    Some((refused, found))
}

/// Terraform and YAML: lint's P5xx findings are translate's notes at the same
/// positions with the same severities, and a P5xx error exists exactly when
/// translate refuses (the IaC translation completes the function's identity
/// from the wrapper, and lint's dry run is that translation).
#[test]
fn lint_target_and_translate_to_agree_on_every_iac_fixture() {
    let mut files = Vec::new();
    files_with(&root().join("fixtures/terraform"), &["tf"], &mut files);
    files_with(&root().join("fixtures/yaml"), &["yaml", "yml"], &mut files);
    files.sort();
    let tmp = tempfile::tempdir().expect("temp dir");
    let report = tmp.path().join("report.json");
    let maps: Vec<Option<String>> = std::iter::once(None)
        .chain(
            ["full.json", "seed.json"]
                .iter()
                .map(|m| Some(root().join("fixtures/mapping").join(m).to_string_lossy().to_string())),
        )
        .collect();
    let (mut compared, mut refusals, mut accepted_with_findings, mut disagreements) = (0, 0, 0, Vec::new());
    for path in &files {
        let file = path.to_string_lossy().to_string();
        for target in Dialect::ALL {
            for map in &maps {
                let _ = std::fs::remove_file(&report);
                let Some((refused, translated)) = translate_located(&file, target, map.as_deref(), &report) else {
                    continue;
                };
                let linted = lint_located(&file, target, map.as_deref());
                compared += 1;
                refusals += usize::from(refused);
                accepted_with_findings += usize::from(!refused && !linted.is_empty());
                let lint_error = any_error(linted.iter().map(|(_, _, severity)| severity.as_str()));
                if linted != translated || lint_error != refused {
                    disagreements.push(format!(
                        "{file} -> {target} (map: {map:?}): refused {refused}\n  lint: {linted:?}\n  translate: {translated:?}"
                    ));
                }
            }
        }
    }
    assert!(compared > 100, "only {compared} comparisons");
    assert!(refusals > 10, "only {refusals} refusals");
    assert!(accepted_with_findings > 10, "only {accepted_with_findings} accepted translations had findings");
    assert!(disagreements.is_empty(), "{} disagreement(s):\n{}", disagreements.len(), disagreements.join("\n"));
}
