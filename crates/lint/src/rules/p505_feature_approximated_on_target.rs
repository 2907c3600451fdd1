//! P505: a feature carried by its closest counterpart (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P505",
        name: "feature-approximated-on-target",
        severity: Severity::Info,
        summary: "Async task mode <-> status log: the closest feature, not the same",
        docs: r#"## What it does
With `--target`, reports each setting the translation carries by the target's
closest feature (translation note `T104`): Function Compute's asynchronous
task mode (`statefulInvocation`, `asyncTask`) and FunctionGraph's status log
(`enable_async_status_log`).

## Why is this bad?
Both keep each invocation's state, but task mode adds controls (stop,
replay) the status log lacks.

## Example
```json
{"statefulInvocation": true}
```
with `--target huawei`.

## Fix
Nothing to fix; check that the target's feature is what you need.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
