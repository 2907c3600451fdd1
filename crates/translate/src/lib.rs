//! # invokecfg-translate
//!
//! Translates async invocation configs between `alibaba-fc2`, `alibaba-fc3` and
//! `huawei` through the neutral model ([`invokecfg_model::NeutralDocument`]):
//! source document -> neutral -> policy (identity mapping, clamping, defaults,
//! destinations) -> target document. Every lossy or changed step becomes a
//! note ([`Diagnostic`] with a stable code from [`codes`]); what cannot be
//! carried refuses the translation, naming the mapping entry to add.
//!
//! ## Decisions the contract leaves open
//!
//! - **Function identity.** The output names the function only when the input
//!   does (`service`/`function`, `functionArn`, `func_urn`) or
//!   [`Options::function`] supplies it; a Put body stays a Put body. A Huawei
//!   output with `func_urn` is response-shaped: for a Put, `func_urn` goes into
//!   the request path (`.../functions/{func_urn}/async-invoke-config`); the
//!   `huawei` schema accepts both. An Alibaba identity without region and
//!   account (FC 2.0 documents never state them) takes them from
//!   [`Options::function`], else from the first destination ARN that has them
//!   (`T108`), else the output omits `func_urn` (`T207`).
//! - **Lists.** Items keep their order. FC -> Huawei writes `count` = the
//!   number of items and no `page_info` (an FC `nextToken` is opaque; it is
//!   noted, `T107`). Huawei -> FC writes no `nextToken` and notes `count` and
//!   `page_info` (`T107`). Within one provider the paging is kept.
//! - **FC 2.0 -> FC 3.0.** The service is dropped (`T106`, info) and FC 2.0
//!   function ARNs take the `functions/{f}` form (a warning when that drops a
//!   qualifier). **FC 3.0 -> FC 2.0** takes the service from an FC 2.0 ARN in
//!   [`Options::function`]; FC 3.0 function destinations are written in that
//!   service (`T108`). Without one, the identity is written without `service`
//!   (`T207`) and function destinations are refused naming `--function` (`T203`).
//! - **`destinations` entries** apply only across providers (FC 2.0 <-> 3.0
//!   keeps ARNs). An entry is read forwards by its key, or backwards by its
//!   value; keys are Alibaba ARNs (value `{destination, param}`) or Huawei
//!   identifiers: function or SMN topic URNs, `OBS:{bucket}`, `DIS:{stream}`
//!   (value an ARN string).
//! - **`allow_lossy`** drops, with a warning, what would otherwise refuse: a
//!   destination kind the target lacks (`T201`), a destination whose region or
//!   account has no counterpart (`T201`), and a function identity that cannot be
//!   mapped (`T106`; the output is then a Put body). A broken mapping entry
//!   (`T208`) still refuses.
//! - Unknown keys are never written, not even within one dialect (`T105`):
//!   the output must be a document the target API accepts.

#![forbid(unsafe_code)]

pub mod codes;
pub mod mapping;

pub use mapping::{Mapping, MappingError, BUILTIN_REGIONS};

use invokecfg_model::facts::{alibaba, huawei, IntRange};
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
    let source = doc.dialect();
    let neutral = doc.to_neutral().map_err(|errors| TranslateError::Refused {
        notes: errors
            .into_iter()
            .map(|e| {
                Diagnostic::new(codes::SOURCE_INVALID, Severity::Error, e.pointer, e.message)
                    .with_help("fix the source document first (`invokecfg lint` shows every problem)")
            })
            .collect(),
    })?;
    let ctx = Ctx { source, target, mapping, options, option_fn: parse_function(options.function.as_deref()) };
    let mut notes = Vec::new();
    let out = match neutral {
        NeutralDocument::Config(c) => NeutralDocument::Config(ctx.config(c, "", &mut notes)),
        NeutralDocument::List(l) => NeutralDocument::List(ctx.list(l, &mut notes)),
    };
    let mut notes = dedupe(notes);
    let document = match Document::from_neutral(&out, target) {
        Ok(d) => Some(d),
        Err(errors) => {
            notes.extend(
                errors
                    .into_iter()
                    .map(|e| Diagnostic::new(codes::IDENTITY_UNMAPPED, Severity::Error, e.pointer, e.message)),
            );
            None
        }
    };
    let warnings = notes.iter().filter(|n| n.severity == Severity::Warning).count();
    if options.strict && warnings > 0 {
        notes.insert(
            0,
            Diagnostic::new(
                codes::STRICT_REFUSAL,
                Severity::Error,
                "",
                format!("refused by --strict: the translation has {warnings} warning note(s)"),
            )
            .with_help("drop --strict to accept the changes the warnings describe"),
        );
    }
    match document {
        Some(document) if !notes.iter().any(|n| n.severity == Severity::Error) => Ok(Translation { document, notes }),
        _ => {
            notes.sort_by_key(|n| std::cmp::Reverse(n.severity));
            Err(TranslateError::Refused { notes })
        }
    }
}

/// A `destinations` key read backwards as the Huawei destination it names:
/// a function or SMN topic URN, or `OBS:{bucket}` / `DIS:{stream}`
/// ([`Destination::source_key`]'s form for kinds without a URN).
fn huawei_key(key: &str) -> Result<DestinationParam, String> {
    let (kind, value) = if let Ok(func_urn) = key.parse::<FunctionUrn>() {
        return Ok(DestinationParam::FunctionGraph(FunctionGraphParam { func_urn, unknown: Default::default() }));
    } else if let Ok(topic_urn) = key.parse::<SmnTopicUrn>() {
        return Ok(DestinationParam::Smn(SmnParam { topic_urn, unknown: Default::default() }));
    } else if let Some(bucket) = key.strip_prefix("OBS:") {
        (DestinationKind::Obs, json!({ "bucket": bucket }))
    } else if let Some(stream) = key.strip_prefix("DIS:") {
        (DestinationKind::Dis, json!({ "stream_name": stream }))
    } else {
        return Err(format!(
            "read backwards, its key must name a FunctionGraph destination (a function or SMN topic URN, `OBS:{{bucket}}` or `DIS:{{stream}}`), not `{key}`"
        ));
    };
    DestinationParam::from_value(kind, value).map_err(|e| e.to_string())
}

fn dedupe(notes: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(notes.len());
    for n in notes {
        // One note per built-in pair or missing entry, however many identifiers use it.
        let global = n.code == codes::BUILTIN_REGION_PAIR;
        if !out.iter().any(|o| o.code == n.code && o.message == n.message && (global || o.pointer == n.pointer)) {
            out.push(n);
        }
    }
    out
}

fn parse_function(text: Option<&str>) -> Option<(Provider, FunctionRef)> {
    FunctionRef::parse(text?)
}

fn provider(d: Dialect) -> Provider {
    if d.is_alibaba() {
        Provider::Alibaba
    } else {
        Provider::Huawei
    }
}

fn age_range(d: Dialect) -> IntRange {
    if d.is_alibaba() {
        alibaba::MAX_EVENT_AGE
    } else {
        huawei::MAX_EVENT_AGE
    }
}

fn retry_range(d: Dialect) -> IntRange {
    if d.is_alibaba() {
        alibaba::RETRY_ATTEMPTS
    } else {
        huawei::RETRY_ATTEMPTS
    }
}

/// The dialect's spelling of a field, for note pointers.
fn key(d: Dialect, field: &str) -> &'static str {
    d.key(match field {
        "age" => Field::MaxEventAge,
        "retries" => Field::RetryAttempts,
        "dc" => Field::DestinationConfig,
        "on_success" => Field::OnSuccess,
        "on_failure" => Field::OnFailure,
        "created" => Field::CreatedTime,
        "modified" => Field::LastModified,
        "task" => Field::AsyncTask,
        "function" => Field::Function,
        _ => Field::ListItems,
    })
}

struct Ctx<'a> {
    source: Dialect,
    target: Dialect,
    mapping: &'a Mapping,
    options: &'a Options,
    option_fn: Option<(Provider, FunctionRef)>,
}

fn note(code: &str, severity: Severity, pointer: &str, message: String) -> Diagnostic {
    Diagnostic::new(code, severity, pointer, message)
}

impl Ctx<'_> {
    fn crosses(&self) -> bool {
        provider(self.source) != provider(self.target)
    }

    fn list(&self, l: ConfigList, notes: &mut Vec<Diagnostic>) -> ConfigList {
        let items_key = key(self.source, "items");
        let n = l.items.len() as i64;
        let items: Vec<AsyncInvokeConfig> = l
            .items
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let p = format!("/{items_key}/{i}");
                let mut out = self.config(c, &p, notes);
                // FC 3.0 list items (`AsyncConfig`) have no qualifier field; only a
                // single document may carry the query-string qualifier.
                if self.target == Dialect::AlibabaFc3 && self.source != Dialect::AlibabaFc3 {
                    if let Some(q) = out.function.as_mut().and_then(|f| f.qualifier.take()) {
                        let severity = if q == Qualifier::Latest { Severity::Info } else { Severity::Warning };
                        notes.push(
                            note(
                                codes::FIELD_DROPPED,
                                severity,
                                &format!("{p}/{}", key(self.source, "function")),
                                format!(
                                    "qualifier `{}` is not carried: FC 3.0 list items (`AsyncConfig`) have no qualifier",
                                    q.to_alibaba()
                                ),
                            )
                            .with_help("translate this config on its own: a single FC 3.0 document keeps the qualifier of its query string"),
                        );
                    }
                }
                out
            })
            .collect();
        let paging = match (l.paging, self.target) {
            (p @ Paging::Alibaba { .. }, t) if t == self.source => p,
            (Paging::Huawei { count, mut page_info }, Dialect::Huawei) => {
                let count = match count {
                    Some(c) if c < 0 => {
                        notes.push(note(
                            codes::PAGING_NOT_CARRIED,
                            Severity::Info,
                            "/count",
                            format!("`count` {c} is negative; written as the {n} item(s) carried"),
                        ));
                        Some(n)
                    }
                    c => c,
                };
                if page_info.as_ref().is_some_and(|pi| pi.current_count.is_some_and(|c| c < 0)) {
                    notes.push(note(
                        codes::PAGING_NOT_CARRIED,
                        Severity::Info,
                        "/page_info",
                        "`page_info` has a negative `current_count` and is not carried".into(),
                    ));
                    page_info = None;
                }
                if let Some(pi) = page_info.as_mut() {
                    let unknown = std::mem::take(&mut pi.unknown);
                    let dropped = unknown.into_iter().map(|(k, v)| {
                        (format!("/page_info/{}", invokecfg_model::document::escape_pointer_token(&k)), v)
                    });
                    self.carry_unknown(dropped.collect(), "", notes);
                }
                Paging::Huawei { count, page_info }
            }
            (Paging::Alibaba { next_token }, t) => {
                if let Some(token) = next_token {
                    notes.push(
                        note(
                            codes::PAGING_NOT_CARRIED,
                            Severity::Info,
                            "/nextToken",
                            format!("`nextToken` `{token}` pages the source API and is not carried"),
                        )
                        .with_help("list the remaining pages on the source and translate each"),
                    );
                }
                if t == Dialect::Huawei {
                    Paging::Huawei { count: Some(n), page_info: None }
                } else {
                    Paging::Alibaba { next_token: None }
                }
            }
            (Paging::Huawei { count, page_info }, _) => {
                if count.is_some() || page_info.is_some() {
                    notes.push(
                        note(
                            codes::PAGING_NOT_CARRIED,
                            Severity::Info,
                            "/page_info",
                            "`count` and `page_info` page the FunctionGraph API and are not carried".into(),
                        )
                        .with_help("list the remaining pages on the source and translate each"),
                    );
                }
                Paging::Alibaba { next_token: None }
            }
        };
        let unknown = self.carry_unknown(l.unknown, "", notes);
        ConfigList { items, paging, unknown }
    }

    fn carry_unknown(
        &self,
        unknown: Vec<(String, Value)>,
        p: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Vec<(String, Value)> {
        // Never written, even within one dialect: the output must be a document the API accepts.
        for (pointer, _) in unknown {
            notes.push(
                note(
                    codes::UNKNOWN_KEY_DROPPED,
                    Severity::Warning,
                    &format!("{p}{pointer}"),
                    format!("`{p}{pointer}` is no {} key and is not carried", self.source.id()),
                )
                .with_help("remove it, or fix its spelling (`invokecfg lint` suggests the nearest key)"),
            );
        }
        Vec::new()
    }

    fn config(&self, c: AsyncInvokeConfig, p: &str, notes: &mut Vec<Diagnostic>) -> AsyncInvokeConfig {
        let (s, t) = (self.source, self.target);
        let src_fn = self.source_function(&c, p, notes);
        let fp = format!("{p}/{}", key(s, "function"));
        let function = self.or_drop(
            notes,
            |notes| self.target_function(src_fn.clone(), p, notes),
            |reasons, help| {
                note(
                    codes::FIELD_DROPPED,
                    Severity::Warning,
                    &fp,
                    format!(
                        "the function's identity is not written (--allow-lossy): {reasons}; the output is a Put body"
                    ),
                )
                .with_help(format!("to keep it, {help}"))
            },
        );
        let mut out = AsyncInvokeConfig {
            function,
            max_event_age: self.range(
                c.max_event_age,
                age_range(s),
                age_range(t),
                &format!("{p}/{}", key(s, "age")),
                notes,
            ),
            max_retry_attempts: self.range(
                c.max_retry_attempts,
                retry_range(s),
                retry_range(t),
                &format!("{p}/{}", key(s, "retries")),
                notes,
            ),
            ..Default::default()
        };
        let task_ptr = format!("{p}/{}", key(s, "task"));
        match (s.is_alibaba(), t.is_alibaba()) {
            (true, true) => out.async_task = c.async_task,
            (false, false) => out.status_log = c.status_log.clone(),
            (true, false) => {
                if let Some(b) = c.async_task {
                    out.status_log = Some(StatusLog { enabled: Some(b), ..Default::default() });
                    notes.push(
                        note(codes::FEATURE_APPROXIMATED, Severity::Info, &task_ptr, format!("`{}: {b}` became `enable_async_status_log: {b}`", key(s, "task")))
                            .with_help("FunctionGraph's closest feature: each invocation's status is kept and can be queried; it does not add Alibaba's task controls (stop, replay)"),
                    );
                }
            }
            (false, true) => {
                if let Some(log) = &c.status_log {
                    if let Some(b) = log.enabled {
                        out.async_task = Some(b);
                        notes.push(
                            note(codes::FEATURE_APPROXIMATED, Severity::Info, &task_ptr, format!("`enable_async_status_log: {b}` became `{}: {b}`", key(t, "task")))
                                .with_help("Alibaba's closest feature: asynchronous task mode keeps each invocation's state, and adds task controls"),
                        );
                    }
                    for (k, v) in log.lts_fields() {
                        notes.push(
                            note(codes::FIELD_DROPPED, Severity::Warning, &format!("{p}/{k}"), format!("`{k}` `{v}` has no Alibaba counterpart and is dropped"))
                                .with_help("Function Compute writes task status to its own store; configure logging on the function instead"),
                        );
                    }
                }
            }
        }
        {
            // Read-only fields are never written (design.md): the target API sets them.
            for (field, value) in [("created", &c.extensions.created_time), ("modified", &c.extensions.last_modified)] {
                if value.is_some() {
                    let k = key(s, field);
                    notes.push(
                        note(
                            codes::READ_ONLY_OMITTED,
                            Severity::Info,
                            &format!("{p}/{k}"),
                            format!("read-only `{k}` is not written"),
                        )
                        .with_help("the target API sets it"),
                    );
                }
            }
            out.extensions.unknown = self.carry_unknown(c.extensions.unknown, p, notes);
        }
        let dc = format!("{p}/{}", key(s, "dc"));
        out.on_success =
            self.destination(c.on_success, &format!("{dc}/{}", key(s, "on_success")), src_fn.as_ref(), notes);
        out.on_failure =
            self.destination(c.on_failure, &format!("{dc}/{}", key(s, "on_failure")), src_fn.as_ref(), notes);
        out
    }

    fn range(
        &self,
        value: Option<i64>,
        src: IntRange,
        tgt: IntRange,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<i64> {
        let key = pointer.rsplit('/').next().unwrap_or(pointer);
        let target = self.target.id();
        match value {
            Some(v) if tgt.contains(v) => Some(v),
            Some(v) => {
                let n = tgt.clamp(v);
                notes.push(
                    note(
                        codes::VALUE_CLAMPED,
                        Severity::Warning,
                        pointer,
                        format!("`{key}` {v} is outside {target}'s range {tgt}; clamped to {n}"),
                    )
                    .with_help(format!("{target} accepts {tgt}; set a value in range on the source to silence this"))
                    .with_change(json!(v), json!(n), Some((tgt.min, tgt.max))),
                );
                Some(n)
            }
            None if src.default == tgt.default => None,
            None => {
                let n = tgt.clamp(src.default);
                let d = if n == src.default {
                    note(
                        codes::DEFAULT_MADE_EXPLICIT,
                        Severity::Info,
                        pointer,
                        format!(
                            "`{key}` was omitted, meaning {} on {}; written as {n} because {target}'s default is {}",
                            src.default,
                            self.source.id(),
                            tgt.default
                        ),
                    )
                } else {
                    note(
                        codes::VALUE_CLAMPED,
                        Severity::Warning,
                        pointer,
                        format!(
                            "`{key}` was omitted, meaning {} on {}; clamped to {n}, inside {target}'s range {tgt}",
                            src.default,
                            self.source.id()
                        ),
                    )
                };
                notes.push(d.with_change(json!(src.default), json!(n), Some((tgt.min, tgt.max))));
                Some(n)
            }
        }
    }

    /// The source function, completed from `--function` (source form) and from destination ARNs.
    fn source_function(&self, c: &AsyncInvokeConfig, p: &str, notes: &mut Vec<Diagnostic>) -> Option<FunctionRef> {
        let mut f = c.function.clone();
        let fp = format!("{p}/{}", key(self.source, "function"));
        if let Some((prov, of)) = &self.option_fn {
            if *prov == provider(self.source) {
                match &mut f {
                    None => f = Some(of.clone()),
                    Some(f) if f.name.is_none() || f.name == of.name => {
                        f.region = f.region.take().or_else(|| of.region.clone());
                        f.account = f.account.take().or_else(|| of.account.clone());
                        f.group = f.group.take().or_else(|| of.group.clone());
                        f.name = f.name.take().or_else(|| of.name.clone());
                        f.qualifier = f.qualifier.take().or_else(|| of.qualifier.clone());
                    }
                    Some(_) => notes.push(note(
                        codes::IDENTITY_INFERRED,
                        Severity::Warning,
                        &fp,
                        "`--function` names another function than the document; the document's is used".into(),
                    )),
                }
            }
        }
        if let Some(f) = &mut f {
            if self.source.is_alibaba() && f.name.is_some() && (f.region.is_none() || f.account.is_none()) {
                let arn = [&c.on_success, &c.on_failure]
                    .into_iter()
                    .filter_map(|d| d.as_ref()?.as_arn())
                    .find(|a| !a.region.is_empty() && !a.account.is_empty());
                if let Some(arn) = arn {
                    f.region = f.region.take().or_else(|| Some(arn.region.clone()));
                    f.account = f.account.take().or_else(|| Some(arn.account.clone()));
                    notes.push(
                        note(
                            codes::IDENTITY_INFERRED,
                            Severity::Info,
                            &fp,
                            format!(
                                "the function's region `{}` and account `{}` were taken from destination `{arn}`",
                                arn.region, arn.account
                            ),
                        )
                        .with_help("pass --function with the function's ARN to state them"),
                    );
                }
            }
        }
        f
    }

    fn target_function(&self, f: Option<FunctionRef>, p: &str, notes: &mut Vec<Diagnostic>) -> Option<FunctionRef> {
        if let Some((prov, of)) = &self.option_fn {
            if *prov == provider(self.target) && self.crosses() {
                return Some(of.clone());
            }
        }
        let f = f?;
        let fp = format!("{p}/{}", key(self.source, "function"));
        match (self.source.is_alibaba(), self.target.is_alibaba()) {
            (false, false) => Some(f),
            (true, true) => {
                let mut g = f;
                if self.target == Dialect::AlibabaFc3 {
                    if let Some(service) = g.group.take() {
                        notes.push(
                            note(
                                codes::FIELD_DROPPED,
                                Severity::Info,
                                &format!("{p}/service"),
                                format!("service `{service}` is not carried: FC 3.0 has no services"),
                            )
                            .with_help("FC 3.0 function names are unique per region; make sure this one is"),
                        );
                    }
                } else if self.source == Dialect::AlibabaFc3 && g.group.is_none() && g.name.is_some() {
                    notes.push(
                        note(
                            codes::IDENTITY_INCOMPLETE,
                            Severity::Info,
                            &fp,
                            "FC 2.0 names a function by service; the output has no `service`".into(),
                        )
                        .with_help("pass --function acs:fc:{region}:{account}:services/{service}/functions/{function}"),
                    );
                }
                Some(g)
            }
            (true, false) => {
                if f.name.is_none() || f.region.is_none() || f.account.is_none() {
                    let what = if f.name.is_none() { "its name" } else { "its region and account" };
                    notes.push(
                        note(codes::IDENTITY_INCOMPLETE, Severity::Info, &fp, format!("the function's URN cannot be written: the document lacks {what}; the output is a Put body without `func_urn`"))
                            .with_help("pass --function with the function's ARN or URN to name it"),
                    );
                    return None;
                }
                self.alibaba_fn_to_huawei(&f, &fp, notes)
            }
            (false, true) => self.huawei_fn_to_alibaba(&f, &fp, notes),
        }
    }

    fn map_region(&self, region: &str, forward: bool, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        if let Some(r) = mapping::lookup(&self.mapping.regions, region, forward) {
            return Some(r.to_string());
        }
        if let Some((r, why)) = mapping::builtin_region(region, forward) {
            let (a, h) = if forward { (region, r) } else { (r, region) };
            notes.push(
                note(
                    codes::BUILTIN_REGION_PAIR,
                    Severity::Info,
                    pointer,
                    format!("region `{region}` mapped to `{r}` by the built-in pair {a} <-> {h} ({why})"),
                )
                .with_help(format!("add \"regions\": {{\"{a}\": \"...\"}} to the mapping file to choose another")),
            );
            return Some(r.to_string());
        }
        let help = if forward {
            format!("add \"regions\": {{\"{region}\": \"<FunctionGraph region>\"}} to the mapping file")
        } else {
            format!("add \"regions\": {{\"<Alibaba region>\": \"{region}\"}} to the mapping file")
        };
        notes.push(
            note(
                codes::IDENTITY_UNMAPPED,
                Severity::Error,
                pointer,
                format!("region `{region}` has no counterpart: no mapping entry and no built-in pair"),
            )
            .with_help(help),
        );
        None
    }

    fn map_account(&self, account: &str, forward: bool, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        if let Some(a) = mapping::lookup(&self.mapping.accounts, account, forward) {
            return Some(a.to_string());
        }
        let (msg, help) = if forward {
            (
                format!("account `{account}` has no FunctionGraph project id"),
                format!("add \"accounts\": {{\"{account}\": \"<32-character project id>\"}} to the mapping file"),
            )
        } else {
            (
                format!("project id `{account}` has no Alibaba account"),
                format!("add \"accounts\": {{\"<16-digit account id>\": \"{account}\"}} to the mapping file"),
            )
        };
        notes.push(note(codes::IDENTITY_UNMAPPED, Severity::Error, pointer, msg).with_help(help));
        None
    }

    fn map_qualifier(
        &self,
        q: Option<Qualifier>,
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Qualifier> {
        match q? {
            Qualifier::Latest => Some(Qualifier::Latest),
            Qualifier::Alias(a) => Some(Qualifier::Alias(a)),
            Qualifier::Version(v) => {
                let text = if forward { Qualifier::Version(v.clone()).to_alibaba() } else { v.clone() };
                match mapping::lookup(&self.mapping.qualifiers, &text, forward) {
                    Some(m) if forward => Some(Qualifier::from_huawei(m)),
                    Some(m) => Some(Qualifier::from_alibaba(m)),
                    None => {
                        let help = if forward {
                            format!("add \"qualifiers\": {{\"{v}\": \"<FunctionGraph version>\"}} to the mapping file")
                        } else {
                            format!(
                                "add \"qualifiers\": {{\"<Function Compute version>\": \"{v}\"}} to the mapping file"
                            )
                        };
                        notes.push(
                            note(
                                codes::QUALIFIER_KEPT,
                                Severity::Warning,
                                pointer,
                                format!("version `{v}` has no counterpart on {}; kept as it is", self.target.id()),
                            )
                            .with_help(help),
                        );
                        Some(Qualifier::Version(v))
                    }
                }
            }
        }
    }

    fn alibaba_fn_to_huawei(&self, f: &FunctionRef, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<FunctionRef> {
        let region = self.map_region(f.region.as_deref()?, true, pointer, notes);
        let account = self.map_account(f.account.as_deref()?, true, pointer, notes);
        let package = match &f.group {
            Some(service) => mapping::lookup(&self.mapping.packages, service, true).unwrap_or(service).to_string(),
            None => mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE).to_string(),
        };
        let name = f.name.clone()?;
        let qualifier = self.map_qualifier(f.qualifier.clone(), true, pointer, notes);
        let urn = FunctionUrn {
            region: region?,
            project_id: account?,
            package,
            function: name,
            qualifier: Some(qualifier.unwrap_or(Qualifier::Latest)),
        };
        // Parsing what we wrote checks every part against FunctionGraph's rules.
        match urn.to_string().parse::<FunctionUrn>() {
            Ok(u) => Some(FunctionRef::from_urn(&u)),
            Err(e) => {
                notes.push(
                    note(codes::IDENTITY_UNMAPPED, Severity::Error, pointer, format!("`{urn}` is no valid FunctionGraph URN: {e}"))
                        .with_help("map the service with a `packages` entry, or rename the function so FunctionGraph accepts its name"),
                );
                None
            }
        }
    }

    fn huawei_fn_to_alibaba(&self, f: &FunctionRef, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<FunctionRef> {
        let region = self.map_region(f.region.as_deref()?, false, pointer, notes);
        let account = self.map_account(f.account.as_deref()?, false, pointer, notes);
        let package = f.group.clone().unwrap_or_else(|| huawei::DEFAULT_PACKAGE.into());
        let group = if self.target == Dialect::AlibabaFc3 {
            let home = mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE);
            if package != home {
                notes.push(
                    note(codes::FIELD_DROPPED, Severity::Warning, pointer, format!("package `{package}` is not carried: FC 3.0 has no services"))
                        .with_help(format!("add \"packages\": {{\"\": \"{package}\"}} to the mapping file to say FC 3.0 functions live there")),
                );
            }
            None
        } else {
            Some(mapping::lookup(&self.mapping.packages, &package, false).unwrap_or(&package).to_string())
        };
        let qualifier = match self.map_qualifier(f.qualifier.clone(), false, pointer, notes) {
            Some(Qualifier::Latest) | None => None,
            q => q,
        };
        let arn = AcsArn {
            region: region?,
            account: account?,
            resource: match group {
                Some(service) => AcsResource::Fc2Function {
                    service,
                    qualifier: qualifier.as_ref().map(Qualifier::to_alibaba),
                    function: f.name.clone()?,
                },
                None => AcsResource::Fc3Function { function: f.name.clone()?, qualifier: None },
            },
        };
        match arn.to_string().parse::<AcsArn>() {
            Ok(a) => {
                let mut g = FunctionRef::from_arn(&a)?;
                g.qualifier = qualifier;
                Some(g)
            }
            Err(e) => {
                notes.push(
                    note(
                        codes::IDENTITY_UNMAPPED,
                        Severity::Error,
                        pointer,
                        format!("`{arn}` is no valid Function Compute ARN: {e}"),
                    )
                    .with_help("map the package with a `packages` entry"),
                );
                None
            }
        }
    }

    fn fill_relative(
        &self,
        arn: &AcsArn,
        f: Option<&FunctionRef>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<AcsArn> {
        if !arn.is_relative() {
            return Some(arn.clone());
        }
        let mut filled = arn.clone();
        if filled.region.is_empty() {
            filled.region = f.and_then(|f| f.region.clone()).unwrap_or_default();
        }
        if filled.account.is_empty() {
            filled.account = f.and_then(|f| f.account.clone()).unwrap_or_default();
        }
        if filled.is_relative() {
            notes.push(
                note(
                    codes::IDENTITY_UNMAPPED,
                    Severity::Error,
                    pointer,
                    format!(
                        "`{arn}` leaves its region or account to the function's own, which the document does not state"
                    ),
                )
                .with_help("pass --function with the function's ARN"),
            );
            return None;
        }
        notes.push(note(
            codes::RELATIVE_ARN_FILLED,
            Severity::Info,
            pointer,
            format!("`{arn}` was read as `{filled}` (the function's own region and account)"),
        ));
        Some(filled)
    }

    fn override_for(
        &self,
        d: &Destination,
        keys: &[String],
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Option<Destination>> {
        let to_huawei = !self.target.is_alibaba();
        let forward = self.mapping.destinations.iter().find(|(k, _)| keys.contains(k));
        let (entry_key, value, backwards) = match forward {
            Some((k, v)) => (k.clone(), v.clone(), false),
            None => {
                // Read backwards: an entry whose value is this destination.
                let mine = match d.as_param() {
                    Some(p) => json!({"destination": p.kind().as_str(), "param": p.to_value()}),
                    None => Value::String(d.source_key()),
                };
                let (k, _) = self.mapping.destinations.iter().find(|(_, v)| *v == mine)?;
                (k.clone(), Value::String(k.clone()), true)
            }
        };
        let parsed = match (&value, to_huawei) {
            (Value::Object(o), true) => {
                let kind = o.get("destination").and_then(Value::as_str).unwrap_or_default();
                match kind.parse::<DestinationKind>() {
                    Ok(kind) => DestinationParam::from_value(kind, o.get("param").cloned().unwrap_or(Value::Null))
                        .map(Destination::from_param)
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
            (Value::String(s), false) => s.parse::<AcsArn>().map(Destination::from_arn).map_err(|e| e.to_string()),
            (Value::String(s), true) if backwards => huawei_key(s).map(Destination::from_param),
            (Value::String(s), true) => match s.parse::<AcsArn>() {
                Ok(_) => Err(
                    "it is an Alibaba ARN but the target is huawei; write `{\"destination\": KIND, \"param\": {...}}`"
                        .into(),
                ),
                Err(e) => Err(e.to_string()),
            },
            _ => Err("it is a FunctionGraph destination but the target is Alibaba; write the ARN as a string".into()),
        };
        match parsed {
            Ok(dest) => {
                notes.push(note(
                    codes::DESTINATION_OVERRIDDEN,
                    Severity::Info,
                    pointer,
                    if entry_key == d.source_key() {
                        format!("destination `{entry_key}` written as the mapping file's `destinations` entry says")
                    } else {
                        format!("destination `{}` written as `{entry_key}`, read backwards from the mapping file's `destinations`", d.source_key())
                    },
                ));
                Some(Some(dest))
            }
            Err(e) => {
                notes.push(
                    note(
                        codes::MAPPING_ENTRY_UNUSABLE,
                        Severity::Error,
                        pointer,
                        format!("mapping entry `destinations` `{entry_key}` does not fit {}: {e}", self.target.id()),
                    )
                    .with_help("fix the entry in the mapping file"),
                );
                Some(None)
            }
        }
    }

    fn unmapped(&self, d: &Destination, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<Destination> {
        let key = d.source_key();
        let kind = d.kind_name();
        let target = self.target.id();
        if self.options.allow_lossy {
            notes.push(
                note(
                    codes::DESTINATION_DROPPED,
                    Severity::Warning,
                    pointer,
                    format!(
                        "{kind} destination `{key}` has no counterpart on {target} and was dropped (--allow-lossy)"
                    ),
                )
                .with_help(
                    "results that went there are no longer delivered; add a `destinations` mapping entry to keep them",
                ),
            );
            return None;
        }
        let example = if self.target.is_alibaba() {
            format!("\"destinations\": {{\"{key}\": \"acs:mns:{{region}}:{{account}}:/queues/{{queue}}/messages\"}}")
        } else {
            format!("\"destinations\": {{\"{key}\": {{\"destination\": \"DIS\", \"param\": {{\"stream_name\": \"...\"}}}}}}")
        };
        notes.push(
            note(
                codes::DESTINATION_UNMAPPED,
                Severity::Error,
                pointer,
                format!("{kind} destination `{key}` has no counterpart on {target}"),
            )
            .with_help(format!("add {example} to the mapping file, or pass --allow-lossy to drop it")),
        );
        None
    }

    fn destination(
        &self,
        d: Option<Destination>,
        pointer: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let d = d?;
        let dp = if self.source.is_alibaba() { format!("{pointer}/destination") } else { pointer.to_string() };
        let (kind, key) = (d.kind_name(), d.source_key());
        self.or_drop(
            notes,
            |notes| self.destination_inner(d, pointer, &dp, f, notes),
            |reasons, help| {
                note(
                    codes::DESTINATION_DROPPED,
                    Severity::Warning,
                    &dp,
                    format!("{kind} destination `{key}` was dropped (--allow-lossy): {reasons}"),
                )
                .with_help(format!("to keep it, {help}"))
            },
        )
    }

    /// Runs `body`. Under `--allow-lossy`, when what it maps has an identity
    /// with no counterpart (T203), the whole item is dropped with the one
    /// warning `dropped(reasons, help)` makes, instead of refusing.
    fn or_drop<T>(
        &self,
        notes: &mut Vec<Diagnostic>,
        body: impl FnOnce(&mut Vec<Diagnostic>) -> Option<T>,
        dropped: impl FnOnce(String, String) -> Diagnostic,
    ) -> Option<T> {
        let mut scratch = Vec::new();
        let out = body(&mut scratch);
        let unmappable = |n: &&Diagnostic| n.severity == Severity::Error && n.code == codes::IDENTITY_UNMAPPED;
        let other_error = scratch.iter().any(|n| n.severity == Severity::Error && !unmappable(&n));
        if !self.options.allow_lossy || other_error || !scratch.iter().any(|n| unmappable(&n)) {
            notes.extend(scratch);
            return out;
        }
        // Notes about the dropped item's parts (a built-in pair, a kept version) would describe nothing.
        let errors: Vec<&Diagnostic> = scratch.iter().filter(unmappable).collect();
        let reasons: Vec<&str> = errors.iter().map(|n| n.message.as_str()).collect();
        let mut helps: Vec<&str> = errors.iter().filter_map(|n| n.help.as_deref()).collect();
        helps.dedup();
        notes.push(dropped(reasons.join("; "), helps.join("; ")));
        None
    }

    fn destination_inner(
        &self,
        d: Destination,
        pointer: &str,
        dp: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let dp = dp.to_string();
        let mut keys = vec![d.source_key()];
        let crosses = self.crosses();
        let mut d = d;
        if crosses {
            if let Some(arn) = d.as_arn() {
                if arn.is_relative() {
                    let filled = self.fill_relative(arn, f, &dp, notes)?;
                    keys.push(filled.to_string());
                    d = Destination::from_arn(filled);
                }
            }
        }
        // The mapping file pairs Alibaba and Huawei resources: FC 2.0 <-> FC 3.0 keeps ARNs.
        if crosses {
            if let Some(result) = self.override_for(&d, &keys, &dp, notes) {
                return result;
            }
        }
        if let Some(p) = d.as_param() {
            let unknown = match &p {
                DestinationParam::Obs(x) => &x.unknown,
                DestinationParam::Smn(x) => &x.unknown,
                DestinationParam::Dis(x) => &x.unknown,
                DestinationParam::FunctionGraph(x) => &x.unknown,
            };
            if crosses {
                for k in unknown.keys() {
                    notes.push(note(
                        codes::UNKNOWN_KEY_DROPPED,
                        Severity::Warning,
                        &format!("{pointer}/param"),
                        format!("`param` key `{k}` is no {} key and is not carried", p.kind()),
                    ));
                }
            }
        }
        match (self.source.is_alibaba(), self.target.is_alibaba()) {
            (false, false) => Some(d),
            (true, true) => self.alibaba_to_alibaba(d, &dp, f, notes),
            (true, false) => match &d {
                Destination::Function(FunctionTarget::Alibaba(arn)) => {
                    let fr = FunctionRef::from_arn(arn)?;
                    let hw = self.alibaba_fn_to_huawei(&fr, &dp, notes)?;
                    let urn = FunctionUrn {
                        region: hw.region?,
                        project_id: hw.account?,
                        package: hw.group?,
                        function: hw.name?,
                        qualifier: hw.qualifier,
                    };
                    Some(Destination::Function(FunctionTarget::Huawei(FunctionGraphParam {
                        func_urn: urn,
                        unknown: Default::default(),
                    })))
                }
                Destination::Topic(TopicTarget::Mns(arn)) => {
                    let AcsResource::MnsTopic { topic } = &arn.resource else { return None };
                    let region = self.map_region(&arn.region, true, &dp, notes);
                    let project = self.map_account(&arn.account, true, &dp, notes);
                    let text = format!("urn:smn:{}:{}:{topic}", region?, project?);
                    match text.parse::<SmnTopicUrn>() {
                        Ok(topic_urn) => Some(Destination::Topic(TopicTarget::Smn(SmnParam {
                            topic_urn,
                            unknown: Default::default(),
                        }))),
                        Err(e) => {
                            notes.push(
                                note(codes::IDENTITY_UNMAPPED, Severity::Error, &dp, format!("MNS topic `{topic}` cannot be an SMN topic: {e}"))
                                    .with_help(format!("add \"destinations\": {{\"{arn}\": {{\"destination\": \"SMN\", \"param\": {{\"topic_urn\": \"urn:smn:...\"}}}}}} to the mapping file")),
                            );
                            None
                        }
                    }
                }
                _ => self.unmapped(&d, &dp, notes),
            },
            (false, true) => match &d {
                Destination::Function(FunctionTarget::Huawei(p)) => {
                    let al = self.huawei_fn_to_alibaba(&FunctionRef::from_urn(&p.func_urn), &dp, notes)?;
                    let resource = match (al.group, self.target) {
                        (Some(service), Dialect::AlibabaFc2) => AcsResource::Fc2Function {
                            service,
                            qualifier: al.qualifier.as_ref().map(Qualifier::to_alibaba),
                            function: al.name?,
                        },
                        (_, _) => {
                            if let Some(q) = al.qualifier.as_ref().filter(|q| **q != Qualifier::Latest) {
                                notes.push(
                                    note(codes::FIELD_DROPPED, Severity::Warning, &dp, format!("qualifier `{}` of `{}` is not carried: the FC 3.0 destination ARN has no documented qualified form", q.to_alibaba(), p.func_urn))
                                        .with_help(format!("add a `destinations` entry for `{}` to choose the ARN", p.func_urn)),
                                );
                            }
                            AcsResource::Fc3Function { function: al.name?, qualifier: None }
                        }
                    };
                    Some(Destination::from_arn(AcsArn { region: al.region?, account: al.account?, resource }))
                }
                Destination::Topic(TopicTarget::Smn(p)) => {
                    let u = &p.topic_urn;
                    let region = self.map_region(&u.region, false, &dp, notes);
                    let account = self.map_account(&u.project_id, false, &dp, notes);
                    Some(Destination::from_arn(AcsArn {
                        region: region?,
                        account: account?,
                        resource: AcsResource::MnsTopic { topic: u.topic.clone() },
                    }))
                }
                _ => self.unmapped(&d, &dp, notes),
            },
        }
    }

    fn alibaba_to_alibaba(
        &self,
        d: Destination,
        pointer: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let Destination::Function(FunctionTarget::Alibaba(arn)) = &d else { return Some(d) };
        match (&arn.resource, self.target) {
            (AcsResource::Fc2Function { service, qualifier, function }, Dialect::AlibabaFc3) => {
                let mut message =
                    format!("FC 2.0 function ARN `{arn}` written in the FC 3.0 form without service `{service}`");
                let mut severity = Severity::Info;
                if let Some(q) = qualifier.as_ref().filter(|q| q.as_str() != alibaba::LATEST) {
                    message.push_str(&format!(
                        " and without qualifier `{q}` (a qualified FC 3.0 destination form is not documented)"
                    ));
                    severity = Severity::Warning;
                }
                notes.push(note(codes::FIELD_DROPPED, severity, pointer, message));
                Some(Destination::from_arn(AcsArn {
                    region: arn.region.clone(),
                    account: arn.account.clone(),
                    resource: AcsResource::Fc3Function { function: function.clone(), qualifier: None },
                }))
            }
            (AcsResource::Fc3Function { function, qualifier }, Dialect::AlibabaFc2) => {
                let service =
                    self.option_fn.as_ref().filter(|(p, _)| *p == Provider::Alibaba).and_then(|(_, o)| o.group.clone());
                let service = service.or_else(|| f.and_then(|f| f.group.clone()));
                match service {
                    Some(service) => {
                        notes.push(note(codes::IDENTITY_INFERRED, Severity::Info, pointer, format!("FC 3.0 function ARN `{arn}` written in the FC 2.0 form with service `{service}` (the function's own)")));
                        Some(Destination::from_arn(AcsArn {
                            region: arn.region.clone(),
                            account: arn.account.clone(),
                            resource: AcsResource::Fc2Function {
                                service,
                                qualifier: qualifier.clone(),
                                function: function.clone(),
                            },
                        }))
                    }
                    None => {
                        notes.push(
                            note(
                                codes::IDENTITY_UNMAPPED,
                                Severity::Error,
                                pointer,
                                format!("FC 3.0 function ARN `{arn}` has no FC 2.0 form: the service is unknown"),
                            )
                            .with_help("pass --function acs:fc:{region}:{account}:services/{service}/functions/{function}: FC 2.0 destinations are written in the function's own service"),
                        );
                        None
                    }
                }
            }
            _ => Some(d),
        }
    }
}
