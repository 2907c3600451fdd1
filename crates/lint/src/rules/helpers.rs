//! What several rules share: the helpers rules would otherwise import from
//! each other. A rule module imports from here, never from another rule.

mod foreign_keys;
mod identifier_errors;
mod portability_notes;
mod ranges;

pub(crate) use foreign_keys::{foreign, idx, is_known};
pub(crate) use identifier_errors::{class, error_text, report, Class};
pub(crate) use portability_notes::report as report_notes;
pub(crate) use ranges::{range_check, Ranged};
