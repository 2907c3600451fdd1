//! R202: retry attempts outside the dialect's range.

use super::helpers::{range_check, Ranged};
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R202",
        name: "retry-attempts-out-of-range",
        severity: Severity::Error,
        summary: "Maximum retry attempts outside the provider's range",
        docs: r#"## What it does
Reports maximum retry attempts outside their dialect's range:

$facts(retry-ranges)

## Why is this bad?
The API rejects the request. Huawei's response tables print Alibaba's range,
$facts(retries:alibaba-fc2), in text copied from Alibaba's docs; the request
side accepts $facts(retries:huawei).

## Example
```json
{"max_async_retry_attempts": 4}
```

## Fix
Use a value inside the range. The fix clamps to the nearest bound and edits
only the number. It is unsafe (applied with `--fix --unsafe-fixes`): the bound
is a number of retries chosen for you, not the one the file meant.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    range_check(ctx, out, &RULE.info, Ranged::RetryAttempts);
}
