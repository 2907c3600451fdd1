//! `bench`: generates the corpus, measures the `invokecfg` binary and the
//! library entry points on it, prints a table (and JSON), and checks the targets.

use crate::corpus::{self, Corpus, Spec};
use crate::measure::{list_document, target_dir, under_gnu_time};
use crate::workspace_root;
use invokecfg_lint::LintOptions;
use invokecfg_model::{detect, span, Dialect, Document};
use invokecfg_translate::{Mapping, Options};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Targets from issue #5.
const TARGET_VS_CHECK_JSONSCHEMA: f64 = 50.0;
const TARGET_VS_PARSE: f64 = 3.0;
const TARGET_ONE_FILE_MS: f64 = 5.0;
/// Issue #21: the CLI's lint of the corpus against the bare parse on one thread.
const TARGET_VS_PARSE_SERIAL: f64 = 1.3;
/// Issue #21: one-file lint against the binary's own `--version` start-up.
const TARGET_VS_VERSION: f64 = 1.2;
const TARGET_TRANSLATE_PER_CORE: f64 = 100_000.0;

/// `bench` options.
#[derive(Debug, Clone)]
pub struct Args {
    configs: usize,
    lists: usize,
    list_items: usize,
    out: Option<PathBuf>,
    runs: usize,
    latency_runs: usize,
    seed: u64,
    json: bool,
    bin: Option<PathBuf>,
    no_build: bool,
    check_jsonschema: bool,
    generate_only: bool,
}

impl Args {
    /// Reads the options after `bench`.
    pub fn parse(args: &[String]) -> Result<Args, String> {
        let mut a = Args {
            configs: 10_000,
            lists: 1_000,
            list_items: 20,
            out: None,
            runs: 3,
            latency_runs: 200,
            seed: 20_261_124,
            json: false,
            bin: None,
            no_build: false,
            check_jsonschema: true,
            generate_only: false,
        };
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--configs" => a.configs = crate::number(args, &mut i, "--configs")?,
                "--lists" => a.lists = crate::number(args, &mut i, "--lists")?,
                "--list-items" => a.list_items = crate::number(args, &mut i, "--list-items")?,
                "--out" => a.out = Some(PathBuf::from(crate::value(args, &mut i, "--out")?)),
                "--runs" => a.runs = crate::number(args, &mut i, "--runs")?,
                "--latency-runs" => a.latency_runs = crate::number(args, &mut i, "--latency-runs")?,
                "--seed" => a.seed = crate::number(args, &mut i, "--seed")?,
                "--bin" => a.bin = Some(PathBuf::from(crate::value(args, &mut i, "--bin")?)),
                "--json" => a.json = true,
                "--no-build" => a.no_build = true,
                "--no-check-jsonschema" => a.check_jsonschema = false,
                "--generate-only" => a.generate_only = true,
                other => return Err(format!("bench: unknown option `{other}` (see `cargo run -p xtask -- help`)")),
            }
            i += 1;
        }
        if a.runs == 0 || a.latency_runs == 0 || a.configs == 0 {
            return Err("bench: --runs, --latency-runs and --configs must be at least 1".into());
        }
        if a.generate_only && a.out.is_none() {
            return Err("bench: --generate-only needs --out DIR".into());
        }
        Ok(a)
    }
}

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d.get(d.len() / 2).copied().unwrap_or_default()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs `f` `runs` times and returns the median duration and the last result.
fn timed<T>(runs: usize, mut f: impl FnMut() -> Result<T, String>) -> Result<(Duration, T), String> {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f()?;
        times.push(t.elapsed());
        last = Some(r);
    }
    match last {
        Some(r) => Ok((median(times), r)),
        None => Err("no runs".into()),
    }
}

fn read_file(p: &Path) -> Result<Vec<u8>, String> {
    fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn list_json(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let p = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
    Ok(out)
}

/// The floor: list the directory, read every file and `serde_json::from_slice` it.
fn parse_floor(dir: &Path, parallel: bool) -> Result<usize, String> {
    let files = list_json(dir)?;
    let parse_one = |p: &PathBuf| -> Result<usize, String> {
        let bytes = read_file(p)?;
        let v: Value = serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(usize::from(v.is_object()))
    };
    if parallel {
        files.par_iter().map(parse_one).try_reduce(|| 0, |a, b| Ok(a + b))
    } else {
        files.iter().map(parse_one).sum()
    }
}

/// What one `invokecfg lint --format json` run reported.
#[derive(Debug, Clone, Default)]
struct LintReport {
    exit: i32,
    files: u64,
    findings: usize,
    files_with_findings: usize,
    errors: u64,
    warnings: u64,
    infos: u64,
    note: Option<String>,
}

fn run_cli_lint(bin: &Path, inputs: &[&Path]) -> Result<LintReport, String> {
    let out = Command::new(bin)
        .arg("lint")
        .arg("--format")
        .arg("json")
        .args(inputs)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running {}: {e}", bin.display()))?;
    let exit = out.status.code().unwrap_or(-1);
    let mut report = LintReport { exit, ..LintReport::default() };
    if exit != 0 && exit != 1 {
        let err = String::from_utf8_lossy(&out.stderr);
        report.note = Some(format!("exit {exit}: {}", err.lines().next().unwrap_or("").trim()));
        return Ok(report);
    }
    match serde_json::from_slice::<Value>(&out.stdout) {
        Ok(v) => {
            let findings = v.get("findings").and_then(Value::as_array).cloned().unwrap_or_default();
            report.findings = findings.len();
            let mut files: Vec<&str> = findings.iter().filter_map(|f| f.get("file").and_then(Value::as_str)).collect();
            files.sort_unstable();
            files.dedup();
            report.files_with_findings = files.len();
            let summary = v.get("summary").cloned().unwrap_or(Value::Null);
            let n = |k: &str| summary.get(k).and_then(Value::as_u64).unwrap_or(0);
            (report.files, report.errors, report.warnings, report.infos) =
                (n("files"), n("errors"), n("warnings"), n("infos"));
        }
        Err(e) => {
            report.note = Some(format!("stdout is not a JSON report ({e}); {} bytes", out.stdout.len()));
        }
    }
    Ok(report)
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn locate_binary(args: &Args, root: &Path) -> Result<PathBuf, String> {
    if let Some(b) = &args.bin {
        return if b.is_file() { Ok(b.clone()) } else { Err(format!("--bin {}: no such file", b.display())) };
    }
    if !args.no_build {
        eprintln!("bench: cargo build --release --bin invokecfg");
        let status = Command::new(cargo())
            .args(["build", "--release", "--bin", "invokecfg"])
            .current_dir(root)
            .status()
            .map_err(|e| format!("running cargo: {e}"))?;
        if !status.success() {
            return Err(format!("cargo build --release --bin invokecfg failed ({status})"));
        }
    }
    let bin = target_dir(root).join("release").join(format!("invokecfg{}", std::env::consts::EXE_SUFFIX));
    if bin.is_file() {
        Ok(bin)
    } else {
        Err(format!("{} not found (build it, set CARGO_TARGET_DIR, or pass --bin)", bin.display()))
    }
}

fn check_jsonschema_version() -> Option<String> {
    let out = Command::new("check-jsonschema").arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn machine() -> Value {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kib: u64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let nproc = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(workspace_root())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    json!({
        "date": today(),
        "nproc": nproc,
        "cpu": cpu,
        "memory_gib": (mem_kib as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0,
        "rustc": rustc,
        "commit": commit,
        "rayon_threads": rayon::current_num_threads(),
    })
}

/// Today's UTC date, YYYY-MM-DD (civil-from-days, H. Hinnant).
fn today() -> String {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn verdict(real: bool, ok: Option<bool>) -> &'static str {
    match ok {
        Some(_) if !real => "STUB",
        Some(true) => "PASS",
        Some(false) => "FAIL",
        None => "SKIP",
    }
}

/// Whether the lint and translate crates are still stubs (their output on known inputs is empty).
fn implementation_status(bin: &Path, root: &Path) -> Value {
    let probe = root.join("fixtures/alibaba-fc2/invalid/age-out-of-range.json");
    let cli = run_cli_lint(bin, &[probe.as_path()]).map(|r| r.findings).unwrap_or(0);
    let bytes = fs::read(&probe).unwrap_or_default();
    let lib = invokecfg_lint::lint(&bytes, &LintOptions::default()).diagnostics.len();
    let fixture = root.join("fixtures/alibaba-fc2/valid/seed-get-response.json");
    let translated = fs::read(&fixture)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| Document::from_value(&v, Dialect::AlibabaFc2).ok())
        .map(|d| {
            let o = Options { allow_lossy: true, ..Options::default() };
            // With the seed mapping: without one the account has no project id and the translation is refused.
            let mapping = fs::read_to_string(root.join("fixtures/mapping/seed.json"))
                .ok()
                .and_then(|t| Mapping::from_json(&t).ok())
                .unwrap_or_default();
            invokecfg_translate::translate(&d, Dialect::Huawei, &mapping, &o).is_ok()
        })
        .unwrap_or(false);
    json!({
        "cli_lint_findings_on_probe": cli,
        "lib_lint_findings_on_probe": lib,
        "lint_cli_real": cli > 0,
        "lint_lib_real": lib > 0,
        "translate_real": translated,
    })
}

/// In-process translate throughput: (configs translated per second, ok count, refused count).
fn translate_rate(docs: &[(Document, usize)], source: Dialect, mapping: &Mapping, runs: usize) -> (f64, usize, usize) {
    let options = Options { allow_lossy: true, ..Options::default() };
    let targets: Vec<Dialect> = Dialect::ALL.into_iter().filter(|d| *d != source).collect();
    let items: usize = docs.iter().map(|(_, n)| n).sum::<usize>() * targets.len();
    let mut times = Vec::new();
    let (mut ok, mut refused) = (0, 0);
    for _ in 0..runs {
        (ok, refused) = (0, 0);
        let t = Instant::now();
        for (doc, _) in docs {
            for target in &targets {
                match invokecfg_translate::translate(doc, *target, mapping, &options) {
                    Ok(tr) => {
                        ok += 1;
                        std::hint::black_box(tr);
                    }
                    Err(e) => {
                        refused += 1;
                        std::hint::black_box(e);
                    }
                }
            }
        }
        times.push(t.elapsed());
    }
    let d = median(times);
    (items as f64 / secs(d).max(1e-9), ok, refused)
}

fn load_documents(files: &[PathBuf], dialect: Dialect) -> Result<Vec<(Document, usize)>, String> {
    files
        .iter()
        .map(|p| {
            let v: Value = serde_json::from_slice(&read_file(p)?).map_err(|e| format!("{}: {e}", p.display()))?;
            let doc = Document::from_value(&v, dialect).map_err(|e| format!("{}: {e:?}", p.display()))?;
            let items = [dialect.list_items_key()]
                .iter()
                .find_map(|k| v.get(*k).and_then(Value::as_array).map(Vec::len))
                .unwrap_or(1);
            Ok((doc, items))
        })
        .collect()
}

/// One run of the binary on `path`: wall time and, where GNU time is on the
/// machine, peak resident memory (KiB).
fn timed_run(bin: &Path, args: &[&str], path: &Path) -> Result<(Duration, Option<u64>), String> {
    let (mut cmd, timed) = under_gnu_time(bin, "%M");
    let t = Instant::now();
    let out = cmd
        .args(args)
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("running {}: {e}", bin.display()))?;
    let wall = t.elapsed();
    // GNU time writes its figure last, after the notes the binary printed.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr.lines().last().and_then(|l| l.trim().parse::<u64>().ok()).filter(|_| timed);
    Ok((wall, rss))
}

/// Translation and lint of one list document as it grows: configs/s must not
/// fall with the size (a quadratic step shows as a falling rate), and peak
/// memory stays a small multiple of the input (long lists are read in windows).
fn list_scaling(bin: &Path, work: &Path) -> Result<Value, String> {
    let mut rows = Vec::new();
    for n in [1_000usize, 10_000, 100_000] {
        let text = list_document(n)?;
        let options = Options { allow_lossy: true, ..Options::default() };
        let mapping = Mapping::default();
        // In-process, as the CLI does it: bytes -> windows (a list of more than one) -> translated text.
        // Median of 3: the first run of a size also pays for the pages its notes first touch.
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let read = |v: &Value| detect(v).ok().map(|d| d.dialect);
            let target = Dialect::AlibabaFc3;
            let out = match invokecfg_translate::translate_in_windows(
                &text,
                span::LIST_WINDOW,
                read,
                target,
                &mapping,
                &options,
            ) {
                Some((_, out)) => out.map(|t| t.text),
                None => {
                    let parsed = span::parse(&text).map_err(|e| e.to_string())?;
                    let doc = Document::from_value(&parsed.value, Dialect::AlibabaFc2).map_err(|e| format!("{e:?}"))?;
                    invokecfg_translate::translate(&doc, target, &mapping, &options)
                        .map(|t| t.document.to_pretty_json())
                }
            };
            times.push(t.elapsed());
            out.map_err(|e| format!("list of {n}: {e}"))?;
        }
        let lib = median(times);
        let path = work.join(format!("list-{n}.json"));
        fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        let (translate_wall, translate_rss) = timed_run(bin, &["translate", "--to", "alibaba-fc3"], &path)?;
        let (lint_wall, lint_rss) = timed_run(bin, &["lint"], &path)?;
        let ratio = |kib: Option<u64>| kib.map(|k| k as f64 * 1024.0 / text.len() as f64);
        eprintln!(
            "bench: list of {n}: translate {:.0} configs/s in-process, CLI translate {:.3} s ({:?} KiB), CLI lint {:.3} s ({:?} KiB)",
            n as f64 / secs(lib).max(1e-9),
            secs(translate_wall),
            translate_rss,
            secs(lint_wall),
            lint_rss,
        );
        rows.push(json!({
            "items": n,
            "bytes": text.len(),
            "translate_lib_configs_per_s": n as f64 / secs(lib).max(1e-9),
            "translate_cli_s": secs(translate_wall),
            "translate_cli_configs_per_s": n as f64 / secs(translate_wall).max(1e-9),
            "translate_cli_peak_rss_kib": translate_rss,
            "translate_cli_rss_per_input_byte": ratio(translate_rss),
            "lint_cli_s": secs(lint_wall),
            "lint_cli_configs_per_s": n as f64 / secs(lint_wall).max(1e-9),
            "lint_cli_peak_rss_kib": lint_rss,
            "lint_cli_rss_per_input_byte": ratio(lint_rss),
        }));
        fs::remove_file(&path).ok();
    }
    Ok(Value::Array(rows))
}

/// `bench`.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let root = workspace_root();
    let (dir, keep) = match &args.out {
        Some(d) => (d.clone(), true),
        None => (std::env::temp_dir().join(format!("invokecfg-bench-{}", std::process::id())), false),
    };
    let spec = Spec {
        configs: args.configs,
        lists: args.lists,
        list_items: args.list_items,
        finding_percent: 5,
        seed: args.seed,
    };
    eprintln!("bench: generating the corpus in {}", dir.display());
    let t = Instant::now();
    let corpus = corpus::generate(&dir, spec)?;
    let gen_time = t.elapsed();
    if args.generate_only {
        eprintln!("bench: corpus written in {:.1} s", secs(gen_time));
        return Ok(ExitCode::SUCCESS);
    }
    let result = measure(args, &root, &corpus);
    if !keep {
        let _ = fs::remove_dir_all(&dir);
    }
    let report = result?;
    let table = render(&report);
    if args.json {
        eprintln!("{table}");
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        println!("{table}");
    }
    Ok(ExitCode::SUCCESS)
}

fn measure(args: &Args, root: &Path, corpus: &Corpus) -> Result<Value, String> {
    let bin = locate_binary(args, root)?;
    eprintln!("bench: measuring {}", bin.display());
    let status = implementation_status(&bin, root);
    let lint_real = status["lint_cli_real"].as_bool() == Some(true);
    let translate_real = status["translate_real"].as_bool() == Some(true);
    let runs = args.runs;

    // Lint over the corpus: the CLI, the parse floor (serial and rayon), the library, check-jsonschema.
    let cjs = if args.check_jsonschema { check_jsonschema_version() } else { None };
    if args.check_jsonschema && cjs.is_none() {
        eprintln!(
            "bench: check-jsonschema not found; install it with `pip install check-jsonschema` to get that column"
        );
    }
    let mut per_dialect = Vec::new();
    let (mut tot_cli, mut tot_floor_par, mut tot_floor_seq, mut tot_cjs, mut tot_lib) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut cjs_all = cjs.is_some();
    let (mut tot_span, mut tot_bytes_parse) = (Duration::ZERO, Duration::ZERO);
    let mut total_configs = 0usize;
    for ((dialect, dir, files), (_, seeded)) in corpus.configs.iter().zip(&corpus.seeded_findings) {
        let n = files.len();
        total_configs += n;
        eprintln!("bench: {} lint over {n} files", dialect.id());
        parse_floor(dir, true)?; // warm the page cache
        let (floor_seq, _) = timed(runs, || parse_floor(dir, false))?;
        let (floor_par, _) = timed(runs, || parse_floor(dir, true))?;
        let (cli, report) = timed(runs, || run_cli_lint(&bin, &[dir.as_path()]))?;
        let sources: Vec<Vec<u8>> = files.iter().map(|p| read_file(p)).collect::<Result<_, _>>()?;
        let (bytes_parse, _) = timed(runs, || {
            for src in &sources {
                std::hint::black_box(serde_json::from_slice::<Value>(src).is_ok());
            }
            Ok(())
        })?;
        tot_bytes_parse += bytes_parse;
        let (span_time, _) = timed(runs, || {
            for src in &sources {
                std::hint::black_box(span::parse(src).is_ok());
            }
            Ok(())
        })?;
        let mut lib_flagged = 0;
        let (lib, _) = timed(runs, || {
            lib_flagged = 0;
            for s in &sources {
                let r = invokecfg_lint::lint(s, &LintOptions::default());
                lib_flagged += usize::from(!r.diagnostics.is_empty());
                std::hint::black_box(r);
            }
            Ok(())
        })?;
        let cjs_time = match &cjs {
            Some(_) => {
                eprintln!("bench: {} check-jsonschema over {n} files (once)", dialect.id());
                let schema = root.join("schemas").join(format!("{}.schema.json", dialect.id()));
                let t = Instant::now();
                let out = Command::new("check-jsonschema")
                    .arg("--schemafile")
                    .arg(&schema)
                    .args(files)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .map_err(|e| format!("running check-jsonschema: {e}"))?;
                let d = t.elapsed();
                if out.code().is_some_and(|c| c <= 1) {
                    Some(d)
                } else {
                    eprintln!("bench: check-jsonschema failed ({out}); column skipped for {}", dialect.id());
                    None
                }
            }
            None => None,
        };
        tot_cli += cli;
        tot_floor_par += floor_par;
        tot_floor_seq += floor_seq;
        tot_lib += lib;
        tot_span += span_time;
        match cjs_time {
            Some(d) => tot_cjs += d,
            None => cjs_all = false,
        }
        per_dialect.push(json!({
            "dialect": dialect.id(),
            "configs": n,
            "seeded_findings": seeded,
            "cli_wall_s": secs(cli),
            "cli_configs_per_s": n as f64 / secs(cli).max(1e-9),
            "cli_exit": report.exit,
            "cli_report_files": report.files,
            "cli_findings": report.findings,
            "cli_files_with_findings": report.files_with_findings,
            "cli_errors": report.errors,
            "cli_warnings": report.warnings,
            "cli_infos": report.infos,
            "cli_note": report.note,
            "parse_floor_serial_s": secs(floor_seq),
            "parse_floor_parallel_s": secs(floor_par),
            "ratio_vs_parse_parallel": secs(cli) / secs(floor_par).max(1e-9),
            "ratio_vs_parse_serial": secs(cli) / secs(floor_seq).max(1e-9),
            "span_parse_serial_s": secs(span_time),
            "lib_lint_serial_s": secs(lib),
            "lib_lint_configs_per_s_per_core": n as f64 / secs(lib).max(1e-9),
            "lib_files_with_findings": lib_flagged,
            "check_jsonschema_s": cjs_time.map(secs),
            "speedup_vs_check_jsonschema": cjs_time.map(|d| secs(d) / secs(cli).max(1e-9)),
        }));
    }

    // Translate, in process, single-threaded.
    let mapping_text = fs::read_to_string(&corpus.mapping).map_err(|e| format!("{}: {e}", corpus.mapping.display()))?;
    let mapping = Mapping::from_json(&mapping_text).map_err(|e| format!("corpus mapping refused: {e}"))?;
    let mut translate_rows = Vec::new();
    let (mut single_items, mut single_secs, mut list_items, mut list_secs) = (0.0, 0.0, 0.0, 0.0);
    for (((dialect, _, files), (_, _, lists)), _) in corpus.configs.iter().zip(&corpus.lists).zip(0..) {
        eprintln!("bench: {} translate", dialect.id());
        let docs = load_documents(files, *dialect)?;
        let (rate, ok, refused) = translate_rate(&docs, *dialect, &mapping, runs);
        let n_single = (docs.len() * 2) as f64;
        single_items += n_single;
        single_secs += n_single / rate;
        let list_docs = load_documents(lists, *dialect)?;
        let (lrate, lok, lrefused) = translate_rate(&list_docs, *dialect, &mapping, runs);
        let n_list = (list_docs.iter().map(|(_, n)| n).sum::<usize>() * 2) as f64;
        if n_list > 0.0 {
            list_items += n_list;
            list_secs += n_list / lrate;
        }
        // End to end in process: bytes -> span parse -> detect -> Document -> translate -> pretty JSON.
        let sources: Vec<Vec<u8>> = files.iter().map(|p| read_file(p)).collect::<Result<_, _>>()?;
        let options = Options { allow_lossy: true, ..Options::default() };
        let target = if *dialect == Dialect::Huawei { Dialect::AlibabaFc2 } else { Dialect::Huawei };
        let (e2e, _) = timed(runs, || {
            for s in &sources {
                let Ok(p) = span::parse(s) else { continue };
                let d = detect(&p.value).map(|d| d.dialect).unwrap_or(*dialect);
                let Ok(doc) = Document::from_value(&p.value, d) else { continue };
                if let Ok(t) = invokecfg_translate::translate(&doc, target, &mapping, &options) {
                    std::hint::black_box(t.document.to_pretty_json());
                }
            }
            Ok(())
        })?;
        translate_rows.push(json!({
            "dialect": dialect.id(),
            "single_configs_per_s_per_core": rate,
            "single_ok": ok,
            "single_refused": refused,
            "list_configs_per_s_per_core": lrate,
            "list_docs": list_docs.len(),
            "list_ok": lok,
            "list_refused": lrefused,
            "end_to_end_configs_per_s_per_core": sources.len() as f64 / secs(e2e).max(1e-9),
            "end_to_end_target": target.id(),
        }));
    }
    let single_rate = single_items / f64::max(single_secs, 1e-9);
    let list_rate = if list_secs > 0.0 { list_items / list_secs } else { 0.0 };

    let scaling_dir = std::env::temp_dir().join(format!("invokecfg-bench-lists-{}", std::process::id()));
    fs::create_dir_all(&scaling_dir).map_err(|e| format!("{}: {e}", scaling_dir.display()))?;
    let scaling = list_scaling(&bin, &scaling_dir);
    // Notes at scale: the 200,000-item list to every target, once (`bench-notes` for more runs or a baseline).
    let notes_at_scale = scaling.is_ok().then(|| crate::bench_notes::measure(&bin, None, &scaling_dir, 200_000, 1));
    fs::remove_dir_all(&scaling_dir).ok();
    let scaling = scaling?;
    let notes_at_scale = notes_at_scale.transpose()?;

    // One-file latency of the whole process.
    let one = corpus.configs.first().and_then(|(_, _, f)| f.first()).ok_or("empty corpus")?;
    eprintln!("bench: one-file lint latency, {} runs", args.latency_runs);
    for _ in 0..5 {
        Command::new(&bin).arg("lint").arg(one).stdout(Stdio::null()).stderr(Stdio::null()).status().ok();
    }
    // `--version` runs interleaved with the lint runs, so both see the same machine.
    let (mut lat, mut version) = (Vec::with_capacity(args.latency_runs), Vec::with_capacity(args.latency_runs));
    for _ in 0..args.latency_runs {
        for (args, times) in
            [(vec![OsStr::new("--version")], &mut version), (vec![OsStr::new("lint"), one.as_os_str()], &mut lat)]
        {
            let t = Instant::now();
            Command::new(&bin)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .map_err(|e| format!("running {}: {e}", bin.display()))?;
            times.push(t.elapsed());
        }
    }
    lat.sort();
    version.sort();
    let (p50, p95) = (percentile(&lat, 50.0), percentile(&lat, 95.0));
    let version_p50 = percentile(&version, 50.0);
    let vs_version = secs(p50) / secs(version_p50).max(1e-9);

    let cli_rate = total_configs as f64 / secs(tot_cli).max(1e-9);
    let vs_parse = secs(tot_cli) / secs(tot_floor_par).max(1e-9);
    let vs_parse_serial = secs(tot_cli) / secs(tot_floor_seq).max(1e-9);
    let vs_cjs = cjs_all.then(|| secs(tot_cjs) / secs(tot_cli).max(1e-9));
    let targets = json!([
        { "name": "lint corpus vs check-jsonschema", "target": format!(">= {TARGET_VS_CHECK_JSONSCHEMA}x faster"),
          "measured": vs_cjs, "verdict": verdict(lint_real, vs_cjs.map(|x| x >= TARGET_VS_CHECK_JSONSCHEMA)) },
        { "name": "lint corpus vs bare parse (rayon)", "target": format!("<= {TARGET_VS_PARSE}x"),
          "measured": vs_parse, "verdict": verdict(lint_real, Some(vs_parse <= TARGET_VS_PARSE)) },
        { "name": "lint corpus vs bare parse (one thread)", "target": format!("<= {TARGET_VS_PARSE_SERIAL}x"),
          "measured": vs_parse_serial, "verdict": verdict(lint_real, Some(vs_parse_serial <= TARGET_VS_PARSE_SERIAL)) },
        { "name": "one-file lint vs --version (median)", "target": format!("<= {TARGET_VS_VERSION}x"),
          "measured": vs_version, "verdict": verdict(lint_real, Some(vs_version <= TARGET_VS_VERSION)) },
        { "name": "one-file lint latency (median)", "target": format!("< {TARGET_ONE_FILE_MS} ms"),
          "measured": ms(p50), "verdict": verdict(lint_real, Some(ms(p50) < TARGET_ONE_FILE_MS)) },
        { "name": "translate, single configs, per core", "target": format!(">= {TARGET_TRANSLATE_PER_CORE} configs/s"),
          "measured": single_rate, "verdict": verdict(translate_real, Some(single_rate >= TARGET_TRANSLATE_PER_CORE)) },
        { "name": "translate, list documents, per core", "target": format!(">= {TARGET_TRANSLATE_PER_CORE} configs/s"),
          "measured": list_rate, "verdict": verdict(translate_real, Some(list_rate >= TARGET_TRANSLATE_PER_CORE)) },
    ]);
    Ok(json!({
        "version": 1,
        "machine": machine(),
        "implementation": status,
        "binary": bin.display().to_string(),
        "corpus": {
            "configs_per_dialect": args.configs,
            "lists_per_dialect": args.lists,
            "items_per_list": args.list_items,
            "seed": args.seed,
            "config_bytes_min": corpus.sizes.0,
            "config_bytes_mean": corpus.sizes.1,
            "config_bytes_max": corpus.sizes.2,
            "runs": runs,
        },
        "lint": {
            "per_dialect": per_dialect,
            "total_configs": total_configs,
            "cli_wall_s": secs(tot_cli),
            "cli_configs_per_s": cli_rate,
            "parse_floor_serial_s": secs(tot_floor_seq),
            "parse_floor_parallel_s": secs(tot_floor_par),
            "ratio_vs_parse_parallel": vs_parse,
            "ratio_vs_parse_serial": secs(tot_cli) / secs(tot_floor_seq).max(1e-9),
            "lib_lint_configs_per_s_per_core": total_configs as f64 / secs(tot_lib).max(1e-9),
            "span_parse_serial_s": secs(tot_span),
            "bytes_parse_serial_s": secs(tot_bytes_parse),
            "lib_lint_serial_s": secs(tot_lib),
            "check_jsonschema": cjs,
            "check_jsonschema_s": cjs_all.then(|| secs(tot_cjs)),
            "speedup_vs_check_jsonschema": vs_cjs,
        },
        "translate": {
            "per_dialect": translate_rows,
            "single_configs_per_s_per_core": single_rate,
            "list_configs_per_s_per_core": list_rate,
            "mapping": "generated mapping covering every corpus region and account; allow_lossy = true",
            "list_scaling": scaling,
            "notes_at_scale": notes_at_scale,
        },
        "one_file_lint": {
            "file": one.display().to_string(),
            "runs": args.latency_runs,
            "min_ms": ms(lat.first().copied().unwrap_or_default()),
            "median_ms": ms(p50),
            "p95_ms": ms(p95),
            "max_ms": ms(lat.last().copied().unwrap_or_default()),
            "version_median_ms": ms(version_p50),
            "ratio_vs_version": vs_version,
        },
        "targets": targets,
    }))
}

fn f(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

fn opt(v: &Value, key: &str, suffix: &str, digits: usize) -> String {
    match v.get(key).and_then(Value::as_f64) {
        Some(x) => format!("{x:.digits$}{suffix}"),
        None => "-".into(),
    }
}

/// The human table.
fn render(r: &Value) -> String {
    let mut s = String::new();
    let m = &r["machine"];
    let imp = &r["implementation"];
    let c = &r["corpus"];
    let _ = writeln!(
        s,
        "invokecfg bench  {}  commit {}  {}  {} CPUs ({})  {} GiB  rayon threads {}",
        m["date"].as_str().unwrap_or(""),
        m["commit"].as_str().unwrap_or(""),
        m["rustc"].as_str().unwrap_or(""),
        m["nproc"],
        m["cpu"].as_str().unwrap_or(""),
        m["memory_gib"],
        m["rayon_threads"],
    );
    let _ = writeln!(
        s,
        "implementations (probe: findings on fixtures/alibaba-fc2/invalid/age-out-of-range.json): \
         `invokecfg lint` {} ({}), invokecfg_lint::lint {} ({}), translate {}",
        if imp["lint_cli_real"].as_bool() == Some(true) { "REAL" } else { "STUB (figures meaningless)" },
        imp["cli_lint_findings_on_probe"],
        if imp["lint_lib_real"].as_bool() == Some(true) { "REAL" } else { "STUB" },
        imp["lib_lint_findings_on_probe"],
        if imp["translate_real"].as_bool() == Some(true) { "REAL" } else { "STUB (figures meaningless)" },
    );
    let _ = writeln!(
        s,
        "corpus: {} configs + {} lists x {} items per dialect, {}..{} bytes (mean {}), seed {}, median of {} runs\n",
        c["configs_per_dialect"],
        c["lists_per_dialect"],
        c["items_per_list"],
        c["config_bytes_min"],
        c["config_bytes_max"],
        c["config_bytes_mean"],
        c["seed"],
        c["runs"],
    );
    let _ = writeln!(s, "lint over the corpus (`invokecfg lint --format json DIR`, whole process)");
    let _ = writeln!(
        s,
        "{:<12} {:>7} {:>9} {:>11} {:>10} {:>10} {:>8} {:>10} {:>9} {:>12} {:>9}",
        "dialect",
        "configs",
        "wall ms",
        "configs/s",
        "parse1 ms",
        "parseN ms",
        "x parseN",
        "lib/s/core",
        "cjs s",
        "x faster cjs",
        "flagged"
    );
    let lint = &r["lint"];
    for d in lint["per_dialect"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "{:<12} {:>7} {:>9.1} {:>11.0} {:>10.1} {:>10.1} {:>8.2} {:>10.0} {:>9} {:>12} {:>4}/{:<4}",
            d["dialect"].as_str().unwrap_or(""),
            d["configs"],
            f(d, "cli_wall_s") * 1e3,
            f(d, "cli_configs_per_s"),
            f(d, "parse_floor_serial_s") * 1e3,
            f(d, "parse_floor_parallel_s") * 1e3,
            f(d, "ratio_vs_parse_parallel"),
            f(d, "lib_lint_configs_per_s_per_core"),
            opt(d, "check_jsonschema_s", "", 2),
            opt(d, "speedup_vs_check_jsonschema", "x", 1),
            d["cli_files_with_findings"],
            d["seeded_findings"],
        );
        if let Some(note) = d["cli_note"].as_str() {
            let _ = writeln!(s, "             note: {note}");
        }
    }
    let _ = writeln!(
        s,
        "{:<12} {:>7} {:>9.1} {:>11.0} {:>10.1} {:>10.1} {:>8.2} {:>10.0} {:>9} {:>12}",
        "all",
        lint["total_configs"],
        f(lint, "cli_wall_s") * 1e3,
        f(lint, "cli_configs_per_s"),
        f(lint, "parse_floor_serial_s") * 1e3,
        f(lint, "parse_floor_parallel_s") * 1e3,
        f(lint, "ratio_vs_parse_parallel"),
        f(lint, "lib_lint_configs_per_s_per_core"),
        opt(lint, "check_jsonschema_s", "", 2),
        opt(lint, "speedup_vs_check_jsonschema", "x", 1),
    );
    let _ = writeln!(
        s,
        "  parse1/parseN: read + serde_json::from_slice::<Value> in process, 1 thread / rayon ({} threads); \
         x parseN = CLI wall / parseN (the ratio judged: both use every core)\n  \
         lib/s/core: invokecfg_lint::lint in process, 1 thread, files preloaded; cjs: check-jsonschema {}, run once; \
         flagged: files with findings / files seeded with one\n",
        m["rayon_threads"],
        lint["check_jsonschema"].as_str().unwrap_or("(not installed: pip install check-jsonschema)"),
    );
    let _ = writeln!(
        s,
        "lint split, in process, 1 thread, files preloaded, all dialects: serde_json::from_slice {:.1} ms, \
         span::parse {:.1} ms, invokecfg_lint::lint {:.1} ms\n",
        f(lint, "bytes_parse_serial_s") * 1e3,
        f(lint, "span_parse_serial_s") * 1e3,
        f(lint, "lib_lint_serial_s") * 1e3,
    );
    let _ = writeln!(
        s,
        "translate in process, 1 thread (invokecfg_translate::translate on parsed documents, to both other dialects)"
    );
    let _ = writeln!(
        s,
        "{:<12} {:>14} {:>12} {:>14} {:>12} {:>16}",
        "source", "single cfg/s", "ok/refused", "in lists cfg/s", "ok/refused", "end-to-end cfg/s"
    );
    let t = &r["translate"];
    for d in t["per_dialect"].as_array().into_iter().flatten() {
        let _ = writeln!(
            s,
            "{:<12} {:>14.0} {:>12} {:>14.0} {:>12} {:>16.0}",
            d["dialect"].as_str().unwrap_or(""),
            f(d, "single_configs_per_s_per_core"),
            format!("{}/{}", d["single_ok"], d["single_refused"]),
            f(d, "list_configs_per_s_per_core"),
            format!("{}/{}", d["list_ok"], d["list_refused"]),
            f(d, "end_to_end_configs_per_s_per_core"),
        );
    }
    let _ = writeln!(
        s,
        "{:<12} {:>14.0} {:>12} {:>14.0}",
        "all",
        f(t, "single_configs_per_s_per_core"),
        "",
        f(t, "list_configs_per_s_per_core")
    );
    let _ = writeln!(
        s,
        "  end-to-end: bytes -> span::parse -> detect -> Document -> translate -> pretty JSON, one target\n"
    );
    let _ = writeln!(s, "one list document as it grows (FC 2.0 -> FC 3.0; configs/s must not fall)");
    let _ = writeln!(
        s,
        "{:>8} {:>8} {:>12} {:>14} {:>10} {:>14} {:>10}",
        "items", "MB", "lib cfg/s", "translate cfg/s", "RSS/input", "lint cfg/s", "RSS/input"
    );
    for row in t["list_scaling"].as_array().into_iter().flatten() {
        let x = |k: &str| row[k].as_f64().map_or("-".to_string(), |v| format!("{v:.1}x"));
        let _ = writeln!(
            s,
            "{:>8} {:>8.1} {:>12.0} {:>14.0} {:>10} {:>14.0} {:>10}",
            row["items"],
            f(row, "bytes") / 1e6,
            f(row, "translate_lib_configs_per_s"),
            f(row, "translate_cli_configs_per_s"),
            x("translate_cli_rss_per_input_byte"),
            f(row, "lint_cli_configs_per_s"),
            x("lint_cli_rss_per_input_byte"),
        );
    }
    let _ = writeln!(
        s,
        "  lib: bytes -> windows of {} items -> FC 3.0 text, in-process, median of 3; CLI: whole process, one run, peak RSS from GNU time",
        span::LIST_WINDOW
    );
    let _ = writeln!(s);
    if !t["notes_at_scale"].is_null() {
        let _ = writeln!(s, "{}", crate::bench_notes::render(&t["notes_at_scale"]));
    }
    let o = &r["one_file_lint"];
    let _ = writeln!(
        s,
        "one-file lint (`invokecfg lint FILE`, whole process, {} runs): min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms; `--version` median {:.2} ms (x {:.2})\n",
        o["runs"],
        f(o, "min_ms"),
        f(o, "median_ms"),
        f(o, "p95_ms"),
        f(o, "max_ms"),
        f(o, "version_median_ms"),
        f(o, "ratio_vs_version")
    );
    let _ = writeln!(s, "targets");
    for tg in r["targets"].as_array().into_iter().flatten() {
        let measured = match tg["measured"].as_f64() {
            Some(x) if x >= 1000.0 => format!("{x:.0}"),
            Some(x) => format!("{x:.2}"),
            None => "-".into(),
        };
        let _ = writeln!(
            s,
            "  {:<4} {:<40} {:>12}   target {}",
            tg["verdict"].as_str().unwrap_or(""),
            tg["name"].as_str().unwrap_or(""),
            measured,
            tg["target"].as_str().unwrap_or("")
        );
    }
    s
}

/// `profile lint|span|translate DIR [--repeat N]`: a tight in-process loop over
/// every `*.json` in DIR, to run under `perf record` or `valgrind --tool=callgrind`.
pub fn profile(args: &[String]) -> Result<ExitCode, String> {
    let (what, dir) = match args {
        [what, dir, ..] => (what.as_str(), PathBuf::from(dir)),
        _ => return Err("usage: profile lint|span|translate DIR [--repeat N]".into()),
    };
    let mut repeat = 1usize;
    let mut i = 2;
    while i < args.len() {
        match args[i].as_str() {
            "--repeat" => repeat = crate::number(args, &mut i, "--repeat")?,
            other => return Err(format!("profile: unknown option `{other}`")),
        }
        i += 1;
    }
    let mut files = list_json(&dir)?;
    files.sort();
    let sources: Vec<Vec<u8>> = files.iter().map(|p| read_file(p)).collect::<Result<_, _>>()?;
    let mapping = match fs::read_to_string(dir.join("..").join("..").join("mapping.json")) {
        Ok(t) => Mapping::from_json(&t).map_err(|e| format!("mapping.json refused: {e}"))?,
        Err(_) => Mapping::default(),
    };
    let options = Options { allow_lossy: true, ..Options::default() };
    let t = Instant::now();
    let mut count = 0usize;
    for _ in 0..repeat {
        for src in &sources {
            count += match what {
                "lint" => invokecfg_lint::lint(src, &LintOptions::default()).diagnostics.len(),
                "span" => usize::from(span::parse(src).is_ok()),
                "translate" => {
                    let Ok(p) = span::parse(src) else { continue };
                    let Ok(d) = detect(&p.value) else { continue };
                    let Ok(doc) = Document::from_value(&p.value, d.dialect) else { continue };
                    let target = if d.dialect == Dialect::Huawei { Dialect::AlibabaFc2 } else { Dialect::Huawei };
                    usize::from(invokecfg_translate::translate(&doc, target, &mapping, &options).is_ok())
                }
                other => return Err(format!("profile: unknown entry `{other}` (lint, span or translate)")),
            };
        }
    }
    let n = sources.len() * repeat;
    eprintln!(
        "profile {what}: {n} calls in {:.3} s ({:.0}/s), result count {count}",
        secs(t.elapsed()),
        n as f64 / secs(t.elapsed()).max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_and_dates() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&d, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&d, 95.0), Duration::from_millis(95));
        assert_eq!(median(vec![Duration::from_secs(3), Duration::from_secs(1), Duration::from_secs(2)]).as_secs(), 2);
        assert_eq!(today().len(), 10);
    }
}
