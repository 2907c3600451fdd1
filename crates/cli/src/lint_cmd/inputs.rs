//! What `lint` reads: the inputs (paths walked, each file once), the
//! configuration of each, and the check that `--output-file` is none of them.

use super::{note, Input};
use crate::config::{Config, ConfigFinder, CONFIG_NAMES};
use crate::formats::Problem;
use crate::LintArgs;
use invokecfg_iac::surface;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The inputs the paths name (a path that does not exist is a problem).
pub(super) fn collect(args: &LintArgs, problems: &mut Vec<Problem>) -> Vec<Input> {
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
            for f in walk(args, &path) {
                push(&mut inputs, Input { shown: f.to_string_lossy().into_owned(), path: Some(f), explicit: false });
            }
        } else if path.exists() {
            push(&mut inputs, Input { shown: p.clone(), path: Some(path), explicit: true });
        } else {
            problems.push(Problem { path: p.clone(), message: "No such file or directory".into() });
        }
    }
    inputs
}

/// The files under `dir` that are linted, in byte order: .gitignore
/// respected, hidden directories not walked, config files left out.
fn walk(args: &LintArgs, dir: &Path) -> Vec<PathBuf> {
    let hidden = Arc::new(Mutex::new(Vec::new()));
    let seen_hidden = hidden.clone();
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
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
        // The name read once: a walk asks it of every file.
        .filter(|e| {
            let name = e.file_name();
            surface::walked_name(name) && !CONFIG_NAMES.iter().any(|c| name == *c)
        })
        .map(|e| e.into_path())
        .collect();
    if let Ok(h) = hidden.lock() {
        for d in h.iter() {
            note(args, &format!("{d}: hidden directory, not walked (name it to lint it)"));
        }
    }
    // Byte order: deterministic, and much cheaper than component-wise Path ordering.
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    found
}

/// The configuration for each input: `--config`, else the nearest file (one lookup per directory).
pub(super) fn configs_for(
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
        // No allocation per input: a walk's files share a few directories.
        let file = input.path.as_deref().unwrap_or_else(|| Path::new(&input.shown));
        let dir = file.parent().unwrap_or(Path::new(""));
        match &last {
            Some((d, c)) if d == dir => configs.push(c.clone()),
            _ => {
                let c = match finder.for_file(file) {
                    Ok(c) => c,
                    Err(e) if input.path.is_some() => return Err(e),
                    Err(_) => None,
                };
                configs.push(c.clone());
                last = Some((dir.to_path_buf(), c));
            }
        }
    }
    Ok(configs)
}

/// `--output-file`, checked before any work (and before any fix is written):
/// writable, and not one of the files linted (`outputs::check`). A walked
/// file the config excludes is not linted, so it may be the output.
pub(super) fn check_output(args: &LintArgs, inputs: &[Input], configs: &[Option<Arc<Config>>]) -> Result<(), String> {
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
