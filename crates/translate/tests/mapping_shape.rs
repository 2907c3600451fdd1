//! Issue 21, item 5: the mapping file is read without a JSON Schema validator
//! (`src/mapping/shape.rs`), so the binary links none. This test holds that
//! reader and `schemas/mapping.schema.json` to one verdict, over every mapping
//! file in the fixtures and over generated mutations of them (wrong types,
//! unknown and misspelt keys, extra nesting, ids a character off).
//! `PROPTEST_CASES=5000 cargo test -p invokecfg-translate --test mapping_shape`.

use invokecfg_model::json::escape_pointer_token;
use invokecfg_model::schema::SchemaName;
use invokecfg_translate::mapping::PAIRS;
use invokecfg_translate::Mapping;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every mapping in the fixtures, named: the files under `fixtures/mapping/`,
/// the Terraform cases' `mapping.json` and the translate cases' inline ones.
fn fixture_mappings() -> Vec<(String, Value)> {
    let fixtures = root().join("fixtures");
    let mut files = Vec::new();
    json_files(&fixtures.join("mapping"), &mut files);
    let mut out: Vec<(String, Value)> = files.iter().map(|p| (p.display().to_string(), read(p))).collect();
    let mut cases = Vec::new();
    json_files(&fixtures.join("terraform/translate"), &mut cases);
    json_files(&fixtures.join("translate"), &mut cases);
    for path in cases {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name == "mapping.json" {
            out.push((path.display().to_string(), read(&path)));
        } else if name == "case.json" {
            if let Some(inline) = read(&path).get("mapping_inline") {
                out.push((format!("{} (mapping_inline)", path.display()), inline.clone()));
            }
        }
    }
    out
}

/// The reader's shape verdict equals the schema's; a refusal points at a
/// value that exists in the document.
fn one_verdict(value: &Value) -> Result<bool, String> {
    let reader = Mapping::check_shape(value);
    let schema = SchemaName::Mapping.validate(value);
    if reader.is_ok() != schema.is_empty() {
        return Err(format!("the reader says {reader:?}, the schema {schema:?}, for\n{value}"));
    }
    if let Err(e) = &reader {
        if value.pointer(&e.pointer).is_none() {
            return Err(format!("the pointer of `{e}` is not in\n{value}"));
        }
    }
    // The full read adds checks (one-to-one, destination overrides) on top of the shape.
    if Mapping::from_value(value).is_ok() && !schema.is_empty() {
        return Err(format!("from_value accepts what the schema refuses: {schema:?}\n{value}"));
    }
    Ok(reader.is_ok())
}

#[test]
fn item5_reader_and_schema_agree_on_every_fixture_mapping() {
    let all = fixture_mappings();
    let mut accepted = 0;
    for (name, value) in &all {
        accepted += usize::from(one_verdict(value).unwrap_or_else(|e| panic!("{name}: {e}")));
    }
    // Both verdicts are exercised: the good files and the malformed ones.
    assert!(accepted >= 10 && all.len() - accepted >= 20, "{accepted} of {} accepted", all.len());
}

#[test]
fn item5_malformed_mapping_files_are_refused_by_both() {
    let mut files = Vec::new();
    json_files(&root().join("fixtures/mapping/malformed"), &mut files);
    assert!(files.len() >= 20, "{files:?}");
    for path in files {
        let value = read(&path);
        assert!(!SchemaName::Mapping.is_valid(&value), "{}: the schema accepts it", path.display());
        let e = Mapping::from_value(&value).expect_err("the reader refuses it");
        assert_eq!(Mapping::check_shape(&value), Err(e.clone()), "{}: a shape error", path.display());
    }
}

#[test]
fn item5_invalid_mapping_files_pass_the_schema_and_fail_the_reader() {
    let mut files = Vec::new();
    json_files(&root().join("fixtures/mapping/invalid"), &mut files);
    assert!(!files.is_empty());
    for path in files {
        let value = read(&path);
        assert!(SchemaName::Mapping.is_valid(&value), "{}", path.display());
        assert!(Mapping::check_shape(&value).is_ok(), "{}", path.display());
        assert!(Mapping::from_value(&value).is_err(), "{}", path.display());
    }
}

/// The schema's property names at the top level and in each pair's object.
fn schema_properties(schema: &Value, pointer: &str) -> Vec<String> {
    let properties = schema.pointer(pointer).and_then(Value::as_object).cloned().unwrap_or_default();
    properties.keys().cloned().collect()
}

#[test]
fn item5_unknown_keys_are_answered_with_every_name_the_schema_allows() {
    let schema = SchemaName::Mapping.value();
    let top = schema_properties(&schema, "/properties");
    let e = Mapping::check_shape(&serde_json::json!({"region": {}})).unwrap_err();
    assert_eq!(e.pointer, "/region");
    for name in &top {
        assert!(e.message.contains(&format!("`{name}`")), "{name} missing from: {e}");
    }
    for pair in PAIRS.iter().filter(|p| !p.path.is_empty()) {
        assert!(top.iter().any(|n| n == pair.path), "{} is not in the schema", pair.path);
        let e = Mapping::check_shape(&serde_json::json!({pair.path: {"region": {}}})).unwrap_err();
        assert_eq!(e.pointer, format!("/{}/region", pair.path));
        for name in schema_properties(&schema, &format!("/properties/{}/properties", pair.path)) {
            assert!(e.message.contains(&format!("`{name}`")), "{name} missing from: {e}");
        }
    }
}

/// Valid mappings to mutate: the fixtures the schema accepts.
static BASES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut bases: Vec<Value> =
        fixture_mappings().into_iter().map(|(_, v)| v).filter(|v| SchemaName::Mapping.is_valid(v)).collect();
    bases.push(Value::Object(Map::new()));
    bases
});

/// Every key the schema names, and misspellings of them.
static KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut keys = Vec::new();
    collect_property_names(&SchemaName::Mapping.value(), &mut keys);
    let misspelt: Vec<String> =
        keys.iter().flat_map(|k| [k[..k.len().saturating_sub(1)].to_string(), k.to_uppercase()]).collect();
    keys.extend(misspelt);
    keys.sort();
    keys.dedup();
    keys
});

fn collect_property_names(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                out.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| collect_property_names(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_property_names(v, out)),
        _ => {}
    }
}

/// Strings near the shapes the schema checks: region and account ids a
/// character off, destination schemes, service names with a space.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,3}(-[a-z0-9]{0,3}){0,2}",
        "[0-9]{11,13}",
        "[0-9]{15,17}",
        "[0-9a-fA-F]{31,33}",
        "(acs|arn|urn|qcs|OBS|DIS)[:]?[a-z]{0,4}",
        "[A-Za-z_ ][A-Za-z0-9 _-]{0,4}",
        "(OBS|SMN|DIS|FunctionGraph|obs|Lambda)",
        Just(String::new()),
        any::<Index>().prop_map(|i| i.get(&KEYS).clone()),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => text().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i32>().prop_map(Value::from),
        1 => Just(Value::Array(Vec::new())),
        1 => Just(Value::Object(Map::new())),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Insert(String, Value),
    Rename(Index, String),
    Remove(Index),
    WrapInObject(String),
    WrapInArray,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let key = prop_oneof![any::<Index>().prop_map(|i| i.get(&KEYS).clone()), text()];
    prop_oneof![
        leaf().prop_map(Mutation::Replace),
        (key.clone(), leaf()).prop_map(|(k, v)| Mutation::Insert(k, v)),
        (any::<Index>(), key.clone()).prop_map(|(i, k)| Mutation::Rename(i, k)),
        any::<Index>().prop_map(Mutation::Remove),
        key.prop_map(Mutation::WrapInObject),
        Just(Mutation::WrapInArray),
    ]
}

/// The pointer of every value in `value`, the root first.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(v, format!("{at}/{}", escape_pointer_token(k)), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn apply(value: &mut Value, mutation: &Mutation) {
    match (value, mutation) {
        (target, Mutation::Replace(v)) => *target = v.clone(),
        (Value::Object(map), Mutation::Insert(k, v)) => {
            map.insert(k.clone(), v.clone());
        }
        (Value::Object(map), Mutation::Rename(i, new)) if !map.is_empty() => {
            let old = i.get(&map.keys().cloned().collect::<Vec<_>>()).clone();
            if let Some(v) = map.remove(&old) {
                map.insert(new.clone(), v);
            }
        }
        (Value::Object(map), Mutation::Remove(i)) if !map.is_empty() => {
            let old = i.get(&map.keys().cloned().collect::<Vec<_>>()).clone();
            map.remove(&old);
        }
        (target, Mutation::WrapInObject(k)) => {
            let inner = target.take();
            *target = Value::Object(Map::from_iter([(k.clone(), inner)]));
        }
        (target, Mutation::WrapInArray) => *target = Value::Array(vec![target.take()]),
        // Insert, rename or remove where there is no object: a new value there.
        (target, _) => *target = Value::Object(Map::new()),
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn item5_mutated_mappings_get_one_verdict_from_reader_and_schema(
        base in any::<Index>(),
        mutations in prop::collection::vec((any::<Index>(), mutation()), 1..4),
    ) {
        let mut value = base.get(&BASES).clone();
        for (at, m) in &mutations {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = at.get(&all).clone();
            if let Some(target) = value.pointer_mut(&pointer) {
                apply(target, m);
            }
        }
        if let Err(e) = one_verdict(&value) {
            return Err(TestCaseError::fail(e));
        }
    }
}
