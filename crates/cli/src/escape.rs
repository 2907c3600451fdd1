//! Escaping of control characters in human-facing output, so a key such as
//! `"\u001b[2J"` cannot clear a terminal or recolour a CI log.

/// Whether a line feed stays a line break or is shown as a picture.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Newlines {
    /// Line feeds stay (a message of several lines, a workflow command's data).
    Kept,
    /// Line feeds become `␊` (one line of output per finding or note).
    Escaped,
}

/// Replaces each control character (C0 but tab and, with [`Newlines::Kept`],
/// line feed; DEL; C1) and each bidirectional override with one visible
/// character, so columns and carets stay aligned: C0 and DEL become their
/// Unicode control pictures (`␛`), the rest U+FFFD.
pub fn controls(s: &str, newlines: Newlines) -> String {
    if !s.chars().any(|c| needs_escape(c, newlines)) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            _ if !needs_escape(c, newlines) => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect()
}

/// [`controls`] for a source text shown in snippets: line breaks (`\n`,
/// `\r\n`) stay, so line numbers keep meaning what they say.
pub fn source(s: &str) -> String {
    s.split('\n')
        .map(|line| match line.strip_suffix('\r') {
            Some(l) => format!("{}\r", controls(l, Newlines::Escaped)),
            None => controls(line, Newlines::Escaped),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn needs_escape(c: char, newlines: Newlines) -> bool {
    match c {
        '\t' => false,
        '\n' => newlines == Newlines::Escaped,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides and isolates ("Trojan Source").
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_one_for_one() {
        let s = "a\u{1b}[2J\u{7}\u{9b}\u{202e}\tb\nc\r";
        let e = controls(s, Newlines::Kept);
        assert_eq!(e, "a\u{241b}[2J\u{2407}\u{fffd}\u{fffd}\tb\nc\u{240d}");
        assert_eq!(e.chars().count(), s.chars().count());
        assert_eq!(controls("x\ny", Newlines::Escaped), "x\u{240a}y");
        assert_eq!(controls("plain", Newlines::Escaped), "plain");
        assert_eq!(source("a\r\n\u{1b}b\rc\n"), "a\r\n\u{241b}b\u{240d}c\n");
    }
}
