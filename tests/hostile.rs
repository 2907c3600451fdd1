//! Hostile inputs: each gets exit 0, 1 or 2 with a message naming the file
//! (and line:column where one exists) from both `lint` and `translate`, and
//! never a panic (checked in `common::run_in`).

mod common;

use common::*;
use serde_json::Value;

fn lint_json(name: &str, bytes: &[u8]) -> (Run, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let r = run_in(dir.path(), &["lint", "--format", "json", name], None);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or(Value::Null);
    (r, v)
}

fn translate(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    run_in(dir.path(), &["translate", "--to", "huawei", "--allow-lossy", name], None)
}

fn first(v: &Value) -> (&str, i64, i64) {
    let f = &v["findings"][0];
    (f["code"].as_str().unwrap_or(""), f["line"].as_i64().unwrap_or(0), f["column"].as_i64().unwrap_or(0))
}

#[test]
fn empty_and_whitespace() {
    for (name, bytes) in [("empty.json", &b""[..]), ("blank.json", b"  \n\t\n")] {
        let (r, v) = lint_json(name, bytes);
        assert_eq!(r.code, 1);
        assert_eq!(first(&v).0, "S101");
        assert!(v["findings"][0]["message"].as_str().unwrap().contains("empty"), "{v}");
        let t = translate(name, bytes);
        assert_eq!(t.code, 1);
        assert!(t.stderr.contains(name) && t.stderr.contains("empty"), "{}", t.stderr);
    }
}

#[test]
fn bom_is_accepted() {
    let (r, v) = lint_json("bom.json", "\u{feff}{\"maxAsyncRetryAttempts\": 9}".as_bytes());
    assert_eq!(r.code, 1);
    // Read past, with a warning (S113, issue 13 item 18); columns do not count the BOM.
    assert_eq!(first(&v), ("S113", 1, 1));
    assert_eq!((&v["findings"][1]["code"], &v["findings"][1]["column"]), (&Value::from("R202"), &Value::from(27)));
    assert_eq!(translate("bom.json", "\u{feff}{\"maxAsyncRetryAttempts\": 2}".as_bytes()).code, 0);
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    for (name, bytes, line, col) in
        [("latin1.json", &b"{\n  \"function\": \"caf\xe9\"\n}"[..], 2, 19), ("nul.json", b"{\"a\":\x00}", 1, 6)]
    {
        let (r, v) = lint_json(name, bytes);
        assert_eq!(r.code, 1, "{name}");
        assert_eq!(first(&v), ("S101", line, col), "{name}: {v}");
        let t = translate(name, bytes);
        assert_eq!(t.code, 1);
        assert!(t.stderr.contains(&format!("{name}:{line}:{col}")), "{}", t.stderr);
    }
}

#[test]
fn deep_nesting_is_refused_with_a_limit() {
    let deep = "[".repeat(100_000);
    let (r, v) = lint_json("deep.json", deep.as_bytes());
    assert_eq!(r.code, 1);
    assert!(v["findings"][0]["message"].as_str().unwrap().contains("deeper than 128"), "{v}");
    let objects = "{\"a\":".repeat(100_000);
    assert_eq!(lint_json("deep-objects.json", objects.as_bytes()).0.code, 1);
    assert_eq!(translate("deep.json", deep.as_bytes()).code, 1);
}

#[test]
fn numbers_out_of_every_range() {
    for (text, code) in [
        (r#"{"maxAsyncRetryAttempts": 18446744073709551616}"#, "S108"),
        (r#"{"maxAsyncRetryAttempts": -9223372036854775809}"#, "S108"),
        (r#"{"maxAsyncRetryAttempts": 1e400}"#, "S101"),
        (r#"{"maxAsyncRetryAttempts": 3.0}"#, "S108"),
        (r#"{"maxAsyncRetryAttempts": NaN}"#, "S101"),
        (r#"{"maxAsyncRetryAttempts": 9223372036854775807}"#, "R202"),
    ] {
        let (r, v) = lint_json("n.json", text.as_bytes());
        assert_eq!(r.code, 1, "{text}");
        assert_eq!(first(&v).0, code, "{text}: {v}");
        let t = translate("n.json", text.as_bytes());
        assert!(t.code == 0 || t.stderr.contains("n.json"), "{text}: {}", t.stderr);
    }
}

#[test]
fn duplicate_keys_are_reported() {
    let (r, v) = lint_json("dup.json", b"{\n  \"maxAsyncRetryAttempts\": 1,\n  \"maxAsyncRetryAttempts\": 2\n}");
    assert_eq!(r.code, 1);
    assert_eq!(first(&v), ("S107", 3, 3));
}

#[test]
fn trailing_commas_and_truncation() {
    let (_, v) = lint_json("t.json", b"{\"maxAsyncRetryAttempts\": 1,}");
    // At the comma, not the `}` after it (issue 13 item 17).
    assert_eq!(first(&v), ("S101", 1, 28));
    let (_, v) = lint_json("t.json", b"{\"destinationConfig\": {\"onSuccess\": {\"destination\": \"acs:fc");
    assert_eq!(first(&v).0, "S101");
    assert!(v["findings"][0]["message"].as_str().unwrap().contains("ends inside a string"));
}

#[test]
fn a_30_mb_string() {
    let big = format!("{{\"function\": \"{}\"}}", "a".repeat(30 * 1024 * 1024));
    let (r, v) = lint_json("big.json", big.as_bytes());
    assert_eq!(r.code, 1);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "I307"), "name too long");
    let t = translate("big.json", big.as_bytes());
    assert!([0, 1].contains(&t.code));
}

#[test]
fn input_over_the_size_limit_is_refused_clearly() {
    let huge = vec![b' '; 65 * 1024 * 1024];
    let (r, v) = lint_json("huge.json", &huge);
    assert_eq!(r.code, 1);
    assert!(v["findings"][0]["message"].as_str().unwrap().contains("more than the limit"), "{v}");
}

#[test]
fn a_20k_item_list() {
    let item = r#"{"service":"s","function":"f","qualifier":"LATEST","maxAsyncRetryAttempts":2,"destinationConfig":{"onFailure":{"destination":"acs:mns:cn-shanghai:1234567890123456:/topics/t/messages"}}}"#;
    let list = format!("{{\"configs\": [{}]}}", vec![item; 20_000].join(","));
    let (r, v) = lint_json("list.json", list.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(v["summary"]["errors"], 0);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("list.json"), &list).unwrap();
    std::fs::write(
        dir.path().join("map.json"),
        r#"{"accounts": {"1234567890123456": "0970dd7a1300f5672ff2c003c60ae115"}}"#,
    )
    .unwrap();
    let t = run_in(dir.path(), &["translate", "--to", "huawei", "--map", "map.json", "list.json"], None);
    assert_eq!(t.code, 0, "{}", &t.stderr[..t.stderr.len().min(500)]);
    let out: Value = serde_json::from_str(&t.stdout).unwrap();
    assert_eq!(out["async_invoke_configs"].as_array().unwrap().len(), 20_000);
}

#[test]
fn hostile_param_strings() {
    let nested = format!("{}1{}", "[".repeat(50_000), "]".repeat(50_000));
    let huge = format!("{{\\\"stream_name\\\": \\\"{}\\\"}}", "s".repeat(1_000_000));
    // A deeply nested `param` is not an object; a 1 MB stream name is valid (no published rule).
    for (param, code) in [(nested, 1), (huge, 0)] {
        let doc =
            format!(r#"{{"destination_config": {{"on_success": {{"destination": "DIS", "param": "{param}"}}}}}}"#);
        let (r, v) = lint_json("p.json", doc.as_bytes());
        assert_eq!(r.code, code, "{}", r.stderr);
        if code == 1 {
            assert!(
                v["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["pointer"] == "/destination_config/on_success/param"),
                "{v}"
            );
        }
        let t = translate("p.json", doc.as_bytes());
        assert!([0, 1].contains(&t.code));
    }
}

#[test]
fn odd_names_and_long_arns() {
    for name in ["quo\\\"te", "new\\nline", "rtl\u{200f}mark", "emoji😀", "tab\\there"] {
        let doc = format!(r#"{{"service": "s", "function": "{name}", "maxAsyncRetryAttempts": 1}}"#);
        let (r, v) = lint_json("odd.json", doc.as_bytes());
        assert_eq!(r.code, 1, "{name}");
        assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "I307"), "{name}: {v}");
        assert!([0, 1].contains(&translate("odd.json", doc.as_bytes()).code));
    }
    let arn = format!("acs:fc:cn-shanghai:1234567890123456:functions/{}", ":".repeat(5000));
    let doc = format!(r#"{{"destinationConfig": {{"onSuccess": {{"destination": "{arn}"}}}}}}"#);
    let (r, v) = lint_json("colons.json", doc.as_bytes());
    assert_eq!(r.code, 1);
    let f = &v["findings"][0];
    assert!(["I301", "I307"].contains(&f["code"].as_str().unwrap()), "{v}");
    assert_eq!(f["pointer"], "/destinationConfig/onSuccess/destination");
    let t = translate("colons.json", doc.as_bytes());
    assert_eq!(t.code, 1);
    assert!(t.stderr.contains("colons.json"));
}
