//! S111: a Huawei destination kind without `param`.

use super::prelude::*;
use invokecfg_model::DestinationKind;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S111",
        name: "missing-param",
        severity: Severity::Error,
        summary: "A Huawei destination has a kind but no `param`",
        docs: r#"## What it does
Reports an `on_success`/`on_failure` object with a `destination` kind but no
`param` (or `param: null`).

## Why is this bad?
Every FunctionGraph destination kind needs its parameters (the bucket, topic,
stream or function); without them the API rejects the config.

## Example
```json
{"destination_config": {"on_failure": {"destination": "SMN"}}}
```

## Fix
Add `param`, a JSON string with the kind's keys, e.g.
`"param": "{\"topic_urn\":\"urn:smn:cn-north-4:{project_id}:{topic}\"}"`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in ctx.configs_of(Dialect::Huawei) {
        for dest in &c.destinations {
            let Some(h) = &dest.huawei else { continue };
            let Some(kind) = h.kind_text else { continue };
            if dest.map.get(PARAM).is_some_and(|p| !p.is_null()) {
                continue;
            }
            let keys = kind.parse::<DestinationKind>().map(|k| list(k.param_keys())).unwrap_or_default();
            let mut f = ctx.finding(
                &RULE.info,
                &join(&dest.pointer, DESTINATION),
                At::Value,
                format!("the {kind} destination of `{}` has no `param`", dest.slot),
            );
            if !keys.is_empty() {
                f.help = Some(format!("add `param`: a JSON string with {keys}"));
            }
            out.push(f);
        }
    }
}
