//! Hover: on a key (an API key in JSON, a Terraform argument, a YAML
//! section key) what it means for that dialect; on a rule code, its docs.

use crate::documents::Document;
use crate::facts::{self, Wrapper};
use crate::position::Encoding;
use invokecfg_iac::surface::Surface;
use invokecfg_iac::{terraform, yaml};
use invokecfg_model::Dialect;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use serde_json::Value;
use std::path::Path;

/// The hover at byte `offset` of `doc`.
pub fn hover(doc: &Document, offset: usize, encoding: Encoding) -> Option<Hover> {
    let (markdown, (start, end)) = rule_code_at(&doc.text, offset).or_else(|| key_at(doc, offset))?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
        range: Some(doc.index.range(&doc.text, start, end, encoding)),
    })
}

/// The word of letters and digits around `offset`.
pub fn word_at(text: &str, offset: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let offset = offset.min(text.len());
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].char_indices().find(|(_, c)| !is_word(*c)).map_or(text.len(), |(i, _)| offset + i);
    (start, end)
}

/// A rule code under the cursor (in the config file's `select`, a comment, ...): its documentation.
fn rule_code_at(text: &str, offset: usize) -> Option<(String, (usize, usize))> {
    let (start, end) = word_at(text, offset);
    let word = text.get(start..end)?;
    let rule = invokecfg_lint::rule(word).filter(|r| r.code == word)?;
    let fixable = rule.fix_summary().map(|f| format!(" · fix: {f}")).unwrap_or_default();
    Some((
        format!("**{}** ({}) · {}{fixable}\n\n{}", rule.code, rule.name, rule.severity, rule.docs.trim_end()),
        (start, end),
    ))
}

fn key_at(doc: &Document, offset: usize) -> Option<(String, (usize, usize))> {
    let path = doc.path.as_deref().unwrap_or(Path::new("untitled.json"));
    match Surface::of(path, doc.text.as_bytes()) {
        Surface::ApiJson => json_key_at(&doc.text, offset),
        Surface::Terraform => wrapper_key_at(terraform::read(&doc.text).ok()?, offset),
        Surface::Yaml => wrapper_key_at(yaml::read(&doc.text).ok()?, offset),
        // A surface added to the iac crate later has no hover until it is given an arm here.
        _ => None,
    }
}

/// The API key whose name (or scalar value) holds `offset` in a JSON document.
fn json_key_at(text: &str, offset: usize) -> Option<(String, (usize, usize))> {
    let parsed = invokecfg_model::span::parse(text.as_bytes()).ok()?;
    let dialect = invokecfg_model::detect(&parsed.value).ok()?.dialect;
    let mut best: Option<(Vec<String>, (usize, usize))> = None;
    let mut pending = vec![(Vec::<String>::new(), &parsed.value)];
    while let Some((tokens, value)) = pending.pop() {
        let pointer: String = tokens.iter().map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1"))).collect();
        if let Some(entry) = parsed.spans.get(&pointer) {
            let scalar = !value.is_object() && !value.is_array();
            let on_key = entry.key.filter(|k| k.start.offset <= offset && offset <= k.end.offset);
            let on_value = (scalar && entry.value.start.offset <= offset && offset <= entry.value.end.offset)
                .then_some(entry.value);
            if let Some(span) = on_key.or(on_value) {
                best = Some((tokens.clone(), (span.start.offset, span.end.offset)));
            }
        }
        match value {
            Value::Object(m) => pending.extend(m.iter().map(|(k, v)| (with(&tokens, k.clone()), v))),
            Value::Array(items) => {
                pending.extend(items.iter().enumerate().map(|(i, v)| (with(&tokens, i.to_string()), v)));
            }
            _ => {}
        }
    }
    let (tokens, range) = best?;
    // A list item's index is not a key: its config's keys are.
    if tokens.last().is_none_or(|t| t.parse::<usize>().is_ok()) {
        return None;
    }
    Some((facts::key_markdown(dialect, &tokens)?, range))
}

fn with(tokens: &[String], token: String) -> Vec<String> {
    let mut out = tokens.to_vec();
    out.push(token);
    out
}

/// The argument of a Terraform resource / YAML section whose name holds `offset`.
fn wrapper_key_at(found: Vec<invokecfg_iac::Found>, offset: usize) -> Option<(String, (usize, usize))> {
    for f in found {
        let Some(wrapper) = facts::wrapper(f.wrapper) else { continue };
        for (pointer, span) in &f.spans {
            let Some(key) = span.key.clone().filter(|k| k.start <= offset && offset <= k.end) else { continue };
            let argument = wrapper.arguments.iter().find(|a| a.pointer == Some(pointer.as_str()));
            let markdown = match argument {
                Some(a) => facts::argument_markdown(&wrapper, a),
                // A block, or a key the section carries as the API spells it.
                None => block_markdown(&wrapper, pointer),
            };
            if let Some(m) = markdown {
                return Some((m, (key.start, key.end)));
            }
        }
    }
    None
}

fn block_markdown(wrapper: &Wrapper, pointer: &str) -> Option<String> {
    let dialect = wrapper.dialect.parse::<Dialect>().ok()?;
    let md = facts::key_markdown(dialect, &facts::pointer_tokens(pointer))?;
    Some(format!("`{}` → API key `{pointer}`\n\n{md}", wrapper.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Uri;

    fn doc(name: &str, text: &str) -> Document {
        let uri: Uri = format!("file:///w/{name}").parse().unwrap();
        Document::new(&uri, text.into(), 1)
    }

    fn hover_text(d: &Document, needle: &str) -> String {
        let at = d.text.find(needle).unwrap() + 2;
        match hover(d, at, Encoding::Utf16).map(|h| h.contents) {
            Some(HoverContents::Markup(m)) => m.value,
            other => panic!("no hover at {needle}: {other:?}"),
        }
    }

    #[test]
    fn hover_on_a_json_key_names_range_default_and_api() {
        let spec = Dialect::AlibabaFc3.spec();
        let key = spec.keys.max_event_age;
        let tracking = spec.state_tracking.map(|t| t.key).unwrap_or_default();
        let d = doc("c.json", &format!("{{\n  \"{tracking}\": false,\n  \"{key}\": 0\n}}"));
        let md = hover_text(&d, key);
        let r = spec.max_event_age.request;
        assert!(
            md.contains(spec.title) && md.contains(&format!("Range {}..{}, default {}", r.min, r.max, r.default)),
            "{md}"
        );
    }

    #[test]
    fn hover_on_a_rule_code_shows_its_docs() {
        let rule = &invokecfg_lint::rules()[0];
        let d = doc("invokecfg.json", &format!("{{\"select\": [\"{}\"]}}", rule.code));
        let md = hover_text(&d, rule.code);
        assert!(md.contains(rule.name) && md.contains(rule.docs.lines().next().unwrap_or("")), "{md}");
    }

    #[test]
    fn hover_on_a_terraform_argument_names_its_api_key() {
        let r = invokecfg_model::facts::terraform::ALICLOUD_FC3;
        let age_pointer = format!("/{}", invokecfg_model::Dialect::AlibabaFc3.key(invokecfg_model::Field::MaxEventAge));
        let age = r.arguments.iter().find(|a| a.pointer == Some(age_pointer.as_str())).unwrap();
        let name = age.path.join(".");
        let text = format!("resource \"{}\" \"x\" {{\n  function_name = \"f\"\n  {name} = 300\n}}\n", r.resource_type);
        let md = hover_text(&doc("main.tf", &text), &name);
        assert!(md.contains(&format!("API key `{}`", age.pointer.unwrap())), "{md}");
    }
}
