//! I317: a Lambda function reference, qualifier or destination ARN that does not parse or is not accepted.

use super::prelude::*;
use invokecfg_model::Document;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "I317",
        name: "invalid-aws-identifier",
        severity: Severity::Error,
        summary: "A Lambda function name, qualifier or destination ARN the API rejects",
        docs: r#"## What it does
In an `aws-lambda` document, reports each `FunctionName`, `FunctionArn`,
`Qualifier` or destination ARN that does not have the shape the Lambda API
accepts, naming the part that is wrong: the partition of a region
(`arn:aws:...:cn-north-1` is `aws-cn`), a 12-digit account, a service that is
no destination (Kinesis), an S3 bucket as the success destination,
`$latest` spelled in lower case, `$LATEST.PUBLISHED` in a `FunctionArn`
(requests only). A FIFO queue or topic is accepted by the API: M407 warns
about it.

## Why is this bad?
PutFunctionEventInvokeConfig rejects the request, or (for a destination the
function cannot reach) results are never delivered.

## Example
```json
{"FunctionName": "orders-api", "DestinationConfig": {"OnSuccess": {"Destination": "arn:aws:s3:::orders-results"}}}
```

## Fix
Write the identifier in the form the message names; S3 buckets go in
`OnFailure` only.
"#,
        fix: FixAvailability::None,
        applicability: &[],
    },
    check,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.dialect != Some(Dialect::AwsLambda) {
        return;
    }
    let errors = match Document::from_value(ctx.value, Dialect::AwsLambda) {
        Ok(Document::AwsLambda(doc)) => doc
            .identifier_errors()
            .into_iter()
            .map(|mut e| {
                e.pointer = ctx.in_document(&e.pointer).into_owned();
                e
            })
            .collect(),
        // One wrongly typed value (S108's) must not hide the other configs' identifiers.
        _ => {
            let mut errors = Vec::new();
            for c in &ctx.configs {
                let one = serde_json::Value::Object(c.map.clone());
                if let Ok(Document::AwsLambda(doc)) = Document::from_value(&one, Dialect::AwsLambda) {
                    errors.extend(doc.identifier_errors().into_iter().map(|mut e| {
                        e.pointer = format!("{}{}", c.pointer, e.pointer);
                        e
                    }));
                }
            }
            errors
        }
    };
    for e in errors {
        out.push(ctx.finding(&RULE.info, &e.pointer, At::Value, e.error.to_string()));
    }
}
