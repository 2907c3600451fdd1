//! Lint output formats: text, json, sarif, github.

use crate::escape;
use invokecfg_lint::UnsafeFixes;
use invokecfg_model::{Diagnostic, Fix, Severity};
use serde_json::{json, Value};
use std::path::{Component, Path, PathBuf};

/// One linted file's findings.
pub struct FileFindings {
    /// The path as given (or `--stdin-filename`).
    pub path: String,
    /// The source text (lossily decoded), for snippets.
    pub source: String,
    /// Findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts by severity.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Counts {
    /// Counts the findings of every file.
    pub fn of(files: &[FileFindings]) -> Counts {
        let mut c = Counts::default();
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What one run of `lint` produced, beyond the findings.
#[derive(Default)]
pub struct RunInfo {
    /// Files skipped as not configs.
    pub skipped: usize,
    /// Paths that could not be read, or fixes that could not be written.
    pub problems: Vec<Problem>,
    /// Fixes applied (`Some` only with `--fix`).
    pub fixed: Option<usize>,
    /// Base URL of the rule pages (`--rules-url`).
    pub rules_url: Option<String>,
    /// Which fixes count as fixable (`--unsafe-fixes`).
    pub unsafe_fixes: UnsafeFixes,
}

/// A path that could not be read, or a fix that could not be written.
pub struct Problem {
    /// The path as given.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// ruff/rustc-style text with snippets, then a summary line. Control
/// characters from the input are shown as visible pictures.
pub fn text(files: &[FileFindings], info: &RunInfo, color: bool) -> String {
    let mut out = String::new();
    for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        let diagnostics: Vec<Diagnostic> = f
            .diagnostics
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.message = escape::controls(&d.message, false);
                d.help = d.help.as_deref().map(|h| escape::controls(h, false));
                if let Some(fix) = &mut d.fix {
                    fix.message = escape::controls(&fix.message, false);
                }
                d
            })
            .collect();
        out.push_str(&invokecfg_lint::render_text(
            &escape::controls(&f.path, false),
            &escape::source(&f.source),
            &diagnostics,
            color,
        ));
    }
    for p in &info.problems {
        out.push_str(&format!("error: {}\n", escape::controls(&p.to_string(), false)));
    }
    out.push_str(&summary(files, info));
    out
}

/// The closing lines of the text output.
pub fn summary(files: &[FileFindings], info: &RunInfo) -> String {
    let mut out = String::new();
    let c = Counts::of(files);
    let skipped = if info.skipped > 0 {
        format!(", {} skipped: not an async invocation config", plural(info.skipped, "file"))
    } else {
        String::new()
    };
    if c.errors + c.warnings + c.infos == 0 && info.problems.is_empty() {
        if files.is_empty() {
            out.push_str(&format!("No config files found{skipped}.\n"));
        } else {
            out.push_str(&format!("All checks passed ({}{skipped}).\n", plural(files.len(), "file")));
        }
    } else if c.errors + c.warnings + c.infos == 0 {
        out.push_str(&format!("No findings in {}{skipped}.\n", plural(files.len(), "file")));
        out.push_str(&format!("{} could not be read or fixed.\n", plural(info.problems.len(), "path")));
    } else {
        let fixes = files.iter().flat_map(|f| &f.diagnostics).filter_map(|d| d.fix.as_ref());
        let fixable = fixes.clone().filter(|f| info.unsafe_fixes.applies(f)).count();
        let hidden = fixes.filter(|f| info.unsafe_fixes.hides(f)).count();
        out.push_str(&format!(
            "Found {}, {} and {} in {}{skipped}.\n",
            plural(c.errors, "error"),
            plural(c.warnings, "warning"),
            plural(c.infos, "info"),
            plural(files.len(), "file")
        ));
        if !info.problems.is_empty() {
            out.push_str(&format!("{} could not be read or fixed.\n", plural(info.problems.len(), "path")));
        }
        if fixable > 0 {
            let verb = if fixable == 1 { "is" } else { "are" };
            out.push_str(&format!("{} {verb} fixable with `--fix`.\n", plural(fixable, "finding")));
        }
        if hidden > 0 {
            let verb = if hidden == 1 { "is" } else { "are" };
            let what = plural(hidden, if fixable > 0 { "more finding" } else { "finding" });
            out.push_str(&format!(
                "{what} {verb} fixable with `--fix --unsafe-fixes` (unsafe fixes can change what a config means).\n"
            ));
        }
    }
    out
}

/// Counts per rule, most frequent first (`--statistics`), and whether a
/// finding of the rule has a fix `--fix` applies (with `unsafe_fixes`).
pub fn statistics(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> Vec<(String, usize, bool)> {
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        let fixable = d.fix.as_ref().is_some_and(|f| unsafe_fixes.applies(f));
        match counts.iter_mut().find(|(c, _, _)| *c == d.code) {
            Some(e) => {
                e.1 += 1;
                e.2 |= fixable;
            }
            None => counts.push((d.code.clone(), 1, fixable)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// `--statistics` as text: count, code, rule name, `[*]` when fixable.
pub fn statistics_text(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> String {
    statistics(files, unsafe_fixes)
        .into_iter()
        .map(|(code, n, fixable)| {
            let name = invokecfg_lint::rule(&code).map_or("", |r| r.name);
            format!("{n:>5}  {code:<5} {} {name}\n", if fixable { "[*]" } else { "   " })
        })
        .collect()
}

/// `--statistics` as JSON: `[{code, rule, count, fixable}]`.
pub fn statistics_json(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> Value {
    Value::Array(
        statistics(files, unsafe_fixes)
            .into_iter()
            .map(|(code, n, fixable)| {
                json!({"code": code, "rule": invokecfg_lint::rule(&code).map(|r| r.name), "count": n, "fixable": fixable})
            })
            .collect(),
    )
}

/// The JSON report (`schemas/lint-report.schema.json`).
pub fn json_report(files: &[FileFindings], info: &RunInfo) -> Value {
    let findings: Vec<Value> = files
        .iter()
        .flat_map(|f| {
            f.diagnostics.iter().map(move |d| {
                let mut v = invokecfg_lint::diagnostic_json(d);
                if let Value::Object(m) = &mut v {
                    m.insert("file".into(), Value::String(f.path.clone()));
                }
                v
            })
        })
        .collect();
    let c = Counts::of(files);
    let mut summary = json!({"files": files.len(), "errors": c.errors, "warnings": c.warnings, "infos": c.infos});
    if let Value::Object(m) = &mut summary {
        m.insert("skipped".into(), json!(info.skipped));
        if let Some(n) = info.fixed {
            m.insert("fixed".into(), json!(n));
        }
    }
    let mut report = json!({"version": 1, "findings": findings, "summary": summary});
    if let Value::Object(m) = &mut report {
        let problems: Vec<Value> =
            info.problems.iter().map(|p| json!({"file": p.path, "message": p.message})).collect();
        m.insert("problems".into(), Value::Array(problems));
    }
    report
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes a path for a URI: every byte but unreserved ones and `/`.
pub fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    format!("file://{}", percent_encode_path(&abs.to_string_lossy().replace('\\', "/")))
}

/// Where SARIF paths are relative to: the git work tree holding `cwd` (code
/// scanning reads paths from the repository root), else `cwd` itself.
pub fn sarif_root(cwd: &Path) -> PathBuf {
    cwd.ancestors().find(|d| d.join(".git").exists()).unwrap_or(cwd).to_path_buf()
}

/// A SARIF `artifactLocation`: `path` (as given, relative to `cwd`) relative
/// to `%SRCROOT%` (`root`) when the file is under it, else an absolute
/// `file://` URI.
pub fn artifact_location(path: &str, cwd: &Path, root: &Path) -> Value {
    let abs = lexical_absolute(Path::new(path), cwd);
    match abs.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => json!({
            "uri": percent_encode_path(&rel.to_string_lossy().replace('\\', "/")),
            "uriBaseId": "%SRCROOT%",
        }),
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

/// SARIF 2.1.0 with the full rule table; a result's `fixes` only when the
/// run's fix flags would apply its fix.
pub fn sarif(files: &[FileFindings], info: &RunInfo, cwd: &Path) -> Value {
    let root = &sarif_root(cwd);
    let rules = invokecfg_lint::rules();
    let rule_json: Vec<Value> = rules
        .iter()
        .map(|r| {
            let mut v = json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.docs, "markdown": r.docs},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
            });
            if let (Some(base), Value::Object(m)) = (&info.rules_url, &mut v) {
                m.insert("helpUri".into(), json!(crate::rule_page_url(base, r.code)));
            }
            v
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        let location = artifact_location(&f.path, cwd, root);
        for d in &f.diagnostics {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            let (sl, sc, el, ec) =
                d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column.max(1)));
            let mut result = json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
                }}],
                "partialFingerprints": {"invokecfg/v1": fingerprint(f, d)},
            });
            if let (Some(i), Value::Object(m)) = (rules.iter().position(|r| r.code == d.code), &mut result) {
                m.insert("ruleIndex".into(), json!(i));
            }
            if let (Some(fix), Value::Object(m)) =
                (d.fix.as_ref().filter(|f| info.unsafe_fixes.applies(f)), &mut result)
            {
                m.insert("fixes".into(), json!([sarif_fix(fix, &location)]));
            }
            results.push(result);
        }
    }
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
                "rules": rule_json,
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

/// Escapes workflow-command data (`%`, CR, LF).
pub fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes workflow-command property values (data escapes plus `:` and `,`).
pub fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one per finding.
pub fn github(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let name = invokecfg_lint::rule(&d.code).map_or("", |r| r.name);
            let (sl, sc, el, ec) =
                d.span.map_or((1, 1, 1, 1), |s| (s.start.line, s.start.column, s.end.line, s.end.column));
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            out.push_str(&format!(
                "::{level} file={},line={sl},col={sc},endLine={el},endColumn={ec},title={}::{}\n",
                gh_escape_property(&escape::controls(&f.path, true)),
                gh_escape_property(&format!("{} {name}", d.code)),
                gh_escape_data(&escape::controls(&message, true))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_escape_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(gh_escape_property("a,b:c"), "a%2Cb%3Ac");
    }

    fn sample() -> Vec<FileFindings> {
        let source = "{\n  \"maxAsyncRetryAttempts\": 9\n}\n".to_string();
        let r = invokecfg_lint::lint(source.as_bytes(), &Default::default());
        vec![FileFindings { path: "dir/a,b.json".into(), source, diagnostics: r.diagnostics }]
    }

    #[test]
    fn json_report_follows_its_schema() {
        let v = json_report(&sample(), &RunInfo::default());
        assert!(v["summary"].get("fixed").is_none(), "fixed only with --fix");
        assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let errors = invokecfg_model::schema::SchemaName::LintReport.validate(&v);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn sarif_has_rules_and_results() {
        let v = sarif(&sample(), &RunInfo::default(), Path::new("/w"));
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
            let v = sarif(&[f], &RunInfo::default(), Path::new("/w"));
            v["runs"][0]["results"][0]["partialFingerprints"]["invokecfg/v1"].clone()
        };
        let a = lint("{\"maxAsyncRetryAttempts\": 9}");
        assert!(a.is_string());
        assert_eq!(a, lint("{\n\n\n  \"maxAsyncRetryAttempts\": 9\n}"));
        assert_ne!(a, lint("{\"maxAsyncRetryAttempts\": 10}"));
    }

    #[test]
    fn text_escapes_control_characters() {
        let source = "{\"\\u001b[2J\": 1, \"maxAsyncRetryAttempts\": 9, \"x\u{1b}[31m\": 2}".to_string();
        let r = invokecfg_lint::lint(source.as_bytes(), &Default::default());
        let files = vec![FileFindings { path: "a\u{1b}.json".into(), source, diagnostics: r.diagnostics }];
        let out = text(&files, &RunInfo::default(), false);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("a\u{241b}.json"), "{out}");
        assert!(!github(&files).contains('\u{1b}'));
    }

    #[test]
    fn github_lines() {
        let out = github(&sample());
        assert!(out.starts_with("::error file=dir/a%2Cb.json,line=2,col=28,"), "{out}");
    }
}
