//! Laws over typed documents: document -> neutral -> document is the identity,
//! the JSON text reads back to the same document, and the published schemas
//! agree with the typed model in both directions.

mod common;

use common::*;
use invokecfg_model::facts::{alibaba, huawei, tencent};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn schema_of(doc: &Document) -> SchemaName {
    SchemaName::for_dialect(doc.dialect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn document_neutral_document_is_identity(doc in any_document()) {
        let neutral = doc.to_neutral().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let back = Document::from_neutral(&neutral, doc.dialect()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn text_reads_back_to_the_same_document(doc in any_document()) {
        let text = doc.to_pretty_json();
        let parsed = span::parse(text.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Document::from_value(&parsed.value, doc.dialect()), Ok(doc.clone()));
        // Detection finds the dialect, except that FC 2.0 and FC 3.0 share
        // most keys: with none of either's own keys, either reading is right.
        let text_has = |k: &str| text.contains(&format!("\"{k}\""));
        let own = match doc.dialect() {
            Dialect::AlibabaFc2 => ["statefulInvocation", "service", "function"].iter().any(|k| text_has(k)),
            Dialect::AlibabaFc3 => ["asyncTask", "functionArn"].iter().any(|k| text_has(k)),
            Dialect::Huawei => true,
            // `FunctionName` alone is Lambda's and SCF's: detection says so (DetectError::Shared).
            Dialect::AwsLambda | Dialect::TencentScf => {
                let keys = doc.dialect().spec().config_keys.iter().chain(doc.dialect().spec().list.keys);
                keys.filter(|k| **k != "FunctionName").any(|k| text_has(k))
            }
            other => return Err(TestCaseError::fail(format!("no own keys listed for {other}: add its arm"))),
        };
        match detect(&parsed.value) {
            Ok(d) => prop_assert!(d.dialect == doc.dialect() || (!own && d.dialect.is_alibaba() && doc.dialect().is_alibaba()), "{:?}", d),
            Err(DetectError::NoKeys) => prop_assert!(!own || (!doc.dialect().is_alibaba() && text.trim() == "{}"), "no keys: {}", text),
            Err(DetectError::Shared { .. }) => prop_assert!(!own, "shared: {}", text),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    /// Every document the typed model generates validates against its schema.
    #[test]
    fn generated_documents_validate(doc in any_document()) {
        prop_assert!(doc.range_violations().is_empty());
        let value = doc.to_value();
        let errors = schema_of(&doc).validate(&value);
        prop_assert!(errors.is_empty(), "{}: {:?}", value, errors);
    }

    /// A value the typed model rejects (wrong type or out of range) is rejected by the schema too.
    #[test]
    fn rejected_values_are_rejected_by_the_schema(doc in any_document(), bad in bad_value(), which in 0usize..2) {
        let mut value = doc.to_value();
        let dialect = doc.dialect();
        let spec = dialect.spec();
        let (key, range) = match which {
            0 => (spec.keys.max_event_age, spec.max_event_age),
            _ => (spec.keys.retry_attempts, spec.retry_attempts),
        };
        let items_key = spec.list.items;
        let is_list = value.get(items_key).is_some();
        let target = match if is_list { value.get_mut(items_key) } else { None } {
            Some(Value::Array(items)) if !items.is_empty() => &mut items[0],
            Some(_) => return Ok(()),
            None => &mut value,
        };
        let response = !range.responses_checked
            && huawei::RESPONSE_MARKER_KEYS.iter().chain([&tencent::REQUEST_ID_KEY]).any(|k| target.get(*k).is_some());
        // A field key may be a path (SCF's `AsyncTriggerConfig/MsgTTL`): set it there.
        set_path(target, key, bad.clone());
        let typed = Document::from_value(&value, dialect);
        let typed_rejects = match &typed {
            Err(_) => true,
            Ok(d) => !d.range_violations().is_empty(),
        };
        let schema_rejects = !schema_of(&doc).is_valid(&value);
        if typed_rejects {
            prop_assert!(schema_rejects, "typed model rejects {} = {} but the schema accepts it", key, bad);
        }
        // Out-of-range integers and wrong types are always rejections, except in Huawei responses.
        let is_int = bad.as_i64().is_some();
        if !is_int || !response {
            let range = range.request;
            // Lambda's and SCF's members may be absent but never `null`.
            let expected = !bad.as_i64().is_some_and(|v| range.contains(v))
                && (!bad.is_null() || matches!(dialect, Dialect::AwsLambda | Dialect::TencentScf));
            let nullable = dialect.is_alibaba() && bad.is_null();
            if !nullable {
                prop_assert_eq!(typed_rejects, expected, "{} = {}", key, bad);
            }
        }
    }
}

/// Sets `path` (keys joined by `/`, an index stepping into an array) in `v`.
fn set_path(v: &mut Value, path: &str, value: Value) {
    let tokens: Vec<&str> = path.split('/').collect();
    let mut at = v;
    for (i, token) in tokens.iter().enumerate() {
        let index = token.parse::<usize>().ok().filter(|_| i > 0);
        at = match index {
            Some(n) => {
                if !at.is_array() {
                    *at = Value::Array(Vec::new());
                }
                let Value::Array(items) = at else { return };
                if items.len() <= n {
                    items.resize(n + 1, Value::Object(Default::default()));
                }
                &mut items[n]
            }
            None => {
                if !at.is_object() {
                    *at = Value::Object(Default::default());
                }
                &mut at[*token]
            }
        };
    }
    *at = value;
}

fn bad_value() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (-10i64..10).prop_map(Value::from),
        (604_790i64..604_810).prop_map(Value::from),
        (86_390i64..86_410).prop_map(Value::from),
        Just(json!("3")),
        Just(json!(3.5)),
        Just(json!(true)),
        Just(json!([1])),
        Just(json!({"a": 1})),
        Just(Value::Null),
    ]
    .boxed()
}

// ------------------------------------------------ schema text agrees with facts

fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    &schema["$defs"][name]
}

fn props(v: &Value) -> Vec<String> {
    v["properties"].as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
}

fn assert_range(prop: &Value, range: facts::IntRange, what: &str) {
    assert_eq!(prop["minimum"], json!(range.min), "{what} minimum");
    assert_eq!(prop["maximum"], json!(range.max), "{what} maximum");
    assert_eq!(prop["default"], json!(range.default), "{what} default");
}

#[test]
fn alibaba_schemas_state_the_facts() {
    for (schema, keys) in [
        (SchemaName::Dialect(Dialect::AlibabaFc2), alibaba::FC2_CONFIG_KEYS),
        (SchemaName::Dialect(Dialect::AlibabaFc3), alibaba::FC3_CONFIG_KEYS),
    ] {
        let s = schema.value();
        let config = def(&s, "config");
        let mut expected: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        if schema == SchemaName::Dialect(Dialect::AlibabaFc2) {
            expected.extend(alibaba::FC2_LEGACY_KEYS.iter().map(|(k, _)| k.to_string()));
        }
        let mut found = props(config);
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "{schema} config keys");
        assert_range(&config["properties"]["maxAsyncEventAgeInSeconds"], alibaba::MAX_EVENT_AGE, "age");
        assert_range(&config["properties"]["maxAsyncRetryAttempts"], alibaba::RETRY_ATTEMPTS, "retries");
        assert_eq!(props(def(&s, "destinationConfig")), alibaba::DESTINATION_CONFIG_KEYS);
        assert_eq!(props(def(&s, "destination")), alibaba::DESTINATION_KEYS);
        let mut list = props(def(&s, "list"));
        list.sort();
        assert_eq!(list, alibaba::LIST_KEYS);
        if schema == SchemaName::Dialect(Dialect::AlibabaFc2) {
            assert_eq!(config["properties"]["function"]["pattern"], json!(alibaba::FUNCTION_NAME.pattern()));
            assert_eq!(config["properties"]["service"]["pattern"], json!(alibaba::SERVICE_NAME.pattern()));
        }
    }
}

#[test]
fn huawei_schema_states_the_facts() {
    let s = SchemaName::Dialect(Dialect::Huawei).value();
    let fields = def(&s, "fields");
    assert_eq!(props(fields), huawei::CONFIG_KEYS);
    let req = def(&s, "requestRanges");
    assert_range(&req["properties"]["max_async_event_age_in_seconds"], huawei::MAX_EVENT_AGE, "age");
    assert_range(&req["properties"]["max_async_retry_attempts"], huawei::RETRY_ATTEMPTS, "retries");
    let dest = def(&s, "destination");
    assert_eq!(props(dest), huawei::DESTINATION_KEYS);
    assert_eq!(dest["properties"]["destination"]["enum"], json!(huawei::DESTINATION_KINDS));
    assert_eq!(props(def(&s, "destinationConfig")), huawei::DESTINATION_CONFIG_KEYS);
    assert_eq!(props(def(&s, "list")), huawei::LIST_KEYS);
    assert_eq!(props(&def(&s, "list")["properties"]["page_info"]), huawei::PAGE_INFO_KEYS);
    assert_eq!(def(&s, "funcUrn")["maxLength"], json!(huawei::FUNCTION_URN_MAX_LEN));
}

#[test]
fn serialized_keys_follow_the_documented_order() {
    let full = Document::from_value(
        &json!({"statefulInvocation": true, "service": "s", "qualifier": "LATEST", "maxAsyncRetryAttempts": 1,
                "maxAsyncEventAgeInSeconds": 60, "lastModifiedTime": "t", "function": "f",
                "destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/q/messages"}},
                "createdTime": "t"}),
        Dialect::AlibabaFc2,
    )
    .unwrap();
    let keys: Vec<String> = full.to_value().as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, alibaba::FC2_CONFIG_KEYS);
    let hw = Document::from_value(
        &json!({"log_stream_name": "a", "log_group_name": "a", "log_stream_id": "a", "log_group_id": "a",
                "enable_async_status_log": true, "last_modified": "t", "created_time": "t",
                "destination_config": {}, "max_async_retry_attempts": 1, "max_async_event_age_in_seconds": 1,
                "func_urn": "urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f"}),
        Dialect::Huawei,
    )
    .unwrap();
    let keys: Vec<String> = hw.to_value().as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, huawei::CONFIG_KEYS);
}

#[test]
fn type_errors_name_the_pointer() {
    let e = Document::from_value(&json!({"configs": [{}, {"maxAsyncRetryAttempts": "3"}]}), Dialect::AlibabaFc2)
        .unwrap_err();
    assert_eq!(e.pointer, "/configs/1/maxAsyncRetryAttempts");
    assert_eq!(e.message, "string \"3\", expected an integer");
    let e = Document::from_value(&json!({"destination_config": {"on_success": {"param": {"a": 1}}}}), Dialect::Huawei)
        .unwrap_err();
    assert_eq!(e.pointer, "/destination_config/on_success/param");
}
