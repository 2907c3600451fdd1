//! Rule documentation completed from the facts: the numbers a rule's docs
//! state are written as `$facts(NAME)` and filled in here from
//! `invokecfg_model::facts` (so prose cannot drift from what the rule
//! checks), and each rule's page ends with its source, the provider page its
//! fact comes from (as cfn-lint cites the CloudFormation spec).
//!
//! `$facts(...)` names: `age-ranges`, `retry-ranges` (one line per dialect),
//! `unchecked-response-ranges`, `all-ranges`, `age:ID`, `retries:ID`,
//! `function-name:ID`, `function-name-max:ID` (a dialect id),
//! `region-count:PROVIDER` (`alibaba`, `huawei`, `aws`), `service-name`,
//! `obs-expires`, `alibaba-account-digits`, `aws-account-digits`,
//! `huawei-project-id-len`, `alibaba-legacy-age-max`.

use super::*;
use invokecfg_model::facts::{alibaba, aws, huawei, IntRange};
use invokecfg_model::{Dialect, Provider};

/// The marker that opens a fact in rule docs.
const OPEN: &str = "$facts(";

/// Where each rule's fact comes from. A rule about invokecfg's own input
/// (JSON, suppressions, the mapping) cites the standard or the README section.
static SOURCES: &[(&Rule, &str)] = &[
    (&s101_invalid_json::RULE, "RFC 8259 (JSON): https://www.rfc-editor.org/rfc/rfc8259"),
    (&s102_not_an_object::RULE, ALIBABA_FC3_API),
    (&s103_undetectable_dialect::RULE, "README.md, \"Dialects\""),
    (&s104_mixed_dialects::RULE, "README.md, \"Dialects\""),
    (&s105_foreign_dialect_key::RULE, ALL_APIS),
    (&s106_unknown_key::RULE, ALL_APIS),
    (&s107_duplicate_key::RULE, "RFC 8259 section 4 (names should be unique): https://www.rfc-editor.org/rfc/rfc8259#section-4"),
    (&s108_wrong_type::RULE, ALL_APIS),
    (&s109_param_not_string::RULE, HUAWEI_API),
    (&s110_missing_destination::RULE, ALL_APIS),
    (&s111_missing_param::RULE, HUAWEI_API),
    (&s112_legacy_key::RULE, ALIBABA_FC2_API),
    (&s113_utf8_bom::RULE, "RFC 8259 section 8.1 (no byte order mark): https://www.rfc-editor.org/rfc/rfc8259#section-8.1"),
    (&s114_invalid_timestamp::RULE, ALL_APIS),
    (&s115_unused_suppression::RULE, "README.md, \"Configuration\""),
    (&s116_missing_required_argument::RULE, "aliyun/terraform-provider-alicloud, alicloud/resource_alicloud_fc_function_async_invoke_config.go (its required arguments)"),
    (&s117_quoted_primitive::RULE, "Terraform language, type conversion (`tonumber`, `tobool`): https://developer.hashicorp.com/terraform/language/functions/tobool; the fcv3 example: aliyun/terraform-provider-alicloud website/docs/r/fcv3_async_invoke_config.html.markdown"),
    (&r201_event_age_out_of_range::RULE, ALL_APIS),
    (&r202_retry_attempts_out_of_range::RULE, ALL_APIS),
    (&r203_response_outside_request_range::RULE, HUAWEI_API),
    (&r204_obs_expires_out_of_range::RULE, HUAWEI_API),
    (&r206_zero_not_sent::RULE, "the providers' Go sources, which read these arguments with `d.GetOk`: aliyun/terraform-provider-alicloud alicloud/resource_alicloud_fc_function_async_invoke_config.go and resource_alicloud_fcv3_async_invoke_config.go; hashicorp/terraform-provider-aws internal/service/lambda/function_event_invoke_config.go (crates/model/src/facts/terraform.rs)"),
    (&r207_outside_wrapper_range::RULE, "aliyun/terraform-provider-alicloud alicloud/resource_alicloud_fcv3_async_invoke_config.go (its `ValidateFunc`s; crates/model/src/facts/terraform.rs)"),
    (&r205_negative_paging_value::RULE, "Alibaba FC 3.0 ListAsyncInvokeConfigs: https://alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-listasyncinvokeconfigs; FunctionGraph's list response (`count`, `page_info`): https://support.huaweicloud.com/en-us/api-functiongraph/UpdateFunctionAsyncInvokeConfig.html and its sibling pages"),
    (&i301_malformed_arn::RULE, ALIBABA_ARN),
    (&i302_function_arn_wrong_kind::RULE, ALIBABA_FC3_API),
    (&i303_malformed_urn::RULE, HUAWEI_API),
    (&i304_placeholder_identifier::RULE, ALL_APIS),
    (&i305_account_id_length::RULE, ALIBABA_ARN),
    (&i306_invalid_project_id::RULE, HUAWEI_API),
    (&i307_invalid_name::RULE, "Alibaba Cloud SDK for Go, fc 2023-03-30 `create_function_input_model.go` (function names 1..64); FunctionGraph function names: https://support.huaweicloud.com/intl/tr-tr/api-functiongraph/functiongraph_06_0111.html"),
    (&i308_short_urn_in_param::RULE, HUAWEI_API),
    (&i309_unknown_region::RULE, "the SDKs' region lists (crates/model/src/facts/regions.rs): botocore endpoints.json, the Alibaba FC SDKs' endpoint maps, huaweicloudsdkfunctiongraph's FunctionGraphRegion"),
    (&i310_unknown_destination_kind::RULE, HUAWEI_API),
    (&i311_param_not_json::RULE, HUAWEI_API),
    (&i312_param_missing_key::RULE, HUAWEI_API),
    (&i313_param_unknown_key::RULE, HUAWEI_API),
    (&i314_param_wrong_type::RULE, HUAWEI_API),
    (&i315_fc3_qualified_function_arn::RULE, ALIBABA_FC3_API),
    (&i316_relative_arn::RULE, ALIBABA_ARN),
    (&i317_invalid_aws_identifier::RULE, AWS_API),
    (&m401_destination_is_self::RULE, "Alibaba, result callbacks (destinations of asynchronous invocations): https://www.alibabacloud.com/help/en/fc/user-guide/result-callback"),
    (&m402_destination_other_region::RULE, "Alibaba, result callbacks (destinations of asynchronous invocations): https://www.alibabacloud.com/help/en/fc/user-guide/result-callback"),
    (&m403_identical_destinations::RULE, ALL_APIS),
    (&m404_age_too_short_for_retries::RULE, "Alibaba, retry policy of asynchronous invocations: https://www.alibabacloud.com/help/zh/function-compute/latest/retry-policy"),
    (&m405_empty_destination_config::RULE, ALL_APIS),
    (&m406_list_count_mismatch::RULE, HUAWEI_API),
    (&m407_fifo_destination::RULE, "Lambda developer guide, Capturing records of Lambda asynchronous invocations: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html"),
    (&p501_value_clamped_on_target::RULE, ALL_APIS),
    (&p502_destination_unsupported_on_target::RULE, ALL_APIS),
    (&p503_name_invalid_on_target::RULE, ALL_APIS),
    (&p504_qualifier_needs_mapping::RULE, ALL_APIS),
    (&p505_feature_approximated_on_target::RULE, ALL_APIS),
    (&p506_field_dropped_on_target::RULE, ALL_APIS),
    (&p507_identity_needs_mapping::RULE, ALL_APIS),
];

const ALIBABA_FC2_API: &str = "Alibaba FC 2.0 PutFunctionAsyncInvokeConfig (API 2021-04-06): https://alibabacloud.com/help/zh/functioncompute/fc-2-0/developer-reference/api-fc-open-2021-04-06-putfunctionasyncinvokeconfig";
const ALIBABA_FC3_API: &str = "Alibaba FC 3.0 PutAsyncInvokeConfig (API 2023-03-30): https://www.alibabacloud.com/help/id/functioncompute/fc/developer-reference/api-fc-2023-03-30-putasyncinvokeconfig";
const ALIBABA_ARN: &str = "Alibaba FC destination ARNs (`acs:{service}:{region}:{account}:{resource}`): https://www.alibabacloud.com/help/en/fc/developer-reference/api-fc-open-2021-04-06-struct-destination";
const HUAWEI_API: &str = "FunctionGraph UpdateFunctionAsyncInvokeConfig (API v2): https://support.huaweicloud.com/en-us/api-functiongraph/UpdateFunctionAsyncInvokeConfig.html";
const AWS_API: &str = "Lambda PutFunctionEventInvokeConfig (API 2015-03-31) and its model in botocore: https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html";
const ALL_APIS: &str = "each dialect's API: Alibaba FC 2.0 PutFunctionAsyncInvokeConfig \
(https://alibabacloud.com/help/zh/functioncompute/fc-2-0/developer-reference/api-fc-open-2021-04-06-putfunctionasyncinvokeconfig), \
FC 3.0 PutAsyncInvokeConfig \
(https://www.alibabacloud.com/help/id/functioncompute/fc/developer-reference/api-fc-2023-03-30-putasyncinvokeconfig), \
FunctionGraph UpdateFunctionAsyncInvokeConfig \
(https://support.huaweicloud.com/en-us/api-functiongraph/UpdateFunctionAsyncInvokeConfig.html), \
Lambda PutFunctionEventInvokeConfig (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html)";

/// The source a rule's facts come from.
pub(crate) fn source(rule: &Rule) -> Option<&'static str> {
    SOURCES.iter().find(|(r, _)| r.info.code == rule.info.code).map(|(_, s)| *s)
}

/// A rule's docs with its facts filled in and its source appended.
pub(crate) fn complete(rule: &Rule) -> String {
    let mut docs = expand(rule.info.docs.trim_end());
    if let Some(source) = source(rule) {
        docs.push_str("\n\n## Source\n");
        docs.push_str(source);
    }
    docs.push('\n');
    docs
}

/// `docs` with each `$facts(NAME)` replaced; an unknown name is left as it
/// is (the docs test fails on it).
pub(crate) fn expand(docs: &str) -> String {
    let mut out = String::with_capacity(docs.len());
    let mut rest = docs;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        match after.find(')').and_then(|end| Some((fact(&after[..end])?, end))) {
            Some((text, end)) => {
                out.push_str(&text);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn range(r: IntRange) -> String {
    format!("{r} (default {})", r.default)
}

/// One line per dialect: its key and range.
fn ranges(age: bool) -> String {
    Dialect::ALL
        .iter()
        .map(|d| {
            let s = d.spec();
            let (key, r) =
                if age { (s.keys.max_event_age, s.max_event_age) } else { (s.keys.retry_attempts, s.retry_attempts) };
            let requests = if r.responses_checked { "" } else { "; requests only, see R203" };
            format!("- `{key}`: {} ({}{requests})", range(r.request), s.label)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn fact(name: &str) -> Option<String> {
    let dialect = |id: &str| id.parse::<Dialect>().ok().map(Dialect::spec);
    Some(match name.split_once(':') {
        Some(("age", id)) => range(dialect(id)?.max_event_age.request),
        Some(("retries", id)) => range(dialect(id)?.retry_attempts.request),
        Some(("function-name-max", id)) => dialect(id)?.identity.function_name.max_len.to_string(),
        Some(("region-count", provider)) => {
            Provider::ALL.into_iter().find(|p| p.id() == provider)?.spec().regions.len().to_string()
        }
        Some(("function-name", id)) => {
            let rule = dialect(id)?.identity.function_name;
            format!("{}..{}", rule.min_len, rule.max_len)
        }
        Some(_) => return None,
        None => match name {
            "age-ranges" => ranges(true),
            "retry-ranges" => ranges(false),
            "unchecked-response-ranges" => Dialect::ALL
                .iter()
                .map(|d| d.spec())
                .filter(|s| !s.max_event_age.responses_checked || !s.retry_attempts.responses_checked)
                .map(|s| format!("{}: age {}, retries {}", s.label, s.max_event_age.request, s.retry_attempts.request))
                .collect::<Vec<_>>()
                .join("; "),
            "all-ranges" => Dialect::ALL
                .iter()
                .map(|d| d.spec())
                .map(|s| format!("{} {} s and {} retries", s.label, s.max_event_age.request, s.retry_attempts.request))
                .collect::<Vec<_>>()
                .join(", "),
            "service-name" => format!("{}..{}", alibaba::SERVICE_NAME.min_len, alibaba::SERVICE_NAME.max_len),
            "obs-expires" => huawei::OBS_EXPIRES_DAYS.to_string(),
            "alibaba-account-digits" => alibaba::ACCOUNT_ID_DIGITS.to_string(),
            "alibaba-legacy-age-max" => alibaba::LEGACY_MAX_EVENT_AGE.to_string(),
            "aws-account-digits" => aws::ACCOUNT_ID_DIGITS.to_string(),
            "huawei-project-id-len" => huawei::PROJECT_ID_LEN.to_string(),
            _ => return None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_source_and_no_unknown_fact() {
        for rule in RULES {
            assert!(source(rule).is_some(), "{} has no source", rule.info.code);
            assert!(!complete(rule).contains(OPEN), "{}: unknown $facts(...)", rule.info.code);
        }
        assert_eq!(SOURCES.len(), RULES.len());
    }

    #[test]
    fn facts_are_filled_in() {
        assert_eq!(expand("in $facts(obs-expires) days"), "in 0..365 days");
        assert_eq!(expand("$facts(retries:aws-lambda)"), "0..2 (default 2)");
        assert_eq!(expand("$facts(nope) $facts(age"), "$facts(nope) $facts(age");
        assert!(ranges(false).contains("- `MaximumRetryAttempts`: 0..2 (default 2) (AWS Lambda)"));
    }
}
