//! R201: event age outside the dialect's range.

use super::helpers::{range_check, Ranged};
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R201",
        name: "event-age-out-of-range",
        severity: Severity::Error,
        summary: "Maximum event age outside the provider's range",
        docs: r#"## What it does
Reports a maximum event age (seconds) outside its dialect's range:

$facts(age-ranges)

## Why is this bad?
The API rejects the request. Older Alibaba docs, Serverless Devs and Terraform
allowed up to $facts(alibaba-legacy-age-max) (30 days); the current API documents
$facts(age:alibaba-fc3).

## Example
```json
{"maxAsyncEventAgeInSeconds": 2592000}
```

## Fix
Use a value inside the range. The fix clamps to the nearest bound and edits
only the number. It is unsafe (applied with `--fix --unsafe-fixes`): the bound
is a value chosen for you, and events then live longer or shorter than the
file meant.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    range_check(ctx, out, &RULE.info, Ranged::MaxEventAge);
}
