//! Law: `parse(display(x)) == x` for every identifier type.

mod common;

use common::*;
use invokecfg_model::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn acs_arn_round_trips(arn in acs_arn()) {
        let text = arn.to_string();
        prop_assert_eq!(text.parse::<AcsArn>(), Ok(arn));
    }

    #[test]
    fn function_urn_round_trips(urn in function_urn()) {
        let text = urn.to_string();
        prop_assert_eq!(text.parse::<FunctionUrn>(), Ok(urn));
    }

    #[test]
    fn smn_topic_urn_round_trips(urn in smn_topic_urn()) {
        let text = urn.to_string();
        prop_assert_eq!(text.parse::<SmnTopicUrn>(), Ok(urn));
    }

    #[test]
    fn destination_param_round_trips(p in destination_param()) {
        let text = p.to_json_string();
        prop_assert_eq!(DestinationParam::parse(p.kind(), &text), Ok(p));
    }

    #[test]
    fn qualifiers_round_trip_through_both_spellings(q in fc_qualifier()) {
        let parsed = Qualifier::from_alibaba(&q);
        prop_assert_eq!(parsed.to_alibaba(), q.clone());
        prop_assert_eq!(Qualifier::from_huawei(&parsed.to_huawei()), parsed);
    }

    #[test]
    fn parsers_never_panic(s in ".{0,300}") {
        let _ = s.parse::<AcsArn>();
        let _ = s.parse::<FunctionUrn>();
        let _ = s.parse::<SmnTopicUrn>();
        for k in DestinationKind::ALL {
            let _ = DestinationParam::parse(k, &s);
        }
    }

    #[test]
    fn arn_like_garbage_never_panics(parts in proptest::collection::vec("[a-z0-9/.:{}*-]{0,12}", 0..12)) {
        let s = format!("acs:{}", parts.join(":"));
        let _ = s.parse::<AcsArn>();
        let u = format!("urn:fss:{}", parts.join(":"));
        let _ = u.parse::<FunctionUrn>();
    }
}

#[test]
fn every_error_names_the_part() {
    let cases: &[(&str, &str)] = &[
        ("acs:fc:cn-shanghai:xx:services/s/functions/f", "account id `xx`"),
        (
            "acs:fc:cn-shanghai:1234567890123456:services/s",
            "expected `services/{service}[.{qualifier}]/functions/{function}`",
        ),
        ("acs:mns:cn-shanghai:1234567890123456:/queue/q/messages", "expected `/queues/{queue}/messages`"),
        ("acs:eventbridge:cn-shanghai:1234567890123456:bus/x", "expected `eventbus/{bus}`"),
        ("acs:mq:cn-shanghai:1234567890123456:/instances/i/topics/t", "expected `/instances/{instance}/topic/{topic}`"),
        ("acs:fc:Shanghai:1:functions/f", "region `Shanghai` is not a region id"),
        ("acs:fc:cn-shanghai:1:services/1s/functions/f", "service name `1s`"),
    ];
    for (input, expected) in cases {
        let e = input.parse::<AcsArn>().unwrap_err().to_string();
        assert!(e.contains(expected), "{input}: {e}");
    }
    let p = "0970dd7a1300f5672ff2c003c60ae115";
    let urn_cases: &[(String, &str)] = &[
        (format!("urn:fss:cn-north-4:{p}:function:default:_f:latest"), "function name `_f`"),
        ("urn:fss:cn-north-4:abc:function:default:f:latest".to_string(), "project id `abc` is not 32"),
        (format!("urn:fss:cn-north-4:{p}:function::f:latest"), "package name ``"),
        (format!("urn:fss:cn-north-4:{p}:function:default:f:-v1"), "version name `-v1`"),
    ];
    for (input, expected) in urn_cases {
        let e = input.parse::<FunctionUrn>().unwrap_err().to_string();
        assert!(e.contains(expected), "{input}: {e}");
    }
}
