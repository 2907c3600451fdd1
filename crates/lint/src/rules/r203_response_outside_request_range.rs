//! R203: a Huawei response value that could not be set again.

use super::helpers::Ranged;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R203",
        name: "response-outside-request-range",
        severity: Severity::Info,
        summary: "A Huawei response value lies outside what a request may set",
        docs: r#"## What it does
For a Huawei config read back from the API (it has `func_urn`, `created_time`
or `last_modified`), reports an age or retry value outside the request range
($facts(unchecked-response-ranges)).

## Why is this bad?
Responses are accepted as they are (their docs print stale ranges), but
sending this config back unchanged would be rejected.

## Example
```json
{"func_urn": "urn:fss:cn-north-4:...:function:default:f:latest", "max_async_retry_attempts": 8}
```

## Fix
Nothing to fix in a response; clamp the value before putting the config back.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in ctx.configs_of(Dialect::Huawei).filter(|c| c.response) {
        for field in [Ranged::MaxEventAge, Ranged::RetryAttempts] {
            let (key, range) = (field.key(Dialect::Huawei), field.request_range(Dialect::Huawei));
            let Some(n) = c.map.get(key).and_then(int) else { continue };
            if n < i128::from(range.min) || n > i128::from(range.max) {
                out.push(
                    ctx.finding(
                        &RULE.info,
                        &c.at(key),
                        At::Value,
                        format!("`{key}` is {n} in a response; a config being set accepts {range}"),
                    )
                    .with_help(format!("putting this config back would be rejected; use a value in {range}")),
                );
            }
        }
    }
}
