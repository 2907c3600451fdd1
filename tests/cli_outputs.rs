//! Issue 24: no output ever lands on an input. Every case the issue names,
//! through the binary: exit 2, the input's bytes unchanged, nothing written;
//! and a property test over generated spellings of inputs and outputs.

mod common;

use common::*;
use proptest::prelude::*;
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::Path;

/// An FC 2.0 config with nothing to report and a clean translation to FC 3.0.
const PROD: &str = "{\n  \"maxAsyncEventAgeInSeconds\": 300,\n  \"maxAsyncRetryAttempts\": 1\n}\n";
const OTHER: &str = "{\n  \"maxAsyncEventAgeInSeconds\": 600,\n  \"maxAsyncRetryAttempts\": 2\n}\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// A refusal: exit 2, both paths named, a help line, nothing on stdout.
fn assert_refused(r: &Run, output: &str, input: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing is translated or linted: {}", r.stdout);
    assert!(r.stderr.contains(output) && r.stderr.contains(&format!("the input {input}")), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was written") && r.stderr.contains("\n  help: "), "{}", r.stderr);
}

#[test]
fn lint_output_file_on_its_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    let r = run_in(d, &["lint", "--output-file", "prod.json", "prod.json"], None);
    assert_refused(&r, "--output-file prod.json", "prod.json");
    assert_eq!(read(d, "prod.json"), PROD);
}

#[test]
fn lint_fix_with_its_input_as_output_file_writes_no_fix() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fixable = r#"{"maxAsyncRetryAttempts": 9}"#;
    write(d, "a.json", fixable);
    let r = run_in(d, &["lint", "--fix", "--output-file", "./a.json", "a.json"], None);
    assert_refused(&r, "--output-file ./a.json", "a.json");
    assert_eq!(read(d, "a.json"), fixable, "the check comes before any fix");
}

#[test]
fn lint_output_file_found_by_walking_is_refused_unless_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "configs/a.json", PROD);
    let args = ["lint", "--format", "json", "--output-file", "configs/lint.json", "configs"];
    let r = run_in(d, &args, None);
    assert_eq!(r.code, 0, "the first run: the output is not there yet: {}", r.stderr);
    let report = read(d, "configs/lint.json");
    let r = run_in(d, &args, None);
    assert_refused(&r, "--output-file configs/lint.json", "configs/lint.json (found under configs)");
    assert!(r.stderr.contains("`exclude`"), "{}", r.stderr);
    assert_eq!(read(d, "configs/lint.json"), report);
    write(d, "invokecfg.json", r#"{"exclude": ["configs/lint.json"]}"#);
    let r = run_in(d, &args, None);
    assert_eq!(r.code, 0, "an excluded file is not linted, so it may be the output: {}", r.stderr);
}

#[test]
fn translate_report_on_its_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "--report", "prod.json", "prod.json"], None);
    assert_refused(&r, "--report prod.json", "prod.json");
    assert_eq!(read(d, "prod.json"), PROD);
}

#[test]
fn out_dir_over_its_input_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "configs/a.json", PROD);
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "--out-dir", "configs", "configs/a.json"], None);
    assert_refused(&r, "--out-dir configs would write configs/a.json", "configs/a.json");
    assert_eq!(read(d, "configs/a.json"), PROD);
}

#[test]
fn out_dir_over_its_input_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "configs/a.json", PROD);
    write(d, "configs/sub/b.json", OTHER);
    symlink("configs", d.join("linked")).unwrap();
    let absolute = d.join("configs").display().to_string();
    for out_dir in ["configs", "configs/", "./configs/../configs", absolute.as_str(), "linked"] {
        let r = run_in(d, &["translate", "--to", "alibaba-fc3", "--out-dir", out_dir, "configs/"], None);
        assert_refused(&r, &format!("--out-dir {out_dir} would write"), "configs/a.json (found under configs/)");
        assert_eq!(read(d, "configs/a.json"), PROD, "{out_dir}");
        assert_eq!(read(d, "configs/sub/b.json"), OTHER, "{out_dir}");
    }
}

#[test]
fn output_on_its_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    symlink("prod.json", d.join("link.json")).unwrap();
    std::fs::hard_link(d.join("prod.json"), d.join("hard.json")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    let absolute = d.join("prod.json").display().to_string();
    for output in ["prod.json", "./prod.json", "sub/../prod.json", absolute.as_str(), "link.json", "hard.json"] {
        let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", output, "prod.json"], None);
        assert_refused(&r, &format!("-o {output} is the same file"), "prod.json");
        assert_eq!(read(d, "prod.json"), PROD, "{output}");
        assert!(std::fs::symlink_metadata(d.join("link.json")).unwrap().file_type().is_symlink());
    }
    // The input named through the link is the same file too.
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "prod.json", "link.json"], None);
    assert_refused(&r, "-o prod.json", "link.json");
    assert_eq!(read(d, "prod.json"), PROD);
}

#[test]
fn outputs_through_a_symlink_write_its_target_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    write(d, "real/out.json", "old");
    write(d, "real/report.json", "old");
    write(d, "real/lint.txt", "old");
    for name in ["out.json", "report.json", "lint.txt"] {
        symlink(format!("real/{name}"), d.join(name)).unwrap();
    }
    let r = run_in(
        d,
        &["translate", "--to", "alibaba-fc3", "-o", "out.json", "--report", "report.json", "prod.json"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r2 = run_in(d, &["lint", "--output-file", "lint.txt", "prod.json"], None);
    assert_eq!(r2.code, 0, "{}", r2.stderr);
    for (name, run) in [("out.json", &r), ("report.json", &r), ("lint.txt", &r2)] {
        assert!(std::fs::symlink_metadata(d.join(name)).unwrap().file_type().is_symlink(), "{name} stays a link");
        assert_ne!(read(d, &format!("real/{name}")), "old", "{name}: its target is written");
        assert!(run.stderr.contains(&format!("{name} is a symlink: wrote the file it points at")), "{}", run.stderr);
    }
    assert!(read(d, "real/out.json").contains("\"maxAsyncRetryAttempts\": 1"));
    assert!(read(d, "real/lint.txt").contains("All checks passed"));
    assert_eq!(read(d, "prod.json"), PROD);
}

#[test]
fn outputs_keep_hard_links_and_leave_read_only_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    write(d, "out.json", "old");
    std::fs::hard_link(d.join("out.json"), d.join("backup.json")).unwrap();
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "out.json", "prod.json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("out.json: written in place"), "{}", r.stderr);
    assert_eq!(read(d, "backup.json"), read(d, "out.json"), "every name sees the output");
    assert_eq!(
        std::fs::metadata(d.join("out.json")).unwrap().ino(),
        std::fs::metadata(d.join("backup.json")).unwrap().ino()
    );

    write(d, "ro.json", "old");
    std::fs::set_permissions(d.join("ro.json"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "ro.json", "prod.json"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.is_empty() && r.stderr.contains("-o ro.json: the file is read-only; left untouched"),
        "{}",
        r.stderr
    );
    assert_eq!(read(d, "ro.json"), "old");
}

#[test]
fn out_dir_rerun_replaces_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "configs/a.json", PROD);
    write(d, "configs/b.json", OTHER);
    let args = ["translate", "--to", "alibaba-fc3", "--out-dir", "out", "configs"];
    let r = run_in(d, &args, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("wrote 2 files: out/a.json, out/b.json"), "{}", r.stderr);
    let r = run_in(d, &args, None);
    assert_eq!(r.code, 0, "re-running a migration is normal: {}", r.stderr);
    assert!(r.stderr.contains("wrote 2 files, replacing 2 existing files: "), "{}", r.stderr);
    write(d, "configs/c.json", PROD);
    let r = run_in(d, &args, None);
    assert!(r.stderr.contains("wrote 3 files, replacing 2 existing files: "), "{}", r.stderr);
    assert_eq!(read(d, "configs/a.json"), PROD);
}

#[test]
fn two_outputs_on_one_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "r.json", "--report", "./r.json", "prod.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("-o r.json and --report ./r.json are the same file"), "{}", r.stderr);
    assert!(!d.join("r.json").exists(), "nothing is written");
    let r = run_in(
        d,
        &["translate", "--to", "alibaba-fc3", "--out-dir", "o", "--report", "o/prod.json", "prod.json"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!d.join("o/prod.json").exists());
}

#[test]
fn a_pipe_output_is_written_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "prod.json", PROD);
    // A named pipe stands for any device (`-o /dev/null`, `/dev/stdout`): replacing it
    // with a regular file, as a rename does, would break it for everyone after.
    let made = std::process::Command::new("mkfifo").arg(d.join("pipe")).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let pipe = d.join("pipe");
    let reader = std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap());
    let r = run_in(d, &["translate", "--to", "alibaba-fc3", "-o", "pipe", "prod.json"], None);
    if r.code != 0 {
        // The reader waits for a writer: give it one, so a failure fails instead of hanging.
        let _ = std::fs::OpenOptions::new().write(true).open(d.join("pipe"));
    }
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(reader.join().unwrap().contains("\"maxAsyncRetryAttempts\": 1"), "the pipe's reader gets the output");
    assert!(std::fs::symlink_metadata(d.join("pipe")).unwrap().file_type().is_fifo(), "the pipe stays a pipe");
}

/// How a generated case names a file or directory of the tree below.
#[derive(Debug, Clone, Copy)]
enum Spelling {
    Plain,
    Dot,
    ParentHop,
    Absolute,
    ThroughLinkedDir,
}

fn spell(d: &Path, dir: &str, name: &str, spelling: Spelling) -> String {
    let joined = |dir: &str| if name.is_empty() { dir.to_string() } else { format!("{dir}/{name}") };
    match spelling {
        Spelling::Plain => joined(dir),
        Spelling::Dot => joined(&format!("./{dir}")),
        Spelling::ParentHop => joined(&format!("empty/../{dir}")),
        Spelling::Absolute => joined(&d.join(dir).display().to_string()),
        // `cfglink` -> `cfg`, `outlink` -> `out`.
        Spelling::ThroughLinkedDir => joined(&format!("{dir}link")),
    }
}

fn spelling() -> impl Strategy<Value = Spelling> {
    prop_oneof![
        Just(Spelling::Plain),
        Just(Spelling::Dot),
        Just(Spelling::ParentHop),
        Just(Spelling::Absolute),
        Just(Spelling::ThroughLinkedDir),
    ]
}

/// The files of the tree: (directory, name), and which real file each is.
/// `cfg/hard.json` is a hard link to `cfg/prod.json`, `cfg/link.json` a symlink to it.
const FILES: [(&str, &str, &str); 5] = [
    ("cfg", "prod.json", "prod"),
    ("cfg", "hard.json", "prod"),
    ("cfg", "link.json", "prod"),
    ("cfg", "other.json", "other"),
    ("out", "prod.json", "earlier"),
];

#[derive(Debug, Clone)]
enum Command {
    Output,
    Report,
    OutDir,
    LintOutputFile,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever the spellings, a run writes over no input: when the output
    /// is (a name of) an input it exits 2 and writes nothing; otherwise it
    /// writes the output and the inputs keep their bytes.
    #[test]
    fn no_output_is_ever_written_over_an_input(
        inputs in proptest::sample::subsequence(vec![0usize, 1, 2, 3], 1..=2),
        input_spellings in proptest::collection::vec(spelling(), 2),
        output in 0usize..FILES.len() + 1,
        output_spelling in spelling(),
        out_dir_is_cfg in any::<bool>(),
        walk in any::<bool>(),
        command in prop_oneof![Just(Command::Output), Just(Command::Report), Just(Command::OutDir), Just(Command::LintOutputFile)],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "cfg/prod.json", PROD);
        write(d, "cfg/other.json", OTHER);
        write(d, "out/prod.json", "earlier");
        std::fs::create_dir(d.join("empty")).unwrap();
        std::fs::hard_link(d.join("cfg/prod.json"), d.join("cfg/hard.json")).unwrap();
        symlink("prod.json", d.join("cfg/link.json")).unwrap();
        symlink("cfg", d.join("cfglink")).unwrap();
        symlink("out", d.join("outlink")).unwrap();

        let inputs: Vec<usize> = match command {
            // -o and stdout take one input.
            Command::Output | Command::Report => inputs[..1].to_vec(),
            _ => inputs,
        };
        let walk = walk && matches!(command, Command::OutDir | Command::LintOutputFile);
        let (given, read_real): (Vec<String>, Vec<&str>) = if walk {
            // The directory, walked: prod.json, hard.json, other.json (a symlink is not followed).
            (vec![spell(d, "cfg", "", input_spellings[0])], vec!["prod", "other"])
        } else {
            (
                inputs.iter().zip(&input_spellings).map(|(&i, &s)| spell(d, FILES[i].0, FILES[i].1, s)).collect(),
                inputs.iter().map(|&i| FILES[i].2).collect(),
            )
        };
        // The output: one of the files above, or a new one.
        let (out_dir, out_name, out_real) = FILES.get(output).copied().unwrap_or(("cfg", "new.json", "new"));
        let out_path = spell(d, out_dir, out_name, output_spelling);
        let mut args: Vec<String> = match command {
            Command::Output => vec!["translate".into(), "--to".into(), "alibaba-fc3".into(), "-o".into(), out_path.clone()],
            Command::Report => vec!["translate".into(), "--to".into(), "alibaba-fc3".into(), "--report".into(), out_path.clone()],
            Command::OutDir => vec![
                "translate".into(), "--to".into(), "alibaba-fc3".into(), "--out-dir".into(),
                spell(d, if out_dir_is_cfg { "cfg" } else { "out" }, "", output_spelling),
            ],
            Command::LintOutputFile => vec!["lint".into(), "--output-file".into(), out_path.clone()],
        };
        args.extend(given.iter().cloned());
        // What the oracle says: does an output name a file that is read?
        // Under --out-dir each input is written as DIR/its name (DIR/its path
        // under a walked directory), and every input is a name in cfg/, so
        // with DIR = cfg the output is the input itself.
        let clash = match command {
            Command::OutDir => out_dir_is_cfg,
            _ => read_real.contains(&out_real),
        };
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run_in(d, &words, None);
        let unchanged = |real: &str| match real {
            "prod" => read(d, "cfg/prod.json") == PROD,
            "other" => read(d, "cfg/other.json") == OTHER,
            _ => true,
        };
        for real in &read_real {
            prop_assert!(unchanged(real), "{:?} wrote over the input {}: {}", args, real, r.stderr);
        }
        prop_assert!(std::fs::symlink_metadata(d.join("cfg/link.json")).unwrap().file_type().is_symlink());
        if clash {
            prop_assert_eq!(r.code, 2, "{:?}: {}", args, r.stderr);
            prop_assert!(r.stderr.contains("is the same file as the input"), "{:?}: {}", args, r.stderr);
            prop_assert!(unchanged("prod") && unchanged("other"), "nothing written: {:?}", args);
            prop_assert_eq!(read(d, "out/prod.json"), "earlier", "nothing written: {:?}", args);
            prop_assert!(!d.join("cfg/new.json").exists(), "nothing written: {:?}", args);
        } else {
            prop_assert_eq!(r.code, 0, "{:?}: {}", args, r.stderr);
        }
    }
}
