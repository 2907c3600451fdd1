//! `public-api --write|--check`: every public item of each library crate,
//! with its declaration and the headers of its impls and methods, read from
//! `cargo doc`'s own output (stable rustdoc; no nightly JSON), compared with
//! the committed `public-api/<crate>.txt`. A change to the public API is then
//! a visible diff in review, and CI fails until the listing is written.

use crate::workspace_root;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The library crates whose API is published (the Python extension is not a Rust API).
const CRATES: [&str; 7] = [
    "invokecfg",
    "invokecfg_model",
    "invokecfg_translate",
    "invokecfg_lint",
    "invokecfg_iac",
    "invokecfg_cli",
    "invokecfg_server",
];

/// Where the section of impls every type gets (`impl<T> From<T> for T`, ...) starts: not listed.
const BLANKET_IMPLS: &str = "id=\"blanket-implementations\"";

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let write = match args.first().map(String::as_str) {
        Some("--write") => true,
        Some("--check") => false,
        _ => return Err("public-api needs --write or --check".into()),
    };
    let root = workspace_root();
    // The same command as .ci/run's doc step, so after it this only reads.
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["doc", "--workspace", "--no-deps", "--quiet", "--exclude", "invokecfg-python"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cargo doc: {e}"))?;
    if !status.success() {
        return Err("cargo doc failed".into());
    }
    let doc =
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target")).join("doc");
    let mut stale = Vec::new();
    for krate in CRATES {
        let listing = listing(&doc.join(krate), krate)?;
        let file = root.join("public-api").join(format!("{}.txt", krate.replace('_', "-")));
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        if committed == listing {
            continue;
        }
        if write {
            std::fs::create_dir_all(root.join("public-api")).map_err(|e| format!("public-api/: {e}"))?;
            std::fs::write(&file, &listing).map_err(|e| format!("{}: {e}", file.display()))?;
            eprintln!("wrote {}", file.display());
        } else {
            eprintln!("{}: the public API changed:\n{}", file.display(), diff(&committed, &listing));
            stale.push(krate);
        }
    }
    if stale.is_empty() {
        if !write {
            eprintln!("public API of {} crates as listed in public-api/", CRATES.len());
        }
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("review the change, then `cargo run -p xtask -- public-api --write`");
    Ok(ExitCode::from(1))
}

/// The lines only one side has (`-` committed, `+` now), in order.
fn diff(old: &str, new: &str) -> String {
    let (old_lines, new_lines): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut out = String::new();
    for l in old_lines.iter().filter(|l| !new_lines.contains(l)) {
        out.push_str(&format!("- {l}\n"));
    }
    for l in new_lines.iter().filter(|l| !old_lines.contains(l)) {
        out.push_str(&format!("+ {l}\n"));
    }
    out
}

/// One crate's listing: per item of `all.html`, its kind and path, then its
/// declaration and its impl and method headers, indented.
fn listing(dir: &Path, krate: &str) -> Result<String, String> {
    let all = read(&dir.join("all.html"))?;
    let mut items: Vec<(String, String)> = Vec::new();
    for (href, name) in links(&all) {
        let kind = href.rsplit('/').next().and_then(|f| f.split('.').next()).unwrap_or("item").to_string();
        items.push((format!("{kind} {krate}::{}", text(&name)), href));
    }
    items.sort();
    let mut out = String::new();
    for (title, href) in items {
        out.push_str(&title);
        out.push('\n');
        let page = read(&dir.join(&href))?;
        let page = page.split(BLANKET_IMPLS).next().unwrap_or_default();
        if let Some(decl) = between(page, "<pre class=\"rust item-decl\"><code>", "</code></pre>").first() {
            out.push_str(&format!("    {}\n", text(decl)));
        }
        let mut headers: Vec<String> =
            between(page, "class=\"code-header\">", "</h").iter().map(|h| format!("    {}", text(h))).collect();
        headers.sort();
        headers.dedup();
        for h in headers {
            out.push_str(&h);
            out.push('\n');
        }
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e} (does `cargo doc` document it?)", path.display()))
}

/// `(href, inner html)` of every link in the item lists of `all.html`.
fn links(all: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for list in between(all, "<ul class=\"all-items\">", "</ul>") {
        for li in between(list, "<a href=\"", "</a>") {
            if let Some((href, name)) = li.split_once("\">") {
                out.push((href.to_string(), name.to_string()));
            }
        }
    }
    out
}

/// Every text between `start` and the next `end`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(start) {
        rest = &rest[i + start.len()..];
        let Some(j) = rest.find(end) else { break };
        out.push(&rest[..j]);
        rest = &rest[j..];
    }
    out
}

/// HTML as the text it shows: tags dropped, entities decoded, whitespace collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_drops_tags_and_decodes_entities() {
        assert_eq!(
            text("pub fn <a href=\"x\">lint</a>(s: &amp;str) -&gt; Vec&lt;T&gt;"),
            "pub fn lint(s: &str) -> Vec<T>"
        );
        assert_eq!(between("<b>1</b><b>2</b>", "<b>", "</b>"), ["1", "2"]);
        assert_eq!(diff("a\nb\n", "a\nc\n"), "- b\n+ c\n");
    }
}
