//! AWS Lambda EventInvokeConfig, API 2015-03-31 (dialect `aws-lambda`).
//!
//! Source of every value: the Lambda service model shipped in PyPI `botocore`
//! (1.43.11, unchanged in 1.44.8), `botocore/data/lambda/2015-03-31/service-2.json.gz`
//! (shape names cited per constant). Partitions, regions and the model's
//! identifier patterns are generated from the installed botocore's
//! `data/partitions.json`, `data/endpoints.json` (service `lambda`) and that
//! model by `xtask facts` into [`super::sdk`], where `.ci/run` holds them.
//! `shared/reference/providers.md` (AWS section) agrees except where a
//! comment says otherwise; there botocore holds.

use crate::constraint::{CharClass, IntRange, NameRule};
use crate::dialect::Dialect;
use crate::provider::{Provider, TargetKind};
use crate::spec::{
    DestinationSpec, DestinationSupport, DialectSpec, FieldKeys, IdentifierParts, IdentityShape, ListShape,
    NamespaceRule, ProviderNouns, ProviderSpec, ValueRange,
};

/// `FunctionName`: the request's function (URI path of Put/Update/Get/List).
pub const FUNCTION_NAME_KEY: &str = "FunctionName";
/// `Qualifier`: version or alias (query string of Put/Update/Get).
pub const QUALIFIER_KEY: &str = "Qualifier";
/// `FunctionArn` of a `FunctionEventInvokeConfig` (responses, read-only).
pub const FUNCTION_ARN_KEY: &str = "FunctionArn";

/// The keys naming a config's function, the one read first first: the
/// response's `FunctionArn`, then the request's `FunctionName`.
pub const CONFIG_IDENTITY_KEYS: &[&str] = &[FUNCTION_ARN_KEY, FUNCTION_NAME_KEY];
/// `LastModified` of a `FunctionEventInvokeConfig` (shape `Date`, read-only).
pub const LAST_MODIFIED_KEY: &str = "LastModified";
/// `ResponseMetadata`: what boto3 adds to every response dict (request id,
/// HTTP status and headers), the SDK's envelope and no member of any shape.
pub const SDK_RESPONSE_METADATA_KEY: &str = "ResponseMetadata";
/// `MaximumRetryAttempts`.
pub const MAXIMUM_RETRY_ATTEMPTS_KEY: &str = "MaximumRetryAttempts";
/// `MaximumEventAgeInSeconds`.
pub const MAXIMUM_EVENT_AGE_KEY: &str = "MaximumEventAgeInSeconds";
/// `DestinationConfig`.
pub const DESTINATION_CONFIG_KEY: &str = "DestinationConfig";
/// `DestinationConfig.OnSuccess`.
pub const ON_SUCCESS_KEY: &str = "OnSuccess";
/// `DestinationConfig.OnFailure`.
pub const ON_FAILURE_KEY: &str = "OnFailure";
/// `OnSuccess.Destination` / `OnFailure.Destination` (shape `DestinationArn`).
pub const DESTINATION_KEY: &str = "Destination";
/// `FunctionEventInvokeConfigs` of `ListFunctionEventInvokeConfigsResponse`.
pub const LIST_ITEMS_KEY: &str = "FunctionEventInvokeConfigs";
/// `NextMarker` of `ListFunctionEventInvokeConfigsResponse`.
pub const NEXT_MARKER_KEY: &str = "NextMarker";

/// Members of `PutFunctionEventInvokeConfigRequest` (identical in
/// `UpdateFunctionEventInvokeConfigRequest`), in the model's order.
/// `FunctionName` travels in the path and `Qualifier` in the query string;
/// a document may carry both.
pub const REQUEST_KEYS: &[&str] =
    &[FUNCTION_NAME_KEY, QUALIFIER_KEY, MAXIMUM_RETRY_ATTEMPTS_KEY, MAXIMUM_EVENT_AGE_KEY, DESTINATION_CONFIG_KEY];

/// Members of `FunctionEventInvokeConfig` (the Get/Put/Update response and a
/// List item), in the model's order.
pub const RESPONSE_KEYS: &[&str] =
    &[LAST_MODIFIED_KEY, FUNCTION_ARN_KEY, MAXIMUM_RETRY_ATTEMPTS_KEY, MAXIMUM_EVENT_AGE_KEY, DESTINATION_CONFIG_KEY];

/// The keys a body of Put/Update carries outside path and query string.
pub const PUT_BODY_KEYS: &[&str] = &[MAXIMUM_RETRY_ATTEMPTS_KEY, MAXIMUM_EVENT_AGE_KEY, DESTINATION_CONFIG_KEY];

/// Every key one config document may hold (request or response), in output
/// order: the request's identity, then the response's, then the shared body.
pub const CONFIG_KEYS: &[&str] = &[
    FUNCTION_NAME_KEY,
    QUALIFIER_KEY,
    LAST_MODIFIED_KEY,
    FUNCTION_ARN_KEY,
    MAXIMUM_RETRY_ATTEMPTS_KEY,
    MAXIMUM_EVENT_AGE_KEY,
    DESTINATION_CONFIG_KEY,
];

/// The keys that mark a config read back from the API.
pub const RESPONSE_MARKER_KEYS: &[&str] = &[LAST_MODIFIED_KEY, FUNCTION_ARN_KEY];

/// Read-only keys: returned by the API, never sent.
pub const READ_ONLY_KEYS: &[&str] = &[LAST_MODIFIED_KEY, FUNCTION_ARN_KEY];

/// Members of `DestinationConfig`.
pub const DESTINATION_CONFIG_KEYS: &[&str] = &[ON_SUCCESS_KEY, ON_FAILURE_KEY];

/// Members of `OnSuccess` / `OnFailure`.
pub const DESTINATION_KEYS: &[&str] = &[DESTINATION_KEY];

/// Members of `ListFunctionEventInvokeConfigsResponse`.
pub const LIST_KEYS: &[&str] = &[LIST_ITEMS_KEY, NEXT_MARKER_KEY];

/// Shape `MaximumRetryAttempts`: min 0, max 2. Default 2: the
/// PutFunctionEventInvokeConfig documentation ("By default, Lambda retries an
/// asynchronous invocation twice").
pub const RETRY_ATTEMPTS: IntRange = IntRange { min: 0, max: 2, default: 2 };

/// Shape `MaximumEventAgeInSeconds`: min 60, max 21600. Default 21600: the
/// PutFunctionEventInvokeConfig documentation ("retains events in a queue for
/// up to six hours").
pub const MAX_EVENT_AGE: IntRange = IntRange { min: 60, max: 21_600, default: 21_600 };

/// Function name (the name part of shape `FunctionArn`,
/// `[a-zA-Z0-9-_]+`; the `FunctionName` member documentation: "If you specify
/// only the function name, it is limited to 64 characters in length").
/// `NamespacedFunctionName` also admits `.` in the name; neither `FunctionArn` nor
/// CreateFunction's `FunctionName` does, so no such function exists.
pub const FUNCTION_NAME: NameRule = NameRule {
    what: "function name",
    min_len: 1,
    max_len: 64,
    first: CharClass::Word,
    rest: CharClass::Word,
    last: None,
};

/// Alias name (shape `Alias`): 1..128 of `[a-zA-Z0-9-_]`, not all digits
/// (`(?!^[0-9]+$)`; all digits is a version). The digits rule is checked by
/// [`is_version`] before this one.
pub const ALIAS_NAME: NameRule = NameRule {
    what: "alias name",
    min_len: 1,
    max_len: 128,
    first: CharClass::Word,
    rest: CharClass::Word,
    last: None,
};

/// Shape `NumericLatestPublishedOrAliasQualifier` (member `Qualifier`): 1..128.
pub const QUALIFIER_MAX_LEN: usize = 128;

/// Shape `NamespacedFunctionName` (member `FunctionName` of the Put/Update/Get/List
/// requests): 1..256 characters, whatever its form. (Shape `FunctionName`, used
/// elsewhere in the API, says 140.)
pub const FUNCTION_REFERENCE_MAX_LEN: usize = 256;

/// Shape `DestinationArn`: 0..350 characters; the pattern admits the empty
/// string (`$|...`), which the API reads as no destination.
pub const DESTINATION_ARN_MAX_LEN: usize = 350;

/// The qualifier meaning the unpublished code (shapes `Version`, `FunctionArn`).
pub const LATEST: &str = "$LATEST";

/// The qualifier meaning the latest published version: admitted by shapes
/// `NamespacedFunctionName` and `NumericLatestPublishedOrAliasQualifier`
/// (`\$(LATEST(\.PUBLISHED)?)`), not by `FunctionArn`. providers.md does not
/// list it; botocore holds.
pub const LATEST_PUBLISHED: &str = "$LATEST.PUBLISHED";

/// Shape `Version`: `$LATEST` or digits.
pub fn is_version(q: &str) -> bool {
    !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit())
}

/// Account ids: 12 digits (`\d{12}` in shapes `FunctionArn`, `DestinationArn`,
/// `NamespacedFunctionName`).
pub const ACCOUNT_ID_DIGITS: usize = 12;

/// Account ids AWS documentation uses as examples: a document holding one was
/// copied from the docs (`123456789012` in the Lambda API reference,
/// `111122223333` and `444455556666` in the IAM and Lambda guides).
pub const DOC_ACCOUNT_IDS: &[&str] = &["123456789012", "111122223333", "444455556666"];

/// Function names the Lambda documentation uses as examples (`FunctionName`
/// member documentation: `my-function`).
pub const DOC_FUNCTION_NAMES: &[&str] = &["my-function"];

/// Partitions (`botocore/data/partitions.json`, generated into [`super::sdk`]);
/// the Lambda model's ARN patterns admit any `aws[a-zA-Z-]*`.
pub const PARTITIONS: &[&str] = super::sdk::AWS_PARTITIONS;

/// The region part of the Lambda model's ARN patterns (`FunctionArn`,
/// `DestinationArn`, `NamespacedFunctionName`):
/// `(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}`, anchored. A test
/// holds it to the generated model patterns.
pub const REGION_PATTERN: &str = r"^(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-[0-9]$";

/// Whether `region` matches [`REGION_PATTERN`].
pub fn is_region(region: &str) -> bool {
    // The pattern ends `-[0-9]$`: most strings asked (function names) fail
    // that without a regex, and are not remembered.
    let ends_like_a_region = matches!(region.as_bytes(), [.., b'-', digit] if digit.is_ascii_digit());
    ends_like_a_region && super::aws_regions::region_facts(region).0
}

/// Regions serving Lambda (`endpoints.json`, service `lambda`, every
/// partition, without FIPS endpoints), sorted: generated into [`super::sdk`].
pub const REGIONS: &[&str] = super::sdk::AWS_LAMBDA_REGIONS;

/// The partition a region belongs to: the first whose `regionRegex`
/// (`partitions.json`) it matches, else `aws` (as botocore resolves it).
pub fn partition_of(region: &str) -> &'static str {
    super::aws_regions::region_facts(region).1
}

/// The Lambda model's `FunctionArn` pattern, as botocore ships it (generated).
pub const FUNCTION_ARN_MODEL_PATTERN: &str = super::sdk::AWS_LAMBDA_FUNCTION_ARN_PATTERN;

/// The Lambda model's `NamespacedFunctionName` pattern (member `FunctionName`
/// of Put/Update/Get/List), as botocore ships it (generated).
pub const NAMESPACED_FUNCTION_NAME_MODEL_PATTERN: &str = super::sdk::AWS_LAMBDA_NAMESPACED_FUNCTION_NAME_PATTERN;

/// The partition part of the Lambda model's ARN patterns: `aws[a-zA-Z-]*`.
pub const PARTITION_PATTERN: &str = "aws[a-zA-Z-]*";

/// Whether `partition` matches [`PARTITION_PATTERN`].
pub fn is_partition_shaped(partition: &str) -> bool {
    partition.strip_prefix("aws").is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
}

fn body(pattern: &str) -> &str {
    pattern.strip_prefix('^').and_then(|p| p.strip_suffix('$')).unwrap_or(pattern)
}

/// The regex the schema publishes for `Qualifier` (and the qualifier of a
/// function reference): `$LATEST`, `$LATEST.PUBLISHED`, or a version or alias
/// (digits are a subset of the alias characters).
pub fn qualifier_pattern() -> String {
    format!("^({}|{}|{})$", regex::escape(LATEST), regex::escape(LATEST_PUBLISHED), body(&ALIAS_NAME.pattern()))
}

/// The qualifier of a `FunctionArn` (shape `FunctionArn`): `$LATEST` or a
/// version or alias; `$LATEST.PUBLISHED` is admitted in requests only.
fn function_arn_qualifier_pattern() -> String {
    format!("({}|{})", regex::escape(LATEST), body(&ALIAS_NAME.pattern()))
}

/// The regex the schema publishes for `FunctionArn` (shape `FunctionArn`; the
/// model also admits an empty partition, which no response holds).
pub fn function_arn_pattern() -> String {
    format!(
        "^arn:{PARTITION_PATTERN}:lambda:{}:[0-9]{{{ACCOUNT_ID_DIGITS}}}:function:{}(:{})?$",
        body(REGION_PATTERN),
        body(&FUNCTION_NAME.pattern()),
        function_arn_qualifier_pattern()
    )
}

/// The regex the schema publishes for `FunctionName` (shape
/// `NamespacedFunctionName`): `[arn:{partition}:lambda:][{region}:][{account}:][function:]{name}[:{qualifier}]`,
/// each part optional on its own, as the model's pattern reads.
pub fn function_reference_pattern() -> String {
    format!(
        "^(arn:({PARTITION_PATTERN})?:lambda:)?({}:)?([0-9]{{{ACCOUNT_ID_DIGITS}}}:)?(function:)?{}(:{})?$",
        body(REGION_PATTERN),
        body(&FUNCTION_NAME.pattern()),
        body(&qualifier_pattern())
    )
}

/// The regex the schema publishes for a `Destination`: empty (none) or an ARN
/// of a destination service; the parts are checked by [`crate::AwsArn`].
/// (`DestinationArn` also admits `kafka://` URIs, for event source mappings
/// only.)
pub fn destination_arn_pattern(on_success: bool) -> String {
    let services: Vec<&str> = DESTINATION_SERVICES
        .iter()
        .filter(|d| if on_success { d.on_success } else { d.on_failure })
        .map(|d| d.service)
        .collect();
    format!("^$|^arn:{PARTITION_PATTERN}:({}):", services.join("|"))
}

/// A kind of destination: the ARN service that names it, and which sides
/// accept it (`FunctionEventInvokeConfig.DestinationConfig` documentation:
/// function, standard SQS queue, S3 bucket, standard SNS topic, EventBridge
/// event bus; "S3 buckets are supported only for on-failure destinations").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DestinationService {
    /// The ARN's service segment.
    pub service: &'static str,
    /// What it is, in AWS's words.
    pub kind: &'static str,
    /// Accepted as `OnSuccess`.
    pub on_success: bool,
    /// Accepted as `OnFailure`.
    pub on_failure: bool,
}

/// Every destination kind of an asynchronous invocation.
pub const DESTINATION_SERVICES: &[DestinationService] = &[
    DestinationService { service: "lambda", kind: "Lambda function", on_success: true, on_failure: true },
    DestinationService { service: "sqs", kind: "SQS queue", on_success: true, on_failure: true },
    DestinationService { service: "sns", kind: "SNS topic", on_success: true, on_failure: true },
    DestinationService { service: "events", kind: "EventBridge event bus", on_success: true, on_failure: true },
    DestinationService { service: "s3", kind: "S3 bucket", on_success: false, on_failure: true },
];

/// The destination kind an ARN service names, if any.
pub fn destination_service(service: &str) -> Option<&'static DestinationService> {
    DESTINATION_SERVICES.iter().find(|d| d.service == service)
}

/// SQS queue name: 1..80 of letters, digits, `-`, `_`; a FIFO queue ends in
/// `.fifo` (SQS CreateQueue `QueueName`). Lambda wants a standard queue; the
/// suffix is checked by the ARN parser, not here.
pub const QUEUE_NAME: NameRule =
    NameRule { what: "queue name", min_len: 1, max_len: 80, first: CharClass::Word, rest: CharClass::Word, last: None };

/// SNS topic name: 1..256 of letters, digits, `-`, `_` (SNS CreateTopic `Name`).
pub const TOPIC_NAME: NameRule = NameRule {
    what: "topic name",
    min_len: 1,
    max_len: 256,
    first: CharClass::Word,
    rest: CharClass::Word,
    last: None,
};

/// EventBridge event bus name: 1..256 of letters, digits, `.`, `-`, `_`
/// (EventBridge `EventBusName` pattern `[/\.\-_A-Za-z0-9]+` for names; `/`
/// is only in partner buses, which a bus ARN spells as a path).
pub const EVENT_BUS_NAME: NameRule = NameRule {
    what: "event bus name",
    min_len: 1,
    max_len: 256,
    first: CharClass::WordOrDot,
    rest: CharClass::WordOrDot,
    last: None,
};

/// S3 bucket name: 3..63 of lowercase letters, digits, `.`, `-`, starting and
/// ending with a letter or digit (S3 bucket naming rules). Checked by
/// [`check_bucket_name`]: [`NameRule`] has no lowercase class.
pub const BUCKET_NAME_LEN: (usize, usize) = (3, 63);

/// Checks an S3 bucket name; the reason when it breaks the naming rules.
pub fn check_bucket_name(name: &str) -> Result<(), String> {
    let (min, max) = BUCKET_NAME_LEN;
    if name.len() < min || name.len() > max {
        return Err(format!("has {} characters; it must have {min} to {max}", name.chars().count()));
    }
    let edge = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let inner = |b: u8| edge(b) || b == b'.' || b == b'-';
    let bytes = name.as_bytes();
    if !bytes.iter().all(|b| inner(*b)) {
        return Err("may hold only lowercase letters, digits, `.` and `-`".into());
    }
    if !edge(bytes[0]) || !edge(bytes[bytes.len() - 1]) {
        return Err("must start and end with a lowercase letter or digit".into());
    }
    Ok(())
}

/// The suffix of a FIFO queue or topic name; Lambda destinations must be standard ones.
pub const FIFO_SUFFIX: &str = ".fifo";

/// What happens to a FIFO queue or topic as a destination, in the Lambda
/// developer guide's words ("Capturing records of Lambda asynchronous
/// invocations", [`FIFO_DELIVERY_SOURCE`]): the API accepts the
/// configuration; delivery then fails.
pub const FIFO_DELIVERY: &str = "Lambda delivers records only to standard queues and topics; a FIFO one is an \
unsupported destination type, so every record fails to arrive and counts in the `DestinationDeliveryFailures` metric";

/// The Lambda developer guide page on capturing records of asynchronous invocations.
pub const FIFO_DELIVERY_SOURCE: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html";

/// Lambda's destination kinds ([`DESTINATION_SERVICES`]): S3 on failure
/// only, and its bucket names are global (each needs a `destinations` entry).
const DESTINATIONS: &[DestinationSpec] = &[
    DestinationSpec::both(TargetKind::Function, "Lambda function"),
    DestinationSpec::both(TargetKind::Queue, "SQS queue"),
    DestinationSpec::both(TargetKind::Topic, "SNS topic"),
    DestinationSpec::both(TargetKind::EventBus, "EventBridge event bus"),
    DestinationSpec {
        on_success: false,
        located: false,
        by_name: false,
        ..DestinationSpec::both(TargetKind::ObjectStorage, "S3 bucket")
    },
];

/// The `aws-lambda` dialect.
pub const SPEC: DialectSpec = DialectSpec {
    dialect: Dialect::AwsLambda,
    id: "aws-lambda",
    title: "AWS Lambda EventInvokeConfig (API 2015-03-31)",
    label: "AWS Lambda",
    schema: (
        "AWS Lambda event invoke config or list (API 2015-03-31)",
        include_str!("../../schemas/aws-lambda.schema.json"),
    ),
    legacy_keys: &[],
    provider: Provider::Aws,
    keys: FieldKeys {
        max_event_age: MAXIMUM_EVENT_AGE_KEY,
        retry_attempts: MAXIMUM_RETRY_ATTEMPTS_KEY,
        destination_config: DESTINATION_CONFIG_KEY,
        on_success: ON_SUCCESS_KEY,
        on_failure: ON_FAILURE_KEY,
        destination: Some(DESTINATION_KEY),
        created_time: None,
        last_modified: LAST_MODIFIED_KEY,
        function: FUNCTION_NAME_KEY,
    },
    // The API stores only what a request accepted: responses are in range too.
    max_event_age: ValueRange { request: MAX_EVENT_AGE, responses_checked: true, note: None },
    retry_attempts: ValueRange { request: RETRY_ATTEMPTS, responses_checked: true, note: None },
    state_tracking: None,
    config_keys: CONFIG_KEYS,
    read_only_keys: READ_ONLY_KEYS,
    identity_keys: &[FUNCTION_NAME_KEY, FUNCTION_ARN_KEY, QUALIFIER_KEY],
    destination_config_keys: DESTINATION_CONFIG_KEYS,
    destination_keys: DESTINATION_KEYS,
    list: ListShape {
        items: LIST_ITEMS_KEY,
        keys: LIST_KEYS,
        next_token: Some(NEXT_MARKER_KEY),
        total: None,
        position: None,
        position_keys: &[],
        items_qualified: true,
        items_located: true,
    },
    // `FunctionName` may be a bare name: the endpoint states region and account.
    identity: IdentityShape {
        namespace: NamespaceRule::None,
        located: false,
        qualifier_note: None,
        function_name: FUNCTION_NAME,
        namespace_name: None,
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

/// Lambda's provider, as messages, the mapping file and templates read it.
pub const PROVIDER: ProviderSpec = ProviderSpec {
    provider: Provider::Aws,
    id: "aws",
    cloud: "AWS",
    service_name: "Lambda",
    nouns: ProviderNouns { namespace: "namespace", account: "account" },
    home: Dialect::AwsLambda,
    regions: REGIONS,
    identifier: IdentifierParts { scheme: "arn", region: 3, account: 4 },
    account_id: (ACCOUNT_ID_DIGITS, '9'),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert_eq!(FUNCTION_NAME.pattern(), "^[A-Za-z0-9_-][A-Za-z0-9_-]{0,63}$");
        assert!(FUNCTION_NAME.check("my-function").is_ok());
        assert!(FUNCTION_NAME.check("my.function").is_err());
        assert!(ALIAS_NAME.check("PROD_1").is_ok());
    }

    #[test]
    fn regions_sorted_shaped_and_partitioned() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        for r in REGIONS {
            assert!(is_region(r), "{r}");
            assert!(PARTITIONS.contains(&partition_of(r)), "{r}");
        }
        assert_eq!(partition_of("cn-north-1"), "aws-cn");
        assert_eq!(partition_of("us-gov-west-1"), "aws-us-gov");
        assert_eq!(partition_of("us-isob-east-1"), "aws-iso-b");
        assert_eq!(partition_of("eusc-de-east-1"), "aws-eusc");
        assert_eq!(partition_of("us-east-7"), "aws");
    }

    #[test]
    fn region_shape() {
        for (s, ok) in [
            ("us-east-1", true),
            ("us-gov-west-1", true),
            ("us-isob-east-1", true),
            ("us-iso-east-1", true),
            ("us-gov-1", true),
            ("eusc-de-east-1", true),
            ("eusc-us-east-1", true),
            ("us-east-10", false),
            ("us-east", false),
            ("US-east-1", false),
            ("cn-shanghai", false),
            ("us-isozz-east-1", false),
            ("", false),
        ] {
            assert_eq!(is_region(s), ok, "{s}");
        }
    }

    #[test]
    fn published_patterns() {
        assert_eq!(qualifier_pattern(), r"^(\$LATEST|\$LATEST\.PUBLISHED|[A-Za-z0-9_-][A-Za-z0-9_-]{0,127})$");
        assert_eq!(destination_arn_pattern(true), "^$|^arn:aws[a-zA-Z-]*:(lambda|sqs|sns|events):");
        assert_eq!(destination_arn_pattern(false), "^$|^arn:aws[a-zA-Z-]*:(lambda|sqs|sns|events|s3):");
        for p in [qualifier_pattern(), function_arn_pattern(), function_reference_pattern()] {
            assert!(regex::Regex::new(&p).is_ok(), "{p}");
        }
        let re = regex::Regex::new(&function_reference_pattern()).unwrap();
        for ok in [
            "my-function",
            "f:$LATEST",
            "123456789012:function:f:live",
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:f:3",
            "us-east-1:123456789012:function:f",
        ] {
            assert!(re.is_match(ok), "{ok}");
        }
        for bad in ["", "f:", "a:b:c", "arn:aws:sqs:us-east-1:123456789012:q", "a.b"] {
            assert!(!re.is_match(bad), "{bad}");
        }
        assert!(is_partition_shaped("aws-us-gov") && !is_partition_shaped("azure") && !is_partition_shaped("aws1"));
    }

    #[test]
    fn buckets() {
        assert!(check_bucket_name("my-bucket.logs").is_ok());
        assert!(check_bucket_name("ab").is_err());
        assert!(check_bucket_name("My-Bucket").is_err());
        assert!(check_bucket_name("-bucket").is_err());
    }

    #[test]
    fn destination_kinds() {
        assert!(!destination_service("s3").is_some_and(|d| d.on_success));
        assert!(destination_service("sqs").is_some_and(|d| d.on_success && d.on_failure));
        assert!(destination_service("kinesis").is_none());
    }
}
