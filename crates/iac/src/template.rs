//! Interpolated identifiers translated as templates: where an interpolation
//! is a whole region or account part of an ARN/URN
//! (`"acs:mns:${var.region}:${local.uid}:/topics/${var.t}/messages"`), the
//! literal parts are translated and the interpolations kept in their new
//! places (`"urn:smn:${var.region}:${local.uid}:${var.t}"`).
//!
//! The translator reads only literal identifiers, so each such part is given
//! a sentinel value in the source's shape, paired with a sentinel in the
//! target's shape by an entry added to a copy of the mapping; after the
//! translation the target's sentinel becomes the placeholder again.

use crate::codes::{self, note};
use crate::text::{is_placeholder, one_line};
use crate::Found;
use invokecfg_model::{Diagnostic, Dialect, Provider};
use invokecfg_translate::codes::{BUILTIN_REGION_PAIR, IDENTITY_RESOLVED};
use invokecfg_translate::mapping::{pair_index, Tables, PAIRS};
use invokecfg_translate::Mapping;
use serde_json::Value;
use std::borrow::Cow;

/// Which part of an identifier an interpolation stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Region,
    Account,
}

/// One interpolation standing for a whole part, with its two sentinels.
#[derive(Debug, Clone)]
pub(crate) struct Swap {
    placeholder: String,
    part: Part,
    source: String,
    target: String,
}

/// The template expressions of a document: their pointers and swaps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Templates {
    swaps: Vec<Swap>,
    /// The pointers of the strings whose parts were swapped.
    pub pointers: Vec<String>,
}

/// The indexes of the region and account parts of an identifier split at
/// `:`, from the grammar of the provider whose scheme it starts with.
fn part_indexes(parts: &[&str]) -> Option<(usize, usize)> {
    let scheme = parts.first()?;
    let grammar = Provider::ALL.into_iter().map(|p| p.spec().identifier).find(|g| g.scheme == *scheme)?;
    Some((grammar.region, grammar.account))
}

/// A value of `part` in `provider`'s shape that no real config holds
/// (regions with the unused `zz` prefix, in the shape even Lambda's ARN
/// pattern admits; accounts of nines, projects of `f`); all of one length,
/// so none is a prefix of another.
fn sentinel(provider: Provider, part: Part, n: usize, side: char) -> String {
    match part {
        Part::Region => {
            let letters: String =
                [n / 676 % 26, n / 26 % 26, n % 26].iter().map(|d| (b'a' + *d as u8) as char).collect();
            format!("zz-invokecfg{side}{letters}-9")
        }
        Part::Account => {
            let (width, fill) = provider.spec().account_id;
            // The side's digit keeps source and target sentinels apart.
            let tail = format!("{}{n:04}", if side == 's' { 1 } else { 2 });
            let head: String = std::iter::repeat_n(fill, width.saturating_sub(tail.len())).collect();
            format!("{head}{tail}")
        }
    }
}

/// Replaces the interpolations that are whole region or account parts of
/// identifiers in `doc` with sentinels; returns the mapping that pairs them.
pub(crate) fn prepare<'m>(
    f: &Found,
    doc: &mut Value,
    from: Dialect,
    target: Dialect,
    mapping: &'m Mapping,
) -> (Cow<'m, Mapping>, Templates) {
    let mut t = Templates::default();
    let (sp, tp) = (from.provider(), target.provider());
    for e in &f.expressions {
        let Some(Value::String(s)) = doc.pointer(&e.pointer) else { continue };
        if is_placeholder(s) || !s.contains(crate::PLACEHOLDER) {
            continue;
        }
        let mut parts: Vec<String> = s.split(':').map(str::to_string).collect();
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let Some((region, account)) = part_indexes(&refs) else { continue };
        let mut swapped = false;
        for (i, part) in [(region, Part::Region), (account, Part::Account)] {
            let Some(p) = parts.get(i).filter(|p| is_placeholder(p)).cloned() else { continue };
            let swap = match t.swaps.iter().find(|w| w.placeholder == p && w.part == part) {
                Some(w) => w.clone(),
                None => {
                    let n = t.swaps.len();
                    let source = sentinel(sp, part, n, 's');
                    // Within one provider identifiers are kept as they are.
                    let target = if sp == tp { source.clone() } else { sentinel(tp, part, n, 't') };
                    let w = Swap { placeholder: p, part, source, target };
                    t.swaps.push(w.clone());
                    w
                }
            };
            parts[i] = swap.source;
            swapped = true;
        }
        if swapped {
            if let Some(v) = doc.pointer_mut(&e.pointer) {
                *v = Value::String(parts.join(":"));
            }
            t.pointers.push(e.pointer.clone());
        }
    }
    if sp == tp || t.swaps.is_empty() {
        return (Cow::Borrowed(mapping), t);
    }
    let mut mapping = mapping.clone();
    {
        if let Some((i, pair)) = pair_index(sp, tp).and_then(|i| Some((i, PAIRS.get(i)?))) {
            while let Some(next) = PAIRS.get(mapping.pairs.len()).filter(|_| mapping.pairs.len() <= i) {
                mapping.pairs.push(Tables { path: next.path, ..Tables::default() });
            }
            let Some(tables) = mapping.pairs.get_mut(i) else { return (Cow::Owned(mapping), t) };
            for w in &t.swaps {
                let entry = if pair.key_side == sp {
                    (w.source.clone(), w.target.clone())
                } else {
                    (w.target.clone(), w.source.clone())
                };
                match w.part {
                    Part::Region => tables.regions.push(entry),
                    Part::Account => tables.accounts.push(entry),
                }
            }
        }
    }
    (Cow::Owned(mapping), t)
}

impl Templates {
    fn sentinels(&self) -> impl Iterator<Item = &str> {
        self.swaps.iter().flat_map(|w| [w.source.as_str(), w.target.as_str()])
    }

    /// Turns the target's sentinels in `doc` back into placeholders, and
    /// the notes' sentinels too ([`Templates::restore_notes`]).
    pub(crate) fn restore(&self, f: &Found, doc: &mut Value, notes: &mut Vec<Diagnostic>) {
        if self.swaps.is_empty() {
            return;
        }
        self.restore_value(doc);
        self.restore_notes(f, notes);
    }

    /// Drops the notes that explain the sentinels' own resolution and
    /// names the interpolations in the others.
    pub(crate) fn restore_notes(&self, f: &Found, notes: &mut Vec<Diagnostic>) {
        if self.swaps.is_empty() {
            return;
        }
        notes.retain(|n| {
            let about_sentinel = self.sentinels().any(|s| n.message.contains(s));
            !(about_sentinel && (n.code == BUILTIN_REGION_PAIR || n.code == IDENTITY_RESOLVED))
        });
        for n in notes.iter_mut() {
            for w in &self.swaps {
                for s in [&w.source, &w.target] {
                    n.message = n.message.replace(s.as_str(), &w.placeholder);
                    if let Some(h) = &mut n.help {
                        *h = h.replace(s.as_str(), &w.placeholder);
                    }
                }
            }
            n.message = Self::show(f, &n.message);
            n.help = n.help.as_deref().map(|h| Self::show(f, h));
        }
    }

    /// `s` with every placeholder shown as the interpolation it stands for.
    fn show(f: &Found, s: &str) -> String {
        let mut out = s.to_string();
        // Highest first, so `invokecfgexpr1` does not eat into `invokecfgexpr12`.
        for i in (0..f.placeholders.len()).rev() {
            let p = format!("{}{i}", crate::PLACEHOLDER);
            if out.contains(&p) {
                out = out.replace(&p, &interpolation(f, &p));
            }
        }
        out
    }

    fn restore_value(&self, v: &mut Value) {
        match v {
            Value::String(s) => {
                for w in &self.swaps {
                    if s.contains(&w.target) {
                        *s = s.replace(&w.target, &w.placeholder);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| self.restore_value(x)),
            Value::Object(m) => m.values_mut().for_each(|x| self.restore_value(x)),
            _ => {}
        }
    }

    /// The note for a template carried at `pointer`: what its interpolations must now hold.
    pub(crate) fn note(&self, f: &Found, pointer: &str, text: &str, to: &str, target: Dialect) -> Option<Diagnostic> {
        if !self.pointers.iter().any(|p| p == pointer) {
            return None;
        }
        let standin = f.document.pointer(pointer).and_then(Value::as_str).unwrap_or_default();
        let provider = target.provider();
        let held: Vec<String> = self
            .swaps
            .iter()
            .filter(|w| standin.contains(w.placeholder.as_str()))
            .map(|w| {
                let what = match (w.part, provider) {
                    (Part::Region, _) => "region",
                    (Part::Account, Provider::Huawei) => "project id",
                    (Part::Account, _) => "account id",
                };
                format!("`{}` a {} {what}", interpolation(f, &w.placeholder), target.id())
            })
            .collect();
        Some(
            note(
                codes::EXPRESSION_KEPT,
                pointer,
                format!(
                    "`{}` is a template: its literal parts were translated for {to}, its interpolations kept",
                    one_line(text)
                ),
            )
            .with_help(format!(
                "check {} holds {}",
                if held.len() > 1 { "each" } else { "it" },
                held.join(", ")
            )),
        )
    }
}

/// `identifier` with interpolated region and account parts given literal
/// values of `provider`'s shape, for reading its other parts.
pub(crate) fn with_literal_parts(identifier: &str, provider: Provider) -> String {
    let mut parts: Vec<&str> = identifier.split(':').collect();
    let Some((region, account)) = part_indexes(&parts) else { return identifier.to_string() };
    let (r, a) = (sentinel(provider, Part::Region, 0, 's'), sentinel(provider, Part::Account, 0, 's'));
    for (i, v) in [(region, r.as_str()), (account, a.as_str())] {
        if parts.get(i).is_some_and(|p| is_placeholder(p)) {
            parts[i] = v;
        }
    }
    parts.join(":")
}

/// The interpolation a placeholder stands for, as written (`${var.region}`).
fn interpolation(f: &Found, placeholder: &str) -> String {
    let i: usize = placeholder.get(crate::PLACEHOLDER.len()..).and_then(|d| d.parse().ok()).unwrap_or(usize::MAX);
    match f.placeholders.get(i) {
        Some(e) if e.starts_with("${") => e.clone(),
        Some(e) => format!("${{{e}}}"),
        None => placeholder.to_string(),
    }
}
