//! I303: a malformed FunctionGraph function URN or SMN topic URN.

use super::helpers::{report, Class};
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I303",
        name: "malformed-urn",
        severity: Severity::Error,
        summary: "A malformed Huawei function URN or SMN topic URN",
        docs: r#"## What it does
Reports a `func_urn` (of the config, or inside a FunctionGraph `param`) or a
`topic_urn` (inside an SMN `param`) that is not a URN of its kind, and says
which part is wrong: prefix, number of parts, resource type, region or length.

## Why is this bad?
The destination cannot be resolved; results are lost or the request fails.
JSON Schemas cannot see inside the `param` string.

## Example
```json
{"param": "{\"topic_urn\":\"urn:smn:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:t:8b2c3f9d\"}"}
```
Six parts: a subscription URN, not a topic URN.

## Fix
Function URN: `urn:fss:{region}:{project_id}:function:{package}:{name}[:{version}|:!{alias}]`;
topic URN: `urn:smn:{region}:{project_id}:{topic}`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(ctx, out, &RULE.info, Class::MalformedUrn, &|id| {
        if id.kind == IdKind::TopicUrn {
            "an SMN topic URN is `urn:smn:{region}:{project_id}:{topic}` (exactly 5 parts)".into()
        } else {
            "a function URN is `urn:fss:{region}:{project_id}:function:{package}:{name}[:{version}|:!{alias}]`".into()
        }
    });
}
