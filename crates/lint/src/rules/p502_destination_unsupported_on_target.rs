//! P502: a destination kind the target lacks.

use super::prelude::*;
use invokecfg_model::{AcsResource, DestinationKind};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P502",
        name: "destination-unsupported-on-target",
        severity: Severity::Error,
        summary: "A destination kind the target has no counterpart for",
        docs: r#"## What it does
With `--target`, reports each destination whose kind the target cannot
express: MNS queues, EventBridge and RocketMQ have no FunctionGraph
counterpart; OBS and DIS have no Function Compute counterpart.

## Why is this bad?
The translation refuses the document unless the mapping file names a
replacement, or drops the destination with `--allow-lossy`.

## Example
```json
{"destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/jobs/messages"}}}
```
with `--target huawei`.

## Fix
Add a `destinations` entry for the identifier to the mapping file (the help
line names it), or accept losing it with `--allow-lossy`.
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
    for c in &ctx.configs {
        for dest in &c.destinations {
            let (what, key, p) = if let Some(a) = &dest.alibaba {
                let Ok(arn) = &a.arn else { continue };
                match arn.resource {
                    AcsResource::MnsQueue { .. } | AcsResource::EventBus { .. } | AcsResource::RocketMqTopic { .. } => {
                    }
                    _ => continue,
                }
                (arn.resource.kind_name(), a.text.to_string(), a.pointer.clone())
            } else if let Some(h) = &dest.huawei {
                let key =
                    |k: &str| h.param_obj().and_then(|o| o.get(k)).and_then(Value::as_str).unwrap_or("?").to_string();
                match h.kind {
                    Some(DestinationKind::Obs) => {
                        ("OBS bucket", format!("OBS:{}", key("bucket")), join(&dest.pointer, "destination"))
                    }
                    Some(DestinationKind::Dis) => {
                        ("DIS stream", format!("DIS:{}", key("stream_name")), join(&dest.pointer, "destination"))
                    }
                    _ => continue,
                }
            } else {
                continue;
            };
            out.push(
                ctx.finding(
                    &RULE.info,
                    &p,
                    At::Value,
                    format!(
                        "{tgt} has no counterpart for the {what} destination of `{}`: translation refuses it",
                        dest.slot
                    ),
                )
                .with_help(format!(
                    "add a `destinations` entry for `{key}` to the mapping file, or pass --allow-lossy to drop it"
                )),
            );
        }
    }
}
