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
is expected, and so on. Every wrongly typed value is reported, each at its
own span.

## Why is this bad?
The provider rejects the request (or, worse, a client coerces it in a way you
did not intend).

## Example
```json
{"maxAsyncRetryAttempts": "3"}
```

## Fix
Write the value in the expected type. The fix unquotes a string that
holds a plain integer (or `true`/`false`) where one is expected, and writes a
whole number written as a float (`8.0`, `1e3`) as an integer. It is safe: the
value is the same, only written in the type the API reads.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Safe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect else { return };
    if !ctx.value.is_object() {
        return;
    }
    // The typed reader stops at the first wrong value: neutralise each one
    // found and read again, so every wrong value is reported in one run.
    let mut doc = std::borrow::Cow::Borrowed(ctx.value);
    let mut seen: Vec<String> = Vec::new();
    let mut removed: Vec<String> = Vec::new();
    while seen.len() < MAX_FINDINGS {
        let Err(e) = Document::from_value(&doc, d) else { return };
        if e.pointer.is_empty() || removed.contains(&e.pointer) {
            return;
        }
        if seen.contains(&e.pointer) {
            // Not even `null` is accepted there: take the member out and read on.
            let (parent, key) = e.pointer.rsplit_once('/').unwrap_or_default();
            let key = invokecfg_model::document::unescape_pointer_token(key);
            match doc.to_mut().pointer_mut(parent) {
                Some(Value::Object(m)) => drop(m.remove(&key)),
                _ => return,
            }
            removed.push(e.pointer);
            continue;
        }
        let expected = expected(&e.message);
        if let Some(v) = doc.to_mut().pointer_mut(&e.pointer) {
            *v = match expected {
                "an array" => Value::Array(Vec::new()),
                "an object" => Value::Object(serde_json::Map::new()),
                _ => Value::Null,
            };
        }
        seen.push(e.pointer.clone());
        // `param` objects are S109's; integers beyond i64 are the range rules'.
        let Some(found) = ctx.value.pointer(&e.pointer) else { continue };
        if e.pointer.ends_with("/param") || (expected == "an integer" && int(found).is_some()) {
            continue;
        }
        out.push(finding(ctx, d, &ctx.in_document(&e.pointer), found, expected));
    }
}

/// At most this many S108 findings per document (each costs one typed read).
const MAX_FINDINGS: usize = 64;

/// What the typed reader expected, in the API's words.
fn expected(message: &str) -> &'static str {
    let tail = message.rsplit(", expected ").next().unwrap_or_default();
    if tail.starts_with("an integer") {
        "an integer"
    } else if tail.starts_with("`true` or `false`") {
        "`true` or `false`"
    } else if tail.starts_with("a string") {
        "a string"
    } else if tail.starts_with("an array") {
        "an array"
    } else {
        // Struct names are Rust's, not the API's.
        "an object"
    }
}

fn finding(ctx: &Ctx, d: Dialect, pointer: &str, found: &Value, expected: &str) -> Diagnostic {
    let key = invokecfg_model::document::last_pointer_token(pointer);
    let span = ctx.spans.value_span(pointer);
    // Numbers as written (`1e3`, not `1000.0`).
    let raw = span
        .and_then(|s| ctx.source.get(s.start.offset..s.end.offset))
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_else(|| found.to_string());
    let short = |s: &str| {
        if s.chars().count() > 40 {
            format!("{}...", s.chars().take(40).collect::<String>())
        } else {
            s.to_string()
        }
    };
    let written = match found {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(_) => format!("number `{}`", short(&raw)),
        Value::String(_) => format!("string {}", short(&raw)),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    let digits = raw.strip_prefix('-').unwrap_or(&raw);
    let too_long = expected == "an integer" && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let message = if too_long {
        format!("`{key}`: integer `{}` is out of range (the API reads 64-bit integers)", short(&raw))
    } else {
        format!("`{key}`: {written}, expected {expected}")
    };
    let mut f = ctx.finding(&RULE.info, pointer, At::Value, message);
    let (help, fix) = match (key.as_str(), expected) {
        // A destination is never a number: name what it is instead of quoting it.
        (DESTINATION, "a string") if d == Dialect::Huawei => {
            (format!("write the destination kind as a string: one of {}", list(huawei::DESTINATION_KINDS)), None)
        }
        (DESTINATION, "a string") => ("write the destination's ARN as a string (`acs:...`)".to_string(), None),
        _ => repair(found, &raw, expected),
    };
    f.help = Some(help);
    if let Some((content, what)) = fix {
        f.fix = replace(Applicability::Safe, f.span, content, what);
    }
    f
}

/// The help, and the one obvious repair when there is one.
fn repair(found: &Value, raw: &str, expected: &str) -> (String, Option<(String, String)>) {
    match (expected, found) {
        ("an integer", Value::String(s)) if s.parse::<i64>().is_ok_and(|n| n.to_string() == *s) => {
            (format!("write the number without quotes: {s}"), Some((s.clone(), format!("unquote `{s}`"))))
        }
        ("an integer", Value::Number(n)) => match n.as_f64() {
            // `8.0`, `1e3`: a whole number written as a float.
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 && raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) => {
                let whole = format!("{}", x as i64);
                (
                    format!("write it as an integer: {whole}"),
                    Some((whole.clone(), format!("write `{raw}` as `{whole}`"))),
                )
            }
            Some(x) if x.fract() == 0.0 => ("use a whole number in the field's range".into(), None),
            _ => ("use a whole number".into(), None),
        },
        ("an integer", _) => ("use a whole number".into(), None),
        ("`true` or `false`", Value::String(s)) if s == "true" || s == "false" => {
            (format!("write the boolean without quotes: {s}"), Some((s.clone(), format!("unquote `{s}`"))))
        }
        ("`true` or `false`", _) => ("use `true` or `false`".into(), None),
        ("a string", Value::Number(_) | Value::Bool(_)) => {
            (format!("write the value as a JSON string: \"{raw}\""), None)
        }
        (e, _) => (format!("write {e} here, or remove the key"), None),
    }
}
