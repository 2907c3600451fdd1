//! Huawei FunctionGraph documents (`huawei`), API v2.
//!
//! Field names from the Go SDK models (`UpdateFunctionAsyncInvokeConfigRequestBody`,
//! `ListFunctionAsyncInvokeConfigResult`, `PageInfo`); order is the documented
//! order. `param` stays the JSON string the API carries; [`crate::DestinationParam`]
//! parses it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One FunctionGraph async invocation config: a Put body, a Get/Put response or a List item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HuaweiConfig {
    /// The function URN (responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub func_urn: Option<String>,
    /// Seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_event_age_in_seconds: Option<i64>,
    /// Retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_retry_attempts: Option<i64>,
    /// Destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_config: Option<HuaweiDestinationConfig>,
    /// Read-only creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// Read-only modification time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Async invocation status persistence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_async_status_log: Option<bool>,
    /// LTS log group id for status logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_group_id: Option<String>,
    /// LTS log stream id for status logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_stream_id: Option<String>,
    /// LTS log group name for status logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_group_name: Option<String>,
    /// LTS log stream name for status logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_stream_name: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `destination_config`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HuaweiDestinationConfig {
    /// Destination on success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_success: Option<HuaweiDestination>,
    /// Destination on failure (system or internal error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<HuaweiDestination>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `on_success` / `on_failure`: a destination kind and its JSON-string `param`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HuaweiDestination {
    /// `OBS`, `SMN`, `DIS` or `FunctionGraph`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// The kind's parameters as a JSON document encoded in a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `page_info` of a List response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageInfo {
    /// Marker of the next page (0 on the last).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<i64>,
    /// Marker of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_marker: Option<i64>,
    /// Items on this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_count: Option<i64>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// A List response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HuaweiList {
    /// The configs of this page, in order.
    pub async_invoke_configs: Vec<HuaweiConfig>,
    /// Total number of configs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// Paging markers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_info: Option<PageInfo>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

impl HuaweiConfig {
    /// Whether this config was read back from the API (a response or list item)
    /// rather than written to be set: responses accept any integer for the
    /// age and retries (their tables print stale ranges).
    pub fn is_response(&self) -> bool {
        self.func_urn.is_some() || self.created_time.is_some() || self.last_modified.is_some()
    }
}
