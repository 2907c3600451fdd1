//! Terraform `.tf` files: read the async invocation config resources, and
//! rewrite them in place for another provider.

use crate::carry::{is_placeholder, one_line};
use crate::codes::{self, note};
use crate::text::{hcl_string, newline, Lines};
use crate::{set, Expression, Found, SourceSpan, SyntaxError, PLACEHOLDER};
use hcl_edit::expr::{Expression as Expr, ObjectKey, UnaryOperator};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::template::Element;
use hcl_edit::Span as _;
use invokecfg_model::facts::terraform::{self as facts, Argument, Resource, Role, ValueKind};
use invokecfg_model::{AcsArn, AcsResource, Diagnostic, Dialect, Field, Severity};
use invokecfg_translate::codes::VALUE_CLAMPED;
use invokecfg_translate::{Mapping, Options};
use serde_json::{Map, Value};
use std::ops::Range;

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
            function_name: None,
            fields: resource.arguments,
        },
    };
    r.body(&block.body, &mut Vec::new());
    r.wrapper_defaults();
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
        match literal(value, arg.kind) {
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

fn get<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    doc.pointer(pointer).filter(|v| !v.is_null())
}

/// One resource translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The source resource's address.
    pub address: String,
    /// The address it was rewritten to (when it was).
    pub new_address: Option<String>,
    /// Translation notes, located in the source file.
    pub notes: Vec<Diagnostic>,
    /// Whether it was refused (then the file is not written).
    pub refused: bool,
}

/// A `.tf` file translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// The new file text (every byte outside the rewritten resources kept).
    pub text: String,
    /// Per resource, in file order.
    pub outcomes: Vec<Outcome>,
}

impl Translated {
    /// Whether any resource was refused.
    pub fn refused(&self) -> bool {
        self.outcomes.iter().any(|o| o.refused)
    }
}

/// Why a `.tf` file could not be translated at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranslateFileError {
    /// Not HCL.
    Syntax(SyntaxError),
    /// No resource type writes `target`'s documents.
    NoResourceType(String),
    /// An API document holds one config, and the file has these sections.
    Sections(Vec<String>),
}

impl std::fmt::Display for TranslateFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TranslateFileError::Syntax(e) => write!(f, "{e}"),
            TranslateFileError::NoResourceType(d) => {
                let known: Vec<&str> = facts::RESOURCES.iter().map(|r| r.dialect).collect();
                write!(f, "no Terraform resource type writes `{d}` configs; expected one of {}", known.join(", "))
            }
            TranslateFileError::Sections(s) => write!(
                f,
                "{} sections ({}): an API document holds one config; use `--format terraform` for one resource each",
                s.len(),
                s.join(", ")
            ),
        }
    }
}

/// Translates every async invocation config resource of `source` into
/// `target`'s resource type, in place.
pub fn translate(
    source: &str,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Result<Translated, TranslateFileError> {
    let found = read(source).map_err(TranslateFileError::Syntax)?;
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    let outcomes = each_resource(source, source, &found, target, mapping, options, |f, block| {
        text.push_str(source.get(at..f.extent.start).unwrap_or_default());
        text.push_str(block);
        at = f.extent.end;
    })?;
    text.push_str(source.get(at..).unwrap_or_default());
    Ok(Translated { text, outcomes })
}

/// Writes each section `found` in `source` (a Serverless Devs or ROS YAML
/// file) as a resource of `target`'s Terraform type, in a new `.tf` text
/// (FunctionGraph has no YAML tool holding an async config).
pub fn from_sections(
    source: &str,
    found: &[Found],
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Result<Translated, TranslateFileError> {
    let mut text = String::new();
    // Not HCL: no meta-arguments to carry, and `\n` line ends.
    let outcomes = each_resource("", source, found, target, mapping, options, |_, block| {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(block);
        text.push('\n');
    })?;
    Ok(Translated { text, outcomes })
}

/// Translates each of `found` (read from `file`) for `target`'s resource
/// type, handing each rendered block to `write`; notes are located in `file`.
fn each_resource(
    hcl: &str,
    file: &str,
    found: &[Found],
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
    mut write: impl FnMut(&Found, &str),
) -> Result<Vec<Outcome>, TranslateFileError> {
    let to = facts::resource_for_dialect(target.id())
        .ok_or_else(|| TranslateFileError::NoResourceType(target.id().to_string()))?;
    let lines = Lines::new(file);
    let mut outcomes = Vec::new();
    for f in found {
        let result = translate_one(hcl, f, target, to, mapping, options).map(|(block, notes)| {
            write(f, &block);
            (format!("{}.{}", to.resource_type, resource_name(f)), notes)
        });
        outcomes.push(located(f, &lines, result));
    }
    Ok(outcomes)
}

/// The outcome of translating `f` (its new address and notes, or the notes
/// of the refusal), each note located in the file `lines` index.
pub(crate) fn located(
    f: &Found,
    lines: &Lines<'_>,
    result: Result<(String, Vec<Diagnostic>), Vec<Diagnostic>>,
) -> Outcome {
    let (new_address, mut notes, refused) = match result {
        Ok((address, notes)) => (Some(address), notes, false),
        Err(notes) => (None, notes, true),
    };
    for n in &mut notes {
        let (_, value) = f.span_of(&n.pointer);
        n.span = Some(lines.span(value));
    }
    Outcome { address: f.address.clone(), new_address, notes, refused }
}

/// The name of the rewritten resource: the source's resource or section
/// name, with what HCL does not allow in a name replaced by `_`.
fn resource_name(f: &Found) -> String {
    let name = f.address.rsplit_once('.').map_or(f.address.as_str(), |(_, n)| n);
    let mut out: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

fn translate_one(
    source: &str,
    f: &Found,
    target: Dialect,
    to: &'static Resource,
    mapping: &Mapping,
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut c = crate::carry::translate(f, target, mapping, options)?;
    let block = render(source, f, c.from, target, to, &c.document, &c.lost, &mut c.notes);
    crate::carry::expression_notes(f, &mut c, &block, to.resource_type, target);
    let src_provider = provider(f.wrapper);
    if src_provider != provider(to.resource_type) {
        for e in &f.expressions {
            if e.text.contains(&format!("{src_provider}_")) {
                c.notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        &e.pointer,
                        format!("`{}` refers to a resource of the {src_provider} provider", one_line(&e.text)),
                    )
                    .with_help(format!(
                        "migrate that resource too, then point this reference at its {} counterpart",
                        target.id()
                    )),
                );
            }
        }
    }
    Ok((block, c.notes))
}

/// The provider prefix of a resource type (`alicloud`, `huaweicloud`, `aws`).
fn provider(resource_type: &str) -> &str {
    resource_type.split('_').next().unwrap_or_default()
}

/// A string from the translated document as HCL: placeholders become the
/// expressions they stand for (a lone one bare, others interpolated).
fn hcl_value(s: &str, placeholders: &[String]) -> (String, bool) {
    if is_placeholder(s) {
        let i: usize = s[PLACEHOLDER.len()..].parse().unwrap_or(usize::MAX);
        if let Some(e) = placeholders.get(i) {
            // A lone placeholder is an interpolation only when its source was one.
            return (e.clone(), true);
        }
    }
    if !s.contains(PLACEHOLDER) {
        return (hcl_string(s), false);
    }
    let mut out = String::new();
    let mut rest = s;
    let mut any = false;
    while let Some(i) = rest.find(PLACEHOLDER) {
        out.push_str(&hcl_inner(&rest[..i]));
        let digits: String = rest[i + PLACEHOLDER.len()..].chars().take_while(char::is_ascii_digit).collect();
        match digits.parse::<usize>().ok().and_then(|n| placeholders.get(n)) {
            Some(e) => {
                let e = e.strip_prefix("${").and_then(|x| x.strip_suffix('}')).unwrap_or(e);
                out.push_str(&format!("${{{e}}}"));
                any = true;
            }
            None => out.push_str(&rest[i..i + PLACEHOLDER.len() + digits.len()]),
        }
        rest = &rest[i + PLACEHOLDER.len() + digits.len()..];
    }
    out.push_str(&hcl_inner(rest));
    (format!("\"{out}\""), any)
}

/// `s` escaped for the inside of an HCL quoted string.
fn hcl_inner(s: &str) -> String {
    let q = hcl_string(s);
    q.strip_prefix('"').and_then(|x| x.strip_suffix('"')).unwrap_or_default().to_string()
}

/// One line of a rendered body.
enum Line {
    Attr { key: String, value: String, comment: Option<String> },
    Block { name: String, body: Vec<Line> },
    Raw(String),
}

#[allow(clippy::too_many_arguments)]
fn render(
    source: &str,
    f: &Found,
    from: Dialect,
    target: Dialect,
    to: &'static Resource,
    doc: &Value,
    lost: &[(String, String)],
    notes: &mut Vec<Diagnostic>,
) -> String {
    let nl = newline(source);
    let name = resource_name(f);
    let mut lines: Vec<Line> = Vec::new();
    // Meta-arguments (`count`, `provider`, ...) first, as they were; meta blocks (`lifecycle`) last.
    let (mut meta_attrs, meta_blocks): (Vec<Line>, Vec<Line>) =
        meta_lines(source, f).into_iter().partition(|l| matches!(l, Line::Attr { .. }));
    let (from_provider, to_provider) = (provider(f.wrapper), provider(to.resource_type));
    if from_provider != to_provider {
        for l in &mut meta_attrs {
            let Line::Attr { key, value, .. } = l else { continue };
            if key == "provider" {
                // A provider configuration of the source provider cannot configure the target's.
                notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        "",
                        format!("`provider = {value}` configures the {from_provider} provider: not carried"),
                    )
                    .with_help(format!("set `provider` to the {to_provider} configuration it should use")),
                );
                *l = Line::Raw(format!(
                    "# invokecfg: was `provider = {value}`: choose the {to_provider} provider configuration"
                ));
            } else if value.contains(&format!("{from_provider}_")) {
                notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        "",
                        format!("`{key} = {}` refers to a resource of the {from_provider} provider", one_line(value)),
                    )
                    .with_help(format!(
                        "migrate that resource too, then point this reference at its {} counterpart",
                        target.id()
                    )),
                );
            }
        }
    }
    if !meta_attrs.is_empty() {
        lines.extend(meta_attrs);
        lines.push(Line::Raw(String::new()));
    }
    // Expressions of numbers and booleans, by the field they stand for.
    let field_of =
        |d: Dialect, pointer: &str| scalar_fields(d).iter().position(|k| k.is_some_and(|k| pointer == format!("/{k}")));
    let mut kept: Vec<(usize, &str)> = Vec::new();
    for e in &f.expressions {
        if let Some(fl) = field_of(from, &e.pointer) {
            kept.push((fl, e.text.as_str()));
        }
    }
    let mut tree: Vec<Line> = Vec::new();
    for a in to.arguments {
        let value = argument_value(a, doc, (from, target), f, &kept, notes, to);
        match value {
            Some((value, comment)) => insert(&mut tree, a.path, value, comment),
            None if a.required && a.path.len() == 1 => {
                let name = a.path.join(".");
                tree.push(Line::Raw(format!(
                    "# invokecfg: `{name}` is required by {}, and the source gives no value for it: write it",
                    to.resource_type
                )));
                let message = format!("`{name}` is required by {}; the source gives no value for it", to.resource_type);
                notes.push(note(codes::REQUIRED_MISSING, "", message).with_help("write it in the rewritten resource"));
            }
            None => {}
        }
    }
    for (name, text) in lost {
        let comment = format!(
            "# invokecfg: `{name}` was `{}` (an expression): write the {} value by hand",
            one_line(text),
            target.id()
        );
        tree.push(Line::Raw(comment));
    }
    lines.extend(tree);
    for b in meta_blocks {
        lines.push(Line::Raw(String::new()));
        lines.push(b);
    }
    let mut out = format!("resource {} {} {{{nl}", hcl_string(to.resource_type), hcl_string(&name));
    write_lines(&mut out, &lines, 1, nl);
    out.push('}');
    out
}

/// Each meta-argument (`count`, `for_each`, `lifecycle`, ...) of the resource, as its source spells it.
fn meta_lines(source: &str, f: &Found) -> Vec<Line> {
    let text = source.get(f.extent.clone()).unwrap_or_default();
    let Ok(body) = hcl_edit::parser::parse_body(text) else { return Vec::new() };
    let Some(block) = body.iter().find_map(Structure::as_block) else { return Vec::new() };
    let slice = |r: Option<Range<usize>>| r.and_then(|r| text.get(r)).unwrap_or_default().to_string();
    block
        .body
        .iter()
        .filter_map(|s| match s {
            Structure::Attribute(a) if facts::META_ARGUMENTS.contains(&a.key.as_str()) => {
                Some(Line::Attr { key: a.key.as_str().to_string(), value: slice(a.value.span()), comment: None })
            }
            Structure::Block(b) if facts::META_ARGUMENTS.contains(&b.ident.as_str()) => {
                Some(Line::Raw(slice(b.span())))
            }
            _ => None,
        })
        .collect()
}

/// The keys of the fields a Terraform expression may stand for, by position:
/// age, retries, state tracking (`None` where the dialect has none).
fn scalar_fields(d: Dialect) -> [Option<&'static str>; 3] {
    let s = d.spec();
    [Some(s.keys.max_event_age), Some(s.keys.retry_attempts), s.state_tracking.map(|t| t.key)]
}

fn argument_value(
    a: &Argument,
    doc: &Value,
    (from, target): (Dialect, Dialect),
    f: &Found,
    kept: &[(usize, &str)],
    notes: &mut Vec<Diagnostic>,
    to: &Resource,
) -> Option<(String, Option<String>)> {
    let field =
        scalar_fields(target).iter().position(|k| k.is_some_and(|k| a.pointer == Some(format!("/{k}")).as_deref()));
    let source_pointer = field.and_then(|fl| scalar_fields(from)[fl]).map(|k| format!("/{k}")).unwrap_or_default();
    if let Some((_, text)) = field.and_then(|fl| kept.iter().find(|(k, _)| *k == fl)) {
        notes.push(
            note(
                codes::EXPRESSION_KEPT,
                &source_pointer,
                format!("`{}` is an expression, kept as `{}`", one_line(text), a.path.join(".")),
            )
            .with_help(format!("check its value is valid for {} ({})", to.resource_type, target.id())),
        );
        return Some((text.to_string(), Some(kept_comment(text, to))));
    }
    if a.role == Role::FunctionNameOfArn {
        let arn = get(doc, &format!("/{}", target.key(Field::Function)))?.as_str()?;
        // Interpolated region and account parts (a template) do not matter here.
        let arn = arn.parse::<AcsArn>().or_else(|_| {
            crate::template::with_literal_parts(arn, invokecfg_model::Provider::Alibaba).parse::<AcsArn>()
        });
        let name = match arn.ok()?.resource {
            AcsResource::Fc3Function { function, .. } | AcsResource::Fc2Function { function, .. } => function,
            _ => return None,
        };
        let (text, any) = hcl_value(&name, &f.placeholders);
        let comment = any.then(|| kept_comment(&text, to));
        return Some((text, comment));
    }
    let pointer = a.pointer?;
    let mut value = get(doc, pointer).cloned();
    // Arguments the provider defaults differently from the API, or requires: the API's effective value.
    if value.is_none() && (a.required || a.default.is_some()) {
        let spec = target.spec();
        if Some(pointer) == Some(format!("/{}", target.key(Field::MaxEventAge))).as_deref() {
            value = Some(Value::from(spec.max_event_age.request.default));
        } else if Some(pointer) == Some(format!("/{}", target.key(Field::RetryAttempts))).as_deref() {
            value = Some(Value::from(spec.retry_attempts.request.default));
        }
    }
    let value = value?;
    if let (Some(range), Some(n)) = (a.validated, value.as_i64()) {
        if !range.contains(n) {
            let new = range.clamp(n);
            let mut note = Diagnostic::new(
                VALUE_CLAMPED,
                Severity::Warning,
                if source_pointer.is_empty() { pointer } else { &source_pointer },
                format!(
                    "`{}` {n} is outside {}'s validated range {range}; clamped to {new}",
                    a.path.join("."),
                    to.resource_type
                ),
            )
            .with_help(format!("the provider rejects values outside {range} before calling the API"));
            note.old = Some(Value::from(n));
            note.new = Some(Value::from(new));
            note.range = Some((range.min, range.max));
            notes.push(note);
            return Some((new.to_string(), None));
        }
    }
    let text = match (&value, a.kind) {
        (Value::String(s), ValueKind::JsonString) => match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Object(_)) => format!("{}({})", facts::JSONENCODE, hcl_object(&v, &f.placeholders)),
            _ => hcl_value(s, &f.placeholders).0,
        },
        (Value::String(s), _) => hcl_value(s, &f.placeholders).0,
        (other, _) => other.to_string(),
    };
    let interpolated = f.placeholders.iter().any(|p| text.contains(p.as_str()));
    let comment = interpolated.then(|| kept_comment(&text, to));
    Some((text, comment))
}

fn kept_comment(text: &str, to: &Resource) -> String {
    format!("# invokecfg: `{}` is kept from the source: check it is valid for {}", one_line(text), to.resource_type)
}

/// A JSON value as a one-line HCL expression.
fn hcl_object(v: &Value, placeholders: &[String]) -> String {
    match v {
        Value::Object(m) => {
            let items: Vec<String> =
                m.iter().map(|(k, v)| format!("{} = {}", hcl_key(k), hcl_object(v, placeholders))).collect();
            if items.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
        Value::Array(a) => {
            format!("[{}]", a.iter().map(|x| hcl_object(x, placeholders)).collect::<Vec<_>>().join(", "))
        }
        Value::String(s) => hcl_value(s, placeholders).0,
        other => other.to_string(),
    }
}

fn hcl_key(k: &str) -> String {
    let ident = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident {
        k.to_string()
    } else {
        hcl_string(k)
    }
}

fn insert(lines: &mut Vec<Line>, path: &[&str], value: String, comment: Option<String>) {
    match path {
        [] => {}
        [key] => lines.push(Line::Attr { key: (*key).to_string(), value, comment }),
        [block, rest @ ..] => {
            let existing = lines.iter_mut().find_map(|l| match l {
                Line::Block { name, body } if name == block => Some(body),
                _ => None,
            });
            match existing {
                Some(body) => insert(body, rest, value, comment),
                None => {
                    let mut body = Vec::new();
                    insert(&mut body, rest, value, comment);
                    lines.push(Line::Block { name: (*block).to_string(), body });
                }
            }
        }
    }
}

/// Writes `lines` as `terraform fmt` would: two spaces per level, the `=` of
/// consecutive one-line attributes aligned.
fn write_lines(out: &mut String, lines: &[Line], depth: usize, nl: &str) {
    let indent = "  ".repeat(depth);
    let mut i = 0;
    while i < lines.len() {
        // A run of one-line attributes: `terraform fmt` aligns their `=`; a
        // comment line, a blank line, a block or a multi-line value ends it.
        let mut j = i;
        let mut width = 0;
        while let Some(Line::Attr { key, value, comment }) = lines.get(j) {
            if (comment.is_some() && j > i) || value.contains('\n') {
                break;
            }
            width = width.max(key.chars().count());
            j += 1;
        }
        if j == i {
            j = i + 1;
        }
        for line in &lines[i..j] {
            match line {
                Line::Attr { key, value, comment } => {
                    if let Some(c) = comment {
                        out.push_str(&format!("{indent}{c}{nl}"));
                    }
                    let pad = " ".repeat(width.saturating_sub(key.chars().count()));
                    out.push_str(&format!("{indent}{key}{pad} = {value}{nl}"));
                }
                Line::Block { name, body } => {
                    out.push_str(&format!("{indent}{name} {{{nl}"));
                    write_lines(out, body, depth + 1, nl);
                    out.push_str(&format!("{indent}}}{nl}"));
                }
                Line::Raw(text) if text.is_empty() => out.push_str(nl),
                Line::Raw(text) => out.push_str(&format!("{indent}{text}{nl}")),
            }
        }
        i = j;
    }
}
