//! Byte offsets <-> LSP positions in the negotiated encoding, and text edits.
//!
//! LSP lines end at `\n`, `\r\n` or a lone `\r`; a position's `character`
//! counts UTF-8 bytes or UTF-16 code units, as negotiated at `initialize`.
//! A position past the end of its line means the line's end; one inside a
//! character (a surrogate pair, a multi-byte sequence) means its start.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How `Position::character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes (chosen when the client offers it: no conversion).
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

impl Encoding {
    /// The encoding to use given the client's offer (`general.positionEncodings`):
    /// UTF-8 when offered, else UTF-16, which every client must accept.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The protocol's name for it, for the server capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// The start offset of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`'s line starts.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The LSP position of byte `offset` of `text` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let before = text.get(start..offset).unwrap_or("");
        let character = match encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position { line: to_u32(line), character: to_u32(character) }
    }

    /// The byte offset of `position` in `text`: a line past the end is the
    /// end of the text, a character past the line's end the line's end.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else { return text.len() };
        let end = self.line_end(text, position.line as usize);
        let line = text.get(start..end).unwrap_or("");
        let wanted = position.character as usize;
        let within = match encoding {
            Encoding::Utf8 => floor_char_boundary(line, wanted.min(line.len())),
            Encoding::Utf16 => {
                let mut units = 0;
                let mut at = line.len();
                for (i, c) in line.char_indices() {
                    if units + c.len_utf16() > wanted {
                        at = i;
                        break;
                    }
                    units += c.len_utf16();
                }
                at
            }
        };
        start + within
    }

    /// The LSP range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize, encoding: Encoding) -> Range {
        Range { start: self.position(text, start, encoding), end: self.position(text, end.max(start), encoding) }
    }

    /// Where line `line`'s content ends (before its line break).
    fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        let mut end = next;
        if end > 0 && end <= bytes.len() && line + 1 < self.starts.len() {
            if bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > 0 && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        end
    }
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, encoding: Encoding) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            // Between the two bytes of a CRLF is no position the protocol can name.
            if offset > 0 && text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let p = index.position(text, offset, encoding);
            assert_eq!(index.offset(text, p, encoding), offset, "{text:?} at {offset} -> {p:?}");
        }
    }

    #[test]
    fn positions_round_trip_in_both_encodings() {
        for text in ["", "a", "{\n  \"a\": 1\n}\n", "a\r\nb\r\n", "x\ry\rz", "// 中文注释\n\"😀\": 1\r\n😀😀x"]
        {
            roundtrip(text, Encoding::Utf8);
            roundtrip(text, Encoding::Utf16);
        }
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_four_bytes() {
        let text = "😀a";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 4, Encoding::Utf16), Position { line: 0, character: 2 });
        assert_eq!(index.position(text, 4, Encoding::Utf8), Position { line: 0, character: 4 });
        // Inside the surrogate pair: the character's start.
        assert_eq!(index.offset(text, Position { line: 0, character: 1 }, Encoding::Utf16), 0);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "a\r\nb\rc";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3, Encoding::Utf16), Position { line: 1, character: 0 });
        assert_eq!(index.position(text, 5, Encoding::Utf16), Position { line: 2, character: 0 });
        // Past the end of line 0: its end, before the CRLF.
        assert_eq!(index.offset(text, Position { line: 0, character: 9 }, Encoding::Utf16), 1);
        assert_eq!(index.offset(text, Position { line: 7, character: 0 }, Encoding::Utf16), text.len());
    }

    #[test]
    fn chinese_is_three_bytes_one_unit() {
        let text = "# 中文\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5, Encoding::Utf16), Position { line: 0, character: 3 });
        assert_eq!(index.position(text, 5, Encoding::Utf8), Position { line: 0, character: 5 });
    }

    #[test]
    fn utf8_is_chosen_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])), Encoding::Utf16);
    }
}
