//! What `translate` reads and writes: directories expanded into jobs, each
//! with its place under `--out-dir`, and every output checked against every
//! input before any work.

use crate::outputs;
use crate::TranslateArgs;
use invokecfg_iac::surface;
use std::path::{Path, PathBuf};

/// One file to translate and where its output goes under `--out-dir`.
pub(super) struct Job {
    pub input: String,
    /// Path under the output directory: the file name, or for a file found by
    /// walking a directory, its path inside that directory (the tree is mirrored).
    pub under: PathBuf,
}

/// Expands directories (every `*.json` under them, .gitignore respected) and
/// refuses two inputs that would be written to the same place.
pub(super) fn jobs(inputs: &[String], out_dir: bool) -> Result<Vec<Job>, String> {
    let mut jobs: Vec<Job> = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            if !out_dir {
                return Err(format!(
                    "{input} is a directory: pass --out-dir OUT to translate every *.json under it (the tree is mirrored under OUT)"
                ));
            }
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .require_git(false)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| surface::translatable(p))
                .collect();
            found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            for f in found {
                let under = f.strip_prefix(path).map(Path::to_path_buf).unwrap_or_else(|_| f.clone());
                jobs.push(Job { input: f.display().to_string(), under });
            }
            continue;
        }
        let under = if input == "-" {
            PathBuf::from("stdin.json")
        } else {
            match path.file_name() {
                Some(n) => PathBuf::from(n),
                None => return Err(format!("{input}: has no file name to write under --out-dir")),
            }
        };
        jobs.push(Job { input: input.clone(), under });
    }
    // The same file named twice (or found twice) is translated once.
    let mut seen = std::collections::HashSet::new();
    jobs.retain(|j| seen.insert(j.input.clone()));
    for (i, a) in jobs.iter().enumerate() {
        if let Some(b) = jobs[..i].iter().find(|b| b.under == a.under) {
            return Err(format!(
                "{} and {} would both be written to `{}` under --out-dir: translate their common directory instead (its tree is mirrored), or one at a time",
                b.input,
                a.input,
                a.under.display()
            ));
        }
    }
    Ok(jobs)
}

/// Every file this run writes, checked before any work: writable, and
/// neither an input nor another output (`outputs::check`).
pub(super) fn check_outputs(args: &TranslateArgs, given: &[String], jobs: &[Job]) -> Result<(), String> {
    let mut files = Vec::new();
    for (flag, path, instead) in [
        ("-o", &args.output, "write the translation to another file, or to stdout; there is no in-place translation, so the source stays as it was"),
        ("--report", &args.report, "write the report to another file"),
    ] {
        if let Some(p) = path {
            outputs::check_writable(flag, Path::new(p))?;
            files.push(outputs::Output { flag, given: p.clone(), path: PathBuf::from(p), instead });
        }
    }
    if let Some(dir) = &args.out_dir {
        files.extend(jobs.iter().map(|j| outputs::Output {
            flag: "--out-dir",
            given: dir.clone(),
            path: Path::new(dir).join(&j.under),
            instead: "name an output directory other than the inputs' own (--out-dir translated/); there is no in-place translation, so the sources stay as they were",
        }));
    }
    let read: Vec<outputs::Input> = jobs
        .iter()
        .map(|j| outputs::Input { shown: &j.input, found_under: outputs::found_under(&j.input, given) })
        .collect();
    outputs::check(&read, &files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_dir_never_escapes_and_never_overwrites() {
        let under = |inputs: &[&str]| -> Result<Vec<PathBuf>, String> {
            let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
            jobs(&inputs, true).map(|j| j.into_iter().map(|j| j.under).collect())
        };
        assert_eq!(under(&["../../etc/passwd"]).unwrap(), vec![PathBuf::from("passwd")]);
        assert_eq!(under(&["a/b/c.json"]).unwrap(), vec![PathBuf::from("c.json")]);
        assert_eq!(under(&["-"]).unwrap(), vec![PathBuf::from("stdin.json")]);
        assert!(under(&["no-such-dir/.."]).is_err(), "a path with no file name and no directory behind it");
        let e = under(&["a/cfg.json", "b/cfg.json"]).unwrap_err();
        assert!(e.contains("a/cfg.json and b/cfg.json would both be written to `cfg.json`"), "{e}");
        assert_eq!(under(&["a/cfg.json", "b/x.json", "a/cfg.json"]).unwrap().len(), 2);
    }
}
