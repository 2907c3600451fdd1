//! Every key spelling lives in the dialect specs (`facts/`): no source file
//! of the other crates spells one as a string literal.
//!
//! Every key of every dialect (configs, lists, destinations, legacy
//! spellings) is checked; unit tests, whose inputs are documents, are not.

use invokecfg_model::Dialect;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_key_spelling_outside_the_model() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut keys: Vec<&str> = Vec::new();
    for d in Dialect::ALL {
        let k = d.spec().keys;
        keys.extend([
            k.max_event_age,
            k.retry_attempts,
            k.destination_config,
            k.on_success,
            k.on_failure,
            k.last_modified,
            k.function,
        ]);
        keys.extend(k.created_time);
        keys.extend(d.spec().state_tracking.map(|t| t.key));
        let s = d.spec();
        keys.extend(s.config_keys.iter().chain(s.list.keys).chain(s.destination_config_keys).chain(s.destination_keys));
        keys.extend(s.legacy_keys.iter().map(|(old, _)| *old));
    }
    // `function` is also an English word in messages; the specific spellings are what matter.
    keys.retain(|k| *k != "function");
    keys.sort_unstable();
    keys.dedup();
    let mut files = Vec::new();
    for dir in ["crates/translate/src", "crates/lint/src", "crates/cli/src", "crates/server/src", "src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        // Rule docs are prose with JSON examples (`docs: r#"..."#`): they show keys, as docs must.
        let mut in_docs = false;
        for (n, line) in text.lines().enumerate() {
            // Unit tests spell documents as their inputs, as tests must.
            if line.trim() == "#[cfg(test)]" {
                break;
            }
            if let Some((_, rest)) = line.split_once("r#\"") {
                in_docs = !rest.contains("\"#");
                continue;
            }
            if in_docs {
                in_docs = !line.contains("\"#");
                continue;
            }
            for k in &keys {
                if line.contains(&format!("\"{k}\"")) {
                    found.push(format!("{}:{}: `{k}`", f.strip_prefix(&root).unwrap_or(f).display(), n + 1));
                }
            }
        }
    }
    let mut per_file: Vec<(String, usize)> = Vec::new();
    for f in &found {
        let file = f.split(':').next().unwrap_or_default().to_string();
        match per_file.iter_mut().find(|(p, _)| *p == file) {
            Some((_, n)) => *n += 1,
            None => per_file.push((file, 1)),
        }
    }
    per_file.sort();
    let expected: Vec<(String, usize)> = REMAINING.iter().map(|(f, n)| (f.to_string(), *n)).collect();
    assert_eq!(
        per_file,
        expected,
        "key spellings outside crates/model (read them from Dialect::spec(); shrink REMAINING when you move one):\n{}",
        found.join("\n")
    );
}

/// Files that spell a key, and how many times: one report field that shares
/// a key's spelling (`--statistics`' per-rule `count`, not FunctionGraph's).
const REMAINING: &[(&str, usize)] = &[("crates/cli/src/formats/statistics.rs", 1)];

/// Every published schema that enumerates dialect ids lists exactly the registered ones.
#[test]
fn schemas_enumerate_every_dialect() {
    use invokecfg_model::schema::SchemaName;
    use serde_json::Value;
    fn enums<'a>(v: &'a Value, out: &mut Vec<&'a Vec<Value>>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::Array(e)) = m.get("enum") {
                    out.push(e);
                }
                m.values().for_each(|x| enums(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| enums(x, out)),
            _ => {}
        }
    }
    let ids: Vec<&str> = Dialect::ALL.iter().map(|d| d.id()).collect();
    let mut checked = 0;
    for s in SchemaName::ALL {
        let value = s.value();
        let mut found = Vec::new();
        enums(&value, &mut found);
        for e in found.into_iter().filter(|e| e.iter().any(|v| v.as_str() == Some(ids[0]))) {
            let listed: Vec<&str> = e.iter().filter_map(Value::as_str).filter(|v| *v != "auto").collect();
            assert_eq!(listed, ids, "{}: a dialect enum", s.name());
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} dialect enums found");
}
