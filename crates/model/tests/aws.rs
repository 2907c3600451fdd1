//! The `aws-lambda` dialect's model: ARN and function-name round trips,
//! typed documents, the schema against the facts, and fixture snapshots.

mod common;

use common::*;
use invokecfg_model::facts::aws;
use invokecfg_model::*;
use proptest::prelude::*;
use proptest::string::string_regex;

// ------------------------------------------------------------- identifiers

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arns_round_trip(arn in aws_arn()) {
        let text = arn.to_string();
        prop_assert_eq!(text.parse::<AwsArn>(), Ok(arn), "{}", text);
    }

    #[test]
    fn function_names_round_trip(f in lambda_function_name()) {
        let text = f.to_string();
        prop_assert_eq!(text.parse::<LambdaFunctionName>(), Ok(f), "{}", text);
    }

    #[test]
    fn qualifiers_round_trip(q in aws_qualifier()) {
        prop_assert_eq!(Qualifier::from_aws(&q.to_aws()), Ok(q));
    }

    #[test]
    fn parsers_never_panic(s in ".{0,400}") {
        let _ = s.parse::<AwsArn>();
        let _ = s.parse::<LambdaFunctionName>();
        let _ = Qualifier::from_aws(&s);
    }

    #[test]
    fn arn_like_garbage_never_panics(parts in proptest::collection::vec("[a-z0-9/.:${}*-]{0,12}", 0..12)) {
        let s = format!("arn:{}", parts.join(":"));
        if let Ok(arn) = s.parse::<AwsArn>() {
            prop_assert_eq!(arn.to_string(), s.clone());
        }
        let _ = parts.join(":").parse::<LambdaFunctionName>();
    }
}

/// The Lambda model's own pattern (generated from botocore by `xtask facts`), anchored.
fn model_pattern(pattern: &str) -> regex::Regex {
    regex::Regex::new(&format!("^(?:{pattern})$")).expect("the model's pattern compiles")
}

/// Every combination of `FunctionName`'s optional parts, each part right or wrong.
fn function_name_samples() -> Vec<String> {
    let mut out = Vec::new();
    for arn in ["", "arn:aws:lambda:", "arn::lambda:", "arn:aws-eusc:lambda:", "arn:aws:sqs:", "arn:azure:lambda:"] {
        for region in ["", "us-east-1:", "eusc-de-east-1:", "us-gov-west-1:", "us-east-9x:", "{region}:"] {
            for account in ["", "123456789012:", "12345:", "xxx:"] {
                for function in ["", "function:", "functions:"] {
                    for name in ["f", "my-function", "my.function", ""] {
                        for qualifier in ["", ":$LATEST", ":$LATEST.PUBLISHED", ":live", ":7", ":", ":a:b"] {
                            out.push(format!("{arn}{region}{account}{function}{name}{qualifier}"));
                        }
                    }
                }
            }
        }
    }
    out
}

/// The case, and every form the model's `NamespacedFunctionName`
/// pattern admits: accepted exactly when the pattern admits it (a name with
/// `.` excepted: no function can be named so).
#[test]
fn function_name_accepts_every_form_the_model_pattern_admits() {
    let model = model_pattern(aws::NAMESPACED_FUNCTION_NAME_MODEL_PATTERN);
    let f: LambdaFunctionName = "us-east-1:123456789012:function:f".parse().expect("a region prefix is admitted");
    assert_eq!((f.region(), f.account(), f.name()), (Some("us-east-1"), Some("123456789012"), "f"));
    let mut admitted = 0;
    for s in function_name_samples() {
        let ours = s.parse::<LambdaFunctionName>();
        let dotted = s.contains("my.function");
        if model.is_match(&s) && !dotted {
            admitted += 1;
            match ours {
                Ok(f) => assert_eq!(f.to_string(), s),
                // Deliberately stricter: a listed region in another partition than the one written.
                Err(AwsArnError::PartitionOfRegion { .. }) => {}
                Err(e) => panic!("`{s}` is admitted by the model: {e}"),
            }
        } else if ours.is_ok() {
            panic!("`{s}` is not admitted by the model, yet parsed");
        }
    }
    assert!(admitted > 500, "{admitted}");
}

/// A `FunctionName` that is wrong says which part: the account, the region,
/// the partition, the name or the qualifier.
#[test]
fn function_name_names_the_part_that_is_wrong() {
    for (s, part) in [
        ("us-east-1:12345:function:f", "account id `12345`"),
        ("us-east-9x:123456789012:function:f", "region `us-east-9x`"),
        ("arn:azure:lambda:us-east-1:123456789012:function:f", "partition `azure`"),
        ("123456789012:function:my.function", "function name `my.function`"),
        ("123456789012:function:f:$latest", "qualifier `$latest`"),
    ] {
        let e = s.parse::<LambdaFunctionName>().expect_err(s).to_string();
        assert!(e.contains(part), "{s}: {e}");
    }
}

/// `FunctionArn` is held to the model's `FunctionArn` pattern: no
/// `$LATEST.PUBLISHED`, the eusc partition admitted.
#[test]
fn function_arn_follows_the_model_pattern() {
    let model = model_pattern(aws::FUNCTION_ARN_MODEL_PATTERN);
    let ours = regex::Regex::new(&aws::function_arn_pattern()).expect("compiles");
    for s in function_name_samples().into_iter().filter(|s| s.starts_with("arn:aws")) {
        let parsed = LambdaFunctionName::parse_function_arn(&s).is_ok();
        // Our parser also holds a listed region to its partition (`us-gov-west-1` is `aws-us-gov`).
        let partition_matches =
            !s.contains("us-gov-west-1:") && (s.starts_with("arn:aws-eusc:") == s.contains("eusc-de-east-1"));
        assert_eq!(parsed, model.is_match(&s) && partition_matches, "{s}");
        assert_eq!(ours.is_match(&s), model.is_match(&s), "{s}");
    }
    assert!(
        LambdaFunctionName::parse_function_arn("arn:aws-eusc:lambda:eusc-de-east-1:210987654321:function:f").is_ok()
    );
}

// ------------------------------------------------------------- typed documents

use invokecfg_model::document::{AwsConfig, AwsDestination, AwsDestinationConfig, AwsDocument, AwsList, AwsTimestamp};
use serde_json::{json, Value};

fn destination(arn: Option<AwsArn>) -> Option<AwsDestination> {
    arn.map(|a| AwsDestination { destination: Some(a.to_string()), unknown: Default::default() })
}

/// Canonical configs: in range, destinations each accepted on their side.
fn aws_config() -> BoxedStrategy<AwsConfig> {
    let on_success = aws_arn().prop_filter("accepted on success", |a| a.check_destination(true).is_ok());
    let on_failure = aws_arn().prop_filter("accepted on failure", |a| a.check_destination(false).is_ok());
    (
        (proptest::option::of(lambda_function_name()), proptest::option::of(aws_qualifier())),
        (proptest::option::of(1_500_000_000.0f64..1_900_000_000.0), proptest::option::of(aws_response_function_arn())),
        (
            proptest::option::of(aws::RETRY_ATTEMPTS.min..=aws::RETRY_ATTEMPTS.max),
            proptest::option::of(aws::MAX_EVENT_AGE.min..=aws::MAX_EVENT_AGE.max),
        ),
        proptest::option::of((proptest::option::of(on_success), proptest::option::of(on_failure))),
    )
        .prop_map(|((function, qualifier), (modified, arn), (retries, age), dc)| AwsConfig {
            function_name: function.map(|f| f.to_string()),
            qualifier: qualifier.map(|q| q.to_aws()),
            last_modified: modified
                .and_then(|m| serde_json::Number::from_f64((m * 1000.0).round() / 1000.0))
                .map(AwsTimestamp::Epoch),
            function_arn: arn.map(|a| a.to_string()),
            maximum_retry_attempts: retries,
            maximum_event_age_in_seconds: age,
            destination_config: dc.map(|(s, f)| AwsDestinationConfig {
                on_success: destination(s),
                on_failure: destination(f),
                unknown: Default::default(),
            }),
            unknown: Default::default(),
        })
        .boxed()
}

fn aws_document() -> BoxedStrategy<AwsDocument> {
    prop_oneof![
        aws_config().prop_map(AwsDocument::Config),
        (
            proptest::collection::vec(aws_config(), 0..4),
            proptest::option::of(string_regex("[A-Za-z0-9+/=-]{8,40}").expect("regex"))
        )
            .prop_map(|(items, next_marker)| AwsDocument::List(AwsList {
                function_event_invoke_configs: items,
                next_marker,
                unknown: Default::default(),
            })),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn documents_read_back_from_their_text(doc in aws_document()) {
        let text = doc.to_pretty_json();
        let parsed = span::parse(text.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(AwsDocument::from_value(&parsed.value), Ok(doc.clone()));
        prop_assert!(doc.range_violations().is_empty());
        prop_assert!(doc.identifier_errors().is_empty(), "{:?}", doc.identifier_errors());
    }

    /// A retry or age value is accepted exactly when it is an integer in range.
    #[test]
    fn ranges_and_types_are_checked(doc in aws_config(), bad in prop_oneof![any::<i64>().prop_map(Value::from), (-5i64..100).prop_map(Value::from), (21_590i64..21_610).prop_map(Value::from), Just(json!("2")), Just(json!(2.5)), Just(Value::Null), Just(json!([1]))], age in any::<bool>()) {
        let (key, range) = if age { (aws::MAXIMUM_EVENT_AGE_KEY, aws::MAX_EVENT_AGE) } else { (aws::MAXIMUM_RETRY_ATTEMPTS_KEY, aws::RETRY_ATTEMPTS) };
        let mut value = AwsDocument::Config(doc).to_value();
        value[key] = bad.clone();
        let accepted = AwsDocument::from_value(&value).is_ok_and(|d| d.range_violations().is_empty());
        prop_assert_eq!(accepted, bad.as_i64().is_some_and(|v| range.contains(v)), "{} = {}", key, bad);
    }
}

#[test]
fn serialized_keys_follow_the_model_order() {
    let mut full = json!({});
    for k in aws::CONFIG_KEYS.iter().rev() {
        full[*k] = match *k {
            "MaximumRetryAttempts" => json!(1),
            "MaximumEventAgeInSeconds" => json!(3600),
            "LastModified" => json!(1573686021.479),
            "DestinationConfig" => json!({"OnFailure": {}, "OnSuccess": {}}),
            _ => json!("my-function"),
        };
    }
    let doc = AwsDocument::from_value(&full).unwrap();
    let value = doc.to_value();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, aws::CONFIG_KEYS);
    let dc: Vec<&String> = value["DestinationConfig"].as_object().unwrap().keys().collect();
    assert_eq!(dc, aws::DESTINATION_CONFIG_KEYS);
    // Request and response orders are both subsequences of the one output order.
    for keys in [aws::REQUEST_KEYS, aws::RESPONSE_KEYS] {
        let positions: Vec<usize> =
            keys.iter().map(|k| aws::CONFIG_KEYS.iter().position(|c| c == k).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    }
    let list =
        AwsDocument::from_value(&json!({"NextMarker": "m", "FunctionEventInvokeConfigs": [], "Extra": 1})).unwrap();
    let keys: Vec<String> = list.to_value().as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["FunctionEventInvokeConfigs", "NextMarker", "Extra"]);
}

#[test]
fn type_errors_name_the_pointer() {
    let e = AwsDocument::from_value(&json!({"FunctionEventInvokeConfigs": [{}, {"MaximumRetryAttempts": "2"}]}))
        .unwrap_err();
    assert_eq!(e.pointer, "/FunctionEventInvokeConfigs/1/MaximumRetryAttempts");
    assert_eq!(e.message, "string \"2\", expected an integer");
    let e = AwsDocument::from_value(&json!({"DestinationConfig": {"OnSuccess": null}})).unwrap_err();
    assert_eq!(e.pointer, "/DestinationConfig/OnSuccess");
    let e = AwsDocument::from_value(&json!({"LastModified": true})).unwrap_err();
    assert_eq!(e.pointer, "/LastModified");
    assert!(e.message.contains("expected epoch seconds"), "{}", e.message);
    let e = AwsDocument::from_value(&json!([])).unwrap_err();
    assert_eq!(e.pointer, "");
}

#[test]
fn unknown_keys_are_kept_and_identifiers_checked() {
    let doc = AwsDocument::from_value(&json!({
        "MaximumRetryAttempt": 1,
        "MaximumRetryAttempts": 3,
        "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:s3:::results", "Type": "s3"}}
    }))
    .unwrap();
    let AwsDocument::Config(c) = &doc else { panic!("a config") };
    assert_eq!(c.unknown.keys().collect::<Vec<_>>(), ["MaximumRetryAttempt"]);
    assert!(c.destination_config.as_ref().unwrap().on_success.as_ref().unwrap().unknown.contains_key("Type"));
    let ranges = doc.range_violations();
    assert_eq!(ranges.len(), 1);
    assert_eq!(ranges[0].pointer, "/MaximumRetryAttempts");
    assert_eq!(ranges[0].to_string(), "`MaximumRetryAttempts` is 3, outside 0..2 (default 2)");
    let ids = doc.identifier_errors();
    assert_eq!(ids.len(), 1);
    assert_eq!(ids[0].pointer, "/DestinationConfig/OnSuccess/Destination");
    assert!(ids[0].to_string().contains("only as `OnFailure`"));
    assert!(doc.to_value()["DestinationConfig"]["OnSuccess"]["Type"] == "s3");
}

// ------------------------------------------------------------- schema

const SCHEMA_TEXT: &str = include_str!("../../../schemas/aws-lambda.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA_TEXT).expect("the schema is JSON")
}

fn validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| jsonschema::draft202012::new(&schema()).expect("the schema compiles"))
}

fn schema_errors(value: &Value) -> Vec<String> {
    validator().iter_errors(value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// The violations of the `oneOf` branch the value means (a list when it holds
/// the items key), which name the key where the whole-schema error cannot.
fn branch_errors(value: &Value) -> Vec<String> {
    static V: std::sync::OnceLock<[jsonschema::Validator; 2]> = std::sync::OnceLock::new();
    let [config, list] = V.get_or_init(|| {
        ["config", "list"].map(|branch| {
            let mut s = schema();
            s.as_object_mut().expect("an object").remove("oneOf");
            s["$ref"] = json!(format!("#/$defs/{branch}"));
            jsonschema::draft202012::new(&s).expect("the branch compiles")
        })
    });
    let v = if value.get(aws::LIST_ITEMS_KEY).is_some() { list } else { config };
    v.iter_errors(value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn props(v: &Value) -> Vec<&str> {
    v["properties"].as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
}

#[test]
fn schema_states_the_facts() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["$id"], "urn:invokecfg:schema:aws-lambda");
    let config = &s["$defs"]["config"];
    assert_eq!(props(config), aws::CONFIG_KEYS);
    let p = &config["properties"];
    for (key, range) in
        [(aws::MAXIMUM_RETRY_ATTEMPTS_KEY, aws::RETRY_ATTEMPTS), (aws::MAXIMUM_EVENT_AGE_KEY, aws::MAX_EVENT_AGE)]
    {
        assert_eq!(p[key]["minimum"], json!(range.min), "{key}");
        assert_eq!(p[key]["maximum"], json!(range.max), "{key}");
        assert_eq!(p[key]["default"], json!(range.default), "{key}");
    }
    assert_eq!(p[aws::FUNCTION_NAME_KEY]["pattern"], json!(aws::function_reference_pattern()));
    assert_eq!(p[aws::FUNCTION_NAME_KEY]["maxLength"], json!(aws::FUNCTION_REFERENCE_MAX_LEN));
    assert_eq!(p[aws::QUALIFIER_KEY]["pattern"], json!(aws::qualifier_pattern()));
    assert_eq!(p[aws::QUALIFIER_KEY]["maxLength"], json!(aws::QUALIFIER_MAX_LEN));
    assert_eq!(p[aws::FUNCTION_ARN_KEY]["pattern"], json!(aws::function_arn_pattern()));
    for key in aws::READ_ONLY_KEYS {
        assert_eq!(p[*key]["readOnly"], json!(true), "{key}");
    }
    let dc = &s["$defs"]["destinationConfig"];
    assert_eq!(props(dc), aws::DESTINATION_CONFIG_KEYS);
    for (side, on_success) in [(aws::ON_SUCCESS_KEY, true), (aws::ON_FAILURE_KEY, false)] {
        let side = &dc["properties"][side];
        assert_eq!(props(side), aws::DESTINATION_KEYS);
        assert_eq!(
            side["properties"][aws::DESTINATION_KEY]["pattern"],
            json!(aws::destination_arn_pattern(on_success))
        );
    }
    assert_eq!(s["$defs"]["destinationArn"]["maxLength"], json!(aws::DESTINATION_ARN_MAX_LEN));
    assert_eq!(props(&s["$defs"]["list"]), aws::LIST_KEYS);
    assert_eq!(s["$defs"]["list"]["required"], json!([aws::LIST_ITEMS_KEY]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every document the typed model generates validates against the schema.
    #[test]
    fn generated_documents_validate(doc in aws_document()) {
        let value = doc.to_value();
        let errors = schema_errors(&value);
        prop_assert!(errors.is_empty(), "{}: {:?}", value, errors);
    }

    /// The schema and the typed model agree on every retry and age value.
    #[test]
    fn schema_and_model_agree_on_values(doc in aws_config(), bad in prop_oneof![any::<i64>().prop_map(Value::from), (-5i64..100).prop_map(Value::from), (21_590i64..21_610).prop_map(Value::from), Just(json!("2")), Just(json!(2.5)), Just(Value::Null), Just(json!({}))], age in any::<bool>()) {
        let key = if age { aws::MAXIMUM_EVENT_AGE_KEY } else { aws::MAXIMUM_RETRY_ATTEMPTS_KEY };
        let mut value = AwsDocument::Config(doc).to_value();
        value[key] = bad.clone();
        let typed = AwsDocument::from_value(&value).is_ok_and(|d| d.range_violations().is_empty());
        prop_assert_eq!(validator().is_valid(&value), typed, "{} = {}", key, bad);
    }

    /// The schema's identifier patterns admit every identifier the parsers admit.
    #[test]
    fn schema_patterns_admit_parsed_identifiers(f in lambda_function_name(), q in aws_qualifier(), arn in aws_response_function_arn()) {
        for (pattern, text) in [
            (aws::function_reference_pattern(), f.to_string()),
            (aws::qualifier_pattern(), q.to_aws()),
            (aws::function_arn_pattern(), arn.to_string()),
        ] {
            let re = regex::Regex::new(&pattern).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(re.is_match(&text), "{} !~ {}", text, pattern);
        }
    }
}

// ------------------------------------------------------------- fixtures

fn describe(path: &std::path::Path) -> String {
    use std::fmt::Write;
    let bytes = std::fs::read(path).unwrap();
    let mut out = String::new();
    let parsed = match span::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let at = e.position().map(|p| format!("{}:{}", p.line, p.column)).unwrap_or_default();
            writeln!(out, "syntax error at {at} (after pointer {:?}): {e}", e.pointer()).unwrap();
            return out;
        }
    };
    let at = |pointer: &str| {
        let span = parsed.spans.value_span(pointer).unwrap_or_default();
        format!("{}:{}", span.start.line, span.start.column)
    };
    let valid = schema_errors(&parsed.value).is_empty();
    writeln!(out, "schema: {}", if valid { "valid" } else { "invalid" }).unwrap();
    for e in branch_errors(&parsed.value) {
        writeln!(out, "  {e}").unwrap();
    }
    match AwsDocument::from_value(&parsed.value) {
        Err(e) => writeln!(out, "type error at {} {e}", at(&e.pointer)).unwrap(),
        Ok(doc) => {
            for v in doc.range_violations() {
                writeln!(out, "range error at {} {}: {v}", at(&v.pointer), v.pointer).unwrap();
            }
            for e in doc.identifier_errors() {
                writeln!(out, "identifier error at {} {e}", at(&e.pointer)).unwrap();
            }
            writeln!(out, "typed:\n{doc:#?}").unwrap();
        }
    }
    out
}

#[test]
fn aws_fixtures_parse() {
    insta::glob!("../../../fixtures", "aws-lambda/**/*.json", |path| {
        insta::assert_snapshot!(describe(path));
    });
}

/// Valid, list and placeholder fixtures are clean: schema, types, ranges,
/// identifiers, and no unknown key; they read back from their own text.
#[test]
fn good_fixtures_are_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aws-lambda");
    let mut seen = 0;
    for dir in ["valid", "lists", "placeholders"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let value = span::parse(&std::fs::read(&path).unwrap()).unwrap().value;
            assert!(schema_errors(&value).is_empty(), "{}", path.display());
            let doc = AwsDocument::from_value(&value).unwrap();
            assert!(doc.range_violations().is_empty() && doc.identifier_errors().is_empty(), "{}", path.display());
            assert_eq!(doc.to_value(), value, "{}: unknown or reordered keys", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 12, "{seen}");
}

/// The placeholder fixtures hold the documentation's example identities.
#[test]
fn placeholder_fixtures_name_their_placeholders() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aws-lambda/placeholders");
    let arn: AwsArn = serde_json::from_slice::<Value>(&std::fs::read(root.join("cli-put-response.json")).unwrap())
        .unwrap()[aws::FUNCTION_ARN_KEY]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(arn.placeholders(), [("account id", "123456789012"), ("function name", "my-function")]);
}
