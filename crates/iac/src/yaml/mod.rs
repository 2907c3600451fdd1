//! Serverless Devs `s.yaml` and ROS templates (YAML): read the async
//! invocation config sections, with spans.

use crate::{set, Expression, Found, SourceSpan, SyntaxError};
use invokecfg_model::facts::ros;
use invokecfg_model::facts::serverless_devs::{self as sdevs, Section, Selector};
use invokecfg_model::facts::terraform::{self as terraform_facts, Argument, ValueKind};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use serde_json::{Map, Value};
use std::ops::Range;

mod write;
pub use write::*;

/// YAML 1.1's merge key, which Serverless Devs' reader (js-yaml) honours.
const MERGE_KEY: &str = "<<";

/// Where each character starts, in bytes (the parser counts characters).
struct Offsets(Vec<usize>);

impl Offsets {
    fn new(source: &str) -> Self {
        let mut v: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
        v.push(source.len());
        Offsets(v)
    }

    fn byte(&self, char_index: usize) -> usize {
        self.0.get(char_index).or(self.0.last()).copied().unwrap_or(0)
    }

    fn range(&self, node: &MarkedYaml<'_>) -> Range<usize> {
        self.byte(node.span.start.index())..self.byte(node.span.end.index())
    }
}

/// Reads every async invocation config section of a YAML file (an `s.yaml`
/// or a ROS template; other YAML has none).
pub fn read(source: &str) -> Result<Vec<Found>, SyntaxError> {
    let offsets = Offsets::new(source);
    let docs = MarkedYaml::load_from_str(source).map_err(|e| {
        let m = e.marker();
        SyntaxError {
            message: e.info().to_string(),
            line: m.line(),
            column: m.col() + 1,
            offset: offsets.byte(m.index()),
        }
    })?;
    let mut found = Vec::new();
    for doc in &docs {
        let YamlData::Mapping(top) = &doc.data else { continue };
        // Serverless Devs: `resources` (3.x) or `services` (2.x).
        for key in sdevs::RESOURCE_KEYS {
            let Some(resources) = get(top, key).and_then(mapping) else { continue };
            for (name, resource) in resources {
                let Some(props) = mapping(resource) else { continue };
                let component = get(props, sdevs::COMPONENT_KEY).and_then(scalar_str).unwrap_or_default();
                for s in sdevs::SECTIONS {
                    if let Selector::Component(names) = s.selector {
                        if names.contains(&component) {
                            let address = format!("{key}.{}", scalar_str(name).unwrap_or_default());
                            found.extend(read_section(source, &offsets, s, resource, address));
                        }
                    }
                }
            }
        }
        // ROS: `Resources.<Name>.Type`.
        if let Some(resources) = get(top, ros::RESOURCES_KEY).and_then(mapping) {
            for (name, resource) in resources {
                let Some(props) = mapping(resource) else { continue };
                let ty = get(props, ros::TYPE_KEY).and_then(scalar_str).unwrap_or_default();
                for s in ros::SECTIONS {
                    if matches!(s.selector, Selector::RosType(t) if t == ty) {
                        let address = format!("{}.{}", ros::RESOURCES_KEY, scalar_str(name).unwrap_or_default());
                        found.extend(read_section(source, &offsets, s, resource, address));
                    }
                }
            }
        }
    }
    Ok(found)
}

/// Whether `source` may hold a section [`read`] finds (a cheap test before parsing).
pub fn mentions_section(source: &str) -> bool {
    sdevs::SECTIONS.iter().chain(ros::SECTIONS).any(|s| s.path.last().is_some_and(|k| source.contains(k)))
}

fn mapping<'a, 'i>(node: &'a MarkedYaml<'i>) -> Option<&'a saphyr::AnnotatedMapping<'i, MarkedYaml<'i>>> {
    match &node.data {
        YamlData::Mapping(m) => Some(m),
        _ => None,
    }
}

fn get<'a, 'i>(m: &'a saphyr::AnnotatedMapping<'i, MarkedYaml<'i>>, key: &str) -> Option<&'a MarkedYaml<'i>> {
    m.iter().find(|(k, _)| scalar_str(k) == Some(key)).map(|(_, v)| v)
}

fn scalar_str<'a>(node: &'a MarkedYaml<'_>) -> Option<&'a str> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(s.as_ref()),
        _ => None,
    }
}

fn node_at<'a, 'i>(
    node: &'a MarkedYaml<'i>,
    path: &[&str],
) -> Option<(&'a MarkedYaml<'i>, Option<&'a MarkedYaml<'i>>)> {
    let mut at = node;
    let mut key = None;
    for p in path {
        let m = mapping(at)?;
        let (k, v) = m.iter().find(|(k, _)| scalar_str(k) == Some(p))?;
        key = Some(k);
        at = v;
    }
    Some((at, key))
}

struct Reader<'a> {
    source: &'a str,
    offsets: &'a Offsets,
    section: &'static Section,
    found: Found,
}

fn read_section(
    source: &str,
    offsets: &Offsets,
    section: &'static Section,
    resource: &MarkedYaml<'_>,
    address: String,
) -> Option<Found> {
    let (node, key) = node_at(resource, section.path)?;
    let extent = offsets.range(resource);
    let header = key.map(|k| offsets.range(k)).unwrap_or_else(|| extent.clone());
    let mut r = Reader {
        source,
        offsets,
        section,
        found: Found {
            address,
            wrapper: section.name,
            dialect: section.dialect,
            document: Value::Object(Map::new()),
            spans: Default::default(),
            expressions: Vec::new(),
            placeholders: Vec::new(),
            extent,
            header,
            unknown: Vec::new(),
            not_sent: Vec::new(),
            quoted: Vec::new(),
            comments: Vec::new(),
            function_name: None,
            fields: section.fields,
        },
    };
    for a in section.context {
        if let Some((value, key)) = node_at(resource, a.path) {
            r.leaf(a, a.pointer.unwrap_or_default().to_string(), key, value);
        }
    }
    match &node.data {
        YamlData::Mapping(_) => r.mapping(node, &mut Vec::new()),
        _ => {
            let text = r.text(offsets.range(node));
            r.found.expressions.push(Expression { pointer: String::new(), text });
        }
    }
    Some(r.found)
}

impl Reader<'_> {
    /// The source text of `range`, without the line breaks and indentation
    /// a block node's span runs on into.
    fn text(&self, range: Range<usize>) -> String {
        self.source.get(range).unwrap_or_default().trim_end().to_string()
    }

    fn mapping(&mut self, node: &MarkedYaml<'_>, path: &mut Vec<String>) {
        let Some(m) = mapping(node) else { return };
        for (k, v) in m.iter() {
            let Some(name) = scalar_str(k) else { continue };
            if name == MERGE_KEY {
                // `<<: *anchor` merges the anchored mapping's keys here.
                self.mapping(v, path);
                continue;
            }
            path.push(name.to_string());
            let names: Vec<&str> = path.iter().map(String::as_str).collect();
            match self.pointer(&names) {
                Some((pointer, Some(arg))) => self.leaf(arg, pointer, Some(k), v),
                Some((pointer, None)) => {
                    let key = Some(self.offsets.range(k));
                    let value = self.offsets.range(v);
                    self.found.spans.insert(pointer.clone(), SourceSpan { key, value });
                    if mapping(v).is_some() && !is_intrinsic(v) {
                        self.mapping(v, path);
                        // An empty mapping is an empty object in the API document (M405 notes it).
                        if self.found.document.pointer(&pointer).is_none() {
                            set(&mut self.found.document, &pointer, Value::Object(Map::new()));
                        }
                    } else if self.section.api_shaped {
                        self.value(pointer, ValueKind::String, v);
                    } else {
                        let text = self.text(self.offsets.range(v));
                        self.found.expressions.push(Expression { pointer, text });
                    }
                }
                None => self.found.unknown.push((names.join("."), self.offsets.range(k))),
            }
            path.pop();
        }
    }

    /// The pointer of the key at `path` in the section, and its field when it is a leaf.
    fn pointer(&self, path: &[&str]) -> Option<(String, Option<&'static Argument>)> {
        if let Some(a) = self.section.fields.iter().find(|a| a.path == path) {
            return Some((a.pointer.map(str::to_string).unwrap_or_default(), Some(a)));
        }
        let block = terraform_facts::block_pointer(self.section.fields, path);
        match block {
            Some(p) => Some((p, None)),
            None if self.section.api_shaped => {
                let escaped: Vec<String> = path.iter().map(|t| t.replace('~', "~0").replace('/', "~1")).collect();
                Some((format!("/{}", escaped.join("/")), None))
            }
            None => None,
        }
    }

    fn leaf(&mut self, arg: &Argument, pointer: String, key: Option<&MarkedYaml<'_>>, value: &MarkedYaml<'_>) {
        if arg.pointer.is_none() {
            // The FC 3.0 function name: the request path, not the document.
            let dialect = self.found.dialect.parse::<invokecfg_model::Dialect>();
            if let (invokecfg_model::facts::terraform::Role::FunctionNameOfArn, Ok(d)) = (arg.role, dialect) {
                let p = format!("/{}", d.key(invokecfg_model::Field::Function));
                let text = self.text(self.offsets.range(value));
                let name = match &value.data {
                    YamlData::Value(Scalar::String(s)) if !s.contains("${") => s.to_string(),
                    YamlData::Value(Scalar::String(s)) => {
                        self.found.expressions.push(Expression { pointer: p.clone(), text });
                        self.standin(s)
                    }
                    _ => {
                        self.found.expressions.push(Expression { pointer: p.clone(), text: text.clone() });
                        crate::placeholder(&mut self.found, text)
                    }
                };
                self.found.function_name = Some(name);
                let key = key.map(|k| self.offsets.range(k));
                self.found.spans.insert(p, SourceSpan { key, value: self.offsets.range(value) });
            }
            return;
        }
        let key = key.map(|k| self.offsets.range(k));
        self.found.spans.insert(pointer.clone(), SourceSpan { key, value: self.offsets.range(value) });
        self.value(pointer, arg.kind, value);
    }

    fn value(&mut self, pointer: String, kind: ValueKind, v: &MarkedYaml<'_>) {
        let text = self.text(self.offsets.range(v));
        let literal = match &v.data {
            YamlData::Value(Scalar::Null) => return,
            YamlData::Value(Scalar::Boolean(b)) => Some(Value::Bool(*b)),
            YamlData::Value(Scalar::Integer(i)) => Some(Value::from(*i)),
            YamlData::Value(Scalar::FloatingPoint(f)) => {
                serde_json::Number::from_f64(f.into_inner()).map(Value::Number)
            }
            YamlData::Value(Scalar::String(s)) if !s.contains("${") => Some(Value::String(s.to_string())),
            _ => None,
        };
        match literal {
            Some(value) => set(&mut self.found.document, &pointer, value),
            None => {
                if matches!(kind, ValueKind::String | ValueKind::JsonString) {
                    let standin = match &v.data {
                        YamlData::Value(Scalar::String(s)) => self.standin(s),
                        _ => crate::placeholder(&mut self.found, text.clone()),
                    };
                    set(&mut self.found.document, &pointer, Value::String(standin));
                }
                self.found.expressions.push(Expression { pointer, text });
            }
        }
    }

    /// `s` with one placeholder per `${...}` (Serverless Devs variables).
    fn standin(&mut self, s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("${") {
            out.push_str(&rest[..i]);
            let Some(end) = rest[i..].find('}') else { break };
            let inner = rest[i..i + end + 1].to_string();
            out.push_str(&crate::placeholder(&mut self.found, inner));
            rest = &rest[i + end + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// A ROS intrinsic function (`{"Fn::Join": ...}`, `{"Ref": ...}`): known only at deploy time.
fn is_intrinsic(node: &MarkedYaml<'_>) -> bool {
    mapping(node).is_some_and(|m| {
        m.len() == 1 && m.iter().all(|(k, _)| scalar_str(k).is_some_and(|k| k == "Ref" || k.starts_with("Fn::")))
    })
}

/// The section a rewrite to FC 3.0 writes for a section of the same family.
fn fc3_counterpart(section: &str) -> Option<&'static Section> {
    if section == sdevs::FC2_COMPONENT.name {
        Some(&sdevs::FC3_COMPONENT)
    } else if section == ros::FC_FUNCTION_ASYNC_CONFIGURATION.name {
        Some(&ros::FC3_ASYNC_INVOKE_CONFIG)
    } else {
        None
    }
}

/// Translates every FC 2.0 section of a YAML file to FC 3.0, in place: the
/// fc component's `asyncConfiguration` becomes the resource's
/// `props.asyncInvokeConfig` (where the fc3 component reads it), and an
/// `ALIYUN::FC::Function`'s `AsyncConfiguration` becomes a new
/// `ALIYUN::FC3::AsyncInvokeConfig` resource written before it. Every other
/// byte is kept. Other targets are refused: no YAML tool configures
/// FunctionGraph's async invocation ([`write_as`] writes Terraform or API JSON).
pub fn translate(
    source: &str,
    target: invokecfg_model::Dialect,
    mapping: &invokecfg_translate::Mapping,
    options: &invokecfg_translate::Options,
) -> Result<crate::terraform::Translated, crate::terraform::TranslateFileError> {
    use crate::terraform::{TranslateFileError, Translated};
    let found = read(source).map_err(TranslateFileError::Syntax)?;
    let lines = crate::Lines::new(source);
    let docs = MarkedYaml::load_from_str(source).map_err(|e| {
        let m = e.marker();
        TranslateFileError::Syntax(SyntaxError {
            message: e.info().to_string(),
            line: m.line(),
            column: m.col() + 1,
            offset: m.index(),
        })
    })?;
    let offsets = Offsets::new(source);
    // (insert at, text, remove range), in file order.
    let mut edits: Vec<(usize, String, Range<usize>)> = Vec::new();
    let mut outcomes = Vec::new();
    for f in &found {
        let counterpart = fc3_counterpart(f.wrapper).filter(|_| target == invokecfg_model::Dialect::AlibabaFc3);
        let result = match counterpart {
            None => Err(vec![invokecfg_model::Diagnostic::new(
                invokecfg_translate::codes::SOURCE_INVALID,
                invokecfg_model::Severity::Error,
                "",
                format!(
                    "{} cannot be rewritten for {}: YAML is translated from FC 2.0 to FC 3.0 only",
                    f.wrapper,
                    target.id()
                ),
            )
            .with_help("translate the API JSON instead, or the Terraform resource")]),
            Some(to) => rewrite(source, &offsets, &docs, f, to, mapping, options),
        };
        let result = result.map(|(edit, notes, address)| {
            edits.push(edit);
            (address, notes)
        });
        let outcome = crate::terraform::located(f, &lines, result);
        outcomes.push(outcome);
    }
    edits.sort_by_key(|(at, _, _)| *at);
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    for (insert, block, remove) in edits {
        if insert < at || remove.start < insert {
            continue;
        }
        text.push_str(source.get(at..insert).unwrap_or_default());
        text.push_str(&block);
        text.push_str(source.get(insert..remove.start).unwrap_or_default());
        at = remove.end;
    }
    text.push_str(source.get(at..).unwrap_or_default());
    Ok(Translated { text, outcomes })
}

type Edit = (usize, String, Range<usize>);

fn rewrite(
    source: &str,
    offsets: &Offsets,
    docs: &[MarkedYaml<'_>],
    f: &Found,
    to: &'static Section,
    mapping: &invokecfg_translate::Mapping,
    options: &invokecfg_translate::Options,
) -> Result<(Edit, Vec<invokecfg_model::Diagnostic>, String), Vec<invokecfg_model::Diagnostic>> {
    use invokecfg_model::{Dialect, Field};
    let mut c = crate::carry::translate(f, Dialect::AlibabaFc3, mapping, options, crate::carry::Syntax::Same)?;
    let missing = || {
        vec![invokecfg_model::Diagnostic::new(
            invokecfg_translate::codes::SOURCE_INVALID,
            invokecfg_model::Severity::Error,
            "",
            format!("{}: the section could not be found again", f.address),
        )]
    };
    let (top, name) = f.address.split_once('.').ok_or_else(missing)?;
    let resource = docs
        .iter()
        .filter_map(|d| mapping_of(d))
        .filter_map(|m| get(m, top).and_then(mapping_of))
        .find_map(|m| m.iter().find(|(k, _)| scalar_str(k) == Some(name)))
        .ok_or_else(missing)?;
    let (resource_key, resource_node) = resource;
    let section = section_of(f.wrapper).ok_or_else(missing)?;
    let (value, key) = node_at(resource_node, section.path).ok_or_else(missing)?;
    let key = key.ok_or_else(missing)?;
    let remove = entry_range(source, offsets.range(key).start, offsets.range(value).end);
    // s.yaml: before the props entry that holds the section; ROS: before the resource.
    let (anchor, new_address) = if to.path.len() > 1 {
        let (_, holder) = node_at(resource_node, &section.path[..2]).ok_or_else(missing)?;
        (holder.ok_or_else(missing)?, f.address.clone())
    } else {
        (resource_key, format!("{top}.{name}AsyncInvokeConfig"))
    };
    let insert = line_start(source, offsets.range(anchor).start);
    let indent = offsets.range(anchor).start - insert;
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let nl = crate::text::newline(source);
    let (what, advice) = if to.path.len() > 1 {
        (
            "the resource's component is still the fc component",
            "move the resource to the fc3 component, which reads this key",
        )
    } else {
        (
            "the function is still an ALIYUN::FC::Function",
            "move it to ALIYUN::FC3::Function; this resource configures that function",
        )
    };
    c.notes.push(crate::codes::note(crate::codes::RESOURCE_NOT_MIGRATED, "", what).with_help(advice));
    out.push_str(&format!("{pad}# invokecfg: {what}: {advice}{nl}"));
    let depth = if to.path.len() > 1 {
        out.push_str(&format!("{pad}{}:{nl}", to.path.last().copied().unwrap_or_default()));
        indent + 2
    } else {
        let ty = match to.selector {
            Selector::RosType(t) => t,
            Selector::Component(_) => "",
        };
        out.push_str(&format!("{pad}{name}AsyncInvokeConfig:{nl}"));
        out.push_str(&format!("{pad}  {}: {ty}{nl}", ros::TYPE_KEY));
        out.push_str(&format!("{pad}  DependsOn: {name}{nl}"));
        out.push_str(&format!("{pad}  {}:{nl}", to.path.first().copied().unwrap_or_default()));
        indent + 4
    };
    let mut tree: Vec<(Vec<&str>, String)> = Vec::new();
    for a in to.fields {
        let value = match (a.pointer, a.role) {
            (Some(p), _) => c.document.pointer(p).filter(|v| !v.is_null()).cloned(),
            (None, invokecfg_model::facts::terraform::Role::FunctionNameOfArn) => {
                let arn = c
                    .document
                    .pointer(&format!("/{}", Dialect::AlibabaFc3.key(Field::Function)))
                    .and_then(Value::as_str);
                let from_arn =
                    arn.and_then(|a| a.parse::<invokecfg_model::AcsArn>().ok()).and_then(|a| match a.resource {
                        invokecfg_model::AcsResource::Fc3Function { function, .. } => Some(function),
                        _ => None,
                    });
                let own = f
                    .document
                    .pointer(&format!("/{}", Dialect::AlibabaFc2.key(Field::Function)))
                    .and_then(Value::as_str);
                from_arn.or(own.map(str::to_string)).map(Value::String)
            }
            _ => None,
        };
        if let Some(v) = value {
            tree.push((a.path.to_vec(), yaml_value(&v, &f.placeholders, depth + 2 * a.path.len(), nl)));
        }
    }
    write_tree(&mut out, &tree, depth, nl);
    for (what, text) in &c.lost {
        out.push_str(&format!(
            "{}# invokecfg: `{what}` was `{}` (an expression): write the alibaba-fc3 value by hand{nl}",
            " ".repeat(depth),
            crate::text::one_line(text)
        ));
    }
    crate::carry::expression_notes(f, &mut c, &out, to.name, Dialect::AlibabaFc3);
    // Keys the section does not define leave with it: named, never silently.
    for (name, _) in &f.unknown {
        c.notes.push(
            invokecfg_model::Diagnostic::new(
                invokecfg_translate::codes::UNKNOWN_KEY_DROPPED,
                invokecfg_translate::codes::severity(invokecfg_translate::codes::UNKNOWN_KEY_DROPPED),
                "",
                format!("`{name}` is not a key of {}: not carried to {}", f.wrapper, to.name),
            )
            .with_help("`invokecfg lint` names the key it may have meant"),
        );
    }
    Ok(((insert, out, remove), c.notes, new_address))
}
