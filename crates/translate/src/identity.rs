//! Function identity: the function a document configures and the functions,
//! queues and topics its destinations name, resolved through the mapping
//! file's tables for the provider pair, the built-in region pairs and the
//! same-name fallbacks. One set of rules for every pair of providers: what
//! differs between dialects is read from their specs.

use crate::mapping::{self, Resolved};
use crate::namespace::TargetNamespace;
use crate::{codes, note, Ctx};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::*;
use std::cell::RefCell;

impl Ctx<'_> {
    /// The source function, completed from `--function` (when it names a
    /// function of the source's provider) and from destination identifiers;
    /// `fp` points at where the config names it.
    pub(crate) fn source_function(
        &self,
        c: &AsyncInvokeConfig,
        fp: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let mut f = c.function.clone();
        if let Some(of) = self.function_option.as_ref().filter(|of| of.provider == self.source_spec.provider) {
            match &mut f {
                None => f = Some(of.clone()),
                Some(f) if f.name.is_none() || f.name == of.name => {
                    f.region = f.region.take().or_else(|| of.region.clone());
                    f.account = f.account.take().or_else(|| of.account.clone());
                    f.namespace = f.namespace.take().or_else(|| of.namespace.clone());
                    f.name = f.name.take().or_else(|| of.name.clone());
                    f.qualifier = f.qualifier.take().or_else(|| of.qualifier.clone());
                }
                Some(_) => notes.push(note(
                    codes::IDENTITY_INFERRED,
                    fp,
                    "`--function` names another function than the document; the document's is used",
                )),
            }
        }
        if let Some(f) = &mut f {
            if f.name.is_some() && !f.is_located() {
                // A destination of the same cloud that states both: the function's own, most likely.
                let located = [&c.on_success, &c.on_failure]
                    .into_iter()
                    .flatten()
                    .find(|d| d.provider == f.provider && d.region.is_some() && d.account.is_some());
                if let Some(d) = located {
                    let (region, account) =
                        (d.region.clone().unwrap_or_default(), d.account.clone().unwrap_or_default());
                    notes.push(
                        note(
                            codes::IDENTITY_INFERRED,
                            fp,
                            text!(
                                "the function's region `",
                                region,
                                "` and ",
                                f.provider.nouns().account,
                                " `",
                                account,
                                "` were taken from destination `",
                                d.source_key(),
                                "`"
                            ),
                        )
                        .with_help("pass --function with the function's ARN to state them"),
                    );
                    f.region = f.region.take().or(Some(region));
                    f.account = f.account.take().or(Some(account));
                }
            }
        }
        f
    }

    /// The function of the config at `p` (named at `fp`) as the target names it.
    pub(crate) fn target_function(
        &self,
        f: Option<FunctionRef>,
        p: &str,
        fp: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        if let Some(of) =
            self.function_option.as_ref().filter(|of| of.provider == self.target_spec.provider && self.crosses())
        {
            // `--function` names the target function; the document's qualifier still applies.
            let mut of = of.clone();
            self.note_missing_namespace(&of, fp, notes);
            if of.qualifier.is_none() {
                of.qualifier = self.map_qualifier(f.and_then(|f| f.qualifier), fp, notes);
                if of.qualifier == Some(Qualifier::Latest) && !self.target_spec.identity.latest_explicit {
                    of.qualifier = None;
                }
            }
            return Some(of);
        }
        let f = f?;
        if !self.crosses() {
            return Some(self.within_provider(f, fp, notes));
        }
        // List items of some dialects name their function by a located identifier only.
        let located = self.target_spec.identity.located || (!p.is_empty() && self.target_spec.list.items_located);
        if f.name.is_none() || (located && !f.is_located()) {
            let what = if f.name.is_none() { "its name" } else { "its region and account" };
            notes.push(
                note(
                    codes::IDENTITY_INCOMPLETE,
                    fp,
                    format!("the function cannot be named on {}: the document lacks {what}; the output is a Put body without `{}`", self.target.id(), self.target_spec.keys.function),
                )
                .with_help("pass --function with the function's ARN or URN to name it"),
            );
            return None;
        }
        let location = if located { Location::Mapped } else { Location::Implicit };
        self.map_function(&f, location, Role::Own, fp, notes)
    }

    /// A function of the source's cloud as one of the target's: namespace,
    /// name, qualifier, and (as `location` says) region and account mapped.
    pub(crate) fn map_function(
        &self,
        f: &FunctionRef,
        location: Location,
        role: Role,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let t = &self.target_spec.identity;
        let name = f.name.clone()?;
        let namespace = match self.map_namespace(f, pointer, notes) {
            TargetNamespace::NotNamed => None,
            TargetNamespace::Named(ns) => Some(ns),
            TargetNamespace::Unmapped => return None,
        };
        // Help names only what can fix the name: a function name only `--function`
        // (no mapping entry renames a function), a namespace its `packages` entry too.
        // Only a refused name has its help written.
        let checks = [
            (Some(t.function_name), Some(&name), None),
            (t.namespace_name, namespace.as_ref(), Some(f.provider.nouns().namespace)),
        ];
        for (rule, value, namespace_noun) in checks {
            if let (Some(rule), Some(value)) = (rule, value) {
                if let Err(e) = rule.check(value) {
                    let help = match namespace_noun {
                        None => "translate with --function naming the target function (a mapping entry cannot change a function name)".to_string(),
                        Some(noun) => format!(
                            "map the {noun} with a `{}` entry, or translate with --function naming the target function",
                            self.direction.tables.label("packages")
                        ),
                    };
                    notes.push(
                        note(
                            codes::NAME_INVALID,
                            pointer,
                            format!("`{value}` is not valid on {}: {e}", self.target_spec.provider.service_name()),
                        )
                        .with_help(format!("{help}; the rule: {}", rule.describe())),
                    );
                    return None;
                }
            }
        }
        let before = notes.len();
        let qualifier = self.map_qualifier(f.qualifier.clone(), pointer, notes);
        if f.qualifier.is_some() && qualifier.is_none() && notes[before..].iter().any(|n| n.severity == Severity::Error)
        {
            return None;
        }
        if let Some(q) = &qualifier {
            let codec = provider_codec(self.target_spec.provider);
            if let Err(e) = (codec.check_qualifier)(q) {
                let text = (codec.qualifier_text)(q);
                let placeholder = format!("<{} qualifier>", self.target_spec.provider.service_name());
                let source_text = (provider_codec(f.provider).qualifier_text)(q);
                let hint = if self.direction.forward {
                    self.direction.tables.entry_hint("qualifiers", &source_text, &format!("\"{placeholder}\""))
                } else {
                    self.direction.tables.entry_hint("qualifiers", &placeholder, &format!("\"{source_text}\""))
                };
                notes.push(
                    note(
                        codes::IDENTITY_UNMAPPED,
                        pointer,
                        format!("qualifier `{text}` is not valid on {}: {e}", self.target_spec.provider.service_name()),
                    )
                    .with_help(format!("add {hint} to the mapping file")),
                );
                return None;
            }
        }
        let qualifier = match qualifier {
            Some(Qualifier::Latest) if !t.latest_explicit => None,
            None if t.latest_explicit => Some(Qualifier::Latest),
            q => q,
        };
        let mut out =
            FunctionRef { namespace, name: Some(name), qualifier, ..FunctionRef::new(self.target_spec.provider) };
        if location == Location::Mapped {
            let region = self.map_region(f.region.as_deref()?, pointer, notes);
            let account = self.map_account(f.account.as_deref()?, pointer, notes);
            out.region = Some(region?);
            out.account = Some(account?);
        } else if role == Role::Own && (f.region.is_some() || f.account.is_some()) {
            notes.push(
                note(codes::IDENTITY_IMPLICIT, pointer,
                    format!(
                        "the function's region `{}` and {} `{}` are not carried: {} names its function without them",
                        f.region.as_deref().unwrap_or_default(),
                        f.provider.nouns().account,
                        f.account.as_deref().unwrap_or_default(),
                        self.target_spec.label,
                    ),
                )
                .with_help("the region and account are those of the endpoint the config is sent to; translating back, pass --function with the function's ARN or URN"),
            );
        }
        Some(out)
    }

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
        let target_region = format!("\"<{} region>\"", self.target_spec.provider.service_name());
        let help = if forward {
            tables.entry_hint("regions", region, &target_region)
        } else {
            tables.entry_hint(
                "regions",
                &format!("<{} region>", self.target_spec.provider.service_name()),
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
        let (src, tgt) = (self.source_spec.provider, self.target_spec.provider);
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
        let (sc, tc) = (provider_codec(self.source_spec.provider), provider_codec(self.target_spec.provider));
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
                    _ if self.target_spec.identity.numeric_versions && !v.bytes().all(|b| b.is_ascii_digit()) => {
                        let placeholder = format!("<{} version>", self.target_spec.provider.service_name());
                        let hint = if forward {
                            tables.entry_hint("qualifiers", &v, &format!("\"{placeholder}\""))
                        } else {
                            tables.entry_hint("qualifiers", &placeholder, &format!("\"{v}\""))
                        };
                        notes.push(
                            note(codes::IDENTITY_UNMAPPED, pointer,
                                format!("{} version `{v}` has no {} counterpart: {} versions are numbers, and an unmapped version is never turned into an alias", self.source_spec.provider.service_name(), self.target_spec.provider.service_name(), self.target_spec.provider.service_name()),
                            )
                            .with_help(format!("add {hint} to the mapping file")),
                        );
                        None
                    }
                    _ => {
                        let placeholder = format!("<{} version>", self.target_spec.provider.service_name());
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
                                format!("version `{v}` has no counterpart on {}; kept as it is", self.target.id()),
                            ),
                            Err(e) => note(
                                codes::IDENTITY_UNMAPPED,
                                pointer,
                                format!(
                                    "qualifier `{}` is not valid on {}: {e}",
                                    (tc.qualifier_text)(&kept),
                                    self.target_spec.provider.service_name()
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

    pub(crate) fn fill_relative(
        &self,
        d: &Destination,
        f: Option<&FunctionRef>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let mut filled = d.clone();
        filled.region = filled.region.or_else(|| f.and_then(|f| f.region.clone()));
        filled.account = filled.account.or_else(|| f.and_then(|f| f.account.clone()));
        let key = d.source_key();
        if filled.region.is_none() || filled.account.is_none() {
            notes.push(
                note(
                    codes::IDENTITY_UNMAPPED,
                    pointer,
                    format!(
                        "`{key}` leaves its region or account to the function's own, which the document does not state"
                    ),
                )
                .with_help("pass --function with the function's ARN"),
            );
            return None;
        }
        notes.push(note(
            codes::RELATIVE_ARN_FILLED,
            pointer,
            format!("`{key}` was read as `{}` (the function's own region and account)", filled.source_key()),
        ));
        Some(filled)
    }
}

/// Whether a mapped function keeps its region and account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Location {
    /// Mapped: the target names the function by a located identifier.
    Mapped,
    /// Not written: the target's endpoint implies them.
    Implicit,
}

/// Which function is mapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The config's own function: a location it loses is noted.
    Own,
    /// A function destination.
    Destination,
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

impl Ctx<'_> {
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
        let (noun, other) = (ns.noun(self.source_spec.provider), ns.noun(self.target_spec.provider));
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
        let (noun, other) = (ns.noun(self.source_spec.provider), ns.noun(self.target_spec.provider));
        let tables = self.direction.tables;
        let table = tables.label(ns.table());
        let (entry_key, entry_value) = entry;
        let placeholder = format!("<{} {other}>", self.target_spec.provider.service_name());
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
