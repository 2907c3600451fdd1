//! The `--report` file (`schemas/translate-report.schema.json`), written as
//! the translation proceeds: each input's entry is written when the input is
//! done, into a temporary file beside the report that is renamed over it at
//! the end ([`AtomicFile`]), so a reader never sees half a report (through
//! symlinks and into hard-linked files as a fix is written). A long
//! list's notes are not held meanwhile: they go, as they come, to a spill
//! file ([`NoteSpill`]), and from it into the report in the verdict's order
//! (a refusal's errors first), which is known only once the whole list is
//! translated.

use crate::io::{AtomicFile, Written};
use invokecfg_model::{Diagnostic, Dialect, Severity};
use invokecfg_translate::note_json;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::path::Path;

/// Notes written down as they come, in document order, one line each: a
/// severity letter, then the note's report JSON.
pub(crate) struct NoteSpill {
    file: BufWriter<std::fs::File>,
}

fn letter(s: Severity) -> u8 {
    match s {
        Severity::Error => b'e',
        Severity::Warning => b'w',
        Severity::Info => b'i',
    }
}

impl NoteSpill {
    /// An empty spill, in an unnamed temporary file (gone when dropped).
    pub(crate) fn new() -> std::io::Result<Self> {
        Ok(NoteSpill { file: BufWriter::new(tempfile::tempfile()?) })
    }

    pub(crate) fn push(&mut self, n: &Diagnostic) -> std::io::Result<()> {
        self.file.write_all(&[letter(n.severity)])?;
        serde_json::to_writer(&mut self.file, &note_json(n))?;
        self.file.write_all(b"\n")
    }

    /// Every note, in document order, or errors first (then warnings, then
    /// infos, each in document order) when `errors_first`.
    fn replay(
        &mut self,
        errors_first: bool,
        each: &mut dyn FnMut(Value) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.file.flush()?;
        let passes: &[Option<u8>] = if errors_first { &[Some(b'e'), Some(b'w'), Some(b'i')] } else { &[None] };
        for pass in passes {
            let file = self.file.get_mut();
            file.rewind()?;
            for line in BufReader::new(&*file).split(b'\n') {
                let line = line?;
                let Some((&severity, note)) = line.split_first() else { continue };
                if pass.is_none_or(|p| p == severity) {
                    each(serde_json::from_slice(note)?)?;
                }
            }
        }
        self.file.get_mut().seek(std::io::SeekFrom::End(0))?;
        Ok(())
    }
}

/// One input's notes, in the order its report entry lists them.
pub(crate) enum Notes {
    /// All of them, in the verdict's order (a document read whole).
    Held(Vec<Diagnostic>),
    /// Spilled as they came: `leading` first (`--strict`'s refusal), then
    /// the spill, errors first when the translation was refused.
    Spilled { spill: NoteSpill, refused: bool, leading: Option<Box<Diagnostic>> },
    /// Not kept: neither the report nor `-v` asked for them.
    Dropped,
}

impl Notes {
    /// Each note's report JSON, in order.
    pub(crate) fn each(&mut self, each: &mut dyn FnMut(Value) -> std::io::Result<()>) -> std::io::Result<()> {
        match self {
            Notes::Held(notes) => notes.iter().try_for_each(|n| each(note_json(n))),
            Notes::Spilled { spill, refused, leading } => {
                if let Some(n) = leading {
                    each(note_json(n))?;
                }
                spill.replay(*refused, each)
            }
            Notes::Dropped => Ok(()),
        }
    }
}

/// A note back from its report JSON (for `-v` over a spill).
pub(crate) fn note_from_json(v: &Value) -> Option<Diagnostic> {
    let text = |k: &str| v.get(k).and_then(Value::as_str);
    let mut n = Diagnostic::new(text("code")?, text("severity")?.parse().ok()?, text("pointer")?, text("message")?);
    n.help = text("help").map(str::to_string);
    Some(n)
}

/// What the report says of one input, besides its notes.
pub(crate) struct Entry<'a> {
    pub input: &'a str,
    pub output: Option<&'a str>,
    pub source: Option<Dialect>,
    pub status: &'static str,
}

/// Where the report's bytes go, decided as a fix's are (`io::write_fix`):
/// through a symlink, to the file it names; into a file with other hard
/// links, or a device or pipe, in place, copied there at the end from a
/// temporary file (so a failed run leaves it as it was); else atomically.
enum Sink {
    Atomic(AtomicFile),
    Copied { tmp: std::fs::File, to: std::path::PathBuf },
}

impl Sink {
    /// Opens where `path`'s bytes go, by the rule every output follows
    /// (`io::link_target`, as `io::write_through`), and how they get there.
    fn open(path: &Path) -> std::io::Result<(Self, Written)> {
        let to = crate::io::link_target(path)?;
        let through_link = to != path;
        let shown = || std::fs::canonicalize(&to).unwrap_or_else(|_| to.clone());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let Ok(m) = std::fs::metadata(&to) {
                if !m.is_file() || m.nlink() > 1 {
                    let how = match (m.is_file(), through_link) {
                        (false, _) => Written::Stream,
                        (true, true) => Written::ThroughLink(shown()),
                        (true, false) => Written::InPlace,
                    };
                    return Ok((Sink::Copied { tmp: tempfile::tempfile()?, to }, how));
                }
            }
        }
        let how = if through_link { Written::ThroughLink(shown()) } else { Written::Atomically };
        AtomicFile::create(&to).map(|f| (Sink::Atomic(f), how))
    }

    fn commit(self) -> std::io::Result<()> {
        match self {
            Sink::Atomic(file) => file.commit(),
            Sink::Copied { mut tmp, to } => {
                tmp.rewind()?;
                let mut out = std::fs::OpenOptions::new().write(true).truncate(true).open(&to)?;
                std::io::copy(&mut tmp, &mut out)?;
                out.flush()
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Atomic(file) => file.write(buf),
            Sink::Copied { tmp, .. } => tmp.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Atomic(file) => file.flush(),
            Sink::Copied { tmp, .. } => tmp.flush(),
        }
    }
}

/// The report, written an input at a time.
pub(crate) struct ReportWriter {
    file: BufWriter<Sink>,
    files: usize,
    translated: usize,
    refused: usize,
    /// Notes per severity: info, warning, error.
    counts: [usize; 3],
    /// The path given, and how its bytes get there (said when a link decides it).
    path: std::path::PathBuf,
    how: Written,
}

/// `value` pretty-printed (as `serde_json::to_string_pretty`), every line
/// after the first indented by `indent`.
fn pretty(out: &mut impl Write, value: &Value, indent: &str) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

impl ReportWriter {
    /// Starts the report at `path` for a translation into `target`.
    pub(crate) fn create(path: &Path, target: Dialect) -> std::io::Result<Self> {
        let (sink, how) = Sink::open(path)?;
        let mut file = BufWriter::new(sink);
        write!(file, "{{\n  \"version\": 1,\n  \"target\": {},\n  \"files\": [", json!(target.id()))?;
        let path = path.to_path_buf();
        Ok(ReportWriter { file, files: 0, translated: 0, refused: 0, counts: [0; 3], path, how })
    }

    /// Writes one input's entry, its notes taken from `notes` in order.
    pub(crate) fn add(&mut self, entry: &Entry, notes: &mut Notes) -> std::io::Result<()> {
        let head = json!({
            "input": entry.input,
            "output": entry.output,
            "source": entry.source.map(|d| d.id()),
            "status": entry.status,
        });
        let out = &mut self.file;
        out.write_all(if self.files == 0 { b"\n    " } else { b",\n    " })?;
        // The entry's members as serde_json prints them, then its notes one by one.
        let head = serde_json::to_string_pretty(&head)?;
        let head = head.strip_suffix("\n}").unwrap_or(&head);
        for (i, line) in head.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n    ")?;
            }
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b",\n      \"notes\": [")?;
        let mut count = 0usize;
        let counts = &mut self.counts;
        notes.each(&mut |note| {
            let severity = note.get("severity").and_then(Value::as_str).and_then(|s| s.parse().ok());
            counts[match severity {
                Some(Severity::Error) => 2,
                Some(Severity::Warning) => 1,
                _ => 0,
            }] += 1;
            out.write_all(if count == 0 { b"\n        " } else { b",\n        " })?;
            count += 1;
            pretty(out, &note, "        ")
        })?;
        out.write_all(if count == 0 { b"]\n    }" } else { b"\n      ]\n    }" })?;
        self.files += 1;
        match entry.status {
            "translated" => self.translated += 1,
            "refused" => self.refused += 1,
            _ => {}
        }
        Ok(())
    }

    /// Writes the summary and puts the report in place.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        let summary = json!({
            "files": self.files,
            "translated": self.translated,
            "refused": self.refused,
            "errors": self.counts[2],
            "warnings": self.counts[1],
            "infos": self.counts[0],
        });
        self.file.write_all(if self.files == 0 { b"],\n  \"summary\": " } else { b"\n  ],\n  \"summary\": " })?;
        pretty(&mut self.file, &summary, "  ")?;
        self.file.write_all(b"\n}\n")?;
        self.file.into_inner().map_err(|e| e.into_error())?.commit()?;
        crate::outputs::announce(&self.path, &self.how);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use invokecfg_model::schema::SchemaName;

    /// The report as one `serde_json::to_string_pretty` of it, byte for byte,
    /// from held and from spilled notes (a refusal's errors first).
    #[test]
    fn report_is_written_as_the_whole_value_prints() {
        let clamp = Diagnostic::new("T101", Severity::Warning, "/x", "m").with_change(json!(8), json!(3), Some((0, 3)));
        let info = Diagnostic::new("T103", Severity::Info, "/configs/0/createdTime", "read-only").with_help("h");
        let error = Diagnostic::new("T202", Severity::Error, "/configs/1", "no counterpart");
        let mut spill = NoteSpill::new().unwrap();
        for n in [&info, &clamp, &error] {
            spill.push(n).unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        let mut writer = ReportWriter::create(&path, Dialect::Huawei).unwrap();
        let entry = |input, status| Entry { input, output: None, source: Some(Dialect::AlibabaFc2), status };
        writer.add(&entry("a.json", "translated"), &mut Notes::Held(vec![clamp.clone()])).unwrap();
        writer.add(&entry("b.json", "error"), &mut Notes::Held(vec![])).unwrap();
        let mut spilled = Notes::Spilled { spill, refused: true, leading: Some(Box::new(info.clone())) };
        writer.add(&entry("c.json", "refused"), &mut spilled).unwrap();
        writer.finish().unwrap();
        let file = |input: &str, status: &str, notes: &[&Diagnostic]| {
            json!({"input": input, "output": null, "source": "alibaba-fc2", "status": status,
                   "notes": notes.iter().map(|n| note_json(n)).collect::<Vec<_>>()})
        };
        let want = json!({
            "version": 1, "target": "huawei",
            "files": [file("a.json", "translated", &[&clamp]), file("b.json", "error", &[]),
                      file("c.json", "refused", &[&info, &error, &clamp, &info])],
            "summary": {"files": 3, "translated": 1, "refused": 1, "errors": 1, "warnings": 2, "infos": 2},
        });
        let got = std::fs::read_to_string(&path).unwrap();
        assert_eq!(got, format!("{}\n", serde_json::to_string_pretty(&want).unwrap()));
        assert!(SchemaName::TranslateReport.validate(&want).is_empty());
        let empty = dir.path().join("empty.json");
        ReportWriter::create(&empty, Dialect::Huawei).unwrap().finish().unwrap();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&empty).unwrap()).unwrap();
        assert_eq!(v["files"], json!([]));
    }

    /// Through a symlink the report lands in the file it names, the link
    /// kept; a file with another hard link is written in place, so both names show it.
    #[cfg(unix)]
    #[test]
    fn report_is_written_through_links() {
        let dir = tempfile::tempdir().unwrap();
        let (real, link, hard) =
            (dir.path().join("real.json"), dir.path().join("link.json"), dir.path().join("hard.json"));
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        ReportWriter::create(&link, Dialect::Huawei).unwrap().finish().unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().contains("\"target\": \"huawei\""));
        std::fs::hard_link(&real, &hard).unwrap();
        ReportWriter::create(&real, Dialect::AwsLambda).unwrap().finish().unwrap();
        assert!(std::fs::read_to_string(&hard).unwrap().contains("\"target\": \"aws-lambda\""));
        // Dropped before `finish` (a run that fails midway): the file is as it was.
        let before = std::fs::read_to_string(&real).unwrap();
        drop(ReportWriter::create(&real, Dialect::Huawei).unwrap());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), before);
    }
}
