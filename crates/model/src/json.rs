//! JSON helpers every layer uses: pointer tokens (RFC 6901) and type names.

use serde_json::{Map, Value};

/// Escapes one JSON pointer reference token (RFC 6901).
pub fn escape_pointer_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_pointer_token(&mut out, token);
    out
}

/// Appends `token` to `pointer`, escaped (`~` as `~0`, `/` as `~1`), with no
/// allocation of its own: pointers are built for every member a rule reads.
pub fn push_pointer_token(pointer: &mut String, token: &str) {
    let mut rest = token;
    while let Some(at) = rest.find(['~', '/']) {
        pointer.push_str(&rest[..at]);
        pointer.push_str(if rest.as_bytes()[at] == b'~' { "~0" } else { "~1" });
        rest = &rest[at + 1..];
    }
    pointer.push_str(rest);
}

/// Objects with at most this many members are scanned by [`member`].
const SCAN_MEMBERS: usize = 12;

/// `map.get(key)`, for the short objects configs are: comparing a few keys
/// costs less than hashing the one asked for (serde_json's map hashes with
/// SipHash), and every linted file asks a few dozen times.
pub fn member<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if map.len() <= SCAN_MEMBERS {
        map.iter().find_map(|(k, v)| (k == key).then_some(v))
    } else {
        map.get(key)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Escaping then unescaping a token gives it back, and the escaped
        /// token holds no `/` (RFC 6901).
        #[test]
        fn pointer_tokens_round_trip(token in "[a~/0-1é]{0,12}") {
            let escaped = escape_pointer_token(&token);
            proptest::prop_assert!(!escaped.contains('/'));
            proptest::prop_assert_eq!(&escaped, &token.replace('~', "~0").replace('/', "~1"));
            proptest::prop_assert_eq!(unescape_pointer_token(&escaped), token);
        }

        /// A scanned member is the hashed one, short object or long.
        #[test]
        fn member_is_get(keys in proptest::collection::vec("[ab]{0,3}", 0..20), key in "[ab]{0,3}") {
            let map: Map<String, Value> = keys.iter().enumerate().map(|(i, k)| (k.clone(), Value::from(i))).collect();
            proptest::prop_assert_eq!(member(&map, &key), map.get(&key));
        }
    }
}
