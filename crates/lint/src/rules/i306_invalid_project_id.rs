//! I306: a Huawei project id of the wrong shape.

use super::helpers::{report, Class};
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I306",
        name: "invalid-project-id",
        severity: Severity::Error,
        summary: "A Huawei project id of the wrong length or characters",
        docs: r#"## What it does
Reports a project id in a function or topic URN that is not $facts(huawei-project-id-len) ASCII letters
and digits (placeholders are I304's).

## Why is this bad?
The URN names no project, so the destination or function cannot be found.

## Example
```json
{"func_urn": "urn:fss:cn-north-4:0970dd7a:function:default:f:latest"}
```

## Fix
Use the project id of the region (console: My Credentials > Projects),
$facts(huawei-project-id-len) characters such as `0970dd7a1300f5672ff2c003c60ae115`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(ctx, out, &RULE.info, Class::ProjectId, &|_| {
        format!(
            "a project id has {} letters and digits, e.g. `0970dd7a1300f5672ff2c003c60ae115`",
            huawei::PROJECT_ID_LEN
        )
    });
}
