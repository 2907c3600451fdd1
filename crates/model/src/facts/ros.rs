//! ROS (Alibaba Cloud Resource Orchestration Service) templates: the
//! resource types that hold an async invocation config, in the
//! `Section` shape of `s.yaml` (see `facts::serverless_devs`).
//!
//! Sources (`shared/reference/iac-surfaces.md`): the ROS resource type
//! `ALIYUN::FC3::AsyncInvokeConfig` (`FunctionName` required, no `Qualifier`,
//! age 1..604800 default 86400, retries 0..8 default 3), and for FC 2.0 the
//! `AsyncConfiguration` property of `ALIYUN::FC::Function`
//! (aliyun/Resource-Orchestration-Service-Cloud-Development-Kit, ros-cdk-fc
//! `RosFunction.AsyncConfigurationProperty`: destinations as flat strings).

use super::serverless_devs::{Section, Selector};
use super::terraform::{arg as field, required, wrapper_only, Role, ValueKind};

/// The template key that holds resources.
pub const RESOURCES_KEY: &str = "Resources";
/// A resource's type key.
pub const TYPE_KEY: &str = "Type";
/// The key that marks a ROS template.
pub const VERSION_KEY: &str = "ROSTemplateFormatVersion";

/// `ALIYUN::FC3::AsyncInvokeConfig`: its `Properties`.
pub const FC3_ASYNC_INVOKE_CONFIG: Section = Section {
    name: "ALIYUN::FC3::AsyncInvokeConfig",
    selector: Selector::RosType("ALIYUN::FC3::AsyncInvokeConfig"),
    path: &["Properties"],
    dialect: "alibaba-fc3",
    fields: &[
        required(wrapper_only(&["FunctionName"], ValueKind::String, Role::FunctionNameOfArn)),
        field(&["AsyncTask"], "/asyncTask", ValueKind::Bool),
        field(&["MaxAsyncEventAgeInSeconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int),
        field(&["MaxAsyncRetryAttempts"], "/maxAsyncRetryAttempts", ValueKind::Int),
        field(
            &["DestinationConfig", "OnSuccess", "Destination"],
            "/destinationConfig/onSuccess/destination",
            ValueKind::String,
        ),
        field(
            &["DestinationConfig", "OnFailure", "Destination"],
            "/destinationConfig/onFailure/destination",
            ValueKind::String,
        ),
    ],
    context: &[],
    api_shaped: false,
    source: "ROS resource type ALIYUN::FC3::AsyncInvokeConfig",
};

/// `ALIYUN::FC::Function`: its `Properties.AsyncConfiguration` (FC 2.0).
pub const FC_FUNCTION_ASYNC_CONFIGURATION: Section = Section {
    name: "ALIYUN::FC::Function AsyncConfiguration",
    selector: Selector::RosType("ALIYUN::FC::Function"),
    path: &["Properties", "AsyncConfiguration"],
    dialect: "alibaba-fc2",
    fields: &[
        field(&["MaxAsyncEventAgeInSeconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int),
        field(&["MaxAsyncRetryAttempts"], "/maxAsyncRetryAttempts", ValueKind::Int),
        field(&["StatefulInvocation"], "/statefulInvocation", ValueKind::Bool),
        field(&["Destination", "OnSuccess"], "/destinationConfig/onSuccess/destination", ValueKind::String),
        field(&["Destination", "OnFailure"], "/destinationConfig/onFailure/destination", ValueKind::String),
    ],
    context: &[
        field(&["Properties", "ServiceName"], "/service", ValueKind::String),
        field(&["Properties", "FunctionName"], "/function", ValueKind::String),
    ],
    api_shaped: false,
    source: "ROS ALIYUN::FC::Function; ros-cdk-fc RosFunction.AsyncConfigurationProperty",
};

/// Every ROS section read.
pub const SECTIONS: &[Section] = &[FC3_ASYNC_INVOKE_CONFIG, FC_FUNCTION_ASYNC_CONFIGURATION];
