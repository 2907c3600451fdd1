//! What `lint` prints: the findings in their format (or the diff, or the
//! statistics), where to (stdout, `--output-file`, stderr when stdout
//! carries a fixed stdin), and the exit code.

use super::fix::FixMode;
use super::Gathered;
use crate::escape::{self, controls, Newlines};
use crate::formats::{self, Colour, Counts, Rendering, Summary};
use crate::{LintArgs, LintFormat};
use anstream::{AutoStream, ColorChoice};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Prints what the run found and returns its exit code: 2 for a problem
/// (a path not read, a fix not written), 1 for error findings (or, with
/// `--diff`, for any change), else 0.
pub(super) fn show(args: &LintArgs, run: &Gathered, stdin_fixing: bool) -> ExitCode {
    let info = &run.info;
    if !args.quiet && run.files.is_empty() && info.skipped == 0 && info.problems.is_empty() {
        eprintln!("invokecfg: warning: no JSON files found under the given paths");
    }
    let mode = FixMode::of(args);
    // Machine formats keep stdout parseable: the problems go to stderr too.
    if !matches!(args.format, LintFormat::Text) || args.statistics || mode == FixMode::Diff {
        for p in &info.problems {
            eprintln!("invokecfg: error: {}", controls(&p.to_string(), Newlines::Escaped));
        }
    }
    let mut rendered = if mode == FixMode::Diff {
        escape::source(&run.diffs)
    } else {
        let cwd = std::env::current_dir().unwrap_or_default();
        formats::render(rendering(args), &run.files, info, &cwd)
    };
    if args.show_fixes && mode == FixMode::Apply && matches!(args.format, LintFormat::Text) {
        rendered.push_str(&shown_fixes(&run.applied));
    }
    if let Err(e) = write(args, &rendered, stdin_fixing) {
        return super::fail(&e);
    }
    let errors = Counts::of(&run.files).errors;
    if !info.problems.is_empty() {
        ExitCode::from(2)
    } else if match mode {
        FixMode::Diff => !run.diffs.is_empty(),
        FixMode::Apply | FixMode::Report => errors > 0 && !args.exit_zero,
    } {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// How the flags say the findings are shown.
fn rendering(args: &LintArgs) -> Rendering {
    if args.statistics {
        return Rendering::Statistics { format: args.format };
    }
    let summary = if args.quiet { Summary::Left } else { Summary::Shown };
    Rendering::Findings { format: args.format, colour: colour(args), summary }
}

/// Colour on stdout as clap decides it for its help: never into
/// `--output-file`; else `NO_COLOR` wins, then `CLICOLOR_FORCE`, then
/// `CLICOLOR=0`, then whether stdout is a terminal that takes colour.
fn colour(args: &LintArgs) -> Colour {
    if args.output_file.is_some() {
        return Colour::Plain;
    }
    match AutoStream::choice(&std::io::stdout()) {
        ColorChoice::Always | ColorChoice::AlwaysAnsi => Colour::Ansi,
        ColorChoice::Never | ColorChoice::Auto => Colour::Plain,
    }
}

/// `--show-fixes`: each fix `--fix` applied, after the findings.
fn shown_fixes(applied: &[String]) -> String {
    let list: String = applied.iter().map(|l| format!("  {}\n", controls(l, Newlines::Escaped))).collect();
    let count = if applied.len() == 1 { "1 finding".to_string() } else { format!("{} findings", applied.len()) };
    format!("Fixed {count}:\n{list}")
}

/// Writes the output to `--output-file`, stdout, or (stdout carrying a
/// fixed stdin) stderr.
fn write(args: &LintArgs, rendered: &str, stdin_fixing: bool) -> Result<(), String> {
    if let Some(out) = &args.output_file {
        crate::outputs::write(Path::new(out), rendered.as_bytes())
    } else if stdin_fixing {
        // With stdin and --fix, stdout carries the fixed text, so findings go to stderr.
        eprint!("{rendered}");
        Ok(())
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(rendered.as_bytes());
        let _ = out.flush();
        Ok(())
    }
}
