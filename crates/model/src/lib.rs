//! # invokecfg-model
//!
//! The ground the rest of `invokecfg` stands on: every provider fact
//! ([`facts`]), the typed documents of each dialect ([`Document`]), the
//! identifiers inside them ([`AcsArn`], [`FunctionUrn`], [`SmnTopicUrn`],
//! [`DestinationParam`]), the provider-neutral model ([`AsyncInvokeConfig`]),
//! a span-aware JSON reader ([`span`]), the diagnostic type shared by lint and
//! translate ([`Diagnostic`]) and the embedded JSON Schemas ([`schema`]).
//!
//! Data flows one way: bytes -> [`span::parse`] -> [`Document`] ->
//! [`NeutralDocument`] -> [`Document`] of another dialect -> bytes.
//!
//! ```
//! use invokecfg_model::{detect, span, AcsArn, Dialect, Document};
//!
//! let text = b"{\"max_async_event_age_in_seconds\": 3600,\n\"max_async_retry_attempts\": 5}";
//! let parsed = span::parse(text).unwrap();
//! let dialect = detect(&parsed.value).unwrap().dialect;
//! assert_eq!(dialect, Dialect::Huawei);
//! // Each value's place in the text, by JSON pointer.
//! let at = parsed.spans.value_span("/max_async_retry_attempts").unwrap();
//! assert_eq!((at.start.line, at.start.column), (2, 29));
//! // The typed document, held to the dialect's facts: a FunctionGraph request retries 0..3 times.
//! let doc = Document::from_value(&parsed.value, dialect).unwrap();
//! let v = &doc.range_violations()[0];
//! assert_eq!((v.key, v.value, v.range.min, v.range.max), ("max_async_retry_attempts", 5, 0, 3));
//! // Identifiers parse into their parts and print back as they were.
//! let arn: AcsArn = "acs:fc:cn-shanghai:1234567890123456:services/demo/functions/f1".parse().unwrap();
//! assert_eq!(arn.region, "cn-shanghai");
//! assert_eq!(arn.to_string(), "acs:fc:cn-shanghai:1234567890123456:services/demo/functions/f1");
//! ```

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

/// Declares an enum whose `ALL` lists every variant in declaration order, so
/// the list cannot miss one: the one registration of providers and dialects.
macro_rules! registered {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order of the registration.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
        }
    };
}

pub mod arn;
pub mod aws_arn;
pub mod constraint;
pub mod detect;
pub mod diagnostic;
pub mod dialect;
pub mod document;
pub mod facts;
pub mod json;
pub mod neutral;
pub mod param;
pub mod provider;
pub mod qcs;
pub mod registry;
pub mod schema;
pub mod span;
pub mod spec;
pub mod urn;

pub use arn::{AcsArn, AcsResource, ArnError};
pub use aws_arn::{AwsArn, AwsArnError, AwsResource, FunctionNameParts, LambdaFunctionName};
pub use detect::{detect, detect_dialect, DetectError, Detection};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use dialect::{Dialect, Field};
pub use document::{Document, DocumentError, RangeViolation, Shape};
pub use json::json_type;
pub use neutral::{
    AsyncInvokeConfig, ConfigList, Destination, Extensions, FunctionRef, NeutralDocument, Paging, StateTracking,
};
pub use param::{DestinationKind, DestinationParam, DisParam, FunctionGraphParam, ObsParam, ParamError, SmnParam};
pub use provider::{Provider, TargetKind};
pub use qcs::{QcsError, QcsFunction};
pub use registry::UnknownDialect;
pub use span::{Position, SourceError, Span, SpanMap};
pub use spec::{DestinationSpec, DialectSpec, NamespaceRule, ProviderNouns, ProviderSpec};
pub use urn::{FunctionUrn, Qualifier, SmnTopicUrn, UrnError};
