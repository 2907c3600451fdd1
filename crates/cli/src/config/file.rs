//! The config file as written: decoded by serde (an unknown key is an
//! error that lists the valid ones), and its JSON Schema generated from the
//! same types (`schemas/config.schema.json`), so the two cannot disagree.
//! Each value type checks itself as it is decoded, with the message the
//! command line gives for the same value.

use invokecfg_model::{Dialect, Severity};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// # invokecfg configuration file
///
/// Settings for `invokecfg lint`, read from `invokecfg.json` or `.invokecfg.json`, found by walking up from each linted file (the nearest wins), or named with `--config FILE`. Command-line flags override it.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(extend("$id" = "urn:invokecfg:schema:config"))]
pub(super) struct ConfigFile {
    /// The schema this file follows, for editors.
    #[serde(rename = "$schema", default)]
    #[schemars(with = "SchemaUri")]
    _schema: Option<SchemaUri>,
    /// Dialect of the linted documents; `auto` detects it from each document's keys.
    #[serde(default)]
    #[schemars(with = "DialectSetting")]
    pub dialect: Option<DialectSetting>,
    /// Run the portability rules against this dialect: report what a translation to it would clamp, refuse or shorten.
    #[serde(default)]
    pub target: TargetSetting,
    /// Rule codes, code prefixes (`R`, `S1`) or kebab-case rule names to run. Absent: every rule.
    #[serde(default)]
    #[schemars(with = "Vec<Selector>")]
    pub select: Option<Vec<Selector>>,
    /// Rule codes, code prefixes or rule names to skip. Applied after `select`.
    #[serde(default)]
    pub ignore: Vec<Selector>,
    /// Severity overrides: rule code or name -> `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: InOrder<Selector, SeverityName>,
    /// Glob patterns (gitignore syntax), relative to this file's directory, of paths not to lint when walking directories (and, with `--force-exclude`, when named on the command line).
    #[serde(default)]
    pub exclude: Vec<Glob>,
    /// Glob patterns (gitignore syntax), relative to this file's directory, of files to lint as configs even when they hold no key of any dialect (such files are otherwise skipped as not async invocation configs).
    #[serde(default)]
    pub include: Vec<Glob>,
    /// Path, relative to this file, of a configuration file this one extends (as ruff's `extend`): this file's `select`, `dialect`, `target`, `function` and `rules-url` replace the extended file's; `ignore`, `exclude`, `include`, `per-file-ignores`, `suppress` and `severity` add to them.
    #[serde(default)]
    #[schemars(with = "NonEmpty")]
    pub extend: Option<NonEmpty>,
    /// Glob (gitignore syntax, relative to this file's directory) -> rule codes, code prefixes or rule names not reported for the files it matches.
    #[serde(default)]
    pub per_file_ignores: InOrder<Glob, Vec<Selector>>,
    /// Single findings not to report, each with the reason it is accepted. A suppression whose files were linted but that silenced none of their findings is reported, so stale ones do not pile up.
    #[serde(default)]
    pub suppress: Vec<SuppressEntry>,
    /// Base URL where you publish the rule pages (`docs/rules/CODE.md`); SARIF `helpUri` is `<rules-url>/CODE.md`, and absent without it. As `--rules-url`.
    #[serde(default)]
    #[schemars(with = "RulesUrl")]
    pub rules_url: Option<RulesUrl>,
    /// The function's identity (ARN or URN) for documents that do not carry it, as `--function`.
    #[serde(default)]
    #[schemars(with = "FunctionId")]
    pub function: Option<FunctionId>,
}

/// One `suppress` entry.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
pub(super) struct SuppressEntry {
    /// Glob (gitignore syntax), relative to this file's directory, of the files it applies to.
    #[serde(default = "every_file")]
    #[schemars(extend("default" = "**"))]
    pub path: Glob,
    /// JSON pointer of the finding (or of a value above it). Absent: anywhere in the file.
    #[serde(default)]
    #[schemars(with = "Pointer")]
    pub pointer: Option<Pointer>,
    /// Rule code, code prefix or rule name.
    pub code: Selector,
    /// Why the finding is accepted; required.
    #[serde(rename = "reason")]
    _reason: NonEmpty,
}

fn every_file() -> Glob {
    Glob("**".into())
}

/// Decodes a string with `check`, the value parser the flag uses.
fn checked<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    check: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    let text = String::deserialize(deserializer)?;
    check(&text).map_err(de::Error::custom)
}

/// A string type whose schema is `schema` and whose value `check` accepts.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident($inner:ty), $def:expr, $check:expr, $schema:tt) => {
        $(#[$doc])*
        pub(super) struct $name(pub $inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                checked(deserializer, $check).map($name)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $def.unwrap_or(stringify!($name)).into()
            }
            fn inline_schema() -> bool {
                $def.is_none()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

checked_string!(
    /// A rule selector that names at least one rule.
    Selector(String), Some("selector"), crate::values::selector,
    {
        "type": "string",
        "pattern": "^([A-Za-z]+[0-9]*|[a-z][a-z0-9]*(-[a-z0-9]+)*)$",
        "description": "A rule code (`R201`), a code prefix (`R`, `R2`) or a rule name (`event-age-out-of-range`)."
    }
);

checked_string!(
    /// A severity name.
    SeverityName(Severity), None::<&str>, crate::values::severity,
    { "type": "string", "enum": ["error", "warning", "info"] }
);

checked_string!(
    /// A glob (gitignore syntax).
    Glob(String), None::<&str>, |s: &str| non_empty(s),
    { "type": "string", "minLength": 1 }
);

checked_string!(
    /// A string that is not empty.
    NonEmpty(String), None::<&str>, |s: &str| non_empty(s),
    { "type": "string", "minLength": 1 }
);

checked_string!(
    /// A JSON pointer: empty, or `/` and tokens.
    Pointer(String), None::<&str>, |s: &str| {
        if s.is_empty() || s.starts_with('/') {
            Ok(s.to_string())
        } else {
            Err(format!("`{s}` is no JSON pointer; expected `/` and the keys, e.g. /destinationConfig/onFailure"))
        }
    },
    { "type": "string", "pattern": "^(/.*)?$" }
);

checked_string!(
    /// A base URL of the rule pages.
    RulesUrl(String), None::<&str>, crate::values::rules_url,
    { "type": "string", "pattern": "^https?://.+" }
);

checked_string!(
    /// Where the file's schema is, for editors; not read.
    SchemaUri(()), None::<&str>, |_: &str| Ok(()),
    { "type": "string" }
);

checked_string!(
    /// A function identity: an FC function ARN or a FunctionGraph function URN.
    FunctionId(String), None::<&str>, crate::values::function,
    { "type": "string" }
);

fn non_empty(s: &str) -> Result<String, String> {
    if s.is_empty() {
        Err("an empty string; expected at least one character".into())
    } else {
        Ok(s.to_string())
    }
}

/// `auto`, or the documents' dialect.
pub(super) enum DialectSetting {
    Auto,
    Of(Dialect),
}

impl<'de> Deserialize<'de> for DialectSetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        checked(deserializer, |s| match s {
            "auto" => Ok(DialectSetting::Auto),
            _ => dialect(s).map(DialectSetting::Of),
        })
    }
}

impl JsonSchema for DialectSetting {
    fn schema_name() -> Cow<'static, str> {
        "dialect".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = std::iter::once("auto").chain(Dialect::ALL.iter().map(|d| d.id())).collect();
        json_schema!({ "type": "string", "enum": ids, "default": "auto" })
    }
}

/// `target`: absent (the extended file's, if any), `null` (none) or a dialect.
#[derive(Default)]
pub(super) enum TargetSetting {
    #[default]
    Absent,
    Null,
    Of(Dialect),
}

impl<'de> Deserialize<'de> for TargetSetting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(TargetSetting::Null),
            Some(s) => dialect(&s).map(TargetSetting::Of).map_err(de::Error::custom),
        }
    }
}

impl JsonSchema for TargetSetting {
    fn schema_name() -> Cow<'static, str> {
        "target".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut ids: Vec<serde_json::Value> = Dialect::ALL.iter().map(|d| d.id().into()).collect();
        ids.push(serde_json::Value::Null);
        json_schema!({ "type": ["string", "null"], "enum": ids, "default": null })
    }
}

fn dialect(s: &str) -> Result<Dialect, String> {
    s.parse::<Dialect>().map_err(|_| format!("`{s}` is no dialect; expected {}", Dialect::ids()))
}

/// An object read in the file's order (later entries override earlier
/// ones); the keys' schema is `K`'s, and the keys are checked where they
/// are used, so an error points at the key's own value.
pub(super) struct InOrder<K, V> {
    pub entries: Vec<(String, V)>,
    keys: PhantomData<K>,
}

impl<K, V> Default for InOrder<K, V> {
    fn default() -> Self {
        InOrder { entries: Vec::new(), keys: PhantomData }
    }
}

impl<'de, K, V: Deserialize<'de>> Deserialize<'de> for InOrder<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = InOrder<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(InOrder { entries, keys: PhantomData })
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for InOrder<K, V> {
    fn schema_name() -> Cow<'static, str> {
        format!("InOrder_{}_{}", K::schema_name(), V::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let keys = generator.subschema_for::<K>();
        let values = generator.subschema_for::<V>();
        json_schema!({ "type": "object", "propertyNames": keys, "additionalProperties": values })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema as published: pretty JSON, one description per line.
    fn schema_text() -> String {
        let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
        let mut schema = generator.into_root_schema_for::<ConfigFile>().to_value();
        one_line_descriptions(&mut schema);
        // The schema's own identity first, as people read a schema.
        let mut ordered = serde_json::Map::new();
        if let serde_json::Value::Object(mut m) = schema {
            for key in ["$schema", "$id", "title", "description"] {
                if let Some(v) = m.shift_remove(key) {
                    ordered.insert(key.into(), v);
                }
            }
            ordered.extend(m);
        }
        format!("{}\n", serde_json::to_string_pretty(&ordered).unwrap_or_default())
    }

    /// Doc comments wrap; a description in an editor's tooltip should not.
    fn one_line_descriptions(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(d)) = m.get_mut("description") {
                    *d = d.split_whitespace().collect::<Vec<_>>().join(" ");
                }
                m.values_mut().for_each(one_line_descriptions);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(one_line_descriptions),
            _ => {}
        }
    }

    /// `UPDATE_SCHEMAS=1` writes the generated schema over the committed one.
    #[test]
    fn committed_config_schema_is_the_generated_one() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/config.schema.json");
        let generated = schema_text();
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == generated,
            "schemas/config.schema.json is not what the config struct generates; run UPDATE_SCHEMAS=1 cargo test -p invokecfg-cli\n{generated}"
        );
        assert_eq!(invokecfg_model::schema::SchemaName::Config.text(), generated, "the binary embeds the file");
    }
}
