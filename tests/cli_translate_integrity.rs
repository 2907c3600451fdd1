//! End-to-end regressions of issue "Translator integrity": each test is one
//! numbered item of that issue, reproduced with the binary as a user would.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const PUT: &str = "fixtures/alibaba-fc2/valid/put-body.json";
const SEED_MAP: &str = "fixtures/mapping/seed.json";

fn abs(p: &str) -> String {
    root().join(p).display().to_string()
}

/// Item 1: a mapping made for Alibaba <-> Huawei leaves FC 2.0 -> FC 3.0 alone.
#[test]
fn item1_cross_provider_entries_do_not_apply_within_alibaba() {
    let r = run(&["translate", "--to", "alibaba-fc3", "--map", SEED_MAP, PUT]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["destinationConfig"]["onFailure"]["destination"],
        "acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages"
    );
}

/// Items 2 and 14: `--out-dir` never overwrites; a directory is walked and mirrored.
#[test]
fn item2_item14_out_dir_never_overwrites_and_mirrors_directories() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b/deeper"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::copy(root().join(PUT), dir.path().join(sub).join("cfg.json")).unwrap();
    }
    let d = dir.path();
    let both =
        run_in(d, &["translate", "--to", "alibaba-fc3", "--out-dir", "out", "a/cfg.json", "b/deeper/cfg.json"], None);
    assert_eq!(both.code, 2, "{}", both.stderr);
    assert!(
        both.stderr.contains("a/cfg.json and b/deeper/cfg.json would both be written to `cfg.json`"),
        "{}",
        both.stderr
    );
    assert!(!d.join("out/cfg.json").exists(), "nothing is written when the batch is refused");

    let walked = run_in(d, &["translate", "--to", "alibaba-fc3", "--out-dir", "out", "."], None);
    assert_eq!(walked.code, 0, "{}", walked.stderr);
    assert!(d.join("out/a/cfg.json").is_file() && d.join("out/b/deeper/cfg.json").is_file(), "{}", walked.stderr);

    let no_out_dir = run_in(d, &["translate", "--to", "alibaba-fc3", "a"], None);
    assert_eq!(no_out_dir.code, 2);
    assert!(no_out_dir.stderr.contains("a is a directory: pass --out-dir"), "{}", no_out_dir.stderr);
    let o_dir = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "a", "a/cfg.json"], None);
    assert_eq!(o_dir.code, 2);
    assert!(o_dir.stderr.contains("use --out-dir a"), "{}", o_dir.stderr);
    let out_dir_file = run_in(d, &["translate", "--to", "alibaba-fc3", "--out-dir", "a/cfg.json", "a/cfg.json"], None);
    assert_eq!(out_dir_file.code, 2);
    assert!(out_dir_file.stderr.contains("use -o a/cfg.json"), "{}", out_dir_file.stderr);
}

/// Item 8: `--from` that contradicts the document's keys is refused naming them.
#[test]
fn item8_from_contradicting_the_keys_is_refused() {
    let r = run(&["translate", "--to", "alibaba-fc3", "--from", "huawei", PUT]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("`maxAsyncRetryAttempts` (alibaba-fc2)"), "{}", r.stderr);
}

/// Item 9: duplicate keys refuse, naming both line:columns.
#[test]
fn item9_duplicate_keys_are_refused_with_both_positions() {
    let r =
        run_stdin(&["translate", "--to", "huawei"], b"{\"maxAsyncRetryAttempts\": 1,\n \"maxAsyncRetryAttempts\": 8}");
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("key `maxAsyncRetryAttempts` is given twice, at 1:2 and 2:2"), "{}", r.stderr);
}

/// Item 10: `--function` is parsed, and what it cannot supply is noted.
#[test]
fn item10_function_is_parsed_and_gaps_noted() {
    let garbage = run(&["translate", "--to", "huawei", "--function", "garbage", PUT]);
    assert_eq!(garbage.code, 2);
    assert!(
        garbage.stderr.contains("`garbage` is no function identifier: expected a Function Compute ARN"),
        "{}",
        garbage.stderr
    );
    let queue = run(&[
        "translate",
        "--to",
        "huawei",
        "--function",
        "acs:mns:cn-shanghai:1234567890123456:/queues/q/messages",
        PUT,
    ]);
    assert_eq!(queue.code, 2);
    assert!(queue.stderr.contains("names no function"), "{}", queue.stderr);
    let fc3_form = run(&[
        "translate",
        "--to",
        "alibaba-fc2",
        "--function",
        "acs:fc:cn-shanghai:1234567890123456:functions/f",
        PUT,
    ]);
    assert_eq!(fc3_form.code, 0, "{}", fc3_form.stderr);
    assert!(fc3_form.stderr.contains("T207") && fc3_form.stderr.contains("no `service`"), "{}", fc3_form.stderr);
}

/// Item 13: outputs are checked before any work, with the OS's error.
#[test]
fn item13_outputs_checked_before_work() {
    let r = run(&["translate", "--to", "alibaba-fc3", "--report", "/nonexistent/r.json", PUT]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "nothing is translated: {}", r.stdout);
    assert!(r.stderr.contains("/nonexistent does not exist"), "{}", r.stderr);
    if Path::new("/proc/version").is_file() {
        let r = run(&["translate", "--to", "alibaba-fc3", "--report", "/proc/version", PUT]);
        assert_eq!(r.code, 2);
        assert!(r.stdout.is_empty());
        assert!(r.stderr.contains("cannot create a file in /proc"), "{}", r.stderr);
    }
}

/// Item 14: messages name the flags `translate` has.
#[test]
fn item14_messages_name_translate_flags() {
    let r = run_stdin(&["translate", "--to", "huawei"], br#"{"retries": 1}"#);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--from") && !r.stderr.contains("--dialect"), "{}", r.stderr);
}

/// Item 5: losing a service is a warning, so `--strict` refuses it.
#[test]
fn item5_service_loss_is_a_warning() {
    let r = run(&[
        "translate",
        "--to",
        "alibaba-fc3",
        "--strict",
        &abs("fixtures/alibaba-fc2/valid/seed-put-response.json"),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("warning[T106] service `demo-service` is not carried"), "{}", r.stderr);
}

/// Item 6: `destinations` entries keyed `DIS:...` / `OBS:...` are read backwards.
#[test]
fn item6_huawei_keyed_entries_are_read_backwards() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("m.json");
    std::fs::write(
        &map,
        r#"{"destinations": {"DIS:jobs": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages", "OBS:results": "acs:mns:cn-shanghai:1234567890123456:/queues/results/messages"}}"#,
    )
    .unwrap();
    let body = br#"{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"}, "onSuccess": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/results/messages"}}}"#;
    let r = run_stdin(&["translate", "--to", "huawei", "--map", map.to_str().unwrap()], body);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["destination_config"]["on_failure"]["destination"], "DIS");
    assert_eq!(v["destination_config"]["on_failure"]["param"], r#"{"stream_name":"jobs"}"#);
    assert_eq!(v["destination_config"]["on_success"]["destination"], "OBS");
}

/// Item 18: output files are created as any program's are (0666 less the umask), not 0600.
#[cfg(unix)]
#[test]
fn item18_outputs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fc3.json");
    let r = run(&["translate", "--to", "alibaba-fc3", "-o", out.to_str().unwrap(), PUT]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    // The test runner's umask is unknown; group or other read is what a 0600 temp file never has
    // unless the umask is 077, in which case both are 0600.
    let probe = dir.path().join("probe");
    std::fs::write(&probe, b"").unwrap();
    assert_eq!(mode, std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777);
}

/// Item 18: huge integers are too large, not floats.
#[test]
fn item18_huge_integers_are_out_of_range() {
    let r = run_stdin(&["translate", "--to", "huawei"], br#"{"maxAsyncRetryAttempts": 18446744073709551616}"#);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("too large for a 64-bit integer") && !r.stderr.contains("e+19"), "{}", r.stderr);
}
