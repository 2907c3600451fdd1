//! I305: an Alibaba account id that is not 16 digits.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I305",
        name: "account-id-length",
        severity: Severity::Warning,
        summary: "An Alibaba account id with other than 16 digits",
        docs: r#"## What it does
Warns about an ARN whose account id (uid) is digits but not $facts(alibaba-account-digits) of them.

## Why is this bad?
Alibaba Cloud account ids in every documented example and console are
$facts(alibaba-account-digits) digits; a shorter one is usually truncated or a doc placeholder such as `123`.
It is a warning, not an error, because no source states the length as a rule.

## Example
```json
{"destination": "acs:mns:cn-shanghai:123:/queues/jobs/messages"}
```

## Fix
Use the full account id, or leave it empty (`acs:mns:cn-shanghai::/queues/...`)
for the function's own account.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in &ctx.idents {
        let Some(arn) = &id.arn else { continue };
        let n = arn.account.len();
        if n != 0 && n != alibaba::ACCOUNT_ID_DIGITS {
            out.push(
                ctx.finding(
                    &RULE.info,
                    &id.pointer,
                    At::Value,
                    format!(
                        "`{}`: account id `{}` has {n} digits; Alibaba account ids have {}",
                        id.field,
                        arn.account,
                        alibaba::ACCOUNT_ID_DIGITS
                    ),
                )
                .with_span(ctx.ident_part_span(id, colon_part(&id.text, 3).unwrap_or((0, id.text.len()))))
                .with_help("use the full account id, or leave it empty for the function's own account"),
            );
        }
    }
}
