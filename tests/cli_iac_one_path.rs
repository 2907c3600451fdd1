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
    let r = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", &tf], None);
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
    let r = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", &tf], None);
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
    let r = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", &yaml], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(std::fs::read_to_string(&yaml).unwrap().contains("        maxAsyncRetryAttempts: 1\n"));
}

const TYPO_RESOURCE: &str = "resource \"aws_lambda_function_event_invoke_config\" \"example\" {\n  function_name               = \"orders\"\n  maximum_retry_attempt       = 1\n  maximum_event_age_in_second = 600\n  destination_configs {\n    on_failure {\n      destination = \"arn:aws:sqs:us-east-1:123456789012:dlq\"\n    }\n  }\n}\n";

#[test]
fn item_3_misspelt_arguments_and_blocks_are_named_by_t105_and_strict_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let tf = write(dir.path(), "main.tf", TYPO_RESOURCE);
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "--allow-lossy", "--function", HUAWEI_URN, &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (name, line, help) in [
        ("maximum_retry_attempt", "3:3", "did you mean `maximum_retry_attempts`?"),
        ("maximum_event_age_in_second", "4:3", "did you mean `maximum_event_age_in_seconds`?"),
        ("destination_configs", "5:3", "did you mean `destination_config`?"),
    ] {
        let note = format!(
            "warning[T105] {line}: aws_lambda_function_event_invoke_config.example: `{name}` is no aws_lambda_function_event_invoke_config argument and is not carried"
        );
        assert!(r.stderr.contains(&note), "{note}\n{}", r.stderr);
        assert!(r.stderr.contains(help), "{help}\n{}", r.stderr);
    }
    // The JSON twin of a misspelt key gets T105 too.
    let twin = write(dir.path(), "twin.json", "{\"FunctionName\": \"orders\", \"MaximumRetryAttempt\": 1}");
    let r =
        run_in(dir.path(), &["translate", "--to", "huawei", "--allow-lossy", "--function", HUAWEI_URN, &twin], None);
    assert!(r.stderr.contains("warning[T105]"), "{}", r.stderr);
    // --strict refuses, and writes nothing.
    let out = dir.path().join("out.tf");
    let r = run_in(
        dir.path(),
        &["translate", "--to", "huawei", "--strict", "--function", HUAWEI_URN, &tf, "-o", out.to_str().unwrap()],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("refused by --strict"), "{}", r.stderr);
    assert!(!out.exists());
}

const HUAWEI_EXAMPLE: &str = "fixtures/terraform/read/huawei-smn.tf";

#[test]
fn item_4_a_resource_already_of_the_target_type_is_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(common::root().join(HUAWEI_EXAMPLE)).unwrap();
    // The provider's example, plus what a rewrite used to destroy: a region, a
    // reference, a `dynamic` block, odd formatting and comments.
    let mut source = example.replace(
        "  enable_async_status_log        = true\n",
        "  enable_async_status_log        = true\n  region = \"cn-north-4\" # 北京四\n",
    );
    source.push_str("\nresource \"huaweicloud_fgs_async_invoke_configuration\" \"dyn\" {\n  function_urn = var.function_urn\n  max_async_event_age_in_seconds = 60\n  max_async_retry_attempts = 0\n  dynamic \"on_failure\" {\n    for_each = var.dlq == null ? [] : [var.dlq]\n    content {\n      destination = \"SMN\"\n      param = jsonencode({ topic_urn = on_failure.value })\n    }\n  }\n}\n");
    let tf = write(dir.path(), "main.tf", &source);
    for args in [vec!["--to", "huawei"], vec!["--to", "huawei", "--strict"]] {
        let out = dir.path().join("out.tf");
        let mut all = vec!["translate"];
        all.extend(args);
        all.extend([tf.as_str(), "-o", out.to_str().unwrap()]);
        let r = run_in(dir.path(), &all, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), source, "the file must be byte-identical");
    }
    // In a mixed file, the huaweicloud resources are byte-identical too.
    let alicloud = "resource \"alicloud_fc_function_async_invoke_config\" \"other\" {\n  service_name  = \"media\"\n  function_name = \"resize\"\n}\n\n";
    let mixed = write(dir.path(), "mixed.tf", &format!("{alicloud}{source}"));
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "--function", HUAWEI_URN, &mixed], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.ends_with(&source), "{}", r.stdout);
    assert!(
        r.stdout.starts_with("resource \"huaweicloud_fgs_async_invoke_configuration\" \"other\" {"),
        "{}",
        r.stdout
    );
}

#[test]
fn item_5_no_duplicate_address_is_ever_written() {
    let dir = tempfile::tempdir().unwrap();
    let source = format!(
        "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {{\n  service_name  = \"svc\"\n  function_name = \"orders\"\n}}\n\nresource \"huaweicloud_fgs_async_invoke_configuration\" \"orders\" {{\n  function_urn                   = \"{HUAWEI_URN}\"\n  max_async_event_age_in_seconds = 3600\n  max_async_retry_attempts       = 2\n}}\n\nresource \"aws_lambda_function_event_invoke_config\" \"orders\" {{\n  function_name = \"orders\"\n}}\n\nresource \"aws_lambda_function_event_invoke_config\" \"orders_aws\" {{\n  function_name = \"orders\"\n}}\n"
    );
    let tf = write(dir.path(), "main.tf", &source);
    let r = run_in(dir.path(), &["translate", "--to", "huawei", "--function", HUAWEI_URN, &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let labels: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("resource \"huaweicloud_fgs_async_invoke_configuration\" \""))
        .map(|l| l.trim_end_matches("\" {"))
        .collect();
    // The huaweicloud `orders` keeps its name; the others are renamed in file order.
    assert_eq!(labels, ["orders_alicloud", "orders", "orders_aws", "orders_aws_aws"]);
    for label in ["orders_alicloud", "orders_aws", "orders_aws_aws"] {
        let note = format!("written as `huaweicloud_fgs_async_invoke_configuration.{label}`");
        assert!(r.stderr.contains(&note), "{note}\n{}", r.stderr);
    }
    assert!(r.stderr.contains("info[T407]"), "{}", r.stderr);
}

#[test]
fn item_6_comments_inside_a_rewritten_resource_are_carried() {
    let dir = tempfile::tempdir().unwrap();
    let source = "resource \"alicloud_fc_function_async_invoke_config\" \"orders\" {\r\n\tservice_name  = \"svc\" // the service\r\n  function_name = \"orders\"\r\n  # retry up to 10 times\r\n  maximum_retry_attempts = 1 # one retry is enough\r\n  // 事件最长保留时间 🕒\r\n  maximum_event_age_in_seconds = 600\r\n  maximum_retry_attempt = 2 # a typo, kept as a comment\r\n  destination_config {\r\n    # failures go to the topic\r\n    on_failure {\r\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/topics/dlq/messages\" /* the topic */\r\n    }\r\n  }\r\n  count = 1 # one of them\r\n  /* the end */\r\n}\r\n";
    let tf = write(dir.path(), "main.tf", source);
    let map = common::root().join("fixtures/mapping/seed.json");
    let out = dir.path().join("out.tf");
    let args = ["translate", "--to", "huawei", "--map", map.to_str().unwrap(), &tf, "-o", out.to_str().unwrap()];
    let r = run_in(dir.path(), &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    // Each comment above the argument it annotated, under its new name.
    for (comment, argument) in [
        ("# one of them", "count = 1"),
        ("// the service", "function_urn ="),
        ("// 事件最长保留时间 🕒", "max_async_event_age_in_seconds = 600"),
        ("# retry up to 10 times\r\n  # one retry is enough", "max_async_retry_attempts = 1"),
        ("# failures go to the topic\r\n    /* the topic */", "destination = \"SMN\""),
    ] {
        let at = text.find(comment).unwrap_or_else(|| panic!("`{comment}` is lost:\n{text}"));
        let next = text[at + comment.len()..].trim_start();
        assert!(next.starts_with(argument), "`{comment}` is not above `{argument}`:\n{text}");
    }
    // A comment whose argument has no counterpart stays in the resource; its argument has its note.
    assert!(text.contains("  # a typo, kept as a comment\r\n  /* the end */\r\n}"), "{text}");
    assert!(r.stderr.contains("`maximum_retry_attempt` is no"), "{}", r.stderr);
    // CRLF kept; the output is what `terraform fmt` writes (when Terraform is here).
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    if let Ok(fmt) =
        std::process::Command::new("terraform").args(["fmt", "-check", "out.tf"]).current_dir(dir.path()).output()
    {
        assert!(fmt.status.success(), "terraform fmt -check: {}", String::from_utf8_lossy(&fmt.stdout));
    }
}

#[test]
fn same_provider_law_every_terraform_fixture_of_one_type_is_byte_identical() {
    let dir = common::root().join("fixtures/terraform");
    let mut checked = 0;
    for entry in walk(&dir) {
        let source = std::fs::read_to_string(&entry).unwrap();
        let Ok(found) = invokecfg_iac::terraform::read(&source) else { continue };
        let dialects: std::collections::BTreeSet<&str> = found.iter().map(|f| f.dialect).collect();
        let [dialect] = dialects.into_iter().collect::<Vec<_>>()[..] else { continue };
        let r = run_in(&common::root(), &["translate", "--to", dialect, entry.to_str().unwrap()], None);
        assert_eq!(r.code, 0, "{}: {}", entry.display(), r.stderr);
        assert_eq!(r.stdout, source, "{} --to {dialect} changed bytes", entry.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures checked");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "tf") {
            out.push(p);
        }
    }
    out.sort();
    out
}

const ROS_WITH_INTRINSICS: &str = "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Service:\n    Type: ALIYUN::FC::Service\n    Properties:\n      ServiceName: reports\n  Function:\n    Type: ALIYUN::FC::Function\n    Properties:\n      ServiceName:\n        Fn::GetAtt: [Service, ServiceName]\n      FunctionName: daily\n      Handler: index.handler\n      Runtime: python3.9\n      AsyncConfiguration:\n        Destination:\n          OnFailure: acs:fc:cn-shanghai:1234567890123456:services/reports.LATEST/functions/alert\n        MaxAsyncRetryAttempts:\n          Ref: Retries\n        MaxAsyncEventAgeInSeconds: 600\n";

#[test]
fn item_9_ros_intrinsics_are_never_spliced_into_an_identifier() {
    let dir = tempfile::tempdir().unwrap();
    let yml = write(dir.path(), "template.yml", ROS_WITH_INTRINSICS);
    let map = common::root().join("fixtures/mapping/seed.json");
    for extra in [&[][..], &["--format", "terraform"][..]] {
        let out = dir.path().join(if extra.is_empty() { "out.json" } else { "out.tf" });
        let mut args = vec!["translate", "--to", "huawei", "--map", map.to_str().unwrap(), &yml, "-o"];
        args.push(out.to_str().unwrap());
        args.extend(extra);
        let r = run_in(dir.path(), &args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains("invokecfgexpr"), "{text}");
        // No expression text in any value (a `# invokecfg:` comment may name it).
        let values: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
        for leaked in ["Fn::GetAtt", "Ref:", "Retries"] {
            assert!(values.iter().all(|l| !l.contains(leaked)), "`{leaked}` in the output:\n{text}");
        }
        assert!(!r.stderr.contains("invokecfgexpr"), "{}", r.stderr);
        // Each expression named as written, the identity one saying what it costs.
        assert!(
            r.stderr.contains(
                "`Fn::GetAtt: [Service, ServiceName]` is an expression the translation to huawei cannot carry; the output names no function"
            ),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("`Ref: Retries` is an expression the translation to huawei cannot carry"),
            "{}",
            r.stderr
        );
        // What is written passes the project's own lint.
        let lint = run_in(dir.path(), &["lint", "--format", "json", out.to_str().unwrap()], None);
        let report: Value = serde_json::from_str(&lint.stdout).unwrap();
        let errors: Vec<&Value> =
            report["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
        assert!(errors.iter().all(|f| f["code"] == "S116"), "{errors:?}");
    }
}

#[test]
fn item_12_the_mapping_file_names_the_fc2_service_of_fc3_functions() {
    let dir = tempfile::tempdir().unwrap();
    let resource = |name: &str, dest: &str| {
        format!(
            "resource \"alicloud_fcv3_async_invoke_config\" \"{name}\" {{\n  function_name = \"{name}\"\n  destination_config {{\n    on_failure {{\n      destination = \"acs:fc:cn-shanghai:1234567890123456:functions/{dest}\"\n    }}\n  }}\n}}\n"
        )
    };
    let tf = write(
        dir.path(),
        "main.tf",
        &format!("{}\n{}", resource("orders", "orders-audit"), resource("billing", "billing-audit")),
    );
    // Without an entry: refused, naming the entry to add.
    let r = run_in(dir.path(), &["translate", "--to", "alibaba-fc2", &tf], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("add \"services\": {\"orders-audit\": \"<service>\"} to the mapping file"),
        "{}",
        r.stderr
    );
    // Per function, with a default: every resource of the file translates.
    let map = write(dir.path(), "map.json", "{\"services\": {\"orders-audit\": \"audit\", \"\": \"shop\"}}");
    let r = run_in(dir.path(), &["translate", "--to", "alibaba-fc2", "--map", &map, &tf], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in [
        "  service_name           = \"shop\"\n  function_name          = \"orders\"\n",
        "destination = \"acs:fc:cn-shanghai:1234567890123456:services/audit/functions/orders-audit\"",
        "destination = \"acs:fc:cn-shanghai:1234567890123456:services/shop/functions/billing-audit\"",
    ] {
        assert!(r.stdout.contains(line), "{line}\n{}", r.stdout);
    }
    assert!(r.stderr.contains("by the mapping file's `services` entry `\"orders-audit\"`"), "{}", r.stderr);
    assert!(r.stderr.contains("by the mapping file's `services` entry `\"\"`"), "{}", r.stderr);
    // lint --target says the same with the same mapping.
    let lint = findings(dir.path(), &["--target", "alibaba-fc2", "--map", &map, &tf]);
    assert!(lint.iter().all(|(_, severity, _)| severity != "error"), "{lint:?}");
}
