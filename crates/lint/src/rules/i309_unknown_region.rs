//! I309: a well-shaped region id the provider does not list.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I309",
        name: "unknown-region",
        severity: Severity::Warning,
        summary: "A region id the provider does not list",
        docs: r#"## What it does
Warns about a region id in an ARN or URN that has the shape of a region id
but is not one of the provider's known regions (Function Compute: the 26
regions of Serverless Devs' FC 3.0 enum; FunctionGraph: the Go SDK's list).

## Why is this bad?
A typo (`cn-shangai`) or a region of the other cloud (`cn-north-4` in an
Alibaba ARN) names no resource. It is a warning because regions open over
time.

## Example
```json
{"destination": "acs:mns:cn-shangai:1234567890123456:/queues/jobs/messages"}
```

## Fix
Use a region the provider serves, e.g. `cn-shanghai` (Alibaba) or
`cn-north-4` (Huawei).
"#,
        fixable: false,
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in &ctx.idents {
        let Some(region) = id.region_text() else { continue };
        if region.is_empty() || looks_like_placeholder(region) || !invokecfg_model::facts::is_region_shaped(region) {
            continue;
        }
        let (known, cloud) = if id.kind == IdKind::Arn {
            (alibaba::REGIONS, "Function Compute")
        } else {
            (huawei::REGIONS, "FunctionGraph")
        };
        if known.contains(&region) {
            continue;
        }
        let other = if id.kind == IdKind::Arn { huawei::REGIONS } else { alibaba::REGIONS };
        let near = crate::suggest::near(region, known);
        let help = match near.first() {
            _ if other.contains(&region) => {
                let owner = if id.kind == IdKind::Arn { "Huawei Cloud" } else { "Alibaba Cloud" };
                format!("`{region}` is {} {owner} region; use the matching {cloud} region", article(owner))
            }
            Some(n) => format!("did you mean `{n}`?"),
            None => format!("{cloud} regions include {}", list(&known[..known.len().min(6)])),
        };
        out.push(
            ctx.finding(
                &RULE.info,
                &id.pointer,
                At::Value,
                format!("`{}`: region `{region}` is not a {cloud} region", id.field),
            )
            .with_span(ctx.ident_part_span(id, colon_part(&id.text, 2).unwrap_or((0, id.text.len()))))
            .with_help(help),
        );
    }
}
