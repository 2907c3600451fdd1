//! `--fix` and `--diff`: which fixes apply, the fixed text, where it is
//! written (in place, atomically; stdout for stdin) and what it changed.
//! Which fixes `--fix` applies (their applicability) is decided here.

use super::Input;
use crate::escape::{controls, Newlines};
use crate::formats::Problem;
use crate::io::{describe, write_fix, Written};
use crate::LintArgs;
use invokecfg_iac::surface::{self, Surface};
use invokecfg_lint::{LintOptions, LintResult};
use invokecfg_model::Diagnostic;
use std::io::Write;
use std::path::Path;

/// What the run does with the fixes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum FixMode {
    /// Report the findings only.
    Report,
    /// `--fix`: write the fixed text.
    Apply,
    /// `--diff`: print what `--fix` would change.
    Diff,
}

impl FixMode {
    pub(super) fn of(args: &LintArgs) -> FixMode {
        match (args.fix, args.diff) {
            (true, _) => FixMode::Apply,
            (false, true) => FixMode::Diff,
            (false, false) => FixMode::Report,
        }
    }
}

/// What `--fix` or `--diff` did to one input.
#[derive(Default)]
pub(crate) struct Fixes {
    /// Fixes applied.
    pub fixed: usize,
    /// The unified diff (`--diff`).
    pub diff: String,
    /// `path:line:col: CODE fix` for each finding a fix removed (`--show-fixes`).
    pub applied: Vec<String>,
    /// The fix could not be written (the findings of the unfixed file stay).
    pub problem: Option<Problem>,
}

/// The text `--fix` makes of `source` (the text of `input`), and the number of fixes applied.
pub(crate) fn fixed_text(input: &Input, source: &[u8], options: &LintOptions) -> (Vec<u8>, usize) {
    surface::fix(Surface::of(Path::new(&input.shown), source), source, options)
}

/// Applies (or diffs) the fixes of `input`, whose text is `source` and
/// whose findings are `result`. Returns the text the findings are now of:
/// the fixed text once it is written, else `source`; `result` is then the
/// fixed text's findings.
pub(super) fn apply(
    args: &LintArgs,
    input: &Input,
    (kind, source): (Surface, Vec<u8>),
    options: &LintOptions,
    result: &mut LintResult,
) -> (Vec<u8>, Fixes) {
    let mode = FixMode::of(args);
    if mode == FixMode::Report {
        return (source, Fixes::default());
    }
    let (text, n) = fixed_text(input, &source, options);
    if mode == FixMode::Diff {
        let diff =
            crate::diff::unified(&input.shown, &String::from_utf8_lossy(&source), &String::from_utf8_lossy(&text));
        return (source, Fixes { diff, ..Fixes::default() });
    }
    match &input.path {
        // stdin: the fixed text is the result.
        None => {
            let _ = std::io::stdout().lock().write_all(&text);
        }
        Some(_) if n == 0 => return (source, Fixes::default()),
        Some(path) => match write_fix(path, &text) {
            Ok(how) => announce(args, input, n, &how),
            Err(e) => {
                let message = format!("cannot write the fix: {}", describe(&e));
                return (
                    source,
                    Fixes { problem: Some(Problem { path: input.shown.clone(), message }), ..Fixes::default() },
                );
            }
        },
    }
    let before = std::mem::replace(result, surface::lint(kind, &text, options).result);
    let applied = applied(&input.shown, &before.diagnostics, &result.diagnostics);
    (text, Fixes { fixed: n, applied, ..Fixes::default() })
}

/// `Fixed N findings in PATH` on stderr, saying when a link decided where.
fn announce(args: &LintArgs, input: &Input, n: usize, how: &Written) {
    if args.quiet {
        return;
    }
    let how = match how {
        Written::Atomically | Written::Stream => String::new(),
        Written::ThroughLink(t) => format!(" (through the symlink, in {})", t.display()),
        Written::InPlace => " (in place: the file has other hard links)".into(),
    };
    let findings = if n == 1 { "finding" } else { "findings" };
    eprintln!("{}", controls(&format!("Fixed {n} {findings} in {}{how}", input.shown), Newlines::Escaped));
}

/// The fixable findings before `--fix` that are gone after it, as
/// `path:line:col: CODE fix` lines for `--show-fixes`.
fn applied(path: &str, before: &[Diagnostic], after: &[Diagnostic]) -> Vec<String> {
    before
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let gone = !after.iter().any(|a| a.code == d.code && a.message == d.message);
            let (line, col) = d.span.map_or((1, 1), |s| (s.start.line, s.start.column));
            gone.then(|| format!("{path}:{line}:{col}: {} {}", d.code, fix.message))
        })
        .collect()
}
