//! `bench-iac`: `invokecfg lint` on Terraform at scale (issue #11 item 5):
//! one `.tf` file of N resources and N small `.tf` files, beside
//! `terraform fmt -check` on the same inputs as the baseline (a tool every
//! Terraform user runs on these files; `tflint` is not reachable here, and
//! `terraform validate` needs provider downloads).

use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One resource of each async invoke config type, by turn, with
/// realistic values (some out of range, so lint reports findings).
fn resource(i: usize) -> String {
    match i % 3 {
        0 => format!(
            "resource \"alicloud_fc_function_async_invoke_config\" \"r{i}\" {{\n  service_name                 = \"orders\"\n  function_name                = \"process-{i}\"\n  maximum_event_age_in_seconds = {}\n  maximum_retry_attempts       = {}\n\n  destination_config {{\n    on_failure {{\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/topics/order-failures-{i}/messages\"\n    }}\n  }}\n}}\n",
            3600 + i % 600_000,
            i % 10
        ),
        1 => format!(
            "resource \"huaweicloud_fgs_async_invoke_configuration\" \"r{i}\" {{\n  function_urn                   = \"urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:report-{i}:latest\"\n  max_async_event_age_in_seconds = {}\n  max_async_retry_attempts       = {}\n\n  on_failure {{\n    destination = \"SMN\"\n    param = jsonencode({{\n      topic_urn = \"urn:smn:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:report_failures\"\n    }})\n  }}\n}}\n",
            60 + i % 90_000,
            i % 4
        ),
        _ => format!(
            "resource \"aws_lambda_function_event_invoke_config\" \"r{i}\" {{\n  function_name                = \"arn:aws:lambda:eu-central-1:210987654321:function:billing-{i}\"\n  maximum_event_age_in_seconds = {}\n  maximum_retry_attempts       = {}\n}}\n",
            60 + i % 21_600,
            i % 3
        ),
    }
}

/// The median wall time of `runs` runs, and the exit code of the last.
fn wall(program: &Path, args: &[&str], dir: &Path, runs: usize) -> Result<(Duration, Option<i32>), String> {
    let mut times = Vec::new();
    let mut code = None;
    for _ in 0..runs {
        let t = Instant::now();
        let status = Command::new(program)
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("running {}: {e}", program.display()))?;
        times.push(t.elapsed());
        code = status.code();
    }
    times.sort();
    Ok((times[times.len() / 2], code))
}

/// `bench-iac [--resources N] [--runs K] [--bin PATH]`.
pub fn run(args: &[String]) -> Result<std::process::ExitCode, String> {
    let (mut n, mut runs, mut bin) = (10_000usize, 3usize, None);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--resources" => n = crate::number(args, &mut i, "--resources")?,
            "--runs" => runs = crate::number(args, &mut i, "--runs")?,
            "--bin" => bin = Some(PathBuf::from(crate::value(args, &mut i, "--bin")?)),
            other => return Err(format!("bench-iac: unknown option `{other}`")),
        }
        i += 1;
    }
    if n == 0 || runs == 0 {
        return Err("bench-iac: --resources and --runs must be at least 1".into());
    }
    let bin = bin.unwrap_or_else(|| crate::workspace_root().join("target/release/invokecfg"));
    let work = std::env::temp_dir().join(format!("invokecfg-bench-iac-{}", std::process::id()));
    let many = work.join("many");
    fs::create_dir_all(&many).map_err(|e| format!("{}: {e}", many.display()))?;
    let one = (0..n).map(resource).collect::<Vec<_>>().join("\n");
    fs::write(work.join("main.tf"), &one).map_err(|e| e.to_string())?;
    for i in 0..n {
        fs::write(many.join(format!("r{i}.tf")), resource(i)).map_err(|e| e.to_string())?;
    }
    let terraform = PathBuf::from("terraform");
    let rows = [("one file", "main.tf"), ("small files", "many")]
        .iter()
        .map(|(what, input)| {
            let (lint, lint_exit) = wall(&bin, &["lint", "--quiet", input], &work, runs)?;
            let fmt = wall(&terraform, &["fmt", "-check", "-recursive", input], &work, runs).ok();
            eprintln!("bench-iac: {what}: lint {:.3} s, terraform fmt -check {:?}", lint.as_secs_f64(), fmt);
            Ok(json!({
                "input": what,
                "resources": n,
                "lint_s": lint.as_secs_f64(),
                "lint_exit": lint_exit,
                "resources_per_s": n as f64 / lint.as_secs_f64().max(1e-9),
                "terraform_fmt_check_s": fmt.map(|(d, _)| d.as_secs_f64()),
                "terraform_fmt_check_exit": fmt.and_then(|(_, c)| c),
            }))
        })
        .collect::<Result<Vec<Value>, String>>();
    let _ = fs::remove_dir_all(&work);
    let report = json!({"bytes_one_file": one.len(), "runs": runs, "rows": rows?});
    println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    Ok(std::process::ExitCode::SUCCESS)
}
