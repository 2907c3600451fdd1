//! The issue's acceptance scenarios, as tests.

use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use invokecfg_translate::*;
use serde_json::json;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn doc(path: &str) -> Document {
    let parsed = span::parse(&std::fs::read(root().join(path)).unwrap()).unwrap();
    let d = detect(&parsed.value).unwrap().dialect;
    Document::from_value(&parsed.value, d).unwrap()
}

fn seed_mapping() -> Mapping {
    Mapping::from_json(&std::fs::read_to_string(root().join("fixtures/mapping/seed.json")).unwrap()).unwrap()
}

fn effective(d: &Document) -> (i64, i64) {
    let v = d.to_value();
    let (age, retries, range_age, range_retries) = match d.dialect() {
        Dialect::Huawei => (
            "max_async_event_age_in_seconds",
            "max_async_retry_attempts",
            facts::huawei::MAX_EVENT_AGE,
            facts::huawei::RETRY_ATTEMPTS,
        ),
        _ => (
            "maxAsyncEventAgeInSeconds",
            "maxAsyncRetryAttempts",
            facts::alibaba::MAX_EVENT_AGE,
            facts::alibaba::RETRY_ATTEMPTS,
        ),
    };
    (v[age].as_i64().unwrap_or(range_age.default), v[retries].as_i64().unwrap_or(range_retries.default))
}

#[test]
fn seed_fc2_example_goes_to_huawei_and_back() {
    let src = doc("fixtures/alibaba-fc2/valid/seed-put-response.json");
    let mapping = seed_mapping();
    let t = translate(&src, Dialect::Huawei, &mapping, &Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let out = t.document.to_value();
    assert!(SchemaName::Dialect(Dialect::Huawei).validate(&out).is_empty(), "{out}");
    assert_eq!(out["func_urn"], "urn:fss:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:function:default:helloworld:!test");
    assert_eq!(out["max_async_event_age_in_seconds"], 300);
    assert_eq!(out["max_async_retry_attempts"], 3);
    assert_eq!(out["enable_async_status_log"], true);
    let on_success = &out["destination_config"]["on_success"];
    assert_eq!(on_success["destination"], "FunctionGraph");
    assert_eq!(
        on_success["param"],
        r#"{"func_urn":"urn:fss:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:function:s1:f1:latest"}"#
    );
    // Every value accounted for: read-only times and the async task mode are noted.
    let codes: Vec<&str> = t.notes.iter().map(|n| n.code.as_str()).collect();
    assert!(codes.contains(&codes::READ_ONLY_OMITTED), "{codes:?}");
    assert!(codes.contains(&codes::FEATURE_APPROXIMATED), "{codes:?}");
    assert!(t.notes.iter().all(|n| n.severity != Severity::Error));

    let back =
        translate(&t.document, Dialect::AlibabaFc2, &mapping, &Options::default()).unwrap_or_else(|e| panic!("{e:?}"));
    let b = back.document.to_value();
    let s = src.to_value();
    assert_eq!(effective(&back.document), effective(&src));
    for k in ["function", "qualifier", "service", "statefulInvocation", "destinationConfig"] {
        assert_eq!(b[k], s[k], "{k}: {b}");
    }
}

#[test]
fn clamping_warns_and_strict_refuses() {
    let src = Document::from_value(
        &json!({"maxAsyncEventAgeInSeconds": 604800, "maxAsyncRetryAttempts": 8}),
        Dialect::AlibabaFc2,
    )
    .unwrap();
    let t = translate(&src, Dialect::Huawei, &Mapping::default(), &Options::default()).unwrap();
    let out = t.document.to_value();
    assert_eq!(out["max_async_event_age_in_seconds"], 86400);
    assert_eq!(out["max_async_retry_attempts"], 3);
    let warnings: Vec<&Diagnostic> = t.notes.iter().filter(|n| n.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 2, "{:?}", t.notes);
    assert_eq!(warnings[0].pointer, "/maxAsyncEventAgeInSeconds");
    assert_eq!(warnings[0].old, Some(json!(604800)));
    assert_eq!(warnings[0].new, Some(json!(86400)));
    assert_eq!(warnings[0].range, Some((1, 86400)));
    assert_eq!(warnings[1].range, Some((0, 3)));
    let strict = Options { strict: true, ..Default::default() };
    let notes = translate(&src, Dialect::Huawei, &Mapping::default(), &strict).unwrap_err().into_notes();
    assert_eq!(notes[0].code, codes::STRICT_REFUSAL);
}

#[test]
fn unmapped_queue_is_refused_naming_the_entry() {
    let src = Document::from_value(
        &json!({"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"}}}),
        Dialect::AlibabaFc2,
    )
    .unwrap();
    let notes = translate(&src, Dialect::Huawei, &seed_mapping(), &Options::default()).unwrap_err().into_notes();
    let e = &notes[0];
    assert_eq!(e.code, codes::DESTINATION_UNMAPPED);
    assert_eq!(e.pointer, "/destinationConfig/onFailure/destination");
    assert!(e.message.contains("acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"), "{}", e.message);
    assert!(
        e.help
            .as_deref()
            .unwrap_or("")
            .contains("\"destinations\": {\"acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages\""),
        "{:?}",
        e.help
    );
    let lossy = Options { allow_lossy: true, ..Default::default() };
    let t = translate(&src, Dialect::Huawei, &seed_mapping(), &lossy).unwrap();
    assert!(t.document.to_value().get("destination_config").is_none());
    assert!(t.notes.iter().any(|n| n.code == codes::DESTINATION_DROPPED && n.severity == Severity::Warning));
}

/// The README's table of note codes is `codes::ALL`, row for row: one source of truth.
#[test]
fn readme_lists_every_note_code_with_its_one_severity() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let rows: Vec<(String, String, String)> = readme
        .lines()
        .filter(|l| l.starts_with("| T"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            (cells[0].to_string(), cells[1].to_string(), cells[2].to_string())
        })
        .collect();
    let expected: Vec<(String, String, String)> = invokecfg_translate::codes::ALL
        .iter()
        .map(|(c, s, d)| (c.to_string(), s.as_str().to_string(), d.to_string()))
        .collect();
    assert_eq!(rows, expected);
}
