//! Identifier parse errors, each classed to the one rule that reports it
//! (I301, I303, I304, I306, I307, I308), and how those rules report them.

use crate::ctx::{colon_part, At, Ctx, IdError, IdKind, Ident};
use crate::RuleInfo;
use invokecfg_model::facts::{looks_like_placeholder, NameError};
use invokecfg_model::{ArnError, Diagnostic, UrnError};

/// Which identifier rule a parse error belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    MalformedArn,
    MalformedUrn,
    Placeholder,
    Name,
    ProjectId,
    ShortForm,
}

/// The rule for an identifier's parse error.
pub(crate) fn class(id: &Ident) -> Option<Class> {
    Some(match id.error.as_ref()? {
        IdError::Arn(ArnError::Region { region: s } | ArnError::Account { account: s })
            if looks_like_placeholder(s) =>
        {
            Class::Placeholder
        }
        IdError::Arn(ArnError::Name(_) | ArnError::Qualifier { .. }) => Class::Name,
        IdError::Arn(_) => Class::MalformedArn,
        IdError::Urn(UrnError::Region { region: s } | UrnError::ProjectId { project_id: s })
            if looks_like_placeholder(s) =>
        {
            Class::Placeholder
        }
        IdError::Urn(UrnError::ProjectId { .. }) => Class::ProjectId,
        IdError::Urn(UrnError::Name(_)) => Class::Name,
        IdError::Urn(UrnError::ShortForm { .. }) if id.kind == IdKind::ParamFunctionUrn => Class::ShortForm,
        IdError::Urn(_) => Class::MalformedUrn,
    })
}

/// The parse error's text.
pub(crate) fn error_text(id: &Ident) -> String {
    match &id.error {
        Some(IdError::Arn(e)) => e.to_string(),
        Some(IdError::Urn(e)) => e.to_string(),
        None => String::new(),
    }
}

/// Where in the identifier's text its error lies (byte start, len): the part,
/// or the whole text when no one part is wrong.
pub(crate) fn error_part(id: &Ident) -> (usize, usize) {
    let t = &id.text;
    let find = |s: &str| t.rfind(s).map(|i| (i, s.len()));
    let name = |n: &NameError| match n {
        NameError::Length { value, .. } | NameError::Character { value, .. } => value.clone(),
    };
    let part = match &id.error {
        Some(IdError::Arn(ArnError::Service { .. })) => colon_part(t, 1),
        Some(IdError::Arn(ArnError::Region { .. }) | IdError::Urn(UrnError::Region { .. })) => colon_part(t, 2),
        Some(IdError::Arn(ArnError::Account { .. }) | IdError::Urn(UrnError::ProjectId { .. })) => colon_part(t, 3),
        Some(IdError::Urn(UrnError::ResourceType { .. })) => colon_part(t, 4),
        Some(IdError::Arn(ArnError::Resource { resource, .. })) => find(resource),
        Some(IdError::Arn(ArnError::Qualifier { qualifier, .. })) => find(qualifier),
        Some(IdError::Arn(ArnError::Name(n)) | IdError::Urn(UrnError::Name(n))) => find(&name(n)),
        _ => None,
    };
    part.filter(|(_, len)| *len > 0).unwrap_or((0, t.len()))
}

/// Reports each identifier whose error is of class `want`, at the wrong part.
pub(crate) fn report(
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
    rule: &RuleInfo,
    want: Class,
    help: &dyn Fn(&Ident) -> String,
) {
    for id in &ctx.idents {
        if class(id) == Some(want) {
            let mut f = ctx.finding(rule, &id.pointer, At::Value, format!("`{}`: {}", id.field, error_text(id)));
            f.span = ctx.ident_part_span(id, error_part(id));
            out.push(f.with_help(help(id)));
        }
    }
}
