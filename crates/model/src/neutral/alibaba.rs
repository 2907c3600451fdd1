//! `alibaba-fc2` and `alibaba-fc3` <-> the neutral model: Alibaba ARNs as
//! typed destinations, `service`/`function`/`functionArn` as the function.

use super::*;
use crate::arn::{check_fc_qualifier, AcsArn, AcsResource};
use crate::document::{AlibabaDestination, AlibabaDestinationConfig, AlibabaList, Fc2Config, Fc3Config, Shape};
use crate::facts;
use crate::facts::alibaba::FC2_SPEC;

const DESTINATION_CONFIG_KEY: &str = FC2_SPEC.keys.destination_config;
const ON_SUCCESS_KEY: &str = FC2_SPEC.keys.on_success;
const ON_FAILURE_KEY: &str = FC2_SPEC.keys.on_failure;
const DESTINATION_KEY: &str = facts::alibaba::DESTINATION_KEYS[0];
const LIST_ITEMS_KEY: &str = FC2_SPEC.list.items;

/// The `alibaba-fc2` codec.
pub(crate) const FC2_CODEC: Codec = Codec {
    to_neutral: |d| match d {
        Document::AlibabaFc2(Shape::Config(c)) => {
            let mut errors = Vec::new();
            let c = fc2_to_neutral(c, "", &mut errors);
            done(NeutralDocument::Config(c), errors)
        }
        Document::AlibabaFc2(Shape::List(l)) => {
            let mut errors = Vec::new();
            let l = list_to_neutral(l, &mut errors, fc2_to_neutral);
            done(NeutralDocument::List(l), errors)
        }
        other => Err(vec![wrong_codec(other)]),
    },
    from_neutral: |doc| {
        let mut errors = Vec::new();
        let out = match doc {
            NeutralDocument::Config(c) => Shape::Config(to_fc2(c, "", &mut errors)),
            NeutralDocument::List(l) => Shape::List(to_list(l, &mut errors, to_fc2)),
        };
        done(Document::AlibabaFc2(out), errors)
    },
    write_destination: |d| write_arn(d).map(|a| Value::String(a.to_string())),
    read_destination: read_arn_value,
    destination_key: |d| write_arn(d).map(|a| a.to_string()).unwrap_or_else(|_| d.name.clone()),
    kind_name: |d| write_arn(d).map(|a| a.resource.kind_name()).unwrap_or("resource"),
    read_key: |k| k.starts_with("acs:").then(|| read_arn_value(&Value::String(k.into()))),
    qualifier_text: Qualifier::to_alibaba,
    read_qualifier: Qualifier::from_alibaba,
    check_qualifier: |q| check_fc_qualifier(&q.to_alibaba()).map_err(|e| e.to_string()),
    example: "\"acs:mns:{region}:{account}:/queues/{queue}/messages\"",
    function_identifier: ("a Function Compute ARN (`acs:fc:...`)", read_function),
    read_function: |map| {
        let alibaba = facts::alibaba::FUNCTION_KEY;
        let name = str_at(map, alibaba).or_else(|| str_at(map, facts::alibaba::LEGACY_FUNCTION_KEY));
        let service =
            str_at(map, facts::alibaba::SERVICE_KEY).or_else(|| str_at(map, facts::alibaba::LEGACY_SERVICE_KEY));
        name.map(|n| FunctionRef {
            namespace: service.map(String::from),
            name: Some(n.to_string()),
            qualifier: str_at(map, facts::alibaba::QUALIFIER_KEY).map(Qualifier::from_alibaba),
            ..FunctionRef::new(Provider::Alibaba)
        })
    },
};

/// The `alibaba-fc3` codec.
pub(crate) const FC3_CODEC: Codec = Codec {
    to_neutral: |d| match d {
        Document::AlibabaFc3(Shape::Config(c)) => {
            let mut errors = Vec::new();
            let c = fc3_to_neutral(c, "", &mut errors);
            done(NeutralDocument::Config(c), errors)
        }
        Document::AlibabaFc3(Shape::List(l)) => {
            let mut errors = Vec::new();
            let l = list_to_neutral(l, &mut errors, fc3_to_neutral);
            done(NeutralDocument::List(l), errors)
        }
        other => Err(vec![wrong_codec(other)]),
    },
    from_neutral: |doc| {
        let mut errors = Vec::new();
        let out = match doc {
            NeutralDocument::Config(c) => Shape::Config(to_fc3(c, "", &mut errors)),
            NeutralDocument::List(l) => Shape::List(to_list(l, &mut errors, to_fc3)),
        };
        done(Document::AlibabaFc3(out), errors)
    },
    read_function: |map| {
        let arn = str_at(map, crate::facts::alibaba::FC3_SPEC.keys.function).and_then(|s| s.parse::<AcsArn>().ok())?;
        let mut f = destination_of(&arn).function()?;
        if f.qualifier.is_none() {
            f.qualifier = str_at(map, facts::alibaba::QUALIFIER_KEY).map(Qualifier::from_alibaba);
        }
        Some(f)
    },
    ..FC2_CODEC
};

pub(crate) fn wrong_codec(d: &Document) -> DocumentError {
    err("", format!("a {} document was given to another dialect's reader", d.dialect()))
}

/// Reads an FC function ARN as `--function` takes it (`None`: not an Alibaba ARN).
pub(crate) fn read_function(text: &str) -> Option<Result<FunctionRef, String>> {
    if !text.starts_with("acs:") {
        return None;
    }
    Some(match text.parse::<AcsArn>() {
        Err(e) => Err(format!("`{text}` is no valid Alibaba ARN: {e}")),
        Ok(arn) => destination_of(&arn).function().filter(|_| arn.resource.service() == "fc").ok_or_else(|| {
            format!("`{text}` is an Alibaba ARN but names no function (`acs:fc:{{region}}:{{account}}:services/{{service}}/functions/{{function}}` or `...:functions/{{function}}`)")
        }),
    })
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string()).filter(|s| !s.is_empty())
}

/// The typed destination an Alibaba ARN names.
pub fn destination_of(arn: &AcsArn) -> Destination {
    let (kind, namespace, name, qualifier) = match &arn.resource {
        AcsResource::Fc2Function { service, qualifier, function } => {
            (TargetKind::Function, Some(service.clone()), function, qualifier)
        }
        AcsResource::Fc3Function { function, qualifier } => (TargetKind::Function, None, function, qualifier),
        AcsResource::MnsQueue { queue } => (TargetKind::Queue, None, queue, &None),
        AcsResource::MnsTopic { topic } => (TargetKind::Topic, None, topic, &None),
        AcsResource::EventBus { bus } => (TargetKind::EventBus, None, bus, &None),
        AcsResource::RocketMqTopic { instance, topic } => {
            (TargetKind::InstanceTopic, Some(instance.clone()), topic, &None)
        }
    };
    Destination {
        region: some(&arn.region),
        account: some(&arn.account),
        namespace,
        qualifier: qualifier.as_deref().map(Qualifier::from_alibaba),
        ..Destination::new(kind, Provider::Alibaba, name.clone())
    }
}

/// The Alibaba ARN of a destination; an FC function with a namespace is
/// written in the FC 2.0 form, without one in the FC 3.0 form.
pub(crate) fn write_arn(d: &Destination) -> Result<AcsArn, String> {
    if d.provider != Provider::Alibaba {
        return Err(format!("a {} {} has no Alibaba ARN", d.provider.service_name(), d.kind.noun()));
    }
    let name = d.name.clone();
    let resource = match (d.kind, &d.namespace) {
        (TargetKind::Function, Some(service)) => AcsResource::Fc2Function {
            service: service.clone(),
            qualifier: d.qualifier.as_ref().map(Qualifier::to_alibaba),
            function: name,
        },
        (TargetKind::Function, None) => {
            AcsResource::Fc3Function { function: name, qualifier: d.qualifier.as_ref().map(Qualifier::to_alibaba) }
        }
        (TargetKind::Queue, _) => AcsResource::MnsQueue { queue: name },
        (TargetKind::Topic, _) => AcsResource::MnsTopic { topic: name },
        (TargetKind::EventBus, _) => AcsResource::EventBus { bus: name },
        (TargetKind::InstanceTopic, Some(instance)) => {
            AcsResource::RocketMqTopic { instance: instance.clone(), topic: name }
        }
        (kind, _) => return Err(format!("Alibaba Cloud has no {} destination", kind.noun())),
    };
    Ok(AcsArn {
        region: d.region.clone().unwrap_or_default(),
        account: d.account.clone().unwrap_or_default(),
        resource,
    })
}

fn read_arn_value(v: &Value) -> Result<Destination, String> {
    match v {
        Value::String(s) => s.parse::<AcsArn>().map(|a| destination_of(&a)).map_err(|e| e.to_string()),
        _ => Err("an Alibaba destination is an ARN string".into()),
    }
}

fn read_destinations(
    dc: &Option<AlibabaDestinationConfig>,
    p: &str,
    cfg: &mut AsyncInvokeConfig,
    errors: &mut Vec<DocumentError>,
) {
    let Some(dc) = dc else { return };
    unknown_at(&format!("/{DESTINATION_CONFIG_KEY}"), &dc.unknown, &mut cfg.extensions.unknown);
    for (key, dest, slot) in
        [(ON_SUCCESS_KEY, &dc.on_success, &mut cfg.on_success), (ON_FAILURE_KEY, &dc.on_failure, &mut cfg.on_failure)]
    {
        let Some(d) = dest else { continue };
        unknown_at(&format!("/{DESTINATION_CONFIG_KEY}/{key}"), &d.unknown, &mut cfg.extensions.unknown);
        if let Some(text) = &d.destination {
            match text.parse::<AcsArn>() {
                Ok(arn) => *slot = Some(destination_of(&arn)),
                Err(e) => {
                    errors.push(err(format!("{p}/{DESTINATION_CONFIG_KEY}/{key}/{DESTINATION_KEY}"), e.to_string()))
                }
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

fn check_qualifier_field(p: &str, q: &Option<String>, errors: &mut Vec<DocumentError>) {
    if let Some(q) = q {
        if let Err(e) = check_fc_qualifier(q) {
            errors.push(err(format!("{p}/qualifier"), e.to_string()));
        }
    }
}

fn state(enabled: Option<bool>) -> StateTracking {
    StateTracking { enabled, log_target: Vec::new() }
}

fn read_only(c: Option<&String>) -> Option<Value> {
    c.map(|s| Value::String(s.clone()))
}

fn fc2_to_neutral(c: &Fc2Config, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        state_tracking: state(c.stateful_invocation),
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
    check_qualifier_field(p, &c.qualifier, errors);
    if service.is_some() || name.is_some() || c.qualifier.is_some() {
        cfg.function = Some(FunctionRef {
            namespace: service,
            name,
            qualifier: c.qualifier.as_deref().map(Qualifier::from_alibaba),
            ..FunctionRef::new(Provider::Alibaba)
        });
    }
    cfg.extensions.created_time = read_only(c.created_time.as_ref());
    cfg.extensions.last_modified = read_only(c.last_modified_time.as_ref());
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    read_destinations(&c.destination_config, p, &mut cfg, errors);
    cfg
}

fn fc3_to_neutral(c: &Fc3Config, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        state_tracking: state(c.async_task),
        ..Default::default()
    };
    check_qualifier_field(p, &c.qualifier, errors);
    let field_qualifier = c.qualifier.as_deref().map(Qualifier::from_alibaba);
    match c.function_arn.as_deref().map(str::parse::<AcsArn>) {
        Some(Ok(AcsArn { region, account, resource: AcsResource::Fc3Function { function, qualifier } })) => {
            let arn_qualifier = qualifier.as_deref().map(Qualifier::from_alibaba);
            if arn_qualifier.is_some() && field_qualifier.is_some() && arn_qualifier != field_qualifier {
                errors.push(err(format!("{p}/qualifier"), "`qualifier` differs from the qualifier in `functionArn`"));
            }
            cfg.function = Some(FunctionRef {
                region: some(&region),
                account: some(&account),
                name: Some(function),
                qualifier: arn_qualifier.or(field_qualifier),
                ..FunctionRef::new(Provider::Alibaba)
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
                cfg.function = Some(FunctionRef { qualifier: field_qualifier, ..FunctionRef::new(Provider::Alibaba) });
            }
        }
    }
    cfg.extensions.created_time = read_only(c.created_time.as_ref());
    cfg.extensions.last_modified = read_only(c.last_modified_time.as_ref());
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    read_destinations(&c.destination_config, p, &mut cfg, errors);
    cfg
}

fn list_to_neutral<C>(
    l: &AlibabaList<C>,
    errors: &mut Vec<DocumentError>,
    f: fn(&C, &str, &mut Vec<DocumentError>) -> AsyncInvokeConfig,
) -> ConfigList {
    let mut unknown = Vec::new();
    unknown_at("", &l.unknown, &mut unknown);
    ConfigList {
        items: items(&l.configs, LIST_ITEMS_KEY, errors, f),
        paging: Paging { next_token: l.next_token.clone(), ..Default::default() },
        unknown,
    }
}

fn to_list<C>(
    l: &ConfigList,
    errors: &mut Vec<DocumentError>,
    f: fn(&AsyncInvokeConfig, &str, &mut Vec<DocumentError>) -> C,
) -> AlibabaList<C> {
    let mut list = AlibabaList {
        configs: items(&l.items, LIST_ITEMS_KEY, errors, f),
        next_token: l.paging.next_token.clone(),
        unknown: Map::new(),
    };
    restore(&mut list.unknown, &l.unknown, "");
    list
}

impl Side for AlibabaDestination {
    fn unknown(&mut self) -> &mut Map<String, Value> {
        &mut self.unknown
    }
}

fn write_destinations(
    c: &AsyncInvokeConfig,
    p: &str,
    errors: &mut Vec<DocumentError>,
) -> Option<AlibabaDestinationConfig> {
    let keys = (DESTINATION_CONFIG_KEY, [ON_SUCCESS_KEY, ON_FAILURE_KEY]);
    let ([on_success, on_failure], unknown) = write_sides(c, p, keys, errors, |d, side: &mut AlibabaDestination| {
        side.destination = Some(write_arn(d)?.to_string());
        Ok(())
    })?;
    Some(AlibabaDestinationConfig { on_success, on_failure, unknown })
}

fn to_fc2(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> Fc2Config {
    let f = c.function.clone().unwrap_or(FunctionRef::new(Provider::Alibaba));
    let mut out = Fc2Config {
        created_time: text_of(&c.extensions.created_time),
        destination_config: write_destinations(c, p, errors),
        function: f.name,
        last_modified_time: text_of(&c.extensions.last_modified),
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        qualifier: f.qualifier.as_ref().map(Qualifier::to_alibaba),
        service: f.namespace,
        stateful_invocation: c.state_tracking.enabled,
        ..Default::default()
    };
    restore(&mut out.unknown, &c.extensions.unknown, "");
    out
}

fn to_fc3(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> Fc3Config {
    let f = c.function.clone().unwrap_or(FunctionRef::new(Provider::Alibaba));
    if let Some(group) = &f.namespace {
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
        async_task: c.state_tracking.enabled,
        created_time: text_of(&c.extensions.created_time),
        destination_config: write_destinations(c, p, errors),
        function_arn,
        last_modified_time: text_of(&c.extensions.last_modified),
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        qualifier: f.qualifier.as_ref().map(Qualifier::to_alibaba),
        ..Default::default()
    };
    restore(&mut out.unknown, &c.extensions.unknown, "");
    out
}
