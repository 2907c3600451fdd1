//! I308: a short function reference inside `param`.

use super::helpers::{class, error_text, Class};
use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I308",
        name: "short-urn-in-param",
        severity: Severity::Error,
        summary: "A short function reference (`default:test`) inside `param`",
        docs: r#"## What it does
Reports a FunctionGraph destination whose `param.func_urn` is a short form
(`name`, `package:name`, `package:name:version`) rather than a full URN.

## Why is this bad?
The API accepts the short forms as a path parameter, where region and project
come from the request; inside `param` nothing supplies them, so the
destination names no function.

## Example
```json
{"destination": "FunctionGraph", "param": "{\"func_urn\":\"default:test\"}"}
```

## Fix
Write the full URN:
`urn:fss:{region}:{project_id}:function:default:test:latest`.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in ctx.idents.iter().filter(|id| class(id) == Some(Class::ShortForm)) {
        let parts: Vec<&str> = id.text.split(':').collect();
        let (package, name, version) = match parts.as_slice() {
            [name] => (huawei::DEFAULT_PACKAGE, *name, huawei::LATEST),
            [package, name] => (*package, *name, huawei::LATEST),
            [package, name, version, ..] => (*package, *name, *version),
            [] => (huawei::DEFAULT_PACKAGE, "", huawei::LATEST),
        };
        // The config's own function supplies region and project when it has them.
        let own = ctx.configs.get(id.config).and_then(|c| c.function.as_ref());
        let region = own.and_then(|f| f.region.clone()).unwrap_or_else(|| "{region}".into());
        let project = own.and_then(|f| f.account.clone()).unwrap_or_else(|| "{project_id}".into());
        out.push(
            ctx.finding(&RULE.info, &id.pointer, At::Value, format!("`{}`: {}", id.field, error_text(id)))
                .with_span(ctx.ident_part_span(id, (0, id.text.len())))
                .with_help(format!("write `urn:fss:{region}:{project}:function:{package}:{name}:{version}`")),
        );
    }
}
