//! `invokecfg lint`: [`run`] reads the settings and the inputs
//! (`inputs.rs`), lints each input in parallel (`source.rs`, with its fixes
//! in `fix.rs`), adds the stale suppressions (`stale.rs`) and shows the
//! findings (`output.rs`).

mod fix;
mod inputs;
mod output;
mod source;
mod stale;

pub(crate) use fix::fixed_text;
pub(crate) use source::{lint_source, Outcome};

use crate::config::{Config, ConfigFinder};
use crate::escape::{controls, Newlines};
use crate::formats::{FileFindings, RunInfo};
use crate::LintArgs;
use invokecfg_lint::LintOptions;
use invokecfg_model::Dialect;
use invokecfg_translate::Mapping;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub(crate) struct Input {
    /// Path as shown.
    pub shown: String,
    /// Path on disk (None: stdin).
    pub path: Option<PathBuf>,
    /// Named on the command line (not found by walking).
    pub explicit: bool,
}

/// Human notes on stderr (`--verbose`), with control characters escaped.
fn note(args: &LintArgs, text: &str) {
    if args.verbose {
        eprintln!("{}", controls(text, Newlines::Escaped));
    }
}

pub(crate) fn options_for(args: &LintArgs, config: Option<&Config>, mapping: Option<&Arc<Mapping>>) -> LintOptions {
    let dialect = match args.dialect.as_deref() {
        Some("auto") => None,
        Some(d) => d.parse().ok(),
        None => config.and_then(|c| c.dialect),
    };
    let mut severities = config.map(|c| c.severities.clone()).unwrap_or_default();
    severities.extend(args.severity.iter().cloned());
    LintOptions {
        dialect,
        target: args
            .target
            .as_deref()
            .and_then(|t| t.parse::<Dialect>().ok())
            .or_else(|| config.and_then(|c| c.target)),
        select: if args.select.is_empty() {
            config.map(|c| c.select.clone()).unwrap_or_default()
        } else {
            args.select.clone()
        },
        ignore: config
            .map(|c| c.ignore.clone())
            .unwrap_or_default()
            .into_iter()
            .chain(args.ignore.iter().cloned())
            .collect(),
        severities,
        function: args.function.clone().or_else(|| config.and_then(|c| c.function.clone())),
        mapping: mapping.cloned(),
        role: invokecfg_lint::DocumentRole::default(),
        translation_notes: None,
        unsafe_fixes: args.which_fixes(),
    }
}

/// Whether the config's `exclude` skips `input` (a named file only with `--force-exclude`).
pub(crate) fn excluded(args: &LintArgs, input: &Input, config: Option<&Config>) -> bool {
    if let (Some(c), Some(p)) = (config, &input.path) {
        if c.excludes(p) {
            if !input.explicit || args.force_exclude {
                note(args, &format!("{}: excluded by {}", input.shown, c.path.display()));
                return true;
            }
            note(
                args,
                &format!(
                    "{}: linted although excluded by {}, because it was named (--force-exclude skips it)",
                    input.shown,
                    c.path.display()
                ),
            );
        }
    }
    false
}

/// A usage, I/O or configuration error: exit 2.
fn fail(message: &str) -> ExitCode {
    // The message and its help lines, each escaped.
    let lines: Vec<String> = message.lines().map(|l| controls(l, Newlines::Escaped)).collect();
    eprintln!("invokecfg: error: {}", lines.join("\n"));
    ExitCode::from(2)
}

/// Everything the inputs gave.
#[derive(Default)]
struct Gathered {
    files: Vec<FileFindings>,
    info: RunInfo,
    /// `--diff`'s hunks, input after input.
    diffs: String,
    /// `--show-fixes`'s lines.
    applied: Vec<String>,
}

impl Gathered {
    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Linted { findings, fixes } => {
                self.applied.extend(fixes.applied);
                if let Some(n) = &mut self.info.fixed {
                    *n += fixes.fixed;
                }
                self.diffs.push_str(&fixes.diff);
                self.files.push(findings);
                self.info.problems.extend(fixes.problem);
            }
            Outcome::Failed(p) => self.info.problems.push(p),
            Outcome::Skipped => {}
            Outcome::NotAConfig => self.info.skipped += 1,
        }
    }
}

/// Whether the run's `--select` / `--ignore` leave `rule` on.
fn selected(args: &LintArgs, rule: &invokecfg_lint::RuleInfo) -> bool {
    (args.select.is_empty() || args.select.iter().any(|s| invokecfg_lint::selector_matches(s, rule)))
        && !args.ignore.iter().any(|s| invokecfg_lint::selector_matches(s, rule))
}

pub fn run(args: &LintArgs) -> ExitCode {
    let explicit = match args.config.as_deref().map(|p| Config::load(Path::new(p))).transpose() {
        Ok(c) => c.map(Arc::new),
        Err(e) => return fail(&e),
    };
    let mapping = match args.map.as_deref().map(crate::translate_cmd::load_mapping).transpose() {
        Ok(m) => m.map(Arc::new),
        Err(e) => return fail(&e),
    };
    let mut gathered = Gathered::default();
    let inputs = inputs::collect(args, &mut gathered.info.problems);
    let configs = match inputs::configs_for(&inputs, explicit.as_ref(), &ConfigFinder::default()) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    if let Err(e) = inputs::check_output(args, &inputs, &configs) {
        return fail(&e);
    }
    let lint_one =
        |(input, config): (&Input, &Option<_>)| source::lint_one(args, input, config.as_deref(), mapping.as_ref());
    // One file (a pre-commit hook's or an editor's call) is linted on this
    // thread: starting the pool's threads would cost more than the lint.
    let outcomes: Vec<Outcome> = if inputs.len() > 1 {
        inputs.par_iter().zip(configs.par_iter()).map(lint_one).collect()
    } else {
        inputs.iter().zip(configs.iter()).map(lint_one).collect()
    };
    gathered.info.fixed = args.fix.then_some(0);
    gathered.info.unsafe_fixes = args.which_fixes();
    gathered.info.rules_url =
        args.rules_url.clone().or_else(|| configs.iter().flatten().find_map(|c| c.rules_url.clone()));
    gathered.files.reserve(outcomes.len());
    outcomes.into_iter().for_each(|o| gathered.add(o));
    if selected(args, invokecfg_lint::RuleCode::S115.info()) {
        gathered.files.extend(stale::suppressions(&configs));
    }
    let stdin_fixing = args.fix && inputs.iter().any(|i| i.path.is_none());
    output::show(args, &gathered, stdin_fixing)
}
