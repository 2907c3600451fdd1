//! The README's "From Rust" examples, as a library user runs them: a new
//! Cargo project whose one dependency is the facade (a path dependency on
//! this workspace, without default features, built offline), one binary per
//! ```rust block, each run from the repository root. An example that drifts
//! from the library fails to build or to run here.

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The ```rust blocks of the README's "From Rust" section.
fn from_rust_examples(readme: &str) -> Vec<String> {
    let section = readme.split("\n## From Rust\n").nth(1).unwrap_or_default();
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in section.lines() {
        match (&mut block, line.trim_end()) {
            (None, "```rust") => block = Some(String::new()),
            (Some(_), "```") => out.extend(block.take()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

/// This test binary's target directory (`target/debug/deps/from_rust-...` -> `target`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.ancestors().nth(3).map(Path::to_path_buf).unwrap_or_else(|| root().join("target"))
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    // The outer run's package variables are not the new project's.
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("CARGO_") && k != "CARGO_HOME" {
            c.env_remove(k);
        }
    }
    c
}

#[test]
fn a_new_project_depending_on_the_facade_runs_every_readme_from_rust_example() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let examples = from_rust_examples(&readme);
    assert!(examples.len() >= 4, "the README's From Rust examples were not found: {}", examples.len());
    for (what, needle) in [
        ("lint a string", "invokecfg::{lint,"),
        ("translate with a mapping", "Mapping::from_json"),
        ("walk a directory", "read_dir"),
        ("read a Terraform file", ".tf\""),
    ] {
        assert!(examples.iter().any(|e| e.contains(needle)), "no From Rust example does {what}");
    }
    let project = tempfile::tempdir().unwrap();
    let manifest = format!(
        "[package]\nname = \"readme-from-rust\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\ninvokecfg = {{ path = {:?}, default-features = false }}\n\n\
         [profile.dev.package.\"*\"]\nopt-level = 1\n\n[workspace]\n",
        root().display().to_string()
    );
    std::fs::write(project.path().join("Cargo.toml"), manifest).unwrap();
    // The workspace's versions of every dependency: all in the local cache, nothing resolved anew.
    std::fs::copy(root().join("Cargo.lock"), project.path().join("Cargo.lock")).unwrap();
    let bins = project.path().join("src/bin");
    std::fs::create_dir_all(&bins).unwrap();
    for (n, code) in examples.iter().enumerate() {
        std::fs::write(bins.join(format!("example_{n}.rs")), code).unwrap();
    }
    // Its own target directory beside this one's, kept between runs: only the changed crates rebuild.
    let target = target_dir().join("readme-from-rust");
    let build = cargo()
        .args(["build", "--offline", "--bins", "--quiet"])
        .current_dir(project.path())
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(build.status.success(), "the project did not build:\n{}", String::from_utf8_lossy(&build.stderr));
    for (n, code) in examples.iter().enumerate() {
        let run = Command::new(target.join("debug").join(format!("example_{n}"))).current_dir(root()).output().unwrap();
        assert!(
            run.status.success(),
            "README From Rust example {n} failed:\n{code}\nstderr:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}
