//! R204: OBS `param.expires` outside the days FunctionGraph accepts.

use super::prelude::*;
use invokecfg_model::DestinationKind;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "R204",
        name: "obs-expires-out-of-range",
        severity: Severity::Error,
        summary: "OBS `param.expires` outside the days FunctionGraph accepts",
        docs: r#"## What it does
Reports an OBS destination whose `param` sets `expires` (object expiry in
days; 0 means never) outside $facts(obs-expires).

## Why is this bad?
The API rejects the destination; JSON Schemas cannot see inside the
`param` string, so only lint catches it before deployment.

## Example
```json
{"destination": "OBS", "param": "{\"bucket\":\"b\",\"expires\":400}"}
```

## Fix
Use $facts(obs-expires). The fix clamps the number when `param` is compact JSON (so
that nothing else in the string changes). It is unsafe (applied with
`--fix --unsafe-fixes`): the bound is an expiry chosen for you.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let range = huawei::OBS_EXPIRES_DAYS;
    for c in &ctx.configs {
        for dest in &c.destinations {
            let Some(h) = &dest.huawei else { continue };
            if h.kind != Some(DestinationKind::Obs) {
                continue;
            }
            let Some(obj) = h.param_obj() else { continue };
            let Some(n) = obj.get("expires").and_then(int) else { continue };
            if n >= i128::from(range.min) && n <= i128::from(range.max) {
                continue;
            }
            let clamped = if n < i128::from(range.min) { range.min } else { range.max };
            let p = join(&dest.pointer, PARAM);
            let mut f = ctx.finding(
                &RULE.info,
                &p,
                At::Value,
                format!("`param.expires` is {n} days, outside {range} (0 = never expire)"),
            );
            f.help = Some(format!("OBS keeps result objects 0..{} days", range.max));
            let at_number = h.param_text.and_then(|t| ctx.member_span_in_string(&p, t, "expires", true));
            // Rewrite the string only when re-encoding it changes nothing but the number.
            if h.param_text.is_some_and(|t| serde_json::to_string(obj).is_ok_and(|s| s == t)) {
                let mut fixed = obj.clone();
                fixed.insert("expires".into(), Value::from(clamped));
                if let Ok(text) = serde_json::to_string(&fixed) {
                    f.fix = replace(Applicability::Unsafe, f.span, json_str(&text), format!("clamp `expires` to {clamped}"));
                }
            }
            // The fix rewrites the whole string; the finding points at the number.
            f.span = at_number.or(f.span);
            out.push(f);
        }
    }
}
