//! P503: a name the target rejects (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P503",
        name: "name-invalid-on-target",
        severity: Severity::Error,
        summary: "A name or qualifier that breaks the target's naming rule",
        docs: r#"## What it does
With `--target`, reports each function, namespace, topic name or qualifier
the target would reject (translation note `T211`): FunctionGraph function
names start with a letter, Function Compute aliases may not start with a
digit, Lambda names are at most $facts(function-name-max:aws-lambda) characters.

## Why is this bad?
The translation refuses: a mapping entry cannot rename a function.

## Example
```json
{"service": "orders", "function": "_private_fn"}
```
with `--target huawei`.

## Fix
Rename the resource on the target and map it explicitly (mapping file), or
pass `--function` naming the target function.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
