//! S109: Huawei `param` given as an object instead of a JSON string.

use super::prelude::*;
use invokecfg_model::json_type;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "S109",
        name: "param-not-string",
        severity: Severity::Error,
        summary: "Huawei `param` is not a string (it must be JSON encoded in a string)",
        docs: r#"## What it does
Reports a FunctionGraph destination whose `param` is an object (or another
non-string value). The API types `param` as a string that holds a JSON
document.

## Why is this bad?
The API rejects the request; Terraform and cloud-custodian accept an object,
which is why such files exist.

## Example
```json
{"destination_config": {"on_success": {"destination": "OBS",
  "param": {"bucket": "results", "expires": 5}}}}
```

## Fix
JSON-encode the object into a string:
`"param": "{\"bucket\":\"results\",\"expires\":5}"`. The fix does this for objects; it
is safe: the string holds the same object, in the form the API reads.
"#,
        fix: FixAvailability::Sometimes,
        applicability: &[Applicability::Safe],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in ctx.configs_of(Dialect::Huawei) {
        for dest in &c.destinations {
            let Some(v) = dest.map.get(PARAM) else { continue };
            if v.is_string() || v.is_null() {
                continue;
            }
            let p = join(&dest.pointer, PARAM);
            let mut f = ctx.finding(
                &RULE.info,
                &p,
                At::Value,
                format!("`param` is {}; the API takes a JSON string", json_type(v)),
            );
            let encoded = json_str(&v.to_string());
            f.help = Some(if encoded.len() <= 100 {
                format!("JSON-encode it into a string: \"param\": {encoded}")
            } else {
                "JSON-encode it into a string".to_string()
            });
            if v.is_object() {
                f.fix = replace(Applicability::Safe, f.span, encoded, "JSON-encode `param` into a string");
            }
            out.push(f);
        }
    }
}
