//! S108: a value of the wrong JSON type.

use super::prelude::*;
use invokecfg_model::Document;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S108",
        name: "wrong-type",
        severity: Severity::Error,
        summary: "A value has the wrong JSON type (string for integer, ...)",
        docs: r#"## What it does
Reports a value whose JSON type the API does not accept: a quoted number, a
number with a fraction where an integer is expected, an object where a string
is expected, and so on. The typed reader stops at the first such value, so
fixing one may reveal the next.

## Why is this bad?
The provider rejects the request (or, worse, a client coerces it in a way you
did not intend).

## Example
```json
{"maxAsyncRetryAttempts": "3"}
```

## Fix
Write the value in the expected type. The safe fix unquotes a string that
holds a plain integer where an integer is expected.
"#,
        fixable: true,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect else { return };
    if !ctx.value.is_object() {
        return;
    }
    let Err(e) = Document::from_value(ctx.value, d) else { return };
    let found = ctx.value.pointer(&e.pointer);
    // `param` objects are S109's; integers beyond i64 are the range rules'.
    if e.pointer.ends_with("/param") || found.is_some_and(|v| int(v).is_some()) {
        return;
    }
    let key = e.pointer.rsplit('/').next().unwrap_or_default();
    let message = if key.is_empty() { e.message.clone() } else { format!("`{key}`: {}", e.message) };
    let mut f = ctx.finding(&RULE.info, &e.pointer, At::Value, message);
    if e.message.contains("expected an integer") {
        match found {
            Some(Value::String(s)) if s.parse::<i64>().is_ok_and(|n| n.to_string() == *s) => {
                f.help = Some(format!("write the number without quotes: {s}"));
                f.fix = replace(f.span, s.clone(), format!("unquote `{s}`"));
            }
            Some(Value::Number(_)) => f.help = Some("use a whole number".into()),
            _ => f.help = Some("use a whole number".into()),
        }
    }
    out.push(f);
}
