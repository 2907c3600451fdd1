//! The `invokecfg.json` / `.invokecfg.json` lint configuration.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::span::ParsedSource;
use invokecfg_model::{Diagnostic, Dialect, Severity};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// File names searched for, nearest directory first.
pub const CONFIG_NAMES: [&str; 2] = ["invokecfg.json", ".invokecfg.json"];

/// How many `extend` links are followed before giving up (a cycle).
const MAX_EXTEND_DEPTH: usize = 8;

/// One `suppress` entry.
#[derive(Debug)]
pub struct Suppression {
    /// The config file that holds it, and where.
    pub file: PathBuf,
    /// Its position in that file (line, column).
    pub at: (usize, usize),
    /// `path`, as written.
    pub glob: String,
    matcher: Gitignore,
    /// `pointer` (None: anywhere in the file).
    pub pointer: Option<String>,
    /// `code`: a rule selector.
    pub code: String,
    /// Files linted in this run that `path` matches.
    pub files: AtomicUsize,
    /// Findings it suppressed in this run.
    pub used: AtomicUsize,
}

/// One loaded configuration file (with what it extends merged in).
#[derive(Debug, Default)]
pub struct Config {
    /// The file.
    pub path: PathBuf,
    /// `dialect` (None: auto).
    pub dialect: Option<Dialect>,
    /// `target`.
    pub target: Option<Dialect>,
    /// `select`.
    pub select: Vec<String>,
    /// `ignore`.
    pub ignore: Vec<String>,
    /// `severity` overrides.
    pub severities: Vec<(String, Severity)>,
    /// `exclude`, relative to the declaring file's directory.
    pub exclude: Vec<Gitignore>,
    /// `include`: paths linted as configs even with no key of any dialect.
    pub include: Vec<Gitignore>,
    /// `per-file-ignores`: glob -> selectors.
    pub per_file_ignores: Vec<(Gitignore, Vec<String>)>,
    /// `suppress`.
    pub suppress: Vec<Arc<Suppression>>,
    /// `function`.
    pub function: Option<String>,
    /// `rules-url`.
    pub rules_url: Option<String>,
}

fn at(parsed: &ParsedSource, pointer: &str) -> String {
    parsed.spans.value_span(pointer).map(|s| format!(":{}:{}", s.start.line, s.start.column)).unwrap_or_default()
}

fn matcher(dir: &Path, globs: &[&str], shown: &str) -> Result<Gitignore, String> {
    let mut b = GitignoreBuilder::new(dir);
    for g in globs {
        b.add_line(None, g).map_err(|e| format!("{shown}: pattern `{g}`: {e}"))?;
    }
    b.build().map_err(|e| format!("{shown}: {e}"))
}

fn matches(g: &Gitignore, path: &Path) -> bool {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    g.matched_path_or_any_parents(&abs, false).is_ignore()
}

impl Config {
    /// Reads and validates a configuration file, and the files it extends.
    pub fn load(path: &Path) -> Result<Config, String> {
        Config::load_at(path, 0)
    }

    fn load_at(path: &Path, depth: usize) -> Result<Config, String> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {}", crate::io::describe(&e)))?;
        let parsed = invokecfg_model::span::parse(&bytes).map_err(|e| {
            let at = e.position().map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default();
            format!("{shown}{at}: {e}")
        })?;
        if let Some(d) = parsed.duplicates.first() {
            return Err(format!(
                "{shown}:{}:{}: duplicate key at `{}` (first at {}:{}); give each setting once",
                d.second.start.line, d.second.start.column, d.pointer, d.first.start.line, d.first.start.column
            ));
        }
        if let Some(v) = SchemaName::Config.validate(&parsed.value).into_iter().next() {
            let place = if v.pointer.is_empty() { "the top level".to_string() } else { format!("`{}`", v.pointer) };
            return Err(format!(
                "{shown}{}: invalid configuration at {place}: {} (`invokecfg schema config` prints the schema)",
                at(&parsed, &v.pointer),
                v.message
            ));
        }
        let v = &parsed.value;
        let dir = path.parent().unwrap_or(Path::new("."));
        let strings = |k: &str| -> Vec<&str> {
            v.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
        };
        let selector = |s: &str, pointer: &str| {
            crate::values::selector(s).map_err(|e| format!("{shown}{}: {e}", at(&parsed, pointer)))
        };
        let mut select = Vec::new();
        let mut ignore = Vec::new();
        for (key, out) in [("select", &mut select), ("ignore", &mut ignore)] {
            for (i, s) in strings(key).into_iter().enumerate() {
                out.push(selector(s, &format!("/{key}/{i}"))?);
            }
        }
        let mut severities = Vec::new();
        for (k, s) in v.get("severity").and_then(Value::as_object).into_iter().flatten() {
            let pointer = format!("/severity/{}", k.replace('~', "~0").replace('/', "~1"));
            let sev = crate::values::severity(s.as_str().unwrap_or_default())
                .map_err(|e| format!("{shown}{}: {e}", at(&parsed, &pointer)))?;
            severities.push((selector(k, &pointer)?, sev));
        }
        let function = match v.get("function").and_then(Value::as_str) {
            Some(f) => {
                Some(crate::values::function(f).map_err(|e| format!("{shown}{}: {e}", at(&parsed, "/function")))?)
            }
            None => None,
        };
        let rules_url = match v.get("rules-url").and_then(Value::as_str) {
            Some(u) => {
                Some(crate::values::rules_url(u).map_err(|e| format!("{shown}{}: {e}", at(&parsed, "/rules-url")))?)
            }
            None => None,
        };
        let mut per_file_ignores = Vec::new();
        for (glob, sels) in v.get("per-file-ignores").and_then(Value::as_object).into_iter().flatten() {
            let pointer = format!("/per-file-ignores/{}", glob.replace('~', "~0").replace('/', "~1"));
            let mut list = Vec::new();
            for (i, s) in sels.as_array().into_iter().flatten().filter_map(Value::as_str).enumerate() {
                list.push(selector(s, &format!("{pointer}/{i}"))?);
            }
            per_file_ignores.push((matcher(dir, &[glob], &shown)?, list));
        }
        let mut suppress = Vec::new();
        for (i, s) in v.get("suppress").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let pointer = format!("/suppress/{i}");
            let get = |k: &str| s.get(k).and_then(Value::as_str);
            let glob = get("path").unwrap_or("**").to_string();
            let code = selector(get("code").unwrap_or_default(), &format!("{pointer}/code"))?;
            let pos = parsed.spans.value_span(&pointer).map_or((1, 1), |s| (s.start.line, s.start.column));
            suppress.push(Arc::new(Suppression {
                file: path.to_path_buf(),
                at: pos,
                matcher: matcher(dir, &[&glob], &shown)?,
                glob,
                pointer: get("pointer").map(String::from),
                code,
                files: AtomicUsize::new(0),
                used: AtomicUsize::new(0),
            }));
        }
        let dialect_of = |k: &str| v.get(k).and_then(Value::as_str).and_then(|d| d.parse().ok());
        let globs = |k: &str| -> Result<Vec<Gitignore>, String> {
            let g = strings(k);
            Ok(if g.is_empty() { Vec::new() } else { vec![matcher(dir, &g, &shown)?] })
        };
        let own = Config {
            path: path.to_path_buf(),
            dialect: dialect_of("dialect"),
            target: dialect_of("target"),
            select,
            ignore,
            severities,
            exclude: globs("exclude")?,
            include: globs("include")?,
            per_file_ignores,
            suppress,
            function,
            rules_url,
        };
        let Some(parent) = v.get("extend").and_then(Value::as_str) else { return Ok(own) };
        if depth >= MAX_EXTEND_DEPTH {
            return Err(format!(
                "{shown}{}: `extend` goes deeper than {MAX_EXTEND_DEPTH} files (a cycle?)",
                at(&parsed, "/extend")
            ));
        }
        let base = Config::load_at(&dir.join(parent), depth + 1)
            .map_err(|e| format!("{e}\n  (extended by {shown}{})", at(&parsed, "/extend")))?;
        Ok(base.extended_by(own, v))
    }

    /// `self` with a nearer file's settings on top, as ruff's `extend`: scalars
    /// and `select` replace, lists of ignores, excludes and suppressions add up,
    /// severities override per rule.
    fn extended_by(mut self, near: Config, raw: &Value) -> Config {
        self.path = near.path;
        self.dialect = if raw.get("dialect").is_some() { near.dialect } else { self.dialect };
        self.target = if raw.get("target").is_some() { near.target } else { self.target };
        if raw.get("select").is_some() {
            self.select = near.select;
        }
        self.ignore.extend(near.ignore);
        self.severities.extend(near.severities);
        self.exclude.extend(near.exclude);
        self.include.extend(near.include);
        self.per_file_ignores.extend(near.per_file_ignores);
        self.suppress.extend(near.suppress);
        self.function = near.function.or(self.function);
        self.rules_url = near.rules_url.or(self.rules_url);
        self
    }

    /// Whether `path` is excluded by this configuration.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.iter().any(|g| matches(g, path))
    }

    /// Whether `include` names `path`.
    pub fn includes(&self, path: &Path) -> bool {
        self.include.iter().any(|g| matches(g, path))
    }

    /// Drops the findings that `per-file-ignores` and `suppress` silence for
    /// `path`, counting each suppression's use.
    pub fn silence(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        if self.per_file_ignores.is_empty() && self.suppress.is_empty() {
            return;
        }
        let ignored: Vec<&str> = self
            .per_file_ignores
            .iter()
            .filter(|(g, _)| matches(g, path))
            .flat_map(|(_, sels)| sels.iter().map(String::as_str))
            .collect();
        let suppress: Vec<&Arc<Suppression>> = self.suppress.iter().filter(|s| matches(&s.matcher, path)).collect();
        for s in &suppress {
            s.files.fetch_add(1, Ordering::Relaxed);
        }
        diagnostics.retain(|d| {
            let Some(rule) = invokecfg_lint::rule(&d.code) else { return true };
            if ignored.iter().any(|s| invokecfg_lint::selector_matches(s, rule)) {
                return false;
            }
            let hit = suppress.iter().find(|s| {
                invokecfg_lint::selector_matches(&s.code, rule)
                    && s.pointer.as_deref().is_none_or(|p| {
                        d.pointer == p || d.pointer.strip_prefix(p).is_some_and(|rest| rest.starts_with('/'))
                    })
            });
            match hit {
                Some(s) => {
                    s.used.fetch_add(1, Ordering::Relaxed);
                    false
                }
                None => true,
            }
        });
    }
}

/// Finds the nearest configuration for each file, caching per directory.
#[derive(Default)]
pub struct ConfigFinder {
    cache: Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
}

impl ConfigFinder {
    /// The configuration that applies to `file`, if any.
    pub fn for_file(&self, file: &Path) -> Result<Option<Arc<Config>>, String> {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let mut dir = abs.parent().map(Path::to_path_buf);
        let mut visited = Vec::new();
        let found = loop {
            let Some(d) = dir else { break None };
            if let Some(hit) = self.cache.lock().map_err(|_| "config cache poisoned".to_string())?.get(&d) {
                break hit.clone();
            }
            visited.push(d.clone());
            if let Some(p) = CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                break Some(Arc::new(Config::load(&p)?));
            }
            dir = d.parent().map(Path::to_path_buf);
        };
        let mut cache = self.cache.lock().map_err(|_| "config cache poisoned".to_string())?;
        for d in visited {
            cache.insert(d, found.clone());
        }
        Ok(found)
    }
}
