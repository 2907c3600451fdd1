//! Serverless Devs `s.yaml` and ROS templates (YAML): read the async
//! invocation config sections, with spans.

use crate::{set, Expression, Found, SourceSpan, SyntaxError};
use invokecfg_model::facts::ros;
use invokecfg_model::facts::serverless_devs::{self as sdevs, Section, Selector};
use invokecfg_model::facts::terraform::{self as terraform_facts, Argument, ValueKind};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use serde_json::{Map, Value};
use std::ops::Range;

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
            fields: section.fields,
        },
    };
    for a in section.context {
        if let (Some(pointer), Some((value, key))) = (a.pointer, node_at(resource, a.path)) {
            r.leaf(a, pointer.to_string(), key, value);
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
            // Wrapper-only (the FC 3.0 function name): not in the document.
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
