//! JSON helpers every layer uses: pointer tokens (RFC 6901) and type names.

use serde_json::Value;

/// Escapes one JSON pointer reference token (RFC 6901).
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one JSON pointer reference token (RFC 6901: `~1` first, then `~0`).
pub fn unescape_pointer_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The last reference token of a JSON pointer, unescaped (`""` for the root).
pub fn last_pointer_token(pointer: &str) -> String {
    unescape_pointer_token(pointer.rsplit('/').next().unwrap_or_default())
}

/// The JSON type of a value, in words.
pub fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a number with a fraction",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
