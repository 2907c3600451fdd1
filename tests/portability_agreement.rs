//! `lint --target X` and `translate --to X` report the same things at the
//! same pointers: the portability rules (P5xx) are the translator's notes,
//! mapped code for code ([`invokecfg_lint::portability::RULE_OF_NOTE`]), over
//! every dialect fixture and every lint fixture, to every other dialect,
//! without and with a mapping file.

mod common;

use common::{root, run};
use invokecfg_lint::portability::rule_of_note;
use invokecfg_model::Dialect;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

type Finding = (String, String, String);

fn lint_findings(file: &str, target: Dialect, map: Option<&str>) -> BTreeSet<Finding> {
    let mut args = vec!["lint", "--format", "json", "--select", "P", "--target", target.id(), "--exit-zero"];
    if let Some(m) = map {
        args.extend(["--map", m]);
    }
    args.push(file);
    let out = run(&args);
    let report: Value = serde_json::from_str(&out.stdout).unwrap_or(Value::Null);
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (s(&f["code"]), s(&f["pointer"]), s(&f["message"])))
        .collect()
}

fn translate_findings(file: &str, target: Dialect, map: Option<&str>, report: &Path) -> Option<BTreeSet<Finding>> {
    let mut args = vec!["translate", "--to", target.id(), "-o", "/dev/null", "--report", report.to_str()?];
    if let Some(m) = map {
        args.extend(["--map", m]);
    }
    args.push(file);
    run(&args);
    let report: Value = serde_json::from_str(&std::fs::read_to_string(report).ok()?).ok()?;
    let file = &report["files"][0];
    Some(
        file["notes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| Some((rule_of_note(n["code"].as_str()?)?.to_string(), s(&n["pointer"]), s(&n["message"]))))
            .collect(),
    )
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
                let Some(translated) = translate_findings(&file, target, map.as_deref(), &report) else { continue };
                let linted = lint_findings(&file, target, map.as_deref());
                compared += 1;
                with_findings += usize::from(!translated.is_empty());
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
