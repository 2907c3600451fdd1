//! # invokecfg-python
//!
//! The `invokecfg` Python module: the translator and the linter of the Rust
//! crates, called directly from migration scripts, with the command line's
//! policy, notes, codes and output text. Built by maturin (`pyproject.toml`);
//! tested by the pytest suite in `tests/` against the `invokecfg` binary.
//!
//! Documents cross as JSON values (the dicts SDK models give with
//! `to_map()`), as text, or as bytes. The Rust work runs with the GIL
//! released; `translate_many` spreads a batch over every core with rayon.

#![forbid(unsafe_code)]

mod convert;
mod core;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use crate::core::{Done, Failure};
use convert::Input;
use invokecfg_lint::{diagnostic_json, is_known_selector, LintOptions, RuleInfo};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::{Diagnostic, Dialect, FunctionRef};
use invokecfg_translate::{note_json, Mapping, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;
use serde_json::Value;
use std::sync::{Arc, Mutex};

mod objects;
pub use objects::*;

/// The exception class `name` of `invokecfg._errors` (pure Python, so it has a
/// real `__init__` with `notes`, `line`, `column`).
fn error_class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("invokecfg._errors")?.getattr(name)
}

/// The Python exception for a failure: `InvalidDocument` or `TranslationRefused`.
fn raise(py: Python<'_>, failure: Failure) -> PyErr {
    let made = match failure {
        Failure::Invalid { message, line, column, pointer } => {
            error_class(py, "InvalidDocument").and_then(|c| c.call1((message, line, column, pointer)))
        }
        Failure::Refused { message, notes } => error_class(py, "TranslationRefused").and_then(|c| {
            let notes: Vec<Note> = notes.into_iter().map(|d| Note { d }).collect();
            c.call1((message, notes))
        }),
    };
    match made {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// `InvokecfgError` with `message`.
fn invokecfg_error(py: Python<'_>, message: String) -> PyErr {
    match error_class(py, "InvokecfgError").and_then(|c| c.call1((message,))) {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

fn bad_input(b: convert::Bad) -> Failure {
    let message = if b.pointer.is_empty() { b.message } else { format!("`{}`: {}", b.pointer, b.message) };
    Failure::invalid(message, b.pointer)
}

fn read_input(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Input> {
    convert::input(doc).map_err(|b| raise(py, bad_input(b)))
}

/// `repr()` of a string, as Python writes it.
fn py_repr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s).repr().map(|r| r.to_string()).unwrap_or_else(|_| format!("{s:?}"))
}

fn dialect_arg(name: &str, value: &str) -> PyResult<Dialect> {
    value.parse::<Dialect>().map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
}

/// `None` or `"auto"`: detect.
fn optional_dialect(name: &str, value: Option<&str>) -> PyResult<Option<Dialect>> {
    value.filter(|v| *v != "auto").map(|v| dialect_arg(name, v)).transpose()
}

/// The mapping: a dict (the mapping file's content), a path (`str` or `os.PathLike`), or `None`.
///
/// The last mapping of each kind is kept: a script passes the same one to every
/// call, and reading and validating it (schema, one-to-one, destination values)
/// costs more than a translation. A dict is compared by value with a copy of the
/// one kept, a file by its modification time and size, so an edit is seen.
fn mapping_arg(py: Python<'_>, mapping: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<Mapping>> {
    type Kept<K> = Mutex<Option<(K, Arc<Mapping>)>>;
    static LAST_DICT: Kept<Py<PyAny>> = Mutex::new(None);
    static LAST_FILE: Kept<(std::path::PathBuf, Option<std::time::SystemTime>, u64)> = Mutex::new(None);
    let Some(m) = mapping.filter(|m| !m.is_none()) else { return Ok(Arc::new(Mapping::default())) };
    if m.cast::<pyo3::types::PyDict>().is_ok() {
        // The lock is never held while Python runs (`==` may run Python code, which may
        // switch threads, and another thread may be waiting for this lock).
        let kept =
            LAST_DICT.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|(k, p)| (k.clone_ref(py), p.clone()));
        if let Some((kept, parsed)) = kept {
            if kept.bind(py).eq(m)? {
                return Ok(parsed);
            }
        }
        let value = convert::to_value(m).map_err(|b| invokecfg_error(py, format!("mapping: {}", bad_input(b))))?;
        let parsed = Arc::new(Mapping::from_value(&value).map_err(|e| invokecfg_error(py, format!("mapping: {e}")))?);
        // A copy: the caller's dict may change after this call.
        let copy = convert::to_py(py, &value)?.unbind();
        *LAST_DICT.lock().unwrap_or_else(|p| p.into_inner()) = Some((copy, parsed.clone()));
        return Ok(parsed);
    }
    let path: std::path::PathBuf = py.import("os")?.getattr("fspath")?.call1((m,))?.extract()?;
    let meta = std::fs::metadata(&path)?;
    let key = (path, meta.modified().ok(), meta.len());
    let mut last = LAST_FILE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, parsed)) = last.as_ref().filter(|(k, _)| *k == key) {
        return Ok(parsed.clone());
    }
    let text = std::fs::read_to_string(&key.0)?;
    let parsed =
        Mapping::from_json(&text).map_err(|e| invokecfg_error(py, format!("mapping file {}: {e}", key.0.display())))?;
    let parsed = Arc::new(parsed);
    *last = Some((key, parsed.clone()));
    Ok(parsed)
}

/// What `translate` and `translate_many` share: target, source, mapping, options.
struct Job {
    target: Dialect,
    source: Option<Dialect>,
    mapping: Arc<Mapping>,
    options: Options,
}

impl Job {
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        to: &str,
        source: Option<&str>,
        mapping: Option<&Bound<'_, PyAny>>,
        function: Option<String>,
        strict: bool,
        allow_lossy: bool,
    ) -> PyResult<Job> {
        if let Some(f) = &function {
            FunctionRef::read(f).map_err(|e| PyValueError::new_err(format!("function: {e}")))?;
        }
        Ok(Job {
            target: dialect_arg("to", to)?,
            source: optional_dialect("source", source)?,
            mapping: mapping_arg(py, mapping)?,
            options: Options { strict, allow_lossy, function },
        })
    }

    fn run(&self, input: Input) -> Result<Done, Failure> {
        core::translate_one(input, self.target, self.source, &self.mapping, &self.options)
    }
}

/// ``.notes``) when the translation is refused, :class:`InvalidDocument` when
/// ``doc`` is no document (with ``line``/``column`` for text), ``ValueError``
/// for an unknown dialect or a malformed ``function``.
/// Translates one document into dialect ``to``.
///
/// ``doc`` is a dict (an SDK model's ``to_map()``), JSON text (``str``) or
/// ``bytes``. ``source`` names its dialect (default: detected from the keys).
/// ``mapping`` is the mapping file's content as a dict, its path, or ``None``.
/// ``function`` is the function's ARN or URN for documents that lack it;
/// ``strict`` refuses on any warning; ``allow_lossy`` drops (with a warning)
/// what would otherwise refuse.
///
/// Returns a :class:`Translation`. Raises :class:`TranslationRefused` (with
#[pyfunction]
#[pyo3(signature = (doc, to, *, source=None, mapping=None, function=None, strict=false, allow_lossy=false))]
#[allow(clippy::too_many_arguments)]
fn translate(
    py: Python<'_>,
    doc: &Bound<'_, PyAny>,
    to: &str,
    source: Option<&str>,
    mapping: Option<&Bound<'_, PyAny>>,
    function: Option<String>,
    strict: bool,
    allow_lossy: bool,
) -> PyResult<Translation> {
    let job = Job::new(py, to, source, mapping, function, strict, allow_lossy)?;
    let input = read_input(py, doc)?;
    match py.detach(|| job.run(input)) {
        Ok(done) => Ok(Translation { done }),
        Err(f) => Err(raise(py, f)),
    }
}

/// Translates many documents at once, on every core, with the GIL released.
///
/// Takes the arguments of :func:`translate` (applied to every document) and
/// returns a list in input order. A document that fails raises its exception
/// (the first one, by position; its ``index`` attribute says which), or, with
/// ``return_exceptions=True``, stands in the list as the exception object.
#[pyfunction]
#[pyo3(signature = (docs, to, *, source=None, mapping=None, function=None, strict=false, allow_lossy=false, return_exceptions=false))]
#[allow(clippy::too_many_arguments)]
fn translate_many<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    to: &str,
    source: Option<&str>,
    mapping: Option<&Bound<'py, PyAny>>,
    function: Option<String>,
    strict: bool,
    allow_lossy: bool,
    return_exceptions: bool,
) -> PyResult<Bound<'py, PyList>> {
    let job = Job::new(py, to, source, mapping, function, strict, allow_lossy)?;
    let mut inputs: Vec<Result<Input, Failure>> = Vec::new();
    for doc in docs.try_iter()? {
        inputs.push(convert::input(&doc?).map_err(bad_input));
    }
    let results: Vec<Result<Done, Failure>> =
        py.detach(|| inputs.into_par_iter().map(|input| input.and_then(|i| job.run(i))).collect());
    let out = PyList::empty(py);
    for (index, r) in results.into_iter().enumerate() {
        match r {
            Ok(done) => out.append(Translation { done })?,
            Err(f) => {
                let err = raise(py, f);
                if !return_exceptions {
                    err.value(py).setattr("index", index)?;
                    return Err(err);
                }
                out.append(err.value(py))?;
            }
        }
    }
    Ok(out)
}

/// For `scripts/bench_python.py` only (not part of the API): translates `docs` one
/// after the other on this thread with the GIL released, as `translate_many`'s
/// workers do, and returns the seconds the Rust work took (inputs are read before
/// the clock starts). Timed in the same process as the Python calls, the two
/// figures see the same machine, which matters on a shared one.
#[pyfunction]
#[pyo3(signature = (docs, to, *, mapping=None, allow_lossy=false))]
fn _bench_translate_serial(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    to: &str,
    mapping: Option<&Bound<'_, PyAny>>,
    allow_lossy: bool,
) -> PyResult<f64> {
    let job = Job::new(py, to, None, mapping, None, false, allow_lossy)?;
    let mut inputs = Vec::new();
    for doc in docs.try_iter()? {
        inputs.push(read_input(py, &doc?)?);
    }
    Ok(py.detach(|| {
        let start = std::time::Instant::now();
        for input in inputs {
            drop(std::hint::black_box(job.run(input)));
        }
        start.elapsed().as_secs_f64()
    }))
}

fn selectors(name: &str, given: Option<Vec<String>>) -> PyResult<Vec<String>> {
    let given = given.unwrap_or_default();
    if let Some(s) = given.iter().find(|s| !is_known_selector(s)) {
        return Err(PyValueError::new_err(format!(
            "{name}: `{s}` names no rule; expected a rule code (R201), a code prefix (R, R2), a rule name (event-age-out-of-range) or ALL; rules() lists them"
        )));
    }
    Ok(given)
}

/// The bytes to lint or fix: text as given, a value as its pretty JSON.
fn source_text(input: Input) -> Vec<u8> {
    match input {
        Input::Text(t) => t,
        Input::Value(v) => {
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s.into_bytes()
        }
    }
}

/// Lints one document; returns the findings as ``invokecfg lint --format json`` reports them.
///
/// ``doc_or_text`` is JSON text (``str`` or ``bytes``) or a dict (linted as
/// its two-space indented JSON, so positions refer to that text).
/// ``filename`` is shown in the findings (default ``"-"``); ``dialect``
/// forces the dialect (``"auto"``: detect); ``target`` adds the portability
/// rules (``P5xx``) for a translation to that dialect; ``select`` and
/// ``ignore`` take rule codes, code prefixes, names or ``ALL``.
#[pyfunction]
#[pyo3(signature = (doc_or_text, *, filename=None, dialect="auto", target=None, select=None, ignore=None))]
fn lint(
    py: Python<'_>,
    doc_or_text: &Bound<'_, PyAny>,
    filename: Option<String>,
    dialect: &str,
    target: Option<&str>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
) -> PyResult<Vec<Finding>> {
    let options = LintOptions {
        dialect: optional_dialect("dialect", Some(dialect))?,
        target: target.map(|t| dialect_arg("target", t)).transpose()?,
        select: selectors("select", select)?,
        ignore: selectors("ignore", ignore)?,
        ..LintOptions::default()
    };
    let text = source_text(read_input(py, doc_or_text)?);
    let file = filename.unwrap_or_else(|| "-".into());
    let found = py.detach(|| core::lint_text(&text, &options));
    Ok(found.iter().map(|d| Finding::new(d, &file)).collect())
}

/// Applies every safe fix to ``text`` (as ``invokecfg lint --fix`` does) and returns the new text.
///
/// Bytes outside the fixes stay as they were; text with nothing to fix comes back unchanged.
#[pyfunction]
fn fix(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let source = source_text(read_input(py, text)?);
    let fixed = py.detach(|| core::fix_text(&source, &LintOptions::default()));
    String::from_utf8(fixed)
        .map_err(|_| raise(py, Failure::invalid("the text is not valid UTF-8; JSON text must be UTF-8", "")))
}

/// The published JSON Schema ``name`` as a dict: a dialect (``alibaba-fc2``,
/// ``alibaba-fc3``, ``huawei``), ``mapping``, ``lint-report``,
/// ``translate-report`` or ``config``.
#[pyfunction]
fn schema<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let s = name.parse::<SchemaName>().map_err(|e| PyValueError::new_err(e.to_string()))?;
    convert::to_py(py, &s.value())
}

/// Every lint rule, in code order.
#[pyfunction]
fn rules() -> Vec<Rule> {
    invokecfg_lint::rules()
        .iter()
        .map(|r: &'static RuleInfo| Rule {
            code: r.code,
            name: r.name,
            severity: r.severity.as_str(),
            summary: r.summary,
            docs: r.docs,
            fixable: r.fixable,
        })
        .collect()
}

/// The dialect of a document (``"alibaba-fc2"``, ``"alibaba-fc3"``, ``"huawei"``), from its keys.
///
/// Raises :class:`InvalidDocument` when it is not JSON, mixes dialects or has no key of any.
#[pyfunction]
fn detect(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let input = read_input(py, doc)?;
    py.detach(|| core::detect_dialect(input)).map(Dialect::id).map_err(|f| raise(py, f))
}

/// The native part of the `invokecfg` package (`invokecfg/__init__.py` re-exports it).
#[pymodule(name = "_invokecfg")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Note>()?;
    m.add_class::<Translation>()?;
    m.add_class::<Finding>()?;
    m.add_class::<Rule>()?;
    m.add_function(wrap_pyfunction!(translate, m)?)?;
    m.add_function(wrap_pyfunction!(translate_many, m)?)?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_translate_serial, m)?)?;
    Ok(())
}
