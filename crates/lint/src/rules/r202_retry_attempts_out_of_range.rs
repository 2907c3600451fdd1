//! R202: retry attempts outside the dialect's range.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R202",
        name: "retry-attempts-out-of-range",
        severity: Severity::Error,
        summary: "Maximum retry attempts outside the provider's range",
        docs: r#"## What it does
Reports `maxAsyncRetryAttempts` outside 0..8 (Alibaba) or
`max_async_retry_attempts` outside 0..3 in a Huawei config being set (not in
a response; see R203).

## Why is this bad?
The API rejects the request. Huawei's response tables print "0..8, default 3",
text copied from Alibaba's docs; the request side accepts 0..3 (default 1).

## Example
```json
{"max_async_retry_attempts": 4}
```

## Fix
Use a value inside the range. The safe fix clamps to the nearest bound and
edits only the number.
"#,
        fixable: true,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    super::r201_event_age_out_of_range::range_check(ctx, out, &RULE.info, false);
}
