//! M407: a FIFO SQS queue or FIFO SNS topic as a Lambda destination.

use super::prelude::*;
use crate::ctx::AwsDest;
use invokecfg_model::facts::aws;

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        code: "M407",
        name: "fifo-destination",
        severity: Severity::Warning,
        summary: "A FIFO SQS queue or SNS topic as a Lambda destination: accepted, never delivered to",
        docs: r#"## What it does
In an `aws-lambda` document, reports an `OnSuccess` or `OnFailure`
destination that is a FIFO SQS queue or a FIFO SNS topic (its name ends in
`.fifo`).

## Why is this bad?
PutFunctionEventInvokeConfig accepts the configuration, but Lambda sends
invocation records only to standard queues and topics. The Lambda developer
guide ("Capturing records of Lambda asynchronous invocations") calls a FIFO
queue or topic an unsupported destination type: each record fails to arrive
and is counted in the `DestinationDeliveryFailures` CloudWatch metric.

Severity: warning. The API accepts it (error = the API would reject it), and
it is very likely a mistake.

## Example
```json
{"FunctionName": "orders-api", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:210987654321:orders-failed.fifo"}}}
```

## Fix
Use a standard queue or topic; to keep order, let a function destination
forward the records to the FIFO queue.
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
    for c in &ctx.configs {
        for d in &c.destinations {
            let Some(AwsDest { arn: Ok(arn) }) = &d.aws else { continue };
            let Some(kind) = arn.fifo_kind() else { continue };
            let mut f = ctx.finding(
                &RULE.info,
                &join(&d.pointer, aws::DESTINATION_KEY),
                At::Value,
                format!("`{}` is a FIFO {kind}; {}", d.slot, aws::FIFO_DELIVERY),
            );
            f.help = Some(format!("use a standard {kind} (see {})", aws::FIFO_DELIVERY_SOURCE));
            out.push(f);
        }
    }
}
