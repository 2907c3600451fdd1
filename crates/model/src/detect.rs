//! Detection: which dialect a document is, from its keys.

use crate::dialect::Dialect;
use crate::facts::alibaba;
use crate::json::member;
use crate::provider::Provider;
use serde_json::Value;
use std::fmt;

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
#[non_exhaustive]
pub enum DetectError {
    /// The document is not a JSON object.
    NotAnObject,
    /// No key of any dialect.
    NoKeys,
    /// Keys of two dialects in one document.
    Mixed { first: Dialect, first_keys: Vec<String>, second: Dialect, second_keys: Vec<String> },
    /// Only keys that dialects of several providers share (`FunctionName`).
    Shared { keys: Vec<String>, dialects: Vec<Dialect> },
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
            DetectError::Shared { keys, dialects } => write!(
                f,
                "{} could be {}: no key only one provider has tells which; name the dialect with `--dialect`",
                quote_list(keys),
                dialects.iter().map(|d| d.id()).collect::<Vec<_>>().join(" or ")
            ),
        }
    }
}

impl std::error::Error for DetectError {}

fn quote_list<K: AsRef<str>>(keys: &[K]) -> String {
    let mut out = String::new();
    for (i, k) in keys.iter().enumerate() {
        out.push_str(if i == 0 { "`" } else { ", `" });
        out.push_str(k.as_ref());
        out.push('`');
    }
    out
}

fn owned(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

/// The dialects that hold a key, as bits in [`Dialect::ALL`]'s order.
type Holders = u32;

/// Every key of every dialect, with the dialects that hold it: one lookup per
/// key of a document instead of a scan of every spec (detection runs once
/// per linted file).
static KEY_HOLDERS: std::sync::LazyLock<foldhash::HashMap<&'static str, Holders>> = std::sync::LazyLock::new(|| {
    let mut table = foldhash::HashMap::default();
    for (i, d) in Dialect::ALL.into_iter().enumerate() {
        let s = d.spec();
        let keys = s.config_keys.iter().chain(s.list.keys).chain(s.legacy_keys.iter().map(|(old, _)| old));
        for k in keys {
            *table.entry(*k).or_insert(0) |= 1 << i;
        }
    }
    table
});

fn holders_of(mask: Holders) -> impl Iterator<Item = Dialect> {
    Dialect::ALL.into_iter().enumerate().filter(move |(i, _)| mask & (1 << i) != 0).map(|(_, d)| d)
}

/// Chooses the dialect of `doc` from its keys: the provider whose keys it
/// holds, then the one dialect of that provider whose own keys it holds (and,
/// to tell FC 2.0 from FC 3.0 when only shared keys appear, its destination ARNs).
pub fn detect(doc: &Value) -> Result<Detection, DetectError> {
    choose(doc).map(|(dialect, why)| Detection { dialect, reason: why.words() })
}

/// [`detect`]'s dialect without its reason in words: the lint asks once per
/// file and shows the reason only with `--verbose`.
pub fn detect_dialect(doc: &Value) -> Result<Dialect, DetectError> {
    choose(doc).map(|(dialect, _)| dialect)
}

/// Why a dialect was chosen, before it is put in words.
enum Why<'a> {
    /// The dialect's keys, in document order.
    Keys(Dialect, Vec<&'a str>),
    /// Only keys FC 2.0 and FC 3.0 share, and FC 3.0 function ARNs.
    Fc3FunctionArns,
    /// Only keys FC 2.0 and FC 3.0 share.
    SharedByFc(Vec<&'a str>),
}

impl Why<'_> {
    fn words(&self) -> String {
        match self {
            Why::Keys(d, keys) => format!("{} keys {}", d.spec().label, quote_list(keys)),
            Why::Fc3FunctionArns => {
                "keys shared by FC 2.0 and FC 3.0, and FC 3.0 function ARNs (`functions/...`)".into()
            }
            Why::SharedByFc(keys) => format!(
                "keys shared by FC 2.0 and FC 3.0 ({}); read as alibaba-fc2 unless alibaba-fc3 is named",
                quote_list(keys)
            ),
        }
    }
}

fn choose(doc: &Value) -> Result<(Dialect, Why<'_>), DetectError> {
    let Value::Object(top) = doc else { return Err(DetectError::NotAnObject) };
    let mut objects: Vec<&serde_json::Map<String, Value>> = vec![top];
    // A response envelope (SCF's `{"Response": {...}}`): its keys are the config's.
    for key in Dialect::ALL.iter().filter_map(|d| d.spec().envelope) {
        if let (1, Some(Value::Object(inner))) = (top.len(), member(top, key)) {
            objects.push(inner);
        }
    }
    for d in Dialect::ALL {
        if let Some(Value::Array(items)) = member(top, d.list_items_key()) {
            objects.extend(items.iter().filter_map(Value::as_object));
        }
    }
    // Keys per provider, and keys only one dialect of its provider has.
    let mut by_provider: Vec<(Provider, Vec<&str>)> = Vec::new();
    let mut own: Vec<(Dialect, Vec<&str>)> = Vec::new();
    fn push<'a>(v: &mut Vec<&'a str>, k: &'a str) {
        if !v.contains(&k) {
            v.push(k)
        }
    }
    // Keys several providers spell alike, and the dialects that hold them.
    let mut shared: (Vec<&str>, Holders) = (Vec::new(), 0);
    for k in objects.iter().flat_map(|o| o.keys()) {
        let Some(&mask) = KEY_HOLDERS.get(k.as_str()) else { continue };
        let mut holders = holders_of(mask);
        let Some(first) = holders.next() else { continue };
        let provider = first.provider();
        if holders_of(mask).any(|d| d.provider() != provider) {
            push(&mut shared.0, k);
            shared.1 |= mask;
            continue;
        }
        match by_provider.iter_mut().find(|(p, _)| *p == provider) {
            Some((_, keys)) => push(keys, k),
            None => by_provider.push((provider, vec![k.as_str()])),
        }
        let siblings = provider.dialects().count();
        if mask.count_ones() == 1 && siblings > 1 {
            match own.iter_mut().find(|(d, _)| *d == first) {
                Some((_, keys)) => push(keys, k),
                None => own.push((first, vec![k.as_str()])),
            }
        }
    }
    if let ([(p, keys)], false) = (by_provider.as_mut_slice(), shared.0.is_empty()) {
        // The reason names every key of the one provider, shared ones too, in document order.
        let mut all = Vec::new();
        for k in objects.iter().flat_map(|o| o.keys()) {
            if KEY_HOLDERS.get(k.as_str()).is_some_and(|&m| holders_of(m).any(|d| d.provider() == *p)) {
                push(&mut all, k);
            }
        }
        *keys = all;
    }
    by_provider.sort_by_key(|(p, _)| *p);
    own.sort_by_key(|(d, _)| *d);
    let guess = |p: Provider| own.iter().find(|(d, _)| d.provider() == p).map(|(d, _)| *d).unwrap_or(p.home_dialect());
    match by_provider.as_mut_slice() {
        [] if !shared.0.is_empty() => {
            Err(DetectError::Shared { keys: owned(&shared.0), dialects: holders_of(shared.1).collect() })
        }
        [] => Err(DetectError::NoKeys),
        [(p1, k1), (p2, k2), ..] => Err(DetectError::Mixed {
            first: guess(*p1),
            first_keys: owned(k1),
            second: guess(*p2),
            second_keys: owned(k2),
        }),
        [(provider, keys)] => match own.as_mut_slice() {
            [(a, ka), (b, kb), ..] => {
                Err(DetectError::Mixed { first: *a, first_keys: owned(ka), second: *b, second_keys: owned(kb) })
            }
            [(d, k)] => Ok((*d, Why::Keys(*d, std::mem::take(k)))),
            [] => {
                let dialects: Vec<Dialect> = Dialect::ALL.into_iter().filter(|d| d.provider() == *provider).collect();
                match dialects.as_slice() {
                    [d] => Ok((*d, Why::Keys(*d, std::mem::take(keys)))),
                    _ => Ok(by_function_arns(&objects, std::mem::take(keys))),
                }
            }
        },
    }
}

/// Only keys FC 2.0 and FC 3.0 share: the function ARNs of the destinations tell.
fn by_function_arns<'a>(objects: &[&serde_json::Map<String, Value>], keys: Vec<&'a str>) -> (Dialect, Why<'a>) {
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
        return (Dialect::AlibabaFc3, Why::Fc3FunctionArns);
    }
    (Dialect::AlibabaFc2, Why::SharedByFc(keys))
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
    fn the_key_table_holds_each_dialects_keys_and_no_other() {
        for (i, d) in Dialect::ALL.into_iter().enumerate() {
            let s = d.spec();
            let has = |k: &str| {
                s.config_keys.contains(&k) || s.list.keys.contains(&k) || s.legacy_keys.iter().any(|(o, _)| *o == k)
            };
            for (k, mask) in KEY_HOLDERS.iter() {
                assert_eq!(mask & (1 << i) != 0, has(k), "{d}: `{k}`");
            }
        }
    }

    #[test]
    fn field_keys_are_the_dialects_own() {
        use crate::dialect::Field::*;
        use crate::facts::huawei;
        for d in Dialect::ALL {
            let (dc, dest) = if d == Dialect::Huawei {
                (huawei::DESTINATION_CONFIG_KEYS, huawei::DESTINATION_CONFIG_KEYS)
            } else {
                (alibaba::DESTINATION_CONFIG_KEYS, alibaba::DESTINATION_CONFIG_KEYS)
            };
            // Lambda and SCF have their own key sets (and SCF no destinations); their tests hold them.
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
