//! The provider-neutral model every translation passes through.
//!
//! Nothing here names a provider's field: a function is one [`FunctionRef`]
//! (provider, region, account, namespace, name, qualifier) whatever cloud it
//! lives in; a destination is one typed [`Destination`] (what it is, where,
//! its name); paging is a total and a next-page token; invocation-state
//! tracking is one switch. Each dialect reads and writes it in its own module
//! ([`alibaba`], [`huawei`], [`aws`]); the conversions are exact: a canonical
//! document converted to the neutral model and back to its own dialect is the
//! same document. Policy (clamping, defaults, identity mapping) belongs to the
//! translator.

pub mod alibaba;
pub mod aws;
pub mod huawei;
pub mod tencent;

use crate::dialect::Dialect;
use crate::document::{Document, DocumentError};
use crate::json::escape_pointer_token;
pub use crate::provider::{Provider, TargetKind};
pub use crate::spec::ProviderNouns;
use crate::urn::Qualifier;
use serde_json::{Map, Value};
use std::fmt;

/// A function, as far as a document or an identifier says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionRef {
    /// The cloud it lives in.
    pub provider: Provider,
    /// Region id (`None`: not stated).
    pub region: Option<String>,
    /// Alibaba or AWS account id, Huawei project id.
    pub account: Option<String>,
    /// FC 2.0 service or FunctionGraph package; `None` where the provider has none.
    pub namespace: Option<String>,
    /// Function name.
    pub name: Option<String>,
    /// Version, alias or latest; `None`: not stated.
    pub qualifier: Option<Qualifier>,
}

impl FunctionRef {
    /// A function of `provider` of which nothing is known yet.
    pub fn new(provider: Provider) -> FunctionRef {
        FunctionRef { provider, region: None, account: None, namespace: None, name: None, qualifier: None }
    }

    /// Reads a function identifier (as `--function` takes it) of any provider
    /// (each codec's `function_identifier`).
    pub fn parse(text: &str) -> Option<FunctionRef> {
        Self::read(text).ok()
    }

    /// [`FunctionRef::parse`], saying why `text` names no function.
    pub fn read(text: &str) -> Result<FunctionRef, String> {
        let readers = Provider::ALL.map(|p| provider_codec(p).function_identifier);
        for (_, read) in readers {
            if let Some(result) = read(text) {
                return result;
            }
        }
        let forms = readers.map(|(form, _)| form);
        let (last, first) = forms.split_last().unwrap_or((&"", &[]));
        Err(format!("`{text}` is no function identifier: expected {} or {last}", first.join(", ")))
    }

    /// Whether the region and account are both known.
    pub fn is_located(&self) -> bool {
        self.region.is_some() && self.account.is_some()
    }
}

/// Where results go: a typed target, independent of the provider's notation.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    /// What it is.
    pub kind: TargetKind,
    /// The cloud it lives in.
    pub provider: Provider,
    /// Region id; `None`: the configured function's own (a relative ARN, or a
    /// kind whose identifier states none).
    pub region: Option<String>,
    /// Account or project; `None` as for `region`.
    pub account: Option<String>,
    /// FC 2.0 service or FunctionGraph package of a function, RocketMQ instance.
    pub namespace: Option<String>,
    /// The resource's own name (function, queue, topic, bus, bucket, stream).
    pub name: String,
    /// A function's version or alias.
    pub qualifier: Option<Qualifier>,
    /// Settings of the provider's notation beyond the identifier (OBS
    /// `prefix`, `expires`), by key.
    pub settings: Vec<(String, Value)>,
    /// Keys the notation does not define, kept verbatim.
    pub unknown: Vec<(String, Value)>,
}

impl Destination {
    /// A destination with only its kind, provider and name.
    pub fn new(kind: TargetKind, provider: Provider, name: impl Into<String>) -> Destination {
        Destination {
            kind,
            provider,
            region: None,
            account: None,
            namespace: None,
            name: name.into(),
            qualifier: None,
            settings: Vec::new(),
            unknown: Vec::new(),
        }
    }

    /// The function it names, if it is one.
    pub fn function(&self) -> Option<FunctionRef> {
        (self.kind == TargetKind::Function).then(|| FunctionRef {
            provider: self.provider,
            region: self.region.clone(),
            account: self.account.clone(),
            namespace: self.namespace.clone(),
            name: Some(self.name.clone()),
            qualifier: self.qualifier.clone(),
        })
    }
}

/// Per-invocation state tracking: Function Compute's asynchronous task mode,
/// FunctionGraph's async status log; Lambda has none. Each dialect's spec
/// says what turning it on means there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateTracking {
    /// On, off, or not stated.
    pub enabled: Option<bool>,
    /// Where the states are written, where the provider lets the config say
    /// (FunctionGraph's LTS group and stream), as (key, value) in the
    /// dialect's spelling.
    pub log_target: Vec<(String, String)>,
}

impl StateTracking {
    /// Whether nothing is stated.
    pub fn is_empty(&self) -> bool {
        self.enabled.is_none() && self.log_target.is_empty()
    }
}

/// Fields without a counterpart in the neutral model, kept so nothing is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extensions {
    /// Read-only creation time, as written.
    pub created_time: Option<Value>,
    /// Read-only modification time, as written.
    pub last_modified: Option<Value>,
    /// Keys no API defines, with their JSON pointer relative to the config.
    pub unknown: Vec<(String, Value)>,
}

/// One async invocation config, provider-neutral.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AsyncInvokeConfig {
    /// The function it belongs to.
    pub function: Option<FunctionRef>,
    /// Maximum event age, seconds.
    pub max_event_age: Option<i64>,
    /// Maximum retries after a failed invocation.
    pub max_retry_attempts: Option<i64>,
    /// Destination on success.
    pub on_success: Option<Destination>,
    /// Destination on failure.
    pub on_failure: Option<Destination>,
    /// Invocation-state tracking.
    pub state_tracking: StateTracking,
    /// What has no neutral counterpart.
    pub extensions: Extensions,
}

/// Paging state of a list document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paging {
    /// The opaque token of the next page (`nextToken`, `NextMarker`).
    pub next_token: Option<String>,
    /// The number of configs over every page (`count`).
    pub total: Option<i64>,
    /// The provider's page position beyond a token (FunctionGraph's
    /// `page_info` markers), JSON pointer -> value, kept for the same dialect.
    pub position: Vec<(String, Value)>,
}

/// A list document, provider-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigList {
    /// The items, in order.
    pub items: Vec<AsyncInvokeConfig>,
    /// Paging as the source had it.
    pub paging: Paging,
    /// Unknown top-level keys of the list document.
    pub unknown: Vec<(String, Value)>,
}

/// A neutral document: one config or a list.
// One per input file: boxing would only add an indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum NeutralDocument {
    /// One config.
    Config(AsyncInvokeConfig),
    /// A list.
    List(ConfigList),
}

/// How one dialect reads and writes the neutral model and its destinations:
/// the functions a dialect module registers in [`codec`].
#[derive(Clone, Copy)]
pub struct Codec {
    /// The document's neutral model; errors name each identifier that does not parse.
    pub to_neutral: fn(&Document) -> Result<NeutralDocument, Vec<DocumentError>>,
    /// Writes a neutral document; fails where a value has no form in the dialect.
    pub from_neutral: fn(&NeutralDocument) -> Result<Document, Vec<DocumentError>>,
    /// A destination as the mapping file writes the dialect's own form (an
    /// ARN string, a FunctionGraph `{destination, param}` object).
    pub write_destination: fn(&Destination) -> Result<Value, String>,
    /// Reads that form.
    pub read_destination: fn(&Value) -> Result<Destination, String>,
    /// The identifier a mapping file keys the destination by (ARN, URN,
    /// `OBS:{bucket}`, `DIS:{stream}`).
    pub destination_key: fn(&Destination) -> String,
    /// What the destination is in the provider's words (`MNS queue`).
    pub kind_name: fn(&Destination) -> &'static str,
    /// Reads a mapping file key naming one of the provider's destinations
    /// (`None`: the key is not in this provider's notation).
    pub read_key: fn(&str) -> Option<Result<Destination, String>>,
    /// A qualifier in the provider's spelling (`LATEST`, `latest`, `$LATEST`; `!prod` in a URN).
    pub qualifier_text: fn(&Qualifier) -> String,
    /// Reads that spelling.
    pub read_qualifier: fn(&str) -> Qualifier,
    /// Whether the provider accepts the qualifier (alias and version name rules).
    pub check_qualifier: fn(&Qualifier) -> Result<(), String>,
    /// An example of [`Codec::write_destination`]'s form, for help texts.
    pub example: &'static str,
    /// The provider's function identifier as `--function` takes it: its form
    /// in words, and its reader (`None`: the text is not in this notation).
    pub function_identifier: (&'static str, ReadFunctionIdentifier),
    /// The function a config object names, read leniently (the linter reads
    /// documents that may be invalid elsewhere): `None` when it names none,
    /// or names it in a form that does not parse (the identifier rules say why).
    pub read_function: fn(&serde_json::Map<String, Value>) -> Option<FunctionRef>,
}

/// Reads a function identifier: `None` when the text is not in the provider's notation.
pub type ReadFunctionIdentifier = fn(&str) -> Option<Result<FunctionRef, String>>;

/// The string at `key` of `map`.
pub(crate) fn str_at<'v>(map: &'v serde_json::Map<String, Value>, key: &str) -> Option<&'v str> {
    crate::json::member(map, key).and_then(Value::as_str)
}

impl fmt::Debug for Codec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Codec")
    }
}

/// The codec of `dialect`: the one place a dialect's conversions are registered.
pub fn codec(dialect: Dialect) -> &'static Codec {
    match dialect {
        Dialect::AlibabaFc2 => &alibaba::FC2_CODEC,
        Dialect::AlibabaFc3 => &alibaba::FC3_CODEC,
        Dialect::Huawei => &huawei::CODEC,
        Dialect::AwsLambda => &aws::CODEC,
        Dialect::TencentScf => &tencent::CODEC,
    }
}

impl Document {
    /// The neutral model of this document; errors name each identifier that
    /// does not parse (malformed ARN or URN, unknown destination kind, bad `param`).
    pub fn to_neutral(&self) -> Result<NeutralDocument, Vec<DocumentError>> {
        (codec(self.dialect()).to_neutral)(self)
    }

    /// Writes a neutral document in `dialect`. Fails where a value has no form
    /// in that dialect (a Huawei destination in an Alibaba document, a
    /// package-qualified function in FC 3.0, ...): the translator maps those first.
    pub fn from_neutral(doc: &NeutralDocument, dialect: Dialect) -> Result<Document, Vec<DocumentError>> {
        (codec(dialect).from_neutral)(doc)
    }
}

/// The codec that spells `provider`'s identifiers.
pub fn provider_codec(provider: Provider) -> &'static Codec {
    codec(provider.home_dialect())
}

impl Destination {
    /// The identifier a mapping file keys this destination by, in its own dialect family.
    pub fn source_key(&self) -> String {
        (codec(self.provider.home_dialect()).destination_key)(self)
    }

    /// What the destination is, in its provider's words.
    pub fn kind_name(&self) -> &'static str {
        (codec(self.provider.home_dialect()).kind_name)(self)
    }
}

// ---------------------------------------------------------------- helpers for the dialect modules

pub(crate) fn unknown_at(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, Value)>) {
    for (k, v) in map {
        out.push((format!("{prefix}/{}", escape_pointer_token(k)), v.clone()));
    }
}

pub(crate) fn err(pointer: impl Into<String>, message: impl Into<String>) -> DocumentError {
    DocumentError { pointer: pointer.into(), message: message.into() }
}

/// Puts back the unknown keys that sit at `prefix` exactly (one more token).
pub(crate) fn restore(map: &mut Map<String, Value>, unknown: &[(String, Value)], prefix: &str) {
    for (pointer, value) in unknown {
        if let Some(rest) = pointer.strip_prefix(prefix).and_then(|r| r.strip_prefix('/')) {
            if !rest.contains('/') {
                map.insert(crate::json::unescape_pointer_token(rest), value.clone());
            }
        }
    }
}

/// One side of a typed destinations object (`onSuccess`, `on_failure`, `OnSuccess`).
pub(crate) trait Side: Default {
    /// The side's keys no API defines.
    fn unknown(&mut self) -> &mut Map<String, Value>;
}

/// The two sides (success, failure) and the destinations object's unknown keys.
pub(crate) type Sides<S> = ([Option<S>; 2], Map<String, Value>);

/// Writes both sides of a config's destinations in one dialect's typed form:
/// `write` fills a side from its destination; unknown keys go back where they
/// were. Returns the sides and the destinations object's own unknown keys,
/// or `None` when there is nothing to write.
pub(crate) fn write_sides<S: Side>(
    c: &AsyncInvokeConfig,
    p: &str,
    (dc_key, keys): (&str, [&str; 2]),
    errors: &mut Vec<DocumentError>,
    write: impl Fn(&Destination, &mut S) -> Result<(), String>,
) -> Option<Sides<S>> {
    let dc_key = format!("/{dc_key}");
    let mut any = has_unknown_under(&c.extensions.unknown, &dc_key);
    let mut sides: [Option<S>; 2] = [None, None];
    for ((key, dest), slot) in keys.into_iter().zip([&c.on_success, &c.on_failure]).zip(sides.iter_mut()) {
        let mut side = S::default();
        restore(side.unknown(), &c.extensions.unknown, &format!("{dc_key}/{key}"));
        match dest {
            Some(dest) => {
                if let Err(e) = write(dest, &mut side) {
                    errors.push(err(format!("{p}{dc_key}/{key}"), e));
                }
            }
            None if side.unknown().is_empty() => continue,
            None => {}
        }
        any = true;
        *slot = Some(side);
    }
    let mut unknown = Map::new();
    restore(&mut unknown, &c.extensions.unknown, &dc_key);
    any.then_some((sides, unknown))
}

/// Whether any unknown key sits under `prefix`.
pub(crate) fn has_unknown_under(unknown: &[(String, Value)], prefix: &str) -> bool {
    unknown.iter().any(|(k, _)| k.starts_with(prefix) && k[prefix.len()..].starts_with('/'))
}

/// Collects the items of a list, each converted at its own pointer.
pub(crate) fn items<C, T>(
    items: &[C],
    items_key: &str,
    errors: &mut Vec<DocumentError>,
    f: impl Fn(&C, &str, &mut Vec<DocumentError>) -> T,
) -> Vec<T> {
    items.iter().enumerate().map(|(i, c)| f(c, &format!("/{items_key}/{i}"), errors)).collect()
}

/// `Ok(value)` when no error was collected.
pub(crate) fn done<T>(value: T, errors: Vec<DocumentError>) -> Result<T, Vec<DocumentError>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A timestamp or other read-only value kept as a string where the dialect types it so.
pub(crate) fn text_of(v: &Option<Value>) -> Option<String> {
    v.as_ref().map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}
