//! Laws of `.tf` translation over generated files: every byte outside the
//! rewritten resources is kept, and FC 2.0 -> FunctionGraph -> FC 2.0 is the
//! identity on literal arguments (within both providers' ranges).

use invokecfg_iac::terraform;
use invokecfg_model::Dialect;
use invokecfg_translate::{Mapping, Options};
use proptest::prelude::*;

fn mapping() -> Mapping {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/mapping/seed.json");
    Mapping::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Text around the resources: comments, blank lines and other resources.
fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-z0-9 ]{0,20}".prop_map(|c| format!("# {c}\n")),
            Just("\n".to_string()),
            ("[a-z]{1,8}", "[a-zA-Z0-9 ._-]{0,16}")
                .prop_map(|(n, v)| format!("resource \"aws_s3_bucket\" \"{n}\" {{\n  bucket = \"{v}\"\n}}\n")),
            "[a-z]{1,8}".prop_map(|n| format!("variable \"{n}\" {{}}\n")),
        ],
        0..4,
    )
    .prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
struct Fc2 {
    name: String,
    service: String,
    function: String,
    age: Option<i64>,
    retries: i64,
    stateful: Option<bool>,
    topic: Option<String>,
}

fn fc2() -> impl Strategy<Value = Fc2> {
    (
        "[a-z][a-z0-9_]{0,10}",
        "[a-z0-9-]{0,12}[a-z0-9]",
        "[a-z0-9-]{0,12}[a-z0-9]",
        prop::option::of(1i64..=86_400),
        0i64..=3,
        prop::option::of(any::<bool>()),
        // The destination names the function's region and account (FC 2.0 configs do not).
        "[a-z][a-z0-9-]{0,12}".prop_map(Some),
    )
        .prop_map(|(name, service, function, age, retries, stateful, topic)| Fc2 {
            name,
            service: format!("s{service}"),
            function: format!("f{function}"),
            age,
            retries,
            stateful,
            topic,
        })
}

fn render(c: &Fc2) -> String {
    let mut s = format!("resource \"alicloud_fc_function_async_invoke_config\" \"{}\" {{\n", c.name);
    s += &format!("  service_name = \"{}\"\n  function_name = \"{}\"\n", c.service, c.function);
    if let Some(a) = c.age {
        s += &format!("  maximum_event_age_in_seconds = {a}\n");
    }
    s += &format!("  maximum_retry_attempts = {}\n", c.retries);
    if let Some(b) = c.stateful {
        s += &format!("  stateful_invocation = {b}\n");
    }
    if let Some(t) = &c.topic {
        s += &format!(
            "  destination_config {{\n    on_failure {{\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/topics/{t}/messages\"\n    }}\n  }}\n"
        );
    }
    s + "}\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn bytes_outside_the_resources_are_kept(before in filler(), c in fc2(), between in filler(), d in fc2(), after in filler()) {
        let source = format!("{before}{}{between}{}{after}", render(&c), render(&d));
        let out = terraform::translate(&source, Dialect::Huawei, &mapping(), &Options::default()).unwrap();
        prop_assert!(!out.refused(), "{:?}", out.outcomes);
        let old = terraform::read(&source).unwrap();
        let new_huawei = terraform::read(&out.text).unwrap();
        prop_assert_eq!(new_huawei.len(), 2);
        // Outside the resources, old and new texts are the same bytes, in order.
        let outside = |text: &str, found: &[invokecfg_iac::Found]| {
            let mut parts = Vec::new();
            let mut at = 0;
            for f in found {
                parts.push(text[at..f.extent.start].to_string());
                at = f.extent.end;
            }
            parts.push(text[at..].to_string());
            parts
        };
        prop_assert_eq!(outside(&source, &old), outside(&out.text, &new_huawei));
    }

    #[test]
    fn fc2_to_huawei_and_back_keeps_literal_arguments(c in fc2()) {
        let source = render(&c);
        let there = terraform::translate(&source, Dialect::Huawei, &mapping(), &Options::default()).unwrap();
        prop_assert!(!there.refused(), "{:?}", there.outcomes);
        let back = terraform::translate(&there.text, Dialect::AlibabaFc2, &mapping(), &Options::default()).unwrap();
        prop_assert!(!back.refused(), "{:?}", back.outcomes);
        let a = terraform::read(&source).unwrap();
        let b = terraform::read(&back.text).unwrap();
        let mut expected = a[0].document.clone();
        // An omitted age is the FC 2.0 default, which the round trip writes out.
        if c.age.is_none() {
            expected["maxAsyncEventAgeInSeconds"] = 86_400.into();
        }
        let mut got = b[0].document.clone();
        got.as_object_mut().unwrap().remove("qualifier");
        prop_assert_eq!(got, expected, "\n{}\n->\n{}\n->\n{}", source, there.text, back.text);
    }
}

/// 10,000 resources in one file, each with a finding: read, lint and
/// translate in linear time (a quadratic step would take minutes here).
#[test]
fn ten_thousand_resources_in_one_file() {
    let one = "resource \"alicloud_fc_function_async_invoke_config\" \"r{i}\" {\n  service_name           = \"orders\"\n  function_name          = \"f{i}\"\n  maximum_retry_attempts = 12\n\n  destination_config {\n    on_failure {\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/topics/t{i}/messages\"\n    }\n  }\n}\n\n";
    let source: String = (0..10_000).map(|i| one.replace("{i}", &i.to_string())).collect();
    let started = std::time::Instant::now();
    let found = terraform::read(&source).unwrap();
    assert_eq!(found.len(), 10_000);
    let lines = invokecfg_iac::Lines::new(&source);
    let findings: usize = found
        .iter()
        .map(|f| invokecfg_iac::lint_with(f, &lines, &invokecfg_lint::LintOptions::default()).diagnostics.len())
        .sum();
    assert_eq!(findings, 10_000);
    let out = terraform::translate(&source, Dialect::Huawei, &mapping(), &Options::default()).unwrap();
    assert!(!out.refused());
    assert_eq!(terraform::read(&out.text).unwrap().len(), 10_000);
    // Generous for a debug build on a shared machine; quadratic behaviour takes far longer.
    assert!(started.elapsed() < std::time::Duration::from_secs(120), "{:?}", started.elapsed());
}
