//! Whole-file snapshots of `.tf` translations (`fixtures/terraform/translate/*/case.json`:
//! `input` (a fixture of `../read`), `to`, optional `map` and `allow_lossy`),
//! checked with `terraform fmt -check` when Terraform is on the machine.

use invokecfg_iac::terraform;
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
    let options = Options { allow_lossy: case["allow_lossy"].as_bool().unwrap_or(false), ..Options::default() };
    let out = terraform::translate(&source, to, &mapping, &options).unwrap();
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
fn translate_fixtures() {
    insta::glob!("../../../fixtures/terraform/translate", "*/case.json", |path| {
        let dir = path.parent().unwrap();
        insta::assert_snapshot!(describe(dir));
    });
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
