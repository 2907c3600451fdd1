//! `invokecfg lint`.

use crate::config::{Config, ConfigFinder, CONFIG_NAMES};
use crate::formats::{self, FileFindings};
use crate::io::{describe, read_input, write_atomic};
use crate::{LintArgs, LintFormat};
use invokecfg_lint::{apply_fixes, lint, LintOptions};
use invokecfg_model::{Dialect, Severity};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

struct Input {
    /// Path as shown.
    shown: String,
    /// Path on disk (None: stdin).
    path: Option<PathBuf>,
}

fn collect_inputs(args: &LintArgs, usage_errors: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    let paths: Vec<String> = if args.paths.is_empty() { vec![".".into()] } else { args.paths.clone() };
    for p in paths {
        if p == "-" {
            let shown = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
            inputs.push(Input { shown, path: None });
            continue;
        }
        let path = PathBuf::from(&p);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(&path)
                .require_git(false)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter(|p| !p.file_name().is_some_and(|n| CONFIG_NAMES.iter().any(|c| n == *c)))
                .collect();
            // Byte order: deterministic, and much cheaper than component-wise Path ordering.
            found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            inputs.extend(found.into_iter().map(|f| Input { shown: f.display().to_string(), path: Some(f) }));
        } else if path.exists() {
            inputs.push(Input { shown: p.clone(), path: Some(path) });
        } else {
            usage_errors.push(format!("{p}: No such file or directory"));
        }
    }
    inputs
}

fn options_for(args: &LintArgs, config: Option<&Config>) -> LintOptions {
    let dialect = match args.dialect.as_deref() {
        Some("auto") => None,
        Some(d) => d.parse().ok(),
        None => config.and_then(|c| c.dialect),
    };
    let mut severities = config.map(|c| c.severities.clone()).unwrap_or_default();
    severities.extend(args.severity.iter().filter_map(|s| {
        let (k, v) = s.split_once('=')?;
        Some((k.to_string(), v.parse::<Severity>().ok()?))
    }));
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
    }
}

/// Applies safe fixes until none applies (fixes can uncover others), at most a few rounds.
fn fix_all(source: &[u8], options: &LintOptions) -> (Vec<u8>, usize) {
    let mut text = source.to_vec();
    let mut total = 0;
    for _ in 0..8 {
        let r = lint(&text, options);
        let (next, n) = apply_fixes(&text, &r.diagnostics);
        if n == 0 || next == text {
            break;
        }
        total += n;
        text = next;
    }
    (text, total)
}

enum Outcome {
    Linted(FileFindings, usize),
    Failed(String),
    Skipped,
}

pub fn run(args: &LintArgs) -> ExitCode {
    for sel in args.select.iter().chain(&args.ignore) {
        if !invokecfg_lint::is_known_selector(sel) {
            eprintln!(
                "invokecfg: error: `{sel}` names no rule, code prefix or rule name (`invokecfg rules` lists them)"
            );
            return ExitCode::from(2);
        }
    }
    for (flag, value) in [("--dialect", &args.dialect), ("--target", &args.target)] {
        if let Some(v) = value.as_deref().filter(|v| *v != "auto" || flag == "--target") {
            if let Err(e) = v.parse::<Dialect>() {
                eprintln!("invokecfg: error: {flag}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let explicit = match &args.config {
        Some(p) => match Config::load(Path::new(p)) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => {
                eprintln!("invokecfg: error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let finder = ConfigFinder::default();
    let mut problems = Vec::new();
    let inputs = collect_inputs(args, &mut problems);
    // One configuration lookup per directory, not per file.
    let mut configs: Vec<Option<Arc<Config>>> = Vec::with_capacity(inputs.len());
    let mut last: Option<(PathBuf, Option<Arc<Config>>)> = None;
    for input in &inputs {
        if let Some(c) = &explicit {
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
                    Err(e) if input.path.is_some() => {
                        eprintln!("invokecfg: error: {e}");
                        return ExitCode::from(2);
                    }
                    Err(_) => None,
                };
                configs.push(c.clone());
                last = Some((dir, c));
            }
        }
    }
    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .zip(configs.par_iter())
        .map(|(input, config)| {
            if let (Some(c), Some(p)) = (&config, &input.path) {
                if c.excludes(p) {
                    return Outcome::Skipped;
                }
            }
            let options = options_for(args, config.as_deref());
            let read = match &input.path {
                Some(p) => std::fs::read(p),
                None => read_input("-"),
            };
            let source = match read {
                Ok(b) => b,
                Err(e) => return Outcome::Failed(format!("{}: {}", input.shown, describe(&e))),
            };
            let (source, fixed) = if args.fix {
                let (text, n) = fix_all(&source, &options);
                if n > 0 {
                    match &input.path {
                        Some(p) => {
                            if let Err(e) = write_atomic(p, &text) {
                                return Outcome::Failed(format!(
                                    "{}: cannot write the fix: {}",
                                    input.shown,
                                    describe(&e)
                                ));
                            }
                            eprintln!("Fixed {n} finding{} in {}", if n == 1 { "" } else { "s" }, input.shown);
                        }
                        None => {
                            // stdin: the fixed text is the result.
                            let mut out = std::io::stdout().lock();
                            let _ = out.write_all(&text);
                        }
                    }
                }
                if input.path.is_none() && n == 0 {
                    let _ = std::io::stdout().lock().write_all(&text);
                }
                (text, n)
            } else {
                (source, 0)
            };
            let result = lint(&source, &options);
            if args.verbose {
                let why = match (
                    options.dialect,
                    invokecfg_model::span::parse(&source).map(|p| invokecfg_model::detect(&p.value)),
                ) {
                    (Some(d), _) => format!("read as {d} (--dialect or config)"),
                    (None, Ok(Ok(d))) => format!("read as {} ({})", d.dialect, d.reason),
                    (None, Ok(Err(e))) => format!("no dialect: {e}"),
                    (None, Err(_)) => "not JSON".into(),
                };
                eprintln!("{}: {why}", input.shown);
            }
            Outcome::Linted(
                FileFindings {
                    path: input.shown.clone(),
                    source: String::from_utf8_lossy(&source).into_owned(),
                    diagnostics: result.diagnostics,
                },
                fixed,
            )
        })
        .collect();
    let mut files = Vec::new();
    let mut fixed = 0;
    for o in outcomes {
        match o {
            Outcome::Linted(f, n) => {
                fixed += n;
                files.push(f);
            }
            Outcome::Failed(e) => problems.push(e),
            Outcome::Skipped => {}
        }
    }
    for p in &problems {
        eprintln!("invokecfg: error: {p}");
    }
    let stdin_fixing = args.fix && inputs.iter().any(|i| i.path.is_none());
    let rendered = match args.format {
        LintFormat::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            formats::text(&files, color)
        }
        LintFormat::Json => {
            format!("{}\n", serde_json::to_string_pretty(&formats::json_report(&files, fixed)).unwrap_or_default())
        }
        LintFormat::Sarif => format!("{}\n", serde_json::to_string_pretty(&formats::sarif(&files)).unwrap_or_default()),
        LintFormat::Github => formats::github(&files),
    };
    // With stdin and --fix, stdout carries the fixed text, so findings go to stderr.
    if stdin_fixing {
        eprint!("{rendered}");
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(rendered.as_bytes());
        let _ = out.flush();
    }
    let errors = formats::Counts::of(&files).errors;
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
