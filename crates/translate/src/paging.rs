//! Lists: items in order, and paging (`nextToken`, `count`, `page_info`) carried only where its meaning survives.

use crate::{codes, note, Ctx};
use invokecfg_model::*;

impl Ctx<'_> {
    pub(crate) fn list(&self, l: ConfigList, notes: &mut Vec<Diagnostic>) -> ConfigList {
        let items_key = self.source.key(Field::ListItems);
        let n = l.items.len() as i64;
        let items: Vec<AsyncInvokeConfig> = l
            .items
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let p = format!("/{items_key}/{i}");
                let mut out = self.config(c, &p, notes);
                // FC 3.0 list items (`AsyncConfig`) have no qualifier field; only a
                // single document may carry the query-string qualifier.
                if self.target == Dialect::AlibabaFc3 && self.source != Dialect::AlibabaFc3 {
                    if let Some(q) = out.function.as_mut().and_then(|f| f.qualifier.take()) {
                        let code = if q == Qualifier::Latest { codes::IDENTITY_IMPLICIT } else { codes::FIELD_DROPPED };
                        notes.push(
                            note(
                                code,
                                &self.identity_pointer(&p),
                                format!(
                                    "qualifier `{}` is not carried: FC 3.0 list items (`AsyncConfig`) have no qualifier",
                                    q.to_alibaba()
                                ),
                            )
                            .with_help("translate this config on its own: a single FC 3.0 document keeps the qualifier of its query string"),
                        );
                    }
                }
                out
            })
            .collect();
        let paging = match (l.paging, self.target) {
            (p @ Paging::Alibaba { .. }, t) if t == self.source => p,
            (Paging::Huawei { count, mut page_info }, Dialect::Huawei) => {
                let count = match count {
                    Some(c) if c < 0 => {
                        notes.push(note(
                            codes::PAGING_NOT_CARRIED,
                            "/count",
                            format!("`count` {c} is negative; written as the {n} item(s) carried"),
                        ));
                        Some(n)
                    }
                    c => c,
                };
                if page_info.as_ref().is_some_and(|pi| pi.current_count.is_some_and(|c| c < 0)) {
                    notes.push(note(
                        codes::PAGING_NOT_CARRIED,
                        "/page_info",
                        "`page_info` has a negative `current_count` and is not carried",
                    ));
                    page_info = None;
                }
                if let Some(pi) = page_info.as_mut() {
                    let unknown = std::mem::take(&mut pi.unknown);
                    let dropped = unknown.into_iter().map(|(k, v)| {
                        (format!("/page_info/{}", invokecfg_model::document::escape_pointer_token(&k)), v)
                    });
                    self.carry_unknown(dropped.collect(), "", notes);
                }
                Paging::Huawei { count, page_info }
            }
            (Paging::Alibaba { next_token }, t) => {
                if let Some(token) = next_token {
                    notes.push(
                        note(
                            codes::PAGING_NOT_CARRIED,
                            "/nextToken",
                            format!("`nextToken` `{token}` pages the source API and is not carried"),
                        )
                        .with_help("list the remaining pages on the source and translate each"),
                    );
                }
                if t == Dialect::Huawei {
                    // `count` is the total over every page, which no Function Compute list states.
                    if n > 0 {
                        notes.push(
                            note(codes::PAGING_NOT_CARRIED, "",
                                format!("`count` (the total number of configs) is not written: the source lists {n} on this page and does not state the total"),
                            )
                            .with_help("FunctionGraph's own List response states it; a translated list is a set of configs to apply, one by one"),
                        );
                    }
                    Paging::Huawei { count: None, page_info: None }
                } else {
                    Paging::Alibaba { next_token: None }
                }
            }
            (Paging::Huawei { count, page_info }, _) => {
                if count.is_some() || page_info.is_some() {
                    notes.push(
                        note(
                            codes::PAGING_NOT_CARRIED,
                            "/page_info",
                            "`count` and `page_info` page the FunctionGraph API and are not carried",
                        )
                        .with_help("list the remaining pages on the source and translate each"),
                    );
                }
                Paging::Alibaba { next_token: None }
            }
        };
        let unknown = self.carry_unknown(l.unknown, "", notes);
        ConfigList { items, paging, unknown }
    }
}
