//! SARIF 2.1.0, for code scanning: the full rule table, paths relative to
//! `%SRCROOT%` (the repository's root), percent-encoded URIs, fingerprints
//! that survive moved lines.

use super::{message_with_help, region, FileFindings, RunInfo};
use invokecfg_model::{Diagnostic, Fix, Severity};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};
use std::path::{Component, Path, PathBuf};

/// What a URI path keeps as it is: RFC 3986's unreserved characters and `/`.
const URI_PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI path: `\` read as `/`, every other byte but the unreserved ones percent-encoded.
fn uri_path(path: &Path) -> String {
    utf8_percent_encode(&path.to_string_lossy().replace('\\', "/"), URI_PATH).to_string()
}

/// `path` made absolute against `root`, with `.` and `..` resolved lexically.
fn lexical_absolute(path: &Path, root: &Path) -> PathBuf {
    let joined = if path.is_absolute() { path.to_path_buf() } else { root.join(path) };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn file_uri(abs: &Path) -> String {
    format!("file://{}", uri_path(abs))
}

/// Where SARIF paths are relative to: the git work tree holding `cwd` (code
/// scanning reads paths from the repository root), else `cwd` itself.
fn sarif_root(cwd: &Path) -> PathBuf {
    cwd.ancestors().find(|d| d.join(".git").exists()).unwrap_or(cwd).to_path_buf()
}

/// A SARIF `artifactLocation`: `path` (as given, relative to `cwd`) relative
/// to `%SRCROOT%` (`root`) when the file is under it, else an absolute
/// `file://` URI.
fn artifact_location(path: &str, cwd: &Path, root: &Path) -> Value {
    let abs = lexical_absolute(Path::new(path), cwd);
    match abs.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => json!({"uri": uri_path(rel), "uriBaseId": "%SRCROOT%"}),
        _ => json!({"uri": file_uri(&abs)}),
    }
}

/// 64-bit FNV-1a: small, and stable across Rust releases (unlike `DefaultHasher`).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.iter().chain(&[0u8]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Rule, pointer and the text of the flagged value: the same finding keeps its
/// fingerprint when lines move.
fn fingerprint(f: &FileFindings, d: &Diagnostic) -> String {
    let value = d.span.and_then(|s| f.source.as_bytes().get(s.start.offset..s.end.offset)).unwrap_or_default();
    format!("{:016x}", fnv1a(&[d.code.as_bytes(), d.pointer.as_bytes(), value]))
}

/// Every rule, as `tool.driver.rules` lists them.
fn rule_table(rules_url: Option<&str>) -> Vec<Value> {
    invokecfg_lint::rules()
        .iter()
        .map(|r| {
            let mut v = json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.docs, "markdown": r.docs},
                "defaultConfiguration": {"level": level(r.severity)},
            });
            if let (Some(base), Value::Object(m)) = (rules_url, &mut v) {
                m.insert("helpUri".into(), json!(super::rule_page_url(base, r.code)));
            }
            v
        })
        .collect()
}

/// A SARIF `fix` (3.55): the edits as replacements of regions of the file,
/// its applicability in the property bag.
fn sarif_fix(fix: &Fix, location: &Value) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            json!({
                "deletedRegion": {
                    "startLine": e.span.start.line, "startColumn": e.span.start.column,
                    "endLine": e.span.end.line, "endColumn": e.span.end.column,
                },
                "insertedContent": {"text": e.content},
            })
        })
        .collect();
    json!({
        "description": {"text": fix.message},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.as_str()},
    })
}

/// One finding as a SARIF `result`; its `fixes` only when the run's fix
/// flags would apply its fix.
fn result(f: &FileFindings, d: &Diagnostic, location: &Value, info: &RunInfo) -> Value {
    let (sl, sc, el, ec) = region(d);
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": {"text": message_with_help(d)},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec.max(1)},
        }}],
        "partialFingerprints": {"invokecfg/v1": fingerprint(f, d)},
    });
    if let (Some(i), Value::Object(m)) = (invokecfg_lint::rules().iter().position(|r| r.code == d.code), &mut result) {
        m.insert("ruleIndex".into(), json!(i));
    }
    if let (Some(fix), Value::Object(m)) = (d.fix.as_ref().filter(|f| info.unsafe_fixes.applies(f)), &mut result) {
        m.insert("fixes".into(), json!([sarif_fix(fix, location)]));
    }
    result
}

/// The SARIF log of one run; paths as given are relative to `cwd`.
pub fn log(files: &[FileFindings], info: &RunInfo, cwd: &Path) -> Value {
    let root = &sarif_root(cwd);
    let results: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            let location = artifact_location(&f.path, cwd, root);
            f.diagnostics.iter().map(move |d| result(f, d, &location, info))
        })
        .collect();
    let notifications: Vec<Value> = info
        .problems
        .iter()
        .map(|p| {
            json!({
                "level": "error",
                "message": {"text": p.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(&p.path, cwd, root)}}],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "invokecfg",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_table(info.rules_url.as_deref()),
            }},
            "invocations": [{
                "executionSuccessful": info.problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": format!("{}/", file_uri(root).trim_end_matches('/'))}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_has_rules_and_results() {
        let v = log(&super::super::sample(), &RunInfo::default(), Path::new("/w"));
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"].as_array().map(Vec::len),
            Some(invokecfg_lint::rules().len())
        );
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][idx]["id"], r["ruleId"]);
        assert!(v["runs"][0]["tool"]["driver"]["rules"][0].get("helpUri").is_none());
        assert_eq!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dir/a%2Cb.json");
        assert_eq!(v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///w/");
    }

    #[test]
    fn sarif_uris() {
        let root = Path::new("/work/repo");
        let loc = |p: &str| artifact_location(p, root, root);
        assert_eq!(loc("./prod config.json"), json!({"uri": "prod%20config.json", "uriBaseId": "%SRCROOT%"}));
        assert_eq!(loc("50%,a:b.json")["uri"], "50%25%2Ca%3Ab.json");
        assert_eq!(loc("/work/repo/c/cfg#1.json")["uri"], "c/cfg%231.json");
        assert_eq!(loc("/tmp/x é.json"), json!({"uri": "file:///tmp/x%20%C3%A9.json"}));
        assert_eq!(loc("../other/a.json"), json!({"uri": "file:///work/other/a.json"}));
        assert_eq!(loc("a~b_c-d.json")["uri"], "a~b_c-d.json", "unreserved characters stay");
        // Run from a subdirectory of the repository: paths as given are read from
        // there, and written relative to the repository's root.
        let sub = Path::new("/work/repo/configs/prod");
        assert_eq!(artifact_location("a.json", sub, root)["uri"], "configs/prod/a.json");
        assert_eq!(artifact_location("../b.json", sub, root)["uri"], "configs/b.json");
        assert_eq!(artifact_location("../../../x.json", sub, root), json!({"uri": "file:///work/x.json"}));
    }

    #[test]
    fn sarif_root_is_the_git_work_tree() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(sarif_root(&sub), sub, "no repository: the working directory");
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        assert_eq!(sarif_root(&sub), dir.path());
    }

    #[test]
    fn fingerprints_survive_line_moves_and_tell_values_apart() {
        let lint = |src: &str| {
            let r = invokecfg_lint::lint(src.as_bytes(), &Default::default());
            let f = FileFindings { path: "a.json".into(), source: src.into(), diagnostics: r.diagnostics };
            let v = log(&[f], &RunInfo::default(), Path::new("/w"));
            v["runs"][0]["results"][0]["partialFingerprints"]["invokecfg/v1"].clone()
        };
        let a = lint("{\"maxAsyncRetryAttempts\": 9}");
        assert!(a.is_string());
        assert_eq!(a, lint("{\n\n\n  \"maxAsyncRetryAttempts\": 9\n}"));
        assert_ne!(a, lint("{\"maxAsyncRetryAttempts\": 10}"));
    }
}
