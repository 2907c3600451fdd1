//! End-to-end tests of issue #20 part 1, "Notes at scale": a list's notes
//! grouped on stderr, `-v` for every note, single documents as before,
//! refusals errors first, and `--report` streamed yet the same report.

mod common;

use common::*;
use invokecfg_model::schema::SchemaName;
use invokecfg_model::{detect, Diagnostic, Dialect, Document};
use invokecfg_translate::{note_json, translate, Mapping, Options};
use serde_json::{json, Value};
use std::path::Path;

/// A List response of `n` FC 2.0 configs: two services, every third age
/// out of Huawei's range, each with a read-only time and an MNS queue.
fn list(n: usize) -> Value {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "service": if i % 2 == 0 { "orders" } else { "billing" }, "function": format!("fn-{i}"),
                "qualifier": "LATEST", "maxAsyncEventAgeInSeconds": if i % 3 == 0 { 700000 } else { 3600 },
                "maxAsyncRetryAttempts": 2, "createdTime": "2026-01-01T00:00:00Z",
                "destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages"}},
            })
        })
        .collect();
    json!({"configs": items, "nextToken": "x"})
}

/// Writes `doc` as `list.json` in a new directory.
fn write_list(doc: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("list.json"), serde_json::to_vec(doc).unwrap()).unwrap();
    dir
}

/// The library's whole-document translation: every note, in the order the
/// report held them before it was streamed.
fn whole(doc: &Value, target: Dialect, options: &Options) -> (bool, Vec<Diagnostic>) {
    let source = Document::from_value(doc, detect(doc).unwrap().dialect).unwrap();
    match translate(&source, target, &Mapping::default(), options) {
        Ok(t) => (true, t.notes),
        Err(e) => (false, e.into_notes()),
    }
}

/// Each note as `invokecfg translate` has always printed it.
fn each_line(input: &str, notes: &[Diagnostic]) -> String {
    let mut out = String::new();
    for n in notes {
        let at = if n.pointer.is_empty() { String::new() } else { format!(" (at {})", n.pointer) };
        out.push_str(&format!("{input}: {}[{}] {}{at}\n", n.severity, n.code, n.message));
        if let Some(h) = &n.help {
            out.push_str(&format!("  help: {h}\n"));
        }
    }
    out
}

#[test]
fn a_list_of_thousands_prints_grouped_notes_and_a_summary() {
    let dir = write_list(&list(3000));
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "--allow-lossy", "list.json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let want = "\
list.json: warning[T106] the function's identity is not written (--allow-lossy): account `1234567890123456` has no FunctionGraph project; the output is a Put body, in 3,000 items (/configs/0, /configs/1, ... /configs/2999)
  help: to keep it, add \"accounts\": {\"1234567890123456\": \"<FunctionGraph project id>\"} to the mapping file
list.json: warning[T101] `maxAsyncEventAgeInSeconds` 700000 is outside huawei's range 1..86400; clamped to 86400, in 1,000 items (/configs/0, /configs/3, ... /configs/2997)
  help: huawei accepts 1..86400; set a value in range on the source to silence this
list.json: warning[T201] MNS queue destination `acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages` has no counterpart on huawei and was dropped (--allow-lossy), in 3,000 items (/configs/0, /configs/1, ... /configs/2999)
  help: results that went there are no longer delivered; add a `destinations` mapping entry to keep them
list.json: info[T108] the function's region `cn-shanghai` and account `1234567890123456` were taken from destination `acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages`, in 3,000 items (/configs/0, /configs/1, ... /configs/2999)
  help: pass --function with the function's ARN to state them
list.json: info[T103] read-only `createdTime` is not written, in 3,000 items (/configs/0, /configs/1, ... /configs/2999)
  help: the target API sets it
list.json: info[T107] `nextToken` `x` pages the source API and is not carried (at /nextToken)
  help: list the remaining pages on the source and translate each
list.json: info[T107] `count` (the total number of configs) is not written: the source lists 3000 on this page and does not state the total
  help: Huawei's own List response states it; a translated list is a set of configs to apply, one by one
list.json: 0 errors
list.json: 7,000 warnings of 3 kinds
list.json: 6,002 infos of 4 kinds
list.json: notes that say the same of several items are printed once; -v prints each
";
    assert_eq!(r.stderr, want);
    // Values that differ between items show as `…`: two services, one group.
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "list.json"], None);
    assert!(
        r.stderr.contains(
            "list.json: info[T210] service `…` became package `…` by keeping its name (no `packages` entry), in 2 items (/configs/0, /configs/1)\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn verbose_prints_every_note() {
    let doc = list(3000);
    let dir = write_list(&doc);
    let r = run_in(dir.path(), &["translate", "-v", "--to", "huawei", "--allow-lossy", "list.json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (_, notes) = whole(&doc, Dialect::Huawei, &Options { allow_lossy: true, ..Options::default() });
    assert_eq!(notes.len(), 13_002);
    let read_as = r.stderr.lines().next().unwrap();
    assert!(read_as.starts_with("list.json: read as alibaba-fc2 ("), "{read_as}");
    assert_eq!(r.stderr[read_as.len() + 1..], each_line("list.json", &notes));
}

/// Every single config fixture, to every target: stderr is each note on
/// its own line, in the translator's order, as before grouping existed.
#[test]
fn a_single_documents_stderr_is_unchanged() {
    // As main printed it before this change, byte for byte.
    let r = run(&[
        "translate",
        "--to",
        "huawei",
        "--map",
        "fixtures/mapping/seed.json",
        "fixtures/alibaba-fc2/valid/seed-put-response.json",
    ]);
    let seed = "fixtures/alibaba-fc2/valid/seed-put-response.json";
    assert!(r.stderr.starts_with(&format!(
        "{seed}: info[T108] the function's region `cn-shanghai` and account `1234567890123456` were taken from destination `acs:fc:cn-shanghai:1234567890123456:services/s1/functions/f1` (at /function)
  help: pass --function with the function's ARN to state them
{seed}: info[T210] service `demo-service` became package `default` by the mapping file's `packages` entry `demo-service` (at /function)
{seed}: info[T210] region `cn-shanghai` became region `cn-east-3` by the mapping file's `regions` entry `cn-shanghai` (at /function)
"
    )));
    assert!(!r.stderr.contains(" errors\n") && !r.stderr.contains("-v prints each"), "{}", r.stderr);
    let mut checked = 0;
    for dialect in Dialect::ALL {
        let dir = root().join("fixtures").join(dialect.id()).join("valid");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
            let doc: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
            // A document with no key of any dialect is read with --from elsewhere.
            let Ok(found) = detect(&doc) else { continue };
            let source = Document::from_value(&doc, found.dialect).unwrap();
            if source.is_list() {
                continue;
            }
            let input = file.strip_prefix(root()).unwrap().to_str().unwrap();
            for target in Dialect::ALL {
                let r = run(&["translate", "--to", target.id(), "--allow-lossy", input]);
                let options = Options { allow_lossy: true, ..Options::default() };
                let want = match translate(&source, target, &Mapping::default(), &options) {
                    Ok(t) => each_line(input, &t.notes),
                    Err(e) => {
                        format!("{}{input}: translation to {target} refused\n", each_line(input, e.notes()))
                    }
                };
                assert_eq!(r.stderr, want, "{input} -> {target}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "{checked} translations checked");
}

#[test]
fn a_refusal_still_puts_errors_first() {
    let dir = write_list(&list(3000));
    for args in [
        &["translate", "--to", "huawei", "list.json"][..],
        &["translate", "--to", "alibaba-fc3", "--strict", "list.json"],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 1, "{}", r.stderr);
        let severities: Vec<&str> = r
            .stderr
            .lines()
            .filter_map(|l| l.strip_prefix("list.json: "))
            .filter_map(|l| l.split_once('[').map(|(s, _)| s))
            .filter(|s| ["error", "warning", "info"].contains(s))
            .collect();
        let rank = |s: &&str| ["error", "warning", "info"].iter().position(|x| x == s);
        assert!(severities.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "{severities:?}");
        assert_eq!(severities.first(), Some(&"error"), "{}", r.stderr);
        assert!(r.stderr.ends_with(&format!("list.json: translation to {} refused\n", args[2])), "{}", r.stderr);
    }
    let strict = run_in(dir.path(), &["translate", "--to", "alibaba-fc3", "--strict", "list.json"], None);
    assert!(
        strict
            .stderr
            .starts_with("list.json: error[T301] refused by --strict: the translation has 4000 warning note(s)\n"),
        "{}",
        strict.stderr
    );
}

/// The report as the in-memory one was: every note of the whole
/// translation, in its order (a refusal's errors first), and the counts.
fn in_memory_report(doc: &Value, target: Dialect, options: &Options) -> Value {
    let (translated, notes) = whole(doc, target, options);
    let count = |s: &str| notes.iter().filter(|n| n.severity.as_str() == s).count();
    json!({
        "version": 1,
        "target": target.id(),
        "files": [{
            "input": "list.json",
            "output": if translated { json!("-") } else { Value::Null },
            "source": "alibaba-fc2",
            "status": if translated { "translated" } else { "refused" },
            "notes": notes.iter().map(note_json).collect::<Vec<_>>(),
        }],
        "summary": {
            "files": 1, "translated": usize::from(translated), "refused": usize::from(!translated),
            "errors": count("error"), "warnings": count("warning"), "infos": count("info"),
        },
    })
}

#[test]
fn the_streamed_report_equals_the_in_memory_report() {
    let doc = list(3000);
    let dir = write_list(&doc);
    let report = dir.path().join("report.json");
    for (target, lossy, strict) in [
        (Dialect::Huawei, true, false),
        (Dialect::Huawei, false, false),
        (Dialect::AlibabaFc3, false, true),
        (Dialect::AwsLambda, true, false),
    ] {
        let mut args = vec!["translate", "--to", target.id(), "--report", "report.json", "list.json"];
        args.extend(lossy.then_some("--allow-lossy"));
        args.extend(strict.then_some("--strict"));
        let r = run_in(dir.path(), &args, None);
        let got: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let options = Options { allow_lossy: lossy, strict, ..Options::default() };
        let want = in_memory_report(&doc, target, &options);
        assert_eq!(r.code, if want["summary"]["refused"] == 1 { 1 } else { 0 }, "{}", r.stderr);
        assert_eq!(got, want, "{target} lossy {lossy} strict {strict}");
        assert!(
            SchemaName::TranslateReport.validate(&got).is_empty(),
            "{:?}",
            SchemaName::TranslateReport.validate(&got)
        );
        // Written whole, through a temporary file renamed over it: nothing else is left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }
    assert!(Path::new(&report).is_file());
}
