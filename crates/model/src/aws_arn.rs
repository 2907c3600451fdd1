//! AWS resource names: `arn:{partition}:{service}:{region}:{account}:{resource}`,
//! and the forms a Lambda `FunctionName` may take.
//!
//! Shapes from the Lambda service model in botocore (`FunctionArn`,
//! `DestinationArn`, `NamespacedFunctionName`; see [`crate::facts::aws`]) and
//! `shared/reference/providers.md` (AWS section). Parsing names the part that
//! is wrong, as [`crate::ArnError`] does for Alibaba.

use crate::facts::{aws, looks_like_placeholder, NameError};
use crate::urn::Qualifier;
use std::fmt;
use std::str::FromStr;

mod function_name;
pub use function_name::{FunctionNameParts, LambdaFunctionName};

/// An AWS ARN naming a Lambda function or an asynchronous-invocation destination.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AwsArn {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    pub partition: String,
    /// Region id; empty for S3 buckets, whose ARNs have none.
    pub region: String,
    /// 12-digit account id; empty for S3 buckets.
    pub account: String,
    /// What the ARN names.
    pub resource: AwsResource,
}

/// The resource part of an [`AwsArn`], by kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwsResource {
    /// `function:{name}[:{qualifier}]`
    Function { name: String, qualifier: Option<Qualifier> },
    /// `{queue}` (SQS)
    SqsQueue { queue: String },
    /// `{topic}` (SNS)
    SnsTopic { topic: String },
    /// `event-bus/{bus}` (EventBridge)
    EventBus { bus: String },
    /// `{bucket}` (S3, on failure only)
    S3Bucket { bucket: String },
}

impl AwsResource {
    /// The ARN's service segment for this kind.
    pub fn service(&self) -> &'static str {
        match self {
            AwsResource::Function { .. } => "lambda",
            AwsResource::SqsQueue { .. } => "sqs",
            AwsResource::SnsTopic { .. } => "sns",
            AwsResource::EventBus { .. } => "events",
            AwsResource::S3Bucket { .. } => "s3",
        }
    }

    /// What the resource is, in AWS's words.
    pub fn kind_name(&self) -> &'static str {
        aws::destination_service(self.service()).map_or("resource", |d| d.kind)
    }
}

impl fmt::Display for AwsResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AwsResource::Function { name, qualifier: Some(q) } => write!(f, "function:{name}:{}", q.to_aws()),
            AwsResource::Function { name, qualifier: None } => write!(f, "function:{name}"),
            AwsResource::SqsQueue { queue } => f.write_str(queue),
            AwsResource::SnsTopic { topic } => f.write_str(topic),
            AwsResource::EventBus { bus } => write!(f, "event-bus/{bus}"),
            AwsResource::S3Bucket { bucket } => f.write_str(bucket),
        }
    }
}

impl fmt::Display for AwsArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:{}:{}:{}:{}",
            self.partition,
            self.resource.service(),
            self.region,
            self.account,
            self.resource
        )
    }
}

/// Which part of an AWS ARN or function name is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwsArnError {
    /// Longer than the API accepts.
    TooLong { what: &'static str, len: usize, max: usize },
    /// Not starting with `arn:`.
    Prefix { found: String },
    /// Fewer than the six `:`-separated parts.
    Parts { found: usize },
    /// A partition that is not `aws` or `aws-...`.
    Partition { partition: String },
    /// A known region in another partition than the one written.
    PartitionOfRegion { partition: String, region: String, expected: &'static str },
    /// A service segment that names no destination kind.
    Service { service: String },
    /// A region that is not a region id.
    Region { region: String },
    /// An account that is not 12 digits.
    Account { account: String },
    /// A resource that does not have its service's shape.
    Resource { service: String, resource: String, expected: &'static str },
    /// A qualifier that is neither `$LATEST`, a version nor an alias.
    Qualifier { qualifier: String, reason: String },
    /// An S3 bucket name breaking the naming rules.
    Bucket { bucket: String, reason: String },
    /// A `FunctionName` in no form the model's pattern admits.
    FunctionName { found: String },
    /// A `FunctionArn` naming another kind of resource.
    NotFunctionArn { arn: String, kind: &'static str },
    /// A destination kind the side does not accept (S3 on success).
    Destination { arn: String, reason: String },
    /// A name breaking its rule.
    Name(NameError),
}

impl fmt::Display for AwsArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AwsArnError::TooLong { what, len, max } => write!(f, "a {what} has at most {max} characters, found {len}"),
            AwsArnError::Prefix { found } => write!(f, "an AWS ARN starts with `arn:`, found `{found}`"),
            AwsArnError::Parts { found } => write!(
                f,
                "an AWS ARN has six `:`-separated parts `arn:{{partition}}:{{service}}:{{region}}:{{account}}:{{resource}}`, found {found}"
            ),
            AwsArnError::Partition { partition } => write!(
                f,
                "partition `{partition}` is not an AWS partition; expected one of {}",
                aws::PARTITIONS.join(", ")
            ),
            AwsArnError::PartitionOfRegion { partition, region, expected } => {
                write!(f, "region `{region}` is in partition `{expected}`, not `{partition}`")
            }
            AwsArnError::Service { service } => write!(
                f,
                "service `{service}` is not a destination service; expected {}",
                aws::DESTINATION_SERVICES.iter().map(|d| format!("`{}`", d.service)).collect::<Vec<_>>().join(", ")
            ),
            AwsArnError::Region { region } if looks_like_placeholder(region) => {
                write!(f, "region `{region}` is a placeholder, not a region id such as `us-east-1`")
            }
            AwsArnError::Region { region } => write!(f, "region `{region}` is not a region id such as `us-east-1`"),
            AwsArnError::Account { account } if looks_like_placeholder(account) => {
                write!(f, "account id `{account}` is a placeholder, not {} digits", aws::ACCOUNT_ID_DIGITS)
            }
            AwsArnError::Account { account } => {
                write!(f, "account id `{account}` is not {} digits", aws::ACCOUNT_ID_DIGITS)
            }
            AwsArnError::Resource { service, resource, expected } => write!(
                f,
                "resource `{resource}` of service `{service}` is malformed: expected `{expected}` after the account"
            ),
            AwsArnError::Qualifier { qualifier, reason } => write!(f, "qualifier `{qualifier}` {reason}"),
            AwsArnError::Bucket { bucket, reason } => write!(f, "bucket name `{bucket}` {reason}"),
            AwsArnError::FunctionName { found } => write!(
                f,
                "function `{found}` is not `[arn:{{partition}}:lambda:][{{region}}:][{{account}}:][function:]{{name}}[:{{qualifier}}]` (a name, a partial ARN `{{account}}:function:{{name}}` or a function ARN, each with an optional `:{{qualifier}}`)"
            ),
            AwsArnError::NotFunctionArn { arn, kind } => write!(
                f,
                "`{arn}` names {} {kind}, not a Lambda function: expected `arn:{{partition}}:lambda:{{region}}:{{account}}:function:{{name}}[:{{qualifier}}]`",
                if kind.starts_with(['A', 'E', 'I', 'O', 'U', 'S']) { "an" } else { "a" }
            ),
            AwsArnError::Destination { arn, reason } => write!(f, "destination `{arn}` {reason}"),
            AwsArnError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for AwsArnError {}

impl From<NameError> for AwsArnError {
    fn from(e: NameError) -> Self {
        AwsArnError::Name(e)
    }
}

impl Qualifier {
    /// Reads a Lambda qualifier: `$LATEST`, digits (a version), else an alias.
    ///
    /// `$LATEST.PUBLISHED` (the latest published version, admitted in request
    /// `FunctionName`/`Qualifier`) is held as a version of that name: it names
    /// published code, and other providers need a mapping entry for it.
    pub fn from_aws(q: &str) -> Result<Qualifier, AwsArnError> {
        let bad = |reason: String| AwsArnError::Qualifier { qualifier: q.into(), reason };
        if q.len() > aws::QUALIFIER_MAX_LEN {
            return Err(bad(format!("has {} characters; at most {} expected", q.len(), aws::QUALIFIER_MAX_LEN)));
        }
        if q == aws::LATEST {
            return Ok(Qualifier::Latest);
        }
        if q == aws::LATEST_PUBLISHED || aws::is_version(q) {
            return Ok(Qualifier::Version(q.into()));
        }
        if q.eq_ignore_ascii_case(aws::LATEST) || q.eq_ignore_ascii_case(aws::LATEST_PUBLISHED) {
            return Err(bad(format!("is spelled `{}` or `{}` in Lambda", aws::LATEST, aws::LATEST_PUBLISHED)));
        }
        aws::ALIAS_NAME
            .check(q)
            .map(|()| Qualifier::Alias(q.into()))
            .map_err(|e| bad(format!("is not `$LATEST`, a version number or an alias: {e}")))
    }

    /// The Lambda spelling.
    pub fn to_aws(&self) -> String {
        match self {
            Qualifier::Latest => aws::LATEST.into(),
            Qualifier::Version(v) | Qualifier::Alias(v) => v.clone(),
        }
    }
}

/// `{name}[:{qualifier}]`, the tail every function form shares.
pub(crate) fn parse_function_tail(tail: &str) -> Result<(String, Option<Qualifier>), AwsArnError> {
    let (name, qualifier) = match tail.split_once(':') {
        Some((n, q)) => (n, Some(Qualifier::from_aws(q)?)),
        None => (tail, None),
    };
    aws::FUNCTION_NAME.check(name)?;
    Ok((name.into(), qualifier))
}

/// Refuses text longer than the API's `max` for it.
pub(crate) fn check_len(s: &str, what: &'static str, max: usize) -> Result<(), AwsArnError> {
    if s.len() > max {
        return Err(AwsArnError::TooLong { what, len: s.len(), max });
    }
    Ok(())
}

pub(crate) fn check_account(account: &str) -> Result<(), AwsArnError> {
    if account.len() == aws::ACCOUNT_ID_DIGITS && account.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AwsArnError::Account { account: account.into() })
    }
}

/// A name that may end in `.fifo`: the rule applies to the rest.
fn check_fifo_name(name: &str, rule: crate::facts::NameRule) -> Result<(), AwsArnError> {
    let base = name.strip_suffix(aws::FIFO_SUFFIX).unwrap_or(name);
    rule.check(base).map_err(AwsArnError::Name)
}

fn parse_resource(service: &str, resource: &str) -> Result<AwsResource, AwsArnError> {
    let err = |expected| AwsArnError::Resource { service: service.into(), resource: resource.into(), expected };
    match service {
        "lambda" => {
            let tail = resource.strip_prefix("function:").ok_or_else(|| err("function:{name}[:{qualifier}]"))?;
            let (name, qualifier) = parse_function_tail(tail)?;
            Ok(AwsResource::Function { name, qualifier })
        }
        "sqs" => {
            check_fifo_name(resource, aws::QUEUE_NAME)?;
            Ok(AwsResource::SqsQueue { queue: resource.into() })
        }
        "sns" => {
            check_fifo_name(resource, aws::TOPIC_NAME)?;
            Ok(AwsResource::SnsTopic { topic: resource.into() })
        }
        "events" => {
            let bus = resource.strip_prefix("event-bus/").ok_or_else(|| err("event-bus/{bus}"))?;
            // Partner buses are paths (`aws.partner/saas.com/123/name`): check each segment.
            for segment in bus.split('/') {
                aws::EVENT_BUS_NAME.check(segment)?;
            }
            Ok(AwsResource::EventBus { bus: bus.into() })
        }
        "s3" => {
            aws::check_bucket_name(resource)
                .map_err(|reason| AwsArnError::Bucket { bucket: resource.into(), reason })?;
            Ok(AwsResource::S3Bucket { bucket: resource.into() })
        }
        other => Err(AwsArnError::Service { service: other.into() }),
    }
}

impl FromStr for AwsArn {
    type Err = AwsArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        check_len(s, "destination ARN", aws::DESTINATION_ARN_MAX_LEN)?;
        let rest = s.strip_prefix("arn:").ok_or_else(|| AwsArnError::Prefix { found: s.chars().take(24).collect() })?;
        let mut parts = rest.splitn(5, ':');
        let partition = parts.next().unwrap_or_default();
        let (Some(service), Some(region), Some(account), Some(resource)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(AwsArnError::Parts { found: s.split(':').count() });
        };
        if !aws::is_partition_shaped(partition) {
            return Err(AwsArnError::Partition { partition: partition.into() });
        }
        if service == "s3" {
            // S3 bucket ARNs carry neither region nor account.
            if !region.is_empty() || !account.is_empty() {
                return Err(AwsArnError::Resource {
                    service: service.into(),
                    resource: format!("{region}:{account}:{resource}"),
                    expected: ":{bucket}` with an empty region and account, as in `arn:aws:s3:::{bucket}",
                });
            }
        } else {
            if !aws::is_region(region) {
                return Err(AwsArnError::Region { region: region.into() });
            }
            // Only a listed region's partition is known for sure.
            if aws::REGIONS.contains(&region) {
                let expected = aws::partition_of(region);
                if expected != partition {
                    return Err(AwsArnError::PartitionOfRegion {
                        partition: partition.into(),
                        region: region.into(),
                        expected,
                    });
                }
            }
            check_account(account)?;
        }
        let resource = parse_resource(service, resource)?;
        Ok(AwsArn { partition: partition.into(), region: region.into(), account: account.into(), resource })
    }
}

impl AwsArn {
    /// Checks that the ARN may be the `OnSuccess` (`on_success`) or `OnFailure`
    /// destination: its kind is accepted on that side. (A FIFO queue or topic
    /// is accepted by the API and fails at delivery: see [`AwsArn::fifo_kind`].)
    pub fn check_destination(&self, on_success: bool) -> Result<(), AwsArnError> {
        let kind = self.resource.kind_name();
        match aws::destination_service(self.resource.service()) {
            Some(d) if on_success && !d.on_success => Err(AwsArnError::Destination {
                arn: self.to_string(),
                reason: format!("is an {kind}, which Lambda accepts only as `OnFailure`"),
            }),
            _ => Ok(()),
        }
    }

    /// The kind (`SQS queue`, `SNS topic`) when the ARN names a FIFO queue or
    /// topic: PutFunctionEventInvokeConfig accepts it, but Lambda delivers
    /// records only to standard ones (see [`aws::FIFO_DELIVERY`]).
    pub fn fifo_kind(&self) -> Option<&'static str> {
        match &self.resource {
            AwsResource::SqsQueue { queue: name } | AwsResource::SnsTopic { topic: name }
                if name.ends_with(aws::FIFO_SUFFIX) =>
            {
                Some(self.resource.kind_name())
            }
            _ => None,
        }
    }

    /// The parts that are documentation placeholders (`123456789012`,
    /// `my-function`, `xxx`, `{region}`), each as (part, value).
    pub fn placeholders(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if looks_like_placeholder(&self.region) {
            out.push(("region", self.region.as_str()));
        }
        if aws::DOC_ACCOUNT_IDS.contains(&self.account.as_str()) {
            out.push(("account id", self.account.as_str()));
        }
        if let AwsResource::Function { name, .. } = &self.resource {
            if aws::DOC_FUNCTION_NAMES.contains(&name.as_str()) || looks_like_placeholder(name) {
                out.push(("function name", name.as_str()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> String {
        s.parse::<AwsArn>().unwrap_err().to_string()
    }

    #[test]
    fn parses_every_kind() {
        for s in [
            "arn:aws:lambda:us-east-1:210987654321:function:orders",
            "arn:aws:lambda:us-east-1:210987654321:function:orders:$LATEST",
            "arn:aws:lambda:us-east-1:210987654321:function:orders:7",
            "arn:aws:lambda:us-east-1:210987654321:function:orders:live",
            "arn:aws-cn:lambda:cn-north-1:210987654321:function:orders",
            "arn:aws-us-gov:sqs:us-gov-west-1:210987654321:jobs",
            "arn:aws:sqs:eu-west-1:210987654321:jobs.fifo",
            "arn:aws:sns:eu-west-1:210987654321:alerts",
            "arn:aws:events:eu-west-1:210987654321:event-bus/default",
            "arn:aws:events:eu-west-1:210987654321:event-bus/aws.partner/example.com/123/orders",
            "arn:aws:s3:::async-failures.example",
        ] {
            let arn: AwsArn = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(arn.to_string(), s);
        }
    }

    #[test]
    fn says_which_part_is_wrong() {
        assert_eq!(err("arn:aws:lambda:us-east-1:xxx:function:f"), "account id `xxx` is a placeholder, not 12 digits");
        assert_eq!(err("arn:aws:lambda:us-east-1:1234:function:f"), "account id `1234` is not 12 digits");
        assert_eq!(
            err("arn:aws:lambda:{region}:210987654321:function:f"),
            "region `{region}` is a placeholder, not a region id such as `us-east-1`"
        );
        assert_eq!(
            err("arn:aws:lambda:cn-north-1:210987654321:function:f"),
            "region `cn-north-1` is in partition `aws-cn`, not `aws`"
        );
        assert!(err("arn:azure:lambda:us-east-1:210987654321:function:f").starts_with("partition `azure`"));
        assert!(err("arn:aws:kinesis:us-east-1:210987654321:stream/s")
            .starts_with("service `kinesis` is not a destination service"));
        assert!(
            err("arn:aws:lambda:us-east-1:210987654321:orders").contains("expected `function:{name}[:{qualifier}]`")
        );
        assert!(err("arn:aws:lambda:us-east-1:210987654321:function:f:$latest").contains("spelled `$LATEST`"));
        assert!(err("arn:aws:lambda:us-east-1:210987654321:function:my.f").contains("function name `my.f`"));
        assert!(err("arn:aws:events:us-east-1:210987654321:bus/default").contains("expected `event-bus/{bus}`"));
        assert!(err("arn:aws:s3:us-east-1::bucket").contains("empty region and account"));
        assert!(err("arn:aws:s3:::Bucket").starts_with("bucket name `Bucket` may hold only"));
        assert!(err("acs:fc:cn-shanghai:1:functions/f").starts_with("an AWS ARN starts with `arn:`"));
        assert!(err("arn:aws:sqs").contains("six `:`-separated parts"));
        assert!(err(&format!("arn:aws:sqs:us-east-1:210987654321:{}", "q".repeat(400))).contains("at most 350"));
    }

    #[test]
    fn destinations_per_side() {
        let s3: AwsArn = "arn:aws:s3:::failures".parse().unwrap();
        assert!(s3.check_destination(false).is_ok());
        assert_eq!(
            s3.check_destination(true).unwrap_err().to_string(),
            "destination `arn:aws:s3:::failures` is an S3 bucket, which Lambda accepts only as `OnFailure`"
        );
        let fifo: AwsArn = "arn:aws:sqs:us-east-1:210987654321:jobs.fifo".parse().unwrap();
        assert!(fifo.check_destination(false).is_ok());
        assert_eq!(fifo.fifo_kind(), Some("SQS queue"));
        let topic: AwsArn = "arn:aws:sns:us-east-1:210987654321:alerts.fifo".parse().unwrap();
        assert_eq!(topic.fifo_kind(), Some("SNS topic"));
        assert_eq!(s3.fifo_kind(), None);
    }

    #[test]
    fn placeholders() {
        let arn: AwsArn = "arn:aws:lambda:us-east-1:123456789012:function:my-function".parse().unwrap();
        assert_eq!(arn.placeholders(), [("account id", "123456789012"), ("function name", "my-function")]);
        let arn: AwsArn = "arn:aws:lambda:us-east-1:210987654321:function:orders:$LATEST".parse().unwrap();
        assert!(arn.placeholders().is_empty());
    }
}
