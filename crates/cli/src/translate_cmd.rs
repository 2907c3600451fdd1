//! `invokecfg translate`.

use crate::io::{describe, read_input};
use crate::notes::{print_each, NoteGroups};
use crate::outputs;
use crate::report::{note_from_json, Entry, NoteSpill, Notes, ReportWriter};
use crate::TranslateArgs;
use invokecfg_iac::surface::{self, Surface};
use invokecfg_model::{detect, span, Diagnostic, Dialect, Document, FunctionRef};
use invokecfg_translate::{translate, translate_in_windows_streamed, Mapping, Options, TranslateError};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct FileReport {
    input: String,
    output: Option<String>,
    source: Option<Dialect>,
    status: &'static str,
    /// Taken by the report when it is written.
    notes: Notes,
}

/// A whole read's notes, kept for the report if there is one.
fn keep(args: &TranslateArgs, notes: Vec<Diagnostic>) -> Notes {
    if args.report.is_some() {
        Notes::Held(notes)
    } else {
        Notes::Dropped
    }
}

/// Groups over the items of any dialect's list (a note's pointer names the
/// source's items; why an output cannot be written, the target's).
fn list_groups() -> NoteGroups {
    NoteGroups::new(Dialect::ALL.iter().map(|d| d.list_items_key()).collect())
}

fn input_error(input: &str, message: String) -> FileReport {
    eprintln!("{message}");
    FileReport { input: input.into(), output: None, source: None, status: "error", notes: Notes::Held(Vec::new()) }
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
    let kind = Surface::of(Path::new(input), &bytes);
    if kind != Surface::ApiJson {
        let options = Options { strict: args.strict, allow_lossy: args.allow_lossy, function: args.function.clone() };
        // A file that cannot be read as its kind fails alone, as a JSON syntax error does.
        let format = args.format.as_deref();
        let (text, notes) = match surface::translate(kind, input, &bytes, (target, format), mapping, &options) {
            Ok(t) => t,
            Err(e) => return Ok(input_error(input, e.to_string())),
        };
        print_each(input, &notes);
        let notes = keep(args, notes);
        let Ok(text) = text else {
            eprintln!("{input}: translation to {target} refused");
            return Ok(FileReport { input: input.into(), output: None, source: None, status: "refused", notes });
        };
        let output = write_output(out, &text)?;
        return Ok(FileReport { input: input.into(), output: Some(output), source: None, status: "translated", notes });
    }
    if let Some(report) = in_windows(input, &bytes, args, (target, from), mapping, out) {
        return report;
    }
    let parsed = match span::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            let at = e.position().map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default();
            return Ok(input_error(input, format!("{input}{at}: error: {e}")));
        }
    };
    if let Some(d) = parsed.duplicates.first() {
        let key = d.pointer.rsplit('/').next().unwrap_or_default();
        let (a, b) = (d.first.start, d.second.start);
        let more = match parsed.duplicates.len() {
            1 => String::new(),
            n => format!(" ({} more duplicate key{})", n - 1, if n == 2 { "" } else { "s" }),
        };
        return Ok(input_error(
            input,
            format!(
                "{input}:{}:{}: error: key `{key}` is given twice, at {}:{} and {}:{}{more}; readers disagree on which one counts, so nothing is translated: keep one",
                b.line, b.column, a.line, a.column, b.line, b.column
            ),
        ));
    }
    if let Some(d) = from {
        if let Err(e) = from_fits(&parsed.value, d) {
            return Err(format!("{input}: --from {d}: {e}"));
        }
    }
    let source = match from {
        Some(d) => d,
        None => match detect(&parsed.value) {
            Ok(d) => {
                if args.verbose {
                    eprintln!("{input}: read as {} ({})", d.dialect, d.reason);
                }
                d.dialect
            }
            Err(e) => return Ok(input_error(input, format!("{input}: error: {e}; pass --from DIALECT to choose"))),
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
    let outcome = translate(&doc, target, mapping, &options).map(|t| (t.document.to_pretty_json(), t.notes));
    // A list's notes are grouped over its items; a single config's print one per line, as ever.
    let grouped = (doc.is_list() && !args.verbose).then(list_groups);
    conclude(input, source, target, outcome, grouped, out).map(|mut r| {
        r.notes = match std::mem::replace(&mut r.notes, Notes::Dropped) {
            Notes::Held(notes) => keep(args, notes),
            other => other,
        };
        r
    })
}

/// A long list document translated [`span::LIST_WINDOW`] items at a time
/// (the same output and notes as one whole read, a fraction of the memory);
/// `None` when it is to be read whole, which also says what is wrong with it.
fn in_windows(
    input: &str,
    bytes: &[u8],
    args: &TranslateArgs,
    (target, from): (Dialect, Option<Dialect>),
    mapping: &Mapping,
    out: Option<&Path>,
) -> Option<Result<FileReport, String>> {
    let options = Options { strict: args.strict, allow_lossy: args.allow_lossy, function: args.function.clone() };
    let mut reason = None;
    let dialect_of = |v: &Value| match from {
        Some(d) => from_fits(v, d).ok().map(|()| d),
        None => {
            let found = detect(v).ok()?;
            reason.get_or_insert(found.reason);
            Some(found.dialect)
        }
    };
    // Notes are grouped as they come, and kept (spilled to a file) only for the report or -v.
    let mut groups = list_groups();
    let mut spill = match (args.report.is_some() || args.verbose).then(NoteSpill::new).transpose() {
        Ok(s) => s,
        Err(e) => return Some(Err(format!("a temporary file for the notes: {}", describe(&e)))),
    };
    let mut spill_error = None;
    let on_note = |n: Diagnostic| {
        groups.add(&n);
        if let Some(Err(e)) = spill.as_mut().map(|s| s.push(&n)) {
            spill_error.get_or_insert(e);
        }
    };
    let (source, verdict) =
        translate_in_windows_streamed(bytes, span::LIST_WINDOW, dialect_of, target, mapping, &options, on_note)?;
    if let Some(e) = spill_error {
        return Some(Err(format!("a temporary file for the notes: {}", describe(&e))));
    }
    if let (true, Some(reason)) = (args.verbose, reason) {
        eprintln!("{input}: read as {source} ({reason}, in its first {} items)", span::LIST_WINDOW);
    }
    let refused = verdict.text.is_none();
    let mut notes = match spill {
        Some(spill) => Notes::Spilled { spill, refused, leading: verdict.strict_refusal.clone().map(Box::new) },
        None => Notes::Dropped,
    };
    if args.verbose {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        let printed =
            notes.each(&mut |v| note_from_json(&v).map_or(Ok(()), |n| crate::notes::each_line(&mut err, input, &n)));
        if let Err(e) = printed {
            return Some(Err(format!("a temporary file for the notes: {}", describe(&e))));
        }
    } else {
        if let Some(n) = &verdict.strict_refusal {
            groups.lead(n);
        }
        groups.print(input);
    }
    if args.report.is_none() {
        notes = Notes::Dropped;
    }
    let report = |status, output| FileReport { input: input.into(), output, source: Some(source), status, notes };
    Some(match verdict.text {
        Some(text) => write_output(out, &text).map(|o| report("translated", Some(o))),
        None => {
            eprintln!("{input}: translation to {target} refused");
            Ok(report("refused", None))
        }
    })
}

/// Prints the notes and writes the output of a translation, or says it was refused.
fn conclude(
    input: &str,
    source: Dialect,
    target: Dialect,
    outcome: Result<(String, Vec<Diagnostic>), TranslateError>,
    grouped: Option<NoteGroups>,
    out: Option<&Path>,
) -> Result<FileReport, String> {
    let print = |notes: &[Diagnostic]| match grouped {
        Some(mut groups) => {
            notes.iter().for_each(|n| groups.add(n));
            groups.print(input);
        }
        None => print_each(input, notes),
    };
    match outcome {
        Ok((text, notes)) => {
            print(&notes);
            let output = write_output(out, &text)?;
            Ok(FileReport {
                input: input.into(),
                output: Some(output),
                source: Some(source),
                status: "translated",
                notes: Notes::Held(notes),
            })
        }
        Err(e) => {
            let notes = e.into_notes();
            print(&notes);
            eprintln!("{input}: translation to {target} refused");
            Ok(FileReport {
                input: input.into(),
                output: None,
                source: Some(source),
                status: "refused",
                notes: Notes::Held(notes),
            })
        }
    }
}

/// Writes `text` to `out` (atomically) or to stdout; returns where, as reported.
fn write_output(out: Option<&Path>, text: &str) -> Result<String, String> {
    match out {
        Some(path) => {
            outputs::write(path, text.as_bytes())?;
            Ok(path.display().to_string())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes()).map_err(|e| format!("stdout: {}", describe(&e)))?;
            Ok("-".into())
        }
    }
}

/// Refuses `--from` on a document whose keys belong to another dialect, naming them.
fn from_fits(value: &Value, from: Dialect) -> Result<(), String> {
    let Value::Object(top) = value else { return Ok(()) };
    let own = |k: &str| from.config_keys().contains(&k) || from.list_keys().contains(&k);
    let mut objects: Vec<&serde_json::Map<String, Value>> = vec![top];
    // A list document's items carry the config keys.
    for d in Dialect::ALL {
        if let Some(Value::Array(items)) = top.get(d.list_items_key()) {
            objects.extend(items.iter().filter_map(Value::as_object));
        }
    }
    let mut foreign: Vec<(String, Dialect)> = Vec::new();
    for k in objects.iter().flat_map(|o| o.keys()) {
        if own(k) || foreign.iter().any(|(f, _)| f == k) {
            continue;
        }
        if let Some(d) =
            Dialect::ALL.iter().find(|d| d.config_keys().contains(&k.as_str()) || d.list_keys().contains(&k.as_str()))
        {
            foreign.push((k.clone(), *d));
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = foreign.iter().map(|(k, d)| format!("`{k}` ({d})")).collect();
    Err(format!(
        "the document has keys of another dialect: {}; drop --from to detect the dialect, or name the one these keys belong to",
        named.join(", ")
    ))
}

/// One file to translate and where its output goes under `--out-dir`.
struct Job {
    input: String,
    /// Path under the output directory: the file name, or for a file found by
    /// walking a directory, its path inside that directory (the tree is mirrored).
    under: PathBuf,
}

/// Expands directories (every `*.json` under them, .gitignore respected) and
/// refuses two inputs that would be written to the same place.
fn jobs(inputs: &[String], out_dir: bool) -> Result<Vec<Job>, String> {
    let mut jobs: Vec<Job> = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            if !out_dir {
                return Err(format!(
                    "{input} is a directory: pass --out-dir OUT to translate every *.json under it (the tree is mirrored under OUT)"
                ));
            }
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .require_git(false)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| surface::translatable(p))
                .collect();
            found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            for f in found {
                let under = f.strip_prefix(path).map(Path::to_path_buf).unwrap_or_else(|_| f.clone());
                jobs.push(Job { input: f.display().to_string(), under });
            }
            continue;
        }
        let under = if input == "-" {
            PathBuf::from("stdin.json")
        } else {
            match path.file_name() {
                Some(n) => PathBuf::from(n),
                None => return Err(format!("{input}: has no file name to write under --out-dir")),
            }
        };
        jobs.push(Job { input: input.clone(), under });
    }
    // The same file named twice (or found twice) is translated once.
    let mut seen = std::collections::HashSet::new();
    jobs.retain(|j| seen.insert(j.input.clone()));
    for (i, a) in jobs.iter().enumerate() {
        if let Some(b) = jobs[..i].iter().find(|b| b.under == a.under) {
            return Err(format!(
                "{} and {} would both be written to `{}` under --out-dir: translate their common directory instead (its tree is mirrored), or one at a time",
                b.input,
                a.input,
                a.under.display()
            ));
        }
    }
    Ok(jobs)
}

/// Every file this run writes, checked before any work: writable, and
/// neither an input nor another output (`outputs::check`).
fn check_outputs(args: &TranslateArgs, given: &[String], jobs: &[Job]) -> Result<(), String> {
    let mut files = Vec::new();
    for (flag, path, instead) in [
        ("-o", &args.output, "write the translation to another file, or to stdout; there is no in-place translation, so the source stays as it was"),
        ("--report", &args.report, "write the report to another file"),
    ] {
        if let Some(p) = path {
            outputs::check_writable(flag, Path::new(p))?;
            files.push(outputs::Output { flag, given: p.clone(), path: PathBuf::from(p), instead });
        }
    }
    if let Some(dir) = &args.out_dir {
        files.extend(jobs.iter().map(|j| outputs::Output {
            flag: "--out-dir",
            given: dir.clone(),
            path: Path::new(dir).join(&j.under),
            instead: "name an output directory other than the inputs' own (--out-dir translated/); there is no in-place translation, so the sources stay as they were",
        }));
    }
    let read: Vec<outputs::Input> = jobs
        .iter()
        .map(|j| outputs::Input { shown: &j.input, found_under: outputs::found_under(&j.input, given) })
        .collect();
    outputs::check(&read, &files)
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
    if let Some(f) = &args.function {
        if let Err(e) = FunctionRef::read(f) {
            return usage(format!("--function: {e}"));
        }
    }
    if args.output.is_some() && args.out_dir.is_some() {
        return usage("-o and --out-dir exclude each other".into());
    }
    if let Some(o) = &args.output {
        if Path::new(o).is_dir() {
            return usage(format!(
                "-o {o}: is a directory; -o names the output file (use --out-dir {o} to write under it)"
            ));
        }
    }
    if let Some(d) = &args.out_dir {
        if Path::new(d).exists() && !Path::new(d).is_dir() {
            return usage(format!("--out-dir {d}: is a file; --out-dir names a directory (use -o {d} for one output)"));
        }
    }
    let given: Vec<String> = if args.inputs.is_empty() { vec!["-".into()] } else { args.inputs.clone() };
    let inputs = match jobs(&given, args.out_dir.is_some()) {
        Ok(j) => j,
        Err(e) => return usage(e),
    };
    if inputs.is_empty() {
        return usage(format!("no *.json file under {}", given.join(", ")));
    }
    if inputs.len() > 1 && args.out_dir.is_none() {
        return usage(format!(
            "{} inputs need --out-dir DIR (one output file each); -o and stdout take one input",
            inputs.len()
        ));
    }
    if let Err(e) = check_outputs(args, &given, &inputs) {
        return usage(e);
    }
    let mapping = match args.map.as_deref().map(load_mapping).transpose() {
        Ok(m) => m.unwrap_or_default(),
        Err(e) => return usage(e),
    };
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return usage(format!("--out-dir {dir}: {}", describe(&e)));
        }
    }
    // Check every input exists before writing anything, so a typo fails the batch cleanly.
    for job in inputs.iter().filter(|j| j.input != "-") {
        if let Err(e) = std::fs::metadata(&job.input) {
            return usage(format!("{}: {}", job.input, describe(&e)));
        }
    }
    let mut report = match args.report.as_deref().map(|r| ReportWriter::create(Path::new(r), target)).transpose() {
        Ok(r) => r,
        Err(e) => return usage(format!("--report {}: {}", args.report.as_deref().unwrap_or_default(), describe(&e))),
    };
    let mut reports = Vec::new();
    let mut written = Vec::new();
    let mut replaced = 0;
    for job in &inputs {
        let input = &job.input;
        let out = match (&args.output, &args.out_dir) {
            (Some(o), _) => Some(PathBuf::from(o)),
            (None, Some(dir)) => {
                let out = Path::new(dir).join(&job.under);
                if let Some(parent) = out.parent() {
                    if let Err(e) = std::fs::create_dir_all(parent) {
                        return usage(format!("--out-dir {}: {}", parent.display(), describe(&e)));
                    }
                }
                Some(out)
            }
            _ => None,
        };
        // A file left by an earlier run is replaced (re-running a migration is normal), and counted.
        let existed = out.as_deref().is_some_and(Path::exists);
        match one(input, args, target, from, &mapping, out.as_deref()) {
            Ok(mut r) => {
                if let (Some(o), "translated") = (&r.output, r.status) {
                    if o != "-" {
                        written.push(o.clone());
                        replaced += usize::from(existed);
                    }
                }
                if let Some(writer) = &mut report {
                    let entry =
                        Entry { input: &r.input, output: r.output.as_deref(), source: r.source, status: r.status };
                    if let Err(e) = writer.add(&entry, &mut r.notes) {
                        return usage(format!(
                            "--report {}: {}",
                            args.report.as_deref().unwrap_or_default(),
                            describe(&e)
                        ));
                    }
                    r.notes = Notes::Dropped;
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
        let replaced = match replaced {
            0 => String::new(),
            n => format!(", replacing {n} existing file{}", if n == 1 { "" } else { "s" }),
        };
        let count = written.len();
        eprintln!("wrote {count} file{}{replaced}: {}", if count == 1 { "" } else { "s" }, written.join(", "));
    }
    if let Some(writer) = report {
        if let Err(e) = writer.finish() {
            return usage(format!("--report {}: {}", args.report.as_deref().unwrap_or_default(), describe(&e)));
        }
    }
    if reports.iter().all(|r| r.status == "translated") {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Reads and checks a mapping file (`--map`); the error names the file.
pub(crate) fn load_mapping(path: &str) -> Result<Mapping, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("mapping file {path}: {}", describe(&e)))?;
    Mapping::from_json(&text).map_err(|e| format!("mapping file {path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn out_dir_never_escapes_and_never_overwrites() {
        let under = |inputs: &[&str]| -> Result<Vec<PathBuf>, String> {
            let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
            jobs(&inputs, true).map(|j| j.into_iter().map(|j| j.under).collect())
        };
        assert_eq!(under(&["../../etc/passwd"]).unwrap(), vec![PathBuf::from("passwd")]);
        assert_eq!(under(&["a/b/c.json"]).unwrap(), vec![PathBuf::from("c.json")]);
        assert_eq!(under(&["-"]).unwrap(), vec![PathBuf::from("stdin.json")]);
        assert!(under(&["no-such-dir/.."]).is_err(), "a path with no file name and no directory behind it");
        let e = under(&["a/cfg.json", "b/cfg.json"]).unwrap_err();
        assert!(e.contains("a/cfg.json and b/cfg.json would both be written to `cfg.json`"), "{e}");
        assert_eq!(under(&["a/cfg.json", "b/x.json", "a/cfg.json"]).unwrap().len(), 2);
    }

    #[test]
    fn from_must_fit_the_document() {
        let fc2 = json!({"maxAsyncRetryAttempts": 1, "statefulInvocation": true});
        let e = from_fits(&fc2, Dialect::Huawei).unwrap_err();
        assert!(e.contains("`maxAsyncRetryAttempts` (alibaba-fc2)") && e.contains("`statefulInvocation`"), "{e}");
        assert!(from_fits(&fc2, Dialect::AlibabaFc2).is_ok());
        // Keys FC 2.0 and FC 3.0 share fit either.
        assert!(from_fits(&json!({"maxAsyncRetryAttempts": 1}), Dialect::AlibabaFc3).is_ok());
        let list = json!({"configs": [{"max_async_retry_attempts": 1}]});
        assert!(from_fits(&list, Dialect::AlibabaFc3).unwrap_err().contains("`max_async_retry_attempts` (huawei)"));
    }
}
