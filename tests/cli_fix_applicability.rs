//! Issue 21, item 3: fixes with an applicability (safe, unsafe,
//! display-only) and rules with a fix availability, through the binary.

mod common;

use common::*;
use serde_json::Value;

/// R202's clamp of 9 chooses a value (unsafe); S108's unquoting of "300" keeps it (safe).
const MIXED: &str = "{\n  \"maxAsyncRetryAttempts\": 9,\n  \"maxAsyncEventAgeInSeconds\": \"300\"\n}\n";
const SAFE_ONLY: &str = "{\n  \"maxAsyncRetryAttempts\": 9,\n  \"maxAsyncEventAgeInSeconds\": 300\n}\n";
const BOTH: &str = "{\n  \"maxAsyncRetryAttempts\": 8,\n  \"maxAsyncEventAgeInSeconds\": 300\n}\n";
/// Huawei with Alibaba's `destinationConfig`: S105's rename there is display-only
/// (the destinations inside have another form), its `maxAsyncRetryAttempts` rename safe.
const DISPLAY_ONLY: &str = "fixtures/lint/S105-foreign-dialect-key/dialect-huawei/camel-case-keys.json";

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

#[test]
fn item_3_fix_applies_safe_fixes_and_unsafe_fixes_applies_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.json"), MIXED).unwrap();
    let r = run_in(d, &["lint", "a.json"], None);
    assert!(r.stdout.contains("  = fix (unsafe): clamp to 8\n"), "{}", r.stdout);
    assert!(r.stdout.contains("  = fix: unquote `300`\n"), "{}", r.stdout);
    assert!(
        r.stdout.ends_with(
            "1 finding is fixable with `--fix`.\n1 more finding is fixable with `--fix --unsafe-fixes` (unsafe fixes can change what a config means).\n"
        ),
        "{}",
        r.stdout
    );
    // --diff shows what --fix would write: the safe fix only, unless asked.
    let diff = run_in(d, &["lint", "--diff", "a.json"], None);
    assert!(diff.stdout.contains("+  \"maxAsyncEventAgeInSeconds\": 300"), "{}", diff.stdout);
    assert!(!diff.stdout.contains("+  \"maxAsyncRetryAttempts\": 8"), "{}", diff.stdout);
    let diff = run_in(d, &["lint", "--diff", "--unsafe-fixes", "a.json"], None);
    assert!(diff.stdout.contains("+  \"maxAsyncRetryAttempts\": 8,"), "{}", diff.stdout);
    // --fix: the safe fix; the unsafe one stays, and the summary says how to apply it.
    let r = run_in(d, &["lint", "--fix", "a.json"], None);
    assert_eq!(r.code, 1, "R202 remains: {}", r.stdout);
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), SAFE_ONLY);
    assert!(r.stdout.contains("1 finding is fixable with `--fix --unsafe-fixes`"), "{}", r.stdout);
    // --fix --unsafe-fixes: the rest.
    std::fs::write(d.join("a.json"), MIXED).unwrap();
    let r = run_in(d, &["lint", "--fix", "--unsafe-fixes", "a.json"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), BOTH);
    // stdin: the same.
    assert_eq!(run_stdin(&["lint", "--fix", "-"], MIXED.as_bytes()).stdout, SAFE_ONLY);
    assert_eq!(run_stdin(&["lint", "--fix", "--unsafe-fixes", "-"], MIXED.as_bytes()).stdout, BOTH);
}

#[test]
fn item_3_display_only_fixes_are_shown_and_never_applied() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(root().join(DISPLAY_ONLY)).unwrap();
    let file = dir.path().join("c.json");
    std::fs::write(&file, &source).unwrap();
    let shown = run_in(dir.path(), &["lint", "--dialect", "huawei", "c.json"], None);
    assert!(
        shown.stdout.contains("= fix (display-only): rename `destinationConfig` to `destination_config`"),
        "{}",
        shown.stdout
    );
    let r = run_in(dir.path(), &["lint", "--dialect", "huawei", "--fix", "--unsafe-fixes", "c.json"], None);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains("\"destinationConfig\""), "display-only is never applied: {fixed}\n{}", r.stdout);
    assert!(fixed.contains("\"max_async_retry_attempts\""), "the safe rename is: {fixed}");
    let v = json(&run_in(dir.path(), &["lint", "--dialect", "huawei", "--format", "json", "c.json"], None));
    let kinds: Vec<&str> =
        v["findings"].as_array().unwrap().iter().filter_map(|f| f["fix"]["applicability"].as_str()).collect();
    assert_eq!(kinds, ["display-only"], "{v}");
}

#[test]
fn item_3_json_and_sarif_carry_the_applicability() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), MIXED).unwrap();
    let v = json(&run_in(dir.path(), &["lint", "--format", "json", "a.json"], None));
    let by_code =
        |code: &str| v["findings"].as_array().unwrap().iter().find(|f| f["code"] == code).cloned().unwrap_or_default();
    assert_eq!(by_code("R202")["fix"]["applicability"], "unsafe", "{v}");
    assert_eq!(by_code("S108")["fix"]["applicability"], "safe", "{v}");
    let errors = invokecfg_model::schema::SchemaName::LintReport.validate(&v);
    assert!(errors.is_empty(), "{errors:?}");
    // SARIF: `fixes` only for what this run's flags would apply.
    let sarif = |flags: &[&str]| {
        let mut args = vec!["lint", "--format", "sarif"];
        args.extend(flags);
        args.push("a.json");
        let v = json(&run_in(dir.path(), &args, None));
        let results = v["runs"][0]["results"].as_array().unwrap().clone();
        results.into_iter().map(|r| (r["ruleId"].as_str().unwrap_or_default().to_string(), r)).collect::<Vec<_>>()
    };
    for (code, r) in sarif(&[]) {
        let fixes = r.get("fixes");
        match code.as_str() {
            "S108" => {
                let fix = &fixes.expect("a safe fix is in SARIF")[0];
                assert_eq!(fix["properties"]["applicability"], "safe");
                let change = &fix["artifactChanges"][0];
                assert_eq!(
                    change["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                );
                assert_eq!(change["replacements"][0]["insertedContent"]["text"], "300");
                assert_eq!(change["replacements"][0]["deletedRegion"]["startLine"], 3);
            }
            _ => assert!(fixes.is_none(), "{code}: an unsafe fix without --unsafe-fixes: {r}"),
        }
    }
    // Fixes of every kind a fixture has, against the official SARIF schema.
    let all = json(&run(&["lint", "--format", "sarif", "--unsafe-fixes", "fixtures/lint"]));
    let errors = sarif_schema_errors(&all);
    assert!(errors.is_empty(), "{errors:#?}");
    let fixes = all["runs"][0]["results"].as_array().unwrap().iter().filter(|r| r.get("fixes").is_some()).count();
    assert!(fixes > 10, "{fixes}");
    let with_unsafe = sarif(&["--unsafe-fixes"]);
    let r202 = &with_unsafe.iter().find(|(c, _)| c == "R202").expect("R202").1;
    assert_eq!(r202["fixes"][0]["properties"]["applicability"], "unsafe", "{r202}");
    assert_eq!(r202["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "8");
}

#[test]
fn item_3_rules_and_explain_show_fix_availability_and_applicability() {
    let v: Value = serde_json::from_str(&run(&["rules", "--format", "json"]).stdout).unwrap();
    let rule = |code: &str| v.as_array().unwrap().iter().find(|r| r["code"] == code).cloned().unwrap_or_default();
    assert_eq!(
        (&rule("R201")["fix"], &rule("R201")["applicability"]),
        (&"sometimes".into(), &serde_json::json!(["unsafe"]))
    );
    assert_eq!(
        (&rule("S113")["fix"], &rule("S113")["applicability"]),
        (&"always".into(), &serde_json::json!(["safe"]))
    );
    assert_eq!(rule("S105")["applicability"], serde_json::json!(["safe", "display-only"]));
    assert_eq!((&rule("M401")["fix"], rule("M401")["fixable"].as_bool()), (&"none".into(), Some(false)));
    let text = run(&["rules"]).stdout;
    let line = |code: &str| text.lines().find(|l| l.starts_with(code)).unwrap_or_default().to_string();
    assert!(line("R201").ends_with(" [fix: sometimes, unsafe]"), "{text}");
    assert!(line("S113").ends_with(" [fix: always, safe]"), "{text}");
    assert!(!line("M401").contains("[fix"), "{text}");
    let explain = run(&["explain", "R202"]).stdout;
    assert!(explain.starts_with("R202 (retry-attempts-out-of-range) [error] [fix: sometimes, unsafe]\n"), "{explain}");
    assert!(explain.contains("It is unsafe (applied with `--fix --unsafe-fixes`)"), "{explain}");
}

#[test]
fn item_3_statistics_count_unsafe_fixes_only_with_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), MIXED).unwrap();
    let marker = |flags: &[&str], code: &str| {
        let mut args = vec!["lint", "--statistics"];
        args.extend(flags);
        args.push("a.json");
        let out = run_in(dir.path(), &args, None).stdout;
        out.lines().find(|l| l.contains(code)).is_some_and(|l| l.contains("[*]"))
    };
    assert!(marker(&[], "S108") && !marker(&[], "R202"));
    assert!(marker(&["--unsafe-fixes"], "R202"));
}
