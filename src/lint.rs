//! Linting and fixing a text or a file, through the entry point every front
//! end reads a file through (`invokecfg_iac::surface`).

use crate::{Error, ErrorKind, Finding};
use invokecfg_iac::surface::{self, Claim, Surface, Verdict};
use invokecfg_lint::UnsafeFixes;
use invokecfg_model::{Dialect, FunctionRef, Severity};
use invokecfg_translate::Mapping;
use std::path::Path;
use std::sync::Arc;

/// What [`lint`](crate::lint()) and [`fix`](crate::fix()) read, and which rules run: the
/// `invokecfg lint` flags of the same names. [`LintOptions::default`] lints
/// API JSON with every rule but the portability ones, detecting the dialect.
///
/// ```
/// use invokecfg::{Dialect, LintOptions, Surface};
///
/// let options = LintOptions::new().surface(Surface::Terraform).target(Dialect::Huawei).ignore(["I3"]);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    surface: Option<Surface>,
    dialect: Option<Dialect>,
    target: Option<Dialect>,
    select: Vec<String>,
    ignore: Vec<String>,
    function: Option<String>,
    mapping: Option<Arc<Mapping>>,
    unsafe_fixes: UnsafeFixes,
}

impl LintOptions {
    /// Every rule but the portability ones; the dialect detected; the text read as API JSON.
    pub fn new() -> LintOptions {
        LintOptions::default()
    }

    /// How the text of [`lint`](crate::lint()) is read (default: API JSON). A file's
    /// surface is otherwise chosen by its name, as `invokecfg lint` chooses it.
    pub fn surface(mut self, surface: Surface) -> LintOptions {
        self.surface = Some(surface);
        self
    }

    /// Reads the document as `dialect` (`--dialect`): it is linted even when
    /// it holds no key of any dialect.
    pub fn dialect(mut self, dialect: Dialect) -> LintOptions {
        self.dialect = Some(dialect);
        self
    }

    /// Adds the portability rules (`P5xx`): what a translation to `target` would change or refuse.
    pub fn target(mut self, target: Dialect) -> LintOptions {
        self.target = Some(target);
        self
    }

    /// Runs only these rules: codes (`R201`), code prefixes (`R`, `I3`), names or `ALL`.
    pub fn select<S: Into<String>>(mut self, selectors: impl IntoIterator<Item = S>) -> LintOptions {
        self.select = selectors.into_iter().map(Into::into).collect();
        self
    }

    /// Skips these rules (selectors as for [`LintOptions::select`]).
    pub fn ignore<S: Into<String>>(mut self, selectors: impl IntoIterator<Item = S>) -> LintOptions {
        self.ignore = selectors.into_iter().map(Into::into).collect();
        self
    }

    /// The function's identity (an ARN or URN) for documents that do not name it (`--function`).
    pub fn function(mut self, arn_or_urn: impl Into<String>) -> LintOptions {
        self.function = Some(arn_or_urn.into());
        self
    }

    /// The mapping the portability rules translate with (`--map`).
    pub fn mapping(mut self, mapping: Mapping) -> LintOptions {
        self.mapping = Some(Arc::new(mapping));
        self
    }

    /// Lets [`fix`](crate::fix()) apply unsafe fixes too (`--unsafe-fixes`):
    /// a clamp into range or a guessed key, which can change what the config
    /// means. Display-only fixes are never applied.
    pub fn unsafe_fixes(mut self) -> LintOptions {
        self.unsafe_fixes = UnsafeFixes::Enabled;
        self
    }

    /// The linter's options, every value checked.
    fn checked(&self) -> Result<invokecfg_lint::LintOptions, Error> {
        for s in self.select.iter().chain(&self.ignore) {
            if !invokecfg_lint::is_known_selector(s) {
                return Err(Error::new(
                    ErrorKind::InvalidOption,
                    format!("`{s}` names no rule; expected a rule code (R201), a code prefix (R, R2), a rule name (event-age-out-of-range) or ALL"),
                ));
            }
        }
        if let Some(f) = &self.function {
            FunctionRef::read(f).map_err(|e| Error::new(ErrorKind::InvalidOption, format!("function: {e}")))?;
        }
        Ok(invokecfg_lint::LintOptions {
            dialect: self.dialect,
            target: self.target,
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            function: self.function.clone(),
            mapping: self.mapping.clone(),
            unsafe_fixes: self.unsafe_fixes,
            ..invokecfg_lint::LintOptions::default()
        })
    }
}

/// What linting one text or file gave.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LintReport {
    /// How the text was read.
    pub surface: Surface,
    /// The dialect the configs were read as, when one could be chosen.
    pub dialect: Option<Dialect>,
    /// The findings, in file order.
    pub findings: Vec<Finding>,
    /// Why the text is not an async invocation config (no key of any
    /// dialect, no config resource): it is skipped, not reported, as
    /// `invokecfg lint` skips a `package.json`. `None` when it was linted.
    pub skipped: Option<&'static str>,
}

impl LintReport {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    /// Whether a finding is an error: what makes `invokecfg lint` exit 1.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// A text with its safe fixes applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixed {
    /// The new text: every byte outside the fixes kept.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
}

/// The name a text of `surface` is read by: the surface is chosen by name,
/// as for a file, so a text and a file take exactly the same path.
fn name_of(surface: Option<Surface>) -> &'static Path {
    Path::new(match surface {
        Some(Surface::Terraform) => "-.tf",
        Some(Surface::Yaml) => "-.yaml",
        // API JSON, and any surface added later, read as `invokecfg lint -` reads stdin.
        _ => "-",
    })
}

fn report(source: &[u8], name: &Path, options: &LintOptions) -> Result<LintReport, Error> {
    let claim = if options.dialect.is_some() { Claim::Claimed } else { Claim::IfConfig };
    let (surface, verdict) = surface::lint_file_text(name, source, &options.checked()?, claim);
    Ok(match verdict {
        Verdict::NotAConfig(why) => LintReport { surface, dialect: None, findings: Vec::new(), skipped: Some(why) },
        Verdict::Linted(l) => {
            LintReport { surface, dialect: l.result.dialect, findings: l.result.diagnostics, skipped: None }
        }
    })
}

/// Lints a text: API JSON, or the surface [`LintOptions::surface`] names.
///
/// A text with no config in it (no key of any dialect) is skipped
/// ([`LintReport::skipped`]) unless [`LintOptions::dialect`] claims it. Text
/// that does not parse is a finding (`S101`, with its line and column), not an
/// error: the error is for options that name nothing.
///
/// ```
/// let text = r#"{"maxAsyncEventAgeInSeconds": 700000, "maxAsyncRetryAttempts": 3}"#;
/// let report = invokecfg::lint(text, &invokecfg::LintOptions::new())?;
/// assert_eq!(report.dialect, Some(invokecfg::Dialect::AlibabaFc2));
/// let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
/// assert_eq!(codes, [invokecfg::RuleCode::R201.as_str()]);
/// # Ok::<(), invokecfg::Error>(())
/// ```
pub fn lint(source: &str, options: &LintOptions) -> Result<LintReport, Error> {
    report(source.as_bytes(), name_of(options.surface), options)
}

/// Lints a file, read as `invokecfg lint` reads it: `*.tf` as Terraform,
/// `*.yaml`/`*.yml` (and a ROS template in `*.json`) as YAML, anything else
/// as API JSON, unless [`LintOptions::surface`] says otherwise.
pub fn lint_file(path: impl AsRef<Path>, options: &LintOptions) -> Result<LintReport, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(path))?;
    let name = if options.surface.is_some() { name_of(options.surface) } else { path };
    report(&bytes, name, options).map_err(|e| e.in_file(path))
}

/// Applies every safe fix, as `invokecfg lint --fix` does (a fix can uncover
/// another: it runs until none applies), and the unsafe ones too with
/// [`LintOptions::unsafe_fixes`]; returns the new text.
///
/// ```
/// use invokecfg::{fix, LintOptions};
///
/// // Safe: the number written as a string is the number the API expects.
/// let fixed = fix("{\"maxAsyncRetryAttempts\": \"3\"}\n", &LintOptions::new())?;
/// assert_eq!((fixed.text.as_str(), fixed.applied), ("{\"maxAsyncRetryAttempts\": 3}\n", 1));
/// // Unsafe: clamping 12 into 0..8 chooses a value for you, so it is asked for.
/// let text = "{\"maxAsyncRetryAttempts\": 12}\n";
/// assert_eq!(fix(text, &LintOptions::new())?.applied, 0);
/// let fixed = fix(text, &LintOptions::new().unsafe_fixes())?;
/// assert_eq!(fixed.text, "{\"maxAsyncRetryAttempts\": 8}\n");
/// # Ok::<(), invokecfg::Error>(())
/// ```
pub fn fix(source: &str, options: &LintOptions) -> Result<Fixed, Error> {
    let name = name_of(options.surface);
    let surface = Surface::of(name, source.as_bytes());
    let (text, applied) = surface::fix(surface, source.as_bytes(), &options.checked()?);
    let text = String::from_utf8(text)
        .map_err(|e| Error::new(ErrorKind::Syntax, "a fix made the text invalid UTF-8").caused_by(e))?;
    Ok(Fixed { text, applied })
}
