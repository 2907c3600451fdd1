//! End-to-end tests of the gaps issue #21 left in translating to and from
//! Tencent SCF, one test per item, named after it: what the notes say of a
//! destination a target without destinations cannot take (refused and
//! dropped), that the target's spec decides it, a further `RetryConfig`
//! entry, and the example mapping file's tables of every provider pair.

mod common;

use common::*;
use invokecfg_model::spec::{DestinationSpec, DestinationSupport};
use invokecfg_model::*;
use invokecfg_translate::mapping::PAIRS;
use invokecfg_translate::Mapping;

/// The dialects whose API takes no destinations, with where their failed
/// events go: read from the specs, so a sixth such dialect is tested too.
fn without_destinations() -> Vec<(Dialect, &'static str)> {
    let found: Vec<(Dialect, &'static str)> = Dialect::ALL
        .into_iter()
        .filter_map(|d| match d.spec().destination_support {
            DestinationSupport::Absent { failed_events } => Some((d, failed_events)),
            DestinationSupport::Accepted => None,
        })
        .collect();
    assert!(!found.is_empty(), "SCF takes no destinations: its spec must say so");
    found
}

/// A destination of `kind` in `source`'s cloud, named `name`, stating
/// whatever its identifier needs.
fn destination(source: Dialect, kind: &DestinationSpec, name: &str) -> Destination {
    let provider = source.provider();
    let spec = provider.spec();
    let (digits, filler) = spec.account_id;
    let namespace = match (kind.kind, source.spec().identity.namespace) {
        (TargetKind::InstanceTopic, _) => Some("MQ_INST_1234567890123456_BYWsabcd".to_string()),
        (TargetKind::Function, NamespaceRule::Required) => Some("orders".to_string()),
        (TargetKind::Function, NamespaceRule::Defaulted(ns)) => Some(ns.to_string()),
        _ => None,
    };
    Destination {
        region: kind.located.then(|| spec.regions.first().copied().unwrap_or_default().to_string()),
        account: kind.located.then(|| filler.to_string().repeat(digits)),
        namespace,
        ..Destination::new(kind.kind, provider, name)
    }
}

/// Which destination of a config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    OnSuccess,
    OnFailure,
}

/// One source document and the destinations it holds.
struct Case {
    source: Dialect,
    text: String,
    sides: Vec<(Destination, Side)>,
}

/// Every kind each source dialect accepts, each on every side it accepts it:
/// one document per kind, as the source dialect writes it.
fn documents() -> Vec<Case> {
    let mut out = Vec::new();
    for source in Dialect::ALL.into_iter().filter(|d| !d.spec().destinations.is_empty()) {
        for kind in source.spec().destinations {
            let success = kind.on_success.then(|| destination(source, kind, "results"));
            let failure = kind.on_failure.then(|| destination(source, kind, "failures"));
            let config = AsyncInvokeConfig {
                max_retry_attempts: Some(1),
                on_success: success.clone(),
                on_failure: failure.clone(),
                ..Default::default()
            };
            let doc = Document::from_neutral(&NeutralDocument::Config(config), source)
                .unwrap_or_else(|e| panic!("{source} writes a {}: {e:?}", kind.name));
            let sides = success
                .map(|d| (d, Side::OnSuccess))
                .into_iter()
                .chain(failure.map(|d| (d, Side::OnFailure)))
                .collect();
            out.push(Case { source, text: doc.to_pretty_json(), sides });
        }
    }
    // FC 2.0, FC 3.0, Huawei and Lambda: 5 + 5 + 4 + 5 kinds.
    assert_eq!(out.len(), 19, "every source dialect's every kind");
    out
}

/// The note line of `code` naming destination `key`, and its help line.
fn note_of<'a>(stderr: &'a str, code: &str, key: &str) -> (&'a str, &'a str) {
    let mut lines = stderr.lines();
    let tag = format!("[{code}] ");
    let note = lines
        .by_ref()
        .find(|l| l.contains(&tag) && l.contains(&format!("`{key}`")))
        .unwrap_or_else(|| panic!("no {code} for `{key}`:\n{stderr}"));
    (note, lines.next().unwrap_or_default())
}

#[test]
fn item1_refused_destination_names_where_failed_events_go_not_a_mapping_entry() {
    let mut checked = 0;
    for (target, failed_events) in without_destinations() {
        for Case { source, text, sides } in documents() {
            let r = run_stdin(&["translate", "--from", source.id(), "--to", target.id(), "-v", "-"], text.as_bytes());
            assert_eq!(r.code, 1, "{source} -> {target} refuses:\n{text}\n{}", r.stderr);
            for (d, side) in &sides {
                let key = d.source_key();
                let (note, help) = note_of(&r.stderr, "T202", &key);
                assert!(
                    note.contains(&format!("has no counterpart on {target}, whose API takes no destinations")),
                    "{note}"
                );
                let mut expected = format!("  help: {failed_events}; pass --allow-lossy to drop it");
                if *side == Side::OnSuccess {
                    expected.push_str(" (success results are then delivered nowhere)");
                }
                assert_eq!(help, expected, "{source} `{key}`");
                assert!(!help.contains("mapping"), "no mapping entry can help: {help}");
                checked += 1;
            }
            // The destination alone refuses: nothing else about it is said.
            assert!(!r.stderr.contains("[T203]") && !r.stderr.contains("[T109]"), "{}", r.stderr);
        }
    }
    // 19 kinds, each on both sides but Lambda's S3 (on failure only).
    assert_eq!(checked, 37);
}

#[test]
fn item2_dropped_destination_says_what_becomes_of_success_results_and_failed_events() {
    let mut checked = 0;
    for (target, failed_events) in without_destinations() {
        for Case { source, text, sides } in documents() {
            let args = ["translate", "--from", source.id(), "--to", target.id(), "--allow-lossy", "-v", "-"];
            let r = run_stdin(&args, text.as_bytes());
            assert_eq!(r.code, 0, "{source} -> {target} with --allow-lossy:\n{text}\n{}", r.stderr);
            let written: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_default();
            assert!(written.is_object() && !r.stdout.to_lowercase().contains("destination"), "{}", r.stdout);
            for (d, side) in &sides {
                let key = d.source_key();
                let (note, help) = note_of(&r.stderr, "T201", &key);
                assert!(note.contains("whose API takes no destinations, and was dropped (--allow-lossy)"), "{note}");
                let lost = match side {
                    Side::OnSuccess => "success results are no longer delivered anywhere",
                    Side::OnFailure => "failed events are no longer sent to it",
                };
                assert_eq!(help, format!("  help: {lost}; {failed_events}"), "{source} `{key}`");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 37);
}

/// The translator decides from the target's spec: no provider or dialect of
/// Tencent is named in its policy code (the mapping file's pairs excepted).
#[test]
fn item3_the_decision_is_the_target_spec_s_not_a_provider_branch() {
    let dir = root().join("crates/translate/src");
    let mut named = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("crates/translate/src").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "rs") || path.ends_with("mapping.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable source");
        named.extend(text.lines().filter(|l| l.contains("Tencent")).map(|l| format!("{}: {l}", path.display())));
    }
    assert!(named.is_empty(), "{named:#?}");
    let tencent = Dialect::TencentScf.spec();
    assert!(tencent.destinations.is_empty());
    assert_eq!(
        tencent.destination_support,
        DestinationSupport::Absent { failed_events: invokecfg_model::facts::tencent::DEAD_LETTER_HELP }
    );
}

#[test]
fn item4_a_second_retry_config_entry_is_named_as_an_entry_with_its_source() {
    let doc = br#"{"FunctionName": "orders-api", "Namespace": "default",
        "AsyncTriggerConfig": {"MsgTTL": 3600, "RetryConfig": [{"RetryNum": 1}, {"RetryNum": -1}]}}"#;
    let why = invokecfg_model::facts::tencent::RETRY_CONFIG_FURTHER_ENTRIES;
    let r = run_stdin(&["translate", "--to", "aws-lambda", "-"], doc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"MaximumRetryAttempts\": 1"), "the first entry is carried: {}", r.stdout);
    let (note, help) = note_of(&r.stderr, "T106", "AsyncTriggerConfig/RetryConfig/1");
    assert!(
        note.contains(&format!(
            "warning[T106] entry 1 of `RetryConfig` (`AsyncTriggerConfig/RetryConfig/1`) is not carried: {why} (at /AsyncTriggerConfig/RetryConfig/1)"
        )),
        "{note}"
    );
    assert_eq!(help, "  help: only the first entry, `AsyncTriggerConfig/RetryConfig/0`, is carried; remove the others");
    assert!(!r.stderr.contains("is no tencent-scf key"), "{}", r.stderr);
    // Lint's R202 holds a request to one entry, with the same reason.
    let r = run_stdin(&["lint", "--dialect", "tencent-scf", "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("R202 [error] `RetryConfig` holds 2 entries; a request takes exactly one"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(&format!("help: keep the first entry alone: {why}")), "{}", r.stdout);
}

/// `fixtures/mapping/full.json`, the example that covers every table: each
/// provider pair's tables, destinations wherever both providers take them.
#[test]
fn item5_the_full_mapping_has_every_pair_s_tables() {
    let path = root().join("fixtures/mapping/full.json");
    let mapping = Mapping::from_json(&std::fs::read_to_string(&path).expect("full.json")).expect("it loads");
    for pair in PAIRS {
        let tables = mapping.tables(pair.path).unwrap_or_else(|| panic!("no tables at `{}`", pair.path));
        let label = if pair.path.is_empty() { "the top level" } else { pair.path };
        for (name, len) in [
            ("regions", tables.regions.len()),
            ("accounts", tables.accounts.len()),
            ("packages", tables.packages.len()),
            ("qualifiers", tables.qualifiers.len()),
        ] {
            assert!(len > 0, "{label} has no `{name}` entry");
        }
        let takes =
            |p: Provider| p.dialects().all(|d| matches!(d.spec().destination_support, DestinationSupport::Accepted));
        let both_take = takes(pair.key_side) && takes(pair.value_side);
        assert_eq!(!tables.destinations.is_empty(), both_take, "{label}: `destinations` entries");
    }
    // The Tencent tables serve a translation: region, uin and namespace read backwards.
    let function = "qcs::scf:ap-nanjing:uin/100000123456:namespace/billing-scf/function/orders-api";
    let args = ["translate", "--to", "huawei", "--map", "fixtures/mapping/full.json", "--function", function, "-"];
    let r = run_stdin(&args, br#"{"AsyncTriggerConfig": {"MsgTTL": 3600, "RetryConfig": [{"RetryNum": 1}]}}"#);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("urn:fss:cn-east-2:0970dd7a1300f5672ff2c003c60ae115:function:billing:orders-api"),
        "{}",
        r.stdout
    );
    for table in ["regions", "accounts", "packages"] {
        assert!(r.stderr.contains(&format!("`huawei-tencent.{table}` entry")), "{table}: {}", r.stderr);
    }
}
