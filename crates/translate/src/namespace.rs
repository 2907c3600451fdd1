//! Namespaces (FC 2.0 services, FunctionGraph packages): the target's rule
//! for them, the mapping file's `packages` and `services` tables, and the
//! note on every path that leaves a target needing one without it.

use crate::mapping::{self, Resolved};
use crate::resolve::{Namespace, Resolver, TargetNamespace};
use crate::{codes, note, Ctx};
use invokecfg_model::*;

impl Ctx<'_> {
    /// Within one provider (FC 2.0 <-> FC 3.0) identifiers stay; only the
    /// namespace follows the target's rule.
    pub(crate) fn within_provider(&self, mut f: FunctionRef, fp: &str, notes: &mut Vec<Diagnostic>) -> FunctionRef {
        match self.pair.target_spec.identity.namespace {
            NamespaceRule::None => {
                if let Some(ns) = f.namespace.take() {
                    let noun = f.provider.nouns().namespace;
                    let label = self.pair.target_spec.label;
                    notes.push(
                        note(
                            codes::FIELD_DROPPED,
                            fp,
                            text!(noun, " `", ns, "` is not carried: ", label, " has no ", noun, "s"),
                        )
                        .with_help(text!(
                            label,
                            " function names are unique per region: make sure no function of another ",
                            noun,
                            " has this name"
                        )),
                    );
                }
            }
            NamespaceRule::Required if f.namespace.is_none() => {
                match f.name.clone().and_then(|name| self.service_from_mapping(&name, fp, notes)) {
                    Some(service) => f.namespace = Some(service),
                    None => self.note_missing_namespace(&f, fp, notes),
                }
            }
            _ => {}
        }
        f
    }

    /// The namespace (FC 2.0 service) the mapping file's `services` table
    /// gives a function of the same provider's namespace-less dialect (FC 3.0).
    pub(crate) fn service_from_mapping(
        &self,
        name: &str,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let (service, entry) = mapping::service_in(self.services, name)?;
        let noun = self.pair.target_spec.provider.nouns().namespace;
        notes.push(note(
            codes::IDENTITY_RESOLVED,
            pointer,
            format!(
                "{} function `{name}` belongs to {noun} `{service}` by the mapping file's `{}` entry `{}`",
                self.pair.source_spec.label,
                mapping::SERVICES,
                serde_json::Value::from(entry)
            ),
        ));
        Some(service.to_string())
    }

    /// The `services` entry that would name the namespace of function `name`.
    pub(crate) fn services_hint(&self, name: &str) -> String {
        format!(
            "add \"{}\": {{\"{name}\": \"<service>\"}} to the mapping file (the key \"\" serves every {} function not listed)",
            mapping::SERVICES,
            self.pair.source_spec.label
        )
    }

    /// Every path that leaves a target needing a namespace (FC 2.0's service)
    /// without one says so: the output names the function by name only.
    pub(crate) fn note_missing_namespace(&self, f: &FunctionRef, fp: &str, notes: &mut Vec<Diagnostic>) {
        if self.pair.target_spec.identity.namespace != NamespaceRule::Required
            || f.namespace.is_some()
            || f.name.is_none()
        {
            return;
        }
        let noun = f.provider.nouns().namespace;
        let mut help =
            String::from("pass --function acs:fc:{region}:{account}:services/{service}/functions/{function}");
        if let (Some(name), true) = (&f.name, f.provider == self.pair.target_spec.provider) {
            help = format!("{}, or {help}", self.services_hint(name));
        }
        notes.push(
            note(
                codes::IDENTITY_INCOMPLETE,
                fp,
                format!("{} names a function by {noun}; the output has no `{noun}`", self.pair.target_spec.label),
            )
            .with_help(help),
        );
    }
}

impl Resolver<'_> {
    /// The target namespace of a function. A stated namespace is looked up
    /// once ([`crate::resolve::Lookups`]).
    pub(crate) fn map_namespace(&self, f: &FunctionRef, pointer: &str, notes: &mut Vec<Diagnostic>) -> TargetNamespace {
        match &f.namespace {
            Some(ns) if f.provider == self.pair.source_spec.provider => {
                self.lookups.namespaces.get_or(ns, pointer, notes, |notes| self.look_up_namespace(f, "", notes))
            }
            _ => self.look_up_namespace(f, pointer, notes),
        }
    }

    fn look_up_namespace(&self, f: &FunctionRef, pointer: &str, notes: &mut Vec<Diagnostic>) -> TargetNamespace {
        let tables = self.direction.tables;
        let forward = self.direction.forward;
        let (src_noun, tgt_noun) = (f.provider.nouns().namespace, self.pair.target_spec.provider.nouns().namespace);
        // The namespace a namespace-less provider's functions live in: the
        // `""` entry, else the target's default.
        let home = |default: Option<&'static str>| {
            mapping::lookup(&tables.packages, "", forward).map(str::to_string).or(default.map(str::to_string))
        };
        let default = match self.pair.target_spec.identity.namespace {
            NamespaceRule::Defaulted(d) => Some(d),
            _ => None,
        };
        match (self.pair.target_spec.identity.namespace, &f.namespace) {
            (NamespaceRule::None, Some(ns)) => {
                let source_home = match self.pair.source_spec.identity.namespace {
                    NamespaceRule::Defaulted(d) => Some(d),
                    _ => None,
                };
                let is_home = mapping::lookup(&tables.packages, ns, forward) == Some("")
                    || (mapping::lookup(&tables.packages, "", !forward).is_none() && Some(ns.as_str()) == source_home);
                if !is_home {
                    notes.push(
                        note(
                            codes::FIELD_DROPPED,
                            pointer,
                            format!(
                                "{src_noun} `{ns}` is not carried: {} has no {tgt_noun}s",
                                self.pair.target_spec.label
                            ),
                        )
                        .with_help(format!(
                            "add {} to the mapping file to say {} functions live there",
                            tables.entry_hint("packages", "", &format!("\"{ns}\"")),
                            self.pair.target_spec.label
                        )),
                    );
                }
                TargetNamespace::NotNamed
            }
            (NamespaceRule::None, None) => TargetNamespace::NotNamed,
            (_, Some(ns)) => match mapping::resolve(&tables.packages, ns, forward, Some(ns)) {
                Resolved::Entry(p) => {
                    self.resolved(Namespace::Package, ns, p, None, pointer, notes);
                    TargetNamespace::Named(p.to_string())
                }
                Resolved::Fallback(p) => {
                    self.resolved(Namespace::Package, ns, &p, Some("keeping its name"), pointer, notes);
                    TargetNamespace::Named(p)
                }
                Resolved::Clash { fallback, entry } => {
                    self.clash(Namespace::Package, ns, &fallback, "keeping its name", entry, pointer, notes);
                    TargetNamespace::Unmapped
                }
                Resolved::Missing => TargetNamespace::Unmapped,
            },
            (_, None) => match home(default) {
                Some(ns) => TargetNamespace::Named(ns),
                None => {
                    notes.push(
                        note(
                            codes::IDENTITY_UNMAPPED,
                            pointer,
                            format!(
                                "{} names every function by {tgt_noun}, and the {} function has none",
                                self.pair.target_spec.label,
                                f.provider.service_name()
                            ),
                        )
                        .with_help(format!(
                            "add {} to the mapping file, or pass --function with the target function's ARN",
                            tables.entry_hint(
                                "packages",
                                if forward { "" } else { "<service>" },
                                if forward { "\"<service>\"" } else { "\"\"" }
                            )
                        )),
                    );
                    TargetNamespace::Unmapped
                }
            },
        }
    }
}
