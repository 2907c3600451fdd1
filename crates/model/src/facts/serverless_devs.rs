//! Serverless Devs `s.yaml`: where its components keep a function's async
//! invocation config, and how its keys map onto the API documents.
//!
//! Sources:
//! - fc3 component (FC 3.0): devsapp/fc3 @344c32e `src/interface/async_invoke_config.ts`
//!   (`destinationConfig`, `maxAsyncEventAgeInSeconds`, `maxAsyncRetryAttempts`,
//!   `qualifier`; `asyncTask` at @4ca1c1b per `shared/reference/iac-surfaces.md`) and
//!   @0c2a220 `src/schema.json` (`IAsyncInvokeConfig`: age 1..2592000 with a
//!   schema default of 18000, retries 0..8 default 3; the API: age 1..604800).
//! - fc component (FC 2.0): devsapp/fc `docs/en/yaml/function.md` and devsapp/fc-deploy
//!   `src/lib/component/fc-base-sdk/command/function-async-config.ts`
//!   (`asyncConfiguration` with flat destination strings, as
//!   `shared/reference/iac-surfaces.md` records them).

use super::terraform::{arg as field, required, validated as ranged, wrapper_only, Argument, Role, ValueKind};

/// How a section's resource is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selector {
    /// An `s.yaml` resource whose `component` is one of these.
    Component(&'static [&'static str]),
    /// A ROS template resource of this `Type`.
    RosType(&'static str),
}

/// One place in a YAML file that holds an async invocation config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// What it is, for messages (`fc3 component asyncInvokeConfig`).
    pub name: &'static str,
    /// Which resources hold it.
    pub selector: Selector,
    /// The path from the resource to the section's mapping.
    pub path: &'static [&'static str],
    /// The dialect id of the API document it maps onto.
    pub dialect: &'static str,
    /// The section's keys (paths inside the section) and their pointers.
    pub fields: &'static [Argument],
    /// Keys elsewhere in the resource (paths from the resource) that name the function.
    pub context: &'static [Argument],
    /// The section's keys are the API's own: unknown keys are carried into the
    /// document as they are (so the linter names them, with did-you-mean).
    pub api_shaped: bool,
    /// Where the shape is defined.
    pub source: &'static str,
}

/// The `s.yaml` top-level keys that hold resources (Serverless Devs 3.x, then 2.x).
pub const RESOURCE_KEYS: &[&str] = &["resources", "services"];
/// The key naming a resource's component.
pub const COMPONENT_KEY: &str = "component";

/// fc3 component: `resources.<name>.props.asyncInvokeConfig`, in the API's own
/// keys. The schema's age default 18000 is an editor hint, not something the
/// component sends, so it is not filled in.
pub const FC3_COMPONENT: Section = Section {
    name: "fc3 component asyncInvokeConfig",
    selector: Selector::Component(&["fc3", "devsapp/fc3"]),
    path: &["props", "asyncInvokeConfig"],
    dialect: "alibaba-fc3",
    fields: &[
        field(&["qualifier"], "/qualifier", ValueKind::String),
        field(&["asyncTask"], "/asyncTask", ValueKind::Bool),
        ranged(field(&["maxAsyncEventAgeInSeconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int), 1, 2_592_000, None),
        ranged(field(&["maxAsyncRetryAttempts"], "/maxAsyncRetryAttempts", ValueKind::Int), 0, 8, Some(3)),
        field(
            &["destinationConfig", "onSuccess", "destination"],
            "/destinationConfig/onSuccess/destination",
            ValueKind::String,
        ),
        field(
            &["destinationConfig", "onFailure", "destination"],
            "/destinationConfig/onFailure/destination",
            ValueKind::String,
        ),
    ],
    context: &[required(wrapper_only(&["props", "functionName"], ValueKind::String, Role::FunctionNameOfArn))],
    api_shaped: true,
    source: "devsapp/fc3 src/interface/async_invoke_config.ts, src/schema.json",
};

/// fc component (FC 2.0): `services.<name>.props.function.asyncConfiguration`,
/// destinations as flat ARN strings; the qualifier is always LATEST.
pub const FC2_COMPONENT: Section = Section {
    name: "fc component asyncConfiguration",
    selector: Selector::Component(&["fc", "devsapp/fc"]),
    path: &["props", "function", "asyncConfiguration"],
    dialect: "alibaba-fc2",
    fields: &[
        ranged(field(&["maxAsyncEventAgeInSeconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int), 1, 2_592_000, None),
        ranged(field(&["maxAsyncRetryAttempts"], "/maxAsyncRetryAttempts", ValueKind::Int), 0, 8, Some(3)),
        field(&["statefulInvocation"], "/statefulInvocation", ValueKind::Bool),
        field(&["destination", "onSuccess"], "/destinationConfig/onSuccess/destination", ValueKind::String),
        field(&["destination", "onFailure"], "/destinationConfig/onFailure/destination", ValueKind::String),
    ],
    context: &[
        field(&["props", "service", "name"], "/service", ValueKind::String),
        field(&["props", "function", "name"], "/function", ValueKind::String),
    ],
    api_shaped: false,
    source: "devsapp/fc docs/en/yaml/function.md; devsapp/fc-deploy function-async-config.ts",
};

/// Every `s.yaml` section read.
pub const SECTIONS: &[Section] = &[FC3_COMPONENT, FC2_COMPONENT];
