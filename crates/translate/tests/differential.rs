//! Every dialect fixture (valid, lists, placeholders) to every other dialect,
//! with no mapping, with `fixtures/mapping/seed.json` and with
//! `fixtures/mapping/full.json`, strict and lossy, then back: the output
//! validates, every note points into its source (law a), and every change the
//! round trip makes is named by a note (law b). A snapshot keeps the matrix of
//! outcomes so a change in behaviour shows up in review.

mod support;

use invokecfg_model::schema::SchemaName;
use invokecfg_model::*;
use invokecfg_translate::*;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each fixture with the dialect its directory names.
fn fixtures() -> Vec<(PathBuf, Dialect)> {
    let mut out = Vec::new();
    for d in Dialect::ALL {
        for kind in ["valid", "lists", "placeholders"] {
            let Ok(entries) = std::fs::read_dir(root().join("fixtures").join(d.id()).join(kind)) else { continue };
            out.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .map(|p| (p, d)),
            );
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_to_every_dialect_and_back() {
    let mappings = [
        ("none", Mapping::default()),
        (
            "seed",
            Mapping::from_json(&std::fs::read_to_string(root().join("fixtures/mapping/seed.json")).unwrap()).unwrap(),
        ),
        (
            "full",
            Mapping::from_json(&std::fs::read_to_string(root().join("fixtures/mapping/full.json")).unwrap()).unwrap(),
        ),
    ];
    let mut matrix = String::new();
    let mut failures = Vec::new();
    for (path, source) in fixtures() {
        let name = path.strip_prefix(root().join("fixtures")).unwrap().display().to_string();
        let parsed = span::parse(&std::fs::read(&path).unwrap()).unwrap();
        let doc = Document::from_value(&parsed.value, source).unwrap();
        for target in Dialect::ALL.into_iter().filter(|t| *t != source) {
            let mut row = format!("{name} -> {target}:");
            for (mname, mapping) in &mappings {
                for lossy in [false, true] {
                    let options = Options { allow_lossy: lossy, ..Default::default() };
                    let outcome = match translate(&doc, target, mapping, &options) {
                        Ok(t) => {
                            let v = t.document.to_value();
                            let violations = SchemaName::for_dialect(target).validate(&v);
                            if !violations.is_empty() {
                                failures.push(format!("{name} -> {target} ({mname}): invalid output {violations:?}"));
                            }
                            "ok"
                        }
                        Err(_) => "refused",
                    };
                    if let Err(e) = support::check_round_trip(&doc, target, mapping, &options) {
                        failures.push(format!("{name} ({mname}, lossy {lossy}): {e}"));
                    }
                    write!(row, " {mname}{}={outcome}", if lossy { "+lossy" } else { "" }).unwrap();
                }
            }
            writeln!(matrix, "{row}").unwrap();
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n\n"));
    insta::assert_snapshot!(matrix);
}

/// The law (b) checker itself: a silent change is caught, a named one is not.
#[test]
fn the_round_trip_checker_can_fail() {
    let fc2 = Dialect::AlibabaFc2;
    let a = serde_json::json!({"maxAsyncRetryAttempts": 2, "destinationConfig": {"onSuccess": {"destination": "acs:mns:cn-shanghai:1234567890123456:/topics/t/messages"}}});
    let b = serde_json::json!({"max_async_retry_attempts": 2});
    let back = serde_json::json!({"maxAsyncRetryAttempts": 3});
    let silent = support::unnamed_differences(&a, fc2, &[], &b, Dialect::Huawei, &back, &[]);
    assert_eq!(silent.len(), 2, "{silent:?}");
    let named = [
        Diagnostic::new("T101", Severity::Warning, "/maxAsyncRetryAttempts", "clamped"),
        Diagnostic::new("T201", Severity::Warning, "/destinationConfig/onSuccess/destination", "dropped"),
    ];
    assert!(support::unnamed_differences(&a, fc2, &named, &b, Dialect::Huawei, &back, &[]).is_empty());
    let elsewhere = [Diagnostic::new("T101", Severity::Warning, "/maxAsyncEventAgeInSeconds", "clamped")];
    assert_eq!(support::unnamed_differences(&a, fc2, &elsewhere, &b, Dialect::Huawei, &back, &[]).len(), 2);
    assert_eq!(
        support::unresolved_pointers(&a, &elsewhere),
        vec!["T101 at \"/maxAsyncEventAgeInSeconds\"".to_string()]
    );
}
