//! Snapshots of how every YAML fixture (`s.yaml`, ROS templates) reads
//! (documents, spans, expressions) and lints (findings at the file's
//! line:column, fixes as file edits).

mod common;

use invokecfg_iac::yaml;

#[test]
fn read_and_lint_fixtures() {
    insta::glob!("../../../fixtures/yaml/read", "**/*.{yaml,yml,json}", |path| {
        insta::assert_snapshot!(common::describe(path, yaml::read));
    });
}

#[test]
fn yaml_without_sections_reads_as_none() {
    assert!(yaml::read("name: ci\non: [push]\n").unwrap().is_empty());
    assert!(!yaml::mentions_section("name: ci\n"));
}
