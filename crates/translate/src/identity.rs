//! Function identity: the function a document configures, completed from
//! `--function` and its destinations, and mapped to the target's (its parts
//! looked up by [`crate::resolve::Resolver`]). One set of rules for every
//! pair of providers: what differs between dialects is read from their specs.

use crate::resolve::TargetNamespace;
use crate::{codes, note, Ctx};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::*;

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
        if let Some(of) = self.function_option.as_ref().filter(|of| of.provider == self.pair.source_spec.provider) {
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
        if let Some(of) = self
            .function_option
            .as_ref()
            .filter(|of| of.provider == self.pair.target_spec.provider && self.pair.crosses())
        {
            // `--function` names the target function; the document's qualifier still applies.
            let mut of = of.clone();
            self.note_missing_namespace(&of, fp, notes);
            if of.qualifier.is_none() {
                of.qualifier = self.resolver.map_qualifier(f.and_then(|f| f.qualifier), fp, notes);
                if of.qualifier == Some(Qualifier::Latest) && !self.pair.target_spec.identity.latest_explicit {
                    of.qualifier = None;
                }
            }
            return Some(of);
        }
        let f = f?;
        if !self.pair.crosses() {
            return Some(self.within_provider(f, fp, notes));
        }
        // List items of some dialects name their function by a located identifier only.
        let located =
            self.pair.target_spec.identity.located || (!p.is_empty() && self.pair.target_spec.list.items_located);
        if f.name.is_none() || (located && !f.is_located()) {
            let what = if f.name.is_none() { "its name" } else { "its region and account" };
            notes.push(
                note(
                    codes::IDENTITY_INCOMPLETE,
                    fp,
                    format!("the function cannot be named on {}: the document lacks {what}; the output is a Put body without `{}`", self.pair.target.id(), self.pair.target_spec.keys.function),
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
        let t = &self.pair.target_spec.identity;
        let name = f.name.clone()?;
        let namespace = match self.resolver.map_namespace(f, pointer, notes) {
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
                            format!("`{value}` is not valid on {}: {e}", self.pair.target_spec.provider.service_name()),
                        )
                        .with_help(format!("{help}; the rule: {}", rule.describe())),
                    );
                    return None;
                }
            }
        }
        let before = notes.len();
        let qualifier = self.resolver.map_qualifier(f.qualifier.clone(), pointer, notes);
        if f.qualifier.is_some() && qualifier.is_none() && notes[before..].iter().any(|n| n.severity == Severity::Error)
        {
            return None;
        }
        if let Some(q) = &qualifier {
            let codec = provider_codec(self.pair.target_spec.provider);
            if let Err(e) = (codec.check_qualifier)(q) {
                let text = (codec.qualifier_text)(q);
                let placeholder = format!("<{} qualifier>", self.pair.target_spec.provider.service_name());
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
                        format!(
                            "qualifier `{text}` is not valid on {}: {e}",
                            self.pair.target_spec.provider.service_name()
                        ),
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
            FunctionRef { namespace, name: Some(name), qualifier, ..FunctionRef::new(self.pair.target_spec.provider) };
        if location == Location::Mapped {
            let region = self.resolver.map_region(f.region.as_deref()?, pointer, notes);
            let account = self.resolver.map_account(f.account.as_deref()?, pointer, notes);
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
                        self.pair.target_spec.label,
                    ),
                )
                .with_help("the region and account are those of the endpoint the config is sent to; translating back, pass --function with the function's ARN or URN"),
            );
        }
        Some(out)
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
