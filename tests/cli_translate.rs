//! End-to-end tests of `invokecfg translate`, `schema`, `--help`, `--version`.

mod common;

use common::*;
use invokecfg_model::schema::SchemaName;
use serde_json::Value;

const SEED: &str = "fixtures/alibaba-fc2/valid/seed-put-response.json";
const MAP: &str = "fixtures/mapping/seed.json";

#[test]
fn translates_to_stdout_with_notes_on_stderr() {
    let r = run(&["translate", "--to", "huawei", "--map", MAP, SEED]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(SchemaName::Dialect(invokecfg_model::Dialect::Huawei).validate(&v).is_empty());
    assert!(r.stdout.ends_with("}\n") && r.stdout.contains("\n  \"func_urn\""));
    assert!(r.stderr.contains("info[T104]"), "{}", r.stderr);
    assert!(!r.stdout.contains("T104"));
}

#[test]
fn round_trip_through_the_binary() {
    let there = run(&["translate", "--to", "huawei", "--map", MAP, SEED]);
    let back = run_stdin(&["translate", "--to", "alibaba-fc2", "--map", MAP, "-"], there.stdout.as_bytes());
    assert_eq!(back.code, 0, "{}", back.stderr);
    let v: Value = serde_json::from_str(&back.stdout).unwrap();
    assert_eq!(v["maxAsyncEventAgeInSeconds"], 300);
    assert_eq!(v["qualifier"], "test");
    assert_eq!(
        v["destinationConfig"]["onSuccess"]["destination"],
        "acs:fc:cn-shanghai:1234567890123456:services/s1/functions/f1"
    );
}

#[test]
fn clamping_and_strict() {
    let body = br#"{"maxAsyncEventAgeInSeconds": 604800, "maxAsyncRetryAttempts": 8}"#;
    let r = run_stdin(&["translate", "--to", "huawei"], body);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr.matches("warning[T101]").count(), 2, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (v["max_async_event_age_in_seconds"].as_i64(), v["max_async_retry_attempts"].as_i64()),
        (Some(86400), Some(3))
    );
    let strict = run_stdin(&["translate", "--to", "huawei", "--strict"], body);
    assert_eq!(strict.code, 1);
    assert!(strict.stdout.is_empty());
    assert!(strict.stderr.contains("error[T301]"), "{}", strict.stderr);
}

#[test]
fn unmapped_queue_is_refused_naming_the_entry() {
    let body = br#"{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"}}}"#;
    let r = run_stdin(&["translate", "--to", "huawei", "--map", MAP], body);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"));
    assert!(r.stderr.contains("add \"destinations\""), "{}", r.stderr);
    let lossy = run_stdin(&["translate", "--to", "huawei", "--map", MAP, "--allow-lossy"], body);
    assert_eq!(lossy.code, 0);
    assert!(lossy.stderr.contains("warning[T201]"));
}

#[test]
fn out_dir_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    let r = run(&[
        "translate",
        "--to",
        "alibaba-fc3",
        "--map",
        MAP,
        "--out-dir",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        SEED,
        "fixtures/huawei/valid/obs.json",
        "fixtures/huawei/valid/smn.json",
    ]);
    assert_eq!(r.code, 1, "the OBS destination is refused: {}", r.stderr);
    assert!(out.join("seed-put-response.json").is_file());
    assert!(out.join("smn.json").is_file());
    assert!(!out.join("obs.json").exists());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(SchemaName::TranslateReport.validate(&v).is_empty(), "{:?}", SchemaName::TranslateReport.validate(&v));
    assert_eq!(v["summary"]["translated"], 2);
    assert_eq!(v["summary"]["refused"], 1);
    assert_eq!(v["files"][1]["status"], "refused");
}

#[test]
fn output_file_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("fg.json");
    let r = run(&["translate", "--to", "huawei", "--map", MAP, "-o", o.to_str().unwrap(), SEED]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
    assert!(std::fs::read_to_string(&o).unwrap().contains("func_urn"));
    assert_eq!(run(&["translate", "--to", "huawei", SEED, "fixtures/huawei/valid/smn.json"]).code, 2);
    assert_eq!(run(&["translate", "--to", "aws", SEED]).code, 2);
    let missing = run(&["translate", "--to", "huawei", "nope.json"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.json: No such file or directory"));
    let bad_map = run(&["translate", "--to", "huawei", "--map", "fixtures/mapping/invalid/not-one-to-one.json", SEED]);
    assert_eq!(bad_map.code, 2);
    assert!(
        bad_map.stderr.contains("/regions/cn-hangzhou at 4:5: `cn-shanghai` and `cn-hangzhou` both map to `cn-east-3`"),
        "{}",
        bad_map.stderr
    );
}

#[test]
fn invalid_input_names_file_line_and_column() {
    let r = run(&["translate", "--to", "huawei", "fixtures/alibaba-fc2/invalid/trailing-comma.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("trailing-comma.json:9:1: error: trailing comma"), "{}", r.stderr);
    let r = run(&["translate", "--to", "huawei", "fixtures/alibaba-fc2/invalid/retries-string.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("retries-string.json:8:28: error: `/maxAsyncRetryAttempts`"), "{}", r.stderr);
}

#[test]
fn schema_is_byte_identical_to_the_files() {
    let list = run(&["schema"]);
    assert_eq!(list.code, 0);
    for s in SchemaName::ALL {
        assert!(list.stdout.contains(&s.file_name()));
        let r = run(&["schema", s.name()]);
        assert_eq!(r.code, 0);
        assert_eq!(r.stdout, std::fs::read_to_string(root().join("schemas").join(s.file_name())).unwrap());
    }
    assert_eq!(run(&["schema", "nope"]).code, 2);
}

#[test]
fn help_and_version() {
    let h = run(&["--help"]);
    assert_eq!(h.code, 0);
    for cmd in ["lint", "translate", "schema", "rules", "explain"] {
        assert!(h.stdout.contains(cmd));
    }
    let v = run(&["--version"]);
    assert_eq!(v.stdout.trim(), format!("invokecfg {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(run(&["frobnicate"]).code, 2);
}

/// A list longer than one window is translated window by window; the
/// output, the notes and the verdict must be the library's for the whole
/// document, and a list the windows cannot read is read whole.
#[test]
fn long_lists_translate_in_windows_as_one_document() {
    use invokecfg_model::{detect, span::LIST_WINDOW, Document};
    use invokecfg_translate::{note_json, translate, Mapping, Options};
    use serde_json::json;
    let n = 2 * LIST_WINDOW + 77;
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut item = json!({
                "service": "orders", "function": format!("fn-{i}"), "qualifier": if i % 3 == 0 { "LATEST" } else { "prod" },
                "maxAsyncEventAgeInSeconds": 60 + i * 7, "maxAsyncRetryAttempts": i % 5,
                "destinationConfig": {"onFailure": {"destination": format!("acs:mns:cn-shanghai:1234567890123456:/queues/q{}/messages", i % 4)}},
            });
            if i == n - 5 {
                item["destinationConfig"]["onSuccess"] = json!({"destination": "acs:eventbridge:cn-shanghai:1234567890123456:eventbus/default"});
            }
            item
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let list = json!({"configs": items, "nextToken": "page-2"});
    for (name, doc) in [
        ("readable", list.clone()),
        ("unreadable", {
            let mut l = list.clone();
            l["configs"][LIST_WINDOW + 3]["destinationConfig"]["onFailure"]["destination"] =
                json!("acs:mns:cn-shanghai:xxx:/queues/q/messages");
            l
        }),
    ] {
        let input = dir.path().join(format!("{name}.json"));
        std::fs::write(&input, serde_json::to_vec(&doc).unwrap()).unwrap();
        let source = Document::from_value(&doc, detect(&doc).unwrap().dialect).unwrap();
        for (target, lossy) in [("alibaba-fc3", false), ("huawei", false), ("huawei", true), ("aws-lambda", true)] {
            let report = dir.path().join("report.json");
            let mut args =
                vec!["translate", "-v", "--to", target, "--report", report.to_str().unwrap(), input.to_str().unwrap()];
            if lossy {
                args.push("--allow-lossy");
            }
            let r = run(&args);
            // The readable list really went through the windows (else this test compares the whole read with itself).
            let windowed = r.stderr.contains(&format!("in its first {LIST_WINDOW} items)"));
            assert_eq!(windowed, name == "readable", "{name} -> {target}: {}", r.stderr);
            let options = Options { allow_lossy: lossy, ..Options::default() };
            let whole = translate(&source, target.parse().unwrap(), &Mapping::default(), &options);
            let notes = match &whole {
                Ok(t) => {
                    assert_eq!(r.code, 0, "{name} -> {target}: {}", r.stderr);
                    assert_eq!(r.stdout, t.document.to_pretty_json(), "{name} -> {target}");
                    &t.notes
                }
                Err(e) => {
                    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{name} -> {target}: {}", r.stderr);
                    e.notes()
                }
            };
            let got: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
            let want: Vec<Value> = notes.iter().map(note_json).collect();
            assert_eq!(got["files"][0]["notes"], Value::Array(want), "{name} -> {target}");
            if name == "readable" {
                assert!(notes.len() > n, "{name} -> {target}: {} notes", notes.len());
            } else {
                let at = format!("/configs/{}/", LIST_WINDOW + 3);
                assert!(
                    notes
                        .iter()
                        .all(|n| n.code == invokecfg_translate::codes::SOURCE_INVALID && n.pointer.starts_with(&at)),
                    "{notes:?}"
                );
            }
        }
    }
}

/// Issue 21, item 5: the mapping file is read without a schema validator;
/// each malformed file is refused (exit 2) naming the file, the JSON pointer,
/// its line:column and what is valid there, and nothing is written to stdout.
#[test]
fn item5_malformed_mapping_files_name_the_pointer_and_what_is_valid() {
    let dir = root().join("fixtures/mapping/malformed");
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    let mut out = String::new();
    for name in &names {
        let path = format!("fixtures/mapping/malformed/{name}");
        let r = run(&["translate", "--to", "huawei", "--map", &path, SEED]);
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{name}: {}", r.stderr);
        let prefix = format!("invokecfg: error: mapping file {path}: /");
        // The pointer exists in the file, and the position of its entry follows it.
        let located = r.stderr.strip_prefix(&prefix).and_then(|rest| rest.split(": ").next()).unwrap_or_default();
        let pointer = located.split_once(" at 1:").map(|(p, _)| format!("/{p}"));
        let value: Value = serde_json::from_str(&std::fs::read_to_string(root().join(&path)).unwrap()).unwrap();
        let top_level = name == "top-level-array.json";
        assert!(top_level || pointer.is_some_and(|p| value.pointer(&p).is_some()), "{name}: {}", r.stderr);
        out.push_str(&r.stderr);
    }
    insta::assert_snapshot!(out);
}
