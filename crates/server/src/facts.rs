//! What hover and completion say about a key: read from the model's facts
//! (the dialect specs, the Terraform / YAML argument tables) and the
//! embedded JSON Schemas (their descriptions; `crates/model/tests`
//! holds them to the facts).

use invokecfg_model::facts::terraform::{Argument, ValueKind};
use invokecfg_model::facts::{ros, serverless_devs, terraform, IntRange};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::Dialect;
use serde_json::Value;

/// A wrapper around an API document: a Terraform resource type or a YAML section.
#[derive(Debug, Clone, Copy)]
pub struct Wrapper {
    /// How its resource is recognised (YAML sections; Terraform: by the resource type).
    pub selector: Option<serverless_devs::Selector>,
    /// Its name for people (`alicloud_fcv3_async_invoke_config`, `fc3 component asyncInvokeConfig`).
    pub name: &'static str,
    /// Terraform (arguments in snake case) or YAML.
    pub terraform: bool,
    pub dialect: &'static str,
    /// From the resource to the section (YAML).
    pub path: &'static [&'static str],
    pub arguments: &'static [Argument],
}

/// The wrapper called `name` (a `Found::wrapper`).
pub fn wrapper(name: &str) -> Option<Wrapper> {
    if let Some(r) = terraform::resource(name) {
        return Some(Wrapper {
            selector: None,
            path: &[],
            name: r.resource_type,
            terraform: true,
            dialect: r.dialect,
            arguments: r.arguments,
        });
    }
    yaml_sections().find(|s| s.name == name)
}

/// The YAML sections (Serverless Devs, ROS).
pub fn yaml_sections() -> impl Iterator<Item = Wrapper> {
    serverless_devs::SECTIONS.iter().chain(ros::SECTIONS).map(|s| Wrapper {
        selector: Some(s.selector),
        path: s.path,
        name: s.name,
        terraform: false,
        dialect: s.dialect,
        arguments: s.fields,
    })
}

/// The schema node of a JSON pointer's tokens in `dialect`'s schema (array
/// indices step into items; `oneOf` members are searched).
pub fn schema_node(dialect: Dialect, tokens: &[String]) -> Option<Value> {
    let root = SchemaName::for_dialect(dialect).value();
    let mut node = resolve(&root, &root);
    for token in tokens {
        node = child(&root, &node, token)?;
    }
    Some(node)
}

/// The keys an object at `tokens` may hold, with their schema nodes, in the schema's order.
pub fn object_keys(dialect: Dialect, tokens: &[String]) -> Vec<(String, Value)> {
    let root = SchemaName::for_dialect(dialect).value();
    let Some(node) = schema_node(dialect, tokens) else { return Vec::new() };
    let mut out = Vec::new();
    for member in alternatives(&root, &node) {
        if let Some(Value::Object(props)) = member.get("properties") {
            for (k, v) in props {
                if !out.iter().any(|(seen, _): &(String, Value)| seen == k) {
                    out.push((k.clone(), resolve(&root, v)));
                }
            }
        }
    }
    out
}

/// `node` with its `$ref` followed (its own `description` kept over the target's).
fn resolve(root: &Value, node: &Value) -> Value {
    let Some(target) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) else {
        return node.clone();
    };
    let Some(Value::Object(mut merged)) = root.pointer(target).map(|t| resolve(root, t)) else { return node.clone() };
    if let Value::Object(own) = node {
        for (k, v) in own.iter().filter(|(k, _)| *k != "$ref") {
            merged.insert(k.clone(), v.clone());
        }
    }
    Value::Object(merged)
}

/// The node and its `oneOf` / `anyOf` members, each resolved.
fn alternatives(root: &Value, node: &Value) -> Vec<Value> {
    let mut out = vec![node.clone()];
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(members)) = node.get(key) {
            out.extend(members.iter().map(|m| resolve(root, m)));
        }
    }
    out
}

fn child(root: &Value, node: &Value, token: &str) -> Option<Value> {
    for member in alternatives(root, node) {
        if let Some(v) = member.get("properties").and_then(|p| p.get(token)) {
            return Some(resolve(root, v));
        }
        if token.parse::<usize>().is_ok() {
            if let Some(items) = member.get("items") {
                return Some(resolve(root, items));
            }
        }
    }
    None
}

/// The accepted range of the value at `tokens` from the dialect's spec, for
/// the two numeric fields every dialect has.
pub fn spec_range(dialect: Dialect, key: &str) -> Option<IntRange> {
    let spec = dialect.spec();
    if key == spec.keys.max_event_age {
        Some(spec.max_event_age.request)
    } else if key == spec.keys.retry_attempts {
        Some(spec.retry_attempts.request)
    } else {
        None
    }
}

/// The values a schema node enumerates (`enum`, `true`/`false` for booleans).
pub fn enumerated(node: &Value) -> Vec<Value> {
    if let Some(Value::Array(values)) = node.get("enum") {
        return values.iter().filter(|v| !v.is_null()).cloned().collect();
    }
    let boolean = match node.get("type") {
        Some(Value::String(t)) => t == "boolean",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "boolean"),
        _ => false,
    };
    if boolean {
        vec![Value::Bool(true), Value::Bool(false)]
    } else {
        Vec::new()
    }
}

/// The values an argument of `kind` enumerates.
pub fn enumerated_kind(kind: ValueKind) -> Vec<Value> {
    match kind {
        ValueKind::Bool => vec![Value::Bool(true), Value::Bool(false)],
        _ => Vec::new(),
    }
}

/// The Markdown that documents the API key at `tokens` of a `dialect` document.
pub fn key_markdown(dialect: Dialect, tokens: &[String]) -> Option<String> {
    let key = tokens.last()?;
    let node = schema_node(dialect, tokens)?;
    let spec = dialect.spec();
    let mut out = format!("**`{key}`** · {}\n", spec.title);
    if let Some(d) = node.get("description").and_then(Value::as_str) {
        out.push_str(&format!("\n{d}\n"));
    }
    match spec_range(dialect, key) {
        Some(r) => out.push_str(&format!("\nRange {}..{}, default {}.\n", r.min, r.max, r.default)),
        None => {
            if let Some(d) = node.get("default") {
                out.push_str(&format!("\nDefault `{d}`.\n"));
            }
        }
    }
    let values = enumerated(&node);
    if node.get("enum").is_some() && !values.is_empty() {
        let list: Vec<String> = values.iter().map(|v| format!("`{}`", plain(v))).collect();
        out.push_str(&format!("\nOne of {}.\n", list.join(", ")));
    }
    Some(out)
}

/// The Markdown for an argument of a wrapper: its API key's documentation,
/// the API key it sets, and what the wrapper itself validates.
pub fn argument_markdown(wrapper: &Wrapper, argument: &Argument) -> Option<String> {
    let name = argument.path.join(".");
    let dialect = wrapper.dialect.parse::<Dialect>().ok()?;
    let Some(pointer) = argument.pointer else {
        return Some(format!(
            "**`{name}`** · `{}`\n\nNot part of the API document: {:?}.\n",
            wrapper.name, argument.role
        ));
    };
    let tokens = pointer_tokens(pointer);
    let mut out = format!("**`{name}`** · `{}` → API key `{pointer}`\n\n", wrapper.name);
    out.push_str(&key_markdown(dialect, &tokens).unwrap_or_default());
    if let Some(r) = argument.validated {
        let what = if wrapper.terraform { "The provider validates" } else { "The wrapper accepts" };
        out.push_str(&format!("\n{what} {}..{}.\n", r.min, r.max));
    }
    if let Some(d) = argument.default {
        out.push_str(&format!("\nThe wrapper's default: {d}.\n"));
    }
    if argument.required {
        out.push_str("\nRequired.\n");
    }
    Some(out)
}

/// A JSON pointer's unescaped tokens.
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(invokecfg_model::document::unescape_pointer_token).collect()
}

/// A value as it is typed (strings without quotes).
pub fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The description of a schema node, for completion items.
pub fn description(node: &Value) -> Option<String> {
    node.get("description").and_then(Value::as_str).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(p: &str) -> Vec<String> {
        pointer_tokens(p)
    }

    #[test]
    fn keys_come_from_the_schema_and_ranges_from_the_spec() {
        let spec = Dialect::AlibabaFc3.spec();
        let keys: Vec<String> = object_keys(Dialect::AlibabaFc3, &[]).into_iter().map(|(k, _)| k).collect();
        assert!(keys.iter().any(|k| k == spec.keys.max_event_age), "{keys:?}");
        let md = key_markdown(Dialect::AlibabaFc3, &tokens(&format!("/{}", spec.keys.max_event_age))).unwrap();
        let r = spec.max_event_age.request;
        assert!(md.contains(&format!("Range {}..{}, default {}", r.min, r.max, r.default)), "{md}");
        // A list document's item is the config.
        let list = spec.list.items;
        assert!(schema_node(Dialect::AlibabaFc3, &tokens(&format!("/{list}/0/{}", spec.keys.retry_attempts))).is_some());
    }

    #[test]
    fn huawei_destination_kinds_are_enumerated() {
        let spec = Dialect::Huawei.spec();
        let side = tokens(&format!("/{}/{}", spec.keys.destination_config, spec.keys.on_success));
        let keys = object_keys(Dialect::Huawei, &side);
        let (_, kind) = keys.iter().find(|(k, n)| n.get("enum").is_some() && !k.is_empty()).expect("an enumerated key");
        assert!(enumerated(kind).len() >= 4, "{kind}");
    }

    #[test]
    fn every_wrapper_argument_with_a_pointer_is_documented() {
        for w in terraform::RESOURCES.iter().filter_map(|r| wrapper(r.resource_type)).chain(yaml_sections()) {
            for a in w.arguments.iter().filter(|a| a.pointer.is_some()) {
                let md = argument_markdown(&w, a).unwrap_or_default();
                assert!(md.contains("API key"), "{} {:?}: {md}", w.name, a.path);
            }
        }
    }
}
