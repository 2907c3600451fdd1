//! Helpers for running the binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_invokecfg"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        // Output is compared as plain text: a CI that forces colour must not paint it.
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            // A broken pipe is fine: the binary may stop reading early.
            let _ = input.write_all(bytes);
        }
    }
    let out = child.wait_with_output().expect("the binary finishes");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked: {}", run.stderr);
    assert!([0, 1, 2].contains(&run.code), "exit code {}: {}", run.code, run.stderr);
    run
}

pub fn run(args: &[&str]) -> Run {
    run_in(&root(), args, None)
}

pub fn run_stdin(args: &[&str], stdin: &[u8]) -> Run {
    run_in(&root(), args, Some(stdin))
}

/// Where `sarif` breaks the official SARIF 2.1.0 schema (`tests/data`).
pub fn sarif_schema_errors(sarif: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator.iter_errors(sarif).map(|e| format!("{}: {e}", e.instance_path())).collect()
}
