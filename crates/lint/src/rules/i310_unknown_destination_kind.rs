//! I310: a Huawei destination kind outside the enum.

use super::prelude::*;
use invokecfg_model::DestinationKind;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I310",
        name: "unknown-destination-kind",
        severity: Severity::Error,
        summary: "Huawei `destination` is not OBS, SMN, DIS or FunctionGraph",
        docs: r#"## What it does
Reports a FunctionGraph `destination` that is not exactly one of `OBS`,
`SMN`, `DIS`, `FunctionGraph` (the API's enum is case-sensitive), and
suggests the kind that matches ignoring case.

## Why is this bad?
The API rejects the kind. DMS/Kafka in particular is not a destination.

## Example
```json
{"destination": "functiongraph", "param": "{\"func_urn\":\"...\"}"}
```

## Fix
Spell the kind as the enum does. The fix corrects the case when the
value matches a kind ignoring case; in Terraform only where the file writes
the kind as a quoted string (never an expression). It is safe: only one kind
matches, and only its case changes.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Safe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in ctx.configs_of(Dialect::Huawei) {
        for dest in &c.destinations {
            let Some(text) = dest.huawei.as_ref().and_then(|h| h.kind_text) else { continue };
            let Err(e) = text.parse::<DestinationKind>() else { continue };
            let mut f = ctx.finding(&RULE.info, &join(&dest.pointer, DESTINATION), At::Value, e.to_string());
            match e.suggestion {
                Some(k) => {
                    f.help = Some(format!("the kinds are case-sensitive: write `{k}`"));
                    f.fix = replace(Applicability::Safe, f.span, json_str(k.as_str()), format!("write `{k}`"));
                }
                None => f.help = Some(format!("FunctionGraph destinations are {}", list(huawei::DESTINATION_KINDS))),
            }
            out.push(f);
        }
    }
}
