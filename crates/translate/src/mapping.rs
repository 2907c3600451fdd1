//! The identity mapping file and the built-in region pairs.

use invokecfg_model::schema::SchemaName;
use invokecfg_model::{AcsArn, DestinationKind, DestinationParam, FunctionUrn, SmnTopicUrn};
use serde_json::{Map, Value};
use std::fmt;

/// Alibaba region -> FunctionGraph region, used when the mapping file has no
/// entry (each use is noted), with the reason. Only pairs in the same city or
/// metro area, or (Hangzhou, Zhangjiakou: no FunctionGraph region there) the
/// nearest one still free, so a migrated function stays near its users. It is
/// one-to-one both ways, so Huawei -> Alibaba reads it backwards; regions with
/// no defensible partner (Chengdu: Guiyang is 500 km off; Frankfurt, Virginia,
/// ...) have none and need a `regions` entry.
pub const BUILTIN_REGIONS: &[(&str, &str, &str)] = &[
    ("cn-beijing", "cn-north-4", "Beijing"),
    ("cn-shanghai", "cn-east-3", "Shanghai"),
    ("cn-hangzhou", "cn-east-2", "Hangzhou -> Shanghai (no FunctionGraph region in Hangzhou; 170 km)"),
    ("cn-zhangjiakou", "cn-north-1", "Zhangjiakou -> Beijing (no FunctionGraph region in Zhangjiakou; 180 km)"),
    ("cn-shenzhen", "cn-south-1", "Shenzhen -> Guangzhou (same Pearl River Delta metro area)"),
    ("cn-hongkong", "ap-southeast-1", "Hong Kong"),
    ("cn-wulanchabu", "cn-north-9", "Ulanqab"),
    ("ap-southeast-1", "ap-southeast-3", "Singapore"),
    ("ap-southeast-3", "my-kualalumpur-1", "Kuala Lumpur"),
    ("ap-southeast-5", "ap-southeast-4", "Jakarta"),
    ("ap-southeast-7", "ap-southeast-2", "Bangkok"),
    ("me-central-1", "me-east-1", "Riyadh"),
];

/// The mapping file (`schemas/mapping.schema.json`): Alibaba -> Huawei, read
/// backwards for Huawei -> Alibaba.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    /// Alibaba region -> Huawei region.
    pub regions: Vec<(String, String)>,
    /// Alibaba account id -> Huawei project id.
    pub accounts: Vec<(String, String)>,
    /// FC 2.0 service (or `""` for FC 3.0) -> FunctionGraph package.
    pub packages: Vec<(String, String)>,
    /// FC qualifier -> FunctionGraph version or `!alias`.
    pub qualifiers: Vec<(String, String)>,
    /// Source ARN or URN -> the target's own form.
    pub destinations: Vec<(String, Value)>,
}

/// Why a mapping file is unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError {
    /// JSON pointer inside the mapping file.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.pointer, self.message)
        }
    }
}

impl std::error::Error for MappingError {}

fn table(map: &Map<String, Value>, name: &str) -> Result<Vec<(String, String)>, MappingError> {
    let Some(Value::Object(entries)) = map.get(name) else { return Ok(Vec::new()) };
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in entries {
        let v = v.as_str().unwrap_or_default().to_string();
        if let Some((other, _)) = out.iter().find(|(_, ov)| *ov == v) {
            return Err(MappingError {
                pointer: format!("/{name}/{}", invokecfg_model::document::escape_pointer_token(k)),
                message: format!(
                    "`{other}` and `{k}` both map to `{v}`; a mapping is read in both directions, so each value may appear once"
                ),
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
            MappingError { pointer: String::new(), message: format!("not JSON{at}: {e}") }
        })?;
        Self::from_value(&parsed.value)
    }

    /// Validates an already parsed mapping document.
    pub fn from_value(value: &Value) -> Result<Mapping, MappingError> {
        if let Some(v) = SchemaName::Mapping.validate(value).into_iter().next() {
            return Err(MappingError { pointer: v.pointer, message: v.message });
        }
        let Value::Object(map) = value else {
            return Err(MappingError { pointer: String::new(), message: "a mapping file is a JSON object".into() });
        };
        let destinations: Vec<(String, Value)> = match map.get("destinations") {
            Some(Value::Object(d)) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => Vec::new(),
        };
        for (i, (k, v)) in destinations.iter().enumerate() {
            check_destination(k, v)?;
            if let Some((other, _)) = destinations[..i].iter().find(|(_, ov)| ov == v) {
                return Err(MappingError {
                    pointer: format!("/destinations/{}", invokecfg_model::document::escape_pointer_token(k)),
                    message: format!("`{other}` and `{k}` map to the same destination; each target may appear once"),
                });
            }
        }
        Ok(Mapping {
            regions: table(map, "regions")?,
            accounts: table(map, "accounts")?,
            packages: table(map, "packages")?,
            qualifiers: table(map, "qualifiers")?,
            destinations,
        })
    }
}

/// One `destinations` entry pairs an Alibaba ARN with a Huawei `{destination,
/// param}`, or a Huawei identifier (function or SMN topic URN, `OBS:{bucket}`,
/// `DIS:{stream}`) with an Alibaba ARN; checked here so a typo is an error,
/// not an entry that never matches.
fn check_destination(k: &str, v: &Value) -> Result<(), MappingError> {
    let at = |suffix: &str, message: String| MappingError {
        pointer: format!("/destinations/{}{suffix}", invokecfg_model::document::escape_pointer_token(k)),
        message,
    };
    let alibaba_key = k.starts_with("acs:");
    if alibaba_key {
        if let Err(e) = k.parse::<AcsArn>() {
            return Err(at("", format!("key `{k}` is no Alibaba ARN: {e}")));
        }
    } else if k.parse::<FunctionUrn>().is_err()
        && k.parse::<SmnTopicUrn>().is_err()
        && !(k.len() > 4 && (k.starts_with("OBS:") || k.starts_with("DIS:")))
    {
        return Err(at(
            "",
            format!("key `{k}` names no destination: write an Alibaba ARN, a FunctionGraph function or SMN topic URN, `OBS:{{bucket}}` or `DIS:{{stream}}`"),
        ));
    }
    match (v, alibaba_key) {
        (Value::String(s), false) => match s.parse::<AcsArn>() {
            Ok(_) => Ok(()),
            Err(e) => Err(at("", format!("`{s}` is no Alibaba ARN: {e}"))),
        },
        (Value::Object(o), true) => {
            let kind = o.get("destination").and_then(Value::as_str).unwrap_or_default();
            let kind: DestinationKind = kind.parse().map_err(|e| at("/destination", format!("{e}")))?;
            let param = DestinationParam::from_value(kind, o.get("param").cloned().unwrap_or(Value::Null))
                .map_err(|e| at("/param", e.to_string()))?;
            // Checked as the target document would be, so a translation never writes what lint rejects.
            match param.violations().into_iter().next() {
                Some((key, message)) => Err(at(&format!("/param/{key}"), message)),
                None => Ok(()),
            }
        }
        (_, true) => Err(at(
            "",
            format!("key `{k}` is an Alibaba ARN, so its value is the FunctionGraph destination: `{{\"destination\": KIND, \"param\": {{...}}}}`"),
        )),
        (_, false) => Err(at("", format!("key `{k}` is a Huawei destination, so its value is an Alibaba ARN string"))),
    }
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
pub(crate) fn builtin_region(region: &str, forward: bool) -> Option<(&'static str, &'static str)> {
    BUILTIN_REGIONS.iter().find_map(|(a, h, why)| match forward {
        true if *a == region => Some((*h, *why)),
        false if *h == region => Some((*a, *why)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use invokecfg_model::facts::{alibaba, huawei};

    #[test]
    fn builtin_pairs_are_one_to_one_and_real_regions() {
        for (i, (a, h, _)) in BUILTIN_REGIONS.iter().enumerate() {
            assert!(alibaba::REGIONS.contains(a), "{a}");
            assert!(huawei::REGIONS.contains(h), "{h}");
            for (a2, h2, _) in &BUILTIN_REGIONS[i + 1..] {
                assert_ne!(a, a2);
                assert_ne!(h, h2);
            }
        }
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
        assert_eq!(Mapping::from_json(seed).unwrap().destinations.len(), 1);
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
                "/destinations/acs:mns:cn-shanghai:1234567890123456:~1queues~1q~1messages/param",
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
        assert_eq!(e.pointer, "/destinations/acs:mns:cn-shanghai:1234567890123456:~1queues~1q~1messages/param/expires");
        assert!(e.message.contains("400") && e.message.contains("0..365"), "{e}");
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
