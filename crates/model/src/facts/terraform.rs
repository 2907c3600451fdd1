//! Terraform resources that hold an async invocation config, and how their
//! arguments map onto each dialect's API document.
//!
//! Sources (the resources' Go schemas, read with their validation functions):
//! - `alicloud_fc_function_async_invoke_config`: aliyun/terraform-provider-alicloud
//!   @0612d75, `alicloud/resource_alicloud_fc_function_async_invoke_config.go`
//!   (`shared/reference/iac-surfaces.md` read the same at @81c43b6).
//! - `alicloud_fcv3_async_invoke_config`: aliyun/terraform-provider-alicloud
//!   @23735b5, `alicloud/resource_alicloud_fcv3_async_invoke_config.go`.
//! - `huaweicloud_fgs_async_invoke_configuration`: huaweicloud/terraform-provider-huaweicloud
//!   @0fbbc3e, `huaweicloud/services/fgs/resource_huaweicloud_fgs_async_invoke_configuration.go`.
//! - `aws_lambda_function_event_invoke_config`: hashicorp/terraform-provider-aws
//!   @0160692, `internal/service/lambda/function_event_invoke_config.go`.

use super::IntRange;

/// The HCL type of an argument's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// `schema.TypeString`.
    String,
    /// `schema.TypeInt`.
    Int,
    /// `schema.TypeBool`.
    Bool,
    /// A string holding JSON (Huawei `param`), written `jsonencode({...})`.
    JsonString,
}

/// One argument of a resource, at its place in the resource's blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argument {
    /// Enclosing blocks, outermost first, then the argument's name.
    pub path: &'static [&'static str],
    /// The JSON pointer of the value in the dialect's API document; `None`
    /// for arguments only the wrapper has (see [`Argument::role`]).
    pub pointer: Option<&'static str>,
    /// The value's type.
    pub kind: ValueKind,
    /// `Required: true` in the schema.
    pub required: bool,
    /// `Default:` in the schema, when it has one.
    pub default: Option<i64>,
    /// The range the provider's `ValidateFunc` enforces (`None`: not validated).
    pub validated: Option<IntRange>,
    /// What an argument with no pointer is.
    pub role: Role,
}

/// What an argument the API document lacks stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Maps to the document through `pointer`.
    Document,
    /// The function's name in the request path: the last part of the
    /// document's function ARN (FC 3.0 `function_name`).
    FunctionNameOfArn,
    /// The provider's region for the request (Huawei `region`).
    Region,
}

/// A Terraform resource type holding one async invocation config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// The resource type (`alicloud_fc_function_async_invoke_config`).
    pub resource_type: &'static str,
    /// The dialect id of its API document.
    pub dialect: &'static str,
    /// Every argument, in the order the rewrite writes them.
    pub arguments: &'static [Argument],
    /// Read-only attributes (`Computed` only): never written.
    pub computed: &'static [&'static str],
    /// The blocks (in argument paths) that hold one destination each.
    pub destination_blocks: &'static [&'static str],
    /// Where the schema is defined.
    pub source: &'static str,
}

/// An argument mapped onto `pointer` (for the YAML tables too).
pub const fn arg(path: &'static [&'static str], pointer: &'static str, kind: ValueKind) -> Argument {
    Argument {
        path,
        pointer: Some(pointer),
        kind,
        required: false,
        default: None,
        validated: None,
        role: Role::Document,
    }
}

/// `a`, Required.
pub const fn required(a: Argument) -> Argument {
    Argument { required: true, ..a }
}

/// `a`, validated to `min..=max`, with the wrapper's default.
pub const fn validated(a: Argument, min: i64, max: i64, default: Option<i64>) -> Argument {
    // The range's own default is the schema's, else the smallest value (unused).
    let d = match default {
        Some(d) => d,
        None => min,
    };
    Argument { validated: Some(IntRange { min, max, default: d }), default, ..a }
}

/// An argument the API document lacks.
pub const fn wrapper_only(path: &'static [&'static str], kind: ValueKind, role: Role) -> Argument {
    Argument { path, pointer: None, kind, required: false, default: None, validated: None, role }
}

/// `alicloud_fc_function_async_invoke_config` (FC 2.0; deprecated since
/// provider v1.272.0). Age validated 1..2592000 (the API: 1..604800);
/// retries default 2 (the API: 3), validated 0..8; `qualifier` defaults to
/// `LATEST`; destinations not validated.
pub const ALICLOUD_FC2: Resource = Resource {
    resource_type: "alicloud_fc_function_async_invoke_config",
    dialect: "alibaba-fc2",
    arguments: &[
        required(arg(&["service_name"], "/service", ValueKind::String)),
        required(arg(&["function_name"], "/function", ValueKind::String)),
        arg(&["qualifier"], "/qualifier", ValueKind::String),
        validated(
            arg(&["maximum_event_age_in_seconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int),
            1,
            2_592_000,
            None,
        ),
        validated(arg(&["maximum_retry_attempts"], "/maxAsyncRetryAttempts", ValueKind::Int), 0, 8, Some(2)),
        arg(&["stateful_invocation"], "/statefulInvocation", ValueKind::Bool),
        arg(
            &["destination_config", "on_success", "destination"],
            "/destinationConfig/onSuccess/destination",
            ValueKind::String,
        ),
        arg(
            &["destination_config", "on_failure", "destination"],
            "/destinationConfig/onFailure/destination",
            ValueKind::String,
        ),
    ],
    computed: &["created_time", "last_modified_time"],
    destination_blocks: &["on_success", "on_failure"],
    source: "aliyun/terraform-provider-alicloud alicloud/resource_alicloud_fc_function_async_invoke_config.go",
};

/// `alicloud_fcv3_async_invoke_config` (FC 3.0, since v1.228.0). The age is
/// validated 0..3600 at @23735b5 (`shared/reference/iac-surfaces.md` read
/// 0..86400 at @81c43b6; both narrower than the API's 1..604800; 0 means
/// "not sent"); retries are not validated.
pub const ALICLOUD_FC3: Resource = Resource {
    resource_type: "alicloud_fcv3_async_invoke_config",
    dialect: "alibaba-fc3",
    arguments: &[
        required(wrapper_only(&["function_name"], ValueKind::String, Role::FunctionNameOfArn)),
        arg(&["qualifier"], "/qualifier", ValueKind::String),
        arg(&["async_task"], "/asyncTask", ValueKind::Bool),
        validated(
            arg(&["max_async_event_age_in_seconds"], "/maxAsyncEventAgeInSeconds", ValueKind::Int),
            0,
            3_600,
            None,
        ),
        arg(&["max_async_retry_attempts"], "/maxAsyncRetryAttempts", ValueKind::Int),
        arg(
            &["destination_config", "on_success", "destination"],
            "/destinationConfig/onSuccess/destination",
            ValueKind::String,
        ),
        arg(
            &["destination_config", "on_failure", "destination"],
            "/destinationConfig/onFailure/destination",
            ValueKind::String,
        ),
    ],
    computed: &["create_time", "function_arn", "last_modified_time"],
    destination_blocks: &["on_success", "on_failure"],
    source: "aliyun/terraform-provider-alicloud alicloud/resource_alicloud_fcv3_async_invoke_config.go",
};

/// `huaweicloud_fgs_async_invoke_configuration`: age and retries Required and
/// not validated (docs: 1..86400 and 0..3); flat `on_success` / `on_failure`
/// blocks (no `destination_config` wrapper), `destination` and `param` both
/// Required; `param` is the API's JSON string, usually `jsonencode({...})`.
pub const HUAWEICLOUD_FGS: Resource = Resource {
    resource_type: "huaweicloud_fgs_async_invoke_configuration",
    dialect: "huawei",
    arguments: &[
        wrapper_only(&["region"], ValueKind::String, Role::Region),
        required(arg(&["function_urn"], "/func_urn", ValueKind::String)),
        required(arg(&["max_async_event_age_in_seconds"], "/max_async_event_age_in_seconds", ValueKind::Int)),
        required(arg(&["max_async_retry_attempts"], "/max_async_retry_attempts", ValueKind::Int)),
        arg(&["enable_async_status_log"], "/enable_async_status_log", ValueKind::Bool),
        required(arg(&["on_success", "destination"], "/destination_config/on_success/destination", ValueKind::String)),
        required(arg(&["on_success", "param"], "/destination_config/on_success/param", ValueKind::JsonString)),
        required(arg(&["on_failure", "destination"], "/destination_config/on_failure/destination", ValueKind::String)),
        required(arg(&["on_failure", "param"], "/destination_config/on_failure/param", ValueKind::JsonString)),
    ],
    computed: &["created_at", "updated_at"],
    destination_blocks: &["on_success", "on_failure"],
    source: "huaweicloud/terraform-provider-huaweicloud huaweicloud/services/fgs/resource_huaweicloud_fgs_async_invoke_configuration.go",
};

/// `aws_lambda_function_event_invoke_config`: age validated 60..21600,
/// retries default 2 validated 0..2, destinations validated as ARNs.
pub const AWS_LAMBDA: Resource = Resource {
    resource_type: "aws_lambda_function_event_invoke_config",
    dialect: "aws-lambda",
    arguments: &[
        required(arg(&["function_name"], "/FunctionName", ValueKind::String)),
        arg(&["qualifier"], "/Qualifier", ValueKind::String),
        validated(
            arg(&["maximum_event_age_in_seconds"], "/MaximumEventAgeInSeconds", ValueKind::Int),
            60,
            21_600,
            None,
        ),
        validated(arg(&["maximum_retry_attempts"], "/MaximumRetryAttempts", ValueKind::Int), 0, 2, Some(2)),
        arg(
            &["destination_config", "on_success", "destination"],
            "/DestinationConfig/OnSuccess/Destination",
            ValueKind::String,
        ),
        arg(
            &["destination_config", "on_failure", "destination"],
            "/DestinationConfig/OnFailure/Destination",
            ValueKind::String,
        ),
    ],
    computed: &[],
    destination_blocks: &["on_success", "on_failure"],
    source: "hashicorp/terraform-provider-aws internal/service/lambda/function_event_invoke_config.go",
};

/// Every resource type read, FC 2.0 first.
pub const RESOURCES: &[Resource] = &[ALICLOUD_FC2, ALICLOUD_FC3, HUAWEICLOUD_FGS, AWS_LAMBDA];

/// The resource type of `resource_type`, if it holds an async invocation config.
pub fn resource(resource_type: &str) -> Option<&'static Resource> {
    RESOURCES.iter().find(|r| r.resource_type == resource_type)
}

/// The resource type that writes `dialect`'s documents.
pub fn resource_for_dialect(dialect: &str) -> Option<&'static Resource> {
    RESOURCES.iter().find(|r| r.dialect == dialect)
}

/// The Terraform meta-arguments every resource may hold: kept as they are.
pub const META_ARGUMENTS: &[&str] = &["count", "for_each", "provider", "depends_on", "lifecycle"];

/// Arguments whose zero value the provider does not send (read with
/// `d.GetOk`, which reports a zero value as unset), so the API's default
/// applies instead: `(resource type, argument)`. alicloud FC 2.0:
/// `maximum_event_age_in_seconds` (`GetOk`); alicloud FC 3.0: the age
/// (`GetOk` and `> 0`) and the retries (`GetOk`); AWS: the age (`GetOk`).
pub const ZERO_NOT_SENT: &[(&str, &str)] = &[
    ("alicloud_fc_function_async_invoke_config", "maximum_event_age_in_seconds"),
    ("alicloud_fcv3_async_invoke_config", "max_async_event_age_in_seconds"),
    ("alicloud_fcv3_async_invoke_config", "max_async_retry_attempts"),
    ("aws_lambda_function_event_invoke_config", "maximum_event_age_in_seconds"),
];

/// The function Huawei's `param` is written with in HCL.
pub const JSONENCODE: &str = "jsonencode";

impl Resource {
    /// The argument at `path` (blocks, then name).
    pub fn argument(&self, path: &[&str]) -> Option<&'static Argument> {
        self.arguments.iter().find(|a| a.path == path)
    }

    /// The argument whose value sits at `pointer` in the API document.
    pub fn argument_at(&self, pointer: &str) -> Option<&'static Argument> {
        self.arguments.iter().find(|a| a.pointer == Some(pointer))
    }
}

/// The API pointer of the block (or YAML mapping) at `path` among `fields`:
/// the common prefix of its fields' pointers, or for a block holding one
/// field, that field's pointer cut to the block's depth. `None` when no
/// field lies under `path`.
pub fn block_pointer(fields: &[Argument], path: &[&str]) -> Option<String> {
    let under: Vec<&Argument> = fields
        .iter()
        .filter(|a| a.pointer.is_some() && a.path.len() > path.len() && a.path.iter().zip(path).all(|(x, y)| x == y))
        .collect();
    match under.as_slice() {
        [] => None,
        [one] => {
            let tokens: Vec<&str> = one.pointer?.split('/').collect();
            let keep = tokens.len().checked_sub(one.path.len() - path.len())?;
            Some(tokens.get(..keep)?.join("/"))
        }
        many => {
            let first: Vec<&str> = many[0].pointer?.split('/').collect();
            let mut keep = first.len();
            for a in &many[1..] {
                let other: Vec<&str> = a.pointer?.split('/').collect();
                keep = keep.min(first.iter().zip(&other).take_while(|(x, y)| x == y).count());
            }
            Some(first.get(..keep)?.join("/"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pointer_is_one_argument_and_every_block_a_destination() {
        for r in RESOURCES {
            for a in r.arguments {
                if let Some(p) = a.pointer {
                    assert_eq!(r.argument_at(p), Some(a), "{} {p}", r.resource_type);
                }
                assert_eq!(r.argument(a.path), Some(a));
                for block in &a.path[..a.path.len() - 1] {
                    assert!(
                        *block == "destination_config" || r.destination_blocks.contains(block),
                        "{}: {block}",
                        r.resource_type
                    );
                }
            }
            assert_eq!(resource(r.resource_type), Some(r));
            assert_eq!(resource_for_dialect(r.dialect), Some(r));
        }
    }

    #[test]
    fn blocks_map_to_the_pointer_their_fields_share() {
        assert_eq!(
            block_pointer(ALICLOUD_FC2.arguments, &["destination_config"]).as_deref(),
            Some("/destinationConfig")
        );
        let on_failure = block_pointer(ALICLOUD_FC2.arguments, &["destination_config", "on_failure"]);
        assert_eq!(on_failure.as_deref(), Some("/destinationConfig/onFailure"));
        let huawei = block_pointer(HUAWEICLOUD_FGS.arguments, &["on_success"]);
        assert_eq!(huawei.as_deref(), Some("/destination_config/on_success"));
        let flat = block_pointer(super::super::serverless_devs::FC2_COMPONENT.fields, &["destination"]);
        assert_eq!(flat.as_deref(), Some("/destinationConfig"));
        assert_eq!(block_pointer(ALICLOUD_FC2.arguments, &["timeouts"]), None);
    }

    #[test]
    fn wrapper_ranges_that_differ_from_the_api() {
        let fc2 = ALICLOUD_FC2.argument(&["maximum_retry_attempts"]).and_then(|a| a.default);
        assert_eq!(fc2, Some(2));
        assert_ne!(fc2, Some(super::super::alibaba::RETRY_ATTEMPTS.default));
        let age = ALICLOUD_FC2.argument(&["maximum_event_age_in_seconds"]).and_then(|a| a.validated);
        assert_eq!(age.map(|r| r.max), Some(2_592_000));
    }
}
