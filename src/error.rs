//! The one error type of the facade: a kind to match on, the place (file,
//! line:column, JSON pointer) when there is one, and the typed cause.

use crate::Note;
use invokecfg_model::Position;
use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of [`Error`]: match on it to decide what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read (the [`std::io::Error`] is the source).
    Io,
    /// The text is not JSON, HCL or YAML (the error has its line:column).
    Syntax,
    /// The document is JSON but not a config of its dialect: a value of the
    /// wrong type, or a key given twice (readers disagree on which counts).
    InvalidDocument,
    /// No dialect could be chosen: no key of any dialect, or keys of two.
    UnknownDialect,
    /// The mapping file is unusable (the pointer names the entry).
    Mapping,
    /// The translation was refused: [`Error::notes`] says why, errors first.
    Refused,
    /// An option has a value no rule, dialect or identifier has (a selector
    /// naming no rule, a function that is no ARN or URN).
    InvalidOption,
    /// No schema has this name.
    UnknownSchema,
    /// The file is of a surface this operation does not take (a ROS
    /// template in JSON is linted, not rewritten), or holds no config to
    /// translate.
    Unsupported,
}

/// Why a call of this crate failed.
///
/// `Display` gives the whole message (`file:line:column: what is wrong`), as
/// the command line prints it; [`Error::kind`] is what to match on, and
/// [`std::error::Error::source`] gives the typed cause when there is one.
#[derive(Debug)]
pub struct Error {
    // Boxed, as serde_json's: a `Result<T, Error>` stays one pointer wide on the error side.
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    position: Option<Position>,
    pointer: Option<String>,
    notes: Vec<Note>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        let inner = Inner {
            kind,
            message: message.into(),
            path: None,
            position: None,
            pointer: None,
            notes: Vec::new(),
            source: None,
        };
        Error { inner: Box::new(inner) }
    }

    pub(crate) fn caused_by(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Error {
        self.inner.source = Some(Box::new(source));
        self
    }

    pub(crate) fn at(mut self, position: Option<Position>, pointer: Option<String>) -> Error {
        self.inner.position = position.or(self.inner.position);
        self.inner.pointer = pointer.or(self.inner.pointer.take());
        self
    }

    pub(crate) fn with_notes(mut self, notes: Vec<Note>) -> Error {
        self.inner.notes = notes;
        self
    }

    /// The error, naming the file it is about (kept when one is named already).
    pub(crate) fn in_file(mut self, path: &Path) -> Error {
        self.inner.path.get_or_insert_with(|| path.to_path_buf());
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The file the error is about, when the call read one.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    /// Where in the text (1-based line and column, byte offset), when known.
    pub fn position(&self) -> Option<Position> {
        self.inner.position
    }

    /// The JSON pointer of the value at fault, when known (`""`: the whole document).
    pub fn pointer(&self) -> Option<&str> {
        self.inner.pointer.as_deref()
    }

    /// A refused translation's notes, errors first; empty for other kinds.
    pub fn notes(&self) -> &[Note] {
        &self.inner.notes
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.inner.path {
            write!(f, "{}:", path.display())?;
            if let Some(at) = self.inner.position {
                write!(f, "{}:{}:", at.line, at.column)?;
            }
            f.write_str(" ")?;
        } else if let Some(at) = self.inner.position {
            write!(f, "{}:{}: ", at.line, at.column)?;
        }
        f.write_str(&self.inner.message)
    }
}

// As serde_json's `Error`: the message names the cause, and `source()` gives it typed.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, e.to_string()).caused_by(e)
    }
}

impl From<invokecfg_translate::MappingError> for Error {
    fn from(e: invokecfg_translate::MappingError) -> Error {
        let pointer = Some(e.pointer.clone());
        // The line and column go to `position`, which Display puts first, not into the message again.
        let message = match e.pointer.is_empty() {
            true => format!("mapping: {}", e.message),
            false => format!("mapping: {}: {}", e.pointer, e.message),
        };
        Error::new(ErrorKind::Mapping, message).at(e.position, pointer).caused_by(e)
    }
}

impl From<invokecfg_model::UnknownDialect> for Error {
    fn from(e: invokecfg_model::UnknownDialect) -> Error {
        Error::new(ErrorKind::InvalidOption, e.to_string()).caused_by(e)
    }
}

impl From<invokecfg_model::DetectError> for Error {
    fn from(e: invokecfg_model::DetectError) -> Error {
        Error::new(ErrorKind::UnknownDialect, e.to_string()).caused_by(e)
    }
}

impl From<invokecfg_model::SourceError> for Error {
    fn from(e: invokecfg_model::SourceError) -> Error {
        let (position, pointer) = (e.position(), Some(e.pointer().to_string()));
        Error::new(ErrorKind::Syntax, e.to_string()).at(position, pointer).caused_by(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn errors_are_send_sync_and_name_file_position_and_cause() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<Error>();
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = Error::from(io).in_file(Path::new("a.json"));
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.to_string(), "a.json: gone");
        assert!(e.source().is_some_and(|s| s.is::<std::io::Error>()));
        let at = Position { line: 3, column: 5, offset: 20 };
        let e = Error::new(ErrorKind::Syntax, "expected `,`").at(Some(at), None).in_file(Path::new("b.json"));
        assert_eq!(e.to_string(), "b.json:3:5: expected `,`");
    }
}
