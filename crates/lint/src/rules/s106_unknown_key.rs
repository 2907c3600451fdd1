//! S106: a key no dialect defines, with "did you mean".

use super::prelude::*;
use super::helpers::{foreign, is_known};
use crate::ctx::known_keys;
use crate::suggest::{near, near_absent};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S106",
        name: "unknown-key",
        severity: Severity::Error,
        summary: "A key the API does not define (with did-you-mean)",
        docs: r#"## What it does
Reports a key that the document's dialect does not define at that place (and
that is not another dialect's key, see S105), and suggests the nearest known
key. A top-level `$schema` (naming the schema for editors) is not reported:
the published schemas allow it.

## Why is this bad?
A misspelt key is a setting that silently does not apply: with
`maxAsyncRetryAttempt` the function keeps the default of 3 retries.

## Example
```json
{"maxAsyncRetryAttempt": 0}
```
`unknown key maxAsyncRetryAttempt`, help: did you mean `maxAsyncRetryAttempts`?

## Fix
Rename the key. The fix renames it when exactly one known key is within
typo distance and that key is not already present. It is unsafe (applied
with `--fix --unsafe-fixes`): the key is a guess by spelling distance, and
renaming it switches on a setting the file never applied. In Terraform, s.yaml and
ROS the same holds for an argument, block or key, among the names the
resource type has at that place (`maximum_retry_attempt` ->
`maximum_retry_attempts`), and never when another unknown name there would
take the same one.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn place(l: Level) -> &'static str {
    match l {
        Level::List => "the list document",
        Level::Config => "the config",
        Level::DestinationConfig => "the destination config",
        Level::Destination => "the destination",
        Level::PageInfo => "`page_info`",
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(d) = ctx.dialect else { return };
    for obj in &ctx.objects {
        for key in obj.map.keys() {
            // `$schema` at the top names the schema for editors; the schemas allow it there.
            let schema_key = obj.pointer.is_empty() && key == invokecfg_model::schema::SCHEMA_KEY;
            if schema_key || is_known(d, obj.level, key) || foreign(d, obj.level, key).is_some() {
                continue;
            }
            let known = known_keys(d, obj.level);
            let pointer = join(&obj.pointer, key);
            let mut f = ctx.finding(
                &RULE.info,
                &pointer,
                At::Key,
                format!("unknown key `{key}` in {} ({d})", place(obj.level)),
            );
            let hits = near_absent(key, known, |k| obj.map.contains_key(k));
            match hits.as_slice() {
                [one] => {
                    f.help = Some(format!("did you mean `{one}`?"));
                    f.fix = replace(Applicability::Unsafe, f.span, json_str(one), format!("rename `{key}` to `{one}`"));
                }
                [_, ..] => f.help = Some(format!("did you mean one of {}?", list(&hits))),
                [] => {
                    f.help = Some(match near(key, known).first() {
                        Some(set) => format!("`{set}` is already set here: remove `{key}`"),
                        None => format!("known keys here: {}", list(known)),
                    })
                }
            }
            out.push(f);
        }
    }
}
