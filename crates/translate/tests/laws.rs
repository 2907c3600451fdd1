//! The translation laws of design.md, as properties.
//!
//! Case counts are modest so the suite stays fast; raise them with
//! `PROPTEST_CASES=5000 cargo test -p invokecfg-translate --test laws`.

#[path = "../../model/tests/common/mod.rs"]
mod common;
mod support;

use common::*;
use invokecfg_model::document::*;
use invokecfg_model::facts::{alibaba, huawei};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use invokecfg_translate::*;
use proptest::prelude::*;
use proptest::string::string_regex;
use serde_json::{json, Value};

const ACCOUNTS: [(&str, &str); 2] = [
    ("1234567890123456", "0970dd7a1300f5672ff2c003c60ae115"),
    ("6543210987654321", "5691ba790e2b46ceb38316d6a4e2b7f0"),
];

/// AWS account -> Alibaba account, AWS account -> Huawei project.
const AWS_ACCOUNTS: [(&str, &str, &str); 2] = [
    ("210987654321", "1234567890123456", "0970dd7a1300f5672ff2c003c60ae115"),
    ("123456789012", "6543210987654321", "5691ba790e2b46ceb38316d6a4e2b7f0"),
];

fn mapping() -> Mapping {
    let accounts: serde_json::Map<String, Value> = ACCOUNTS.iter().map(|(a, p)| (a.to_string(), json!(p))).collect();
    let to_alibaba: serde_json::Map<String, Value> =
        AWS_ACCOUNTS.iter().map(|(a, b, _)| (a.to_string(), json!(b))).collect();
    let to_huawei: serde_json::Map<String, Value> =
        AWS_ACCOUNTS.iter().map(|(a, _, h)| (a.to_string(), json!(h))).collect();
    Mapping::from_value(&json!({
        "accounts": accounts, "qualifiers": {"1": "v1"},
        "aws-alibaba": {"accounts": to_alibaba, "packages": {"": "lambda"}},
        "aws-huawei": {"accounts": to_huawei, "qualifiers": {"1": "v1"}},
    }))
    .unwrap()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(128),
        ..Default::default()
    }
}

/// The value of a field key, which may be a path (SCF's `AsyncTriggerConfig/MsgTTL`).
fn field<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.pointer(&format!("/{key}"))
}

fn effective(v: &Value, d: Dialect) -> (i64, i64) {
    let s = d.spec();
    (
        field(v, s.keys.max_event_age).and_then(Value::as_i64).unwrap_or(s.max_event_age.request.default),
        field(v, s.keys.retry_attempts).and_then(Value::as_i64).unwrap_or(s.retry_attempts.request.default),
    )
}

fn configs_of(v: &Value) -> Vec<Value> {
    match Dialect::ALL.iter().find_map(|d| v.get(d.list_items_key())) {
        Some(Value::Array(items)) => items.clone(),
        _ => vec![v.clone()],
    }
}

/// Every key that names a function, in any dialect.
fn identity_keys() -> Vec<&'static str> {
    Dialect::ALL.iter().flat_map(|d| d.identity_keys().iter().copied()).collect()
}

proptest! {
    #![proptest_config(config())]

    /// Laws 1, 2, 5: output validates, effective values kept or clamped with a note, deterministic.
    #[test]
    fn output_is_valid_effective_and_deterministic(doc in law_document(), t in 0usize..Dialect::ALL.len(), lossy in any::<bool>()) {
        let target = Dialect::ALL[t];
        let options = Options { allow_lossy: lossy, ..Default::default() };
        let Ok(tr) = translate(&doc, target, &mapping(), &options) else { return Ok(()) };
        let out = tr.document.to_value();
        let violations = SchemaName::for_dialect(target).validate(&out);
        prop_assert!(violations.is_empty(), "{:?}\n{}", violations, out);
        let again = translate(&doc, target, &mapping(), &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again.document.to_pretty_json(), tr.document.to_pretty_json());
        let (ins, outs) = (configs_of(&doc.to_value()), configs_of(&out));
        prop_assert_eq!(ins.len(), outs.len());
        // A clamp of an omitted value points at its config and names the key.
        let clamped = |item: &str, key: &str| tr.notes.iter().any(|n| n.code == codes::VALUE_CLAMPED
            && (n.pointer == format!("{item}/{key}") || (n.pointer == item && n.message.contains(&format!("`{key}`")))));
        for (i, (a, b)) in ins.iter().zip(&outs).enumerate() {
            let (ea, ra) = effective(a, doc.dialect());
            let (eb, rb) = effective(b, target);
            let item = if doc.is_list() { format!("/{}/{i}", doc.dialect().list_items_key()) } else { String::new() };
            let age_key = doc.dialect().spec().keys.max_event_age;
            let retry_key = doc.dialect().spec().keys.retry_attempts;
            prop_assert!(ea == eb || clamped(&item, age_key), "age {} -> {}", ea, eb);
            prop_assert!(ra == rb || clamped(&item, retry_key), "retries {} -> {}", ra, rb);
        }
    }

    /// Law 3: every input field is carried, or named in a note.
    #[test]
    fn nothing_is_dropped_silently(doc in law_document(), t in 0usize..Dialect::ALL.len()) {
        let target = Dialect::ALL[t];
        let options = Options { allow_lossy: true, ..Default::default() };
        let Ok(tr) = translate(&doc, target, &mapping(), &options) else { return Ok(()) };
        let input = doc.to_value();
        let out = tr.document.to_value();
        let noted = |p: &str| tr.notes.iter().any(|n| n.pointer == p || n.pointer.starts_with(&format!("{p}/")));
        for (i, (a, b)) in configs_of(&input).iter().zip(configs_of(&out)).enumerate() {
            let item = if doc.is_list() { format!("/{}/{i}", doc.dialect().list_items_key()) } else { String::new() };
            let Value::Object(a) = a else { continue };
            for (k, v) in a {
                if v.is_null() { continue; }
                let p = format!("{item}/{k}");
                let (sk, tk) = (doc.dialect().spec(), target.spec());
                let ids = identity_keys();
                // The object holding a field path (SCF's `AsyncTriggerConfig`) is carried with its fields.
                let holds = |path: &str| path.split_once('/').is_some_and(|(head, _)| head == k);
                let carried = if k == sk.keys.max_event_age || holds(sk.keys.max_event_age) {
                    field(&b, tk.keys.max_event_age).is_some()
                        || (holds(sk.keys.retry_attempts) && field(&b, tk.keys.retry_attempts).is_some())
                } else if k == sk.keys.retry_attempts {
                    field(&b, tk.keys.retry_attempts).is_some()
                } else if sk.state_tracking.is_some_and(|st| st.key == k) {
                    tk.state_tracking.is_some_and(|st| b.get(st.key).is_some())
                } else if k == sk.keys.destination_config {
                    // Each destination slot is carried or noted.
                    let slots: Vec<String> = v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
                    slots.iter().all(|s| {
                        let target_slot = if *s == sk.keys.on_success { tk.keys.on_success } else { tk.keys.on_failure };
                        let out_dc = b.get(tk.keys.destination_config);
                        out_dc.is_some_and(|dc| dc.get(target_slot).is_some()) || noted(&format!("{p}/{s}"))
                    })
                } else if ids.contains(&k.as_str()) {
                    // Identity keys: carried into the target's identity, or named by a note about the identity.
                    ids.iter().any(|k| b.get(*k).is_some()) || ids.iter().any(|k| noted(&format!("{item}/{k}")))
                } else {
                    b.get(k).is_some()
                };
                prop_assert!(carried || noted(&p), "`{}` neither carried nor noted\nin: {}\nout: {}\nnotes: {:?}", p, input, out, tr.notes);
            }
        }
    }

    /// Law 4 for AWS: Lambda -> each other dialect -> Lambda succeeds and is
    /// the identity on effective values, within the intersection (every
    /// change named, law b).
    #[test]
    fn aws_round_trips_through_every_dialect((target, doc) in (0usize..3).prop_flat_map(|t| {
        let target = [Dialect::AlibabaFc2, Dialect::AlibabaFc3, Dialect::Huawei][t];
        (Just(target), intersection_aws(target))
    })) {
        let there = translate(&doc, target, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{doc:?} -> {target}: {e}")))?;
        let back = translate(&there.document, Dialect::AwsLambda, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{target} -> aws: {e}")))?;
        prop_assert_eq!(effective(&doc.to_value(), Dialect::AwsLambda), effective(&back.document.to_value(), Dialect::AwsLambda));
        let dests = |d: &Document| match d.to_neutral() {
            Ok(NeutralDocument::Config(c)) => (c.on_success.map(|d| d.source_key()), c.on_failure.map(|d| d.source_key()), c.function.and_then(|f| f.name)),
            _ => (None, None, None),
        };
        prop_assert_eq!(dests(&doc), dests(&back.document));
        support::check_round_trip(&doc, target, &mapping(), &Options::default()).map_err(TestCaseError::fail)?;
    }

    /// Law 4: FC 2.0 -> Huawei -> FC 2.0 is the identity on effective values, within the intersection.
    #[test]
    fn fc2_huawei_fc2_round_trip(c in intersection_fc2()) {
        let doc = Document::AlibabaFc2(Shape::Config(c));
        let there = translate(&doc, Dialect::Huawei, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let back = translate(&there.document, Dialect::AlibabaFc2, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let (a, b) = (doc.to_value(), back.document.to_value());
        prop_assert_eq!(effective(&a, Dialect::AlibabaFc2), effective(&b, Dialect::AlibabaFc2));
        for k in ["service", "function", "statefulInvocation"] {
            prop_assert_eq!(a.get(k).filter(|v| !matches!(v, Value::Bool(false))), b.get(k).filter(|v| !matches!(v, Value::Bool(false))), "{}", k);
        }
        let q = |v: &Value| v.get("qualifier").and_then(Value::as_str).filter(|q| *q != "LATEST").map(String::from);
        prop_assert_eq!(q(&a), q(&b));
        for slot in ["onSuccess", "onFailure"] {
            let arn = |v: &Value| v["destinationConfig"][slot]["destination"].as_str().map(|s| {
                let mut arn: AcsArn = s.parse().unwrap();
                if let AcsResource::Fc2Function { qualifier, .. } = &mut arn.resource {
                    if qualifier.as_deref() == Some("LATEST") { *qualifier = None; }
                }
                arn
            });
            prop_assert_eq!(arn(&a), arn(&b), "{}", slot);
        }
    }

    /// Law 4, the other way: Huawei -> FC 3.0 -> Huawei. (FC 3.0, because an
    /// FC 2.0 document cannot state the function's region and account, and FC 3.0
    /// has no packages: the intersection is package `default`.)
    #[test]
    fn huawei_fc3_huawei_round_trip(c in intersection_huawei()) {
        let doc = Document::Huawei(Shape::Config(c));
        let there = translate(&doc, Dialect::AlibabaFc3, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let back = translate(&there.document, Dialect::Huawei, &mapping(), &Options::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let (a, b) = (doc.to_value(), back.document.to_value());
        prop_assert_eq!(effective(&a, Dialect::Huawei), effective(&b, Dialect::Huawei));
        prop_assert_eq!(a.get("func_urn").map(latest), b.get("func_urn").map(latest));
        for slot in ["on_success", "on_failure"] {
            let dest = |v: &Value| {
                let d = &v["destination_config"][slot];
                d["destination"].as_str().map(|k| {
                    let kind: DestinationKind = k.parse().unwrap();
                    let mut p = DestinationParam::parse(kind, d["param"].as_str().unwrap()).unwrap();
                    if let DestinationParam::FunctionGraph(f) = &mut p {
                        f.func_urn.qualifier.get_or_insert(Qualifier::Latest);
                    }
                    p
                })
            };
            prop_assert_eq!(dest(&a), dest(&b), "{}", slot);
        }
        prop_assert_eq!(a.get("enable_async_status_log").filter(|v| **v == json!(true)), b.get("enable_async_status_log").filter(|v| **v == json!(true)));
    }

    /// Law 1 on arbitrary input: whatever JSON reads as a typed document
    /// (unknown keys, odd identifiers, any numbers), a translation that is not
    /// refused validates against the target schema.
    #[test]
    fn output_of_any_readable_document_validates(v in dialect_shaped(), t in 0usize..Dialect::ALL.len(), lossy in any::<bool>()) {
        for source in Dialect::ALL {
            let Ok(doc) = Document::from_value(&v, source) else { continue };
            let target = Dialect::ALL[t];
            let options = Options { allow_lossy: lossy, ..Default::default() };
            if let Ok(tr) = translate(&doc, target, &mapping(), &options) {
                let out = tr.document.to_value();
                let violations = SchemaName::for_dialect(target).validate(&out);
                prop_assert!(violations.is_empty(), "{} -> {}: {:?}\n{}", source, target, violations, out);
            }
        }
    }

    /// Law (a) of "Translator integrity": every note's pointer resolves in the
    /// source document, whatever the document, mapping and options.
    #[test]
    fn every_note_points_into_the_source(doc in law_document(), m in law_mapping(), t in 0usize..Dialect::ALL.len(), lossy in any::<bool>(), strict in any::<bool>()) {
        let options = Options { allow_lossy: lossy, strict, function: None };
        let notes = match translate(&doc, Dialect::ALL[t], &m, &options) {
            Ok(tr) => tr.notes,
            Err(e) => e.into_notes(),
        };
        let bad = support::unresolved_pointers(&doc.to_value(), &notes);
        prop_assert!(bad.is_empty(), "{:?}\nin: {}", bad, doc.to_value());
    }

    /// Law (b) of "Translator integrity": A -> B -> A returns the effective
    /// input, or every difference is named by a note of one of the passes.
    #[test]
    fn round_trip_changes_are_named(doc in law_document(), m in law_mapping(), t in 0usize..Dialect::ALL.len() - 1, lossy in any::<bool>()) {
        let others: Vec<Dialect> = Dialect::ALL.into_iter().filter(|d| *d != doc.dialect()).collect();
        let target = others[t];
        let options = Options { allow_lossy: lossy, ..Default::default() };
        if let Err(e) = support::check_round_trip(&doc, target, &m, &options) {
            prop_assert!(false, "{}", e);
        }
    }

    /// Never panics, whatever JSON object comes in, for every pair and option.
    #[test]
    fn never_panics_on_dialect_shaped_json(v in dialect_shaped(), t in 0usize..Dialect::ALL.len(), lossy in any::<bool>(), strict in any::<bool>()) {
        for source in Dialect::ALL {
            if let Ok(doc) = Document::from_value(&v, source) {
                let options = Options { allow_lossy: lossy, strict, function: None };
                let _ = translate(&doc, Dialect::ALL[t], &mapping(), &options);
            }
        }
    }
}

fn latest(u: &Value) -> String {
    let u: FunctionUrn = u.as_str().unwrap().parse().unwrap();
    FunctionUrn { qualifier: Some(u.qualifier.unwrap_or(Qualifier::Latest)), ..u }.to_string()
}

fn fg_name() -> BoxedStrategy<String> {
    name(huawei::FUNCTION_NAME)
}

fn fg_package() -> BoxedStrategy<String> {
    string_regex("[A-Za-z][A-Za-z0-9_-]{0,20}").unwrap().boxed()
}

/// Qualifiers both sides share: latest, aliases, and the version the mapping pairs (`1` <-> `v1`).
fn shared_qualifier(version: &'static str) -> BoxedStrategy<Option<Qualifier>> {
    proptest::option::of(prop_oneof![
        Just(Qualifier::Latest),
        Just(Qualifier::Version(version.into())),
        name(huawei::ALIAS_NAME)
            .prop_filter("not latest", |a| !a.eq_ignore_ascii_case("latest"))
            .prop_map(Qualifier::Alias),
    ])
    .boxed()
}

fn shared_region() -> BoxedStrategy<(String, String)> {
    proptest::sample::select(BUILTIN_REGIONS).prop_map(|(a, h, _)| (a.to_string(), h.to_string())).boxed()
}

fn intersection_fc2() -> BoxedStrategy<Fc2Config> {
    let dest = (
        shared_region(),
        0usize..2,
        prop_oneof![
            (fg_package(), shared_qualifier("1"), fg_name()).prop_map(|(s, q, f)| AcsResource::Fc2Function {
                service: s,
                qualifier: q.map(|q| q.to_alibaba()),
                function: f
            }),
            name(huawei::TOPIC_NAME).prop_map(|topic| AcsResource::MnsTopic { topic }),
        ],
    )
        .prop_map(|((region, _), a, resource)| AcsArn { region, account: ACCOUNTS[a].0.into(), resource }.to_string());
    (
        (
            proptest::option::of(huawei::MAX_EVENT_AGE.min..=huawei::MAX_EVENT_AGE.max),
            proptest::option::of(huawei::RETRY_ATTEMPTS.min..=huawei::RETRY_ATTEMPTS.max),
        ),
        (fg_package(), fg_name(), shared_qualifier("1"), proptest::option::of(any::<bool>())),
        (proptest::option::of(dest.clone()), proptest::option::of(dest)),
    )
        .prop_map(|((age, retries), (service, function, qualifier, task), (s, f))| {
            let d = |x: Option<String>| {
                x.map(|destination| AlibabaDestination { destination: Some(destination), unknown: Default::default() })
            };
            Fc2Config {
                service: Some(service),
                function: Some(function),
                qualifier: qualifier.map(|q| q.to_alibaba()),
                max_async_event_age_in_seconds: age,
                max_async_retry_attempts: retries,
                stateful_invocation: task,
                destination_config: (s.is_some() || f.is_some()).then(|| AlibabaDestinationConfig {
                    on_success: d(s),
                    on_failure: d(f),
                    unknown: Default::default(),
                }),
                ..Default::default()
            }
        })
        // The function's region and account come from a destination.
        .prop_filter("needs a destination to locate the function", |c| c.destination_config.is_some())
        .boxed()
}

fn intersection_huawei() -> BoxedStrategy<HuaweiConfig> {
    let urn = (shared_region(), 0usize..2, fg_name(), shared_qualifier("v1")).prop_map(
        |((_, region), a, function, qualifier)| FunctionUrn {
            region,
            project_id: ACCOUNTS[a].1.into(),
            package: "default".into(),
            function,
            qualifier,
        },
    );
    let dest_urn = urn.clone().prop_map(|u| FunctionUrn { qualifier: None, ..u });
    let dest = prop_oneof![
        dest_urn.prop_map(|func_urn| DestinationParam::FunctionGraph(FunctionGraphParam {
            func_urn,
            unknown: Default::default()
        })),
        (shared_region(), 0usize..2, name(huawei::TOPIC_NAME)).prop_map(|((_, region), a, topic)| {
            DestinationParam::Smn(SmnParam {
                topic_urn: SmnTopicUrn { region, project_id: ACCOUNTS[a].1.into(), topic },
                unknown: Default::default(),
            })
        }),
    ]
    .prop_map(|p| HuaweiDestination {
        destination: Some(p.kind().as_str().into()),
        param: Some(p.to_json_string()),
        unknown: Default::default(),
    });
    (
        proptest::option::of(urn),
        (
            proptest::option::of(huawei::MAX_EVENT_AGE.min..=huawei::MAX_EVENT_AGE.max),
            proptest::option::of(huawei::RETRY_ATTEMPTS.min..=huawei::RETRY_ATTEMPTS.max),
        ),
        (proptest::option::of(dest.clone()), proptest::option::of(dest), proptest::option::of(any::<bool>())),
    )
        .prop_map(|(urn, (age, retries), (s, f, log))| HuaweiConfig {
            func_urn: urn.map(|u| u.to_string()),
            max_async_event_age_in_seconds: age,
            max_async_retry_attempts: retries,
            destination_config: (s.is_some() || f.is_some()).then(|| HuaweiDestinationConfig {
                on_success: s,
                on_failure: f,
                unknown: Default::default(),
            }),
            enable_async_status_log: log,
            ..Default::default()
        })
        .boxed()
}

/// Found by the `translate` fuzz target: unknown keys survived a same-dialect translation.
#[test]
fn unknown_keys_never_reach_the_output() {
    let v = json!({"retries": 3, "ttl": 60});
    let doc = Document::from_value(&v, Dialect::AlibabaFc2).unwrap();
    let t = translate(&doc, Dialect::AlibabaFc2, &Mapping::default(), &Options::default()).unwrap();
    assert_eq!(t.document.to_value(), json!({}));
    assert_eq!(t.notes.iter().filter(|n| n.code == codes::UNKNOWN_KEY_DROPPED).count(), 2);
}

fn dialect_shaped() -> BoxedStrategy<Value> {
    let keys: Vec<&'static str> = alibaba::FC2_CONFIG_KEYS
        .iter()
        .chain(alibaba::FC3_CONFIG_KEYS)
        .chain(huawei::CONFIG_KEYS)
        .chain(["onSuccess", "on_failure", "destination", "param", "junk"].iter())
        .copied()
        .collect();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-5i64..700_000).prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        acs_arn().prop_map(|a| Value::from(a.to_string())),
        function_urn().prop_map(|u| Value::from(u.to_string())),
        destination_param().prop_map(|p| Value::from(p.to_json_string())),
        proptest::sample::select(huawei::DESTINATION_KINDS).prop_map(Value::from),
    ];
    let key = proptest::sample::select(keys);
    leaf.prop_recursive(3, 24, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
    .boxed()
}

/// The laws above skip refused translations; make sure most inputs are not refused,
/// so the laws are about real translations.
#[test]
fn most_generated_documents_translate() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut ok, mut total) = (0, 0);
    for _ in 0..400 {
        let doc = law_document().new_tree(&mut runner).unwrap().current();
        for target in Dialect::ALL {
            total += 1;
            let options = Options { allow_lossy: true, ..Default::default() };
            ok += translate(&doc, target, &mapping(), &options).is_ok() as usize;
        }
    }
    assert!(ok * 10 >= total * 6, "only {ok} of {total} translations succeed");
    // And across providers in particular.
    let (mut cross_ok, mut cross) = (0, 0);
    for _ in 0..400 {
        let doc = law_document().new_tree(&mut runner).unwrap().current();
        for target in Dialect::ALL.into_iter().filter(|t| t.is_alibaba() != doc.dialect().is_alibaba()) {
            cross += 1;
            let options = Options { allow_lossy: true, ..Default::default() };
            cross_ok += translate(&doc, target, &mapping(), &options).is_ok() as usize;
        }
    }
    assert!(cross_ok * 10 >= cross * 4, "only {cross_ok} of {cross} cross-provider translations succeed");
}

/// Arbitrary documents of every dialect, and documents inside the mapping's reach.
fn law_document() -> BoxedStrategy<Document> {
    prop_oneof![
        any_document(),
        intersection_fc2().prop_map(|c| Document::AlibabaFc2(Shape::Config(c))),
        intersection_huawei().prop_map(|c| Document::Huawei(Shape::Config(c))),
        proptest::collection::vec(intersection_fc2(), 0..4).prop_map(|configs| Document::AlibabaFc2(Shape::List(
            AlibabaList { configs, next_token: Some("t".into()), unknown: Default::default() }
        ))),
    ]
    .boxed()
}

/// Lambda configs every other dialect can carry: in the narrowest ranges,
/// with SNS topic and function destinations in regions with a built-in pair
/// towards `target`, accounts the mapping pairs, names valid everywhere.
fn intersection_aws(target: Dialect) -> BoxedStrategy<Document> {
    let pairs = if target == Dialect::Huawei { BUILTIN_AWS_HUAWEI_REGIONS } else { BUILTIN_AWS_ALIBABA_REGIONS };
    let shared = |n: &String| {
        facts::aws::FUNCTION_NAME.check(n).is_ok()
            && facts::alibaba::FUNCTION_NAME.check(n).is_ok()
            && facts::huawei::FUNCTION_NAME.check(n).is_ok()
    };
    let dest = (
        proptest::sample::select(pairs),
        0usize..2,
        prop_oneof![
            fg_name()
                .prop_filter("valid everywhere", shared)
                .prop_map(|name| AwsResource::Function { name, qualifier: None }),
            name(huawei::TOPIC_NAME)
                .prop_filter("valid SNS name", |t| facts::aws::TOPIC_NAME.check(t).is_ok())
                .prop_map(|topic| AwsResource::SnsTopic { topic }),
        ],
    )
        .prop_map(|((region, _, _), a, resource)| {
            AwsArn {
                partition: facts::aws::partition_of(region).into(),
                region: region.to_string(),
                account: AWS_ACCOUNTS[a].0.into(),
                resource,
            }
            .to_string()
        });
    (
        (
            proptest::option::of(facts::aws::MAX_EVENT_AGE.min..=facts::aws::MAX_EVENT_AGE.max),
            proptest::option::of(facts::aws::RETRY_ATTEMPTS.min..=facts::aws::RETRY_ATTEMPTS.max),
        ),
        (proptest::sample::select(pairs), 0usize..2, fg_name().prop_filter("valid everywhere", shared)).prop_map(
            |((region, _, _), a, name)| {
                LambdaFunctionName::Arn(AwsArn {
                    partition: facts::aws::partition_of(region).into(),
                    region: region.to_string(),
                    account: AWS_ACCOUNTS[a].0.into(),
                    resource: AwsResource::Function { name, qualifier: None },
                })
                .to_string()
            },
        ),
        (proptest::option::of(dest.clone()), proptest::option::of(dest)),
    )
        .prop_map(|((age, retries), function, (s, f))| {
            let d = |x: Option<String>| {
                x.map(|destination| AwsDestination { destination: Some(destination), unknown: Default::default() })
            };
            Document::AwsLambda(Shape::Config(AwsConfig {
                function_name: Some(function),
                maximum_event_age_in_seconds: age,
                maximum_retry_attempts: retries,
                destination_config: (s.is_some() || f.is_some()).then(|| AwsDestinationConfig {
                    on_success: d(s),
                    on_failure: d(f),
                    unknown: Default::default(),
                }),
                ..Default::default()
            }))
        })
        .boxed()
}

/// Mapping files drawn from entries that fit the generated documents, with
/// entries that clash with the built-in pairs and the same-name fallbacks;
/// the ones that do not load (not one-to-one) are skipped.
fn law_mapping() -> BoxedStrategy<Mapping> {
    let regions = proptest::sample::subsequence(
        vec![
            ("cn-shanghai", "cn-east-3"),
            ("cn-hangzhou", "cn-east-3"),
            ("cn-beijing", "cn-north-4"),
            ("cn-shenzhen", "cn-north-4"),
            ("cn-hangzhou", "cn-east-2"),
            ("ap-southeast-1", "ap-southeast-3"),
        ],
        0..4,
    );
    let accounts = proptest::sample::subsequence(ACCOUNTS.to_vec(), 0..=2);
    let packages =
        proptest::sample::subsequence(vec![("orders", "orders"), ("legacy", "default"), ("", "fc3"), ("a", "b")], 0..3);
    let qualifiers = proptest::sample::subsequence(vec![("1", "v1"), ("2", "v2"), ("3", "1")], 0..3);
    (regions, accounts, packages, qualifiers)
        .prop_filter_map("not one-to-one", |(r, a, p, q)| {
            let obj = |pairs: Vec<(&str, &str)>| -> serde_json::Map<String, Value> {
                pairs.into_iter().map(|(k, v)| (k.to_string(), json!(v))).collect()
            };
            Mapping::from_value(
                &json!({"regions": obj(r), "accounts": obj(a), "packages": obj(p), "qualifiers": obj(q)}),
            )
            .ok()
        })
        .boxed()
}
