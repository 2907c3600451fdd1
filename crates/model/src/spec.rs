//! The dialect spec: one value per dialect that the rest of the workspace
//! reads instead of spelling a key, a range or a default itself.
//!
//! The values live with their sources in [`crate::facts`] (one module per
//! provider); [`Dialect::spec`](crate::Dialect::spec) and
//! [`Provider::spec`](crate::Provider::spec) pick one (`registry.rs`).

use crate::constraint::{IntRange, NameRule};
use crate::dialect::{Dialect, Field};
use crate::provider::{Provider, TargetKind};

/// What one provider is, as messages, the mapping file and identifier
/// templates read it: the one value per provider (`facts/<provider>.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderSpec {
    /// The provider described.
    pub provider: Provider,
    /// The id the mapping file uses (`alibaba`, `huawei`, `aws`).
    pub id: &'static str,
    /// The cloud, for messages (`Alibaba Cloud`).
    pub cloud: &'static str,
    /// The provider's functions service, for messages.
    pub service_name: &'static str,
    /// Its words for the parts of a function's identity.
    pub nouns: ProviderNouns,
    /// The dialect whose notation spells its identifiers (FC 2.0 and FC 3.0
    /// share Alibaba's ARNs; FC 2.0's codec spells them).
    pub home: Dialect,
    /// The regions where its functions service runs.
    pub regions: &'static [&'static str],
    /// Where region and account sit in its identifiers split at `:`.
    pub identifier: IdentifierParts,
    /// How many characters its account (or project) id has, and the one
    /// character no real id is made of only, for stand-ins.
    pub account_id: (usize, char),
}

/// A provider's words for the parts of a function's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderNouns {
    /// The level between account and function (FC 2.0 service, FunctionGraph package).
    pub namespace: &'static str,
    /// What owns the function (Alibaba or AWS account, Huawei project).
    pub account: &'static str,
}

/// The grammar of a provider's identifiers as far as templates need it:
/// the scheme (first part) and the indexes of the region and account parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentifierParts {
    /// The first part (`acs`, `urn`, `arn`).
    pub scheme: &'static str,
    /// The index of the region part.
    pub region: usize,
    /// The index of the account (or project) part.
    pub account: usize,
}

/// What one dialect is, as the translator, the linter and the schemas read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialectSpec {
    /// The dialect described.
    pub dialect: Dialect,
    /// Its id on the command line and in schema file names.
    pub id: &'static str,
    /// The provider and API, for messages.
    pub title: &'static str,
    /// A short name for messages (`FC 2.0`).
    pub label: &'static str,
    /// Its published JSON Schema (`schemas/<id>.schema.json`): what it
    /// describes, and the text itself.
    pub schema: (&'static str, &'static str),
    /// Old key spellings still read, each with the key that replaced it.
    pub legacy_keys: &'static [(&'static str, &'static str)],
    /// The cloud whose identifiers it writes.
    pub provider: Provider,
    /// The key of each neutral field.
    pub keys: FieldKeys,
    /// `MaxEventAge` in seconds.
    pub max_event_age: ValueRange,
    /// `RetryAttempts`.
    pub retry_attempts: ValueRange,
    /// Per-invocation state tracking (FC task mode, FunctionGraph status
    /// log); `None` where the API has none (Lambda).
    pub state_tracking: Option<StateTracking>,
    /// Every key one config may hold, in the API's documented order.
    pub config_keys: &'static [&'static str],
    /// Keys the API returns and never takes.
    pub read_only_keys: &'static [&'static str],
    /// Keys that name the config's function, the preferred one first.
    pub identity_keys: &'static [&'static str],
    /// Every key of the destinations object.
    pub destination_config_keys: &'static [&'static str],
    /// Every key of one destination (a side).
    pub destination_keys: &'static [&'static str],
    /// The List response.
    pub list: ListShape,
    /// How a config names its function.
    pub identity: IdentityShape,
    /// The destination kinds the API accepts, in its own words.
    pub destinations: &'static [DestinationSpec],
    /// Whether the API takes destinations at all, and where results go if not.
    pub destination_support: DestinationSupport,
    /// The key an API response wraps its config in (SCF's `{"Response": {...}}`),
    /// where documents may come so.
    pub envelope: Option<&'static str>,
    /// Objects nested in a config that hold its fields (SCF's
    /// `AsyncTriggerConfig` and its `RetryConfig` entries), outermost first.
    pub nested: &'static [NestedObject],
    /// Plain-name members of a config and the rule each follows (SCF's
    /// `FunctionName` and `Namespace`); identifiers are checked by their parsers.
    pub name_fields: &'static [(&'static str, NameRule)],
    /// Values of those members that the provider's documentation uses as
    /// placeholders (SCF's `"FunctionName": "FunctionName"`).
    pub doc_names: &'static [&'static str],
}

/// An object nested in a config: where it sits and which keys it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NestedObject {
    /// Its path from the config, keys joined by `/` (`AsyncTriggerConfig/RetryConfig`).
    pub path: &'static str,
    /// Whether the path holds a list of such objects rather than one.
    pub list: bool,
    /// Every key it may hold.
    pub keys: &'static [&'static str],
    /// How messages name it.
    pub name: &'static str,
    /// For a list whose first entry alone is read (SCF's `RetryConfig`): why
    /// further entries are not carried, for notes and help lines.
    pub further_entries: Option<&'static str>,
}

/// How a dialect names a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentityShape {
    /// The level between account and function.
    pub namespace: NamespaceRule,
    /// Whether a config's function states its region and account (a URN or
    /// ARN) rather than leaving them to the endpoint the config is sent to.
    pub located: bool,
    /// Why a qualifier in a document is not a body field, if it is not.
    pub qualifier_note: Option<&'static str>,
    /// The rule function names follow.
    pub function_name: NameRule,
    /// The rule namespace names follow, where there are namespaces.
    pub namespace_name: Option<NameRule>,
    /// Whether published versions are numbers (Function Compute, Lambda) or
    /// free names (FunctionGraph `v20240101-120000`).
    pub numeric_versions: bool,
    /// Whether a function reference states `latest` rather than leaving it implied.
    pub latest_explicit: bool,
}

/// Whether functions live in a namespace (FC 2.0 service, FunctionGraph package).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamespaceRule {
    /// The provider has none (FC 3.0, Lambda).
    None,
    /// Every function names one (FC 2.0 service).
    Required,
    /// Every function is in one; this one when none is named (FunctionGraph `default`).
    Defaulted(&'static str),
}

/// Whether a dialect's API takes destinations: what a translation into it
/// says of a destination it cannot carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DestinationSupport {
    /// The API takes the kinds in [`DialectSpec::destinations`]; another
    /// kind may still map through a `destinations` mapping entry.
    Accepted,
    /// The API takes none, so no mapping entry can help (SCF).
    Absent {
        /// Where events that fail every attempt go instead, and what sets
        /// it (SCF: the function's dead-letter queue, set by another API).
        failed_events: &'static str,
    },
}

/// One destination kind a dialect accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DestinationSpec {
    /// What it is.
    pub kind: TargetKind,
    /// Its name in the provider's words (`MNS queue`).
    pub name: &'static str,
    /// Accepted as the success destination.
    pub on_success: bool,
    /// Accepted as the failure destination.
    pub on_failure: bool,
    /// Whether its identifier states region and account.
    pub located: bool,
    /// Whether a resource of another cloud maps onto it by name (false for
    /// buckets: their names are global, so each needs a `destinations` entry).
    pub by_name: bool,
    /// Whether a function destination may name a version or alias.
    pub qualified: bool,
}

impl DestinationSpec {
    /// A located, name-mapped kind accepted on both sides.
    pub const fn both(kind: TargetKind, name: &'static str) -> DestinationSpec {
        DestinationSpec {
            kind,
            name,
            on_success: true,
            on_failure: true,
            located: true,
            by_name: true,
            qualified: true,
        }
    }
}

impl DialectSpec {
    /// The dialect's spec of destination kind `kind`, if it accepts it.
    pub fn destination(&self, kind: TargetKind) -> Option<&DestinationSpec> {
        self.destinations.iter().find(|d| d.kind == kind)
    }
}

/// The key of each neutral field in one dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldKeys {
    /// Maximum event age.
    pub max_event_age: &'static str,
    /// Maximum retries.
    pub retry_attempts: &'static str,
    /// The destinations object.
    pub destination_config: &'static str,
    /// The success destination inside it.
    pub on_success: &'static str,
    /// The failure destination inside it.
    pub on_failure: &'static str,
    /// The key under a side that holds the destination's identifier; `None`
    /// where the side as a whole is the identifier (FunctionGraph's
    /// `destination` + `param`).
    pub destination: Option<&'static str>,
    /// Read-only creation time, where the API returns one.
    pub created_time: Option<&'static str>,
    /// Read-only modification time.
    pub last_modified: &'static str,
    /// The function's identity.
    pub function: &'static str,
}

/// A numeric field's accepted range and default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueRange {
    /// What a request (a Put body) may hold; `default` is what omission means.
    pub request: IntRange,
    /// Whether documents read back from the API (responses, list items) are
    /// held to `request` too; FunctionGraph's are not (its tables print stale
    /// ranges, and any integer is accepted there).
    pub responses_checked: bool,
    /// What a help line adds about where the range comes from, if anything.
    pub note: Option<&'static str>,
}

/// Per-invocation state tracking: the closest features the providers have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateTracking {
    /// The switch's key.
    pub key: &'static str,
    /// Keys naming where states are logged (FunctionGraph's LTS group and stream).
    pub log_target_keys: &'static [&'static str],
    /// Its default when omitted.
    pub default: bool,
    /// What turning it on means on this provider, for notes.
    pub meaning: &'static str,
}

/// A List response's shape and the meaning of its paging keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListShape {
    /// The key holding the items.
    pub items: &'static str,
    /// Every key of the list document.
    pub keys: &'static [&'static str],
    /// The opaque token of the next page, if the API pages that way.
    pub next_token: Option<&'static str>,
    /// The total number of configs over every page, if the API states it.
    pub total: Option<&'static str>,
    /// The page position beyond a token (FunctionGraph `page_info`).
    pub position: Option<&'static str>,
    /// The keys the page position holds.
    pub position_keys: &'static [&'static str],
    /// Whether list items may name a qualifier (FC 3.0's `AsyncConfig` items cannot).
    pub items_qualified: bool,
    /// Whether list items name their function by a located identifier even
    /// where a single config need not (Lambda's items carry only `FunctionArn`).
    pub items_located: bool,
}

impl FieldKeys {
    /// The key of `field`.
    pub fn get(&self, field: Field, list: &ListShape) -> &'static str {
        match field {
            Field::MaxEventAge => self.max_event_age,
            Field::RetryAttempts => self.retry_attempts,
            Field::DestinationConfig => self.destination_config,
            Field::OnSuccess => self.on_success,
            Field::OnFailure => self.on_failure,
            Field::LastModified => self.last_modified,
            Field::Function => self.function,
            Field::ListItems => list.items,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Dialect;

    #[test]
    fn every_spec_describes_its_own_dialect_and_lists_its_keys() {
        for d in Dialect::ALL {
            let s = d.spec();
            assert_eq!(s.dialect, d);
            let k = s.keys;
            // A dialect without destinations spells no destination key; a field
            // path (SCF's `AsyncTriggerConfig/MsgTTL`) starts with a config key.
            for key in [k.max_event_age, k.retry_attempts, k.destination_config, k.last_modified, k.function]
                .into_iter()
                .chain(k.created_time)
                .chain(s.state_tracking.map(|t| t.key))
                .filter(|k| !k.is_empty())
            {
                let head = key.split('/').next().unwrap_or(key);
                assert!(s.config_keys.contains(&head), "{d}: `{key}` is not a config key");
            }
            assert_eq!(k.destination_config.is_empty(), s.destinations.is_empty(), "{d}");
            let absent = matches!(s.destination_support, super::DestinationSupport::Absent { .. });
            assert_eq!(absent, s.destinations.is_empty(), "{d}: no kinds exactly when the API takes none");
            // A field read from a list's first entry: the list says why the rest are not carried.
            for path in [k.max_event_age, k.retry_attempts] {
                if let Some((list, _)) = path.split_once("/0/") {
                    let nested = s.nested.iter().find(|n| n.path == list);
                    assert!(nested.is_some_and(|n| n.list && n.further_entries.is_some()), "{d}: `{list}`");
                }
            }
            assert!(s.read_only_keys.iter().all(|r| s.config_keys.contains(r)));
            assert!(s.identity_keys.contains(&k.function));
            assert!(s.list.keys.contains(&s.list.items) || s.list.keys.is_empty());
            assert!(s.list.next_token.is_none_or(|t| s.list.keys.contains(&t)));
            assert!(s.list.total.is_none_or(|t| s.list.keys.contains(&t)));
            assert!(s.max_event_age.request.contains(s.max_event_age.request.default));
            assert!(s.retry_attempts.request.contains(s.retry_attempts.request.default));
        }
    }
}
