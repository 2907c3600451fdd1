//! The identity mapping file and the built-in region pairs.

use invokecfg_model::facts::{alibaba, aws, huawei};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::{Position, Provider};
use serde_json::{Map, Value};
use std::fmt;

// The built-in region pairs by city, one table per provider pair.
mod builtin_regions;
pub use builtin_regions::*;
// The file's shape, as `schemas/mapping.schema.json` describes it.
mod shape;
pub use shape::TextShape;

/// One provider pair a mapping file has tables for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// The provider whose identifiers are the tables' keys.
    pub key_side: Provider,
    /// The provider whose identifiers are the tables' values.
    pub value_side: Provider,
    /// The file's key for the pair (`""`: the top-level tables).
    pub path: &'static str,
    /// Region pairs by city, key side first, each with its reason.
    pub builtin_regions: &'static [(&'static str, &'static str, &'static str)],
    /// What the `accounts` table holds its keys and its values to.
    pub account_ids: (TextShape, TextShape),
    /// The providers whose identifier scheme (`acs:`, `arn:`) starts a
    /// `destinations` value written as a string (the other form is a
    /// FunctionGraph destination object).
    pub string_destinations: &'static [Provider],
}

/// The providers whose destinations are strings: what `destinations` of a
/// pair other than the top-level one may hold as strings.
const STRING_DESTINATIONS: &[Provider] = &[Provider::Alibaba, Provider::Aws];

/// The provider pairs a mapping file has tables for: one per two distinct
/// providers (a test holds it to [`Provider::ALL`]), each read both ways.
pub const PAIRS: &[Pair] = &[
    Pair {
        key_side: Provider::Alibaba,
        value_side: Provider::Huawei,
        path: "",
        builtin_regions: BUILTIN_REGIONS,
        account_ids: (TextShape::NonEmpty, TextShape::LettersAndDigits(huawei::PROJECT_ID_LEN)),
        string_destinations: &[Provider::Alibaba],
    },
    Pair {
        key_side: Provider::Aws,
        value_side: Provider::Alibaba,
        path: "aws-alibaba",
        builtin_regions: BUILTIN_AWS_ALIBABA_REGIONS,
        account_ids: (TextShape::Digits(aws::ACCOUNT_ID_DIGITS), TextShape::NonEmpty),
        string_destinations: STRING_DESTINATIONS,
    },
    Pair {
        key_side: Provider::Aws,
        value_side: Provider::Huawei,
        path: "aws-huawei",
        builtin_regions: BUILTIN_AWS_HUAWEI_REGIONS,
        account_ids: (TextShape::Digits(aws::ACCOUNT_ID_DIGITS), TextShape::NonEmpty),
        string_destinations: STRING_DESTINATIONS,
    },
    Pair {
        key_side: Provider::Alibaba,
        value_side: Provider::Tencent,
        path: "alibaba-tencent",
        builtin_regions: BUILTIN_ALIBABA_TENCENT_REGIONS,
        account_ids: (TextShape::Digits(alibaba::ACCOUNT_ID_DIGITS), TextShape::NonEmpty),
        string_destinations: STRING_DESTINATIONS,
    },
    Pair {
        key_side: Provider::Huawei,
        value_side: Provider::Tencent,
        path: "huawei-tencent",
        builtin_regions: BUILTIN_HUAWEI_TENCENT_REGIONS,
        account_ids: (TextShape::LettersAndDigits(huawei::PROJECT_ID_LEN), TextShape::NonEmpty),
        string_destinations: STRING_DESTINATIONS,
    },
    Pair {
        key_side: Provider::Aws,
        value_side: Provider::Tencent,
        path: "aws-tencent",
        builtin_regions: BUILTIN_AWS_TENCENT_REGIONS,
        account_ids: (TextShape::Digits(aws::ACCOUNT_ID_DIGITS), TextShape::NonEmpty),
        string_destinations: STRING_DESTINATIONS,
    },
];

/// The index in [`PAIRS`] of the pair of `a` and `b` (either way round).
pub fn pair_index(a: Provider, b: Provider) -> Option<usize> {
    PAIRS.iter().position(|p| (p.key_side, p.value_side) == (a, b) || (p.value_side, p.key_side) == (a, b))
}

/// The tables of one provider pair, read forwards (key side -> value side)
/// and backwards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    /// Where the tables sit in the file (`""`: top level, else e.g. `aws-huawei`).
    pub path: &'static str,
    /// Region -> region.
    pub regions: Vec<(String, String)>,
    /// Account id -> account or project id.
    pub accounts: Vec<(String, String)>,
    /// Namespace (FC 2.0 service, FunctionGraph package; `""` for functions
    /// of a provider without namespaces) -> namespace.
    pub packages: Vec<(String, String)>,
    /// Qualifier -> qualifier, each in its provider's spelling.
    pub qualifiers: Vec<(String, String)>,
    /// Destination identifier -> the other provider's own form.
    pub destinations: Vec<(String, Value)>,
}

impl Tables {
    /// A table's name as a help text names it (`regions`, `aws-huawei.regions`).
    pub fn label(&self, table: &str) -> String {
        if self.path.is_empty() {
            table.to_string()
        } else {
            format!("{}.{table}", self.path)
        }
    }

    /// The JSON to add to the mapping file for one entry.
    pub fn entry_hint(&self, table: &str, key: &str, value: &str) -> String {
        // Joined in one allocation: hints are written for every unmapped identifier.
        let entry = ["\"", table, "\": {\"", key, "\": ", value, "}"];
        if self.path.is_empty() {
            entry.concat()
        } else {
            [&["\"", self.path, "\": {"][..], &entry, &["}"]].concat().concat()
        }
    }
}

/// The mapping file (`schemas/mapping.schema.json`): one set of tables per
/// provider pair, each read in both directions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    /// The tables of each pair in [`PAIRS`], in that order.
    pub pairs: Vec<Tables>,
    /// `services`: FC 3.0 function name -> the FC 2.0 service it belongs to
    /// (the key `""`: every function not listed), for FC 3.0 -> FC 2.0.
    /// Many functions share a service, so it is read one way only.
    pub services: Vec<(String, String)>,
}

/// The tables that serve one translation: which pair, and in which direction.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Direction<'a> {
    pub tables: &'a Tables,
    /// Whether the source is the key side.
    pub forward: bool,
    pub builtin: &'static [(&'static str, &'static str, &'static str)],
}

/// The tables of a mapping file that has none for a pair (or of no file), with the pair's path.
static NO_TABLES: std::sync::LazyLock<Vec<Tables>> =
    std::sync::LazyLock::new(|| PAIRS.iter().map(|p| Tables { path: p.path, ..Tables::default() }).collect());

/// The tables of a translation within one provider: identifiers are kept, so none apply.
static WITHIN_ONE_PROVIDER: Tables = Tables {
    path: "",
    regions: Vec::new(),
    accounts: Vec::new(),
    packages: Vec::new(),
    qualifiers: Vec::new(),
    destinations: Vec::new(),
};

/// [`Mapping::service_of`] over the `services` table.
pub(crate) fn service_in<'a>(services: &'a [(String, String)], function: &str) -> Option<(&'a str, &'a str)> {
    let entry = |key: &str| services.iter().find(|(k, _)| k == key).map(|(k, v)| (v.as_str(), k.as_str()));
    entry(function).or_else(|| entry(""))
}

/// The mapping file's table of FC 2.0 services for FC 3.0 functions.
pub const SERVICES: &str = "services";

impl Mapping {
    /// The FC 2.0 service an FC 3.0 function belongs to, and the `services`
    /// entry that says so (the function's name, or `""`).
    pub fn service_of(&self, function: &str) -> Option<(&str, &str)> {
        service_in(&self.services, function)
    }

    /// The tables for translating from `from` to `to`; `None` when the pair
    /// has no place in the mapping file (a provider added without its [`PAIRS`]).
    pub(crate) fn direction(&self, from: Provider, to: Provider) -> Option<Direction<'_>> {
        if from == to {
            return Some(Direction { tables: &WITHIN_ONE_PROVIDER, forward: true, builtin: &[] });
        }
        let i = pair_index(from, to)?;
        let pair = PAIRS.get(i)?;
        let tables = self.pairs.get(i).or(NO_TABLES.get(i))?;
        Some(Direction { tables, forward: pair.key_side == from, builtin: pair.builtin_regions })
    }

    /// The tables of the pair at `path` (`""`: Alibaba <-> Huawei).
    pub fn tables(&self, path: &str) -> Option<&Tables> {
        self.pairs.iter().find(|t| t.path == path)
    }
}

/// Why a mapping file is unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError {
    /// JSON pointer inside the mapping file.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
    /// Where the entry at `pointer` starts in the file's text (its key, for
    /// an object member); set by [`Mapping::from_json`], which has the text.
    pub position: Option<Position>,
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.pointer.is_empty(), self.position) {
            (true, _) => f.write_str(&self.message),
            (false, None) => write!(f, "{}: {}", self.pointer, self.message),
            (false, Some(p)) => write!(f, "{} at {}:{}: {}", self.pointer, p.line, p.column, self.message),
        }
    }
}

impl std::error::Error for MappingError {}

fn table(map: &Map<String, Value>, prefix: &str, name: &str) -> Result<Vec<(String, String)>, MappingError> {
    let Some(Value::Object(entries)) = map.get(name) else { return Ok(Vec::new()) };
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in entries {
        let v = v.as_str().unwrap_or_default().to_string();
        if let Some((other, _)) = out.iter().find(|(_, ov)| *ov == v) {
            return Err(MappingError {
                pointer: format!("{prefix}/{name}/{}", invokecfg_model::document::escape_pointer_token(k)),
                message: format!(
                    "`{other}` and `{k}` both map to `{v}`; a mapping is read in both directions, so each value may appear once"
                ),
                position: None,
            });
        }
        out.push((k.clone(), v));
    }
    Ok(out)
}

impl Mapping {
    /// Parses and validates a mapping file's text.
    pub fn from_json(text: &str) -> Result<Mapping, MappingError> {
        let parsed = invokecfg_model::span::parse(text.as_bytes()).map_err(|e| {
            let at = e.position().map(|p| format!(" at {}:{}", p.line, p.column)).unwrap_or_default();
            MappingError { pointer: String::new(), message: format!("not JSON{at}: {e}"), position: None }
        })?;
        Self::from_value(&parsed.value).map_err(|e| {
            let entry = if e.pointer.is_empty() { None } else { parsed.spans.key_span(&e.pointer) };
            MappingError { position: entry.map(|span| span.start), ..e }
        })
    }

    /// Checks what `schemas/mapping.schema.json` describes: the structure,
    /// the types, the shapes of keys and values. [`Mapping::from_value`]
    /// does this first, then checks that each table is one-to-one and reads
    /// each destination override.
    pub fn check_shape(value: &Value) -> Result<(), MappingError> {
        shape::check(value)
    }

    /// Validates an already parsed mapping document.
    pub fn from_value(value: &Value) -> Result<Mapping, MappingError> {
        shape::check(value)?;
        let Value::Object(map) = value else {
            return Err(MappingError {
                pointer: String::new(),
                message: "a mapping file is a JSON object".into(),
                position: None,
            });
        };
        let mut pairs = Vec::new();
        let empty = Map::new();
        for pair in PAIRS {
            let path = pair.path;
            let (prefix, obj) = if path.is_empty() {
                (String::new(), Some(map))
            } else {
                (format!("/{path}"), map.get(path).and_then(Value::as_object))
            };
            pairs.push(tables(obj.unwrap_or(&empty), &prefix, path, pair.key_side, pair.value_side)?);
        }
        let services = match map.get(SERVICES) {
            Some(Value::Object(m)) => {
                m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect()
            }
            _ => Vec::new(),
        };
        Ok(Mapping { pairs, services })
    }
}

fn tables(
    map: &Map<String, Value>,
    prefix: &str,
    path: &'static str,
    a: Provider,
    b: Provider,
) -> Result<Tables, MappingError> {
    let destinations: Vec<(String, Value)> = match map.get("destinations") {
        Some(Value::Object(d)) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    };
    for (i, (k, v)) in destinations.iter().enumerate() {
        check_destination(prefix, k, v, a, b)?;
        if let Some((other, _)) = destinations[..i].iter().find(|(_, ov)| ov == v) {
            return Err(MappingError {
                pointer: format!("{prefix}/destinations/{}", invokecfg_model::document::escape_pointer_token(k)),
                message: format!("`{other}` and `{k}` map to the same destination; each target may appear once"),
                position: None,
            });
        }
    }
    Ok(Tables {
        path,
        regions: table(map, prefix, "regions")?,
        accounts: table(map, prefix, "accounts")?,
        packages: table(map, prefix, "packages")?,
        qualifiers: table(map, prefix, "qualifiers")?,
        destinations,
    })
}

/// One `destinations` entry pairs a destination of one provider of the pair
/// (its ARN, URN, `OBS:{bucket}` or `DIS:{stream}`) with the other
/// provider's own form; checked here so a typo is an error, not an entry
/// that never matches.
fn check_destination(prefix: &str, k: &str, v: &Value, a: Provider, b: Provider) -> Result<(), MappingError> {
    let at = |message: String| MappingError {
        pointer: format!("{prefix}/destinations/{}", invokecfg_model::document::escape_pointer_token(k)),
        message,
        position: None,
    };
    let side = [a, b].into_iter().find_map(|p| (provider_codec(p).read_key)(k).map(|r| (p, r)));
    let Some((key_side, read)) = side else {
        return Err(at(format!(
            "key `{k}` names no {} or {} destination: write an ARN, a URN, `OBS:{{bucket}}` or `DIS:{{stream}}`",
            a.service_name(),
            b.service_name(),
        )));
    };
    read.map_err(|e| at(format!("key `{k}`: {e}")))?;
    let other = if key_side == a { b } else { a };
    let codec = provider_codec(other);
    (codec.read_destination)(v).map(drop).map_err(|e| {
        at(format!(
            "key `{k}` is a {} destination, so its value is a {} destination such as {}: {e}",
            key_side.service_name(),
            other.service_name(),
            codec.example
        ))
    })
}

/// Looks `key` up in a table, forwards (Alibaba -> Huawei) or backwards.
pub(crate) fn lookup<'a>(table: &'a [(String, String)], key: &str, forward: bool) -> Option<&'a str> {
    table.iter().find_map(|(a, h)| match forward {
        true if a == key => Some(h.as_str()),
        false if h == key => Some(a.as_str()),
        _ => None,
    })
}

/// How one identifier was resolved through the composed mapping of its
/// namespace: the file's entries, then a built-in pair or the same-name
/// fallback, checked so the composition stays one-to-one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved<'a> {
    /// The mapping file's entry.
    Entry(&'a str),
    /// The built-in or same-name counterpart, not claimed by any file entry.
    Fallback(String),
    /// The fallback's counterpart is already the file entry `(alibaba, huawei)`'s:
    /// both identifiers would map to one, and the way back could not tell them apart.
    Clash { fallback: String, entry: (&'a str, &'a str) },
    /// No entry and no fallback.
    Missing,
}

/// Resolves `key` in `table` (forwards: Alibaba -> Huawei), else through
/// `fallback` (the built-in pair or the same name), refusing a fallback whose
/// counterpart a file entry already pairs with another identifier.
pub(crate) fn resolve<'a>(
    table: &'a [(String, String)],
    key: &str,
    forward: bool,
    fallback: Option<&str>,
) -> Resolved<'a> {
    if let Some(v) = lookup(table, key, forward) {
        return Resolved::Entry(v);
    }
    let Some(fallback) = fallback else { return Resolved::Missing };
    // `key` has no entry, so any entry that reaches `fallback` pairs it with another identifier.
    let claimed = table.iter().find(|(a, h)| if forward { h == fallback } else { a == fallback });
    match claimed {
        Some((a, h)) => Resolved::Clash { fallback: fallback.to_string(), entry: (a.as_str(), h.as_str()) },
        None => Resolved::Fallback(fallback.to_string()),
    }
}

/// The built-in pair for `region`, forwards or backwards, with its reason.
pub(crate) fn builtin_region(
    pairs: &'static [(&'static str, &'static str, &'static str)],
    region: &str,
    forward: bool,
) -> Option<(&'static str, &'static str)> {
    pairs.iter().find_map(|(a, h, why)| match forward {
        true if *a == region => Some((*h, *why)),
        false if *h == region => Some((*a, *why)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pairs_are_one_to_one_and_real_regions() {
        let regions = |p: Provider| p.spec().regions;
        for pair in PAIRS {
            let (pa, pb) = (pair.key_side, pair.value_side);
            let pairs = pair.builtin_regions;
            assert!(!pairs.is_empty());
            for (i, (a, h, _)) in pairs.iter().enumerate() {
                assert!(regions(pa).contains(a), "{pa}: {a}");
                assert!(regions(pb).contains(h), "{pb}: {h}");
                for (a2, h2, _) in &pairs[i + 1..] {
                    assert_ne!(a, a2);
                    assert_ne!(h, h2);
                }
            }
        }
    }

    #[test]
    fn every_two_providers_have_one_pair_of_tables() {
        for a in Provider::ALL {
            for b in Provider::ALL.into_iter().filter(|b| *b != a) {
                let found = PAIRS.iter().filter(|p| pair_index(a, b) == PAIRS.iter().position(|q| q == *p)).count();
                assert_eq!(found, 1, "{a} <-> {b}: add its `Pair` to PAIRS (tables path and built-in regions)");
                assert!(Mapping::default().direction(a, b).is_some(), "{a} -> {b}");
            }
        }
        let paths: std::collections::BTreeSet<&str> = PAIRS.iter().map(|p| p.path).collect();
        assert_eq!(paths.len(), PAIRS.len(), "one path per pair");
    }

    #[test]
    fn aws_pairs_have_their_own_tables() {
        let text = r#"{"aws-huawei": {"regions": {"us-east-1": "la-north-2"}, "accounts": {"123456789012": "0970dd7a1300f5672ff2c003c60ae115"},
            "destinations": {"arn:aws:sqs:us-east-1:123456789012:jobs": {"destination": "DIS", "param": {"stream_name": "jobs"}}}}}"#;
        let m = Mapping::from_json(text).unwrap();
        let d = m.direction(Provider::Huawei, Provider::Aws).unwrap();
        assert!(!d.forward);
        assert_eq!(lookup(&d.tables.regions, "la-north-2", false), Some("us-east-1"));
        assert_eq!(d.tables.entry_hint("regions", "a", "\"b\""), r#""aws-huawei": {"regions": {"a": "b"}}"#);
        let bad = r#"{"aws-alibaba": {"destinations": {"arn:aws:sqs:us-east-1:123456789012:jobs": {"destination": "DIS", "param": {"stream_name": "jobs"}}}}}"#;
        let e = Mapping::from_json(bad).unwrap_err();
        assert_eq!(e.pointer, "/aws-alibaba/destinations/arn:aws:sqs:us-east-1:123456789012:jobs");
    }

    #[test]
    fn not_one_to_one_names_both_keys() {
        let e =
            Mapping::from_json(r#"{"regions": {"cn-shanghai": "cn-east-3", "cn-hangzhou": "cn-east-3"}}"#).unwrap_err();
        assert_eq!(e.pointer, "/regions/cn-hangzhou");
        assert!(e.message.contains("`cn-shanghai` and `cn-hangzhou` both map to `cn-east-3`"), "{e}");
    }

    #[test]
    fn destination_entries_are_checked_on_load() {
        let seed = r#"{"destinations": {"acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages": {"destination": "DIS", "param": {"stream_name": "jobs"}}}}"#;
        assert_eq!(Mapping::from_json(seed).unwrap().tables("").map(|t| t.destinations.len()), Some(1));
        let urn_key = r#"{"destinations": {"urn:smn:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:done": "acs:mns:cn-shanghai:1234567890123456:/queues/done/messages"}}"#;
        assert!(Mapping::from_json(urn_key).is_ok());
        let cases = [
            (
                r#"{"destinations": {"acs:mns:x": {"destination": "DIS", "param": {"stream_name": "s"}}}}"#,
                "/destinations/acs:mns:x",
            ),
            (
                r#"{"destinations": {"queue": "acs:mns:cn-shanghai:1234567890123456:/queues/q/messages"}}"#,
                "/destinations/queue",
            ),
            (
                r#"{"destinations": {"acs:mns:cn-shanghai:1234567890123456:/queues/q/messages": "acs:mns:cn-shanghai:1234567890123456:/queues/r/messages"}}"#,
                "/destinations/acs:mns:cn-shanghai:1234567890123456:~1queues~1q~1messages",
            ),
            (
                r#"{"destinations": {"acs:mns:cn-shanghai:1234567890123456:/queues/q/messages": {"destination": "DIS", "param": {}}}}"#,
                "/destinations/acs:mns:cn-shanghai:1234567890123456:~1queues~1q~1messages",
            ),
            (
                r#"{"destinations": {"DIS:s": {"destination": "DIS", "param": {"stream_name": "s"}}}}"#,
                "/destinations/DIS:s",
            ),
        ];
        for (text, pointer) in cases {
            let e = Mapping::from_json(text).unwrap_err();
            assert_eq!(e.pointer, pointer, "{e}");
        }
    }

    #[test]
    fn override_values_are_checked_as_the_target_document_would_be() {
        let text = r#"{"destinations": {"acs:mns:cn-shanghai:1234567890123456:/queues/q/messages": {"destination": "OBS", "param": {"bucket": "results", "expires": 400}}}}"#;
        let e = Mapping::from_json(text).unwrap_err();
        assert_eq!(e.pointer, "/destinations/acs:mns:cn-shanghai:1234567890123456:~1queues~1q~1messages");
        assert!(e.message.contains("expires") && e.message.contains("400") && e.message.contains("0..365"), "{e}");
    }

    #[test]
    fn fallbacks_never_reuse_a_claimed_counterpart() {
        let table = vec![("cn-hangzhou".to_string(), "cn-east-3".to_string())];
        assert_eq!(resolve(&table, "cn-hangzhou", true, Some("cn-east-2")), Resolved::Entry("cn-east-3"));
        assert_eq!(
            resolve(&table, "cn-shanghai", true, Some("cn-east-3")),
            Resolved::Clash { fallback: "cn-east-3".into(), entry: ("cn-hangzhou", "cn-east-3") }
        );
        assert_eq!(
            resolve(&table, "cn-east-2", false, Some("cn-hangzhou")),
            Resolved::Clash { fallback: "cn-hangzhou".into(), entry: ("cn-hangzhou", "cn-east-3") }
        );
        assert_eq!(resolve(&table, "cn-beijing", true, Some("cn-north-4")), Resolved::Fallback("cn-north-4".into()));
        assert_eq!(resolve(&table, "cn-beijing", true, None), Resolved::Missing);
    }

    #[test]
    fn schema_errors_have_pointers() {
        let e = Mapping::from_json(r#"{"regions": {"cn-shanghai": 5}}"#).unwrap_err();
        assert_eq!(e.pointer, "/regions/cn-shanghai");
        assert!(Mapping::from_json("{").is_err());
        assert!(Mapping::from_json(r#"{"region": {}}"#).is_err());
    }
}

#[cfg(test)]
mod services_tests {
    use super::*;

    #[test]
    fn the_services_table_is_checked_with_the_fc2_service_name_rule() {
        let schema: Value =
            serde_json::from_str(invokecfg_model::schema::SchemaName::Mapping.text()).unwrap_or_default();
        let pattern = schema.pointer("/properties/services/additionalProperties/pattern").and_then(Value::as_str);
        assert_eq!(pattern, Some(invokecfg_model::facts::alibaba::SERVICE_NAME.pattern().as_str()));
        let ok = serde_json::json!({"services": {"orders-audit": "audit", "": "orders"}});
        let m = Mapping::from_value(&ok).unwrap_or_default();
        assert_eq!(m.service_of("orders-audit"), Some(("audit", "orders-audit")));
        assert_eq!(m.service_of("other"), Some(("orders", "")));
        let bad = serde_json::json!({"services": {"f": "not a service!"}});
        assert!(Mapping::from_value(&bad).is_err());
    }
}
