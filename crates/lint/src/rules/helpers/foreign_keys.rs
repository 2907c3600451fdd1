//! The keys each dialect spells for the same field: S105 names this
//! dialect's spelling of a foreign key, S106 leaves foreign keys to S105.

use crate::ctx::Level;
use invokecfg_model::facts::{alibaba, huawei};
use invokecfg_model::spec::{DialectSpec, FieldKeys};
use invokecfg_model::Dialect;

/// One field and its spelling in each dialect (FC 2.0, FC 3.0, Huawei, Lambda).
pub(crate) struct Row {
    pub level: Level,
    pub spell: [Option<&'static str>; Dialect::ALL.len()],
    /// Renaming between FC 2.0 and FC 3.0 keeps the meaning and value form.
    pub same_alibaba: bool,
    /// Renaming between providers keeps the meaning and value form.
    pub same_cross: bool,
    /// Said when this dialect has no such field, or the value form differs.
    pub note: &'static str,
    /// The spellings name related but different things (function name vs ARN vs URN).
    pub other_meaning: bool,
}

const fn row(
    level: Level,
    spell: [Option<&'static str>; Dialect::ALL.len()],
    same_alibaba: bool,
    same_cross: bool,
    note: &'static str,
) -> Row {
    Row { level, spell, same_alibaba, same_cross, note, other_meaning: false }
}

/// A row whose spellings mean related but different things.
const fn nearest(row: Row) -> Row {
    Row { other_meaning: true, ..row }
}

/// The state-tracking switch's key.
const fn state_key(s: &DialectSpec) -> Option<&'static str> {
    match s.state_tracking {
        Some(t) => Some(t.key),
        None => None,
    }
}

// The spellings of each neutral field, from the dialect specs.
const FC2: FieldKeys = alibaba::FC2_SPEC.keys;
const FC3: FieldKeys = alibaba::FC3_SPEC.keys;
const HW: FieldKeys = huawei::SPEC.keys;
const AWS: FieldKeys = invokecfg_model::facts::aws::SPEC.keys;

pub(crate) const ROWS: &[Row] = &[
    row(
        Level::Config,
        [Some(FC2.max_event_age), Some(FC3.max_event_age), Some(HW.max_event_age), Some(AWS.max_event_age)],
        true,
        true,
        "",
    ),
    row(
        Level::Config,
        [Some(FC2.retry_attempts), Some(FC3.retry_attempts), Some(HW.retry_attempts), Some(AWS.retry_attempts)],
        true,
        true,
        "",
    ),
    nearest(row(
        Level::Config,
        [state_key(&alibaba::FC2_SPEC), state_key(&alibaba::FC3_SPEC), state_key(&huawei::SPEC), None],
        true,
        false,
        "Alibaba's asynchronous task mode and Huawei's status log are the closest features, not the same one; Lambda has neither",
    )),
    row(
        Level::Config,
        [
            Some(FC2.destination_config),
            Some(FC3.destination_config),
            Some(HW.destination_config),
            Some(AWS.destination_config),
        ],
        true,
        false,
        "Alibaba and Lambda destinations are ARNs; Huawei destinations are a kind plus a JSON-string `param`",
    ),
    row(
        Level::Config,
        [FC2.created_time, FC3.created_time, HW.created_time, AWS.created_time],
        true,
        true,
        "Lambda records only when a config was last modified",
    ),
    row(
        Level::Config,
        [Some(FC2.last_modified), Some(FC3.last_modified), Some(HW.last_modified), Some(AWS.last_modified)],
        true,
        true,
        "",
    ),
    nearest(row(
        Level::Config,
        [Some("function"), Some(FC3.function), Some(HW.function), Some(AWS.function)],
        false,
        false,
        "FC 2.0 names the function (`service` + `function`), FC 3.0 by ARN, Huawei by URN, Lambda by name or ARN",
    )),
    nearest(row(
        Level::Config,
        [Some(alibaba::LEGACY_FUNCTION_KEY), Some(FC3.function), Some(HW.function), Some(AWS.function)],
        false,
        false,
        "FC 2.0 names the function (`service` + `function`), FC 3.0 by ARN, Huawei by URN, Lambda by name or ARN",
    )),
    row(
        Level::Config,
        [Some(alibaba::SERVICE_KEY), None, None, None],
        false,
        false,
        "FC 3.0 and Lambda have no service level; Huawei's package is part of `func_urn`",
    ),
    row(
        Level::Config,
        [Some(alibaba::LEGACY_SERVICE_KEY), None, None, None],
        false,
        false,
        "FC 3.0 and Lambda have no service level; Huawei's package is part of `func_urn`",
    ),
    row(
        Level::Config,
        [Some(alibaba::QUALIFIER_KEY), Some(alibaba::QUALIFIER_KEY), None, Some(invokecfg_model::facts::aws::QUALIFIER_KEY)],
        true,
        false,
        "Huawei puts the version in `func_urn`; Lambda spells the latest code `$LATEST`",
    ),
    row(Level::Config, [None, None, Some(huawei::LOG_KEYS[0]), None], false, false, "only FunctionGraph has LTS log fields"),
    row(Level::Config, [None, None, Some(huawei::LOG_KEYS[1]), None], false, false, "only FunctionGraph has LTS log fields"),
    row(Level::Config, [None, None, Some(huawei::LOG_KEYS[2]), None], false, false, "only FunctionGraph has LTS log fields"),
    row(Level::Config, [None, None, Some(huawei::LOG_KEYS[3]), None], false, false, "only FunctionGraph has LTS log fields"),
    row(
        Level::DestinationConfig,
        [Some(FC2.on_success), Some(FC2.on_success), Some(HW.on_success), Some(AWS.on_success)],
        true,
        false,
        "the destination inside has another form (an ARN vs a kind + `param`)",
    ),
    row(
        Level::DestinationConfig,
        [Some(FC2.on_failure), Some(FC2.on_failure), Some(HW.on_failure), Some(AWS.on_failure)],
        true,
        false,
        "the destination inside has another form (an ARN vs a kind + `param`)",
    ),
    row(
        Level::Destination,
        [None, None, Some(huawei::DESTINATION_KEYS[1]), None],
        false,
        false,
        "Alibaba and Lambda destinations are one ARN string",
    ),
    row(
        Level::List,
        [
            Some(alibaba::FC2_SPEC.list.items),
            Some(alibaba::FC2_SPEC.list.items),
            Some(huawei::SPEC.list.items),
            Some(invokecfg_model::facts::aws::SPEC.list.items),
        ],
        true,
        false,
        "the items differ",
    ),
    row(
        Level::List,
        [
            alibaba::FC2_SPEC.list.next_token,
            alibaba::FC2_SPEC.list.next_token,
            None,
            invokecfg_model::facts::aws::SPEC.list.next_token,
        ],
        true,
        false,
        "Huawei pages with `page_info` markers",
    ),
    row(Level::List, [None, None, huawei::SPEC.list.total, None], false, false, "Alibaba and Lambda lists carry only a next-page token"),
    row(Level::List, [None, None, huawei::SPEC.list.position, None], false, false, "Alibaba and Lambda page with a next-page token"),
];

/// The column of `d` in a row's spellings.
/// The column of `d`: rows spell a key per dialect in [`Dialect::ALL`]'s order,
/// so a dialect added without its column does not compile.
pub(crate) fn idx(d: Dialect) -> usize {
    Dialect::ALL.iter().position(|e| *e == d).unwrap_or(Dialect::ALL.len())
}

/// The row that makes `key` a key of another dialect than `d` at `level`.
pub(crate) fn foreign(d: Dialect, level: Level, key: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| {
        r.level == level
            && r.spell.get(idx(d)).copied().flatten() != Some(key)
            && Dialect::ALL.iter().any(|&e| e != d && r.spell.get(idx(e)).copied().flatten() == Some(key))
    })
}

/// Whether `key` is one `d` defines at `level` (legacy FC 2.0 spellings included).
pub(crate) fn is_known(d: Dialect, level: Level, key: &str) -> bool {
    crate::ctx::known_keys(d, level).contains(&key)
        || (d == Dialect::AlibabaFc2
            && level == Level::Config
            && alibaba::FC2_LEGACY_KEYS.iter().any(|(o, _)| *o == key))
}
