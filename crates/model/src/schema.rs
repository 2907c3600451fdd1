//! The published JSON Schemas, embedded, and validation against them.
//!
//! `invokecfg schema NAME` prints [`SchemaName::text`], byte-identical to the
//! file in `schemas/`. Validation (`SchemaName::validate`, `is_valid`) needs
//! the feature `validate`: tests and tools check documents against the
//! schemas, the binary does not link a validator. Validators are compiled once
//! per process.

use crate::dialect::Dialect;
use serde_json::Value;
use std::fmt;
#[cfg(feature = "validate")]
use std::sync::OnceLock;

/// The top-level key a document may carry to name its schema for editors
/// (JSON Schema's convention); every published schema allows it at the top.
pub const SCHEMA_KEY: &str = "$schema";

/// One of the published schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaName {
    /// `<dialect id>.schema.json`: a dialect's documents.
    Dialect(Dialect),
    /// `mapping.schema.json`
    Mapping,
    /// `lint-report.schema.json`
    LintReport,
    /// `translate-report.schema.json`
    TranslateReport,
    /// `config.schema.json` (the `invokecfg.json` lint configuration)
    Config,
}

/// The schemas that are not a dialect's, in listing order.
const TOOL_SCHEMAS: [SchemaName; 4] =
    [SchemaName::Mapping, SchemaName::LintReport, SchemaName::TranslateReport, SchemaName::Config];

impl SchemaName {
    /// Every schema, in listing order: the dialects' (from [`Dialect::ALL`]), then the tool's own.
    pub const ALL: [SchemaName; Dialect::ALL.len() + TOOL_SCHEMAS.len()] = {
        let mut all = [SchemaName::Mapping; Dialect::ALL.len() + TOOL_SCHEMAS.len()];
        let mut i = 0;
        while i < Dialect::ALL.len() {
            all[i] = SchemaName::Dialect(Dialect::ALL[i]);
            i += 1;
        }
        while i < all.len() {
            all[i] = TOOL_SCHEMAS[i - Dialect::ALL.len()];
            i += 1;
        }
        all
    };

    /// The short name (`invokecfg schema NAME`).
    pub fn name(self) -> &'static str {
        match self {
            SchemaName::Dialect(d) => d.id(),
            SchemaName::Mapping => "mapping",
            SchemaName::LintReport => "lint-report",
            SchemaName::TranslateReport => "translate-report",
            SchemaName::Config => "config",
        }
    }

    /// The file name under `schemas/`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// What the schema describes.
    pub fn summary(self) -> &'static str {
        match self {
            SchemaName::Dialect(d) => d.spec().schema.0,
            SchemaName::Mapping => "translation mapping file (regions, accounts, packages, qualifiers, destinations)",
            SchemaName::LintReport => "report of `invokecfg lint --format json`",
            SchemaName::TranslateReport => "report of `invokecfg translate --report FILE`",
            SchemaName::Config => "lint configuration file `invokecfg.json` / `.invokecfg.json`",
        }
    }

    /// The schema text, byte-identical to the published file.
    pub fn text(self) -> &'static str {
        match self {
            SchemaName::Dialect(d) => d.spec().schema.1,
            SchemaName::Mapping => include_str!("../schemas/mapping.schema.json"),
            SchemaName::LintReport => include_str!("../schemas/lint-report.schema.json"),
            SchemaName::TranslateReport => include_str!("../schemas/translate-report.schema.json"),
            SchemaName::Config => include_str!("../schemas/config.schema.json"),
        }
    }

    /// The schema of a dialect's documents.
    pub fn for_dialect(d: Dialect) -> SchemaName {
        SchemaName::Dialect(d)
    }

    /// The schema as a JSON value.
    pub fn value(self) -> Value {
        serde_json::from_str(self.text()).unwrap_or(Value::Null)
    }

    #[cfg(feature = "validate")]
    fn validator(self) -> Option<&'static jsonschema::Validator> {
        static CELLS: [OnceLock<Option<jsonschema::Validator>>; SchemaName::ALL.len()] =
            [const { OnceLock::new() }; SchemaName::ALL.len()];
        let cell = CELLS.get(SchemaName::ALL.iter().position(|s| *s == self)?)?;
        cell.get_or_init(|| jsonschema::draft202012::new(&self.value()).ok()).as_ref()
    }

    /// Validates `instance`; every violation with its JSON pointer (feature `validate`).
    #[cfg(feature = "validate")]
    pub fn validate(self, instance: &Value) -> Vec<SchemaViolation> {
        let Some(v) = self.validator() else {
            return vec![SchemaViolation {
                pointer: String::new(),
                message: format!("schema {} failed to compile", self.name()),
            }];
        };
        v.iter_errors(instance)
            .map(|e| SchemaViolation { pointer: e.instance_path().to_string(), message: e.to_string() })
            .collect()
    }

    /// Whether `instance` is valid (feature `validate`).
    #[cfg(feature = "validate")]
    pub fn is_valid(self, instance: &Value) -> bool {
        self.validator().is_some_and(|v| v.is_valid(instance))
    }
}

impl fmt::Display for SchemaName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for SchemaName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.strip_suffix(".schema.json").unwrap_or(s);
        SchemaName::ALL.into_iter().find(|n| n.name() == s).ok_or_else(|| {
            format!("unknown schema `{s}`; expected one of {}", SchemaName::ALL.map(|n| n.name()).join(", "))
        })
    }
}

/// One schema violation ([`SchemaName::validate`]).
#[cfg(feature = "validate")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaViolation {
    /// JSON pointer of the offending value.
    pub pointer: String,
    /// The validator's message.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::huawei;
    use serde_json::json;

    #[test]
    fn ids_cannot_be_fetched_from_someone_elses_host() {
        for n in SchemaName::ALL {
            let v = n.value();
            assert_eq!(v["$id"], json!(format!("urn:invokecfg:schema:{}", n.name())), "{n}");
            assert!(!n.text().contains("invokecfg.dev"), "{n} names a host the project does not own");
        }
    }

    #[test]
    fn dialect_schemas_allow_a_top_level_schema_key() {
        for d in Dialect::ALL {
            let s = SchemaName::for_dialect(d);
            let list = json!({d.list_items_key(): [], SCHEMA_KEY: "./x.schema.json"});
            assert!(s.is_valid(&json!({SCHEMA_KEY: "./x.schema.json"})), "{s}");
            // A dialect without a List API (SCF) has no list document.
            assert!(d.list_keys().is_empty() || s.is_valid(&list), "{s}");
            assert!(!s.is_valid(&json!({SCHEMA_KEY: 1})), "{s}: a string");
        }
    }

    #[test]
    fn huawei_timestamps_agree_with_the_facts() {
        let v = SchemaName::Dialect(Dialect::Huawei).value();
        assert_eq!(v.pointer("/$defs/timestamp/pattern").and_then(Value::as_str), Some(huawei::TIMESTAMP_PATTERN));
        for (t, ok) in [
            ("2021-03-04T14:50:02+08:00", true),
            ("2021-03-04 14:50:02", true),
            ("2020-09-10T02:45:02.123Z", true),
            ("yesterday", false),
            ("2021-03-04", false),
        ] {
            assert_eq!(huawei::is_timestamp(t), ok, "{t}");
            assert_eq!(SchemaName::Dialect(Dialect::Huawei).is_valid(&json!({"created_time": t})), ok, "{t}");
        }
    }
}
