//! I315: the unconfirmed qualified FC 3.0 function ARN form.

use super::prelude::*;
use invokecfg_model::AcsResource;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I315",
        name: "fc3-qualified-function-arn",
        severity: Severity::Info,
        summary: "FC 3.0 function ARN with a qualifier (`functions/f/q`): an unconfirmed form",
        docs: r#"## What it does
Notes an FC 3.0 function ARN of the form `functions/{function}/{qualifier}`.

## Why is this bad?
The documented FC 3.0 function ARN is `functions/{function}`; no source
confirms that a qualified form is accepted as a destination. It may work, or
may silently target nothing.

## Example
```json
{"destination": "acs:fc:cn-hangzhou:1234567890123456:functions/notify/prod"}
```

## Fix
Prefer `acs:fc:{region}:{account}:functions/{function}`, or verify the
qualified form against a deployment.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in &ctx.idents {
        let Some(arn) = &id.arn else { continue };
        if let AcsResource::Fc3Function { function, qualifier: Some(q) } = &arn.resource {
            out.push(
                ctx.finding(
                    &RULE.info,
                    &id.pointer,
                    At::Value,
                    format!(
                        "`{}`: `functions/{function}/{q}` is an unconfirmed qualified FC 3.0 function ARN",
                        id.field
                    ),
                )
                .with_help(format!("the documented form is `functions/{function}`; verify `{q}` is honoured")),
            );
        }
    }
}
