//! # invokecfg-lint
//!
//! Lint rules for async invocation configs: stable codes, exact spans, safe fixes.
//!
//! (Interface fixed; implementation in progress.)

use invokecfg_model::{Diagnostic, Dialect, Severity};

/// One rule's registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable code, e.g. `FC101`.
    pub code: &'static str,
    /// kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// Markdown docs: what, why, example, fix.
    pub docs: &'static str,
    /// Whether it offers a safe fix.
    pub fixable: bool,
}

/// Every rule, in code order.
pub fn rules() -> &'static [RuleInfo] {
    &[]
}

/// The rule with `code` (case-insensitive) or kebab-case `name`.
pub fn rule(code_or_name: &str) -> Option<&'static RuleInfo> {
    rules().iter().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Which rules run, and how severe they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// Force the dialect (None: detect).
    pub dialect: Option<Dialect>,
    /// Run portability rules against this target.
    pub target: Option<Dialect>,
    /// Codes or code prefixes to run (empty: all).
    pub select: Vec<String>,
    /// Codes or code prefixes to skip.
    pub ignore: Vec<String>,
    /// Severity overrides by code.
    pub severities: Vec<(String, Severity)>,
    /// The function's identity (ARN or URN), for rules that compare against it.
    pub function: Option<String>,
}

/// The findings for one source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LintResult {
    /// The dialect the source was read as, if one could be chosen.
    pub dialect: Option<Dialect>,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lints one source text.
pub fn lint(_source: &[u8], _options: &LintOptions) -> LintResult {
    LintResult::default()
}

/// Applies the safe fixes of `diagnostics` to `source`; returns the new text and how many fixes applied.
pub fn apply_fixes(source: &[u8], diagnostics: &[Diagnostic]) -> (Vec<u8>, usize) {
    let _ = diagnostics;
    (source.to_vec(), 0)
}
