//! S103: no key tells which provider the document is for.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S103",
        name: "undetectable-dialect",
        severity: Severity::Error,
        summary: "No key of any dialect: the provider cannot be told",
        docs: r#"## What it does
Reports a non-empty object none of whose keys belongs to (or is a near typo
of) a key of `alibaba-fc2`, `alibaba-fc3` or `huawei`, when no `--dialect`
is given.

## Why is this bad?
Without a dialect no other check can run, and the file is likely not an async
invocation config at all.

## Example
```json
{"retries": 3, "ttl": 60}
```

## Fix
Use the provider's key names, or pass `--dialect alibaba-fc2|alibaba-fc3|huawei`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(top) = ctx.value.as_object() else { return };
    if ctx.dialect.is_some() || top.is_empty() {
        return;
    }
    let keys: Vec<&str> = top.keys().map(String::as_str).take(5).collect();
    let first = join("", keys.first().copied().unwrap_or_default());
    out.push(
        ctx.finding(
            &RULE.info,
            &first,
            At::Key,
            format!("no key of any dialect tells which provider this is for (keys: {})", list(&keys)),
        )
        .with_help(
            "use the provider's key names (e.g. `maxAsyncRetryAttempts` or `max_async_retry_attempts`), or pass --dialect alibaba-fc2|alibaba-fc3|huawei",
        ),
    );
}
