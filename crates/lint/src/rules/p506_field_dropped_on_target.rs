//! P506: a field the target has no place for (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P506",
        name: "field-dropped-on-target",
        severity: Severity::Warning,
        summary: "A field the target has no place for: translation drops it",
        docs: r#"## What it does
With `--target`, reports each field the translation drops because the target
has no place for it (translation note `T106`): FunctionGraph's LTS log fields
on Function Compute, a service on FC 3.0, task mode on Lambda, an OBS
`prefix` on S3.

## Why is this bad?
The behaviour the field configured is lost on the target.

## Example
```json
{"enable_async_status_log": true, "log_group_id": "c2a9..."}
```
with `--target alibaba-fc2`.

## Fix
Configure the equivalent on the target by other means (function logging), or
accept the drop.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
