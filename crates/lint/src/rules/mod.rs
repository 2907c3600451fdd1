//! The rule registry: one module per rule, one table ([`RULES`]).
//!
//! Codes are stable; a code never changes meaning once released. Prefixes:
//! `S1xx` structure, `R2xx` ranges, `I3xx` identifiers, `M4xx` semantics,
//! `P5xx` portability.

use crate::ctx::Ctx;
use crate::RuleInfo;
use invokecfg_model::Diagnostic;
use std::sync::LazyLock;

/// A rule: its registry entry and its check.
pub(crate) struct Rule {
    pub info: RuleInfo,
    /// Appends the rule's findings for one source.
    pub check: fn(&Ctx, &mut Vec<Diagnostic>),
}

/// What rule modules use.
mod prelude {
    pub(crate) use super::Rule;
    pub(crate) use crate::ctx::{
        article, colon_part, int, join, json_str, list, replace, At, Ctx, IdError, IdKind, Level, WithSpan,
    };
    pub(crate) use crate::RuleInfo;
    pub(crate) use invokecfg_model::facts::{alibaba, huawei, looks_like_placeholder};
    pub(crate) use invokecfg_model::{Diagnostic, Dialect, Severity};
    pub(crate) use serde_json::Value;

    /// The key of a destination's kind or ARN (the same spelling on Alibaba and Huawei).
    pub(crate) const DESTINATION: &str = huawei::DESTINATION_KEYS[0];
    /// FunctionGraph's `param` key.
    pub(crate) const PARAM: &str = huawei::DESTINATION_KEYS[1];
    /// FunctionGraph's list total key.
    pub(crate) const COUNT: &str = huawei::LIST_KEYS[1];
    /// FunctionGraph's page position key.
    pub(crate) const PAGE_INFO: &str = huawei::LIST_KEYS[2];
}

mod docs;
pub(crate) mod i301_malformed_arn;
pub(crate) mod i302_function_arn_wrong_kind;
pub(crate) mod i303_malformed_urn;
pub(crate) mod i304_placeholder_identifier;
pub(crate) mod i305_account_id_length;
pub(crate) mod i306_invalid_project_id;
pub(crate) mod i307_invalid_name;
pub(crate) mod i308_short_urn_in_param;
pub(crate) mod i309_unknown_region;
pub(crate) mod i310_unknown_destination_kind;
pub(crate) mod i311_param_not_json;
pub(crate) mod i312_param_missing_key;
pub(crate) mod i313_param_unknown_key;
pub(crate) mod i314_param_wrong_type;
pub(crate) mod i315_fc3_qualified_function_arn;
pub(crate) mod i316_relative_arn;
pub(crate) mod i317_invalid_aws_identifier;
pub(crate) mod m401_destination_is_self;
pub(crate) mod m402_destination_other_region;
pub(crate) mod m403_identical_destinations;
pub(crate) mod m404_age_too_short_for_retries;
pub(crate) mod m405_empty_destination_config;
pub(crate) mod m406_list_count_mismatch;
pub(crate) mod m407_fifo_destination;
pub(crate) mod p501_value_clamped_on_target;
pub(crate) mod p502_destination_unsupported_on_target;
pub(crate) mod p503_name_invalid_on_target;
pub(crate) mod p504_qualifier_needs_mapping;
pub(crate) mod p505_feature_approximated_on_target;
pub(crate) mod p506_field_dropped_on_target;
pub(crate) mod p507_identity_needs_mapping;
pub(crate) mod r201_event_age_out_of_range;
pub(crate) mod r202_retry_attempts_out_of_range;
pub(crate) mod r203_response_outside_request_range;
pub(crate) mod r204_obs_expires_out_of_range;
pub(crate) mod r205_negative_paging_value;
pub(crate) mod s101_invalid_json;
pub(crate) mod s102_not_an_object;
pub(crate) mod s103_undetectable_dialect;
pub(crate) mod s104_mixed_dialects;
pub(crate) mod s105_foreign_dialect_key;
pub(crate) mod s106_unknown_key;
pub(crate) mod s107_duplicate_key;
pub(crate) mod s108_wrong_type;
pub(crate) mod s109_param_not_string;
pub(crate) mod s110_missing_destination;
pub(crate) mod s111_missing_param;
pub(crate) mod s112_legacy_key;
pub(crate) mod s113_utf8_bom;
pub(crate) mod s114_invalid_timestamp;
pub(crate) mod s115_unused_suppression;
pub(crate) mod s116_missing_required_argument;

/// Every rule, in code order.
pub(crate) static RULES: &[&Rule] = &[
    &s101_invalid_json::RULE,
    &s102_not_an_object::RULE,
    &s103_undetectable_dialect::RULE,
    &s104_mixed_dialects::RULE,
    &s105_foreign_dialect_key::RULE,
    &s106_unknown_key::RULE,
    &s107_duplicate_key::RULE,
    &s108_wrong_type::RULE,
    &s109_param_not_string::RULE,
    &s110_missing_destination::RULE,
    &s111_missing_param::RULE,
    &s112_legacy_key::RULE,
    &s113_utf8_bom::RULE,
    &s114_invalid_timestamp::RULE,
    &s115_unused_suppression::RULE,
    &s116_missing_required_argument::RULE,
    &r201_event_age_out_of_range::RULE,
    &r202_retry_attempts_out_of_range::RULE,
    &r203_response_outside_request_range::RULE,
    &r204_obs_expires_out_of_range::RULE,
    &r205_negative_paging_value::RULE,
    &i301_malformed_arn::RULE,
    &i302_function_arn_wrong_kind::RULE,
    &i303_malformed_urn::RULE,
    &i304_placeholder_identifier::RULE,
    &i305_account_id_length::RULE,
    &i306_invalid_project_id::RULE,
    &i307_invalid_name::RULE,
    &i308_short_urn_in_param::RULE,
    &i309_unknown_region::RULE,
    &i310_unknown_destination_kind::RULE,
    &i311_param_not_json::RULE,
    &i312_param_missing_key::RULE,
    &i313_param_unknown_key::RULE,
    &i314_param_wrong_type::RULE,
    &i315_fc3_qualified_function_arn::RULE,
    &i316_relative_arn::RULE,
    &i317_invalid_aws_identifier::RULE,
    &m401_destination_is_self::RULE,
    &m402_destination_other_region::RULE,
    &m403_identical_destinations::RULE,
    &m404_age_too_short_for_retries::RULE,
    &m405_empty_destination_config::RULE,
    &m406_list_count_mismatch::RULE,
    &m407_fifo_destination::RULE,
    &p501_value_clamped_on_target::RULE,
    &p502_destination_unsupported_on_target::RULE,
    &p503_name_invalid_on_target::RULE,
    &p504_qualifier_needs_mapping::RULE,
    &p505_feature_approximated_on_target::RULE,
    &p506_field_dropped_on_target::RULE,
    &p507_identity_needs_mapping::RULE,
];

/// The registry entries of [`RULES`].
/// Each rule's docs are completed once per process (facts filled in, source
/// appended: see [`docs`]) and kept for its life, as the registry is.
pub(crate) static INFOS: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    RULES.iter().map(|r| RuleInfo { docs: Box::leak(docs::complete(r).into_boxed_str()), ..r.info }).collect()
});
