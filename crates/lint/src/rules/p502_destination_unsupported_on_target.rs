//! P502: a destination the target cannot take (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P502",
        name: "destination-unsupported-on-target",
        severity: Severity::Error,
        summary: "A destination kind the target has no counterpart for",
        docs: r#"## What it does
With `--target`, reports each destination the translation cannot carry
(translation notes `T202`, or `T201` with `--allow-lossy`): a kind the target
lacks (an MNS queue on FunctionGraph, a DIS stream on Lambda), a kind a side
does not accept (S3 on success), a bucket, whose global name needs an
explicit entry, or any destination at all on a target whose API takes none
(Tencent SCF, whose failed events go to the function's dead-letter queue).

## Why is this bad?
The translation refuses the document unless the mapping file names a
counterpart; with `--allow-lossy` the results that went there are lost.

## Example
```json
{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"}}}
```
with `--target huawei`.

## Fix
Add a `destinations` entry for the identifier to the mapping file (the help
shows it) and lint with `--map`. A target without destinations has no entry
to add: set up what the help names (SCF's dead-letter queue) on the function
itself, and remove the destination or translate with `--allow-lossy`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
