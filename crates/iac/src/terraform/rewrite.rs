//! Rewriting a `.tf` file for another provider: each resource translated
//! and rendered in place (or kept, when it is already of the target type),
//! addresses kept unique, every note located in the file.

use super::*;

pub(super) fn get<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    doc.pointer(pointer).filter(|v| !v.is_null())
}

/// One resource translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The source resource's address.
    pub address: String,
    /// The address it was rewritten to (when it was).
    pub new_address: Option<String>,
    /// Translation notes, located in the source file.
    pub notes: Vec<Diagnostic>,
    /// Whether it was refused (then the file is not written).
    pub refused: bool,
}

/// A `.tf` file translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// The new file text (every byte outside the rewritten resources kept).
    pub text: String,
    /// Per resource, in file order.
    pub outcomes: Vec<Outcome>,
}

impl Translated {
    /// Whether any resource was refused.
    pub fn refused(&self) -> bool {
        self.outcomes.iter().any(|o| o.refused)
    }
}

/// Why a `.tf` file could not be translated at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TranslateFileError {
    /// Not HCL.
    Syntax(SyntaxError),
    /// No resource type writes `target`'s documents.
    NoResourceType(String),
    /// An API document holds one config, and the file has these sections.
    Sections(Vec<String>),
}

impl std::fmt::Display for TranslateFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TranslateFileError::Syntax(e) => write!(f, "{e}"),
            TranslateFileError::NoResourceType(d) => {
                let known: Vec<&str> = facts::RESOURCES.iter().map(|r| r.dialect).collect();
                write!(f, "no Terraform resource type writes `{d}` configs; expected one of {}", known.join(", "))
            }
            TranslateFileError::Sections(s) => write!(
                f,
                "{} sections ({}): an API document holds one config; use `--format terraform` for one resource each",
                s.len(),
                s.join(", ")
            ),
        }
    }
}

// `Syntax` displays its error whole (it is the error, not its cause): no `source()`.
impl std::error::Error for TranslateFileError {}

/// Translates every async invocation config resource of `source` into
/// `target`'s resource type, in place.
pub fn translate(
    source: &str,
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Result<Translated, TranslateFileError> {
    let found = read(source).map_err(TranslateFileError::Syntax)?;
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    let staying = staying_addresses(source, &found, target);
    let outcomes = each_resource(source, source, &found, (target, staying), mapping, options, |f, block| {
        text.push_str(source.get(at..f.extent.start).unwrap_or_default());
        text.push_str(block);
        at = f.extent.end;
    })?;
    text.push_str(source.get(at..).unwrap_or_default());
    Ok(Translated { text, outcomes })
}

/// Writes each section `found` in `source` (a Serverless Devs or ROS YAML
/// file) as a resource of `target`'s Terraform type, in a new `.tf` text
/// (FunctionGraph has no YAML tool holding an async config).
pub fn from_sections(
    source: &str,
    found: &[Found],
    target: Dialect,
    mapping: &Mapping,
    options: &Options,
) -> Result<Translated, TranslateFileError> {
    let mut text = String::new();
    // Not HCL: no meta-arguments to carry, and `\n` line ends.
    let outcomes = each_resource("", source, found, (target, BTreeSet::new()), mapping, options, |_, block| {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(block);
        text.push('\n');
    })?;
    Ok(Translated { text, outcomes })
}

/// The addresses a translation of `source` to `target` leaves where they are:
/// every resource block that is not an async invocation config of another
/// provider's type (other resources, and configs already of the target's type).
pub(super) fn staying_addresses(source: &str, found: &[Found], target: Dialect) -> BTreeSet<String> {
    let Ok(body) = hcl_edit::parser::parse_body(source) else { return BTreeSet::new() };
    let to = facts::resource_for_dialect(target.id()).map(|r| r.resource_type);
    let rewritten: BTreeSet<&str> =
        found.iter().filter(|f| Some(f.wrapper) != to).map(|f| f.address.as_str()).collect();
    body.iter()
        .filter_map(Structure::as_block)
        .filter(|b| b.has_ident("resource") && b.labels.len() == 2)
        .filter_map(|b| Some(format!("{}.{}", b.labels.first()?.as_str(), b.labels.get(1)?.as_str())))
        .filter(|a| !rewritten.contains(a.as_str()))
        .collect()
}

/// Translates each of `found` (read from `file`) for `target`'s resource
/// type, handing each rendered block to `write`; notes are located in `file`.
/// A resource already of the target's type is handed over byte for byte; a
/// rewritten one never takes an address in `taken` (the resources that stay)
/// or one an earlier rewrite took: it is renamed, with a note.
pub(super) fn each_resource(
    hcl: &str,
    file: &str,
    found: &[Found],
    (target, mut taken): (Dialect, BTreeSet<String>),
    mapping: &Mapping,
    options: &Options,
    mut write: impl FnMut(&Found, &str),
) -> Result<Vec<Outcome>, TranslateFileError> {
    let to = facts::resource_for_dialect(target.id())
        .ok_or_else(|| TranslateFileError::NoResourceType(target.id().to_string()))?;
    let lines = Lines::new(file);
    let mut outcomes = Vec::new();
    for f in found {
        if f.wrapper == to.resource_type {
            write(f, hcl.get(f.extent.clone()).unwrap_or_default());
            let address = Some(f.address.clone());
            outcomes.push(Outcome {
                address: f.address.clone(),
                new_address: address,
                notes: Vec::new(),
                refused: false,
            });
            continue;
        }
        let name = free_name(f, to, &mut taken);
        let result = translate_one(hcl, f, &name, (target, to), &lines, mapping, options).map(|(block, notes)| {
            write(f, &block);
            (format!("{}.{}", to.resource_type, name.label), notes)
        });
        outcomes.push(located(f, &lines, result));
    }
    Ok(outcomes)
}

/// The label a rewritten resource gets, and the address it could not take.
pub(crate) struct NewName {
    label: String,
    /// The address already in the output that made the source's name unusable.
    clash: Option<String>,
}

/// The source's name when `to.type.name` is free; else the name with the
/// source provider appended (`orders_alicloud`), then a number: the first
/// free one, so the same file always gives the same names.
pub(super) fn free_name(f: &Found, to: &Resource, taken: &mut BTreeSet<String>) -> NewName {
    let base = resource_name(f);
    let address = |label: &str| format!("{}.{label}", to.resource_type);
    let first = address(&base);
    let mut label = base.clone();
    let mut n = 1;
    while taken.contains(&address(&label)) {
        n += 1;
        label = match n {
            2 => format!("{base}_{}", provider(f.wrapper)),
            _ => format!("{base}_{}_{n}", provider(f.wrapper)),
        };
    }
    taken.insert(address(&label));
    NewName { clash: (n > 1).then_some(first), label }
}

/// The outcome of translating `f` (its new address and notes, or the notes
/// of the refusal), each note located in the file `lines` index.
pub(crate) fn located(
    f: &Found,
    lines: &Lines<'_>,
    result: Result<(String, Vec<Diagnostic>), Vec<Diagnostic>>,
) -> Outcome {
    let (new_address, mut notes, refused) = match result {
        Ok((address, notes)) => (Some(address), notes, false),
        Err(notes) => (None, notes, true),
    };
    for n in &mut notes {
        if n.span.is_none() {
            let (_, value) = f.span_of(&n.pointer);
            n.span = Some(lines.span(value));
        }
        n.message = crate::carry::as_written(f, &n.message);
        n.help = n.help.as_deref().map(|h| crate::carry::as_written(f, h));
    }
    Outcome { address: f.address.clone(), new_address, notes, refused }
}

/// The name of the rewritten resource: the source's resource or section
/// name, with what HCL does not allow in a name replaced by `_`.
pub(super) fn resource_name(f: &Found) -> String {
    let name = f.address.rsplit_once('.').map_or(f.address.as_str(), |(_, n)| n);
    let mut out: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

pub(super) fn translate_one(
    source: &str,
    f: &Found,
    name: &NewName,
    (target, to): (Dialect, &'static Resource),
    lines: &Lines<'_>,
    mapping: &Mapping,
    options: &Options,
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    // A YAML section written as Terraform (`source` is no HCL) cannot keep its expressions.
    let syntax = if source.is_empty() { crate::carry::Syntax::Foreign } else { crate::carry::Syntax::Same };
    let mut c = crate::carry::translate(f, target, mapping, options, syntax)?;
    let block = render(source, f, &name.label, (c.from, target), to, &c.document, &c.lost, &mut c.notes);
    crate::carry::expression_notes(f, &mut c, &block, to.resource_type, target);
    let src_provider = provider(f.wrapper);
    if src_provider != provider(to.resource_type) {
        for e in &f.expressions {
            if e.text.contains(&format!("{src_provider}_")) {
                c.notes.push(
                    note(
                        codes::SOURCE_PROVIDER_REFERENCE,
                        &e.pointer,
                        format!("`{}` refers to a resource of the {src_provider} provider", one_line(&e.text)),
                    )
                    .with_help(format!(
                        "migrate that resource too, then point this reference at its {} counterpart",
                        target.id()
                    )),
                );
            }
        }
    }
    c.notes.extend(unknown_notes(f, lines));
    if let Some(clash) = &name.clash {
        c.notes.push(
            note(
                codes::RESOURCE_RENAMED,
                "",
                format!("written as `{}.{}`: `{clash}` is already in the file", to.resource_type, name.label),
            )
            .with_help("rename it in the output if another name suits (Terraform addresses must be unique)"),
        );
    }
    invokecfg_translate::conclude(Some(block), c.notes, options).map_err(TranslateError::into_notes)
}

/// A misspelt or unknown argument or block is not carried: `T105`, as an
/// unknown key of an API document is, with the did-you-mean `lint` gives.
pub(super) fn unknown_notes(f: &Found, lines: &Lines<'_>) -> Vec<Diagnostic> {
    f.unknown
        .iter()
        .map(|(name, range)| {
            let help = match f.nearest_name(name) {
                Some(k) => format!("did you mean `{k}`? (`invokecfg lint --fix` renames it)"),
                None => format!("remove it; `{}` has: {}", f.wrapper, f.known_names().join(", ")),
            };
            let code = invokecfg_translate::codes::UNKNOWN_KEY_DROPPED;
            let severity = invokecfg_translate::codes::severity(code);
            let message = format!("`{name}` is no {} argument and is not carried", f.wrapper);
            let mut n = Diagnostic::new(code, severity, "", message).with_help(help);
            n.span = Some(lines.span(range.clone()));
            n
        })
        .collect()
}

/// The provider prefix of a resource type (`alicloud`, `huaweicloud`, `aws`).
pub(super) fn provider(resource_type: &str) -> &str {
    resource_type.split('_').next().unwrap_or_default()
}

/// A string from the translated document as HCL: placeholders become the
/// expressions they stand for (a lone one bare, others interpolated).
pub(super) fn hcl_value(s: &str, placeholders: &[String]) -> (String, bool) {
    if is_placeholder(s) {
        let i: usize = s[PLACEHOLDER.len()..].parse().unwrap_or(usize::MAX);
        if let Some(e) = placeholders.get(i) {
            // A lone placeholder is an interpolation only when its source was one.
            return (e.clone(), true);
        }
    }
    if !s.contains(PLACEHOLDER) {
        return (hcl_string(s), false);
    }
    let mut out = String::new();
    let mut rest = s;
    let mut any = false;
    while let Some(i) = rest.find(PLACEHOLDER) {
        out.push_str(&hcl_inner(&rest[..i]));
        let digits: String = rest[i + PLACEHOLDER.len()..].chars().take_while(char::is_ascii_digit).collect();
        match digits.parse::<usize>().ok().and_then(|n| placeholders.get(n)) {
            Some(e) => {
                let e = e.strip_prefix("${").and_then(|x| x.strip_suffix('}')).unwrap_or(e);
                out.push_str(&format!("${{{e}}}"));
                any = true;
            }
            None => out.push_str(&rest[i..i + PLACEHOLDER.len() + digits.len()]),
        }
        rest = &rest[i + PLACEHOLDER.len() + digits.len()..];
    }
    out.push_str(&hcl_inner(rest));
    (format!("\"{out}\""), any)
}

/// `s` escaped for the inside of an HCL quoted string.
pub(super) fn hcl_inner(s: &str) -> String {
    let q = hcl_string(s);
    q.strip_prefix('"').and_then(|x| x.strip_suffix('"')).unwrap_or_default().to_string()
}
