//! `invokecfg translate`: [`run`] checks the flags and plans the jobs
//! (`jobs.rs`: inputs, outputs, none of them clashing) before any work,
//! then translates each input (`one.rs`) and writes the report.

mod jobs;
mod one;

use crate::io::describe;
use crate::report::{Entry, Notes, ReportWriter};
use crate::TranslateArgs;
use invokecfg_model::{Dialect, FunctionRef};
use invokecfg_translate::Mapping;
use jobs::Job;
use one::{Direction, FileReport};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Everything checked before any work.
struct Plan {
    direction: Direction,
    jobs: Vec<Job>,
    mapping: Mapping,
    report: Option<ReportWriter>,
}

pub fn run(args: &TranslateArgs) -> ExitCode {
    match plan(args) {
        Ok(plan) => translate_all(args, plan),
        Err(e) => usage(&e),
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("invokecfg: error: {message}");
    ExitCode::from(2)
}

/// The dialects the flags name, and flags that contradict each other.
fn direction(args: &TranslateArgs) -> Result<Direction, String> {
    let target: Dialect = args.to.parse().map_err(|e| format!("--to: {e}"))?;
    let from = match args.from.as_deref().filter(|f| *f != "auto").map(str::parse::<Dialect>) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return Err(format!("--from: {e}")),
        None => None,
    };
    if let Some(f) = &args.function {
        FunctionRef::read(f).map_err(|e| format!("--function: {e}"))?;
    }
    if args.output.is_some() && args.out_dir.is_some() {
        return Err("-o and --out-dir exclude each other".into());
    }
    if let Some(o) = args.output.as_deref().filter(|o| Path::new(o).is_dir()) {
        return Err(format!("-o {o}: is a directory; -o names the output file (use --out-dir {o} to write under it)"));
    }
    if let Some(d) = args.out_dir.as_deref().filter(|d| Path::new(d).exists() && !Path::new(d).is_dir()) {
        return Err(format!("--out-dir {d}: is a file; --out-dir names a directory (use -o {d} for one output)"));
    }
    Ok(Direction { target, from })
}

/// The flags checked, the jobs planned and checked against every output,
/// the mapping read, `--out-dir` made and every input found, the report
/// opened: all before the first output is written, so a mistake fails the
/// batch cleanly.
fn plan(args: &TranslateArgs) -> Result<Plan, String> {
    let direction = direction(args)?;
    let given: Vec<String> = if args.inputs.is_empty() { vec!["-".into()] } else { args.inputs.clone() };
    let jobs = jobs::jobs(&given, args.out_dir.is_some())?;
    if jobs.is_empty() {
        return Err(format!("no *.json file under {}", given.join(", ")));
    }
    if jobs.len() > 1 && args.out_dir.is_none() {
        return Err(format!(
            "{} inputs need --out-dir DIR (one output file each); -o and stdout take one input",
            jobs.len()
        ));
    }
    jobs::check_outputs(args, &given, &jobs)?;
    let mapping = args.map.as_deref().map(load_mapping).transpose()?.unwrap_or_default();
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| format!("--out-dir {dir}: {}", describe(&e)))?;
    }
    for job in jobs.iter().filter(|j| j.input != "-") {
        std::fs::metadata(&job.input).map_err(|e| format!("{}: {}", job.input, describe(&e)))?;
    }
    let report = match args.report.as_deref() {
        Some(r) => Some(ReportWriter::create(Path::new(r), direction.target).map_err(|e| report_error(args, &e))?),
        None => None,
    };
    Ok(Plan { direction, jobs, mapping, report })
}

fn report_error(args: &TranslateArgs, e: &std::io::Error) -> String {
    format!("--report {}: {}", args.report.as_deref().unwrap_or_default(), describe(e))
}

/// Where a job's output goes: `-o`, its place under `--out-dir` (made), or stdout.
fn output_path(args: &TranslateArgs, job: &Job) -> Result<Option<PathBuf>, String> {
    match (&args.output, &args.out_dir) {
        (Some(o), _) => Ok(Some(PathBuf::from(o))),
        (None, Some(dir)) => {
            let out = Path::new(dir).join(&job.under);
            if let Some(parent) = out.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("--out-dir {}: {}", parent.display(), describe(&e)))?;
            }
            Ok(Some(out))
        }
        (None, None) => Ok(None),
    }
}

/// The files a run wrote, and how many of them an earlier run had left.
#[derive(Default)]
struct Written {
    files: Vec<String>,
    replaced: usize,
}

impl Written {
    /// `wrote N files, replacing M existing files: ...` (`--out-dir` only).
    fn announce(&self) {
        if self.files.is_empty() {
            return;
        }
        let replaced = match self.replaced {
            0 => String::new(),
            n => format!(", replacing {n} existing file{}", if n == 1 { "" } else { "s" }),
        };
        let count = self.files.len();
        eprintln!("wrote {count} file{}{replaced}: {}", if count == 1 { "" } else { "s" }, self.files.join(", "));
    }
}

/// Translates every job in order; exit 1 if any was refused or failed.
fn translate_all(args: &TranslateArgs, mut plan: Plan) -> ExitCode {
    let mut written = Written::default();
    let mut all_translated = true;
    for job in &plan.jobs {
        let out = match output_path(args, job) {
            Ok(out) => out,
            Err(e) => return usage(&e),
        };
        // A file left by an earlier run is replaced (re-running a migration is normal), and counted.
        let existed = out.as_deref().is_some_and(Path::exists);
        let mut r = match one::one(&job.input, args, plan.direction, &plan.mapping, out.as_deref()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("invokecfg: error: {e}");
                if !written.files.is_empty() {
                    eprintln!("invokecfg: written before the error: {}", written.files.join(", "));
                }
                return ExitCode::from(2);
            }
        };
        if let (Some(o), "translated") = (&r.output, r.status) {
            if o != "-" {
                written.files.push(o.clone());
                written.replaced += usize::from(existed);
            }
        }
        if let Some(writer) = &mut plan.report {
            if let Err(e) = add_to_report(writer, &mut r) {
                return usage(&report_error(args, &e));
            }
        }
        all_translated &= r.status == "translated";
    }
    if args.out_dir.is_some() {
        written.announce();
    }
    if let Some(writer) = plan.report {
        if let Err(e) = writer.finish() {
            return usage(&report_error(args, &e));
        }
    }
    if all_translated {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Writes one input's entry and notes to the report; the notes are then dropped.
fn add_to_report(writer: &mut ReportWriter, r: &mut FileReport) -> std::io::Result<()> {
    let entry = Entry { input: &r.input, output: r.output.as_deref(), source: r.source, status: r.status };
    let added = writer.add(&entry, &mut r.notes);
    r.notes = Notes::Dropped;
    added
}

/// Reads and checks a mapping file (`--map`); the error names the file.
pub(crate) fn load_mapping(path: &str) -> Result<Mapping, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("mapping file {path}: {}", describe(&e)))?;
    Mapping::from_json(&text).map_err(|e| format!("mapping file {path}: {e}"))
}
