//! The `invokecfg.json` / `.invokecfg.json` lint configuration.

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::{Dialect, Severity};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// File names searched for, nearest directory first.
pub const CONFIG_NAMES: [&str; 2] = ["invokecfg.json", ".invokecfg.json"];

/// One loaded configuration file.
#[derive(Debug, Default)]
pub struct Config {
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
    /// `exclude`, relative to the file's directory.
    pub exclude: Option<Gitignore>,
    /// `function`.
    pub function: Option<String>,
}

impl Config {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, String> {
        let shown = path.display();
        let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {}", crate::io::describe(&e)))?;
        let parsed = invokecfg_model::span::parse(&bytes).map_err(|e| {
            let at = e.position().map(|p| format!(":{}:{}", p.line, p.column)).unwrap_or_default();
            format!("{shown}{at}: {e}")
        })?;
        if let Some(v) = SchemaName::Config.validate(&parsed.value).into_iter().next() {
            let at = parsed
                .spans
                .value_span(&v.pointer)
                .map(|s| format!(":{}:{}", s.start.line, s.start.column))
                .unwrap_or_default();
            return Err(format!(
                "{shown}{at}: invalid configuration at `{}`: {} (`invokecfg schema config` prints the schema)",
                v.pointer, v.message
            ));
        }
        let v = &parsed.value;
        let strings = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
                .unwrap_or_default()
        };
        for sel in strings("select").iter().chain(strings("ignore").iter()) {
            if !invokecfg_lint::is_known_selector(sel) {
                return Err(format!(
                    "{shown}: `{sel}` names no rule, code prefix or rule name (`invokecfg rules` lists them)"
                ));
            }
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let exclude = match v.get("exclude").and_then(Value::as_array) {
            Some(globs) => {
                let mut b = GitignoreBuilder::new(dir);
                for g in globs.iter().filter_map(Value::as_str) {
                    b.add_line(None, g).map_err(|e| format!("{shown}: exclude pattern `{g}`: {e}"))?;
                }
                Some(b.build().map_err(|e| format!("{shown}: {e}"))?)
            }
            None => None,
        };
        let severities = v
            .get("severity")
            .and_then(Value::as_object)
            .map(|m| m.iter().filter_map(|(k, s)| Some((k.clone(), s.as_str()?.parse().ok()?))).collect())
            .unwrap_or_default();
        let dialect_of = |k: &str| v.get(k).and_then(Value::as_str).and_then(|d| d.parse().ok());
        Ok(Config {
            dialect: dialect_of("dialect"),
            target: dialect_of("target"),
            select: strings("select"),
            ignore: strings("ignore"),
            severities,
            exclude,
            function: v.get("function").and_then(Value::as_str).map(String::from),
        })
    }

    /// Whether `path` is excluded by this configuration.
    pub fn excludes(&self, path: &Path) -> bool {
        let Some(g) = &self.exclude else { return false };
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        g.matched_path_or_any_parents(&abs, false).is_ignore()
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
