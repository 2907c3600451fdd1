//! The values the module returns: `Note`, `Translation`, `Finding`, `Rule`, each usable as a dict through `to_dict()`.
//!
//! Each is an immutable value: equal and hashed by its content, pickled as that
//! content (so it crosses a process boundary: `multiprocessing`,
//! `concurrent.futures`), and its own copy (`copy.copy`, `copy.deepcopy`).

use super::*;
use invokecfg_model::{Document, Severity};
use std::hash::{Hash, Hasher};

/// An immutable value's content, as the text it pickles as (and is compared and hashed by).
trait Content: Sized {
    fn content(&self) -> String;
    /// The value back from [`Content::content`]'s text, or why not (a pickle of another version).
    fn from_content(content: &str) -> Result<Self, String>;
}

fn hash_of(content: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut h);
    h.finish()
}

/// `(cls._from_content, (content,))`: what pickle stores and calls to rebuild `slf`.
fn reduce<'py, T: Content + pyo3::PyClass>(slf: &Bound<'py, T>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let content = slf.borrow().content();
    Ok((slf.as_any().get_type().getattr("_from_content")?.into_any(), (content,)))
}

fn restore<T: Content>(content: &str) -> PyResult<T> {
    T::from_content(content).map_err(|e| PyValueError::new_err(format!("cannot rebuild from this pickle: {e}")))
}

fn parse_content(content: &str) -> Result<Value, String> {
    serde_json::from_str(content).map_err(|e| e.to_string())
}

/// A note back from its `note_json`.
fn note_from_json(v: &Value) -> Result<Diagnostic, String> {
    let text = |k: &str| v.get(k).and_then(Value::as_str).ok_or_else(|| format!("a note without `{k}`"));
    let severity: Severity = text("severity")?.parse()?;
    let mut d = Diagnostic::new(text("code")?, severity, text("pointer")?, text("message")?);
    d.help = v.get("help").and_then(Value::as_str).map(str::to_string);
    d.old = v.get("old").cloned();
    d.new = v.get("new").cloned();
    d.range = v.get("range").and_then(|r| Some((r.get(0)?.as_i64()?, r.get(1)?.as_i64()?)));
    Ok(d)
}

impl Content for Note {
    fn content(&self) -> String {
        note_json(&self.d).to_string()
    }
    fn from_content(content: &str) -> Result<Self, String> {
        note_from_json(&parse_content(content)?).map(|d| Note { d })
    }
}

impl Content for Translation {
    fn content(&self) -> String {
        let notes: Vec<Value> = self.done.notes.iter().map(note_json).collect();
        serde_json::json!({
            "source": self.done.source.id(), "target": self.done.target.id(),
            "document": self.done.document.to_value(), "notes": notes,
        })
        .to_string()
    }
    fn from_content(content: &str) -> Result<Self, String> {
        let v = parse_content(content)?;
        let dialect = |k: &str| -> Result<Dialect, String> {
            v.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("no `{k}`"))?
                .parse::<Dialect>()
                .map_err(|e| e.to_string())
        };
        let (source, target) = (dialect("source")?, dialect("target")?);
        let document = Document::from_value(v.get("document").unwrap_or(&Value::Null), target)
            .map_err(|e| format!("`{}`: {}", e.pointer, e.message))?;
        let notes = v.get("notes").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let notes = notes.iter().map(note_from_json).collect::<Result<_, _>>()?;
        Ok(Translation { done: Done { source, target, document, notes } })
    }
}

impl Content for Finding {
    fn content(&self) -> String {
        self.entry.to_string()
    }
    fn from_content(content: &str) -> Result<Self, String> {
        Ok(Finding::from_entry(parse_content(content)?))
    }
}

impl Content for Rule {
    fn content(&self) -> String {
        self.code.to_string()
    }
    fn from_content(content: &str) -> Result<Self, String> {
        invokecfg_lint::rules()
            .iter()
            .find(|r| r.code == content)
            .map(Rule::from)
            .ok_or_else(|| format!("no rule `{content}` in invokecfg {}", env!("CARGO_PKG_VERSION")))
    }
}

impl From<&'static RuleInfo> for Rule {
    fn from(r: &'static RuleInfo) -> Rule {
        Rule {
            code: r.code,
            name: r.name,
            severity: r.severity.as_str(),
            summary: r.summary,
            docs: r.docs,
            fixable: r.fixable(),
            fix_availability: r.fix.as_str(),
            fix_applicability: r.applicability.iter().map(|a| a.as_str()).collect(),
        }
    }
}

/// The `#[pymethods]` of a value class, with what every value class has:
/// pickling, copying, equality, hashing.
macro_rules! value_class {
    (impl $class:ident { $($methods:tt)* }) => {
        #[pymethods]
        impl $class {
        fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
            reduce(slf)
        }
        /// Rebuilds a value from its pickled content (pickle calls it; not for direct use).
        #[classmethod]
        fn _from_content(_cls: &Bound<'_, pyo3::types::PyType>, content: &str) -> PyResult<Self> {
            restore(content)
        }
        /// Itself: the value is immutable.
        fn __copy__(slf: Py<Self>) -> Py<Self> {
            slf
        }
        /// Itself: the value is immutable.
        fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
            slf
        }
        fn __eq__(&self, other: &Self) -> bool {
            self.content() == other.content()
        }
        fn __hash__(&self) -> u64 {
            hash_of(&self.content())
        }
        $($methods)*
        }
    };
}

/// A note on a translation: what changed, was defaulted, clamped or dropped.
///
/// ``code`` is stable (``T101``...), ``severity`` is ``"error"``, ``"warning"``
/// or ``"info"``, ``pointer`` a JSON pointer into the source document. ``old``,
/// ``new`` and ``range`` are set on clamps and changed values. ``to_dict()``
/// gives the note as the ``--report`` file has it.
#[pyclass(module = "invokecfg", frozen)]
#[derive(Debug, Clone)]
pub struct Note {
    pub(crate) d: Diagnostic,
}

value_class! {
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
}

/// A translated document.
///
/// ``document`` is a new dict on each access, ready for the target SDK's
/// ``from_map()``; ``text`` is exactly what ``invokecfg translate`` prints;
/// ``notes`` lists every change, in the order of the CLI's report.
#[pyclass(module = "invokecfg", frozen)]
pub struct Translation {
    pub(crate) done: Done,
}

value_class! {
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
    /// Every note, in the order ``invokecfg translate --report`` lists them:
    /// the translation's steps (identity, ages and retries, destinations),
    /// not the order of the keys in the document.
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
}

/// A lint finding, as one entry of ``invokecfg lint --format json``.
///
/// ``code`` (``R201``), ``rule`` (its name), ``severity``, ``message``,
/// ``help``, ``pointer``, ``file`` (the ``filename`` given to :func:`lint`),
/// 1-based ``line``/``column`` and ``end_line``/``end_column`` (columns in
/// characters), and ``fix``: ``None`` or ``{"message", "edits": [{"start",
/// "end", "content", ...}]}``. ``to_dict()`` gives the report entry.
#[pyclass(module = "invokecfg", frozen)]
#[derive(Debug, Clone)]
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
        Finding::from_entry(entry)
    }

    /// The finding a report entry describes.
    fn from_entry(entry: Value) -> Finding {
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

value_class! {
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
}

/// A lint rule of the registry (``invokecfg rules``): ``code``, ``name``,
/// default ``severity``, one-line ``summary``, Markdown ``docs`` (what, why,
/// example, fix: ``invokecfg explain CODE``), whether it is ``fixable``, how
/// often (``fix_availability``: none, sometimes, always) and how safely
/// (``fix_applicability``: safe, unsafe, display-only).
#[pyclass(module = "invokecfg", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct Rule {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) docs: &'static str,
    pub(crate) fixable: bool,
    pub(crate) fix_availability: &'static str,
    pub(crate) fix_applicability: Vec<&'static str>,
}

value_class! {
impl Rule {
    /// The rule as ``invokecfg rules --format json`` lists it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = serde_json::json!({"code": self.code, "rule": self.name, "severity": self.severity, "summary": self.summary, "fixable": self.fixable,
            "fix": self.fix_availability, "applicability": self.fix_applicability});
        convert::to_py(py, &v)
    }
    fn __repr__(&self) -> String {
        format!("Rule(code='{}', name='{}', severity='{}')", self.code, self.name, self.severity)
    }
}
}
