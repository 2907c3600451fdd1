//! P507: an identifier that needs a mapping entry (from a dry-run translation).

use super::helpers::report_notes;
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P507",
        name: "identity-needs-mapping",
        severity: Severity::Error,
        summary: "A region, account, namespace or version with no counterpart: the mapping file must say",
        docs: r#"## What it does
With `--target`, reports each identifier the translation cannot map without a
mapping file entry (translation notes `T203`, `T207`, `T208`, `T209`): an
account with no project or account on the target, a region with no entry and
no built-in pair, a function with no namespace where the target needs one, an
entry that clashes with another.

## Why is this bad?
The translation refuses the document (or, for `T207`, writes a body that does
not name its function) until the mapping file pairs the identifiers.

Like every portability rule, a finding has its translation note's severity:
an error exactly when `translate` refuses, an info for `T207` (a Terraform
resource never carries its region and account).

## Example
```json
{"functionArn": "acs:fc:cn-shanghai:1234567890123456:functions/f"}
```
with `--target huawei` and no mapping file: the account has no project.

## Fix
Add the entry the help shows to the mapping file, and lint with `--map FILE`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report_notes(ctx, &RULE.info, out);
}
