//! Python objects <-> JSON values. Python hands us anything; what is not a
//! JSON value (a set, NaN, a key that is not a string, a cycle) is a
//! [`Bad`] naming where, never a panic or an unbounded recursion.
//!
//! What SDKs put in their dicts is taken as their JSON wire form: a `datetime`
//! (botocore's timestamps) as RFC 3339 text, a `date` as its full-date, a
//! `Decimal` as the JSON number it writes; boto3's `ResponseMetadata` envelope
//! is left out of a top-level dict.

use invokecfg_model::diagnostic::article;
use invokecfg_model::document::escape_pointer_token;
use invokecfg_model::facts::aws;
use invokecfg_model::span::{Limits, SourceError};
use invokecfg_model::Position;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// A Python value with no JSON counterpart, at `pointer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    pub pointer: String,
    pub message: String,
    pub kind: BadKind,
}

/// Why a value has no JSON counterpart: Python raises `ValueError` for the one,
/// `TypeError` for the other (as `json.dumps` does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadKind {
    /// A JSON type with a value JSON cannot hold (NaN, a huge integer, nesting too deep).
    Value,
    /// A Python type with no JSON form (a set, an object, a key that is not a `str`).
    Type,
}

/// What a caller passed as a document: text to parse (spans and duplicate
/// keys are known) or an already built value (a dict from `to_map()`).
pub enum Input {
    Text(Vec<u8>),
    Value(Value),
}

/// Reads `doc` as a document: `str`, `bytes`/`bytearray` (text), or a JSON value (a dict).
pub fn input(doc: &Bound<'_, PyAny>) -> Result<Input, Bad> {
    if let Ok(s) = doc.cast::<PyString>() {
        return match s.to_str() {
            Ok(t) => Ok(Input::Text(t.as_bytes().to_vec())),
            // Lone surrogates: not encodable as UTF-8.
            Err(_) => Err(bad("", "the string is not valid Unicode (a lone surrogate); JSON text must be UTF-8")),
        };
    }
    if let Ok(b) = doc.cast::<PyBytes>() {
        return Ok(Input::Text(b.as_bytes().to_vec()));
    }
    if let Ok(b) = doc.cast::<PyByteArray>() {
        return Ok(Input::Text(b.to_vec()));
    }
    let mut value = to_value(doc)?;
    if let Value::Object(top) = &mut value {
        top.remove(aws::SDK_RESPONSE_METADATA_KEY);
    }
    Ok(Input::Value(value))
}

/// The path of a document given as an `os.PathLike` (a `pathlib.Path`), else `None`.
pub fn path_like<'py>(doc: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    // What `os.fspath` looks for; the common inputs (text, bytes, dicts) are passed by first.
    let common = doc.cast::<PyString>().is_ok()
        || doc.cast::<PyBytes>().is_ok()
        || doc.cast::<PyDict>().is_ok()
        || doc.cast::<PyByteArray>().is_ok();
    if common || !doc.get_type().hasattr("__fspath__")? {
        return Ok(None);
    }
    doc.py().import("os")?.getattr("fspath")?.call1((doc,)).map(Some)
}

/// Converts a Python object into a JSON value, as deep as the JSON reader allows.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Bad> {
    let mut pointer = String::new();
    value(obj, 0, &mut pointer)
}

fn bad(pointer: &str, message: impl Into<String>) -> Bad {
    Bad { pointer: pointer.to_string(), message: message.into(), kind: BadKind::Value }
}

fn bad_type(pointer: &str, message: impl Into<String>) -> Bad {
    Bad { pointer: pointer.to_string(), message: message.into(), kind: BadKind::Type }
}

fn value(obj: &Bound<'_, PyAny>, depth: usize, pointer: &mut String) -> Result<Value, Bad> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool before int: True is an int in Python.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_str().map(|s| Value::String(s.to_string())).map_err(|_| {
            bad(pointer, "the string is not valid Unicode (a lone surrogate); JSON strings must be UTF-8")
        });
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        // As the JSON reader does with a longer integer: the nearest float, if finite.
        return match obj.extract::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(bad(pointer, "the integer is out of range: JSON numbers here fit a 64-bit float")),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let x = f.value();
        return Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| bad(pointer, format!("`{x}` is not a JSON number (NaN and infinities have no JSON form)")));
    }
    let deeper = |pointer: &str| -> Result<usize, Bad> {
        let limit = Limits::DEFAULT.max_depth;
        if depth >= limit {
            // The JSON reader's own words for text nested this deep.
            let at = Position { line: 1, column: 1, offset: 0 };
            return Err(bad(
                pointer,
                SourceError::TooDeep { limit, position: at, pointer: pointer.into() }.to_string(),
            ));
        }
        Ok(depth + 1)
    };
    if let Ok(d) = obj.cast::<PyDict>() {
        let depth = deeper(pointer)?;
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(bad_type(
                    pointer,
                    format!("a key is {}, not a string; JSON object keys are strings", type_name(&k)),
                ));
            };
            let Ok(key) = key.to_str() else {
                return Err(bad(pointer, "a key is not valid Unicode (a lone surrogate)"));
            };
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&escape_pointer_token(key));
            let v = value(&v, depth, pointer)?;
            pointer.truncate(len);
            map.insert(key.to_string(), v);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let depth = deeper(pointer)?;
        let mut items = Vec::new();
        let iter = obj.try_iter().map_err(|e| bad(pointer, e.to_string()))?;
        for (i, item) in iter.enumerate() {
            let item = item.map_err(|e| bad(pointer, e.to_string()))?;
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(&i.to_string());
            items.push(value(&item, depth, pointer)?);
            pointer.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    if let Some(v) = sdk_value(obj, pointer)? {
        return Ok(v);
    }
    Err(bad_type(
        pointer,
        format!(
            "{} is not a JSON value; expected a dict, list, str, int, float, bool, None, datetime, date or Decimal",
            type_name(obj)
        ),
    ))
}

/// A value SDK models and responses hold that JSON writes as text or a number:
/// `datetime` (RFC 3339, so it must know its time zone), `date`, `Decimal`.
fn sdk_value(obj: &Bound<'_, PyAny>, pointer: &str) -> Result<Option<Value>, Bad> {
    let py = obj.py();
    let lost = |e: PyErr| bad(pointer, e.to_string());
    let datetime = py.import("datetime").map_err(lost)?;
    if obj.is_instance(&datetime.getattr("datetime").map_err(lost)?).map_err(lost)? {
        if obj.call_method0("utcoffset").map_err(lost)?.is_none() {
            return Err(bad(
                pointer,
                "a datetime without a time zone is no RFC 3339 timestamp; give it a tzinfo (botocore's have one)",
            ));
        }
    } else if !obj.is_instance(&datetime.getattr("date").map_err(lost)?).map_err(lost)? {
        let decimal = py.import("decimal").and_then(|m| m.getattr("Decimal")).map_err(lost)?;
        if !obj.is_instance(&decimal).map_err(lost)? {
            return Ok(None);
        }
        let text: String = obj.str().map_err(lost)?.to_string();
        return match serde_json::from_str::<Value>(&text) {
            Ok(n @ Value::Number(_)) => Ok(Some(n)),
            _ => Err(bad(pointer, format!("`Decimal('{text}')` is not a JSON number"))),
        };
    }
    let text: String = obj.call_method0("isoformat").and_then(|t| t.extract()).map_err(lost)?;
    Ok(Some(Value::String(text)))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    let name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into());
    format!("{} `{name}`", article(&name))
}

/// Converts a JSON value into Python objects (dicts keep the key order).
pub fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
