//! The rule registry: one module per rule, one table ([`RULES`]).
//!
//! Codes are stable; a code never changes meaning once released. Prefixes:
//! `S1xx` structure, `R2xx` ranges, `I3xx` identifiers, `M4xx` semantics,
//! `P5xx` portability.

use crate::ctx::Ctx;
use crate::RuleInfo;
use invokecfg_model::Diagnostic;
use invokecfg_translate::codes;
use std::sync::{LazyLock, OnceLock};

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
    pub(crate) use crate::{Applicability, FixAvailability, RuleInfo};
    pub(crate) use invokecfg_model::facts::{alibaba, huawei, looks_like_placeholder};
    pub(crate) use invokecfg_model::json::member;
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
mod helpers;

/// Declares each rule once: its module, its typed code (the enum
/// [`RuleCode`], so a code outside the registry does not compile) and its
/// place in [`RULES`].
macro_rules! registry {
    ($($code:ident => $module:ident,)*) => {
        $(pub(crate) mod $module;)*

        /// A rule's stable code, typed: every rule of the registry, in code order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleCode {
            $(
                #[doc = concat!("`", stringify!($code), "`")]
                $code,
            )*
        }

        impl RuleCode {
            /// Every code, in code order.
            pub const ALL: &'static [RuleCode] = &[$(RuleCode::$code,)*];

            /// The code as users write it (`S101`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$code => stringify!($code),)*
                }
            }
        }

        /// Every rule, in code order.
        pub(crate) static RULES: &[&Rule] = &[$(&$module::RULE,)*];
    };
}

registry! {
    S101 => s101_invalid_json,
    S102 => s102_not_an_object,
    S103 => s103_undetectable_dialect,
    S104 => s104_mixed_dialects,
    S105 => s105_foreign_dialect_key,
    S106 => s106_unknown_key,
    S107 => s107_duplicate_key,
    S108 => s108_wrong_type,
    S109 => s109_param_not_string,
    S110 => s110_missing_destination,
    S111 => s111_missing_param,
    S112 => s112_legacy_key,
    S113 => s113_utf8_bom,
    S114 => s114_invalid_timestamp,
    S115 => s115_unused_suppression,
    S116 => s116_missing_required_argument,
    S117 => s117_quoted_primitive,
    R201 => r201_event_age_out_of_range,
    R202 => r202_retry_attempts_out_of_range,
    R203 => r203_response_outside_request_range,
    R204 => r204_obs_expires_out_of_range,
    R205 => r205_negative_paging_value,
    R206 => r206_zero_not_sent,
    R207 => r207_outside_wrapper_range,
    I301 => i301_malformed_arn,
    I302 => i302_function_arn_wrong_kind,
    I303 => i303_malformed_urn,
    I304 => i304_placeholder_identifier,
    I305 => i305_account_id_length,
    I306 => i306_invalid_project_id,
    I307 => i307_invalid_name,
    I308 => i308_short_urn_in_param,
    I309 => i309_unknown_region,
    I310 => i310_unknown_destination_kind,
    I311 => i311_param_not_json,
    I312 => i312_param_missing_key,
    I313 => i313_param_unknown_key,
    I314 => i314_param_wrong_type,
    I315 => i315_fc3_qualified_function_arn,
    I316 => i316_relative_arn,
    I317 => i317_invalid_aws_identifier,
    M401 => m401_destination_is_self,
    M402 => m402_destination_other_region,
    M403 => m403_identical_destinations,
    M404 => m404_age_too_short_for_retries,
    M405 => m405_empty_destination_config,
    M406 => m406_list_count_mismatch,
    M407 => m407_fifo_destination,
    P501 => p501_value_clamped_on_target,
    P502 => p502_destination_unsupported_on_target,
    P503 => p503_name_invalid_on_target,
    P504 => p504_qualifier_needs_mapping,
    P505 => p505_feature_approximated_on_target,
    P506 => p506_field_dropped_on_target,
    P507 => p507_identity_needs_mapping,
}

/// The rules that exist only because of an IaC wrapper (Terraform, s.yaml,
/// ROS): the one list of where a resource and its API JSON twin may differ.
pub const WRAPPER_ONLY: &[RuleCode] = &[RuleCode::S116, RuleCode::S117, RuleCode::R206, RuleCode::R207];

/// Translation note code -> the portability rule that reports it.
pub const RULE_OF_NOTE: &[(&str, RuleCode)] = &[
    (codes::VALUE_CLAMPED, RuleCode::P501),
    (codes::DESTINATION_DROPPED, RuleCode::P502),
    (codes::DESTINATION_UNMAPPED, RuleCode::P502),
    (codes::NAME_INVALID, RuleCode::P503),
    (codes::QUALIFIER_KEPT, RuleCode::P504),
    (codes::FEATURE_APPROXIMATED, RuleCode::P505),
    (codes::FIELD_DROPPED, RuleCode::P506),
    (codes::IDENTITY_UNMAPPED, RuleCode::P507),
    (codes::IDENTITY_INCOMPLETE, RuleCode::P507),
    (codes::MAPPING_CLASH, RuleCode::P507),
    (codes::MAPPING_ENTRY_UNUSABLE, RuleCode::P507),
];

/// The rule code a translation note maps to, if it is a portability finding.
pub fn rule_of_note(code: &str) -> Option<&'static str> {
    RULE_OF_NOTE.iter().find(|(n, _)| *n == code).map(|(_, r)| r.as_str())
}

/// Whether `code` is a portability rule's.
pub fn is_portability_rule(code: &str) -> bool {
    RULE_OF_NOTE.iter().any(|(_, r)| r.as_str() == code)
}

impl RuleCode {
    /// The rule's registry entry.
    pub fn info(self) -> &'static RuleInfo {
        // RULES is laid out by the macro in ALL's order.
        info_at(self as usize).unwrap_or(&RULES[self as usize].info)
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The registry entry of each rule of [`RULES`], made on first use: its docs
/// completed (facts filled in, source appended: see [`docs`]) and kept for
/// the process's life, as the registry is. One at a time, so linting a file
/// with one finding completes one rule's docs, not all of them.
static EACH: [OnceLock<RuleInfo>; RuleCode::ALL.len()] = [const { OnceLock::new() }; RuleCode::ALL.len()];

/// The registry entry of the rule at `index` in [`RULES`].
pub(crate) fn info_at(index: usize) -> Option<&'static RuleInfo> {
    let rule = RULES.get(index)?;
    Some(
        EACH.get(index)?
            .get_or_init(|| RuleInfo { docs: Box::leak(docs::complete(rule).into_boxed_str()), ..rule.info }),
    )
}

/// Every registry entry, in code order (listing commands read them all).
pub(crate) static INFOS: LazyLock<Vec<RuleInfo>> =
    LazyLock::new(|| (0..RULES.len()).filter_map(info_at).copied().collect());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_typed_code_names_its_own_rule() {
        assert_eq!(RuleCode::ALL.len(), RULES.len());
        for code in RuleCode::ALL {
            assert_eq!(code.info().code, code.as_str());
        }
    }
}
