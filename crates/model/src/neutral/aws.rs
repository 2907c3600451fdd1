//! `aws-lambda` <-> the neutral model: `FunctionName` / `FunctionArn` /
//! `Qualifier` as the function, Lambda, SQS, SNS, EventBridge and S3 ARNs as
//! typed destinations, `NextMarker` as the next-page token.
//!
//! Canonical form (what the round trip keeps exactly): a request names its
//! function in `FunctionName` without a qualifier suffix (as an ARN when region
//! and account are known, a partial ARN when only the account is, else the
//! name) and its qualifier in `Qualifier`; a config read back from the API
//! (with `LastModified`) names it in `FunctionArn`.

use super::*;
use crate::aws_arn::{AwsArn, AwsResource, FunctionNameParts, LambdaFunctionName};
use crate::document::{AwsConfig, AwsDestination, AwsDestinationConfig, AwsList, AwsTimestamp, Shape};
use crate::facts::aws::{self, SPEC};

const DESTINATION_CONFIG_KEY: &str = SPEC.keys.destination_config;

/// The `aws-lambda` codec.
pub(crate) const CODEC: Codec = Codec {
    to_neutral: |d| match d {
        Document::AwsLambda(Shape::Config(c)) => {
            let mut errors = Vec::new();
            let c = to_neutral(c, "", &mut errors);
            done(NeutralDocument::Config(c), errors)
        }
        Document::AwsLambda(Shape::List(l)) => {
            let mut errors = Vec::new();
            let mut unknown = Vec::new();
            unknown_at("", &l.unknown, &mut unknown);
            let list = ConfigList {
                items: items(&l.function_event_invoke_configs, SPEC.list.items, &mut errors, to_neutral),
                paging: Paging { next_token: l.next_marker.clone(), ..Default::default() },
                unknown,
            };
            done(NeutralDocument::List(list), errors)
        }
        other => Err(vec![super::alibaba::wrong_codec(other)]),
    },
    from_neutral: |doc| {
        let mut errors = Vec::new();
        let out = match doc {
            NeutralDocument::Config(c) => Shape::Config(from_neutral(c, "", &mut errors)),
            NeutralDocument::List(l) => {
                let mut list = AwsList {
                    function_event_invoke_configs: items(&l.items, SPEC.list.items, &mut errors, item_from_neutral),
                    next_marker: l.paging.next_token.clone(),
                    unknown: Map::new(),
                };
                restore(&mut list.unknown, &l.unknown, "");
                Shape::List(list)
            }
        };
        done(Document::AwsLambda(out), errors)
    },
    write_destination: |d| write_arn(d).map(|a| Value::String(a.to_string())),
    read_destination: |v| match v {
        Value::String(s) => s.parse::<AwsArn>().map(|a| destination_of(&a)).map_err(|e| e.to_string()),
        _ => Err("a Lambda destination is an ARN string".into()),
    },
    destination_key: |d| write_arn(d).map(|a| a.to_string()).unwrap_or_else(|_| d.name.clone()),
    kind_name: |d| write_arn(d).map(|a| a.resource.kind_name()).unwrap_or("resource"),
    read_key: |k| {
        k.starts_with("arn:").then(|| k.parse::<AwsArn>().map(|a| destination_of(&a)).map_err(|e| e.to_string()))
    },
    qualifier_text: Qualifier::to_aws,
    read_qualifier: |q| Qualifier::from_aws(q).unwrap_or_else(|_| Qualifier::Alias(q.into())),
    check_qualifier: |q| Qualifier::from_aws(&q.to_aws()).map(drop).map_err(|e| e.to_string()),
    example: "\"arn:aws:sqs:{region}:{account}:{queue}\"",
    function_identifier: ("a Lambda function ARN (`arn:aws:lambda:...`)", read_function),
    read_function: |map| {
        let name = aws::CONFIG_IDENTITY_KEYS.iter().find_map(|k| str_at(map, k)?.parse::<LambdaFunctionName>().ok())?;
        let mut f = function_of(&name);
        if f.qualifier.is_none() {
            f.qualifier = str_at(map, aws::QUALIFIER_KEY).and_then(|q| Qualifier::from_aws(q).ok());
        }
        Some(f)
    },
};

/// Reads a Lambda function ARN as `--function` takes it (`None`: not an AWS ARN).
pub(crate) fn read_function(text: &str) -> Option<Result<FunctionRef, String>> {
    if !text.starts_with("arn:") {
        return None;
    }
    Some(match text.parse::<LambdaFunctionName>() {
        Ok(f @ LambdaFunctionName::Arn(_)) => Ok(function_of(&f)),
        Ok(_) => Err(format!("`{text}` is no Lambda function ARN")),
        Err(e) => Err(format!("`{text}` is no valid Lambda function ARN: {e}")),
    })
}

/// The function a `FunctionName` or `FunctionArn` names.
pub fn function_of(f: &LambdaFunctionName) -> FunctionRef {
    FunctionRef {
        region: f.region().map(str::to_string),
        account: f.account().map(str::to_string),
        name: Some(f.name().to_string()),
        qualifier: f.qualifier().cloned(),
        ..FunctionRef::new(Provider::Aws)
    }
}

/// A function's `FunctionName` as fully as it is known, without a qualifier.
pub fn function_name(f: &FunctionRef) -> Option<LambdaFunctionName> {
    let name = f.name.clone()?;
    Some(match (&f.region, &f.account) {
        (Some(region), Some(account)) => LambdaFunctionName::Arn(AwsArn {
            partition: aws::partition_of(region).into(),
            region: region.clone(),
            account: account.clone(),
            resource: AwsResource::Function { name, qualifier: None },
        }),
        (None, Some(account)) => LambdaFunctionName::PartialArn { account: account.clone(), name, qualifier: None },
        // A region without an account (`{region}:function:{name}`) is kept as written.
        (Some(region), None) => LambdaFunctionName::Parts(FunctionNameParts {
            partition: None,
            region: Some(region.clone()),
            account: None,
            function_prefix: true,
            name,
            qualifier: None,
        }),
        _ => LambdaFunctionName::Name { name, qualifier: None },
    })
}

/// The typed destination a Lambda destination ARN names.
pub fn destination_of(arn: &AwsArn) -> Destination {
    let some = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let (kind, name, qualifier) = match &arn.resource {
        AwsResource::Function { name, qualifier } => (TargetKind::Function, name, qualifier.clone()),
        AwsResource::SqsQueue { queue } => (TargetKind::Queue, queue, None),
        AwsResource::SnsTopic { topic } => (TargetKind::Topic, topic, None),
        AwsResource::EventBus { bus } => (TargetKind::EventBus, bus, None),
        AwsResource::S3Bucket { bucket } => (TargetKind::ObjectStorage, bucket, None),
    };
    let mut d = Destination {
        region: some(&arn.region),
        account: some(&arn.account),
        qualifier,
        ..Destination::new(kind, Provider::Aws, name.clone())
    };
    if arn.partition != default_partition(&arn.region) {
        d.settings.push((PARTITION.into(), Value::String(arn.partition.clone())));
    }
    d
}

/// The setting that keeps a partition its region does not imply (an S3
/// bucket has no region: `arn:aws-cn:s3:::bucket`).
const PARTITION: &str = "partition";

fn default_partition(region: &str) -> &'static str {
    if region.is_empty() {
        aws::PARTITIONS[0]
    } else {
        aws::partition_of(region)
    }
}

/// The Lambda destination ARN of a destination (partition from its region).
pub(crate) fn write_arn(d: &Destination) -> Result<AwsArn, String> {
    if d.provider != Provider::Aws {
        return Err(format!("a {} {} has no AWS ARN", d.provider.service_name(), d.kind.noun()));
    }
    let name = d.name.clone();
    let resource = match d.kind {
        TargetKind::Function => AwsResource::Function { name, qualifier: d.qualifier.clone() },
        TargetKind::Queue => AwsResource::SqsQueue { queue: name },
        TargetKind::Topic => AwsResource::SnsTopic { topic: name },
        TargetKind::EventBus => AwsResource::EventBus { bus: name },
        TargetKind::ObjectStorage => AwsResource::S3Bucket { bucket: name },
        other => return Err(format!("Lambda has no {} destination", other.noun())),
    };
    let region = d.region.clone().unwrap_or_default();
    let partition = match d.settings.iter().find(|(k, _)| k == PARTITION) {
        Some((_, Value::String(p))) => p.clone(),
        _ => default_partition(&region).into(),
    };
    Ok(AwsArn { partition, region, account: d.account.clone().unwrap_or_default(), resource })
}

fn to_neutral(c: &AwsConfig, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig {
        max_event_age: c.maximum_event_age_in_seconds,
        max_retry_attempts: c.maximum_retry_attempts,
        ..Default::default()
    };
    let mut function: Option<FunctionRef> = None;
    for (key, text) in [(aws::FUNCTION_ARN_KEY, &c.function_arn), (aws::FUNCTION_NAME_KEY, &c.function_name)] {
        let Some(text) = text else { continue };
        let parsed = if key == aws::FUNCTION_ARN_KEY {
            LambdaFunctionName::parse_function_arn(text).map(LambdaFunctionName::Arn)
        } else {
            text.parse::<LambdaFunctionName>()
        };
        let parsed = match parsed {
            Ok(f) => f,
            Err(e) => {
                errors.push(err(format!("{p}/{key}"), e.to_string()));
                continue;
            }
        };
        let f = function_of(&parsed);
        match &function {
            Some(g) if g.name != f.name => errors.push(err(
                format!("{p}/{key}"),
                format!("`{key}` names another function than `{}`", aws::FUNCTION_ARN_KEY),
            )),
            Some(_) => {}
            None => function = Some(f),
        }
    }
    if let Some(q) = &c.qualifier {
        match Qualifier::from_aws(q) {
            Ok(q) => {
                let f = function.get_or_insert_with(|| FunctionRef::new(Provider::Aws));
                match &f.qualifier {
                    Some(had) if *had != q => errors.push(err(
                        format!("{p}/{}", aws::QUALIFIER_KEY),
                        format!("`{}` differs from the qualifier the function reference carries", aws::QUALIFIER_KEY),
                    )),
                    _ => f.qualifier = Some(q),
                }
            }
            Err(e) => errors.push(err(format!("{p}/{}", aws::QUALIFIER_KEY), e.to_string())),
        }
    }
    cfg.function = function;
    cfg.extensions.last_modified = c.last_modified.as_ref().and_then(|t| serde_json::to_value(t).ok());
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    let Some(dc) = &c.destination_config else { return cfg };
    unknown_at(&format!("/{DESTINATION_CONFIG_KEY}"), &dc.unknown, &mut cfg.extensions.unknown);
    for (key, dest, slot, on_success) in [
        (SPEC.keys.on_success, &dc.on_success, &mut cfg.on_success, true),
        (SPEC.keys.on_failure, &dc.on_failure, &mut cfg.on_failure, false),
    ] {
        let Some(d) = dest else { continue };
        unknown_at(&format!("/{DESTINATION_CONFIG_KEY}/{key}"), &d.unknown, &mut cfg.extensions.unknown);
        // An empty `Destination` is what the API's pattern admits for none.
        if let Some(text) = d.destination.as_deref().filter(|t| !t.is_empty()) {
            match text.parse::<AwsArn>().and_then(|arn| arn.check_destination(on_success).map(|()| arn)) {
                Ok(arn) => *slot = Some(destination_of(&arn)),
                Err(e) => errors
                    .push(err(format!("{p}/{DESTINATION_CONFIG_KEY}/{key}/{}", aws::DESTINATION_KEY), e.to_string())),
            }
        }
    }
    cfg
}

impl Side for AwsDestination {
    fn unknown(&mut self) -> &mut Map<String, Value> {
        &mut self.unknown
    }
}

/// A List item (`FunctionEventInvokeConfig`): the function only as `FunctionArn`.
fn item_from_neutral(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> AwsConfig {
    config_from_neutral(c, p, true, errors)
}

fn from_neutral(c: &AsyncInvokeConfig, p: &str, errors: &mut Vec<DocumentError>) -> AwsConfig {
    config_from_neutral(c, p, false, errors)
}

fn config_from_neutral(c: &AsyncInvokeConfig, p: &str, item: bool, errors: &mut Vec<DocumentError>) -> AwsConfig {
    let last_modified =
        c.extensions.last_modified.as_ref().and_then(|v| serde_json::from_value::<AwsTimestamp>(v.clone()).ok());
    let mut out = AwsConfig { last_modified, ..Default::default() };
    if let Some(f) = &c.function {
        match (function_name(f), out.last_modified.is_some() || item) {
            (Some(LambdaFunctionName::Arn(mut arn)), true) => {
                if let AwsResource::Function { qualifier, .. } = &mut arn.resource {
                    *qualifier = f.qualifier.clone();
                }
                out.function_arn = Some(arn.to_string());
            }
            (_, true) if item => errors.push(err(
                format!("{p}/{}", aws::FUNCTION_ARN_KEY),
                "a List item names its function only by `FunctionArn`, which needs the region and the account",
            )),
            (name, _) => {
                out.function_name = name.map(|n| n.to_string());
                out.qualifier = f.qualifier.as_ref().map(Qualifier::to_aws);
            }
        }
    }
    out.maximum_retry_attempts = c.max_retry_attempts;
    out.maximum_event_age_in_seconds = c.max_event_age;
    let keys = (DESTINATION_CONFIG_KEY, [SPEC.keys.on_success, SPEC.keys.on_failure]);
    out.destination_config = write_sides(c, p, keys, errors, |d, side: &mut AwsDestination| {
        side.destination = Some(write_arn(d)?.to_string());
        Ok(())
    })
    .map(|([on_success, on_failure], unknown)| AwsDestinationConfig { on_success, on_failure, unknown });
    restore(&mut out.unknown, &c.extensions.unknown, "");
    out
}
