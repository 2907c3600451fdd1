//! Reading inputs and writing outputs atomically.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

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

/// How a fix was written.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Replaced atomically (temp file + rename), mode and owner kept.
    Atomically,
    /// Through a symlink, to the file it points at.
    ThroughLink(PathBuf),
    /// In place through the file's inode, which other hard links share.
    InPlace,
}

/// Writes a fix to `path` without breaking the file system around it:
/// through symlinks to their target (as ruff does), in place when the file
/// has other hard links (so every name sees the fix), keeping mode and owner.
/// A read-only file is left untouched: that is an error.
pub fn write_fix(path: &Path, bytes: &[u8]) -> std::io::Result<Written> {
    let link = std::fs::symlink_metadata(path)?.file_type().is_symlink();
    let target = if link { std::fs::canonicalize(path)? } else { path.to_path_buf() };
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only; left untouched"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            let mut f = std::fs::OpenOptions::new().write(true).truncate(true).open(&target)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            return Ok(Written::InPlace);
        }
    }
    write_atomic(&target, bytes)?;
    Ok(if link { Written::ThroughLink(target) } else { Written::Atomically })
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
