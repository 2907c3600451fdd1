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

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

mod convert;
mod core;
mod errors;
mod linting;
mod mapping;
mod pool;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use crate::core::{Done, Failure};
use convert::Input;
use errors::{bad_input, raise, read_file};
use invokecfg_lint::{diagnostic_json, RuleInfo};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::{Diagnostic, Dialect, FunctionRef};
use invokecfg_translate::{note_json, Mapping, Options};
use mapping::mapping_arg;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use serde_json::Value;
use std::sync::Arc;

mod objects;
pub use objects::*;

/// The document `doc` gives: a dict, text, bytes, or the file an `os.PathLike` names.
fn read_input(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Some(filename) = convert::path_like(doc)? {
        return read_file(py, &filename).map(|(_, bytes)| Input::Text(bytes));
    }
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

/// Translates one document into dialect ``to``.
///
/// ``doc`` is a dict (an SDK model's ``to_map()``, a boto3 response), JSON
/// text (``str``), ``bytes``, or an ``os.PathLike`` naming a file to read.
/// ``source`` names its dialect (default: detected from the keys). ``to`` and
/// ``source`` are dialect ids: ``alibaba-fc2``, ``alibaba-fc3``, ``huawei``,
/// ``aws-lambda``. ``mapping`` is the mapping file's content as a dict, its
/// path, or ``None``. ``function`` is the function's ARN or URN for documents
/// that lack it; ``strict`` refuses on any warning; ``allow_lossy`` drops
/// (with a warning) what would otherwise refuse.
///
/// Returns a :class:`Translation`. Raises :class:`TranslationRefused` (with
/// ``.notes``) when the translation is refused, :class:`InvalidDocument` (a
/// ``ValueError``) when ``doc`` is no document (with ``line``/``column`` for
/// text), :class:`UnsupportedType` (a ``TypeError``, and an
/// ``InvalidDocument``) for a value of a type JSON has no form for,
/// ``OSError`` for a file that cannot be read, and ``ValueError`` for an
/// unknown dialect or a malformed ``function``.
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
/// ``docs`` is an iterable of documents (a single ``str``, ``bytes`` or
/// ``dict`` is refused with ``TypeError``: pass ``[doc]``). Takes the other
/// arguments of :func:`translate` (applied to every document) and returns a
/// list in input order. A document that fails raises its exception (the first
/// one, by position; its ``index`` attribute says which), or, with
/// ``return_exceptions=True``, stands in the list as the exception object
/// (``index`` set too). A file that cannot be read raises ``OSError`` at once.
/// Safe in a forked child (``multiprocessing``): the pool is rebuilt there.
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
    if docs.cast::<PyString>().is_ok()
        || docs.cast::<PyBytes>().is_ok()
        || docs.cast::<PyByteArray>().is_ok()
        || docs.cast::<PyDict>().is_ok()
    {
        return Err(PyTypeError::new_err(format!(
            "translate_many takes an iterable of documents, not one document (a `{}`): pass [doc], or call translate(doc)",
            docs.get_type().name()?
        )));
    }
    let job = Job::new(py, to, source, mapping, function, strict, allow_lossy)?;
    let mut inputs: Vec<Result<Input, Failure>> = Vec::new();
    for doc in docs.try_iter()? {
        let doc = doc?;
        inputs.push(match convert::path_like(&doc)? {
            Some(filename) => Ok(Input::Text(read_file(py, &filename)?.1)),
            None => convert::input(&doc).map_err(bad_input),
        });
    }
    let pool = pool::pool()?;
    let results: Vec<Result<Done, Failure>> =
        py.detach(|| pool.install(|| inputs.into_par_iter().map(|input| input.and_then(|i| job.run(i))).collect()));
    let out = PyList::empty(py);
    for (index, r) in results.into_iter().enumerate() {
        match r {
            Ok(done) => out.append(Translation { done })?,
            Err(f) => {
                let err = raise(py, f);
                err.value(py).setattr("index", index)?;
                if !return_exceptions {
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

/// The published JSON Schema ``name`` as a dict: a dialect (``alibaba-fc2``,
/// ``alibaba-fc3``, ``huawei``, ``aws-lambda``), ``mapping``,
/// ``lint-report``, ``translate-report`` or ``config``.
#[pyfunction]
fn schema<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let s = name.parse::<SchemaName>().map_err(|e| PyValueError::new_err(e.to_string()))?;
    convert::to_py(py, &s.value())
}

/// Every lint rule, in code order.
#[pyfunction]
fn rules() -> Vec<Rule> {
    invokecfg_lint::rules().iter().map(Rule::from).collect()
}

/// The dialect of a document (``"alibaba-fc2"``, ``"alibaba-fc3"``,
/// ``"huawei"`` or ``"aws-lambda"``), from its keys.
///
/// ``doc`` is what :func:`translate` takes. Raises :class:`InvalidDocument`
/// when it is not JSON, mixes dialects or has no key of any.
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
    m.add_function(wrap_pyfunction!(linting::lint, m)?)?;
    m.add_function(wrap_pyfunction!(linting::fix, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_translate_serial, m)?)?;
    Ok(())
}
