//! Stable codes of translation notes. A code never changes meaning once released.

use invokecfg_model::Severity;

/// A source identifier (ARN, URN, `param`, destination kind) does not parse.
pub const SOURCE_INVALID: &str = "T001";
/// A value outside the target's range was clamped to the nearest bound.
pub const VALUE_CLAMPED: &str = "T101";
/// An omitted value whose default differs on the target was written out.
pub const DEFAULT_MADE_EXPLICIT: &str = "T102";
/// A read-only field (creation or modification time) was not written.
pub const READ_ONLY_OMITTED: &str = "T103";
/// A feature was carried by the target's closest feature.
pub const FEATURE_APPROXIMATED: &str = "T104";
/// A key no API defines was not carried.
pub const UNKNOWN_KEY_DROPPED: &str = "T105";
/// A field with no counterpart on the target was dropped.
pub const FIELD_DROPPED: &str = "T106";
/// Paging state of a list document was not carried.
pub const PAGING_NOT_CARRIED: &str = "T107";
/// Part of the function's identity was taken from elsewhere.
pub const IDENTITY_INFERRED: &str = "T108";
/// An ARN's empty region or account was filled from the function's own.
pub const RELATIVE_ARN_FILLED: &str = "T109";
/// A field the target takes as a request parameter, not in the document's body.
pub const REQUEST_PARAMETER: &str = "T110";
/// Part of the function's identity is implicit on the target: FC 2.0 configs
/// name no region or account, and `LATEST` is what no qualifier means.
pub const IDENTITY_IMPLICIT: &str = "T111";
/// `--function` names another function than the document, which wins.
pub const FUNCTION_OPTION_IGNORED: &str = "T112";
/// A top-level `$schema` (an editor's schema hint) was not written.
pub const SCHEMA_HINT_OMITTED: &str = "T113";
/// A destination the target cannot express was dropped (`--allow-lossy`).
pub const DESTINATION_DROPPED: &str = "T201";
/// A destination the target cannot express, with no mapping entry: refused.
pub const DESTINATION_UNMAPPED: &str = "T202";
/// A region, account, project or name with no counterpart: refused.
pub const IDENTITY_UNMAPPED: &str = "T203";
/// A built-in region pair was used.
pub const BUILTIN_REGION_PAIR: &str = "T204";
/// A published version with no `qualifiers` entry was kept as it is.
pub const QUALIFIER_KEPT: &str = "T205";
/// A destination was replaced by the mapping file's entry.
pub const DESTINATION_OVERRIDDEN: &str = "T206";
/// The function's identity is incomplete, so the output does not name it.
pub const IDENTITY_INCOMPLETE: &str = "T207";
/// A `destinations` mapping entry matched but cannot be written on the target: refused.
pub const MAPPING_ENTRY_UNUSABLE: &str = "T208";
/// A built-in pair or same-name fallback would reuse a counterpart that a mapping entry already pairs: refused.
pub const MAPPING_CLASH: &str = "T209";
/// An identifier was resolved by a mapping entry or a same-name fallback.
pub const IDENTITY_RESOLVED: &str = "T210";
/// A name (function, namespace, topic, qualifier) is not valid on the target: refused.
pub const NAME_INVALID: &str = "T211";
/// `--strict` refused a translation that had warnings.
pub const STRICT_REFUSAL: &str = "T301";

/// Every note code with its severity and a one-line summary.
pub const ALL: &[(&str, Severity, &str)] = &[
    (SOURCE_INVALID, Severity::Error, "a source identifier does not parse"),
    (VALUE_CLAMPED, Severity::Warning, "value clamped into the target's range"),
    (DEFAULT_MADE_EXPLICIT, Severity::Info, "source default written out because the target's default differs"),
    (READ_ONLY_OMITTED, Severity::Info, "read-only field not written"),
    (FEATURE_APPROXIMATED, Severity::Info, "feature carried by the target's closest feature"),
    (UNKNOWN_KEY_DROPPED, Severity::Warning, "unknown key not carried"),
    (FIELD_DROPPED, Severity::Warning, "field with no counterpart dropped"),
    (PAGING_NOT_CARRIED, Severity::Info, "paging state not carried"),
    (IDENTITY_INFERRED, Severity::Info, "function identity completed from elsewhere"),
    (RELATIVE_ARN_FILLED, Severity::Info, "empty ARN region/account filled from the function's own"),
    (REQUEST_PARAMETER, Severity::Info, "field is a request parameter of the target API, not a body field"),
    (
        IDENTITY_IMPLICIT,
        Severity::Info,
        "part of the identity is implicit on the target (request path, default qualifier)",
    ),
    (FUNCTION_OPTION_IGNORED, Severity::Warning, "`--function` names another function than the document"),
    (SCHEMA_HINT_OMITTED, Severity::Info, "top-level `$schema` (an editor's schema hint) not written"),
    (DESTINATION_DROPPED, Severity::Warning, "destination dropped (`--allow-lossy`)"),
    (DESTINATION_UNMAPPED, Severity::Error, "destination has no counterpart and no mapping entry"),
    (IDENTITY_UNMAPPED, Severity::Error, "region, account, project or name has no counterpart"),
    (BUILTIN_REGION_PAIR, Severity::Info, "built-in region pair used"),
    (QUALIFIER_KEPT, Severity::Warning, "version without a `qualifiers` entry kept as it is"),
    (DESTINATION_OVERRIDDEN, Severity::Info, "destination taken from the mapping file"),
    (IDENTITY_INCOMPLETE, Severity::Info, "function identity incomplete; output does not name the function"),
    (MAPPING_ENTRY_UNUSABLE, Severity::Error, "a `destinations` mapping entry does not fit the target"),
    (MAPPING_CLASH, Severity::Error, "a fallback would reuse a counterpart a mapping entry already pairs"),
    (IDENTITY_RESOLVED, Severity::Info, "identifier resolved by a mapping entry or a same-name fallback"),
    (NAME_INVALID, Severity::Error, "a name is not valid on the target"),
    (STRICT_REFUSAL, Severity::Error, "refused by `--strict` because of warnings"),
];

/// The severity every note of `code` has.
pub fn severity(code: &str) -> Severity {
    ALL.iter().find(|(c, _, _)| *c == code).map_or(Severity::Error, |(_, s, _)| *s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_ordered() {
        assert!(super::ALL.windows(2).all(|w| w[0].0 < w[1].0), "ALL is sorted by code, no duplicates");
        assert!(super::ALL.iter().all(|(c, _, s)| c.len() == 4 && c.starts_with('T') && !s.is_empty()));
    }
}
