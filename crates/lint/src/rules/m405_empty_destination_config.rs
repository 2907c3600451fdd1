//! M405: a destination config that sends results nowhere.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M405",
        name: "empty-destination-config",
        severity: Severity::Info,
        summary: "`destinationConfig`/`destination_config` sets no destination",
        docs: r#"## What it does
Notes a `destinationConfig` (Alibaba) or `destination_config` (Huawei) that
sets no destination: `{}`, or only `null` and empty entries.

## Why is this bad?
It does nothing; readers may believe results are delivered somewhere. On
Alibaba, Put merges, so an empty object also does not clear destinations set
earlier.

## Example
```json
{"destinationConfig": {}}
```

## Fix
Remove it, or set `onSuccess`/`onFailure`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in &ctx.configs {
        let Some((p, dc)) = &c.dest_config else { continue };
        let sets_one = dc.values().any(|v| match v {
            // A slot with any non-null member sets something (S110 reports a missing `destination`).
            Value::Object(m) => m.values().any(|x| !x.is_null()),
            Value::Null => false,
            _ => true,
        });
        if !sets_one {
            let key = p.rsplit('/').next().unwrap_or_default();
            out.push(
                ctx.finding(&RULE.info, p, At::Key, format!("`{key}` sets no destination"))
                    .with_help("remove it, or set a success or failure destination"),
            );
        }
    }
}
