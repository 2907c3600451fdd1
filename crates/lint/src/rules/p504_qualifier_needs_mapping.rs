//! P504: a version qualifier with no counterpart on the target.

use super::p503_name_invalid_on_target::carried;
use super::prelude::*;
use invokecfg_model::Qualifier;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P504",
        name: "qualifier-needs-mapping",
        severity: Severity::Warning,
        summary: "A published version has no counterpart on the target",
        docs: r#"## What it does
With `--target` on the other cloud, warns about each published version used
as a qualifier (FC `3`, FunctionGraph `v20240101-120000`). `LATEST`/`latest`
and aliases translate by rule; versions do not.

## Why is this bad?
Version numbers are assigned by each platform on publish; `3` on Function
Compute is not version `3` on FunctionGraph. Without a mapping entry the
translator keeps the text and warns.

## Example
```json
{"service": "orders", "function": "create", "qualifier": "3"}
```
with `--target huawei`.

## Fix
Add a `qualifiers` entry (e.g. `{"3": "v20240101-120000"}`) to the mapping file.
"#,
        fixable: false,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((src, tgt)) = super::target(ctx) else { return };
    if src.is_alibaba() == tgt.is_alibaba() {
        return;
    }
    for n in carried(ctx) {
        if let Some(Qualifier::Version(v)) = &n.qualifier {
            out.push(
                ctx.finding(&RULE.info, &n.pointer, At::Value, format!("version `{v}` has no counterpart on {tgt}"))
                    .with_help(format!("add a `qualifiers` entry for \"{v}\" to the mapping file")),
            );
        }
    }
}
