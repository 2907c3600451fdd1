//! Snapshot tests over `fixtures/lint/**` and checks over the dialect fixtures.

mod common;

use common::{findings_json, fixtures, json_files, options_for};
use invokecfg_lint::{lint, render_text, LintOptions};
use invokecfg_model::{Dialect, Severity};

#[test]
fn lint_fixtures() {
    insta::glob!("../../../fixtures/lint", "**/*.json", |path| {
        let source = std::fs::read(path).expect("fixture readable");
        let options = options_for(path);
        let result = lint(&source, &options);
        let root = fixtures().join("lint");
        let rel = path.strip_prefix(&root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        // Each fixture shows the defect its directory is named after.
        let code = rel.split('-').next().unwrap_or_default();
        assert!(
            result.diagnostics.iter().any(|d| d.code == code),
            "{rel}: expected a {code} finding, got {:?}",
            result.diagnostics.iter().map(|d| &d.code).collect::<Vec<_>>()
        );
        let text = render_text(&rel, &String::from_utf8_lossy(&source), &result.diagnostics, false);
        let dialect = result.dialect.map_or("none", |d| d.id());
        insta::assert_snapshot!(format!(
            "dialect: {dialect}\ntarget: {}\n\n{text}---\n{}\n",
            options.target.map_or("none", |d| d.id()),
            findings_json(&result.diagnostics)
        ));
    });
}

fn dialect_dir(d: Dialect, sub: &str) -> Vec<std::path::PathBuf> {
    json_files(&fixtures().join(d.id()).join(sub))
}

#[test]
fn valid_and_list_fixtures_have_no_errors() {
    for d in Dialect::ALL {
        for sub in ["valid", "lists"] {
            for path in dialect_dir(d, sub) {
                let source = std::fs::read(&path).expect("readable");
                for options in [LintOptions::default(), LintOptions { dialect: Some(d), ..Default::default() }] {
                    let r = lint(&source, &options);
                    let errors: Vec<_> = r.diagnostics.iter().filter(|x| x.severity == Severity::Error).collect();
                    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
                }
            }
        }
    }
}

#[test]
fn invalid_fixtures_have_errors() {
    for d in Dialect::ALL {
        let files = dialect_dir(d, "invalid");
        assert!(!files.is_empty());
        for path in files {
            let source = std::fs::read(&path).expect("readable");
            let r = lint(&source, &LintOptions { dialect: Some(d), ..Default::default() });
            assert!(
                r.diagnostics.iter().any(|x| x.severity == Severity::Error),
                "{}: {:#?}",
                path.display(),
                r.diagnostics
            );
        }
    }
}

#[test]
fn placeholder_fixtures_get_identifier_findings() {
    let mut report = String::new();
    for d in Dialect::ALL {
        for path in dialect_dir(d, "placeholders") {
            let source = std::fs::read(&path).expect("readable");
            let r = lint(&source, &LintOptions::default());
            let ids: Vec<_> = r.diagnostics.iter().filter(|x| x.code.starts_with('I')).collect();
            assert!(
                ids.iter().any(|x| x.code == "I304" || x.code == "I305" || x.code == "I301"),
                "{}: {:#?}",
                path.display(),
                r.diagnostics
            );
            let rel = path.strip_prefix(fixtures()).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            for x in ids {
                let at = x.span.map(|s| format!("{}:{}", s.start.line, s.start.column)).unwrap_or_default();
                report.push_str(&format!("{rel}:{at}: {} [{}] {}\n", x.code, x.severity, x.message));
            }
        }
    }
    insta::assert_snapshot!(report);
}

/// Issue 21, item 3: every fix a rule emits over the fixtures has an
/// applicability its rule declares; a rule declaring no fix emits none, one
/// declaring `Always` has a fix on each finding, and every applicability a
/// rule declares shows in some fixture (so no declaration is a guess).
#[test]
fn fix_applicability_and_availability_match_the_rule_declarations() {
    use invokecfg_lint::{rule, FixAvailability};
    let root = fixtures();
    let mut paths = json_files(&root.join("lint"));
    paths.extend(Dialect::ALL.iter().flat_map(|d| json_files(&root.join(d.id()))));
    let mut seen = std::collections::HashSet::new();
    for path in &paths {
        let source = std::fs::read(path).expect("fixture readable");
        for d in lint(&source, &options_for(path)).diagnostics {
            let r = rule(&d.code).expect("a finding's code is a rule's");
            match (&d.fix, r.fix) {
                (Some(f), FixAvailability::None) => panic!("{}: {} declares no fix, has {f:?}", path.display(), r.code),
                (None, FixAvailability::Always) if d.span.is_some() => {
                    panic!("{}: {} declares a fix always, has none", path.display(), r.code)
                }
                (Some(f), _) => {
                    assert!(r.applicability.contains(&f.applicability), "{}: {} {f:?}", path.display(), r.code);
                    seen.insert((r.code, f.applicability));
                }
                _ => {}
            }
        }
    }
    for r in invokecfg_lint::rules() {
        assert_eq!(r.applicability.is_empty(), r.fix == FixAvailability::None, "{}", r.code);
    }
    // R207 and S117 are Terraform-only (the iac tests show theirs); I316's
    // needs `--function` (`relative_arn_is_filled_from_function` shows it).
    let api_json_fixable = invokecfg_lint::rules().iter().filter(|r| !matches!(r.code, "R207" | "S117" | "I316"));
    for r in api_json_fixable {
        for a in r.applicability {
            assert!(seen.contains(&(r.code, *a)), "no fixture shows {}'s {a} fix", r.code);
        }
    }
}
