//! Mapping lookups: a region, account, qualifier or namespace of the
//! source's cloud resolved through the mapping file's tables of the provider
//! pair, the built-in region pairs and the same-name fallbacks, each with
//! the notes that say how (or the entry to add). Memoised per distinct
//! identifier for one translation ([`Lookups`]).

use crate::mapping::{self, Resolved};
use crate::{codes, note, Pair};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::*;
use std::cell::RefCell;

/// What the lookups of one translation read: the pair and its tables.
pub(crate) struct Resolver<'a> {
    pub(crate) pair: Pair,
    /// The mapping tables of this provider pair, and which way they are read.
    pub(crate) direction: mapping::Direction<'a>,
    pub(crate) lookups: Lookups,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(pair: Pair, direction: mapping::Direction<'a>) -> Self {
        Resolver { pair, direction, lookups: Lookups::default() }
    }
}

impl Resolver<'_> {
    /// The target's region for `region`, with its notes; looked up and
    /// formatted once per distinct region ([`Lookups`]).
    pub(crate) fn map_region(&self, region: &str, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        self.lookups.regions.get_or(region, pointer, notes, |notes| self.look_up_region(region, "", notes))
    }

    fn look_up_region(&self, region: &str, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        let (tables, forward) = (self.direction.tables, self.direction.forward);
        let builtin = mapping::builtin_region(self.direction.builtin, region, forward);
        match mapping::resolve(&tables.regions, region, forward, builtin.map(|(r, _)| r)) {
            Resolved::Entry(r) => {
                self.resolved(Namespace::Region, region, r, None, pointer, notes);
                return Some(r.to_string());
            }
            Resolved::Fallback(r) => {
                let why = builtin.map(|(_, why)| why).unwrap_or_default();
                let (a, h) = if forward { (region, r.as_str()) } else { (r.as_str(), region) };
                notes.push(
                    note(
                        codes::BUILTIN_REGION_PAIR,
                        pointer,
                        format!("region `{region}` mapped to `{r}` by the built-in pair {a} <-> {h} ({why})"),
                    )
                    .with_help(format!(
                        "add {} to the mapping file to choose another",
                        tables.entry_hint("regions", a, "\"...\"")
                    )),
                );
                return Some(r);
            }
            Resolved::Clash { fallback, entry } => {
                self.clash(Namespace::Region, region, &fallback, "the built-in pair", entry, pointer, notes);
                return None;
            }
            Resolved::Missing => {}
        }
        let target_region = format!("\"<{} region>\"", self.pair.target_spec.provider.service_name());
        let help = if forward {
            tables.entry_hint("regions", region, &target_region)
        } else {
            tables.entry_hint(
                "regions",
                &format!("<{} region>", self.pair.target_spec.provider.service_name()),
                &format!("\"{region}\""),
            )
        };
        notes.push(
            note(
                codes::IDENTITY_UNMAPPED,
                pointer,
                format!("region `{region}` has no counterpart: no mapping entry and no built-in pair"),
            )
            .with_help(format!("add {help} to the mapping file")),
        );
        None
    }

    /// The target's account for `account`, with its notes; looked up and
    /// formatted once per distinct account ([`Lookups`]).
    pub(crate) fn map_account(&self, account: &str, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        self.lookups.accounts.get_or(account, pointer, notes, |notes| self.look_up_account(account, "", notes))
    }

    fn look_up_account(&self, account: &str, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<String> {
        let (tables, forward) = (self.direction.tables, self.direction.forward);
        if let Some(a) = mapping::lookup(&tables.accounts, account, forward) {
            self.resolved(Namespace::Account, account, a, None, pointer, notes);
            return Some(a.to_string());
        }
        let (src, tgt) = (self.pair.source_spec.provider, self.pair.target_spec.provider);
        let target_noun = format!("<{} {} id>", tgt.service_name(), tgt.nouns().account);
        let help = if forward {
            tables.entry_hint("accounts", account, &format!("\"{target_noun}\""))
        } else {
            tables.entry_hint("accounts", &target_noun, &format!("\"{account}\""))
        };
        notes.push(
            note(
                codes::IDENTITY_UNMAPPED,
                pointer,
                format!("{} `{account}` has no {} {}", src.nouns().account, tgt.service_name(), tgt.nouns().account),
            )
            .with_help(format!("add {help} to the mapping file")),
        );
        None
    }

    pub(crate) fn map_qualifier(
        &self,
        q: Option<Qualifier>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Qualifier> {
        let (tables, forward) = (self.direction.tables, self.direction.forward);
        let (sc, tc) = (provider_codec(self.pair.source_spec.provider), provider_codec(self.pair.target_spec.provider));
        match q? {
            Qualifier::Latest => Some(Qualifier::Latest),
            Qualifier::Alias(a) => Some(Qualifier::Alias(a)),
            Qualifier::Version(v) => {
                let text = (sc.qualifier_text)(&Qualifier::Version(v.clone()));
                match mapping::resolve(&tables.qualifiers, &text, forward, Some(&text)) {
                    Resolved::Entry(m) => {
                        self.resolved(Namespace::Qualifier, &text, m, None, pointer, notes);
                        Some((tc.read_qualifier)(m))
                    }
                    Resolved::Clash { fallback, entry } => {
                        self.clash(Namespace::Qualifier, &v, &fallback, "keeping it as it is", entry, pointer, notes);
                        None
                    }
                    // A numbered-version provider reads a qualifier that is not a number as an alias.
                    _ if self.pair.target_spec.identity.numeric_versions && !v.bytes().all(|b| b.is_ascii_digit()) => {
                        let placeholder = format!("<{} version>", self.pair.target_spec.provider.service_name());
                        let hint = if forward {
                            tables.entry_hint("qualifiers", &v, &format!("\"{placeholder}\""))
                        } else {
                            tables.entry_hint("qualifiers", &placeholder, &format!("\"{v}\""))
                        };
                        notes.push(
                            note(codes::IDENTITY_UNMAPPED, pointer,
                                format!("{} version `{v}` has no {} counterpart: {} versions are numbers, and an unmapped version is never turned into an alias", self.pair.source_spec.provider.service_name(), self.pair.target_spec.provider.service_name(), self.pair.target_spec.provider.service_name()),
                            )
                            .with_help(format!("add {hint} to the mapping file")),
                        );
                        None
                    }
                    _ => {
                        let placeholder = format!("<{} version>", self.pair.target_spec.provider.service_name());
                        let hint = if forward {
                            tables.entry_hint("qualifiers", &v, &format!("\"{placeholder}\""))
                        } else {
                            tables.entry_hint("qualifiers", &placeholder, &format!("\"{v}\""))
                        };
                        let kept = Qualifier::Version(v.clone());
                        // One verdict per identifier: a version the target cannot hold is
                        // refused here, never "kept" and then refused.
                        let n = match (tc.check_qualifier)(&kept) {
                            Ok(()) => note(
                                codes::QUALIFIER_KEPT,
                                pointer,
                                format!("version `{v}` has no counterpart on {}; kept as it is", self.pair.target.id()),
                            ),
                            Err(e) => note(
                                codes::IDENTITY_UNMAPPED,
                                pointer,
                                format!(
                                    "qualifier `{}` is not valid on {}: {e}",
                                    (tc.qualifier_text)(&kept),
                                    self.pair.target_spec.provider.service_name()
                                ),
                            ),
                        };
                        let refused = n.severity == Severity::Error;
                        notes.push(n.with_help(format!("add {hint} to the mapping file")));
                        (!refused).then_some(kept)
                    }
                }
            }
        }
    }
}

/// Mapping lookups of one translation, memoised per distinct identifier: a
/// list of many functions in a few regions, accounts and namespaces formats
/// each lookup's notes and hints once, and replays them at each use.
#[derive(Default)]
pub(crate) struct Lookups {
    pub(crate) regions: Memo<Option<String>>,
    pub(crate) accounts: Memo<Option<String>>,
    pub(crate) namespaces: Memo<TargetNamespace>,
}

/// One kind of lookup: identifier -> what it gave and the notes it made,
/// which point at `""` until replayed.
pub(crate) struct Memo<V>(RefCell<foldhash::HashMap<String, (V, Vec<Diagnostic>)>>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(RefCell::default())
    }
}

impl<V: Clone> Memo<V> {
    /// What `look` gives for `key` (its notes made pointing at `""`), with
    /// its notes added to `notes` pointing at `pointer`.
    pub(crate) fn get_or(
        &self,
        key: &str,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
        look: impl FnOnce(&mut Vec<Diagnostic>) -> V,
    ) -> V {
        let replay = |made: &[Diagnostic], notes: &mut Vec<Diagnostic>| {
            notes.extend(made.iter().map(|n| Diagnostic { pointer: pointer.to_string(), ..n.clone() }));
        };
        if let Some((value, made)) = self.0.borrow().get(key) {
            replay(made, notes);
            return value.clone();
        }
        let mut made = Vec::new();
        let value = look(&mut made);
        replay(&made, notes);
        self.0.borrow_mut().insert(key.to_string(), (value.clone(), made));
        value
    }
}

/// The namespaces of the composed mapping, as the mapping file names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Namespace {
    Region,
    Account,
    Package,
    Qualifier,
}

impl Namespace {
    fn table(self) -> &'static str {
        match self {
            Namespace::Region => "regions",
            Namespace::Account => "accounts",
            Namespace::Package => "packages",
            Namespace::Qualifier => "qualifiers",
        }
    }

    fn noun(self, p: Provider) -> &'static str {
        match self {
            Namespace::Region => "region",
            Namespace::Account => p.nouns().account,
            Namespace::Package => p.nouns().namespace,
            Namespace::Qualifier => "version",
        }
    }
}

impl Resolver<'_> {
    /// Says how an identifier was resolved: by the mapping file's entry, or by
    /// the fallback `how` (built-in pairs have their own note, T204).
    pub(crate) fn resolved(
        &self,
        ns: Namespace,
        from: &str,
        to: &str,
        how: Option<&str>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) {
        let (noun, other) = (ns.noun(self.pair.source_spec.provider), ns.noun(self.pair.target_spec.provider));
        let table = self.direction.tables.label(ns.table());
        let by = match how {
            Some(how) => format!("by {how} (no `{table}` entry)"),
            None if self.direction.forward => format!("by the mapping file's `{table}` entry `{from}`"),
            None => format!("by the mapping file's `{table}` entry `{to}`, read backwards"),
        };
        notes.push(note(codes::IDENTITY_RESOLVED, pointer, format!("{noun} `{from}` became {other} `{to}` {by}")));
    }

    /// Refuses an identifier whose fallback counterpart a file entry already
    /// pairs with another one, naming both sources.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn clash(
        &self,
        ns: Namespace,
        id: &str,
        fallback: &str,
        how: &str,
        entry: (&str, &str),
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) {
        let (noun, other) = (ns.noun(self.pair.source_spec.provider), ns.noun(self.pair.target_spec.provider));
        let tables = self.direction.tables;
        let table = tables.label(ns.table());
        let (entry_key, entry_value) = entry;
        let placeholder = format!("<{} {other}>", self.pair.target_spec.provider.service_name());
        let help = if self.direction.forward {
            tables.entry_hint(ns.table(), id, &format!("\"{placeholder}\""))
        } else {
            tables.entry_hint(ns.table(), &placeholder, &format!("\"{id}\""))
        };
        notes.push(
            note(codes::MAPPING_CLASH, pointer,
                format!(
                    "{noun} `{id}` would become {other} `{fallback}` by {how}, but the mapping file's `{table}` entry `{entry_key}` -> `{entry_value}` already pairs `{fallback}` with another {noun}; a mapping is read both ways, so each counterpart may be used once"
                ),
            )
            .with_help(format!("add {help} to the mapping file")),
        );
    }
}

/// The namespace a function has on the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TargetNamespace {
    /// The target names functions without one (FC 3.0, Lambda).
    NotNamed,
    /// The target's namespace (FC 2.0 service, FunctionGraph package).
    Named(String),
    /// The function cannot be named on the target: refused, the notes say why.
    Unmapped,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mapping;

    fn resolver(mapping: &Mapping, source: Dialect, target: Dialect) -> Resolver<'_> {
        Resolver::new(Pair::new(source, target), mapping.direction(source.provider(), target.provider()).unwrap())
    }

    #[test]
    fn a_built_in_pair_is_noted_at_each_use() {
        let mapping = Mapping::default();
        let r = resolver(&mapping, Dialect::AlibabaFc2, Dialect::Huawei);
        let (from, to, _) = mapping::BUILTIN_REGIONS[0];
        let mut notes = Vec::new();
        assert_eq!(r.map_region(from, "/a", &mut notes).as_deref(), Some(to));
        assert_eq!(r.map_region(from, "/b", &mut notes).as_deref(), Some(to));
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.code == codes::BUILTIN_REGION_PAIR && n.message == notes[0].message));
        assert_eq!([notes[0].pointer.as_str(), notes[1].pointer.as_str()], ["/a", "/b"]);
    }

    #[test]
    fn an_unmapped_identifier_names_the_entry_to_add() {
        let mapping = Mapping::default();
        let r = resolver(&mapping, Dialect::AlibabaFc2, Dialect::Huawei);
        let mut notes = Vec::new();
        assert_eq!(r.map_account("1234567890123456", "/f", &mut notes), None);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].code, codes::IDENTITY_UNMAPPED);
        let help = notes[0].help.clone().unwrap_or_default();
        assert!(help.contains(r#""accounts": {"1234567890123456": "#), "{help}");
        // Backwards, the key is the other provider's placeholder.
        let r = resolver(&mapping, Dialect::Huawei, Dialect::AlibabaFc2);
        let mut notes = Vec::new();
        assert_eq!(r.map_region("xx-nowhere-1", "", &mut notes), None);
        let help = notes[0].help.clone().unwrap_or_default();
        assert!(help.contains(r#": "xx-nowhere-1"}"#), "{help}");
    }

    #[test]
    fn a_file_entry_is_read_in_its_direction() {
        let mapping = Mapping::from_json(r#"{"regions": {"cn-chengdu": "cn-southwest-2"}}"#).unwrap_or_default();
        let mut notes = Vec::new();
        let forward = resolver(&mapping, Dialect::AlibabaFc3, Dialect::Huawei);
        assert_eq!(forward.map_region("cn-chengdu", "", &mut notes).as_deref(), Some("cn-southwest-2"));
        let backward = resolver(&mapping, Dialect::Huawei, Dialect::AlibabaFc3);
        assert_eq!(backward.map_region("cn-southwest-2", "", &mut notes).as_deref(), Some("cn-chengdu"));
        assert!(notes.iter().all(|n| n.code == codes::IDENTITY_RESOLVED), "{notes:?}");
        assert!(notes[1].message.ends_with("read backwards"), "{}", notes[1].message);
    }
}
