//! P501: a value the translation to `--target` would clamp (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P501",
        name: "value-clamped-on-target",
        severity: Severity::Warning,
        summary: "Age or retries outside the target's range: translation clamps it",
        docs: r#"## What it does
With `--target`, reports each age or retry value the translation to the
target clamps into the target's range (translation note `T101`), including
an omitted value whose source default lies outside it. The ranges are the
dialects' own: $facts(all-ranges).

## Why is this bad?
Events expire sooner, or fewer retries run, than on the source platform.

## Example
```json
{"maxAsyncEventAgeInSeconds": 172800, "maxAsyncRetryAttempts": 5}
```
with `--target huawei`: 172800 becomes 86400, 5 becomes 3.

## Fix
Accept the change, or choose values inside both ranges.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
