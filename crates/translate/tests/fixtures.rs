//! Snapshots over `fixtures/translate/*/`: each case is `input.json` plus
//! `case.json` (`to`, optional `from`, `mapping` path or `mapping_inline`,
//! `strict`, `allow_lossy`, `function`). A snapshot holds the output text (or
//! the refusal) and every note.

use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use invokecfg_translate::*;
use serde_json::Value;
use std::fmt::Write;
use std::path::Path;

fn run(case_path: &Path) -> String {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let dir = case_path.parent().unwrap();
    let case: Value = serde_json::from_str(&std::fs::read_to_string(case_path).unwrap()).unwrap();
    let target: Dialect = case["to"].as_str().unwrap().parse().unwrap();
    let mapping = match (&case["mapping"], &case["mapping_inline"]) {
        (Value::String(p), _) => Mapping::from_json(&std::fs::read_to_string(root.join(p)).unwrap()).unwrap(),
        (_, v @ Value::Object(_)) => Mapping::from_value(v).unwrap(),
        _ => Mapping::default(),
    };
    let options = Options {
        strict: case["strict"].as_bool().unwrap_or(false),
        allow_lossy: case["allow_lossy"].as_bool().unwrap_or(false),
        function: case["function"].as_str().map(String::from),
    };
    let parsed = span::parse(&std::fs::read(dir.join("input.json")).unwrap()).unwrap();
    let source = match case["from"].as_str() {
        Some(d) => d.parse().unwrap(),
        None => detect(&parsed.value).unwrap().dialect,
    };
    let doc = Document::from_value(&parsed.value, source).unwrap();
    let mut out = format!("{source} -> {target}\n");
    let notes = match translate(&doc, target, &mapping, &options) {
        Ok(t) => {
            let value = t.document.to_value();
            let violations = SchemaName::for_dialect(target).validate(&value);
            assert!(violations.is_empty(), "output breaks the {target} schema: {violations:?}\n{value}");
            // Deterministic: the same input gives the same bytes.
            let again = translate(&doc, target, &mapping, &options).unwrap();
            assert_eq!(again.document.to_pretty_json(), t.document.to_pretty_json());
            out.push_str("status: translated\n\n");
            out.push_str(&t.document.to_pretty_json());
            t.notes
        }
        Err(e) => {
            out.push_str("status: refused\n");
            e.into_notes()
        }
    };
    writeln!(out, "\nnotes:").unwrap();
    for n in &notes {
        writeln!(out, "- {}[{}] {} (at {:?})", n.severity, n.code, n.message, n.pointer).unwrap();
        if let Some(h) = &n.help {
            writeln!(out, "  help: {h}").unwrap();
        }
        if let (Some(o), Some(nw)) = (&n.old, &n.new) {
            writeln!(out, "  change: {o} -> {nw}, range {:?}", n.range).unwrap();
        }
    }
    out
}

#[test]
fn translate_fixtures() {
    insta::glob!("../../../fixtures", "translate/*/case.json", |path| {
        insta::assert_snapshot!(run(path));
    });
}
