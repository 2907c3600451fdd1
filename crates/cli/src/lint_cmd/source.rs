//! One input linted: read, claimed as a config or skipped, fixed or
//! diffed, its suppressions applied. `invokecfg server` lints an editor's
//! buffer through [`lint_source`] too.

use super::fix::{self, Fixes};
use super::{note, options_for, Input};
use crate::config::Config;
use crate::formats::{FileFindings, Problem};
use crate::io::{describe, read_input};
use crate::LintArgs;
use invokecfg_iac::surface::{self, Claim, Surface, Verdict};
use invokecfg_lint::LintOptions;
use invokecfg_translate::Mapping;
use std::path::Path;
use std::sync::Arc;

/// What linting one input gave.
pub(crate) enum Outcome {
    /// Its findings (of the fixed text when `--fix` wrote it) and what the fixes did.
    Linted { findings: FileFindings, fixes: Fixes },
    /// It could not be read.
    Failed(Problem),
    /// The config's `exclude` names it.
    Skipped,
    /// Not an async invocation config.
    NotAConfig,
}

/// Lints one input: reads it, decides whether it is a config, fixes it or
/// diffs the fix, and applies the config file's suppressions.
pub(super) fn lint_one(
    args: &LintArgs,
    input: &Input,
    config: Option<&Config>,
    mapping: Option<&Arc<Mapping>>,
) -> Outcome {
    if super::excluded(args, input, config) {
        return Outcome::Skipped;
    }
    let read = match &input.path {
        Some(p) => crate::io::read_file(p),
        None => read_input("-"),
    };
    match read {
        Ok(source) => lint_source(args, input, source, config, mapping),
        Err(e) => Outcome::Failed(Problem { path: input.shown.clone(), message: describe(&e) }),
    }
}

/// Lints `source` as the text of `input` (read from disk, stdin, or an
/// editor's buffer: `invokecfg server` lints through here too).
pub(crate) fn lint_source(
    args: &LintArgs,
    input: &Input,
    source: Vec<u8>,
    config: Option<&Config>,
    mapping: Option<&Arc<Mapping>>,
) -> Outcome {
    let options = options_for(args, config, mapping);
    let claim = if args.dialect.as_deref().is_some_and(|d| d != "auto")
        || config.zip(input.path.as_ref()).is_some_and(|(c, p)| c.includes(p))
    {
        Claim::Claimed
    } else {
        Claim::IfConfig
    };
    let (kind, verdict) = surface::lint_file_text(Path::new(&input.shown), &source, &options, claim);
    let mut result = match verdict {
        Verdict::NotAConfig(why) => {
            note(
                args,
                &format!(
                    "{}: skipped, not an async invocation config ({why}); --dialect or the config's `include` lints it",
                    input.shown
                ),
            );
            return Outcome::NotAConfig;
        }
        Verdict::Linted(linted) => {
            for n in linted.notes {
                note(args, &format!("{}: {n}", input.shown));
            }
            linted.result
        }
    };
    if args.verbose && kind == Surface::ApiJson {
        note(args, &format!("{}: {}", input.shown, read_as(&options, &source)));
    }
    let (shown_source, fixes) = fix::apply(args, input, (kind, source), &options, &mut result);
    if let (Some(c), Some(p)) = (config, &input.path) {
        c.silence(p, &mut result.diagnostics);
    }
    let findings = FileFindings {
        path: input.shown.clone(),
        // Kept for the snippets of findings only: a clean file's text is let
        // go now, so a run over many files does not hold every file at once.
        // Valid UTF-8 (nearly every file) is taken as it is, without a copy.
        source: if result.diagnostics.is_empty() {
            String::new()
        } else {
            String::from_utf8(shown_source).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        },
        diagnostics: result.diagnostics,
    };
    Outcome::Linted { findings, fixes }
}

/// Which dialect an API JSON document was read as, and why (`--verbose`).
fn read_as(options: &LintOptions, source: &[u8]) -> String {
    match (options.dialect, invokecfg_model::span::parse(source).map(|p| invokecfg_model::detect(&p.value))) {
        (Some(d), _) => format!("read as {d} (--dialect or config)"),
        (None, Ok(Ok(d))) => format!("read as {} ({})", d.dialect, d.reason),
        (None, Ok(Err(e))) => format!("no dialect: {e}"),
        (None, Err(_)) => "not JSON".into(),
    }
}
