//! Reading inputs and writing outputs atomically.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// Reads a path, or standard input for `-`.
pub fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Configs are small: this much is read before the file's size is asked.
const FIRST_READ: usize = 16 * 1024;

/// Reads a file linted in a walk. `std::fs::read` asks the file's size
/// first (a `statx` per file, a fifth of the system calls of a corpus
/// lint); a config fits in the first read, and `read_to_end` still grows
/// the buffer for a longer file and reads until a read returns nothing.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(FIRST_READ);
    // Through `Take`: `File`'s own `read_to_end` asks the size and the
    // position (`statx`, `lseek`) first; a plain `Read::read` wrapper would
    // zero the buffer before each read. `Take` reads into it as `File` does.
    std::fs::File::open(path)?.take(u64::MAX).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Writes `bytes` to `path` through a temporary file in the same directory and
/// a rename, so readers see the old file or the new one, never a torn one.
/// An existing file's permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written a piece at a time, atomically: the pieces go to a
/// temporary file in the same directory, and [`commit`](Self::commit)
/// renames it over `path` (its permissions and owner kept). Dropped
/// without a commit, it leaves `path` as it was.
pub struct AtomicFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        // A new file gets 0666 less the umask, as any program's output does (not the temp file's 0600).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        Ok(AtomicFile { path: path.to_path_buf(), tmp: builder.tempfile_in(dir)? })
    }

    /// Puts the file written in place of `path`.
    pub fn commit(self) -> std::io::Result<()> {
        let AtomicFile { path, tmp } = self;
        tmp.as_file().sync_all()?;
        if let Ok(meta) = std::fs::metadata(&path) {
            std::fs::set_permissions(tmp.path(), meta.permissions())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Keep the owner (root fixing someone else's file); an
                // unprivileged user can only chown to itself, which is a no-op.
                if let Err(e) = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid())) {
                    if std::fs::metadata(tmp.path()).is_ok_and(|m| m.uid() != meta.uid()) {
                        return Err(e);
                    }
                }
            }
        }
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// How a fix or an output was written.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Replaced (or created) atomically (temp file + rename), mode and owner kept.
    Atomically,
    /// Through a symlink, to the file it points at.
    ThroughLink(PathBuf),
    /// In place through the file's inode, which other hard links share.
    InPlace,
    /// Into a device or a pipe (`/dev/null`, `/dev/stdout`), as a shell's `>` would.
    Stream,
}

/// The file a write to `path` lands in: `path`, or for a symlink the file at
/// the end of its chain (which need not exist yet). Relative link targets
/// are read from the link's directory, as the OS does.
pub fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    // The OS's own limit on a chain of links (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "too many levels of symbolic links"))
}

/// What a path names: the file it reaches, else the place a write creates.
#[derive(Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    /// An existing file, by device and inode (every spelling, symlink and hard link of it).
    File(u64, u64),
    /// A file not there yet: its absolute path, symlinks resolved, `..` applied.
    Place(PathBuf),
}

/// The identity of `path`: one `stat` for a file that exists (resolving
/// the path would cost a `readlink` per component), else its would-be place.
pub fn identity(path: &Path) -> Identity {
    #[cfg(unix)]
    if let Ok(m) = std::fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        return Identity::File(m.dev(), m.ino());
    }
    let place = would_be(path, 0);
    #[cfg(unix)]
    if let Ok(m) = std::fs::metadata(&place) {
        use std::os::unix::fs::MetadataExt;
        return Identity::File(m.dev(), m.ino());
    }
    Identity::Place(place)
}

/// Where a write to `path` lands once missing directories are created
/// (`create_dir_all` makes `new/..` real): the end of a dangling link's
/// chain, its longest existing ancestor resolved, the rest applied in order.
fn would_be(path: &Path, depth: u8) -> PathBuf {
    let target = link_target(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = std::path::absolute(&target).unwrap_or(target);
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    let mut resolved = loop {
        if let Ok(real) = std::fs::canonicalize(base) {
            break real;
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(_)) => {
                rest.extend(base.components().next_back());
                base = parent;
            }
            // `x/..` with `x` missing, or the root: applied as it is spelled.
            _ => {
                rest.extend(base.components().rev());
                break PathBuf::new();
            }
        }
    };
    let mut changed = false;
    for c in rest.iter().rev() {
        match c {
            Component::ParentDir => {
                resolved.pop();
                changed = true;
            }
            Component::CurDir => {}
            other => resolved.push(other.as_os_str()),
        }
    }
    // `..` may lead back into existing directories (or links): resolve them
    // too, as far as the OS follows a chain of links.
    if changed && resolved != absolute && depth < 40 {
        return would_be(&resolved, depth + 1);
    }
    resolved
}

/// Writes a fix to `path` (a file that exists) as [`write_through`] does.
pub fn write_fix(path: &Path, bytes: &[u8]) -> std::io::Result<Written> {
    std::fs::metadata(path)?;
    write_through(path, bytes)
}

/// Writes `bytes` to `path` without breaking the file system around it:
/// through symlinks to their target (as ruff's fixes do), in place when the
/// file has other hard links (so every name sees the new text), straight
/// into a device or pipe, else atomically; mode and owner kept. A read-only
/// file is left untouched: that is an error.
pub fn write_through(path: &Path, bytes: &[u8]) -> std::io::Result<Written> {
    let target = link_target(path)?;
    let link = target != path;
    let Ok(meta) = std::fs::metadata(&target) else {
        write_atomic(&target, bytes)?;
        return Ok(if link { Written::ThroughLink(shown_target(&target)) } else { Written::Atomically });
    };
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only; left untouched"));
    }
    let in_place = || -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new().write(true).truncate(true).open(&target)?;
        f.write_all(bytes)?;
        f.sync_all().or_else(|e| if meta.is_file() { Err(e) } else { Ok(()) })
    };
    if !meta.is_file() {
        in_place()?;
        return Ok(Written::Stream);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            in_place()?;
            return Ok(Written::InPlace);
        }
    }
    write_atomic(&target, bytes)?;
    Ok(if link { Written::ThroughLink(shown_target(&target)) } else { Written::Atomically })
}

/// A link's target as messages show it: resolved, else as the link spells it.
fn shown_target(target: &Path) -> PathBuf {
    std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())
}

/// A one-line description of an I/O error, without Rust's `(os error N)` noise.
pub fn describe(e: &std::io::Error) -> String {
    if e.get_ref().is_some() {
        // Our own message.
        return e.to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;

    #[test]
    fn read_file_reads_small_and_long_files_whole() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for len in [0, 1, FIRST_READ - 1, FIRST_READ, FIRST_READ + 1, 5 * FIRST_READ + 7] {
            let path = dir.path().join(format!("{len}.json"));
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read_file(&path).ok(), Some(bytes), "{len} bytes");
        }
        assert!(read_file(&dir.path().join("missing.json")).is_err());
    }
}
