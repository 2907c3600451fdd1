//! FunctionGraph destination kinds and their `param` documents.
//!
//! `param` travels as a JSON document encoded in a string (SDK type
//! `*string`, reference §2.2). This module parses it into a typed value and
//! writes it back as compact JSON with keys in documented order.

use crate::facts::huawei;
use crate::urn::{FunctionUrn, SmnTopicUrn, UrnError};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// A FunctionGraph destination kind (`FuncDestinationConfig.destination`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DestinationKind {
    /// Object Storage Service.
    Obs,
    /// Simple Message Notification.
    Smn,
    /// Data Ingestion Service.
    Dis,
    /// Another function.
    FunctionGraph,
}

impl DestinationKind {
    /// Every kind, in the API's enum order.
    pub const ALL: [DestinationKind; 4] =
        [DestinationKind::Obs, DestinationKind::Smn, DestinationKind::Dis, DestinationKind::FunctionGraph];

    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DestinationKind::Obs => huawei::DESTINATION_KINDS[0],
            DestinationKind::Smn => huawei::DESTINATION_KINDS[1],
            DestinationKind::Dis => huawei::DESTINATION_KINDS[2],
            DestinationKind::FunctionGraph => huawei::DESTINATION_KINDS[3],
        }
    }

    /// The kind whose spelling matches `s` ignoring case (for "did you mean").
    pub fn from_str_ignore_case(s: &str) -> Option<DestinationKind> {
        Self::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s))
    }

    /// The keys its `param` holds.
    pub fn param_keys(self) -> &'static [&'static str] {
        huawei::param_keys(self.as_str()).unwrap_or(&[])
    }
}

impl fmt::Display for DestinationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A destination kind the API does not define.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind {
    /// The text found.
    pub found: String,
    /// The kind it matches ignoring case, if any.
    pub suggestion: Option<DestinationKind>,
}

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "destination `{}` is not one of OBS, SMN, DIS, FunctionGraph", self.found)?;
        if let Some(k) = self.suggestion {
            write!(f, " (did you mean `{k}`?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for DestinationKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind { found: s.into(), suggestion: Self::from_str_ignore_case(s) })
    }
}

/// OBS `param`: bucket, object prefix, expiry in days (0 = never).
#[derive(Debug, Clone, PartialEq)]
pub struct ObsParam {
    /// Bucket name.
    pub bucket: String,
    /// Object key prefix.
    pub prefix: Option<String>,
    /// Days before objects expire, 0..365, 0 = never.
    pub expires: Option<i64>,
    /// Keys the API does not define, kept verbatim.
    pub unknown: Map<String, Value>,
}

impl DestinationParam {
    /// What the FunctionGraph API would reject beyond the `param` shape
    /// [`DestinationParam::from_value`] checks: `(key, message)`.
    pub fn violations(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let DestinationParam::Obs(ObsParam { expires: Some(days), .. }) = self {
            let range = crate::facts::huawei::OBS_EXPIRES_DAYS;
            if !range.contains(*days) {
                out.push(("expires", format!("`expires` is {days} days, outside {range} (0 = never)")));
            }
        }
        out
    }
}

/// SMN `param`: the topic.
#[derive(Debug, Clone, PartialEq)]
pub struct SmnParam {
    /// The topic's URN.
    pub topic_urn: SmnTopicUrn,
    /// Keys the API does not define, kept verbatim.
    pub unknown: Map<String, Value>,
}

/// DIS `param`: the stream.
#[derive(Debug, Clone, PartialEq)]
pub struct DisParam {
    /// Stream name.
    pub stream_name: String,
    /// Keys the API does not define, kept verbatim.
    pub unknown: Map<String, Value>,
}

/// FunctionGraph `param`: the function.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionGraphParam {
    /// The function's URN (full form).
    pub func_urn: FunctionUrn,
    /// Keys the API does not define, kept verbatim.
    pub unknown: Map<String, Value>,
}

/// A parsed `param`, by destination kind.
#[derive(Debug, Clone, PartialEq)]
pub enum DestinationParam {
    /// `OBS`
    Obs(ObsParam),
    /// `SMN`
    Smn(SmnParam),
    /// `DIS`
    Dis(DisParam),
    /// `FunctionGraph`
    FunctionGraph(FunctionGraphParam),
}

/// Why a `param` string does not fit its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    /// Not JSON at all.
    NotJson { message: String, line: usize, column: usize },
    /// JSON, but not an object.
    NotObject { found: &'static str },
    /// A required key is absent.
    MissingKey { kind: DestinationKind, key: &'static str },
    /// A key holds the wrong JSON type.
    WrongType { key: &'static str, expected: &'static str, found: &'static str },
    /// A URN inside is malformed.
    Urn { key: &'static str, error: UrnError },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::NotJson { message, line, column } => {
                write!(f, "`param` is not valid JSON (at {line}:{column} inside the string: {message})")
            }
            ParamError::NotObject { found } => write!(f, "`param` must encode a JSON object, found {found}"),
            ParamError::MissingKey { kind, key } => {
                let kind = kind.to_string();
                write!(f, "`param` of {} {kind} destination needs `{key}`", crate::diagnostic::article(&kind))
            }
            ParamError::WrongType { key, expected, found } => {
                write!(f, "`param.{key}` must be {expected}, found {found}")
            }
            ParamError::Urn { key, error } => write!(f, "`param.{key}`: {error}"),
        }
    }
}

impl std::error::Error for ParamError {}

fn take_string(map: &mut Map<String, Value>, key: &'static str, kind: DestinationKind) -> Result<String, ParamError> {
    match map.shift_remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(ParamError::WrongType { key, expected: "a string", found: crate::json::json_type(&other) }),
        None => Err(ParamError::MissingKey { kind, key }),
    }
}

fn take_opt_string(map: &mut Map<String, Value>, key: &'static str) -> Result<Option<String>, ParamError> {
    match map.shift_remove(key) {
        Some(Value::String(s)) => Ok(Some(s)),
        None => Ok(None),
        Some(other) => Err(ParamError::WrongType { key, expected: "a string", found: crate::json::json_type(&other) }),
    }
}

impl DestinationParam {
    /// Parses the `param` string of a destination of `kind`.
    pub fn parse(kind: DestinationKind, text: &str) -> Result<DestinationParam, ParamError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ParamError::NotJson {
            message: e.to_string().split(" at line").next().unwrap_or_default().to_string(),
            line: e.line().max(1),
            // serde_json says column 0 for an error before a line's first character.
            column: e.column().max(1),
        })?;
        Self::from_value(kind, value)
    }

    /// Reads a `param` already decoded into a JSON value (mapping files write it as an object).
    pub fn from_value(kind: DestinationKind, value: Value) -> Result<DestinationParam, ParamError> {
        let Value::Object(mut map) = value else {
            return Err(ParamError::NotObject { found: crate::json::json_type(&value) });
        };
        Ok(match kind {
            DestinationKind::Obs => {
                let bucket = take_string(&mut map, "bucket", kind)?;
                let prefix = take_opt_string(&mut map, "prefix")?;
                let expires = match map.shift_remove("expires") {
                    None => None,
                    Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
                    Some(other) => {
                        return Err(ParamError::WrongType {
                            key: "expires",
                            expected: "an integer number of days",
                            found: crate::json::json_type(&other),
                        })
                    }
                };
                DestinationParam::Obs(ObsParam { bucket, prefix, expires, unknown: map })
            }
            DestinationKind::Smn => {
                let text = take_string(&mut map, "topic_urn", kind)?;
                let topic_urn = text.parse().map_err(|error| ParamError::Urn { key: "topic_urn", error })?;
                DestinationParam::Smn(SmnParam { topic_urn, unknown: map })
            }
            DestinationKind::Dis => {
                let stream_name = take_string(&mut map, "stream_name", kind)?;
                DestinationParam::Dis(DisParam { stream_name, unknown: map })
            }
            DestinationKind::FunctionGraph => {
                let text = take_string(&mut map, "func_urn", kind)?;
                let func_urn = text.parse().map_err(|error| ParamError::Urn { key: "func_urn", error })?;
                DestinationParam::FunctionGraph(FunctionGraphParam { func_urn, unknown: map })
            }
        })
    }

    /// The kind this param belongs to.
    pub fn kind(&self) -> DestinationKind {
        match self {
            DestinationParam::Obs(_) => DestinationKind::Obs,
            DestinationParam::Smn(_) => DestinationKind::Smn,
            DestinationParam::Dis(_) => DestinationKind::Dis,
            DestinationParam::FunctionGraph(_) => DestinationKind::FunctionGraph,
        }
    }

    /// The param as a JSON object, keys in documented order, unknown keys last.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        let unknown = match self {
            DestinationParam::Obs(p) => {
                map.insert("bucket".into(), Value::String(p.bucket.clone()));
                if let Some(prefix) = &p.prefix {
                    map.insert("prefix".into(), Value::String(prefix.clone()));
                }
                if let Some(e) = p.expires {
                    map.insert("expires".into(), Value::from(e));
                }
                &p.unknown
            }
            DestinationParam::Smn(p) => {
                map.insert("topic_urn".into(), Value::String(p.topic_urn.to_string()));
                &p.unknown
            }
            DestinationParam::Dis(p) => {
                map.insert("stream_name".into(), Value::String(p.stream_name.clone()));
                &p.unknown
            }
            DestinationParam::FunctionGraph(p) => {
                map.insert("func_urn".into(), Value::String(p.func_urn.to_string()));
                &p.unknown
            }
        };
        for (k, v) in unknown {
            map.insert(k.clone(), v.clone());
        }
        Value::Object(map)
    }

    /// The `param` string the API expects: compact JSON.
    pub fn to_json_string(&self) -> String {
        self.to_value().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!("FunctionGraph".parse::<DestinationKind>(), Ok(DestinationKind::FunctionGraph));
        let e = "functiongraph".parse::<DestinationKind>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "destination `functiongraph` is not one of OBS, SMN, DIS, FunctionGraph (did you mean `FunctionGraph`?)"
        );
        assert!("DMS".parse::<DestinationKind>().unwrap_err().suggestion.is_none());
    }

    #[test]
    fn params_round_trip() {
        for (kind, text) in [
            (DestinationKind::Obs, r#"{"bucket":"b","prefix":"/success","expires":5}"#),
            (DestinationKind::Smn, r#"{"topic_urn":"urn:smn:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:t"}"#),
            (DestinationKind::Dis, r#"{"stream_name":"s","extra":1}"#),
            (
                DestinationKind::FunctionGraph,
                r#"{"func_urn":"urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:latest"}"#,
            ),
        ] {
            let p = DestinationParam::parse(kind, text).unwrap();
            assert_eq!(p.to_json_string(), text);
        }
    }

    #[test]
    fn param_errors() {
        let e = |k, t: &str| DestinationParam::parse(k, t).unwrap_err().to_string();
        assert!(e(DestinationKind::Dis, "{").starts_with("`param` is not valid JSON"));
        assert_eq!(e(DestinationKind::Dis, "[]"), "`param` must encode a JSON object, found an array");
        assert_eq!(e(DestinationKind::Smn, "{}"), "`param` of an SMN destination needs `topic_urn`");
        assert!(
            e(DestinationKind::FunctionGraph, r#"{"func_urn":"default:test"}"#).contains("short function reference")
        );
        assert!(e(DestinationKind::Obs, r#"{"bucket":"b","expires":"5"}"#).contains("an integer number of days"));
        assert_eq!(
            e(DestinationKind::Dis, ""),
            "`param` is not valid JSON (at 1:1 inside the string: EOF while parsing a value)"
        );
        assert_eq!(
            e(DestinationKind::Dis, "\n"),
            "`param` is not valid JSON (at 2:1 inside the string: EOF while parsing a value)"
        );
        let obs = DestinationParam::parse(DestinationKind::Obs, r#"{"bucket":"b","expires":400}"#).unwrap();
        assert_eq!(obs.violations().len(), 1);
        assert_eq!(e(DestinationKind::Dis, "{}"), "`param` of a DIS destination needs `stream_name`");
    }
}
