//! The comments of a Terraform resource, each tied to the argument or block
//! it annotates, so a rewrite carries it under the argument's new name.

use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::Span as _;
use invokecfg_model::facts::terraform::{self as facts, Argument, Resource, Role};
use invokecfg_model::Dialect;
use std::ops::Range;

/// Byte ranges of every comment in `text` (`#` and `//` to the end of the
/// line, `/* ... */`), outside quoted strings and heredocs; `base` is added
/// to each range. The line break after a line comment is not part of it.
pub(crate) fn comment_ranges(text: &str, base: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Code (with its open braces) or a quoted string; an interpolation
    // (`${`, `%{`) inside a string is code again until its closing brace.
    let mut stack = vec![Frame::Code { braces: 0 }];
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        match stack.last_mut() {
            Some(Frame::Str) => match b {
                b'\\' => i += 1,
                b'"' => {
                    stack.pop();
                }
                // `$${` and `%%{` are literal.
                b'$' | b'%' if next == Some(b) && bytes.get(i + 2) == Some(&b'{') => i += 2,
                b'$' | b'%' if next == Some(b'{') => {
                    stack.push(Frame::Code { braces: 0 });
                    i += 1;
                }
                _ => {}
            },
            Some(Frame::Code { braces }) => match b {
                b'"' => stack.push(Frame::Str),
                b'{' => *braces += 1,
                b'}' if *braces > 0 => *braces -= 1,
                // The end of an interpolation (never of the outermost code).
                b'}' if stack.len() > 1 => {
                    stack.pop();
                }
                b'#' => i = line_comment(bytes, i, base, &mut out),
                b'/' if next == Some(b'/') => i = line_comment(bytes, i, base, &mut out),
                b'/' if next == Some(b'*') => {
                    let end = text.get(i + 2..).and_then(|r| r.find("*/")).map_or(bytes.len(), |e| i + 2 + e + 2);
                    out.push(base + i..base + end);
                    i = end;
                    continue;
                }
                b'<' if next == Some(b'<') => {
                    if let Some(end) = heredoc_end(text, i) {
                        i = end;
                        continue;
                    }
                }
                _ => {}
            },
            None => break,
        }
        i += 1;
    }
    out
}

enum Frame {
    Code { braces: usize },
    Str,
}

fn line_comment(bytes: &[u8], start: usize, base: usize, out: &mut Vec<Range<usize>>) -> usize {
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b == b'\n' {
            break;
        }
        end += 1;
    }
    let end = if end > start && bytes.get(end - 1) == Some(&b'\r') { end - 1 } else { end };
    out.push(base + start..base + end);
    end
}

/// The offset after a heredoc starting at `start` (`<<EOF` or `<<-EOF`), or
/// `None` when `<<` starts no heredoc.
fn heredoc_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start + 2..)?;
    let rest_trimmed = rest.strip_prefix('-').unwrap_or(rest);
    let marker: String = rest_trimmed.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if marker.is_empty() {
        return None;
    }
    let body_start = start + text.get(start..)?.find('\n')? + 1;
    let mut at = body_start;
    for line in text.get(body_start..)?.split_inclusive('\n') {
        at += line.len();
        if line.trim() == marker {
            return Some(at);
        }
    }
    Some(text.len())
}

/// What a comment annotates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// An argument or block that maps to this API document pointer.
    Pointer(String),
    /// The function name of the request path (FC 3.0 `function_name`).
    FunctionName,
    /// A meta-argument or meta block (`count`, `lifecycle`, ...), by name.
    Meta(String),
    /// An argument or block with no place in the API document (an unknown
    /// name, Huawei's `region`), as the file names it (`a.b` in blocks).
    Other(String),
    /// Nothing after it in the resource: the end of its body.
    Resource,
}

/// One comment of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its text, as written (`# retry up to 10 times`).
    pub text: String,
    /// Its bytes in the file.
    pub range: Range<usize>,
    /// What it annotates.
    pub anchor: Anchor,
}

/// One argument or block a comment can annotate: its whole span, where its
/// name starts, and what it maps to.
struct Site {
    span: Range<usize>,
    start: usize,
    is_block: bool,
    anchor: Anchor,
}

/// Every comment inside `block` (a resource of type `resource`), tied to
/// the argument it annotates: the one whose value holds it, else the one it
/// trails on the same line, else the next one, else the block around it,
/// else the resource's end.
pub(crate) fn read(source: &str, block: &Block, resource: &Resource) -> Vec<Comment> {
    let Some(extent) = block.span() else { return Vec::new() };
    let Some(text) = source.get(extent.clone()) else { return Vec::new() };
    let ranges = comment_ranges(text, extent.start);
    if ranges.is_empty() {
        return Vec::new();
    }
    let mut sites = Vec::new();
    walk(&block.body, resource, &mut Vec::new(), &mut sites);
    let same_line = |a: usize, b: usize| source.get(a..b).is_some_and(|t| !t.contains('\n'));
    ranges
        .into_iter()
        .map(|range| {
            let inside_value = sites
                .iter()
                .filter(|s| !s.is_block && s.span.start <= range.start && range.end <= s.span.end)
                .max_by_key(|s| s.span.start);
            let trailing = || {
                sites
                    .iter()
                    .filter(|s| s.start < range.start && same_line(s.start, range.start))
                    .max_by_key(|s| s.start)
            };
            let next = || sites.iter().filter(|s| s.start >= range.end).min_by_key(|s| s.start);
            let around = || {
                sites
                    .iter()
                    .filter(|s| s.is_block && s.span.start <= range.start && range.end <= s.span.end)
                    .max_by_key(|s| s.span.start)
            };
            let site = inside_value.or_else(trailing).or_else(next).or_else(around);
            let anchor = site.map_or(Anchor::Resource, |s| s.anchor.clone());
            let text = source.get(range.clone()).unwrap_or_default().trim_end().to_string();
            Comment { text, range, anchor }
        })
        .collect()
}

fn walk(body: &Body, resource: &Resource, path: &mut Vec<String>, sites: &mut Vec<Site>) {
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => {
                path.push(a.key.as_str().to_string());
                let names: Vec<&str> = path.iter().map(String::as_str).collect();
                let anchor = if names.len() == 1 && facts::META_ARGUMENTS.contains(&names[0]) {
                    Anchor::Meta(names[0].to_string())
                } else {
                    match resource.argument(&names) {
                        Some(arg) if arg.role == Role::FunctionNameOfArn => Anchor::FunctionName,
                        Some(Argument { pointer: Some(p), .. }) => Anchor::Pointer((*p).to_string()),
                        _ => Anchor::Other(names.join(".")),
                    }
                };
                let span = a.span().unwrap_or_default();
                let start = a.key.span().map_or(span.start, |k| k.start);
                sites.push(Site { span, start, is_block: false, anchor });
                path.pop();
            }
            Structure::Block(b) => {
                let ident = b.ident.as_str();
                let dynamic = ident == "dynamic";
                let name = if dynamic { b.labels.first().map(|l| l.as_str()).unwrap_or_default() } else { ident };
                path.push(name.to_string());
                let names: Vec<&str> = path.iter().map(String::as_str).collect();
                let anchor = if names.len() == 1 && facts::META_ARGUMENTS.contains(&ident) {
                    Anchor::Meta(ident.to_string())
                } else {
                    match facts::block_pointer(resource.arguments, &names) {
                        Some(p) => Anchor::Pointer(p),
                        None => Anchor::Other(names.join(".")),
                    }
                };
                let span = b.span().unwrap_or_default();
                let start = b.ident.span().map_or(span.start, |k| k.start);
                sites.push(Site { span, start, is_block: true, anchor: anchor.clone() });
                // A meta block and a `dynamic` block are carried (or named) whole.
                if !matches!(anchor, Anchor::Meta(_)) && !dynamic {
                    walk(&b.body, resource, path, sites);
                }
                path.pop();
            }
        }
    }
}

/// What an argument is about, the same in every dialect: a comment on the
/// source's argument goes to the target's argument of the same topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Topic {
    MaxEventAge,
    RetryAttempts,
    StateTracking,
    Function,
    Destinations,
    OnSuccess,
    OnFailure,
}

/// The topic of an API document pointer of `dialect`.
pub(crate) fn topic(dialect: Dialect, pointer: &str) -> Option<Topic> {
    let spec = dialect.spec();
    let keys = &spec.keys;
    let top = |k: &str| pointer == format!("/{k}");
    let under = |k: &str| pointer == format!("/{k}") || pointer.starts_with(&format!("/{k}/"));
    if top(keys.max_event_age) {
        Some(Topic::MaxEventAge)
    } else if top(keys.retry_attempts) {
        Some(Topic::RetryAttempts)
    } else if spec.state_tracking.is_some_and(|t| top(t.key)) {
        Some(Topic::StateTracking)
    } else if under(keys.destination_config) {
        let rest = pointer.get(keys.destination_config.len() + 1..).unwrap_or_default();
        if rest.starts_with(&format!("/{}", keys.on_success)) {
            Some(Topic::OnSuccess)
        } else if rest.starts_with(&format!("/{}", keys.on_failure)) {
            Some(Topic::OnFailure)
        } else {
            Some(Topic::Destinations)
        }
    } else if top(keys.function) || spec.identity_keys.iter().any(|k| top(k)) {
        Some(Topic::Function)
    } else {
        None
    }
}

/// The topic a comment's anchor has in `from`'s document.
pub(crate) fn anchor_topic(anchor: &Anchor, from: Dialect) -> Option<Topic> {
    match anchor {
        Anchor::Pointer(p) => topic(from, p),
        Anchor::FunctionName => Some(Topic::Function),
        Anchor::Meta(_) | Anchor::Other(_) | Anchor::Resource => None,
    }
}

/// The topic of a target resource's argument.
pub(crate) fn argument_topic(argument: &Argument, target: Dialect) -> Option<Topic> {
    match (argument.role, argument.pointer) {
        (Role::FunctionNameOfArn, _) => Some(Topic::Function),
        (_, Some(p)) => topic(target, p),
        (_, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::comment_ranges;

    fn comments(text: &str) -> Vec<&str> {
        comment_ranges(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn comments_outside_strings_heredocs_and_interpolations() {
        let text = "a = \"# not ${x[\"}#\"]} // no\" # yes\r\nb = <<EOF\n# in heredoc\nEOF\n// two\n/* three\n */ c = \"$${#}\" /**/\nd = { e = 1 } # four";
        assert_eq!(comments(text), ["# yes", "// two", "/* three\n */", "/**/", "# four"]);
    }

    #[test]
    fn unclosed_input_never_panics() {
        for text in ["\"abc", "/* open", "<<EOF\nx", "a = \"${", "}}}", "\"${\"${\"", "#"] {
            let _ = comments(text);
        }
    }
}
