//! The `mapping=` argument: the mapping file's content as a dict, its path, or `None`.
//!
//! The last mapping of each kind is kept: a script passes the same one to every
//! call, and reading and validating it (schema, one-to-one, destination values)
//! costs more than a translation. Both are compared exactly, never by Python's
//! `==` (for which `True == 1 == 1.0`): a dict as the JSON value it converts to,
//! a file by its bytes (read on each call; a rewrite with the same size and
//! modification time is still seen).

use crate::convert;
use crate::errors::{bad_input, invokecfg_error, read_file};
use invokecfg_translate::Mapping;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

type Kept<K> = Mutex<Option<(K, Arc<Mapping>)>>;
static LAST_DICT: Kept<Value> = Mutex::new(None);
static LAST_FILE: Kept<(PathBuf, Vec<u8>)> = Mutex::new(None);

/// The kept mapping if `key` is the one it was read from, else `read(key)`, kept.
fn kept_or<K: PartialEq>(kept: &Kept<K>, key: K, read: impl FnOnce(&K) -> PyResult<Mapping>) -> PyResult<Arc<Mapping>> {
    // The lock is never held while Python runs (another thread may be waiting for it).
    if let Some((k, parsed)) = kept.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        if *k == key {
            return Ok(parsed.clone());
        }
    }
    let parsed = Arc::new(read(&key)?);
    *kept.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, parsed.clone()));
    Ok(parsed)
}

/// The mapping `mapping` gives (`None`: the empty one).
pub fn mapping_arg(py: Python<'_>, mapping: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<Mapping>> {
    let Some(m) = mapping.filter(|m| !m.is_none()) else { return Ok(Arc::new(Mapping::default())) };
    if m.cast::<PyDict>().is_ok() {
        let value = convert::to_value(m).map_err(|b| invokecfg_error(py, format!("mapping: {}", bad_input(b))))?;
        return kept_or(&LAST_DICT, value, |value| {
            Mapping::from_value(value).map_err(|e| invokecfg_error(py, format!("mapping: {e}")))
        });
    }
    let filename = py.import("os")?.getattr("fspath")?.call1((m,))?;
    let (path, bytes) = read_file(py, &filename)?;
    kept_or(&LAST_FILE, (path, bytes), |(path, bytes)| {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or_default();
            invokecfg_error(
                py,
                format!(
                    "mapping file {}: byte {at} (0x{byte:02x}) is not UTF-8; a mapping file is JSON text in UTF-8",
                    path.display()
                ),
            )
        })?;
        Mapping::from_json(text).map_err(|e| invokecfg_error(py, format!("mapping file {}: {e}", path.display())))
    })
}
