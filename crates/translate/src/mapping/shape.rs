//! The mapping file's shape, read without a JSON Schema validator: the
//! structure, the types and the key and value shapes that
//! `schemas/mapping.schema.json` describes, so the binary links no validator.
//! The names it accepts come from [`PAIRS`]; every error names the JSON
//! pointer and what is valid there. A differential test
//! (`tests/mapping_shape.rs`) holds this reader and the schema to one verdict.

use super::{MappingError, Pair, PAIRS, SERVICES};
use invokecfg_model::constraint::is_region_shaped;
use invokecfg_model::facts::{alibaba, huawei};
use invokecfg_model::json::{escape_pointer_token, json_type};
use invokecfg_model::neutral::provider_codec;
use invokecfg_model::schema::SCHEMA_KEY;
use invokecfg_model::{Dialect, Provider};
use serde_json::Value;

/// What a key, or a string value, of a mapping table must be (the schema's
/// `pattern` or `minLength`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextShape {
    /// Any string, `""` included.
    Any,
    /// At least one character.
    NonEmpty,
    /// A region id (`^[a-z]{2}(-[a-z0-9]+)+$`).
    Region,
    /// Exactly this many ASCII digits (an Alibaba or AWS account id).
    Digits(usize),
    /// Exactly this many ASCII letters and digits (a Huawei project id).
    LettersAndDigits(usize),
    /// An FC 2.0 service name ([`alibaba::SERVICE_NAME`]).
    ServiceName,
}

impl TextShape {
    /// Whether `text` has this shape.
    pub fn admits(self, text: &str) -> bool {
        match self {
            TextShape::Any => true,
            TextShape::NonEmpty => !text.is_empty(),
            TextShape::Region => is_region_shaped(text),
            TextShape::Digits(n) => text.len() == n && text.bytes().all(|b| b.is_ascii_digit()),
            TextShape::LettersAndDigits(n) => text.len() == n && text.bytes().all(|b| b.is_ascii_alphanumeric()),
            TextShape::ServiceName => alibaba::SERVICE_NAME.check(text).is_ok(),
        }
    }

    /// The shape in words, for messages.
    pub fn describe(self) -> String {
        match self {
            TextShape::Any => "any string".into(),
            TextShape::NonEmpty => "at least one character".into(),
            TextShape::Region => {
                "two lowercase letters, then one or more parts of lowercase letters and digits, each after a `-`".into()
            }
            TextShape::Digits(n) => format!("{n} digits"),
            TextShape::LettersAndDigits(n) => format!("{n} letters and digits"),
            TextShape::ServiceName => alibaba::SERVICE_NAME.describe(),
        }
    }
}

/// What a table's keys and values name, in a provider's words.
#[derive(Debug, Clone, Copy)]
enum Names {
    Region,
    Account,
    Namespace,
    Qualifier,
    Destination,
    /// `services`: FC 3.0 function name -> FC 2.0 service.
    Service,
}

impl Names {
    /// The plural, so messages need no article: `Huawei Cloud project ids`;
    /// regions with an example from the pair's built-in table.
    fn of(self, provider: Provider, example_region: Option<&str>) -> String {
        let spec = provider.spec();
        match self {
            Names::Region => match example_region {
                Some(region) => format!("{} region ids such as `{region}`", spec.cloud),
                None => format!("{} region ids", spec.cloud),
            },
            Names::Account => format!("{} {} ids", spec.cloud, spec.nouns.account),
            Names::Namespace => format!("{} {}s", spec.cloud, spec.nouns.namespace),
            Names::Qualifier => format!("{} qualifiers", spec.service_name),
            Names::Destination => format!("{} destinations", spec.service_name),
            Names::Service => format!("{} service names", Dialect::AlibabaFc2.spec().label),
        }
    }
}

/// What a table's values are.
#[derive(Debug, Clone, Copy)]
enum ValueShape {
    Text(TextShape),
    /// A string starting with one of these providers' identifier scheme
    /// (`acs:`, `arn:`), or a FunctionGraph `{destination, param}` object.
    Destination(&'static [Provider]),
}

/// One table: its name in the file, and what its entries are.
#[derive(Debug, Clone, Copy)]
struct TableShape {
    name: &'static str,
    names: Names,
    keys: TextShape,
    values: ValueShape,
}

/// The tables a provider pair's object holds, in the file's order.
fn pair_tables(pair: &Pair) -> [TableShape; 5] {
    let (account_keys, account_values) = pair.account_ids;
    [
        TableShape {
            name: "regions",
            names: Names::Region,
            keys: TextShape::Region,
            values: ValueShape::Text(TextShape::Region),
        },
        TableShape {
            name: "accounts",
            names: Names::Account,
            keys: account_keys,
            values: ValueShape::Text(account_values),
        },
        TableShape {
            name: "packages",
            names: Names::Namespace,
            keys: TextShape::Any,
            values: ValueShape::Text(TextShape::NonEmpty),
        },
        TableShape {
            name: "qualifiers",
            names: Names::Qualifier,
            keys: TextShape::NonEmpty,
            values: ValueShape::Text(TextShape::NonEmpty),
        },
        TableShape {
            name: "destinations",
            names: Names::Destination,
            keys: TextShape::NonEmpty,
            values: ValueShape::Destination(pair.string_destinations),
        },
    ]
}

/// The top level's own table: FC 3.0 function -> FC 2.0 service, read one way.
const SERVICES_TABLE: TableShape = TableShape {
    name: SERVICES,
    names: Names::Service,
    keys: TextShape::Any,
    values: ValueShape::Text(TextShape::ServiceName),
};

/// `a`, `b` and `c`: names for a message.
fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// A key or a string for a message: `` `text` ``, and `""` for the empty one.
fn quoted(text: &str) -> String {
    if text.is_empty() {
        "`\"\"`".into()
    } else {
        format!("`{text}`")
    }
}

fn at(pointer: String, message: String) -> MappingError {
    MappingError { pointer, message, position: None }
}

fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape_pointer_token(key))
}

/// Checks `value` has the shape `schemas/mapping.schema.json` describes; the
/// first error in document order.
pub(super) fn check(value: &Value) -> Result<(), MappingError> {
    let top_pair = PAIRS.iter().find(|p| p.path.is_empty());
    let top_tables: Vec<(TableShape, Option<&Pair>)> = top_pair
        .into_iter()
        .flat_map(|p| pair_tables(p).map(|t| (t, Some(p))))
        .chain([(SERVICES_TABLE, None)])
        .collect();
    let nested = || PAIRS.iter().filter(|p| !p.path.is_empty());
    let expected = || {
        format!(
            "a mapping file holds {}; the tables {}; and the provider pairs {}",
            listed([SCHEMA_KEY]),
            listed(top_tables.iter().map(|(t, _)| t.name)),
            listed(nested().map(|p| p.path)),
        )
    };
    let Value::Object(map) = value else {
        return Err(at(String::new(), format!("a mapping file is a JSON object of tables, not {}", json_type(value))));
    };
    for (key, entry) in map {
        let pointer = child("", key);
        if key == SCHEMA_KEY {
            if !entry.is_string() {
                return Err(at(
                    pointer,
                    format!("`{SCHEMA_KEY}` names the schema as a string, not {}", json_type(entry)),
                ));
            }
        } else if let Some((table, pair)) = top_tables.iter().find(|(t, _)| t.name == key) {
            check_table(entry, &pointer, table, *pair)?;
        } else if let Some(pair) = nested().find(|p| p.path == key) {
            check_pair(entry, &pointer, pair)?;
        } else {
            return Err(at(pointer, format!("unknown key {}: {}", quoted(key), expected())));
        }
    }
    Ok(())
}

/// A provider pair's object: its tables, and nothing else.
fn check_pair(value: &Value, pointer: &str, pair: &Pair) -> Result<(), MappingError> {
    let tables = pair_tables(pair);
    let expected = || {
        format!(
            "`{}` pairs {} (keys) with {} (values) in the tables {}",
            pair.path,
            pair.key_side.spec().cloud,
            pair.value_side.spec().cloud,
            listed(tables.iter().map(|t| t.name))
        )
    };
    let Value::Object(map) = value else {
        return Err(at(
            pointer.to_string(),
            format!(
                "`{}` is an object of the tables {}, not {}",
                pair.path,
                listed(tables.iter().map(|t| t.name)),
                json_type(value)
            ),
        ));
    };
    for (key, entry) in map {
        let pointer = child(pointer, key);
        match tables.iter().find(|t| t.name == key) {
            Some(table) => check_table(entry, &pointer, table, Some(pair))?,
            None => return Err(at(pointer, format!("unknown table {}: {}", quoted(key), expected()))),
        }
    }
    Ok(())
}

/// The words for a table's keys and values (`services` has no pair).
fn nouns(table: &TableShape, pair: Option<&Pair>) -> (String, String) {
    match pair {
        Some(p) => {
            let example = p.builtin_regions.first();
            (table.names.of(p.key_side, example.map(|e| e.0)), table.names.of(p.value_side, example.map(|e| e.1)))
        }
        None => {
            (format!("{} function names", Dialect::AlibabaFc3.spec().label), table.names.of(Provider::Alibaba, None))
        }
    }
}

fn check_table(value: &Value, pointer: &str, table: &TableShape, pair: Option<&Pair>) -> Result<(), MappingError> {
    let (key_noun, value_noun) = nouns(table, pair);
    let Value::Object(entries) = value else {
        return Err(at(
            pointer.to_string(),
            format!("`{}` is an object ({key_noun} -> {value_noun}), not {}", table.name, json_type(value)),
        ));
    };
    for (key, entry) in entries {
        let pointer = child(pointer, key);
        if !table.keys.admits(key) {
            return Err(at(pointer, format!("key {}: {key_noun} are {}", quoted(key), table.keys.describe())));
        }
        match table.values {
            ValueShape::Text(shape) => match entry {
                Value::String(text) if shape.admits(text) => {}
                Value::String(text) => {
                    return Err(at(pointer, format!("{}: {value_noun} are {}", quoted(text), shape.describe())))
                }
                other => {
                    return Err(at(
                        pointer,
                        format!("values of `{}` are {value_noun}, as strings, not {}", table.name, json_type(other)),
                    ))
                }
            },
            ValueShape::Destination(schemes) => check_destination(entry, &pointer, schemes)?,
        }
    }
    Ok(())
}

/// A destination override's value: a string with a provider's identifier
/// scheme, or a FunctionGraph destination object with `param` as an object.
fn check_destination(value: &Value, pointer: &str, schemes: &[Provider]) -> Result<(), MappingError> {
    let prefixes: Vec<String> = schemes.iter().map(|p| format!("{}:", p.spec().identifier.scheme)).collect();
    let object = provider_codec(Provider::Huawei).example;
    let forms = || {
        let strings: Vec<String> =
            schemes.iter().zip(&prefixes).map(|(p, s)| format!("`{s}` ({})", p.spec().cloud)).collect();
        format!(
            "destinations are written as a string starting with {}, or as a FunctionGraph destination object such as {object}",
            strings.join(" or ")
        )
    };
    let map = match value {
        Value::String(s) if prefixes.iter().any(|p| s.starts_with(p.as_str())) => return Ok(()),
        Value::String(s) => return Err(at(pointer.to_string(), format!("{}: {}", quoted(s), forms()))),
        Value::Object(map) => map,
        other => return Err(at(pointer.to_string(), format!("{}, not as {}", forms(), json_type(other)))),
    };
    let [kind_key, param_key] = huawei::DESTINATION_KEYS else {
        return Err(at(pointer.to_string(), forms()));
    };
    for (key, entry) in map {
        let entry_pointer = child(pointer, key);
        if key == kind_key {
            if !entry.as_str().is_some_and(|k| huawei::DESTINATION_KINDS.contains(&k)) {
                let what = entry.as_str().map_or_else(|| json_type(entry).to_string(), quoted);
                return Err(at(
                    entry_pointer,
                    format!("`{kind_key}` is one of {}, not {what}", listed(huawei::DESTINATION_KINDS.iter().copied())),
                ));
            }
        } else if key == param_key {
            if !entry.is_object() {
                return Err(at(
                    entry_pointer,
                    format!(
                        "`{param_key}` is an object (the translator encodes it as a JSON string), not {}",
                        json_type(entry)
                    ),
                ));
            }
        } else {
            return Err(at(
                entry_pointer,
                format!(
                    "unknown key {} in a FunctionGraph destination: it holds {}",
                    quoted(key),
                    listed(huawei::DESTINATION_KEYS.iter().copied())
                ),
            ));
        }
    }
    match huawei::DESTINATION_KEYS.iter().find(|k| !map.contains_key(**k)) {
        Some(missing) => {
            Err(at(pointer.to_string(), format!("a FunctionGraph destination needs `{missing}`, as in {object}")))
        }
        None => Ok(()),
    }
}
