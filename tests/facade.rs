//! Issue "Library users: one Rust crate to depend on": the facade says what
//! the binary says (one path for every surface), its errors are fit for
//! callers, and every crate is ready to publish. The README's "From Rust"
//! examples run in `from_rust.rs`; the public-API listing is checked by
//! `cargo run -p xtask -- public-api --check` in `.ci/run`.

mod common;

use common::{root, run};
use invokecfg::{Dialect, ErrorKind, LintOptions, Mapping, Severity, TranslateOptions};
use serde_json::Value;
use std::collections::BTreeMap;
use std::error::Error as _;
use std::path::{Path, PathBuf};

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            fixtures(&p, out);
        } else if invokecfg::Surface::by_name(&p).is_some() {
            out.push(p);
        }
    }
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

type Located = (String, String, String, usize, usize);

#[test]
fn one_facade_lints_every_fixture_as_the_binary_does() {
    let mut files = Vec::new();
    fixtures(&root().join("fixtures"), &mut files);
    assert!(files.len() > 300, "only {} fixtures", files.len());
    let names: Vec<String> = files.iter().map(|p| relative(p)).collect();
    let mut args = vec!["lint", "--format", "json", "--exit-zero"];
    args.extend(names.iter().map(String::as_str));
    let report: Value = serde_json::from_str(&run(&args).stdout).unwrap();
    let mut by_binary: BTreeMap<String, Vec<Located>> = BTreeMap::new();
    for f in report["findings"].as_array().unwrap() {
        let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
        let n = |k: &str| f[k].as_u64().unwrap_or_default() as usize;
        by_binary.entry(s("file")).or_default().push((s("code"), s("severity"), s("pointer"), n("line"), n("column")));
    }
    let mut with_findings = 0;
    for (path, name) in files.iter().zip(&names) {
        let report = invokecfg::lint_file(path, &LintOptions::new()).unwrap();
        let mine: Vec<Located> = report
            .findings
            .iter()
            .map(|d| {
                let (line, column) = d.span.map_or((0, 0), |s| (s.start.line, s.start.column));
                (d.code.clone(), d.severity.to_string(), d.pointer.clone(), line, column)
            })
            .collect();
        with_findings += usize::from(!mine.is_empty());
        assert_eq!(&mine, by_binary.get(name).unwrap_or(&Vec::new()), "{name}");
    }
    assert!(with_findings > 100, "only {with_findings} fixtures have findings");
}

#[test]
fn one_facade_translates_as_the_binary_does_on_every_surface() {
    let map = root().join("fixtures/mapping/seed.json");
    let mapping = Mapping::from_json(&std::fs::read_to_string(&map).unwrap()).unwrap();
    let options = TranslateOptions::new().mapping(mapping);
    let mut inputs = Vec::new();
    for dir in
        ["fixtures/alibaba-fc2/valid", "fixtures/huawei/valid", "fixtures/aws-lambda/valid", "fixtures/terraform/read"]
    {
        fixtures(&root().join(dir), &mut inputs);
    }
    let (mut translated, mut refused) = (0, 0);
    for input in &inputs {
        let name = relative(input);
        for target in Dialect::ALL {
            let r = run(&["translate", "--to", target.id(), "--map", map.to_str().unwrap(), &name]);
            match invokecfg::translate_file(input, target, &options) {
                Ok(t) => {
                    assert_eq!((r.code, r.stdout.as_str()), (0, t.text.as_str()), "{name} to {target}");
                    translated += 1;
                }
                Err(e) if e.kind() == ErrorKind::Refused => {
                    assert_eq!(r.code, 1, "{name} to {target}: {}", r.stderr);
                    assert!(e.notes().iter().any(|n| n.severity == Severity::Error) || r.stderr.contains("strict"));
                    refused += 1;
                }
                Err(e) => assert_ne!(r.code, 0, "{name} to {target}: the facade says {e}"),
            }
        }
    }
    assert!(translated > 40 && refused > 0, "{translated} translated, {refused} refused");
}

#[test]
fn errors_fit_for_callers_have_a_kind_a_place_and_a_typed_source() {
    let missing = invokecfg::lint_file("fixtures/no-such-file.json", &LintOptions::new()).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Io);
    assert_eq!(missing.path(), Some(Path::new("fixtures/no-such-file.json")));
    assert!(missing.source().is_some_and(|s| s.is::<std::io::Error>()));

    let syntax = invokecfg::translate("{\"maxAsyncRetryAttempts\": 1,\n}", Dialect::Huawei, &TranslateOptions::new())
        .unwrap_err();
    assert_eq!(syntax.kind(), ErrorKind::Syntax);
    assert_eq!(syntax.position().map(|p| p.line), Some(2));
    assert!(syntax.source().is_some());

    let twice = r#"{"maxAsyncRetryAttempts": 1, "maxAsyncRetryAttempts": 2}"#;
    let e = invokecfg::translate(twice, Dialect::Huawei, &TranslateOptions::new()).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), (ErrorKind::InvalidDocument, Some("/maxAsyncRetryAttempts")));

    let wrong_type = r#"{"maxAsyncRetryAttempts": "3"}"#;
    let e = invokecfg::translate(wrong_type, Dialect::Huawei, &TranslateOptions::new()).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), (ErrorKind::InvalidDocument, Some("/maxAsyncRetryAttempts")));
    assert_eq!(e.position().map(|p| (p.line, p.column)), Some((1, 27)));

    let e = invokecfg::detect(r#"{"name": "x"}"#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownDialect);
    assert!(e.source().is_some_and(|s| s.is::<invokecfg_model::DetectError>()));

    let e = Mapping::from_json(r#"{"regions": {"a": "x", "b": "x"}}"#).map_err(invokecfg::Error::from).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Mapping);
    assert!(e.pointer().is_some_and(|p| p.starts_with("/regions/")), "{:?}", e.pointer());
    // The mapping file's line and column are the error's position, said once.
    let e = Mapping::from_json("{\n  \"aws-hauwei\": {}\n}").map_err(invokecfg::Error::from).unwrap_err();
    assert_eq!(e.position().map(|p| (p.line, p.column)), Some((2, 3)), "{e}");
    assert!(e.to_string().starts_with("2:3: mapping: /aws-hauwei: unknown key"), "{e}");

    let e = invokecfg::lint("{}", &LintOptions::new().select(["X999"])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidOption);
    assert!(e.to_string().contains("X999"));
    let e = invokecfg::lint("{}", &LintOptions::new().function("not-an-arn")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidOption);
    let e = "tencent".parse::<Dialect>().map_err(invokecfg::Error::from).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidOption);

    // A ROS template in JSON is linted, not rewritten: a typed error, its cause the surface's.
    let ros = root().join("fixtures/yaml/read/ros-fc3-template.json");
    let e = invokecfg::translate_file(&ros, Dialect::Huawei, &TranslateOptions::new()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported);
    assert!(e.source().is_some_and(|s| s.is::<invokecfg_iac::surface::FileError>()), "{e}");

    let e = invokecfg::translate("{\"maxAsyncRetryAttempts\": 12}", Dialect::Huawei, &TranslateOptions::new().strict())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Refused);
    assert!(e.source().is_some_and(|s| s.is::<invokecfg_translate::TranslateError>()));
    assert!(e.notes().iter().any(|n| n.code == "T101"));
}

#[test]
fn one_facade_reads_terraform_and_yaml_text_as_named_by_the_surface() {
    let tf = std::fs::read_to_string(root().join("fixtures/terraform/read/fc2-retries-out-of-range.tf")).unwrap();
    let as_text = invokecfg::lint(&tf, &LintOptions::new().surface(invokecfg::Surface::Terraform)).unwrap();
    let as_file =
        invokecfg::lint_file(root().join("fixtures/terraform/read/fc2-retries-out-of-range.tf"), &LintOptions::new())
            .unwrap();
    assert_eq!(as_text, as_file);
    let fixed = invokecfg::fix(&tf, &LintOptions::new().surface(invokecfg::Surface::Terraform).unsafe_fixes()).unwrap();
    assert!(fixed.applied >= 1 && fixed.text.contains("maximum_retry_attempts = 8"), "{}", fixed.text);
    // Not a config: skipped, not reported, unless a dialect claims it.
    let package = r#"{"name": "app", "version": "1.0.0"}"#;
    assert!(invokecfg::lint(package, &LintOptions::new()).unwrap().skipped.is_some());
    let claimed = invokecfg::lint(package, &LintOptions::new().dialect(Dialect::Huawei)).unwrap();
    assert!(claimed.skipped.is_none() && !claimed.findings.is_empty());
}

/// Every library crate's manifest: what crates.io shows and needs.
fn manifests() -> Vec<(String, String)> {
    let mut out = vec![("invokecfg".to_string(), std::fs::read_to_string(root().join("Cargo.toml")).unwrap())];
    for c in ["model", "translate", "lint", "iac", "cli", "server", "python"] {
        let text = std::fs::read_to_string(root().join("crates").join(c).join("Cargo.toml")).unwrap();
        out.push((format!("invokecfg-{c}"), text));
    }
    out
}

#[test]
fn ready_to_publish_every_crate_names_every_dialect_and_has_its_metadata() {
    for (name, text) in manifests() {
        let package = text.split("\n[package]\n").nth(1).or_else(|| text.strip_prefix("[package]\n")).unwrap();
        let package = package.split("\n[").next().unwrap();
        let description = package.lines().find_map(|l| l.strip_prefix("description = ")).unwrap_or_default();
        for d in Dialect::ALL {
            assert!(description.contains(d.id()), "{name}: the description does not name {d}");
        }
        for key in ["keywords = ", "categories = ", "readme = ", "documentation = ", "repository", "rust-version"] {
            assert!(package.contains(key), "{name}: no {key}");
        }
    }
}

#[test]
fn docs_that_cannot_go_stale_every_crate_front_page_holds_a_tested_example() {
    for lib in [
        "src/lib.rs",
        "crates/model/src/lib.rs",
        "crates/translate/src/lib.rs",
        "crates/lint/src/lib.rs",
        "crates/iac/src/lib.rs",
        "crates/cli/src/lib.rs",
        "crates/server/src/lib.rs",
    ] {
        let text = std::fs::read_to_string(root().join(lib)).unwrap();
        let front: String = text.lines().take_while(|l| l.starts_with("//!")).collect::<Vec<_>>().join("\n");
        assert!(front.contains("//! ```\n") || front.contains("//! ```rust"), "{lib}: no example on the front page");
        assert!(front.contains("assert"), "{lib}: the front page's example asserts nothing");
        assert!(!front.contains("```ignore") && !front.contains("```no_run"), "{lib}: an example that does not run");
    }
}
