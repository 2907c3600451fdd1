//! The registration: the one place each provider and each dialect is tied to
//! its facts. Every match here is exhaustive, so a provider or dialect added
//! to `provider.rs` or `dialect.rs` without its facts does not compile; every
//! other list of providers or dialects is derived from `ALL` and these.

use crate::dialect::{Dialect, Field};
use crate::facts::{alibaba, aws, huawei};
use crate::provider::Provider;
use crate::spec::{DialectSpec, ProviderNouns, ProviderSpec};
use std::fmt;
use std::str::FromStr;

impl Provider {
    /// Everything the workspace knows of this provider, in one value.
    pub fn spec(self) -> &'static ProviderSpec {
        match self {
            Provider::Alibaba => &alibaba::PROVIDER,
            Provider::Huawei => &huawei::PROVIDER,
            Provider::Aws => &aws::PROVIDER,
        }
    }

    /// The id the mapping file uses (`alibaba`, `huawei`, `aws`).
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The provider's functions service, for messages.
    pub fn service_name(self) -> &'static str {
        self.spec().service_name
    }

    /// How the provider names a function's namespace and account, for messages.
    pub fn nouns(self) -> ProviderNouns {
        self.spec().nouns
    }

    /// The dialect whose notation spells the provider's identifiers.
    pub fn home_dialect(self) -> Dialect {
        self.spec().home
    }

    /// The provider's dialects, in registration order.
    pub fn dialects(self) -> impl Iterator<Item = Dialect> {
        Dialect::ALL.into_iter().filter(move |d| d.provider() == self)
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Dialect {
    /// Everything the workspace knows of this dialect, in one value: the one
    /// place a dialect's facts are registered.
    pub fn spec(self) -> &'static DialectSpec {
        match self {
            Dialect::AlibabaFc2 => &alibaba::FC2_SPEC,
            Dialect::AlibabaFc3 => &alibaba::FC3_SPEC,
            Dialect::Huawei => &huawei::SPEC,
            Dialect::AwsLambda => &aws::SPEC,
        }
    }

    /// The id used on the command line and in schema file names.
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The provider and API, for messages.
    pub fn title(self) -> &'static str {
        self.spec().title
    }

    /// The cloud whose identifiers the dialect writes.
    pub fn provider(self) -> Provider {
        self.spec().provider
    }

    /// Whether the dialect is one of Alibaba's.
    pub fn is_alibaba(self) -> bool {
        self.provider() == Provider::Alibaba
    }

    /// The keys one config of this dialect may hold.
    pub fn config_keys(self) -> &'static [&'static str] {
        self.spec().config_keys
    }

    /// The keys that name a config's function, the preferred one first.
    pub fn identity_keys(self) -> &'static [&'static str] {
        self.spec().identity_keys
    }

    /// The keys of this dialect's list document.
    pub fn list_keys(self) -> &'static [&'static str] {
        self.spec().list.keys
    }

    /// The key holding a list document's items.
    pub fn list_items_key(self) -> &'static str {
        self.spec().list.items
    }

    /// Every dialect id, for messages (`alibaba-fc2, alibaba-fc3, ...`).
    pub fn ids() -> String {
        Dialect::ALL.map(Dialect::id).join(", ")
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An unknown dialect id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDialect(pub String);

impl fmt::Display for UnknownDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown dialect `{}`; expected one of {}", self.0, Dialect::ids())
    }
}

impl std::error::Error for UnknownDialect {}

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dialect::ALL.into_iter().find(|d| d.id() == s).ok_or_else(|| UnknownDialect(s.into()))
    }
}

impl Dialect {
    /// The JSON key of `field` in this dialect.
    pub fn key(self, field: Field) -> &'static str {
        let spec = self.spec();
        spec.keys.get(field, &spec.list)
    }
}
