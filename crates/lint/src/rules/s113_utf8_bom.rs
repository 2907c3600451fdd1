//! S113: a UTF-8 byte-order mark before the JSON text.

use super::prelude::*;
use invokecfg_model::{Edit, Fix, Position, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S113",
        name: "utf8-bom",
        severity: Severity::Warning,
        summary: "The file starts with a UTF-8 byte-order mark",
        docs: r#"## What it does
Reports a UTF-8 byte-order mark (`EF BB BF`) before the JSON text.

## Why is this bad?
RFC 8259 says JSON text must not begin with one. This tool reads past it, but
many JSON readers (and some SDKs and API gateways) reject the file or see a
stray character before `{`.

Severity: warning. The file is very likely meant as plain JSON, and whether
the provider's API would reject it depends on the client that sends it.

## Example
A file saved by an editor set to "UTF-8 with BOM".

## Fix
Save the file as UTF-8 without a BOM. The fix removes the three bytes; it is
safe: the JSON text is the same.
"#,
        fix: FixAvailability::Always,
        applicability: &[Applicability::Safe],
    },
    check,
};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !ctx.source.starts_with(BOM) {
        return;
    }
    let span = Span {
        start: Position { line: 1, column: 1, offset: 0 },
        end: Position { line: 1, column: 1, offset: BOM.len() },
    };
    let mut f = Diagnostic::new(RULE.info.code, RULE.info.severity, "", "the file starts with a UTF-8 byte-order mark");
    f.span = Some(span);
    f.help = Some("save the file as UTF-8 without a BOM".into());
    let edit = Edit { span, content: String::new() };
    f.fix = Some(Fix::new(Applicability::Safe, "remove the byte-order mark", vec![edit]));
    out.push(f);
}
