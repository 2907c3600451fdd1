//! Typed documents, one family per dialect, with the API's exact field names.

pub mod alibaba;
pub mod aws;
pub mod huawei;
pub mod tencent;

use crate::dialect::Dialect;
use crate::facts::IntRange;
pub use crate::json::{escape_pointer_token, json_type, last_pointer_token, unescape_pointer_token};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

pub use alibaba::{AlibabaDestination, AlibabaDestinationConfig, AlibabaList, Fc2Config, Fc3Config};
pub use aws::{
    AwsConfig, AwsDestination, AwsDestinationConfig, AwsDocument, AwsIdentifierError, AwsList, AwsTimestamp,
};
pub use huawei::{HuaweiConfig, HuaweiDestination, HuaweiDestinationConfig, HuaweiList, PageInfo};
pub use tencent::{TencentAsyncTriggerConfig, TencentConfig, TencentDocument, TencentRetryConfig};

/// One config or a list document, the same for every dialect.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape<C, L> {
    /// A single config (a Put body, a Get response, a List item).
    Config(C),
    /// The dialect's List response.
    List(L),
}

/// An FC 2.0 document.
pub type Fc2Document = Shape<Fc2Config, AlibabaList<Fc2Config>>;
/// An FC 3.0 document.
pub type Fc3Document = Shape<Fc3Config, AlibabaList<Fc3Config>>;
/// A FunctionGraph document.
pub type HuaweiDocument = Shape<HuaweiConfig, HuaweiList>;

/// A typed document of any dialect.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    /// `alibaba-fc2`
    AlibabaFc2(Fc2Document),
    /// `alibaba-fc3`
    AlibabaFc3(Fc3Document),
    /// `huawei`
    Huawei(HuaweiDocument),
    /// `aws-lambda`
    AwsLambda(AwsDocument),
    /// `tencent-scf`
    TencentScf(TencentDocument),
}

/// A value of the wrong JSON type, located by JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// JSON pointer of the offending value (`""` for the whole document).
    pub pointer: String,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.pointer, self.message)
        }
    }
}

impl std::error::Error for DocumentError {}

fn typed<T: DeserializeOwned>(value: &Value) -> Result<T, DocumentError> {
    // Most documents are well typed: read them without tracking the path
    // (twice as fast), and read again with it only to say where one is not.
    if let Ok(typed) = T::deserialize(value) {
        return Ok(typed);
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let mut pointer = String::new();
        for seg in e.path().iter() {
            match seg {
                serde_path_to_error::Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(key));
                }
                serde_path_to_error::Segment::Seq { index } => {
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                }
                _ => {}
            }
        }
        // A whole number past i64 reads as a float: say it is too large, not "not an integer".
        let too_large =
            value.pointer(&pointer).and_then(Value::as_f64).is_some_and(|f| f.fract() == 0.0 && f.abs() >= 9.2e18);
        let message = if too_large {
            // Ends as serde's messages do: lint reads what was expected from the tail.
            format!("number too large for a 64-bit integer (the largest is {}), expected an integer", i64::MAX)
        } else {
            humanize_serde(&e.into_inner().to_string())
        };
        DocumentError { pointer, message }
    })
}

/// Rewrites serde's wording in the words of these APIs.
fn humanize_serde(msg: &str) -> String {
    msg.replace("expected i64", "expected an integer")
        .replace("expected a boolean", "expected `true` or `false`")
        .replace("floating point", "number")
        .replace("invalid type: ", "")
        .replace("a sequence", "an array")
        .replace("a map", "an object")
        .replace("struct ", "an object ")
}

fn shape<C: DeserializeOwned, L: DeserializeOwned>(
    value: &Value,
    list_key: &str,
) -> Result<Shape<C, L>, DocumentError> {
    match value {
        Value::Object(map) if map.contains_key(list_key) => typed(value).map(Shape::List),
        Value::Object(_) => typed(value).map(Shape::Config),
        other => Err(DocumentError {
            pointer: String::new(),
            message: format!("expected a JSON object (one config or a list document), found {}", json_type(other)),
        }),
    }
}

impl Document {
    /// Reads a parsed JSON value as a document of `dialect`.
    pub fn from_value(value: &Value, dialect: Dialect) -> Result<Document, DocumentError> {
        let key = dialect.list_items_key();
        Ok(match dialect {
            Dialect::AlibabaFc2 => Document::AlibabaFc2(shape(value, key)?),
            Dialect::AlibabaFc3 => Document::AlibabaFc3(shape(value, key)?),
            Dialect::Huawei => Document::Huawei(shape(value, key)?),
            Dialect::AwsLambda => Document::AwsLambda(shape(value, key)?),
            Dialect::TencentScf => Document::TencentScf(TencentDocument::from_value(value)?),
        })
    }

    /// The document's dialect.
    pub fn dialect(&self) -> Dialect {
        match self {
            Document::AlibabaFc2(_) => Dialect::AlibabaFc2,
            Document::AlibabaFc3(_) => Dialect::AlibabaFc3,
            Document::Huawei(_) => Dialect::Huawei,
            Document::AwsLambda(_) => Dialect::AwsLambda,
            Document::TencentScf(_) => Dialect::TencentScf,
        }
    }

    /// The JSON pointer of a one-config document's config: the root, or
    /// inside a response envelope (SCF's `/Response`).
    pub fn config_pointer(&self) -> &'static str {
        match self {
            Document::TencentScf(d) => d.config_pointer(),
            Document::AlibabaFc2(_) | Document::AlibabaFc3(_) | Document::Huawei(_) | Document::AwsLambda(_) => "",
        }
    }

    /// Whether this is a list document.
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            Document::AlibabaFc2(Shape::List(_))
                | Document::AlibabaFc3(Shape::List(_))
                | Document::Huawei(Shape::List(_))
                | Document::AwsLambda(Shape::List(_))
        )
    }

    /// The document as JSON, keys in the provider's documented order.
    pub fn to_value(&self) -> Value {
        fn v<T: Serialize>(t: &T) -> Value {
            // Serializing these plain structs into a Value cannot fail.
            serde_json::to_value(t).unwrap_or(Value::Null)
        }
        match self {
            Document::AlibabaFc2(Shape::Config(c)) => v(c),
            Document::AlibabaFc2(Shape::List(l)) => v(l),
            Document::AlibabaFc3(Shape::Config(c)) => v(c),
            Document::AlibabaFc3(Shape::List(l)) => v(l),
            Document::Huawei(Shape::Config(c)) => v(c),
            Document::Huawei(Shape::List(l)) => v(l),
            Document::AwsLambda(d) => d.to_value(),
            Document::TencentScf(d) => d.to_value(),
        }
    }

    /// Stable output text: two-space indent, documented key order, trailing newline.
    pub fn to_pretty_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.to_value()).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Every age or retry value outside its dialect's range.
    ///
    /// Huawei configs read back from the API (responses, list items) are
    /// exempt: their tables print stale ranges and any integer is accepted.
    pub fn range_violations(&self) -> Vec<RangeViolation> {
        let mut out = Vec::new();
        let d = self.dialect();
        let each = |c: &ConfigValues, p: &str, out: &mut Vec<RangeViolation>| ranges(d, c, p, out);
        match self {
            Document::AlibabaFc2(s) => for_each(
                s,
                d,
                |c| values(c.max_async_event_age_in_seconds, c.max_async_retry_attempts, false),
                each,
                &mut out,
            ),
            Document::AlibabaFc3(s) => for_each(
                s,
                d,
                |c| values(c.max_async_event_age_in_seconds, c.max_async_retry_attempts, false),
                each,
                &mut out,
            ),
            Document::Huawei(s) => for_each(
                s,
                d,
                |c| values(c.max_async_event_age_in_seconds, c.max_async_retry_attempts, c.is_response()),
                each,
                &mut out,
            ),
            Document::AwsLambda(s) => for_each(
                s,
                d,
                |c| values(c.maximum_event_age_in_seconds, c.maximum_retry_attempts, c.is_response()),
                each,
                &mut out,
            ),
            Document::TencentScf(d) => out = d.range_violations(),
        }
        out
    }
}

/// The age, retries and read-back state of one config.
struct ConfigValues {
    age: Option<i64>,
    retries: Option<i64>,
    response: bool,
}

fn values(age: Option<i64>, retries: Option<i64>, response: bool) -> ConfigValues {
    ConfigValues { age, retries, response }
}

fn for_each<C, L: ListItems<C>>(
    s: &Shape<C, L>,
    d: Dialect,
    read: impl Fn(&C) -> ConfigValues,
    each: impl Fn(&ConfigValues, &str, &mut Vec<RangeViolation>),
    out: &mut Vec<RangeViolation>,
) {
    match s {
        Shape::Config(c) => each(&read(c), "", out),
        Shape::List(l) => {
            for (i, c) in l.items().iter().enumerate() {
                each(&read(c), &format!("/{}/{i}", d.list_items_key()), out);
            }
        }
    }
}

/// A list document's items, whatever the dialect calls them.
pub trait ListItems<C> {
    /// The items, in order.
    fn items(&self) -> &[C];
}

impl<C> ListItems<C> for AlibabaList<C> {
    fn items(&self) -> &[C] {
        &self.configs
    }
}

impl ListItems<HuaweiConfig> for HuaweiList {
    fn items(&self) -> &[HuaweiConfig] {
        &self.async_invoke_configs
    }
}

impl ListItems<AwsConfig> for AwsList {
    fn items(&self) -> &[AwsConfig] {
        &self.function_event_invoke_configs
    }
}

/// The ranges of the dialect spec, for a request or a config read back from the API.
fn ranges(d: Dialect, c: &ConfigValues, p: &str, out: &mut Vec<RangeViolation>) {
    let spec = d.spec();
    for (value, key, range) in [
        (c.age, spec.keys.max_event_age, spec.max_event_age),
        (c.retries, spec.keys.retry_attempts, spec.retry_attempts),
    ] {
        if !c.response || range.responses_checked {
            check(value, key, range.request, p, out);
        }
    }
}

fn check(value: Option<i64>, key: &'static str, range: IntRange, p: &str, out: &mut Vec<RangeViolation>) {
    if let Some(v) = value {
        if !range.contains(v) {
            out.push(RangeViolation { pointer: format!("{p}/{key}"), key, value: v, range });
        }
    }
}

/// A value outside the range its dialect accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeViolation {
    /// JSON pointer of the value.
    pub pointer: String,
    /// The key holding it.
    pub key: &'static str,
    /// The value found.
    pub value: i64,
    /// The accepted range.
    pub range: IntRange,
}

impl fmt::Display for RangeViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is {}, outside {} (default {})", self.key, self.value, self.range, self.range.default)
    }
}
