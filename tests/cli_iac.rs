//! End-to-end tests of `lint` and `translate` on Terraform files: the "Done
//! when" points of issue #11 that concern `.tf` files, one test each, and the
//! independent readers (`terraform fmt -check`, PyPI `python-hcl2`) on the output.

mod common;

use common::{root, run, run_in};
use std::path::{Path, PathBuf};
use std::process::Command;

const FC2_EXAMPLE: &str = "fixtures/terraform/read/fc2-mns-topic.tf";
const RESOURCE_HEADER: &str = "resource \"alicloud_fc_function_async_invoke_config\" \"process\" {";

fn translate_example(dir: &Path) -> (String, String, common::Run) {
    let source = std::fs::read_to_string(root().join(FC2_EXAMPLE)).unwrap();
    let input = dir.join("main.tf");
    std::fs::write(&input, &source).unwrap();
    let out = dir.join("huawei.tf");
    let seed = root().join("fixtures/mapping/seed.json");
    let r = run(&[
        "translate",
        "--to",
        "huawei",
        "--map",
        seed.to_str().unwrap(),
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    (source, text, r)
}

#[test]
fn fc2_example_translates_to_a_huaweicloud_resource_and_keeps_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (source, text, r) = translate_example(dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(text.contains("resource \"huaweicloud_fgs_async_invoke_configuration\" \"process\" {"), "{text}");
    assert!(text.contains("  max_async_event_age_in_seconds = 86400\n"), "{text}");
    assert!(
        text.contains("param       = jsonencode({ topic_urn = \"urn:smn:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:order-failures\" })"),
        "{text}"
    );
    assert!(r.stderr.contains("warning[T101]") && r.stderr.contains("604800"), "{}", r.stderr);
    // Every byte before and after the resource is the source's.
    let start = source.find(RESOURCE_HEADER).unwrap();
    let end = start + source[start..].find("\n}\n").unwrap() + 2;
    assert!(text.starts_with(&source[..start]));
    assert!(text.ends_with(&source[end..]));
    if let Some(ok) = terraform_fmt_check(&text) {
        assert!(ok, "terraform fmt -check rejects:\n{text}");
    }
}

#[test]
fn lint_reports_an_out_of_range_retry_count_at_the_argument() {
    let r = run_in(&root(), &["lint", "fixtures/terraform/read/fc2-retries-out-of-range.tf"], None);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "fc2-retries-out-of-range.tf:12:28: R202 [error] `maximum_retry_attempts` (API `maxAsyncRetryAttempts`) is 12"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn lint_reports_nothing_for_a_file_of_other_resources() {
    let r = run_in(&root(), &["lint", "fixtures/terraform/read/no-config.tf"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("no-config.tf:"), "{}", r.stdout);
}

#[test]
fn lint_reports_a_missing_required_argument_at_the_resource() {
    let r = run(&["lint", "--select", "S116", "fixtures/terraform/read/missing-required-arguments.tf"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let at = |line: u32| format!("missing-required-arguments.tf:{line}:10: S116 [error]");
    for line in [2, 11, 16, 20] {
        assert!(r.stdout.contains(&at(line)), "{}", r.stdout);
    }
    assert!(r.stdout.contains("lacks `max_async_event_age_in_seconds`"), "{}", r.stdout);
    // The complete resource (line 25) has everything its schema requires.
    assert!(!r.stdout.contains(&at(25)), "{}", r.stdout);
    let ignored =
        run(&["lint", "--ignore", "S116", "--select", "S", "fixtures/terraform/read/missing-required-arguments.tf"]);
    assert!(!ignored.stdout.contains("S116"), "{}", ignored.stdout);
}

#[test]
fn directory_walks_take_tf_files_and_skip_those_without_configs_silently() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["fc2-retries-out-of-range.tf", "no-config.tf", "fc3.tf"] {
        std::fs::copy(root().join("fixtures/terraform/read").join(f), dir.path().join(f)).unwrap();
    }
    let r = run_in(dir.path(), &["lint", "."], None);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("fc2-retries-out-of-range.tf:12:28: R202"), "{}", r.stdout);
    assert!(!r.stdout.contains("no-config.tf:") && !r.stderr.contains("no-config.tf"), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("in 2 files"), "{}", r.stdout);
}

#[test]
fn fix_on_a_tf_file_edits_only_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(root().join("fixtures/terraform/read/fc2-retries-out-of-range.tf")).unwrap();
    let file = dir.path().join("main.tf");
    std::fs::write(&file, &source).unwrap();
    let r = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", "main.tf"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, source.replace("maximum_retry_attempts = 12", "maximum_retry_attempts = 8"));
}

#[test]
fn expressions_are_skipped_by_value_rules_and_named_under_verbose() {
    let r = run_in(&root(), &["lint", "-v", "fixtures/terraform/read/expressions.tf"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("`var.max_age` is an expression: value rules skip it"), "{}", r.stderr);
    let quiet = run_in(&root(), &["lint", "fixtures/terraform/read/expressions.tf"], None);
    assert!(!quiet.stderr.contains("var.max_age"), "{}", quiet.stderr);
}

#[test]
fn a_refused_resource_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.tf");
    // No mapping: the account has no FunctionGraph project.
    let r = run_in(&root(), &["translate", "--to", "huawei", FC2_EXAMPLE, "-o", out.to_str().unwrap()], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("error[T203]") && r.stderr.contains("refused"), "{}", r.stderr);
    assert!(!out.exists());
}

fn terraform_fmt_check(text: &str) -> Option<bool> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), text).unwrap();
    let out = Command::new("terraform").args(["fmt", "-check", "main.tf"]).current_dir(dir.path()).output();
    match out {
        Ok(o) => Some(o.status.success()),
        Err(_) => {
            eprintln!("terraform is not on PATH: fmt check skipped");
            None
        }
    }
}

/// A Python with PyPI `python-hcl2`, in a venv cached under `target/` (None without python3 or PyPI).
fn python_hcl2() -> Option<PathBuf> {
    let venv = root().join("target/iac-python-hcl2");
    let python = venv.join("bin/python");
    let works = |p: &Path| Command::new(p).args(["-c", "import hcl2"]).output().is_ok_and(|o| o.status.success());
    if works(&python) {
        return Some(python);
    }
    let made = Command::new("python3").args(["-m", "venv"]).arg(&venv).output().is_ok_and(|o| o.status.success());
    let installed = made
        && Command::new(venv.join("bin/pip"))
            .args(["install", "-q", "python-hcl2"])
            .output()
            .is_ok_and(|o| o.status.success());
    (installed && works(&python)).then_some(python)
}

#[test]
fn python_hcl2_reads_the_translated_file() {
    let Some(python) = python_hcl2() else {
        eprintln!("python3 with python-hcl2 is not available: skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (_, text, r) = translate_example(dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = dir.path().join("huawei.tf");
    std::fs::write(&file, &text).unwrap();
    let script = "import hcl2, json, sys\n\
        doc = hcl2.load(open(sys.argv[1]))\n\
        res = [r for r in doc['resource'] if '\"huaweicloud_fgs_async_invoke_configuration\"' in r][0]\n\
        body = res['\"huaweicloud_fgs_async_invoke_configuration\"']['\"process\"']\n\
        print(json.dumps([body['max_async_event_age_in_seconds'], body['on_failure'][0]['param']]))\n";
    let out = Command::new(python).args(["-c", script]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("[86400, ") && stdout.contains("topic_urn"), "{stdout}");
}

/// Every whole-file case of `fixtures/terraform/translate` (AWS Lambda both
/// ways among them), run through the binary with the case's flags: the
/// output passes `terraform fmt -check`, and python-hcl2 reads the rewritten
/// resource under its new type and name with the arguments the target's schema
/// names (a refused case writes nothing and exits 1).
#[test]
fn every_terraform_case_translates_through_the_binary_and_reads_back_with_python_hcl2() {
    let python = python_hcl2();
    let cases = root().join("fixtures/terraform/translate");
    let mut checked = 0;
    for entry in std::fs::read_dir(&cases).unwrap() {
        let case_dir = entry.unwrap().path();
        let case: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case_dir.join("case.json")).unwrap()).unwrap();
        let input = case_dir.join(case["input"].as_str().unwrap());
        let to = case["to"].as_str().unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("main.tf");
        let mut args = vec!["translate".to_string(), "--to".into(), to.into()];
        if let Some(m) = case["map"].as_str() {
            args.extend(["--map".into(), case_dir.join(m).to_string_lossy().into_owned()]);
        }
        if let Some(f) = case["function"].as_str() {
            args.extend(["--function".into(), f.into()]);
        }
        if case["allow_lossy"].as_bool() == Some(true) {
            args.push("--allow-lossy".into());
        }
        args.extend([input.to_string_lossy().into_owned(), "-o".into(), out.to_string_lossy().into_owned()]);
        let r = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(r.code, 0, "{}: {}", case_dir.display(), r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        assert_ne!(terraform_fmt_check(&text), Some(false), "{}:\n{text}", case_dir.display());
        let Some(python) = &python else { continue };
        let resource = invokecfg_model::facts::terraform::resource_for_dialect(to).unwrap();
        // The names of the rewritten resources and the top-level arguments each holds.
        let script = "import hcl2, json, sys\n\
            doc = hcl2.load(open(sys.argv[1]))\n\
            t = '\"' + sys.argv[2] + '\"'\n\
            print(json.dumps({n: sorted(b) for r in doc.get('resource', []) if t in r for n, b in r[t].items()}))\n";
        let py = Command::new(python).args(["-c", script]).arg(&out).arg(resource.resource_type).output().unwrap();
        assert!(py.status.success(), "{}: {}", case_dir.display(), String::from_utf8_lossy(&py.stderr));
        let read: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&py.stdout).unwrap();
        assert!(!read.is_empty(), "{}: no {} in\n{text}", case_dir.display(), resource.resource_type);
        for (name, keys) in &read {
            for key in keys.as_array().unwrap() {
                let key = key.as_str().unwrap().trim_matches('"');
                let known = resource.arguments.iter().any(|a| a.path[0] == key)
                    || invokecfg_model::facts::terraform::META_ARGUMENTS.contains(&key)
                    || key.starts_with("__");
                assert!(known, "{}: {name} has `{key}`, no argument of {}", case_dir.display(), resource.resource_type);
            }
        }
        checked += 1;
    }
    assert!(python.is_none() || checked >= 10, "{checked}");
}

#[test]
fn s_yaml_typo_is_reported_with_did_you_mean_and_fixed_leaving_the_rest_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(root().join("fixtures/yaml/read/fc3-typo/s.yaml")).unwrap();
    std::fs::write(dir.path().join("s.yaml"), &source).unwrap();
    let r = run_in(dir.path(), &["lint", "s.yaml"], None);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("s.yaml:17:9: S106 [error] unknown key `maxAsyncRetryAttempt`"), "{}", r.stdout);
    assert!(r.stdout.contains("did you mean `maxAsyncRetryAttempts`?"), "{}", r.stdout);
    let fixed = run_in(dir.path(), &["lint", "--fix", "--unsafe-fixes", "s.yaml"], None);
    assert_eq!(fixed.code, 0, "{}{}", fixed.stdout, fixed.stderr);
    let after = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert_eq!(after, source.replace("maxAsyncRetryAttempt:", "maxAsyncRetryAttempts:"));
}

#[test]
fn directory_walks_take_s_yaml_and_ros_templates_and_skip_other_yaml_silently() {
    let dir = tempfile::tempdir().unwrap();
    let read = root().join("fixtures/yaml/read");
    std::fs::create_dir(dir.path().join("svc")).unwrap();
    std::fs::copy(read.join("fc2/s.yaml"), dir.path().join("svc/s.yaml")).unwrap();
    std::fs::copy(read.join("ros-fc3.yaml"), dir.path().join("template.yaml")).unwrap();
    std::fs::copy(read.join("github-workflow.yaml"), dir.path().join("ci.yml")).unwrap();
    let r = run_in(dir.path(), &["lint", "."], None);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("s.yaml:22:34: R202"), "{}", r.stdout);
    assert!(r.stdout.contains("template.yaml:14:34: R201"), "{}", r.stdout);
    assert!(!r.stdout.contains("ci.yml") && !r.stderr.contains("ci.yml"), "{}{}", r.stdout, r.stderr);
}

#[test]
fn s_yaml_fc2_section_translates_to_fc3_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(root().join("fixtures/yaml/read/fc2/s.yaml")).unwrap();
    std::fs::write(dir.path().join("s.yaml"), &source).unwrap();
    let r = run_in(dir.path(), &["translate", "--to", "alibaba-fc3", "s.yaml", "-o", "s3.yaml"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning[T406]") && r.stderr.contains("warning[T101]"), "{}", r.stderr);
    let out = std::fs::read_to_string(dir.path().join("s3.yaml")).unwrap();
    assert!(out.contains("      asyncInvokeConfig:\n") && !out.contains("asyncConfiguration"), "{out}");
    // Everything before the inserted block is the source's, and so is every line after it but the removed section.
    let head = source.find("      function:\n").unwrap();
    assert!(out.starts_with(&source[..head]));
    let tail = source.find("        codeUri: ./code\n").unwrap();
    assert!(out.ends_with(&source[tail..source.find("        asyncConfiguration:").unwrap()]));
    // To huawei it is the API JSON, refused here: the relative ARNs need the function's region.
    let huawei = run_in(dir.path(), &["translate", "--to", "huawei", "s.yaml"], None);
    assert_eq!(huawei.code, 1, "{}", huawei.stderr);
    assert!(huawei.stderr.contains("error[T203]") && huawei.stderr.contains("refused"), "{}", huawei.stderr);
}

/// FunctionGraph has no YAML tool: an s.yaml section translated to huawei is
/// its Terraform resource with `--format terraform` (fmt-clean, read back by
/// python-hcl2) and its API JSON without.
#[test]
fn s_yaml_to_huawei_writes_terraform_or_api_json() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join("fixtures/mapping/seed.json");
    let input = root().join("fixtures/yaml/read/fc3/s.yaml");
    let (tf, json) = (dir.path().join("fg.tf"), dir.path().join("fg.json"));
    let base =
        ["translate", "--to", "huawei", "--allow-lossy", "--map", seed.to_str().unwrap(), input.to_str().unwrap()];
    let r = run(&[&base[..], &["--format", "terraform", "-o", tf.to_str().unwrap()]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&tf).unwrap();
    assert!(text.starts_with("resource \"huaweicloud_fgs_async_invoke_configuration\" \"resize\" {"), "{text}");
    assert_ne!(terraform_fmt_check(&text), Some(false), "{text}");
    if let Some(python) = python_hcl2() {
        let script = "import hcl2, sys\n\
            doc = hcl2.load(open(sys.argv[1]))\n\
            body = doc['resource'][0]['\"huaweicloud_fgs_async_invoke_configuration\"']['\"resize\"']\n\
            print(body['max_async_retry_attempts'])\n";
        let out = Command::new(python).args(["-c", script]).arg(&tf).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1", "{}", String::from_utf8_lossy(&out.stderr));
    }
    let r = run(&[&base[..], &["-o", json.to_str().unwrap()]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["max_async_retry_attempts"], 1, "{doc}");
    assert!(doc["func_urn"].as_str().unwrap().starts_with("urn:fss:cn-east-2:"), "{doc}");
}

#[test]
fn translating_a_directory_takes_the_files_with_configs_and_mirrors_them() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let read = root().join("fixtures");
    std::fs::copy(read.join("terraform/read/fc2-meta-arguments.tf"), src.join("main.tf")).unwrap();
    std::fs::copy(read.join("yaml/read/ros-fc2.yml"), src.join("template.yml")).unwrap();
    std::fs::copy(read.join("yaml/read/github-workflow.yaml"), src.join("compose.yaml")).unwrap();
    let r = run_in(dir.path(), &["translate", "--to", "alibaba-fc3", "src", "--out-dir", "out"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("out/main.tf").exists() && dir.path().join("out/template.yml").exists());
    assert!(!dir.path().join("out/compose.yaml").exists(), "{}", r.stderr);
    let tf = std::fs::read_to_string(dir.path().join("out/main.tf")).unwrap();
    assert!(tf.contains("resource \"alicloud_fcv3_async_invoke_config\" \"resize\" {"), "{tf}");
}

#[test]
fn a_ros_template_in_json_is_linted_at_its_line() {
    let r = run_in(&root(), &["lint", "fixtures/yaml/read/ros-fc3-template.json"], None);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("ros-fc3-template.json:8:34: R202 [error] `MaxAsyncRetryAttempts`"), "{}", r.stdout);
}
