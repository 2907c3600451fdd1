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
