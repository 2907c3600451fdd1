//! Tencent Cloud six-segment resource descriptions of SCF functions:
//! `qcs::scf:{region}:uin/{uin}:namespace/{namespace}/function/{name}`
//! (SCF policy syntax, <https://www.tencentcloud.com/document/product/583/38177>).
//! The form states no qualifier.

use crate::facts::tencent::{self, QCS_ACCOUNT_PREFIX, QCS_FUNCTION_WORD, QCS_NAMESPACE_WORD, QCS_PREFIX, QCS_SERVICE};
use crate::facts::{is_region_shaped, NameError};
use std::fmt;
use std::str::FromStr;

/// An SCF function's resource description.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QcsFunction {
    /// Region id (`ap-guangzhou`).
    pub region: String,
    /// The owner's uin (account id), digits.
    pub uin: String,
    /// Namespace (`default`).
    pub namespace: String,
    /// Function name.
    pub name: String,
}

/// Which segment of a resource description is wrong, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QcsError {
    /// Not `qcs::scf:...`.
    Prefix { found: String },
    /// Not six `:`-separated segments.
    Segments { found: usize },
    /// A region that is not a region id.
    Region { region: String },
    /// The account segment is not `uin/{digits}`.
    Uin { found: String },
    /// The resource segment is not `namespace/{ns}/function/{name}`.
    Resource { found: String },
    /// A namespace or function name breaking its rule.
    Name(NameError),
}

impl fmt::Display for QcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let form = "`qcs::scf:{region}:uin/{uin}:namespace/{namespace}/function/{name}`";
        match self {
            QcsError::Prefix { found } => {
                write!(f, "an SCF function is described as {form}, found `{found}`")
            }
            QcsError::Segments { found } => {
                write!(f, "expected 6 `:`-separated segments ({form}), found {found}")
            }
            QcsError::Region { region } => write!(f, "region `{region}` is not a region id such as `ap-guangzhou`"),
            QcsError::Uin { found } => write!(f, "account segment `{found}` is not `uin/` and the account's digits"),
            QcsError::Resource { found } => {
                write!(f, "resource segment `{found}` is not `namespace/{{namespace}}/function/{{name}}`")
            }
            QcsError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for QcsError {}

impl FromStr for QcsFunction {
    type Err = QcsError;

    fn from_str(s: &str) -> Result<QcsFunction, QcsError> {
        let segments = crate::constraint::colon_parts(s);
        let [prefix, service_type, service, region, account, resource] = segments.as_slice() else {
            if !s.starts_with(&format!("{QCS_PREFIX}:")) {
                return Err(QcsError::Prefix { found: s.into() });
            }
            return Err(QcsError::Segments { found: segments.len() });
        };
        if *prefix != QCS_PREFIX || !service_type.is_empty() || *service != QCS_SERVICE {
            return Err(QcsError::Prefix { found: s.into() });
        }
        if !is_region_shaped(region) {
            return Err(QcsError::Region { region: (*region).into() });
        }
        let uin = account
            .strip_prefix(QCS_ACCOUNT_PREFIX)
            .filter(|u| tencent::is_uin(u))
            .ok_or_else(|| QcsError::Uin { found: (*account).into() })?;
        let parts: Vec<&str> = resource.split('/').collect();
        let [ns_word, namespace, fn_word, name] = parts.as_slice() else {
            return Err(QcsError::Resource { found: (*resource).into() });
        };
        if *ns_word != QCS_NAMESPACE_WORD || *fn_word != QCS_FUNCTION_WORD {
            return Err(QcsError::Resource { found: (*resource).into() });
        }
        tencent::NAMESPACE_NAME.check(namespace).map_err(QcsError::Name)?;
        tencent::FUNCTION_NAME.check(name).map_err(QcsError::Name)?;
        Ok(QcsFunction {
            region: (*region).into(),
            uin: uin.into(),
            namespace: (*namespace).into(),
            name: (*name).into(),
        })
    }
}

impl fmt::Display for QcsFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{QCS_PREFIX}::{QCS_SERVICE}:{}:{QCS_ACCOUNT_PREFIX}{}:{QCS_NAMESPACE_WORD}/{}/{QCS_FUNCTION_WORD}/{}",
            self.region, self.uin, self.namespace, self.name
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_form_round_trips() {
        let text = "qcs::scf:ap-guangzhou:uin/100012345678:namespace/default/function/Test1";
        let f: QcsFunction = text.parse().unwrap();
        assert_eq!(
            (f.region.as_str(), f.uin.as_str(), f.namespace.as_str(), f.name.as_str()),
            ("ap-guangzhou", "100012345678", "default", "Test1")
        );
        assert_eq!(f.to_string(), text);
    }

    #[test]
    fn each_wrong_segment_is_named() {
        let bad = |s: &str| s.parse::<QcsFunction>().unwrap_err();
        assert!(matches!(bad("acs:fc:cn-hangzhou:1:functions/f"), QcsError::Prefix { .. }));
        assert!(matches!(bad("qcs::scf:ap-guangzhou:uin/1"), QcsError::Segments { found: 5 }));
        assert!(matches!(bad("qcs::scf:Guangzhou:uin/1:namespace/default/function/f1"), QcsError::Region { .. }));
        assert!(matches!(bad("qcs::scf:ap-guangzhou:uin/******:namespace/default/function/f1"), QcsError::Uin { .. }));
        assert!(matches!(bad("qcs::scf:ap-guangzhou:uin/1:function/f1"), QcsError::Resource { .. }));
        assert!(matches!(bad("qcs::scf:ap-guangzhou:uin/1:namespace/default/function/1f"), QcsError::Name(_)));
    }
}
