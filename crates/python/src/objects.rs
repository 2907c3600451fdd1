//! The values the module returns: `Note`, `Translation`, `Finding`, `Rule`, each usable as a dict through `to_dict()`.

use super::*;

/// A note on a translation: what changed, was defaulted, clamped or dropped.
///
/// ``code`` is stable (``T101``...), ``severity`` is ``"error"``, ``"warning"``
/// or ``"info"``, ``pointer`` a JSON pointer into the source document. ``old``,
/// ``new`` and ``range`` are set on clamps and changed values. ``to_dict()``
/// gives the note as the ``--report`` file has it.
#[pyclass(module = "invokecfg", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub(crate) d: Diagnostic,
}

#[pymethods]
impl Note {
    /// Stable code, e.g. ``T101``.
    #[getter]
    fn code(&self) -> &str {
        &self.d.code
    }
    /// ``"error"``, ``"warning"`` or ``"info"``.
    #[getter]
    fn severity(&self) -> &'static str {
        self.d.severity.as_str()
    }
    /// JSON pointer into the source document (``""``: the whole document).
    #[getter]
    fn pointer(&self) -> &str {
        &self.d.pointer
    }
    /// What happened, with the values involved.
    #[getter]
    fn message(&self) -> &str {
        &self.d.message
    }
    /// What to do about it, if anything.
    #[getter]
    fn help(&self) -> Option<&str> {
        self.d.help.as_deref()
    }
    /// The value before (clamps and changed values), else ``None``.
    #[getter]
    fn old<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, self.d.old.as_ref().unwrap_or(&Value::Null))
    }
    /// The value after, else ``None``.
    #[getter(new)]
    fn new_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, self.d.new.as_ref().unwrap_or(&Value::Null))
    }
    /// The target's range ``(low, high)`` a value was clamped into, else ``None``.
    #[getter]
    fn range(&self) -> Option<(i64, i64)> {
        self.d.range
    }
    /// The note as a dict, in the shape of the translate report (``schemas/translate-report.schema.json``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &note_json(&self.d))
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Note(code={}, severity={}, pointer={}, message={})",
            py_repr(py, &self.d.code),
            py_repr(py, self.d.severity.as_str()),
            py_repr(py, &self.d.pointer),
            py_repr(py, &self.d.message)
        )
    }
}

/// A translated document.
///
/// ``document`` is a new dict on each access, ready for the target SDK's
/// ``from_map()``; ``text`` is exactly what ``invokecfg translate`` prints;
/// ``notes`` lists every change, in document order.
#[pyclass(module = "invokecfg", frozen)]
pub struct Translation {
    pub(crate) done: Done,
}

#[pymethods]
impl Translation {
    /// The document in the target dialect, as a dict (keys in the provider's documented order).
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.done.document.to_value())
    }
    /// The document as the command line prints it: two-space indented JSON and a newline.
    #[getter]
    fn text(&self) -> String {
        self.done.document.to_pretty_json()
    }
    /// Every note, in document order.
    #[getter]
    fn notes(&self) -> Vec<Note> {
        self.done.notes.iter().map(|d| Note { d: d.clone() }).collect()
    }
    /// The dialect the source was read as.
    #[getter]
    fn source(&self) -> &'static str {
        self.done.source.id()
    }
    /// The target dialect.
    #[getter]
    fn target(&self) -> &'static str {
        self.done.target.id()
    }
    fn __repr__(&self) -> String {
        format!(
            "Translation(source='{}', target='{}', notes={})",
            self.done.source.id(),
            self.done.target.id(),
            self.done.notes.len()
        )
    }
}

/// A lint finding, as one entry of ``invokecfg lint --format json``.
///
/// ``code`` (``R201``), ``rule`` (its name), ``severity``, ``message``,
/// ``help``, ``pointer``, ``file`` (the ``filename`` given to :func:`lint`),
/// 1-based ``line``/``column`` and ``end_line``/``end_column`` (columns in
/// characters), and ``fix``: ``None`` or ``{"message", "edits": [{"start",
/// "end", "content", ...}]}``. ``to_dict()`` gives the report entry.
#[pyclass(module = "invokecfg", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    #[pyo3(get)]
    pub(crate) code: String,
    #[pyo3(get)]
    pub(crate) rule: Option<String>,
    #[pyo3(get)]
    pub(crate) severity: String,
    #[pyo3(get)]
    pub(crate) message: String,
    #[pyo3(get)]
    pub(crate) help: Option<String>,
    #[pyo3(get)]
    pub(crate) pointer: String,
    #[pyo3(get)]
    pub(crate) file: String,
    #[pyo3(get)]
    pub(crate) line: u64,
    #[pyo3(get)]
    pub(crate) column: u64,
    #[pyo3(get)]
    pub(crate) end_line: u64,
    #[pyo3(get)]
    pub(crate) end_column: u64,
    /// The report entry (`diagnostic_json` plus `file`), which every field above is read from.
    pub(crate) entry: Value,
}

impl Finding {
    /// Reads the fields from the CLI's JSON report entry, so they cannot disagree with it.
    pub(crate) fn new(d: &Diagnostic, file: &str) -> Finding {
        let mut entry = diagnostic_json(d);
        if let Value::Object(m) = &mut entry {
            m.insert("file".into(), Value::String(file.to_string()));
        }
        let text = |k: &str| entry.get(k).and_then(Value::as_str).map(str::to_string);
        let number = |k: &str| entry.get(k).and_then(Value::as_u64).unwrap_or(1);
        Finding {
            code: text("code").unwrap_or_default(),
            rule: text("rule"),
            severity: text("severity").unwrap_or_default(),
            message: text("message").unwrap_or_default(),
            help: text("help"),
            pointer: text("pointer").unwrap_or_default(),
            file: text("file").unwrap_or_default(),
            line: number("line"),
            column: number("column"),
            end_line: number("end_line"),
            end_column: number("end_column"),
            entry,
        }
    }
}

#[pymethods]
impl Finding {
    /// The safe fix (``message`` and byte-offset ``edits``), or ``None``.
    #[getter]
    fn fix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, self.entry.get("fix").unwrap_or(&Value::Null))
    }
    /// The finding as the JSON report's entry.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.entry)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Finding(code={}, file={}, line={}, column={}, message={})",
            py_repr(py, &self.code),
            py_repr(py, &self.file),
            self.line,
            self.column,
            py_repr(py, &self.message)
        )
    }
}

/// A lint rule of the registry (``invokecfg rules``): ``code``, ``name``,
/// default ``severity``, one-line ``summary``, Markdown ``docs`` (what, why,
/// example, fix: ``invokecfg explain CODE``) and whether it is ``fixable``.
#[pyclass(module = "invokecfg", frozen, eq, get_all)]
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) docs: &'static str,
    pub(crate) fixable: bool,
}

#[pymethods]
impl Rule {
    /// The rule as ``invokecfg rules --format json`` lists it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = serde_json::json!({"code": self.code, "rule": self.name, "severity": self.severity, "summary": self.summary, "fixable": self.fixable});
        convert::to_py(py, &v)
    }
    fn __repr__(&self) -> String {
        format!("Rule(code='{}', name='{}', severity='{}')", self.code, self.name, self.severity)
    }
}
