//! M403: the same destination on success and on failure.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M403",
        name: "identical-destinations",
        severity: Severity::Info,
        summary: "Success and failure go to the same destination",
        docs: r#"## What it does
Notes a config whose success and failure destinations are the same resource.

## Why is this bad?
It is allowed (Terraform's own example does it), but the receiver must then
tell successes from failures by the payload's `condition`; often one of the
two was copied and not edited.

## Example
```json
{"destinationConfig": {"onSuccess": {"destination": "acs:fc:cn-shanghai:1234567890123456:services/s1/functions/f1"},
                       "onFailure": {"destination": "acs:fc:cn-shanghai:1234567890123456:services/s1/functions/f1"}}}
```

## Fix
Nothing required; split them if the receiver does not check the outcome.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in &ctx.configs {
        let [a, b] = c.destinations.as_slice() else { continue };
        let same = match (&a.alibaba, &b.alibaba, &a.huawei, &b.huawei) {
            (Some(x), Some(y), _, _) => x.text == y.text,
            (_, _, Some(x), Some(y)) => {
                x.kind_text.is_some()
                    && x.kind_text == y.kind_text
                    && match (&x.param, &y.param) {
                        (Some(Ok(p)), Some(Ok(q))) => p == q,
                        _ => x.param_text.is_some() && x.param_text == y.param_text,
                    }
            }
            _ => false,
        };
        if same {
            let p = join(&b.pointer, if b.alibaba.is_some() { DESTINATION } else { PARAM });
            out.push(
                ctx.finding(
                    &RULE.info,
                    &p,
                    At::Value,
                    format!("`{}` and `{}` name the same destination", a.slot, b.slot),
                )
                .with_help("the receiver must tell success from failure by the payload's `condition`"),
            );
        }
    }
}
