//! S115: a suppression in `invokecfg.json` that silenced nothing.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S115",
        name: "unused-suppression",
        severity: Severity::Warning,
        summary: "A `suppress` entry of the config file matched no finding",
        docs: r#"## What it does
Reports an entry of the config file's `suppress` list (or a code of
`per-file-ignores`' kin, `suppress`) that silenced no finding in the files it
names that this run linted, at the entry's line and column in
`invokecfg.json`. Like ruff's `unused-noqa`, it is reported by the command
line, which reads the config file; a run over some files (as pre-commit's)
says nothing of suppressions whose files it did not lint.

## Why is this bad?
A stale suppression hides the next real finding at that place: the problem it
was written for is gone, but the entry still silences whatever comes there.

Severity: warning. Nothing is wrong with the configs; the config file is.

## Example
```json
{"suppress": [{"path": "legacy/*.json", "pointer": "/maxAsyncRetryAttempts",
               "code": "R202", "reason": "old retries, fixed in #12"}]}
```
after `legacy/orders.json` has been fixed.

## Fix
Remove the entry from `invokecfg.json`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

/// Reported by the command line, which knows the config file and every
/// file of the run; one document alone cannot tell.
fn check(_: &Ctx, _: &mut Vec<Diagnostic>) {}
