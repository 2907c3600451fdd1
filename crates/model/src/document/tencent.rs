//! Tencent Cloud SCF async retry configuration documents (`tencent-scf`),
//! API 2018-04-16.
//!
//! Member names and order from the SDK models
//! (`tencentcloud.scf.v20180416.models`): the UpdateFunctionEventInvokeConfig
//! request (`FunctionName`, `Namespace`, `AsyncTriggerConfig`) and the
//! GetFunctionEventInvokeConfig response (`AsyncTriggerConfig`, `RequestId`),
//! bare as the SDK's `to_json_string()` and tccli print it, or in the API's
//! `{"Response": {...}}` envelope, which is kept. SCF has no List API for these
//! configs: there is no list document. Unknown keys are kept in `unknown`.
//! The API has no nulls: a `null` member is a type error here.

use super::{DocumentError, RangeViolation};
use crate::facts::tencent;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Reads a member that may be absent but never `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `RetryConfig`: one entry of `AsyncTriggerConfig.RetryConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TencentRetryConfig {
    /// `RetryNum`: retries after a function error (the first entry; see
    /// `facts::tencent` on further entries and `-1`).
    #[serde(rename = "RetryNum", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub retry_num: Option<i64>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `AsyncTriggerConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TencentAsyncTriggerConfig {
    /// `RetryConfig`: a list, one entry in a request.
    #[serde(rename = "RetryConfig", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub retry_config: Option<Vec<TencentRetryConfig>>,
    /// `MsgTTL`: message retention, seconds.
    #[serde(rename = "MsgTTL", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub msg_ttl: Option<i64>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

impl TencentAsyncTriggerConfig {
    /// The retry count: `RetryNum` of the first `RetryConfig` entry.
    pub fn retry_num(&self) -> Option<i64> {
        self.retry_config.as_ref()?.first()?.retry_num
    }
}

/// One config: an Update request (a document may leave `FunctionName` out,
/// as a body) or a Get response (`RequestId`, read-only).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TencentConfig {
    /// `FunctionName`.
    #[serde(rename = "FunctionName", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub function_name: Option<String>,
    /// `Namespace`; absent means `default`.
    #[serde(rename = "Namespace", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `AsyncTriggerConfig`.
    #[serde(
        rename = "AsyncTriggerConfig",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub async_trigger_config: Option<TencentAsyncTriggerConfig>,
    /// `RequestId` of a response, read-only.
    #[serde(rename = "RequestId", default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

impl TencentConfig {
    /// Whether this config was read back from the API (a Get response).
    pub fn is_response(&self) -> bool {
        self.request_id.is_some()
    }
}

/// A `tencent-scf` document: one config, bare or in the response envelope.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TencentDocument {
    /// The config.
    pub config: TencentConfig,
    /// Whether it came in `{"Response": {...}}` (and is written so).
    pub enveloped: bool,
}

/// The response envelope `{"Response": {...}}`.
#[derive(Serialize, Deserialize)]
struct Envelope {
    #[serde(rename = "Response")]
    response: TencentConfig,
}

/// Whether `value` is the API's response envelope: an object whose one member
/// is `Response`, an object.
pub fn is_enveloped(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|m| m.len() == 1 && m.get(tencent::RESPONSE_ENVELOPE_KEY).is_some_and(Value::is_object))
}

impl TencentDocument {
    /// Reads a parsed JSON value as a `tencent-scf` document.
    pub fn from_value(value: &Value) -> Result<TencentDocument, DocumentError> {
        if !value.is_object() {
            return Err(DocumentError {
                pointer: String::new(),
                message: format!("expected a JSON object (one config), found {}", super::json_type(value)),
            });
        }
        if is_enveloped(value) {
            let e: Envelope = super::typed(value)?;
            return Ok(TencentDocument { config: e.response, enveloped: true });
        }
        Ok(TencentDocument { config: super::typed(value)?, enveloped: false })
    }

    /// The JSON pointer of the config: `/Response` in the envelope, else the root.
    pub fn config_pointer(&self) -> &'static str {
        if self.enveloped {
            "/Response"
        } else {
            ""
        }
    }

    /// The document as JSON, members in the API's order.
    pub fn to_value(&self) -> Value {
        // Serializing these plain structs into a Value cannot fail.
        let config = serde_json::to_value(&self.config).unwrap_or(Value::Null);
        if self.enveloped {
            let mut m = Map::new();
            m.insert(tencent::RESPONSE_ENVELOPE_KEY.into(), config);
            Value::Object(m)
        } else {
            config
        }
    }

    /// Every retry count or retention outside the request range. A response
    /// is exempt: GetFunctionEventInvokeConfig's own example returns `-1`,
    /// and limits are per namespace.
    pub fn range_violations(&self) -> Vec<RangeViolation> {
        let mut out = Vec::new();
        let Some(atc) = &self.config.async_trigger_config else { return out };
        let values = super::values(atc.msg_ttl, atc.retry_num(), self.config.is_response());
        super::ranges(crate::Dialect::TencentScf, &values, self.config_pointer(), &mut out);
        out
    }
}
