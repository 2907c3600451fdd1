//! The published schemas pass the validators editors and SchemaStore use.
//! Each test runs when its tool is named in the environment and skips otherwise:
//! `AJV` (npm `ajv-cli`, Ajv strict mode, as SchemaStore requires) and
//! `CHECK_JSONSCHEMA` (pip `check-jsonschema`, the metaschema check).

use std::path::{Path, PathBuf};
use std::process::Command;

fn schemas() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect())
        .unwrap_or_default();
    files.sort();
    assert!(files.len() >= 7, "schemas/ holds the published schemas: {files:?}");
    files
}

fn run(tool: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    let bin = std::env::var_os(tool).filter(|v| !v.is_empty())?;
    Some(Command::new(&bin).args(args).output().unwrap_or_else(|e| panic!("{tool}={bin:?} does not run: {e}")))
}

#[test]
fn every_schema_compiles_in_ajv_strict_mode() {
    for file in schemas() {
        let args = ["compile", "--spec=draft2020", "--strict=true", "-s"].map(std::ffi::OsStr::new);
        let mut args = args.to_vec();
        args.push(file.as_os_str());
        let Some(out) = run("AJV", &args) else {
            eprintln!("AJV is not set: skipped (npm install ajv-cli; AJV=node_modules/.bin/ajv)");
            return;
        };
        assert!(
            out.status.success(),
            "{}: {}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn every_schema_passes_the_metaschema_check() {
    let files = schemas();
    let mut args = vec![std::ffi::OsStr::new("--check-metaschema")];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let Some(out) = run("CHECK_JSONSCHEMA", &args) else {
        eprintln!("CHECK_JSONSCHEMA is not set: skipped (pip install check-jsonschema)");
        return;
    };
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
