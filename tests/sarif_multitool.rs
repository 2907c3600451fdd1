//! `sarif-multitool validate` (Microsoft's SARIF validator, the bar GitHub code
//! scanning's own checks follow) over `lint --format sarif`, with relative and
//! absolute paths and file names that need percent-encoding. Runs when
//! `SARIF_MULTITOOL` names the tool (`.ci/run` installs it with npm when npm
//! is present); skipped otherwise.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The results of level `error` the Multitool reports for `sarif`.
fn validation_errors(tool: &str, sarif: &str, work: &Path, name: &str) -> Vec<String> {
    let input = work.join(format!("{name}.sarif"));
    let output = work.join(format!("{name}.validation.sarif"));
    std::fs::write(&input, sarif).unwrap();
    let status = Command::new(tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
        .status()
        .expect("SARIF_MULTITOOL runs");
    assert!(status.success(), "{tool} validate failed on {name}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "error")
        .map(|r| format!("{}: {}", r["ruleId"], r["message"]))
        .collect()
}

#[test]
fn multitool_finds_no_error() {
    let Ok(tool) = std::env::var("SARIF_MULTITOOL") else {
        eprintln!("SARIF_MULTITOOL is not set: skipped");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let odd = work.path().join("odd");
    for name in ["prod config.json", "50%,a:b.json", "cfg#1.json", "é.json"] {
        std::fs::create_dir_all(&odd).unwrap();
        std::fs::write(odd.join(name), r#"{"maxAsyncRetryAttempts": 9, "x😀": 1}"#).unwrap();
    }
    let abs_fixtures = root().join("fixtures/alibaba-fc2/invalid");
    let cases: Vec<(&str, Run)> = vec![
        ("relative", run(&["lint", "--format", "sarif", "fixtures/alibaba-fc2/invalid", "fixtures/huawei/invalid"])),
        ("absolute-inside", run(&["lint", "--format", "sarif", abs_fixtures.to_str().unwrap()])),
        // Every safe and unsafe fix as a SARIF `fix`.
        (
            "fixes",
            run(&["lint", "--format", "sarif", "--unsafe-fixes", "fixtures/alibaba-fc2/invalid", "fixtures/lint"]),
        ),
        ("absolute-outside", run(&["lint", "--format", "sarif", odd.to_str().unwrap()])),
        ("odd-names", run_in(&odd, &["lint", "--format", "sarif", "."], None)),
        (
            "missing-file",
            run(&["lint", "--format", "sarif", "--rules-url", "https://example.invalid/rules", "missing.json"]),
        ),
    ];
    for (name, r) in cases {
        assert!(r.stdout.contains("\"results\""), "{name}: {}", r.stderr);
        let errors = validation_errors(&tool, &r.stdout, work.path(), name);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}
