//! Huawei Cloud FunctionGraph, API v2.
//!
//! Sources: `shared/reference/huawei-functiongraph-sources.md` §1.2–§3.3 and the
//! seeds 002–004. Where the API's own tables disagree (request 1..86400 /
//! 0..3, response 60..86400 / 0..8), the request figures hold: every
//! input-side source agrees on them, and the response text is copied from
//! Alibaba's docs (reference §1.5).

use crate::constraint::{CharClass, IntRange, NameRule};
use crate::dialect::Dialect;
use crate::provider::{Provider, TargetKind};
use crate::spec::{
    DestinationSpec, DestinationSupport, DialectSpec, FieldKeys, IdentifierParts, IdentityShape, ListShape,
    NamespaceRule, ProviderNouns, ProviderSpec, StateTracking, ValueRange,
};

/// `max_async_event_age_in_seconds` of a config being set: [1, 86400], default 3600.
pub const MAX_EVENT_AGE: IntRange = IntRange { min: 1, max: 86_400, default: 3_600 };

/// `max_async_retry_attempts` of a config being set: [0, 3], default 1.
pub const RETRY_ATTEMPTS: IntRange = IntRange { min: 0, max: 3, default: 1 };

/// `enable_async_status_log`: off unless set.
pub const STATUS_LOG_DEFAULT: bool = false;

/// List `limit`: 0..100; 0 or absent means 10 (values above 100 become 100).
pub const LIST_LIMIT: IntRange = IntRange { min: 0, max: 100, default: 10 };

/// OBS `param.expires`: object expiry in days, 0..365, 0 = never.
pub const OBS_EXPIRES_DAYS: IntRange = IntRange { min: 0, max: 365, default: 0 };

/// The destination kinds, spelled as the API's enum (`FuncDestinationConfig.destination`).
pub const DESTINATION_KINDS: &[&str] = &["OBS", "SMN", "DIS", "FunctionGraph"];

/// The keys of `param` for each destination kind.
pub const PARAM_KEYS: &[(&str, &[&str])] = &[
    ("OBS", &["bucket", "prefix", "expires"]),
    ("SMN", &["topic_urn"]),
    ("DIS", &["stream_name"]),
    ("FunctionGraph", &["func_urn"]),
];

/// `func_urn` maximum length (path parameter limit).
pub const FUNCTION_URN_MAX_LEN: usize = 269;

/// Project ids are 32 letters and digits (all seen are lowercase hex).
pub const PROJECT_ID_LEN: usize = 32;

/// The package a function lives in when none is named.
pub const DEFAULT_PACKAGE: &str = "default";

/// The version meaning the unpublished code.
pub const LATEST: &str = "latest";

/// The prefix that marks an alias in a function URN (`...:!prod`).
pub const ALIAS_PREFIX: char = '!';

/// Function name: 1..60, starts with a letter, ends with a letter or digit.
pub const FUNCTION_NAME: NameRule = NameRule {
    what: "function name",
    min_len: 1,
    max_len: 60,
    first: CharClass::Letter,
    rest: CharClass::Word,
    last: Some(CharClass::LetterOrDigit),
};

/// Package name: no published rule beyond the function-name charset; 1..64.
pub const PACKAGE_NAME: NameRule = NameRule {
    what: "package name",
    min_len: 1,
    max_len: 64,
    first: CharClass::LetterOrDigit,
    rest: CharClass::Word,
    last: None,
};

/// Published version name: 1..42 letters, digits, `_`, `-`, `.`, starting and
/// ending with a letter or digit (`v20240101-120000`).
pub const VERSION_NAME: NameRule = NameRule {
    what: "version name",
    min_len: 1,
    max_len: 42,
    first: CharClass::LetterOrDigit,
    rest: CharClass::WordOrDot,
    last: Some(CharClass::LetterOrDigit),
};

/// Alias name: 1..63, starts with a letter, ends with a letter or digit.
pub const ALIAS_NAME: NameRule = NameRule {
    what: "alias name",
    min_len: 1,
    max_len: 63,
    first: CharClass::Letter,
    rest: CharClass::Word,
    last: Some(CharClass::LetterOrDigit),
};

/// SMN topic name: 1..255, starts with a letter or digit.
pub const TOPIC_NAME: NameRule = NameRule {
    what: "topic name",
    min_len: 1,
    max_len: 255,
    first: CharClass::LetterOrDigit,
    rest: CharClass::Word,
    last: None,
};

/// Region ids FunctionGraph serves: the Huawei SDK's region list (`huaweicloudsdkfunctiongraph`),
/// generated into [`super::sdk`]; deliberate differences in [`super::regions`].
pub const REGIONS: &[&str] = super::sdk::HUAWEI_FUNCTIONGRAPH_REGIONS;

/// Keys that name the function.
pub const IDENTITY_KEYS: &[&str] = &["func_urn"];

/// JSON keys of one config, in the API's documented order (response table,
/// then the request-only LTS fields).
pub const CONFIG_KEYS: &[&str] = &[
    "func_urn",
    "max_async_event_age_in_seconds",
    "max_async_retry_attempts",
    "destination_config",
    "created_time",
    "last_modified",
    "enable_async_status_log",
    "log_group_id",
    "log_stream_id",
    "log_group_name",
    "log_stream_name",
];

/// Keys a Put body may carry.
pub const PUT_BODY_KEYS: &[&str] = &[
    "max_async_event_age_in_seconds",
    "max_async_retry_attempts",
    "destination_config",
    "enable_async_status_log",
    "log_group_id",
    "log_stream_id",
    "log_group_name",
    "log_stream_name",
];

/// The keys that mark a config read back from the API (a response or list item).
pub const RESPONSE_MARKER_KEYS: &[&str] = &["func_urn", "created_time", "last_modified"];

/// LTS log fields (SDK 0.1.168, 2025): no Alibaba counterpart.
pub const LOG_KEYS: &[&str] = &["log_group_id", "log_stream_id", "log_group_name", "log_stream_name"];

/// Keys of `destination_config`.
pub const DESTINATION_CONFIG_KEYS: &[&str] = &["on_success", "on_failure"];

/// Keys of `on_success` / `on_failure`.
pub const DESTINATION_KEYS: &[&str] = &["destination", "param"];

/// Keys of a List response.
pub const LIST_KEYS: &[&str] = &["async_invoke_configs", "count", "page_info"];

/// Keys of `page_info`.
pub const PAGE_INFO_KEYS: &[&str] = &["next_marker", "previous_marker", "current_count"];

/// Read-only keys: returned by the API, never sent.
pub const READ_ONLY_KEYS: &[&str] = &["created_time", "last_modified"];

/// `created_time` / `last_modified`: RFC 3339 (`2021-03-04T14:50:02+08:00`) or, as
/// some doc examples print it, `2021-03-04 14:50:02`. The schema publishes this pattern.
pub const TIMESTAMP_PATTERN: &str =
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$";

/// Whether `s` is a timestamp as the API writes them ([`TIMESTAMP_PATTERN`]).
pub fn is_timestamp(s: &str) -> bool {
    static RE: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(TIMESTAMP_PATTERN).ok());
    RE.as_ref().is_some_and(|re| re.is_match(s))
}

/// The keys `param` holds for `kind`, if `kind` is a destination kind.
pub fn param_keys(kind: &str) -> Option<&'static [&'static str]> {
    PARAM_KEYS.iter().find(|(k, _)| *k == kind).map(|(_, keys)| *keys)
}

/// The `huawei` dialect.
pub const SPEC: DialectSpec = DialectSpec {
    dialect: Dialect::Huawei,
    id: "huawei",
    title: "Huawei Cloud FunctionGraph (API v2)",
    label: "Huawei",
    schema: (
        "Huawei FunctionGraph async invoke config or list (API v2)",
        include_str!("../../schemas/huawei.schema.json"),
    ),
    legacy_keys: &[],
    provider: Provider::Huawei,
    keys: FieldKeys {
        max_event_age: "max_async_event_age_in_seconds",
        retry_attempts: "max_async_retry_attempts",
        destination_config: "destination_config",
        on_success: "on_success",
        on_failure: "on_failure",
        destination: None,
        created_time: Some("created_time"),
        last_modified: "last_modified",
        function: "func_urn",
    },
    // Read-back configs carry any integer (see `RESPONSE_MARKER_KEYS`).
    max_event_age: ValueRange { request: MAX_EVENT_AGE, responses_checked: false, note: None },
    retry_attempts: ValueRange { request: RETRY_ATTEMPTS, responses_checked: false, note: None },
    state_tracking: Some(StateTracking {
        key: "enable_async_status_log",
        log_target_keys: LOG_KEYS,
        default: STATUS_LOG_DEFAULT,
        meaning: "the async status log: each invocation's status is kept and can be queried",
    }),
    config_keys: CONFIG_KEYS,
    read_only_keys: READ_ONLY_KEYS,
    identity_keys: IDENTITY_KEYS,
    destination_config_keys: DESTINATION_CONFIG_KEYS,
    destination_keys: DESTINATION_KEYS,
    // `count` is the total over every page; `page_info` holds markers, not a token.
    list: ListShape {
        items: "async_invoke_configs",
        keys: LIST_KEYS,
        next_token: None,
        total: Some("count"),
        position: Some("page_info"),
        position_keys: PAGE_INFO_KEYS,
        items_qualified: true,
        items_located: false,
    },
    identity: IdentityShape {
        namespace: NamespaceRule::Defaulted(DEFAULT_PACKAGE),
        located: true,
        qualifier_note: None,
        function_name: FUNCTION_NAME,
        namespace_name: Some(PACKAGE_NAME),
        numeric_versions: false,
        latest_explicit: true,
    },
    destinations: DESTINATIONS,
    destination_support: DestinationSupport::Accepted,
    envelope: None,
    nested: &[],
    name_fields: &[],
    doc_names: &[],
};

/// FunctionGraph's destination kinds (`FuncDestinationConfig.destination`:
/// OBS, SMN, DIS, FunctionGraph). OBS and DIS `param`s name no region or
/// project: they are the function's own.
const DESTINATIONS: &[DestinationSpec] = &[
    DestinationSpec {
        located: false,
        by_name: false,
        ..DestinationSpec::both(TargetKind::ObjectStorage, "OBS bucket")
    },
    DestinationSpec::both(TargetKind::Topic, "SMN topic"),
    DestinationSpec { located: false, ..DestinationSpec::both(TargetKind::Stream, "DIS stream") },
    DestinationSpec::both(TargetKind::Function, "FunctionGraph function"),
];

/// FunctionGraph's provider, as messages, the mapping file and templates read it.
pub const PROVIDER: ProviderSpec = ProviderSpec {
    provider: Provider::Huawei,
    id: "huawei",
    cloud: "Huawei Cloud",
    service_name: "FunctionGraph",
    nouns: ProviderNouns { namespace: "package", account: "project" },
    home: Dialect::Huawei,
    regions: REGIONS,
    identifier: IdentifierParts { scheme: "urn", region: 2, account: 3 },
    account_id: (PROJECT_ID_LEN, 'f'),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert_eq!(FUNCTION_NAME.pattern(), "^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$");
        assert!(VERSION_NAME.check("v20240101-120000").is_ok());
        assert!(VERSION_NAME.check("1.0.2").is_ok());
        assert!(ALIAS_NAME.check("prod").is_ok());
        assert!(ALIAS_NAME.check("1prod").is_err());
    }

    #[test]
    fn regions_sorted_and_shaped() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(REGIONS.iter().all(|r| super::super::is_region_shaped(r)));
    }

    #[test]
    fn every_kind_has_param_keys() {
        for k in DESTINATION_KINDS {
            assert!(param_keys(k).is_some(), "{k}");
        }
    }
}
