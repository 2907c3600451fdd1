//! I316: an ARN with empty region or account.

use super::prelude::*;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I316",
        name: "relative-arn",
        severity: Severity::Info,
        summary: "ARN with empty region or account (`acs:fc:::`): filled from the function",
        docs: r#"## What it does
Notes an ARN whose region or account is empty, as Serverless Devs files write
them (`acs:fc:::services/s/functions/f`).

## Why is this bad?
It is not wrong: the empty parts mean "the function's own". But the file
then depends on where it is deployed, and the translator needs the
function's identity (`--function`) to fill them in.

## Example
```json
{"destination": "acs:fc:::services/Puppeteer/functions/HtmlToPng"}
```

## Fix
Nothing required; write region and account to make the file explicit. With
`--function`, the fix writes that function's region and account into the
empty parts. It is unsafe (applied with `--fix --unsafe-fixes`): the ARN then
names one region and account wherever the file is deployed, an identity
written in for you.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Unsafe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for id in &ctx.idents {
        let Some(arn) = &id.arn else { continue };
        let empty: Vec<&str> = [("region", &arn.region), ("account", &arn.account)]
            .into_iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(k, _)| k)
            .collect();
        if empty.is_empty() {
            continue;
        }
        let own = ctx.configs.get(id.config).and_then(|c| c.function.as_ref());
        let own = own.and_then(|f| f.region.as_ref().zip(f.account.as_ref()));
        let help = match own {
            Some((r, a)) => format!("the function's own: region `{r}`, account `{a}`"),
            None => "the translator fills the empty parts from the function's identity (--function)".into(),
        };
        let message = format!("`{}`: empty {} means the function's own", id.field, empty.join(" and "));
        let mut f = ctx.finding(&RULE.info, &id.pointer, At::Value, message).with_help(help);
        // Filled only from an identity the user gave (`--function`), never guessed.
        if let (Some((r, a)), Some(_)) = (own, &ctx.options.function) {
            let mut parts: Vec<&str> = id.text.splitn(5, ':').collect();
            if parts.len() == 5 {
                parts[2] = if arn.region.is_empty() { r } else { parts[2] };
                parts[3] = if arn.account.is_empty() { a } else { parts[3] };
                let full = parts.join(":");
                f.fix = replace(Applicability::Unsafe, ctx.spans.value_span(&id.pointer), json_str(&full), format!("write `{full}`"));
            }
        }
        out.push(f);
    }
}
