//! Whole-file snapshots of `.tf` and YAML translations
//! (`fixtures/{terraform,yaml}/translate/*/case.json`: `input` (a fixture of
//! `../read`), `to`, optional `map`, `allow_lossy`, `function`, and for YAML `format`
//! (`terraform`; else FC 3.0 in place and other targets as API JSON) and
//! `refused_in_place` (the in-place rewrite itself)); Terraform outputs are
//! checked with `terraform fmt -check` when Terraform is on the machine, YAML
//! outputs by reading them back.

use invokecfg_iac::{terraform, yaml};
use invokecfg_model::Dialect;
use invokecfg_translate::{Mapping, Options};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

pub fn run_case(dir: &Path) -> (String, terraform::Translated) {
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
    let source = std::fs::read_to_string(dir.join(case["input"].as_str().unwrap())).unwrap();
    let to: Dialect = case["to"].as_str().unwrap().parse().unwrap();
    let mapping = match case["map"].as_str() {
        Some(m) => Mapping::from_json(&std::fs::read_to_string(dir.join(m)).unwrap()).unwrap(),
        None => Mapping::default(),
    };
    let options = Options {
        allow_lossy: case["allow_lossy"].as_bool().unwrap_or(false),
        function: case["function"].as_str().map(str::to_string),
        ..Options::default()
    };
    let out = if case["input"].as_str().unwrap().ends_with(".tf") {
        terraform::translate(&source, to, &mapping, &options).unwrap()
    } else {
        match case["format"].as_str() {
            Some("terraform") => yaml::write_as(&source, yaml::Output::Terraform, to, &mapping, &options).unwrap(),
            // As the command line does: YAML in place for FC 3.0, else the API JSON.
            _ if to == Dialect::AlibabaFc3 => yaml::translate(&source, to, &mapping, &options).unwrap(),
            _ if case["refused_in_place"].as_bool() == Some(true) => {
                yaml::translate(&source, to, &mapping, &options).unwrap()
            }
            _ => yaml::write_as(&source, yaml::Output::ApiJson, to, &mapping, &options).unwrap(),
        }
    };
    (source, out)
}

fn describe(dir: &Path) -> String {
    let (_, out) = run_case(dir);
    let mut s = String::new();
    for o in &out.outcomes {
        writeln!(
            s,
            "# {} -> {}{}",
            o.address,
            o.new_address.as_deref().unwrap_or("-"),
            if o.refused { " (refused)" } else { "" }
        )
        .unwrap();
        for n in &o.notes {
            let at = n.span.map(|p| format!("{}:{}", p.start.line, p.start.column)).unwrap_or_default();
            writeln!(s, "#   {at} {} [{}] {} (at {})", n.code, n.severity, n.message, n.pointer).unwrap();
        }
    }
    s.push_str("# ---- translated file\n");
    s.push_str(&out.text);
    s
}

fn terraform_fmt_accepts(text: &str) -> Option<bool> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("main.tf");
    std::fs::write(&file, text).unwrap();
    let out = Command::new("terraform").arg("fmt").arg("-check").arg("-diff").arg(&file).output().ok()?;
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stdout));
    }
    Some(out.status.success())
}

#[test]
fn translate_terraform_fixtures() {
    insta::glob!("../../../fixtures/terraform/translate", "*/case.json", |path| {
        let dir = path.parent().unwrap();
        insta::assert_snapshot!(describe(dir));
    });
}

#[test]
fn translate_yaml_fixtures() {
    insta::glob!("../../../fixtures/yaml/translate", "*/case.json", |path| {
        let dir = path.parent().unwrap();
        insta::assert_snapshot!(describe(dir));
    });
}

/// The rewritten YAML reads back: each FC 2.0 section is now an FC 3.0 one
/// holding the translated values, and nothing else changed section.
#[test]
fn translated_yaml_reads_back_as_fc3() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/yaml/translate");
    let mut checked = 0;
    for e in std::fs::read_dir(root).unwrap() {
        let dir = e.unwrap().path();
        let (source, out) = run_case(&dir);
        let case = std::fs::read_to_string(dir.join("case.json")).unwrap();
        // Refused, or written as another format (Terraform, API JSON).
        if out.refused() || !case.contains("\"alibaba-fc3\"") {
            continue;
        }
        let before = yaml::read(&source).unwrap();
        // As after the user moves the resource to the fc3 component (T406 says to).
        let after = yaml::read(&out.text.replace("component: devsapp/fc\n", "component: fc3\n")).unwrap();
        assert_eq!(before.len(), after.len(), "{}", out.text);
        assert!(after.iter().all(|f| f.dialect == "alibaba-fc3"), "{}", out.text);
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn translated_files_pass_terraform_fmt() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/terraform/translate");
    let mut checked = 0;
    for e in std::fs::read_dir(root).unwrap() {
        let dir = e.unwrap().path();
        let (source, out) = run_case(&dir);
        // The fixtures are themselves fmt-clean, so any complaint is the rewrite's.
        match (terraform_fmt_accepts(&source), terraform_fmt_accepts(&out.text)) {
            (None, _) | (_, None) => {
                eprintln!("terraform is not on PATH: skipped");
                return;
            }
            (Some(before), Some(after)) => {
                assert!(before, "{} is not fmt-clean itself", dir.display());
                assert!(after, "terraform fmt -check rejects the translation of {}:\n{}", dir.display(), out.text);
            }
        }
        checked += 1;
    }
    assert!(checked >= 6);
}

/// An interpolated ARN translated as a template comes back as the same
/// template: FC 2.0 -> AWS Lambda -> FC 2.0 keeps each destination's text.
#[test]
fn interpolated_destinations_round_trip_as_templates() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/terraform/read/fc2-interpolated-topic.tf");
    let source = std::fs::read_to_string(path).unwrap();
    let options = Options { allow_lossy: false, ..Options::default() };
    let there = terraform::translate(&source, Dialect::AwsLambda, &Mapping::default(), &options).unwrap();
    assert!(!there.refused(), "{:?}", there.outcomes);
    assert!(there.text.contains("\"arn:aws:sns:${var.region}:${local.uid}:${var.topic}\""), "{}", there.text);
    let fc2: Dialect = "alibaba-fc2".parse().unwrap();
    // Lambda functions have no service: the mapping names it.
    let services = Mapping::from_json(r#"{"aws-alibaba": {"packages": {"": "orders"}}}"#).unwrap();
    let back = terraform::translate(&there.text, fc2, &services, &options).unwrap();
    let destinations = |text: &str| {
        let found = terraform::read(text).unwrap();
        let f = &found[0];
        ["/destinationConfig/onSuccess/destination", "/destinationConfig/onFailure/destination"]
            .map(|p| f.expressions.iter().find(|e| e.pointer == p).map(|e| e.text.clone()))
    };
    assert!(!back.refused(), "{:?}", back.outcomes);
    assert_eq!(destinations(&source), destinations(&back.text), "{}", back.text);
    assert!(destinations(&source).iter().all(Option::is_some));
}
