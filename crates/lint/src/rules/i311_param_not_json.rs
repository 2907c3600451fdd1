//! I311: a `param` string that is not a JSON object.

use super::prelude::*;
use invokecfg_model::{json_type, Position, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I311",
        name: "param-not-json",
        severity: Severity::Error,
        summary: "Huawei `param` is not a JSON object encoded in a string",
        docs: r#"## What it does
Decodes each FunctionGraph `param` string and reports one that is not JSON,
with the position of the error inside the string (and in the file), or one
that encodes something other than an object.

## Why is this bad?
The API reads `param` as JSON; a hand-written `{bucket: b}` is rejected, and
JSON Schemas cannot check inside the string.

## Example
```json
{"destination": "OBS", "param": "{bucket: async-results, prefix: /success}"}
```

## Fix
Write the object as JSON (quoted keys and strings) and encode it in the
string: `"{\"bucket\":\"async-results\",\"prefix\":\"/success\"}"`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

/// Maps a (line, column) of the decoded string to the source, through escapes.
fn inner_span(ctx: &Ctx, literal: Span, decoded: &str, line: usize, col: usize) -> Option<Span> {
    let mut l = 1;
    let mut line_start = 0;
    for (i, b) in decoded.bytes().enumerate() {
        if l == line {
            break;
        }
        if b == b'\n' {
            l += 1;
            line_start = i + 1;
        }
    }
    let target = (line_start + col.saturating_sub(1)).min(decoded.len());
    let raw = ctx.source.get(literal.start.offset + 1..literal.end.offset.checked_sub(1)?)?;
    let (mut r, mut dec) = (0, 0);
    while r < raw.len() && dec < target {
        if raw[r] == b'\\' {
            if raw.get(r + 1) == Some(&b'u') {
                let cp =
                    std::str::from_utf8(raw.get(r + 2..r + 6)?).ok().and_then(|h| u32::from_str_radix(h, 16).ok())?;
                if (0xD800..0xDC00).contains(&cp) {
                    r += 12;
                    dec += 4;
                } else {
                    r += 6;
                    dec += char::from_u32(cp).map_or(3, char::len_utf8);
                }
            } else {
                r += 2;
                dec += 1;
            }
        } else {
            r += 1;
            dec += 1;
        }
    }
    let r = r.min(raw.len());
    let cols = std::str::from_utf8(raw.get(..r)?).ok()?.chars().count();
    let start = Position {
        line: literal.start.line,
        column: literal.start.column + 1 + cols,
        offset: literal.start.offset + 1 + r,
    };
    let width = std::str::from_utf8(raw.get(r..)?).ok()?.chars().next().map_or(0, char::len_utf8);
    let end =
        Position { line: start.line, column: start.column + usize::from(width > 0), offset: start.offset + width };
    Some(Span { start, end })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in &ctx.configs {
        for dest in &c.destinations {
            let Some(h) = &dest.huawei else { continue };
            let (Some(param), Some(text)) = (&h.param, h.param_text) else { continue };
            let p = join(&dest.pointer, PARAM);
            match param {
                Err(e) => {
                    let what = e.to_string();
                    let what = what.split(" at line").next().unwrap_or_default();
                    let mut f = ctx.finding(
                        &RULE.info,
                        &p,
                        At::Value,
                        format!("`param` is not valid JSON: {what} (at {}:{} inside the string)", e.line(), e.column()),
                    );
                    if let Some(s) = f.span.and_then(|lit| inner_span(ctx, lit, text, e.line(), e.column())) {
                        f.span = Some(s);
                    }
                    f.help =
                        Some("`param` holds JSON: quote keys and strings, e.g. \"{\\\"bucket\\\":\\\"b\\\"}\"".into());
                    out.push(f);
                }
                Ok(v) if !v.is_object() => out.push(
                    ctx.finding(
                        &RULE.info,
                        &p,
                        At::Value,
                        format!("`param` must encode a JSON object, found {}", json_type(v)),
                    )
                    .with_help("write the kind's keys as a JSON object inside the string"),
                ),
                Ok(_) => {}
            }
        }
    }
}
