//! # invokecfg-translate
//!
//! Translates async invocation configs between every two dialects of
//! [`Dialect::ALL`] through the neutral model ([`invokecfg_model::NeutralDocument`]): source
//! document -> neutral -> policy (identity mapping, clamping, defaults,
//! destinations) -> target document. Every lossy or changed step becomes a
//! note ([`Diagnostic`] with a stable code and its one severity from
//! [`codes`]); what cannot be carried refuses the translation, naming the
//! mapping entry to add.
//!
//! ```
//! use invokecfg_model::{Dialect, Document, Field, Severity};
//! use invokecfg_translate::{codes, translate, Mapping, Options};
//!
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/alibaba-fc2/valid/seed-get-response.json");
//! let mut fc2: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
//! fc2[Dialect::AlibabaFc2.key(Field::RetryAttempts)] = 12.into();
//! let doc = Document::from_value(&fc2, Dialect::AlibabaFc2).unwrap();
//! let t = translate(&doc, Dialect::AlibabaFc3, &Mapping::default(), &Options::default()).unwrap();
//! let out = t.document.to_value();
//! // Clamped into FC 3.0's range 0..8, with a warning that gives both values.
//! assert_eq!(out[Dialect::AlibabaFc3.key(Field::RetryAttempts)], 8);
//! assert!(t.notes.iter().any(|n| n.code == codes::VALUE_CLAMPED && n.severity == Severity::Warning));
//! // FC 3.0 has no services: the service is dropped with a warning, never silently.
//! assert!(t.notes.iter().any(|n| n.code == codes::FIELD_DROPPED && n.severity == Severity::Warning));
//! // Read-only times are not written; an info note says so.
//! assert!(out.get(Dialect::AlibabaFc3.key(Field::LastModified)).is_none());
//! assert!(t.notes.iter().any(|n| n.code == codes::READ_ONLY_OMITTED && n.severity == Severity::Info));
//! ```
//!
//! ## Decisions the contract leaves open
//!
//! - **Function identity.** The output names the function only when the input
//!   does (`service`/`function`, `functionArn`, `func_urn`, `FunctionName`) or
//!   [`Options::function`] supplies it; a Put body stays a Put body. An
//!   identity without region and account (FC 2.0 documents never state them)
//!   takes them from [`Options::function`], else from the first destination
//!   ARN that has them (`T108`), else the output does not name the function
//!   (`T207`).
//! - **Lists.** Items keep their order. Within one dialect the paging is
//!   kept; across dialects a next-page token or total is noted (`T107`), and
//!   a total is never invented.
//! - **FC 3.0 -> FC 2.0** takes each function's service from the mapping
//!   file's `services` table (`""`: the default) or from an FC 2.0 ARN in
//!   [`Options::function`]; without one the identity has no `service`
//!   (`T207`) and function destinations are refused naming the entry (`T203`).
//! - **`destinations` entries** apply only across providers. An entry is read
//!   forwards by its key, or backwards by its value.
//! - **`allow_lossy`** drops, with a warning, what would otherwise refuse; a
//!   broken mapping entry (`T208`) still refuses.
//! - Unknown keys are never written, not even within one dialect (`T105`):
//!   the output must be a document the target API accepts.

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

/// The strings `parts` joined with one allocation: a note's text in a hot
/// path, where `format!` would grow its buffer piece by piece.
macro_rules! text {
    ($($part:expr),+ $(,)?) => {
        [$(::core::convert::AsRef::<str>::as_ref(&$part)),+].concat()
    };
}

pub mod codes;
mod destinations;
mod extensions;
mod identity;
mod list;
pub mod mapping;
mod namespace;
mod paging;
mod ranges;
mod resolve;

pub use list::{
    translate_in_windows, translate_in_windows_streamed, ListTranslation, NotInWindows, StreamedVerdict, TranslatedText,
};
pub use mapping::{
    Mapping, MappingError, Tables, BUILTIN_AWS_ALIBABA_REGIONS, BUILTIN_AWS_HUAWEI_REGIONS, BUILTIN_REGIONS,
};

use invokecfg_model::neutral::provider_codec;
use invokecfg_model::*;
use serde_json::{json, Value};
use std::fmt;

/// Translation switches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Refuse on any warning note.
    pub strict: bool,
    /// Drop what cannot be mapped (with a warning note) instead of refusing.
    pub allow_lossy: bool,
    /// The function's identity (ARN or URN) for documents that lack it.
    pub function: Option<String>,
}

/// A translated document and the notes on how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The document in the target dialect.
    pub document: Document,
    /// Every change, default, clamp and drop, in document order.
    pub notes: Vec<Diagnostic>,
}

/// Why a translation was refused.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TranslateError {
    /// Something cannot be carried (or `--strict` saw a warning); the notes
    /// hold the error notes naming the mapping entry to add, then every other note.
    Refused {
        /// All notes, errors first.
        notes: Vec<Diagnostic>,
    },
}

impl fmt::Display for TranslateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranslateError::Refused { notes } => {
                let errors: Vec<&str> =
                    notes.iter().filter(|n| n.severity == Severity::Error).map(|n| n.message.as_str()).collect();
                write!(f, "translation refused: {}", errors.join("; "))
            }
        }
    }
}

impl TranslateError {
    /// Every note of the refusal, errors first.
    pub fn notes(&self) -> &[Diagnostic] {
        match self {
            TranslateError::Refused { notes } => notes,
        }
    }

    /// [`TranslateError::notes`], taken.
    pub fn into_notes(self) -> Vec<Diagnostic> {
        match self {
            TranslateError::Refused { notes } => notes,
        }
    }
}

impl std::error::Error for TranslateError {}

/// A note as JSON, in the shape of `schemas/translate-report.schema.json`.
pub fn note_json(n: &Diagnostic) -> Value {
    let mut v = json!({
        "code": n.code, "severity": n.severity.as_str(), "message": n.message,
        "help": n.help, "pointer": n.pointer,
    });
    if let (Some(o), Value::Object(m)) = (&n.old, &mut v) {
        m.insert("old".into(), o.clone());
    }
    if let (Some(o), Value::Object(m)) = (&n.new, &mut v) {
        m.insert("new".into(), o.clone());
    }
    if let (Some((lo, hi)), Value::Object(m)) = (n.range, &mut v) {
        m.insert("range".into(), json!([lo, hi]));
    }
    v
}

/// Translates `doc` into `target`.
pub fn translate(
    doc: &Document,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Result<Translation, TranslateError> {
    let parts = translate_parts(doc, target, mapping, options, None, &mut Default::default())?;
    let mut notes = parts.notes;
    notes.extend(parts.unrendered);
    conclude(parts.document, notes, options).map(|(document, notes)| Translation { document, notes })
}

/// One translation before its verdict: notes deduplicated and anchored in
/// the source (a window's rebased into the whole list).
pub(crate) struct Parts {
    pub(crate) document: Option<Document>,
    /// The items' notes, then from `document_notes` on the document's own
    /// (paging, unknown top-level keys).
    pub(crate) notes: Vec<Diagnostic>,
    pub(crate) document_notes: usize,
    /// Why the target document could not be written.
    pub(crate) unrendered: Vec<Diagnostic>,
}

/// The notes said once per translation however many items give them, as
/// code -> messages: kept across the windows of one list. Keyed by code
/// first so a note already said is found without copying its text.
pub(crate) type Globals = foldhash::HashMap<String, foldhash::HashSet<String>>;

/// Translates `doc` (a window of a longer list when `window` is given) up to
/// the verdict; refuses, with only those notes, a source the neutral model
/// cannot read.
pub(crate) fn translate_parts(
    doc: &Document,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
    window: Option<&span::ItemWindow>,
    globals: &mut Globals,
) -> Result<Parts, TranslateError> {
    let source = doc.dialect();
    let neutral = doc.to_neutral().map_err(|errors| TranslateError::Refused {
        notes: errors
            .into_iter()
            .map(|e| {
                let pointer = window.map_or_else(|| e.pointer.clone(), |w| w.to_document(&e.pointer));
                note(codes::SOURCE_INVALID, &pointer, e.message)
                    .with_help("fix the source document first (`invokecfg lint` shows every problem)")
            })
            .collect(),
    })?;
    let Some(direction) = mapping.direction(source.provider(), target.provider()) else {
        let message =
            format!("no mapping tables between {} and {} are registered", source.provider(), target.provider());
        return Err(TranslateError::Refused { notes: vec![note(codes::IDENTITY_UNMAPPED, "", message)] });
    };
    let source_value = doc.to_value();
    let pair = Pair::new(source, target);
    let ctx = Ctx {
        pair,
        direction,
        resolver: resolve::Resolver::new(pair, direction),
        options,
        function_option: options.function.as_deref().and_then(FunctionRef::parse),
        source_value: &source_value,
        list_total: window.map(|w| w.total),
        services: &mapping.services,
    };
    let mut notes = Vec::new();
    let (out, split) = match neutral {
        NeutralDocument::Config(c) => {
            // Notes point into the source: inside a response envelope, the config is not the root.
            let at = doc.config_pointer();
            let out = ctx.config(c, at, &ctx.identity_pointer(at), &mut notes);
            ctx.request_parameters(&out, &mut notes);
            (NeutralDocument::Config(out), 0)
        }
        NeutralDocument::List(l) => {
            let (l, split) = ctx.list(l, &mut notes);
            (NeutralDocument::List(l), split)
        }
    };
    let document_part = notes.split_off(split);
    // No note is both an item's and the document's: the two halves dedupe alone.
    let mut notes = dedupe(notes, globals);
    let document_notes = notes.len();
    notes.extend(dedupe(document_part, globals));
    anchor_pointers(&source_value, &mut notes);
    let (document, unrendered) = match Document::from_neutral(&out, target) {
        Ok(d) => (Some(d), Vec::new()),
        Err(errors) => {
            (None, errors.into_iter().map(|e| note(codes::IDENTITY_UNMAPPED, &e.pointer, e.message)).collect())
        }
    };
    let mut parts = Parts { document, notes, document_notes, unrendered };
    if let Some(w) = window {
        let out_window = span::ItemWindow { items_key: target.list_items_key().to_string(), ..w.clone() };
        for n in &mut parts.notes {
            n.pointer = w.to_document(&n.pointer);
        }
        for n in &mut parts.unrendered {
            n.pointer = out_window.to_document(&n.pointer);
        }
    }
    Ok(parts)
}

/// The verdict: `--strict` counts the warnings, and any error refuses (its
/// notes first). Public so a surface that adds notes of its own (a Terraform
/// rewrite) reaches its verdict by the same rule.
pub fn conclude<T>(
    document: Option<T>,
    mut notes: Vec<Diagnostic>,
    options: &Options,
) -> Result<(T, Vec<Diagnostic>), TranslateError> {
    let warnings = notes.iter().filter(|n| n.severity == Severity::Warning).count();
    notes.splice(0..0, strict_refusal(warnings, options));
    match document {
        Some(document) if !notes.iter().any(|n| n.severity == Severity::Error) => Ok((document, notes)),
        _ => {
            notes.sort_by_key(|n| std::cmp::Reverse(n.severity));
            Err(TranslateError::Refused { notes })
        }
    }
}

/// `T301` when `--strict` refuses a translation with `warnings` warning notes.
pub(crate) fn strict_refusal(warnings: usize, options: &Options) -> Option<Diagnostic> {
    (options.strict && warnings > 0).then(|| {
        note(codes::STRICT_REFUSAL, "", format!("refused by --strict: the translation has {warnings} warning note(s)"))
            .with_help("drop --strict to accept the changes the warnings describe")
    })
}

/// Points every note at a place that exists in the source: a note about an
/// omitted field or a part of a value names the nearest enclosing value
/// (`""` for the document); its message names the field.
fn anchor_pointers(source: &Value, notes: &mut [Diagnostic]) {
    // Notes in a row often share a pointer (an item's identity): look it up once.
    let mut last: Option<(String, usize)> = None;
    for n in notes {
        if let Some((pointer, kept)) = &last {
            if *pointer == n.pointer {
                n.pointer.truncate(*kept);
                continue;
            }
        }
        let given = n.pointer.clone();
        while !n.pointer.is_empty() && value_at(source, &n.pointer).is_none() {
            let cut = n.pointer.rfind('/').unwrap_or(0);
            n.pointer.truncate(cut);
        }
        last = Some((given, n.pointer.len()));
    }
}

/// `value.pointer(pointer)`, without an allocation per token when the token
/// has nothing escaped (a list's notes look up millions of pointers).
fn value_at<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let mut at = value;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token: std::borrow::Cow<'_, str> = match token.contains('~') {
            true => document::unescape_pointer_token(token).into(),
            false => token.into(),
        };
        at = match at {
            Value::Object(map) => map.get(token.as_ref())?,
            Value::Array(items) => {
                // RFC 6901: an index has no sign and no leading zero.
                let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
                if !digits || (token.len() > 1 && token.starts_with('0')) {
                    return None;
                }
                items.get(token.parse::<usize>().ok()?)?
            }
            _ => return None,
        };
    }
    Some(at)
}

fn dedupe(mut notes: Vec<Diagnostic>, globals: &mut Globals) -> Vec<Diagnostic> {
    // A set, not a scan of what is kept: a list of n items has O(n) notes.
    let keep: Vec<bool> = {
        let mut seen = foldhash::HashSet::with_capacity_and_hasher(notes.len(), Default::default());
        notes
            .iter()
            .map(|n| {
                // One note per built-in pair or resolution, however many identifiers use it.
                if n.code == codes::BUILTIN_REGION_PAIR || n.code == codes::IDENTITY_RESOLVED {
                    match globals.get_mut(n.code.as_str()) {
                        Some(said) if said.contains(n.message.as_str()) => false,
                        Some(said) => said.insert(n.message.clone()),
                        None => {
                            globals.insert(n.code.clone(), std::iter::once(n.message.clone()).collect());
                            true
                        }
                    }
                } else {
                    seen.insert((n.code.as_str(), n.message.as_str(), n.pointer.as_str()))
                }
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    notes.retain(|_| keep.next().unwrap_or(true));
    notes
}

/// What one translation is from and to: the policy modules' common data.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    /// The dialect translated from.
    pub(crate) source: Dialect,
    /// The dialect translated into.
    pub(crate) target: Dialect,
    pub(crate) source_spec: &'static DialectSpec,
    pub(crate) target_spec: &'static DialectSpec,
}

impl Pair {
    pub(crate) fn new(source: Dialect, target: Dialect) -> Self {
        Pair { source, target, source_spec: source.spec(), target_spec: target.spec() }
    }

    /// Whether the translation goes to another provider's cloud.
    pub(crate) fn crosses(self) -> bool {
        self.source_spec.provider != self.target_spec.provider
    }
}

/// One translation's policy: which pair, the mapping file's tables, the
/// options and the source document. Each policy module reads only the part
/// it needs ([`Pair`], [`resolve::Resolver`]).
struct Ctx<'a> {
    pair: Pair,
    /// The mapping tables of this provider pair, and which way they are read.
    direction: mapping::Direction<'a>,
    /// Region, account, qualifier and namespace lookups through `direction`.
    resolver: resolve::Resolver<'a>,
    options: &'a Options,
    /// The function `--function` names, when it parses.
    function_option: Option<FunctionRef>,
    /// The source document, for pointers to what it really holds.
    source_value: &'a Value,
    /// A window's list: how many items the whole list has.
    list_total: Option<usize>,
    /// The mapping file's `services`: FC 3.0 function -> FC 2.0 service.
    services: &'a [(String, String)],
}

/// A note with its code's one severity ([`codes::ALL`]).
fn note(code: &str, pointer: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(code, codes::severity(code), pointer, message)
}

impl Ctx<'_> {
    /// Where the function of the config at `p` is named in the source: its
    /// first identity key present, else the dialect's function key.
    fn identity_pointer(&self, p: &str) -> String {
        let keys = self.pair.source_spec.identity_keys;
        let config = value_at(self.source_value, p).and_then(Value::as_object);
        let present = keys.iter().find(|k| config.is_some_and(|c| c.get(**k).is_some_and(|v| !v.is_null())));
        format!("{p}/{}", present.unwrap_or(&self.pair.source_spec.keys.function))
    }

    /// A qualifier the target takes as a request parameter (FC 3.0's
    /// `?qualifier=`): the output keeps it (as s.yaml does), and says so.
    fn request_parameters(&self, out: &AsyncInvokeConfig, notes: &mut Vec<Diagnostic>) {
        let qualifier = out.function.as_ref().and_then(|f| f.qualifier.as_ref());
        if let (Some(why), Some(q)) = (self.pair.target_spec.identity.qualifier_note, qualifier) {
            let text = (provider_codec(self.pair.target_spec.provider).qualifier_text)(q);
            notes.push(
                note(codes::REQUEST_PARAMETER, &self.identity_pointer(""), format!("`qualifier` `{text}` {why}"))
                    .with_help("pass it with the request (`?qualifier=...`)"),
            );
        }
    }

    /// The config at `p`, whose function is named at `fp` ([`Self::identity_pointer`]).
    fn config(&self, c: AsyncInvokeConfig, p: &str, fp: &str, notes: &mut Vec<Diagnostic>) -> AsyncInvokeConfig {
        let src_fn = self.source_function(&c, fp, notes);
        let function = self.or_drop(
            notes,
            |notes| self.target_function(src_fn.clone(), p, fp, notes),
            |reasons, help| {
                note(
                    codes::FIELD_DROPPED,
                    fp,
                    text!(
                        "the function's identity is not written (--allow-lossy): ",
                        reasons,
                        "; the output is a Put body"
                    ),
                )
                .with_help(text!("to keep it, ", help))
            },
        );
        let sk = &self.pair.source_spec.keys;
        let mut out = AsyncInvokeConfig {
            function,
            max_event_age: ranges::range(
                self.pair,
                c.max_event_age,
                (self.pair.source_spec.max_event_age.request, self.pair.target_spec.max_event_age.request),
                p,
                sk.max_event_age,
                notes,
            ),
            max_retry_attempts: ranges::range(
                self.pair,
                c.max_retry_attempts,
                (self.pair.source_spec.retry_attempts.request, self.pair.target_spec.retry_attempts.request),
                p,
                sk.retry_attempts,
                notes,
            ),
            ..Default::default()
        };
        out.state_tracking = extensions::state_tracking(self.pair, c.state_tracking, p, notes);
        // Read-only fields are never written (design.md): the target API sets them.
        for (key, value) in
            [(sk.created_time, &c.extensions.created_time), (Some(sk.last_modified), &c.extensions.last_modified)]
        {
            if let (Some(k), Some(_)) = (key, value) {
                notes.push(
                    note(codes::READ_ONLY_OMITTED, &text!(p, "/", k), text!("read-only `", k, "` is not written"))
                        .with_help("the target API sets it"),
                );
            }
        }
        out.extensions.unknown = extensions::carry_unknown(self.pair.source, c.extensions.unknown, p, notes);
        out.on_success = self.destination(c.on_success, p, Side::OnSuccess, src_fn.as_ref(), notes);
        out.on_failure = self.destination(c.on_failure, p, Side::OnFailure, src_fn.as_ref(), notes);
        out
    }
}

/// Which destination of a config: a target may take a kind on one side only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    OnSuccess,
    OnFailure,
}

impl Side {
    /// Its key in `spec`'s destinations object.
    fn key(self, spec: &DialectSpec) -> &'static str {
        match self {
            Side::OnSuccess => spec.keys.on_success,
            Side::OnFailure => spec.keys.on_failure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_at_is_serde_jsons_pointer() {
        let v = json!({"a": [1, {"b/c": 2, "d~e": 3, "": 4}], "01": 5});
        for p in [
            "",
            "/a",
            "/a/0",
            "/a/1/b~1c",
            "/a/1/d~0e",
            "/a/1/",
            "/01",
            "/a/01",
            "/a/-1",
            "/a/+1",
            "/a/2",
            "/x",
            "a",
            "/a/0/x",
            "/a/1/b/c",
        ] {
            assert_eq!(value_at(&v, p), v.pointer(p), "{p}");
        }
    }
}
