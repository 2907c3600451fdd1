//! Dialects and their detection from a document's keys.

use crate::facts::{alibaba, huawei};
use crate::spec::DialectSpec;
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// One provider API's JSON shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// Alibaba Cloud Function Compute 2.0, API 2021-04-06.
    AlibabaFc2,
    /// Alibaba Cloud Function Compute 3.0, API 2023-03-30.
    AlibabaFc3,
    /// Huawei Cloud FunctionGraph, API v2.
    Huawei,
}

impl Dialect {
    /// Every dialect, in a stable order.
    pub const ALL: [Dialect; 3] = [Dialect::AlibabaFc2, Dialect::AlibabaFc3, Dialect::Huawei];

    /// The id used on the command line and in schema file names.
    pub fn id(self) -> &'static str {
        match self {
            Dialect::AlibabaFc2 => "alibaba-fc2",
            Dialect::AlibabaFc3 => "alibaba-fc3",
            Dialect::Huawei => "huawei",
        }
    }

    /// The provider and API, for messages.
    pub fn title(self) -> &'static str {
        match self {
            Dialect::AlibabaFc2 => "Alibaba Cloud Function Compute 2.0 (API 2021-04-06)",
            Dialect::AlibabaFc3 => "Alibaba Cloud Function Compute 3.0 (API 2023-03-30)",
            Dialect::Huawei => "Huawei Cloud FunctionGraph (API v2)",
        }
    }

    /// Whether the dialect is one of Alibaba's.
    pub fn is_alibaba(self) -> bool {
        matches!(self, Dialect::AlibabaFc2 | Dialect::AlibabaFc3)
    }

    /// Everything the workspace knows of this dialect, in one value.
    pub fn spec(self) -> &'static DialectSpec {
        match self {
            Dialect::AlibabaFc2 => &alibaba::FC2_SPEC,
            Dialect::AlibabaFc3 => &alibaba::FC3_SPEC,
            Dialect::Huawei => &huawei::SPEC,
        }
    }

    /// The keys one config of this dialect may hold.
    pub fn config_keys(self) -> &'static [&'static str] {
        self.spec().config_keys
    }

    /// The keys that name a config's function, the preferred one first.
    pub fn identity_keys(self) -> &'static [&'static str] {
        self.spec().identity_keys
    }

    /// The keys of this dialect's list document.
    pub fn list_keys(self) -> &'static [&'static str] {
        self.spec().list.keys
    }

    /// The key holding a list document's items.
    pub fn list_items_key(self) -> &'static str {
        self.spec().list.items
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An unknown dialect id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDialect(pub String);

impl fmt::Display for UnknownDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown dialect `{}`; expected one of alibaba-fc2, alibaba-fc3, huawei", self.0)
    }
}

impl std::error::Error for UnknownDialect {}

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dialect::ALL.into_iter().find(|d| d.id() == s).ok_or_else(|| UnknownDialect(s.into()))
    }
}

/// A field every dialect has, under its own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Maximum event age.
    MaxEventAge,
    /// Maximum retries.
    RetryAttempts,
    /// The destinations object.
    DestinationConfig,
    /// The success destination.
    OnSuccess,
    /// The failure destination.
    OnFailure,
    /// Read-only creation time.
    CreatedTime,
    /// Read-only modification time.
    LastModified,
    /// Asynchronous task mode / async status log.
    AsyncTask,
    /// The function's identity (`function`, `functionArn`, `func_urn`).
    Function,
    /// A list document's items.
    ListItems,
}

impl Dialect {
    /// The JSON key of `field` in this dialect.
    pub fn key(self, field: Field) -> &'static str {
        let spec = self.spec();
        spec.keys.get(field, &spec.list)
    }
}

/// The outcome of dialect detection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The dialect chosen.
    pub dialect: Dialect,
    /// Why, in words (shown with `--verbose`).
    pub reason: String,
}

/// Why no dialect could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetectError {
    /// The document is not a JSON object.
    NotAnObject,
    /// No key of any dialect.
    NoKeys,
    /// Keys of two dialects in one document.
    Mixed { first: Dialect, first_keys: Vec<String>, second: Dialect, second_keys: Vec<String> },
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetectError::NotAnObject => {
                f.write_str("the document is not a JSON object, so it is no async invocation config")
            }
            DetectError::NoKeys => {
                f.write_str("no key of any dialect (alibaba-fc2, alibaba-fc3, huawei) tells which provider this is")
            }
            DetectError::Mixed { first, first_keys, second, second_keys } => write!(
                f,
                "the document mixes dialects: {} ({first}) and {} ({second}); keep one dialect per document",
                quote_list(first_keys),
                quote_list(second_keys)
            ),
        }
    }
}

impl std::error::Error for DetectError {}

fn quote_list(keys: &[String]) -> String {
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

const FC2_ONLY: &[&str] = &["statefulInvocation", "service", "function", "serviceName", "functionName"];
const FC3_ONLY: &[&str] = &["asyncTask", "functionArn"];

fn is_alibaba_key(k: &str) -> bool {
    alibaba::FC2_CONFIG_KEYS.contains(&k)
        || alibaba::FC3_CONFIG_KEYS.contains(&k)
        || alibaba::LIST_KEYS.contains(&k)
        || alibaba::FC2_LEGACY_KEYS.iter().any(|(old, _)| *old == k)
}

fn is_huawei_key(k: &str) -> bool {
    huawei::CONFIG_KEYS.contains(&k) || huawei::LIST_KEYS.contains(&k)
}

/// Chooses the dialect of `doc` from its keys (and, to tell FC 2.0 from FC 3.0
/// when only shared keys appear, from its destination ARNs).
pub fn detect(doc: &Value) -> Result<Detection, DetectError> {
    let Value::Object(top) = doc else { return Err(DetectError::NotAnObject) };
    let mut objects: Vec<&serde_json::Map<String, Value>> = vec![top];
    for items_key in ["configs", "async_invoke_configs"] {
        if let Some(Value::Array(items)) = top.get(items_key) {
            objects.extend(items.iter().filter_map(Value::as_object));
        }
    }
    let (mut fc2, mut fc3, mut ali, mut hw) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for obj in &objects {
        for k in obj.keys() {
            let k = k.as_str();
            let push = |v: &mut Vec<String>| {
                if !v.iter().any(|x| x == k) {
                    v.push(k.to_string())
                }
            };
            if FC2_ONLY.contains(&k) {
                push(&mut fc2);
            } else if FC3_ONLY.contains(&k) {
                push(&mut fc3);
            }
            if is_alibaba_key(k) {
                push(&mut ali);
            } else if is_huawei_key(k) {
                push(&mut hw);
            }
        }
    }
    if !ali.is_empty() && !hw.is_empty() {
        let first = if !fc3.is_empty() && fc2.is_empty() { Dialect::AlibabaFc3 } else { Dialect::AlibabaFc2 };
        return Err(DetectError::Mixed { first, first_keys: ali, second: Dialect::Huawei, second_keys: hw });
    }
    if !fc2.is_empty() && !fc3.is_empty() {
        return Err(DetectError::Mixed {
            first: Dialect::AlibabaFc2,
            first_keys: fc2,
            second: Dialect::AlibabaFc3,
            second_keys: fc3,
        });
    }
    if !hw.is_empty() {
        return Ok(Detection { dialect: Dialect::Huawei, reason: format!("Huawei keys {}", quote_list(&hw)) });
    }
    if !fc3.is_empty() {
        return Ok(Detection { dialect: Dialect::AlibabaFc3, reason: format!("FC 3.0 keys {}", quote_list(&fc3)) });
    }
    if !fc2.is_empty() {
        return Ok(Detection { dialect: Dialect::AlibabaFc2, reason: format!("FC 2.0 keys {}", quote_list(&fc2)) });
    }
    if ali.is_empty() {
        return Err(DetectError::NoKeys);
    }
    // Only keys FC 2.0 and FC 3.0 share: the function ARNs of the destinations tell.
    let arns = objects.iter().filter_map(|o| o.get("destinationConfig")).flat_map(|dc| {
        ["onSuccess", "onFailure"].into_iter().filter_map(move |k| dc.get(k)?.get("destination")?.as_str())
    });
    let (mut fc3_arns, mut fc2_arns) = (false, false);
    for arn in arns {
        fc3_arns |= arn.starts_with("acs:fc:") && arn.contains(":functions/");
        fc2_arns |= arn.starts_with("acs:fc:") && arn.contains(":services/");
    }
    if fc3_arns && !fc2_arns {
        return Ok(Detection {
            dialect: Dialect::AlibabaFc3,
            reason: "keys shared by FC 2.0 and FC 3.0, and FC 3.0 function ARNs (`functions/...`)".into(),
        });
    }
    Ok(Detection {
        dialect: Dialect::AlibabaFc2,
        reason: format!(
            "keys shared by FC 2.0 and FC 3.0 ({}); read as alibaba-fc2 unless alibaba-fc3 is named",
            quote_list(&ali)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn detects_each_dialect() {
        let d = |v: Value| detect(&v).map(|d| d.dialect);
        assert_eq!(d(json!({"statefulInvocation": true})), Ok(Dialect::AlibabaFc2));
        assert_eq!(d(json!({"asyncTask": true})), Ok(Dialect::AlibabaFc3));
        assert_eq!(d(json!({"max_async_retry_attempts": 1})), Ok(Dialect::Huawei));
        assert_eq!(
            d(json!({"configs": [{"functionArn": "acs:fc:cn-hangzhou:1:functions/f"}]})),
            Ok(Dialect::AlibabaFc3)
        );
        assert_eq!(d(json!({"maxAsyncRetryAttempts": 1})), Ok(Dialect::AlibabaFc2));
        assert_eq!(
            d(json!({"destinationConfig": {"onSuccess": {"destination": "acs:fc:cn-hangzhou:1:functions/f"}}})),
            Ok(Dialect::AlibabaFc3)
        );
        assert_eq!(d(json!({})), Err(DetectError::NoKeys));
        assert_eq!(d(json!([1])), Err(DetectError::NotAnObject));
    }

    #[test]
    fn field_keys_are_the_dialects_own() {
        use Field::*;
        for d in Dialect::ALL {
            let (dc, dest) = if d == Dialect::Huawei {
                (huawei::DESTINATION_CONFIG_KEYS, huawei::DESTINATION_CONFIG_KEYS)
            } else {
                (alibaba::DESTINATION_CONFIG_KEYS, alibaba::DESTINATION_CONFIG_KEYS)
            };
            for f in [MaxEventAge, RetryAttempts, DestinationConfig, CreatedTime, LastModified, AsyncTask, Function] {
                assert!(d.config_keys().contains(&d.key(f)), "{d} {f:?}");
            }
            assert!(dc.contains(&d.key(OnSuccess)) && dest.contains(&d.key(OnFailure)));
            assert!(d.list_keys().contains(&d.key(ListItems)));
        }
    }

    #[test]
    fn mixed_names_the_keys() {
        let e = detect(&json!({"maxAsyncRetryAttempts": 1, "max_async_retry_attempts": 1})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the document mixes dialects: `maxAsyncRetryAttempts` (alibaba-fc2) and `max_async_retry_attempts` (huawei); keep one dialect per document"
        );
        let e = detect(&json!({"statefulInvocation": true, "asyncTask": true})).unwrap_err();
        assert!(e.to_string().contains("`statefulInvocation` (alibaba-fc2) and `asyncTask` (alibaba-fc3)"));
    }
}
