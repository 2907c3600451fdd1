//! I307: a service, function, alias, version or topic name that breaks its rule.

use super::helpers::{report, Class};
use super::prelude::*;
use invokecfg_model::arn::check_fc_qualifier;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I307",
        name: "invalid-name",
        severity: Severity::Error,
        summary: "A name or qualifier breaks the provider's naming rule",
        docs: r#"## What it does
Checks service, function, alias and version names and qualifiers, in fields
(`service`, `function`, `qualifier`) and inside ARNs and URNs, against the
provider's rule: length and allowed characters (FC: $facts(function-name:alibaba-fc3) for functions,
$facts(service-name) for services and aliases, starting with a letter or `_`; FunctionGraph:
$facts(function-name:huawei) for functions, starting with a letter and ending with a letter or digit;
Lambda: $facts(function-name:aws-lambda) for functions; SCF: `FunctionName` and `Namespace`
by CreateFunction's and CreateNamespace's rules).

## Why is this bad?
No such resource can exist, so the config or destination names nothing.

## Example
```json
{"service": "demo-service", "function": "9lives"}
```

## Fix
Use the resource's real name; the help line states the rule.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    report(ctx, out, &RULE.info, Class::Name, &|_| "use the resource's real name".into());
    let Some(d) = ctx.dialect else { return };
    // Plain-name members the spec lists with their rules (SCF's `FunctionName`, `Namespace`).
    for c in &ctx.configs {
        for (key, rule) in d.spec().name_fields {
            let Some(Value::String(s)) = member(c.map, key) else { continue };
            if let Err(e) = rule.check(s) {
                let help = format!("a {} has {}", rule.what, rule.describe());
                out.push(ctx.finding(&RULE.info, &c.at(key), At::Value, format!("`{key}`: {e}")).with_help(help));
            }
        }
    }
    if !d.is_alibaba() {
        return;
    }
    for c in &ctx.configs {
        for (key, rule) in [
            (alibaba::SERVICE_KEY, Some(alibaba::SERVICE_NAME)),
            (alibaba::LEGACY_SERVICE_KEY, Some(alibaba::SERVICE_NAME)),
            ("function", Some(alibaba::FUNCTION_NAME)),
            (alibaba::LEGACY_FUNCTION_KEY, Some(alibaba::FUNCTION_NAME)),
            (alibaba::QUALIFIER_KEY, None),
        ] {
            if d == Dialect::AlibabaFc3 && key != alibaba::QUALIFIER_KEY {
                continue;
            }
            let Some(Value::String(s)) = member(c.map, key) else { continue };
            let (msg, help) = match rule {
                Some(r) => match r.check(s) {
                    Ok(()) => continue,
                    Err(e) => (e.to_string(), format!("a {} has {}", r.what, r.describe())),
                },
                None => match check_fc_qualifier(s) {
                    Ok(()) => continue,
                    Err(e) => (e.to_string(), "a qualifier is `LATEST`, a version number or an alias name".into()),
                },
            };
            out.push(ctx.finding(&RULE.info, &c.at(key), At::Value, format!("`{key}`: {msg}")).with_help(help));
        }
    }
}
