//! Function identity: the function a document configures and the functions and
//! topics its destinations name, resolved through the mapping file, the
//! built-in region pairs and the same-name fallbacks.

use crate::mapping;
use crate::{codes, key, note, provider, Ctx};
use invokecfg_model::facts::huawei;
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
        let fp = format!("{p}/{}", key(self.source, "function"));
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
                        Severity::Warning,
                        &fp,
                        "`--function` names another function than the document; the document's is used".into(),
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
                            Severity::Info,
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
        let fp = format!("{p}/{}", key(self.source, "function"));
        match (self.source.is_alibaba(), self.target.is_alibaba()) {
            (false, false) => Some(f),
            (true, true) => {
                let mut g = f;
                if self.target == Dialect::AlibabaFc3 {
                    if let Some(service) = g.group.take() {
                        notes.push(
                            note(
                                codes::FIELD_DROPPED,
                                Severity::Info,
                                &format!("{p}/service"),
                                format!("service `{service}` is not carried: FC 3.0 has no services"),
                            )
                            .with_help("FC 3.0 function names are unique per region; make sure this one is"),
                        );
                    }
                } else if self.source == Dialect::AlibabaFc3 && g.group.is_none() && g.name.is_some() {
                    notes.push(
                        note(
                            codes::IDENTITY_INCOMPLETE,
                            Severity::Info,
                            &fp,
                            "FC 2.0 names a function by service; the output has no `service`".into(),
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
                        note(codes::IDENTITY_INCOMPLETE, Severity::Info, &fp, format!("the function's URN cannot be written: the document lacks {what}; the output is a Put body without `func_urn`"))
                            .with_help("pass --function with the function's ARN or URN to name it"),
                    );
                    return None;
                }
                self.alibaba_fn_to_huawei(&f, &fp, notes)
            }
            (false, true) => self.huawei_fn_to_alibaba(&f, &fp, notes),
        }
    }

    pub(crate) fn map_region(
        &self,
        region: &str,
        forward: bool,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        if let Some(r) = mapping::lookup(&self.mapping.regions, region, forward) {
            return Some(r.to_string());
        }
        if let Some((r, why)) = mapping::builtin_region(region, forward) {
            let (a, h) = if forward { (region, r) } else { (r, region) };
            notes.push(
                note(
                    codes::BUILTIN_REGION_PAIR,
                    Severity::Info,
                    pointer,
                    format!("region `{region}` mapped to `{r}` by the built-in pair {a} <-> {h} ({why})"),
                )
                .with_help(format!("add \"regions\": {{\"{a}\": \"...\"}} to the mapping file to choose another")),
            );
            return Some(r.to_string());
        }
        let help = if forward {
            format!("add \"regions\": {{\"{region}\": \"<FunctionGraph region>\"}} to the mapping file")
        } else {
            format!("add \"regions\": {{\"<Alibaba region>\": \"{region}\"}} to the mapping file")
        };
        notes.push(
            note(
                codes::IDENTITY_UNMAPPED,
                Severity::Error,
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
        notes.push(note(codes::IDENTITY_UNMAPPED, Severity::Error, pointer, msg).with_help(help));
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
                match mapping::lookup(&self.mapping.qualifiers, &text, forward) {
                    Some(m) if forward => Some(Qualifier::from_huawei(m)),
                    Some(m) => Some(Qualifier::from_alibaba(m)),
                    None => {
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
                                Severity::Warning,
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
            Some(service) => mapping::lookup(&self.mapping.packages, service, true).unwrap_or(service).to_string(),
            None => mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE).to_string(),
        };
        let name = f.name.clone()?;
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
                    note(codes::IDENTITY_UNMAPPED, Severity::Error, pointer, format!("`{urn}` is no valid FunctionGraph URN: {e}"))
                        .with_help("map the service with a `packages` entry, or rename the function so FunctionGraph accepts its name"),
                );
                None
            }
        }
    }

    pub(crate) fn huawei_fn_to_alibaba(
        &self,
        f: &FunctionRef,
        pointer: &str,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<FunctionRef> {
        let region = self.map_region(f.region.as_deref()?, false, pointer, notes);
        let account = self.map_account(f.account.as_deref()?, false, pointer, notes);
        let package = f.group.clone().unwrap_or_else(|| huawei::DEFAULT_PACKAGE.into());
        let group = if self.target == Dialect::AlibabaFc3 {
            let home = mapping::lookup(&self.mapping.packages, "", true).unwrap_or(huawei::DEFAULT_PACKAGE);
            if package != home {
                notes.push(
                    note(codes::FIELD_DROPPED, Severity::Warning, pointer, format!("package `{package}` is not carried: FC 3.0 has no services"))
                        .with_help(format!("add \"packages\": {{\"\": \"{package}\"}} to the mapping file to say FC 3.0 functions live there")),
                );
            }
            None
        } else {
            Some(mapping::lookup(&self.mapping.packages, &package, false).unwrap_or(&package).to_string())
        };
        let qualifier = match self.map_qualifier(f.qualifier.clone(), false, pointer, notes) {
            Some(Qualifier::Latest) | None => None,
            q => q,
        };
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
                    note(
                        codes::IDENTITY_UNMAPPED,
                        Severity::Error,
                        pointer,
                        format!("`{arn}` is no valid Function Compute ARN: {e}"),
                    )
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
                    Severity::Error,
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
            Severity::Info,
            pointer,
            format!("`{arn}` was read as `{filled}` (the function's own region and account)"),
        ));
        Some(filled)
    }
}
