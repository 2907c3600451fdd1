//! A minimal LSP client driving `invokecfg server` over pipes, for the
//! end-to-end tests of the language server.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// How long a test waits for one message before it fails.
const WAIT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications and requests from the server not yet asked for.
    pub pending: Vec<Value>,
    next_id: i64,
}

/// Client capabilities: UTF-16 only, or UTF-8 offered; push only, or pull too.
pub fn capabilities(utf8: bool, pull: bool, related: bool) -> Value {
    let mut caps = json!({
        "textDocument": {"publishDiagnostics": {"relatedInformation": related}},
        "general": {"positionEncodings": if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) }},
    });
    if pull {
        caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    }
    caps
}

/// The `file:` URI of an absolute path.
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.display().to_string().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One message from the server (the server crate's framing; the JSON is read here).
fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let body = invokecfg_server::read_frame(reader).ok()??;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts `invokecfg server` in `dir` without initializing it.
    pub fn spawn(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_invokecfg"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut reader) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Client { child, stdin, messages: rx, pending: Vec::new(), next_id: 0 }
    }

    /// Starts and initializes the server; returns it and the `initialize` result.
    pub fn start(dir: &Path, capabilities: Value, options: Option<Value>) -> (Client, Value) {
        let mut c = Client::spawn(dir);
        let mut params = json!({"processId": null, "rootUri": uri(dir), "capabilities": capabilities});
        if let Some(o) = options {
            params["initializationOptions"] = o;
        }
        let r = c.request("initialize", params);
        c.notify("initialized", json!({}));
        (c, r)
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend_from_slice(body);
        self.stdin.write_all(&framed).expect("the server reads");
        self.stdin.flush().expect("the server reads");
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(&json!(id))
    }

    /// Waits for the response with `id` (null: a response to an unreadable payload).
    pub fn response(&mut self, id: &Value) -> Value {
        self.wait_for(|m| m.get("method").is_none() && m.get("id") == Some(id))
    }

    /// The next message from the server satisfying `wanted`, keeping the others.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i);
        }
        loop {
            let m = self.messages.recv_timeout(WAIT).expect("the server answers in time");
            if wanted(&m) {
                return m;
            }
            self.pending.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    pub fn published(&mut self, uri: &str) -> Value {
        self.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)["params"]
            .clone()
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`; returns the exit code.
    pub fn stop(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(mut self) -> Option<i32> {
        drop(self.stdin);
        self.child.wait().ok().and_then(|s| s.code())
    }
}

/// One finding, in LSP terms: code, severity, range, message and help.
pub type Finding = (String, String, [u32; 4], String, Option<String>);

/// The (line, character) of 1-based line and character column `column` of
/// `text` (the report's columns start after a byte-order mark).
pub fn lsp_position(text: &str, line: u64, column: u64, utf8: bool) -> [u32; 2] {
    let content = text.split('\n').nth(line as usize - 1).unwrap_or("");
    let bom = if line == 1 { bom_width(text, utf8) } else { 0 };
    let content = if bom > 0 { &content[3..] } else { content };
    let before: String = content.chars().take(column as usize - 1).collect();
    let character = if utf8 { before.len() } else { before.encode_utf16().count() };
    [line as u32 - 1, (bom + character) as u32]
}

/// The width of the text's byte-order mark in the encoding (0 when there is none).
pub fn bom_width(text: &str, utf8: bool) -> usize {
    match (text.starts_with('\u{feff}'), utf8) {
        (false, _) => 0,
        (true, true) => 3,
        (true, false) => 1,
    }
}

/// The findings of `invokecfg lint --format json` per file, as LSP would show them.
pub fn lint_report(files: &[PathBuf], utf8: bool) -> BTreeMap<PathBuf, Vec<Finding>> {
    let out = Command::new(env!("CARGO_BIN_EXE_invokecfg"))
        .args(["lint", "--format", "json", "--exit-zero"])
        .args(files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lint runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let mut by_file: BTreeMap<PathBuf, Vec<Finding>> = files.iter().map(|f| (f.clone(), Vec::new())).collect();
    for f in report["findings"].as_array().expect("findings") {
        let path = PathBuf::from(f["file"].as_str().expect("file"));
        let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
        let at = |l: &str, c: &str| lsp_position(&text, f[l].as_u64().unwrap(), f[c].as_u64().unwrap(), utf8);
        let (s, e) = (at("line", "column"), at("end_line", "end_column"));
        by_file.entry(path).or_default().push((
            f["code"].as_str().unwrap().into(),
            f["severity"].as_str().unwrap().into(),
            [s[0], s[1], e[0], e[1]],
            f["message"].as_str().unwrap().into(),
            f["help"].as_str().map(|h| format!("help: {h}")),
        ));
    }
    by_file
}

/// An LSP diagnostic as a [`Finding`].
pub fn finding(d: &Value) -> Finding {
    let severity = match d["severity"].as_u64() {
        Some(1) => "error",
        Some(2) => "warning",
        Some(3) => "info",
        other => panic!("severity {other:?}"),
    };
    let r = &d["range"];
    let n = |v: &Value| v.as_u64().unwrap() as u32;
    (
        d["code"].as_str().unwrap().into(),
        severity.into(),
        [n(&r["start"]["line"]), n(&r["start"]["character"]), n(&r["end"]["line"]), n(&r["end"]["character"])],
        d["message"].as_str().unwrap().into(),
        d["relatedInformation"][0]["message"].as_str().map(String::from),
    )
}
