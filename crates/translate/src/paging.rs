//! Lists: items in order, and paging (a next-page token, a total, a page
//! position) carried only where its meaning survives: within one dialect.

use crate::extensions::carry_unknown;
use crate::{codes, note, Ctx, Pair};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::*;
use serde_json::Value;

impl Ctx<'_> {
    /// The list and where its document-level notes begin in `notes`.
    pub(crate) fn list(&self, l: ConfigList, notes: &mut Vec<Diagnostic>) -> (ConfigList, usize) {
        let (sl, tl) = (&self.pair.source_spec.list, &self.pair.target_spec.list);
        let n = self.list_total.unwrap_or(l.items.len()) as i64;
        let items: Vec<AsyncInvokeConfig> = l
            .items
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let p = format!("/{}/{i}", sl.items);
                let source_latest = c.function.as_ref().is_some_and(|f| f.qualifier == Some(Qualifier::Latest));
                let fp = self.identity_pointer(&p);
                let mut out = self.config(c, &p, &fp, notes);
                // Only a single document may carry the qualifier of its query string.
                if !tl.items_qualified && sl.items_qualified {
                    // A latest qualifier the target leaves implicit is already gone from
                    // the mapped identity: its item is noted all the same, so that
                    // items told apart by qualifier in the source are each accounted for.
                    let dropped = match out.function.as_mut() {
                        Some(f) => f.qualifier.take().or(source_latest.then_some(Qualifier::Latest)),
                        None => None,
                    };
                    if let Some(q) = dropped {
                        let (code, reads) = if q == Qualifier::Latest {
                            (codes::IDENTITY_IMPLICIT, "the unqualified function, as the source meant")
                        } else {
                            (codes::FIELD_DROPPED, "the unqualified function instead")
                        };
                        // The source's spelling: the note points at the source.
                        let text = (provider_codec(self.pair.source_spec.provider).qualifier_text)(&q);
                        let label = self.pair.target_spec.label;
                        notes.push(
                            note(
                                code,
                                &fp,
                                text!(
                                    "qualifier `",
                                    text,
                                    "` is not carried: ",
                                    label,
                                    " list items have no qualifier, so the item names ",
                                    reads
                                ),
                            )
                            .with_help(text!(
                                "translate this config on its own: a single ",
                                label,
                                " document keeps the qualifier of its query string"
                            )),
                        );
                    }
                }
                out
            })
            .collect();
        let split = notes.len();
        let paging = if self.pair.source == self.pair.target {
            same_paging(self.pair.source, l.paging, n, notes)
        } else {
            cross_paging(self.pair, l.paging, n, notes)
        };
        let unknown = carry_unknown(self.pair.source, l.unknown, "", notes);
        (ConfigList { items, paging, unknown }, split)
    }
}

/// Within one dialect paging is kept, except values the API never returns.
pub(crate) fn same_paging(source: Dialect, mut paging: Paging, n: i64, notes: &mut Vec<Diagnostic>) -> Paging {
    let list = &source.spec().list;
    if let (Some(key), Some(total)) = (list.total, paging.total) {
        if total < 0 {
            notes.push(note(
                codes::PAGING_NOT_CARRIED,
                &format!("/{key}"),
                format!("`{key}` {total} is negative; written as the {n} item(s) carried"),
            ));
            paging.total = Some(n);
        }
    }
    let mut position = Vec::new();
    for (pointer, value) in std::mem::take(&mut paging.position) {
        let Value::Object(mut map) = value else { continue };
        if map.values().any(|v| v.as_i64().is_some_and(|i| i < 0)) {
            notes.push(note(
                codes::PAGING_NOT_CARRIED,
                &pointer,
                format!("`{}` has a negative marker or count and is not carried", pointer.trim_start_matches('/')),
            ));
            continue;
        }
        let unknown: Vec<String> = map.keys().filter(|k| !list.position_keys.contains(&k.as_str())).cloned().collect();
        let dropped = unknown.into_iter().filter_map(|k| {
            let v = map.remove(&k)?;
            Some((format!("{pointer}/{}", invokecfg_model::document::escape_pointer_token(&k)), v))
        });
        carry_unknown(source, dropped.collect(), "", notes);
        position.push((pointer, Value::Object(map)));
    }
    paging.position = position;
    paging
}

pub(crate) fn cross_paging(pair: Pair, paging: Paging, n: i64, notes: &mut Vec<Diagnostic>) -> Paging {
    let (sl, tl) = (&pair.source_spec.list, &pair.target_spec.list);
    if let (Some(token), Some(key)) = (&paging.next_token, sl.next_token) {
        notes.push(
            note(
                codes::PAGING_NOT_CARRIED,
                &format!("/{key}"),
                format!("`{key}` `{token}` pages the source API and is not carried"),
            )
            .with_help("list the remaining pages on the source and translate each"),
        );
    }
    let stated: Vec<&str> = [(sl.total, paging.total.is_some()), (sl.position, !paging.position.is_empty())]
        .into_iter()
        .filter_map(|(k, present)| k.filter(|_| present))
        .collect();
    if !stated.is_empty() {
        let keys = stated.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" and ");
        let at = sl.position.filter(|_| !paging.position.is_empty()).or(sl.total).unwrap_or_default();
        notes.push(
            note(
                codes::PAGING_NOT_CARRIED,
                &format!("/{at}"),
                format!("{keys} page the {} API and are not carried", pair.source_spec.label),
            )
            .with_help("list the remaining pages on the source and translate each"),
        );
    }
    if let Some(total) = tl.total {
        // The total over every page, which a source that does not state it cannot give.
        if n > 0 && paging.total.is_none() {
            notes.push(
                note(codes::PAGING_NOT_CARRIED, "",
                    format!("`{total}` (the total number of configs) is not written: the source lists {n} on this page and does not state the total"),
                )
                .with_help(format!("{}'s own List response states it; a translated list is a set of configs to apply, one by one", pair.target_spec.label)),
            );
        }
    }
    Paging::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_is_not_carried_across_dialects() {
        let pair = Pair::new(Dialect::AlibabaFc2, Dialect::AlibabaFc3);
        let paging = Paging { next_token: Some("t".into()), ..Paging::default() };
        let mut notes = Vec::new();
        assert_eq!(cross_paging(pair, paging, 3, &mut notes), Paging::default());
        let key = pair.source_spec.list.next_token.unwrap_or_default();
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].code.as_str(), notes[0].pointer.clone()), (codes::PAGING_NOT_CARRIED, format!("/{key}")));
    }

    #[test]
    fn a_negative_total_is_written_as_the_items_carried() {
        let source = Dialect::Huawei;
        let key = source.spec().list.total.unwrap_or_default();
        assert!(!key.is_empty(), "FunctionGraph's List response states a total");
        let paging = Paging { total: Some(-1), ..Paging::default() };
        let mut notes = Vec::new();
        assert_eq!(same_paging(source, paging, 2, &mut notes).total, Some(2));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].pointer, format!("/{key}"));
    }
}
