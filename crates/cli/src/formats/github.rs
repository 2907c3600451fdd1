//! GitHub Actions workflow commands: one annotation per finding and problem.

use super::{message_with_help, region, FileFindings, Problem};
use crate::escape::{controls, Newlines};
use invokecfg_model::Severity;

/// Escapes workflow-command data (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes workflow-command property values (data escapes plus `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error` / `::warning` / `::notice` line per finding, then one
/// `::error` per path that could not be read or fixed.
pub fn commands(files: &[FileFindings], problems: &[Problem]) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let name = invokecfg_lint::rule(&d.code).map_or("", |r| r.name);
            let (sl, sc, el, ec) = region(d);
            out.push_str(&format!(
                "::{level} file={},line={sl},col={sc},endLine={el},endColumn={ec},title={}::{}\n",
                escape_property(&controls(&f.path, Newlines::Kept)),
                escape_property(&format!("{} {name}", d.code)),
                escape_data(&controls(&message_with_help(d), Newlines::Kept))
            ));
        }
    }
    for p in problems {
        out.push_str(&format!(
            "::error file={}::{}\n",
            escape_property(&controls(&p.path, Newlines::Kept)),
            escape_data(&controls(&p.message, Newlines::Kept))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn github_lines() {
        let out = commands(&super::super::sample(), &[]);
        assert!(out.starts_with("::error file=dir/a%2Cb.json,line=2,col=28,"), "{out}");
        let problem = Problem { path: "x,y.json".into(), message: "No such file\nor directory".into() };
        assert_eq!(commands(&[], &[problem]), "::error file=x%2Cy.json::No such file%0Aor directory\n");
    }
}
