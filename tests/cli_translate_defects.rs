//! End-to-end tests of issue 20's "smaller translation defects", each named
//! after the defect it holds fixed (and the syntax-error pointer of the reader).

mod common;

use common::*;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write input");
    path.to_string_lossy().into_owned()
}

/// A Huawei document without `func_urn`, translated to FC 2.0 with an FC 3.0
/// ARN as `--function`, wrote `{"function": "x"}` with no service and no note;
/// every path that leaves FC 2.0 output without a service now says so (T207).
#[test]
fn fc2_output_without_a_service_always_says_so() {
    let doc = br#"{"max_async_event_age_in_seconds": 3600, "max_async_retry_attempts": 1}"#;
    let fc3_arn = "acs:fc:cn-shanghai:1234567890123456:functions/x";
    let r = run_stdin(&["translate", "--to", "alibaba-fc2", "--function", fc3_arn, "-"], doc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"function\": \"x\"") && !r.stdout.contains("\"service\""), "{}", r.stdout);
    assert!(
        r.stderr.contains("info[T207] FC 2.0 names a function by service; the output has no `service`"),
        "{}",
        r.stderr
    );
    // The FC 3.0 document's path says the same, as before.
    let doc = br#"{"functionArn": "acs:fc:cn-shanghai:1234567890123456:functions/x", "maxAsyncRetryAttempts": 1}"#;
    let r = run_stdin(&["translate", "--to", "alibaba-fc2", "-"], doc);
    assert!(r.stderr.contains("info[T207]"), "{}", r.stderr);
    // A `--function` with a service names it: no T207.
    let fc2_arn = "acs:fc:cn-shanghai:1234567890123456:services/orders/functions/x";
    let r = run_stdin(&["translate", "--to", "alibaba-fc2", "--function", fc2_arn, "-"], doc);
    assert!(!r.stderr.contains("T207"), "{}", r.stderr);
}

/// The T211 help for a function name invalid on FunctionGraph no longer
/// starts with "map the service with a `packages` entry", which cannot change
/// a function name: it names only `--function`.
#[test]
fn t211_help_names_only_what_can_fix_the_name() {
    let doc = br#"{"service": "orders", "function": "_private_fn", "maxAsyncRetryAttempts": 1}"#;
    let arn = "acs:fc:cn-shanghai:1234567890123456:services/orders/functions/_private_fn";
    let r = run_stdin(&["translate", "--to", "huawei", "--function", arn, "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let help = r.stderr.lines().skip_while(|l| !l.contains("error[T211]")).nth(1).unwrap_or_default().to_string();
    assert!(help.contains("help: translate with --function naming the target function"), "{}", r.stderr);
    assert!(!help.contains("packages"), "{help}");
}

/// A `destinations` entry mapping `OBS:async-results` to an MNS queue drops
/// the OBS `prefix` and `expires`: the settings not carried are named.
#[test]
fn destinations_entry_names_the_settings_not_carried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = write(
        &dir,
        "obs.json",
        r#"{"func_urn": "urn:fss:cn-east-3:0123456789abcdef0123456789abcdef:function:default:orders:latest",
 "max_async_retry_attempts": 1,
 "destination_config": {"on_success": {"destination": "OBS", "param": "{\"bucket\":\"async-results\",\"prefix\":\"/success\",\"expires\":30}"}}}"#,
    );
    let map = write(
        &dir,
        "map.json",
        r#"{"regions": {"cn-shanghai": "cn-east-3"}, "accounts": {"1234567890123456": "0123456789abcdef0123456789abcdef"},
 "destinations": {"OBS:async-results": "acs:mns:cn-shanghai:1234567890123456:/queues/results/messages"}}"#,
    );
    let r = run(&["translate", "--to", "alibaba-fc3", "--map", &map, &doc]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("info[T206]"), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning[T106] destination `OBS:async-results`: `prefix` (\"/success\"), `expires` (30) not carried"
        ),
        "{}",
        r.stderr
    );
    // `--strict` refuses the loss.
    let r = run(&["translate", "--to", "alibaba-fc3", "--strict", "--map", &map, &doc]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

/// A Lambda function ARN qualified `$LATEST.PUBLISHED`, translated to
/// huawei, gets one verdict (the T203 refusal), not a T205 "kept as it is"
/// beside it; and a `FunctionArn` ending in it is checked against the
/// model's `FunctionArn` pattern (I317).
#[test]
fn latest_published_gets_one_verdict_and_function_arn_is_checked() {
    let doc = br#"{"FunctionName": "arn:aws:lambda:us-east-1:210987654321:function:orders:$LATEST.PUBLISHED", "MaximumRetryAttempts": 1}"#;
    let r = run_stdin(&["translate", "--to", "huawei", "--map", "fixtures/mapping/full.json", "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("error[T203] qualifier `$LATEST.PUBLISHED` is not valid on FunctionGraph"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("T205"), "{}", r.stderr);
    let doc = br#"{"FunctionArn": "arn:aws:lambda:us-east-1:210987654321:function:orders:$LATEST.PUBLISHED", "LastModified": 1700000000.0}"#;
    let r = run_stdin(&["lint", "--stdin-filename", "get.json", "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("I317 [error] qualifier `$LATEST.PUBLISHED` is admitted in a request's"), "{}", r.stdout);
}

/// An FC 3.0 list names items without a qualifier: `:live` and `:$LATEST`
/// items became the same unqualified `functionArn` and only the `live` loss
/// was noted. Each item's qualifier is now accounted for.
#[test]
fn fc3_list_notes_every_qualifier_it_cannot_carry() {
    let doc = br#"{"FunctionEventInvokeConfigs": [
 {"FunctionArn": "arn:aws:lambda:us-east-1:210987654321:function:orders:live", "LastModified": 1700000000.0, "MaximumRetryAttempts": 1},
 {"FunctionArn": "arn:aws:lambda:us-east-1:210987654321:function:orders:$LATEST", "LastModified": 1700000000.0, "MaximumRetryAttempts": 2}
]}"#;
    let r = run_stdin(&["translate", "--to", "alibaba-fc3", "--map", "fixtures/mapping/full.json", "-"], doc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.matches("\"functionArn\": \"acs:fc:us-east-1:6543210987654321:functions/orders\"").count(),
        2,
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("warning[T106] qualifier `live` is not carried"), "{}", r.stderr);
    assert!(r.stderr.contains("/FunctionEventInvokeConfigs/0/FunctionArn"), "{}", r.stderr);
    assert!(r.stderr.contains("info[T111] qualifier `$LATEST` is not carried"), "{}", r.stderr);
    assert!(r.stderr.contains("/FunctionEventInvokeConfigs/1/FunctionArn"), "{}", r.stderr);
}

/// A syntax error inside a member's value (`"maxAsyncEventAgeInSeconds": ,`)
/// points at that member, not at the previous one (SARIF fingerprints carry it).
#[test]
fn syntax_error_inside_a_value_points_at_its_member() {
    let doc =
        b"{\n  \"maxAsyncRetryAttempts\": 3,\n  \"maxAsyncEventAgeInSeconds\": ,\n  \"statefulInvocation\": true\n}\n";
    let r = run_stdin(&["lint", "--format", "json", "--stdin-filename", "fc2.json", "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("a JSON report");
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "S101", "{}", r.stdout);
    assert_eq!(finding["pointer"], "/maxAsyncEventAgeInSeconds", "{}", r.stdout);
    assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(3), Some(32)), "{}", r.stdout);
    // Between members the pointer is still the last complete member's.
    let doc = b"{\"maxAsyncRetryAttempts\": 3 \"statefulInvocation\": true}";
    let r = run_stdin(&["lint", "--format", "json", "--stdin-filename", "fc2.json", "-"], doc);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("a JSON report");
    assert_eq!(report["findings"][0]["pointer"], "/maxAsyncRetryAttempts", "{}", r.stdout);
}
