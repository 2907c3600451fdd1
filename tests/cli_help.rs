//! The `--help` texts, pinned: a change shows up as a snapshot diff to review.

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn cli(args: &[&str]) -> Command {
    let mut c = Command::new(get_cargo_bin("invokecfg"));
    // clap wraps at the terminal width; fix it so snapshots do not depend on where tests run.
    c.args(args).env("COLUMNS", "100").env("NO_COLOR", "1");
    c
}

#[test]
fn help() {
    assert_cmd_snapshot!("help", cli(&["--help"]));
}

#[test]
fn lint_help() {
    assert_cmd_snapshot!("lint_help", cli(&["lint", "--help"]));
}

#[test]
fn lint_short_help() {
    assert_cmd_snapshot!("lint_short_help", cli(&["lint", "-h"]));
}

#[test]
fn schema_rules_explain_help() {
    assert_cmd_snapshot!("schema_help", cli(&["schema", "--help"]));
    assert_cmd_snapshot!("rules_help", cli(&["rules", "--help"]));
    assert_cmd_snapshot!("explain_help", cli(&["explain", "--help"]));
}

#[test]
fn bad_flag_value_names_the_choices() {
    assert_cmd_snapshot!("bad_severity", cli(&["lint", "--severity", "I304=fatal", "x.json"]));
}

#[test]
fn help_names_every_dialect_and_schema() {
    let text = |args: &[&str]| String::from_utf8(cli(args).output().unwrap().stdout).unwrap();
    let (translate, schema) = (text(&["translate", "--help"]), text(&["schema", "--help"]));
    for d in invokecfg_model::Dialect::ALL {
        assert!(translate.contains(d.id()), "translate --help does not name {d}");
    }
    for s in invokecfg_model::schema::SchemaName::ALL {
        assert!(schema.contains(s.name()), "schema --help does not name {}", s.name());
    }
}
