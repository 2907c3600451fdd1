//! What every rule reads: the parsed source, the dialect, and the configs,
//! destinations and identities found in it, computed once per file.

use crate::suggest;
use crate::{Applicability, LintOptions, RuleInfo};
use invokecfg_model::facts::{aws, huawei};
use invokecfg_model::json::{member, push_pointer_token};
use invokecfg_model::neutral;
use invokecfg_model::span::{DuplicateKey, ItemWindow, ParsedSource};
use invokecfg_model::{
    detect_dialect, AcsArn, ArnError, AwsArn, AwsArnError, DestinationKind, DetectError, Diagnostic, Dialect, Edit,
    Field, Fix, FunctionRef, FunctionUrn, LambdaFunctionName, Position, SmnTopicUrn, Span, SpanMap, UrnError,
};
use serde_json::{Map, Value};

mod config;
mod found;
pub(crate) use found::*;

/// The key of a destination's kind or ARN (the same spelling on Alibaba and Huawei).
const DESTINATION: &str = huawei::DESTINATION_KEYS[0];
/// FunctionGraph's `param` key.
const PARAM: &str = huawei::DESTINATION_KEYS[1];

/// Where in the source a finding points.
#[derive(Clone, Copy)]
pub(crate) enum At {
    /// The member's key (falls back to the value).
    Key,
    /// The value.
    Value,
}

/// Which kind of object a map is, for the key sets it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    List,
    Config,
    DestinationConfig,
    Destination,
    PageInfo,
    /// The response envelope around a config (SCF's `{"Response": {...}}`).
    Envelope,
    /// The dialect's nested object number `n` (`DialectSpec::nested`).
    Nested(usize),
}

/// One config (the document, or one list item).
pub(crate) struct Config<'a> {
    pub pointer: String,
    pub map: &'a Map<String, Value>,
    /// Huawei: read back from the API (has `func_urn`, `created_time` or `last_modified`).
    pub response: bool,
    /// The function the config belongs to (document, else `--function`).
    pub function: Option<FunctionRef>,
    /// `destinationConfig` / `destination_config`, when an object.
    pub dest_config: Option<(String, &'a Map<String, Value>)>,
    pub destinations: Vec<Dest<'a>>,
}

impl<'a> Config<'a> {
    /// Pointer of member `key`.
    pub fn at(&self, key: &str) -> String {
        join(&self.pointer, key)
    }

    /// Pointer of a field key, which may be a path (SCF's `AsyncTriggerConfig/MsgTTL`).
    pub fn field_at(&self, key: &str) -> String {
        path_pointer(&self.pointer, key)
    }

    /// The value of a field key, following a path through objects and arrays.
    pub fn field(&self, key: &str) -> Option<&'a Value> {
        path_value(self.map, key)
    }
}

/// `p` + each `/`-separated token of `path`, escaped.
pub(crate) fn path_pointer(p: &str, path: &str) -> String {
    path.split('/').fold(p.to_string(), |p, token| join(&p, token))
}

/// The value at `path` (keys joined by `/`, an index stepping into an array) of `map`.
pub(crate) fn path_value<'a>(map: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut tokens = path.split('/');
    let mut at = member(map, tokens.next()?)?;
    for token in tokens {
        at = match at {
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            other => other.get(token)?,
        };
    }
    Some(at)
}

/// The lint context of one source.
pub(crate) struct Ctx<'a> {
    pub source: &'a [u8],
    pub value: &'a Value,
    pub spans: &'a SpanMap,
    pub duplicates: &'a [DuplicateKey],
    pub options: &'a LintOptions,
    pub dialect: Option<Dialect>,
    pub mixed: Option<DetectError>,
    /// The document has as many keys of two dialects: which one it is cannot be told.
    pub tie: bool,
    pub objects: Vec<Obj<'a>>,
    pub configs: Vec<Config<'a>>,
    /// The list document's top object.
    pub list: Option<&'a Map<String, Value>>,
    /// A long list is linted a window of items at a time: which items `value` holds.
    pub window: Option<&'a ItemWindow>,
    /// Every ARN and URN, in document order.
    pub idents: Vec<Ident>,
    /// What a dry-run translation to `--target` said: made outside the
    /// context (`portability::dry_run`) and handed over as data.
    pub dry_run: DryRun,
}

/// What a dry-run translation of the document to `--target` said.
#[derive(Debug, Default)]
pub(crate) enum DryRun {
    /// None was made: no `--target`, or no portability rule runs.
    #[default]
    NotRun,
    /// The translation's notes (of a translation or of a refusal).
    Notes(Vec<Diagnostic>),
    /// The translator cannot read the document.
    Unreadable,
}

/// `p` + `/key`, escaped.
pub(crate) fn join(p: &str, key: &str) -> String {
    let mut s = String::with_capacity(p.len() + key.len() + 1);
    s.push_str(p);
    s.push('/');
    push_pointer_token(&mut s, key);
    s
}

/// An integer value (i64 or u64), as i128 so no value is lost.
pub(crate) fn int(v: &Value) -> Option<i128> {
    v.as_i64().map(i128::from).or_else(|| v.as_u64().map(i128::from))
}

/// The keys of one dialect at one level.
pub(crate) fn known_keys(d: Dialect, l: Level) -> &'static [&'static str] {
    let s = d.spec();
    match l {
        Level::List => s.list.keys,
        Level::Config => s.config_keys,
        Level::DestinationConfig => s.destination_config_keys,
        Level::Destination => s.destination_keys,
        Level::PageInfo => s.list.position_keys,
        Level::Envelope => s.envelope.as_slice(),
        Level::Nested(n) => s.nested.get(n).map_or(&[], |o| o.keys),
    }
}

/// Spelling of a per-config field in one dialect.
pub(crate) fn age_key(d: Dialect) -> &'static str {
    d.key(Field::MaxEventAge)
}

/// Spelling of the retries field in one dialect.
pub(crate) fn retries_key(d: Dialect) -> &'static str {
    d.key(Field::RetryAttempts)
}

/// The function an FC function ARN names.
pub(crate) fn arn_function(arn: &AcsArn) -> Option<FunctionRef> {
    neutral::alibaba::destination_of(arn).function()
}

/// The function a FunctionGraph URN names.
pub(crate) fn urn_function(u: &FunctionUrn) -> FunctionRef {
    neutral::huawei::function_of(u)
}

/// Reads `--function`: an ARN or a URN.
pub(crate) fn parse_function(s: &str) -> Option<FunctionRef> {
    FunctionRef::parse(s)
}

fn str_at<'v>(m: &'v Map<String, Value>, k: &str) -> Option<&'v str> {
    member(m, k).and_then(Value::as_str)
}

/// Guesses the dialect of a document with no known key from its near-miss keys.
fn guess(value: &Value) -> Option<Dialect> {
    let top = value.as_object()?;
    Dialect::ALL.into_iter().find(|d| {
        top.keys().any(|k| !suggest::near(k, d.config_keys()).is_empty() || d.list_keys().contains(&k.as_str()))
    })
}

impl<'a> Ctx<'a> {
    /// Every Lambda ARN the document holds (function references and
    /// destinations), with the pointer of the string holding it.
    pub fn aws_arns(&self) -> Vec<(String, AwsArn)> {
        let mut out = Vec::new();
        if self.dialect != Some(Dialect::AwsLambda) {
            return out;
        }
        for c in &self.configs {
            for key in aws::CONFIG_IDENTITY_KEYS {
                if let Some(Ok(LambdaFunctionName::Arn(arn))) = str_at(c.map, key).map(str::parse) {
                    out.push((c.at(key), arn));
                }
            }
            for d in &c.destinations {
                if let Some(AwsDest { arn: Ok(arn) }) = &d.aws {
                    out.push((join(&d.pointer, aws::DESTINATION_KEY), arn.clone()));
                }
            }
        }
        out
    }

    /// A pointer into `value` (which holds only a window of a long list's
    /// items) as a pointer into the document.
    pub fn in_document<'p>(&self, pointer: &'p str) -> std::borrow::Cow<'p, str> {
        match self.window {
            Some(w) => w.to_document(pointer).into(),
            None => pointer.into(),
        }
    }

    /// The value at a pointer into the document.
    pub fn value_at(&self, pointer: &str) -> Option<&'a Value> {
        match self.window {
            Some(w) => self.value.pointer(&w.to_window(pointer)?),
            None => self.value.pointer(pointer),
        }
    }

    /// How many items the list has (the whole list, not the window).
    pub fn list_len(&self, items: &[Value]) -> usize {
        self.window.map_or(items.len(), |w| w.total)
    }

    /// The notes of translating the document to `--target` (none without one).
    pub fn portability(&self) -> &[Diagnostic] {
        match &self.dry_run {
            DryRun::Notes(notes) => notes,
            DryRun::NotRun | DryRun::Unreadable => &[],
        }
    }

    /// Whether a dry run was asked for and the translator could not read the
    /// document (a window of a list: then the whole list cannot be translated).
    pub fn untranslatable(&self) -> bool {
        matches!(self.dry_run, DryRun::Unreadable)
    }

    /// Every FunctionGraph destination whose kind is known and whose `param` decodes to an object.
    pub fn huawei_params(&self) -> impl Iterator<Item = (&Dest<'a>, DestinationKind, &Map<String, Value>)> {
        self.configs.iter().flat_map(|c| c.destinations.iter()).filter_map(|d| {
            let h = d.huawei.as_ref()?;
            Some((d, h.kind?, h.param_obj()?))
        })
    }

    /// The configs, when the document is read as `d` (none otherwise).
    pub fn configs_of(&self, d: Dialect) -> impl Iterator<Item = &Config<'a>> {
        self.configs.iter().filter(move |_| self.dialect == Some(d))
    }

    pub fn new(source: &'a [u8], parsed: &'a ParsedSource, options: &'a LintOptions) -> Self {
        let value = &parsed.value;
        let (dialect, mixed) = match options.dialect {
            Some(d) => (Some(d), None),
            None => match detect_dialect(value) {
                Ok(dialect) => (Some(dialect), None),
                Err(DetectError::NotAnObject) => (None, None),
                Err(DetectError::NoKeys) => (guess(value), None),
                Err(e) => {
                    let d = match &e {
                        DetectError::Mixed { first, first_keys, second, second_keys } => {
                            Some(if first_keys.len() >= second_keys.len() { *first } else { *second })
                        }
                        _ => None,
                    };
                    (d, Some(e))
                }
            },
        };
        let tie = matches!(&mixed, Some(DetectError::Mixed { first_keys, second_keys, .. }) if first_keys.len() == second_keys.len());
        let mut ctx = Ctx {
            tie,
            source,
            value,
            spans: &parsed.spans,
            duplicates: &parsed.duplicates,
            options,
            dialect,
            mixed,
            objects: Vec::new(),
            configs: Vec::new(),
            list: None,
            window: parsed.window.as_ref(),
            idents: Vec::new(),
            dry_run: DryRun::NotRun,
        };
        if let (Some(d), Value::Object(top)) = (dialect, value) {
            ctx.collect(d, top);
        }
        ctx
    }

    fn collect(&mut self, d: Dialect, top: &'a Map<String, Value>) {
        let option_fn = self.options.function.as_deref().and_then(parse_function);
        let items_key = d.list_items_key();
        if top.contains_key(items_key) {
            self.list = Some(top);
            self.objects.push(Obj { pointer: String::new(), map: top, level: Level::List });
            if d == Dialect::Huawei {
                let page_info = huawei::LIST_KEYS[2];
                if let Some(Value::Object(pi)) = top.get(page_info) {
                    self.objects.push(Obj { pointer: format!("/{page_info}"), map: pi, level: Level::PageInfo });
                }
            }
            if let Some(Value::Array(items)) = top.get(items_key) {
                let first = self.window.map_or(0, |w| w.first);
                for (i, item) in (first..).zip(items) {
                    if let Value::Object(m) = item {
                        self.config(d, format!("/{items_key}/{i}"), m, &option_fn);
                    }
                }
            }
        } else if let Some((key, Value::Object(inner))) = d.spec().envelope.and_then(|e| top.get_key_value(e)) {
            // The response envelope: the config is inside it.
            if top.len() == 1 {
                self.objects.push(Obj { pointer: String::new(), map: top, level: Level::Envelope });
                self.config(d, join("", key), inner, &option_fn);
            } else {
                self.config(d, String::new(), top, &option_fn);
            }
        } else {
            self.config(d, String::new(), top, &option_fn);
        }
    }

    /// Reads one config (the document, or one list item): its objects,
    /// function, destinations and identifiers.
    fn config(&mut self, d: Dialect, pointer: String, map: &'a Map<String, Value>, option_fn: &Option<FunctionRef>) {
        self.objects.push(Obj { pointer: pointer.clone(), map, level: Level::Config });
        // The objects nested in the config (SCF's `AsyncTriggerConfig`, its `RetryConfig` entries).
        for (n, nested) in d.spec().nested.iter().enumerate() {
            let Some(value) = path_value(map, nested.path) else { continue };
            let at = path_pointer(&pointer, nested.path);
            match (value, nested.list) {
                (Value::Object(m), false) => self.objects.push(Obj { pointer: at, map: m, level: Level::Nested(n) }),
                (Value::Array(items), true) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Value::Object(m) = item {
                            let level = Level::Nested(n);
                            self.objects.push(Obj { pointer: format!("{at}/{i}"), map: m, level });
                        }
                    }
                }
                _ => {}
            }
        }
        let response = config::is_response(d, map, self.options.role);
        let function = config::function_of(d, map, option_fn);
        let read = config::destinations(d, &pointer, map);
        self.objects.extend(read.objects);
        self.idents.extend(config::identifiers(d, &pointer, map, &read.destinations, self.configs.len()));
        let (dest_config, destinations) = (read.dest_config, read.destinations);
        self.configs.push(Config { pointer, map, response, function, dest_config, destinations });
    }

    /// The span of decoded bytes `at..at + len` of the string at `pointer`
    /// (inside escapes too, as in `param`); the whole value's span when the
    /// part cannot be placed.
    pub fn string_part_span(&self, pointer: &str, at: usize, len: usize) -> Option<Span> {
        let whole = self.spans.value_span(pointer)?;
        let part = || {
            let raw =
                std::str::from_utf8(self.source.get(whole.start.offset + 1..whole.end.offset.checked_sub(1)?)?).ok()?;
            let map = source_offsets(raw)?;
            let (s, e) = (*map.get(at)?, *map.get(at + len)?);
            (len > 0 && s < e).then_some(())?;
            let column = whole.start.column + 1 + raw.get(..s)?.chars().count();
            let start = Position { line: whole.start.line, column, offset: whole.start.offset + 1 + s };
            let end_column = column + raw.get(s..e)?.chars().count();
            Some(Span {
                start,
                end: Position { line: start.line, column: end_column, offset: whole.start.offset + 1 + e },
            })
        };
        Some(part().unwrap_or(whole))
    }

    /// The span of bytes `at..at + len` of an identifier's text, in the string holding it.
    pub fn ident_part_span(&self, id: &Ident, (at, len): (usize, usize)) -> Option<Span> {
        let holder = self.value_at(&id.pointer).and_then(Value::as_str).unwrap_or_default();
        match holder.find(&id.text) {
            Some(base) => self.string_part_span(&id.pointer, base + at, len),
            None => self.spans.value_span(&id.pointer),
        }
    }

    /// The span of member `key` of the JSON text `text` held by the string at
    /// `pointer` (a `param`): its key, or its value when it is a number.
    pub fn member_span_in_string(&self, pointer: &str, text: &str, key: &str, number: bool) -> Option<Span> {
        let quoted = json_str(key);
        let Some(at) = text.find(&quoted) else { return self.spans.value_span(pointer) };
        if !number {
            return self.string_part_span(pointer, at, quoted.len());
        }
        let rest = &text[at + quoted.len()..];
        let skip = rest.len() - rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_whitespace()).len();
        let len = rest[skip..].bytes().take_while(|b| b.is_ascii_digit() || b"+-.eE".contains(b)).count();
        self.string_part_span(pointer, at + quoted.len() + skip, len)
    }

    /// A finding of `rule` at `pointer`.
    pub fn finding(&self, rule: &RuleInfo, pointer: &str, at: At, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(rule.code, rule.severity, pointer, message);
        d.span = match at {
            At::Key => self.spans.key_span(pointer),
            At::Value => self.spans.value_span(pointer),
        };
        d
    }
}

/// Setting a finding's span in a builder chain.
pub(crate) trait WithSpan {
    /// Replaces the span (a narrower one, inside the value).
    fn with_span(self, span: Option<Span>) -> Self;
}

impl WithSpan for Diagnostic {
    fn with_span(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }
}

/// Byte range (start, len) of the `n`th `:`-separated part of `text`.
pub(crate) fn colon_part(text: &str, n: usize) -> Option<(usize, usize)> {
    let mut start = 0;
    for (i, part) in text.split(':').enumerate() {
        if i == n {
            return Some((start, part.len()));
        }
        start += part.len() + 1;
    }
    None
}

/// For each byte of a JSON string's decoded text, the offset of the source
/// text (between the quotes) it came from; one more entry for the end.
fn source_offsets(raw: &str) -> Option<Vec<usize>> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(b.len() + 1);
    let mut i = 0;
    while i < b.len() {
        let (decoded, used) = if b[i] == b'\\' {
            match b.get(i + 1)? {
                b'u' => {
                    let unit = |at: usize| raw.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
                    let hi = unit(i + 2)?;
                    let lo = (raw.get(i + 6..i + 8) == Some("\\u")).then(|| unit(i + 8)).flatten();
                    match lo {
                        Some(lo) if (0xD800..0xDC00).contains(&hi) && (0xDC00..0xE000).contains(&lo) => (4, 12),
                        _ => (char::from_u32(hi).map_or(3, char::len_utf8), 6),
                    }
                }
                _ => (1, 2),
            }
        } else {
            let n = raw.get(i..)?.chars().next()?.len_utf8();
            (n, n)
        };
        // Every byte of a multi-byte character maps to the character's start.
        out.extend(std::iter::repeat_n(i, decoded));
        i += used;
    }
    out.push(i);
    Some(out)
}

/// A fix that replaces one span.
pub(crate) fn replace(
    applicability: Applicability,
    span: Option<Span>,
    content: impl Into<String>,
    message: impl Into<String>,
) -> Option<Fix> {
    Some(Fix::new(applicability, message, vec![Edit { span: span?, content: content.into() }]))
}

/// A key as JSON source text.
pub(crate) fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `a` or `an` for a word or acronym ("an SMN", "a DIS", "an alibaba-fc2").
pub(crate) use invokecfg_model::diagnostic::article;

/// Backtick-quoted, comma-separated list.
pub(crate) fn list(items: &[&str]) -> String {
    items.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}
