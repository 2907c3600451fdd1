//! End-to-end tests of issue 20's "facts that stay true": each named after
//! the item it holds (regions and partitions from the SDKs, FIFO
//! destinations, `FunctionName` forms, rule documentation from the facts,
//! dialect lists).

mod common;

use common::*;

/// `arn:aws-eusc:lambda:eusc-de-east-1:…` (the AWS European Sovereign Cloud,
/// in botocore's `partitions.json` and `endpoints.json`) lints clean.
#[test]
fn aws_partitions_and_regions_drift_eusc_lints_clean() {
    let doc = br#"{
  "FunctionName": "arn:aws-eusc:lambda:eusc-de-east-1:210987654321:function:orders",
  "MaximumRetryAttempts": 1,
  "DestinationConfig": {
    "OnFailure": {"Destination": "arn:aws-eusc:sqs:eusc-de-east-1:210987654321:orders-failed"}
  }
}
"#;
    let r = run_stdin(&["lint", "--stdin-filename", "eusc.json", "-"], doc);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("All checks passed"), "{}", r.stdout);
    // The region's partition is still checked.
    let wrong = String::from_utf8_lossy(doc).replace("arn:aws-eusc:sqs", "arn:aws:sqs");
    let r = run_stdin(&["lint", "--stdin-filename", "eusc.json", "-"], wrong.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("region `eusc-de-east-1` is in partition `aws-eusc`, not `aws`"), "{}", r.stdout);
}

/// `FunctionName: "us-east-1:123456789012:function:f"` is a form the model's
/// pattern admits; a wrong part is named.
#[test]
fn function_name_region_prefix_is_accepted_and_a_wrong_part_named() {
    let doc = br#"{"FunctionName": "us-east-1:210987654321:function:orders", "MaximumRetryAttempts": 1}"#;
    let r = run_stdin(&["lint", "--stdin-filename", "put.json", "-"], doc);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let doc = br#"{"FunctionName": "us-east-1:21098765:function:orders", "MaximumRetryAttempts": 1}"#;
    let r = run_stdin(&["lint", "--stdin-filename", "put.json", "-"], doc);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("I317"), "{}", r.stdout);
    assert!(r.stdout.contains("account id `21098765` is not 12 digits"), "{}", r.stdout);
}

/// A FIFO SQS queue or FIFO SNS topic as a Lambda destination: the API
/// accepts it and delivery fails, so it is a warning (exit 0) with the Lambda
/// guide's explanation, not an I317 error.
#[test]
fn fifo_destination_is_a_warning_with_the_guide_explanation() {
    for fixture in ["sqs-queue-on-failure.json", "sns-topic-on-success.json"] {
        let path = format!("fixtures/lint/M407-fifo-destination/{fixture}");
        let r = run(&["lint", &path]);
        assert_eq!(r.code, 0, "{}", r.stdout);
        assert!(r.stdout.contains("M407 [warning]"), "{}", r.stdout);
        assert!(!r.stdout.contains("I317"), "{}", r.stdout);
        assert!(r.stdout.contains("`DestinationDeliveryFailures`"), "{}", r.stdout);
        assert!(r.stdout.contains("invocation-async-retain-records.html"), "{}", r.stdout);
    }
    let r = run(&["explain", "M407"]);
    assert!(r.stdout.contains("Capturing records of Lambda asynchronous invocations"), "{}", r.stdout);
}

/// S105 on an AWS document holding another dialect's last-modified key names
/// Lambda's own `LastModified` (its Lambda column was empty), and its notes
/// no longer say "Alibaba" where Lambda applies too.
#[test]
fn s105_on_aws_names_lambdas_last_modified_and_notes_name_lambda() {
    let doc = br#"{"FunctionName": "orders", "MaximumRetryAttempts": 1, "lastModifiedTime": "2026-01-02T03:04:05Z"}"#;
    let r = run_stdin(&["lint", "--dialect", "aws-lambda", "--stdin-filename", "get.json", "-"], doc);
    assert!(r.stdout.contains("aws-lambda calls it `LastModified`"), "{}", r.stdout);
    assert!(r.stdout.contains("rename it to `LastModified`"), "{}", r.stdout);
    let doc = br#"{"FunctionName": "orders", "MaximumRetryAttempts": 1, "log_group_id": "g"}"#;
    let r = run_stdin(&["lint", "--dialect", "aws-lambda", "--stdin-filename", "put.json", "-"], doc);
    assert!(r.stdout.contains("remove it: only FunctionGraph has LTS log fields"), "{}", r.stdout);
    assert!(!r.stdout.contains("Alibaba has no"), "{}", r.stdout);
}

/// The numbers in rule documentation come from the facts (R202 states
/// Lambda's 0..2), and every rule names its source, in `explain` and on its page.
#[test]
fn rule_docs_numbers_come_from_the_facts_with_a_source() {
    use invokecfg_model::facts::aws;
    let r = run(&["explain", "R202"]);
    let lambda = format!(
        "`{}`: {} (default {})",
        aws::MAXIMUM_RETRY_ATTEMPTS_KEY,
        aws::RETRY_ATTEMPTS,
        aws::RETRY_ATTEMPTS.default
    );
    assert!(r.stdout.contains(&lambda), "{}", r.stdout);
    assert!(r.stdout.contains("## Source"), "{}", r.stdout);
    let r = run(&["explain", "R201"]);
    assert!(
        r.stdout.contains(&format!("{} (default {})", aws::MAX_EVENT_AGE, aws::MAX_EVENT_AGE.default)),
        "{}",
        r.stdout
    );
    for rule in invokecfg_lint::rules() {
        let page = std::fs::read_to_string(root().join(format!("docs/rules/{}.md", rule.code))).expect("page");
        assert!(page.contains("\n## Source\n"), "{} has no source", rule.code);
        assert!(!page.contains("$facts("), "{}", rule.code);
    }
}

/// Every dialect id appears in every user-facing list of dialects: the
/// README's `a|b|c` lists and its dialect table, the help texts, the
/// schemas' enums; and every provider in each description that names one.
#[test]
fn every_dialect_id_appears_in_every_user_facing_list() {
    use invokecfg_model::{Dialect, Provider};
    let ids: Vec<&str> = Dialect::ALL.iter().map(|d| d.id()).collect();
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    // `auto|alibaba-fc2|...`: every run of `|`-joined words holding a dialect id.
    let mut lists = 0;
    for line in readme.lines() {
        for run in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '|')) {
            let words: Vec<&str> = run.split('|').collect();
            if words.len() > 1 && words.iter().any(|w| ids.contains(w)) {
                lists += 1;
                for id in &ids {
                    assert!(words.contains(id), "README list `{run}` lacks {id}");
                }
            }
        }
    }
    assert!(lists >= 1, "no dialect list found in the README");
    for id in &ids {
        assert!(readme.contains(&format!("\n| `{id}` |")), "README's dialect table lacks {id}");
    }
    for args in [&["--help"][..], &["lint", "--help"], &["translate", "--help"]] {
        let help = run(args).stdout;
        let about_or_flags =
            if args.len() == 1 { Provider::ALL.iter().map(|p| p.service_name()).collect() } else { ids.clone() };
        for word in about_or_flags {
            assert!(help.contains(word), "`invokecfg {}` does not name {word}", args.join(" "));
        }
    }
    for schema in ["config", "translate-report"] {
        let text = std::fs::read_to_string(root().join(format!("schemas/{schema}.schema.json"))).expect("schema");
        for enumeration in text.split("\"enum\"").skip(1) {
            let list = &enumeration[..enumeration.find(']').unwrap_or(enumeration.len())];
            if ids.iter().any(|id| list.contains(&format!("\"{id}\""))) {
                for id in &ids {
                    assert!(list.contains(&format!("\"{id}\"")), "{schema} schema enum {list} lacks {id}");
                }
            }
        }
    }
    // Package descriptions that name a provider name them all.
    let mut manifests = vec![root().join("Cargo.toml"), root().join("crates/python/pyproject.toml")];
    for c in ["model", "translate", "lint", "cli", "iac", "python"] {
        manifests.push(root().join(format!("crates/{c}/Cargo.toml")));
    }
    for path in manifests {
        let text = std::fs::read_to_string(&path).expect("manifest");
        let Some(description) = text.lines().find(|l| l.starts_with("description")) else { continue };
        if Provider::ALL.iter().any(|p| description.contains(p.service_name())) {
            for p in Provider::ALL {
                assert!(
                    description.contains(p.service_name()),
                    "{}: {description} does not name {}",
                    path.display(),
                    p.service_name()
                );
            }
        }
    }
}
