//! Targeted tests of positions, suggestions, selection and fixes.

use invokecfg_lint::{apply_fixes, lint, rule, rules, LintOptions, UnsafeFixes};
use invokecfg_model::{Dialect, Severity};

const TYPO: &str = r#"{
  "destinationConfig": {
    "onFailure": {
      "destination": "acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages"
    }
  },
  "maxAsyncEventAgeInSeconds": 3600,
  "maxAsyncRetryAttempt": 3,
  "statefulInvocation": false
}
"#;

#[test]
fn typo_is_reported_at_its_key_with_the_suggestion() {
    let r = lint(TYPO.as_bytes(), &LintOptions::default());
    assert_eq!(r.dialect, Some(Dialect::AlibabaFc2));
    let d = r.diagnostics.iter().find(|d| d.code == "S106").expect("S106");
    let s = d.span.expect("span");
    assert_eq!((s.start.line, s.start.column, s.end.line, s.end.column), (8, 3, 8, 25));
    assert_eq!(d.pointer, "/maxAsyncRetryAttempt");
    assert_eq!(d.help.as_deref(), Some("did you mean `maxAsyncRetryAttempts`?"));
    let (fixed, n) = apply_fixes(TYPO.as_bytes(), &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 1);
    assert_eq!(String::from_utf8(fixed).unwrap(), TYPO.replace("maxAsyncRetryAttempt\"", "maxAsyncRetryAttempts\""));
}

#[test]
fn clamp_fix_changes_only_the_number() {
    let src = "{\n  \"maxAsyncEventAgeInSeconds\":   2592000 ,\n  \"maxAsyncRetryAttempts\": 3\n}\n";
    let r = lint(src.as_bytes(), &LintOptions::default());
    let d = r.diagnostics.iter().find(|d| d.code == "R201").expect("R201");
    assert!(d.help.as_deref().unwrap_or_default().contains("2592000"), "{:?}", d.help);
    let (fixed, n) = apply_fixes(src.as_bytes(), &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 1);
    assert_eq!(String::from_utf8(fixed.clone()).unwrap(), src.replace("2592000", "604800"));
    assert!(lint(&fixed, &LintOptions::default()).diagnostics.iter().all(|d| d.code != "R201"));
}

#[test]
fn select_ignore_and_severity_overrides() {
    let only = |sel: &[&str], ign: &[&str]| {
        let o = LintOptions {
            select: sel.iter().map(|s| s.to_string()).collect(),
            ignore: ign.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        lint(TYPO.as_bytes(), &o).diagnostics.into_iter().map(|d| d.code).collect::<Vec<_>>()
    };
    assert_eq!(only(&["S106"], &[]), ["S106"]);
    assert_eq!(only(&["S1"], &[]), ["S106"]);
    assert_eq!(only(&["unknown-key"], &[]), ["S106"]);
    assert!(only(&[], &["S"]).is_empty());
    let o = LintOptions { severities: vec![("S106".into(), Severity::Warning)], ..Default::default() };
    assert_eq!(lint(TYPO.as_bytes(), &o).diagnostics[0].severity, Severity::Warning);
}

#[test]
fn forced_dialect_and_function_identity() {
    let src =
        br#"{"destinationConfig": {"onSuccess": {"destination": "acs:fc:cn-hangzhou:1234567890123456:functions/f"}}}"#;
    let o = LintOptions {
        dialect: Some(Dialect::AlibabaFc3),
        function: Some("acs:fc:cn-hangzhou:1234567890123456:functions/f".into()),
        ..Default::default()
    };
    let r = lint(src, &o);
    assert_eq!(r.dialect, Some(Dialect::AlibabaFc3));
    assert!(r.diagnostics.iter().any(|d| d.code == "M401"), "{:#?}", r.diagnostics);
    let o = LintOptions { function: Some("acs:fc:cn-shanghai:1234567890123456:functions/g".into()), ..o };
    assert!(lint(src, &o).diagnostics.iter().any(|d| d.code == "M402"));
}

#[test]
fn registry_is_complete() {
    let all = rules();
    // Every rule module is registered once: 17 S, 7 R, 17 I, 7 M, 7 P.
    assert_eq!(all.len(), 55);
    // Code order is numeric (S1xx, R2xx, I3xx, M4xx, P5xx), which also makes codes and names unique.
    assert!(all.windows(2).all(|w| w[0].code[1..] < w[1].code[1..]), "code order");
    let mut names: Vec<&str> = all.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "rule names are unique");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let modules = std::fs::read_dir(dir).map(|d| d.filter_map(Result::ok).count()).unwrap_or_default();
    assert_eq!(modules, all.len() + 4, "one module per rule, plus mod.rs, docs.rs and helpers.rs with its helpers/");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/lint");
    for r in all {
        assert_eq!(rule(r.code), Some(r));
        assert_eq!(rule(&r.code.to_lowercase()), Some(r));
        assert_eq!(rule(r.name), Some(r));
        assert!(r.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", r.name);
        assert!(matches!(r.code.as_bytes()[0], b'S' | b'R' | b'I' | b'M' | b'P'), "{}", r.code);
        for h in ["## What it does", "## Why is this bad?", "## Example", "## Fix", "## Source"] {
            assert!(r.docs.contains(h), "{} docs lack {h}", r.code);
        }
        assert!(!r.summary.is_empty());
        let dir = fixtures.join(format!("{}-{}", r.code, r.name));
        assert!(dir.is_dir(), "{} has no fixture dir {}", r.code, dir.display());
    }
}

#[test]
fn every_wrong_type_is_reported_and_fixed_in_one_run() {
    let src =
        "{\"maxAsyncEventAgeInSeconds\": \"3600\", \"maxAsyncRetryAttempts\": \"2\", \"statefulInvocation\": \"true\"}";
    let r = lint(src.as_bytes(), &LintOptions::default());
    let s108: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "S108").collect();
    assert_eq!(s108.len(), 3, "{s108:#?}");
    let starts: Vec<_> = s108.iter().filter_map(|d| d.span).map(|s| s.start.offset).collect();
    assert_eq!(starts.len(), 3);
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "each at its own span");
    let (fixed, n) = apply_fixes(src.as_bytes(), &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 3);
    let text = String::from_utf8(fixed.clone()).unwrap_or_default();
    assert_eq!(text, src.replace("\"3600\"", "3600").replace("\"2\"", "2").replace("\"true\"", "true"));
    assert!(lint(&fixed, &LintOptions::default()).diagnostics.is_empty(), "{text}");
}

#[test]
fn the_seed_put_example_is_no_error() {
    // FC 2.0 PutFunctionAsyncInvokeConfig doc example: the API accepts a queue named `xxx`.
    let src = br#"{"destinationConfig": {"onSuccess": null, "onFailure": {"destination": "acs:mns:cn-shanghai:123:/queues/xxx/messages"}}}"#;
    let r = lint(src, &LintOptions::default());
    assert!(r.diagnostics.iter().any(|d| d.code == "I304" && d.severity == Severity::Warning), "{:#?}", r.diagnostics);
    assert!(r.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:#?}", r.diagnostics);
    // A loop is accepted by the API too: a warning.
    let info = rule("M401").map(|r| r.severity);
    assert_eq!(info, Some(Severity::Warning));
}

#[test]
fn long_lines_are_cut_around_the_span() {
    // A 5 MB one-line file with one error prints a short snippet.
    let pad = "x".repeat(5 << 20);
    let src =
        format!("{{\"maxAsyncRetryAttempts\": 1, \"serviceName\": \"{pad}\", \"maxAsyncEventAgeInSeconds\": \"60\"}}");
    let r = lint(src.as_bytes(), &LintOptions::default());
    assert!(
        r.diagnostics.iter().any(|d| d.code == "S108"),
        "{:#?}",
        r.diagnostics.iter().map(|d| &d.code).collect::<Vec<_>>()
    );
    let text = invokecfg_lint::render_text("big.json", &src, &r.diagnostics, false);
    assert!(text.len() < 4096, "{} bytes", text.len());
    assert!(text.contains("...xxxxxxxx\", \"maxAsyncEventAgeInSeconds\": \"60\"}"), "{text}");
    let s108: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "S108").cloned().collect();
    let text = invokecfg_lint::render_text("big.json", &src, &s108, false);
    let caret_line = text.lines().find(|l| l.contains('^')).unwrap_or_default();
    let snippet = text.lines().find(|l| l.starts_with("1 |")).unwrap_or_default();
    // The carets stand under the quoted number.
    let col = snippet.find("\"60\"").unwrap_or_default();
    assert_eq!(caret_line.find('^'), Some(col), "{text}");
    assert_eq!(caret_line.trim_end().len() - col, 4);
}

#[test]
fn spans_point_inside_strings() {
    let at = |src: &str, code: &str| {
        let r = lint(src.as_bytes(), &LintOptions::default());
        let d = r.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("{code}: {:#?}", r.diagnostics));
        let s = d.span.expect("span");
        src[s.start.offset..s.end.offset].to_string()
    };
    let q = r#"{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:123:/queues/xxx/messages"}}}"#;
    assert_eq!(at(q, "I304"), "xxx");
    assert_eq!(at(q, "I305"), "123");
    let r = r#"{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-sanghai:1234567890123456:/queues/q/messages"}}}"#;
    assert_eq!(at(r, "I309"), "cn-sanghai");
    let urn = "urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:latest";
    let p = format!(
        r#"{{"func_urn": "{urn}", "destination_config": {{"on_success": {{"destination": "OBS", "param": "{{\"bucket\":\"b\",\"prefix\":\"p\",\"expires\": 400}}"}}, "on_failure": {{"destination": "FunctionGraph", "param": "{{\"func_urn\":\"default:g\"}}"}}}}}}"#
    );
    assert_eq!(at(&p, "R204"), "400");
    assert_eq!(at(&p, "I308"), "default:g");
    let bad_project = urn.replace("0970dd7a1300f5672ff2c003c60ae115", "0970dd7a");
    assert_eq!(at(&format!(r#"{{"func_urn": "{bad_project}"}}"#), "I306"), "0970dd7a");
    let comma = "{\n  \"maxAsyncRetryAttempts\": 1,\n}\n";
    let r = lint(comma.as_bytes(), &LintOptions::default());
    let s = r.diagnostics[0].span.expect("span");
    assert_eq!((s.start.line, s.start.column, &comma[s.start.offset..s.end.offset]), (2, 29, ","));
}

#[test]
fn no_fix_when_the_dialect_is_a_tie() {
    let src = br#"{"max_async_event_age_in_seconds": 3600, "maxAsyncRetryAttempts": 2}"#;
    let r = lint(src, &LintOptions::default());
    let s104 = r.diagnostics.iter().find(|d| d.code == "S104").expect("S104");
    assert!(s104.message.contains("a tie"), "{}", s104.message);
    assert!(s104.help.as_deref().unwrap_or_default().contains("no fix is applied"), "{:?}", s104.help);
    assert!(r.diagnostics.iter().all(|d| d.fix.is_none()), "{:#?}", r.diagnostics);
    assert_eq!(apply_fixes(src, &r.diagnostics, UnsafeFixes::Enabled).1, 0);
    // Named, the dialect is no longer a guess: the stray key gets its fix.
    let o = LintOptions { dialect: Some(Dialect::Huawei), ..Default::default() };
    assert!(lint(src, &o).diagnostics.iter().any(|d| d.code == "S105" && d.fix.is_some()));
}

#[test]
fn relative_arn_is_filled_from_function() {
    let src = br#"{"destinationConfig": {"onFailure": {"destination": "acs:fc:::services/s/functions/g"}}}"#;
    let r = lint(src, &LintOptions::default());
    assert!(r.diagnostics.iter().any(|d| d.code == "I316" && d.fix.is_none()), "no guess without --function");
    let o = LintOptions {
        function: Some("acs:fc:cn-hangzhou:1234567890123456:services/s/functions/f".into()),
        ..Default::default()
    };
    let r = lint(src, &o);
    // An identity written in for the user: unsafe, so `--fix` alone leaves it.
    assert_eq!(apply_fixes(src, &r.diagnostics, UnsafeFixes::Disabled).1, 0);
    let (fixed, n) = apply_fixes(src, &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 1, "{:#?}", r.diagnostics);
    assert_eq!(
        String::from_utf8_lossy(&fixed),
        r#"{"destinationConfig": {"onFailure": {"destination": "acs:fc:cn-hangzhou:1234567890123456:services/s/functions/g"}}}"#
    );
    assert!(lint(&fixed, &o).diagnostics.iter().all(|d| d.code != "I316"));
}

#[test]
fn bom_and_kind_case_and_legacy_keys_are_fixed() {
    let src = "\u{feff}{\"serviceName\": \"s\", \"functionName\": \"f\", \"maxAsyncRetryAttempts\": 1}";
    let r = lint(src.as_bytes(), &LintOptions::default());
    let (fixed, n) = apply_fixes(src.as_bytes(), &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 3, "{:#?}", r.diagnostics);
    assert_eq!(
        String::from_utf8_lossy(&fixed),
        "{\"service\": \"s\", \"function\": \"f\", \"maxAsyncRetryAttempts\": 1}"
    );
    let hw = br#"{"max_async_retry_attempts": 1, "destination_config": {"on_success": {"destination": "obs", "param": "{\"bucket\":\"b\"}"}}}"#;
    let r = lint(hw, &LintOptions::default());
    let (fixed, n) = apply_fixes(hw, &r.diagnostics, UnsafeFixes::Enabled);
    assert_eq!(n, 1, "{:#?}", r.diagnostics);
    assert!(String::from_utf8_lossy(&fixed).contains(r#""destination": "OBS""#));
}

#[test]
fn a_top_level_schema_key_is_accepted() {
    for (d, src) in [
        (Dialect::AlibabaFc2, r#"{"$schema": "./alibaba-fc2.schema.json", "maxAsyncRetryAttempts": 1}"#),
        (Dialect::AlibabaFc3, r#"{"$schema": "./alibaba-fc3.schema.json", "asyncTask": true}"#),
        (Dialect::Huawei, r#"{"$schema": "./huawei.schema.json", "max_async_retry_attempts": 1}"#),
    ] {
        let r = lint(src.as_bytes(), &LintOptions::default());
        assert_eq!(r.dialect, Some(d));
        assert!(r.diagnostics.is_empty(), "{d}: {:#?}", r.diagnostics);
        let v: serde_json::Value = serde_json::from_str(src).unwrap_or_default();
        assert!(invokecfg_model::schema::SchemaName::for_dialect(d).is_valid(&v), "{d}");
    }
    // Only at the top: nested, it is an unknown key.
    let nested = br#"{"maxAsyncRetryAttempts": 1, "destinationConfig": {"$schema": "x"}}"#;
    assert!(lint(nested, &LintOptions::default()).diagnostics.iter().any(|d| d.code == "S106"));
}

#[test]
fn float_spellings_of_integers_lint_and_schema() {
    // To JSON Schema `2.0` is `2` and `1e3` is `1000`: no schema can reject them.
    // The SDKs' integer fields do, so lint reports them and the schemas say so.
    for (d, src, key) in [
        (Dialect::AlibabaFc2, r#"{"maxAsyncRetryAttempts": 2.0}"#, "maxAsyncRetryAttempts"),
        (Dialect::AlibabaFc3, r#"{"maxAsyncEventAgeInSeconds": 1e3, "asyncTask": true}"#, "maxAsyncEventAgeInSeconds"),
        (Dialect::Huawei, r#"{"max_async_event_age_in_seconds": 1e3}"#, "max_async_event_age_in_seconds"),
    ] {
        let r = lint(src.as_bytes(), &LintOptions::default());
        assert!(r.diagnostics.iter().any(|x| x.code == "S108" && x.fix.is_some()), "{d}: {:#?}", r.diagnostics);
        let schema = invokecfg_model::schema::SchemaName::for_dialect(d);
        let v: serde_json::Value = serde_json::from_str(src).unwrap_or_default();
        assert!(schema.is_valid(&v), "{d}: the JSON Schema data model reads it as an integer");
        let text = schema.text();
        let at = text.find(&format!("\"{key}\"")).unwrap_or_default();
        assert!(text[at..].split("\"maximum\"").next().unwrap_or_default().contains("(S108)"), "{d}: {key} says so");
    }
}

#[test]
fn other_json_files_are_no_near_miss_configs() {
    // The suggestion helper is generous with typos; it must not read these as configs.
    for src in [
        r#"{"name": "x", "version": "1.0.0", "private": true, "description": "d", "main": "index.js", "type": "module", "scripts": {}, "dependencies": {}, "devDependencies": {}, "license": "MIT", "files": [], "exports": {}, "config": {}}"#,
        r#"{"compilerOptions": {"target": "es2020"}, "include": ["src"], "exclude": [], "extends": "x", "references": [], "files": []}"#,
        r#"{"type": "FeatureCollection", "features": [], "bbox": [], "properties": {}, "geometry": null, "id": 1}"#,
        r#"{"editor.tabSize": 2, "files.exclude": {}, "json.schemas": []}"#,
    ] {
        let r = lint(src.as_bytes(), &LintOptions::default());
        assert_eq!(r.dialect, None, "{src}");
        assert!(r.diagnostics.iter().all(|d| d.code == "S103"), "{src}: {:#?}", r.diagnostics);
    }
    // A near miss still reads as a config.
    let r = lint(br#"{"maxAsyncRetryAttempt": 2}"#, &LintOptions::default());
    assert_eq!(r.dialect, Some(Dialect::AlibabaFc2));
}
