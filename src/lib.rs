//! # invokecfg
//!
//! Lint and translate the **asynchronous invocation configuration** of
//! serverless functions: Alibaba Cloud Function Compute 2.0 and 3.0, Huawei
//! Cloud FunctionGraph and AWS Lambda ([`Dialect::ALL`]), as API JSON,
//! Terraform, Serverless Devs `s.yaml` and ROS templates ([`Surface`]). This
//! is the library the `invokecfg` command line, language server and Python
//! package are built on: the same text gets the same findings and the same
//! translation here as there, because every one of them reads a file through
//! the same entry point.
//!
//! A few functions and types are the whole API:
//!
//! | to | call | returns |
//! |---|---|---|
//! | lint a text or a file | [`lint()`], [`lint_file`] | [`LintReport`]: [`Finding`]s |
//! | apply the safe fixes | [`fix()`] | [`Fixed`] |
//! | translate a text or a file | [`translate()`], [`translate_file`] | [`Translation`]: text and [`Note`]s |
//! | tell the dialect of a document | [`detect()`] | [`Dialect`] |
//! | get a published JSON Schema | [`schema()`] | its text |
//!
//! Every failure is an [`Error`] with an [`ErrorKind`]; a text that does not
//! parse is a lint finding, not an error. With `default-features = false`
//! the crate builds without the command line's dependencies (clap, the
//! language server, the allocator).
//!
//! # Lint a string
//!
//! ```
//! use invokecfg::{lint, Dialect, LintOptions, RuleCode, Severity};
//!
//! let text = r#"{"maxAsyncEventAgeInSeconds": 700000, "maxAsyncRetryAttempts": 3}"#;
//! let report = lint(text, &LintOptions::new())?;
//! assert_eq!(report.dialect, Some(Dialect::AlibabaFc2));
//! let finding = &report.findings[0];
//! assert_eq!(finding.code, RuleCode::R201.as_str());
//! assert_eq!(finding.severity, Severity::Error);
//! assert_eq!(finding.pointer, "/maxAsyncEventAgeInSeconds");
//! assert_eq!(finding.span.map(|s| (s.start.line, s.start.column)), Some((1, 31)));
//! // Clamp to 604800: an unsafe fix, applied by `invokecfg::fix` with `LintOptions::unsafe_fixes`.
//! assert!(finding.fix.is_some());
//! # Ok::<(), invokecfg::Error>(())
//! ```
//!
//! # Translate with a mapping
//!
//! ```
//! use invokecfg::{translate_file, Dialect, Mapping, Severity, TranslateOptions};
//!
//! let mapping = Mapping::from_json(&std::fs::read_to_string("fixtures/mapping/seed.json")?)?;
//! let options = TranslateOptions::new().mapping(mapping);
//! let t = translate_file("fixtures/alibaba-fc2/valid/seed-put-response.json", Dialect::Huawei, &options)?;
//! assert_eq!(t.source, Some(Dialect::AlibabaFc2));
//! // The mapping's `cn-shanghai` -> `cn-east-3`, account -> project id and
//! // `demo-service` -> package `default`; FC alias `test` is FunctionGraph alias `!test`.
//! let urn = "urn:fss:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:function:default:helloworld:!test";
//! assert!(t.text.contains(&format!("\"{urn}\"")));
//! // FunctionGraph keeps events at most 86400 s: 300 is carried as it is, with no note.
//! assert!(t.json().is_some() && !t.notes.iter().any(|n| n.code == "T101"));
//! // Nothing is dropped silently: the read-only times are named by an info note.
//! assert!(t.notes.iter().any(|n| n.code == "T103" && n.severity == Severity::Info));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A translation that cannot carry something is refused: an [`Error`] of
//! kind [`ErrorKind::Refused`] whose [`Error::notes`] name the entry to add.
//!
//! ```
//! use invokecfg::{translate, Dialect, ErrorKind, TranslateOptions};
//!
//! let fc2 = r#"{"maxAsyncRetryAttempts": 12}"#;
//! let e = translate(fc2, Dialect::Huawei, &TranslateOptions::new().strict()).unwrap_err();
//! assert_eq!(e.kind(), ErrorKind::Refused);
//! assert!(e.notes().iter().any(|n| n.code == "T101")); // clamped to 3: a warning, refused by `strict`
//! ```
//!
//! # Walk a directory
//!
//! ```
//! use invokecfg::{lint_file, LintOptions, Surface};
//!
//! let mut errors = Vec::new();
//! for entry in std::fs::read_dir("fixtures/alibaba-fc2/invalid")? {
//!     let path = entry?.path();
//!     if Surface::by_name(&path).is_none() {
//!         continue; // a file no surface reads
//!     }
//!     let report = lint_file(&path, &LintOptions::new())?;
//!     if report.has_errors() {
//!         errors.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
//!     }
//! }
//! errors.sort();
//! assert_eq!(errors.len(), 8);
//! assert_eq!(errors[0], "age-out-of-range.json");
//! # Ok::<(), invokecfg::Error>(())
//! ```
//!
//! # Read a Terraform file
//!
//! ```
//! use invokecfg::{lint_file, Dialect, LintOptions, RuleCode, Surface};
//!
//! let report = lint_file("fixtures/terraform/read/fc2-retries-out-of-range.tf", &LintOptions::new())?;
//! assert_eq!(report.surface, Surface::Terraform);
//! assert_eq!(report.dialect, Some(Dialect::AlibabaFc2));
//! let finding = &report.findings[0];
//! assert_eq!((finding.code.as_str(), finding.pointer.as_str()), (RuleCode::R202.as_str(), "/maxAsyncRetryAttempts"));
//! // Located in the .tf file: `maximum_retry_attempts = 12` is on line 12.
//! assert_eq!(finding.span.map(|s| s.start.line), Some(12));
//! # Ok::<(), invokecfg::Error>(())
//! ```
//!
//! The lower layers are crates of their own (`invokecfg-model`,
//! `invokecfg-translate`, `invokecfg-lint`, `invokecfg-iac`); their APIs
//! change more often than this one.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod lint;
mod translate;

pub use error::{Error, ErrorKind};
pub use invokecfg_iac::surface::Surface;
/// A rule's typed code: compare a finding's `code` with `RuleCode::R201.as_str()`.
pub use invokecfg_lint::RuleCode;
pub use invokecfg_model::{Diagnostic, Dialect, Edit, Fix, Position, Severity, Span};
pub use invokecfg_translate::{Mapping, MappingError};
pub use lint::{fix, lint, lint_file, Fixed, LintOptions, LintReport};
pub use translate::{translate, translate_file, TranslateOptions, Translation};

/// A lint finding: a stable rule code (`R201`), its severity, the message
/// and help, the JSON pointer and the span in the text, and the safe fix when
/// there is one.
pub type Finding = Diagnostic;

/// A translation note: a stable note code (`T101`), its severity, the
/// message, the JSON pointer in the source and, for a changed value, the old
/// and new values and the range it was clamped into.
pub type Note = Diagnostic;

/// The dialect of an API JSON document, from its keys (as `--dialect auto`).
///
/// ```
/// use invokecfg::{detect, Dialect, ErrorKind};
///
/// assert_eq!(detect(r#"{"max_async_retry_attempts": 2}"#)?, Dialect::Huawei);
/// assert_eq!(detect(r#"{"MaximumRetryAttempts": 2}"#)?, Dialect::AwsLambda);
/// let mixed = detect(r#"{"MaximumRetryAttempts": 2, "max_async_retry_attempts": 2}"#).unwrap_err();
/// assert_eq!(mixed.kind(), ErrorKind::UnknownDialect);
/// # Ok::<(), invokecfg::Error>(())
/// ```
pub fn detect(source: &str) -> Result<Dialect, Error> {
    let parsed = invokecfg_model::span::parse(source.as_bytes())?;
    Ok(invokecfg_model::detect(&parsed.value)?.dialect)
}

/// A published JSON Schema (draft 2020-12), byte for byte the file
/// `schemas/NAME.schema.json` (`invokecfg schema NAME`): a dialect's id
/// (`huawei`), `mapping`, `lint-report`, `translate-report` or `config`.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(invokecfg::schema("aws-lambda")?).unwrap();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(invokecfg::schema("nope").unwrap_err().kind(), invokecfg::ErrorKind::UnknownSchema);
/// # Ok::<(), invokecfg::Error>(())
/// ```
pub fn schema(name: &str) -> Result<&'static str, Error> {
    use invokecfg_model::schema::SchemaName;
    match SchemaName::ALL.into_iter().find(|s| s.name() == name) {
        Some(s) => Ok(s.text()),
        None => {
            let names: Vec<&str> = SchemaName::ALL.iter().map(|s| s.name()).collect();
            Err(Error::new(
                ErrorKind::UnknownSchema,
                format!("no schema is named `{name}`; expected one of {}", names.join(", ")),
            ))
        }
    }
}
