//! End-to-end tests of issue #21 ("A house the next engineer can live in"),
//! the command line's parts: one test per item, named after it.

mod common;

use common::*;
use std::process::Command;

/// A file whose two fixable findings are far apart.
fn two_far_findings() -> String {
    let mut lines = vec!["{".to_string(), "  \"maxAsyncEventAgeInSeconds\": \"3600\",".to_string()];
    lines.extend((1..=12).map(|i| format!("  \"x-note-{i}\": {i},")));
    lines.push("  \"maxAsyncRetryAttempts\": \"2\"".into());
    lines.push("}".into());
    lines.join("\n") + "\n"
}

#[test]
fn item5_diff_is_unified_hunks_with_context() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), two_far_findings()).unwrap();
    let r = run_in(dir.path(), &["lint", "--diff", "a.json"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let hunks: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("@@")).collect();
    assert_eq!(hunks, ["@@ -1,5 +1,5 @@", "@@ -12,5 +12,5 @@"], "{}", r.stdout);
    assert!(r.stdout.starts_with("--- a.json\n+++ a.json\n"), "{}", r.stdout);
    assert!(r
        .stdout
        .contains("-  \"maxAsyncEventAgeInSeconds\": \"3600\",\n+  \"maxAsyncEventAgeInSeconds\": 3600,\n"));
    assert!(!r.stdout.contains("x-note-6"), "a line three away from every change is not shown:\n{}", r.stdout);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.json")).unwrap(),
        two_far_findings(),
        "--diff writes nothing"
    );
}

/// `lint` of a file with an error finding, stdout piped, with `env` set.
fn painted(env: &[(&str, &str)], extra: &[&str]) -> bool {
    let mut c = Command::new(env!("CARGO_BIN_EXE_invokecfg"));
    c.current_dir(root()).args(["lint", "fixtures/alibaba-fc2/invalid/age-out-of-range.json"]).args(extra);
    for k in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        c.env_remove(k);
    }
    c.envs(env.iter().copied());
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout.contains(&0x1b)
}

#[test]
fn item5_colour_follows_no_color_clicolor_force_and_the_terminal() {
    assert!(!painted(&[], &[]), "piped: plain");
    assert!(painted(&[("CLICOLOR_FORCE", "1")], &[]), "CLICOLOR_FORCE paints a pipe");
    assert!(!painted(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]), "NO_COLOR wins");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    assert!(!painted(&[("CLICOLOR_FORCE", "1")], &["--output-file", out.to_str().unwrap()]));
    assert!(!std::fs::read(&out).unwrap().contains(&0x1b), "never into --output-file");
}

#[test]
fn item5_sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("a b%~é.json"), r#"{"maxAsyncRetryAttempts": 9}"#).unwrap();
    let r = run_in(dir.path(), &["lint", "--format", "sarif", "a b%~é.json"], None);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let location = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "a%20b%25~%C3%A9.json", "{location}");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
}

/// Lints `a.json` beside an `invokecfg.json` holding `config`.
fn with_config(config: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("invokecfg.json"), config).unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"maxAsyncRetryAttempts": 2}"#).unwrap();
    run_in(dir.path(), &["lint", "a.json"], None)
}

#[test]
fn item4_config_is_decoded_strictly_naming_file_position_and_what_is_valid() {
    for (config, says) in [
        // An unknown key, at its own position, with every valid key.
        (
            "{\"select\": [\"R\"],\n  \"selectt\": [\"S\"]}",
            "invokecfg.json:2:14: invalid configuration at `/selectt`: unknown field `selectt`, expected one of `$schema`, `dialect`, `target`, `select`,",
        ),
        (
            r#"{"suppress": [{"code": "R202", "reason": "x", "pth": "a"}]}"#,
            "invokecfg.json:1:54: invalid configuration at `/suppress/0/pth`: unknown field `pth`, expected one of `path`, `pointer`, `code`, `reason`",
        ),
        // A value in a list, at the item.
        (
            r#"{"per-file-ignores": {"a/*.json": ["R2", "nope"]}}"#,
            "invokecfg.json:1:42: invalid configuration at `/per-file-ignores/a~1*.json/1`: `nope` names no rule; expected a rule code",
        ),
        (r#"{"dialect": "fc2"}"#, "invokecfg.json:1:13: invalid configuration at `/dialect`: `fc2` is no dialect; expected alibaba-fc2,"),
        (r#"{"select": 5}"#, "invokecfg.json:1:12: invalid configuration at `/select`: invalid type: integer `5`, expected a list"),
        // Derived structs would take a list of their fields: not here.
        ("[]", "invokecfg.json:1:1: invalid configuration at the top level: expected an object"),
        (r#"{"suppress": [["**", "/a", "R202", "why"]]}"#, "invalid configuration at `/suppress/0`: expected an object"),
    ] {
        let r = with_config(config);
        assert_eq!(r.code, 2, "{config}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{config}:\n{}\nnot in:\n{}", says, r.stderr);
    }
    // `target: null` is no target, and says so over an extended file's.
    let r = with_config(r#"{"target": null, "$schema": "https://example.invalid/config.json"}"#);
    assert_eq!(r.code, 0, "{}", r.stderr);
}
