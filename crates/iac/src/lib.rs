//! Async invocation configs where teams keep them: Terraform `.tf` files,
//! Serverless Devs `s.yaml` and ROS templates, and the one entry point every
//! front end reads a file through ([`surface`]).
//!
//! Reading yields, per resource or section, the API document of its dialect
//! (exactly the JSON `invokecfg-model` reads), a map from each JSON pointer to
//! the byte ranges of its key and value in the file, the pointers whose values
//! are expressions (never evaluated or guessed) and the resource's comments.
//! [`lint`] runs the existing linter over each document and maps every
//! finding back into the file; [`terraform::translate`] and
//! [`yaml::translate`] rewrite resources in place, keeping every other byte.
//! The argument and key mappings are fact tables in
//! `invokecfg_model::facts::{terraform, serverless_devs, ros}`.
//!
//! ```
//! use invokecfg_iac::surface::{self, Claim, Surface, Verdict};
//! use invokecfg_lint::{LintOptions, UnsafeFixes};
//! use std::path::Path;
//!
//! let tf = br#"
//! resource "alicloud_fc_function_async_invoke_config" "orders" {
//!   service_name           = "shop"
//!   function_name          = "orders"
//!   maximum_retry_attempts = 12
//! }
//! "#;
//! let (kind, verdict) = surface::lint_file_text(Path::new("main.tf"), tf, &LintOptions::default(), Claim::IfConfig);
//! assert_eq!(kind, Surface::Terraform);
//! let Verdict::Linted(linted) = verdict else { panic!("a config") };
//! let d = &linted.result.diagnostics[0];
//! // The API key's rule, located at the Terraform argument that sets it.
//! assert_eq!((d.code.as_str(), d.pointer.as_str()), (invokecfg_lint::RuleCode::R202.as_str(), "/maxAsyncRetryAttempts"));
//! assert_eq!(d.span.map(|s| (s.start.line, s.start.column)), Some((5, 28)));
//! // Its fix (unsafe: a clamp chooses the value) edits the .tf file, every other byte kept.
//! let options = LintOptions { unsafe_fixes: UnsafeFixes::Enabled, ..LintOptions::default() };
//! let (fixed, applied) = surface::fix(kind, tf, &options);
//! assert_eq!(applied, 1);
//! assert!(String::from_utf8(fixed).unwrap().contains("maximum_retry_attempts = 8\n"));
//! ```

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

mod carry;
mod checks;
use checks::{
    is_written, quoted_primitives, required_arguments, selected_severity, sibling_names, unknown_argument,
    wrapper_ranges, UNKNOWN_KEY_RULE,
};
pub mod codes;
mod dry_run;
pub mod surface;
mod template;
pub mod terraform;
mod text;
pub mod yaml;

use invokecfg_lint::LintOptions;
use invokecfg_model::{Diagnostic, Dialect, Edit, Fix, Span};
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

    /// The names (full paths) the resource type has where the unknown
    /// `name` (`a.b.c`) stands, near its spelling and not written there:
    /// the lint crate's one did-you-mean (`invokecfg_lint::near`), nearest first.
    pub fn near_names(&self, name: &str) -> Vec<String> {
        let (parent, last) = name.rsplit_once('.').unwrap_or(("", name));
        let siblings = sibling_names(self, parent);
        let full = |k: &str| if parent.is_empty() { k.to_string() } else { format!("{parent}.{k}") };
        invokecfg_lint::near_absent(last, &siblings, |k| is_written(self, parent, k)).into_iter().map(full).collect()
    }

    /// The one name an unknown `name` is a typo of ([`Found::near_names`]),
    /// or `None` when there is none or more than one.
    pub fn nearest_name(&self, name: &str) -> Option<String> {
        match self.near_names(name).as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
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

/// Sets `pointer` in `doc`, creating objects (and arrays, for index tokens) on the way.
pub(crate) fn set(doc: &mut Value, pointer: &str, value: Value) {
    let tokens: Vec<String> =
        pointer.split('/').skip(1).map(invokecfg_model::document::unescape_pointer_token).collect();
    // The root is never replaced.
    if !tokens.is_empty() {
        set_at(doc, &tokens, value);
    }
}

fn set_at(at: &mut Value, tokens: &[String], value: Value) {
    let Some((t, rest)) = tokens.split_first() else {
        *at = value;
        return;
    };
    // A token that is an index under an array (SCF's `RetryConfig/0`) steps into the array.
    if let (Value::Array(items), Ok(n)) = (&mut *at, t.parse::<usize>()) {
        if items.len() <= n {
            items.resize(n + 1, Value::Object(serde_json::Map::new()));
        }
        if let Some(item) = items.get_mut(n) {
            set_at(item, rest, value);
        }
        return;
    }
    if !at.is_object() {
        *at = Value::Object(serde_json::Map::new());
    }
    let Value::Object(m) = at else { return };
    // The next token an index: this member is an array.
    let array = rest.first().is_some_and(|n| n.parse::<usize>().is_ok());
    let child = m.entry(t.clone()).or_insert_with(|| {
        if array {
            Value::Array(Vec::new())
        } else {
            Value::Object(serde_json::Map::new())
        }
    });
    set_at(child, rest, value);
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

impl std::error::Error for SyntaxError {}

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
    if let Some(target) = options.target {
        options.translation_notes = Some(std::sync::Arc::new(dry_run::translation_notes(found, target, &options)));
    }
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
        // Portability findings are the translation's notes, which account for expressions themselves.
        if found.is_expression(&d.pointer) && !invokecfg_lint::portability::is_portability_rule(&d.code) {
            continue;
        }
        let (key, value) = found.span_of(&d.pointer);
        let on_key = d.span.is_some_and(|s| {
            // Only a key the document holds (`key_span` falls back to a value span).
            parsed.as_ref().and_then(|p| p.spans.get(&d.pointer)?.key).is_some_and(|k| k.start.offset == s.start.offset)
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
            let new: Value = serde_json::from_str(&e.content).ok()?;
            let content = match new {
                // Numbers and booleans read the same in JSON, HCL and YAML.
                Value::Number(_) | Value::Bool(_) => e.content.clone(),
                // A string only where the file writes the string itself, never an expression.
                Value::String(new) if !found.is_expression(&pointer) => {
                    string_literal(found, source.get(at.value.clone())?, &new)?
                }
                _ => return None,
            };
            edits.push(Edit { span: lines.span(at.value.clone()), content });
        }
    }
    Some(Fix { edits, ..fix })
}

/// `new` written as the literal `old` is (a quoted HCL string, a YAML
/// scalar in its style), or `None` when `old` is no plain string literal
/// (`jsonencode(...)`, a heredoc, a YAML block scalar).
fn string_literal(found: &Found, old: &str, new: &str) -> Option<String> {
    let quoted = old.len() >= 2 && old.starts_with('"') && old.ends_with('"');
    if invokecfg_model::facts::terraform::resource(found.wrapper).is_some() {
        return quoted.then(|| text::hcl_string(new));
    }
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "_-./:".contains(c))
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
    };
    if plain(old) && plain(new) {
        Some(new.to_string())
    } else if quoted {
        // A JSON string is a YAML double-quoted scalar.
        serde_json::to_string(new).ok()
    } else {
        None
    }
}

fn same(a: Span, b: Span) -> bool {
    a.start.offset == b.start.offset && a.end.offset == b.end.offset
}
