//! S104: keys of two dialects in one document.

use super::prelude::*;
use invokecfg_model::DetectError;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S104",
        name: "mixed-dialects",
        severity: Severity::Error,
        summary: "The document mixes keys of two dialects",
        docs: r#"## What it does
Reports a document that holds keys of two dialects, e.g. FC 2.0's
`statefulInvocation` next to FC 3.0's `asyncTask`, or camelCase Alibaba keys
next to snake_case Huawei keys. The document is then read in the dialect
with more keys, and S105 names each key of the other. When both dialects have
as many keys (a tie), the document is checked in one of them but no fix is
applied: a fix could turn it into the other dialect.

## Why is this bad?
Each provider ignores or rejects the other's keys: half of the intended
configuration silently does not apply.

## Example
```json
{"maxAsyncRetryAttempts": 2, "max_async_event_age_in_seconds": 600}
```

## Fix
Keep one dialect per document; rename the stray keys (see S105), or convert
with `invokecfg translate`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (Some(e @ DetectError::Mixed { first, first_keys, second, second_keys }), Some(d)) = (&ctx.mixed, ctx.dialect)
    else {
        return;
    };
    let (other, keys) = if d == *first { (*second, second_keys) } else { (*first, first_keys) };
    // Point at the first stray key, wherever it is.
    let pointer = keys
        .first()
        .and_then(|k| ctx.objects.iter().find(|o| o.map.contains_key(k)).map(|o| join(&o.pointer, k)))
        .unwrap_or_default();
    let keys = list(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    let help = if ctx.tie {
        format!(
            "a tie: as many {d} keys as {other} keys, so the dialect cannot be told; checked as {d}, and no fix is applied; pass --dialect, or rename or remove the keys of the other dialect"
        )
    } else {
        format!("read as {d} (the dialect with more keys); rename or remove the {other} keys {keys}")
    };
    let message = if ctx.tie { format!("{e} (a tie: the dialect cannot be told)") } else { e.to_string() };
    out.push(ctx.finding(&RULE.info, &pointer, At::Key, message).with_help(help));
}
