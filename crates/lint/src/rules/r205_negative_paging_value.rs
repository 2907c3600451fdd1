//! R205: negative counts or markers in a Huawei list document.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R205",
        name: "negative-paging-value",
        severity: Severity::Error,
        summary: "Negative `count` or `page_info` value in a list document",
        docs: r#"## What it does
Reports a negative `count`, `page_info.next_marker`, `page_info.previous_marker`
or `page_info.current_count` in a Huawei list document.

## Why is this bad?
Counts and markers are offsets; the API never returns a negative one, so the
file was edited by hand or produced by a broken tool, and paging over it
would go wrong.

## Example
```json
{"async_invoke_configs": [], "count": -1}
```

## Fix
Use the values the API returned (0 or more).
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (Some(Dialect::Huawei), Some(top)) = (ctx.dialect, ctx.list) else { return };
    let mut fields: Vec<(String, &Value)> = Vec::new();
    if let Some(v) = top.get(COUNT) {
        fields.push(("/count".into(), v));
    }
    if let Some(Value::Object(pi)) = top.get(PAGE_INFO) {
        for k in huawei::PAGE_INFO_KEYS {
            if let Some(v) = pi.get(*k) {
                fields.push((join("/page_info", k), v));
            }
        }
    }
    for (p, v) in fields {
        if let Some(n) = int(v).filter(|n| *n < 0) {
            out.push(
                ctx.finding(
                    &RULE.info,
                    &p,
                    At::Value,
                    format!(
                        "`{}` is {n}; counts and markers are never negative",
                        p.trim_start_matches('/').replace('/', ".")
                    ),
                )
                .with_help("use the value the API returned (0 or more)"),
            );
        }
    }
}
