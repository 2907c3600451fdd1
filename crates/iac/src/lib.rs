//! Async invocation configs where teams keep them: Terraform `.tf` files
//! (and, later, Serverless Devs / ROS YAML).
//!
//! Reading yields, per resource, the API document of its dialect (exactly the
//! JSON `invokecfg-model` reads), a map from each JSON pointer to the byte
//! ranges of its key and value in the file, and the pointers whose values are
//! expressions (never evaluated or guessed). [`lint`] runs the existing linter
//! over each document and maps every finding back into the file;
//! [`terraform::translate`] rewrites resources in place, keeping every other
//! byte. The argument-name mapping is a fact table in
//! `invokecfg_model::facts::terraform`.

mod carry;
pub mod codes;
pub mod surface;
mod template;
pub mod terraform;
mod text;
pub mod yaml;

use invokecfg_lint::{LintOptions, RuleCode};
use invokecfg_model::facts::terraform::{block_pointer, Role};
use invokecfg_model::{Diagnostic, Dialect, Edit, Field, Fix, Severity, Span};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;

pub use text::{position, Lines};

/// Byte ranges of one value in the file, and of its key (argument or block name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpan {
    /// The argument's or block's name.
    pub key: Option<Range<usize>>,
    /// The value (an attribute's expression, a block's whole text).
    pub value: Range<usize>,
}

/// One expression in the file whose value is not known before `terraform apply`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    /// The JSON pointer it stands at.
    pub pointer: String,
    /// Its source text.
    pub text: String,
}

/// One async invocation config found in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Where it is: `type.name` for Terraform.
    pub address: String,
    /// The Terraform resource type (or YAML section kind).
    pub wrapper: &'static str,
    /// The dialect id of `document`.
    pub dialect: &'static str,
    /// The API document, in the dialect's exact JSON shape. Values that are
    /// expressions are left out (numbers, booleans) or hold a placeholder
    /// per interpolation (strings), see [`Found::expressions`].
    pub document: Value,
    /// JSON pointer -> where its key and value are in the file.
    pub spans: BTreeMap<String, SourceSpan>,
    /// Values that are expressions, in file order.
    pub expressions: Vec<Expression>,
    /// Placeholders standing for interpolations in `document`'s strings:
    /// index i is the text of `${...}` number i.
    pub placeholders: Vec<String>,
    /// The whole resource's bytes, leading comments excluded.
    pub extent: Range<usize>,
    /// Where findings on the whole document point (the resource header).
    pub header: Range<usize>,
    /// Arguments and blocks the resource type does not have, with their name's range.
    pub unknown: Vec<(String, Range<usize>)>,
    /// Pointers whose value the file sets to zero and the wrapper does not
    /// send (`facts::terraform::ZERO_NOT_SENT`): left out of the document.
    pub not_sent: Vec<String>,
    /// Numbers and booleans the file writes in quotes (`"1"`, `"true"`),
    /// which Terraform converts to the argument's type: the document holds
    /// the converted value.
    pub quoted: Vec<Quoted>,
    /// The comments inside the resource, each with what it annotates
    /// (Terraform; a rewrite carries each under its argument's new name).
    pub comments: Vec<terraform::Comment>,
    /// The FC 3.0 function name the wrapper gives outside the document (the
    /// request path: `function_name`, `functionName`, `FunctionName`), with a
    /// placeholder per interpolation; the translation's function ARN is made from it.
    pub function_name: Option<String>,
    /// The wrapper's fields, with the ranges it validates itself.
    pub fields: &'static [invokecfg_model::facts::terraform::Argument],
}

impl Found {
    /// The wrapper's argument names, as the file writes them (`a.b` in blocks).
    pub fn known_names(&self) -> Vec<String> {
        self.fields.iter().map(|a| a.path.join(".")).collect()
    }

    /// The argument name nearest to an unknown `name`: a near spelling, or a
    /// name cut short (`MaxAsyncEventAge`).
    pub fn nearest_name(&self, name: &str) -> Option<String> {
        let known = self.known_names();
        let near =
            known.iter().min_by_key(|k| strsim::levenshtein(k, name)).filter(|k| strsim::levenshtein(k, name) <= 3);
        near.or_else(|| known.iter().find(|k| name.len() >= 4 && k.starts_with(name))).cloned()
    }

    /// Whether the value at `pointer` (or one it lies inside) is an expression.
    pub fn is_expression(&self, pointer: &str) -> bool {
        self.expressions.iter().any(|e| {
            pointer == e.pointer || pointer.strip_prefix(e.pointer.as_str()).is_some_and(|r| r.starts_with('/'))
        })
    }

    /// The span of `pointer`, or of the nearest enclosing pointer that has one.
    pub fn span_of(&self, pointer: &str) -> (Option<Range<usize>>, Range<usize>) {
        let mut p = pointer;
        loop {
            if let Some(s) = self.spans.get(p) {
                return (s.key.clone(), s.value.clone());
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return (None, self.header.clone()),
            }
        }
    }
}

/// A primitive written as a quoted string and read as its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// The JSON pointer of the value.
    pub pointer: String,
    /// The value it converts to.
    pub value: Value,
    /// The quoted string's bytes in the file.
    pub range: Range<usize>,
}

/// The prefix of the placeholder that stands for interpolation number i.
pub(crate) const PLACEHOLDER: &str = "invokecfgexpr";

/// A new placeholder for the expression `text`.
pub(crate) fn placeholder(found: &mut Found, text: String) -> String {
    let p = format!("{PLACEHOLDER}{}", found.placeholders.len());
    found.placeholders.push(text);
    p
}

/// Sets `pointer` in `doc`, creating objects on the way.
pub(crate) fn set(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let tokens: Vec<String> =
        pointer.split('/').skip(1).map(invokecfg_model::document::unescape_pointer_token).collect();
    for (i, t) in tokens.iter().enumerate() {
        if !at.is_object() {
            *at = Value::Object(serde_json::Map::new());
        }
        let Value::Object(m) = at else { return };
        if i + 1 == tokens.len() {
            m.insert(t.clone(), value);
            return;
        }
        at = m.entry(t.clone()).or_insert_with(|| Value::Object(serde_json::Map::new()));
    }
}

/// A file that could not be read as its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The findings on one resource, located in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Linted {
    /// The resource's address.
    pub address: String,
    /// Findings, with spans and fixes in the file's bytes.
    pub diagnostics: Vec<Diagnostic>,
    /// Expression values that value rules skipped (pointer, text).
    pub skipped: Vec<Expression>,
}

/// Lints one found document with the existing rules and maps each finding's
/// pointer back to the file. Findings on expression values are dropped (the
/// value is not known); fixes are kept only where they edit a number or a key
/// the file spells as the API does.
pub fn lint(found: &Found, source: &str, options: &LintOptions) -> Linted {
    lint_with(found, &Lines::new(source), options)
}

/// [`lint`] with the file's line index built once (for files of many resources).
pub fn lint_with(found: &Found, lines: &Lines<'_>, options: &LintOptions) -> Linted {
    let mut diagnostics = Vec::new();
    let Ok(dialect) = found.dialect.parse::<Dialect>() else {
        // The linter has no rules for this dialect yet (aws-lambda).
        return Linted { address: found.address.clone(), diagnostics, skipped: Vec::new() };
    };
    let mut options = options.clone();
    options.dialect = Some(dialect);
    options.role = invokecfg_lint::DocumentRole::Request;
    if let Some(severity) = selected_severity(UNKNOWN_KEY_RULE, &options) {
        for (name, range) in &found.unknown {
            diagnostics.push(unknown_argument(found, lines, name, range.clone(), severity));
        }
    }
    diagnostics.extend(wrapper_ranges(found, lines, dialect, &options));
    diagnostics.extend(quoted_primitives(found, lines, &options));
    diagnostics.extend(required_arguments(found, lines, &options));
    let json = serde_json::to_string_pretty(&found.document).unwrap_or_default();
    let result = invokecfg_lint::lint(json.as_bytes(), &options);
    let parsed = invokecfg_model::span::parse(json.as_bytes()).ok();
    for mut d in result.diagnostics {
        if found.is_expression(&d.pointer) {
            continue;
        }
        let (key, value) = found.span_of(&d.pointer);
        let on_key = d.span.is_some_and(|s| {
            parsed.as_ref().and_then(|p| p.spans.key_span(&d.pointer)).is_some_and(|k| k.start.offset == s.start.offset)
        });
        let range = if on_key { key.unwrap_or(value) } else { value };
        d.span = Some(lines.span(range));
        // In the file's words: `maximum_retry_attempts` (API `maxAsyncRetryAttempts`).
        if let Some(arg) = found.fields.iter().find(|a| a.pointer == Some(d.pointer.as_str())) {
            let api = d.pointer.rsplit('/').next().unwrap_or_default();
            let name = arg.path.join(".");
            if name != api {
                d.message = d.message.replacen(&format!("`{api}`"), &format!("`{name}` (API `{api}`)"), 1);
            }
        }
        d.fix = d.fix.take().and_then(|f| map_fix(f, found, lines, &json, parsed.as_ref()));
        diagnostics.push(d);
    }
    Linted { address: found.address.clone(), diagnostics, skipped: found.expressions.clone() }
}

/// An argument or block the resource type does not have: the unknown-key
/// rule, in the wrapper's words, with the nearest argument it has.
fn unknown_argument(
    found: &Found,
    lines: &Lines<'_>,
    name: &str,
    range: Range<usize>,
    severity: Severity,
) -> Diagnostic {
    let code = UNKNOWN_KEY_RULE;
    let known = found.known_names();
    let nearest = found.nearest_name(name);
    let mut d = Diagnostic::new(
        code,
        severity,
        "",
        format!("unknown name `{name}` in `{}` ({})", found.address, found.wrapper),
    );
    d.help = Some(match nearest {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("`{}` has: {}", found.wrapper, known.join(", ")),
    });
    d.span = Some(lines.span(range));
    d
}

/// The severity `code` has under `options`, or `None` when it is not selected.
fn selected_severity(code: &str, options: &LintOptions) -> Option<Severity> {
    let rule = invokecfg_lint::rule(code)?;
    let selected = |sel: &String| invokecfg_lint::selector_matches(sel, rule);
    if !(options.select.is_empty() || options.select.iter().any(selected)) || options.ignore.iter().any(selected) {
        return None;
    }
    let mut severity = rule.severity;
    for (sel, sev) in &options.severities {
        if selected(sel) {
            severity = *sev;
        }
    }
    Some(severity)
}

/// What the wrapper itself does to a value, under the field's range rule:
/// values the API accepts but the wrapper rejects before calling it
/// (`alicloud_fcv3_async_invoke_config` validates the age to 0..3600), and
/// zeros the wrapper does not send, so the API's default applies.
fn wrapper_ranges(found: &Found, lines: &Lines<'_>, dialect: Dialect, options: &LintOptions) -> Vec<Diagnostic> {
    let spec = dialect.spec();
    let checks =
        [(Field::MaxEventAge, spec.max_event_age.request), (Field::RetryAttempts, spec.retry_attempts.request)];
    let mut out = Vec::new();
    for (field, api) in checks {
        let pointer = format!("/{}", dialect.key(field));
        let Some(arg) = found.fields.iter().find(|a| a.pointer == Some(pointer.as_str())) else { continue };
        let Some(at) = found.spans.get(&pointer) else { continue };
        let name = arg.path.join(".");
        let span = lines.span(at.value.clone());
        if found.not_sent.contains(&pointer) {
            let Some(severity) = selected_severity(ZERO_NOT_SENT_RULE, options) else { continue };
            let mut d = Diagnostic::new(
                ZERO_NOT_SENT_RULE,
                severity,
                pointer.clone(),
                format!(
                    "`{name}` is 0, which {} does not send: the API's default {} applies",
                    found.wrapper, api.default
                ),
            )
            .with_help(format!("the provider reads it with GetOk, which takes 0 for unset; the API accepts {api}"));
            d.span = Some(span);
            out.push(d);
            continue;
        }
        let (Some(range), Some(value)) = (arg.validated, found.document.pointer(&pointer).and_then(Value::as_i64))
        else {
            continue;
        };
        if range.contains(value) || !api.contains(value) || found.is_expression(&pointer) {
            continue;
        }
        let Some(severity) = selected_severity(WRAPPER_RANGE_RULE, options) else { continue };
        let new = range.clamp(value);
        let mut d = Diagnostic::new(
            WRAPPER_RANGE_RULE,
            severity,
            pointer.clone(),
            format!("`{name}` is {value}, outside {range}, the range {} validates", found.wrapper),
        )
        .with_help(format!("{} rejects it before calling the API (which accepts {api})", found.wrapper));
        d.span = Some(span);
        d.fix = Some(Fix { message: format!("clamp to {new}"), edits: vec![Edit { span, content: new.to_string() }] });
        out.push(d);
    }
    out
}

/// Numbers and booleans written in quotes: read as their values (as
/// Terraform converts them), noted with a safe fix that unquotes them.
fn quoted_primitives(found: &Found, lines: &Lines<'_>, options: &LintOptions) -> Vec<Diagnostic> {
    let Some(severity) = selected_severity(QUOTED_PRIMITIVE_RULE, options) else { return Vec::new() };
    found
        .quoted
        .iter()
        .map(|q| {
            let name = found
                .fields
                .iter()
                .find(|a| a.pointer == Some(q.pointer.as_str()))
                .map_or_else(|| q.pointer.clone(), |a| a.path.join("."));
            let span = lines.span(q.range.clone());
            let text = q.value.to_string();
            let mut d = Diagnostic::new(
                QUOTED_PRIMITIVE_RULE,
                severity,
                q.pointer.clone(),
                format!("`{name}` is written as the string \"{text}\"; Terraform reads it as {text}"),
            )
            .with_help(format!("write `{name} = {text}`"));
            d.span = Some(span);
            d.fix = Some(Fix { message: format!("unquote `{text}`"), edits: vec![Edit { span, content: text }] });
            d
        })
        .collect()
}

/// Arguments the Terraform resource type's schema requires and the resource
/// lacks (`null` is unset to Terraform); one required inside a block only
/// when the block is written, and never inside a `dynamic` block.
fn required_arguments(found: &Found, lines: &Lines<'_>, options: &LintOptions) -> Vec<Diagnostic> {
    let Some(resource) = invokecfg_model::facts::terraform::resource(found.wrapper) else { return Vec::new() };
    let Some(severity) = selected_severity(REQUIRED_RULE, options) else { return Vec::new() };
    let given = |p: &str| {
        found.spans.contains_key(p)
            && (found.document.pointer(p).is_some_and(|v| !v.is_null())
                || found.is_expression(p)
                || found.not_sent.iter().any(|n| n == p))
    };
    let mut out = Vec::new();
    for a in resource.arguments.iter().filter(|a| a.required) {
        let present = match a.pointer {
            Some(p) => given(p),
            None => found.function_name.is_some() || a.role != Role::FunctionNameOfArn,
        };
        let block = a.path.len() > 1;
        let block_pointer = if block { block_pointer(resource.arguments, &a.path[..a.path.len() - 1]) } else { None };
        let in_written_block = match &block_pointer {
            Some(b) => found.spans.contains_key(b) && !found.is_expression(b),
            None => !block,
        };
        if present || !in_written_block {
            continue;
        }
        let name = a.path.join(".");
        let at = block_pointer
            .as_deref()
            .and_then(|b| found.spans.get(b))
            .map_or(found.header.clone(), |s| s.key.clone().unwrap_or(s.value.clone()));
        let mut d = Diagnostic::new(
            REQUIRED_RULE,
            severity,
            a.pointer.unwrap_or_default(),
            format!("`{}` lacks `{name}`, which {} requires", found.address, found.wrapper),
        )
        .with_help(format!("write `{name}`; the provider's schema marks it Required ({})", resource.source));
        d.span = Some(lines.span(at));
        out.push(d);
    }
    out
}

/// The rule missing required arguments are reported under.
const REQUIRED_RULE: &str = RuleCode::S116.as_str();

/// A zero the wrapper does not send, and a value outside the range the wrapper validates.
const ZERO_NOT_SENT_RULE: &str = RuleCode::R206.as_str();
const WRAPPER_RANGE_RULE: &str = RuleCode::R207.as_str();

/// The rule quoted numbers and booleans are noted under.
const QUOTED_PRIMITIVE_RULE: &str = RuleCode::S117.as_str();

/// The rule unknown keys are reported under.
const UNKNOWN_KEY_RULE: &str = RuleCode::S106.as_str();

/// A fix on the generated JSON, as edits of the file: each edit must replace
/// exactly a key or a value the file holds at the same pointer.
fn map_fix(
    fix: Fix,
    found: &Found,
    lines: &Lines<'_>,
    json: &str,
    parsed: Option<&invokecfg_model::span::ParsedSource>,
) -> Option<Fix> {
    let parsed = parsed?;
    let source = lines.source();
    let mut edits = Vec::new();
    for e in &fix.edits {
        let (pointer, on_key) = found.spans.keys().find_map(|p| {
            let entry = parsed.spans.get(p)?;
            if entry.key.is_some_and(|k| same(k, e.span)) {
                Some((p.clone(), true))
            } else if same(entry.value, e.span) {
                Some((p.clone(), false))
            } else {
                None
            }
        })?;
        let at = found.spans.get(&pointer)?;
        // A value outside the section (a YAML anchor's) is shared: not edited.
        let inside = |r: &Range<usize>| r.start >= found.extent.start && r.end <= found.extent.end;
        if !inside(&at.value) {
            return None;
        }
        if on_key {
            // Only where the file spells the API key itself (YAML): the text must match.
            let range = at.key.clone()?;
            let old = json.get(e.span.start.offset..e.span.end.offset)?;
            let old: String = serde_json::from_str(old).ok()?;
            let new: String = serde_json::from_str(&e.content).ok()?;
            if source.get(range.clone())? != old {
                return None;
            }
            edits.push(Edit { span: lines.span(range), content: new });
        } else {
            // Numbers and booleans read the same in JSON, HCL and YAML.
            let new: Value = serde_json::from_str(&e.content).ok()?;
            if !(new.is_number() || new.is_boolean()) {
                return None;
            }
            edits.push(Edit { span: lines.span(at.value.clone()), content: e.content.clone() });
        }
    }
    Some(Fix { message: fix.message, edits })
}

fn same(a: Span, b: Span) -> bool {
    a.start.offset == b.start.offset && a.end.offset == b.end.offset
}
