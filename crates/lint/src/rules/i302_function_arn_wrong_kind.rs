//! I302: an FC 3.0 `functionArn` that names something else.

use super::prelude::*;
use invokecfg_model::AcsResource;
use invokecfg_model::Field;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I302",
        name: "function-arn-wrong-kind",
        severity: Severity::Error,
        summary: "FC 3.0 `functionArn` is a well-formed ARN of something else",
        docs: r#"## What it does
Reports an FC 3.0 `functionArn` that parses as an ARN but does not name an
FC 3.0 function, e.g. an FC 2.0 `services/{service}/functions/{function}` path
or a queue.

## Why is this bad?
FC 3.0 has no services; such an ARN names no FC 3.0 function, so the config
cannot belong to one.

## Example
```json
{"functionArn": "acs:fc:cn-shanghai:1234567890123456:services/demo-service/functions/my-func"}
```

## Fix
Use `acs:fc:{region}:{account}:functions/{function}`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in ctx.idents.iter().filter(|i| i.field == Dialect::AlibabaFc3.key(Field::Function)) {
        let Some(arn) = &id.arn else { continue };
        if matches!(arn.resource, AcsResource::Fc3Function { .. }) {
            continue;
        }
        let mut help = "FC 3.0 function ARNs are `acs:fc:{region}:{account}:functions/{function}`".to_string();
        if let AcsResource::Fc2Function { function, .. } = &arn.resource {
            help =
                format!("FC 3.0 has no services: write `acs:fc:{}:{}:functions/{function}`", arn.region, arn.account);
        }
        out.push(
            ctx.finding(&RULE.info, &id.pointer, At::Value, {
                let kind = arn.resource.kind_name();
                let first = kind.split(' ').next().unwrap_or_default();
                format!("`functionArn` names {} {kind}, not an FC 3.0 function", article(first))
            })
            .with_help(help),
        );
    }
}
