//! The dialect spec: one value per dialect that the rest of the workspace
//! reads instead of spelling a key, a range or a default itself.
//!
//! The values live with their sources in [`crate::facts`] (one module per
//! provider); [`Dialect::spec`](crate::Dialect::spec) picks one.

use crate::dialect::{Dialect, Field};
use crate::facts::IntRange;

/// What one dialect is, as the translator, the linter and the schemas read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialectSpec {
    /// The dialect described.
    pub dialect: Dialect,
    /// The key of each neutral field.
    pub keys: FieldKeys,
    /// `MaxEventAge` in seconds.
    pub max_event_age: ValueRange,
    /// `RetryAttempts`.
    pub retry_attempts: ValueRange,
    /// Per-invocation state tracking (FC task mode, FunctionGraph status log).
    pub state_tracking: StateTracking,
    /// Every key one config may hold, in the API's documented order.
    pub config_keys: &'static [&'static str],
    /// Keys the API returns and never takes.
    pub read_only_keys: &'static [&'static str],
    /// Keys that name the config's function, the preferred one first.
    pub identity_keys: &'static [&'static str],
    /// The List response.
    pub list: ListShape,
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
    /// Read-only creation time.
    pub created_time: &'static str,
    /// Read-only modification time.
    pub last_modified: &'static str,
    /// State tracking switch.
    pub state_tracking: &'static str,
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
}

/// Per-invocation state tracking: the closest features the providers have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateTracking {
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
            Field::CreatedTime => self.created_time,
            Field::LastModified => self.last_modified,
            Field::AsyncTask => self.state_tracking,
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
            for key in [
                k.max_event_age,
                k.retry_attempts,
                k.destination_config,
                k.created_time,
                k.last_modified,
                k.state_tracking,
                k.function,
            ] {
                assert!(s.config_keys.contains(&key), "{d}: `{key}` is not a config key");
            }
            assert!(s.read_only_keys.iter().all(|r| s.config_keys.contains(r)));
            assert!(s.identity_keys.contains(&k.function));
            assert!(s.list.keys.contains(&s.list.items));
            assert!(s.list.next_token.is_none_or(|t| s.list.keys.contains(&t)));
            assert!(s.list.total.is_none_or(|t| s.list.keys.contains(&t)));
            assert!(s.max_event_age.request.contains(s.max_event_age.request.default));
            assert!(s.retry_attempts.request.contains(s.retry_attempts.request.default));
        }
    }
}
