//! Issue #18, "One path for every surface": one test per numbered item,
//! through the binary, each comparing the Terraform file with its API JSON
//! twin where the item is about agreement.

mod common;

use common::run_in;
use serde_json::Value;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// `(code, severity, fixable)` of every finding `lint --format json` gives for `file`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, bool)> {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let r = run_in(dir, &all, None);
    let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    let mut out: Vec<(String, String, bool)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (f["code"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string(), !f["fix"].is_null())
        })
        .collect();
    out.sort();
    out
}

fn owned(list: &[(&str, &str, bool)]) -> Vec<(String, String, bool)> {
    list.iter().map(|(c, s, f)| (c.to_string(), s.to_string(), *f)).collect()
}

const HUAWEI_URN: &str = "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:orders:latest";

#[test]
fn item_1_a_terraform_resource_is_a_request() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(
        dir.path(),
        "main.tf",
        &format!(
            "resource \"huaweicloud_fgs_async_invoke_configuration\" \"test\" {{\n  function_urn                   = \"{HUAWEI_URN}\"\n  max_async_event_age_in_seconds = 172800\n  max_async_retry_attempts       = 5\n}}\n"
        ),
    );
    let twin = write(
        dir.path(),
        "twin.json",
        &format!(
            "{{\"func_urn\": \"{HUAWEI_URN}\", \"max_async_event_age_in_seconds\": 172800, \"max_async_retry_attempts\": 5}}"
        ),
    );
    let expected = owned(&[("R201", "error", true), ("R202", "error", true)]);
    assert_eq!(findings(dir.path(), &[&tf]), expected);
    // The JSON twin is a request when it says so: without response-only keys.
    let request_twin = write(
        dir.path(),
        "request.json",
        "{\"max_async_event_age_in_seconds\": 172800, \"max_async_retry_attempts\": 5}",
    );
    assert_eq!(findings(dir.path(), &[&request_twin]), expected);
    // A response holding the same values is told apart by its keys (R203), never a resource.
    assert!(findings(dir.path(), &[&twin]).iter().all(|(c, _, _)| c == "R203"));
    // --fix clamps the resource, as it clamps the JSON request.
    let r = run_in(dir.path(), &["lint", "--fix", &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fixed = std::fs::read_to_string(&tf).unwrap();
    assert!(fixed.contains("max_async_event_age_in_seconds = 86400\n"), "{fixed}");
    assert!(fixed.contains("max_async_retry_attempts       = 3\n"), "{fixed}");
}

#[test]
fn item_2_quoted_primitives_are_read_as_their_values() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(
        dir.path(),
        "main.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"default\" {\n  function_name            = \"orders\"\n  max_async_retry_attempts = \"1\"\n  async_task               = \"true\"\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&tf]), owned(&[("S117", "info", true), ("S117", "info", true)]));
    // translate carries the values (no T001 refusal).
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "--function", HUAWEI_URN, &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("max_async_retry_attempts       = 1\n"), "{}", r.stdout);
    assert!(r.stdout.contains("enable_async_status_log        = true\n"), "{}", r.stdout);
    // The safe fix unquotes them.
    let r = run_in(dir.path(), &["lint", "--fix", &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fixed = std::fs::read_to_string(&tf).unwrap();
    assert!(fixed.contains("max_async_retry_attempts = 1\n") && fixed.contains("async_task               = true\n"));
    // A quoted value Terraform cannot convert stays an error.
    let bad = write(
        dir.path(),
        "bad.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"default\" {\n  function_name            = \"orders\"\n  max_async_retry_attempts = \"one\"\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&bad]), owned(&[("S108", "error", false)]));
}

#[test]
fn item_11_fcv3_zero_arguments_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(
        dir.path(),
        "main.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"default\" {\n  function_name                  = \"orders\"\n  max_async_event_age_in_seconds = 0\n  max_async_retry_attempts       = 0\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&tf]), owned(&[("R206", "warning", false), ("R206", "warning", false)]));
    let r = run_in(dir.path(), &["lint", &tf], None);
    assert_eq!(r.code, 0, "warnings only: {}", r.stdout);
    assert!(r.stdout.contains("the API's default 3 applies"), "{}", r.stdout);
}

#[test]
fn item_7_an_empty_destination_block_gets_m405_as_its_json_twin() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(
        dir.path(),
        "main.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"default\" {\n  function_name            = \"orders\"\n  max_async_retry_attempts = 1\n\n  destination_config {}\n}\n",
    );
    let twin = write(dir.path(), "twin.json", "{\"maxAsyncRetryAttempts\": 1, \"destinationConfig\": {}}");
    let expected = owned(&[("M405", "info", false)]);
    assert_eq!(findings(dir.path(), &[&twin]), expected);
    assert_eq!(findings(dir.path(), &[&tf]), expected);
    // Pointed at the block's name, in the file's words.
    let r = run_in(dir.path(), &["lint", &tf], None);
    assert!(r.stdout.contains("main.tf:5:3: M405"), "{}", r.stdout);
    // An empty slot inside the block, and the s.yaml mapping, say the same.
    let slot = write(
        dir.path(),
        "slot.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"default\" {\n  function_name = \"orders\"\n  destination_config {\n    on_failure {}\n  }\n}\n",
    );
    let slot_twin = write(dir.path(), "slot.json", "{\"destinationConfig\": {\"onFailure\": {}}}");
    assert_eq!(findings(dir.path(), &[&slot]), findings(dir.path(), &[&slot_twin]));
    assert!(findings(dir.path(), &[&slot]).iter().any(|(c, _, _)| c == "M405"));
    std::fs::create_dir(dir.path().join("app")).unwrap();
    let yaml = write(
        &dir.path().join("app"),
        "s.yaml",
        "edition: 3.0.0\nname: app\nresources:\n  orders:\n    component: fc3\n    props:\n      functionName: orders\n      asyncInvokeConfig:\n        maxAsyncRetryAttempts: 1\n        destinationConfig: {}\n",
    );
    assert_eq!(findings(dir.path(), &[&yaml]), expected);
}

/// `(code, severity)` of the P5xx findings of `lint --target`, and its exit code.
fn portability(dir: &Path, args: &[&str]) -> (Vec<(String, String)>, i32) {
    let mut all = vec!["lint", "--format", "json", "--select", "P"];
    all.extend_from_slice(args);
    let r = run_in(dir, &all, None);
    let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    let mut out: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    (out, r.code)
}

#[test]
fn item_10_lint_target_severities_are_the_translators_verdict() {
    let dir = tempfile::tempdir().unwrap();
    // An fcv3 resource never carries region and account: translate writes a
    // body without `func_urn` (T207 info), so lint says info, not error.
    let fc3 = write(
        dir.path(),
        "fc3.tf",
        "resource \"alicloud_fcv3_async_invoke_config\" \"orders\" {\n  function_name            = \"orders\"\n  max_async_retry_attempts = 1\n}\n",
    );
    let t = run_in(dir.path(), &["translate", "--to", "huawei", &fc3], None);
    assert_eq!(t.code, 0, "{}", t.stderr);
    assert!(t.stderr.contains("info[T207]"), "{}", t.stderr);
    assert_eq!(portability(dir.path(), &["--target", "huawei", &fc3]), (vec![("P507".into(), "info".into())], 0));
    // An account with no project: both refuse without the mapping file and
    // both accept with it (`--map` is honoured by lint as by translate).
    let fc2 = write(
        dir.path(),
        "fc2.tf",
        "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {\n  service_name                 = \"demo-service\"\n  function_name                = \"orders\"\n  maximum_event_age_in_seconds = 3600\n\n  destination_config {\n    on_failure {\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages\"\n    }\n  }\n}\n",
    );
    let map = common::root().join("fixtures/mapping/seed.json");
    let map = map.to_str().unwrap();
    let t = run_in(dir.path(), &["translate", "--to", "huawei", &fc2], None);
    assert_eq!(t.code, 1, "refused: {}", t.stderr);
    let (found, code) = portability(dir.path(), &["--target", "huawei", &fc2]);
    assert_eq!(code, 1);
    assert!(found.contains(&("P507".into(), "error".into())), "{found:?}");
    let t = run_in(dir.path(), &["translate", "--to", "huawei", "--map", map, &fc2], None);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let (found, code) = portability(dir.path(), &["--target", "huawei", "--map", map, &fc2]);
    assert_eq!(code, 0, "{found:?}");
    assert!(found.iter().all(|(_, severity)| severity != "error"), "{found:?}");
}

#[test]
fn item_8_fix_renames_misspelt_arguments_and_corrects_string_values() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(
        dir.path(),
        "main.tf",
        "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {\n  service_name                = \"demo\"\n  function_name               = \"orders\"\n  maximum_retry_attempt       = 1\n  maximum_event_age_in_second = 600\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&tf]), owned(&[("S106", "error", true), ("S106", "error", true)]));
    let r = run_in(dir.path(), &["lint", "--fix", &tf], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let fixed = std::fs::read_to_string(&tf).unwrap();
    assert!(fixed.contains("  maximum_retry_attempts       = 1\n"), "{fixed}");
    assert!(fixed.contains("  maximum_event_age_in_seconds = 600\n"), "{fixed}");
    // No rename onto a name already written, nor two names onto one.
    let taken = write(
        dir.path(),
        "taken.tf",
        "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {\n  service_name           = \"demo\"\n  function_name          = \"orders\"\n  maximum_retry_attempts = 1\n  maximum_retry_attempt  = 2\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&taken]), owned(&[("S106", "error", false)]));
    let twice = write(
        dir.path(),
        "twice.tf",
        "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {\n  service_name          = \"demo\"\n  function_name         = \"orders\"\n  maximum_retry_attempt = 1\n  maximum_retry_attemps = 2\n}\n",
    );
    assert_eq!(findings(dir.path(), &[&twice]), owned(&[("S106", "error", false), ("S106", "error", false)]));
    // I310: the destination kind's case, written as an HCL string, as its JSON twin gets it.
    let huawei = write(
        dir.path(),
        "huawei.tf",
        &format!(
            "resource \"huaweicloud_fgs_async_invoke_configuration\" \"orders\" {{\n  function_urn                   = \"{HUAWEI_URN}\"\n  max_async_event_age_in_seconds = 3600\n  max_async_retry_attempts       = 2\n\n  on_failure {{\n    destination = \"obs\"\n    param       = jsonencode({{ bucket = \"b\", prefix = \"p\", expires = 0 }})\n  }}\n}}\n"
        ),
    );
    let twin = write(
        dir.path(),
        "twin.json",
        &format!(
            "{{\"func_urn\": \"{HUAWEI_URN}\", \"max_async_event_age_in_seconds\": 3600, \"max_async_retry_attempts\": 2, \"destination_config\": {{\"on_failure\": {{\"destination\": \"obs\", \"param\": \"{{\\\"bucket\\\": \\\"b\\\", \\\"prefix\\\": \\\"p\\\", \\\"expires\\\": 0}}\"}}}}}}"
        ),
    );
    let twin_findings: Vec<_> = findings(dir.path(), &[&twin]).into_iter().filter(|(c, _, _)| c == "I310").collect();
    assert_eq!(twin_findings, owned(&[("I310", "error", true)]));
    assert_eq!(findings(dir.path(), &[&huawei]), twin_findings);
    let r = run_in(dir.path(), &["lint", "--fix", &huawei], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(std::fs::read_to_string(&huawei).unwrap().contains("    destination = \"OBS\"\n"));
    // s.yaml keys are API keys: the same rename.
    std::fs::create_dir(dir.path().join("app")).unwrap();
    let yaml = write(
        &dir.path().join("app"),
        "s.yaml",
        "edition: 3.0.0\nname: app\nresources:\n  orders:\n    component: fc3\n    props:\n      functionName: orders\n      asyncInvokeConfig:\n        maxAsyncRetryAttempt: 1\n",
    );
    assert_eq!(findings(dir.path(), &[&yaml]), owned(&[("S106", "error", true)]));
    let r = run_in(dir.path(), &["lint", "--fix", &yaml], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(std::fs::read_to_string(&yaml).unwrap().contains("        maxAsyncRetryAttempts: 1\n"));
}
