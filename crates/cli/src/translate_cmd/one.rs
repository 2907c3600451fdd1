//! One input translated: read as its surface, detected, translated whole
//! or in windows, its notes printed (grouped for a list) and kept for the
//! report, its output written.

use crate::io::{describe, read_input};
use crate::notes::{print_each, NoteGroups};
use crate::outputs;
use crate::report::{note_from_json, NoteSpill, Notes};
use crate::TranslateArgs;
use invokecfg_iac::surface::{self, Surface};
use invokecfg_model::{detect, span, Diagnostic, Dialect, Document};
use invokecfg_translate::{translate, translate_in_windows_streamed, Mapping, Options, TranslateError};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

pub(super) struct FileReport {
    pub input: String,
    pub output: Option<String>,
    pub source: Option<Dialect>,
    pub status: &'static str,
    /// Taken by the report when it is written.
    pub notes: Notes,
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

/// What the run translates to, and from (`None`: detected per document).
#[derive(Clone, Copy)]
pub(super) struct Direction {
    pub target: Dialect,
    pub from: Option<Dialect>,
}

fn options(args: &TranslateArgs) -> Options {
    Options { strict: args.strict, allow_lossy: args.allow_lossy, function: args.function.clone() }
}

/// One input's translation: what it reads, how, and where it writes.
#[derive(Clone, Copy)]
struct Translation<'a> {
    /// The input as named (`-`: stdin).
    input: &'a str,
    bytes: &'a [u8],
    args: &'a TranslateArgs,
    direction: Direction,
    mapping: &'a Mapping,
    /// The output file (None: stdout).
    out: Option<&'a Path>,
}

/// Translates `input`, writing its output to `out` (None: stdout). An input
/// that cannot be read as its kind fails alone (`status: "error"`); `Err`
/// ends the run (a write that failed, `--from` that does not fit).
pub(super) fn one(
    input: &str,
    args: &TranslateArgs,
    direction: Direction,
    mapping: &Mapping,
    out: Option<&Path>,
) -> Result<FileReport, String> {
    let bytes = read_input(input).map_err(|e| format!("{input}: {}", describe(&e)))?;
    let translation = Translation { input, bytes: &bytes, args, direction, mapping, out };
    let kind = Surface::of(Path::new(input), &bytes);
    if kind != Surface::ApiJson {
        return iac(translation, kind);
    }
    if let Some(report) = in_windows(translation) {
        return report;
    }
    whole(translation)
}

/// A Terraform or YAML file: its resources rewritten by the iac crate.
fn iac(translation: Translation, kind: Surface) -> Result<FileReport, String> {
    let Translation { input, bytes, args, direction: Direction { target, .. }, mapping, out } = translation;
    // A file that cannot be read as its kind fails alone, as a JSON syntax error does.
    let format = args.format.as_deref();
    let (text, notes) = match surface::translate(kind, input, bytes, (target, format), mapping, &options(args)) {
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
    Ok(FileReport { input: input.into(), output: Some(output), source: None, status: "translated", notes })
}

/// An API JSON document read whole: parsed, checked for duplicate keys,
/// its dialect detected (or `--from` checked against it), translated.
fn whole(translation: Translation) -> Result<FileReport, String> {
    let Translation { input, bytes, args, direction: Direction { target, from }, mapping, out } = translation;
    let parsed = match span::parse(bytes) {
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
    let source = match from {
        Some(d) => {
            from_fits(&parsed.value, d).map_err(|e| format!("{input}: --from {d}: {e}"))?;
            d
        }
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
    let outcome = translate(&doc, target, mapping, &options(args)).map(|t| (t.document.to_pretty_json(), t.notes));
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
fn in_windows(translation: Translation) -> Option<Result<FileReport, String>> {
    let Translation { input, bytes, args, direction: Direction { target, from }, mapping, out } = translation;
    let options = options(args);
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
