//! Dialects and their detection from a document's keys.

use crate::facts::{alibaba, aws, huawei, tencent};
use crate::neutral::Provider;
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
    /// AWS Lambda EventInvokeConfig, API 2015-03-31.
    AwsLambda,
    /// Tencent Cloud SCF async retry configuration, API 2018-04-16.
    TencentScf,
}

impl Dialect {
    /// Every dialect, in a stable order.
    pub const ALL: [Dialect; 5] =
        [Dialect::AlibabaFc2, Dialect::AlibabaFc3, Dialect::Huawei, Dialect::AwsLambda, Dialect::TencentScf];

    /// Everything the workspace knows of this dialect, in one value: the one
    /// place a dialect's facts are registered.
    pub fn spec(self) -> &'static DialectSpec {
        match self {
            Dialect::AlibabaFc2 => &alibaba::FC2_SPEC,
            Dialect::AlibabaFc3 => &alibaba::FC3_SPEC,
            Dialect::Huawei => &huawei::SPEC,
            Dialect::AwsLambda => &aws::SPEC,
            Dialect::TencentScf => &tencent::SPEC,
        }
    }

    /// The id used on the command line and in schema file names.
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The provider and API, for messages.
    pub fn title(self) -> &'static str {
        self.spec().title
    }

    /// The cloud whose identifiers the dialect writes.
    pub fn provider(self) -> Provider {
        self.spec().provider
    }

    /// Whether the dialect is one of Alibaba's.
    pub fn is_alibaba(self) -> bool {
        self.provider() == Provider::Alibaba
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

    /// Every dialect id, for messages (`alibaba-fc2, alibaba-fc3, ...`).
    pub fn ids() -> String {
        Dialect::ALL.map(Dialect::id).join(", ")
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
        write!(f, "unknown dialect `{}`; expected one of {}", self.0, Dialect::ids())
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
    /// Read-only modification time.
    LastModified,
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
                write!(f, "no key of any dialect ({}) tells which provider this is", Dialect::ids())
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

/// Whether `k` is a key of `d`'s configs or list documents.
fn has_key(d: Dialect, k: &str) -> bool {
    let s = d.spec();
    s.config_keys.contains(&k) || s.list.keys.contains(&k) || s.legacy_keys.iter().any(|(old, _)| *old == k)
}

/// Chooses the dialect of `doc` from its keys: the provider whose keys it
/// holds, then the one dialect of that provider whose own keys it holds (and,
/// to tell FC 2.0 from FC 3.0 when only shared keys appear, its destination ARNs).
pub fn detect(doc: &Value) -> Result<Detection, DetectError> {
    let Value::Object(top) = doc else { return Err(DetectError::NotAnObject) };
    let mut objects: Vec<&serde_json::Map<String, Value>> = vec![top];
    // A response envelope (`{"Response": {...}}`): its keys are the config's.
    for key in Dialect::ALL.iter().filter_map(|d| d.spec().envelope) {
        if let (1, Some(Value::Object(inner))) = (top.len(), top.get(key)) {
            objects.push(inner);
        }
    }
    for d in Dialect::ALL {
        if let Some(Value::Array(items)) = top.get(d.list_items_key()) {
            objects.extend(items.iter().filter_map(Value::as_object));
        }
    }
    // Keys per provider, and keys only one dialect of its provider has.
    let mut by_provider: Vec<(Provider, Vec<String>)> = Vec::new();
    let mut own: Vec<(Dialect, Vec<String>)> = Vec::new();
    let push = |v: &mut Vec<String>, k: &str| {
        if !v.iter().any(|x| x == k) {
            v.push(k.to_string())
        }
    };
    // Keys several providers spell alike (`FunctionName`: Lambda and SCF) decide nothing alone.
    let mut shared: Vec<(Provider, String)> = Vec::new();
    for k in objects.iter().flat_map(|o| o.keys()) {
        let holders: Vec<Dialect> = Dialect::ALL.into_iter().filter(|d| has_key(*d, k)).collect();
        let Some(first) = holders.first() else { continue };
        let provider = first.provider();
        if holders.iter().any(|d| d.provider() != provider) {
            shared.push((provider, k.clone()));
            continue;
        }
        match by_provider.iter_mut().find(|(p, _)| *p == provider) {
            Some((_, keys)) => push(keys, k),
            None => by_provider.push((provider, vec![k.clone()])),
        }
        let siblings = Dialect::ALL.into_iter().filter(|d| d.provider() == provider).count();
        if holders.len() == 1 && siblings > 1 {
            match own.iter_mut().find(|(d, _)| d == first) {
                Some((_, keys)) => push(keys, k),
                None => own.push((*first, vec![k.clone()])),
            }
        }
    }
    if by_provider.is_empty() {
        // Only shared keys: the first provider registered that spells them.
        if let Some((p, _)) = shared.first() {
            by_provider.push((*p, Vec::new()));
        }
    }
    if let [(p, keys)] = by_provider.as_mut_slice() {
        // The reason names every key of the one provider, shared ones too, in document order.
        let mut all = Vec::new();
        for k in objects.iter().flat_map(|o| o.keys()) {
            if Dialect::ALL.into_iter().any(|d| d.provider() == *p && has_key(d, k)) {
                push(&mut all, k);
            }
        }
        *keys = all;
    }
    by_provider.sort_by_key(|(p, _)| *p);
    own.sort_by_key(|(d, _)| *d);
    let guess = |p: Provider| {
        own.iter()
            .find(|(d, _)| d.provider() == p)
            .map(|(d, _)| *d)
            .or_else(|| Dialect::ALL.into_iter().find(|d| d.provider() == p))
            .unwrap_or(Dialect::AlibabaFc2)
    };
    match by_provider.as_slice() {
        [] => Err(DetectError::NoKeys),
        [(p1, k1), (p2, k2), ..] => Err(DetectError::Mixed {
            first: guess(*p1),
            first_keys: k1.clone(),
            second: guess(*p2),
            second_keys: k2.clone(),
        }),
        [(provider, keys)] => match own.as_slice() {
            [(a, ka), (b, kb), ..] => {
                Err(DetectError::Mixed { first: *a, first_keys: ka.clone(), second: *b, second_keys: kb.clone() })
            }
            [(d, k)] => Ok(Detection { dialect: *d, reason: format!("{} keys {}", d.spec().label, quote_list(k)) }),
            [] => {
                let dialects: Vec<Dialect> = Dialect::ALL.into_iter().filter(|d| d.provider() == *provider).collect();
                match dialects.as_slice() {
                    [d] => {
                        Ok(Detection { dialect: *d, reason: format!("{} keys {}", d.spec().label, quote_list(keys)) })
                    }
                    _ => Ok(by_function_arns(&objects, keys)),
                }
            }
        },
    }
}

/// Only keys FC 2.0 and FC 3.0 share: the function ARNs of the destinations tell.
fn by_function_arns(objects: &[&serde_json::Map<String, Value>], keys: &[String]) -> Detection {
    let k = alibaba::FC2_SPEC.keys;
    let destination = alibaba::DESTINATION_KEYS[0];
    let arns = objects.iter().filter_map(|o| o.get(k.destination_config)).flat_map(|dc| {
        [k.on_success, k.on_failure].into_iter().filter_map(move |side| dc.get(side)?.get(destination)?.as_str())
    });
    let (mut fc3_arns, mut fc2_arns) = (false, false);
    for arn in arns {
        fc3_arns |= arn.starts_with("acs:fc:") && arn.contains(":functions/");
        fc2_arns |= arn.starts_with("acs:fc:") && arn.contains(":services/");
    }
    if fc3_arns && !fc2_arns {
        return Detection {
            dialect: Dialect::AlibabaFc3,
            reason: "keys shared by FC 2.0 and FC 3.0, and FC 3.0 function ARNs (`functions/...`)".into(),
        };
    }
    Detection {
        dialect: Dialect::AlibabaFc2,
        reason: format!(
            "keys shared by FC 2.0 and FC 3.0 ({}); read as alibaba-fc2 unless alibaba-fc3 is named",
            quote_list(keys)
        ),
    }
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
            if matches!(d, Dialect::AwsLambda | Dialect::TencentScf) {
                continue;
            }
            for f in [MaxEventAge, RetryAttempts, DestinationConfig, LastModified, Function] {
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
