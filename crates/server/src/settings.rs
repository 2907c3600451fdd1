//! Editor settings (`initializationOptions`, `workspace/didChangeConfiguration`)
//! as the `invokecfg lint` flags of the same names, so they are checked by
//! the command line's own parsers and mean exactly what the flags mean.

use serde_json::{Map, Value};
use std::path::Path;

/// Each setting, its flag, and what it takes.
const SETTINGS: &[(&str, &str, Shape)] = &[
    ("config", "--config", Shape::Path),
    ("dialect", "--dialect", Shape::Text),
    ("target", "--target", Shape::Text),
    ("map", "--map", Shape::Path),
    ("select", "--select", Shape::List),
    ("ignore", "--ignore", Shape::List),
    ("severity", "--severity", Shape::Severities),
    ("function", "--function", Shape::Text),
    ("rulesUrl", "--rules-url", Shape::Text),
];

#[derive(Clone, Copy)]
enum Shape {
    Text,
    /// A file: relative to the workspace root.
    Path,
    /// An array of strings (or one comma-separated string).
    List,
    /// An object `{"SELECTOR": "error|warning|info"}`.
    Severities,
}

/// The lint flags `settings` stand for, each one `--flag=value` word (a
/// value is never read as another flag). `settings` is the object itself or
/// `{"invokecfg": {...}}` (as clients send a whole configuration section);
/// null is no settings. Relative paths are taken from `root`.
pub fn flags(settings: &Value, root: Option<&Path>) -> Result<Vec<String>, String> {
    let object = match settings {
        Value::Null => return Ok(Vec::new()),
        Value::Object(m) => match m.get("invokecfg") {
            Some(Value::Object(inner)) if m.len() == 1 => inner,
            Some(Value::Null) if m.len() == 1 => return Ok(Vec::new()),
            _ => m,
        },
        other => return Err(format!("settings must be an object, not `{other}`")),
    };
    to_flags(object, root)
}

fn to_flags(object: &Map<String, Value>, root: Option<&Path>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for (key, value) in object {
        let Some((_, flag, shape)) = SETTINGS.iter().find(|(name, _, _)| name == key) else {
            let names: Vec<&str> = SETTINGS.iter().map(|(n, _, _)| *n).collect();
            return Err(format!("unknown setting `{key}`; the settings are {}", names.join(", ")));
        };
        if value.is_null() {
            continue;
        }
        let wrong = |what: &str| format!("setting `{key}`: expected {what}, found `{value}`");
        match shape {
            Shape::Text => {
                let text = value.as_str().ok_or_else(|| wrong("a string"))?;
                out.push(format!("{flag}={text}"));
            }
            Shape::Path => {
                let text = value.as_str().ok_or_else(|| wrong("a file path"))?;
                let path = match root {
                    Some(r) if Path::new(text).is_relative() => r.join(text).display().to_string(),
                    _ => text.to_string(),
                };
                out.push(format!("{flag}={path}"));
            }
            Shape::List => {
                let items: Vec<&str> = match value {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a
                        .iter()
                        .map(|v| v.as_str().ok_or_else(|| wrong("an array of strings")))
                        .collect::<Result<_, _>>()?,
                    _ => return Err(wrong("an array of strings")),
                };
                if !items.is_empty() {
                    out.push(format!("{flag}={}", items.join(",")));
                }
            }
            Shape::Severities => {
                let map = value.as_object().ok_or_else(|| wrong(r#"an object such as {"R2": "warning"}"#))?;
                for (selector, severity) in map {
                    let severity = severity.as_str().ok_or_else(|| wrong("severities error, warning or info"))?;
                    out.push(format!("{flag}={selector}={severity}"));
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_become_the_lint_flags() {
        let code = invokecfg_lint::RuleCode::R201.as_str();
        let mut severity = serde_json::Map::new();
        severity.insert(code.to_string(), json!("warning"));
        let got = flags(
            &json!({"invokecfg": {"select": ["R", "I3"], "target": "huawei", "severity": severity, "map": "m.json"}}),
            Some(Path::new("/w")),
        );
        assert_eq!(
            got.as_deref(),
            Ok(&[
                "--select=R,I3".to_string(),
                "--target=huawei".into(),
                format!("--severity={code}=warning"),
                "--map=/w/m.json".into()
            ][..])
        );
    }

    #[test]
    fn unknown_and_mistyped_settings_are_refused() {
        let unknown = flags(&json!({"selekt": ["R"]}), None).unwrap_err();
        assert!(unknown.contains("unknown setting `selekt`") && unknown.contains("select"), "{unknown}");
        let mistyped = flags(&json!({"select": 3}), None).unwrap_err();
        assert!(mistyped.contains("expected an array of strings"), "{mistyped}");
        assert!(flags(&json!(3), None).is_err());
        assert_eq!(flags(&Value::Null, None), Ok(Vec::new()));
    }
}
