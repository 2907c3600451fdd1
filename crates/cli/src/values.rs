//! Parsers for setting values, shared by the flags (as clap value parsers,
//! so a bad value is a usage error, exit 2) and the configuration file.
//! Every error says what would be valid.

use invokecfg_model::{AcsArn, AcsResource, Dialect, FunctionUrn, Severity};

/// `auto` and every dialect id, for `--dialect`.
pub fn dialect_choices() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(std::iter::once("auto").chain(Dialect::ALL.map(Dialect::id)))
}

/// Every dialect id, for `--target`.
pub fn target_choices() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Dialect::ALL.map(Dialect::id))
}

const SELECTOR_CHOICES: &str =
    "expected a rule code (R201), a code prefix (R, R2), a rule name (event-age-out-of-range) or ALL; `invokecfg rules` lists them";

/// A rule selector that names at least one rule.
pub fn selector(s: &str) -> Result<String, String> {
    let s = s.trim();
    if invokecfg_lint::is_known_selector(s) {
        Ok(s.to_string())
    } else {
        Err(format!("`{s}` names no rule; {SELECTOR_CHOICES}"))
    }
}

/// A severity name.
pub fn severity(s: &str) -> Result<Severity, String> {
    s.parse::<Severity>().map_err(|_| format!("`{s}` is no severity; expected error, warning or info"))
}

/// `SELECTOR=SEVERITY`, as `--severity` takes it.
pub fn severity_override(s: &str) -> Result<(String, Severity), String> {
    let Some((sel, sev)) = s.split_once('=') else {
        return Err(format!("`{s}` is not SELECTOR=SEVERITY; e.g. R201=warning (severity: error, warning or info)"));
    };
    Ok((selector(sel)?, severity(sev.trim())?))
}

/// A function identity: an FC function ARN or a FunctionGraph function URN.
pub fn function(s: &str) -> Result<String, String> {
    let arn = s.parse::<AcsArn>();
    if let Ok(a) = &arn {
        if matches!(a.resource, AcsResource::Fc2Function { .. } | AcsResource::Fc3Function { .. }) {
            return Ok(s.to_string());
        }
    }
    if s.parse::<FunctionUrn>().is_ok() {
        return Ok(s.to_string());
    }
    let why = match (arn, s.starts_with("urn:")) {
        (_, true) => s.parse::<FunctionUrn>().err().map(|e| e.to_string()),
        (Err(e), false) => Some(e.to_string()),
        (Ok(_), false) => Some("the ARN names no function".into()),
    };
    Err(format!(
        "`{s}` is no function identity{}; expected an FC function ARN (acs:fc:REGION:ACCOUNT:services/SERVICE.QUALIFIER/functions/NAME, or acs:fc:REGION:ACCOUNT:functions/NAME for FC 3.0) or a FunctionGraph function URN (urn:fss:REGION:PROJECT_ID:function:PACKAGE:NAME:VERSION)",
        why.map(|w| format!(" ({w})")).unwrap_or_default()
    ))
}

/// A base URL for rule pages (`helpUri` = base + `/CODE.md`).
pub fn rules_url(s: &str) -> Result<String, String> {
    if (s.starts_with("https://") || s.starts_with("http://")) && s.len() > "https://".len() {
        Ok(s.trim_end_matches('/').to_string())
    } else {
        Err(format!(
            "`{s}` is no base URL; expected http:// or https://, e.g. https://github.com/ORG/REPO/blob/main/docs/rules"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_named() {
        assert!(severity_override("R201=fatal").unwrap_err().contains("error, warning or info"));
        assert!(severity_override("X999=info").unwrap_err().contains("`X999` names no rule"));
        let code = invokecfg_lint::RuleCode::R201.as_str();
        assert!(severity_override(code).unwrap_err().contains("SELECTOR=SEVERITY"));
        assert_eq!(severity_override(&format!("{code}=info")), Ok((code.into(), Severity::Info)));
        assert!(function("not-an-arn").unwrap_err().contains("expected an FC function ARN"));
        assert!(function("acs:mns:cn-hangzhou:1234567890123456:/queues/q/messages")
            .unwrap_err()
            .contains("names no function"));
        assert!(function("acs:fc:cn-hangzhou:1234567890123456:functions/f").is_ok());
        assert!(rules_url("docs/rules").is_err());
        assert_eq!(rules_url("https://e.invalid/r/").as_deref(), Ok("https://e.invalid/r"));
    }
}
