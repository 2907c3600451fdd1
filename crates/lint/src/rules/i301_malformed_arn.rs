//! I301: an ARN that does not have the `acs:` shape of its kind.

use super::prelude::*;
use crate::ctx::Ident;
use invokecfg_model::facts::NameError;
use invokecfg_model::Field;
use invokecfg_model::{ArnError, UrnError};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I301",
        name: "malformed-arn",
        severity: Severity::Error,
        summary: "A malformed Alibaba ARN (says which part is wrong)",
        docs: r#"## What it does
Reports a destination or `functionArn` that is not an Alibaba Cloud ARN of a
destination kind, and says which part is wrong: the `acs:` prefix, the number
of parts, the service (`fc`, `mns`, `eventbridge`, `mq`), the region, the
account, or the resource path of the service.

## Why is this bad?
The API accepts any string here and fails only when it delivers a result, so
a typo loses every result silently. JSON Schemas cannot see inside the string.

## Example
```json
{"destinationConfig": {"onSuccess": {"destination": "acs:fc:cn-shanghai:1234567890123456:service/s1/functions/f1"}}}
```
`service/` should be `services/`.

## Fix
Write the ARN in its documented form, e.g.
`acs:fc:{region}:{account}:services/{service}/functions/{function}` or
`acs:mns:{region}:{account}:/queues/{queue}/messages`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

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
        IdError::Urn(UrnError::ShortForm { .. }) if id.kind == IdKind::FunctionUrn(true) => Class::ShortForm,
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

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(ctx, out, &RULE.info, Class::MalformedArn, &|id| {
        if id.field == Dialect::AlibabaFc3.key(Field::Function) {
            "an FC 3.0 function ARN is `acs:fc:{region}:{account}:functions/{function}`".into()
        } else {
            "destination ARNs: `acs:fc:{region}:{account}:services/{service}/functions/{function}` (FC 2.0), `acs:fc:{region}:{account}:functions/{function}` (FC 3.0), `acs:mns:{region}:{account}:/queues/{queue}/messages`, `acs:mns:{region}:{account}:/topics/{topic}/messages`, `acs:eventbridge:{region}:{account}:eventbus/{bus}`, `acs:mq:{region}:{account}:/instances/{instance}/topic/{topic}`".into()
        }
    });
}
