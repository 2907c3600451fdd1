//! Snapshots of how every `.tf` fixture reads (documents, spans, expressions)
//! and lints (findings at the file's line:column, fixes as file edits).

mod common;

use invokecfg_iac::terraform;

#[test]
fn read_and_lint_fixtures() {
    insta::glob!("../../../fixtures/terraform/read", "*.tf", |path| {
        insta::assert_snapshot!(common::describe(path, terraform::read));
    });
}

#[test]
fn a_file_without_async_config_resources_reads_as_none() {
    assert!(terraform::read("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n").unwrap().is_empty());
    assert!(!terraform::mentions_resource("resource \"aws_s3_bucket\" \"b\" {}\n"));
}
