//! ruff/rustc-style text: snippets with carets, then summary lines.

use super::{plural, Colour, Counts, FileFindings, RunInfo};
use crate::escape::{self, controls, Newlines};
use invokecfg_model::Diagnostic;

/// Each file's findings with snippets, then the problems. Control
/// characters from the input are shown as visible pictures.
pub fn findings(files: &[FileFindings], info: &RunInfo, colour: Colour) -> String {
    let mut out = String::new();
    for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        let diagnostics: Vec<Diagnostic> = f.diagnostics.iter().map(escaped).collect();
        out.push_str(&invokecfg_lint::render_text(
            &controls(&f.path, Newlines::Escaped),
            &escape::source(&f.source),
            &diagnostics,
            colour == Colour::Ansi,
        ));
    }
    for p in &info.problems {
        out.push_str(&format!("error: {}\n", controls(&p.to_string(), Newlines::Escaped)));
    }
    out
}

/// A finding whose message, help and fix text show control characters as pictures.
fn escaped(d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    d.message = controls(&d.message, Newlines::Escaped);
    d.help = d.help.as_deref().map(|h| controls(h, Newlines::Escaped));
    if let Some(fix) = &mut d.fix {
        fix.message = controls(&fix.message, Newlines::Escaped);
    }
    d
}

/// The closing lines of the text output.
pub fn summary(files: &[FileFindings], info: &RunInfo) -> String {
    let mut out = String::new();
    let c = Counts::of(files);
    let skipped = if info.skipped > 0 {
        format!(", {} skipped: not an async invocation config", plural(info.skipped, "file"))
    } else {
        String::new()
    };
    let unread = format!("{} could not be read or fixed.\n", plural(info.problems.len(), "path"));
    if c.errors + c.warnings + c.infos == 0 && info.problems.is_empty() {
        if files.is_empty() {
            out.push_str(&format!("No config files found{skipped}.\n"));
        } else {
            out.push_str(&format!("All checks passed ({}{skipped}).\n", plural(files.len(), "file")));
        }
    } else if c.errors + c.warnings + c.infos == 0 {
        out.push_str(&format!("No findings in {}{skipped}.\n", plural(files.len(), "file")));
        out.push_str(&unread);
    } else {
        let fixes = files.iter().flat_map(|f| &f.diagnostics).filter_map(|d| d.fix.as_ref());
        let fixable = fixes.clone().filter(|f| info.unsafe_fixes.applies(f)).count();
        let hidden = fixes.filter(|f| info.unsafe_fixes.hides(f)).count();
        out.push_str(&format!(
            "Found {}, {} and {} in {}{skipped}.\n",
            plural(c.errors, "error"),
            plural(c.warnings, "warning"),
            plural(c.infos, "info"),
            plural(files.len(), "file")
        ));
        if !info.problems.is_empty() {
            out.push_str(&unread);
        }
        if fixable > 0 {
            let verb = if fixable == 1 { "is" } else { "are" };
            out.push_str(&format!("{} {verb} fixable with `--fix`.\n", plural(fixable, "finding")));
        }
        if hidden > 0 {
            let verb = if hidden == 1 { "is" } else { "are" };
            let what = plural(hidden, if fixable > 0 { "more finding" } else { "finding" });
            out.push_str(&format!(
                "{what} {verb} fixable with `--fix --unsafe-fixes` (unsafe fixes can change what a config means).\n"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_control_characters() {
        let source = "{\"\\u001b[2J\": 1, \"maxAsyncRetryAttempts\": 9, \"x\u{1b}[31m\": 2}".to_string();
        let r = invokecfg_lint::lint(source.as_bytes(), &Default::default());
        let files = vec![FileFindings { path: "a\u{1b}.json".into(), source, diagnostics: r.diagnostics }];
        let out = findings(&files, &RunInfo::default(), Colour::Plain);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("a\u{241b}.json"), "{out}");
        assert!(!super::super::github::commands(&files, &[]).contains('\u{1b}'));
    }
}
