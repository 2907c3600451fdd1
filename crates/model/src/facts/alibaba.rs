//! Alibaba Cloud Function Compute: FC 2.0 (API 2021-04-06) and FC 3.0 (API 2023-03-30).
//!
//! Sources: `shared/reference/alibaba-fc-sources.md` §1.3, §2.2, §3, §5 and the
//! seed `000_a531463f5ebe4ee7.txt` (PutFunctionAsyncInvokeConfig).

use crate::constraint::{CharClass, IntRange, NameRule};
use crate::dialect::Dialect;
use crate::provider::{Provider, TargetKind};
use crate::spec::{
    DestinationSpec, DestinationSupport, DialectSpec, FieldKeys, IdentifierParts, IdentityShape, ListShape,
    NamespaceRule, ProviderNouns, ProviderSpec, StateTracking, ValueRange,
};

/// `maxAsyncEventAgeInSeconds`: [1, 604800] seconds, default 86400
/// (seed 000; FC3 `PutAsyncInvokeConfigInput`; ROS `ALIYUN::FC3::AsyncInvokeConfig`).
pub const MAX_EVENT_AGE: IntRange = IntRange { min: 1, max: 604_800, default: 86_400 };

/// The upper bound older docs and Terraform gave for the event age (30 days);
/// lint mentions it in help text because configs written against them exist.
pub const LEGACY_MAX_EVENT_AGE: i64 = 2_592_000;

/// `maxAsyncRetryAttempts`: [0, 8], default 3 (every source agrees).
pub const RETRY_ATTEMPTS: IntRange = IntRange { min: 0, max: 8, default: 3 };

/// `statefulInvocation` (FC 2.0) / `asyncTask` (FC 3.0): off unless set.
pub const ASYNC_TASK_DEFAULT: bool = false;

/// `ListFunctionAsyncInvokeConfigs` / `ListAsyncInvokeConfigs` `limit`: 1..100, default 20.
pub const LIST_LIMIT: IntRange = IntRange { min: 1, max: 100, default: 20 };

/// FC 2.0 service name (GoSDK21 comments): 1..128, letters, digits, `_`, `-`, not starting with a digit or `-`.
pub const SERVICE_NAME: NameRule = NameRule {
    what: "service name",
    min_len: 1,
    max_len: 128,
    first: CharClass::LetterOrUnderscore,
    rest: CharClass::Word,
    last: None,
};

/// Function name, FC 2.0 and FC 3.0 (GoSDK21, GoSDK23 `CreateFunctionInput`): 1..64.
/// Terraform's FC3 resource says up to 128; lint notes it.
pub const FUNCTION_NAME: NameRule = NameRule {
    what: "function name",
    min_len: 1,
    max_len: 64,
    first: CharClass::LetterOrUnderscore,
    rest: CharClass::Word,
    last: None,
};

/// Alias name: 1..128, same charset as names, never `LATEST`.
pub const ALIAS_NAME: NameRule = NameRule {
    what: "alias name",
    min_len: 1,
    max_len: 128,
    first: CharClass::LetterOrUnderscore,
    rest: CharClass::Word,
    last: None,
};

/// Queue, topic, bus and RocketMQ names inside destination ARNs: no published
/// rule for destinations; these bounds only keep garbage out.
pub const RESOURCE_NAME: NameRule = NameRule {
    what: "resource name",
    min_len: 1,
    max_len: 256,
    first: CharClass::Word,
    rest: CharClass::WordOrDot,
    last: None,
};

/// The qualifier meaning the unpublished code.
pub const LATEST: &str = "LATEST";

/// Account ids (uid) in the docs are 16 digits; others are a lint warning, not an error.
pub const ACCOUNT_ID_DIGITS: usize = 16;

/// Region ids Function Compute serves: the Alibaba SDKs' endpoint maps (`alibabacloud-fc20230330`,
/// `alibabacloud-fc-open20210406`), generated into [`super::sdk`]; deliberate
/// differences in [`super::regions`].
/// An id outside this list is a warning: new regions open.
pub const REGIONS: &[&str] = super::sdk::ALIBABA_FC_REGIONS;

/// JSON keys of one FC 2.0 config, in the order the API documents them
/// (alphabetical in the response table). `serviceName`/`functionName` are the
/// legacy spellings older docs show; they are read but never written.
pub const FC2_CONFIG_KEYS: &[&str] = &[
    "createdTime",
    "destinationConfig",
    "function",
    "lastModifiedTime",
    "maxAsyncEventAgeInSeconds",
    "maxAsyncRetryAttempts",
    "qualifier",
    "service",
    "statefulInvocation",
];

/// Legacy FC 2.0 key spellings and the key that replaced each.
pub const FC2_LEGACY_KEYS: &[(&str, &str)] = &[("serviceName", "service"), ("functionName", "function")];

/// JSON keys of one FC 3.0 config (`AsyncConfig`), in documented order.
pub const FC3_CONFIG_KEYS: &[&str] = &[
    "asyncTask",
    "createdTime",
    "destinationConfig",
    "functionArn",
    "lastModifiedTime",
    "maxAsyncEventAgeInSeconds",
    "maxAsyncRetryAttempts",
    "qualifier",
];

/// FC 2.0's function name key.
pub const FUNCTION_KEY: &str = "function";
/// FC 2.0's service key.
pub const SERVICE_KEY: &str = "service";
/// The qualifier key (FC 2.0 and FC 3.0).
pub const QUALIFIER_KEY: &str = "qualifier";
/// The legacy spelling of [`FUNCTION_KEY`].
pub const LEGACY_FUNCTION_KEY: &str = "functionName";
/// The legacy spelling of [`SERVICE_KEY`].
pub const LEGACY_SERVICE_KEY: &str = "serviceName";

/// FC 2.0 keys that name the function, in the order a note about it prefers.
pub const FC2_IDENTITY_KEYS: &[&str] =
    &[FUNCTION_KEY, LEGACY_FUNCTION_KEY, SERVICE_KEY, LEGACY_SERVICE_KEY, QUALIFIER_KEY];

/// FC 3.0 keys that name the function.
pub const FC3_IDENTITY_KEYS: &[&str] = &["functionArn", "qualifier"];

/// Keys of `destinationConfig`.
pub const DESTINATION_CONFIG_KEYS: &[&str] = &["onSuccess", "onFailure"];

/// Keys of `onSuccess` / `onFailure`.
pub const DESTINATION_KEYS: &[&str] = &["destination"];

/// Keys of a List response (FC 2.0 and FC 3.0).
pub const LIST_KEYS: &[&str] = &["configs", "nextToken"];

/// Read-only keys: returned by the API, never sent.
pub const READ_ONLY_KEYS: &[&str] = &["createdTime", "lastModifiedTime"];

/// The keys FC 2.0 and FC 3.0 share for the neutral fields.
const fn keys(function: &'static str) -> FieldKeys {
    FieldKeys {
        max_event_age: "maxAsyncEventAgeInSeconds",
        retry_attempts: "maxAsyncRetryAttempts",
        destination_config: "destinationConfig",
        on_success: "onSuccess",
        on_failure: "onFailure",
        destination: Some("destination"),
        created_time: Some("createdTime"),
        last_modified: "lastModifiedTime",
        function,
    }
}

/// Asynchronous task mode, under its dialect's key.
const fn task_mode(key: &'static str) -> Option<StateTracking> {
    Some(StateTracking { key, log_target_keys: &[], default: ASYNC_TASK_DEFAULT, meaning: TASK_MODE })
}

/// Function Compute's destination kinds (FC 2.0 and FC 3.0 `Destination`
/// documentation: function, MNS queue and topic, EventBridge, RocketMQ).
const DESTINATIONS: &[DestinationSpec] = &[
    DestinationSpec::both(TargetKind::Function, "FC function"),
    DestinationSpec::both(TargetKind::Queue, "MNS queue"),
    DestinationSpec::both(TargetKind::Topic, "MNS topic"),
    DestinationSpec::both(TargetKind::EventBus, "EventBridge event bus"),
    DestinationSpec::both(TargetKind::InstanceTopic, "ApsaraMQ for RocketMQ topic"),
];

/// FC 3.0: the same kinds; a function destination has no documented
/// qualified form (`functions/{function}` only).
const FC3_DESTINATIONS: &[DestinationSpec] = &[
    DestinationSpec { qualified: false, ..DestinationSpec::both(TargetKind::Function, "FC function") },
    DestinationSpec::both(TargetKind::Queue, "MNS queue"),
    DestinationSpec::both(TargetKind::Topic, "MNS topic"),
    DestinationSpec::both(TargetKind::EventBus, "EventBridge event bus"),
    DestinationSpec::both(TargetKind::InstanceTopic, "ApsaraMQ for RocketMQ topic"),
];

/// What asynchronous task mode adds, for notes.
const TASK_MODE: &str =
    "asynchronous task mode: each invocation's state is kept and can be queried, stopped and replayed";

/// FC 2.0's List response: `nextToken` pages; no total is stated.
const LIST: ListShape = ListShape {
    items: "configs",
    keys: LIST_KEYS,
    next_token: Some("nextToken"),
    total: None,
    position: None,
    position_keys: &[],
    items_qualified: true,
    items_located: false,
};

/// The `alibaba-fc2` dialect.
pub const FC2_SPEC: DialectSpec = DialectSpec {
    dialect: Dialect::AlibabaFc2,
    id: "alibaba-fc2",
    title: "Alibaba Cloud Function Compute 2.0 (API 2021-04-06)",
    label: "FC 2.0",
    schema: (
        "Alibaba FC 2.0 async invoke config or list (API 2021-04-06)",
        include_str!("../../schemas/alibaba-fc2.schema.json"),
    ),
    legacy_keys: FC2_LEGACY_KEYS,
    provider: Provider::Alibaba,
    keys: keys("function"),
    max_event_age: ValueRange { request: MAX_EVENT_AGE, responses_checked: true, note: None },
    retry_attempts: ValueRange { request: RETRY_ATTEMPTS, responses_checked: true, note: None },
    state_tracking: task_mode("statefulInvocation"),
    config_keys: FC2_CONFIG_KEYS,
    read_only_keys: READ_ONLY_KEYS,
    identity_keys: FC2_IDENTITY_KEYS,
    destination_config_keys: DESTINATION_CONFIG_KEYS,
    destination_keys: DESTINATION_KEYS,
    list: LIST,
    // A config names its function by service and name; the endpoint states region and account.
    identity: IdentityShape {
        namespace: NamespaceRule::Required,
        located: false,
        qualifier_note: None,
        function_name: FUNCTION_NAME,
        namespace_name: Some(SERVICE_NAME),
        numeric_versions: true,
        latest_explicit: false,
    },
    destinations: DESTINATIONS,
    destination_support: DestinationSupport::Accepted,
    envelope: None,
    nested: &[],
    name_fields: &[],
    doc_names: &[],
};

/// The `alibaba-fc3` dialect.
pub const FC3_SPEC: DialectSpec = DialectSpec {
    dialect: Dialect::AlibabaFc3,
    id: "alibaba-fc3",
    title: "Alibaba Cloud Function Compute 3.0 (API 2023-03-30)",
    label: "FC 3.0",
    schema: ("Alibaba FC 3.0 async invoke config or list (API 2023-03-30)", include_str!("../../schemas/alibaba-fc3.schema.json")),
    legacy_keys: &[],
    keys: keys("functionArn"),
    state_tracking: task_mode("asyncTask"),
    config_keys: FC3_CONFIG_KEYS,
    identity_keys: FC3_IDENTITY_KEYS,
    // `AsyncConfig` list items have no `qualifier` (FC 3.0 API 2023-03-30).
    list: ListShape { items_qualified: false, ..LIST },
    identity: IdentityShape {
        namespace: NamespaceRule::None,
        located: true,
        qualifier_note: Some("is the `qualifier` query parameter of FC 3.0 PutAsyncInvokeConfig, not a body field; the SDK's `AsyncConfig` model has no `qualifier` and drops it"),
        namespace_name: None,
        ..FC2_SPEC.identity
    },
    destinations: FC3_DESTINATIONS,
    ..FC2_SPEC
};

/// Function Compute's provider, as messages, the mapping file and templates read it.
pub const PROVIDER: ProviderSpec = ProviderSpec {
    provider: Provider::Alibaba,
    id: "alibaba",
    cloud: "Alibaba Cloud",
    service_name: "Function Compute",
    nouns: ProviderNouns { namespace: "service", account: "account" },
    home: Dialect::AlibabaFc2,
    regions: REGIONS,
    identifier: IdentifierParts { scheme: "acs", region: 2, account: 3 },
    account_id: (ACCOUNT_ID_DIGITS, '9'),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_what_the_schemas_publish() {
        assert_eq!(FUNCTION_NAME.pattern(), "^[A-Za-z_][A-Za-z0-9_-]{0,63}$");
        assert_eq!(SERVICE_NAME.pattern(), "^[A-Za-z_][A-Za-z0-9_-]{0,127}$");
    }

    #[test]
    fn regions_sorted_and_shaped() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(REGIONS.iter().all(|r| super::super::is_region_shaped(r)));
    }
}
