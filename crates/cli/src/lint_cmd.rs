//! `invokecfg lint`.

use crate::config::{Config, ConfigFinder, CONFIG_NAMES};
use crate::formats::{self, FileFindings, Problem, RunInfo};
use crate::io::{describe, read_input, write_fix, Written};
use crate::{escape, LintArgs, LintFormat};
use invokecfg_iac::surface::{self, Claim, Surface, Verdict};
use invokecfg_lint::LintOptions;
use invokecfg_model::{Diagnostic, Dialect, Position, Span};
use invokecfg_translate::Mapping;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

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
        eprintln!("{}", escape::controls(text, false));
    }
}

fn collect_inputs(args: &LintArgs, problems: &mut Vec<Problem>) -> Vec<Input> {
    let mut inputs = Vec::new();
    let paths: Vec<String> = match (args.paths.is_empty(), &args.stdin_filename) {
        // As ruff: a stdin file name and no path reads stdin.
        (true, Some(_)) => vec!["-".into()],
        (true, None) => vec![".".into()],
        (false, _) => args.paths.clone(),
    };
    // One path is one walk (or one file): each file comes once. Several may overlap.
    let overlap = paths.len() > 1;
    let mut seen = HashSet::new();
    let mut push = |inputs: &mut Vec<Input>, input: Input| {
        let key = input.path.as_deref().filter(|_| overlap).map(crate::io::identity);
        if key.is_none() || seen.insert(key) {
            inputs.push(input);
        }
    };
    for p in paths {
        if p == "-" {
            let shown = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
            push(&mut inputs, Input { shown, path: None, explicit: true });
            continue;
        }
        let path = PathBuf::from(&p);
        if path.is_dir() {
            let hidden = Arc::new(Mutex::new(Vec::new()));
            let seen_hidden = hidden.clone();
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(&path)
                .require_git(false)
                .hidden(false)
                .filter_entry(move |e| {
                    let is_hidden = e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                    // Hidden directories are not walked (a named hidden config file still is linted).
                    let skip = is_hidden && e.file_type().is_some_and(|t| t.is_dir());
                    if skip {
                        if let Ok(mut h) = seen_hidden.lock() {
                            h.push(e.path().display().to_string());
                        }
                    }
                    !skip
                })
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| surface::walked(p))
                .filter(|p| !p.file_name().is_some_and(|n| CONFIG_NAMES.iter().any(|c| n == *c)))
                .collect();
            if let Ok(h) = hidden.lock() {
                for d in h.iter() {
                    note(args, &format!("{d}: hidden directory, not walked (name it to lint it)"));
                }
            }
            // Byte order: deterministic, and much cheaper than component-wise Path ordering.
            found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            for f in found {
                push(&mut inputs, Input { shown: f.display().to_string(), path: Some(f), explicit: false });
            }
        } else if path.exists() {
            push(&mut inputs, Input { shown: p.clone(), path: Some(path), explicit: true });
        } else {
            problems.push(Problem { path: p.clone(), message: "No such file or directory".into() });
        }
    }
    inputs
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

pub(crate) enum Outcome {
    Linted { findings: FileFindings, fixed: usize, diff: String, problem: Option<Problem>, applied: Vec<String> },
    Failed(Problem),
    Skipped,
    NotAConfig,
}

/// Lints one input: reads it, decides whether it is a config, fixes it or
/// diffs the fix, and applies the config file's suppressions.
fn lint_one(args: &LintArgs, input: &Input, config: Option<&Config>, mapping: Option<&Arc<Mapping>>) -> Outcome {
    if excluded(args, input, config) {
        return Outcome::Skipped;
    }
    let read = match &input.path {
        Some(p) => std::fs::read(p),
        None => read_input("-"),
    };
    match read {
        Ok(source) => lint_source(args, input, source, config, mapping),
        Err(e) => Outcome::Failed(Problem { path: input.shown.clone(), message: describe(&e) }),
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

/// The text `--fix` makes of `source` (the text of `input`), and the number of fixes applied.
pub(crate) fn fixed_text(input: &Input, source: &[u8], options: &LintOptions) -> (Vec<u8>, usize) {
    surface::fix(Surface::of(Path::new(&input.shown), source), source, options)
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
        let why =
            match (options.dialect, invokecfg_model::span::parse(&source).map(|p| invokecfg_model::detect(&p.value))) {
                (Some(d), _) => format!("read as {d} (--dialect or config)"),
                (None, Ok(Ok(d))) => format!("read as {} ({})", d.dialect, d.reason),
                (None, Ok(Err(e))) => format!("no dialect: {e}"),
                (None, Err(_)) => "not JSON".into(),
            };
        note(args, &format!("{}: {why}", input.shown));
    }
    let mut fixed = 0;
    let mut applied = Vec::new();
    let mut diff = String::new();
    let mut problem = None;
    let mut shown_source = source;
    if args.fix || args.diff {
        let (text, n) = fixed_text(input, &shown_source, &options);
        if args.diff {
            diff = crate::diff::unified(
                &input.shown,
                &String::from_utf8_lossy(&shown_source),
                &String::from_utf8_lossy(&text),
            );
        } else if let Some(p) = &input.path {
            if n > 0 {
                match write_fix(p, &text) {
                    Ok(how) => {
                        let how = match how {
                            Written::Atomically | Written::Stream => String::new(),
                            Written::ThroughLink(t) => format!(" (through the symlink, in {})", t.display()),
                            Written::InPlace => " (in place: the file has other hard links)".into(),
                        };
                        if !args.quiet {
                            eprintln!(
                                "{}",
                                escape::controls(
                                    &format!(
                                        "Fixed {n} finding{} in {}{how}",
                                        if n == 1 { "" } else { "s" },
                                        input.shown
                                    ),
                                    false
                                )
                            );
                        }
                        fixed = n;
                        shown_source = text;
                        let before =
                            std::mem::replace(&mut result, surface::lint(kind, &shown_source, &options).result);
                        applied = fixes_applied(&input.shown, &before.diagnostics, &result.diagnostics);
                    }
                    // The findings of the unfixed file stay in the report.
                    Err(e) => {
                        problem = Some(Problem {
                            path: input.shown.clone(),
                            message: format!("cannot write the fix: {}", describe(&e)),
                        });
                    }
                }
            }
        } else {
            // stdin: the fixed text is the result.
            let _ = std::io::stdout().lock().write_all(&text);
            fixed = n;
            shown_source = text;
            let before = std::mem::replace(&mut result, surface::lint(kind, &shown_source, &options).result);
            applied = fixes_applied(&input.shown, &before.diagnostics, &result.diagnostics);
        }
    }
    if let (Some(c), Some(p)) = (config, &input.path) {
        c.silence(p, &mut result.diagnostics);
    }
    Outcome::Linted {
        findings: FileFindings {
            path: input.shown.clone(),
            source: String::from_utf8_lossy(&shown_source).into_owned(),
            diagnostics: result.diagnostics,
        },
        fixed,
        diff,
        problem,
        applied,
    }
}

/// The fixable findings before `--fix` that are gone after it, as
/// `path:line:col: CODE fix` lines for `--show-fixes`.
fn fixes_applied(
    path: &str,
    before: &[invokecfg_model::Diagnostic],
    after: &[invokecfg_model::Diagnostic],
) -> Vec<String> {
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

/// The configuration for each input: `--config`, else the nearest file (one lookup per directory).
fn configs_for(
    inputs: &[Input],
    explicit: Option<&Arc<Config>>,
    finder: &ConfigFinder,
) -> Result<Vec<Option<Arc<Config>>>, String> {
    let mut configs = Vec::with_capacity(inputs.len());
    let mut last: Option<(PathBuf, Option<Arc<Config>>)> = None;
    for input in inputs {
        if let Some(c) = explicit {
            configs.push(Some(c.clone()));
            continue;
        }
        let file = input.path.clone().unwrap_or_else(|| PathBuf::from(&input.shown));
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        match &last {
            Some((d, c)) if *d == dir => configs.push(c.clone()),
            _ => {
                let c = match finder.for_file(&file) {
                    Ok(c) => c,
                    Err(e) if input.path.is_some() => return Err(e),
                    Err(_) => None,
                };
                configs.push(c.clone());
                last = Some((dir, c));
            }
        }
    }
    Ok(configs)
}

/// Suppressions that silenced nothing in the files they name that this run
/// linted (a run over some files, as pre-commit's, says nothing of the
/// others): S115 findings in the config file that holds them.
fn stale_suppressions(configs: &[Option<Arc<Config>>]) -> Vec<FileFindings> {
    let Some(rule) = Some(invokecfg_lint::RuleCode::S115.info()) else { return Vec::new() };
    let mut seen = Vec::new();
    let mut out: Vec<FileFindings> = Vec::new();
    for s in configs.iter().flatten().flat_map(|c| &c.suppress) {
        if seen.iter().any(|x| Arc::ptr_eq(x, s)) {
            continue;
        }
        seen.push(s.clone());
        if s.files.load(Ordering::Relaxed) == 0 || s.used.load(Ordering::Relaxed) > 0 {
            continue;
        }
        // Shown as the linted files are: relative to the working directory when under it.
        let cwd = std::env::current_dir().unwrap_or_default();
        let path = s.file.strip_prefix(&cwd).unwrap_or(&s.file).display().to_string();
        let at = match out.iter().position(|f| f.path == path) {
            Some(i) => i,
            None => {
                let source =
                    std::fs::read(&s.file).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
                out.push(FileFindings { path, source, diagnostics: Vec::new() });
                out.len() - 1
            }
        };
        let file = &mut out[at];
        let mut d = Diagnostic::new(
            rule.code,
            rule.severity,
            "/suppress",
            format!(
                "this suppression of {} in `{}`{} matched no finding in the files linted",
                s.code,
                s.glob,
                s.pointer.as_deref().map(|p| format!(" at `{p}`")).unwrap_or_default()
            ),
        );
        d.help = Some("remove it from the config file: it would hide the next real finding there".into());
        d.span = position(&file.source, s.at).map(|start| Span { start, end: start });
        file.diagnostics.push(d);
    }
    out
}

/// `--output-file`, checked before any work (and before any fix is written):
/// writable, and not one of the files linted (`outputs::check`). A walked
/// file the config excludes is not linted, so it may be the output.
fn check_output(args: &LintArgs, inputs: &[Input], configs: &[Option<Arc<Config>>]) -> Result<(), String> {
    let Some(out) = &args.output_file else { return Ok(()) };
    crate::outputs::check_writable("--output-file", Path::new(out))?;
    let read: Vec<crate::outputs::Input> = inputs
        .iter()
        .zip(configs)
        .filter_map(|(input, config)| {
            let path = input.path.as_deref()?;
            let excluded = config.as_ref().is_some_and(|c| c.excludes(path));
            if excluded && (!input.explicit || args.force_exclude) {
                return None;
            }
            let found_under = crate::outputs::found_under(&input.shown, &args.paths);
            Some(crate::outputs::Input { shown: &input.shown, found_under })
        })
        .collect();
    let output = crate::outputs::Output {
        flag: "--output-file",
        given: out.clone(),
        path: PathBuf::from(out),
        instead:
            "write the output to a file that is not linted: outside the paths given, or in the config file's `exclude`",
    };
    crate::outputs::check(&read, &[output])
}

/// The position of 1-based (line, column) in `text`, columns in characters.
fn position(text: &str, (line, column): (usize, usize)) -> Option<Position> {
    let start = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum::<usize>();
    let offset = start + text.get(start..)?.chars().take(column.checked_sub(1)?).map(char::len_utf8).sum::<usize>();
    Some(Position { line, column, offset })
}

pub fn run(args: &LintArgs) -> ExitCode {
    let explicit = match &args.config {
        Some(p) => match Config::load(Path::new(p)) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => {
                eprintln!("invokecfg: error: {}", escape::controls(&e, true));
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mapping = match args.map.as_deref().map(crate::translate_cmd::load_mapping).transpose() {
        Ok(m) => m.map(Arc::new),
        Err(e) => {
            eprintln!("invokecfg: error: {}", escape::controls(&e, true));
            return ExitCode::from(2);
        }
    };
    let finder = ConfigFinder::default();
    let mut problems = Vec::new();
    let inputs = collect_inputs(args, &mut problems);
    let configs = match configs_for(&inputs, explicit.as_ref(), &finder) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("invokecfg: error: {}", escape::controls(&e, true));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = check_output(args, &inputs, &configs) {
        // The message and its help line, each escaped.
        let lines: Vec<String> = e.lines().map(|l| escape::controls(l, false)).collect();
        eprintln!("invokecfg: error: {}", lines.join("\n"));
        return ExitCode::from(2);
    }
    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .zip(configs.par_iter())
        .map(|(input, config)| lint_one(args, input, config.as_deref(), mapping.as_ref()))
        .collect();
    let mut files = Vec::new();
    let mut info = RunInfo {
        fixed: args.fix.then_some(0),
        unsafe_fixes: args.which_fixes(),
        rules_url: args.rules_url.clone().or_else(|| configs.iter().flatten().find_map(|c| c.rules_url.clone())),
        ..RunInfo::default()
    };
    let mut diffs = String::new();
    let mut shown_fixes = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Linted { findings, fixed, diff, problem, applied } => {
                shown_fixes.extend(applied);
                if let Some(n) = &mut info.fixed {
                    *n += fixed;
                }
                diffs.push_str(&diff);
                files.push(findings);
                problems.extend(problem);
            }
            Outcome::Failed(p) => problems.push(p),
            Outcome::Skipped => {}
            Outcome::NotAConfig => info.skipped += 1,
        }
    }
    info.problems = problems;
    let s115 = Some(invokecfg_lint::RuleCode::S115.info());
    let on = |rule: &invokecfg_lint::RuleInfo| {
        (args.select.is_empty() || args.select.iter().any(|s| invokecfg_lint::selector_matches(s, rule)))
            && !args.ignore.iter().any(|s| invokecfg_lint::selector_matches(s, rule))
    };
    if s115.is_some_and(on) {
        files.extend(stale_suppressions(&configs));
    }
    if !args.quiet && files.is_empty() && info.skipped == 0 && info.problems.is_empty() {
        eprintln!("invokecfg: warning: no JSON files found under the given paths");
    }
    // Machine formats keep stdout parseable: the problems go to stderr too.
    if !matches!(args.format, LintFormat::Text) || args.statistics || args.diff {
        for p in &info.problems {
            eprintln!("invokecfg: error: {}", escape::controls(&p.to_string(), false));
        }
    }
    let rendered = if args.diff {
        escape::source(&diffs)
    } else if args.statistics {
        match args.format {
            LintFormat::Json => {
                format!(
                    "{}\n",
                    serde_json::to_string_pretty(&formats::statistics_json(&files, info.unsafe_fixes))
                        .unwrap_or_default()
                )
            }
            _ => formats::statistics_text(&files, info.unsafe_fixes),
        }
    } else {
        match args.format {
            LintFormat::Text => {
                let color = args.output_file.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                let text = formats::text(&files, &info, color);
                if args.quiet {
                    text.strip_suffix(&formats::summary(&files, &info)).unwrap_or(&text).to_string()
                } else {
                    text
                }
            }
            LintFormat::Json => {
                format!("{}\n", serde_json::to_string_pretty(&formats::json_report(&files, &info)).unwrap_or_default())
            }
            LintFormat::Sarif => {
                let root = std::env::current_dir().unwrap_or_default();
                format!("{}\n", serde_json::to_string_pretty(&formats::sarif(&files, &info, &root)).unwrap_or_default())
            }
            LintFormat::Github => {
                let problems: String = info
                    .problems
                    .iter()
                    .map(|p| {
                        format!(
                            "::error file={}::{}\n",
                            formats::gh_escape_property(&escape::controls(&p.path, true)),
                            formats::gh_escape_data(&escape::controls(&p.message, true))
                        )
                    })
                    .collect();
                formats::github(&files) + &problems
            }
        }
    };
    let rendered = if args.show_fixes && args.fix && matches!(args.format, LintFormat::Text) {
        let list: String = shown_fixes.iter().map(|l| format!("  {}\n", escape::controls(l, false))).collect();
        format!(
            "{rendered}Fixed {}:\n{list}",
            if shown_fixes.len() == 1 { "1 finding".to_string() } else { format!("{} findings", shown_fixes.len()) }
        )
    } else {
        rendered
    };
    let stdin_fixing = args.fix && inputs.iter().any(|i| i.path.is_none());
    if let Some(out) = &args.output_file {
        if let Err(e) = crate::outputs::write(Path::new(out), rendered.as_bytes()) {
            eprintln!("invokecfg: error: {}", escape::controls(&e, false));
            return ExitCode::from(2);
        }
    } else if stdin_fixing {
        // With stdin and --fix, stdout carries the fixed text, so findings go to stderr.
        eprint!("{rendered}");
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(rendered.as_bytes());
        let _ = out.flush();
    }
    let errors = formats::Counts::of(&files).errors;
    if !info.problems.is_empty() {
        ExitCode::from(2)
    } else if (args.diff && !diffs.is_empty()) || (errors > 0 && !args.exit_zero && !args.diff) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
