//! The dialects, as names only: a leaf every other module may use. What each
//! dialect is lives in its `DialectSpec` (`facts/`), reached by
//! `Dialect::spec` (`registry.rs`); detection is in `detect.rs`.

registered! {
    /// One provider API's JSON shape.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
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
