//! `invokecfg translate`.

use crate::io::{describe, read_input, write_atomic};
use crate::TranslateArgs;
use invokecfg_model::schema::SchemaName;
use invokecfg_model::{detect, span, Diagnostic, Dialect, Document, Severity};
use invokecfg_translate::{note_json, translate, Mapping, Options, TranslateError};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct FileReport {
    input: String,
    output: Option<String>,
    source: Option<Dialect>,
    status: &'static str,
    notes: Vec<Diagnostic>,
}

fn print_notes(input: &str, notes: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for n in notes {
        let at = if n.pointer.is_empty() { String::new() } else { format!(" (at {})", n.pointer) };
        let _ = writeln!(err, "{input}: {}[{}] {}{at}", n.severity, n.code, n.message);
        if let Some(h) = &n.help {
            let _ = writeln!(err, "  help: {h}");
        }
    }
}

fn input_error(input: &str, message: String) -> FileReport {
    eprintln!("{message}");
    FileReport { input: input.into(), output: None, source: None, status: "error", notes: Vec::new() }
}

fn one(
    input: &str,
    args: &TranslateArgs,
    target: Dialect,
    from: Option<Dialect>,
    mapping: &Mapping,
    out: Option<&Path>,
) -> Result<FileReport, String> {
    let bytes = read_input(input).map_err(|e| format!("{input}: {}", describe(&e)))?;
    let parsed = match span::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let at = e.position().map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default();
            return Ok(input_error(input, format!("{input}{at}: error: {e}")));
        }
    };
    let source = match from {
        Some(d) => d,
        None => match detect(&parsed.value) {
            Ok(d) => {
                if args.verbose {
                    eprintln!("{input}: read as {} ({})", d.dialect, d.reason);
                }
                d.dialect
            }
            Err(e) => return Ok(input_error(input, format!("{input}: error: {e}; pass --from to choose"))),
        },
    };
    let doc = match Document::from_value(&parsed.value, source) {
        Ok(d) => d,
        Err(e) => {
            let at = parsed
                .spans
                .value_span(&e.pointer)
                .map(|s| format!(":{}:{}", s.start.line, s.start.column))
                .unwrap_or_default();
            let mut r = input_error(input, format!("{input}{at}: error: `{}`: {}", e.pointer, e.message));
            r.source = Some(source);
            return Ok(r);
        }
    };
    let options = Options { strict: args.strict, allow_lossy: args.allow_lossy, function: args.function.clone() };
    match translate(&doc, target, mapping, &options) {
        Ok(t) => {
            print_notes(input, &t.notes);
            let text = t.document.to_pretty_json();
            let output = match out {
                Some(path) => {
                    write_atomic(path, text.as_bytes()).map_err(|e| format!("{}: {}", path.display(), describe(&e)))?;
                    path.display().to_string()
                }
                None => {
                    let mut stdout = std::io::stdout().lock();
                    stdout.write_all(text.as_bytes()).map_err(|e| format!("stdout: {}", describe(&e)))?;
                    "-".into()
                }
            };
            Ok(FileReport {
                input: input.into(),
                output: Some(output),
                source: Some(source),
                status: "translated",
                notes: t.notes,
            })
        }
        Err(TranslateError::Refused { notes }) => {
            print_notes(input, &notes);
            eprintln!("{input}: translation to {target} refused");
            Ok(FileReport { input: input.into(), output: None, source: Some(source), status: "refused", notes })
        }
    }
}

/// Where the output of `input` goes inside `dir`: its file name, never a path outside.
fn out_path(dir: &Path, input: &str) -> Result<PathBuf, String> {
    let name = if input == "-" {
        std::ffi::OsString::from("stdin.json")
    } else {
        Path::new(input)
            .file_name()
            .map(|n| n.to_os_string())
            .ok_or_else(|| format!("{input}: has no file name to write under --out-dir"))?
    };
    Ok(dir.join(name))
}

fn report_json(target: Dialect, files: &[FileReport]) -> Value {
    let count = |s: Severity| files.iter().flat_map(|f| &f.notes).filter(|n| n.severity == s).count();
    json!({
        "version": 1,
        "target": target.id(),
        "files": files.iter().map(|f| json!({
            "input": f.input,
            "output": f.output,
            "source": f.source.map(|d| d.id()),
            "status": f.status,
            "notes": f.notes.iter().map(note_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "summary": {
            "files": files.len(),
            "translated": files.iter().filter(|f| f.status == "translated").count(),
            "refused": files.iter().filter(|f| f.status == "refused").count(),
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
        },
    })
}

pub fn run(args: &TranslateArgs) -> ExitCode {
    let usage = |m: String| {
        eprintln!("invokecfg: error: {m}");
        ExitCode::from(2)
    };
    let target: Dialect = match args.to.parse() {
        Ok(d) => d,
        Err(e) => return usage(format!("--to: {e}")),
    };
    let from = match args.from.as_deref().filter(|f| *f != "auto").map(str::parse::<Dialect>) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return usage(format!("--from: {e}")),
        None => None,
    };
    let inputs: Vec<String> = if args.inputs.is_empty() { vec!["-".into()] } else { args.inputs.clone() };
    if inputs.len() > 1 && args.out_dir.is_none() {
        return usage(format!(
            "{} inputs need --out-dir DIR (one output file each); -o and stdout take one input",
            inputs.len()
        ));
    }
    if args.output.is_some() && args.out_dir.is_some() {
        return usage("-o and --out-dir exclude each other".into());
    }
    let mapping = match &args.map {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => match Mapping::from_json(&text) {
                Ok(m) => m,
                Err(e) => return usage(format!("mapping file {path}: {e}")),
            },
            Err(e) => return usage(format!("mapping file {path}: {}", describe(&e))),
        },
        None => Mapping::default(),
    };
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return usage(format!("--out-dir {dir}: {}", describe(&e)));
        }
    }
    // Check every input exists before writing anything, so a typo fails the batch cleanly.
    for i in inputs.iter().filter(|i| *i != "-") {
        if let Err(e) = std::fs::metadata(i) {
            return usage(format!("{i}: {}", describe(&e)));
        }
    }
    let mut reports = Vec::new();
    let mut written = Vec::new();
    for input in &inputs {
        let out = match (&args.output, &args.out_dir) {
            (Some(o), _) => Some(PathBuf::from(o)),
            (None, Some(dir)) => match out_path(Path::new(dir), input) {
                Ok(p) => Some(p),
                Err(e) => return usage(e),
            },
            _ => None,
        };
        match one(input, args, target, from, &mapping, out.as_deref()) {
            Ok(r) => {
                if let (Some(o), "translated") = (&r.output, r.status) {
                    if o != "-" {
                        written.push(o.clone());
                    }
                }
                reports.push(r);
            }
            Err(e) => {
                eprintln!("invokecfg: error: {e}");
                if !written.is_empty() {
                    eprintln!("invokecfg: written before the error: {}", written.join(", "));
                }
                return ExitCode::from(2);
            }
        }
    }
    if args.out_dir.is_some() && !written.is_empty() {
        eprintln!("wrote {} file{}: {}", written.len(), if written.len() == 1 { "" } else { "s" }, written.join(", "));
    }
    if let Some(report) = &args.report {
        let v = report_json(target, &reports);
        debug_assert!(SchemaName::TranslateReport.is_valid(&v));
        let text = format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
        if let Err(e) = write_atomic(Path::new(report), text.as_bytes()) {
            return usage(format!("--report {report}: {}", describe(&e)));
        }
    }
    if reports.iter().all(|r| r.status == "translated") {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_dir_never_escapes() {
        let dir = Path::new("out");
        assert_eq!(out_path(dir, "../../etc/passwd").unwrap(), dir.join("passwd"));
        assert_eq!(out_path(dir, "a/b/c.json").unwrap(), dir.join("c.json"));
        assert_eq!(out_path(dir, "-").unwrap(), dir.join("stdin.json"));
        assert!(out_path(dir, "..").is_err());
    }

    #[test]
    fn report_follows_its_schema() {
        let r = FileReport {
            input: "a.json".into(),
            output: None,
            source: None,
            status: "error",
            notes: vec![Diagnostic::new("T101", Severity::Warning, "/x", "m").with_change(
                json!(8),
                json!(3),
                Some((0, 3)),
            )],
        };
        let v = report_json(Dialect::Huawei, &[r]);
        assert!(SchemaName::TranslateReport.validate(&v).is_empty(), "{:?}", SchemaName::TranslateReport.validate(&v));
    }
}
