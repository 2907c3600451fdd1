//! Tencent Cloud SCF (Serverless Cloud Function), API 2018-04-16 (dialect
//! `tencent-scf`): `UpdateFunctionEventInvokeConfig` and
//! `GetFunctionEventInvokeConfig`.
//!
//! Sources, cited per constant:
//! - \[SDK\] PyPI `tencentcloud-sdk-python-scf` 3.1.100, module
//!   `tencentcloud.scf.v20180416.models` (classes named per constant) and
//!   `tencentcloud.scf.v20180416.errorcodes`. The models carry member names
//!   and types only: no range, length, default or required flag.
//! - \[API\] the generated API description the SDKs come from, as tccli ships
//!   it (`TencentCloud/tencentcloud-cli`, `tccli/services/scf/v20180416/api.json`
//!   and `examples.json`): required flags, example values and the documented
//!   request/response examples. The same text is on
//!   <https://cloud.tencent.com/document/api/583/53639> (Update, Chinese),
//!   <https://www.tencentcloud.com/document/api/583/39920> (Update) and
//!   <https://www.tencentcloud.com/document/product/583/39921> (Get).
//! - \[TF\] tencentcloudstack/terraform-provider-tencentcloud,
//!   `tencentcloud/services/scf/resource_tc_scf_function_event_invoke_config.go`
//!   (schema), its `_test.go` and `.md`.
//! - \[CAM\] <https://www.tencentcloud.com/document/product/583/38177> (SCF
//!   policy syntax: the six-segment resource description).
//!
//! What no source states, and how it is read here:
//! - Ranges. The API takes none in its reference; the limits are per
//!   namespace and come back from `GetAccount` (`NamespaceLimit`:
//!   `RetryNumLimit`, `MinMsgTTL`, `MaxMsgTTL` \[SDK\]); exceeding them is
//!   `LimitExceeded.RetryNum` / `LimitExceeded.MsgTTL` [SDK errorcodes]. The
//!   one documented set of values is GetAccount's example \[API\]:
//!   `RetryNumLimit: 2`, `MinMsgTTL: 60`, `MaxMsgTTL: 21600`. Those are the
//!   ranges enforced; an account with raised limits may hold more (lint's
//!   help says so).
//! - Unit of `MsgTTL` ("消息保留时间", "message retention period"): not
//!   stated. Seconds, as the limits 60..21600 and the examples 3600 and 21600
//!   only make sense in seconds. \[TF\]'s acceptance test sets `msg_ttl = 24`,
//!   below that minimum; the test is named `TestAccTencentCloudNeedFix...`.
//! - Defaults. Both members of `AsyncTriggerConfig` are required [API, TF],
//!   so a request never omits them; the defaults below only decide what an
//!   omitted value of another dialect becomes. They are the API's own
//!   example value of `AsyncTriggerConfig` (`{"MsgTTL":21600,"RetryConfig":[{"RetryNum":2}]}`
//!   \[API\]), equal to the upper limits; the retry-policy page
//!   (<https://www.tencentcloud.com/document/product/583/39851>) that states
//!   the platform's behaviour could not be read past its introduction.
//! - `RetryConfig` is a list, documented as "用户错误的异步重试重试配置" (the
//!   async retry configuration for user errors). The Update example and
//!   \[TF\]'s example send one entry; Get's example returns two, `1` and `-1`,
//!   after the Update example set `1` with the same `MsgTTL` 3600. Read here:
//!   the first entry is the retry count for function errors (it means what
//!   Lambda's `MaximumRetryAttempts` means); what further entries and `-1`
//!   mean is not documented, so they are kept as they are, never mapped, and
//!   a request is held to exactly one entry in range.

use crate::constraint::{CharClass, IntRange, NameRule};
use crate::dialect::Dialect;
use crate::provider::Provider;
use crate::spec::{
    DestinationSupport, DialectSpec, FieldKeys, IdentifierParts, IdentityShape, ListShape, NamespaceRule, NestedObject,
    ProviderNouns, ProviderSpec, ValueRange,
};

/// `FunctionName` (UpdateFunctionEventInvokeConfigRequest,
/// GetFunctionEventInvokeConfigRequest): required in both \[API\].
pub const FUNCTION_NAME_KEY: &str = "FunctionName";
/// `Namespace`: optional, "默认为default" [SDK docstring].
pub const NAMESPACE_KEY: &str = "Namespace";
/// `Qualifier`: GetFunctionEventInvokeConfigRequest only ("函数版本，默认为$LATEST"
/// \[SDK\]); UpdateFunctionEventInvokeConfigRequest has no such member.
pub const QUALIFIER_KEY: &str = "Qualifier";
/// `AsyncTriggerConfig`: required in the Update request \[API\], returned by Get.
pub const ASYNC_TRIGGER_CONFIG_KEY: &str = "AsyncTriggerConfig";
/// `AsyncTriggerConfig.RetryConfig`: a list of `RetryConfig`, required \[API\].
pub const RETRY_CONFIG_KEY: &str = "RetryConfig";
/// `RetryConfig.RetryNum`: int, required \[API\].
pub const RETRY_NUM_KEY: &str = "RetryNum";
/// `AsyncTriggerConfig.MsgTTL`: int, required \[API\].
pub const MSG_TTL_KEY: &str = "MsgTTL";
/// `RequestId` of every response \[SDK\].
pub const REQUEST_ID_KEY: &str = "RequestId";
/// `Response`: the envelope every API 3.0 response comes in
/// (`{"Response": {...}}` [API examples]); the SDK's `to_json_string()`
/// prints the inside only.
pub const RESPONSE_ENVELOPE_KEY: &str = "Response";

/// Members of UpdateFunctionEventInvokeConfigRequest in the reference's
/// order, identity first [SDK, API].
pub const REQUEST_KEYS: &[&str] = &[FUNCTION_NAME_KEY, NAMESPACE_KEY, ASYNC_TRIGGER_CONFIG_KEY];
/// Members of GetFunctionEventInvokeConfigResponse \[SDK\].
pub const RESPONSE_KEYS: &[&str] = &[ASYNC_TRIGGER_CONFIG_KEY, REQUEST_ID_KEY];
/// Members of `AsyncTriggerConfig` \[SDK\].
pub const ASYNC_TRIGGER_CONFIG_KEYS: &[&str] = &[RETRY_CONFIG_KEY, MSG_TTL_KEY];
/// Members of `RetryConfig` \[SDK\].
pub const RETRY_CONFIG_KEYS: &[&str] = &[RETRY_NUM_KEY];

/// `RetryNum` of the first `RetryConfig` entry in a request: 0..2 (GetAccount
/// example `RetryNumLimit: 2`; a count, so not below 0). Default 2 (see the
/// module notes: the API's example value, never sent by omission).
pub const RETRY_NUM: IntRange = IntRange { min: 0, max: 2, default: 2 };

/// `MsgTTL` in seconds: 60..21600 (GetAccount example `MinMsgTTL: 60`,
/// `MaxMsgTTL: 21600`). Default 21600 (the API's example value).
pub const MSG_TTL: IntRange = IntRange { min: 60, max: 21_600, default: 21_600 };

/// Where the ranges come from, for help lines.
pub const LIMITS_NOTE: &str = "these are the namespace limits of the API's GetAccount example (`RetryNumLimit`, `MinMsgTTL`, `MaxMsgTTL`); an account with raised limits may accept more";

/// Entries a request's `RetryConfig` holds: exactly one (the Update example,
/// \[TF\]'s example); a list of several is only ever seen read back.
pub const REQUEST_RETRY_CONFIG_ENTRIES: usize = 1;

/// The namespace a function is in when none is named [SDK docstrings, TF default].
pub const DEFAULT_NAMESPACE: &str = "default";

/// The qualifier Get reads when none is named [SDK docstring].
pub const LATEST: &str = "$LATEST";

/// The alias every function has, pointing at its released version (\[TF\]
/// `tencentcloud_scf_trigger_config` docs recommend `$DEFAULT`).
pub const DEFAULT_ALIAS: &str = "$DEFAULT";

/// Function name (CreateFunctionRequest.FunctionName \[SDK\]): "函数名称支持26个
/// 英文字母大小写、数字、连接符和下划线，第一个字符只能以字母开头，最后一个字符
/// 不能为连接符或者下划线，名称长度2-60".
pub const FUNCTION_NAME: NameRule = NameRule {
    what: "function name",
    min_len: 2,
    max_len: 60,
    first: CharClass::Letter,
    rest: CharClass::Word,
    last: Some(CharClass::LetterOrDigit),
};

/// Namespace name: error `InvalidParameterValue.NamespaceInvalid` [SDK
/// errorcodes]: "Namespace为英文字母、数字、-_ 符号组成，长度30". No first- or
/// last-character rule is stated, so none is enforced; a minimum of 1.
pub const NAMESPACE_NAME: NameRule = NameRule {
    what: "namespace name",
    min_len: 1,
    max_len: 30,
    first: CharClass::Word,
    rest: CharClass::Word,
    last: None,
};

/// Alias name (CreateAliasRequest.Name \[SDK\]): "只能包含字母、数字、'_'和‘-’，
/// 且必须以字母开头，长度限制为1-64".
pub const ALIAS_NAME: NameRule = NameRule {
    what: "alias name",
    min_len: 1,
    max_len: 64,
    first: CharClass::Letter,
    rest: CharClass::Word,
    last: None,
};

/// Published versions are numbers (`PublishVersion`'s `FunctionVersion`,
/// e.g. `"1"` [API examples]).
pub fn is_version(q: &str) -> bool {
    !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit())
}

/// The six-segment resource description of a function \[CAM\]:
/// `qcs::scf:{region}:uin/{uin}:namespace/{namespace}/function/{name}`.
/// The service type segment between `qcs` and `scf` is empty; it states no
/// qualifier.
pub const QCS_PREFIX: &str = "qcs";
/// The service segment of an SCF resource description \[CAM\].
pub const QCS_SERVICE: &str = "scf";
/// The account segment's prefix: `uin/{uin}` \[CAM\].
pub const QCS_ACCOUNT_PREFIX: &str = "uin/";
/// The resource segment's words: `namespace/{ns}/function/{name}` \[CAM\].
pub const QCS_NAMESPACE_WORD: &str = "namespace";
/// See [`QCS_NAMESPACE_WORD`].
pub const QCS_FUNCTION_WORD: &str = "function";

/// A uin (Tencent Cloud account id) is digits; its length is not documented
/// (the docs mask it as `******` \[CAM\]), so any number of digits is read.
pub fn is_uin(uin: &str) -> bool {
    !uin.is_empty() && uin.bytes().all(|b| b.is_ascii_digit())
}

/// Regions SCF serves: the `Region` list of CreateNamespace
/// (<https://www-sg.tencentcloud.com/jp/document/api/583/34413>, "This API
/// only supports: ..."), sorted. The SDK ships no endpoint or region data.
/// An unknown region is a warning, as for the other providers.
pub const REGIONS: &[&str] = &[
    "ap-bangkok",
    "ap-beijing",
    "ap-chengdu",
    "ap-chongqing",
    "ap-guangzhou",
    "ap-hongkong",
    "ap-jakarta",
    "ap-nanjing",
    "ap-seoul",
    "ap-shanghai",
    "ap-shanghai-fsi",
    "ap-shenzhen-fsi",
    "ap-singapore",
    "ap-tokyo",
    "eu-frankfurt",
    "na-ashburn",
    "na-siliconvalley",
    "sa-saopaulo",
];

/// Why `RetryConfig` entries past the first are not carried (see the module
/// notes): the list is documented only as "用户错误的异步重试重试配置" \[API,
/// SDK `AsyncTriggerConfig.RetryConfig`\], the Update example and \[TF\]'s
/// send one entry, and Get's example returns a second, `-1`, unexplained.
pub const RETRY_CONFIG_FURTHER_ENTRIES: &str = "SCF's reference documents `RetryConfig` only as \"the async retry \
     configuration for user errors\" and its Update example sends one entry; the first entry is read as the retry \
     count, and what a further entry means is not documented";

/// Where SCF keeps events that fail every attempt: the function's dead-letter
/// queue, `DeadLetterConfig` of CreateFunction / UpdateFunctionConfiguration
/// (`Type`, `Name`, `FilterType` [SDK `DeadLetterConfig`]), not this API.
pub const DEAD_LETTER_HELP: &str = "SCF has no destinations in its async retry configuration: events that fail every \
     attempt go to the function's dead-letter queue, set by `DeadLetterConfig` of CreateFunction or \
     UpdateFunctionConfiguration, not by UpdateFunctionEventInvokeConfig";

/// Function names and values the API reference uses as placeholders
/// (`"FunctionName": "FunctionName"` in Update's example \[API\]).
pub const DOC_FUNCTION_NAMES: &[&str] = &["FunctionName"];

/// Tencent Cloud.
pub const PROVIDER: ProviderSpec = ProviderSpec {
    provider: Provider::Tencent,
    id: "tencent",
    cloud: "Tencent Cloud",
    service_name: "SCF",
    // Tencent calls the account id the uin.
    nouns: ProviderNouns { namespace: "namespace", account: "uin" },
    home: Dialect::TencentScf,
    regions: REGIONS,
    // `qcs::scf:{region}:uin/{uin}:...` split at `:`. No SCF config holds an
    // identifier (a request names its function by name), so templates never
    // meet one; the account part is `uin/` and the digits.
    identifier: IdentifierParts { scheme: QCS_PREFIX, region: 3, account: 4 },
    // A uin's length is not documented; 12 digits, all nines, is no real one.
    account_id: (12, '9'),
};

/// `MsgTTL` as a path from the config (`AsyncTriggerConfig/MsgTTL`): the
/// neutral maximum event age. Lambda's "maximum age of a request that Lambda
/// sends to a function for processing" and SCF's "message retention period"
/// are the same thing: how long an event may wait to be processed.
pub const MSG_TTL_PATH: &str = "AsyncTriggerConfig/MsgTTL";
/// The first entry's `RetryNum` as a path from the config: the neutral retries.
pub const RETRY_NUM_PATH: &str = "AsyncTriggerConfig/RetryConfig/0/RetryNum";

/// Every key one config may hold: the Update request's members, then the
/// Get response's `RequestId`.
pub const CONFIG_KEYS: &[&str] = &[FUNCTION_NAME_KEY, NAMESPACE_KEY, ASYNC_TRIGGER_CONFIG_KEY, REQUEST_ID_KEY];

/// The `tencent-scf` dialect.
pub const SPEC: DialectSpec = DialectSpec {
    dialect: Dialect::TencentScf,
    id: "tencent-scf",
    title: "Tencent Cloud SCF async retry configuration (API 2018-04-16)",
    label: "Tencent SCF",
    schema: (
        "Tencent Cloud SCF async retry config (API 2018-04-16)",
        include_str!("../../schemas/tencent-scf.schema.json"),
    ),
    legacy_keys: &[],
    provider: Provider::Tencent,
    keys: FieldKeys {
        max_event_age: MSG_TTL_PATH,
        retry_attempts: RETRY_NUM_PATH,
        destination_config: "",
        on_success: "",
        on_failure: "",
        destination: None,
        created_time: None,
        // The read-only member of a response: never written, as a modification time is not.
        last_modified: REQUEST_ID_KEY,
        function: FUNCTION_NAME_KEY,
    },
    // Limits are per namespace, and Get's own example returns `-1`: responses are not held to them.
    max_event_age: ValueRange { request: MSG_TTL, responses_checked: false, note: Some(LIMITS_NOTE) },
    retry_attempts: ValueRange { request: RETRY_NUM, responses_checked: false, note: Some(LIMITS_NOTE) },
    state_tracking: None,
    config_keys: CONFIG_KEYS,
    read_only_keys: &[REQUEST_ID_KEY],
    identity_keys: &[FUNCTION_NAME_KEY, NAMESPACE_KEY],
    destination_config_keys: &[],
    destination_keys: &[],
    list: ListShape {
        items: "",
        keys: &[],
        next_token: None,
        total: None,
        position: None,
        position_keys: &[],
        items_qualified: false,
        items_located: false,
    },
    // A request names the function by name and namespace; the endpoint's region and the caller's uin locate it.
    identity: IdentityShape {
        namespace: NamespaceRule::Defaulted(DEFAULT_NAMESPACE),
        located: false,
        // No qualifier at all: the codec refuses one, naming the API (a request parameter it is not).
        qualifier_note: None,
        function_name: FUNCTION_NAME,
        namespace_name: Some(NAMESPACE_NAME),
        numeric_versions: true,
        latest_explicit: false,
    },
    destinations: &[],
    // UpdateFunctionEventInvokeConfig has no destination member [SDK]; the dead-letter queue is the function's own.
    destination_support: DestinationSupport::Absent { failed_events: DEAD_LETTER_HELP },
    envelope: Some(RESPONSE_ENVELOPE_KEY),
    nested: &[
        NestedObject {
            path: ASYNC_TRIGGER_CONFIG_KEY,
            list: false,
            keys: ASYNC_TRIGGER_CONFIG_KEYS,
            name: "`AsyncTriggerConfig`",
            further_entries: None,
        },
        NestedObject {
            path: "AsyncTriggerConfig/RetryConfig",
            list: true,
            keys: RETRY_CONFIG_KEYS,
            name: "a `RetryConfig` entry",
            further_entries: Some(RETRY_CONFIG_FURTHER_ENTRIES),
        },
    ],
    name_fields: &[(FUNCTION_NAME_KEY, FUNCTION_NAME), (NAMESPACE_KEY, NAMESPACE_NAME)],
    doc_names: DOC_FUNCTION_NAMES,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_documented_rules() {
        assert!(FUNCTION_NAME.check("orders-api").is_ok());
        assert!(FUNCTION_NAME.check("Unzip-1609933864").is_ok());
        assert!(FUNCTION_NAME.check("o").is_err());
        assert!(FUNCTION_NAME.check("1orders").is_err());
        assert!(FUNCTION_NAME.check("orders-").is_err());
        assert!(FUNCTION_NAME.check(&"a".repeat(61)).is_err());
        assert!(NAMESPACE_NAME.check("default").is_ok());
        assert!(NAMESPACE_NAME.check(&"n".repeat(31)).is_err());
        assert!(NAMESPACE_NAME.check("prod.payments").is_err());
        assert!(ALIAS_NAME.check("live").is_ok());
        assert!(ALIAS_NAME.check("1live").is_err());
    }

    #[test]
    fn ranges_are_the_documented_limits() {
        assert_eq!((RETRY_NUM.min, RETRY_NUM.max), (0, 2));
        assert_eq!((MSG_TTL.min, MSG_TTL.max), (60, 21_600));
        assert!(RETRY_NUM.contains(RETRY_NUM.default) && MSG_TTL.contains(MSG_TTL.default));
    }

    #[test]
    fn nested_paths_are_the_keys_joined() {
        assert_eq!(SPEC.nested[1].path, format!("{ASYNC_TRIGGER_CONFIG_KEY}/{RETRY_CONFIG_KEY}"));
        assert!(RETRY_NUM_PATH.starts_with(SPEC.nested[1].path));
    }

    #[test]
    fn field_paths_are_the_keys_joined() {
        assert_eq!(MSG_TTL_PATH, format!("{ASYNC_TRIGGER_CONFIG_KEY}/{MSG_TTL_KEY}"));
        assert_eq!(RETRY_NUM_PATH, format!("{ASYNC_TRIGGER_CONFIG_KEY}/{RETRY_CONFIG_KEY}/0/{RETRY_NUM_KEY}"));
    }

    #[test]
    fn regions_are_sorted_and_region_shaped() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(REGIONS.iter().all(|r| super::super::is_region_shaped(r)));
    }
}
