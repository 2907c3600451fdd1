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

/// The configs of a document, in the neutral model.
fn items(v: &Value, d: Dialect) -> Vec<AsyncInvokeConfig> {
    match Document::from_value(v, d).ok().and_then(|doc| doc.to_neutral().ok()) {
        Some(NeutralDocument::Config(c)) => vec![c],
        Some(NeutralDocument::List(l)) => l.items,
        None => Vec::new(),
    }
}

/// `latest` and no qualifier mean the same function.
fn without_latest(q: &Option<Qualifier>) -> Option<Qualifier> {
    q.clone().filter(|q| *q != Qualifier::Latest)
}

fn destination(d: &Option<Destination>) -> Option<String> {
    d.as_ref().map(|d| Destination { qualifier: without_latest(&d.qualifier), ..d.clone() }.source_key())
}

fn facets(c: &AsyncInvokeConfig, d: Dialect) -> Facets {
    let spec = d.spec();
    Facets {
        age: c.max_event_age.unwrap_or(spec.max_event_age.request.default),
        retries: c.max_retry_attempts.unwrap_or(spec.retry_attempts.request.default),
        state_tracking: c.state_tracking.enabled.unwrap_or(spec.state_tracking.is_some_and(|t| t.default)),
        on_success: destination(&c.on_success),
        on_failure: destination(&c.on_failure),
        function: c
            .function
            .as_ref()
            .map(|f| format!("{:?}", FunctionRef { qualifier: without_latest(&f.qualifier), ..f.clone() })),
    }
}

/// The keys a facet is written under in `d`.
fn facet_keys(facet: &str, d: Dialect) -> Vec<String> {
    let spec = d.spec();
    let k = |f: Field| vec![d.key(f).to_string()];
    match facet {
        "age" => k(Field::MaxEventAge),
        "retries" => k(Field::RetryAttempts),
        "state_tracking" => spec.state_tracking.map(|t| t.key.to_string()).into_iter().collect(),
        "on_success" => vec![format!("{}/{}", d.key(Field::DestinationConfig), d.key(Field::OnSuccess))],
        "on_failure" => vec![format!("{}/{}", d.key(Field::DestinationConfig), d.key(Field::OnFailure))],
        _ => Dialect::ALL.iter().flat_map(|d| d.identity_keys()).map(|k| k.to_string()).collect(),
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
        Err(e) => {
            let bad = unresolved_pointers(&a, e.notes());
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
        Err(e) => {
            let bad = unresolved_pointers(&b, e.notes());
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
