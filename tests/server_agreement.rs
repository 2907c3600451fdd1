//! The language server says exactly what `invokecfg lint --format json`
//! says: over every lint fixture and every Terraform / YAML read fixture,
//! the diagnostics `invokecfg server` publishes (and answers to a pull) for
//! the file's text equal the report's findings (code, severity, range,
//! message, help), in both position encodings.

mod lsp_client;

use lsp_client::{bom_width, capabilities, finding, lint_report, uri, Client, Finding};
use serde_json::json;
use std::path::{Path, PathBuf};

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
