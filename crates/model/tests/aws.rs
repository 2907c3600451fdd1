//! The `aws-lambda` dialect's model: ARN and function-name round trips,
//! typed documents, the schema against the facts, and fixture snapshots.

mod common;

use common::name;
use invokecfg_model::facts::aws;
use invokecfg_model::*;
use proptest::prelude::*;
use proptest::string::string_regex;

// ------------------------------------------------------------- strategies

fn aws_qualifier() -> BoxedStrategy<Qualifier> {
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

fn aws_account() -> BoxedStrategy<String> {
    string_regex("[0-9]{12}").expect("regex").boxed()
}

/// A region with its partition: a listed one, or a region-shaped unknown one in `aws`.
fn aws_region() -> BoxedStrategy<(String, String)> {
    prop_oneof![
        3 => proptest::sample::select(aws::REGIONS).prop_map(|r| (aws::partition_of(r).to_string(), r.to_string())),
        1 => string_regex("[a-z]{2}-[a-z]{1,9}-[0-9]")
            .expect("regex")
            .prop_filter("not listed", |r| !aws::REGIONS.contains(&r.as_str()))
            .prop_map(|r| ("aws".to_string(), r)),
    ]
    .boxed()
}

fn fifo(rule: facts::NameRule) -> BoxedStrategy<String> {
    (name(rule), any::<bool>()).prop_map(|(n, f)| if f { format!("{n}{}", aws::FIFO_SUFFIX) } else { n }).boxed()
}

fn aws_function_arn() -> BoxedStrategy<AwsArn> {
    (aws_region(), aws_account(), name(aws::FUNCTION_NAME), proptest::option::of(aws_qualifier()))
        .prop_map(|((partition, region), account, name, qualifier)| AwsArn {
            partition,
            region,
            account,
            resource: AwsResource::Function { name, qualifier },
        })
        .boxed()
}

fn aws_arn() -> BoxedStrategy<AwsArn> {
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

fn lambda_function_name() -> BoxedStrategy<LambdaFunctionName> {
    prop_oneof![
        (name(aws::FUNCTION_NAME), proptest::option::of(aws_qualifier()))
            .prop_map(|(name, qualifier)| LambdaFunctionName::Name { name, qualifier }),
        (aws_account(), name(aws::FUNCTION_NAME), proptest::option::of(aws_qualifier()))
            .prop_map(|(account, name, qualifier)| LambdaFunctionName::PartialArn { account, name, qualifier }),
        aws_function_arn().prop_map(LambdaFunctionName::Arn),
    ]
    .boxed()
}

// ------------------------------------------------------------- identifiers

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arns_round_trip(arn in aws_arn()) {
        let text = arn.to_string();
        prop_assert_eq!(text.parse::<AwsArn>(), Ok(arn), "{}", text);
    }

    #[test]
    fn function_names_round_trip(f in lambda_function_name()) {
        let text = f.to_string();
        prop_assert_eq!(text.parse::<LambdaFunctionName>(), Ok(f), "{}", text);
    }

    #[test]
    fn qualifiers_round_trip(q in aws_qualifier()) {
        prop_assert_eq!(Qualifier::from_aws(&q.to_aws()), Ok(q));
    }

    #[test]
    fn parsers_never_panic(s in ".{0,400}") {
        let _ = s.parse::<AwsArn>();
        let _ = s.parse::<LambdaFunctionName>();
        let _ = Qualifier::from_aws(&s);
    }

    #[test]
    fn arn_like_garbage_never_panics(parts in proptest::collection::vec("[a-z0-9/.:${}*-]{0,12}", 0..12)) {
        let s = format!("arn:{}", parts.join(":"));
        if let Ok(arn) = s.parse::<AwsArn>() {
            prop_assert_eq!(arn.to_string(), s.clone());
        }
        let _ = parts.join(":").parse::<LambdaFunctionName>();
    }
}
