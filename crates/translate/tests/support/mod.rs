//! Checks of the two laws of issue "Translator integrity", shared by the
//! property tests (generated documents and mappings) and the fixture
//! differential test:
//!
//! (a) every note's pointer resolves in the document it is about;
//! (b) A -> B -> A returns the effective input, or every difference is named
//!     by a note of the forward or the backward pass.

#![allow(dead_code)]

use invokecfg_model::*;
use invokecfg_translate::*;
use serde_json::Value;

/// Law (a): the pointers of `notes` that do not resolve in `source`.
pub fn unresolved_pointers(source: &Value, notes: &[Diagnostic]) -> Vec<String> {
    notes
        .iter()
        .filter(|n| source.pointer(&n.pointer).is_none())
        .map(|n| format!("{} at {:?}", n.code, n.pointer))
        .collect()
}

/// What a config means, facet by facet, in its own dialect.
#[derive(Debug, Clone, PartialEq)]
struct Facets {
    age: i64,
    retries: i64,
    state_tracking: bool,
    on_success: Option<String>,
    on_failure: Option<String>,
    function: Option<String>,
}

const IDENTITY_KEYS: &[&str] =
    &["service", "function", "qualifier", "functionArn", "func_urn", "serviceName", "functionName"];

fn items(v: &Value, d: Dialect) -> Vec<Value> {
    match v.get(d.key(Field::ListItems)) {
        Some(Value::Array(items)) => items.clone(),
        _ => vec![v.clone()],
    }
}

fn range(d: Dialect, f: Field) -> facts::IntRange {
    use facts::{alibaba, huawei};
    match (d.is_alibaba(), f) {
        (true, Field::MaxEventAge) => alibaba::MAX_EVENT_AGE,
        (true, _) => alibaba::RETRY_ATTEMPTS,
        (false, Field::MaxEventAge) => huawei::MAX_EVENT_AGE,
        (false, _) => huawei::RETRY_ATTEMPTS,
    }
}

fn destination(v: &Value, d: Dialect, slot: Field) -> Option<String> {
    let s = &v[d.key(Field::DestinationConfig)][d.key(slot)];
    if d.is_alibaba() {
        let mut arn: AcsArn = s["destination"].as_str()?.parse().ok()?;
        // `LATEST` and no qualifier mean the same function.
        if let AcsResource::Fc2Function { qualifier, .. } | AcsResource::Fc3Function { qualifier, .. } =
            &mut arn.resource
        {
            if qualifier.as_deref() == Some(facts::alibaba::LATEST) {
                *qualifier = None;
            }
        }
        Some(arn.to_string())
    } else {
        let kind: DestinationKind = s["destination"].as_str()?.parse().ok()?;
        let mut p = DestinationParam::parse(kind, s["param"].as_str()?).ok()?;
        if let DestinationParam::FunctionGraph(f) = &mut p {
            f.func_urn.qualifier.get_or_insert(Qualifier::Latest);
        }
        Some(p.to_json_string())
    }
}

fn function(v: &Value, d: Dialect) -> Option<String> {
    let s = |k: &str| v.get(k).and_then(Value::as_str);
    match d {
        Dialect::Huawei => {
            let u: FunctionUrn = s("func_urn")?.parse().ok()?;
            Some(FunctionUrn { qualifier: Some(u.qualifier.unwrap_or(Qualifier::Latest)), ..u }.to_string())
        }
        _ => {
            let q = s("qualifier").filter(|q| *q != facts::alibaba::LATEST);
            let named = [s("functionArn"), s("service").or(s("serviceName")), s("function").or(s("functionName"))];
            named.iter().any(Option::is_some).then(|| format!("{named:?} {q:?}"))
        }
    }
}

fn facets(v: &Value, d: Dialect) -> Facets {
    let int = |f: Field| v.get(d.key(f)).and_then(Value::as_i64).unwrap_or(range(d, f).default);
    Facets {
        age: int(Field::MaxEventAge),
        retries: int(Field::RetryAttempts),
        state_tracking: v.get(d.key(Field::AsyncTask)).and_then(Value::as_bool).unwrap_or(false),
        on_success: destination(v, d, Field::OnSuccess),
        on_failure: destination(v, d, Field::OnFailure),
        function: function(v, d),
    }
}

/// The keys a facet is written under in `d`.
fn facet_keys(facet: &str, d: Dialect) -> Vec<String> {
    let k = |f: Field| vec![d.key(f).to_string()];
    match facet {
        "age" => k(Field::MaxEventAge),
        "retries" => k(Field::RetryAttempts),
        "state_tracking" => k(Field::AsyncTask),
        "on_success" => vec![format!("{}/{}", d.key(Field::DestinationConfig), d.key(Field::OnSuccess))],
        "on_failure" => vec![format!("{}/{}", d.key(Field::DestinationConfig), d.key(Field::OnFailure))],
        _ => IDENTITY_KEYS.iter().map(|k| k.to_string()).collect(),
    }
}

/// Whether `n` (about a document of dialect `d`) names facet `facet` of item `item`.
fn names(n: &Diagnostic, d: Dialect, item: &str, facet: &str) -> bool {
    let keys = facet_keys(facet, d);
    let at_key = keys.iter().any(|k| n.pointer.starts_with(&format!("{item}/{k}")));
    // A note about an omitted field or a whole item points at the item and names the field.
    let about_item = n.pointer == item || n.pointer.is_empty();
    let mentions = keys.iter().any(|k| n.message.contains(k.rsplit('/').next().unwrap_or(k)))
        || (facet == "function" && (n.message.contains("function") || n.message.contains("service")));
    at_key || (about_item && mentions)
}

/// Law (b) for one round trip: the differences not named by any note.
pub fn unnamed_differences(
    a: &Value,
    da: Dialect,
    forward: &[Diagnostic],
    b: &Value,
    db: Dialect,
    back_value: &Value,
    backward: &[Diagnostic],
) -> Vec<String> {
    let _ = b;
    let (before, after) = (items(a, da), items(back_value, da));
    let mut out = Vec::new();
    if before.len() != after.len() {
        out.push(format!("{} items became {}", before.len(), after.len()));
        return out;
    }
    let is_list = a.get(da.key(Field::ListItems)).is_some();
    for (i, (x, y)) in before.iter().zip(&after).enumerate() {
        let (fx, fy) = (facets(x, da), facets(y, da));
        let item_a = if is_list { format!("/{}/{i}", da.key(Field::ListItems)) } else { String::new() };
        let item_b = if is_list { format!("/{}/{i}", db.key(Field::ListItems)) } else { String::new() };
        let diffs: [(&str, bool); 6] = [
            ("age", fx.age != fy.age),
            ("retries", fx.retries != fy.retries),
            ("state_tracking", fx.state_tracking != fy.state_tracking),
            ("on_success", fx.on_success != fy.on_success),
            ("on_failure", fx.on_failure != fy.on_failure),
            ("function", fx.function != fy.function),
        ];
        for (facet, differs) in diffs {
            if !differs {
                continue;
            }
            let named = forward.iter().any(|n| names(n, da, &item_a, facet))
                || backward.iter().any(|n| names(n, db, &item_b, facet));
            if !named {
                out.push(format!("item {i}: {facet} {fx:?} -> {fy:?}"));
            }
        }
    }
    out
}

/// Runs A -> B -> A and checks both laws; `Err` describes a violation.
/// Refused translations are fine (they change nothing silently).
pub fn check_round_trip(doc: &Document, target: Dialect, mapping: &Mapping, options: &Options) -> Result<(), String> {
    let source = doc.dialect();
    let a = doc.to_value();
    let forward = match translate(doc, target, mapping, options) {
        Ok(t) => t,
        Err(TranslateError::Refused { notes }) => {
            let bad = unresolved_pointers(&a, &notes);
            return if bad.is_empty() { Ok(()) } else { Err(format!("{source} -> {target} (refused): {bad:?}")) };
        }
    };
    let bad = unresolved_pointers(&a, &forward.notes);
    if !bad.is_empty() {
        return Err(format!("{source} -> {target}: pointers not in the source: {bad:?}"));
    }
    let b = forward.document.to_value();
    let back = match translate(&forward.document, source, mapping, options) {
        Ok(t) => t,
        Err(TranslateError::Refused { notes }) => {
            let bad = unresolved_pointers(&b, &notes);
            return if bad.is_empty() { Ok(()) } else { Err(format!("{target} -> {source} (refused): {bad:?}")) };
        }
    };
    let bad = unresolved_pointers(&b, &back.notes);
    if !bad.is_empty() {
        return Err(format!("{target} -> {source}: pointers not in the source: {bad:?}"));
    }
    let back_value = back.document.to_value();
    let unnamed = unnamed_differences(&a, source, &forward.notes, &b, target, &back_value, &back.notes);
    if unnamed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{source} -> {target} -> {source} changed without a note: {unnamed:?}\nA: {a}\nB: {b}\nA': {back_value}\nforward: {:?}\nbackward: {:?}",
            forward.notes.iter().map(|n| format!("{} {} {}", n.code, n.pointer, n.message)).collect::<Vec<_>>(),
            back.notes.iter().map(|n| format!("{} {} {}", n.code, n.pointer, n.message)).collect::<Vec<_>>()
        ))
    }
}
