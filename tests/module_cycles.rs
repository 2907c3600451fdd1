//! No module cycle inside a crate (ARCHITECTURE.md: "the floors").
//!
//! Reads every crate's sources, takes each top-level module's `crate::`
//! paths (outside its `#[cfg(test)]` tail) as edges, resolves names the crate
//! root re-exports to the module that defines them, and fails naming every
//! cycle. A cheap reading of the source, not of the compiler: it misses
//! method calls that cross modules without a path, which is why the
//! registration keeps such methods in `registry.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`None`: the crate root).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// The code before its unit tests, without comment lines (a doc link is no import).
fn without_tests(text: &str) -> String {
    let code = text.find("#[cfg(test)]").map_or(text, |at| &text[..at]);
    code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every path that follows `crate::`, with `crate::{a, b::c}` groups opened.
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `invokecfg_model::...` is another crate
        }
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            out.extend(group[..end].split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()));
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
        }
    }
    out
}

/// Names the crate root re-exports (`pub use module::{A, B}`), to their module.
fn root_reexports(root: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in root.split(';') {
        let statement = statement.trim();
        let Some(path) = statement.strip_prefix("pub use ") else { continue };
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let item = item.trim();
            let name = item.rsplit("::").next().unwrap_or(item).trim();
            if !name.is_empty() {
                names.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    names
}

fn cycles_in(src: &Path) -> Vec<Vec<String>> {
    let root = ["lib.rs", "main.rs"].iter().find_map(|f| fs::read_to_string(src.join(f)).ok()).unwrap_or_default();
    let reexports = root_reexports(&root);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(src, file) else { continue };
        let text = fs::read_to_string(file).unwrap_or_default();
        for path in crate_paths(&without_tests(&text)) {
            let head = path.split("::").next().unwrap_or("").trim().to_string();
            let to = if modules.contains(&head) { Some(head) } else { reexports.get(&head).cloned() };
            if let Some(to) = to.filter(|to| *to != from && modules.contains(to)) {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    strongly_connected(&modules, &edges).into_iter().filter(|c| c.len() > 1).collect()
}

/// Tarjan's strongly connected components.
fn strongly_connected(nodes: &BTreeSet<String>, edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(node: &'a str, state: &mut State<'a>) {
        let at = state.index.len();
        state.index.insert(node, at);
        state.low.insert(node, at);
        state.stack.push(node);
        state.on_stack.insert(node);
        let edges = state.edges;
        for next in edges.get(node).into_iter().flatten() {
            if !state.index.contains_key(next.as_str()) {
                visit(next, state);
                let low = state.low[next.as_str()].min(state.low[node]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(next.as_str()) {
                let low = state.index[next.as_str()].min(state.low[node]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(top) = state.stack.pop() {
                state.on_stack.remove(top);
                component.push(top.to_string());
                if top == node {
                    break;
                }
            }
            component.sort();
            state.out.push(component);
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for node in nodes {
        if !state.index.contains_key(node.as_str()) {
            visit(node, &mut state);
        }
    }
    state.out
}

/// Cycles known and being broken (a ratchet: none may be added; empty now).
const BEING_BROKEN: &[&str] = &[];

#[test]
fn no_module_cycle_inside_a_crate() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<PathBuf> = vec![workspace.join("src"), workspace.join("xtask/src")];
    let mut crates: Vec<PathBuf> =
        fs::read_dir(workspace.join("crates")).into_iter().flatten().flatten().map(|e| e.path().join("src")).collect();
    crates.sort();
    sources.extend(crates);
    let mut found = Vec::new();
    let mut still = Vec::new();
    for src in &sources {
        for cycle in cycles_in(src) {
            let crate_dir = src.strip_prefix(workspace).unwrap_or(src).display().to_string();
            let cycle = format!("{crate_dir}: {}", cycle.join(" <-> "));
            if BEING_BROKEN.contains(&cycle.as_str()) {
                still.push(cycle);
            } else {
                found.push(cycle);
            }
        }
    }
    let gone: Vec<&&str> = BEING_BROKEN.iter().filter(|c| !still.iter().any(|s| s == *c)).collect();
    assert!(gone.is_empty(), "broken at last: remove {gone:?} from BEING_BROKEN");
    assert!(
        found.is_empty(),
        "module cycles (modules that import each other, directly or around a ring):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reading_finds_a_planted_cycle() {
    let dir = tempfile::tempdir().map_err(|e| e.to_string());
    let Ok(dir) = dir else { panic!("no temp dir") };
    let src = dir.path();
    let write = |name: &str, text: &str| fs::write(src.join(name), text).map_err(|e| e.to_string());
    assert!(write("lib.rs", "mod a; mod b; mod c;\npub use c::Thing;\n").is_ok());
    assert!(write("a.rs", "use crate::b::f;\n").is_ok());
    assert!(write("b.rs", "use crate::{Thing, c};\n").is_ok());
    assert!(write("c.rs", "pub struct Thing;\nuse crate::a;\n#[cfg(test)]\nmod tests { use crate::b; }\n").is_ok());
    assert_eq!(cycles_in(src), vec![vec!["a".to_string(), "b".to_string(), "c".to_string()]]);
    assert!(write("c.rs", "pub struct Thing;\n/// [`crate::a`]\n#[cfg(test)]\nmod tests { use crate::a; }\n").is_ok());
    assert!(cycles_in(src).is_empty(), "a test-only import is no cycle");
}
