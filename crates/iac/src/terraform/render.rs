//! Writing a resource: the target's arguments and blocks as HCL lines, values from the translated document, expressions kept with their comments.

use super::*;

/// One line of a rendered body.
pub(super) enum Line {
    Attr { key: String, value: String, comment: Option<String> },
    Block { name: String, body: Vec<Line> },
    Raw(String),
}

#[allow(clippy::too_many_arguments)]
pub(super) fn render(
    source: &str,
    f: &Found,
    name: &str,
    (from, target): (Dialect, Dialect),
    to: &'static Resource,
    doc: &Value,
    lost: &[(String, String)],
    notes: &mut Vec<Diagnostic>,
) -> String {
    let nl = newline(source);
    let mut lines: Vec<Line> = Vec::new();
    // Meta-arguments (`count`, `provider`, ...) first, as they were; meta blocks (`lifecycle`) last.
    let (mut meta_attrs, meta_blocks): (Vec<Line>, Vec<Line>) =
        meta_lines(source, f).into_iter().partition(|l| matches!(l, Line::Attr { .. }));
    let (from_provider, to_provider) = (provider(f.wrapper), provider(to.resource_type));
    if from_provider != to_provider {
        for l in &mut meta_attrs {
            let Line::Attr { key, value, .. } = l else { continue };
            if key == "provider" {
                // A provider configuration of the source provider cannot configure the target's.
                notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        "",
                        format!("`provider = {value}` configures the {from_provider} provider: not carried"),
                    )
                    .with_help(format!("set `provider` to the {to_provider} configuration it should use")),
                );
                *l = Line::Raw(format!(
                    "# invokecfg: was `provider = {value}`: choose the {to_provider} provider configuration"
                ));
            } else if value.contains(&format!("{from_provider}_")) {
                notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        "",
                        format!("`{key} = {}` refers to a resource of the {from_provider} provider", one_line(value)),
                    )
                    .with_help(format!(
                        "migrate that resource too, then point this reference at its {} counterpart",
                        target.id()
                    )),
                );
            }
        }
    }
    // Expressions of numbers and booleans, by the field they stand for.
    let field_of =
        |d: Dialect, pointer: &str| scalar_fields(d).iter().position(|k| k.is_some_and(|k| pointer == format!("/{k}")));
    let mut kept: Vec<(usize, &str)> = Vec::new();
    // A YAML section's expressions are no HCL (`source` is empty): never kept.
    let hcl_source = !source.is_empty();
    for e in f.expressions.iter().filter(|_| hcl_source) {
        if let Some(fl) = field_of(from, &e.pointer) {
            kept.push((fl, e.text.as_str()));
        }
    }
    let mut tree: Vec<Line> = Vec::new();
    for a in to.arguments {
        let value = argument_value(a, doc, (from, target), f, &kept, notes, to);
        match value {
            Some((value, comment)) => insert(&mut tree, a.path, value, comment),
            None if a.required && a.path.len() == 1 => {
                let name = a.path.join(".");
                tree.push(Line::Raw(format!(
                    "# invokecfg: `{name}` is required by {}, and the source gives no value for it: write it",
                    to.resource_type
                )));
                let message = format!("`{name}` is required by {}; the source gives no value for it", to.resource_type);
                notes.push(note(codes::REQUIRED_MISSING, "", message).with_help("write it in the rewritten resource"));
            }
            None => {}
        }
    }
    // The source's comments, under the target's argument of the same topic;
    // those with no counterpart stay in the resource, at its end.
    let mut leftover = Vec::new();
    for c in &f.comments {
        let placed = match &c.anchor {
            comments::Anchor::Meta(key) => attach_meta(&mut meta_attrs, key, &c.text),
            anchor => comments::anchor_topic(anchor, from).is_some_and(|t| {
                to.arguments
                    .iter()
                    .filter(|a| comments::argument_topic(a, target) == Some(t))
                    .any(|a| attach(&mut tree, a.path, &c.text))
            }),
        };
        if !placed {
            leftover.push(Line::Raw(c.text.clone()));
        }
    }
    tree.extend(leftover);
    for (name, text) in lost {
        let comment = format!(
            "# invokecfg: `{name}` was `{}` (an expression): write the {} value by hand",
            one_line(text),
            target.id()
        );
        tree.push(Line::Raw(comment));
    }
    if !meta_attrs.is_empty() {
        lines.extend(meta_attrs);
        lines.push(Line::Raw(String::new()));
    }
    lines.extend(tree);
    for b in meta_blocks {
        lines.push(Line::Raw(String::new()));
        lines.push(b);
    }
    let mut out = format!("resource {} {} {{{nl}", hcl_string(to.resource_type), hcl_string(name));
    write_lines(&mut out, &lines, 1, nl);
    out.push('}');
    out
}

/// Each meta-argument (`count`, `for_each`, `lifecycle`, ...) of the resource, as its source spells it.
pub(super) fn meta_lines(source: &str, f: &Found) -> Vec<Line> {
    let text = source.get(f.extent.clone()).unwrap_or_default();
    let Ok(body) = hcl_edit::parser::parse_body(text) else { return Vec::new() };
    let Some(block) = body.iter().find_map(Structure::as_block) else { return Vec::new() };
    let slice = |r: Option<Range<usize>>| r.and_then(|r| text.get(r)).unwrap_or_default().to_string();
    block
        .body
        .iter()
        .filter_map(|s| match s {
            Structure::Attribute(a) if facts::META_ARGUMENTS.contains(&a.key.as_str()) => {
                Some(Line::Attr { key: a.key.as_str().to_string(), value: slice(a.value.span()), comment: None })
            }
            Structure::Block(b) if facts::META_ARGUMENTS.contains(&b.ident.as_str()) => {
                Some(Line::Raw(slice(b.span())))
            }
            _ => None,
        })
        .collect()
}

/// The keys of the fields a Terraform expression may stand for, by position:
/// age, retries, state tracking (`None` where the dialect has none).
pub(super) fn scalar_fields(d: Dialect) -> [Option<&'static str>; 3] {
    let s = d.spec();
    [Some(s.keys.max_event_age), Some(s.keys.retry_attempts), s.state_tracking.map(|t| t.key)]
}

pub(super) fn argument_value(
    a: &Argument,
    doc: &Value,
    (from, target): (Dialect, Dialect),
    f: &Found,
    kept: &[(usize, &str)],
    notes: &mut Vec<Diagnostic>,
    to: &Resource,
) -> Option<(String, Option<String>)> {
    let field =
        scalar_fields(target).iter().position(|k| k.is_some_and(|k| a.pointer == Some(format!("/{k}")).as_deref()));
    let source_pointer = field.and_then(|fl| scalar_fields(from)[fl]).map(|k| format!("/{k}")).unwrap_or_default();
    if let Some((_, text)) = field.and_then(|fl| kept.iter().find(|(k, _)| *k == fl)) {
        notes.push(
            note(
                codes::EXPRESSION_KEPT,
                &source_pointer,
                format!("`{}` is an expression, kept as `{}`", one_line(text), a.path.join(".")),
            )
            .with_help(format!("check its value is valid for {} ({})", to.resource_type, target.id())),
        );
        return Some((text.to_string(), Some(kept_comment(text, to))));
    }
    if a.role == Role::FunctionNameOfArn {
        // The translated ARN's function; without one (the source states no
        // region or account, as no Terraform resource does), the source's own
        // function name: this argument is the request path, not an ARN.
        let name = function_of_arn(doc, target).or_else(|| source_function_name(f, from))?;
        let (text, any) = hcl_value(&name, &f.placeholders);
        let comment = any.then(|| kept_comment(&text, to));
        return Some((text, comment));
    }
    let pointer = a.pointer?;
    let mut value = get(doc, pointer).cloned();
    // Arguments the provider defaults differently from the API, or requires: the API's effective value.
    if value.is_none() && (a.required || a.default.is_some()) {
        let spec = target.spec();
        if Some(pointer) == Some(format!("/{}", target.key(Field::MaxEventAge))).as_deref() {
            value = Some(Value::from(spec.max_event_age.request.default));
        } else if Some(pointer) == Some(format!("/{}", target.key(Field::RetryAttempts))).as_deref() {
            value = Some(Value::from(spec.retry_attempts.request.default));
        }
    }
    let value = value?;
    if let (Some(range), Some(n)) = (a.validated, value.as_i64()) {
        if !range.contains(n) {
            let new = range.clamp(n);
            let mut note = Diagnostic::new(
                VALUE_CLAMPED,
                Severity::Warning,
                if source_pointer.is_empty() { pointer } else { &source_pointer },
                format!(
                    "`{}` {n} is outside {}'s validated range {range}; clamped to {new}",
                    a.path.join("."),
                    to.resource_type
                ),
            )
            .with_help(format!("the provider rejects values outside {range} before calling the API"));
            note.old = Some(Value::from(n));
            note.new = Some(Value::from(new));
            note.range = Some((range.min, range.max));
            notes.push(note);
            return Some((new.to_string(), None));
        }
    }
    let text = match (&value, a.kind) {
        (Value::String(s), ValueKind::JsonString) => match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Object(_)) => format!("{}({})", facts::JSONENCODE, hcl_object(&v, &f.placeholders)),
            _ => hcl_value(s, &f.placeholders).0,
        },
        (Value::String(s), _) => hcl_value(s, &f.placeholders).0,
        (other, _) => other.to_string(),
    };
    let interpolated = f.placeholders.iter().any(|p| text.contains(p.as_str()));
    let comment = interpolated.then(|| kept_comment(&text, to));
    Some((text, comment))
}

/// The function an ARN at the target's function key names.
fn function_of_arn(doc: &Value, target: Dialect) -> Option<String> {
    let arn = get(doc, &format!("/{}", target.key(Field::Function)))?.as_str()?;
    // Interpolated region and account parts (a template) do not matter here.
    let arn = arn
        .parse::<AcsArn>()
        .or_else(|_| crate::template::with_literal_parts(arn, invokecfg_model::Provider::Alibaba).parse::<AcsArn>());
    match arn.ok()?.resource {
        AcsResource::Fc3Function { function, .. } | AcsResource::Fc2Function { function, .. } => Some(function),
        _ => None,
    }
}

/// The function name the source resource states (with its placeholders).
fn source_function_name(f: &Found, from: Dialect) -> Option<String> {
    if let Some(name) = &f.function_name {
        return Some(name.clone());
    }
    let document = invokecfg_model::Document::from_value(&f.document, from).ok()?;
    match document.to_neutral().ok()? {
        invokecfg_model::NeutralDocument::Config(c) => c.function?.name,
        invokecfg_model::NeutralDocument::List(_) => None,
    }
}

pub(super) fn kept_comment(text: &str, to: &Resource) -> String {
    format!("# invokecfg: `{}` is kept from the source: check it is valid for {}", one_line(text), to.resource_type)
}

/// A JSON value as a one-line HCL expression.
pub(super) fn hcl_object(v: &Value, placeholders: &[String]) -> String {
    match v {
        Value::Object(m) => {
            let items: Vec<String> =
                m.iter().map(|(k, v)| format!("{} = {}", hcl_key(k), hcl_object(v, placeholders))).collect();
            if items.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
        Value::Array(a) => {
            format!("[{}]", a.iter().map(|x| hcl_object(x, placeholders)).collect::<Vec<_>>().join(", "))
        }
        Value::String(s) => hcl_value(s, placeholders).0,
        other => other.to_string(),
    }
}

pub(super) fn hcl_key(k: &str) -> String {
    let ident = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident {
        k.to_string()
    } else {
        hcl_string(k)
    }
}

pub(super) fn insert(lines: &mut Vec<Line>, path: &[&str], value: String, comment: Option<String>) {
    match path {
        [] => {}
        [key] => lines.push(Line::Attr { key: (*key).to_string(), value, comment }),
        [block, rest @ ..] => {
            let existing = lines.iter_mut().find_map(|l| match l {
                Line::Block { name, body } if name == block => Some(body),
                _ => None,
            });
            match existing {
                Some(body) => insert(body, rest, value, comment),
                None => {
                    let mut body = Vec::new();
                    insert(&mut body, rest, value, comment);
                    lines.push(Line::Block { name: (*block).to_string(), body });
                }
            }
        }
    }
}

/// Puts comment `text` above the attribute at `path` of `lines`: whether
/// there is one.
pub(super) fn attach(lines: &mut [Line], path: &[&str], text: &str) -> bool {
    match path {
        [] => false,
        [key] => lines.iter_mut().any(|l| match l {
            Line::Attr { key: k, comment, .. } if k == key => {
                add_comment(comment, text);
                true
            }
            _ => false,
        }),
        [block, rest @ ..] => lines.iter_mut().any(|l| match l {
            Line::Block { name, body } if name == block => attach(body, rest, text),
            _ => false,
        }),
    }
}

/// Puts comment `text` above the meta-argument `key` (an attribute).
fn attach_meta(lines: &mut [Line], key: &str, text: &str) -> bool {
    attach(lines, &[key], text)
}

fn add_comment(comment: &mut Option<String>, text: &str) {
    match comment {
        Some(c) => {
            c.push('\n');
            c.push_str(text);
        }
        None => *comment = Some(text.to_string()),
    }
}

/// Writes `lines` as `terraform fmt` would: two spaces per level, the `=` of
/// consecutive one-line attributes aligned.
pub(super) fn write_lines(out: &mut String, lines: &[Line], depth: usize, nl: &str) {
    let indent = "  ".repeat(depth);
    let mut i = 0;
    while i < lines.len() {
        // A run of one-line attributes: `terraform fmt` aligns their `=`; a
        // comment line, a blank line, a block or a multi-line value ends it.
        let mut j = i;
        let mut width = 0;
        while let Some(Line::Attr { key, value, comment }) = lines.get(j) {
            if (comment.is_some() && j > i) || value.contains('\n') {
                break;
            }
            width = width.max(key.chars().count());
            j += 1;
        }
        if j == i {
            j = i + 1;
        }
        for line in &lines[i..j] {
            match line {
                Line::Attr { key, value, comment } => {
                    for c in comment.iter().flat_map(|c| c.lines()) {
                        out.push_str(&format!("{indent}{c}{nl}"));
                    }
                    let pad = " ".repeat(width.saturating_sub(key.chars().count()));
                    out.push_str(&format!("{indent}{key}{pad} = {value}{nl}"));
                }
                Line::Block { name, body } => {
                    out.push_str(&format!("{indent}{name} {{{nl}"));
                    write_lines(out, body, depth + 1, nl);
                    out.push_str(&format!("{indent}}}{nl}"));
                }
                Line::Raw(text) if text.is_empty() => out.push_str(nl),
                Line::Raw(text) => out.push_str(&format!("{indent}{text}{nl}")),
            }
        }
        i = j;
    }
}
