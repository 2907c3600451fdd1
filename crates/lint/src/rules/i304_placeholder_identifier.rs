//! I304: documentation placeholders left in identifiers.

use super::helpers::{report, Class};
use super::prelude::*;
use invokecfg_model::{AcsResource, ArnError, UrnError};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I304",
        name: "placeholder-identifier",
        severity: Severity::Warning,
        summary: "A placeholder (`xxx`, `{region}`, `****`) left in an ARN or URN",
        docs: r#"## What it does
Reports a region, account id, project id or resource name that is a
documentation placeholder rather than a value: `xxx`, `{region}`,
`${vars.region}`, `188077086902****`, `5691ba790e2b46ceb38316xxxxxxxxxx`.

## Why is this bad?
Examples copied from the docs deploy fine and then deliver nothing: the ARN
or URN names no real resource.

Severity: warning. The API accepts the document (a queue may be named `xxx`),
so it is not an error (error = the API would reject it, or a translation would
be wrong); it is very likely a mistake, so it is not info.

## Example
```json
{"destinationConfig": {"onFailure": {"destination": "acs:fc:cn-shanghai:xxx:services/s1/functions/f1"}}}
```

## Fix
Put in the real region, account id ($facts(alibaba-account-digits) digits) or project id
($facts(huawei-project-id-len) letters and digits), or leave region and account empty in an Alibaba ARN
(`acs:fc:::...`) to mean the function's own.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn names(r: &AcsResource) -> Vec<(&'static str, &str)> {
    match r {
        AcsResource::Fc2Function { service, function, .. } => {
            vec![(alibaba::SERVICE_KEY, service), (alibaba::FUNCTION_KEY, function)]
        }
        AcsResource::Fc3Function { function, .. } => vec![("function", function)],
        AcsResource::MnsQueue { queue } => vec![("queue", queue)],
        AcsResource::MnsTopic { topic } => vec![("topic", topic)],
        AcsResource::EventBus { bus } => vec![("event bus", bus)],
        AcsResource::RocketMqTopic { instance, topic } => vec![("instance", instance), ("topic", topic)],
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // The help talks about the part that is a placeholder.
    report(ctx, out, &RULE.info, Class::Placeholder, &|id| match &id.error {
        Some(IdError::Arn(ArnError::Region { .. })) => {
            "use the real region id (e.g. `cn-shanghai`), or leave it empty (`acs:fc::...`) for the function's own"
                .into()
        }
        Some(IdError::Arn(_)) => {
            format!("use the real account id ({} digits), or leave it empty (`acs:fc:{{region}}::...`) for the function's own", alibaba::ACCOUNT_ID_DIGITS)
        }
        Some(IdError::Urn(UrnError::Region { .. })) => "use the real region id (e.g. `cn-north-4`)".into(),
        _ => format!("use the real project id ({} letters and digits)", huawei::PROJECT_ID_LEN),
    });
    // Lambda ARNs: the docs' account ids and names.
    for (pointer, arn) in ctx.aws_arns() {
        for (what, value) in arn.placeholders() {
            let key = pointer.rsplit('/').next().unwrap_or_default();
            let message = format!("`{key}`: {what} `{value}` looks like a documentation placeholder");
            out.push(ctx.finding(&RULE.info, &pointer, At::Value, message).with_help(format!("use the real {what}")));
        }
    }
    // Well-formed ARNs can still carry `xxx` as a name.
    for id in &ctx.idents {
        let Some(arn) = &id.arn else { continue };
        for (what, name) in names(&arn.resource) {
            if looks_like_placeholder(name) {
                let message = format!("`{}`: {what} name `{name}` looks like a documentation placeholder", id.field);
                let mut f = ctx.finding(&RULE.info, &id.pointer, At::Value, message);
                // Names sit in the resource part, after the account.
                f.span = ctx.ident_part_span(id, (id.text.rfind(name).unwrap_or(0), name.len()));
                out.push(f.with_help(format!("use the real {what} name")));
            }
        }
    }
}
