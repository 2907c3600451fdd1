//! The provider-neutral model every translation passes through.
//!
//! Conversions here are exact: a document converted to the neutral model and
//! back to its own dialect is the same document (for canonical documents: no
//! legacy key spellings, no `null`s). Policy (clamping, defaults, identity
//! mapping) belongs to the translator.

use crate::arn::{AcsArn, AcsResource};
use crate::dialect::Dialect;
use crate::document::*;
use crate::facts;
use crate::param::{DestinationKind, DestinationParam, DisParam, FunctionGraphParam, ObsParam, SmnParam};
use crate::urn::{FunctionUrn, Qualifier};
use serde_json::{Map, Value};

/// Which cloud an identifier belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// Alibaba Cloud.
    Alibaba,
    /// Huawei Cloud.
    Huawei,
}

/// The function a config belongs to, as far as the document says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FunctionRef {
    /// Region id (`None`: not stated).
    pub region: Option<String>,
    /// Alibaba account id or Huawei project id.
    pub account: Option<String>,
    /// FC 2.0 service or FunctionGraph package; `None` for FC 3.0.
    pub group: Option<String>,
    /// Function name.
    pub name: Option<String>,
    /// Version, alias or latest; `None`: not stated.
    pub qualifier: Option<Qualifier>,
}

impl FunctionRef {
    /// The function an FC function ARN names (`None` for other resources).
    pub fn from_arn(arn: &AcsArn) -> Option<FunctionRef> {
        let some = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        let (group, name, qualifier) = match &arn.resource {
            AcsResource::Fc2Function { service, qualifier, function } => (Some(service.clone()), function, qualifier),
            AcsResource::Fc3Function { function, qualifier } => (None, function, qualifier),
            _ => return None,
        };
        Some(FunctionRef {
            region: some(&arn.region),
            account: some(&arn.account),
            group,
            name: Some(name.clone()),
            qualifier: qualifier.as_deref().map(Qualifier::from_alibaba),
        })
    }

    /// The function a FunctionGraph URN names.
    pub fn from_urn(u: &FunctionUrn) -> FunctionRef {
        FunctionRef {
            region: Some(u.region.clone()),
            account: Some(u.project_id.clone()),
            group: Some(u.package.clone()),
            name: Some(u.function.clone()),
            qualifier: u.qualifier.clone(),
        }
    }

    /// Reads a function ARN or URN (as `--function` takes it), with its provider.
    pub fn parse(text: &str) -> Option<(Provider, FunctionRef)> {
        Self::read(text).ok()
    }

    /// [`FunctionRef::parse`], saying why `text` names no function.
    pub fn read(text: &str) -> Result<(Provider, FunctionRef), String> {
        if text.starts_with("acs:") {
            let arn = text.parse::<AcsArn>().map_err(|e| format!("`{text}` is no valid Alibaba ARN: {e}"))?;
            return FunctionRef::from_arn(&arn).map(|f| (Provider::Alibaba, f)).ok_or_else(|| {
                format!("`{text}` is an Alibaba ARN but names no function (`acs:fc:{{region}}:{{account}}:services/{{service}}/functions/{{function}}` or `...:functions/{{function}}`)")
            });
        }
        if text.starts_with("urn:") {
            let urn = text
                .parse::<FunctionUrn>()
                .map_err(|e| format!("`{text}` is no valid FunctionGraph function URN: {e}"))?;
            return Ok((Provider::Huawei, FunctionRef::from_urn(&urn)));
        }
        Err(format!(
            "`{text}` is neither a Function Compute ARN (`acs:fc:...`) nor a FunctionGraph function URN (`urn:fss:...`)"
        ))
    }
}

/// A Huawei function destination, an Alibaba one, or the same for topics.
#[derive(Debug, Clone, PartialEq)]
pub enum FunctionTarget {
    /// An FC 2.0 or FC 3.0 function ARN.
    Alibaba(AcsArn),
    /// A FunctionGraph `param`.
    Huawei(FunctionGraphParam),
}

/// A message topic destination.
#[derive(Debug, Clone, PartialEq)]
pub enum TopicTarget {
    /// An MNS topic ARN.
    Mns(AcsArn),
    /// An SMN `param`.
    Smn(SmnParam),
}

/// Where a result goes, by what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Destination {
    /// Another function.
    Function(FunctionTarget),
    /// A message queue (MNS queue).
    Queue(AcsArn),
    /// A message topic (MNS topic or SMN topic).
    Topic(TopicTarget),
    /// An event bus (EventBridge).
    EventBus(AcsArn),
    /// A RocketMQ topic.
    RocketMq(AcsArn),
    /// Object storage (OBS).
    ObjectStorage(ObsParam),
    /// A data stream (DIS).
    Stream(DisParam),
}

impl Destination {
    /// What the destination is, in the provider's words.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Destination::Function(FunctionTarget::Alibaba(a))
            | Destination::Queue(a)
            | Destination::Topic(TopicTarget::Mns(a))
            | Destination::EventBus(a)
            | Destination::RocketMq(a) => a.resource.kind_name(),
            Destination::Function(FunctionTarget::Huawei(_)) => "FunctionGraph function",
            Destination::Topic(TopicTarget::Smn(_)) => "SMN topic",
            Destination::ObjectStorage(_) => "OBS bucket",
            Destination::Stream(_) => "DIS stream",
        }
    }

    /// The identifier a mapping file keys this destination by: the ARN, or the
    /// URN, or `OBS:{bucket}` / `DIS:{stream}` for kinds without one.
    pub fn source_key(&self) -> String {
        match self {
            Destination::Function(FunctionTarget::Alibaba(a))
            | Destination::Queue(a)
            | Destination::Topic(TopicTarget::Mns(a))
            | Destination::EventBus(a)
            | Destination::RocketMq(a) => a.to_string(),
            Destination::Function(FunctionTarget::Huawei(p)) => p.func_urn.to_string(),
            Destination::Topic(TopicTarget::Smn(p)) => p.topic_urn.to_string(),
            Destination::ObjectStorage(p) => format!("OBS:{}", p.bucket),
            Destination::Stream(p) => format!("DIS:{}", p.stream_name),
        }
    }

    /// Which cloud the destination lives in.
    pub fn provider(&self) -> Provider {
        match self {
            Destination::Function(FunctionTarget::Alibaba(_))
            | Destination::Queue(_)
            | Destination::Topic(TopicTarget::Mns(_))
            | Destination::EventBus(_)
            | Destination::RocketMq(_) => Provider::Alibaba,
            _ => Provider::Huawei,
        }
    }

    /// Reads an Alibaba destination ARN.
    pub fn from_arn(arn: AcsArn) -> Destination {
        match &arn.resource {
            AcsResource::Fc2Function { .. } | AcsResource::Fc3Function { .. } => {
                Destination::Function(FunctionTarget::Alibaba(arn))
            }
            AcsResource::MnsQueue { .. } => Destination::Queue(arn),
            AcsResource::MnsTopic { .. } => Destination::Topic(TopicTarget::Mns(arn)),
            AcsResource::EventBus { .. } => Destination::EventBus(arn),
            AcsResource::RocketMqTopic { .. } => Destination::RocketMq(arn),
        }
    }

    /// Reads a Huawei destination from its parsed `param`.
    pub fn from_param(param: DestinationParam) -> Destination {
        match param {
            DestinationParam::Obs(p) => Destination::ObjectStorage(p),
            DestinationParam::Smn(p) => Destination::Topic(TopicTarget::Smn(p)),
            DestinationParam::Dis(p) => Destination::Stream(p),
            DestinationParam::FunctionGraph(p) => Destination::Function(FunctionTarget::Huawei(p)),
        }
    }

    /// The Alibaba ARN, if this is an Alibaba destination.
    pub fn as_arn(&self) -> Option<&AcsArn> {
        match self {
            Destination::Function(FunctionTarget::Alibaba(a))
            | Destination::Queue(a)
            | Destination::Topic(TopicTarget::Mns(a))
            | Destination::EventBus(a)
            | Destination::RocketMq(a) => Some(a),
            _ => None,
        }
    }

    /// The Huawei kind and `param`, if this is a Huawei destination.
    pub fn as_param(&self) -> Option<DestinationParam> {
        Some(match self {
            Destination::Function(FunctionTarget::Huawei(p)) => DestinationParam::FunctionGraph(p.clone()),
            Destination::Topic(TopicTarget::Smn(p)) => DestinationParam::Smn(p.clone()),
            Destination::ObjectStorage(p) => DestinationParam::Obs(p.clone()),
            Destination::Stream(p) => DestinationParam::Dis(p.clone()),
            _ => return None,
        })
    }
}

/// Huawei's async status persistence and its LTS log target.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusLog {
    /// `enable_async_status_log`.
    pub enabled: Option<bool>,
    /// `log_group_id`.
    pub log_group_id: Option<String>,
    /// `log_stream_id`.
    pub log_stream_id: Option<String>,
    /// `log_group_name`.
    pub log_group_name: Option<String>,
    /// `log_stream_name`.
    pub log_stream_name: Option<String>,
}

impl StatusLog {
    /// The LTS fields that are set, as (key, value).
    pub fn lts_fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("log_group_id", &self.log_group_id),
            ("log_stream_id", &self.log_stream_id),
            ("log_group_name", &self.log_group_name),
            ("log_stream_name", &self.log_stream_name),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}

/// Fields without a counterpart in the neutral model, kept so nothing is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extensions {
    /// Read-only creation time.
    pub created_time: Option<String>,
    /// Read-only modification time.
    pub last_modified: Option<String>,
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
    /// Alibaba asynchronous task mode (`statefulInvocation` / `asyncTask`).
    pub async_task: Option<bool>,
    /// Huawei status persistence and LTS target.
    pub status_log: Option<StatusLog>,
    /// What has no neutral counterpart.
    pub extensions: Extensions,
}

/// Paging state of a list document.
#[derive(Debug, Clone, PartialEq)]
pub enum Paging {
    /// `nextToken`.
    Alibaba { next_token: Option<String> },
    /// `count` and `page_info`.
    Huawei { count: Option<i64>, page_info: Option<PageInfo> },
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

// ---------------------------------------------------------------- to neutral

fn unknown_at(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, Value)>) {
    for (k, v) in map {
        out.push((format!("{prefix}/{}", escape_pointer_token(k)), v.clone()));
    }
}

fn err(pointer: impl Into<String>, message: impl Into<String>) -> DocumentError {
    DocumentError { pointer: pointer.into(), message: message.into() }
}

fn alibaba_destinations(
    dc: &Option<AlibabaDestinationConfig>,
    p: &str,
    cfg: &mut AsyncInvokeConfig,
    errors: &mut Vec<DocumentError>,
) {
    let Some(dc) = dc else { return };
    unknown_at("/destinationConfig", &dc.unknown, &mut cfg.extensions.unknown);
    for (key, dest, slot) in
        [("onSuccess", &dc.on_success, &mut cfg.on_success), ("onFailure", &dc.on_failure, &mut cfg.on_failure)]
    {
        let Some(d) = dest else { continue };
        unknown_at(&format!("/destinationConfig/{key}"), &d.unknown, &mut cfg.extensions.unknown);
        if let Some(text) = &d.destination {
            match text.parse::<AcsArn>() {
                Ok(arn) => *slot = Some(Destination::from_arn(arn)),
                Err(e) => errors.push(err(format!("{p}/destinationConfig/{key}/destination"), e.to_string())),
            }
        }
    }
}

fn check_names(p: &str, names: &[(&str, &Option<String>, facts::NameRule)], errors: &mut Vec<DocumentError>) {
    for (key, value, rule) in names {
        if let Some(v) = value {
            if let Err(e) = rule.check(v) {
                errors.push(err(format!("{p}/{key}"), e.to_string()));
            }
        }
    }
}

fn check_fc_qualifier_field(p: &str, q: &Option<String>, errors: &mut Vec<DocumentError>) {
    if let Some(q) = q {
        if let Err(e) = crate::arn::check_fc_qualifier(q) {
            errors.push(err(format!("{p}/qualifier"), e.to_string()));
        }
    }
}

fn fc2_to_neutral(c: &Fc2Config, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        async_task: c.stateful_invocation,
        ..Default::default()
    };
    let service = c.service.clone().or_else(|| c.legacy_service_name.clone());
    let name = c.function.clone().or_else(|| c.legacy_function_name.clone());
    let service_key = if c.service.is_some() { "service" } else { "serviceName" };
    let function_key = if c.function.is_some() { "function" } else { "functionName" };
    check_names(
        p,
        &[(service_key, &service, facts::alibaba::SERVICE_NAME), (function_key, &name, facts::alibaba::FUNCTION_NAME)],
        errors,
    );
    check_fc_qualifier_field(p, &c.qualifier, errors);
    if service.is_some() || name.is_some() || c.qualifier.is_some() {
        cfg.function = Some(FunctionRef {
            group: service,
            name,
            qualifier: c.qualifier.as_deref().map(Qualifier::from_alibaba),
            ..Default::default()
        });
    }
    cfg.extensions.created_time = c.created_time.clone();
    cfg.extensions.last_modified = c.last_modified_time.clone();
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    alibaba_destinations(&c.destination_config, p, &mut cfg, errors);
    cfg
}

fn fc3_to_neutral(c: &Fc3Config, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        async_task: c.async_task,
        ..Default::default()
    };
    check_fc_qualifier_field(p, &c.qualifier, errors);
    let field_qualifier = c.qualifier.as_deref().map(Qualifier::from_alibaba);
    match c.function_arn.as_deref().map(str::parse::<AcsArn>) {
        Some(Ok(AcsArn { region, account, resource: AcsResource::Fc3Function { function, qualifier } })) => {
            let arn_qualifier = qualifier.as_deref().map(Qualifier::from_alibaba);
            if arn_qualifier.is_some() && field_qualifier.is_some() && arn_qualifier != field_qualifier {
                errors.push(err(format!("{p}/qualifier"), "`qualifier` differs from the qualifier in `functionArn`"));
            }
            cfg.function = Some(FunctionRef {
                region: Some(region).filter(|r| !r.is_empty()),
                account: Some(account).filter(|a| !a.is_empty()),
                group: None,
                name: Some(function),
                qualifier: arn_qualifier.or(field_qualifier),
            });
        }
        Some(Ok(other)) => errors.push(err(
            format!("{p}/functionArn"),
            format!(
                "`functionArn` must be an FC 3.0 function ARN `acs:fc:{{region}}:{{account}}:functions/{{function}}`; this one names: {}",
                other.resource.kind_name()
            ),
        )),
        Some(Err(e)) => errors.push(err(format!("{p}/functionArn"), e.to_string())),
        None => {
            if field_qualifier.is_some() {
                cfg.function = Some(FunctionRef { qualifier: field_qualifier, ..Default::default() });
            }
        }
    }
    cfg.extensions.created_time = c.created_time.clone();
    cfg.extensions.last_modified = c.last_modified_time.clone();
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    alibaba_destinations(&c.destination_config, p, &mut cfg, errors);
    cfg
}

fn huawei_to_neutral(c: &HuaweiConfig, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        ..Default::default()
    };
    if let Some(text) = &c.func_urn {
        match text.parse::<FunctionUrn>() {
            Ok(u) => {
                cfg.function = Some(FunctionRef {
                    region: Some(u.region),
                    account: Some(u.project_id),
                    group: Some(u.package),
                    name: Some(u.function),
                    qualifier: u.qualifier,
                })
            }
            Err(e) => errors.push(err(format!("{p}/func_urn"), e.to_string())),
        }
    }
    let log = StatusLog {
        enabled: c.enable_async_status_log,
        log_group_id: c.log_group_id.clone(),
        log_stream_id: c.log_stream_id.clone(),
        log_group_name: c.log_group_name.clone(),
        log_stream_name: c.log_stream_name.clone(),
    };
    if log != StatusLog::default() {
        cfg.status_log = Some(log);
    }
    cfg.extensions.created_time = c.created_time.clone();
    cfg.extensions.last_modified = c.last_modified.clone();
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    if let Some(dc) = &c.destination_config {
        unknown_at("/destination_config", &dc.unknown, &mut cfg.extensions.unknown);
        for (key, dest, slot) in
            [("on_success", &dc.on_success, &mut cfg.on_success), ("on_failure", &dc.on_failure, &mut cfg.on_failure)]
        {
            let Some(d) = dest else { continue };
            unknown_at(&format!("/destination_config/{key}"), &d.unknown, &mut cfg.extensions.unknown);
            let at = format!("{p}/destination_config/{key}");
            match (&d.destination, &d.param) {
                (None, None) => {}
                (None, Some(_)) => {
                    errors.push(err(format!("{at}/destination"), "`param` is set but `destination` is not"))
                }
                (Some(kind), param) => match kind.parse::<DestinationKind>() {
                    Err(e) => errors.push(err(format!("{at}/destination"), e.to_string())),
                    Ok(kind) => match param {
                        None => errors.push(err(
                            format!("{at}/param"),
                            format!("a {kind} destination needs `param` with {}", kind.param_keys().join(", ")),
                        )),
                        Some(text) => match DestinationParam::parse(kind, text) {
                            Ok(p) => *slot = Some(Destination::from_param(p)),
                            Err(e) => errors.push(err(format!("{at}/param"), e.to_string())),
                        },
                    },
                },
            }
        }
    }
    cfg
}

impl Document {
    /// The neutral model of this document; errors name each identifier that
    /// does not parse (malformed ARN or URN, unknown destination kind, bad `param`).
    pub fn to_neutral(&self) -> Result<NeutralDocument, Vec<DocumentError>> {
        let mut errors = Vec::new();
        let doc = match self {
            Document::AlibabaFc2(Shape::Config(c)) => NeutralDocument::Config(fc2_to_neutral(c, "", &mut errors)),
            Document::AlibabaFc3(Shape::Config(c)) => NeutralDocument::Config(fc3_to_neutral(c, "", &mut errors)),
            Document::Huawei(Shape::Config(c)) => NeutralDocument::Config(huawei_to_neutral(c, "", &mut errors)),
            Document::AlibabaFc2(Shape::List(l)) => NeutralDocument::List(alibaba_list(l, &mut errors, fc2_to_neutral)),
            Document::AlibabaFc3(Shape::List(l)) => NeutralDocument::List(alibaba_list(l, &mut errors, fc3_to_neutral)),
            Document::Huawei(Shape::List(l)) => {
                let mut unknown = Vec::new();
                unknown_at("", &l.unknown, &mut unknown);
                NeutralDocument::List(ConfigList {
                    items: l
                        .async_invoke_configs
                        .iter()
                        .enumerate()
                        .map(|(i, c)| huawei_to_neutral(c, &format!("/async_invoke_configs/{i}"), &mut errors))
                        .collect(),
                    paging: Paging::Huawei { count: l.count, page_info: l.page_info.clone() },
                    unknown,
                })
            }
        };
        if errors.is_empty() {
            Ok(doc)
        } else {
            Err(errors)
        }
    }

    /// Writes a neutral document in `dialect`. Fails where a value has no form
    /// in that dialect (a Huawei destination in an Alibaba document, a
    /// package-qualified function in FC 3.0, ...): the translator maps those first.
    pub fn from_neutral(doc: &NeutralDocument, dialect: Dialect) -> Result<Document, Vec<DocumentError>> {
        let mut errors = Vec::new();
        let out = match (doc, dialect) {
            (NeutralDocument::Config(c), Dialect::AlibabaFc2) => {
                Document::AlibabaFc2(Shape::Config(to_fc2(c, "", &mut errors)))
            }
            (NeutralDocument::Config(c), Dialect::AlibabaFc3) => {
                Document::AlibabaFc3(Shape::Config(to_fc3(c, "", &mut errors)))
            }
            (NeutralDocument::Config(c), Dialect::Huawei) => {
                Document::Huawei(Shape::Config(to_huawei(c, "", &mut errors)))
            }
            (NeutralDocument::List(l), Dialect::AlibabaFc2) => {
                Document::AlibabaFc2(Shape::List(to_alibaba_list(l, &mut errors, to_fc2)))
            }
            (NeutralDocument::List(l), Dialect::AlibabaFc3) => {
                Document::AlibabaFc3(Shape::List(to_alibaba_list(l, &mut errors, to_fc3)))
            }
            (NeutralDocument::List(l), Dialect::Huawei) => {
                let (count, page_info) = match &l.paging {
                    Paging::Huawei { count, page_info } => (*count, page_info.clone()),
                    Paging::Alibaba { .. } => (None, None),
                };
                let mut list = HuaweiList {
                    async_invoke_configs: l
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, c)| to_huawei(c, &format!("/async_invoke_configs/{i}"), &mut errors))
                        .collect(),
                    count,
                    page_info,
                    unknown: Map::new(),
                };
                restore_top(&mut list.unknown, &l.unknown);
                Document::Huawei(Shape::List(list))
            }
        };
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

fn alibaba_list<C>(
    l: &AlibabaList<C>,
    errors: &mut Vec<DocumentError>,
    f: fn(&C, &str, &mut Vec<DocumentError>) -> AsyncInvokeConfig,
) -> ConfigList {
    let mut unknown = Vec::new();
    unknown_at("", &l.unknown, &mut unknown);
    ConfigList {
        items: l.configs.iter().enumerate().map(|(i, c)| f(c, &format!("/configs/{i}"), errors)).collect(),
        paging: Paging::Alibaba { next_token: l.next_token.clone() },
        unknown,
    }
}

fn to_alibaba_list<C>(
    l: &ConfigList,
    errors: &mut Vec<DocumentError>,
    f: fn(&AsyncInvokeConfig, &str, &mut Vec<DocumentError>) -> C,
) -> AlibabaList<C> {
    let mut list = AlibabaList {
        configs: l.items.iter().enumerate().map(|(i, c)| f(c, &format!("/configs/{i}"), errors)).collect(),
        next_token: match &l.paging {
            Paging::Alibaba { next_token } => next_token.clone(),
            Paging::Huawei { .. } => None,
        },
        unknown: Map::new(),
    };
    restore_top(&mut list.unknown, &l.unknown);
    list
}

// -------------------------------------------------------------- from neutral

/// Puts back the unknown keys that sit at `prefix` exactly (one more token).
fn restore(map: &mut Map<String, Value>, unknown: &[(String, Value)], prefix: &str) {
    for (pointer, value) in unknown {
        if let Some(rest) = pointer.strip_prefix(prefix).and_then(|r| r.strip_prefix('/')) {
            if !rest.contains('/') {
                map.insert(rest.replace("~1", "/").replace("~0", "~"), value.clone());
            }
        }
    }
}

fn restore_top(map: &mut Map<String, Value>, unknown: &[(String, Value)]) {
    restore(map, unknown, "")
}

fn to_alibaba_destinations(
    c: &AsyncInvokeConfig,
    p: &str,
    errors: &mut Vec<DocumentError>,
) -> Option<AlibabaDestinationConfig> {
    let mut dc = AlibabaDestinationConfig::default();
    let mut any = c.extensions.unknown.iter().any(|(k, _)| k.starts_with("/destinationConfig/"));
    for (key, dest, slot) in
        [("onSuccess", &c.on_success, &mut dc.on_success), ("onFailure", &c.on_failure, &mut dc.on_failure)]
    {
        let mut d = AlibabaDestination::default();
        restore(&mut d.unknown, &c.extensions.unknown, &format!("/destinationConfig/{key}"));
        match dest {
            Some(dest) => match dest.as_arn() {
                Some(arn) => d.destination = Some(arn.to_string()),
                None => errors.push(err(
                    format!("{p}/destinationConfig/{key}"),
                    format!("a {} destination has no Alibaba form", dest.kind_name()),
                )),
            },
            None if d.unknown.is_empty() => continue,
            None => {}
        }
        any = true;
        *slot = Some(d);
    }
    restore(&mut dc.unknown, &c.extensions.unknown, "/destinationConfig");
    any.then_some(dc)
}

fn to_fc2(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> Fc2Config {
    let f = c.function.clone().unwrap_or_default();
    let mut out = Fc2Config {
        created_time: c.extensions.created_time.clone(),
        destination_config: to_alibaba_destinations(c, p, errors),
        function: f.name,
        last_modified_time: c.extensions.last_modified.clone(),
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        qualifier: f.qualifier.as_ref().map(Qualifier::to_alibaba),
        service: f.group,
        stateful_invocation: c.async_task,
        ..Default::default()
    };
    restore_top(&mut out.unknown, &c.extensions.unknown);
    out
}

fn to_fc3(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> Fc3Config {
    let f = c.function.clone().unwrap_or_default();
    if let Some(group) = &f.group {
        errors.push(err(
            format!("{p}/functionArn"),
            format!("FC 3.0 has no services or packages; the function is in `{group}`"),
        ));
    }
    let function_arn = f.name.as_ref().map(|name| {
        AcsArn {
            region: f.region.clone().unwrap_or_default(),
            account: f.account.clone().unwrap_or_default(),
            resource: AcsResource::Fc3Function { function: name.clone(), qualifier: None },
        }
        .to_string()
    });
    let mut out = Fc3Config {
        async_task: c.async_task,
        created_time: c.extensions.created_time.clone(),
        destination_config: to_alibaba_destinations(c, p, errors),
        function_arn,
        last_modified_time: c.extensions.last_modified.clone(),
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        qualifier: f.qualifier.as_ref().map(Qualifier::to_alibaba),
        ..Default::default()
    };
    restore_top(&mut out.unknown, &c.extensions.unknown);
    out
}

fn to_huawei(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> HuaweiConfig {
    let func_urn = c.function.as_ref().and_then(|f| {
        let name = f.name.clone()?;
        match (&f.region, &f.account) {
            (Some(region), Some(project_id)) => Some(
                FunctionUrn {
                    region: region.clone(),
                    project_id: project_id.clone(),
                    package: f.group.clone().unwrap_or_else(|| crate::facts::huawei::DEFAULT_PACKAGE.into()),
                    function: name,
                    qualifier: f.qualifier.clone(),
                }
                .to_string(),
            ),
            _ => {
                errors.push(err(format!("{p}/func_urn"), "a function URN needs the region and the project id"));
                None
            }
        }
    });
    let mut dc = HuaweiDestinationConfig::default();
    let mut any = c.extensions.unknown.iter().any(|(k, _)| k.starts_with("/destination_config/"));
    for (key, dest, slot) in
        [("on_success", &c.on_success, &mut dc.on_success), ("on_failure", &c.on_failure, &mut dc.on_failure)]
    {
        let mut d = HuaweiDestination::default();
        restore(&mut d.unknown, &c.extensions.unknown, &format!("/destination_config/{key}"));
        match dest {
            Some(dest) => match dest.as_param() {
                Some(param) => {
                    d.destination = Some(param.kind().as_str().into());
                    d.param = Some(param.to_json_string());
                }
                None => errors.push(err(
                    format!("{p}/destination_config/{key}"),
                    format!("a {} destination has no FunctionGraph form", dest.kind_name()),
                )),
            },
            None if d.unknown.is_empty() => continue,
            None => {}
        }
        any = true;
        *slot = Some(d);
    }
    restore(&mut dc.unknown, &c.extensions.unknown, "/destination_config");
    let log = c.status_log.clone().unwrap_or_default();
    let mut out = HuaweiConfig {
        func_urn,
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        destination_config: any.then_some(dc),
        created_time: c.extensions.created_time.clone(),
        last_modified: c.extensions.last_modified.clone(),
        enable_async_status_log: log.enabled,
        log_group_id: log.log_group_id,
        log_stream_id: log.log_stream_id,
        log_group_name: log.log_group_name,
        log_stream_name: log.log_stream_name,
        unknown: Map::new(),
    };
    restore_top(&mut out.unknown, &c.extensions.unknown);
    out
}
