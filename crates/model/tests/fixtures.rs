//! Snapshots of how every dialect fixture parses: the typed document and its
//! neutral form, or the error with its line and column.

use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use std::fmt::Write;
use std::path::Path;

fn describe(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut out = String::new();
    let parsed = match span::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let at = e.position().map(|p| format!("{}:{}", p.line, p.column)).unwrap_or_default();
            writeln!(out, "syntax error at {at} (after pointer {:?}): {e}", e.pointer()).unwrap();
            return out;
        }
    };
    // The lint's reason-less detection chooses as `detect` does.
    assert_eq!(detect_dialect(&parsed.value), detect(&parsed.value).map(|d| d.dialect), "{}", path.display());
    let dialect = match detect(&parsed.value) {
        Ok(d) => {
            writeln!(out, "dialect: {} ({})", d.dialect, d.reason).unwrap();
            d.dialect
        }
        Err(e) => {
            writeln!(out, "dialect: not detected: {e}").unwrap();
            // Fixtures live in a directory named after their dialect.
            let dir = path.components().map(|c| c.as_os_str().to_string_lossy().to_string()).collect::<Vec<_>>();
            let Some(d) = Dialect::ALL.into_iter().find(|d| dir.iter().any(|c| c == d.id())) else { return out };
            writeln!(out, "reading as {d} (its directory)").unwrap();
            d
        }
    };
    let schema_errors = SchemaName::for_dialect(dialect).validate(&parsed.value);
    writeln!(
        out,
        "schema: {}",
        if schema_errors.is_empty() { "valid".to_string() } else { format!("{} violation(s)", schema_errors.len()) }
    )
    .unwrap();
    for d in &parsed.duplicates {
        writeln!(out, "duplicate key at {} ({}:{})", d.pointer, d.second.start.line, d.second.start.column).unwrap();
    }
    match Document::from_value(&parsed.value, dialect) {
        Err(e) => {
            let span = parsed.spans.value_span(&e.pointer).unwrap_or_default();
            writeln!(out, "type error at {}:{} {e}", span.start.line, span.start.column).unwrap();
        }
        Ok(doc) => {
            for v in doc.range_violations() {
                let span = parsed.spans.value_span(&v.pointer).unwrap_or_default();
                writeln!(out, "range error at {}:{} {}: {v}", span.start.line, span.start.column, v.pointer).unwrap();
            }
            match doc.to_neutral() {
                Ok(n) => writeln!(out, "neutral:\n{n:#?}").unwrap(),
                Err(errors) => {
                    for e in errors {
                        let span = parsed.spans.value_span(&e.pointer).unwrap_or_default();
                        writeln!(out, "identifier error at {}:{} {e}", span.start.line, span.start.column).unwrap();
                    }
                    writeln!(out, "typed:\n{doc:#?}").unwrap();
                }
            }
        }
    }
    out
}

#[test]
fn dialect_fixtures_parse() {
    // Every dialect's directory (named by its id), whatever dialects are registered.
    insta::glob!("../../../fixtures", "*/{valid,invalid,lists,placeholders}/*.json", |path| {
        let dir = path.parent().and_then(Path::parent).and_then(Path::file_name).unwrap_or_default();
        if Dialect::ALL.iter().any(|d| dir == d.id()) {
            insta::assert_snapshot!(describe(path));
        }
    });
}

/// The seeds' example documents, placeholders replaced by realistic values,
/// validate against their schema and parse with no unknown key.
#[test]
fn seed_examples_are_valid_and_fully_known() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    for (file, dialect) in [
        ("alibaba-fc2/valid/seed-put-response.json", Dialect::AlibabaFc2),
        ("alibaba-fc2/valid/seed-get-response.json", Dialect::AlibabaFc2),
        ("alibaba-fc3/valid/doc-sample-response.json", Dialect::AlibabaFc3),
        ("huawei/valid/seed-request.json", Dialect::Huawei),
        ("huawei/valid/seed-response.json", Dialect::Huawei),
        ("huawei/valid/seed-status-log-request.json", Dialect::Huawei),
        ("huawei/lists/list-response.json", Dialect::Huawei),
    ] {
        let parsed = span::parse(&std::fs::read(root.join(file)).unwrap()).unwrap();
        assert_eq!(detect(&parsed.value).unwrap().dialect, dialect, "{file}");
        assert!(SchemaName::for_dialect(dialect).validate(&parsed.value).is_empty(), "{file}");
        let doc = Document::from_value(&parsed.value, dialect).unwrap();
        assert!(doc.range_violations().is_empty(), "{file}");
        let neutral = doc.to_neutral().unwrap_or_else(|e| panic!("{file}: {e:?}"));
        let unknown = match &neutral {
            NeutralDocument::Config(c) => c.extensions.unknown.len(),
            NeutralDocument::List(l) => {
                l.unknown.len() + l.items.iter().map(|c| c.extensions.unknown.len()).sum::<usize>()
            }
        };
        assert_eq!(unknown, 0, "{file}");
    }
}

/// Every schema is embedded byte for byte and compiles.
#[test]
fn embedded_schemas_match_files_and_compile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    for s in SchemaName::ALL {
        assert_eq!(std::fs::read_to_string(root.join(s.file_name())).unwrap(), s.text(), "{s}");
        assert!(s.validate(&serde_json::json!({})).iter().all(|v| !v.message.contains("failed to compile")), "{s}");
        assert_eq!(s.value()["$schema"], "https://json-schema.org/draft/2020-12/schema", "{s}");
    }
}
