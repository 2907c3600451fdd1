//! M406: Huawei list counts that disagree with the items.

use super::prelude::*;
use invokecfg_model::Field;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M406",
        name: "list-count-mismatch",
        severity: Severity::Warning,
        summary: "List `count`/`current_count` disagree with the items",
        docs: r#"## What it does
Warns when a Huawei list document's `page_info.current_count` differs from the
number of items in `async_invoke_configs`, or `count` (the total) is smaller
than it.

## Why is this bad?
The document was truncated or edited: items were lost or added after the API
returned it, and paging that trusts the counts goes wrong.

## Example
```json
{"async_invoke_configs": [{}], "count": 2, "page_info": {"current_count": 2}}
```

## Fix
Re-fetch the list, or make the counts match the items.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (Some(Dialect::Huawei), Some(top)) = (ctx.dialect, ctx.list) else { return };
    let Some(Value::Array(items)) = top.get(Dialect::Huawei.key(Field::ListItems)) else { return };
    let n = ctx.list_len(items) as i128;
    if let Some(cc) = top.get(PAGE_INFO).and_then(|p| p.get("current_count")).and_then(int) {
        if cc >= 0 && cc != n {
            out.push(
                ctx.finding(
                    &RULE.info,
                    "/page_info/current_count",
                    At::Value,
                    format!("`current_count` is {cc} but the page holds {n} item(s)"),
                )
                .with_help("the list was truncated or edited; re-fetch it or fix the count"),
            );
        }
    }
    if let Some(count) = top.get(COUNT).and_then(int) {
        if count >= 0 && count < n {
            out.push(
                ctx.finding(
                    &RULE.info,
                    "/count",
                    At::Value,
                    format!("`count` (the total) is {count} but this page alone holds {n}"),
                )
                .with_help("the total cannot be smaller than one page"),
            );
        }
    }
}
