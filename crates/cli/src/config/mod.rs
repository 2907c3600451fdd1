//! The `invokecfg.json` / `.invokecfg.json` lint configuration: found
//! (nearest wins, cached per directory), read (`file.rs`: serde, with the
//! schema generated from the same types), resolved and merged (`extend`).

mod file;

use file::{ConfigFile, DialectSetting, Glob, Selector, TargetSetting};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use invokecfg_model::span::ParsedSource;
use invokecfg_model::{Diagnostic, Dialect, Severity};
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

/// What a nearer file's settings replace in the file it extends (rather than add to).
struct Replaced {
    dialect: bool,
    target: bool,
    select: bool,
}

/// `:line:column` of the value at `pointer`, or nothing.
fn at(parsed: &ParsedSource, pointer: &str) -> String {
    parsed.spans.value_span(pointer).map(|s| format!(":{}:{}", s.start.line, s.start.column)).unwrap_or_default()
}

/// A key as a JSON pointer token.
fn escape_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A path segment as a JSON pointer token.
fn token(segment: &serde_path_to_error::Segment) -> String {
    use serde_path_to_error::Segment;
    match segment {
        Segment::Seq { index } => index.to_string(),
        Segment::Map { key } => escape_token(key),
        Segment::Enum { variant } => escape_token(variant),
        Segment::Unknown => "?".into(),
    }
}

/// Where an object is expected and something else is given: serde's
/// derived structs would also take a list of their fields in order.
fn not_an_object(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    if !value.is_object() {
        return Some(String::new());
    }
    let suppress = value.get("suppress").and_then(Value::as_array)?;
    suppress.iter().position(|s| !s.is_object()).map(|i| format!("/suppress/{i}"))
}

/// Reads, parses and decodes one config file. Errors name the file, the
/// line and column, and what is valid there.
fn read(path: &Path, shown: &str) -> Result<(ConfigFile, ParsedSource), String> {
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
    let invalid = |pointer: &str, message: &str| {
        let place = if pointer.is_empty() { "the top level".to_string() } else { format!("`{pointer}`") };
        format!(
            "{shown}{}: invalid configuration at {place}: {message} (`invokecfg schema config` prints the schema)",
            at(&parsed, pointer)
        )
    };
    if let Some(pointer) = not_an_object(&parsed.value) {
        return Err(invalid(&pointer, "expected an object"));
    }
    let file = serde_path_to_error::deserialize::<_, ConfigFile>(&parsed.value).map_err(|e| {
        let pointer: String = e.path().iter().map(|segment| format!("/{}", token(segment))).collect();
        // serde's words for JSON's.
        let message = e.inner().to_string().replace("a sequence", "a list").replace("a map", "an object");
        invalid(&pointer, &message)
    })?;
    Ok((file, parsed))
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
        let (file, parsed) = read(path, &shown)?;
        let own = Config::resolve(path, &shown, &file, &parsed)?;
        let Some(parent) = &file.extend else { return Ok(own) };
        if depth >= MAX_EXTEND_DEPTH {
            return Err(format!(
                "{shown}{}: `extend` goes deeper than {MAX_EXTEND_DEPTH} files (a cycle?)",
                at(&parsed, "/extend")
            ));
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let base = Config::load_at(&dir.join(&parent.0), depth + 1)
            .map_err(|e| format!("{e}\n  (extended by {shown}{})", at(&parsed, "/extend")))?;
        let replaced = Replaced {
            dialect: file.dialect.is_some(),
            target: !matches!(file.target, TargetSetting::Absent),
            select: file.select.is_some(),
        };
        Ok(base.extended_by(own, replaced))
    }

    /// The settings of one file (without what it extends): its globs
    /// compiled, its selectors checked where serde does not see them (the
    /// keys of `severity`), its suppressions placed.
    fn resolve(path: &Path, shown: &str, file: &ConfigFile, parsed: &ParsedSource) -> Result<Config, String> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let selectors = |list: &[Selector]| list.iter().map(|s| s.0.clone()).collect::<Vec<_>>();
        let mut severities = Vec::new();
        for (key, level) in &file.severity.entries {
            let pointer = format!("/severity/{}", escape_token(key));
            let selector = crate::values::selector(key).map_err(|e| format!("{shown}{}: {e}", at(parsed, &pointer)))?;
            severities.push((selector, level.0));
        }
        let mut per_file_ignores = Vec::new();
        for (glob, list) in &file.per_file_ignores.entries {
            per_file_ignores.push((matcher(dir, &[glob], shown)?, selectors(list)));
        }
        let mut suppress = Vec::new();
        for (i, s) in file.suppress.iter().enumerate() {
            let at =
                parsed.spans.value_span(&format!("/suppress/{i}")).map_or((1, 1), |s| (s.start.line, s.start.column));
            suppress.push(Arc::new(Suppression {
                file: path.to_path_buf(),
                at,
                matcher: matcher(dir, &[&s.path.0], shown)?,
                glob: s.path.0.clone(),
                pointer: s.pointer.as_ref().map(|p| p.0.clone()),
                code: s.code.0.clone(),
                files: AtomicUsize::new(0),
                used: AtomicUsize::new(0),
            }));
        }
        let globs = |list: &[Glob]| -> Result<Vec<Gitignore>, String> {
            let g: Vec<&str> = list.iter().map(|g| g.0.as_str()).collect();
            Ok(if g.is_empty() { Vec::new() } else { vec![matcher(dir, &g, shown)?] })
        };
        Ok(Config {
            path: path.to_path_buf(),
            dialect: match file.dialect {
                Some(DialectSetting::Of(d)) => Some(d),
                Some(DialectSetting::Auto) | None => None,
            },
            target: match file.target {
                TargetSetting::Of(d) => Some(d),
                TargetSetting::Absent | TargetSetting::Null => None,
            },
            select: file.select.as_deref().map(selectors).unwrap_or_default(),
            ignore: selectors(&file.ignore),
            severities,
            exclude: globs(&file.exclude)?,
            include: globs(&file.include)?,
            per_file_ignores,
            suppress,
            function: file.function.as_ref().map(|f| f.0.clone()),
            rules_url: file.rules_url.as_ref().map(|u| u.0.clone()),
        })
    }

    /// `self` with a nearer file's settings on top, as ruff's `extend`: scalars
    /// and `select` replace, lists of ignores, excludes and suppressions add up,
    /// severities override per rule.
    fn extended_by(mut self, near: Config, replaced: Replaced) -> Config {
        self.path = near.path;
        if replaced.dialect {
            self.dialect = near.dialect;
        }
        if replaced.target {
            self.target = near.target;
        }
        if replaced.select {
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
