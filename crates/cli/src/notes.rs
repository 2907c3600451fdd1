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

use foldhash::HashMap;
use invokecfg_model::{Diagnostic, Severity};
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

/// A piece of a message: text, or a value (a backquoted span with its
/// backquotes, or a number outside one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Piece<'a> {
    Text(&'a str),
    Value(&'a str),
}

/// A message's pieces, in order.
fn pieces(message: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let bytes = message.as_bytes();
        let first = *bytes.get(i)?;
        let start = i;
        let value_end = match first {
            b'`' => message[i + 1..].find('`').map(|j| i + j + 2),
            b'0'..=b'9' => Some(bytes[i..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |j| i + j)),
            _ => None,
        };
        Some(match value_end {
            Some(end) => {
                i = end;
                Piece::Value(&message[start..end])
            }
            None => {
                let next = bytes[i + 1..].iter().position(|b| *b == b'`' || b.is_ascii_digit());
                i = next.map_or(bytes.len(), |j| i + 1 + j);
                Piece::Text(&message[start..i])
            }
        })
    })
}

/// The values of a message.
fn values_of(message: &str) -> impl Iterator<Item = &str> {
    pieces(message).filter_map(|p| match p {
        Piece::Value(v) => Some(v),
        Piece::Text(_) => None,
    })
}

/// Whether two messages are the same but for their values.
fn same_but_values(a: &str, b: &str) -> bool {
    fn text(p: Piece<'_>) -> Option<&str> {
        match p {
            Piece::Text(t) => Some(t),
            Piece::Value(_) => None,
        }
    }
    pieces(a).map(text).eq(pieces(b).map(text))
}

/// The item `pointer` is in (`/KEY/N` with KEY one of `items_keys`): its
/// pointer, its index and the rest of the pointer.
fn item_of<'p>(items_keys: &[&str], pointer: &'p str) -> Option<(&'p str, usize, &'p str)> {
    let rest = pointer.strip_prefix('/')?;
    let (key, rest) = rest.split_once('/')?;
    if !items_keys.contains(&key) {
        return None;
    }
    let digits = rest.find('/').unwrap_or(rest.len());
    let index = rest[..digits].parse().ok()?;
    let item_end = 1 + key.len() + 1 + digits;
    Some((&pointer[..item_end], index, &rest[digits..]))
}

/// Where in its item (or else in the document) a note points.
fn place_of<'p>(items_keys: &[&str], pointer: &'p str) -> (bool, &'p str) {
    match item_of(items_keys, pointer) {
        Some((_, _, rest)) => (true, rest),
        None => (false, pointer),
    }
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
    /// Groups by the hash of what makes them one (collisions told apart).
    index: HashMap<u64, Vec<usize>>,
    /// Groups by the hash of their first note's whole message.
    exact: HashMap<u64, usize>,
    hasher: foldhash::fast::RandomState,
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
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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
        NoteGroups {
            items_keys,
            index: HashMap::default(),
            exact: HashMap::default(),
            hasher: Default::default(),
            groups: Vec::new(),
            leading: None,
            counts: [0; 3],
        }
    }

    /// Counts `note` into its group.
    pub(crate) fn add(&mut self, note: &Diagnostic) {
        self.counts[rank(note.severity)] += 1;
        let item = item_of(&self.items_keys, &note.pointer);
        let (in_item, rest) = place_of(&self.items_keys, &note.pointer);
        let at = match self.exact_group(note, in_item, rest) {
            Some(at) => at,
            None => self.group_of(note, in_item, rest),
        };
        let group = &mut self.groups[at];
        group.notes += 1;
        if group.notes > 1 && group.first.message != note.message {
            for ((differs, a), b) in
                group.differs.iter_mut().zip(values_of(&group.first.message)).zip(values_of(&note.message))
            {
                *differs |= a != b;
            }
        }
        if group.notes > 1 {
            group.help_differs |= group.first.help != note.help;
        }
        if let Some((pointer, index, _)) = item {
            match &mut group.last {
                Some((last, _)) if *last == index => {}
                Some((last, last_pointer)) => {
                    group.items += 1;
                    if group.samples.len() < 2 {
                        group.samples.push(pointer.to_string());
                    }
                    *last = index;
                    last_pointer.clear();
                    last_pointer.push_str(pointer);
                }
                None => {
                    group.items += 1;
                    group.samples.push(pointer.to_string());
                    group.last = Some((index, pointer.to_string()));
                }
            }
        }
    }

    /// The group whose first note says exactly what `note` says (most
    /// notes of a list): found by one hash of the whole message.
    fn exact_group(&self, note: &Diagnostic, in_item: bool, rest: &str) -> Option<usize> {
        let at = *self.exact.get(&self.exact_key(note, in_item, rest))?;
        let first = &self.groups[at].first;
        let same = first.severity == note.severity
            && first.code == note.code
            && first.message == note.message
            && place_of(&self.items_keys, &first.pointer) == (in_item, rest);
        same.then_some(at)
    }

    fn exact_key(&self, note: &Diagnostic, in_item: bool, rest: &str) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one((rank(note.severity), &note.code, in_item, rest, &note.message))
    }

    /// The group of `note` (made when it is the first of its kind).
    fn group_of(&mut self, note: &Diagnostic, in_item: bool, rest: &str) -> usize {
        // Hashed as it is read, not built as a key: a list gives a million notes.
        let key = {
            use std::hash::{BuildHasher, Hash, Hasher};
            let mut h = self.hasher.build_hasher();
            (rank(note.severity), &note.code, in_item, rest).hash(&mut h);
            for p in pieces(&note.message) {
                match p {
                    Piece::Text(t) => t.hash(&mut h),
                    Piece::Value(_) => 0u8.hash(&mut h),
                }
            }
            h.finish()
        };
        let candidates = self.index.entry(key).or_default();
        let found = candidates.iter().copied().find(|&at| {
            let first = &self.groups[at].first;
            first.severity == note.severity
                && first.code == note.code
                && place_of(&self.items_keys, &first.pointer) == (in_item, rest)
                && same_but_values(&first.message, &note.message)
        });
        if let Some(at) = found {
            return at;
        }
        candidates.push(self.groups.len());
        let exact = self.exact_key(note, in_item, rest);
        self.exact.insert(exact, self.groups.len());
        self.groups.push(Group {
            first: note.clone(),
            differs: vec![false; values_of(&note.message).count()],
            help_differs: false,
            notes: 0,
            items: 0,
            samples: Vec::new(),
            last: None,
        });
        self.groups.len() - 1
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
    let mut message = String::with_capacity(g.first.message.len());
    let mut differs = g.differs.iter();
    for piece in pieces(&g.first.message) {
        match piece {
            Piece::Text(t) => message.push_str(t),
            Piece::Value(v) => match differs.next() {
                Some(true) => message.push_str(if v.starts_with('`') { "`…`" } else { "…" }),
                _ => message.push_str(v),
            },
        }
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
        use Piece::*;
        let all = |m| pieces(m).collect::<Vec<_>>();
        assert_eq!(
            all("`maxAsyncEventAgeInSeconds` 604800 is outside huawei's range 1..86400"),
            [
                Value("`maxAsyncEventAgeInSeconds`"),
                Text(" "),
                Value("604800"),
                Text(" is outside huawei's range "),
                Value("1"),
                Text(".."),
                Value("86400")
            ]
        );
        assert_eq!(
            all("service `orders` is not carried: FC 3.0 has no `"),
            [
                Text("service "),
                Value("`orders`"),
                Text(" is not carried: FC "),
                Value("3"),
                Text("."),
                Value("0"),
                Text(" has no "),
                Text("`")
            ]
        );
        assert_eq!(all(""), []);
        assert!(same_but_values("service `orders` is gone", "service `billing` is gone"));
        assert!(!same_but_values("service `orders` is gone", "package `orders` is gone"));
        assert!(!same_but_values("`a` `b`", "`a`"));
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(200000), "200,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    use proptest::prelude::*;

    fn note() -> impl Strategy<Value = Diagnostic> {
        let severity = prop_oneof![Just(Severity::Error), Just(Severity::Warning), Just(Severity::Info)];
        let pointer = prop_oneof![
            (0usize..40, prop::sample::select(vec!["", "/function", "/createdTime"]))
                .prop_map(|(i, rest)| format!("/configs/{i}{rest}")),
            prop::sample::select(vec!["", "/nextToken", "/configs", "/configs/x"]).prop_map(String::from),
        ];
        let message = (
            prop::sample::select(vec!["service ", "read-only ", "", "`a` and "]),
            prop::sample::select(vec!["`orders`", "`billing`", "700000", "3600", "`"]),
            prop::sample::select(vec![" is not carried", " is clamped to 86400", ""]),
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}"));
        let help = prop::option::of(prop::sample::select(vec!["add `x`", "add `y`"]));
        (prop::sample::select(vec!["T101", "T103", "T106"]), severity, pointer, message, help).prop_map(
            |(code, severity, pointer, message, help)| {
                let mut n = Diagnostic::new(code, severity, &pointer, message);
                n.help = help.map(String::from);
                n
            },
        )
    }

    proptest! {
        /// Grouping never loses a note: the groups' counts add up to the
        /// notes per severity, and every note's code, place and message
        /// pattern is its group's, whose printed line shows its code.
        #[test]
        fn grouping_never_loses_a_note(notes in prop::collection::vec(note(), 0..200)) {
            let mut groups = NoteGroups::new(vec!["configs"]);
            for n in &notes {
                groups.add(n);
            }
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                let of = |n: &&Diagnostic| n.severity == severity;
                let in_groups: usize = groups.groups.iter().filter(|g| g.first.severity == severity).map(|g| g.notes).sum();
                prop_assert_eq!(in_groups, notes.iter().filter(of).count());
                prop_assert_eq!(groups.counts[rank(severity)], in_groups);
            }
            for n in &notes {
                let place = place_of(&groups.items_keys, &n.pointer);
                let mine: Vec<&Group> = groups
                    .groups
                    .iter()
                    .filter(|g| {
                        g.first.severity == n.severity
                            && g.first.code == n.code
                            && place_of(&groups.items_keys, &g.first.pointer) == place
                            && same_but_values(&g.first.message, &n.message)
                    })
                    .collect();
                prop_assert_eq!(mine.len(), 1, "{:?}", n);
                let g = mine[0];
                prop_assert!(g.items <= g.notes);
                if g.first.message != n.message {
                    prop_assert!(g.differs.iter().any(|d| *d), "{:?} and {:?}", g.first.message, n.message);
                }
            }
            let mut out = Vec::new();
            groups.write(&mut out, "f.json").unwrap();
            let out = String::from_utf8(out).unwrap();
            let lines = out.lines().filter(|l| !l.starts_with("  help")).count();
            prop_assert_eq!(lines, groups.groups.len() + 3 + usize::from(groups.grouped_any()));
            for (severity, word) in [(Severity::Error, "error"), (Severity::Warning, "warning"), (Severity::Info, "info")] {
                let count = notes.iter().filter(|n| n.severity == severity).count();
                let summary = format!("f.json: {} {word}", thousands(count));
                prop_assert!(out.contains(&summary), "{}", out);
            }
        }
    }
}
