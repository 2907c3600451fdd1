//! `invokecfg server` keeps the protocol: error responses to malformed
//! messages, cancellation, the shutdown/exit life cycle, settings from
//! `initializationOptions` and `workspace/didChangeConfiguration`.

mod lsp_client;

use lsp_client::{capabilities, uri, Client};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fixture() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/R201-event-age-out-of-range/fc3-zero.json"),
    )
    .unwrap();
    let p = dir.path().join("c.json");
    std::fs::write(&p, &text).unwrap();
    (dir, p, text)
}

fn error_code(response: &Value) -> i64 {
    response["error"]["code"].as_i64().unwrap_or_else(|| panic!("an error response: {response}"))
}

#[test]
fn malformed_message_gets_an_lsp_error_response() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, false), None);
    c.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ");
    assert_eq!(error_code(&c.response(&Value::Null)), -32700, "parse error, id null");
    c.send_raw(br#"{"jsonrpc": "2.0", "id": 6, "method": 7}"#);
    assert_eq!(error_code(&c.response(&json!(6))), -32600, "invalid request, its id");
    let r = c.request("textDocument/definitely-not", json!({}));
    assert_eq!(error_code(&r), -32601, "method not found");
    let r = c.request("textDocument/codeAction", json!({"textDocument": 3}));
    assert_eq!(error_code(&r), -32602, "invalid params");
    assert!(r["error"]["message"].as_str().unwrap().contains("invalid params"), "{r}");
    // The connection is still good.
    assert_eq!(c.stop(), Some(0));
}

#[test]
fn requests_before_initialize_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::spawn(dir.path());
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///x.json"}}));
    assert_eq!(error_code(&r), -32002);
    let r = c.request("initialize", json!({"capabilities": {}}));
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-16");
    let r = c.request("initialize", json!({"capabilities": {}}));
    assert_eq!(error_code(&r), -32600, "a second initialize");
    assert_eq!(c.stop(), Some(0));
}

#[test]
fn shutdown_then_exit_is_0_and_exit_alone_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, false), None);
    assert_eq!(c.request("shutdown", Value::Null)["result"], Value::Null);
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///x.json"}}));
    assert_eq!(error_code(&r), -32600, "only exit after shutdown");
    c.notify("exit", Value::Null);
    assert_eq!(c.wait(), Some(0));

    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, false), None);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait(), Some(1), "exit without shutdown");
    // The input ending without exit is the same.
    let (c, _) = Client::start(dir.path(), capabilities(false, false, false), None);
    assert_eq!(c.wait(), Some(1));
}

/// A request cancelled while it waits behind slow work is answered with
/// RequestCancelled; the others are answered.
#[test]
fn cancelled_request_gets_request_cancelled() {
    let (dir, p, text) = fixture();
    let (mut c, _) = Client::start(dir.path(), capabilities(false, true, false), None);
    // A long list keeps the server busy while the cancellation arrives.
    let item = text.trim().to_string();
    let list = format!("[{}]", vec![item; 20_000].join(","));
    let big = dir.path().join("big.json");
    std::fs::write(&big, &list).unwrap();
    c.open(&uri(&big), "json", &list);
    c.open(&uri(&p), "json", &text);
    let slow = c.send_request("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&big)}}));
    let cancelled = c.send_request("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&p)}}));
    c.notify("$/cancelRequest", json!({"id": cancelled}));
    let kept = c.send_request("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&p)}}));
    assert_eq!(c.response(&json!(slow))["result"]["kind"], "full");
    assert_eq!(error_code(&c.response(&json!(cancelled))), -32800);
    assert_eq!(c.response(&json!(kept))["result"]["items"][0]["code"], "R201");
    assert_eq!(c.stop(), Some(0));
}

#[test]
fn settings_from_initialization_options_and_did_change_configuration() {
    let (dir, p, text) = fixture();
    let u = uri(&p);
    // initializationOptions: R201 reported as info, with its rule page.
    let options = json!({"severity": {"R201": "info"}, "rulesUrl": "https://example.invalid/r"});
    let (mut c, _) = Client::start(dir.path(), capabilities(false, false, false), Some(options));
    c.open(&u, "json", &text);
    let d = c.published(&u)["diagnostics"].clone();
    assert_eq!((d[0]["code"].as_str(), d[0]["severity"].as_u64()), (Some("R201"), Some(3)), "{d}");
    assert_eq!(d[0]["codeDescription"]["href"], "https://example.invalid/r/R201.md");
    // A whole configuration section, as clients send it: ignore R2.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"invokecfg": {"ignore": ["R2"]}}}));
    assert_eq!(c.published(&u)["diagnostics"], json!([]));
    // An invalid setting is shown, and the settings in force stay.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"target": "azure"}}));
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(message.contains("azure") && message.contains("previous settings stay"), "{message}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    assert_eq!(c.published(&u)["diagnostics"], json!([]), "still ignoring R2");
    assert_eq!(c.stop(), Some(0));
}

#[test]
fn invalid_initialization_options_are_an_initialize_error() {
    let dir = tempfile::tempdir().unwrap();
    for (options, named) in [(json!({"selekt": ["R"]}), "selekt"), (json!({"select": ["Q999"]}), "Q999")] {
        let mut c = Client::spawn(dir.path());
        let r = c.request("initialize", json!({"capabilities": {}, "initializationOptions": options}));
        assert_eq!(error_code(&r), -32602, "{r}");
        assert!(r["error"]["message"].as_str().unwrap().contains(named), "{r}");
        assert_eq!(c.wait(), Some(1));
    }
}

/// Pull diagnostics: a full report with a result id, then "unchanged" for
/// the same id until the document changes.
#[test]
fn pull_diagnostics_report_unchanged_until_an_edit() {
    let (dir, p, text) = fixture();
    let u = uri(&p);
    let (mut c, init) = Client::start(dir.path(), capabilities(true, true, false), None);
    assert_eq!(init["result"]["capabilities"]["diagnosticProvider"]["identifier"], "invokecfg");
    c.open(&u, "json", &text);
    let first = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": u}}))["result"].clone();
    assert_eq!(first["kind"], "full");
    let id = first["resultId"].clone();
    let again = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": u}, "previousResultId": id}))
        ["result"]
        .clone();
    assert_eq!(again, json!({"kind": "unchanged", "resultId": id}));
    let fixed = text.replace("\": 0,", "\": 60,");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": u}, "previousResultId": id}))
        ["result"]
        .clone();
    assert_eq!(after["kind"], "full");
    assert_eq!(after["items"], json!([]));
    // A client that pulls is not pushed to.
    assert!(c.pending.iter().all(|m| m["method"] != "textDocument/publishDiagnostics"), "{:?}", c.pending);
    assert_eq!(c.stop(), Some(0));
}

/// A client that can watch files is asked to watch the config files.
#[test]
fn config_files_are_watched_when_the_client_can() {
    let dir = tempfile::tempdir().unwrap();
    let mut caps = capabilities(false, false, false);
    caps["workspace"] = json!({"didChangeWatchedFiles": {"dynamicRegistration": true}});
    let (mut c, _) = Client::start(dir.path(), caps, None);
    let r = c.wait_for(|m| m["method"] == "client/registerCapability");
    let registration = &r["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["globPattern"].as_str())
        .collect();
    assert_eq!(globs, ["**/invokecfg.json", "**/.invokecfg.json"]);
    assert_eq!(c.stop(), Some(0));
}

/// A config file named by the `config` setting is read again when it is saved.
#[test]
fn the_config_setting_file_is_read_again_when_saved() {
    let (dir, p, text) = fixture();
    let config = dir.path().join("lint-settings.json");
    std::fs::write(&config, r#"{"select": ["R"]}"#).unwrap();
    let (mut c, _) =
        Client::start(dir.path(), capabilities(false, false, false), Some(json!({"config": "lint-settings.json"})));
    c.open(&uri(&p), "json", &text);
    assert_eq!(c.published(&uri(&p))["diagnostics"][0]["code"], "R201");
    std::fs::write(&config, r#"{"select": ["S"]}"#).unwrap();
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri(&config)}}));
    assert_eq!(c.published(&uri(&p))["diagnostics"], json!([]));
    assert_eq!(c.stop(), Some(0));
}
