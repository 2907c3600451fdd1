//! Issue 21, items 2 and 3: no module cycle between the lint crate's
//! modules, and no rule module importing from another rule (what rules
//! share lives in `rules/helpers.rs`). Read from the sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`None`: the crate root).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib").then_some(name)
}

/// The names `crate::{...}` / `crate::name` paths in `text` start with.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(inner.split(',').map(|p| p.trim().split("::").next().unwrap_or("").trim().to_string()));
        } else {
            out.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

#[test]
fn no_module_cycle_in_the_lint_crate() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(f)).collect();
    // What the crate root re-exports, by the module it comes from (`crate::RuleCode` is `rules`'s).
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let (module, names) = line.trim_end_matches(';').split_once("::").unwrap_or_default();
        if modules.contains(module) {
            for n in names.trim_matches(|c| c == '{' || c == '}').split(',') {
                owner.insert(n.trim().to_string(), module.to_string());
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(from) = module_of(f) else { continue };
        for name in crate_paths(&std::fs::read_to_string(f).unwrap()) {
            let to = if modules.contains(&name) { Some(name) } else { owner.get(&name).cloned() };
            if let Some(to) = to.filter(|t| *t != from) {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(edges.get("portability").is_some_and(|e| e.contains("ctx")), "the reader sees the edges: {edges:?}");
    // Depth-first search for a path back to where it started.
    fn reaches(edges: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str, seen: &mut BTreeSet<String>) -> bool {
        edges
            .get(from)
            .into_iter()
            .flatten()
            .any(|n| n == to || (seen.insert(n.clone()) && reaches(edges, n, to, seen)))
    }
    for m in &modules {
        assert!(!reaches(&edges, m, m, &mut BTreeSet::new()), "module cycle through `{m}`: {edges:#?}");
    }
}

#[test]
fn no_rule_imports_from_another_rule() {
    let dir = src().join("rules");
    let is_rule = |name: &str| {
        let b = name.as_bytes();
        b.len() > 5 && b[0].is_ascii_lowercase() && b[1..4].iter().all(u8::is_ascii_digit) && b[4] == b'_'
    };
    let mut rules = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !is_rule(&name) {
            continue;
        }
        rules += 1;
        let text = std::fs::read_to_string(e.path()).unwrap();
        for (at, _) in text.match_indices("super::") {
            let next: String = text[at + "super::".len()..].chars().take_while(|c| *c != ':' && *c != ';').collect();
            assert!(!is_rule(&next), "{name} imports from rule module `{next}`: move the helper to rules/helpers.rs");
        }
        assert!(!text.contains("crate::rules::"), "{name} reaches into the rules by path");
    }
    assert!(rules > 50, "{rules}");
}
