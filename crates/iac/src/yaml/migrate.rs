//! An FC 2.0 wrapper section rewritten as its FC 3.0 counterpart: where the
//! section is and where its replacement goes, the replacement's header, its
//! fields, and the notes for what does not cross.

use super::*;
use invokecfg_model::{Diagnostic, Dialect, Field};

/// One edit of the source: insert the text at the offset, remove the range.
pub(super) type Edit = (usize, String, Range<usize>);

/// Where the section sits and where its replacement goes.
struct Placement {
    /// The section's entry, removed.
    remove: Range<usize>,
    /// The line the replacement is inserted before, and its indent.
    insert: usize,
    indent: usize,
    /// The replacement's address (`resource.nameAsyncInvokeConfig` in ROS).
    address: String,
}

fn not_found(f: &Found) -> Vec<Diagnostic> {
    vec![Diagnostic::new(
        invokecfg_translate::codes::SOURCE_INVALID,
        invokecfg_model::Severity::Error,
        "",
        format!("{}: the section could not be found again", f.address),
    )]
}

/// Finds the section of `f` again in the parsed documents.
fn place(source: &str, offsets: &Offsets, docs: &[MarkedYaml<'_>], f: &Found, to: &Section) -> Option<Placement> {
    let (top, name) = f.address.split_once('.')?;
    let (resource_key, resource_node) = docs
        .iter()
        .filter_map(|d| mapping_of(d))
        .filter_map(|m| get(m, top).and_then(mapping_of))
        .find_map(|m| m.iter().find(|(k, _)| scalar_str(k) == Some(name)))?;
    let section = section_of(f.wrapper)?;
    let (value, key) = node_at(resource_node, section.path)?;
    let remove = entry_range(source, offsets.range(key?).start, offsets.range(value).end);
    // s.yaml: before the props entry that holds the section; ROS: before the resource.
    let (anchor, address) = if to.path.len() > 1 {
        (node_at(resource_node, &section.path[..2])?.1?, f.address.clone())
    } else {
        (resource_key, format!("{top}.{name}AsyncInvokeConfig"))
    };
    let insert = line_start(source, offsets.range(anchor).start);
    Some(Placement { remove, insert, indent: offsets.range(anchor).start - insert, address })
}

/// The comment that says the resource itself must move, and the
/// replacement's own header; returns the depth its fields are written at.
fn header(out: &mut String, notes: &mut Vec<Diagnostic>, f: &Found, to: &Section, indent: usize, nl: &str) -> usize {
    let pad = " ".repeat(indent);
    let (what, advice) = if to.path.len() > 1 {
        (
            "the resource's component is still the fc component",
            "move the resource to the fc3 component, which reads this key",
        )
    } else {
        (
            "the function is still an ALIYUN::FC::Function",
            "move it to ALIYUN::FC3::Function; this resource configures that function",
        )
    };
    notes.push(crate::codes::note(crate::codes::RESOURCE_NOT_MIGRATED, "", what).with_help(advice));
    out.push_str(&format!("{pad}# invokecfg: {what}: {advice}{nl}"));
    if to.path.len() > 1 {
        out.push_str(&format!("{pad}{}:{nl}", to.path.last().copied().unwrap_or_default()));
        return indent + 2;
    }
    let name = f.address.split_once('.').map_or("", |(_, name)| name);
    let ty = match to.selector {
        Selector::RosType(t) => t,
        Selector::Component(_) => "",
    };
    out.push_str(&format!("{pad}{name}AsyncInvokeConfig:{nl}"));
    out.push_str(&format!("{pad}  {}: {ty}{nl}", ros::TYPE_KEY));
    out.push_str(&format!("{pad}  DependsOn: {name}{nl}"));
    out.push_str(&format!("{pad}  {}:{nl}", to.path.first().copied().unwrap_or_default()));
    indent + 4
}

/// The value of one field of the replacement: from the translated document,
/// or (the function's name) from its ARN or the source's own name.
fn field_value(a: &invokecfg_model::facts::terraform::Argument, translated: &Value, f: &Found) -> Option<Value> {
    match (a.pointer, a.role) {
        (Some(p), _) => translated.pointer(p).filter(|v| !v.is_null()).cloned(),
        (None, invokecfg_model::facts::terraform::Role::FunctionNameOfArn) => {
            let arn =
                translated.pointer(&format!("/{}", Dialect::AlibabaFc3.key(Field::Function))).and_then(Value::as_str);
            let from_arn = arn.and_then(|a| a.parse::<invokecfg_model::AcsArn>().ok()).and_then(|a| match a.resource {
                invokecfg_model::AcsResource::Fc3Function { function, .. } => Some(function),
                _ => None,
            });
            let own =
                f.document.pointer(&format!("/{}", Dialect::AlibabaFc2.key(Field::Function))).and_then(Value::as_str);
            from_arn.or(own.map(str::to_string)).map(Value::String)
        }
        _ => None,
    }
}

/// Keys the section does not define leave with it: named, never silently.
fn unknown_key_notes(f: &Found, to: &Section, notes: &mut Vec<Diagnostic>) {
    use invokecfg_translate::codes::{severity, UNKNOWN_KEY_DROPPED};
    for (name, _) in &f.unknown {
        notes.push(
            Diagnostic::new(
                UNKNOWN_KEY_DROPPED,
                severity(UNKNOWN_KEY_DROPPED),
                "",
                format!("`{name}` is not a key of {}: not carried to {}", f.wrapper, to.name),
            )
            .with_help("`invokecfg lint` names the key it may have meant"),
        );
    }
}

/// The edit that replaces `f`'s FC 2.0 section with its FC 3.0 counterpart,
/// the translation's notes, and the replacement's address.
pub(super) fn rewrite(
    source: &str,
    offsets: &Offsets,
    docs: &[MarkedYaml<'_>],
    f: &Found,
    to: &'static Section,
    mapping: &invokecfg_translate::Mapping,
    options: &invokecfg_translate::Options,
) -> Result<(Edit, Vec<Diagnostic>, String), Vec<Diagnostic>> {
    let mut c = crate::carry::translate(f, Dialect::AlibabaFc3, mapping, options, crate::carry::Syntax::Same)?;
    let place = place(source, offsets, docs, f, to).ok_or_else(|| not_found(f))?;
    let nl = crate::text::newline(source);
    let mut out = String::new();
    let depth = header(&mut out, &mut c.notes, f, to, place.indent, nl);
    let tree: Vec<(Vec<&str>, String)> = to
        .fields
        .iter()
        .filter_map(|a| {
            let v = field_value(a, &c.document, f)?;
            Some((a.path.to_vec(), yaml_value(&v, &f.placeholders, depth + 2 * a.path.len(), nl)))
        })
        .collect();
    write_tree(&mut out, &tree, depth, nl);
    for (what, text) in &c.lost {
        out.push_str(&format!(
            "{}# invokecfg: `{what}` was `{}` (an expression): write the alibaba-fc3 value by hand{nl}",
            " ".repeat(depth),
            crate::text::one_line(text)
        ));
    }
    crate::carry::expression_notes(f, &mut c, &out, to.name, Dialect::AlibabaFc3);
    unknown_key_notes(f, to, &mut c.notes);
    Ok(((place.insert, out, place.remove), c.notes, place.address))
}
