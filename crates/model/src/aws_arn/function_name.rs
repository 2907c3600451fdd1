//! The forms a Lambda `FunctionName` may take, read as the model's pattern
//! reads them.
//!
//! Shape `NamespacedFunctionName` (generated into
//! [`crate::facts::sdk::AWS_LAMBDA_NAMESPACED_FUNCTION_NAME_PATTERN`]) is
//! `[arn:{partition}:lambda:][{region}:][{account}:][function:]{name}[:{qualifier}]`,
//! each bracket optional on its own. The documented forms (a name, a partial
//! ARN, a function ARN) have their own variants; every other combination the
//! pattern admits is [`LambdaFunctionName::Parts`]. Where the pattern admits
//! `.` in a name, [`aws::FUNCTION_NAME`] does not: no function can be named so
//! (neither `FunctionArn` nor CreateFunction's `FunctionName` admits it).

use super::{check_account, check_len, parse_function_tail, AwsArn, AwsArnError, AwsResource};
use crate::facts::{aws, looks_like_placeholder};
use crate::urn::Qualifier;
use std::fmt;
use std::str::FromStr;

/// What a `FunctionName` (path parameter of Put/Update/Get/List) holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LambdaFunctionName {
    /// `my-function[:{qualifier}]`
    Name { name: String, qualifier: Option<Qualifier> },
    /// `{account}:function:{name}[:{qualifier}]`
    PartialArn { account: String, name: String, qualifier: Option<Qualifier> },
    /// `arn:{partition}:lambda:{region}:{account}:function:{name}[:{qualifier}]`
    Arn(AwsArn),
    /// Any other combination the model's pattern admits, such as
    /// `{region}:{account}:function:{name}`.
    Parts(FunctionNameParts),
}

/// The parts of a `FunctionName` in a form other than the documented three.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionNameParts {
    /// The partition of an `arn:{partition}:lambda:` prefix (the pattern
    /// admits an empty one); `None` without the prefix.
    pub partition: Option<String>,
    /// `{region}:`, when written.
    pub region: Option<String>,
    /// `{account}:`, when written.
    pub account: Option<String>,
    /// Whether `function:` is written before the name.
    pub function_prefix: bool,
    /// The function's name.
    pub name: String,
    /// `:{qualifier}`, when written.
    pub qualifier: Option<Qualifier>,
}

impl LambdaFunctionName {
    /// The function's name.
    pub fn name(&self) -> &str {
        match self {
            LambdaFunctionName::Name { name, .. } | LambdaFunctionName::PartialArn { name, .. } => name,
            LambdaFunctionName::Parts(p) => &p.name,
            LambdaFunctionName::Arn(AwsArn { resource: AwsResource::Function { name, .. }, .. }) => name,
            LambdaFunctionName::Arn(_) => "",
        }
    }

    /// The qualifier the reference carries, if any.
    pub fn qualifier(&self) -> Option<&Qualifier> {
        match self {
            LambdaFunctionName::Name { qualifier, .. } | LambdaFunctionName::PartialArn { qualifier, .. } => {
                qualifier.as_ref()
            }
            LambdaFunctionName::Parts(p) => p.qualifier.as_ref(),
            LambdaFunctionName::Arn(AwsArn { resource: AwsResource::Function { qualifier, .. }, .. }) => {
                qualifier.as_ref()
            }
            LambdaFunctionName::Arn(_) => None,
        }
    }

    /// The region the reference states, if any.
    pub fn region(&self) -> Option<&str> {
        match self {
            LambdaFunctionName::Name { .. } | LambdaFunctionName::PartialArn { .. } => None,
            LambdaFunctionName::Parts(p) => p.region.as_deref(),
            LambdaFunctionName::Arn(a) => Some(&a.region),
        }
    }

    /// The account the reference states, if any.
    pub fn account(&self) -> Option<&str> {
        match self {
            LambdaFunctionName::Name { .. } => None,
            LambdaFunctionName::PartialArn { account, .. } => Some(account),
            LambdaFunctionName::Parts(p) => p.account.as_deref(),
            LambdaFunctionName::Arn(a) => Some(&a.account),
        }
    }

    /// Reads a `FunctionArn` (shape `FunctionArn`): a full function ARN whose
    /// qualifier is `$LATEST`, a version or an alias; `$LATEST.PUBLISHED` is
    /// admitted in requests only.
    pub fn parse_function_arn(text: &str) -> Result<AwsArn, AwsArnError> {
        // Read as an ARN, so the error names the part that is wrong.
        let arn: AwsArn = text.parse()?;
        match &arn.resource {
            AwsResource::Function { qualifier: Some(Qualifier::Version(q)), .. } if q == aws::LATEST_PUBLISHED => {
                Err(AwsArnError::Qualifier {
                    qualifier: q.clone(),
                    reason: format!(
                        "is admitted in a request's `{}` and `{}`, not in a `{}`",
                        aws::FUNCTION_NAME_KEY,
                        aws::QUALIFIER_KEY,
                        aws::FUNCTION_ARN_KEY
                    ),
                })
            }
            AwsResource::Function { .. } => Ok(arn),
            other => Err(AwsArnError::NotFunctionArn { arn: text.into(), kind: other.kind_name() }),
        }
    }
}

impl fmt::Display for LambdaFunctionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = |q: &Option<Qualifier>| q.as_ref().map(|q| format!(":{}", q.to_aws())).unwrap_or_default();
        match self {
            LambdaFunctionName::Name { name, qualifier } => write!(f, "{name}{}", q(qualifier)),
            LambdaFunctionName::PartialArn { account, name, qualifier } => {
                write!(f, "{account}:function:{name}{}", q(qualifier))
            }
            LambdaFunctionName::Arn(arn) => arn.fmt(f),
            LambdaFunctionName::Parts(p) => {
                if let Some(partition) = &p.partition {
                    write!(f, "arn:{partition}:lambda:")?;
                }
                for part in [&p.region, &p.account].into_iter().flatten() {
                    write!(f, "{part}:")?;
                }
                if p.function_prefix {
                    f.write_str("function:")?;
                }
                write!(f, "{}{}", p.name, q(&p.qualifier))
            }
        }
    }
}

/// The error for a segment left before the name that is no prefix part:
/// named as the part it was meant to be, when that can be told.
fn wrong_prefix(segment: &str, region_read: bool, whole: &str) -> AwsArnError {
    let digits = !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit());
    let region_like = segment.contains('-') && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if digits || (region_read && looks_like_placeholder(segment)) {
        AwsArnError::Account { account: segment.into() }
    } else if !region_read && (region_like || looks_like_placeholder(segment)) {
        AwsArnError::Region { region: segment.into() }
    } else {
        AwsArnError::FunctionName { found: whole.into() }
    }
}

impl FromStr for LambdaFunctionName {
    type Err = AwsArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        check_len(s, "function name or ARN", aws::FUNCTION_REFERENCE_MAX_LEN)?;
        let mut parts = FunctionNameParts {
            partition: None,
            region: None,
            account: None,
            function_prefix: false,
            name: String::new(),
            qualifier: None,
        };
        let mut rest = s;
        if let Some(arn) = s.strip_prefix("arn:") {
            let (partition, tail) = arn.split_once(':').ok_or(AwsArnError::Parts { found: s.split(':').count() })?;
            if !partition.is_empty() && !aws::is_partition_shaped(partition) {
                return Err(AwsArnError::Partition { partition: partition.into() });
            }
            // Another service's ARN is no function reference.
            rest = tail.strip_prefix("lambda:").ok_or_else(|| AwsArnError::FunctionName { found: s.into() })?;
            parts.partition = Some(partition.into());
        }
        // Read as the pattern does: each optional part in turn, when more follows it.
        let segments = crate::constraint::colon_parts(rest);
        let mut i = 0;
        if segments.len() - i > 1 && aws::is_region(segments[i]) {
            parts.region = Some(segments[i].into());
            i += 1;
        }
        if segments.len() - i > 1 && check_account(segments[i]).is_ok() {
            parts.account = Some(segments[i].into());
            i += 1;
        }
        if segments.len() - i > 1 && segments[i] == "function" {
            parts.function_prefix = true;
            i += 1;
        }
        if segments.len() - i > 2 {
            return Err(wrong_prefix(segments[i], parts.region.is_some(), s));
        }
        let tail = segments[i..].join(":");
        let (name, qualifier) = parse_function_tail(&tail)?;
        parts.name = name;
        parts.qualifier = qualifier;
        classify(parts, s)
    }
}

/// The documented form the parts make, else [`LambdaFunctionName::Parts`].
fn classify(p: FunctionNameParts, text: &str) -> Result<LambdaFunctionName, AwsArnError> {
    Ok(match (&p.partition, &p.region, &p.account, p.function_prefix) {
        (None, None, None, false) => LambdaFunctionName::Name { name: p.name, qualifier: p.qualifier },
        (None, None, Some(account), true) => {
            LambdaFunctionName::PartialArn { account: account.clone(), name: p.name, qualifier: p.qualifier }
        }
        // A full ARN: read again as one, so a region's partition is checked.
        (Some(partition), Some(_), Some(_), true) if !partition.is_empty() => {
            LambdaFunctionName::Arn(text.parse::<AwsArn>()?)
        }
        _ => LambdaFunctionName::Parts(p),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_name_forms() {
        for (s, name, qualified) in [
            ("my-function", "my-function", false),
            ("my-function:v1", "my-function", true),
            ("123456789012:function:my-function", "my-function", false),
            ("123456789012:function:my-function:$LATEST", "my-function", true),
            ("arn:aws:lambda:us-west-2:123456789012:function:my-function:3", "my-function", true),
            ("orders:$LATEST.PUBLISHED", "orders", true),
            ("us-east-1:123456789012:function:f", "f", false),
            ("us-east-1:function:f:live", "f", true),
            ("123456789012:f", "f", false),
            ("function:f", "f", false),
            ("arn:aws:lambda:f", "f", false),
            ("arn::lambda:us-east-1:123456789012:function:f", "f", false),
            ("arn:aws-eusc:lambda:eusc-de-east-1:123456789012:function:f", "f", false),
        ] {
            let f: LambdaFunctionName = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((f.to_string().as_str(), f.name(), f.qualifier().is_some()), (s, name, qualified));
        }
        let f: LambdaFunctionName = "us-east-1:123456789012:function:f".parse().unwrap();
        assert_eq!((f.region(), f.account()), (Some("us-east-1"), Some("123456789012")));
    }

    #[test]
    fn function_name_names_the_wrong_part() {
        for (s, expected) in [
            ("us-east-1:12345:function:f", "account id `12345` is not 12 digits"),
            ("us-east-9x:123456789012:function:f", "region `us-east-9x` is not a region id"),
            ("{region}:123456789012:function:f", "region `{region}` is a placeholder"),
            ("us-east-1:xxx:function:f", "account id `xxx` is a placeholder"),
            ("12345:function:f", "account id `12345` is not 12 digits"),
            ("a:b:c", "is not `[arn:{partition}:lambda:]"),
            ("arn:aws:sqs:us-east-1:123456789012:q", "is not `[arn:{partition}:lambda:]"),
            ("arn:azure:lambda:us-east-1:123456789012:function:f", "partition `azure`"),
            ("arn:aws:lambda:cn-north-1:123456789012:function:f", "region `cn-north-1` is in partition `aws-cn`"),
            ("us-east-1:123456789012:function:my.f", "function name `my.f`"),
            ("f:", "qualifier ``"),
            ("", "function name ``"),
        ] {
            let e = s.parse::<LambdaFunctionName>().unwrap_err().to_string();
            assert!(e.contains(expected), "{s}: {e}");
        }
    }

    #[test]
    fn function_arn_refuses_latest_published() {
        assert!(LambdaFunctionName::parse_function_arn("arn:aws:lambda:us-east-1:210987654321:function:f:7").is_ok());
        let e = LambdaFunctionName::parse_function_arn(
            "arn:aws:lambda:us-east-1:210987654321:function:f:$LATEST.PUBLISHED",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("qualifier `$LATEST.PUBLISHED` is admitted in a request's"), "{e}");
        assert!(LambdaFunctionName::parse_function_arn("123456789012:function:f").is_err());
        let e = LambdaFunctionName::parse_function_arn("arn:aws:lambda:us-east-1:210987654321:orders").unwrap_err();
        assert!(e.to_string().contains("expected `function:{name}[:{qualifier}]`"), "{e}");
    }
}
