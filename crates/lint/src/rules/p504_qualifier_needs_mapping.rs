//! P504: a version the target numbers differently (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P504",
        name: "qualifier-needs-mapping",
        severity: Severity::Warning,
        summary: "A published version has no counterpart on the target",
        docs: r#"## What it does
With `--target`, reports each published version the translation keeps as it
is for want of a `qualifiers` entry (translation note `T205`).

## Why is this bad?
Versions are numbered per provider: version `3` on Function Compute is not
version `3` on FunctionGraph. Without a mapping entry the translated config
may point at a version that does not exist, or at other code.

## Example
```json
{"service": "orders", "function": "f", "qualifier": "3"}
```
with `--target huawei`.

## Fix
Add a `qualifiers` entry (e.g. `{"3": "v20240101-120000"}`) to the mapping file.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
