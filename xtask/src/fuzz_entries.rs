//! The bodies of the fuzz targets, shared by `fuzz/fuzz_targets/*.rs`
//! (included there with `#[path]`, run by libFuzzer on nightly) and by
//! `cargo run -p xtask -- fuzz-replay` (run over the corpus on stable).
//!
//! Self-contained on purpose: it names only the workspace's library crates and
//! `serde_json`, so both builds compile the same text. Each entry must never
//! panic; the `assert!`s state the contract's laws that hold for any input, so
//! a broken law shows up as a crash with the input that broke it.

use invokecfg_lint::{apply_fixes, lint as run_lint, LintOptions, UnsafeFixes};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::span::{self, Span};
use invokecfg_model::{detect, AcsArn, DestinationKind, DestinationParam, Dialect, Document, FunctionUrn, SmnTopicUrn};
use invokecfg_translate::{translate as run_translate, Mapping, Options};
use serde_json::Value;
use std::sync::OnceLock;

/// A fuzz target's body.
pub type Entry = fn(&[u8]);

/// Every fuzz target: name (as in `fuzz/fuzz_targets/<name>.rs`) and body.
pub const TARGETS: &[(&str, Entry)] =
    &[("span_parse", span_parse), ("lint", lint), ("translate", translate), ("params", params)];

/// The seed mapping file, embedded.
pub const SEED_MAPPING: &str = include_str!("../../fixtures/mapping/seed.json");

fn check_span(span: &Span, len: usize, what: &str) {
    assert!(span.start.offset <= span.end.offset, "{what}: span starts after it ends: {span:?}");
    assert!(span.end.offset <= len, "{what}: span ends past the input ({len} bytes): {span:?}");
    assert!(span.start.line >= 1 && span.start.column >= 1, "{what}: lines and columns are 1-based: {span:?}");
    assert!((span.start.line, span.start.column) <= (span.end.line, span.end.column), "{what}: {span:?}");
}

/// Numbers compare by value (the span reader and serde_json may round the
/// last float bit differently, and `-0` is an integer to one, a float to the other).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(p), Some(q), _, _) => p == q,
            (_, _, Some(p), Some(q)) => p == q,
            _ => match (x.as_f64(), y.as_f64()) {
                (Some(p), Some(q)) => p == q || ((p - q) / p.abs().max(q.abs())).abs() < 1e-15,
                _ => false,
            },
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// `span::parse`: never panics; spans lie inside the input; whatever
/// serde_json accepts (short of its own depth limit) the span reader accepts
/// with the same value.
pub fn span_parse(data: &[u8]) {
    let parsed = span::parse(data);
    match &parsed {
        Ok(p) => {
            assert!(p.spans.get("").is_some(), "no span for the root value");
            for d in &p.duplicates {
                check_span(&d.first, data.len(), "duplicate key (first)");
                check_span(&d.second, data.len(), "duplicate key (second)");
            }
            if let Some(root) = p.spans.get("") {
                check_span(&root.value, data.len(), "root");
            }
        }
        Err(e) => {
            if let Some(pos) = e.position() {
                assert!(pos.offset <= data.len(), "error position past the input: {e:?}");
            }
        }
    }
    if let Ok(v) = serde_json::from_slice::<Value>(data) {
        match parsed {
            Ok(p) => assert!(same_json(&p.value, &v), "span reader and serde_json disagree: {:?} vs {v:?}", p.value),
            Err(span::SourceError::TooDeep { .. }) => {}
            Err(e) => panic!("serde_json accepts the input, the span reader refuses it: {e:?}"),
        }
    }
}

/// `invokecfg_lint::lint` with default options, each forced dialect and each
/// portability target; then `apply_fixes` on the findings, and a re-lint of
/// the fixed text.
pub fn lint(data: &[u8]) {
    let mut options = vec![LintOptions::default()];
    for d in Dialect::ALL {
        options.push(LintOptions { dialect: Some(d), ..LintOptions::default() });
        options.push(LintOptions { target: Some(d), ..LintOptions::default() });
    }
    for o in &options {
        let result = run_lint(data, o);
        for diag in &result.diagnostics {
            if let Some(s) = &diag.span {
                check_span(s, data.len(), &diag.code);
            }
            if let Some(fix) = &diag.fix {
                for e in &fix.edits {
                    check_span(&e.span, data.len(), &format!("{} fix", diag.code));
                }
            }
        }
        if let Some(d) = o.dialect {
            if !result.diagnostics.is_empty() || result.dialect.is_some() {
                assert!(result.dialect.is_none_or(|r| r == d), "forced {d:?}, linted as {:?}", result.dialect);
            }
        }
        // Every fix that can be applied, unsafe ones too: each must leave lintable text.
        let (fixed, applied) = apply_fixes(data, &result.diagnostics, UnsafeFixes::Enabled);
        if applied > 0 {
            let _ = run_lint(&fixed, o);
        }
    }
}

fn seed_mapping() -> &'static Mapping {
    static SEED: OnceLock<Mapping> = OnceLock::new();
    SEED.get_or_init(|| match Mapping::from_json(SEED_MAPPING) {
        Ok(m) => m,
        Err(e) => panic!("fixtures/mapping/seed.json is refused: {e}"),
    })
}

/// Parse, detect, read as a document, translate to every dialect with an
/// empty mapping and with the seed mapping, lossy and not. Checks laws 1
/// (the output validates against the target's schema) and 5 (determinism),
/// and that the output re-reads as the same document.
pub fn translate(data: &[u8]) {
    let Ok(parsed) = span::parse(data) else { return };
    // Detection must not panic; every dialect is then tried, chosen or not: a
    // document read under any dialect must translate or refuse cleanly.
    let _ = detect(&parsed.value);
    let empty = Mapping::default();
    for source in Dialect::ALL {
        let Ok(doc) = Document::from_value(&parsed.value, source) else { continue };
        assert_eq!(doc.dialect(), source);
        for target in Dialect::ALL {
            for mapping in [&empty, seed_mapping()] {
                for allow_lossy in [false, true] {
                    let options = Options { allow_lossy, ..Options::default() };
                    let first = run_translate(&doc, target, mapping, &options);
                    let second = run_translate(&doc, target, mapping, &options);
                    assert!(first == second, "translation {source:?} -> {target:?} is not deterministic");
                    let Ok(t) = first else { continue };
                    assert_eq!(t.document.dialect(), target, "translated into the wrong dialect");
                    let out = t.document.to_value();
                    let violations = SchemaName::for_dialect(target).validate(&out);
                    assert!(
                        violations.is_empty(),
                        "{source:?} -> {target:?} output fails the {} schema: {violations:?}\n{out:#}",
                        target.id()
                    );
                    let text = t.document.to_pretty_json();
                    let reread: Value = match serde_json::from_str(&text) {
                        Ok(v) => v,
                        Err(e) => panic!("translated output is not JSON: {e}\n{text}"),
                    };
                    match Document::from_value(&reread, target) {
                        Ok(again) => assert!(again == t.document, "output does not re-read as itself:\n{text}"),
                        Err(e) => panic!("translated output does not re-read as {target:?}: {e:?}\n{text}"),
                    }
                }
            }
        }
    }
}

/// Identifier parsers on arbitrary text: `parse(display(x)) == x` for ARNs,
/// URNs and destination params; destination kinds parse only in their exact spelling.
pub fn params(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    if let Ok(arn) = text.parse::<AcsArn>() {
        let shown = arn.to_string();
        assert_eq!(shown.parse::<AcsArn>().as_ref(), Ok(&arn), "AcsArn does not round-trip: {text:?} -> {shown:?}");
    }
    if let Ok(urn) = text.parse::<FunctionUrn>() {
        let shown = urn.to_string();
        assert_eq!(shown.parse::<FunctionUrn>().as_ref(), Ok(&urn), "FunctionUrn round trip: {text:?} -> {shown:?}");
    }
    if let Ok(urn) = text.parse::<SmnTopicUrn>() {
        let shown = urn.to_string();
        assert_eq!(shown.parse::<SmnTopicUrn>().as_ref(), Ok(&urn), "SmnTopicUrn round trip: {text:?} -> {shown:?}");
    }
    if let Ok(kind) = text.parse::<DestinationKind>() {
        assert_eq!(kind.as_str(), text);
    }
    for kind in DestinationKind::ALL {
        if let Ok(p) = DestinationParam::parse(kind, text) {
            assert_eq!(p.kind(), kind);
            let shown = p.to_json_string();
            match DestinationParam::parse(kind, &shown) {
                Ok(again) => assert_eq!(again, p, "{kind} param round trip: {text:?} -> {shown:?}"),
                Err(e) => panic!("{kind} param written as {shown:?} does not re-read: {e:?}"),
            }
        }
    }
}
