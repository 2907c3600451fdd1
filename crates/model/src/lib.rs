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

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

pub mod arn;
pub mod aws_arn;
pub mod diagnostic;
pub mod dialect;
pub mod document;
pub mod facts;
pub mod neutral;
pub mod param;
pub mod schema;
pub mod span;
pub mod spec;
pub mod urn;

pub use arn::{AcsArn, AcsResource, ArnError};
pub use aws_arn::{AwsArn, AwsArnError, AwsResource, FunctionNameParts, LambdaFunctionName};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use dialect::{detect, DetectError, Detection, Dialect, Field};
pub use document::{json_type, Document, DocumentError, RangeViolation, Shape};
pub use neutral::{
    AsyncInvokeConfig, ConfigList, Destination, Extensions, FunctionRef, NeutralDocument, Paging, Provider,
    StateTracking, TargetKind,
};
pub use param::{DestinationKind, DestinationParam, DisParam, FunctionGraphParam, ObsParam, ParamError, SmnParam};
pub use span::{Position, SourceError, Span, SpanMap};
pub use spec::{DestinationSpec, DialectSpec, NamespaceRule};
pub use urn::{FunctionUrn, Qualifier, SmnTopicUrn, UrnError};
