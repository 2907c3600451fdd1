//! Function identity: the function a document configures and the functions and
//! topics its destinations name, resolved through the mapping file, the
//! built-in region pairs and the same-name fallbacks.

use crate::mapping::{self, Resolved};
use crate::{codes, note, provider, Ctx};
use invokecfg_model::facts::{alibaba, huawei};
use invokecfg_model::*;

impl Ctx<'_> {
    /// The source function, completed from `--function` (source form) and from destination ARNs.
    pub(crate) fn source_function(
        &self,
        c: &AsyncInvokeConfig,
        p: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let mut f = c.function.clone();
        let fp = self.identity_pointer(p);
        if let Some((prov, of)) = &self.option_fn {
            if *prov == provider(self.source) {
                match &mut f {
                    None => f = Some(of.clone()),
                    Some(f) if f.name.is_none() || f.name == of.name => {
                        f.region = f.region.take().or_else(|| of.region.clone());
                        f.account = f.account.take().or_else(|| of.account.clone());
                        f.group = f.group.take().or_else(|| of.group.clone());
                        f.name = f.name.take().or_else(|| of.name.clone());
                        f.qualifier = f.qualifier.take().or_else(|| of.qualifier.clone());
                    }
                    Some(_) => notes.push(note(
                        codes::IDENTITY_INFERRED,
                        &fp,
                        "`--function` names another function than the document; the document's is used",
                    )),
                }
            }
        }
        if let Some(f) = &mut f {
            if self.source.is_alibaba() && f.name.is_some() && (f.region.is_none() || f.account.is_none()) {
                let arn = [&c.on_success, &c.on_failure]
                    .into_iter()
                    .filter_map(|d| d.as_ref()?.as_arn())
                    .find(|a| !a.region.is_empty() && !a.account.is_empty());
                if let Some(arn) = arn {
                    f.region = f.region.take().or_else(|| Some(arn.region.clone()));
                    f.account = f.account.take().or_else(|| Some(arn.account.clone()));
                    notes.push(
                        note(
                            codes::IDENTITY_INFERRED,
                            &fp,
                            format!(
                                "the function's region `{}` and account `{}` were taken from destination `{arn}`",
                                arn.region, arn.account
                            ),
                        )
                        .with_help("pass --function with the function's ARN to state them"),
                    );
                }
            }
        }
        f
    }

    pub(crate) fn target_function(
        &self,
        f: Option<FunctionRef>,
        p: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        if let Some((prov, of)) = &self.option_fn {
            if *prov == provider(self.target) && self.crosses() {
                return Some(of.clone());
            }
        }
        let f = f?;
        let fp = self.identity_pointer(p);
        match (self.source.is_alibaba(), self.target.is_alibaba()) {
            (false, false) => Some(f),
            (true, true) => {
                let mut g = f;
                if self.target == Dialect::AlibabaFc3 {
                    if let Some(service) = g.group.take() {
                        notes.push(
                            note(codes::FIELD_DROPPED, &fp,
                                format!("service `{service}` is not carried: FC 3.0 has no services"),
                            )
                            .with_help("FC 3.0 function names are unique per region: make sure no function of another service has this name"),
                        );
                    }
                } else if g.group.is_none() && g.name.is_some() {
                    notes.push(
                        note(
                            codes::IDENTITY_INCOMPLETE,
                            &fp,
                            "FC 2.0 names a function by service; the output has no `service`",
                        )
                        .with_help("pass --function acs:fc:{region}:{account}:services/{service}/functions/{function}"),
                    );
                }
                Some(g)
            }
            (true, false) => {
                if f.name.is_none() || f.region.is_none() || f.account.is_none() {
                    let what = if f.name.is_none() { "its name" } else { "its region and account" };
                    notes.push(
                        note(codes::IDENTITY_INCOMPLETE, &fp, format!("the function's URN cannot be written: the document lacks {what}; the output is a Put body without `func_urn`"))
                            .with_help("pass --function with the function's ARN or URN to name it"),
                    );
                    return None;
                }
                self.alibaba_fn_to_huawei(&f, &fp, notes)
            }
            (false, true) => self.huawei_fn_to_alibaba(&f, false, &fp, notes),
        }
    }

    pub(crate) fn map_region(
        &self,
        region: &str,
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let builtin = mapping::builtin_region(region, forward);
        match mapping::resolve(&self.mapping.regions, region, forward, builtin.map(|(r, _)| r)) {
            Resolved::Entry(r) => {
                self.resolved(Namespace::Region, region, r, forward, None, pointer, notes);
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
                    .with_help(format!("add \"regions\": {{\"{a}\": \"...\"}} to the mapping file to choose another")),
                );
                return Some(r);
            }
            Resolved::Clash { fallback, entry } => {
                self.clash(Namespace::Region, region, &fallback, "the built-in pair", entry, forward, pointer, notes);
                return None;
            }
            Resolved::Missing => {}
        }
        let help = if forward {
            format!("add \"regions\": {{\"{region}\": \"<FunctionGraph region>\"}} to the mapping file")
        } else {
            format!("add \"regions\": {{\"<Alibaba region>\": \"{region}\"}} to the mapping file")
        };
        notes.push(
            note(
                codes::IDENTITY_UNMAPPED,
                pointer,
                format!("region `{region}` has no counterpart: no mapping entry and no built-in pair"),
            )
            .with_help(help),
        );
        None
    }

    pub(crate) fn map_account(
        &self,
        account: &str,
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if let Some(a) = mapping::lookup(&self.mapping.accounts, account, forward) {
            self.resolved(Namespace::Account, account, a, forward, None, pointer, notes);
            return Some(a.to_string());
        }
        let (msg, help) = if forward {
            (
                format!("account `{account}` has no FunctionGraph project id"),
                format!("add \"accounts\": {{\"{account}\": \"<32-character project id>\"}} to the mapping file"),
            )
        } else {
            (
                format!("project id `{account}` has no Alibaba account"),
                format!("add \"accounts\": {{\"<16-digit account id>\": \"{account}\"}} to the mapping file"),
            )
        };
        notes.push(note(codes::IDENTITY_UNMAPPED, pointer, msg).with_help(help));
        None
    }

    pub(crate) fn map_qualifier(
        &self,
        q: Option<Qualifier>,
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Qualifier> {
        match q? {
            Qualifier::Latest => Some(Qualifier::Latest),
            Qualifier::Alias(a) => Some(Qualifier::Alias(a)),
            Qualifier::Version(v) => {
                let text = if forward { Qualifier::Version(v.clone()).to_alibaba() } else { v.clone() };
                match mapping::resolve(&self.mapping.qualifiers, &text, forward, Some(&text)) {
                    Resolved::Entry(m) => {
                        self.resolved(Namespace::Qualifier, &text, m, forward, None, pointer, notes);
                        Some(if forward { Qualifier::from_huawei(m) } else { Qualifier::from_alibaba(m) })
                    }
                    Resolved::Clash { fallback, entry } => {
                        self.clash(
                            Namespace::Qualifier,
                            &v,
                            &fallback,
                            "keeping it as it is",
                            entry,
                            forward,
                            pointer,
                            notes,
                        );
                        None
                    }
                    // Function Compute reads a qualifier that is not a number as an alias.
                    _ if !forward && !matches!(Qualifier::from_alibaba(&v), Qualifier::Version(_)) => {
                        notes.push(
                            note(codes::IDENTITY_UNMAPPED, pointer,
                                format!("FunctionGraph version `{v}` has no Function Compute counterpart: FC versions are numbers, and an unmapped version is never turned into an alias"),
                            )
                            .with_help(format!("add \"qualifiers\": {{\"<Function Compute version>\": \"{v}\"}} to the mapping file")),
                        );
                        None
                    }
                    _ => {
                        let help = if forward {
                            format!("add \"qualifiers\": {{\"{v}\": \"<FunctionGraph version>\"}} to the mapping file")
                        } else {
                            format!(
                                "add \"qualifiers\": {{\"<Function Compute version>\": \"{v}\"}} to the mapping file"
                            )
                        };
                        notes.push(
                            note(
                                codes::QUALIFIER_KEPT,
                                pointer,
                                format!("version `{v}` has no counterpart on {}; kept as it is", self.target.id()),
                            )
                            .with_help(help),
                        );
                        Some(Qualifier::Version(v))
                    }
                }
            }
        }
    }

    pub(crate) fn alibaba_fn_to_huawei(
        &self,
        f: &FunctionRef,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let region = self.map_region(f.region.as_deref()?, true, pointer, notes);
        let account = self.map_account(f.account.as_deref()?, true, pointer, notes);
        let package = match &f.group {
            Some(service) => match mapping::resolve(&self.mapping.packages, service, true, Some(service)) {
                Resolved::Entry(p) => {
                    self.resolved(Namespace::Package, service, p, true, None, pointer, notes);
                    p.to_string()
                }
                Resolved::Fallback(p) => {
                    self.resolved(Namespace::Package, service, &p, true, Some("keeping its name"), pointer, notes);
                    p
                }
                Resolved::Clash { fallback, entry } => {
                    self.clash(Namespace::Package, service, &fallback, "keeping its name", entry, true, pointer, notes);
                    return None;
                }
                Resolved::Missing => return None,
            },
            // FC 3.0 functions have no service: they live in one package, `default` unless `""` says otherwise.
            None => mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE).to_string(),
        };
        let name = f.name.clone()?;
        if let Err(e) = huawei::FUNCTION_NAME.check(&name) {
            notes.push(
                note(codes::IDENTITY_UNMAPPED, pointer, format!("function name `{name}` is not valid on FunctionGraph: {e}"))
                    .with_help(format!("rename the function on the source, or translate with --function naming the FunctionGraph function; a mapping entry cannot change a function name ({})", huawei::FUNCTION_NAME.describe())),
            );
            return None;
        }
        let qualifier = self.map_qualifier(f.qualifier.clone(), true, pointer, notes);
        let urn = FunctionUrn {
            region: region?,
            project_id: account?,
            package,
            function: name,
            qualifier: Some(qualifier.unwrap_or(Qualifier::Latest)),
        };
        // Parsing what we wrote checks every part against FunctionGraph's rules.
        match urn.to_string().parse::<FunctionUrn>() {
            Ok(u) => Some(FunctionRef::from_urn(&u)),
            Err(e) => {
                notes.push(
                    note(codes::IDENTITY_UNMAPPED, pointer, format!("`{urn}` is no valid FunctionGraph URN: {e}"))
                        .with_help("map the service to a valid package with a `packages` entry"),
                );
                None
            }
        }
    }

    /// A FunctionGraph function as a Function Compute one; `with_location`:
    /// its region and account are needed (an ARN), else only the FC 2.0
    /// service and name are (a config's own function).
    pub(crate) fn huawei_fn_to_alibaba(
        &self,
        f: &FunctionRef,
        with_location: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let with_location = with_location || self.target == Dialect::AlibabaFc3;
        let package = f.group.clone().unwrap_or_else(|| huawei::DEFAULT_PACKAGE.into());
        let group = if self.target == Dialect::AlibabaFc3 {
            let home = mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE);
            if package != home {
                notes.push(
                    note(codes::FIELD_DROPPED, pointer, format!("package `{package}` is not carried: FC 3.0 has no services"))
                        .with_help(format!("add \"packages\": {{\"\": \"{package}\"}} to the mapping file to say FC 3.0 functions live there")),
                );
            }
            None
        } else {
            match mapping::resolve(&self.mapping.packages, &package, false, Some(&package)) {
                Resolved::Entry(s) => {
                    self.resolved(Namespace::Package, &package, s, false, None, pointer, notes);
                    Some(s.to_string())
                }
                Resolved::Fallback(s) => {
                    self.resolved(Namespace::Package, &package, &s, false, Some("keeping its name"), pointer, notes);
                    Some(s)
                }
                Resolved::Clash { fallback, entry } => {
                    self.clash(
                        Namespace::Package,
                        &package,
                        &fallback,
                        "keeping its name",
                        entry,
                        false,
                        pointer,
                        notes,
                    );
                    return None;
                }
                Resolved::Missing => return None,
            }
        };
        let unmapped_version = notes.len();
        let qualifier = match self.map_qualifier(f.qualifier.clone(), false, pointer, notes) {
            Some(Qualifier::Latest) | None => None,
            q => q,
        };
        if f.qualifier.is_some()
            && qualifier.is_none()
            && notes[unmapped_version..].iter().any(|n| n.severity == Severity::Error)
        {
            return None;
        }
        if !with_location {
            let (service, name) = (group?, f.name.clone()?);
            for (rule, value) in [(&alibaba::SERVICE_NAME, &service), (&alibaba::FUNCTION_NAME, &name)] {
                if let Err(e) = rule.check(value) {
                    notes.push(
                        note(
                            codes::IDENTITY_UNMAPPED,
                            pointer,
                            format!("`{value}` is not valid on Function Compute: {e}"),
                        )
                        .with_help(
                            "map the package with a `packages` entry; a mapping entry cannot change a function name",
                        ),
                    );
                    return None;
                }
            }
            notes.push(
                note(codes::IDENTITY_IMPLICIT, pointer,
                    format!(
                        "the function's region `{}` and project `{}` are not carried: an FC 2.0 config names its function by service and name only",
                        f.region.as_deref().unwrap_or_default(),
                        f.account.as_deref().unwrap_or_default()
                    ),
                )
                .with_help("the region and account are those of the FC 2.0 endpoint the config is sent to; translating back, pass --function with the function's URN"),
            );
            return Some(FunctionRef {
                region: None,
                account: None,
                group: Some(service),
                name: Some(name),
                qualifier,
            });
        }
        let region = self.map_region(f.region.as_deref()?, false, pointer, notes);
        let account = self.map_account(f.account.as_deref()?, false, pointer, notes);
        let arn = AcsArn {
            region: region?,
            account: account?,
            resource: match group {
                Some(service) => AcsResource::Fc2Function {
                    service,
                    qualifier: qualifier.as_ref().map(Qualifier::to_alibaba),
                    function: f.name.clone()?,
                },
                None => AcsResource::Fc3Function { function: f.name.clone()?, qualifier: None },
            },
        };
        match arn.to_string().parse::<AcsArn>() {
            Ok(a) => {
                let mut g = FunctionRef::from_arn(&a)?;
                g.qualifier = qualifier;
                Some(g)
            }
            Err(e) => {
                notes.push(
                    note(codes::IDENTITY_UNMAPPED, pointer, format!("`{arn}` is no valid Function Compute ARN: {e}"))
                        .with_help("map the package with a `packages` entry"),
                );
                None
            }
        }
    }

    pub(crate) fn fill_relative(
        &self,
        arn: &AcsArn,
        f: Option<&FunctionRef>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<AcsArn> {
        if !arn.is_relative() {
            return Some(arn.clone());
        }
        let mut filled = arn.clone();
        if filled.region.is_empty() {
            filled.region = f.and_then(|f| f.region.clone()).unwrap_or_default();
        }
        if filled.account.is_empty() {
            filled.account = f.and_then(|f| f.account.clone()).unwrap_or_default();
        }
        if filled.is_relative() {
            notes.push(
                note(
                    codes::IDENTITY_UNMAPPED,
                    pointer,
                    format!(
                        "`{arn}` leaves its region or account to the function's own, which the document does not state"
                    ),
                )
                .with_help("pass --function with the function's ARN"),
            );
            return None;
        }
        notes.push(note(
            codes::RELATIVE_ARN_FILLED,
            pointer,
            format!("`{arn}` was read as `{filled}` (the function's own region and account)"),
        ));
        Some(filled)
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

    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Namespace::Region => ("region", "region"),
            Namespace::Account => ("account", "project"),
            Namespace::Package => ("service", "package"),
            Namespace::Qualifier => ("version", "version"),
        }
    }
}

impl Ctx<'_> {
    /// Says how an identifier was resolved: by the mapping file's entry, or by
    /// the fallback `how` (built-in pairs have their own note, T204).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn resolved(
        &self,
        ns: Namespace,
        from: &str,
        to: &str,
        forward: bool,
        how: Option<&str>,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) {
        let (alibaba_noun, huawei_noun) = ns.noun();
        let (noun, other) = if forward { (alibaba_noun, huawei_noun) } else { (huawei_noun, alibaba_noun) };
        let table = ns.table();
        let by = match how {
            Some(how) => format!("by {how} (no `{table}` entry)"),
            None if forward => format!("by the mapping file's `{table}` entry `{from}`"),
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
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) {
        let (alibaba_noun, huawei_noun) = ns.noun();
        let (noun, other) = if forward { (alibaba_noun, huawei_noun) } else { (huawei_noun, alibaba_noun) };
        let table = ns.table();
        let (entry_key, entry_value) = entry;
        let help = if forward {
            format!("add \"{table}\": {{\"{id}\": \"<FunctionGraph {other}>\"}} to the mapping file")
        } else {
            format!("add \"{table}\": {{\"<Function Compute {other}>\": \"{id}\"}} to the mapping file")
        };
        notes.push(
            note(codes::MAPPING_CLASH, pointer,
                format!(
                    "{noun} `{id}` would become {other} `{fallback}` by {how}, but the mapping file's `{table}` entry `{entry_key}` -> `{entry_value}` already pairs `{fallback}` with another {noun}; a mapping is read both ways, so each counterpart may be used once"
                ),
            )
            .with_help(help),
        );
    }
}
