//! Long list documents, a window of items at a time.
//!
//! A list document of 200,000 items held whole (value, span tree) costs about
//! 25 bytes of memory per byte of input. [`ListPlan::scan`] finds where each
//! item of the top-level items array is without building anything, and
//! [`parse_window`] then reads the document with only some of its items:
//! the rest of the document whole, the items outside the window jumped over.
//! Every window is read by the same reader as [`parse`](super::parse), and
//! keeps the items' real indices in its spans and pointers, so the windows
//! of a plan together check every byte once and say what one whole parse says.

use super::*;
use std::ops::Range;

/// Where the items of a list document are: found by a scan that builds no
/// value, for reading the document a window of items at a time.
#[derive(Debug, Clone)]
pub struct ListPlan {
    items_key: String,
    /// The position of each item's first byte.
    starts: Vec<Position>,
    /// Just past each item's last byte.
    ends: Vec<u32>,
    /// The position of the array's closing `]`.
    close: Position,
}

/// The window of a list document's items that a [`ParsedSource`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWindow {
    /// The top-level member holding the items, e.g. `configs`.
    pub items_key: String,
    /// The index, in the whole list, of the window's first item.
    pub first: usize,
    /// How many items the whole list has.
    pub total: usize,
}

impl ItemWindow {
    /// `pointer` (into the window's value) as a pointer into the whole document.
    pub fn to_document(&self, pointer: &str) -> String {
        self.shift(pointer, |i| i.checked_add(self.first)).unwrap_or_else(|| pointer.to_string())
    }

    /// `pointer` (into the whole document) as a pointer into the window's
    /// value; `None` for an item outside the window.
    pub fn to_window(&self, pointer: &str) -> Option<String> {
        self.shift(pointer, |i| i.checked_sub(self.first))
    }

    fn shift(&self, pointer: &str, f: impl Fn(usize) -> Option<usize>) -> Option<String> {
        let Some(rest) = pointer.strip_prefix('/').and_then(|p| p.strip_prefix(self.items_key.as_str())) else {
            return Some(pointer.to_string());
        };
        let Some(rest) = rest.strip_prefix('/') else { return Some(pointer.to_string()) };
        let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let Ok(i) = index.parse::<usize>() else { return Some(pointer.to_string()) };
        if index != "0" && index.starts_with('0') {
            return Some(pointer.to_string());
        }
        Some(format!("/{}/{}{tail}", self.items_key, f(i)?))
    }
}

impl ListPlan {
    /// The plan of a list document (of any dialect) of more than `size`
    /// items, to read `size` items at a time; `None` when it is read whole.
    pub fn for_windows(bytes: &[u8], size: usize) -> Option<ListPlan> {
        // Every item takes at least 3 bytes (`{},`): shorter sources cannot need windows.
        // Longer than a read allows: the whole read says so.
        if bytes.len() <= size.saturating_mul(3) || bytes.len() > Limits::DEFAULT.max_bytes {
            return None;
        }
        let keys: Vec<&str> = crate::Dialect::ALL.iter().map(|d| d.list_items_key()).collect();
        ListPlan::scan(bytes, &keys).filter(|plan| plan.len() > size)
    }

    /// The plan of `bytes` when they are one object whose member named one
    /// of `items_keys` (once, with no key written with escapes beside it) is
    /// an array; `None` otherwise, or when the bytes are not JSON where the
    /// scan looks. A `None` means: read the document whole.
    pub fn scan(bytes: &[u8], items_keys: &[&str]) -> Option<ListPlan> {
        let mut s = Scan { b: bytes, i: 0, line: 1, col: 1 };
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            s.i = 3;
        }
        s.ws();
        s.eat(b'{')?;
        let mut plan: Option<ListPlan> = None;
        s.ws();
        if s.peek() == Some(b'}') {
            return None;
        }
        loop {
            let key = s.key()?;
            s.ws();
            s.eat(b':')?;
            s.ws();
            let matched = items_keys.iter().any(|k| k.as_bytes() == key);
            if matched && plan.is_some() {
                return None;
            }
            if matched && s.peek() == Some(b'[') {
                let items_key = std::str::from_utf8(key).ok()?.to_string();
                plan = Some(s.items(items_key)?);
            } else {
                s.skip_value()?;
            }
            s.ws();
            match s.peek()? {
                b',' => {
                    s.bump();
                    s.ws();
                }
                b'}' => return plan,
                _ => return None,
            }
        }
    }

    /// How many items the list has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the list has no items.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The member holding the items.
    pub fn items_key(&self) -> &str {
        &self.items_key
    }

    /// The windows of at most `size` items (at least one) that cover the list.
    pub fn windows(&self, size: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let size = size.max(1);
        (0..self.len().div_ceil(size).max(1)).map(move |w| w * size..((w + 1) * size).min(self.len()))
    }
}

/// Reads `source` (the bytes `plan` was made from) with only the items of
/// `window`: the value's items array holds those items, and every pointer
/// and span names them by their index in the whole list.
///
/// An error is the first one in the bytes this window reads. Read the whole
/// document with [`parse`](super::parse) for the error a user is shown: the
/// windows of a plan report the same errors, but not necessarily first.
pub fn parse_window(
    source: &[u8],
    plan: &ListPlan,
    window: Range<usize>,
    limits: Limits,
) -> Result<ParsedSource, SourceError> {
    too_large(source, limits)?;
    // The window's bytes are kept for its keys; room for its values, not the
    // whole list's (about one per 12 bytes).
    let keys = match (plan.starts.get(window.start), window.end.checked_sub(1).and_then(|l| plan.ends.get(l))) {
        (Some(s), Some(&e)) => s.offset..e as usize,
        _ => 0..0,
    };
    let mut r = Reader::new(source, keys.clone(), limits);
    r.map.nodes = Vec::with_capacity(keys.len() / 12 + 64);
    let first = window.start;
    r.window = Some((plan, window));
    let mut parsed = finish(r, source)?;
    parsed.window = Some(ItemWindow { items_key: plan.items_key.clone(), first, total: plan.len() });
    Ok(parsed)
}

impl Reader<'_> {
    /// The items array of a windowed read: only the window's items, each
    /// checked to end where the scan said it does.
    pub(super) fn window_items(
        &mut self,
        me: u32,
        depth: usize,
        plan: &ListPlan,
        window: Range<usize>,
    ) -> Result<Value, SourceError> {
        self.enter(depth)?;
        let mut items = Vec::with_capacity(window.len());
        let mut children = Vec::with_capacity(window.len());
        let mut last = NONE;
        for k in window.clone() {
            let (Some(start), Some(&end)) = (plan.starts.get(k), plan.ends.get(k)) else { break };
            self.jump(*start);
            let child = self.map.nodes.len() as u32;
            let v = self.value(me, KeyRef::Index(k as u32), None, depth)?;
            if self.i != end as usize {
                return Err(self.syntax("expected `,` or `]` after an item"));
            }
            self.link(me, &mut last, child);
            children.push(child);
            items.push(v);
        }
        self.jump(plan.close);
        if self.peek() != Some(b']') {
            return Err(self.syntax("expected `]` at the end of the list"));
        }
        self.bump();
        self.map.arrays.insert(me, (window.start as u32, children));
        Ok(Value::Array(items))
    }
}

/// The scan: just enough of JSON to find where values begin and end.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
}

impl<'a> Scan<'a> {
    fn pos(&self) -> Position {
        Position { line: self.line, column: self.col, offset: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        super::reader::step(self.b, &mut self.i, &mut self.line, &mut self.col);
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.bump())
    }

    /// A key with no escapes: its raw bytes.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.i;
        self.string_rest()?;
        let b = self.b;
        let raw = b.get(start..self.i - 1)?;
        (!raw.contains(&b'\\')).then_some(raw)
    }

    /// After an opening quote: to just past the closing one. Strings hold no
    /// raw newline in JSON; one that does is left to the reader to report.
    fn string_rest(&mut self) -> Option<()> {
        loop {
            match self.peek()? {
                b'"' => {
                    self.bump();
                    return Some(());
                }
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'\n' => return None,
                _ => self.bump(),
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.bump();
                self.string_rest()
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.bump();
                            self.string_rest()?;
                        }
                        b'{' | b'[' => {
                            depth += 1;
                            self.bump();
                        }
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            self.bump();
                            if depth == 0 {
                                return Some(());
                            }
                        }
                        _ => self.bump(),
                    }
                }
            }
            _ => {
                let start = self.i;
                while !matches!(self.peek(), None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.bump();
                }
                (self.i > start).then_some(())
            }
        }
    }

    fn items(&mut self, items_key: String) -> Option<ListPlan> {
        self.eat(b'[')?;
        self.ws();
        let mut plan = ListPlan { items_key, starts: Vec::new(), ends: Vec::new(), close: self.pos() };
        if self.peek() == Some(b']') {
            return Some(plan);
        }
        loop {
            plan.starts.push(self.pos());
            self.skip_value()?;
            plan.ends.push(u32::try_from(self.i).ok()?);
            self.ws();
            match self.peek()? {
                b',' => {
                    self.bump();
                    self.ws();
                }
                b']' => {
                    plan.close = self.pos();
                    self.bump();
                    return Some(plan);
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows_agree(text: &str, size: usize) {
        let bytes = text.as_bytes();
        let whole = parse(text.as_bytes()).unwrap();
        let plan = ListPlan::scan(bytes, &["configs"]).unwrap();
        let items = whole.value["configs"].as_array().unwrap();
        assert_eq!(plan.len(), items.len());
        for w in plan.windows(size) {
            let p = parse_window(bytes, &plan, w.clone(), Limits::DEFAULT).unwrap();
            let win = p.window.clone().unwrap();
            assert_eq!(p.value["configs"].as_array().unwrap()[..], items[w.clone()]);
            for k in w.clone() {
                let ptr = format!("/configs/{k}/a");
                assert_eq!(p.spans.get(&ptr), whole.spans.get(&ptr), "{ptr}");
                assert_eq!(win.to_window(&ptr), Some(format!("/configs/{}/a", k - w.start)));
                assert_eq!(win.to_document(&format!("/configs/{}/a", k - w.start)), ptr);
            }
            assert_eq!(p.spans.get("/next"), whole.spans.get("/next"));
            assert!(p.spans.get(&format!("/configs/{}", w.end)).is_none());
        }
    }

    #[test]
    fn windows_read_what_the_whole_parse_reads() {
        let text = "\u{feff}{\"x\": {\"y\": [1, \"]\"]}, \"configs\": [\n  {\"a\": \"é\\\"}\"},\n  {\"a\": [1, {\"b\": null}]} , {\"a\": 2}, {\"a\": true}, {\"a\": -1.5e3}\n], \"next\": \"t\"}";
        for size in 1..=6 {
            windows_agree(text, size);
        }
    }

    #[test]
    fn not_a_plan() {
        for text in [
            "[1]",
            "{}",
            "{\"configs\": 1}",
            "{\"configs\": [], \"configs\": []}",
            "{\"conf\\u0069gs\": [1]}",
            "{\"configs\": [1,]",
        ] {
            let plan = ListPlan::scan(text.as_bytes(), &["configs"]);
            assert!(plan.is_none() || plan.is_some_and(|p| p.is_empty()), "{text}");
        }
    }

    #[test]
    fn a_window_reports_errors_in_its_items() {
        let text = "{\"configs\": [{\"a\": 1}, {\"a\": 01}, {\"a\": 3}]}";
        let bytes = text.as_bytes();
        let plan = ListPlan::scan(bytes, &["configs"]).unwrap();
        assert!(parse_window(bytes, &plan, 0..1, Limits::DEFAULT).is_ok());
        assert!(parse_window(bytes, &plan, 1..2, Limits::DEFAULT).is_err());
    }
}
