//! `lint()` and `fix()`: the linter over one document, as `invokecfg lint` runs it on one file.

use crate::convert::{self, Input};
use crate::errors::raise;
use crate::mapping::mapping_arg;
use crate::objects::Finding;
use crate::{dialect_arg, optional_dialect, read_input};
use invokecfg_iac::surface::{self, Claim, Surface, Verdict};
use invokecfg_lint::{is_known_selector, LintOptions, UnsafeFixes};
use invokecfg_model::FunctionRef;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::path::Path;

/// `select` / `ignore`: a list (any iterable) of selectors, each one a rule.
fn selectors(name: &str, given: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(given) = given.filter(|g| !g.is_none()) else { return Ok(Vec::new()) };
    let not_a_list = || {
        PyTypeError::new_err(format!(
            "{name}: expected a list of rule selectors such as {name}=[\"R\", \"P501\"], got {}",
            given.get_type().name().map(|n| format!("a `{n}`")).unwrap_or_else(|_| "something else".into())
        ))
    };
    if given.cast::<PyString>().is_ok() || given.cast::<PyBytes>().is_ok() {
        return Err(not_a_list());
    }
    let mut out = Vec::new();
    for s in given.try_iter().map_err(|_| not_a_list())? {
        let s = s?;
        let Ok(s) = s.extract::<String>() else {
            return Err(PyTypeError::new_err(format!(
                "{name}: a selector is a `{}`, not a str (a rule code, code prefix or name)",
                s.get_type().name()?
            )));
        };
        if !is_known_selector(&s) {
            return Err(PyValueError::new_err(format!(
                "{name}: `{s}` names no rule; expected a rule code (R201), a code prefix (R, R2), a rule name (event-age-out-of-range) or ALL; rules() lists them"
            )));
        }
        out.push(s);
    }
    Ok(out)
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
/// ``doc_or_text`` is what :func:`translate` takes: JSON text (``str`` or
/// ``bytes``), a dict (linted as its two-space indented JSON, so positions
/// refer to that text) or an ``os.PathLike`` naming a file.
/// ``filename`` is shown in the findings (default ``"-"``, or the path
/// given) and, as the file name does for ``invokecfg lint``, chooses how the
/// text is read: ``*.tf`` as Terraform, ``*.yaml``/``*.yml`` (and a ROS
/// template in ``*.json``) as YAML, anything else as API JSON. Text that holds
/// no config (JSON with no key of any dialect, such as a ``package.json``) gives
/// no findings, as the CLI skips it, unless ``dialect`` names one.
/// ``dialect`` forces the dialect (``"auto"``: detect); ``target``
/// adds the portability rules (``P5xx``) for a translation to that dialect,
/// with ``mapping`` and ``function`` as :func:`translate` takes them (the
/// CLI's ``--map`` and ``--function``); ``select`` and ``ignore`` are lists of
/// rule codes, code prefixes, names or ``ALL``.
#[pyfunction]
#[pyo3(signature = (doc_or_text, *, filename=None, dialect="auto", target=None, select=None, ignore=None, mapping=None, function=None))]
#[allow(clippy::too_many_arguments)]
pub fn lint(
    py: Python<'_>,
    doc_or_text: &Bound<'_, PyAny>,
    filename: Option<String>,
    dialect: &str,
    target: Option<&str>,
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    mapping: Option<&Bound<'_, PyAny>>,
    function: Option<String>,
) -> PyResult<Vec<Finding>> {
    if let Some(f) = &function {
        FunctionRef::read(f).map_err(|e| PyValueError::new_err(format!("function: {e}")))?;
    }
    let mapping = mapping.filter(|m| !m.is_none()).map(|m| mapping_arg(py, Some(m))).transpose()?;
    let options = LintOptions {
        dialect: optional_dialect("dialect", Some(dialect))?,
        target: target.map(|t| dialect_arg("target", t)).transpose()?,
        select: selectors("select", select)?,
        ignore: selectors("ignore", ignore)?,
        function,
        mapping,
        ..LintOptions::default()
    };
    let claim = if options.dialect.is_some() { Claim::Claimed } else { Claim::IfConfig };
    let file = file_name(doc_or_text, filename)?;
    let text = source_text(read_input(py, doc_or_text)?);
    let verdict = py.detach(|| surface::lint_file_text(Path::new(&file), &text, &options, claim).1);
    Ok(match verdict {
        Verdict::NotAConfig(_) => Vec::new(),
        Verdict::Linted(linted) => linted.result.diagnostics.iter().map(|d| Finding::new(d, &file)).collect(),
    })
}

/// The file name findings show and the surface is chosen by: the one given,
/// else the path of an `os.PathLike` document, else `-` (read as API JSON).
fn file_name(doc: &Bound<'_, PyAny>, given: Option<String>) -> PyResult<String> {
    Ok(match (given, convert::path_like(doc)?) {
        (Some(given), _) => given,
        (None, Some(path)) => path.extract::<std::path::PathBuf>()?.display().to_string(),
        (None, None) => "-".into(),
    })
}

/// Applies every safe fix (as ``invokecfg lint --fix`` does) and returns the new text.
///
/// ``text`` is what :func:`lint` takes, ``filename`` chooses how it is read as
/// it does for :func:`lint` (a ``.tf`` file is fixed as Terraform). With
/// ``unsafe_fixes=True`` unsafe fixes apply too (``--fix --unsafe-fixes``:
/// they can change what the config means, a clamped value for one);
/// display-only fixes never do. The result has the type of the text given:
/// ``bytes`` for ``bytes`` or ``bytearray``, else ``str``. Bytes outside the
/// fixes stay as they were; text with nothing to fix comes back unchanged.
#[pyfunction]
#[pyo3(signature = (text, *, filename=None, unsafe_fixes=false))]
pub fn fix(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    filename: Option<String>,
    unsafe_fixes: bool,
) -> PyResult<Py<PyAny>> {
    let as_bytes = text.cast::<PyBytes>().is_ok() || text.cast::<PyByteArray>().is_ok();
    let file = file_name(text, filename)?;
    let source = source_text(read_input(py, text)?);
    let unsafe_fixes = if unsafe_fixes { UnsafeFixes::Enabled } else { UnsafeFixes::Disabled };
    let options = LintOptions { unsafe_fixes, ..LintOptions::default() };
    let fixed = py.detach(|| surface::fix(Surface::of(Path::new(&file), &source), &source, &options).0);
    if as_bytes {
        return Ok(PyBytes::new(py, &fixed).into_any().unbind());
    }
    String::from_utf8(fixed).map(|s| PyString::new(py, &s).into_any().unbind()).map_err(|_| {
        raise(py, crate::core::Failure::invalid("the text is not valid UTF-8; JSON text must be UTF-8", ""))
    })
}
