//! M401: a destination that invokes the function itself.

use super::prelude::*;
use invokecfg_model::{FunctionRef, Qualifier};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M401",
        name: "destination-is-self",
        severity: Severity::Warning,
        summary: "A destination is the function itself (invocation loop)",
        docs: r#"## What it does
Reports a function destination that names the very function (and qualifier)
the config belongs to. The function's identity comes from the document
(`service`/`function`/`qualifier`, `functionArn`, `func_urn`) or from
`--function`.

## Why is this bad?
Every result invokes the function again: `onSuccess` to itself is an endless
loop, `onFailure` to itself multiplies retries. Both run up cost without
bound.

Severity: warning. The API accepts it and a translation carries it exactly,
so it is not an error (error = the API would reject it, or a translation
would be wrong); a loop is very likely a mistake, so it is not info.

## Example
```json
{"service": "orders", "function": "create", "qualifier": "LATEST",
 "destinationConfig": {"onSuccess": {"destination": "acs:fc:cn-shanghai:1234567890123456:services/orders/functions/create"}}}
```

## Fix
Point the destination at another function, a queue or a topic.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

/// Whether two references name the same function and qualifier; unknown parts match.
pub(crate) fn same_function(a: &FunctionRef, b: &FunctionRef) -> bool {
    let eq = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let q = |q: &Option<Qualifier>| q.clone().unwrap_or(Qualifier::Latest);
    a.name.is_some()
        && a.name == b.name
        && a.provider == b.provider
        && eq(&a.namespace, &b.namespace)
        && eq(&a.region, &b.region)
        && eq(&a.account, &b.account)
        && q(&a.qualifier) == q(&b.qualifier)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in &ctx.configs {
        let Some(own) = &c.function else { continue };
        for dest in &c.destinations {
            let Some(target) = dest.function() else { continue };
            if !same_function(own, &target) {
                continue;
            }
            let what = if dest.slot.to_ascii_lowercase().contains("success") {
                "every successful invocation invokes it again, without end"
            } else {
                "every failure invokes it again, multiplying retries"
            };
            out.push(
                ctx.finding(
                    &RULE.info,
                    &join(&dest.pointer, if dest.alibaba.is_some() { DESTINATION } else { PARAM }),
                    At::Value,
                    format!(
                        "`{}` invokes the function `{}` itself: {what}",
                        dest.slot,
                        own.name.as_deref().unwrap_or_default()
                    ),
                )
                .with_help("send results to another function, a queue or a topic"),
            );
        }
    }
}
