//! `bench-notes` (and a section of `bench`): notes at scale (issue #20).
//! One list document of N configs (the list rows' item, default 200,000),
//! linted and translated to every target side by side in one run, each as a
//! whole process: wall time, peak RSS (GNU time) against the input size,
//! translate time against lint time, and how many lines stderr got. With
//! `--baseline PATH` a second binary (main's, say) is measured the same way
//! in the same run, for a before and after.

use serde_json::{json, Value};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The figures the issue sets: peak memory at most this multiple of the input...
const TARGET_RSS_PER_INPUT: f64 = 3.0;
/// ...and translate time at most this multiple of lint time.
const TARGET_VS_LINT: f64 = 2.0;

/// Each target and the flags it needs to translate the list at all.
const TARGETS: [(&str, &[&str]); 4] =
    [("alibaba-fc2", &[]), ("alibaba-fc3", &[]), ("huawei", &["--allow-lossy"]), ("aws-lambda", &["--allow-lossy"])];

/// One whole-process run: wall time, peak RSS in KiB and CPU seconds (user
/// and system, from GNU time), exit code and stderr's line count (counted
/// as it comes, not held). CPU time is the figure a busy shared machine
/// disturbs least.
struct Run {
    wall: Duration,
    rss_kib: Option<u64>,
    cpu_s: Option<f64>,
    code: Option<i32>,
    stderr_lines: usize,
}

fn run_once(bin: &Path, args: &[&str], input: &Path) -> Result<Run, String> {
    let (mut cmd, timed) = crate::measure::under_gnu_time(bin, "%M %U %S");
    let t = Instant::now();
    let mut child = cmd
        .args(args)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running {}: {e}", bin.display()))?;
    let (mut lines, mut last) = (0usize, String::new());
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).split(b'\n') {
            let line = line.map_err(|e| format!("reading {}'s stderr: {e}", bin.display()))?;
            lines += 1;
            last = String::from_utf8_lossy(&line).into_owned();
        }
    }
    let status = child.wait().map_err(|e| format!("waiting for {}: {e}", bin.display()))?;
    let wall = t.elapsed();
    // GNU time writes its figure last, after the binary's own lines.
    let figures: Vec<&str> = last.split_whitespace().collect();
    let (rss_kib, cpu_s) = match (timed, figures.as_slice()) {
        (true, [rss, user, system]) => {
            (rss.parse().ok(), user.parse::<f64>().ok().zip(system.parse::<f64>().ok()).map(|(u, s)| u + s))
        }
        _ => (None, None),
    };
    let stderr_lines = if rss_kib.is_some() { lines.saturating_sub(1) } else { lines };
    Ok(Run { wall, rss_kib, cpu_s, code: status.code(), stderr_lines })
}

/// The median run by wall time of `runs`.
fn median_run(bin: &Path, args: &[&str], input: &Path, runs: usize) -> Result<Run, String> {
    let mut all = (0..runs.max(1)).map(|_| run_once(bin, args, input)).collect::<Result<Vec<_>, _>>()?;
    all.sort_by_key(|r| r.wall);
    let mid = all.len() / 2;
    Ok(all.swap_remove(mid))
}

/// Lint and every target's translation of `input` by each binary, one
/// command at a time across the binaries (so a busy spell of the machine
/// falls on both).
fn measure_binaries(bins: &[&Path], input: &Path, bytes: usize, runs: usize) -> Result<Vec<Value>, String> {
    let per_input = |kib: Option<u64>| kib.map(|k| k as f64 * 1024.0 / bytes as f64);
    let mut lints = Vec::new();
    for bin in bins {
        eprintln!("bench-notes: {}: lint", bin.display());
        lints.push(median_run(bin, &["lint"], input, runs)?);
    }
    let mut rows: Vec<Vec<Value>> = vec![Vec::new(); bins.len()];
    for (target, flags) in TARGETS {
        let mut args = vec!["translate", "--to", target];
        args.extend_from_slice(flags);
        for ((bin, lint), rows) in bins.iter().zip(&lints).zip(&mut rows) {
            eprintln!("bench-notes: {}: translate --to {target} {}", bin.display(), flags.join(" "));
            let t = median_run(bin, &args, input, runs)?;
            let rss = per_input(t.rss_kib);
            let vs_lint = t.wall.as_secs_f64() / lint.wall.as_secs_f64().max(1e-9);
            let cpu_vs_lint = t.cpu_s.zip(lint.cpu_s).map(|(t, l)| t / l.max(1e-9));
            rows.push(json!({
                "target": target,
                "flags": flags.join(" "),
                "exit_code": t.code,
                "translate_s": t.wall.as_secs_f64(),
                "translate_vs_lint": vs_lint,
                "translate_cpu_s": t.cpu_s,
                "translate_cpu_vs_lint": cpu_vs_lint,
                "peak_rss_kib": t.rss_kib,
                "rss_per_input_byte": rss,
                "stderr_lines": t.stderr_lines,
                "meets_rss": rss.map(|r| r <= TARGET_RSS_PER_INPUT),
                "meets_time": vs_lint <= TARGET_VS_LINT,
                "meets_cpu_time": cpu_vs_lint.map(|r| r <= TARGET_VS_LINT),
            }));
        }
    }
    Ok(bins
        .iter()
        .zip(lints)
        .zip(rows)
        .map(|((bin, lint), rows)| {
            json!({
                "binary": bin.display().to_string(),
                "lint_s": lint.wall.as_secs_f64(),
                "lint_cpu_s": lint.cpu_s,
                "lint_peak_rss_kib": lint.rss_kib,
                "lint_rss_per_input_byte": per_input(lint.rss_kib),
                "lint_stderr_lines": lint.stderr_lines,
                "targets": rows,
            })
        })
        .collect())
}

/// Writes the list of `items` configs to `dir` and measures `bin` (and
/// `baseline`, first, when given) on it.
pub fn measure(bin: &Path, baseline: Option<&Path>, dir: &Path, items: usize, runs: usize) -> Result<Value, String> {
    let text = crate::measure::list_document(items)?;
    let input = dir.join(format!("list-{items}.json"));
    std::fs::write(&input, &text).map_err(|e| format!("{}: {e}", input.display()))?;
    let bins: Vec<&Path> = baseline.into_iter().chain([bin]).collect();
    let binaries = measure_binaries(&bins, &input, text.len(), runs);
    std::fs::remove_file(&input).ok();
    Ok(json!({
        "items": items,
        "bytes": text.len(),
        "runs": runs,
        "target_rss_per_input": TARGET_RSS_PER_INPUT,
        "target_translate_vs_lint": TARGET_VS_LINT,
        "binaries": binaries?,
    }))
}

/// The figures as a table.
pub fn render(r: &Value) -> String {
    let mut s = String::new();
    let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let _ = writeln!(
        s,
        "notes at scale: one list of {} configs ({:.1} MB), each figure the median of {} whole-process run(s), peak RSS from GNU time",
        r["items"],
        f(&r["bytes"]) / 1e6,
        r["runs"]
    );
    for b in r["binaries"].as_array().into_iter().flatten() {
        let _ = writeln!(s, "{}", b["binary"].as_str().unwrap_or_default());
        let _ = writeln!(
            s,
            "  lint: {:.2} s ({:.2} s CPU), peak {:.0} MB ({:.1}x the input), {} stderr lines",
            f(&b["lint_s"]),
            f(&b["lint_cpu_s"]),
            f(&b["lint_peak_rss_kib"]) / 1024.0,
            f(&b["lint_rss_per_input_byte"]),
            b["lint_stderr_lines"]
        );
        let _ = writeln!(
            s,
            "  {:<28} {:>5} {:>7} {:>13} {:>7} {:>13} {:>6} {:>13} {:>13}",
            "translate --to", "exit", "s", "x lint", "CPU s", "CPU x lint", "MB", "x input", "stderr lines"
        );
        for t in b["targets"].as_array().into_iter().flatten() {
            let mark = |ok: &Value| if ok.as_bool() == Some(false) { " (over)" } else { "" };
            let _ = writeln!(
                s,
                "  {:<28} {:>5} {:>7.2} {:>13} {:>7.2} {:>13} {:>6.0} {:>13} {:>13}",
                format!("{} {}", t["target"].as_str().unwrap_or_default(), t["flags"].as_str().unwrap_or_default()),
                t["exit_code"],
                f(&t["translate_s"]),
                format!("{:.2}{}", f(&t["translate_vs_lint"]), mark(&t["meets_time"])),
                f(&t["translate_cpu_s"]),
                format!("{:.2}{}", f(&t["translate_cpu_vs_lint"]), mark(&t["meets_cpu_time"])),
                f(&t["peak_rss_kib"]) / 1024.0,
                format!("{:.1}{}", f(&t["rss_per_input_byte"]), mark(&t["meets_rss"])),
                t["stderr_lines"]
            );
        }
    }
    let _ = writeln!(
        s,
        "  targets: translate at most {TARGET_VS_LINT}x the lint's time and {TARGET_RSS_PER_INPUT}x the input in memory; stderr a few dozen lines"
    );
    s
}

/// `bench-notes [--items N] [--runs K] [--bin PATH] [--baseline PATH] [--json]`.
pub fn run(args: &[String]) -> Result<std::process::ExitCode, String> {
    let (mut items, mut runs, mut bin, mut baseline, mut as_json) = (200_000usize, 3usize, None, None, false);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--items" => items = crate::number(args, &mut i, "--items")?,
            "--runs" => runs = crate::number(args, &mut i, "--runs")?,
            "--bin" => bin = Some(PathBuf::from(crate::value(args, &mut i, "--bin")?)),
            "--baseline" => baseline = Some(PathBuf::from(crate::value(args, &mut i, "--baseline")?)),
            "--json" => as_json = true,
            other => return Err(format!("bench-notes: unknown option `{other}`")),
        }
        i += 1;
    }
    let bin = match bin {
        Some(b) => b,
        None => crate::measure::target_dir(&crate::workspace_root()).join("release").join("invokecfg"),
    };
    for b in [Some(&bin), baseline.as_ref()].into_iter().flatten() {
        if !b.is_file() {
            return Err(format!(
                "{}: no such binary (cargo build --release --bin invokecfg, or pass --bin)",
                b.display()
            ));
        }
    }
    let dir = std::env::temp_dir().join(format!("invokecfg-bench-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let report = measure(&bin, baseline.as_deref(), &dir, items, runs);
    std::fs::remove_dir_all(&dir).ok();
    let report = report?;
    if as_json {
        eprintln!("{}", render(&report));
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        println!("{}", render(&report));
    }
    Ok(std::process::ExitCode::SUCCESS)
}
