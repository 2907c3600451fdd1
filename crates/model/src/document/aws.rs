//! AWS Lambda EventInvokeConfig documents (`aws-lambda`), API 2015-03-31.
//!
//! Member names and order from the botocore Lambda model: the
//! Put/UpdateFunctionEventInvokeConfig request (`FunctionName`, `Qualifier`,
//! then the body), the `FunctionEventInvokeConfig` response and List item
//! (`LastModified`, `FunctionArn`, then the same body) and
//! `ListFunctionEventInvokeConfigsResponse`. Unknown keys are kept in
//! `unknown`. The API has no nulls: a `null` member is a type error here, as
//! botocore's validator makes it.

use super::{json_type, DocumentError, RangeViolation, Shape};
use crate::aws_arn::{AwsArn, AwsArnError, LambdaFunctionName};
use crate::facts::aws;
use crate::urn::Qualifier;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Reads a member that may be absent but never `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `LastModified` (shape `Date`): epoch seconds with a fraction on the wire
/// and in `aws lambda` output (`1573686021.479`), or ISO 8601 text when the
/// CLI's `cli_timestamp_format` is `iso8601`. Kept as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AwsTimestamp {
    /// Seconds since the epoch.
    Epoch(Number),
    /// ISO 8601 text.
    Text(String),
}

impl<'de> Deserialize<'de> for AwsTimestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Number(n) => Ok(AwsTimestamp::Epoch(n)),
            Value::String(s) => Ok(AwsTimestamp::Text(s)),
            other => Err(D::Error::custom(format!(
                "{}, expected epoch seconds (a number) or an ISO 8601 timestamp (a string)",
                json_type(&other)
            ))),
        }
    }
}

/// `OnSuccess` / `OnFailure`: one destination ARN.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwsDestination {
    /// `Destination`: the ARN text; empty or absent means none.
    #[serde(rename = "Destination", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `DestinationConfig`. An empty `{}` side (as `aws lambda` prints) means none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwsDestinationConfig {
    /// `OnSuccess`.
    #[serde(rename = "OnSuccess", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub on_success: Option<AwsDestination>,
    /// `OnFailure`.
    #[serde(rename = "OnFailure", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<AwsDestination>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// One config: a Put/Update request (body, with `FunctionName`/`Qualifier`
/// as a document may carry them) or a `FunctionEventInvokeConfig` (Get/Put/Update
/// response, List item).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwsConfig {
    /// `FunctionName` (request path): name, partial ARN or ARN, optionally qualified.
    #[serde(rename = "FunctionName", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub function_name: Option<String>,
    /// `Qualifier` (request query string): version or alias.
    #[serde(rename = "Qualifier", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// `LastModified`, read-only.
    #[serde(rename = "LastModified", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<AwsTimestamp>,
    /// `FunctionArn`, read-only.
    #[serde(rename = "FunctionArn", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub function_arn: Option<String>,
    /// `MaximumRetryAttempts`.
    #[serde(
        rename = "MaximumRetryAttempts",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_retry_attempts: Option<i64>,
    /// `MaximumEventAgeInSeconds`, seconds.
    #[serde(
        rename = "MaximumEventAgeInSeconds",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub maximum_event_age_in_seconds: Option<i64>,
    /// `DestinationConfig`.
    #[serde(
        rename = "DestinationConfig",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_config: Option<AwsDestinationConfig>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `ListFunctionEventInvokeConfigsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AwsList {
    /// `FunctionEventInvokeConfigs`: this page, in order.
    #[serde(rename = "FunctionEventInvokeConfigs")]
    pub function_event_invoke_configs: Vec<AwsConfig>,
    /// `NextMarker`: pass as `Marker` for the next page; absent on the last.
    #[serde(rename = "NextMarker", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// An `aws-lambda` document.
pub type AwsDocument = Shape<AwsConfig, AwsList>;

/// An identifier (`FunctionName`, `Qualifier`, `FunctionArn`, a destination)
/// that does not parse, located by JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsIdentifierError {
    /// JSON pointer of the string.
    pub pointer: String,
    /// Which part is wrong.
    pub error: AwsArnError,
}

impl fmt::Display for AwsIdentifierError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.error)
    }
}

impl AwsConfig {
    /// Whether this config was read back from the API (a response or List item).
    pub fn is_response(&self) -> bool {
        self.last_modified.is_some() || self.function_arn.is_some()
    }

    fn range_violations(&self, p: &str, out: &mut Vec<RangeViolation>) {
        // The one range check of every dialect, from its spec.
        let values = super::values(self.maximum_event_age_in_seconds, self.maximum_retry_attempts, self.is_response());
        super::ranges(crate::Dialect::AwsLambda, &values, p, out);
    }

    fn identifier_errors(&self, p: &str, out: &mut Vec<AwsIdentifierError>) {
        let mut push = |key: &str, r: Result<(), AwsArnError>| {
            if let Err(error) = r {
                out.push(AwsIdentifierError { pointer: format!("{p}/{key}"), error });
            }
        };
        if let Some(f) = &self.function_name {
            push(aws::FUNCTION_NAME_KEY, f.parse::<LambdaFunctionName>().map(drop));
        }
        if let Some(q) = &self.qualifier {
            push(aws::QUALIFIER_KEY, Qualifier::from_aws(q).map(drop));
        }
        if let Some(arn) = &self.function_arn {
            let function = LambdaFunctionName::parse_function_arn(arn).map(drop);
            push(aws::FUNCTION_ARN_KEY, function);
        }
        let Some(dc) = &self.destination_config else { return };
        for (side, d, on_success) in
            [(aws::ON_SUCCESS_KEY, &dc.on_success, true), (aws::ON_FAILURE_KEY, &dc.on_failure, false)]
        {
            // An empty `Destination` is what the API's pattern admits for none.
            let Some(text) = d.as_ref().and_then(|d| d.destination.as_deref()).filter(|t| !t.is_empty()) else {
                continue;
            };
            let checked = text.parse::<AwsArn>().and_then(|arn| arn.check_destination(on_success));
            push(&format!("{}/{side}/{}", aws::DESTINATION_CONFIG_KEY, aws::DESTINATION_KEY), checked);
        }
    }
}

impl AwsDocument {
    /// Reads a parsed JSON value as an `aws-lambda` document: a list when it
    /// holds `FunctionEventInvokeConfigs`, else one config.
    pub fn from_value(value: &Value) -> Result<AwsDocument, DocumentError> {
        super::shape(value, aws::LIST_ITEMS_KEY)
    }

    /// The configs with their JSON pointers.
    fn configs(&self) -> Vec<(String, &AwsConfig)> {
        match self {
            Shape::Config(c) => vec![(String::new(), c)],
            Shape::List(l) => l
                .function_event_invoke_configs
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("/{}/{i}", aws::LIST_ITEMS_KEY), c))
                .collect(),
        }
    }

    /// Every retry or age value outside the request range (responses are in
    /// it too: the API stores only what the request accepted).
    pub fn range_violations(&self) -> Vec<RangeViolation> {
        let mut out = Vec::new();
        for (p, c) in self.configs() {
            c.range_violations(&p, &mut out);
        }
        out
    }

    /// Every function reference, qualifier and destination that does not parse
    /// or is not accepted on its side.
    pub fn identifier_errors(&self) -> Vec<AwsIdentifierError> {
        let mut out = Vec::new();
        for (p, c) in self.configs() {
            c.identifier_errors(&p, &mut out);
        }
        out
    }

    /// The document as JSON, members in the API's order.
    pub fn to_value(&self) -> Value {
        // Serializing these plain structs into a Value cannot fail.
        match self {
            Shape::Config(c) => serde_json::to_value(c),
            Shape::List(l) => serde_json::to_value(l),
        }
        .unwrap_or(Value::Null)
    }

    /// Stable output text: two-space indent, the API's member order, trailing newline.
    pub fn to_pretty_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.to_value()).unwrap_or_default();
        s.push('\n');
        s
    }
}
