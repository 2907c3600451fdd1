//! The `tencent-scf` dialect's model: the fixtures read, validate and round
//! trip; what the API's examples hold is kept; the invalid fixtures are each
//! caught; the SCF function description reads as `--function` takes it.

use invokecfg_model::document::TencentDocument;
use invokecfg_model::facts::tencent;
use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/tencent-scf").join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).collect();
    out.sort();
    out
}

fn read(path: &Path) -> Value {
    span::parse(&std::fs::read(path).unwrap()).unwrap().value
}

/// Valid and placeholder fixtures: detected as `tencent-scf`, schema-valid,
/// in range, every key known, and the same document after a neutral round trip.
#[test]
fn good_fixtures_are_clean_and_round_trip() {
    let mut seen = 0;
    for path in fixtures("valid").into_iter().chain(fixtures("placeholders")) {
        let value = read(&path);
        let name = path.display();
        assert_eq!(detect(&value).map(|d| d.dialect), Ok(Dialect::TencentScf), "{name}");
        assert!(SchemaName::for_dialect(Dialect::TencentScf).validate(&value).is_empty(), "{name}");
        let doc = Document::from_value(&value, Dialect::TencentScf).unwrap();
        assert!(doc.range_violations().is_empty(), "{name}");
        assert_eq!(doc.to_value(), value, "{name}: unknown or reordered keys");
        let neutral = doc.to_neutral().unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let back = Document::from_neutral(&neutral, Dialect::TencentScf).unwrap();
        // The envelope is the document's, not the config's, and an omitted
        // namespace is `default`: the neutral model holds what they mean.
        let mut inner = value.get(tencent::RESPONSE_ENVELOPE_KEY).cloned().unwrap_or(value.clone());
        if inner.get(tencent::FUNCTION_NAME_KEY).is_some() && inner.get(tencent::NAMESPACE_KEY).is_none() {
            inner[tencent::NAMESPACE_KEY] = json!(tencent::DEFAULT_NAMESPACE);
        }
        assert_eq!(back.to_value(), inner, "{name}: the round trip changed it");
        seen += 1;
    }
    assert!(seen >= 9, "{seen}");
}

/// Every invalid fixture is rejected by the model: not JSON, a wrong type,
/// a value out of range, a name breaking its rule, or a key SCF lacks.
#[test]
fn invalid_fixtures_are_each_rejected() {
    for path in fixtures("invalid") {
        let name = path.display().to_string();
        let Ok(parsed) = span::parse(&std::fs::read(&path).unwrap()) else { continue };
        let value = parsed.value;
        let schema = SchemaName::for_dialect(Dialect::TencentScf).validate(&value);
        assert!(!schema.is_empty(), "{name}: the schema accepts it");
        let rejected = match Document::from_value(&value, Dialect::TencentScf) {
            Err(_) => true,
            Ok(doc) => {
                let unknown = match doc.to_neutral() {
                    Err(_) => true,
                    Ok(NeutralDocument::Config(c)) => !c.extensions.unknown.is_empty(),
                    Ok(NeutralDocument::List(_)) => false,
                };
                let Document::TencentScf(t) = &doc else { panic!("{name}: read as {}", doc.dialect()) };
                let entries = t.config.async_trigger_config.as_ref().and_then(|a| a.retry_config.as_ref());
                let not_one_entry = entries.is_some_and(|e| e.len() != tencent::REQUEST_RETRY_CONFIG_ENTRIES);
                let missing = t
                    .config
                    .async_trigger_config
                    .as_ref()
                    .is_some_and(|a| a.msg_ttl.is_none() || a.retry_config.is_none());
                unknown || not_one_entry || missing || !doc.range_violations().is_empty()
            }
        };
        assert!(rejected, "{name}: the model accepts it");
    }
}

/// GetFunctionEventInvokeConfig's example: two `RetryConfig` entries, `1`
/// and `-1`. The first is the retry count; the second is kept verbatim and
/// written back, never read as a count.
#[test]
fn the_get_examples_second_entry_is_kept_not_mapped() {
    let value = read(&fixtures("valid").into_iter().find(|p| p.ends_with("doc-get-response.json")).unwrap());
    let doc = Document::from_value(&value, Dialect::TencentScf).unwrap();
    let Ok(NeutralDocument::Config(c)) = doc.to_neutral() else { panic!("not one config") };
    assert_eq!((c.max_retry_attempts, c.max_event_age), (Some(1), Some(3600)));
    assert!(c.extensions.unknown.contains(&("/AsyncTriggerConfig/RetryConfig/1".into(), json!({"RetryNum": -1}))));
    let back = Document::from_neutral(&NeutralDocument::Config(c), Dialect::TencentScf).unwrap();
    assert_eq!(back.to_value()["AsyncTriggerConfig"]["RetryConfig"], json!([{"RetryNum": 1}, {"RetryNum": -1}]));
}

/// A request holds the documented limits; a response is not held to them.
#[test]
fn ranges_apply_to_requests_only() {
    let request =
        json!({"FunctionName": "orders-api", "AsyncTriggerConfig": {"MsgTTL": 59, "RetryConfig": [{"RetryNum": 3}]}});
    let doc = Document::from_value(&request, Dialect::TencentScf).unwrap();
    let pointers: Vec<String> = doc.range_violations().into_iter().map(|v| v.pointer).collect();
    assert_eq!(pointers, ["/AsyncTriggerConfig/MsgTTL", "/AsyncTriggerConfig/RetryConfig/0/RetryNum"]);
    let mut response = request.clone();
    response["RequestId"] = json!("b2e5d7a1-8c4f-4e2b-a6d9-7f3c1e5b9a08");
    assert!(Document::from_value(&response, Dialect::TencentScf).unwrap().range_violations().is_empty());
    let enveloped = json!({"Response": response});
    let doc = Document::from_value(&enveloped, Dialect::TencentScf).unwrap();
    assert_eq!(doc.to_value(), enveloped);
    let Document::TencentScf(TencentDocument { enveloped: true, .. }) = doc else { panic!("the envelope was lost") };
}

/// Type errors name the pointer inside the envelope too.
#[test]
fn type_errors_name_the_pointer() {
    let e = Document::from_value(&json!({"AsyncTriggerConfig": {"MsgTTL": "3600"}}), Dialect::TencentScf).unwrap_err();
    assert_eq!(e.pointer, "/AsyncTriggerConfig/MsgTTL");
    let e =
        Document::from_value(&json!({"Response": {"AsyncTriggerConfig": {"RetryConfig": {}}}}), Dialect::TencentScf)
            .unwrap_err();
    assert_eq!(e.pointer, "/Response/AsyncTriggerConfig/RetryConfig");
}

/// `--function` takes the six-segment description of the SCF policy syntax.
#[test]
fn the_function_description_reads_as_a_function() {
    let f = FunctionRef::read("qcs::scf:ap-guangzhou:uin/100012345678:namespace/default/function/orders-api").unwrap();
    assert_eq!(f.provider, Provider::Tencent);
    assert_eq!(
        (f.region.as_deref(), f.account.as_deref(), f.namespace.as_deref(), f.name.as_deref()),
        (Some("ap-guangzhou"), Some("100012345678"), Some("default"), Some("orders-api"))
    );
    let e = FunctionRef::read("qcs::scf:ap-guangzhou:uin/******:namespace/default/function/f1").unwrap_err();
    assert!(e.contains("uin/"), "{e}");
}

/// A list or a destination has no SCF form: writing one says why.
#[test]
fn lists_and_destinations_have_no_scf_form() {
    let list = NeutralDocument::List(ConfigList { items: Vec::new(), paging: Paging::default(), unknown: Vec::new() });
    let e = Document::from_neutral(&list, Dialect::TencentScf).unwrap_err();
    assert!(e[0].message.contains("no List API"), "{e:?}");
    let c = AsyncInvokeConfig {
        on_failure: Some(Destination::new(TargetKind::Queue, Provider::Tencent, "dlq")),
        ..Default::default()
    };
    let e = Document::from_neutral(&NeutralDocument::Config(c), Dialect::TencentScf).unwrap_err();
    assert!(e[0].message.contains("dead-letter queue"), "{e:?}");
}

#[test]
fn the_default_alias_is_a_qualifier_scf_takes() {
    let check = neutral::codec(Dialect::TencentScf).check_qualifier;
    assert_eq!(check(&Qualifier::Alias(tencent::DEFAULT_ALIAS.into())), Ok(()));
    assert_eq!(check(&Qualifier::Alias("live".into())), Ok(()));
    assert!(check(&Qualifier::Alias("$OTHER".into())).is_err(), "only `$DEFAULT` takes the `$`");
}
