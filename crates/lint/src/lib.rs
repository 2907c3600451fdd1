//! # invokecfg-lint
//!
//! Lint rules for async invocation configs: stable codes, exact spans, fixes
//! marked safe, unsafe or display-only (ruff's applicability).
//!
//! Every rule lives in its own module under `rules/` and is registered once in
//! `rules/mod.rs`. Codes are grouped by prefix: `S1xx` structure, `R2xx`
//! ranges, `I3xx` identifiers, `M4xx` semantics, `P5xx` portability (these run
//! only with [`LintOptions::target`]).
//!
//! ```
//! use invokecfg_lint::{apply_fixes, lint, LintOptions, RuleCode, UnsafeFixes};
//! use invokecfg_model::{Dialect, Severity};
//!
//! let text = br#"{"maxAsyncRetryAttempt": 3, "maxAsyncEventAgeInSeconds": 700000}"#;
//! let result = lint(text, &LintOptions::default());
//! assert_eq!(result.dialect, Some(Dialect::AlibabaFc2));
//! let found: Vec<(&str, Severity, &str)> =
//!     result.diagnostics.iter().map(|d| (d.code.as_str(), d.severity, d.pointer.as_str())).collect();
//! assert_eq!(
//!     found,
//!     [
//!         (RuleCode::S106.as_str(), Severity::Error, "/maxAsyncRetryAttempt"),
//!         (RuleCode::R201.as_str(), Severity::Error, "/maxAsyncEventAgeInSeconds"),
//!     ]
//! );
//! // Both fixes are unsafe (a guessed key, a value chosen): applied only when asked for.
//! assert_eq!(apply_fixes(text, &result.diagnostics, UnsafeFixes::Disabled).1, 0);
//! let (fixed, applied) = apply_fixes(text, &result.diagnostics, UnsafeFixes::Enabled);
//! assert_eq!(applied, 2);
//! assert_eq!(fixed, br#"{"maxAsyncRetryAttempts": 3, "maxAsyncEventAgeInSeconds": 604800}"#);
//! ```

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

mod ctx;
pub mod portability;
mod render;
mod rules;
mod suggest;

pub use invokecfg_model::diagnostic::Applicability;
use invokecfg_model::{span, Diagnostic, Dialect, Fix, Severity};

pub use render::{diagnostic_json, render_text, DiagnosticEntry};
pub use rules::{RuleCode, WRAPPER_ONLY};
pub use suggest::{near, near_absent};

/// One rule's registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable code, e.g. `R201`.
    pub code: &'static str,
    /// kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// Markdown docs: what, why, example, fix.
    pub docs: &'static str,
    /// Whether its findings carry a fix.
    pub fix: FixAvailability,
    /// The applicabilities its fixes have (empty exactly when `fix` is
    /// [`FixAvailability::None`]); the docs' Fix section says why.
    pub applicability: &'static [Applicability],
}

impl RuleInfo {
    /// Whether any of its findings can carry a fix.
    pub fn fixable(&self) -> bool {
        self.fix != FixAvailability::None
    }

    /// How its fixes are offered, for listings: `always, unsafe`; `None` when it has none.
    pub fn fix_summary(&self) -> Option<String> {
        self.fixable().then(|| {
            let kinds: Vec<&str> = self.applicability.iter().map(|a| a.as_str()).collect();
            format!("{}, {}", self.fix.as_str(), kinds.join(" or "))
        })
    }
}

/// Whether a rule's findings carry a fix (ruff's vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FixAvailability {
    /// No finding has a fix.
    None,
    /// Some findings have a fix (when the repair is unambiguous).
    Sometimes,
    /// Every finding has a fix.
    Always,
}

impl FixAvailability {
    /// `none`, `sometimes` or `always`.
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

/// Whether fixing applies unsafe fixes too (`--unsafe-fixes`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum UnsafeFixes {
    /// Safe fixes only (`--fix`).
    #[default]
    Disabled,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`); display-only ones never.
    Enabled,
}

impl UnsafeFixes {
    /// The least applicability a fix must have to be applied.
    pub fn required(self) -> Applicability {
        match self {
            UnsafeFixes::Disabled => Applicability::Safe,
            UnsafeFixes::Enabled => Applicability::Unsafe,
        }
    }

    /// Whether `fix` is applied under this setting.
    pub fn applies(self, fix: &Fix) -> bool {
        fix.applicability >= self.required()
    }

    /// Whether `fix` would be applied only with `--unsafe-fixes` (and is not now).
    pub fn hides(self, fix: &Fix) -> bool {
        !self.applies(fix) && UnsafeFixes::Enabled.applies(fix)
    }
}

/// Every rule, in code order.
pub fn rules() -> &'static [RuleInfo] {
    &rules::INFOS
}

/// The rule with `code` (case-insensitive) or kebab-case `name`.
pub fn rule(code_or_name: &str) -> Option<&'static RuleInfo> {
    let index = rules::RULES
        .iter()
        .position(|r| r.info.code.eq_ignore_ascii_case(code_or_name) || r.info.name == code_or_name)?;
    rules::info_at(index)
}

/// The rule's page, `docs/rules/<CODE>.md`: heading, severity, fixability,
/// summary, then the rule's docs (what, why, example, fix).
pub fn rule_page(r: &RuleInfo) -> String {
    format!(
        "<!-- Generated from the rule registry (crates/lint/src/rules/); do not edit. See README.md. -->\n\n# {} {}\n\n- Severity: {}\n- Fix: {}\n\n{}\n\n{}\n",
        r.code,
        r.name,
        r.severity,
        fix_line(r),
        r.summary,
        r.docs.trim_end()
    )
}

/// The page's `Fix:` line: availability, applicability and the flag that applies it.
fn fix_line(r: &RuleInfo) -> String {
    let Some(summary) = r.fix_summary() else { return "none".into() };
    let flag = if r.applicability.contains(&Applicability::Safe) {
        " (`invokecfg lint --fix`)"
    } else if r.applicability.contains(&Applicability::Unsafe) {
        " (`invokecfg lint --fix --unsafe-fixes`)"
    } else {
        " (shown, never applied)"
    };
    format!("{summary}{flag}")
}

/// `docs/rules/README.md`: how the pages are made, the severity policy, and the index.
pub fn rules_index() -> String {
    let mut s = String::from(
        "<!-- Generated from the rule registry (crates/lint/src/rules/); do not edit. -->\n\n# Lint rules\n\n\
One page per rule, generated from the rule registry. `cargo test -p invokecfg-lint --test docs`\n\
fails when a page is stale; regenerate them all with\n\n\
```sh\nUPDATE_RULE_DOCS=1 cargo test -p invokecfg-lint --test docs\n```\n\n\
Severity (cfn-lint's convention): *error* = the provider's API would reject the document, or a\n\
translation would be wrong; *warning* = accepted but very likely a mistake (a placeholder such as\n\
a queue named `xxx`, a region the SDK does not list, a self-invoking destination); *info* = worth\n\
knowing.\n\n| code | name | severity | fix | summary |\n|---|---|---|---|---|\n",
    );
    for r in rules() {
        s.push_str(&format!(
            "| [{}]({}.md) | {} | {} | {} | {} |\n",
            r.code,
            r.code,
            r.name,
            r.severity,
            r.fix_summary().unwrap_or_default(),
            r.summary.replace('|', "\\|")
        ));
    }
    s
}

/// Which rules run, and how severe they are.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// The mapping file the portability rules translate with (`--map`).
    pub mapping: Option<std::sync::Arc<invokecfg_translate::Mapping>>,
    /// Whether the document is a request or a response: a fact of the
    /// surface it was read from (an IaC resource is always a request).
    pub role: DocumentRole,
    /// The notes of the surface's own translation of the document to
    /// `target`, when it translates the document differently from the API
    /// JSON translator (an IaC resource's function identity comes from the
    /// wrapper, its expressions are left out): the portability rules report
    /// these instead of dry-running the document, so `lint --target` says
    /// what `translate --to` does. `None`: dry-run the document.
    pub translation_notes: Option<std::sync::Arc<Vec<invokecfg_model::Diagnostic>>>,
    /// Which fixes fixing applies (`--unsafe-fixes`). Findings carry every
    /// fix whatever it says; only [`apply_fixes`]' callers read it.
    pub unsafe_fixes: UnsafeFixes,
}

/// Whether a document sets a config or was read back from the API.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentRole {
    /// API JSON: a response when it holds a key only responses carry
    /// (FunctionGraph's `func_urn`, `created_time`, `last_modified`).
    #[default]
    FromKeys,
    /// A config being set: a Terraform resource, an s.yaml or ROS section
    /// (the provider sends its values to the Update/Put API).
    Request,
}

/// The findings for one source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LintResult {
    /// The dialect the source was read as, if one could be chosen.
    pub dialect: Option<Dialect>,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a selector (`ALL`, a code, a code prefix such as `I3` or `R`, or a
/// rule name) names `rule`.
pub fn selector_matches(selector: &str, rule: &RuleInfo) -> bool {
    let s = selector.trim();
    !s.is_empty()
        && (s.eq_ignore_ascii_case("ALL")
            || rule.name == s
            || rule.code.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
}

/// Whether a selector names at least one rule (for validating configuration).
pub fn is_known_selector(selector: &str) -> bool {
    rules().iter().any(|r| selector_matches(selector, r))
}

fn enabled(rule: &RuleInfo, options: &LintOptions) -> bool {
    (options.select.is_empty() || options.select.iter().any(|s| selector_matches(s, rule)))
        && !options.ignore.iter().any(|s| selector_matches(s, rule))
}

pub use invokecfg_model::span::LIST_WINDOW;

/// Lints one source text.
pub fn lint(source: &[u8], options: &LintOptions) -> LintResult {
    lint_in_windows(source, options, LIST_WINDOW)
}

/// [`lint`], reading a list of more than `window` items `window` items at a
/// time. The findings are the same as of one whole read (S108 reports at
/// most 64 values per window instead of per document); a list that cannot
/// be read in windows (invalid JSON, mixed dialects) is read whole.
pub fn lint_in_windows(source: &[u8], options: &LintOptions, window: usize) -> LintResult {
    let mut out = Vec::new();
    let dialect = match windowed(source, options, window, &mut out) {
        Some(d) => d,
        None => {
            out.clear();
            whole(source, options, &mut out)
        }
    };
    for d in &mut out {
        if let Some(r) = rule(&d.code) {
            for (sel, sev) in &options.severities {
                if selector_matches(sel, r) {
                    d.severity = *sev;
                }
            }
        }
    }
    for d in &mut out {
        d.message = shorten_quoted(&d.message);
        d.help = d.help.as_deref().map(shorten_quoted);
    }
    out.sort_by(|a, b| {
        let pos = |d: &Diagnostic| d.span.map_or((0, 0), |s| (s.start.offset, s.end.offset));
        pos(a).cmp(&pos(b)).then_with(|| a.code.cmp(&b.code)).then_with(|| a.message.cmp(&b.message))
    });
    out.dedup();
    LintResult { dialect, diagnostics: out }
}

/// Runs the enabled rules over one parsed source (a whole document or a window).
fn check(ctx: &ctx::Ctx, options: &LintOptions, out: &mut Vec<Diagnostic>) {
    let from = out.len();
    for r in rules::RULES {
        if enabled(&r.info, options) {
            (r.check)(ctx, out);
        }
    }
    // A fix made in a guessed dialect could turn the file into the other one.
    if ctx.tie {
        for d in &mut out[from..] {
            d.fix = None;
        }
    }
}

/// The lint context of one parsed source, with the dry run to `--target`
/// the portability rules read (made only when one of them runs).
fn context<'a>(source: &'a [u8], parsed: &'a span::ParsedSource, options: &'a LintOptions) -> ctx::Ctx<'a> {
    let mut ctx = ctx::Ctx::new(source, parsed, options);
    // No target, no dry run: the common lint skips the scan of the rules.
    if options.target.is_some()
        && rules::RULES.iter().any(|r| portability::is_portability_rule(r.info.code) && enabled(&r.info, options))
    {
        ctx.dry_run = portability::dry_run(&ctx);
    }
    ctx
}

/// Whether [`lint_in_windows`] reads `source` in windows of `size` items
/// rather than whole (for tests: a fallback would make agreement trivial).
#[doc(hidden)]
pub fn reads_in_windows(source: &[u8], options: &LintOptions, size: usize) -> bool {
    windowed(source, options, size, &mut Vec::new()).is_some()
}

fn whole(source: &[u8], options: &LintOptions, out: &mut Vec<Diagnostic>) -> Option<Dialect> {
    match span::parse(source) {
        Err(e) => {
            if enabled(&rules::s101_invalid_json::RULE.info, options) {
                out.push(rules::s101_invalid_json::finding(&e, source));
            }
            options.dialect
        }
        Ok(parsed) => {
            let ctx = context(source, &parsed, options);
            check(&ctx, options, out);
            ctx.dialect
        }
    }
}

/// Lints a long list a window of items at a time; `None` when it must be read whole.
fn windowed(source: &[u8], options: &LintOptions, size: usize, out: &mut Vec<Diagnostic>) -> Option<Option<Dialect>> {
    let plan = span::ListPlan::for_windows(source, size)?;
    let mut dialect = None;
    let mut untranslatable = false;
    for (n, w) in plan.windows(size).enumerate() {
        let parsed = span::parse_window(source, &plan, w, span::Limits::DEFAULT).ok()?;
        let ctx = context(source, &parsed, options);
        // Each window must read as the same list: otherwise its findings would not be the document's.
        let list_dialect = ctx.dialect.filter(|d| ctx.list.is_some() && d.list_items_key() == plan.items_key());
        if list_dialect.is_none() || ctx.mixed.is_some() || (n > 0 && ctx.dialect != dialect) {
            return None;
        }
        dialect = ctx.dialect;
        check(&ctx, options, out);
        untranslatable |= ctx.untranslatable();
    }
    // The translator reads a list whole: one unreadable item and there is no dry run of any.
    if untranslatable {
        out.retain(|d| !portability::is_portability_rule(&d.code));
    }
    Some(dialect)
}

/// Values quoted in messages (between backticks) longer than this are cut.
const MAX_QUOTED: usize = 256;

/// Cuts long quoted values (`` `...` ``) so a huge value prints a short message.
fn shorten_quoted(s: &str) -> String {
    if s.len() <= 2 * MAX_QUOTED {
        return s.to_string();
    }
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 && part.chars().count() > MAX_QUOTED {
                format!("{}...", part.chars().take(MAX_QUOTED - 3).collect::<String>())
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Applies the fixes of `diagnostics` that `unsafe_fixes` allows to
/// `source`; returns the new text and how many fixes applied.
///
/// A fix whose edits overlap an earlier accepted fix is skipped (the next run
/// applies it); bytes outside the edits stay as they were.
pub fn apply_fixes(source: &[u8], diagnostics: &[Diagnostic], unsafe_fixes: UnsafeFixes) -> (Vec<u8>, usize) {
    let (out, count, _) = apply_fixes_with_ranges(source, diagnostics, unsafe_fixes);
    (out, count)
}

/// [`apply_fixes`], also returning the byte ranges of the new text that the
/// applied edits wrote (to tell a fix's consequences from other findings).
/// For tests: hidden from the documented API.
#[doc(hidden)]
pub fn apply_fixes_with_ranges(
    source: &[u8],
    diagnostics: &[Diagnostic],
    unsafe_fixes: UnsafeFixes,
) -> (Vec<u8>, usize, Vec<std::ops::Range<usize>>) {
    let mut fixes: Vec<&Fix> =
        diagnostics.iter().filter_map(|d| d.fix.as_ref()).filter(|f| unsafe_fixes.applies(f)).collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start.offset).min().unwrap_or(usize::MAX));
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    let mut count = 0;
    for f in fixes {
        let ranges: Vec<(usize, usize, &str)> =
            f.edits.iter().map(|e| (e.span.start.offset, e.span.end.offset, e.content.as_str())).collect();
        let valid = !ranges.is_empty()
            && ranges.iter().all(|&(s, e, _)| s <= e && e <= source.len())
            && ranges.iter().all(|&(s, e, _)| taken.iter().all(|&(ts, te, _)| e <= ts || s >= te))
            && ranges.iter().enumerate().all(|(i, a)| ranges.iter().skip(i + 1).all(|b| a.1 <= b.0 || b.1 <= a.0));
        if valid {
            taken.extend(ranges);
            count += 1;
        }
    }
    taken.sort_by_key(|&(s, e, _)| (s, e));
    let mut out = Vec::with_capacity(source.len());
    let mut written = Vec::new();
    let mut at = 0;
    for (s, e, content) in taken {
        if s < at {
            continue;
        }
        out.extend_from_slice(&source[at..s]);
        let from = out.len();
        out.extend_from_slice(content.as_bytes());
        written.push(from..out.len());
        at = e;
    }
    out.extend_from_slice(&source[at.min(source.len())..]);
    (out, count, written)
}
