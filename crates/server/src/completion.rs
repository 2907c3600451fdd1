//! Completion: the keys (Terraform arguments, YAML section keys) valid at
//! the cursor for the document's dialect, and enumerated values. Read from
//! the text before the cursor, which need not parse (it is being typed).

use crate::documents::Document;
use crate::facts::{self, Wrapper};
use invokecfg_iac::surface::Surface;
use invokecfg_model::facts::serverless_devs::Selector;
use invokecfg_model::Dialect;
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};
use std::path::Path;

/// Where the cursor is: naming a key under `path`, or giving `key`'s value.
#[derive(Debug, PartialEq)]
enum Slot {
    Key,
    Value(String),
}

/// The completion items at byte `offset` of `doc`.
pub fn complete(doc: &Document, offset: usize) -> Vec<CompletionItem> {
    let offset = offset.min(doc.text.len());
    let before = doc.text.get(..offset).unwrap_or("");
    let path = doc.path.as_deref().unwrap_or(Path::new("untitled.json"));
    match Surface::of(path, doc.text.as_bytes()) {
        Surface::ApiJson => json_items(&doc.text, before),
        Surface::Terraform => terraform_context(before).map(|(w, blocks, slot)| wrapper_items(&w, &blocks, &slot)),
        Surface::Yaml => yaml_context(before).map(|(w, blocks, slot)| wrapper_items(&w, &blocks, &slot)),
        // A surface added to the iac crate later offers no completion until it is given an arm here.
        _ => None,
    }
    .unwrap_or_default()
}

fn markdown(text: String) -> Option<Documentation> {
    Some(Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value: text }))
}

// --- API JSON ---

struct JsonContext {
    /// Keys of the enclosing containers (array items as `0`).
    path: Vec<String>,
    slot: Slot,
    /// The cursor is inside a string (the quotes are typed).
    in_string: bool,
}

fn json_items(text: &str, before: &str) -> Option<Vec<CompletionItem>> {
    let cx = json_context(before)?;
    let mut items = Vec::new();
    for dialect in json_dialects(text) {
        match &cx.slot {
            Slot::Key => {
                for (key, node) in facts::object_keys(dialect, &cx.path) {
                    if items.iter().any(|i: &CompletionItem| i.label == key) || key.starts_with('$') {
                        continue;
                    }
                    let insert = if cx.in_string { key.clone() } else { format!("\"{key}\": ") };
                    let tokens: Vec<String> = cx.path.iter().cloned().chain([key.clone()]).collect();
                    items.push(CompletionItem {
                        label: key.clone(),
                        kind: Some(CompletionItemKind::PROPERTY),
                        detail: Some(dialect.spec().title.into()),
                        documentation: markdown(
                            facts::key_markdown(dialect, &tokens)
                                .or_else(|| facts::description(&node))
                                .unwrap_or_default(),
                        ),
                        insert_text: Some(insert),
                        filter_text: Some(key),
                        ..CompletionItem::default()
                    });
                }
            }
            Slot::Value(key) => {
                let tokens: Vec<String> = cx.path.iter().cloned().chain([key.clone()]).collect();
                let Some(node) = facts::schema_node(dialect, &tokens) else { continue };
                for v in facts::enumerated(&node) {
                    let label = facts::plain(&v);
                    if items.iter().any(|i: &CompletionItem| i.label == label) {
                        continue;
                    }
                    let insert = if cx.in_string { label.clone() } else { v.to_string() };
                    items.push(value_item(label, insert, facts::description(&node)));
                }
            }
        }
    }
    Some(items)
}

fn value_item(label: String, insert: String, description: Option<String>) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(CompletionItemKind::ENUM_MEMBER),
        documentation: description.and_then(markdown),
        insert_text: Some(insert),
        ..CompletionItem::default()
    }
}

/// The dialects a JSON document may be: the detected one when it parses,
/// else those whose keys it spells most, else all.
fn json_dialects(text: &str) -> Vec<Dialect> {
    if let Ok(parsed) = invokecfg_model::span::parse(text.as_bytes()) {
        if let Ok(d) = invokecfg_model::detect(&parsed.value) {
            return vec![d.dialect];
        }
    }
    let score = |d: &Dialect| d.spec().config_keys.iter().filter(|k| text.contains(&format!("\"{k}\""))).count();
    let best = Dialect::ALL.iter().map(score).max().unwrap_or(0);
    Dialect::ALL.iter().copied().filter(|d| best == 0 || score(d) == best).collect()
}

/// Reads the JSON text before the cursor: the enclosing keys and the slot.
fn json_context(before: &str) -> Option<JsonContext> {
    // Each open container: whether it is an object, and the key it is the value of.
    let mut stack: Vec<(bool, Option<String>)> = Vec::new();
    let mut key: Option<String> = None;
    let mut after_colon = false;
    let mut chars = before.char_indices().peekable();
    let mut in_string = false;
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => {
                let mut s = String::new();
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        c => s.push(c),
                    }
                }
                if !closed {
                    in_string = true;
                } else if !after_colon {
                    key = Some(s);
                }
            }
            ':' => after_colon = true,
            '{' | '[' => {
                let name = match stack.last() {
                    Some((true, _)) => key.take(),
                    Some((false, _)) => Some("0".into()),
                    None => None,
                };
                stack.push((c == '{', name));
                after_colon = false;
            }
            '}' | ']' => {
                stack.pop();
                after_colon = false;
                key = None;
            }
            ',' => {
                after_colon = false;
                key = None;
            }
            _ => {}
        }
    }
    let (is_object, _) = stack.last()?;
    if !is_object {
        return None;
    }
    let path = stack.iter().skip(1).filter_map(|(_, k)| k.clone()).collect();
    let slot = match (after_colon, key) {
        (true, Some(k)) => Slot::Value(k),
        _ => Slot::Key,
    };
    Some(JsonContext { path, slot, in_string })
}

// --- Terraform and YAML: the wrapper's argument table ---

/// The arguments (or nested blocks) of `wrapper` directly under `blocks`, or
/// the enumerated values of the argument being given.
fn wrapper_items(wrapper: &Wrapper, blocks: &[String], slot: &Slot) -> Vec<CompletionItem> {
    let under = |a: &&invokecfg_model::facts::terraform::Argument| {
        a.path.len() > blocks.len() && a.path.iter().zip(blocks).all(|(p, b)| p == b)
    };
    let mut items: Vec<CompletionItem> = Vec::new();
    for a in wrapper.arguments.iter().filter(under) {
        let name = a.path[blocks.len()];
        let leaf = a.path.len() == blocks.len() + 1;
        match slot {
            Slot::Key if !items.iter().any(|i| i.label == name) => {
                let (kind, insert) = match (leaf, wrapper.terraform) {
                    (true, true) => (CompletionItemKind::PROPERTY, format!("{name} = ")),
                    (true, false) => (CompletionItemKind::PROPERTY, format!("{name}: ")),
                    (false, true) => (CompletionItemKind::STRUCT, format!("{name} {{")),
                    (false, false) => (CompletionItemKind::STRUCT, format!("{name}:")),
                };
                items.push(CompletionItem {
                    label: name.into(),
                    kind: Some(kind),
                    detail: Some(wrapper.name.into()),
                    documentation: if leaf { facts::argument_markdown(wrapper, a).and_then(markdown) } else { None },
                    insert_text: Some(insert),
                    ..CompletionItem::default()
                });
            }
            Slot::Value(key) if leaf && name == key => {
                let node = a
                    .pointer
                    .zip(wrapper.dialect.parse::<Dialect>().ok())
                    .and_then(|(p, d)| facts::schema_node(d, &facts::pointer_tokens(p)));
                let mut values = node.as_ref().map(facts::enumerated).unwrap_or_default();
                if values.is_empty() {
                    values = facts::enumerated_kind(a.kind);
                }
                for v in values {
                    let label = facts::plain(&v);
                    let insert = if wrapper.terraform { v.to_string() } else { label.clone() };
                    items.push(value_item(label, insert, node.as_ref().and_then(facts::description)));
                }
            }
            _ => {}
        }
    }
    items
}

/// Whether a line of text (after its key) names an assignment or mapping value.
fn value_slot(line: &str, separator: char) -> Option<Slot> {
    let (name, _) = line.split_once(separator)?;
    let name = name.trim().trim_start_matches("- ").trim_matches('"');
    (!name.is_empty()).then(|| Slot::Value(name.to_string()))
}

/// The Terraform resource and block path at the end of `before`.
fn terraform_context(before: &str) -> Option<(Wrapper, Vec<String>, Slot)> {
    let mut stack: Vec<String> = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut chars = before.chars().peekable();
    let mut word = String::new();
    while let Some(c) = chars.next() {
        match c {
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                header.clear();
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => s.push(c),
                    }
                }
                header.push(s);
            }
            '{' => {
                if !word.is_empty() {
                    header.push(std::mem::take(&mut word));
                }
                stack.push(header.join(" "));
                header.clear();
            }
            '}' => {
                stack.pop();
                header.clear();
            }
            '\n' | '=' => {
                word.clear();
                header.clear();
            }
            c if c.is_alphanumeric() || c == '_' || c == '-' => word.push(c),
            _ => {
                if !word.is_empty() {
                    header.push(std::mem::take(&mut word));
                }
            }
        }
    }
    // The outermost block: `resource TYPE NAME`.
    let top = stack.first()?;
    let mut words = top.split(' ');
    if words.next() != Some("resource") {
        return None;
    }
    let wrapper = facts::wrapper(words.next()?)?;
    let blocks = stack[1..].iter().map(|b| b.split(' ').next().unwrap_or("").to_string()).collect();
    let line = before.rsplit('\n').next().unwrap_or("");
    Some((wrapper, blocks, value_slot(line, '=').unwrap_or(Slot::Key)))
}

/// The YAML section and key path at the end of `before`, by indentation.
fn yaml_context(before: &str) -> Option<(Wrapper, Vec<String>, Slot)> {
    let mut lines: Vec<&str> = before.split('\n').collect();
    let current = lines.pop()?;
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let key =
        |l: &str| l.trim().trim_start_matches("- ").split(':').next().map(|k| k.trim().trim_matches('"').to_string());
    // The ancestors: each earlier line less indented than everything after it.
    let mut ancestors: Vec<(usize, usize)> = Vec::new();
    let mut limit = indent(current);
    for (i, l) in lines.iter().enumerate().rev() {
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent(l) < limit {
            ancestors.push((i, indent(l)));
            limit = indent(l);
        }
    }
    ancestors.reverse();
    let keys: Vec<String> = ancestors.iter().filter_map(|(i, _)| key(lines[*i])).collect();
    for wrapper in facts::yaml_sections() {
        let n = wrapper.path.len();
        // The section path, under a named resource, somewhere in the ancestors.
        for start in 1..(keys.len() + 1).saturating_sub(n) {
            if keys[start..start + n].iter().zip(wrapper.path).all(|(k, p)| k == p) {
                let resource = ancestors[start - 1].0;
                if selected(&lines, resource, wrapper.selector) {
                    let blocks = keys[start + n..].to_vec();
                    return Some((wrapper, blocks, value_slot(current, ':').unwrap_or(Slot::Key)));
                }
            }
        }
    }
    None
}

/// Whether the resource at line `resource` is one `selector` picks: its
/// `component` (s.yaml) or `Type` (ROS) among the lines under it.
fn selected(lines: &[&str], resource: usize, selector: Option<Selector>) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let base = indent(lines[resource]);
    let (wanted_key, accepted): (&str, Vec<&str>) = match selector {
        Some(Selector::Component(names)) => (invokecfg_model::facts::serverless_devs::COMPONENT_KEY, names.to_vec()),
        Some(Selector::RosType(t)) => (invokecfg_model::facts::ros::TYPE_KEY, vec![t]),
        None => return false,
    };
    for l in lines.iter().skip(resource + 1) {
        if !l.trim().is_empty() && indent(l) <= base {
            break;
        }
        if let Some((k, v)) = l.trim().split_once(':') {
            if k.trim() == wanted_key {
                let v = v.trim().trim_matches(['"', '\'']);
                return accepted.contains(&v);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use invokecfg_model::facts::terraform;
    use lsp_types::Uri;

    /// The labels offered where `|` stands in `text`.
    fn labels(name: &str, text: &str) -> Vec<String> {
        let at = text.find('|').unwrap();
        let uri: Uri = format!("file:///w/{name}").parse().unwrap();
        let doc = Document::new(&uri, text.replace('|', ""), 1);
        complete(&doc, at).into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn json_keys_of_the_detected_dialect_and_enumerated_values() {
        let spec = Dialect::Huawei.spec();
        let keys = labels("c.json", &format!("{{\"{}\": 3, \"|", spec.keys.retry_attempts));
        assert!(keys.iter().any(|k| k == spec.keys.max_event_age), "{keys:?}");
        assert!(!keys.iter().any(|k| k == Dialect::AlibabaFc3.spec().keys.max_event_age), "{keys:?}");
        // Inside a destination side: its keys; after a kind key: the kinds.
        let (dc, side) = (spec.keys.destination_config, spec.keys.on_failure);
        let inner = labels("c.json", &format!("{{\"{}\": 3, \"{dc}\": {{\"{side}\": {{|", spec.keys.retry_attempts));
        let kind_key = inner.first().cloned().unwrap_or_default();
        assert!(!inner.is_empty() && !inner.iter().any(|k| k == spec.keys.max_event_age), "{inner:?}");
        let kinds = labels("c.json", &format!("{{\"{dc}\": {{\"{side}\": {{\"{kind_key}\": |"));
        assert!(kinds.len() >= 4, "{kind_key}: {kinds:?}");
        let tracking = spec.state_tracking.map(|t| t.key).unwrap_or_default();
        assert_eq!(labels("c.json", &format!("{{\"{tracking}\": |")), ["true", "false"]);
    }

    #[test]
    fn terraform_arguments_valid_in_the_block() {
        let r = terraform::ALICLOUD_FC3;
        let top = labels("main.tf", &format!("resource \"{}\" \"x\" {{\n  |\n}}\n", r.resource_type));
        let age_pointer = format!("/{}", invokecfg_model::Dialect::AlibabaFc3.key(invokecfg_model::Field::MaxEventAge));
        let age = r.arguments.iter().find(|a| a.pointer == Some(age_pointer.as_str())).map(|a| a.path.join("."));
        assert!(
            top.iter().any(|l| Some(l) == age.as_ref()) && top.iter().any(|l| l == "destination_config"),
            "{top:?}"
        );
        let inner = labels(
            "main.tf",
            &format!("resource \"{}\" \"x\" {{\n  destination_config {{\n    on_success {{\n      |", r.resource_type),
        );
        assert_eq!(inner, ["destination"]);
        let bools = labels("main.tf", &format!("resource \"{}\" \"x\" {{\n  async_task = |", r.resource_type));
        assert_eq!(bools, ["true", "false"]);
        assert!(labels("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  |").is_empty());
    }

    #[test]
    fn yaml_section_keys_under_the_selected_component() {
        let text = "resources:\n  process:\n    component: fc3\n    props:\n      asyncInvokeConfig:\n        |";
        let keys = labels("s.yaml", text);
        assert!(
            keys.iter().any(|k| k == invokecfg_model::Dialect::AlibabaFc3.key(invokecfg_model::Field::RetryAttempts))
                && keys.iter().any(|k| k == "destinationConfig"),
            "{keys:?}"
        );
        let other = text.replace("fc3", "fc-other");
        assert!(labels("s.yaml", &other).is_empty());
    }
}
