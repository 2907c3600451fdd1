//! The README's console examples, run: each ```console block's `$ invokecfg ...`
//! line is run from the repository root and its stdout must be the lines
//! that follow it. An example that drifts from the binary fails here.

mod common;

use common::*;

/// (command line, expected stdout) for every example.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_block = false;
    for line in readme.lines() {
        if !in_block {
            in_block = line.trim_end() == "```console";
            continue;
        }
        if line.starts_with("```") {
            in_block = false;
        } else if let Some(cmd) = line.strip_prefix("$ ") {
            out.push((cmd.to_string(), String::new()));
        } else if let Some((_, expected)) = out.last_mut() {
            expected.push_str(line);
            expected.push('\n');
        }
    }
    out
}

#[test]
fn readme_console_examples_are_what_the_binary_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 3, "the README's console examples were not found");
    for (cmd, expected) in examples {
        let words: Vec<&str> = cmd.split_whitespace().collect();
        assert_eq!(words.first(), Some(&"invokecfg"), "{cmd}");
        let r = run(&words[1..]);
        assert_eq!(r.stdout, expected, "`{cmd}` printed (stderr: {})", r.stderr);
    }
}
