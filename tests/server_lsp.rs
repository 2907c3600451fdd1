//! `invokecfg server` end to end over pipes, one test per item of the
//! language server issue: positions, sync, config, code actions, robustness.

mod lsp_client;

use lsp_client::{capabilities, finding, lint_report, uri, Client};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn change(uri: &str, version: i64, changes: Value) -> Value {
    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})
}

fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

const FC3_YAML: &str = "edition: 3.0.0\r\n# 函数的异步调用配置 😀\r\nresources:\r\n  process:\r\n    component: fc3\r\n    props:\r\n      functionName: 处理-😀\r\n      asyncInvokeConfig:\r\n        maxAsyncEventAgeInSeconds: 86400\r\n        maxAsyncRetryAttempts: 3\r\n";

/// Incremental edits of a CRLF document with Chinese and emoji, in both
/// encodings: the server's text is the edited text, and its diagnostics are
/// lint's for that text written to disk.
#[test]
fn incremental_sync_crlf_chinese_and_emoji_in_both_encodings() {
    for utf8 in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "s.yaml", FC3_YAML);
        let u = uri(&path);
        let (mut c, _) = Client::start(dir.path(), capabilities(utf8, false, true), None);
        c.open(&u, "yaml", FC3_YAML);
        c.published(&u);
        // Line 8 is `        maxAsyncEventAgeInSeconds: 86400`: make it 0 (column 35..40).
        // Line 6 holds `处理-😀` at 20: the emoji is 2 UTF-16 units, 4 bytes; append `x` after it.
        let emoji_end = if utf8 { 20 + 3 + 3 + 1 + 4 } else { 20 + 1 + 1 + 1 + 2 };
        c.notify(
            "textDocument/didChange",
            change(
                &u,
                2,
                json!([
                    {"range": range(8, 35, 8, 40), "text": "0"},
                    {"range": range(6, emoji_end, 6, emoji_end), "text": "x"},
                    {"range": range(1, 2, 1, 2), "text": "中"}
                ]),
            ),
        );
        let edited = FC3_YAML
            .replace("maxAsyncEventAgeInSeconds: 86400", "maxAsyncEventAgeInSeconds: 0")
            .replace("处理-😀", "处理-😀x")
            .replace("# 函数", "# 中函数");
        write(dir.path(), "s.yaml", &edited);
        let published = c.published(&u);
        assert_eq!(published["version"], 2);
        let got: Vec<_> = published["diagnostics"].as_array().unwrap().iter().map(finding).collect();
        let expected = &lint_report(std::slice::from_ref(&path), utf8)[&path];
        assert!(!expected.is_empty());
        assert_eq!(&got, expected, "utf8: {utf8}");
        assert_eq!(c.stop(), Some(0));
    }
}

/// The nearest invokecfg.json applies: select, severity, suppress, rules-url
/// (as codeDescription), and a file the config excludes gets nothing.
#[test]
fn nearest_config_applies_with_rule_pages_as_code_description() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/R201-event-age-out-of-range/fc3-zero.json"),
    )
    .unwrap();
    let config = r#"{"select": ["R"], "severity": {"R201": "info"}, "exclude": ["skipped.json"],
        "rules-url": "https://example.invalid/rules"}"#;
    write(dir.path(), "invokecfg.json", config);
    let a = write(dir.path(), "a.json", &text);
    let skipped = write(dir.path(), "skipped.json", &text);
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, true), None);
    c.open(&uri(&a), "json", &text);
    let d = c.published(&uri(&a))["diagnostics"].clone();
    let expected = &lint_report(std::slice::from_ref(&a), false)[&a];
    assert_eq!(&d.as_array().unwrap().iter().map(finding).collect::<Vec<_>>(), expected);
    assert_eq!(d[0]["severity"], 3, "{d}");
    assert_eq!(
        d[0]["codeDescription"]["href"],
        format!("https://example.invalid/rules/{}.md", d[0]["code"].as_str().unwrap())
    );
    c.open(&uri(&skipped), "json", &text);
    assert_eq!(c.published(&uri(&skipped))["diagnostics"], json!([]));
    // The config changes on disk: a watched-file notification lints again.
    write(dir.path(), "invokecfg.json", r#"{"select": ["S"]}"#);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dir.path().join("invokecfg.json")), "type": 2}]}),
    );
    assert_eq!(c.published(&uri(&a))["diagnostics"], json!([]));
    assert_eq!(c.stop(), Some(0));
}

/// JSON, Terraform and YAML that hold no async invocation config get no diagnostics.
#[test]
fn files_with_no_async_invocation_config_get_no_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, false), None);
    for (name, text) in [
        ("package.json", r#"{"name": "x", "version": "1.0.0"}"#),
        ("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"),
        ("compose.yaml", "services:\n  web:\n    image: nginx\n"),
    ] {
        let p = write(dir.path(), name, text);
        c.open(&uri(&p), "json", text);
        assert_eq!(c.published(&uri(&p))["diagnostics"], json!([]), "{name}");
    }
    assert_eq!(c.stop(), Some(0));
}

/// A document that does not parse is a diagnostic (lint's syntax finding), never a crash.
#[test]
fn unparsable_document_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, true), None);
    for (name, text) in [
        ("a.json", "{\"maxAsyncRetryAttempts\": 3,,}"),
        ("b.tf", "resource \"alicloud_fc_function_async_invoke_config\" \"x\" {\n  service_name = \n"),
        (
            "s.yaml",
            "resources:\n  f:\n    component: fc3\n    props:\n      asyncInvokeConfig: {maxAsyncRetryAttempts: [\n",
        ),
    ] {
        let p = write(dir.path(), name, text);
        c.open(&uri(&p), "json", text);
        let got = c.published(&uri(&p))["diagnostics"].clone();
        let expected = &lint_report(std::slice::from_ref(&p), false)[&p];
        assert!(!expected.is_empty(), "{name}");
        assert_eq!(&got.as_array().unwrap().iter().map(finding).collect::<Vec<_>>(), expected, "{name}");
    }
    assert_eq!(c.stop(), Some(0));
}

/// Issue 21, item 3: a quick fix per finding with a safe or unsafe fix, the
/// safe ones preferred, the unsafe ones marked and not; "fix all" turns the
/// text into what `invokecfg lint --fix` writes (safe fixes only).
#[test]
fn quick_fixes_and_fix_all_make_the_edits_lint_fix_makes() {
    let dir = tempfile::tempdir().unwrap();
    // R201's clamp of 0 is unsafe (a value chosen for the user); S108's unquoting of "2" is safe.
    let text =
        "{\n  \"asyncTask\": false,\n  \"maxAsyncEventAgeInSeconds\": 0,\n  \"maxAsyncRetryAttempts\": \"2\"\n}\n";
    let p = write(dir.path(), "c.json", text);
    let u = uri(&p);
    let (mut c, init) = Client::start(dir.path(), capabilities(false, false, true), None);
    let kinds = &init["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert_eq!(kinds, &json!(["quickfix", "source.fixAll.invokecfg"]));
    c.open(&u, "json", text);
    let published = c.published(&u)["diagnostics"].clone();
    let out =
        Command::new(env!("CARGO_BIN_EXE_invokecfg")).args(["lint", "--format", "json"]).arg(&p).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let applicability: HashMap<String, String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| Some((f["code"].as_str()?.to_string(), f["fix"]["applicability"].as_str()?.to_string())))
        .collect();
    let wanted = HashMap::from([("R201".to_string(), "unsafe".to_string()), ("S108".to_string(), "safe".to_string())]);
    assert_eq!(applicability, wanted, "{published}");
    let whole = range(0, 0, 99, 0);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": whole, "context": {"diagnostics": published, "only": ["quickfix"]}}),
    );
    let actions = r["result"].as_array().expect("actions").clone();
    assert_eq!(actions.len(), applicability.len(), "{r}");
    for a in &actions {
        assert_eq!(a["kind"], "quickfix");
        assert_eq!(a["diagnostics"].as_array().map(Vec::len), Some(1));
        let code = a["diagnostics"][0]["code"].as_str().unwrap_or_default();
        let safe = applicability[code] == "safe";
        assert_eq!(a["isPreferred"], safe, "only a safe fix is preferred: {a}");
        assert_eq!(a["title"].as_str().unwrap_or_default().contains("unsafe fix"), !safe, "{a}");
    }
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": whole, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let all = r["result"].as_array().expect("actions").clone();
    assert_eq!(all.len(), 1, "{r}");
    assert_eq!(all[0]["kind"], "source.fixAll.invokecfg");
    let edits = all[0]["edit"]["changes"][&u].as_array().unwrap().clone();
    let fixed_by_server = apply_utf16(text, &edits);
    let out =
        Command::new(env!("CARGO_BIN_EXE_invokecfg")).args(["lint", "--fix", "--exit-zero"]).arg(&p).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fixed_by_server, std::fs::read_to_string(&p).unwrap());
    assert_eq!(fixed_by_server, text.replace("\"2\"", "2"), "the safe fix only");
    assert_eq!(c.stop(), Some(0));
}

/// Applies LSP text edits (UTF-16 positions, non-overlapping) to `text`.
fn apply_utf16(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, character) = (p["line"].as_u64().unwrap() as usize, p["character"].as_u64().unwrap() as usize);
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let mut at = start;
        for ch in text[start..].chars() {
            if units >= character || ch == '\n' {
                break;
            }
            units += ch.len_utf16();
            at += ch.len_utf8();
        }
        at
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, t);
    }
    out
}

/// Hover on a JSON key, a Terraform argument and a YAML key; completion of
/// keys valid at the cursor and of enumerated values, through the binary.
#[test]
fn hover_and_completion_on_json_terraform_and_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut c, init) = Client::start(dir.path(), capabilities(false, false, true), None);
    assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
    let hover_at = |c: &mut Client, u: &str, line: u32, character: u32| {
        c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}}),
        )["result"]["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    // JSON: line 2 of the fixture holds the age key.
    let json_text =
        std::fs::read_to_string(root.join("fixtures/lint/R201-event-age-out-of-range/fc3-zero.json")).unwrap();
    let j = write(dir.path(), "c.json", &json_text);
    c.open(&uri(&j), "json", &json_text);
    let md = hover_at(&mut c, &uri(&j), 2, 6);
    assert!(md.contains("Range 1..604800, default 86400") && md.contains("Function Compute 3.0"), "{md}");
    // Terraform: the argument names its API key.
    let tf_text = std::fs::read_to_string(root.join("fixtures/terraform/read/fc3.tf")).unwrap();
    let (line, col) = tf_text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("max_async_retry_attempts").map(|c| (i as u32, c as u32 + 2)))
        .expect("the fixture sets retries");
    let t = write(dir.path(), "main.tf", &tf_text);
    c.open(&uri(&t), "terraform", &tf_text);
    let md = hover_at(&mut c, &uri(&t), line, col);
    assert!(md.contains("API key `/maxAsyncRetryAttempts`"), "{md}");
    // Completion in the resource: its arguments.
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&t)}, "position": {"line": line, "character": 2}}),
    );
    let labels: Vec<&str> = r["result"].as_array().unwrap().iter().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"async_task") && labels.contains(&"destination_config"), "{labels:?}");
    // YAML: hover on a section key.
    let yaml_text = std::fs::read_to_string(root.join("fixtures/yaml/read/fc3/s.yaml")).unwrap();
    let (line, col) = yaml_text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("maxAsyncRetryAttempts").map(|c| (i as u32, c as u32 + 2)))
        .expect("the fixture sets retries");
    let y = write(dir.path(), "s.yaml", &yaml_text);
    c.open(&uri(&y), "yaml", &yaml_text);
    let md = hover_at(&mut c, &uri(&y), line, col);
    assert!(md.contains("/maxAsyncRetryAttempts") && md.contains("Range 0..8"), "{md}");
    assert_eq!(c.stop(), Some(0));
}
