//! Whether a JSON file is an async invocation config at all.
//!
//! A file with no key of any dialect (package.json, tsconfig.json, GeoJSON, ...)
//! is not ours: it is skipped, not reported, unless the user claims it
//! (`--dialect`, or the config file's `include`). A near miss of a dialect key
//! (`maxAsyncRetryAttempt`, `maxRetryAttempts`) still counts as a config, so
//! S103 reports it.

use invokecfg_model::facts::alibaba;
use invokecfg_model::{detect, DetectError, Dialect};
use serde_json::Value;

/// Every top-level key any dialect knows, lowercased without `_` and `-`.
fn known_keys() -> Vec<String> {
    Dialect::ALL
        .into_iter()
        .flat_map(|d| d.config_keys().iter().chain(d.list_keys()))
        .chain(alibaba::FC2_LEGACY_KEYS.iter().map(|(old, _)| old))
        .map(|k| normalize(k))
        .collect()
}

fn normalize(k: &str) -> String {
    k.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// Whether `s` is `t` with letters left out (`maxretryattempts` in `maxasyncretryattempts`).
fn subsequence(s: &str, t: &str) -> bool {
    let mut t = t.chars();
    s.chars().all(|c| t.any(|x| x == c))
}

/// Whether a key is one of a dialect's, or a near miss of one.
fn near_key(key: &str, known: &[String]) -> bool {
    let k = normalize(key);
    if k.is_empty() || k.len() > 64 {
        return false;
    }
    known.iter().any(|t| {
        *t == k
            || strsim::levenshtein(&k, t) <= (t.len() / 6).clamp(1, 3)
            || (k.len() >= 8 && k.len() * 10 >= t.len() * 6 && subsequence(&k, t))
    })
}

/// Why a parsed document is not a config, or None when it is one (or looks like one).
pub fn not_a_config(value: &Value) -> Option<&'static str> {
    match detect(value) {
        Ok(_) | Err(DetectError::Mixed { .. } | DetectError::Shared { .. }) => return None,
        Err(DetectError::NoKeys | DetectError::NotAnObject) => {}
        // A reason added to the model later: linted, so the linter names it, never skipped unseen.
        Err(_) => return None,
    }
    let known = known_keys();
    let objects: Vec<&serde_json::Map<String, Value>> = match value {
        Value::Object(m) => vec![m],
        // A top-level array of configs is a near miss of a list document.
        Value::Array(items) => items.iter().take(1000).filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    };
    if objects.iter().any(|o| o.keys().any(|k| near_key(k, &known))) {
        return None;
    }
    Some(match value {
        Value::Object(m) if m.is_empty() => "an empty object",
        Value::Object(_) => "no key of any dialect",
        Value::Array(_) => "an array with no key of any dialect",
        _ => "not an object",
    })
}

/// Why an unparsable file is not a config, or None. Only JSON with comments
/// (tsconfig.json, .vscode/settings.json) that names no dialect key is skipped;
/// any other invalid JSON is reported (S101), as a broken config would be.
pub fn unparsable_not_a_config(source: &[u8]) -> Option<&'static str> {
    let text = crate::text::as_text(source);
    if !(text.contains("//") || text.contains("/*")) {
        return None;
    }
    let squashed = normalize(&text);
    let names_a_key = Dialect::ALL
        .into_iter()
        .flat_map(|d| d.config_keys().iter().chain(d.list_keys()))
        .filter(|k| k.len() > 8)
        .any(|k| squashed.contains(&normalize(k)));
    (!names_a_key).then_some("JSON with comments and no key of any dialect")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn other_json_is_not_a_config() {
        for v in [
            json!({"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}, "dependencies": {}}),
            json!({"compilerOptions": {"strict": true}, "include": ["src"], "exclude": ["dist"]}),
            json!({"editor.fontSize": 14, "files.exclude": {}}),
            json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}),
            json!({"description": "x", "repository": "y", "main": "index.js"}),
            json!([1, 2]),
            json!({}),
        ] {
            assert!(not_a_config(&v).is_some(), "{v}");
        }
    }

    #[test]
    fn near_misses_are_configs() {
        for v in [
            json!({"maxAsyncRetryAttempt": 3}),
            json!({"maxRetryAttempts": 3}),
            json!({"maxAsyncEventAge": 60}),
            json!({"MaxAsyncRetryAttempts": 3}),
            json!({"max_async_retry_attempt": 1}),
            json!({"destination_conf": {}}),
            json!([{"maxAsyncRetryAttempts": 3}]),
            json!({"maxAsyncRetryAttempts": 3}),
        ] {
            assert_eq!(not_a_config(&v), None, "{v}");
        }
    }

    #[test]
    fn jsonc() {
        assert!(unparsable_not_a_config(b"{\n  // editor\n  \"editor.tabSize\": 2,\n}").is_some());
        assert_eq!(unparsable_not_a_config(b"{\n  // c\n  \"maxAsyncRetryAttempts\": 2,\n}"), None);
        assert_eq!(unparsable_not_a_config(b"{\"a\": 1,}"), None);
        assert_eq!(unparsable_not_a_config(b""), None);
    }
}
