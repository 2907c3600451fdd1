//! End-to-end tests of `invokecfg lint`.

mod common;

use common::*;
use invokecfg_model::schema::SchemaName;
use serde_json::Value;

#[test]
fn valid_fixtures_exit_0_invalid_exit_1() {
    for dir in
        ["fixtures/alibaba-fc2/valid", "fixtures/alibaba-fc3/valid", "fixtures/huawei/valid", "fixtures/huawei/lists"]
    {
        let r = run(&["lint", dir]);
        assert_eq!(r.code, 0, "{dir}: {}", r.stdout);
    }
    let r = run(&["lint", "fixtures/alibaba-fc2/invalid"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("Found 8 errors"), "{}", r.stdout);
}

#[test]
fn typo_is_reported_at_its_line_and_column_with_the_suggestion() {
    let r = run(&["lint", "fixtures/alibaba-fc2/invalid/unknown-key-typo.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("unknown-key-typo.json:8:3: S106"), "{}", r.stdout);
    assert!(r.stdout.contains("did you mean `maxAsyncRetryAttempts`?"), "{}", r.stdout);
}

#[test]
fn missing_file_is_exit_2_and_named() {
    let r = run(&["lint", "no/such/file.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("error: no/such/file.json: No such file or directory"), "{}", r.stdout);
    assert!(!r.stdout.contains("All checks passed"), "{}", r.stdout);
    let r = run(&["lint", "--format", "json", "no/such/file.json"]);
    assert!(r.stderr.contains("no/such/file.json: No such file or directory"), "{}", r.stderr);
}

#[test]
fn invalid_json_is_a_finding_not_exit_2() {
    let r = run(&["lint", "--format", "json", "fixtures/alibaba-fc2/invalid/trailing-comma.json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["findings"][0]["code"], "S101");
    assert_eq!(v["findings"][0]["line"], 8, "at the trailing comma itself");
}

#[test]
fn json_report_follows_its_schema() {
    let r = run(&["lint", "--format", "json", "fixtures/alibaba-fc2", "fixtures/huawei/placeholders"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let errors = SchemaName::LintReport.validate(&v);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(v["summary"]["files"].as_u64().unwrap() > 10);
    assert!(r.stderr.is_empty(), "stderr: {}", r.stderr);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let r = run(&["lint", "--format", "sarif", "fixtures/alibaba-fc2/invalid", "fixtures/huawei/invalid"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let errors = sarif_schema_errors(&v);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 10);
    assert!(results.iter().all(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("fixtures/")));
}

#[test]
fn github_format_prints_workflow_commands() {
    let r = run(&["lint", "--format", "github", "fixtures/alibaba-fc2/invalid/age-out-of-range.json"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.starts_with("::error file=fixtures/alibaba-fc2/invalid/age-out-of-range.json,line=7,col=32,endLine=7,endColumn=38,title=R201 event-age-out-of-range::"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("%0Ahelp: "), "multi-line messages are escaped: {}", r.stdout);
}

#[test]
fn stdin_with_a_filename() {
    let r = run_stdin(&["lint", "-", "--stdin-filename", "cfg/a.json"], br#"{"maxAsyncRetryAttempts": 9}"#);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("cfg/a.json:1:27: R202"), "{}", r.stdout);
}

#[test]
fn select_ignore_and_severity() {
    let f = "fixtures/alibaba-fc2/invalid/age-out-of-range.json";
    assert_eq!(run(&["lint", "--ignore", "R201", f]).code, 0);
    assert_eq!(run(&["lint", "--select", "S", f]).code, 0);
    assert_eq!(run(&["lint", "--severity", "R201=warning", f]).code, 0);
    let r = run(&["lint", "--select", "NOPE", f]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`NOPE` names no rule"), "{}", r.stderr);
}

#[test]
fn target_runs_portability_rules() {
    let r = run(&[
        "lint",
        "--target",
        "huawei",
        "--format",
        "json",
        "fixtures/alibaba-fc2/invalid/retries-out-of-range.json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let codes: Vec<&str> = v["findings"].as_array().unwrap().iter().filter_map(|f| f["code"].as_str()).collect();
    assert!(codes.contains(&"P501"), "{codes:?}");
}

#[test]
fn fix_changes_only_the_number_atomically_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(root().join("fixtures/alibaba-fc2/invalid/age-out-of-range.json")).unwrap();
    let path = dir.path().join("cfg.json");
    std::fs::write(&path, &src).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let r = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", "cfg.json"], None);
    assert_eq!(r.code, 0, "{} {}", r.stdout, r.stderr);
    assert!(r.stderr.contains("Fixed 1 finding in cfg.json"), "{}", r.stderr);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, src.replace("604801", "604800"));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    // Idempotent: a second run changes nothing.
    let again = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", "cfg.json"], None);
    assert_eq!(again.code, 0);
    assert!(!again.stderr.contains("Fixed"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    // No temporary files left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let r = run_stdin(&["lint", "--fix", "--unsafe-fixes", "-"], b"{\"maxAsyncRetryAttempt\": 2}\n");
    assert_eq!(r.stdout, "{\"maxAsyncRetryAttempts\": 2}\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn directories_respect_gitignore_and_config_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join(".gitignore"), "generated/\n").unwrap();
    std::fs::create_dir_all(d.join("generated")).unwrap();
    std::fs::create_dir_all(d.join("configs/legacy")).unwrap();
    std::fs::write(d.join("generated/bad.json"), r#"{"maxAsyncRetryAttempts": 99}"#).unwrap();
    std::fs::write(d.join("configs/ok.json"), r#"{"maxAsyncRetryAttempts": 2}"#).unwrap();
    std::fs::write(d.join("configs/legacy/old.json"), r#"{"maxAsyncRetryAttempts": 99}"#).unwrap();
    std::fs::write(d.join("configs/warn.json"), r#"{"maxAsyncRetryAttempts": 9}"#).unwrap();
    std::fs::write(d.join("invokecfg.json"), r#"{"exclude": ["configs/legacy/"], "severity": {"R202": "warning"}}"#)
        .unwrap();
    let r = run_in(d, &["lint", "--format", "json", "."], None);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let files: Vec<&str> = v["findings"].as_array().unwrap().iter().filter_map(|f| f["file"].as_str()).collect();
    assert_eq!(files, ["./configs/warn.json"], "{}", r.stdout);
    assert_eq!(v["findings"][0]["severity"], "warning");
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(r.code, 0);
}

#[test]
fn bad_config_is_exit_2_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("invokecfg.json"), "{\n  \"select\": 5\n}\n").unwrap();
    std::fs::write(dir.path().join("a.json"), "{}").unwrap();
    let r = run_in(dir.path(), &["lint", "a.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invokecfg.json:2:13: invalid configuration at `/select`"), "{}", r.stderr);
    let r = run_in(dir.path(), &["lint", "--config", "missing.json", "a.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.json: No such file or directory"), "{}", r.stderr);
}

#[test]
fn rules_and_explain() {
    let r = run(&["rules", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert!(rules.len() >= 20);
    assert!(rules.iter().all(|r| r["code"].is_string() && r["rule"].is_string() && r["fixable"].is_boolean()));
    for rule in rules {
        let e = run(&["explain", rule["code"].as_str().unwrap()]);
        assert_eq!(e.code, 0);
        assert!(e.stdout.contains("## What it does"), "{}", e.stdout);
    }
    let e = run(&["explain", "R2O1"]);
    assert_eq!(e.code, 2);
    assert!(e.stderr.contains("did you mean `R201`"), "{}", e.stderr);
}

#[test]
fn no_color_when_piped() {
    let r = run(&["lint", "fixtures/alibaba-fc2/invalid/age-out-of-range.json"]);
    assert!(!r.stdout.contains('\u{1b}'));
}
