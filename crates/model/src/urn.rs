//! Huawei Cloud resource names: function URNs and SMN topic URNs.
//!
//! Grammar from the FunctionGraph function model (reference §3.1):
//! `urn:fss:{region}:{project_id}:function:{package}:{name}[:{version}|:!{alias}]`.
//! The short forms the API accepts as a path parameter (`name`,
//! `package:name`, ...) are not URNs: parsing says so.

use crate::facts::{huawei, is_region_shaped, looks_like_placeholder, NameError};
use std::fmt;
use std::str::FromStr;

/// Which code of a function is meant: the latest, a published version, or an alias.
///
/// Providers spell these differently (`LATEST`/`latest`, `prod`/`!prod`); the
/// type holds the meaning, each dialect holds the spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// The unpublished code (`LATEST` on Alibaba, `latest` on Huawei).
    Latest,
    /// A published version (`3` on Alibaba, `v20240101-120000` on Huawei).
    Version(String),
    /// An alias (`prod` on Alibaba, `!prod` in a Huawei URN).
    Alias(String),
}

impl Qualifier {
    /// Reads an Alibaba FC qualifier: `LATEST`, digits (a version), else an alias.
    pub fn from_alibaba(s: &str) -> Qualifier {
        if s == crate::facts::alibaba::LATEST {
            Qualifier::Latest
        } else if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            Qualifier::Version(s.into())
        } else {
            Qualifier::Alias(s.into())
        }
    }

    /// The Alibaba spelling.
    pub fn to_alibaba(&self) -> String {
        match self {
            Qualifier::Latest => crate::facts::alibaba::LATEST.into(),
            Qualifier::Version(v) | Qualifier::Alias(v) => v.clone(),
        }
    }

    /// Reads the last part of a Huawei function URN.
    pub fn from_huawei(s: &str) -> Qualifier {
        if s == huawei::LATEST {
            Qualifier::Latest
        } else if let Some(alias) = s.strip_prefix(huawei::ALIAS_PREFIX) {
            Qualifier::Alias(alias.into())
        } else {
            Qualifier::Version(s.into())
        }
    }

    /// The Huawei URN spelling.
    pub fn to_huawei(&self) -> String {
        match self {
            Qualifier::Latest => huawei::LATEST.into(),
            Qualifier::Version(v) => v.clone(),
            Qualifier::Alias(a) => format!("{}{a}", huawei::ALIAS_PREFIX),
        }
    }
}

/// A FunctionGraph function URN, full (8 parts) or without version (7 parts, meaning `latest`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionUrn {
    /// Region id, e.g. `cn-north-4`.
    pub region: String,
    /// Project id: 32 letters and digits.
    pub project_id: String,
    /// Package (application) the function belongs to, `default` unless named.
    pub package: String,
    /// Function name.
    pub function: String,
    /// Version or alias; `None` is the 7-part form, which means `latest`.
    pub qualifier: Option<Qualifier>,
}

/// An SMN topic URN: `urn:smn:{region}:{project_id}:{topic}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SmnTopicUrn {
    /// Region id.
    pub region: String,
    /// Project id.
    pub project_id: String,
    /// Topic name.
    pub topic: String,
}

/// Which part of a URN is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrnError {
    /// Longer than the API accepts.
    TooLong { len: usize, max: usize },
    /// A short form (`name`, `package:name`, ...) where a full URN is required.
    ShortForm { found: String, parts: usize },
    /// Not starting with the expected prefix.
    Prefix { expected: &'static str, found: String },
    /// Wrong number of `:`-separated parts.
    Parts { expected: &'static str, found: usize },
    /// The resource-type part of a function URN is not `function`.
    ResourceType { found: String },
    /// A region that is not a region id.
    Region { region: String },
    /// A project id that is not 32 letters and digits.
    ProjectId { project_id: String },
    /// A name breaking its rule.
    Name(NameError),
}

impl fmt::Display for UrnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrnError::TooLong { len, max } => write!(f, "a function URN has at most {max} characters, found {len}"),
            UrnError::ShortForm { found, parts } => write!(
                f,
                "`{found}` is a short function reference ({parts} part{}); a full URN `urn:fss:{{region}}:{{project_id}}:function:{{package}}:{{name}}[:{{version}}]` is required here",
                if *parts == 1 { "" } else { "s" }
            ),
            UrnError::Prefix { expected, found } => write!(f, "a URN starts with `{expected}`, found `{found}`"),
            UrnError::Parts { expected, found } => write!(f, "expected {expected}, found {found} `:`-separated parts"),
            UrnError::ResourceType { found } => {
                write!(f, "resource type `{found}` is not `function`: expected `function:{{package}}:{{name}}` after the project id")
            }
            UrnError::Region { region } if looks_like_placeholder(region) => {
                write!(f, "region `{region}` is a placeholder, not a region id such as `cn-north-4`")
            }
            UrnError::Region { region } => write!(f, "region `{region}` is not a region id such as `cn-north-4`"),
            UrnError::ProjectId { project_id } if looks_like_placeholder(project_id) => write!(
                f,
                "project id `{project_id}` is a placeholder, not {} letters and digits",
                huawei::PROJECT_ID_LEN
            ),
            UrnError::ProjectId { project_id } => {
                write!(f, "project id `{project_id}` is not {} letters and digits", huawei::PROJECT_ID_LEN)
            }
            UrnError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for UrnError {}

impl From<NameError> for UrnError {
    fn from(e: NameError) -> Self {
        UrnError::Name(e)
    }
}

fn check_region(region: &str) -> Result<(), UrnError> {
    if is_region_shaped(region) {
        Ok(())
    } else {
        Err(UrnError::Region { region: region.into() })
    }
}

/// Checks a Huawei project id: 32 ASCII letters and digits.
pub(crate) fn check_project_id(project_id: &str) -> Result<(), UrnError> {
    if project_id.len() == huawei::PROJECT_ID_LEN
        && project_id.bytes().all(|b| b.is_ascii_alphanumeric())
        && !looks_like_placeholder(project_id)
    {
        Ok(())
    } else {
        Err(UrnError::ProjectId { project_id: project_id.into() })
    }
}

/// Checks a Huawei URN qualifier (`latest`, a version name, or `!alias`).
pub(crate) fn check_huawei_qualifier(q: &Qualifier) -> Result<(), UrnError> {
    match q {
        Qualifier::Latest => Ok(()),
        Qualifier::Version(v) => Ok(huawei::VERSION_NAME.check(v)?),
        Qualifier::Alias(a) => Ok(huawei::ALIAS_NAME.check(a)?),
    }
}

impl FromStr for FunctionUrn {
    type Err = UrnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let len = s.chars().count();
        if len > huawei::FUNCTION_URN_MAX_LEN {
            return Err(UrnError::TooLong { len, max: huawei::FUNCTION_URN_MAX_LEN });
        }
        let parts = crate::constraint::colon_parts(s);
        if !s.starts_with("urn:") && parts.len() <= 4 {
            return Err(UrnError::ShortForm { found: s.into(), parts: parts.len() });
        }
        if !s.starts_with("urn:fss:") {
            return Err(UrnError::Prefix { expected: "urn:fss:", found: s.chars().take(24).collect() });
        }
        if parts.len() != 7 && parts.len() != 8 {
            return Err(UrnError::Parts {
                expected: "8 (`urn:fss:{region}:{project_id}:function:{package}:{name}:{version}`) or 7 (no version, meaning latest)",
                found: parts.len(),
            });
        }
        let (region, project_id, kind, package, function) = (parts[2], parts[3], parts[4], parts[5], parts[6]);
        check_region(region)?;
        check_project_id(project_id)?;
        if kind != "function" {
            return Err(UrnError::ResourceType { found: kind.into() });
        }
        huawei::PACKAGE_NAME.check(package)?;
        huawei::FUNCTION_NAME.check(function)?;
        let qualifier = parts.get(7).map(|q| Qualifier::from_huawei(q));
        if let Some(q) = &qualifier {
            check_huawei_qualifier(q)?;
        }
        Ok(FunctionUrn {
            region: region.into(),
            project_id: project_id.into(),
            package: package.into(),
            function: function.into(),
            qualifier,
        })
    }
}

impl fmt::Display for FunctionUrn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "urn:fss:{}:{}:function:{}:{}", self.region, self.project_id, self.package, self.function)?;
        if let Some(q) = &self.qualifier {
            write!(f, ":{}", q.to_huawei())?;
        }
        Ok(())
    }
}

impl FromStr for SmnTopicUrn {
    type Err = UrnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if !s.starts_with("urn:smn:") {
            return Err(UrnError::Prefix { expected: "urn:smn:", found: s.chars().take(24).collect() });
        }
        let parts = crate::constraint::colon_parts(s);
        if parts.len() != 5 {
            return Err(UrnError::Parts {
                expected: "5 (`urn:smn:{region}:{project_id}:{topic}`)",
                found: parts.len(),
            });
        }
        check_region(parts[2])?;
        check_project_id(parts[3])?;
        huawei::TOPIC_NAME.check(parts[4])?;
        Ok(SmnTopicUrn { region: parts[2].into(), project_id: parts[3].into(), topic: parts[4].into() })
    }
}

impl fmt::Display for SmnTopicUrn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "urn:smn:{}:{}:{}", self.region, self.project_id, self.topic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "0970dd7a1300f5672ff2c003c60ae115";

    #[test]
    fn function_urn_forms() {
        for s in [
            format!("urn:fss:cn-north-4:{P}:function:default:test:latest"),
            format!("urn:fss:cn-north-4:{P}:function:default:test:!prod"),
            format!("urn:fss:cn-north-4:{P}:function:default:test:v20240101-120000"),
            format!("urn:fss:cn-north-4:{P}:function:default:test"),
        ] {
            let u: FunctionUrn = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(u.to_string(), s);
        }
        let u: FunctionUrn = format!("urn:fss:cn-north-4:{P}:function:default:test:!prod").parse().unwrap();
        assert_eq!(u.qualifier, Some(Qualifier::Alias("prod".into())));
    }

    #[test]
    fn function_urn_errors_name_the_part() {
        let e = |s: &str| s.parse::<FunctionUrn>().unwrap_err().to_string();
        assert!(e("default:test").starts_with("`default:test` is a short function reference (2 parts)"));
        assert!(e("test").contains("(1 part)"));
        assert!(e("urn:fss:{region}:5691ba790e2b46ceb38316xxxxxxxxxx:function:default:t:latest")
            .contains("region `{region}` is a placeholder"));
        assert!(
            e("urn:fss:cn-north-7:5691ba790e2b46ceb38316xxxxxxxxxx:function:default:t:latest").contains("project id")
        );
        assert!(e(&format!("urn:fss:cn-north-4:{P}:workflow:default:t:latest")).contains("resource type `workflow`"));
        assert!(e(&format!("urn:fss:cn-north-4:{P}:function:default:t:!1a")).contains("alias name"));
        assert!(e(&format!("urn:fss:cn-north-4:{P}:function:default:t:latest:x")).contains("found 9"));
        assert!(e(&format!("urn:fss:cn-north-4:{P}:function:default:{}", "a".repeat(300))).contains("at most 269"));
        assert!(e("urn:smn:cn-north-4:x:y").starts_with("a URN starts with `urn:fss:`"));
    }

    #[test]
    fn smn_topic_urn() {
        let s = format!("urn:smn:cn-north-4:{P}:topic_1");
        assert_eq!(s.parse::<SmnTopicUrn>().unwrap().to_string(), s);
        let e = format!("urn:smn:cn-north-4:{P}:topic_1:extra").parse::<SmnTopicUrn>().unwrap_err();
        assert!(e.to_string().contains("found 6"));
    }

    #[test]
    fn qualifier_spellings() {
        assert_eq!(Qualifier::from_alibaba("LATEST"), Qualifier::Latest);
        assert_eq!(Qualifier::from_alibaba("3"), Qualifier::Version("3".into()));
        assert_eq!(Qualifier::from_alibaba("prod").to_huawei(), "!prod");
        assert_eq!(Qualifier::from_huawei("latest").to_alibaba(), "LATEST");
    }
}
