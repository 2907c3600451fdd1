//! Alibaba Cloud resource names: `acs:{service}:{region}:{account}:{resource}`.
//!
//! Shapes from `shared/reference/providers.md` ("Alibaba ARNs"). An empty
//! region or account (`acs:fc:::services/...`, Serverless Devs) means "the
//! function's own" and is kept as empty.

use crate::facts::{alibaba, is_region_shaped, looks_like_placeholder, NameError};
use std::fmt;
use std::str::FromStr;

/// A destination or function ARN of Alibaba Cloud.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AcsArn {
    /// Region id, or empty for "the function's own region".
    pub region: String,
    /// Account id (uid), or empty for "the function's own account".
    pub account: String,
    /// What the ARN names.
    pub resource: AcsResource,
}

/// The resource part of an [`AcsArn`], by kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AcsResource {
    /// `services/{service}[.{qualifier}]/functions/{function}` (FC 2.0).
    Fc2Function { service: String, qualifier: Option<String>, function: String },
    /// `functions/{function}[/{qualifier}]` (FC 3.0; the qualified form is unconfirmed).
    Fc3Function { function: String, qualifier: Option<String> },
    /// `/queues/{queue}/messages` (MNS / Simple Message Queue).
    MnsQueue { queue: String },
    /// `/topics/{topic}/messages` (MNS topic).
    MnsTopic { topic: String },
    /// `eventbus/{bus}` (EventBridge).
    EventBus { bus: String },
    /// `/instances/{instance}/topic/{topic}` (ApsaraMQ for RocketMQ 4.x).
    RocketMqTopic { instance: String, topic: String },
}

impl AcsResource {
    /// The ARN's service segment for this kind.
    pub fn service(&self) -> &'static str {
        match self {
            AcsResource::Fc2Function { .. } | AcsResource::Fc3Function { .. } => "fc",
            AcsResource::MnsQueue { .. } | AcsResource::MnsTopic { .. } => "mns",
            AcsResource::EventBus { .. } => "eventbridge",
            AcsResource::RocketMqTopic { .. } => "mq",
        }
    }

    /// What the resource is, in the provider's words.
    pub fn kind_name(&self) -> &'static str {
        match self {
            AcsResource::Fc2Function { .. } => "FC 2.0 function",
            AcsResource::Fc3Function { .. } => "FC 3.0 function",
            AcsResource::MnsQueue { .. } => "MNS queue",
            AcsResource::MnsTopic { .. } => "MNS topic",
            AcsResource::EventBus { .. } => "EventBridge event bus",
            AcsResource::RocketMqTopic { .. } => "RocketMQ topic",
        }
    }
}

impl fmt::Display for AcsResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcsResource::Fc2Function { service, qualifier: Some(q), function } => {
                write!(f, "services/{service}.{q}/functions/{function}")
            }
            AcsResource::Fc2Function { service, qualifier: None, function } => {
                write!(f, "services/{service}/functions/{function}")
            }
            AcsResource::Fc3Function { function, qualifier: Some(q) } => write!(f, "functions/{function}/{q}"),
            AcsResource::Fc3Function { function, qualifier: None } => write!(f, "functions/{function}"),
            AcsResource::MnsQueue { queue } => write!(f, "/queues/{queue}/messages"),
            AcsResource::MnsTopic { topic } => write!(f, "/topics/{topic}/messages"),
            AcsResource::EventBus { bus } => write!(f, "eventbus/{bus}"),
            AcsResource::RocketMqTopic { instance, topic } => write!(f, "/instances/{instance}/topic/{topic}"),
        }
    }
}

impl fmt::Display for AcsArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "acs:{}:{}:{}:{}", self.resource.service(), self.region, self.account, self.resource)
    }
}

/// Which part of an ARN is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArnError {
    /// Not starting with `acs:`.
    Prefix { found: String },
    /// Fewer than the five `:`-separated parts.
    Parts { found: usize },
    /// A service segment that names no destination kind.
    Service { service: String },
    /// A region that is not a region id.
    Region { region: String },
    /// An account that is not digits.
    Account { account: String },
    /// A resource that does not have its service's shape.
    Resource { service: String, resource: String, expected: &'static str },
    /// A qualifier that is neither `LATEST`, a version number nor an alias.
    Qualifier { qualifier: String, reason: String },
    /// A name breaking its rule.
    Name(NameError),
}

impl fmt::Display for ArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArnError::Prefix { found } => write!(f, "an ARN starts with `acs:`, found `{found}`"),
            ArnError::Parts { found } => write!(
                f,
                "an ARN has five `:`-separated parts `acs:{{service}}:{{region}}:{{account}}:{{resource}}`, found {found}"
            ),
            ArnError::Service { service } => write!(
                f,
                "service `{service}` is not a destination service; expected `fc`, `mns`, `eventbridge` or `mq`"
            ),
            ArnError::Region { region } if looks_like_placeholder(region) => {
                write!(f, "region `{region}` is a placeholder, not a region id such as `cn-shanghai`")
            }
            ArnError::Region { region } => {
                write!(f, "region `{region}` is not a region id such as `cn-shanghai`")
            }
            ArnError::Account { account } if looks_like_placeholder(account) => write!(
                f,
                "account id `{account}` is a placeholder, not {} digits",
                alibaba::ACCOUNT_ID_DIGITS
            ),
            ArnError::Account { account } => {
                write!(f, "account id `{account}` is not {} digits", alibaba::ACCOUNT_ID_DIGITS)
            }
            ArnError::Resource { service, resource, expected } => {
                write!(f, "resource `{resource}` of service `{service}` is malformed: expected `{expected}` after the account")
            }
            ArnError::Qualifier { qualifier, reason } => write!(f, "qualifier `{qualifier}` {reason}"),
            ArnError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ArnError {}

impl From<NameError> for ArnError {
    fn from(e: NameError) -> Self {
        ArnError::Name(e)
    }
}

const FC_SHAPES: &str = "services/{service}[.{qualifier}]/functions/{function}` or `functions/{function}";

/// Checks an FC qualifier: `LATEST`, a version number, or an alias name.
pub fn check_fc_qualifier(q: &str) -> Result<(), ArnError> {
    if q == alibaba::LATEST || (!q.is_empty() && q.bytes().all(|b| b.is_ascii_digit())) {
        return Ok(());
    }
    if q.eq_ignore_ascii_case(alibaba::LATEST) {
        return Err(ArnError::Qualifier {
            qualifier: q.into(),
            reason: "is spelled `LATEST` in Function Compute".into(),
        });
    }
    alibaba::ALIAS_NAME.check(q).map_err(|e| ArnError::Qualifier {
        qualifier: q.into(),
        reason: format!("is not `LATEST`, a version number or an alias: {e}"),
    })
}

fn parse_fc(resource: &str) -> Result<AcsResource, ArnError> {
    let bad = || ArnError::Resource { service: "fc".into(), resource: resource.into(), expected: FC_SHAPES };
    if let Some(rest) = resource.strip_prefix("services/") {
        let (svc_part, function) = split_at_text(rest, "/functions/").ok_or_else(bad)?;
        let (service, qualifier) = match svc_part.split_once('.') {
            Some((s, q)) => (s, Some(q)),
            None => (svc_part, None),
        };
        alibaba::SERVICE_NAME.check(service)?;
        alibaba::FUNCTION_NAME.check(function)?;
        if let Some(q) = qualifier {
            check_fc_qualifier(q)?;
        }
        Ok(AcsResource::Fc2Function {
            service: service.into(),
            qualifier: qualifier.map(String::from),
            function: function.into(),
        })
    } else if let Some(rest) = resource.strip_prefix("functions/") {
        let (function, qualifier) = match rest.split_once('/') {
            Some((f, q)) => (f, Some(q)),
            None => (rest, None),
        };
        alibaba::FUNCTION_NAME.check(function)?;
        if let Some(q) = qualifier {
            check_fc_qualifier(q)?;
        }
        Ok(AcsResource::Fc3Function { function: function.into(), qualifier: qualifier.map(String::from) })
    } else {
        Err(bad())
    }
}

/// `text` split around the first `separator`: `str::split_once` without the
/// searcher's set-up, which costs more than the search in a short ARN.
fn split_at_text<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = text.as_bytes().windows(separator.len()).position(|w| w == separator.as_bytes())?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

fn middle<'a>(resource: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    resource.strip_prefix(prefix)?.strip_suffix(suffix).filter(|m| !m.is_empty() && !m.contains('/'))
}

fn parse_resource(service: &str, resource: &str) -> Result<AcsResource, ArnError> {
    let err = |expected| ArnError::Resource { service: service.into(), resource: resource.into(), expected };
    match service {
        "fc" => parse_fc(resource),
        "mns" => {
            if let Some(queue) = middle(resource, "/queues/", "/messages") {
                alibaba::RESOURCE_NAME.check(queue)?;
                Ok(AcsResource::MnsQueue { queue: queue.into() })
            } else if let Some(topic) = middle(resource, "/topics/", "/messages") {
                alibaba::RESOURCE_NAME.check(topic)?;
                Ok(AcsResource::MnsTopic { topic: topic.into() })
            } else {
                Err(err("/queues/{queue}/messages` or `/topics/{topic}/messages"))
            }
        }
        "eventbridge" => {
            let bus = resource
                .strip_prefix("eventbus/")
                .filter(|b| !b.is_empty() && !b.contains('/'))
                .ok_or_else(|| err("eventbus/{bus}"))?;
            alibaba::RESOURCE_NAME.check(bus)?;
            Ok(AcsResource::EventBus { bus: bus.into() })
        }
        "mq" => {
            let expected = "/instances/{instance}/topic/{topic}";
            let rest = resource.strip_prefix("/instances/").ok_or_else(|| err(expected))?;
            let (instance, topic) = split_at_text(rest, "/topic/").ok_or_else(|| err(expected))?;
            if instance.contains('/') || topic.contains('/') {
                return Err(err(expected));
            }
            alibaba::RESOURCE_NAME.check(instance)?;
            alibaba::RESOURCE_NAME.check(topic)?;
            Ok(AcsResource::RocketMqTopic { instance: instance.into(), topic: topic.into() })
        }
        other => Err(ArnError::Service { service: other.into() }),
    }
}

impl FromStr for AcsArn {
    type Err = ArnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let rest = s.strip_prefix("acs:").ok_or_else(|| ArnError::Prefix { found: s.chars().take(24).collect() })?;
        let mut parts = rest.splitn(4, ':');
        let service = parts.next().unwrap_or_default();
        let (Some(region), Some(account), Some(resource)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ArnError::Parts { found: s.split(':').count() });
        };
        if !region.is_empty() && !is_region_shaped(region) {
            return Err(ArnError::Region { region: region.into() });
        }
        if !account.is_empty() && !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ArnError::Account { account: account.into() });
        }
        let resource = parse_resource(service, resource)?;
        Ok(AcsArn { region: region.into(), account: account.into(), resource })
    }
}

impl AcsArn {
    /// True when region or account is left for the function's own (`acs:fc:::...`).
    pub fn is_relative(&self) -> bool {
        self.region.is_empty() || self.account.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> String {
        s.parse::<AcsArn>().unwrap_err().to_string()
    }

    #[test]
    fn parses_every_kind() {
        for s in [
            "acs:fc:cn-shanghai:1234567890123456:services/s1/functions/f1",
            "acs:fc:cn-shanghai:1234567890123456:services/s1.LATEST/functions/f1",
            "acs:fc:cn-shanghai:1234567890123456:services/s1.prod/functions/f1",
            "acs:fc:cn-shanghai:1234567890123456:services/s1.3/functions/f1",
            "acs:fc:::services/Puppeteer/functions/HtmlToPng",
            "acs:fc:eu-central-1:1234567890123456:functions/f1",
            "acs:fc:cn-hangzhou::functions/f1/prod",
            "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages",
            "acs:mns:cn-shanghai:1234567890123456:/topics/jobs/messages",
            "acs:eventbridge:cn-hangzhou:1234567890123456:eventbus/default",
            "acs:mq:cn-shanghai:1234567890123456:/instances/MQ_INST_1_BYWs/topic/testTopic",
        ] {
            let arn: AcsArn = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(arn.to_string(), s);
        }
    }

    #[test]
    fn says_which_part_is_wrong() {
        assert_eq!(
            err("acs:fc:cn-shanghai:xxx:services/s1/functions/f1"),
            "account id `xxx` is a placeholder, not 16 digits"
        );
        assert_eq!(err("acs:fc:cn-shanghai:12ab:services/s1/functions/f1"), "account id `12ab` is not 16 digits");
        assert_eq!(
            err("acs:fc:cn-shanghai:1234567890123456:service/s1/functions/f1"),
            "resource `service/s1/functions/f1` of service `fc` is malformed: expected `services/{service}[.{qualifier}]/functions/{function}` or `functions/{function}` after the account"
        );
        assert_eq!(err("arn:aws:lambda"), "an ARN starts with `acs:`, found `arn:aws:lambda`");
        assert!(err("acs:fc:cn-shanghai").contains("five `:`-separated parts"));
        assert!(err("acs:oss:cn-shanghai:1:bucket").contains("service `oss` is not a destination service"));
        assert!(err("acs:fc:{region}:1:functions/f").contains("placeholder"));
        assert!(err("acs:fc:cn-shanghai:1:functions/9f").contains("function name `9f`"));
        assert!(err("acs:fc:cn-shanghai:1:services/s.latest/functions/f").contains("spelled `LATEST`"));
        assert!(err(&format!("acs:fc:cn-shanghai:1:functions/{}", ":".repeat(5000))).contains("function name"));
    }
}
