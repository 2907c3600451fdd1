//! `tencent-scf` <-> the neutral model: `FunctionName` + `Namespace` as the
//! function (a request states no region, uin or qualifier), the first
//! `RetryConfig` entry's `RetryNum` as the retries, `MsgTTL` as the maximum
//! event age. SCF has no destinations and no list document.
//!
//! Canonical form (what the round trip keeps exactly): `Namespace` stated
//! (omitted it reads as `default`), both members of `AsyncTriggerConfig`
//! (the API requires them), `RetryConfig` holding one entry, no envelope. Further entries (a Get response's `-1`, meaning undocumented)
//! are kept verbatim as what has no neutral counterpart, under their own
//! pointers, and written back where they were.

use super::*;
use crate::document::{TencentAsyncTriggerConfig, TencentConfig, TencentDocument, TencentRetryConfig};
use crate::facts::tencent;
use crate::qcs::QcsFunction;

/// The pointer of `AsyncTriggerConfig` in a config.
fn atc_pointer() -> String {
    format!("/{}", tencent::ASYNC_TRIGGER_CONFIG_KEY)
}

/// The pointer of `RetryConfig` entry `i` in a config.
fn entry_pointer(i: usize) -> String {
    format!("{}/{}/{i}", atc_pointer(), tencent::RETRY_CONFIG_KEY)
}

/// The `tencent-scf` codec.
pub const CODEC: Codec = Codec {
    to_neutral: |d| match d {
        Document::TencentScf(doc) => {
            let mut errors = Vec::new();
            let c = to_neutral(&doc.config, doc.config_pointer(), &mut errors);
            done(NeutralDocument::Config(c), errors)
        }
        other => Err(vec![super::alibaba::wrong_codec(other)]),
    },
    from_neutral: |doc| match doc {
        NeutralDocument::Config(c) => {
            let mut errors = Vec::new();
            let config = from_neutral(c, &mut errors);
            done(Document::TencentScf(TencentDocument { config, enveloped: false }), errors)
        }
        NeutralDocument::List(_) => Err(vec![err(
            "",
            "SCF has no List API for async retry configurations: translate each config as its own document",
        )]),
    },
    write_destination: |_| Err(tencent::DEAD_LETTER_HELP.into()),
    read_destination: |_| Err(tencent::DEAD_LETTER_HELP.into()),
    destination_key: |d| d.name.clone(),
    kind_name: |_| "resource",
    read_key: |k| k.starts_with(tencent::QCS_PREFIX).then(|| Err(tencent::DEAD_LETTER_HELP.into())),
    qualifier_text,
    read_qualifier,
    check_qualifier: |q| match q {
        Qualifier::Latest => Ok(()),
        Qualifier::Version(v) if tencent::is_version(v) => Ok(()),
        Qualifier::Version(v) => Err(format!("version `{v}` is not a number; SCF versions are numbered")),
        // The alias every function has; its `$` is outside the rule for aliases one creates.
        Qualifier::Alias(a) if a == tencent::DEFAULT_ALIAS => Ok(()),
        Qualifier::Alias(a) => tencent::ALIAS_NAME.check(a).map_err(|e| e.to_string()),
    },
    // Shown where a translation asks for a destination entry: there is none to give.
    example: "(none: SCF keeps events that fail every attempt in the function's dead-letter queue, `DeadLetterConfig` of CreateFunction / UpdateFunctionConfiguration)",
    function_identifier: ("an SCF function description (`qcs::scf:...`)", read_function),
    read_function: |map| {
        let name = str_at(map, tencent::FUNCTION_NAME_KEY)?;
        tencent::FUNCTION_NAME.check(name).ok()?;
        let namespace = match map.get(tencent::NAMESPACE_KEY) {
            None => None,
            Some(v) => Some(v.as_str()?.to_string()),
        };
        Some(FunctionRef { namespace, name: Some(name.into()), ..FunctionRef::new(Provider::Tencent) })
    },
};

/// `$LATEST`, a version number, else an alias.
fn read_qualifier(q: &str) -> Qualifier {
    if q == tencent::LATEST {
        Qualifier::Latest
    } else if tencent::is_version(q) {
        Qualifier::Version(q.into())
    } else {
        Qualifier::Alias(q.into())
    }
}

fn qualifier_text(q: &Qualifier) -> String {
    match q {
        Qualifier::Latest => tencent::LATEST.into(),
        Qualifier::Version(v) | Qualifier::Alias(v) => v.clone(),
    }
}

/// Reads an SCF function's resource description as `--function` takes it
/// (`None`: not a `qcs:` description).
pub(crate) fn read_function(text: &str) -> Option<Result<FunctionRef, String>> {
    if !text.starts_with(&format!("{}:", tencent::QCS_PREFIX)) {
        return None;
    }
    Some(
        text.parse::<QcsFunction>()
            .map(|f| function_of(&f))
            .map_err(|e| format!("`{text}` is no valid SCF function description: {e}")),
    )
}

/// The function a resource description names.
pub fn function_of(f: &QcsFunction) -> FunctionRef {
    FunctionRef {
        region: Some(f.region.clone()),
        account: Some(f.uin.clone()),
        namespace: Some(f.namespace.clone()),
        name: Some(f.name.clone()),
        ..FunctionRef::new(Provider::Tencent)
    }
}

fn to_neutral(c: &TencentConfig, p: &str, errors: &mut Vec<DocumentError>) -> AsyncInvokeConfig {
    let mut cfg = AsyncInvokeConfig::default();
    if c.function_name.is_some() || c.namespace.is_some() {
        cfg.function = Some(FunctionRef {
            // Omitted means `default` (the API's documented default): the same function.
            namespace: Some(c.namespace.clone().unwrap_or_else(|| tencent::DEFAULT_NAMESPACE.into())),
            name: c.function_name.clone(),
            ..FunctionRef::new(Provider::Tencent)
        });
    }
    if let Some(name) = &c.function_name {
        if let Err(e) = tencent::FUNCTION_NAME.check(name) {
            errors.push(err(format!("{p}/{}", tencent::FUNCTION_NAME_KEY), e.to_string()));
        }
    }
    if let Some(ns) = &c.namespace {
        if let Err(e) = tencent::NAMESPACE_NAME.check(ns) {
            errors.push(err(format!("{p}/{}", tencent::NAMESPACE_KEY), e.to_string()));
        }
    }
    unknown_at("", &c.unknown, &mut cfg.extensions.unknown);
    // The read-only member a response carries: what the model keeps as "last modified" (never written across).
    cfg.extensions.last_modified = c.request_id.clone().map(Value::String);
    let Some(atc) = &c.async_trigger_config else { return cfg };
    cfg.max_event_age = atc.msg_ttl;
    cfg.max_retry_attempts = atc.retry_num();
    unknown_at(&atc_pointer(), &atc.unknown, &mut cfg.extensions.unknown);
    match &atc.retry_config {
        // An empty list states no retry count; kept so it is written back.
        Some(entries) if entries.is_empty() => cfg
            .extensions
            .unknown
            .push((format!("{}/{}", atc_pointer(), tencent::RETRY_CONFIG_KEY), Value::Array(Vec::new()))),
        Some(entries) => {
            for (i, e) in entries.iter().enumerate() {
                if i == 0 {
                    unknown_at(&entry_pointer(0), &e.unknown, &mut cfg.extensions.unknown);
                } else {
                    // Meaning undocumented: kept whole, never mapped.
                    cfg.extensions.unknown.push((entry_pointer(i), serde_json::to_value(e).unwrap_or(Value::Null)));
                }
            }
        }
        None => {}
    }
    cfg
}

fn from_neutral(c: &AsyncInvokeConfig, errors: &mut Vec<DocumentError>) -> TencentConfig {
    let mut out = TencentConfig::default();
    if c.on_success.is_some() || c.on_failure.is_some() {
        errors.push(err("", tencent::DEAD_LETTER_HELP));
    }
    if let Some(f) = &c.function {
        out.function_name = f.name.clone();
        out.namespace = f.namespace.clone();
        if let Some(q) = f.qualifier.as_ref().filter(|q| **q != Qualifier::Latest) {
            // At the config: the translator anchors these notes in the source document.
            errors.push(err(
                "",
                format!(
                    "SCF's UpdateFunctionEventInvokeConfig takes no `Qualifier`: the configuration of `{}` cannot be set for one version or alias",
                    qualifier_text(q)
                ),
            ));
        }
    }
    let unknown = &c.extensions.unknown;
    let atc_p = atc_pointer();
    let retry_p = format!("{atc_p}/{}", tencent::RETRY_CONFIG_KEY);
    let extra: Vec<(usize, &Value)> = unknown
        .iter()
        .filter_map(|(k, v)| {
            let i: usize = k.strip_prefix(&retry_p)?.strip_prefix('/')?.parse().ok()?;
            (i > 0).then_some((i, v))
        })
        .collect();
    let empty_list = unknown.iter().any(|(k, v)| *k == retry_p && v.as_array().is_some_and(Vec::is_empty));
    if c.max_event_age.is_some() || c.max_retry_attempts.is_some() || has_unknown_under(unknown, &atc_p) {
        // The API requires both members. A translation leaves a value out only
        // where it is the source's default and that equals SCF's, so the
        // missing one is SCF's default, written out.
        let both = c.max_event_age.is_some() || c.max_retry_attempts.is_some();
        let (msg_ttl, retries) = match (c.max_event_age, c.max_retry_attempts) {
            (None, None) => (None, None),
            (ttl, retries) => {
                (Some(ttl.unwrap_or(tencent::MSG_TTL.default)), Some(retries.unwrap_or(tencent::RETRY_NUM.default)))
            }
        };
        let mut atc = TencentAsyncTriggerConfig { msg_ttl, ..Default::default() };
        let mut entries = Vec::new();
        if both || has_unknown_under(unknown, &entry_pointer(0)) {
            let mut first = TencentRetryConfig { retry_num: retries, ..Default::default() };
            restore(&mut first.unknown, unknown, &entry_pointer(0));
            entries.push(first);
        }
        let mut extra = extra;
        extra.sort_by_key(|(i, _)| *i);
        for (_, v) in extra {
            entries.push(serde_json::from_value(v.clone()).unwrap_or_default());
        }
        if !entries.is_empty() || empty_list {
            atc.retry_config = Some(entries);
        }
        restore(&mut atc.unknown, unknown, &atc_p);
        // `restore` put the list's own marker back as a member: the typed field holds it.
        atc.unknown.remove(tencent::RETRY_CONFIG_KEY);
        out.async_trigger_config = Some(atc);
    }
    out.request_id = c.extensions.last_modified.as_ref().and_then(Value::as_str).map(str::to_string);
    restore(&mut out.unknown, unknown, "");
    out
}
