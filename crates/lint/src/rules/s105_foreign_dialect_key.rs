//! S105: a key that belongs to another dialect.

use super::prelude::*;
use super::helpers::{foreign, idx, is_known};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S105",
        name: "foreign-dialect-key",
        severity: Severity::Error,
        summary: "A key of another dialect; names this dialect's spelling",
        docs: r#"## What it does
Reports a key that the document's dialect does not define but another dialect
does, and names this dialect's spelling of the same field (or says there is
none). FC 2.0's `statefulInvocation` is FC 3.0's `asyncTask`; Alibaba's
`maxAsyncRetryAttempts` is Huawei's `max_async_retry_attempts`.

## Why is this bad?
The provider does not know the key: the setting is ignored or the request is
rejected.

## Example
```json
{"maxAsyncRetryAttempts": 3, "statefulInvocation": true}
```
read as `alibaba-fc3`: `statefulInvocation` is an alibaba-fc2 key; alibaba-fc3 calls it `asyncTask`.

## Fix
Rename the key to this dialect's spelling. The fix does so when the two
fields mean the same thing and hold values of the same form (age, retries,
task mode between FC 2.0 and 3.0, timestamps) and the new key is not
already present; it is safe: the field and its value stay what they were,
only the spelling becomes this dialect's. When the nearest field holds
another form of value (a destination config), the rename is shown as a
display-only fix and never applied: the value must be rewritten by hand.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Safe, Applicability::DisplayOnly],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect else { return };
    for obj in &ctx.objects {
        for key in obj.map.keys() {
            if is_known(d, obj.level, key) {
                continue;
            }
            let Some(row) = foreign(d, obj.level, key) else { continue };
            let owners: Vec<&str> = Dialect::ALL
                .iter()
                .filter(|&&e| e != d && row.spell.get(idx(e)).copied().flatten() == Some(key.as_str()))
                .map(|e| e.id())
                .collect();
            let pointer = join(&obj.pointer, key);
            let ours = row.spell.get(idx(d)).copied().flatten();
            let owner = owners.join("/");
            let same = owners.iter().all(|o| {
                let both_alibaba = d.is_alibaba() && o.starts_with("alibaba");
                if both_alibaba {
                    row.same_alibaba
                } else {
                    row.same_cross
                }
            });
            // "calls it" only when the two keys mean the same thing (an ARN is not a function name).
            let message = match ours {
                Some(o) if same || !row.other_meaning => {
                    format!("`{key}` is {} {owner} key; {d} calls it `{o}`", article(&owner))
                }
                Some(o) => format!("`{key}` is {} {owner} key; the nearest {d} field is `{o}`", article(&owner)),
                None => format!("`{key}` is {} {owner} key; {d} has no such field", article(&owner)),
            };
            let mut f = ctx.finding(&RULE.info, &pointer, At::Key, message);
            match ours {
                Some(o) if same && !obj.map.contains_key(o) => {
                    f.help = Some(format!("rename it to `{o}`"));
                    f.fix = replace(Applicability::Safe, f.span, json_str(o), format!("rename `{key}` to `{o}`"));
                }
                Some(o) if obj.map.contains_key(o) => f.help = Some(format!("`{o}` is also present: remove `{key}`")),
                Some(o) => {
                    f.help = Some(format!("use `{o}` instead; {}", row.note));
                    // The value has another form there: the rename is only part of the repair.
                    f.fix = replace(Applicability::DisplayOnly, f.span, json_str(o), format!("rename `{key}` to `{o}`"));
                }
                None => f.help = Some(format!("remove it: {}", row.note)),
            }
            out.push(f);
        }
    }
}
