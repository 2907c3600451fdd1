//! Writing YAML: entry ranges in the source, values in block style, and a translated section written as API JSON or Terraform.

use super::*;

pub(super) fn mapping_of<'a, 'i>(node: &'a MarkedYaml<'i>) -> Option<&'a saphyr::AnnotatedMapping<'i, MarkedYaml<'i>>> {
    mapping(node)
}

pub(super) fn section_of(name: &str) -> Option<&'static Section> {
    sdevs::SECTIONS.iter().chain(ros::SECTIONS).find(|s| s.name == name)
}

pub(super) fn line_start(source: &str, offset: usize) -> usize {
    source.get(..offset).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1)
}

/// The bytes of a mapping entry: from its key's line to the end of its
/// value's last line, without the blank and comment lines a block node's
/// span runs on into.
pub(super) fn entry_range(source: &str, key_start: usize, value_end: usize) -> Range<usize> {
    let start = line_start(source, key_start);
    let text = source.get(start..value_end).unwrap_or_default();
    let mut keep = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        let t = line.trim();
        if !t.is_empty() && !t.starts_with('#') {
            keep = at;
        }
    }
    let mut end = start + keep;
    // The value's last line runs to its line break.
    if !source.get(start..end).unwrap_or_default().ends_with('\n') {
        end += source.get(end..).and_then(|r| r.find('\n')).map_or(source.len() - end, |i| i + 1);
    }
    start..end
}

/// A value as YAML: a lone placeholder standing for a ROS intrinsic
/// (`Ref: x`, `Fn::Sub: ...`) is written back as that mapping, on the lines
/// below its key (starting with a line break); anything else as a scalar.
pub(super) fn yaml_value(v: &Value, placeholders: &[String], indent: usize, nl: &str) -> String {
    if let Some(text) = v.as_str().filter(|s| crate::text::is_placeholder(s)).and_then(|s| {
        let i: usize = s.get(crate::PLACEHOLDER.len()..)?.parse().ok()?;
        placeholders.get(i)
    }) {
        let first = text.lines().next().unwrap_or_default();
        if first.contains(": ") || first.ends_with(':') {
            let rest: Vec<&str> = text.lines().skip(1).collect();
            let min = rest.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min();
            let pad = " ".repeat(indent);
            let mut out = format!("{nl}{pad}{first}");
            for l in rest {
                let cut = min.unwrap_or(0).min(l.len() - l.trim_start().len());
                out.push_str(&format!("{nl}{pad}  {}", &l[cut..]));
            }
            return out;
        }
    }
    yaml_scalar(v, placeholders)
}

/// A value as a YAML scalar: strings double-quoted (a JSON string is one),
/// placeholders turned back into the `${...}` text they stand for.
pub(super) fn yaml_scalar(v: &Value, placeholders: &[String]) -> String {
    match v {
        Value::String(s) => {
            let mut text = s.clone();
            // Highest index first: `invokecfgexpr1` is a prefix of `invokecfgexpr10`.
            for (i, p) in placeholders.iter().enumerate().rev() {
                text = text.replace(&format!("{}{i}", crate::PLACEHOLDER), p);
            }
            serde_json::to_string(&text).unwrap_or_default()
        }
        other => other.to_string(),
    }
}

pub(super) fn write_tree(out: &mut String, items: &[(Vec<&str>, String)], depth: usize, nl: &str) {
    let mut written: Vec<Vec<&str>> = Vec::new();
    for (path, value) in items {
        for level in 0..path.len() {
            let prefix = &path[..=level];
            if written.iter().any(|w| w.as_slice() == prefix) {
                continue;
            }
            written.push(prefix.to_vec());
            let pad = " ".repeat(depth + 2 * level);
            let key = prefix.last().copied().unwrap_or_default();
            if level + 1 == path.len() && value.starts_with(nl) {
                out.push_str(&format!("{pad}{key}:{value}{nl}"));
            } else if level + 1 == path.len() {
                out.push_str(&format!("{pad}{key}: {value}{nl}"));
            } else {
                out.push_str(&format!("{pad}{key}:{nl}"));
            }
        }
    }
}

/// What a YAML section is written as when not rewritten in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A resource of the target's Terraform type per section, in a new `.tf` text.
    Terraform,
    /// The target's API JSON document (a file of one section only).
    ApiJson,
}

/// Writes the sections of `source` for `target` as `output` (FunctionGraph
/// has no YAML tool holding an async config). In API JSON, expressions are
/// kept as their text (a note says to check each); a file of several
/// sections is refused there: an API document holds one config.
pub fn write_as(
    source: &str,
    output: Output,
    target: invokecfg_model::Dialect,
    mapping: &invokecfg_translate::Mapping,
    options: &invokecfg_translate::Options,
) -> Result<crate::terraform::Translated, crate::terraform::TranslateFileError> {
    use crate::terraform::{located, TranslateFileError, Translated};
    let found = read(source).map_err(TranslateFileError::Syntax)?;
    let f = match (output, found.as_slice()) {
        (Output::Terraform, _) => return crate::terraform::from_sections(source, &found, target, mapping, options),
        (_, []) => return Ok(Translated { text: String::new(), outcomes: Vec::new() }),
        (_, [one]) => one,
        (_, many) => return Err(TranslateFileError::Sections(many.iter().map(|f| f.address.clone()).collect())),
    };
    let mut text = String::new();
    let result = crate::carry::translate(f, target, mapping, options, crate::carry::Syntax::Foreign).map(|mut c| {
        let mut document = c.document.clone();
        crate::carry::with_expressions(f, &mut document);
        text = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
        crate::carry::expression_notes(f, &mut c, &text, target.id(), target);
        (target.id().to_string(), c.notes)
    });
    let outcome = located(f, &crate::Lines::new(source), result);
    Ok(Translated { text, outcomes: vec![outcome] })
}
