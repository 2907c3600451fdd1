//! Lint findings as LSP diagnostics.

use crate::documents::Document;
use crate::position::Encoding;
use invokecfg_model::Severity;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, Uri,
};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "invokecfg";

/// How the client shows diagnostics (from its capabilities).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub encoding: Encoding,
    /// Help as related information (else appended to the message, as SARIF does).
    pub related_information: bool,
}

/// The LSP range of a finding (the document's start when it has no span).
pub fn range_of(d: &invokecfg_model::Diagnostic, doc: &Document, encoding: Encoding) -> Range {
    match d.span {
        Some(s) => doc.index.range(&doc.text, s.start.offset, s.end.offset, encoding),
        None => Range::default(),
    }
}

/// One finding as the client shows it.
pub fn to_lsp(
    d: &invokecfg_model::Diagnostic,
    doc: &Document,
    uri: &Uri,
    style: Style,
    rules_url: Option<&str>,
) -> lsp_types::Diagnostic {
    let range = range_of(d, doc, style.encoding);
    let mut message = d.message.clone();
    let mut related = None;
    if let Some(help) = &d.help {
        if style.related_information {
            related = Some(vec![DiagnosticRelatedInformation {
                location: Location { uri: uri.clone(), range },
                message: format!("help: {help}"),
            }]);
        } else {
            message.push_str(&format!("\nhelp: {help}"));
        }
    }
    let code_description = rules_url
        .and_then(|base| invokecfg_cli::rule_page_url(base, &d.code).parse::<Uri>().ok())
        .map(|href| CodeDescription { href });
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description,
        source: Some(SOURCE.into()),
        message,
        related_information: related,
        tags: None,
        data: None,
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
