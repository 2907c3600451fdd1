//! S107: a key given twice in one object.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S107",
        name: "duplicate-key",
        severity: Severity::Error,
        summary: "A key appears twice in one object",
        docs: r#"## What it does
Reports the second occurrence of a key within one JSON object.

## Why is this bad?
JSON readers disagree on duplicates: most keep the last value, some the
first, some reject the document. What the provider applies may not be what
you read first.

## Example
```json
{"maxAsyncRetryAttempts": 1, "maxAsyncRetryAttempts": 8}
```

## Fix
Remove one of the two members.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for dup in ctx.duplicates {
        let key = invokecfg_model::document::last_pointer_token(&dup.pointer);
        let mut f = ctx.finding(
            &RULE.info,
            &dup.pointer,
            At::Key,
            format!("key `{key}` appears twice in this object; readers disagree on which value wins"),
        );
        f.span = Some(dup.second);
        f.help = Some(format!(
            "remove one of them (first at {}:{}); most readers keep this later value",
            dup.first.start.line, dup.first.start.column
        ));
        out.push(f);
    }
}
