//! M402: a destination in another region than the function.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M402",
        name: "destination-other-region",
        severity: Severity::Warning,
        summary: "A destination lives in another region than the function",
        docs: r#"## What it does
Warns when a destination's region (from its ARN or URN) differs from the
function's region (from `functionArn`, `func_urn` or `--function`).

## Why is this bad?
Async destinations are regional resources; no source confirms cross-region
delivery, and the same-region rule holds for triggers. Usually the region was
copied from another environment.

## Example
```json
{"functionArn": "acs:fc:cn-hangzhou:1234567890123456:functions/f",
 "destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/q/messages"}}}
```

## Fix
Use a destination in the function's region.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in &ctx.configs {
        let Some(own) = c.function.as_ref().and_then(|f| f.region.as_deref()) else { continue };
        for dest in &c.destinations {
            let Some(r) = dest.region() else { continue };
            if r == own || r.is_empty() {
                continue;
            }
            out.push(
                ctx.finding(
                    &RULE.info,
                    &join(&dest.pointer, if dest.alibaba.is_some() { DESTINATION } else { PARAM }),
                    At::Value,
                    format!("`{}` is in region `{r}`, the function in `{own}`", dest.slot),
                )
                .with_help(format!("use a destination in `{own}`; cross-region delivery is not documented")),
            );
        }
    }
}
