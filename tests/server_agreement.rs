//! The language server says exactly what `invokecfg lint --format json`
//! says: over every lint fixture and every Terraform / YAML read fixture,
//! the diagnostics `invokecfg server` publishes (and answers to a pull) for
//! the file's text equal the report's findings (code, severity, range,
//! message, help), in both position encodings.

mod lsp_client;

use lsp_client::{capabilities, uri, Client};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture a directory walk of `invokecfg lint` takes (the editor
/// holds text: a file that is not UTF-8 cannot be opened in one).
fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs =
        vec![root().join("fixtures/lint"), root().join("fixtures/terraform/read"), root().join("fixtures/yaml/read")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("fixture dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| ["json", "tf", "yaml", "yml"].iter().any(|w| x == *w)) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// One finding, in LSP terms: code, severity, range, message and help.
type Finding = (String, String, [u32; 4], String, Option<String>);

/// The (line, character) of 1-based line and character column `column` of
/// `text` (the report's columns start after a byte-order mark).
fn lsp_position(text: &str, line: u64, column: u64, utf8: bool) -> [u32; 2] {
    let content = text.split('\n').nth(line as usize - 1).unwrap_or("");
    let bom = if line == 1 { bom_width(text, utf8) } else { 0 };
    let content = if bom > 0 { &content[3..] } else { content };
    let before: String = content.chars().take(column as usize - 1).collect();
    let character = if utf8 { before.len() } else { before.encode_utf16().count() };
    [line as u32 - 1, (bom + character) as u32]
}

/// The width of the text's byte-order mark in the encoding (0 when there is none).
fn bom_width(text: &str, utf8: bool) -> usize {
    match (text.starts_with('\u{feff}'), utf8) {
        (false, _) => 0,
        (true, true) => 3,
        (true, false) => 1,
    }
}

/// The findings of `invokecfg lint --format json` per file, as LSP would show them.
fn lint_report(files: &[PathBuf], utf8: bool) -> BTreeMap<PathBuf, Vec<Finding>> {
    let out = Command::new(env!("CARGO_BIN_EXE_invokecfg"))
        .args(["lint", "--format", "json", "--exit-zero"])
        .args(files)
        .current_dir(root())
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
fn finding(d: &Value) -> Finding {
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

fn language(p: &Path) -> &'static str {
    match p.extension().and_then(|x| x.to_str()) {
        Some("tf") => "terraform",
        Some("yaml" | "yml") => "yaml",
        _ => "json",
    }
}

fn agreement(utf8: bool, pull: bool) {
    let files: Vec<PathBuf> = fixtures().into_iter().filter(|p| std::fs::read_to_string(p).is_ok()).collect();
    assert!(files.len() > 100, "{} fixtures", files.len());
    let expected = lint_report(&files, utf8);
    let (mut client, init) = Client::start(&root(), capabilities(utf8, pull, true), None);
    let encoding = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], encoding);
    let mut findings = 0;
    for f in &files {
        let u = uri(f);
        let text = std::fs::read_to_string(f).unwrap();
        client.open(&u, language(f), &text);
        let diagnostics = if pull {
            let r = client.request("textDocument/diagnostic", json!({"textDocument": {"uri": u}}));
            assert_eq!(r["result"]["kind"], "full", "{r}");
            r["result"]["items"].clone()
        } else {
            client.published(&u)["diagnostics"].clone()
        };
        let mut got: Vec<Finding> = diagnostics.as_array().expect("diagnostics").iter().map(finding).collect();
        // The server's ranges are exact byte spans and may cover the BOM itself,
        // which the report's columns cannot name: the report's start is after it.
        let bom = bom_width(&text, utf8) as u32;
        for (_, _, range, _, _) in &mut got {
            for at in [0, 2] {
                if range[at] == 0 {
                    range[at + 1] = range[at + 1].max(bom);
                }
            }
        }
        assert_eq!(&got, &expected[f], "{} ({encoding})", f.display());
        findings += got.len();
        client.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    }
    assert!(findings > 100, "{findings} findings compared");
    assert_eq!(client.stop(), Some(0));
}

#[test]
fn server_diagnostics_equal_lint_json_on_every_fixture_utf16_push() {
    agreement(false, false);
}

#[test]
fn server_diagnostics_equal_lint_json_on_every_fixture_utf8_pull() {
    agreement(true, true);
}

/// Files that are not UTF-8 cannot be held by an editor; the one fixture that is not is skipped above.
#[test]
fn only_the_invalid_utf8_fixture_is_left_out() {
    let left: Vec<PathBuf> = fixtures().into_iter().filter(|p| std::fs::read_to_string(p).is_err()).collect();
    assert_eq!(left.len(), 1, "{left:?}");
}
