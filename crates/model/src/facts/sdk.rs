//! Region and partition tables, generated from the SDKs' own files by
//! `cargo run -p xtask -- facts --write`: do not edit. Where they come from
//! and the deliberate differences: [`super::regions`].

// @section aws
// source: botocore 1.44.8
/// Partition ids, in `data/partitions.json`'s order.
pub const AWS_PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-eusc",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-us-gov",
];

/// Each partition's `regionRegex`, in the order of [`AWS_PARTITIONS`].
pub const AWS_PARTITION_REGION_REGEXES: &[&str] = &[
    r#"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$"#,
    r#"^cn\-\w+\-\d+$"#,
    r#"^eusc\-(de)\-\w+\-\d+$"#,
    r#"^us\-iso\-\w+\-\d+$"#,
    r#"^us\-isob\-\w+\-\d+$"#,
    r#"^eu\-isoe\-\w+\-\d+$"#,
    r#"^us\-isof\-\w+\-\d+$"#,
    r#"^us\-gov\-\w+\-\d+$"#,
];

/// Regions serving Lambda (`data/endpoints.json`, service `lambda`, every
/// partition, FIPS endpoints left out), sorted; deliberate differences from
/// [`super::regions`].
pub const AWS_LAMBDA_REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-isoe-west-1",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eusc-de-east-1",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
    "us-west-1",
    "us-west-2",
];

/// The pattern of shape `FunctionArn` in the Lambda model
/// (unanchored, as the model writes it).
pub const AWS_LAMBDA_FUNCTION_ARN_PATTERN: &str = r#"arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?"#;

/// The pattern of shape `NamespacedFunctionName` in the Lambda model
/// (unanchored, as the model writes it).
pub const AWS_LAMBDA_NAMESPACED_FUNCTION_NAME_PATTERN: &str = r#"(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?"#;

/// The pattern of shape `DestinationArn` in the Lambda model
/// (unanchored, as the model writes it).
pub const AWS_LAMBDA_DESTINATION_ARN_PATTERN: &str = r#"$|kafka://([^.]([a-zA-Z0-9\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.*)"#;
// @end aws

// @section alibaba
// source: alibabacloud-fc-open20210406 2.0.12, alibabacloud-fc20230330 4.8.3
/// Regions serving Function Compute: the union of the clients'
/// `_endpoint_map` keys, sorted;
/// deliberate differences from [`super::regions`].
pub const ALIBABA_FC_REGIONS: &[&str] = &[
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-7",
    "cn-beijing",
    "cn-chengdu",
    "cn-hangzhou",
    "cn-hangzhou-finance",
    "cn-heyuan-acdr-1",
    "cn-hongkong",
    "cn-huhehaote",
    "cn-north-2-gov-1",
    "cn-qingdao",
    "cn-shanghai",
    "cn-shanghai-cloudspe", // kept: facts::regions
    "cn-shanghai-finance-1",
    "cn-shenzhen",
    "cn-wulanchabu",
    "cn-zhangjiakou",
    "eu-central-1",
    "eu-west-1",
    "me-central-1",
    "us-east-1",
    "us-west-1",
];
// @end alibaba

// @section huawei
// source: huaweicloudsdkfunctiongraph 3.1.219
/// Regions serving FunctionGraph: `FunctionGraphRegion.static_fields`
/// (`v2/region/functiongraph_region.py`), sorted;
/// deliberate differences from [`super::regions`].
pub const HUAWEI_FUNCTIONGRAPH_REGIONS: &[&str] = &[
    "ae-ad-1",
    "af-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "cn-east-2",
    "cn-east-3",
    "cn-east-4",
    "cn-north-1",
    "cn-north-11",
    "cn-north-4",
    "cn-north-9",
    "cn-south-1",
    "cn-south-4",
    "cn-southwest-2",
    "cn-southwest-3",
    "eu-west-101",
    "la-north-2",
    "la-south-2",
    "me-east-1",
    "my-kualalumpur-1",
    "na-mexico-1",
    "ru-moscow-1",
    "sa-brazil-1",
    "tr-west-1",
];
// @end huawei
