//! `huawei` <-> the neutral model: `func_urn`, `destination` + `param`
//! (a JSON document in a string) as typed destinations, the status log as
//! state tracking, `count` / `page_info` as paging.

use super::*;
use crate::document::{HuaweiConfig, HuaweiDestination, HuaweiDestinationConfig, HuaweiList, PageInfo, Shape};
use crate::facts::huawei::{self, SPEC};
use crate::param::{DestinationKind, DestinationParam};
use crate::urn::{FunctionUrn, SmnTopicUrn};

const DESTINATION_CONFIG_KEY: &str = SPEC.keys.destination_config;
const DESTINATION_KEY: &str = huawei::DESTINATION_KEYS[0];
const PARAM_KEY: &str = huawei::DESTINATION_KEYS[1];
const PAGE_INFO_KEY: &str = huawei::LIST_KEYS[2];

/// The `huawei` codec.
pub(crate) const CODEC: Codec = Codec {
    to_neutral: |d| match d {
        Document::Huawei(Shape::Config(c)) => {
            let mut errors = Vec::new();
            let c = to_neutral(c, "", &mut errors);
            done(NeutralDocument::Config(c), errors)
        }
        Document::Huawei(Shape::List(l)) => {
            let mut errors = Vec::new();
            let mut unknown = Vec::new();
            unknown_at("", &l.unknown, &mut unknown);
            let mut position = Vec::new();
            if let Some(pi) = &l.page_info {
                position.push((format!("/{PAGE_INFO_KEY}"), serde_json::to_value(pi).unwrap_or(Value::Null)));
            }
            let list = ConfigList {
                items: items(&l.async_invoke_configs, SPEC.list.items, &mut errors, to_neutral),
                paging: Paging { next_token: None, total: l.count, position },
                unknown,
            };
            done(NeutralDocument::List(list), errors)
        }
        other => Err(vec![super::alibaba::wrong_codec(other)]),
    },
    from_neutral: |doc| {
        let mut errors = Vec::new();
        let out = match doc {
            NeutralDocument::Config(c) => Shape::Config(from_neutral(c, "", &mut errors)),
            NeutralDocument::List(l) => {
                let page_info = l
                    .paging
                    .position
                    .iter()
                    .find(|(k, _)| k.strip_prefix('/') == Some(PAGE_INFO_KEY))
                    .and_then(|(_, v)| serde_json::from_value::<PageInfo>(v.clone()).ok());
                let mut list = HuaweiList {
                    async_invoke_configs: items(&l.items, SPEC.list.items, &mut errors, from_neutral),
                    count: l.paging.total,
                    page_info,
                    unknown: Map::new(),
                };
                restore(&mut list.unknown, &l.unknown, "");
                Shape::List(list)
            }
        };
        done(Document::Huawei(out), errors)
    },
    write_destination: |d| {
        write_param(d).map(|p| serde_json::json!({ DESTINATION_KEY: p.kind().as_str(), PARAM_KEY: p.to_value() }))
    },
    read_destination: |v| {
        let kind = v.get(DESTINATION_KEY).and_then(Value::as_str).unwrap_or_default();
        let kind = kind.parse::<DestinationKind>().map_err(|e| e.to_string())?;
        let param = v.get(PARAM_KEY).cloned().unwrap_or(Value::Null);
        let param = DestinationParam::from_value(kind, param).map_err(|e| e.to_string())?;
        // Checked as the target document would be, so a translation never writes what lint rejects.
        match param.violations().into_iter().next() {
            Some((key, message)) => Err(format!("`{PARAM_KEY}` `{key}`: {message}")),
            None => Ok(destination_of(&param)),
        }
    },
    destination_key,
    kind_name: |d| match d.kind {
        TargetKind::Function => "FunctionGraph function",
        TargetKind::Topic => "SMN topic",
        TargetKind::ObjectStorage => "OBS bucket",
        TargetKind::Stream => "DIS stream",
        _ => "resource",
    },
    read_key,
    qualifier_text: Qualifier::to_huawei,
    read_qualifier: Qualifier::from_huawei,
    check_qualifier: |q| crate::urn::check_huawei_qualifier(q).map_err(|e| e.to_string()),
    example: "{\"destination\": \"DIS\", \"param\": {\"stream_name\": \"...\"}}",
    function_identifier: ("a FunctionGraph function URN (`urn:fss:...`)", read_function),
    read_function: |map| {
        str_at(map, SPEC.keys.function).and_then(|s| s.parse::<FunctionUrn>().ok()).map(|u| function_of(&u))
    },
};

/// A mapping key naming a FunctionGraph destination: a function or SMN topic
/// URN, or `OBS:{bucket}` / `DIS:{stream}` for kinds without one.
fn read_key(key: &str) -> Option<Result<Destination, String>> {
    let (kind, value) = if let Ok(func_urn) = key.parse::<FunctionUrn>() {
        return Some(Ok(destination_of(&DestinationParam::FunctionGraph(crate::param::FunctionGraphParam {
            func_urn,
            unknown: Map::new(),
        }))));
    } else if let Ok(topic_urn) = key.parse::<SmnTopicUrn>() {
        return Some(Ok(destination_of(&DestinationParam::Smn(crate::param::SmnParam {
            topic_urn,
            unknown: Map::new(),
        }))));
    } else if let Some(bucket) = key.strip_prefix("OBS:") {
        (DestinationKind::Obs, serde_json::json!({ DestinationKind::Obs.param_keys()[0]: bucket }))
    } else if let Some(stream) = key.strip_prefix("DIS:") {
        (DestinationKind::Dis, serde_json::json!({ DestinationKind::Dis.param_keys()[0]: stream }))
    } else if key.starts_with("urn:") {
        return Some(Err(format!("`{key}` is neither a FunctionGraph function URN nor an SMN topic URN")));
    } else {
        return None;
    };
    Some(DestinationParam::from_value(kind, value).map(|p| destination_of(&p)).map_err(|e| e.to_string()))
}

/// Reads a FunctionGraph function URN as `--function` takes it (`None`: not a URN).
pub(crate) fn read_function(text: &str) -> Option<Result<FunctionRef, String>> {
    if !text.starts_with("urn:") {
        return None;
    }
    Some(
        text.parse::<FunctionUrn>()
            .map(|u| function_of(&u))
            .map_err(|e| format!("`{text}` is no valid FunctionGraph function URN: {e}")),
    )
}

/// The function a FunctionGraph URN names.
pub fn function_of(u: &FunctionUrn) -> FunctionRef {
    FunctionRef {
        provider: Provider::Huawei,
        region: Some(u.region.clone()),
        account: Some(u.project_id.clone()),
        namespace: Some(u.package.clone()),
        name: Some(u.function.clone()),
        qualifier: u.qualifier.clone(),
    }
}

/// The FunctionGraph URN of a located function (package `default` when it has none).
pub fn function_urn(f: &FunctionRef) -> Result<FunctionUrn, String> {
    match (&f.region, &f.account, &f.name) {
        (Some(region), Some(project_id), Some(name)) => Ok(FunctionUrn {
            region: region.clone(),
            project_id: project_id.clone(),
            package: f.namespace.clone().unwrap_or_else(|| huawei::DEFAULT_PACKAGE.into()),
            function: name.clone(),
            qualifier: f.qualifier.clone(),
        }),
        _ => Err("a function URN needs the region, the project id and the name".into()),
    }
}

fn destination_key(d: &Destination) -> String {
    match d.kind {
        TargetKind::ObjectStorage => format!("OBS:{}", d.name),
        TargetKind::Stream => format!("DIS:{}", d.name),
        _ => match write_param(d) {
            Ok(DestinationParam::FunctionGraph(p)) => p.func_urn.to_string(),
            Ok(DestinationParam::Smn(p)) => p.topic_urn.to_string(),
            _ => d.name.clone(),
        },
    }
}

/// The typed destination a `param` names; its other keys become settings.
pub fn destination_of(p: &DestinationParam) -> Destination {
    let (kind, mut d) = match p {
        DestinationParam::FunctionGraph(f) => {
            let f = function_of(&f.func_urn);
            let d = Destination {
                region: f.region,
                account: f.account,
                namespace: f.namespace,
                qualifier: f.qualifier,
                ..Destination::new(TargetKind::Function, Provider::Huawei, f.name.unwrap_or_default())
            };
            (DestinationKind::FunctionGraph, d)
        }
        DestinationParam::Smn(s) => {
            let t = &s.topic_urn;
            let d = Destination {
                region: Some(t.region.clone()),
                account: Some(t.project_id.clone()),
                ..Destination::new(TargetKind::Topic, Provider::Huawei, t.topic.clone())
            };
            (DestinationKind::Smn, d)
        }
        DestinationParam::Obs(o) => {
            (DestinationKind::Obs, Destination::new(TargetKind::ObjectStorage, Provider::Huawei, o.bucket.clone()))
        }
        DestinationParam::Dis(s) => {
            (DestinationKind::Dis, Destination::new(TargetKind::Stream, Provider::Huawei, s.stream_name.clone()))
        }
    };
    let id_key = kind.param_keys().first().copied().unwrap_or_default();
    if let Value::Object(map) = p.to_value() {
        for (k, v) in map {
            if k == id_key {
                continue;
            }
            if kind.param_keys().contains(&k.as_str()) {
                d.settings.push((k, v));
            } else {
                d.unknown.push((k, v));
            }
        }
    }
    d
}

/// The `param` of a FunctionGraph destination, checked as the API would.
pub(crate) fn write_param(d: &Destination) -> Result<DestinationParam, String> {
    if d.provider != Provider::Huawei {
        return Err(format!("a {} {} has no FunctionGraph form", d.provider.service_name(), d.kind.noun()));
    }
    let located = |what: &str| match (&d.region, &d.account) {
        (Some(r), Some(a)) => Ok((r.clone(), a.clone())),
        _ => Err(format!("an {what} URN needs the region and the project id")),
    };
    let (kind, id) = match d.kind {
        TargetKind::Function => {
            let f = d.function().unwrap_or(FunctionRef::new(Provider::Huawei));
            (DestinationKind::FunctionGraph, Value::String(function_urn(&f)?.to_string()))
        }
        TargetKind::Topic => {
            let (region, project_id) = located("SMN topic")?;
            let urn = SmnTopicUrn { region, project_id, topic: d.name.clone() };
            (DestinationKind::Smn, Value::String(urn.to_string()))
        }
        TargetKind::ObjectStorage => (DestinationKind::Obs, Value::String(d.name.clone())),
        TargetKind::Stream => (DestinationKind::Dis, Value::String(d.name.clone())),
        other => return Err(format!("FunctionGraph has no {} destination", other.noun())),
    };
    let mut map = Map::new();
    map.insert(kind.param_keys().first().copied().unwrap_or_default().to_string(), id);
    for (k, v) in d.settings.iter().chain(&d.unknown) {
        map.insert(k.clone(), v.clone());
    }
    DestinationParam::from_value(kind, Value::Object(map)).map_err(|e| e.to_string())
}

fn to_neutral(c: &HuaweiConfig, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.max_async_event_age_in_seconds,
        max_retry_attempts: c.max_async_retry_attempts,
        ..Default::default()
    };
    if let Some(text) = &c.func_urn {
        match text.parse::<FunctionUrn>() {
            Ok(u) => cfg.function = Some(function_of(&u)),
            Err(e) => errors.push(err(format!("{p}/{}", SPEC.keys.function), e.to_string())),
        }
    }
    let log = [&c.log_group_id, &c.log_stream_id, &c.log_group_name, &c.log_stream_name];
    cfg.state_tracking = StateTracking {
        enabled: c.enable_async_status_log,
        log_target: huawei::LOG_KEYS
            .iter()
            .zip(log)
            .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
            .collect(),
    };
    cfg.extensions.created_time = c.created_time.clone().map(Value::String);
    cfg.extensions.last_modified = c.last_modified.clone().map(Value::String);
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    let Some(dc) = &c.destination_config else { return cfg };
    unknown_at(&format!("/{DESTINATION_CONFIG_KEY}"), &dc.unknown, &mut cfg.extensions.unknown);
    for (key, dest, slot) in [
        (SPEC.keys.on_success, &dc.on_success, &mut cfg.on_success),
        (SPEC.keys.on_failure, &dc.on_failure, &mut cfg.on_failure),
    ] {
        let Some(d) = dest else { continue };
        unknown_at(&format!("/{DESTINATION_CONFIG_KEY}/{key}"), &d.unknown, &mut cfg.extensions.unknown);
        let at = format!("{p}/{DESTINATION_CONFIG_KEY}/{key}");
        match (&d.destination, &d.param) {
            (None, None) => {}
            (None, Some(_)) => errors.push(err(
                format!("{at}/{DESTINATION_KEY}"),
                format!("`{PARAM_KEY}` is set but `{DESTINATION_KEY}` is not"),
            )),
            (Some(kind), param) => match kind.parse::<DestinationKind>() {
                Err(e) => errors.push(err(format!("{at}/{DESTINATION_KEY}"), e.to_string())),
                Ok(kind) => match param {
                    None => errors.push(err(
                        format!("{at}/{PARAM_KEY}"),
                        format!("a {kind} destination needs `{PARAM_KEY}` with {}", kind.param_keys().join(", ")),
                    )),
                    Some(text) => match DestinationParam::parse(kind, text) {
                        Ok(param) => *slot = Some(destination_of(&param)),
                        Err(e) => errors.push(err(format!("{at}/{PARAM_KEY}"), e.to_string())),
                    },
                },
            },
        }
    }
    cfg
}

impl Side for HuaweiDestination {
    fn unknown(&mut self) -> &mut Map<String, Value> {
        &mut self.unknown
    }
}

fn from_neutral(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> HuaweiConfig {
    let func_urn = c.function.as_ref().filter(|f| f.name.is_some()).and_then(|f| match function_urn(f) {
        Ok(u) => Some(u.to_string()),
        Err(e) => {
            errors.push(err(format!("{p}/{}", SPEC.keys.function), e));
            None
        }
    });
    let keys = (DESTINATION_CONFIG_KEY, [SPEC.keys.on_success, SPEC.keys.on_failure]);
    let destination_config = write_sides(c, p, keys, errors, |d, side: &mut HuaweiDestination| {
        let param = write_param(d)?;
        side.destination = Some(param.kind().as_str().into());
        side.param = Some(param.to_json_string());
        Ok(())
    })
    .map(|([on_success, on_failure], unknown)| HuaweiDestinationConfig { on_success, on_failure, unknown });
    let log = |key: &str| c.state_tracking.log_target.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut out = HuaweiConfig {
        func_urn,
        max_async_event_age_in_seconds: c.max_event_age,
        max_async_retry_attempts: c.max_retry_attempts,
        destination_config,
        created_time: text_of(&c.extensions.created_time),
        last_modified: text_of(&c.extensions.last_modified),
        enable_async_status_log: c.state_tracking.enabled,
        log_group_id: log(huawei::LOG_KEYS[0]),
        log_stream_id: log(huawei::LOG_KEYS[1]),
        log_group_name: log(huawei::LOG_KEYS[2]),
        log_stream_name: log(huawei::LOG_KEYS[3]),
        unknown: Map::new(),
    };
    restore(&mut out.unknown, &c.extensions.unknown, "");
    out
}
