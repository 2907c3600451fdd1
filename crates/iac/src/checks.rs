//! The checks only a wrapper has (a Terraform resource, an s.yaml or ROS
//! section): unknown names, wrapper ranges and zeros not sent, quoted
//! primitives, required arguments. Each is a registered rule
//! (`invokecfg_lint::WRAPPER_ONLY` lists those the JSON twin lacks).

use crate::{Found, Lines};
use invokecfg_lint::{Applicability, LintOptions, RuleCode};
use invokecfg_model::facts::terraform::{block_pointer, Role};
use invokecfg_model::{Diagnostic, Dialect, Edit, Field, Fix, Severity};
use serde_json::Value;
use std::ops::Range;

/// An argument or block the resource type does not have: the unknown-key
/// rule, in the wrapper's words, with the nearest name the resource type
/// has at the same place. The safe fix renames it when that name is the one
/// near one, is not already written there, and no other unknown name there
/// would take it (as the unknown-key rule fixes API JSON).
pub(crate) fn unknown_argument(
    found: &Found,
    lines: &Lines<'_>,
    name: &str,
    range: Range<usize>,
    severity: Severity,
) -> Diagnostic {
    let code = UNKNOWN_KEY_RULE;
    let (parent, last) = name.rsplit_once('.').unwrap_or(("", name));
    let hits = found.near_names(name);
    let mut d = Diagnostic::new(
        code,
        severity,
        "",
        format!("unknown name `{name}` in `{}` ({})", found.address, found.wrapper),
    );
    d.help = Some(match hits.as_slice() {
        [one] => format!("did you mean `{one}`?"),
        [_, ..] => {
            format!("did you mean one of {}?", hits.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))
        }
        [] => match invokecfg_lint::near(last, &sibling_names(found, parent)).first() {
            Some(set) if parent.is_empty() => format!("`{set}` is already set here: remove `{name}`"),
            Some(set) => format!("`{parent}.{set}` is already set here: remove `{name}`"),
            None => format!("`{}` has: {}", found.wrapper, found.known_names().join(", ")),
        },
    });
    let span = lines.span(range.clone());
    if let [one] = hits.as_slice() {
        // Another unknown name here renamed to the same name would write it twice.
        let taken = found.unknown.iter().filter(|(other, _)| found.nearest_name(other).as_ref() == Some(one));
        let new = one.rsplit('.').next().unwrap_or(one);
        // Only a key the file spells bare (not a quoted YAML key).
        if taken.count() == 1 && lines.source().get(range) == Some(last) {
            // A guess by spelling distance, as S106's: unsafe.
            let edit = Edit { span, content: new.to_string() };
            d.fix = Some(Fix::new(Applicability::Unsafe, format!("rename `{last}` to `{new}`"), vec![edit]));
        }
    }
    d.span = Some(span);
    d
}

/// The names (arguments and blocks) the wrapper has directly inside the block at `parent` (`""`: the top).
pub(crate) fn sibling_names(found: &Found, parent: &str) -> Vec<&'static str> {
    let depth = if parent.is_empty() { 0 } else { parent.split('.').count() };
    let mut out: Vec<&'static str> = Vec::new();
    for a in found.fields {
        let inside = a.path.len() > depth && (depth == 0 || a.path[..depth].join(".") == parent);
        if let Some(name) = a.path.get(depth).filter(|_| inside) {
            if !out.contains(name) {
                out.push(name);
            }
        }
    }
    out
}

/// Whether the file writes `name` inside the block at `parent`; a name the
/// reader keeps no trace of (Huawei `region`) counts as written, so no fix renames onto it.
pub(crate) fn is_written(found: &Found, parent: &str, name: &str) -> bool {
    let path: Vec<&str> = parent.split('.').filter(|p| !p.is_empty()).chain([name]).collect();
    if let Some(a) = found.fields.iter().find(|a| a.path == path.as_slice()) {
        return match (a.pointer, a.role) {
            (Some(p), _) => found.spans.contains_key(p),
            (None, Role::FunctionNameOfArn) => found.function_name.is_some(),
            (None, _) => true,
        };
    }
    block_pointer(found.fields, &path).is_none_or(|p| found.spans.contains_key(&p))
}

/// The severity `code` has under `options`, or `None` when it is not selected.
pub(crate) fn selected_severity(code: &str, options: &LintOptions) -> Option<Severity> {
    let rule = invokecfg_lint::rule(code)?;
    let selected = |sel: &String| invokecfg_lint::selector_matches(sel, rule);
    if !(options.select.is_empty() || options.select.iter().any(selected)) || options.ignore.iter().any(selected) {
        return None;
    }
    let mut severity = rule.severity;
    for (sel, sev) in &options.severities {
        if selected(sel) {
            severity = *sev;
        }
    }
    Some(severity)
}

/// What the wrapper itself does to a value, under the field's range rule:
/// values the API accepts but the wrapper rejects before calling it
/// (`alicloud_fcv3_async_invoke_config` validates the age to 0..3600), and
/// zeros the wrapper does not send, so the API's default applies.
pub(crate) fn wrapper_ranges(
    found: &Found,
    lines: &Lines<'_>,
    dialect: Dialect,
    options: &LintOptions,
) -> Vec<Diagnostic> {
    let spec = dialect.spec();
    let checks =
        [(Field::MaxEventAge, spec.max_event_age.request), (Field::RetryAttempts, spec.retry_attempts.request)];
    let mut out = Vec::new();
    for (field, api) in checks {
        let pointer = format!("/{}", dialect.key(field));
        let Some(arg) = found.fields.iter().find(|a| a.pointer == Some(pointer.as_str())) else { continue };
        let Some(at) = found.spans.get(&pointer) else { continue };
        let name = arg.path.join(".");
        let span = lines.span(at.value.clone());
        if found.not_sent.contains(&pointer) {
            let Some(severity) = selected_severity(ZERO_NOT_SENT_RULE, options) else { continue };
            let mut d = Diagnostic::new(
                ZERO_NOT_SENT_RULE,
                severity,
                pointer.clone(),
                format!(
                    "`{name}` is 0, which {} does not send: the API's default {} applies",
                    found.wrapper, api.default
                ),
            )
            .with_help(format!("the provider reads it with GetOk, which takes 0 for unset; the API accepts {api}"));
            d.span = Some(span);
            out.push(d);
            continue;
        }
        let (Some(range), Some(value)) = (arg.validated, found.document.pointer(&pointer).and_then(Value::as_i64))
        else {
            continue;
        };
        if range.contains(value) || !api.contains(value) || found.is_expression(&pointer) {
            continue;
        }
        let Some(severity) = selected_severity(WRAPPER_RANGE_RULE, options) else { continue };
        let new = range.clamp(value);
        let mut d = Diagnostic::new(
            WRAPPER_RANGE_RULE,
            severity,
            pointer.clone(),
            format!("`{name}` is {value}, outside {range}, the range {} validates", found.wrapper),
        )
        .with_help(format!("{} rejects it before calling the API (which accepts {api})", found.wrapper));
        d.span = Some(span);
        let edit = Edit { span, content: new.to_string() };
        // A value chosen for the user: unsafe, as R201's clamp.
        d.fix = Some(Fix::new(Applicability::Unsafe, format!("clamp to {new}"), vec![edit]));
        out.push(d);
    }
    out
}

/// Numbers and booleans written in quotes: read as their values (as
/// Terraform converts them), noted with a safe fix that unquotes them.
pub(crate) fn quoted_primitives(found: &Found, lines: &Lines<'_>, options: &LintOptions) -> Vec<Diagnostic> {
    let Some(severity) = selected_severity(QUOTED_PRIMITIVE_RULE, options) else { return Vec::new() };
    found
        .quoted
        .iter()
        .map(|q| {
            let name = found
                .fields
                .iter()
                .find(|a| a.pointer == Some(q.pointer.as_str()))
                .map_or_else(|| q.pointer.clone(), |a| a.path.join("."));
            let span = lines.span(q.range.clone());
            let text = q.value.to_string();
            let mut d = Diagnostic::new(
                QUOTED_PRIMITIVE_RULE,
                severity,
                q.pointer.clone(),
                format!("`{name}` is written as the string \"{text}\"; Terraform reads it as {text}"),
            )
            .with_help(format!("write `{name} = {text}`"));
            d.span = Some(span);
            let message = format!("unquote `{text}`");
            d.fix = Some(Fix::new(Applicability::Safe, message, vec![Edit { span, content: text }]));
            d
        })
        .collect()
}

/// Arguments the Terraform resource type's schema requires and the resource
/// lacks (`null` is unset to Terraform); one required inside a block only
/// when the block is written, and never inside a `dynamic` block.
pub(crate) fn required_arguments(found: &Found, lines: &Lines<'_>, options: &LintOptions) -> Vec<Diagnostic> {
    let Some(resource) = invokecfg_model::facts::terraform::resource(found.wrapper) else { return Vec::new() };
    let Some(severity) = selected_severity(REQUIRED_RULE, options) else { return Vec::new() };
    let given = |p: &str| {
        found.spans.contains_key(p)
            && (found.document.pointer(p).is_some_and(|v| !v.is_null())
                || found.is_expression(p)
                || found.not_sent.iter().any(|n| n == p))
    };
    let mut out = Vec::new();
    for a in resource.arguments.iter().filter(|a| a.required) {
        let present = match a.pointer {
            Some(p) => given(p),
            None => found.function_name.is_some() || a.role != Role::FunctionNameOfArn,
        };
        let block = a.path.len() > 1;
        let block_pointer = if block { block_pointer(resource.arguments, &a.path[..a.path.len() - 1]) } else { None };
        let in_written_block = match &block_pointer {
            Some(b) => found.spans.contains_key(b) && !found.is_expression(b),
            None => !block,
        };
        if present || !in_written_block {
            continue;
        }
        let name = a.path.join(".");
        let at = block_pointer
            .as_deref()
            .and_then(|b| found.spans.get(b))
            .map_or(found.header.clone(), |s| s.key.clone().unwrap_or(s.value.clone()));
        let mut d = Diagnostic::new(
            REQUIRED_RULE,
            severity,
            a.pointer.unwrap_or_default(),
            format!("`{}` lacks `{name}`, which {} requires", found.address, found.wrapper),
        )
        .with_help(format!("write `{name}`; the provider's schema marks it Required ({})", resource.source));
        d.span = Some(lines.span(at));
        out.push(d);
    }
    out
}

/// The rule missing required arguments are reported under.
const REQUIRED_RULE: &str = RuleCode::S116.as_str();

/// A zero the wrapper does not send, and a value outside the range the wrapper validates.
const ZERO_NOT_SENT_RULE: &str = RuleCode::R206.as_str();
const WRAPPER_RANGE_RULE: &str = RuleCode::R207.as_str();

/// The rule quoted numbers and booleans are noted under.
const QUOTED_PRIMITIVE_RULE: &str = RuleCode::S117.as_str();

/// The rule unknown keys are reported under.
pub(crate) const UNKNOWN_KEY_RULE: &str = RuleCode::S106.as_str();
