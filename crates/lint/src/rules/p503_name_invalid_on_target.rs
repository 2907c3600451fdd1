//! P503: a name that breaks the target's naming rule.

use super::prelude::*;
use invokecfg_model::facts::NameRule;
use invokecfg_model::Field;
use invokecfg_model::{AcsResource, FunctionRef, Qualifier, SmnTopicUrn};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "P503",
        name: "name-invalid-on-target",
        severity: Severity::Error,
        summary: "A function, service, alias or topic name the target does not allow",
        docs: r#"## What it does
With `--target`, checks each name the translation carries over (function,
FC service -> FunctionGraph package, alias, MNS topic -> SMN topic) against
the target's naming rule.

## Why is this bad?
The translated config names a resource that cannot exist: an FC function
name of 61..64 characters, or one starting with `_` or ending with `-`, is no
FunctionGraph function name (1..60, starts with a letter, ends with a letter
or digit).

## Example
```json
{"service": "orders", "function": "_internal-handler"}
```
with `--target huawei`.

## Fix
Rename the resource on the target and map it explicitly (mapping file), or
rename it on both platforms.
"#,
        fixable: false,
    },
    check,
};

/// What a carried-over name is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Function,
    Group,
    Alias,
    Topic,
}

/// A name (or qualifier) carried over by a translation, with where it is.
pub(crate) struct Carried {
    pub pointer: String,
    pub kind: NameKind,
    pub name: String,
    pub qualifier: Option<Qualifier>,
}

fn push_function(out: &mut Vec<Carried>, p: &str, f: &FunctionRef) {
    let mut add = |kind, name: &str| {
        out.push(Carried { pointer: p.to_string(), kind, name: name.to_string(), qualifier: None });
    };
    if let Some(n) = &f.name {
        add(NameKind::Function, n);
    }
    if let Some(g) = &f.group {
        add(NameKind::Group, g);
    }
    if let Some(q) = &f.qualifier {
        let name = match q {
            Qualifier::Alias(a) | Qualifier::Version(a) => a.clone(),
            Qualifier::Latest => return,
        };
        let kind = if matches!(q, Qualifier::Alias(_)) { NameKind::Alias } else { NameKind::Group };
        out.push(Carried { pointer: p.to_string(), kind, name, qualifier: Some(q.clone()) });
    }
}

/// Every name and qualifier in the document the translation carries over.
pub(crate) fn carried(ctx: &Ctx) -> Vec<Carried> {
    let mut out = Vec::new();
    let Some(d) = ctx.dialect else { return out };
    for c in &ctx.configs {
        // The config's own function, from the document only.
        let own_ptr = match d {
            Dialect::AlibabaFc2 => ["function", "functionName"].into_iter().find(|k| c.map.contains_key(*k)),
            Dialect::AlibabaFc3 | Dialect::Huawei => Some(d.key(Field::Function)).filter(|k| c.map.contains_key(*k)),
        };
        if let (Some(k), Some(f)) = (own_ptr, &c.function) {
            let mut f = f.clone();
            if d == Dialect::AlibabaFc2 {
                // Service and qualifier sit in their own fields.
                if let Some(s) = f.group.take() {
                    let sk = if c.map.contains_key("service") { "service" } else { "serviceName" };
                    out.push(Carried { pointer: c.at(sk), kind: NameKind::Group, name: s, qualifier: None });
                }
                if let Some(q) = f.qualifier.take() {
                    push_function(
                        &mut out,
                        &c.at("qualifier"),
                        &FunctionRef { qualifier: Some(q), ..Default::default() },
                    );
                }
            }
            push_function(&mut out, &c.at(k), &f);
        }
        for dest in &c.destinations {
            let p = join(&dest.pointer, if dest.alibaba.is_some() { "destination" } else { "param" });
            if let Some(f) = dest.function() {
                push_function(&mut out, &p, &f);
            }
            if let Some(Ok(arn)) = dest.alibaba.as_ref().map(|a| &a.arn) {
                if let AcsResource::MnsTopic { topic } = &arn.resource {
                    out.push(Carried {
                        pointer: p.clone(),
                        kind: NameKind::Topic,
                        name: topic.clone(),
                        qualifier: None,
                    });
                }
            }
            let topic = dest.huawei.as_ref().and_then(|h| h.param_obj()).and_then(|o| o.get("topic_urn")?.as_str());
            if let Some(t) = topic.and_then(|t| t.parse::<SmnTopicUrn>().ok()) {
                out.push(Carried { pointer: p, kind: NameKind::Topic, name: t.topic, qualifier: None });
            }
        }
    }
    out
}

fn rule_for(tgt: Dialect, kind: NameKind) -> Option<NameRule> {
    Some(match (tgt, kind) {
        (Dialect::Huawei, NameKind::Function) => huawei::FUNCTION_NAME,
        (Dialect::Huawei, NameKind::Group) => huawei::PACKAGE_NAME,
        (Dialect::Huawei, NameKind::Alias) => huawei::ALIAS_NAME,
        (Dialect::Huawei, NameKind::Topic) => huawei::TOPIC_NAME,
        (_, NameKind::Function) => alibaba::FUNCTION_NAME,
        (Dialect::AlibabaFc2, NameKind::Group) => alibaba::SERVICE_NAME,
        (_, NameKind::Alias) => alibaba::ALIAS_NAME,
        (_, NameKind::Topic) => alibaba::RESOURCE_NAME,
        _ => return None,
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some((src, tgt)) = super::target(ctx) else { return };
    if src.is_alibaba() == tgt.is_alibaba() {
        return;
    }
    for n in carried(ctx) {
        // Versions are P504's: they need a mapping entry whatever their spelling.
        if matches!(n.qualifier, Some(Qualifier::Version(_))) {
            continue;
        }
        let Some(rule) = rule_for(tgt, n.kind) else { continue };
        if let Err(e) = rule.check(&n.name) {
            out.push(ctx.finding(&RULE.info, &n.pointer, At::Value, format!("on {tgt}: {e}")).with_help(format!(
                "a {tgt} {} has {}",
                rule.what,
                rule.describe()
            )));
        }
    }
}
