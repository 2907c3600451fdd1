//! Alibaba Function Compute documents: FC 2.0 (`alibaba-fc2`) and FC 3.0 (`alibaba-fc3`).
//!
//! Field names are the API's (GoSDK21 `PutFunctionAsyncInvokeConfigRequest`,
//! GoSDK23 `AsyncConfig`); field order is the documented order, which is the
//! output order. Unknown keys are kept in `unknown` so lint can report them
//! and translation can name them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `destinationConfig`: where results of asynchronous invocations go.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlibabaDestinationConfig {
    /// Destination on success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_success: Option<AlibabaDestination>,
    /// Destination on failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<AlibabaDestination>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// `onSuccess` / `onFailure`: one destination ARN.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AlibabaDestination {
    /// The destination's ARN text (parsed into [`crate::AcsArn`] by the neutral conversion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// One FC 2.0 async invocation config: a PutFunctionAsyncInvokeConfig body, or
/// a Get/Put response or List item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fc2Config {
    /// Read-only creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// Destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_config: Option<AlibabaDestinationConfig>,
    /// Function name (responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Read-only modification time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<String>,
    /// `maxAsyncEventAgeInSeconds`, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_event_age_in_seconds: Option<i64>,
    /// `maxAsyncRetryAttempts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_retry_attempts: Option<i64>,
    /// `LATEST`, a version number or an alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Service name (responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Asynchronous task mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stateful_invocation: Option<bool>,
    /// Legacy spelling of `service` in older docs.
    #[serde(rename = "serviceName", default, skip_serializing_if = "Option::is_none")]
    pub legacy_service_name: Option<String>,
    /// Legacy spelling of `function` in older docs.
    #[serde(rename = "functionName", default, skip_serializing_if = "Option::is_none")]
    pub legacy_function_name: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// One FC 3.0 async invocation config: a PutAsyncInvokeConfig body or an `AsyncConfig` response.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fc3Config {
    /// Asynchronous task mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub async_task: Option<bool>,
    /// Read-only creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// Destinations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_config: Option<AlibabaDestinationConfig>,
    /// The function's ARN (responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function_arn: Option<String>,
    /// Read-only modification time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<String>,
    /// `maxAsyncEventAgeInSeconds`, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_event_age_in_seconds: Option<i64>,
    /// `maxAsyncRetryAttempts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_async_retry_attempts: Option<i64>,
    /// Query-string qualifier, when a document carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}

/// A List response: `{"configs": [...], "nextToken": "..."}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlibabaList<C> {
    /// The configs of this page, in order.
    pub configs: Vec<C>,
    /// Token for the next page; absent or null on the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Keys the API does not define, kept verbatim.
    #[serde(flatten)]
    pub unknown: Map<String, Value>,
}
