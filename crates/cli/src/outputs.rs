//! The one rule every file a command writes follows: no output is an input,
//! and no two outputs are one file. Paths are compared by what they name
//! (device and inode, through symlinks, `..` and hard links), never by their
//! spelling, before any work is done; a clash writes nothing. Outputs are
//! then written as `--fix` writes (`io::write_through`), saying so on stderr
//! when a symlink or a hard link decides where the bytes go.

use crate::io::{describe, identity, link_target, write_through, Identity, Written};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file the command reads.
pub struct Input<'a> {
    /// As the user gave it, or as walking a directory found it.
    pub shown: &'a str,
    /// The directory argument it was found under (None: named itself).
    pub found_under: Option<&'a str>,
}

/// A file the command writes.
pub struct Output {
    /// The flag that names it: `-o`, `--report`, `--output-file`, `--out-dir`.
    pub flag: &'static str,
    /// The flag's value as given (for `--out-dir`, the directory).
    pub given: String,
    /// The file written (for `--out-dir`, the file under the directory).
    pub path: PathBuf,
    /// What to do instead when it is an input.
    pub instead: &'static str,
}

/// Refuses, before any work, an output that is one of the inputs or another
/// output; the message names both paths as given and what to do instead.
pub fn check(inputs: &[Input], outputs: &[Output]) -> Result<(), String> {
    if outputs.is_empty() {
        return Ok(());
    }
    let mut read: HashMap<Identity, &Input> = HashMap::with_capacity(inputs.len());
    for input in inputs.iter().filter(|i| i.shown != "-") {
        // An input that is not there cannot be written over (reading it fails on its own).
        if let id @ Identity::File(..) = identity(Path::new(input.shown)) {
            read.entry(id).or_insert(input);
        }
    }
    let mut written: HashMap<Identity, &Output> = HashMap::with_capacity(outputs.len());
    for output in outputs {
        let id = identity(&output.path);
        if let Some(input) = read.get(&id) {
            let found = input.found_under.map(|d| format!(" (found under {d})")).unwrap_or_default();
            let file = if output.flag == "--out-dir" {
                format!("--out-dir {} would write {}, which", output.given, output.path.display())
            } else {
                format!("{} {}", output.flag, output.given)
            };
            return Err(format!(
                "{file} is the same file as the input {}{found}; nothing was written\n  help: {}",
                input.shown, output.instead
            ));
        }
        if let Some(first) = written.insert(id, output) {
            return Err(format!(
                "{} {} and {} {} are the same file; nothing was written\n  help: name a different file for each",
                first.flag,
                first.path.display(),
                output.flag,
                output.path.display()
            ));
        }
    }
    Ok(())
}

/// The directory argument among `given` that `shown` was found under by walking.
pub fn found_under<'a>(shown: &str, given: &'a [String]) -> Option<&'a str> {
    if given.iter().any(|g| g == shown) {
        return None;
    }
    given.iter().map(String::as_str).find(|g| Path::new(shown).starts_with(g))
}

/// Checks that `path` can be written before any work is done, as
/// [`write_through`] will write it, with the OS's own error.
pub fn check_writable(flag: &str, path: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!("{flag} {}: is a directory; name a file", path.display()));
    }
    let target = link_target(path).map_err(|e| format!("{flag} {}: {}", path.display(), describe(&e)))?;
    let existing = std::fs::metadata(&target).ok();
    // A device or a pipe is opened as it is, a file with other hard links
    // written in place; anything else goes through a new file beside it.
    #[cfg(unix)]
    let renamed = existing.as_ref().is_none_or(|m| {
        use std::os::unix::fs::MetadataExt;
        m.is_file() && m.nlink() == 1
    });
    #[cfg(not(unix))]
    let renamed = true;
    if renamed {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(format!("{flag} {}: directory {} does not exist", path.display(), dir.display()));
        }
        tempfile::NamedTempFile::new_in(dir).map(drop).map_err(|e| {
            // The OS's words, without the temporary file's random name.
            let os = e.to_string();
            let os = os.split(" at path ").next().unwrap_or_default();
            format!("{flag} {}: cannot create a file in {}: {os}", path.display(), dir.display())
        })?;
    }
    if existing.is_some_and(|m| m.permissions().readonly()) {
        return Err(format!("{flag} {}: the file is read-only; left untouched", path.display()));
    }
    Ok(())
}

/// Writes an output through [`write_through`]; a symlink or a hard link that
/// decides where the bytes go is said on stderr. The error names the path.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let how = write_through(path, bytes).map_err(|e| format!("{}: {}", path.display(), describe(&e)))?;
    match how {
        Written::ThroughLink(target) => {
            eprintln!("invokecfg: {} is a symlink: wrote the file it points at, {}", path.display(), target.display())
        }
        Written::InPlace => eprintln!(
            "invokecfg: {}: written in place, as the file has other hard links (they show the new text too)",
            path.display()
        ),
        Written::Atomically | Written::Stream => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(shown: &str) -> Input<'_> {
        Input { shown, found_under: None }
    }

    fn output(flag: &'static str, path: &Path) -> Output {
        Output { flag, given: path.display().to_string(), path: path.to_path_buf(), instead: "elsewhere" }
    }

    #[test]
    fn identity_sees_through_spellings_links_and_missing_directories() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("a")).unwrap();
        std::fs::write(d.join("a/c.json"), "{}").unwrap();
        std::fs::hard_link(d.join("a/c.json"), d.join("hard.json")).unwrap();
        std::os::unix::fs::symlink("a", d.join("dirlink")).unwrap();
        std::os::unix::fs::symlink("a/c.json", d.join("link.json")).unwrap();
        std::os::unix::fs::symlink("a/new.json", d.join("dangling.json")).unwrap();
        let c = identity(&d.join("a/c.json"));
        for same in
            ["a/../a/c.json", "hard.json", "dirlink/c.json", "link.json", "missing/../a/c.json", "a/x/y/../../c.json"]
        {
            assert_eq!(identity(&d.join(same)), c, "{same}");
        }
        let new = identity(&d.join("a/new.json"));
        assert!(matches!(new, Identity::Place(_)), "{new:?}");
        for same in ["dirlink/new.json", "dangling.json", "a/./new.json", "gone/../dirlink/new.json"] {
            assert_eq!(identity(&d.join(same)), new, "{same}");
        }
        assert_ne!(identity(&d.join("b/new.json")), new);
    }

    #[test]
    fn a_clash_names_both_paths_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("prod.json"), "{}").unwrap();
        let shown = d.join("prod.json").display().to_string();
        let e = check(&[input(&shown)], &[output("-o", &d.join(".").join("prod.json"))]).unwrap_err();
        assert!(e.starts_with("-o ") && e.contains(&format!("is the same file as the input {shown}")), "{e}");
        assert!(e.contains("help: elsewhere"), "{e}");
        let e =
            check(&[], &[output("-o", &d.join("new.json")), output("--report", &d.join("./new.json"))]).unwrap_err();
        assert!(e.contains("are the same file"), "{e}");
        assert!(check(&[input(&shown)], &[output("-o", &d.join("other.json"))]).is_ok());
        assert!(check(&[input("-")], &[output("-o", Path::new("-"))]).is_ok(), "stdin is no file");
    }

    #[test]
    fn found_under_names_the_walked_argument() {
        let given = vec!["configs".to_string(), "x.json".to_string()];
        assert_eq!(found_under("configs/a/b.json", &given), Some("configs"));
        assert_eq!(found_under("x.json", &given), None);
        assert_eq!(found_under("configsx/b.json", &given), None);
    }
}
