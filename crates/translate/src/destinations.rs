//! Destinations: carried, converted to the target's counterpart of the same
//! kind, overridden by a `destinations` mapping entry, or refused naming the
//! entry to add. Which kinds a target has, on which side, whether a kind
//! maps by name, and whether its API takes destinations at all, is read from
//! the target's spec.

use crate::identity::{Location, Role};
use crate::{codes, note, Ctx, Side};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::spec::DestinationSupport;
use invokecfg_model::*;

/// What the mapping file's `destinations` entries say of one destination.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Override {
    /// No entry names it.
    NoEntry,
    /// An entry names it: written as the entry says.
    Written(Destination),
    /// An entry names it but does not fit the target: refused (T208).
    Unusable,
}

impl Ctx<'_> {
    /// The target form of `d` from a `destinations` entry for it, read
    /// forwards by any of `keys` or backwards by its value.
    pub(crate) fn override_for(
        &self,
        d: &Destination,
        keys: &[String],
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Override {
        let entries = &self.direction.tables.destinations;
        if entries.is_empty() {
            return Override::NoEntry;
        }
        let target = provider_codec(self.pair.target_spec.provider);
        let forward = entries.iter().find(|(k, _)| keys.contains(k));
        let (entry_key, parsed) = match forward {
            Some((k, v)) => (k.clone(), (target.read_destination)(v)),
            None => {
                // Read backwards: an entry whose value is this destination in its own cloud's form.
                let Ok(mine) = (provider_codec(d.provider).write_destination)(d) else { return Override::NoEntry };
                let Some((k, _)) = entries.iter().find(|(_, v)| *v == mine) else { return Override::NoEntry };
                let read = (target.read_key)(k).unwrap_or_else(|| {
                    Err(format!("`{k}` is no {} identifier", self.pair.target_spec.provider.service_name()))
                });
                (k.clone(), read)
            }
        };
        let parsed = parsed.and_then(|dest| self.check_written(&dest).map(|()| dest));
        match parsed {
            Ok(dest) => {
                notes.push(note(
                    codes::DESTINATION_OVERRIDDEN,
                    pointer,
                    if entry_key == d.source_key() {
                        format!(
                            "destination `{entry_key}` written as the mapping file's `{}` entry says",
                            self.direction.tables.label("destinations")
                        )
                    } else {
                        format!(
                            "destination `{}` written as `{entry_key}`, read backwards from the mapping file's `{}`",
                            d.source_key(),
                            self.direction.tables.label("destinations")
                        )
                    },
                ));
                // The entry writes the whole destination: settings of the source's
                // notation the written one does not hold are lost, and said so.
                let lost: Vec<String> = d
                    .settings
                    .iter()
                    .filter(|(k, _)| !dest.settings.iter().any(|(j, _)| j == k))
                    .map(|(k, v)| format!("`{k}` ({v})"))
                    .collect();
                if !lost.is_empty() {
                    notes.push(
                        note(
                            codes::FIELD_DROPPED,
                            pointer,
                            format!(
                                "destination `{}`: {} not carried; the `{}` entry writes {} {}, which holds no such setting",
                                d.source_key(),
                                lost.join(", "),
                                self.direction.tables.label("destinations"),
                                invokecfg_model::diagnostic::article((target.kind_name)(&dest).split(' ').next().unwrap_or_default()),
                                (target.kind_name)(&dest)
                            ),
                        )
                        .with_help("set them on the target resource itself, or map to a destination that holds them"),
                    );
                }
                Override::Written(dest)
            }
            Err(e) => {
                notes.push(
                    note(
                        codes::MAPPING_ENTRY_UNUSABLE,
                        pointer,
                        format!(
                            "mapping entry `{}` `{entry_key}` does not fit {}: {e}",
                            self.direction.tables.label("destinations"),
                            self.pair.target.id()
                        ),
                    )
                    .with_help("fix the entry in the mapping file"),
                );
                Override::Unusable
            }
        }
    }

    /// Whether the target can write `d` as its own identifier, exactly as its
    /// reader reads it back.
    fn check_written(&self, d: &Destination) -> Result<(), String> {
        let codec = provider_codec(self.pair.target_spec.provider);
        let written = (codec.write_destination)(d)?;
        (codec.read_destination)(&written).map(drop)
    }

    pub(crate) fn unmapped(
        &self,
        d: &Destination,
        why: &str,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let key = d.source_key();
        let kind = d.kind_name();
        if self.options.allow_lossy {
            notes.push(
                note(
                    codes::DESTINATION_DROPPED,
                    pointer,
                    text!(kind, " destination `", key, "` ", why, " and was dropped (--allow-lossy)"),
                )
                .with_help(
                    "results that went there are no longer delivered; add a `destinations` mapping entry to keep them",
                ),
            );
            return None;
        }
        let example = provider_codec(self.pair.target_spec.provider).example;
        let (k, v) = if self.direction.forward {
            (key.clone(), example.to_string())
        } else {
            // Backwards the key is the target's identifier and the value this destination's own form.
            let mine = (provider_codec(d.provider).write_destination)(d).map(|v| v.to_string()).unwrap_or_default();
            (example.trim_matches('"').to_string(), mine)
        };
        notes.push(note(codes::DESTINATION_UNMAPPED, pointer, format!("{kind} destination `{key}` {why}")).with_help(
            format!(
                "add {} to the mapping file, or pass --allow-lossy to drop it",
                self.direction.tables.entry_hint("destinations", &k, &v)
            ),
        ));
        None
    }

    /// The `side` destination of the config at `p`, as the target writes it.
    pub(crate) fn destination(
        &self,
        d: Option<Destination>,
        p: &str,
        side: Side,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let d = d?;
        let pointer =
            text!(p, "/", self.pair.source_spec.keys.destination_config, "/", side.key(self.pair.source_spec));
        // Where the identifier sits: Alibaba and AWS under `destination`, Huawei's pair at the side itself.
        let dp = match self.pair.source_spec.keys.destination {
            Some(k) => text!(pointer, "/", k),
            None => pointer.clone(),
        };
        // No mapping entry can carry a destination into an API that takes none.
        if let DestinationSupport::Absent { failed_events } = self.pair.target_spec.destination_support {
            return self.not_taken(&d, failed_events, side, &dp, notes);
        }
        // Only `--allow-lossy` drops; the note's text is built only then.
        let named = self.options.allow_lossy.then(|| (d.kind_name(), d.source_key()));
        self.or_drop(
            notes,
            |notes| self.destination_inner(d, &pointer, &dp, side, f, notes),
            |reasons, help| {
                let (kind, key) = named.unwrap_or_default();
                note(
                    codes::DESTINATION_DROPPED,
                    &dp,
                    text!(kind, " destination `", key, "` was dropped (--allow-lossy): ", reasons),
                )
                .with_help(text!("to keep it, ", help))
            },
        )
    }

    /// `d` against a target whose API takes no destinations: refused (T202),
    /// or dropped under `--allow-lossy` (T201), with where the target sends
    /// failed events instead and what becomes of the results that went to `d`.
    fn not_taken(
        &self,
        d: &Destination,
        failed_events: &str,
        side: Side,
        dp: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let head = text!(
            d.kind_name(),
            " destination `",
            d.source_key(),
            "` has no counterpart on ",
            self.pair.target.id(),
            ", whose API takes no destinations"
        );
        let said = if self.options.allow_lossy {
            let lost = match side {
                Side::OnSuccess => "success results are no longer delivered anywhere; ",
                Side::OnFailure => "failed events are no longer sent to it; ",
            };
            note(codes::DESTINATION_DROPPED, dp, text!(head, ", and was dropped (--allow-lossy)"))
                .with_help(text!(lost, failed_events))
        } else {
            let dropped = match side {
                Side::OnSuccess => " (success results are then delivered nowhere)",
                Side::OnFailure => "",
            };
            note(codes::DESTINATION_UNMAPPED, dp, head).with_help(text!(
                failed_events,
                "; pass --allow-lossy to drop it",
                dropped
            ))
        };
        notes.push(said);
        None
    }

    /// Runs `body`. Under `--allow-lossy`, when what it maps has an identity
    /// with no counterpart (T203), the whole item is dropped with the one
    /// warning `dropped(reasons, help)` makes, instead of refusing.
    pub(crate) fn or_drop<T>(
        &self,
        notes: &mut Vec<Diagnostic>,
        body: impl FnOnce(&mut Vec<Diagnostic>) -> Option<T>,
        dropped: impl FnOnce(String, String) -> Diagnostic,
    ) -> Option<T> {
        let mut scratch = Vec::new();
        let out = body(&mut scratch);
        let unmappable = |n: &&Diagnostic| {
            n.severity == Severity::Error && (n.code == codes::IDENTITY_UNMAPPED || n.code == codes::NAME_INVALID)
        };
        let other_error = scratch.iter().any(|n| n.severity == Severity::Error && !unmappable(&n));
        if !self.options.allow_lossy || other_error || !scratch.iter().any(|n| unmappable(&n)) {
            notes.extend(scratch);
            return out;
        }
        // Notes about the dropped item's parts (a built-in pair, a kept version) would describe nothing.
        let errors: Vec<&Diagnostic> = scratch.iter().filter(unmappable).collect();
        let reasons: Vec<&str> = errors.iter().map(|n| n.message.as_str()).collect();
        let mut helps: Vec<&str> = errors.iter().filter_map(|n| n.help.as_deref()).collect();
        helps.dedup();
        notes.push(dropped(reasons.join("; "), helps.join("; ")));
        None
    }

    /// One destination across providers: completed, overridden by a mapping
    /// entry, checked for a counterpart on the target, then converted.
    pub(crate) fn destination_inner(
        &self,
        d: Destination,
        pointer: &str,
        dp: &str,
        side: Side,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        if !self.pair.crosses() {
            return self.within_provider_destination(d, dp, f, notes);
        }
        let source_kind = self.pair.source_spec.destination(d.kind);
        let (d, keys) = self.complete_relative(d, source_kind, f, dp, notes)?;
        match self.override_for(&d, &keys, dp, notes) {
            Override::NoEntry => {}
            Override::Written(dest) => return Some(dest),
            Override::Unusable => return None,
        }
        let tk = match self.counterpart(&d, source_kind, side) {
            Ok(tk) => tk,
            Err(why) => return self.unmapped(&d, &why, dp, notes),
        };
        self.note_uncarried_settings(&d, pointer, dp, notes);
        let mut out = self.convert(&d, tk, dp, notes)?;
        if !tk.qualified {
            self.drop_qualifier(&d, &mut out, tk, dp, notes);
        }
        if let Err(e) = self.check_written(&out) {
            notes.push(
                note(
                    codes::IDENTITY_UNMAPPED,
                    dp,
                    format!("{} `{}` cannot be a {}: {e}", d.kind_name(), d.source_key(), tk.name),
                )
                .with_help(format!(
                    "add {} to the mapping file",
                    self.direction.tables.entry_hint(
                        "destinations",
                        &d.source_key(),
                        provider_codec(self.pair.target_spec.provider).example
                    )
                )),
            );
            return None;
        }
        Some(out)
    }

    /// `d` with the region and account an ARN leaves to the function's own
    /// filled in, and the keys a `destinations` entry may name it by (spelled
    /// out only when the mapping file has entries).
    fn complete_relative(
        &self,
        d: Destination,
        source_kind: Option<&DestinationSpec>,
        f: Option<&FunctionRef>,
        dp: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<(Destination, Vec<String>)> {
        let has_entries = !self.direction.tables.destinations.is_empty();
        let mut keys = if has_entries { vec![d.source_key()] } else { Vec::new() };
        let located = source_kind.is_some_and(|k| k.located);
        if located && (d.region.is_none() || d.account.is_none()) {
            let filled = self.fill_relative(&d, f, dp, notes)?;
            if has_entries {
                keys.push(filled.source_key());
            }
            return Some((filled, keys));
        }
        Some((d, keys))
    }

    /// The target's kind for `d` on `side`, or why it has none.
    fn counterpart(
        &self,
        d: &Destination,
        source_kind: Option<&DestinationSpec>,
        side: Side,
    ) -> Result<&'static DestinationSpec, String> {
        let target = self.pair.target.id();
        let Some(tk) = self.pair.target_spec.destination(d.kind) else {
            return Err(text!("has no counterpart on ", target));
        };
        if !tk.by_name || source_kind.is_some_and(|k| !k.by_name) {
            let noun = d.kind.noun();
            return Err(format!(
                "names a {noun} whose name does not carry to {} on {target} ({noun} names are global)",
                tk.name
            ));
        }
        if side == Side::OnSuccess && !tk.on_success {
            return Err(format!("cannot be the success destination: {target} accepts a {} only on failure", tk.name));
        }
        Ok(tk)
    }

    /// Notes the `param` keys and settings of `d` the target's form does not hold.
    fn note_uncarried_settings(&self, d: &Destination, pointer: &str, dp: &str, notes: &mut Vec<Diagnostic>) {
        for (k, _) in &d.unknown {
            notes.push(note(
                codes::UNKNOWN_KEY_DROPPED,
                &text!(pointer, "/param"),
                format!("`param` key `{k}` is no {} key and is not carried", d.kind_name()),
            ));
        }
        for (k, v) in &d.settings {
            notes.push(
                note(
                    codes::FIELD_DROPPED,
                    dp,
                    format!(
                        "`{k}` {v} of {} `{}` has no counterpart on {}",
                        d.kind_name(),
                        d.source_key(),
                        self.pair.target.id()
                    ),
                )
                .with_help("add a `destinations` mapping entry to choose the target's own settings"),
            );
        }
    }

    /// `d` as the target's `tk`: a function mapped as functions are, any
    /// other kind by name, with its region and account mapped where `tk` states them.
    fn convert(
        &self,
        d: &Destination,
        tk: &DestinationSpec,
        dp: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let provider = self.pair.target_spec.provider;
        if d.kind == TargetKind::Function {
            let location = if tk.located { Location::Mapped } else { Location::Implicit };
            let g = self.map_function(&d.function()?, location, Role::Destination, dp, notes)?;
            return Some(Destination {
                region: g.region,
                account: g.account,
                namespace: g.namespace,
                qualifier: g.qualifier,
                ..Destination::new(TargetKind::Function, provider, g.name.unwrap_or_default())
            });
        }
        let mut out =
            Destination { namespace: d.namespace.clone(), ..Destination::new(d.kind, provider, d.name.clone()) };
        if tk.located {
            let region = self.resolver.map_region(d.region.as_deref()?, dp, notes);
            let account = self.resolver.map_account(d.account.as_deref()?, dp, notes);
            out.region = Some(region?);
            out.account = Some(account?);
        }
        Some(out)
    }

    /// Takes from `out` the qualifier a target kind with no qualified form
    /// cannot hold, with a note (`$LATEST` is what no qualifier means).
    fn drop_qualifier(
        &self,
        d: &Destination,
        out: &mut Destination,
        tk: &DestinationSpec,
        dp: &str,
        notes: &mut Vec<Diagnostic>,
    ) {
        if let Some(q) = out.qualifier.take().filter(|q| *q != Qualifier::Latest) {
            notes.push(
                note(
                    codes::FIELD_DROPPED,
                    dp,
                    format!(
                        "qualifier `{}` of `{}` is not carried: the {} destination has no documented qualified form",
                        (provider_codec(d.provider).qualifier_text)(&q),
                        d.source_key(),
                        tk.name
                    ),
                )
                .with_help(format!("add a `destinations` entry for `{}` to choose the target", d.source_key())),
            );
        }
    }

    /// Within one provider identifiers stay; a function destination follows
    /// the target's namespace and qualifier rules (FC 2.0 <-> FC 3.0).
    fn within_provider_destination(
        &self,
        d: Destination,
        pointer: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let Some(tk) = self.pair.target_spec.destination(d.kind) else {
            return self.unmapped(&d, &format!("has no counterpart on {}", self.pair.target.id()), pointer, notes);
        };
        if d.kind != TargetKind::Function {
            return Some(d);
        }
        let key = d.source_key();
        let noun = d.provider.nouns().namespace;
        let mut out = d.clone();
        match (self.pair.target_spec.identity.namespace, &d.namespace) {
            (NamespaceRule::None, Some(ns)) => {
                out.namespace = None;
                let mut message = format!(
                    "{} function `{key}` written in the {} form without {noun} `{ns}`",
                    self.pair.source_spec.label, self.pair.target_spec.label
                );
                if !tk.qualified {
                    if let Some(q) = out.qualifier.take().filter(|q| *q != Qualifier::Latest) {
                        let text = (provider_codec(d.provider).qualifier_text)(&q);
                        message.push_str(&format!(
                            " and without qualifier `{text}` (a qualified {} destination form is not documented)",
                            self.pair.target_spec.label
                        ));
                    }
                }
                notes.push(note(codes::FIELD_DROPPED, pointer, message));
            }
            (NamespaceRule::Required, None)
                if d.provider == self.pair.target_spec.provider
                    && crate::mapping::service_in(self.services, &d.name).is_some() =>
            {
                out.namespace = self.service_from_mapping(&d.name, pointer, notes);
            }
            (NamespaceRule::Required, None) => {
                let own = self
                    .function_option
                    .as_ref()
                    .filter(|o| o.provider == d.provider)
                    .and_then(|o| o.namespace.clone());
                match own.or_else(|| f.and_then(|f| f.namespace.clone())) {
                    Some(ns) => {
                        notes.push(note(
                            codes::IDENTITY_INFERRED,
                            pointer,
                            format!(
                                "{} function `{key}` written in the {} form with {noun} `{ns}` (the function's own)",
                                self.pair.source_spec.label, self.pair.target_spec.label
                            ),
                        ));
                        out.namespace = Some(ns);
                    }
                    None => {
                        notes.push(
                            note(codes::IDENTITY_UNMAPPED, pointer, format!("{} function `{key}` has no {} form: the {noun} is unknown", self.pair.source_spec.label, self.pair.target_spec.label))
                                .with_help(format!("{}, or pass --function acs:fc:{{region}}:{{account}}:services/{{service}}/functions/{{function}} (an FC 2.0 destination is written in the function's own service by default)", self.services_hint(&d.name))),
                        );
                        return None;
                    }
                }
            }
            _ => {}
        }
        Some(out)
    }
}
