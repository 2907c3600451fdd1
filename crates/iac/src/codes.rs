//! Codes of the notes only a rewrite of a Terraform or YAML file gives (the
//! translator's own are in `invokecfg_translate::codes`). A code never
//! changes meaning once released.

use invokecfg_model::Severity;

/// An expression was kept as it is, with a `# invokecfg:` comment: its value
/// is known only at plan time, so check it against the target.
pub const EXPRESSION_KEPT: &str = "T401";
/// An expression refers to a resource of the source provider, which needs its
/// own migration.
pub const SOURCE_PROVIDER_REFERENCE: &str = "T402";
/// An expression could not be carried (a destination given as a whole
/// expression or a `dynamic` block, an interpolated identifier the
/// translator cannot map): a comment in the output says what to write.
pub const EXPRESSION_NOT_CARRIED: &str = "T403";
/// A value of the translated document has no argument on the target resource type.
pub const NO_ARGUMENT: &str = "T404";
/// An argument the target resource type requires has no value in the
/// translation: a comment in the output marks it.
pub const REQUIRED_MISSING: &str = "T405";
/// A rewritten YAML section's resource still uses the source component or
/// type (the fc component, `ALIYUN::FC::Function`): the rest of it needs its
/// own migration.
pub const RESOURCE_NOT_MIGRATED: &str = "T406";
/// A rewritten resource's address is already in the file (another resource
/// of the target type has its name): it is written under a new name.
pub const RESOURCE_RENAMED: &str = "T407";

/// Every code with its severity and a one-line summary.
pub const ALL: &[(&str, Severity, &str)] = &[
    (EXPRESSION_KEPT, Severity::Warning, "expression kept as it is; check its value against the target"),
    (
        SOURCE_PROVIDER_REFERENCE,
        Severity::Info,
        "reference to a source-provider resource, which needs its own migration",
    ),
    (EXPRESSION_NOT_CARRIED, Severity::Warning, "expression the translation cannot carry; write the value by hand"),
    (NO_ARGUMENT, Severity::Warning, "value with no argument on the target resource type not written"),
    (REQUIRED_MISSING, Severity::Warning, "argument the target resource type requires has no value; write it"),
    (
        RESOURCE_NOT_MIGRATED,
        Severity::Warning,
        "the rewritten section's resource still uses the source component or type; migrate it",
    ),
    (RESOURCE_RENAMED, Severity::Info, "rewritten resource renamed: its address is already in the file"),
];

/// The severity of `code`.
pub fn severity(code: &str) -> Severity {
    ALL.iter().find(|(c, _, _)| *c == code).map_or(Severity::Error, |(_, s, _)| *s)
}

/// A note of `code` with its one severity.
pub fn note(code: &str, pointer: &str, message: impl Into<String>) -> invokecfg_model::Diagnostic {
    invokecfg_model::Diagnostic::new(code, severity(code), pointer, message)
}

#[cfg(test)]
mod tests {
    /// The README lists every code with its one severity and summary, as
    /// "- `T401` (warning): ..." lines (a `| T` table row is the translator's).
    #[test]
    fn the_readme_lists_every_code() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap_or_default();
        let listed: Vec<&str> = readme.lines().filter(|l| l.starts_with("- `T4")).collect();
        let expected: Vec<String> =
            super::ALL.iter().map(|(c, s, d)| format!("- `{c}` ({}): {d}", s.as_str())).collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn codes_are_unique_sorted_and_outside_the_translators() {
        assert!(super::ALL.windows(2).all(|w| w[0].0 < w[1].0));
        for (c, _, _) in super::ALL {
            assert!(invokecfg_translate::codes::ALL.iter().all(|(t, _, _)| t != c), "{c} is the translator's");
        }
    }
}
