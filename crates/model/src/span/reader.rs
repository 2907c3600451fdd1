//! The one-pass reader: bytes to a `Value`, the span tree and the duplicate keys.

use super::*;

/// Objects with this many members are read into their map member by member
/// and look a repeated key up in it; smaller ones are gathered first (so
/// their map is allocated once, at its size) and compare their keys.
const HASH_DUPLICATES_FROM: usize = 16;

pub(super) struct Reader<'a> {
    b: &'a [u8],
    pub(super) i: usize,
    line: usize,
    col: usize,
    pub(super) limits: Limits,
    /// A windowed read: the plan and the items to read.
    pub(super) window: Option<(&'a ListPlan, std::ops::Range<usize>)>,
    pub(super) map: SpanMap,
    pub(super) duplicates: Vec<DuplicateKey>,
    /// The whole input as text, when it was checked as UTF-8 at once: strings
    /// are then cut from it without checking each.
    pub(super) text: Option<&'a str>,
    /// The members of the small objects being read, innermost last.
    members: Vec<(String, Value)>,
    /// The deepest complete value so far, for error pointers.
    last_complete: u32,
}

impl<'a> Reader<'a> {
    /// A reader of `b`, past a byte order mark; the span map keeps a copy of
    /// the bytes `keys` (the keys outside them are kept one by one).
    pub(super) fn new(b: &'a [u8], keys: std::ops::Range<usize>, limits: Limits) -> Self {
        Reader {
            b,
            i: if b.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 },
            line: 1,
            col: 1,
            limits,
            window: None,
            // About one value per 12 bytes in pretty-printed configs.
            map: SpanMap {
                nodes: Vec::with_capacity((b.len() / 12).min(1 << 16)),
                source: b.get(keys.clone()).unwrap_or_default().to_vec(),
                source_base: keys.start as u32,
                escaped_keys: Vec::new(),
                arrays: Default::default(),
            },
            duplicates: Vec::new(),
            text: None,
            members: Vec::new(),
            last_complete: NONE,
        }
    }

    pub(super) fn complete_pointer(&self) -> String {
        if self.last_complete == NONE {
            String::new()
        } else {
            self.map.pointer_of(self.last_complete as usize)
        }
    }

    pub(super) fn pos(&self) -> Position {
        Position { line: self.line, column: self.col, offset: self.i }
    }

    pub(super) fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    pub(super) fn bump(&mut self) {
        step(self.b, &mut self.i, &mut self.line, &mut self.col);
    }

    /// Continues reading at `p` (a position the list scan found).
    pub(super) fn jump(&mut self, p: Position) {
        (self.i, self.line, self.col) = (p.offset, p.line, p.column);
    }

    pub(super) fn advance_to(&mut self, to: usize) {
        while self.i < to && self.i < self.b.len() {
            self.bump();
        }
    }

    pub(super) fn syntax(&self, message: impl Into<String>) -> SourceError {
        SourceError::Syntax { message: message.into(), position: self.pos(), pointer: self.complete_pointer() }
    }

    pub(super) fn skip_ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'\n' => (self.line, self.col) = (self.line + 1, 1),
                b' ' | b'\t' | b'\r' => self.col += 1,
                _ => break,
            }
            self.i += 1;
        }
    }

    /// Moves to `to` over bytes that hold no newline (a string's run, digits,
    /// a literal): the column counts the characters, as [`step`] does.
    fn skip_line_bytes(&mut self, to: usize) {
        let to = to.min(self.b.len());
        let run = self.b.get(self.i..to).unwrap_or_default();
        self.col += if run.is_ascii() { run.len() } else { run.iter().filter(|&&c| c & 0xC0 != 0x80).count() };
        self.i = to;
    }

    pub(super) fn describe_here(&self) -> String {
        match self.peek() {
            None => "the end of the file".into(),
            Some(_) => {
                let end = (self.i + 4).min(self.b.len());
                let s = match std::str::from_utf8(&self.b[self.i..end]) {
                    Ok(s) => s,
                    Err(e) if e.valid_up_to() == 0 => return "a byte that is not UTF-8".into(),
                    Err(e) => std::str::from_utf8(&self.b[self.i..self.i + e.valid_up_to()]).unwrap_or(""),
                };
                match s.chars().next() {
                    Some(c) if c.is_control() => format!("control character {:?}", c),
                    Some(c) => format!("`{c}`"),
                    None => "the end of the file".into(),
                }
            }
        }
    }

    pub(super) fn value(
        &mut self,
        parent: u32,
        key: KeyRef,
        key_span: Option<Span>,
        depth: usize,
    ) -> Result<Value, SourceError> {
        let start = self.pos();
        let idx = self.map.nodes.len();
        self.map.nodes.push(Node {
            entry: SpanEntry { key: key_span, value: Span { start, end: start } },
            parent,
            first_child: NONE,
            next_sibling: NONE,
            key,
        });
        let v = match self.read_value(idx, parent, key, depth) {
            Ok(v) => v,
            // A scalar, or no value at all, fails as the member being read: point at it.
            Err(SourceError::Syntax { message, position, .. })
                if !matches!(self.b.get(start.offset), Some(b'{' | b'[')) =>
            {
                return Err(SourceError::Syntax { message, position, pointer: self.map.pointer_of(idx) })
            }
            Err(e) => return Err(e),
        };
        self.map.nodes[idx].entry.value.end = self.pos();
        self.last_complete = idx as u32;
        Ok(v)
    }

    /// The value at the reader, node `idx` pushed.
    fn read_value(&mut self, idx: usize, parent: u32, key: KeyRef, depth: usize) -> Result<Value, SourceError> {
        Ok(match self.peek() {
            Some(b'{') => self.object(idx as u32, depth + 1)?,
            Some(b'[') => match self.window.clone() {
                Some((plan, w)) if parent == 0 && self.map.key_is(key, plan.items_key()) => {
                    self.window_items(idx as u32, depth + 1, plan, w)?
                }
                _ => self.array(idx as u32, depth + 1)?,
            },
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'N') if self.b[self.i..].starts_with(b"NaN") => {
                return Err(self.syntax("`NaN` is not a JSON value; use a number"))
            }
            Some(b'I') if self.b[self.i..].starts_with(b"Infinity") => {
                return Err(self.syntax("`Infinity` is not a JSON value; use a number"))
            }
            Some(b'\'') => return Err(self.syntax("strings are written in double quotes `\"` in JSON, not `'`")),
            _ => return Err(self.syntax(format!("expected a JSON value, found {}", self.describe_here()))),
        })
    }

    pub(super) fn enter(&mut self, depth: usize) -> Result<(), SourceError> {
        if depth > self.limits.max_depth {
            return Err(SourceError::TooDeep {
                limit: self.limits.max_depth,
                position: self.pos(),
                pointer: self.complete_pointer(),
            });
        }
        self.bump();
        self.skip_ws();
        Ok(())
    }

    /// Links `child` as the next child of `container`.
    pub(super) fn link(&mut self, container: u32, last: &mut u32, child: u32) {
        if *last == NONE {
            self.map.nodes[container as usize].first_child = child;
        } else {
            self.map.nodes[*last as usize].next_sibling = child;
        }
        *last = child;
    }

    pub(super) fn object(&mut self, me: u32, depth: usize) -> Result<Value, SourceError> {
        self.enter(depth)?;
        let mut last = NONE;
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Value::Object(Map::new()));
        }
        let from = self.members.len();
        // Set once the object has HASH_DUPLICATES_FROM members.
        let mut large: Option<Map<String, Value>> = None;
        loop {
            if self.peek() != Some(b'"') {
                let msg = if self.peek() == Some(b'}') {
                    "trailing comma before `}`: remove the last `,`".to_string()
                } else {
                    format!("expected a key in double quotes, found {}", self.describe_here())
                };
                return Err(self.syntax(msg));
            }
            let kstart = self.pos();
            let key = self.string()?;
            let kspan = Span { start: kstart, end: self.pos() };
            let (raw_start, raw_end) = (kstart.offset + 1, self.i.saturating_sub(1));
            let kept = raw_start >= self.map.source_base as usize
                && raw_end <= self.map.source_base as usize + self.map.source.len();
            let key_ref = if kept && self.b.get(raw_start..raw_end).is_some_and(|r| !r.contains(&b'\\')) {
                KeyRef::Raw { start: raw_start as u32, end: raw_end as u32 }
            } else {
                self.map.escaped_keys.push(key.clone());
                KeyRef::Escaped((self.map.escaped_keys.len() - 1) as u32)
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.syntax(format!("expected `:` after key `{key}`, found {}", self.describe_here())));
            }
            self.bump();
            self.skip_ws();
            // Rare: find the first occurrence among the siblings only when the key repeats.
            // A few siblings are compared directly, cheaper than hashing the key.
            let first =
                if large.as_ref().is_none_or(|m| m.contains_key(&key)) { self.first_key_span(me, &key) } else { None };
            let child = self.map.nodes.len() as u32;
            let v = self.value(me, key_ref, Some(kspan), depth)?;
            self.link(me, &mut last, child);
            if let Some(first) = first {
                let pointer = self.map.pointer_of(child as usize);
                self.duplicates.push(DuplicateKey { pointer, first, second: kspan });
            }
            match &mut large {
                Some(map) => _ = map.insert(key, v),
                None => {
                    self.members.push((key, v));
                    if self.members.len() - from >= HASH_DUPLICATES_FROM {
                        large = Some(self.members.drain(from..).collect());
                    }
                }
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_ws();
                }
                Some(b'}') => {
                    self.bump();
                    // A repeated key keeps its first place and takes the later value, as in serde_json.
                    let map = large.unwrap_or_else(|| {
                        let mut map = Map::with_capacity(self.members.len() - from);
                        map.extend(self.members.drain(from..));
                        map
                    });
                    return Ok(Value::Object(map));
                }
                _ => {
                    return Err(
                        self.syntax(format!("expected `,` or `}}` after a member, found {}", self.describe_here()))
                    )
                }
            }
        }
    }

    /// The key span of the first child of `object` named `key`.
    fn first_key_span(&self, object: u32, key: &str) -> Option<Span> {
        let mut c = self.map.nodes[object as usize].first_child;
        while c != NONE {
            let n = self.map.nodes[c as usize];
            if self.map.key_is(n.key, key) {
                return n.entry.key;
            }
            c = n.next_sibling;
        }
        None
    }

    pub(super) fn array(&mut self, me: u32, depth: usize) -> Result<Value, SourceError> {
        self.enter(depth)?;
        let mut items = Vec::new();
        let mut children = Vec::new();
        let mut last = NONE;
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            if self.peek() == Some(b']') {
                return Err(self.syntax("trailing comma before `]`: remove the last `,`"));
            }
            let child = self.map.nodes.len() as u32;
            let v = self.value(me, KeyRef::Index(items.len() as u32), None, depth)?;
            self.link(me, &mut last, child);
            children.push(child);
            items.push(v);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                    self.skip_ws();
                }
                Some(b']') => {
                    self.bump();
                    if children.len() >= INDEXED_ARRAY {
                        self.map.arrays.insert(me, (0, children));
                    }
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(
                        self.syntax(format!("expected `,` or `]` after an item, found {}", self.describe_here()))
                    )
                }
            }
        }
    }

    pub(super) fn literal(&mut self, word: &str, v: Value) -> Result<Value, SourceError> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.skip_line_bytes(self.i + word.len());
            Ok(v)
        } else {
            Err(self.syntax(format!("expected a JSON value, found {}", self.describe_here())))
        }
    }

    pub(super) fn number(&mut self) -> Result<Value, SourceError> {
        let start = self.i;
        let start_pos = self.pos();
        if self.peek() == Some(b'-') {
            self.bump();
        }
        let digits = |r: &mut Self| {
            let s = r.i;
            let n = r.b.get(s..).unwrap_or_default().iter().take_while(|c| c.is_ascii_digit()).count();
            (r.i, r.col) = (s + n, r.col + n);
            n
        };
        let int_start = self.i;
        let n = digits(self);
        if n == 0 {
            return Err(self.syntax("expected a digit in the number"));
        }
        if n > 1 && self.b[int_start] == b'0' {
            return Err(SourceError::Syntax {
                message: "numbers do not start with `0` in JSON".into(),
                position: start_pos,
                pointer: self.complete_pointer(),
            });
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            float = true;
            self.bump();
            if digits(self) == 0 {
                return Err(self.syntax("expected a digit after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            float = true;
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if digits(self) == 0 {
                return Err(self.syntax("expected a digit in the exponent"));
            }
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("0");
        if !float {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::Number(i.into()));
            }
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Value::Number(u.into()));
            }
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Value::Number(n)),
            _ => Err(SourceError::Syntax {
                message: format!("number `{}` is out of range", abbreviate(text)),
                position: start_pos,
                pointer: self.complete_pointer(),
            }),
        }
    }

    /// The end of the run of plain string bytes from `from`: the first quote,
    /// backslash or control byte (so no newline), or the end of the input.
    fn run_end(&self, from: usize) -> usize {
        let rest = self.b.get(from..).unwrap_or_default();
        let quote = memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len());
        let run = &rest[..quote];
        // A control byte is rare (an error): a check of every byte without an
        // early exit first, then its place.
        let control = run.iter().fold(false, |found, &c| found | (c < 0x20));
        from + if control { run.iter().position(|&c| c < 0x20).unwrap_or(quote) } else { quote }
    }

    pub(super) fn string(&mut self) -> Result<String, SourceError> {
        self.bump(); // opening quote
                     // Most strings have no escape: one allocation of their exact size.
        let end = self.run_end(self.i);
        if self.b.get(end) == Some(&b'"') {
            let run = match self.text {
                Some(text) => text.get(self.i..end),
                None => std::str::from_utf8(&self.b[self.i..end]).ok(),
            };
            if let Some(run) = run {
                let out = run.to_owned();
                self.skip_line_bytes(end + 1);
                return Ok(out);
            }
        }
        // At least the run before the first escape.
        let mut out = String::with_capacity(end.saturating_sub(self.i));
        loop {
            let run_start = self.i;
            let (run_line, run_col) = (self.line, self.col);
            self.skip_line_bytes(self.run_end(run_start));
            // Checked once with the whole text, when it was.
            let checked = self.text.and_then(|text| text.get(run_start..self.i));
            match checked.map_or_else(|| std::str::from_utf8(&self.b[run_start..self.i]), Ok) {
                Ok(run) => out.push_str(run),
                Err(e) => {
                    (self.i, self.line, self.col) = (run_start, run_line, run_col);
                    self.advance_to(run_start + e.valid_up_to());
                    return Err(SourceError::Utf8 { position: self.pos() });
                }
            }
            match self.peek() {
                None => return Err(self.syntax("the file ends inside a string: a closing `\"` is missing")),
                Some(b'"') => {
                    self.bump();
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.bump();
                    let esc = self.peek();
                    self.bump();
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if self.peek() == Some(b'\\') && self.b.get(self.i + 1) == Some(&b'u') {
                                    self.bump();
                                    self.bump();
                                    let lo = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&lo) {
                                        return Err(self.syntax(
                                            "`\\u` escape: a high surrogate must be followed by a low surrogate",
                                        ));
                                    }
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            match c {
                                Some(c) => out.push(c),
                                None => {
                                    return Err(
                                        self.syntax("`\\u` escape names a lone surrogate, which is not a character")
                                    )
                                }
                            }
                        }
                        _ => {
                            return Err(self.syntax(
                                "unknown escape in a string; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                            ))
                        }
                    }
                }
                Some(_) => return Err(self.syntax(format!("{} inside a string must be escaped", self.describe_here()))),
            }
        }
    }

    pub(super) fn hex4(&mut self) -> Result<u32, SourceError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = self.peek().and_then(|c| (c as char).to_digit(16));
            match d {
                Some(d) => {
                    v = v * 16 + d;
                    self.bump();
                }
                None => return Err(self.syntax("`\\u` escape needs four hex digits")),
            }
        }
        Ok(v)
    }
}

pub(super) fn abbreviate(s: &str) -> String {
    if s.len() > 40 {
        format!("{}…", &s[..40])
    } else {
        s.to_string()
    }
}

/// Moves past one byte, counting lines and (UTF-8 aware) columns; the reader
/// and the list scan share it so their positions agree.
pub(super) fn step(b: &[u8], i: &mut usize, line: &mut usize, col: &mut usize) {
    if let Some(&c) = b.get(*i) {
        if c == b'\n' {
            *line += 1;
            *col = 1;
        } else if c & 0xC0 != 0x80 {
            *col += 1;
        }
        *i += 1;
    }
}
