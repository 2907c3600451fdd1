//! proptest strategies for identifiers and typed documents, built from the
//! name rules in `facts` so generated values obey exactly what the model says.
#![allow(dead_code)]

use invokecfg_model::document::*;
use invokecfg_model::facts::{alibaba, aws, huawei, tencent, NameRule};
use invokecfg_model::*;
use proptest::prelude::*;
use proptest::string::string_regex;

pub fn name(rule: NameRule) -> BoxedStrategy<String> {
    let p = rule.pattern();
    let body = p.trim_start_matches('^').trim_end_matches('$').to_string();
    string_regex(&body).expect("name pattern is a valid regex").boxed()
}

pub fn region(regions: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        3 => proptest::sample::select(regions).prop_map(String::from),
        1 => string_regex("[a-z]{2}(-[a-z0-9]{1,8}){1,2}").expect("regex"),
    ]
    .boxed()
}

pub fn account() -> BoxedStrategy<String> {
    prop_oneof![4 => string_regex("[0-9]{16}").expect("regex"), 1 => string_regex("[0-9]{1,20}").expect("regex")]
        .boxed()
}

pub fn project_id() -> BoxedStrategy<String> {
    string_regex("[0-9a-f]{32}").expect("regex").boxed()
}

pub fn fc_qualifier() -> BoxedStrategy<String> {
    prop_oneof![
        Just("LATEST".to_string()),
        string_regex("[1-9][0-9]{0,3}").expect("regex"),
        name(alibaba::ALIAS_NAME).prop_filter("alias is not LATEST", |a| !a.eq_ignore_ascii_case("latest")),
    ]
    .boxed()
}

fn resource_name() -> BoxedStrategy<String> {
    string_regex("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,30}").expect("regex").boxed()
}

pub fn acs_resource() -> BoxedStrategy<AcsResource> {
    prop_oneof![
        (name(alibaba::SERVICE_NAME), proptest::option::of(fc_qualifier()), name(alibaba::FUNCTION_NAME))
            .prop_map(|(service, qualifier, function)| AcsResource::Fc2Function { service, qualifier, function }),
        (name(alibaba::FUNCTION_NAME), proptest::option::of(fc_qualifier()))
            .prop_map(|(function, qualifier)| AcsResource::Fc3Function { function, qualifier }),
        resource_name().prop_map(|queue| AcsResource::MnsQueue { queue }),
        resource_name().prop_map(|topic| AcsResource::MnsTopic { topic }),
        resource_name().prop_map(|bus| AcsResource::EventBus { bus }),
        (resource_name(), resource_name()).prop_map(|(instance, topic)| AcsResource::RocketMqTopic { instance, topic }),
    ]
    .boxed()
}

pub fn acs_arn() -> BoxedStrategy<AcsArn> {
    (
        prop_oneof![4 => region(alibaba::REGIONS), 1 => Just(String::new())],
        prop_oneof![4 => account(), 1 => Just(String::new())],
        acs_resource(),
    )
        .prop_map(|(region, account, resource)| AcsArn { region, account, resource })
        .boxed()
}

pub fn huawei_qualifier() -> BoxedStrategy<Qualifier> {
    prop_oneof![
        Just(Qualifier::Latest),
        name(huawei::VERSION_NAME).prop_filter("not latest", |v| v != "latest").prop_map(Qualifier::Version),
        name(huawei::ALIAS_NAME).prop_map(Qualifier::Alias),
    ]
    .boxed()
}

pub fn function_urn() -> BoxedStrategy<FunctionUrn> {
    (
        region(huawei::REGIONS),
        project_id(),
        prop_oneof![3 => Just("default".to_string()), 1 => name(huawei::PACKAGE_NAME)],
        name(huawei::FUNCTION_NAME),
        proptest::option::of(huawei_qualifier()),
    )
        .prop_map(|(region, project_id, package, function, qualifier)| FunctionUrn {
            region,
            project_id,
            package,
            function,
            qualifier,
        })
        .boxed()
}

pub fn smn_topic_urn() -> BoxedStrategy<SmnTopicUrn> {
    (region(huawei::REGIONS), project_id(), name(huawei::TOPIC_NAME))
        .prop_map(|(region, project_id, topic)| SmnTopicUrn { region, project_id, topic })
        .boxed()
}

pub fn destination_param() -> BoxedStrategy<DestinationParam> {
    prop_oneof![
        (
            string_regex("[a-z0-9][a-z0-9.-]{2,20}").expect("regex"),
            proptest::option::of(string_regex("/?[a-z]{0,10}").expect("regex")),
            proptest::option::of(0i64..=365),
        )
            .prop_map(|(bucket, prefix, expires)| DestinationParam::Obs(ObsParam {
                bucket,
                prefix,
                expires,
                unknown: Default::default()
            })),
        smn_topic_urn()
            .prop_map(|topic_urn| DestinationParam::Smn(SmnParam { topic_urn, unknown: Default::default() })),
        string_regex("[a-z][a-z0-9_-]{0,20}")
            .expect("regex")
            .prop_map(|stream_name| DestinationParam::Dis(DisParam { stream_name, unknown: Default::default() })),
        function_urn().prop_map(|func_urn| DestinationParam::FunctionGraph(FunctionGraphParam {
            func_urn,
            unknown: Default::default()
        })),
    ]
    .boxed()
}

fn timestamp() -> BoxedStrategy<String> {
    string_regex("20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z").expect("regex").boxed()
}

fn alibaba_destination_config() -> BoxedStrategy<Option<AlibabaDestinationConfig>> {
    (proptest::option::of(acs_arn()), proptest::option::of(acs_arn()))
        .prop_map(|(s, f)| {
            if s.is_none() && f.is_none() {
                return None;
            }
            let d = |a: Option<AcsArn>| {
                a.map(|a| AlibabaDestination { destination: Some(a.to_string()), unknown: Default::default() })
            };
            Some(AlibabaDestinationConfig { on_success: d(s), on_failure: d(f), unknown: Default::default() })
        })
        .boxed()
}

/// Canonical FC 2.0 configs: in range, no legacy keys, no nulls.
pub fn fc2_config() -> BoxedStrategy<Fc2Config> {
    (
        (
            proptest::option::of(timestamp()),
            alibaba_destination_config(),
            proptest::option::of(name(alibaba::FUNCTION_NAME)),
        ),
        (
            proptest::option::of(alibaba::MAX_EVENT_AGE.min..=alibaba::MAX_EVENT_AGE.max),
            proptest::option::of(alibaba::RETRY_ATTEMPTS.min..=alibaba::RETRY_ATTEMPTS.max),
        ),
        (
            proptest::option::of(fc_qualifier()),
            proptest::option::of(name(alibaba::SERVICE_NAME)),
            proptest::option::of(any::<bool>()),
        ),
    )
        .prop_map(|((created, dc, function), (age, retries), (qualifier, service, stateful))| Fc2Config {
            last_modified_time: created.clone(),
            created_time: created,
            destination_config: dc,
            function,
            max_async_event_age_in_seconds: age,
            max_async_retry_attempts: retries,
            qualifier,
            service,
            stateful_invocation: stateful,
            ..Default::default()
        })
        .boxed()
}

/// Canonical FC 3.0 configs.
pub fn fc3_config() -> BoxedStrategy<Fc3Config> {
    (
        (proptest::option::of(any::<bool>()), proptest::option::of(timestamp()), alibaba_destination_config()),
        proptest::option::of((
            prop_oneof![3 => region(alibaba::REGIONS), 1 => Just(String::new())],
            prop_oneof![3 => account(), 1 => Just(String::new())],
            name(alibaba::FUNCTION_NAME),
        )),
        (
            proptest::option::of(alibaba::MAX_EVENT_AGE.min..=alibaba::MAX_EVENT_AGE.max),
            proptest::option::of(alibaba::RETRY_ATTEMPTS.min..=alibaba::RETRY_ATTEMPTS.max),
            proptest::option::of(fc_qualifier()),
        ),
    )
        .prop_map(|((task, created, dc), arn, (age, retries, qualifier))| Fc3Config {
            async_task: task,
            last_modified_time: created.clone(),
            created_time: created,
            destination_config: dc,
            function_arn: arn.map(|(region, account, function)| {
                AcsArn { region, account, resource: AcsResource::Fc3Function { function, qualifier: None } }.to_string()
            }),
            max_async_event_age_in_seconds: age,
            max_async_retry_attempts: retries,
            qualifier,
            ..Default::default()
        })
        .boxed()
}

fn huawei_destination() -> BoxedStrategy<Option<HuaweiDestination>> {
    proptest::option::of(destination_param().prop_map(|p| HuaweiDestination {
        destination: Some(p.kind().as_str().to_string()),
        param: Some(p.to_json_string()),
        unknown: Default::default(),
    }))
    .boxed()
}

/// Canonical FunctionGraph configs; requests keep the request ranges, responses any integer.
pub fn huawei_config() -> BoxedStrategy<HuaweiConfig> {
    (
        proptest::option::of(function_urn()),
        (huawei_destination(), huawei_destination()),
        proptest::option::of(timestamp()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(string_regex("[0-9a-f]{8}-[0-9a-f]{4}").expect("regex")),
        (any::<i64>(), any::<i64>(), proptest::option::of(Just(())), proptest::option::of(Just(()))),
    )
        .prop_map(|(urn, (s, f), created, log, group, (age, retries, has_age, has_retries))| {
            let response = urn.is_some() || created.is_some();
            let (age, retries) = if response {
                (age, retries)
            } else {
                (
                    huawei::MAX_EVENT_AGE.min + age.rem_euclid(huawei::MAX_EVENT_AGE.max),
                    retries.rem_euclid(huawei::RETRY_ATTEMPTS.max + 1),
                )
            };
            let dc = (s.is_some() || f.is_some()).then(|| HuaweiDestinationConfig {
                on_success: s,
                on_failure: f,
                unknown: Default::default(),
            });
            HuaweiConfig {
                func_urn: urn.map(|u| u.to_string()),
                max_async_event_age_in_seconds: has_age.map(|_| age),
                max_async_retry_attempts: has_retries.map(|_| retries),
                destination_config: dc,
                last_modified: created.clone(),
                created_time: created,
                enable_async_status_log: log,
                log_group_id: group.clone(),
                log_stream_name: group.map(|g| format!("stream-{g}")),
                ..Default::default()
            }
        })
        .boxed()
}

pub fn fc2_document() -> BoxedStrategy<Document> {
    prop_oneof![
        fc2_config().prop_map(|c| Document::AlibabaFc2(Shape::Config(c))),
        (
            proptest::collection::vec(fc2_config(), 0..4),
            proptest::option::of(string_regex("[A-Za-z0-9]{8}").expect("regex"))
        )
            .prop_map(|(configs, next_token)| Document::AlibabaFc2(Shape::List(AlibabaList {
                configs,
                next_token,
                unknown: Default::default()
            }))),
    ]
    .boxed()
}

pub fn fc3_document() -> BoxedStrategy<Document> {
    prop_oneof![
        fc3_config().prop_map(|c| Document::AlibabaFc3(Shape::Config(c))),
        proptest::collection::vec(fc3_config(), 0..4).prop_map(|configs| Document::AlibabaFc3(Shape::List(
            AlibabaList { configs, next_token: None, unknown: Default::default() }
        ))),
    ]
    .boxed()
}

pub fn huawei_document() -> BoxedStrategy<Document> {
    prop_oneof![
        huawei_config().prop_map(|c| Document::Huawei(Shape::Config(c))),
        (proptest::collection::vec(huawei_config(), 0..4), proptest::option::of(0i64..1000)).prop_map(
            |(items, marker)| {
                // List items are read back from the API: give each an identity.
                let n = items.len() as i64;
                Document::Huawei(Shape::List(HuaweiList {
                    async_invoke_configs: items
                        .into_iter()
                        .map(|mut c| {
                            c.func_urn.get_or_insert_with(|| {
                                "urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:latest".into()
                            });
                            c
                        })
                        .collect(),
                    count: Some(n),
                    page_info: marker.map(|m| PageInfo {
                        next_marker: Some(m),
                        previous_marker: Some(0),
                        current_count: Some(n),
                        unknown: Default::default(),
                    }),
                    unknown: Default::default(),
                }))
            }
        ),
    ]
    .boxed()
}

/// An SCF config: a request (one `RetryConfig` entry, in range) or, with
/// `RequestId`, a Get response. Bare: the envelope is transport, not config.
pub fn tencent_config() -> BoxedStrategy<TencentConfig> {
    let request_id = string_regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").expect("regex");
    (
        proptest::option::of(name(tencent::FUNCTION_NAME)),
        // Canonical: a stated namespace (omitted reads as `default`).
        name(tencent::NAMESPACE_NAME).prop_map(Some),
        // The API requires both members of `AsyncTriggerConfig`.
        proptest::option::of((
            tencent::MSG_TTL.min..=tencent::MSG_TTL.max,
            tencent::RETRY_NUM.min..=tencent::RETRY_NUM.max,
        )),
        proptest::option::of(request_id),
    )
        .prop_map(|(function_name, namespace, atc, request_id)| TencentConfig {
            function_name,
            namespace,
            async_trigger_config: atc.map(|(msg_ttl, retry)| TencentAsyncTriggerConfig {
                msg_ttl: Some(msg_ttl),
                retry_config: Some(vec![TencentRetryConfig { retry_num: Some(retry), ..Default::default() }]),
                ..Default::default()
            }),
            request_id,
            ..Default::default()
        })
        .boxed()
}

pub fn tencent_document() -> BoxedStrategy<Document> {
    tencent_config().prop_map(|config| Document::TencentScf(TencentDocument { config, enveloped: false })).boxed()
}

pub fn any_document() -> BoxedStrategy<Document> {
    prop_oneof![fc2_document(), fc3_document(), huawei_document(), aws_canonical_document(), tencent_document()].boxed()
}

// ------------------------------------------------------------- strategies

pub fn aws_qualifier() -> BoxedStrategy<Qualifier> {
    prop_oneof![
        Just(Qualifier::Latest),
        Just(Qualifier::Version(aws::LATEST_PUBLISHED.into())),
        string_regex("[1-9][0-9]{0,3}").expect("regex").prop_map(Qualifier::Version),
        name(aws::ALIAS_NAME)
            .prop_filter("all digits is a version", |a| !aws::is_version(a))
            .prop_map(Qualifier::Alias),
    ]
    .boxed()
}

pub fn aws_account() -> BoxedStrategy<String> {
    string_regex("[0-9]{12}").expect("regex").boxed()
}

/// A region with its partition: a listed one, or a region-shaped unknown one in `aws`.
pub fn aws_region() -> BoxedStrategy<(String, String)> {
    prop_oneof![
        3 => proptest::sample::select(aws::REGIONS).prop_map(|r| (aws::partition_of(r).to_string(), r.to_string())),
        1 => string_regex("[a-z]{2}-[a-z]{1,9}-[0-9]")
            .expect("regex")
            .prop_filter("not listed", |r| !aws::REGIONS.contains(&r.as_str()))
            .prop_map(|r| (aws::partition_of(&r).to_string(), r)),
    ]
    .boxed()
}

pub fn fifo(rule: NameRule) -> BoxedStrategy<String> {
    (name(rule), any::<bool>()).prop_map(|(n, f)| if f { format!("{n}{}", aws::FIFO_SUFFIX) } else { n }).boxed()
}

pub fn aws_function_arn() -> BoxedStrategy<AwsArn> {
    (aws_region(), aws_account(), name(aws::FUNCTION_NAME), proptest::option::of(aws_qualifier()))
        .prop_map(|((partition, region), account, name, qualifier)| AwsArn {
            partition,
            region,
            account,
            resource: AwsResource::Function { name, qualifier },
        })
        .boxed()
}

pub fn aws_arn() -> BoxedStrategy<AwsArn> {
    let regional = (
        aws_region(),
        aws_account(),
        prop_oneof![
            fifo(aws::QUEUE_NAME).prop_map(|queue| AwsResource::SqsQueue { queue }),
            fifo(aws::TOPIC_NAME).prop_map(|topic| AwsResource::SnsTopic { topic }),
            name(aws::EVENT_BUS_NAME).prop_map(|bus| AwsResource::EventBus { bus }),
        ],
    )
        .prop_map(|((partition, region), account, resource)| AwsArn { partition, region, account, resource });
    let bucket =
        (proptest::sample::select(aws::PARTITIONS), string_regex("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]").expect("regex"))
            .prop_map(|(partition, bucket)| AwsArn {
                partition: partition.into(),
                region: String::new(),
                account: String::new(),
                resource: AwsResource::S3Bucket { bucket },
            });
    prop_oneof![aws_function_arn(), regional, bucket].boxed()
}

/// A function name no optional part of `NamespacedFunctionName` could be
/// read as (the model's pattern reads `us-east-1:live` as a region and a name).
pub fn aws_unambiguous_function_name() -> BoxedStrategy<String> {
    name(aws::FUNCTION_NAME)
        .prop_filter("read as a prefix part", |n| {
            !aws::is_region(n) && n != "function" && !(n.len() == 12 && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .boxed()
}

/// A `FunctionArn`: no `$LATEST.PUBLISHED` (admitted in requests only).
pub fn aws_response_function_arn() -> BoxedStrategy<AwsArn> {
    aws_function_arn()
        .prop_filter("requests only", |a| {
            !matches!(&a.resource, AwsResource::Function { qualifier: Some(Qualifier::Version(q)), .. } if q == aws::LATEST_PUBLISHED)
        })
        .boxed()
}

/// Every form `NamespacedFunctionName` admits: the three documented ones and
/// the other combinations of its optional parts.
pub fn lambda_function_name() -> BoxedStrategy<LambdaFunctionName> {
    let parts = (
        prop_oneof![
            Just(None),
            Just(Some(String::new())),
            proptest::sample::select(aws::PARTITIONS).prop_map(|p| Some(p.to_string()))
        ],
        proptest::option::of(aws_region().prop_map(|(_, r)| r)),
        proptest::option::of(aws_account()),
        any::<bool>(),
        aws_unambiguous_function_name(),
        proptest::option::of(aws_qualifier()),
    )
        .prop_map(|(partition, region, account, function_prefix, name, qualifier)| FunctionNameParts {
            partition,
            region,
            account,
            function_prefix,
            name,
            qualifier,
        })
        .prop_filter("a documented form", |p| {
            let full_arn = p.partition.as_ref().is_some_and(|p| !p.is_empty())
                && p.region.is_some()
                && p.account.is_some()
                && p.function_prefix;
            let partial_arn = p.partition.is_none() && p.region.is_none() && p.account.is_some() && p.function_prefix;
            let name = p.partition.is_none() && p.region.is_none() && p.account.is_none() && !p.function_prefix;
            !(full_arn || partial_arn || name)
        })
        .prop_map(LambdaFunctionName::Parts);
    prop_oneof![3 => lambda_documented_function_name(), 1 => parts].boxed()
}

/// The three documented forms of `FunctionName`: a name, a partial ARN, a
/// function ARN, each optionally qualified.
pub fn lambda_documented_function_name() -> BoxedStrategy<LambdaFunctionName> {
    prop_oneof![
        (aws_unambiguous_function_name(), proptest::option::of(aws_qualifier()))
            .prop_map(|(name, qualifier)| LambdaFunctionName::Name { name, qualifier }),
        (aws_account(), aws_unambiguous_function_name(), proptest::option::of(aws_qualifier()))
            .prop_map(|(account, name, qualifier)| LambdaFunctionName::PartialArn { account, name, qualifier }),
        aws_function_arn().prop_map(LambdaFunctionName::Arn),
    ]
    .boxed()
}

/// Canonical `aws-lambda` configs (the round trip through the neutral model
/// keeps them exactly): a request names its function in `FunctionName`
/// without a qualifier suffix and its qualifier in `Qualifier`; a config read
/// back names it in `FunctionArn`, with `LastModified`.
pub fn aws_canonical_config() -> BoxedStrategy<AwsConfig> {
    aws_canonical(any::<bool>().boxed())
}

/// A List item: read back from the API, so named by `FunctionArn`.
pub fn aws_canonical_item() -> BoxedStrategy<AwsConfig> {
    aws_canonical(Just(true).boxed())
}

fn aws_canonical(response: BoxedStrategy<bool>) -> BoxedStrategy<AwsConfig> {
    let on_success = aws_arn().prop_filter("accepted on success", |a| a.check_destination(true).is_ok());
    let on_failure = aws_arn().prop_filter("accepted on failure", |a| a.check_destination(false).is_ok());
    let dest =
        |a: Option<AwsArn>| a.map(|a| AwsDestination { destination: Some(a.to_string()), unknown: Default::default() });
    (
        response,
        (proptest::option::of(lambda_documented_function_name()), proptest::option::of(aws_qualifier())),
        (1_500_000_000u32..1_900_000_000, aws_response_function_arn()),
        (
            proptest::option::of(aws::RETRY_ATTEMPTS.min..=aws::RETRY_ATTEMPTS.max),
            proptest::option::of(aws::MAX_EVENT_AGE.min..=aws::MAX_EVENT_AGE.max),
        ),
        proptest::option::of((proptest::option::of(on_success), proptest::option::of(on_failure))),
    )
        .prop_map(move |(response, (function, qualifier), (modified, arn), (retries, age), dc)| {
            let mut c = AwsConfig {
                maximum_retry_attempts: retries,
                maximum_event_age_in_seconds: age,
                destination_config: dc.and_then(|(s, f)| {
                    (s.is_some() || f.is_some()).then(|| AwsDestinationConfig {
                        on_success: dest(s),
                        on_failure: dest(f),
                        unknown: Default::default(),
                    })
                }),
                ..Default::default()
            };
            if response {
                c.last_modified = Some(AwsTimestamp::Epoch(modified.into()));
                // Canonical: the partition the region implies.
                let arn = AwsArn { partition: aws::partition_of(&arn.region).into(), ..arn };
                c.function_arn = Some(arn.to_string());
            } else {
                c.function_name = function.map(|f| {
                    match f {
                        LambdaFunctionName::Name { name, .. } => LambdaFunctionName::Name { name, qualifier: None },
                        LambdaFunctionName::PartialArn { account, name, .. } => {
                            LambdaFunctionName::PartialArn { account, name, qualifier: None }
                        }
                        LambdaFunctionName::Arn(mut a) => {
                            a.partition = aws::partition_of(&a.region).into();
                            if let AwsResource::Function { qualifier, .. } = &mut a.resource {
                                *qualifier = None;
                            }
                            LambdaFunctionName::Arn(a)
                        }
                        LambdaFunctionName::Parts(p) => {
                            LambdaFunctionName::Parts(FunctionNameParts { qualifier: None, ..p })
                        }
                    }
                    .to_string()
                });
                c.qualifier = qualifier.filter(|_| c.function_name.is_some()).map(|q| q.to_aws());
            }
            c
        })
        .boxed()
}

pub fn aws_canonical_document() -> BoxedStrategy<Document> {
    prop_oneof![
        aws_canonical_config().prop_map(|c| Document::AwsLambda(Shape::Config(c))),
        (
            proptest::collection::vec(aws_canonical_item(), 0..4),
            proptest::option::of(string_regex("[A-Za-z0-9+/=-]{8,40}").expect("regex"))
        )
            .prop_map(|(items, next_marker)| Document::AwsLambda(Shape::List(AwsList {
                function_event_invoke_configs: items,
                next_marker,
                unknown: Default::default(),
            }))),
    ]
    .boxed()
}
