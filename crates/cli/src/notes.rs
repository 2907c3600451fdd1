//! Translation notes on stderr: one per line for a single document (or
//! with `-v`), and over a list's items grouped: notes that say the same of
//! different items print once, with how many items and which.
//!
//! Two notes are *the same apart from the item* when they have the same
//! severity and code, the same pointer once the item's index is taken out
//! (`/configs/7/function` and `/configs/9/function`), and the same message
//! once its values are taken out: every backquoted span and every number
//! outside one (the item's service, ARN, age). A group prints the values
//! all its notes share, and `…` where they differ; `-v` and `--report`
//! give every note with its own values.

use invokecfg_model::{Diagnostic, Severity};
use std::collections::HashMap;
use std::io::Write;

/// One note as `invokecfg translate` has always printed it.
pub(crate) fn each_line(out: &mut impl Write, input: &str, n: &Diagnostic) -> std::io::Result<()> {
    let at = if n.pointer.is_empty() { String::new() } else { format!(" (at {})", n.pointer) };
    writeln!(out, "{input}: {}[{}] {}{at}", n.severity, n.code, n.message)?;
    if let Some(h) = &n.help {
        writeln!(out, "  help: {h}")?;
    }
    Ok(())
}

/// Prints every note, one per line, in the order given.
pub(crate) fn print_each<'a>(input: &str, notes: impl IntoIterator<Item = &'a Diagnostic>) {
    // Buffered: a list of n items has O(n) notes, and one write each would be O(n) syscalls.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for n in notes {
        let _ = each_line(&mut err, input, n);
    }
}

/// A message cut at its values: the text between them, and the values.
/// A value is a backquoted span (with its backquotes) or a number outside one.
fn values_of(message: &str) -> (String, Vec<&str>) {
    let (mut skeleton, mut values) = (String::with_capacity(message.len()), Vec::new());
    let bytes = message.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'`' => message[i + 1..].find('`').map(|j| i + j + 2),
            b'0'..=b'9' => Some(bytes[i..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |j| i + j)),
            _ => None,
        };
        match end {
            Some(end) => {
                values.push(&message[i..end]);
                skeleton.push('\u{0}');
                i = end;
            }
            None => {
                let next = message[i + 1..].find(['`', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
                let end = next.map_or(message.len(), |j| i + 1 + j);
                skeleton.push_str(&message[i..end]);
                i = end;
            }
        }
    }
    (skeleton, values)
}

/// Notes that say the same of different items.
struct Group {
    /// The first note (a group of one prints as it).
    first: Diagnostic,
    /// Per value of the message: whether another note has another one there.
    differs: Vec<bool>,
    help_differs: bool,
    notes: usize,
    items: usize,
    /// The first two items' pointers, and the last one's.
    samples: Vec<String>,
    last: Option<(usize, String)>,
}

/// The notes of one document, grouped as they come: memory holds one entry
/// per group, whatever the number of notes.
pub(crate) struct NoteGroups {
    /// The list documents' item arrays (`configs`, ...): `/KEY/N` is item N.
    items_keys: Vec<&'static str>,
    index: HashMap<String, usize>,
    groups: Vec<Group>,
    /// A note decided over the whole document (`--strict`'s refusal): printed first.
    leading: Option<Diagnostic>,
    /// Notes per severity: info, warning, error.
    counts: [usize; 3],
}

fn rank(s: Severity) -> usize {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// `1234567` as `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

impl NoteGroups {
    /// Groups over the items of the list arrays named `items_keys`.
    pub(crate) fn new(items_keys: Vec<&'static str>) -> Self {
        NoteGroups { items_keys, index: HashMap::new(), groups: Vec::new(), leading: None, counts: [0; 3] }
    }

    /// The item `pointer` is in: its pointer, its index and the rest of the pointer.
    fn item_of<'p>(&self, pointer: &'p str) -> Option<(&'p str, usize, &'p str)> {
        let rest = pointer.strip_prefix('/')?;
        let (key, rest) = rest.split_once('/')?;
        if !self.items_keys.contains(&key) {
            return None;
        }
        let digits = rest.find('/').unwrap_or(rest.len());
        let index = rest[..digits].parse().ok()?;
        let item_end = 1 + key.len() + 1 + digits;
        Some((&pointer[..item_end], index, &rest[digits..]))
    }

    /// Counts `note` into its group.
    pub(crate) fn add(&mut self, note: &Diagnostic) {
        self.counts[rank(note.severity)] += 1;
        let item = self.item_of(&note.pointer);
        let (skeleton, values) = values_of(&note.message);
        let place = match item {
            Some((_, _, rest)) => format!("item{rest}"),
            None => note.pointer.clone(),
        };
        let key = format!("{}\u{1}{}\u{1}{place}\u{1}{skeleton}", note.severity, note.code);
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => {
                self.index.insert(key, self.groups.len());
                self.groups.push(Group {
                    first: note.clone(),
                    differs: vec![false; values.len()],
                    help_differs: false,
                    notes: 0,
                    items: 0,
                    samples: Vec::new(),
                    last: None,
                });
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[at];
        group.notes += 1;
        if group.notes > 1 {
            let (_, firsts) = values_of(&group.first.message);
            for ((differs, a), b) in group.differs.iter_mut().zip(firsts).zip(values) {
                *differs |= a != b;
            }
            group.help_differs |= group.first.help != note.help;
        }
        if let Some((pointer, index, _)) = item {
            if group.last.as_ref().is_none_or(|(last, _)| *last != index) {
                group.items += 1;
                if group.samples.len() < 2 {
                    group.samples.push(pointer.to_string());
                }
                group.last = Some((index, pointer.to_string()));
            }
        }
    }

    /// Counts `note` and prints it before every group.
    pub(crate) fn lead(&mut self, note: &Diagnostic) {
        self.counts[rank(note.severity)] += 1;
        self.leading = Some(note.clone());
    }

    /// Whether any group holds more than one note.
    pub(crate) fn grouped_any(&self) -> bool {
        self.groups.iter().any(|g| g.notes > 1)
    }

    /// Prints the groups, errors first, then warnings, then infos (each in
    /// the order first seen), and a summary line per severity.
    pub(crate) fn print(&self, input: &str) {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        let _ = self.write(&mut err, input);
    }

    pub(crate) fn write(&self, out: &mut impl Write, input: &str) -> std::io::Result<()> {
        if let Some(n) = &self.leading {
            each_line(out, input, n)?;
        }
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            for g in self.groups.iter().filter(|g| g.first.severity == severity) {
                if g.notes == 1 {
                    each_line(out, input, &g.first)?;
                } else {
                    group_lines(out, input, g)?;
                }
            }
        }
        for (severity, one, many) in [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
            (Severity::Info, "info", "infos"),
        ] {
            let lead = self.leading.as_ref().filter(|n| n.severity == severity);
            let kinds =
                self.groups.iter().filter(|g| g.first.severity == severity).count() + usize::from(lead.is_some());
            let count = self.counts[rank(severity)];
            let of = if count == 0 { String::new() } else { format!(" of {}", plural(kinds, "kind", "kinds")) };
            writeln!(out, "{input}: {}{of}", plural(count, one, many))?;
        }
        if self.grouped_any() {
            writeln!(out, "{input}: notes that say the same of several items are printed once; -v prints each")?;
        }
        Ok(())
    }
}

/// A group of more than one note: its message with the values its notes
/// share, the count and the items.
fn group_lines(out: &mut impl Write, input: &str, g: &Group) -> std::io::Result<()> {
    let (skeleton, values) = values_of(&g.first.message);
    let mut message = String::with_capacity(g.first.message.len());
    let mut values = values.into_iter().zip(&g.differs);
    for (i, piece) in skeleton.split('\u{0}').enumerate() {
        if i > 0 {
            match values.next() {
                Some((v, false)) => message.push_str(v),
                Some((v, true)) => message.push_str(if v.starts_with('`') { "`…`" } else { "…" }),
                None => {}
            }
        }
        message.push_str(piece);
    }
    let code = format!("{}[{}]", g.first.severity, g.first.code);
    if g.items == 0 {
        // The same note of the document more than once, with different values.
        writeln!(out, "{input}: {code} {message}, {} (at {})", plural(g.notes, "time", "times"), g.first.pointer)?;
    } else {
        let mut places = g.samples.clone();
        if let Some((_, last)) = &g.last {
            if g.items > 3 {
                places.push(format!("... {last}"));
            } else if g.items == 3 {
                places.push(last.clone());
            }
        }
        let times = if g.notes == g.items { String::new() } else { format!("{} ", plural(g.notes, "time", "times")) };
        writeln!(
            out,
            "{input}: {code} {message}, {times}in {} ({})",
            plural(g.items, "item", "items"),
            places.join(", ")
        )?;
    }
    if let Some(h) = &g.first.help {
        let first = g.samples.first().map_or(g.first.pointer.as_str(), String::as_str);
        match g.help_differs {
            false => writeln!(out, "  help: {h}")?,
            true => writeln!(out, "  help (for {first}; the others differ): {h}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_backquoted_spans_and_numbers() {
        let (skeleton, values) = values_of("`maxAsyncEventAgeInSeconds` 604800 is outside huawei's range 1..86400");
        assert_eq!(values, ["`maxAsyncEventAgeInSeconds`", "604800", "1", "86400"]);
        assert_eq!(skeleton, "\u{0} \u{0} is outside huawei's range \u{0}..\u{0}");
        let (skeleton, values) = values_of("service `orders` is not carried: FC 3.0 has no `");
        assert_eq!(values, ["`orders`", "3", "0"]);
        assert_eq!(skeleton, "service \u{0} is not carried: FC \u{0}.\u{0} has no `");
        assert_eq!(values_of(""), (String::new(), vec![]));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(200000), "200,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
