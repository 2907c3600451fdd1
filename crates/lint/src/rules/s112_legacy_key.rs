//! S112: FC 2.0 legacy `serviceName`/`functionName`.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S112",
        name: "legacy-key",
        severity: Severity::Info,
        summary: "Legacy FC 2.0 `serviceName`/`functionName`: use `service`/`function`",
        docs: r#"## What it does
Hints at the legacy spellings `serviceName` and `functionName` that the 2016
API docs show in responses. The SDKs and the current API use `service` and
`function`.

## Why is this bad?
Tools built on the SDKs (and the translator's output) use `service` and
`function`; files with the old spelling diff badly against them.

## Example
```json
{"serviceName": "demo-service", "functionName": "helloworld"}
```

## Fix
Rename to `service` / `function`. The fix does so when the new key is not
already present; it is safe: the legacy and current keys name the same field.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Safe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.dialect != Some(Dialect::AlibabaFc2) {
        return;
    }
    for c in &ctx.configs {
        for (old, new) in alibaba::FC2_LEGACY_KEYS {
            if !c.map.contains_key(*old) {
                continue;
            }
            let mut f =
                ctx.finding(&RULE.info, &c.at(old), At::Key, format!("`{old}` is the legacy spelling of `{new}`"));
            if c.map.contains_key(*new) {
                f.help = Some(format!("`{new}` is also present: remove `{old}`"));
            } else {
                f.help = Some(format!("rename it to `{new}`"));
                f.fix = replace(Applicability::Safe, f.span, json_str(new), format!("rename `{old}` to `{new}`"));
            }
            out.push(f);
        }
    }
}
