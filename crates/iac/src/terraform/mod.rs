//! Terraform `.tf` files: read the async invocation config resources, and
//! rewrite them in place for another provider.

use crate::codes::{self, note};
use crate::text::{hcl_string, newline, Lines};
use crate::text::{is_placeholder, one_line};
use crate::{set, Expression, Found, Quoted, SourceSpan, SyntaxError, PLACEHOLDER};
use hcl_edit::expr::{Expression as Expr, ObjectKey, UnaryOperator};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::template::Element;
use hcl_edit::Span as _;
use invokecfg_model::facts::terraform::{self as facts, Argument, Resource, Role, ValueKind};
use invokecfg_model::{AcsArn, AcsResource, Diagnostic, Dialect, Field};
use invokecfg_translate::{Mapping, Options, TranslateError};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::ops::Range;

mod comments;
mod render;
mod rewrite;
pub use comments::{Anchor, Comment};
use render::*;
pub(crate) use rewrite::located;
use rewrite::*;
pub use rewrite::{from_sections, translate, Outcome, TranslateFileError, Translated};

/// Reads every async invocation config resource of a `.tf` file.
pub fn read(source: &str) -> Result<Vec<Found>, SyntaxError> {
    let body = hcl_edit::parser::parse_body(source).map_err(|e| {
        let loc = e.location();
        SyntaxError { message: e.message().to_string(), line: loc.line(), column: loc.column(), offset: loc.offset() }
    })?;
    Ok(body
        .iter()
        .filter_map(Structure::as_block)
        .filter(|b| b.has_ident("resource") && b.labels.len() == 2)
        .filter_map(|b| Some((b, facts::resource(b.labels.first()?.as_str())?)))
        .map(|(b, r)| read_resource(source, b, r))
        .collect())
}

/// Whether `source` may hold a resource [`read`] finds (a cheap test before parsing).
pub fn mentions_resource(source: &str) -> bool {
    facts::RESOURCES.iter().any(|r| source.contains(r.resource_type))
}

struct Reader<'a> {
    source: &'a str,
    resource: &'static Resource,
    found: Found,
}

fn read_resource(source: &str, block: &Block, resource: &'static Resource) -> Found {
    let name = block.labels.get(1).map(|l| l.as_str().to_string()).unwrap_or_default();
    let header = block.labels.first().and_then(|l| l.span()).or_else(|| block.ident.span()).unwrap_or_default();
    let mut r = Reader {
        source,
        resource,
        found: Found {
            address: format!("{}.{name}", resource.resource_type),
            wrapper: resource.resource_type,
            dialect: resource.dialect,
            document: Value::Object(Map::new()),
            spans: Default::default(),
            expressions: Vec::new(),
            placeholders: Vec::new(),
            extent: block.span().unwrap_or_default(),
            header,
            unknown: Vec::new(),
            not_sent: Vec::new(),
            quoted: Vec::new(),
            comments: Vec::new(),
            function_name: None,
            fields: resource.arguments,
        },
    };
    r.body(&block.body, &mut Vec::new());
    r.wrapper_defaults();
    r.found.comments = comments::read(source, block, resource);
    r.found
}

impl Reader<'_> {
    fn body(&mut self, body: &Body, path: &mut Vec<String>) {
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => {
                    path.push(a.key.as_str().to_string());
                    self.attribute(path, a.key.span(), &a.value);
                    path.pop();
                }
                Structure::Block(b) => self.block(b, path),
            }
        }
    }

    fn block(&mut self, b: &Block, path: &mut Vec<String>) {
        let ident = b.ident.as_str();
        if path.is_empty() && facts::META_ARGUMENTS.contains(&ident) {
            return;
        }
        let dynamic = ident == "dynamic";
        let name = if dynamic { b.labels.first().map(|l| l.as_str()).unwrap_or_default() } else { ident };
        path.push(name.to_string());
        match self.block_pointer(path) {
            Some(pointer) => {
                let value = b.span().unwrap_or_default();
                self.found
                    .spans
                    .entry(pointer.clone())
                    .or_insert(SourceSpan { key: b.ident.span(), value: value.clone() });
                if dynamic {
                    // A `dynamic` block's content is known only at plan time.
                    let text = self.text(value);
                    self.found.expressions.push(Expression { pointer, text });
                } else {
                    self.body(&b.body, path);
                    // An empty block is an empty object in the API document (M405 notes it).
                    if self.found.document.pointer(&pointer).is_none() {
                        set(&mut self.found.document, &pointer, Value::Object(Map::new()));
                    }
                }
            }
            None => self.found.unknown.push((path.join("."), b.ident.span().unwrap_or_default())),
        }
        path.pop();
    }

    fn block_pointer(&self, path: &[String]) -> Option<String> {
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        facts::block_pointer(self.resource.arguments, &names)
    }

    fn attribute(&mut self, path: &[String], key: Option<Range<usize>>, value: &Expr) {
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        let Some(arg) = self.resource.argument(&names) else {
            let meta = names.len() == 1 && facts::META_ARGUMENTS.contains(&names[0]);
            if !meta {
                self.found.unknown.push((names.join("."), key.unwrap_or_default()));
            }
            return;
        };
        let range = value.span().unwrap_or_default();
        let Some(pointer) = arg.pointer else {
            if let (Role::FunctionNameOfArn, Ok(d)) = (arg.role, self.found.dialect.parse::<Dialect>()) {
                let p = format!("/{}", d.key(Field::Function));
                let text = self.text(range.clone());
                let name = match literal(value, arg.kind) {
                    Some(Value::String(s)) => s,
                    _ => {
                        let standin = self.standin(value, &text);
                        self.found.expressions.push(Expression { pointer: p.clone(), text });
                        standin
                    }
                };
                self.found.function_name = Some(name);
                self.found.spans.insert(p, SourceSpan { key, value: range });
            }
            return;
        };
        self.found.spans.insert(pointer.to_string(), SourceSpan { key, value: range.clone() });
        let zero_not_sent = facts::ZERO_NOT_SENT.contains(&(self.resource.resource_type, names.join(".").as_str()));
        let literal = literal(value, arg.kind).map(|v| match unquoted(&v, arg.kind) {
            Some(converted) => {
                let quoted = Quoted { pointer: pointer.to_string(), value: converted.clone(), range: range.clone() };
                self.found.quoted.push(quoted);
                converted
            }
            None => v,
        });
        match literal {
            Some(Value::Null) => {}
            Some(v) if zero_not_sent && v.as_i64() == Some(0) => self.found.not_sent.push(pointer.to_string()),
            Some(v) => set(&mut self.found.document, pointer, v),
            None => {
                let text = self.text(range);
                if matches!(arg.kind, ValueKind::String | ValueKind::JsonString) {
                    let standin = self.standin(value, &text);
                    set(&mut self.found.document, pointer, Value::String(standin));
                }
                self.found.expressions.push(Expression { pointer: pointer.to_string(), text });
            }
        }
    }

    /// A string standing for an expression: its literal parts with one
    /// placeholder per interpolation, so a translation can carry it.
    fn standin(&mut self, value: &Expr, text: &str) -> String {
        let mut out = String::new();
        if let Some(t) = value.as_string_template() {
            for e in t.iter() {
                match e {
                    Element::Literal(l) => out.push_str(l.as_str()),
                    Element::Interpolation(i) => {
                        let inner = i.expr.span().map(|r| self.text(r)).unwrap_or_default();
                        out.push_str(&crate::placeholder(&mut self.found, inner.trim().to_string()));
                    }
                    Element::Directive(_) => return crate::placeholder(&mut self.found, text.to_string()),
                }
            }
            return out;
        }
        crate::placeholder(&mut self.found, text.to_string())
    }

    fn text(&self, range: Range<usize>) -> String {
        self.source.get(range).unwrap_or_default().to_string()
    }

    /// Arguments the provider fills in when absent (alicloud FC 2.0 retries
    /// default to 2, not the API's 3): the document holds what is sent.
    fn wrapper_defaults(&mut self) {
        for a in self.resource.arguments {
            if let (Some(d), Some(p)) = (a.default, a.pointer) {
                if !self.found.spans.contains_key(p) {
                    set(&mut self.found.document, p, Value::from(d));
                }
            }
        }
    }
}

/// The value of a literal expression (`Value::Null` for `null`: unset), or
/// `None` for anything known only at plan time.
fn literal(e: &Expr, kind: ValueKind) -> Option<Value> {
    match e {
        Expr::Null(_) => Some(Value::Null),
        Expr::Bool(b) => Some(Value::Bool(*b.value())),
        Expr::String(s) => Some(Value::String(s.value().clone())),
        Expr::Number(n) => number(n.value()),
        Expr::UnaryOp(op) if *op.operator.value() == UnaryOperator::Neg => match literal(&op.expr, kind)? {
            Value::Number(n) => n.as_i64().and_then(i64::checked_neg).map(Value::from),
            _ => None,
        },
        Expr::Parenthesis(p) => literal(p.inner(), kind),
        Expr::FuncCall(f)
            if kind == ValueKind::JsonString
                && f.name.namespace.is_empty()
                && f.name.name.as_str() == facts::JSONENCODE
                && f.args.len() == 1 =>
        {
            let v = json_literal(f.args.get(0)?)?;
            Some(Value::String(serde_json::to_string(&v).ok()?))
        }
        _ => None,
    }
}

/// The value Terraform converts a quoted primitive to, for a number or
/// boolean argument: an integer's digits, and the strings cty's string to
/// bool conversion accepts (`"true"`, `"false"`, `"1"`, `"0"`); `None` when
/// `value` is not a string Terraform would convert.
fn unquoted(value: &Value, kind: ValueKind) -> Option<Value> {
    let Value::String(s) = value else { return None };
    match kind {
        ValueKind::Int => s.parse::<i64>().ok().map(Value::from),
        ValueKind::Bool => match s.as_str() {
            "true" | "1" => Some(Value::Bool(true)),
            "false" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        ValueKind::String | ValueKind::JsonString => None,
    }
}

fn number(n: &hcl_edit::Number) -> Option<Value> {
    match n.as_i64() {
        Some(i) => Some(Value::from(i)),
        None => n.as_f64().and_then(serde_json::Number::from_f64).map(Value::Number),
    }
}

/// An HCL value made only of literals, as JSON (what `jsonencode` gives).
fn json_literal(e: &Expr) -> Option<Value> {
    match e {
        Expr::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o.iter() {
                let key = match k {
                    ObjectKey::Ident(i) => i.as_str().to_string(),
                    ObjectKey::Expression(Expr::String(s)) => s.value().clone(),
                    ObjectKey::Expression(_) => return None,
                };
                m.insert(key, json_literal(v.expr())?);
            }
            Some(Value::Object(m))
        }
        Expr::Array(a) => a.iter().map(json_literal).collect::<Option<Vec<_>>>().map(Value::Array),
        other => literal(other, ValueKind::String),
    }
}
