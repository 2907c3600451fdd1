//! The Python exceptions: the classes of `invokecfg._errors` for documents and
//! mappings, `OSError` (with `errno` and `filename`) for files.

use crate::convert::{Bad, BadKind};
use crate::core::Failure;
use crate::objects::Note;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::PyTypeInfo;
use std::path::PathBuf;

/// The exception class `name` of `invokecfg._errors` (pure Python, so it has a
/// real `__init__` with `notes`, `line`, `column`, and pickles).
fn error_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("invokecfg._errors")?.getattr(name)
}

fn made(made: PyResult<Bound<'_, PyAny>>) -> PyErr {
    match made {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// The Python exception for a failure: `InvalidDocument`, `UnsupportedType` or `TranslationRefused`.
pub fn raise(py: Python<'_>, failure: Failure) -> PyErr {
    made(match failure {
        Failure::Invalid { message, line, column, pointer } => {
            error_class(py, "InvalidDocument").and_then(|c| c.call1((message, line, column, pointer)))
        }
        Failure::Unsupported { message, pointer } => {
            error_class(py, "UnsupportedType").and_then(|c| c.call1((message, None::<usize>, None::<usize>, pointer)))
        }
        Failure::Refused { message, notes } => error_class(py, "TranslationRefused").and_then(|c| {
            let notes: Vec<Note> = notes.into_iter().map(|d| Note { d }).collect();
            c.call1((message, notes))
        }),
    })
}

/// `InvokecfgError` with `message`.
pub fn invokecfg_error(py: Python<'_>, message: String) -> PyErr {
    made(error_class(py, "InvokecfgError").and_then(|c| c.call1((message,))))
}

/// The failure for a Python value that is no JSON value, its pointer in front.
pub fn bad_input(b: Bad) -> Failure {
    let message = if b.pointer.is_empty() { b.message } else { format!("`{}`: {}", b.pointer, b.message) };
    match b.kind {
        BadKind::Value => Failure::invalid(message, b.pointer),
        BadKind::Type => Failure::Unsupported { message, pointer: b.pointer },
    }
}

/// `OSError(errno, strerror, filename)`: Python makes it the subclass `errno`
/// names (`FileNotFoundError`, `PermissionError`, ...), as `open()` does.
pub fn os_error(py: Python<'_>, e: &std::io::Error, filename: &Bound<'_, PyAny>) -> PyErr {
    let strerror = match e.raw_os_error() {
        Some(errno) => py.import("os").and_then(|os| os.getattr("strerror")?.call1((errno,))?.extract()),
        None => Ok(e.to_string()),
    };
    made(strerror.and_then(|s: String| PyOSError::type_object(py).call1((e.raw_os_error(), s, filename))))
}

/// The bytes of the file `filename` names (a `str` or `bytes` path, from `os.fspath`).
pub fn read_file(py: Python<'_>, filename: &Bound<'_, PyAny>) -> PyResult<(PathBuf, Vec<u8>)> {
    let path: PathBuf = filename.extract()?;
    let bytes = py.detach(|| std::fs::read(&path)).map_err(|e| os_error(py, &e, filename))?;
    Ok((path, bytes))
}
