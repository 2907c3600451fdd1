//! I301: an ARN that does not have the `acs:` shape of its kind.

use super::helpers::{report, Class};
use super::prelude::*;
use invokecfg_model::Field;

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

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(ctx, out, &RULE.info, Class::MalformedArn, &|id| {
        if id.field == Dialect::AlibabaFc3.key(Field::Function) {
            "an FC 3.0 function ARN is `acs:fc:{region}:{account}:functions/{function}`".into()
        } else {
            "destination ARNs: `acs:fc:{region}:{account}:services/{service}/functions/{function}` (FC 2.0), `acs:fc:{region}:{account}:functions/{function}` (FC 3.0), `acs:mns:{region}:{account}:/queues/{queue}/messages`, `acs:mns:{region}:{account}:/topics/{topic}/messages`, `acs:eventbridge:{region}:{account}:eventbus/{bus}`, `acs:mq:{region}:{account}:/instances/{instance}/topic/{topic}`".into()
        }
    });
}
