//! Destinations: carried, converted to the target's counterpart, overridden
//! by a `destinations` mapping entry, or refused naming the entry to add.

use crate::{codes, note, Ctx};
use invokecfg_model::facts::alibaba;
use invokecfg_model::*;
use serde_json::{json, Value};

impl Ctx<'_> {
    pub(crate) fn override_for(
        &self,
        d: &Destination,
        keys: &[String],
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Option<Destination>> {
        if self.mapping.destinations.is_empty() {
            return None;
        }
        let to_huawei = !self.target.is_alibaba();
        let forward = self.mapping.destinations.iter().find(|(k, _)| keys.contains(k));
        let (entry_key, value, backwards) = match forward {
            Some((k, v)) => (k.clone(), v.clone(), false),
            None => {
                // Read backwards: an entry whose value is this destination.
                let mine = match d.as_param() {
                    Some(p) => json!({"destination": p.kind().as_str(), "param": p.to_value()}),
                    None => Value::String(d.source_key()),
                };
                let (k, _) = self.mapping.destinations.iter().find(|(_, v)| *v == mine)?;
                (k.clone(), Value::String(k.clone()), true)
            }
        };
        let parsed = match (&value, to_huawei) {
            (Value::Object(o), true) => {
                let kind = o.get("destination").and_then(Value::as_str).unwrap_or_default();
                match kind.parse::<DestinationKind>() {
                    Ok(kind) => DestinationParam::from_value(kind, o.get("param").cloned().unwrap_or(Value::Null))
                        .map(Destination::from_param)
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
            (Value::String(s), false) => s.parse::<AcsArn>().map(Destination::from_arn).map_err(|e| e.to_string()),
            (Value::String(s), true) if backwards => huawei_key(s).map(Destination::from_param),
            (Value::String(s), true) => match s.parse::<AcsArn>() {
                Ok(_) => Err(
                    "it is an Alibaba ARN but the target is huawei; write `{\"destination\": KIND, \"param\": {...}}`"
                        .into(),
                ),
                Err(e) => Err(e.to_string()),
            },
            _ => Err("it is a FunctionGraph destination but the target is Alibaba; write the ARN as a string".into()),
        };
        match parsed {
            Ok(dest) => {
                notes.push(note(codes::DESTINATION_OVERRIDDEN, pointer,
                    if entry_key == d.source_key() {
                        format!("destination `{entry_key}` written as the mapping file's `destinations` entry says")
                    } else {
                        format!("destination `{}` written as `{entry_key}`, read backwards from the mapping file's `destinations`", d.source_key())
                    },
                ));
                Some(Some(dest))
            }
            Err(e) => {
                notes.push(
                    note(
                        codes::MAPPING_ENTRY_UNUSABLE,
                        pointer,
                        format!("mapping entry `destinations` `{entry_key}` does not fit {}: {e}", self.target.id()),
                    )
                    .with_help("fix the entry in the mapping file"),
                );
                Some(None)
            }
        }
    }

    pub(crate) fn unmapped(&self, d: &Destination, pointer: &str, notes: &mut Vec<Diagnostic>) -> Option<Destination> {
        let key = d.source_key();
        let kind = d.kind_name();
        let target = self.target.id();
        if self.options.allow_lossy {
            notes.push(
                note(
                    codes::DESTINATION_DROPPED,
                    pointer,
                    format!(
                        "{kind} destination `{key}` has no counterpart on {target} and was dropped (--allow-lossy)"
                    ),
                )
                .with_help(
                    "results that went there are no longer delivered; add a `destinations` mapping entry to keep them",
                ),
            );
            return None;
        }
        let example = if self.target.is_alibaba() {
            format!("\"destinations\": {{\"{key}\": \"acs:mns:{{region}}:{{account}}:/queues/{{queue}}/messages\"}}")
        } else {
            format!("\"destinations\": {{\"{key}\": {{\"destination\": \"DIS\", \"param\": {{\"stream_name\": \"...\"}}}}}}")
        };
        notes.push(
            note(
                codes::DESTINATION_UNMAPPED,
                pointer,
                format!("{kind} destination `{key}` has no counterpart on {target}"),
            )
            .with_help(format!("add {example} to the mapping file, or pass --allow-lossy to drop it")),
        );
        None
    }

    pub(crate) fn destination(
        &self,
        d: Option<Destination>,
        pointer: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let d = d?;
        let dp = if self.source.is_alibaba() { format!("{pointer}/destination") } else { pointer.to_string() };
        // Only `--allow-lossy` drops; the note's text is built only then.
        let named = self.options.allow_lossy.then(|| (d.kind_name(), d.source_key()));
        self.or_drop(
            notes,
            |notes| self.destination_inner(d, pointer, &dp, f, notes),
            |reasons, help| {
                let (kind, key) = named.unwrap_or_default();
                note(
                    codes::DESTINATION_DROPPED,
                    &dp,
                    format!("{kind} destination `{key}` was dropped (--allow-lossy): {reasons}"),
                )
                .with_help(format!("to keep it, {help}"))
            },
        )
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
        let unmappable = |n: &&Diagnostic| n.severity == Severity::Error && n.code == codes::IDENTITY_UNMAPPED;
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

    pub(crate) fn destination_inner(
        &self,
        d: Destination,
        pointer: &str,
        dp: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let dp = dp.to_string();
        let crosses = self.crosses();
        // The keys a `destinations` entry may use; spelled out only when there are entries.
        let mut keys = if crosses && !self.mapping.destinations.is_empty() { vec![d.source_key()] } else { Vec::new() };
        let mut d = d;
        if crosses {
            if let Some(arn) = d.as_arn() {
                if arn.is_relative() {
                    let filled = self.fill_relative(arn, f, &dp, notes)?;
                    if !self.mapping.destinations.is_empty() {
                        keys.push(filled.to_string());
                    }
                    d = Destination::from_arn(filled);
                }
            }
        }
        // The mapping file pairs Alibaba and Huawei resources: FC 2.0 <-> FC 3.0 keeps ARNs.
        if crosses {
            if let Some(result) = self.override_for(&d, &keys, &dp, notes) {
                return result;
            }
        }
        if let Some(p) = d.as_param() {
            let unknown = match &p {
                DestinationParam::Obs(x) => &x.unknown,
                DestinationParam::Smn(x) => &x.unknown,
                DestinationParam::Dis(x) => &x.unknown,
                DestinationParam::FunctionGraph(x) => &x.unknown,
            };
            if crosses {
                for k in unknown.keys() {
                    notes.push(note(
                        codes::UNKNOWN_KEY_DROPPED,
                        &format!("{pointer}/param"),
                        format!("`param` key `{k}` is no {} key and is not carried", p.kind()),
                    ));
                }
            }
        }
        match (self.source.is_alibaba(), self.target.is_alibaba()) {
            (false, false) => Some(d),
            (true, true) => self.alibaba_to_alibaba(d, &dp, f, notes),
            (true, false) => match &d {
                Destination::Function(FunctionTarget::Alibaba(arn)) => {
                    let fr = FunctionRef::from_arn(arn)?;
                    let hw = self.alibaba_fn_to_huawei(&fr, &dp, notes)?;
                    let urn = FunctionUrn {
                        region: hw.region?,
                        project_id: hw.account?,
                        package: hw.group?,
                        function: hw.name?,
                        qualifier: hw.qualifier,
                    };
                    Some(Destination::Function(FunctionTarget::Huawei(FunctionGraphParam {
                        func_urn: urn,
                        unknown: Default::default(),
                    })))
                }
                Destination::Topic(TopicTarget::Mns(arn)) => {
                    let AcsResource::MnsTopic { topic } = &arn.resource else { return None };
                    let region = self.map_region(&arn.region, true, &dp, notes);
                    let project = self.map_account(&arn.account, true, &dp, notes);
                    let text = format!("urn:smn:{}:{}:{topic}", region?, project?);
                    match text.parse::<SmnTopicUrn>() {
                        Ok(topic_urn) => Some(Destination::Topic(TopicTarget::Smn(SmnParam {
                            topic_urn,
                            unknown: Default::default(),
                        }))),
                        Err(e) => {
                            notes.push(
                                note(codes::IDENTITY_UNMAPPED, &dp, format!("MNS topic `{topic}` cannot be an SMN topic: {e}"))
                                    .with_help(format!("add \"destinations\": {{\"{arn}\": {{\"destination\": \"SMN\", \"param\": {{\"topic_urn\": \"urn:smn:...\"}}}}}} to the mapping file")),
                            );
                            None
                        }
                    }
                }
                _ => self.unmapped(&d, &dp, notes),
            },
            (false, true) => match &d {
                Destination::Function(FunctionTarget::Huawei(p)) => {
                    let al = self.huawei_fn_to_alibaba(&FunctionRef::from_urn(&p.func_urn), true, &dp, notes)?;
                    let resource = match (al.group, self.target) {
                        (Some(service), Dialect::AlibabaFc2) => AcsResource::Fc2Function {
                            service,
                            qualifier: al.qualifier.as_ref().map(Qualifier::to_alibaba),
                            function: al.name?,
                        },
                        (_, _) => {
                            if let Some(q) = al.qualifier.as_ref().filter(|q| **q != Qualifier::Latest) {
                                notes.push(
                                    note(codes::FIELD_DROPPED, &dp, format!("qualifier `{}` of `{}` is not carried: the FC 3.0 destination ARN has no documented qualified form", q.to_alibaba(), p.func_urn))
                                        .with_help(format!("add a `destinations` entry for `{}` to choose the ARN", p.func_urn)),
                                );
                            }
                            AcsResource::Fc3Function { function: al.name?, qualifier: None }
                        }
                    };
                    Some(Destination::from_arn(AcsArn { region: al.region?, account: al.account?, resource }))
                }
                Destination::Topic(TopicTarget::Smn(p)) => {
                    let u = &p.topic_urn;
                    let region = self.map_region(&u.region, false, &dp, notes);
                    let account = self.map_account(&u.project_id, false, &dp, notes);
                    Some(Destination::from_arn(AcsArn {
                        region: region?,
                        account: account?,
                        resource: AcsResource::MnsTopic { topic: u.topic.clone() },
                    }))
                }
                _ => self.unmapped(&d, &dp, notes),
            },
        }
    }

    pub(crate) fn alibaba_to_alibaba(
        &self,
        d: Destination,
        pointer: &str,
        f: Option<&FunctionRef>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Destination> {
        let Destination::Function(FunctionTarget::Alibaba(arn)) = &d else { return Some(d) };
        match (&arn.resource, self.target) {
            (AcsResource::Fc2Function { service, qualifier, function }, Dialect::AlibabaFc3) => {
                let mut message =
                    format!("FC 2.0 function ARN `{arn}` written in the FC 3.0 form without service `{service}`");
                if let Some(q) = qualifier.as_ref().filter(|q| q.as_str() != alibaba::LATEST) {
                    message.push_str(&format!(
                        " and without qualifier `{q}` (a qualified FC 3.0 destination form is not documented)"
                    ));
                }
                notes.push(note(codes::FIELD_DROPPED, pointer, message));
                Some(Destination::from_arn(AcsArn {
                    region: arn.region.clone(),
                    account: arn.account.clone(),
                    resource: AcsResource::Fc3Function { function: function.clone(), qualifier: None },
                }))
            }
            (AcsResource::Fc3Function { function, qualifier }, Dialect::AlibabaFc2) => {
                let service =
                    self.option_fn.as_ref().filter(|(p, _)| *p == Provider::Alibaba).and_then(|(_, o)| o.group.clone());
                let service = service.or_else(|| f.and_then(|f| f.group.clone()));
                match service {
                    Some(service) => {
                        notes.push(note(codes::IDENTITY_INFERRED, pointer, format!("FC 3.0 function ARN `{arn}` written in the FC 2.0 form with service `{service}` (the function's own)")));
                        Some(Destination::from_arn(AcsArn {
                            region: arn.region.clone(),
                            account: arn.account.clone(),
                            resource: AcsResource::Fc2Function {
                                service,
                                qualifier: qualifier.clone(),
                                function: function.clone(),
                            },
                        }))
                    }
                    None => {
                        notes.push(
                            note(codes::IDENTITY_UNMAPPED, pointer,
                                format!("FC 3.0 function ARN `{arn}` has no FC 2.0 form: the service is unknown"),
                            )
                            .with_help("pass --function acs:fc:{region}:{account}:services/{service}/functions/{function}: FC 2.0 destinations are written in the function's own service"),
                        );
                        None
                    }
                }
            }
            _ => Some(d),
        }
    }
}

/// A `destinations` key read backwards as the Huawei destination it names:
/// a function or SMN topic URN, or `OBS:{bucket}` / `DIS:{stream}`
/// ([`Destination::source_key`]'s form for kinds without a URN).
pub(crate) fn huawei_key(key: &str) -> Result<DestinationParam, String> {
    let (kind, value) = if let Ok(func_urn) = key.parse::<FunctionUrn>() {
        return Ok(DestinationParam::FunctionGraph(FunctionGraphParam { func_urn, unknown: Default::default() }));
    } else if let Ok(topic_urn) = key.parse::<SmnTopicUrn>() {
        return Ok(DestinationParam::Smn(SmnParam { topic_urn, unknown: Default::default() }));
    } else if let Some(bucket) = key.strip_prefix("OBS:") {
        (DestinationKind::Obs, json!({ "bucket": bucket }))
    } else if let Some(stream) = key.strip_prefix("DIS:") {
        (DestinationKind::Dis, json!({ "stream_name": stream }))
    } else {
        return Err(format!(
            "read backwards, its key must name a FunctionGraph destination (a function or SMN topic URN, `OBS:{{bucket}}` or `DIS:{{stream}}`), not `{key}`"
        ));
    };
    DestinationParam::from_value(kind, value).map_err(|e| e.to_string())
}
