//! Reading one config along its seams: whether it is a response, the
//! function it belongs to, its destinations, and the identifiers it holds.
//! Each is a function of the config's map alone.

use super::*;
use crate::DocumentRole;

/// What [`destinations`] reads from one config.
pub(super) struct Destinations<'a> {
    /// The destination config and each destination, as objects whose keys are checked.
    pub objects: Vec<Obj<'a>>,
    /// `destinationConfig` / `destination_config`, when an object.
    pub dest_config: Option<(String, &'a Map<String, Value>)>,
    /// Each destination slot that holds an object.
    pub destinations: Vec<Dest<'a>>,
}

/// Whether the config was read back from the API, unless the surface says it
/// is a request: Huawei's response-only keys; where responses are not held to
/// the request ranges, any read-only key (SCF's `RequestId`).
pub(super) fn is_response(d: Dialect, map: &Map<String, Value>, role: DocumentRole) -> bool {
    let set = |k: &&str| member(map, k).is_some_and(|v| !v.is_null());
    let spec = d.spec();
    let read_back = if d == Dialect::Huawei {
        huawei::RESPONSE_MARKER_KEYS.iter().any(set)
    } else {
        !spec.retry_attempts.responses_checked && spec.read_only_keys.iter().any(set)
    };
    role == DocumentRole::FromKeys && read_back
}

/// The function the config belongs to: as the dialect's codec reads it (one
/// reading for lint and translate), completed or given by `--function`.
pub(super) fn function_of(
    d: Dialect,
    map: &Map<String, Value>,
    option_fn: &Option<FunctionRef>,
) -> Option<FunctionRef> {
    match ((neutral::codec(d).read_function)(map), option_fn) {
        (Some(mut f), Some(o)) => {
            // `--function` supplies what the document leaves out (FC 2.0 bodies carry no region).
            if f.name == o.name {
                f.region = f.region.or_else(|| o.region.clone());
                f.account = f.account.or_else(|| o.account.clone());
            }
            Some(f)
        }
        (f, o) => f.or_else(|| o.clone()),
    }
}

/// The destination config of the config at `pointer` and its destinations.
pub(super) fn destinations<'a>(d: Dialect, pointer: &str, map: &'a Map<String, Value>) -> Destinations<'a> {
    let mut read = Destinations { objects: Vec::new(), dest_config: None, destinations: Vec::new() };
    let dc_key = d.key(Field::DestinationConfig);
    let Some(Value::Object(dc)) = member(map, dc_key) else { return read };
    let dcp = join(pointer, dc_key);
    read.objects.push(Obj { pointer: dcp.clone(), map: dc, level: Level::DestinationConfig });
    for slot in [d.key(Field::OnSuccess), d.key(Field::OnFailure)] {
        let Some(Value::Object(dm)) = member(dc, slot) else { continue };
        let dp = join(&dcp, slot);
        read.objects.push(Obj { pointer: dp.clone(), map: dm, level: Level::Destination });
        read.destinations.push(destination(d, slot, dp, dm));
    }
    read.dest_config = Some((dcp, dc));
    read
}

/// One destination at `pointer`, read as its dialect writes destinations.
fn destination<'a>(d: Dialect, slot: &'static str, pointer: String, map: &'a Map<String, Value>) -> Dest<'a> {
    let mut dest = Dest { slot, pointer, map, alibaba: None, huawei: None, aws: None };
    if d == Dialect::AwsLambda {
        if let Some(text) = str_at(map, aws::DESTINATION_KEY).filter(|t| !t.is_empty()) {
            dest.aws = Some(AwsDest { arn: text.parse() });
        }
    } else if d == Dialect::Huawei {
        let kind_text = str_at(map, DESTINATION);
        let kind = kind_text
            .and_then(|k| k.parse::<DestinationKind>().ok().or_else(|| DestinationKind::from_str_ignore_case(k)));
        let param_text = str_at(map, PARAM);
        let param = param_text.map(serde_json::from_str::<Value>);
        dest.huawei = Some(HwDest { kind_text, kind, param_text, param });
    } else if let Some(text) = str_at(map, DESTINATION) {
        dest.alibaba = Some(AliDest { text, pointer: join(&dest.pointer, DESTINATION), arn: text.parse() });
    }
    dest
}

/// Every ARN and URN of the config at `pointer` (the `config`th), in document order.
pub(super) fn identifiers(
    d: Dialect,
    pointer: &str,
    map: &Map<String, Value>,
    destinations: &[Dest<'_>],
    config: usize,
) -> Vec<Ident> {
    let mut idents = Vec::new();
    match d {
        Dialect::AlibabaFc3 => {
            let key = d.key(Field::Function);
            if let Some(t) = str_at(map, key) {
                idents.push(arn_ident(join(pointer, key), key, t, t.parse(), config));
            }
        }
        Dialect::Huawei => {
            let key = d.key(Field::Function);
            if let Some(t) = str_at(map, key) {
                idents.push(urn_ident(join(pointer, key), key, t, IdKind::FunctionUrn, config));
            }
        }
        // Their function key holds a name (FC 2.0, SCF) or is read by I317 (Lambda).
        Dialect::AlibabaFc2 | Dialect::AwsLambda | Dialect::TencentScf => {}
        // `Dialect` is #[non_exhaustive]: unreachable while FUNCTION_IDENTITY_DIALECTS
        // is Dialect::ALL, which `every_dialect_has_a_function_identity_arm` holds.
        _ => {}
    }
    for dest in destinations {
        if let Some(a) = &dest.alibaba {
            // Parsed once, with the destination.
            idents.push(arn_ident(a.pointer.clone(), DESTINATION, a.text, a.arn.clone(), config));
        }
        if let Some(h) = &dest.huawei {
            let Some(obj) = h.param_obj() else { continue };
            let pp = join(&dest.pointer, PARAM);
            match h.kind {
                Some(DestinationKind::FunctionGraph) => {
                    if let Some(t) = obj.get(param_id_key(DestinationKind::FunctionGraph)).and_then(Value::as_str) {
                        idents.push(urn_ident(pp, "param.func_urn", t, IdKind::ParamFunctionUrn, config));
                    }
                }
                Some(DestinationKind::Smn) => {
                    if let Some(t) = obj.get("topic_urn").and_then(Value::as_str) {
                        idents.push(urn_ident(pp, "param.topic_urn", t, IdKind::TopicUrn, config));
                    }
                }
                _ => {}
            }
        }
    }
    idents
}

/// An Alibaba ARN identifier and its parse.
fn arn_ident(
    pointer: String,
    field: &'static str,
    text: &str,
    parsed: Result<AcsArn, ArnError>,
    config: usize,
) -> Ident {
    let (arn, error) = match parsed {
        Ok(a) => (Some(a), None),
        Err(e) => (None, Some(IdError::Arn(e))),
    };
    Ident { pointer, field, text: text.to_string(), kind: IdKind::Arn, arn, error, config }
}

/// A FunctionGraph URN identifier of `kind`, parsed.
fn urn_ident(pointer: String, field: &'static str, text: &str, kind: IdKind, config: usize) -> Ident {
    let error = match kind {
        IdKind::TopicUrn => text.parse::<SmnTopicUrn>().err(),
        _ => text.parse::<FunctionUrn>().err(),
    };
    Ident { pointer, field, text: text.to_string(), kind, arn: None, error: error.map(IdError::Urn), config }
}

/// The dialects the function-identity match above has an arm for.
#[cfg(test)]
const FUNCTION_IDENTITY_DIALECTS: [Dialect; 5] =
    [Dialect::AlibabaFc2, Dialect::AlibabaFc3, Dialect::Huawei, Dialect::AwsLambda, Dialect::TencentScf];

#[cfg(test)]
mod tests {
    //! Issue 21, item 4: each seam of reading a config, alone.
    use super::*;
    use serde_json::json;

    #[test]
    fn every_dialect_has_a_function_identity_arm() {
        for d in Dialect::ALL {
            assert!(
                FUNCTION_IDENTITY_DIALECTS.contains(&d),
                "lint ctx reads no function identity for {d}: add its arm"
            );
        }
    }

    fn object(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn split_config_reads_response_function_destinations_and_identifiers_alone() {
        let urn = "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:g:latest";
        let param = json!({"func_urn": urn}).to_string();
        let map = object(json!({
            "func_urn": "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:f:latest",
            "created_time": "2024-01-01T00:00:00Z",
            "destination_config": {"on_failure": {"destination": "functiongraph", "param": param}},
        }));
        let d = Dialect::Huawei;
        assert!(is_response(d, &map, DocumentRole::FromKeys));
        assert!(!is_response(d, &map, DocumentRole::Request), "a surface that sets the config says so");
        assert_eq!(function_of(d, &map, &None).and_then(|f| f.name), Some("f".to_string()));
        let read = destinations(d, "/items/0", &map);
        assert_eq!(read.objects.len(), 2, "the destination config and its one destination");
        let [dest] = read.destinations.as_slice() else { panic!("one destination") };
        assert_eq!(dest.pointer, "/items/0/destination_config/on_failure");
        assert_eq!(dest.huawei.as_ref().and_then(|h| h.kind), Some(DestinationKind::FunctionGraph), "case ignored");
        let ids = identifiers(d, "/items/0", &map, &read.destinations, 7);
        let found: Vec<(&str, usize)> = ids.iter().map(|i| (i.field, i.config)).collect();
        assert_eq!(found, [("func_urn", 7), ("param.func_urn", 7)]);
        assert!(ids.iter().all(|i| i.error.is_none()), "both URNs parse");
    }
}
