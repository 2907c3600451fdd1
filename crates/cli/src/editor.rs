//! The per-file lint for an editor's buffer (`invokecfg server`): the text
//! is linted by the function `invokecfg lint` lints each file with
//! (`lint_cmd::lint_source`), as if it were the file at its path, with the
//! config that applies there; its fixes are `--fix`'s (`lint_cmd::fixed_text`).

use crate::config::{Config, ConfigFinder};
use crate::lint_cmd::{self, Input, Outcome};
use crate::{Cli, Command, LintArgs};
use clap::Parser;
use invokecfg_model::Diagnostic;
use invokecfg_translate::Mapping;
use std::path::Path;
use std::sync::Arc;

/// The lint flags an editor's settings stand for, parsed and loaded once.
/// An editor is `--force-exclude`: a file the config excludes is not linted
/// although it was opened by name.
pub struct LintSettings {
    args: LintArgs,
    /// `--config`: else the nearest config file of each document, looked up
    /// at each lint (so an edited invokecfg.json applies at once).
    config: Option<Arc<Config>>,
    mapping: Option<Arc<Mapping>>,
}

/// What linting one text gives.
#[derive(Debug, Clone)]
pub enum TextLint {
    /// The findings `invokecfg lint` reports for the file with this text,
    /// and the rule pages' base URL (`--rules-url` or the config's `rules-url`).
    Findings { diagnostics: Vec<Diagnostic>, rules_url: Option<String> },
    /// The config's `exclude` names the file (an editor is `--force-exclude`).
    Excluded,
    /// Not an async invocation config (why): `invokecfg lint` skips it.
    NotAConfig(String),
    /// It could not be linted: the config file does not load.
    Failed(String),
}

impl Default for LintSettings {
    /// No flags.
    fn default() -> LintSettings {
        LintSettings { args: LintArgs { force_exclude: true, ..LintArgs::default() }, config: None, mapping: None }
    }
}

impl LintSettings {
    /// Parses lint flags (`--select=R,I3`, `--target=huawei`, ...) as
    /// `invokecfg lint` does, and loads the files they name.
    pub fn from_flags(flags: &[String]) -> Result<LintSettings, String> {
        let argv = ["invokecfg", "lint"].into_iter().map(String::from).chain(flags.iter().cloned());
        let args = match Cli::try_parse_from(argv) {
            Ok(Cli { command: Command::Lint(args) }) => args,
            Ok(_) => return Err("not lint flags".into()),
            Err(e) => {
                let text = e.render().to_string();
                let first = text.lines().next().unwrap_or("invalid settings");
                return Err(first.trim_start_matches("error: ").to_string());
            }
        };
        if !args.paths.is_empty() {
            return Err(format!("settings name lint flags, not paths (`{}`)", args.paths.join(" ")));
        }
        let config = args.config.as_deref().map(|p| Config::load(Path::new(p)).map(Arc::new)).transpose()?;
        let mapping = args.map.as_deref().map(crate::translate_cmd::load_mapping).transpose()?.map(Arc::new);
        Ok(LintSettings { args: LintArgs { force_exclude: true, ..args }, config, mapping })
    }

    fn config_for(&self, path: &Path) -> Result<Option<Arc<Config>>, String> {
        match &self.config {
            Some(c) => Ok(Some(c.clone())),
            None => ConfigFinder::default().for_file(path),
        }
    }

    /// Lints `source` as the text of the file at `path`.
    pub fn lint_text(&self, path: &Path, source: &[u8]) -> TextLint {
        let config = match self.config_for(path) {
            Ok(c) => c,
            Err(e) => return TextLint::Failed(e),
        };
        let input = Input { shown: path.display().to_string(), path: Some(path.to_path_buf()), explicit: true };
        if lint_cmd::excluded(&self.args, &input, config.as_deref()) {
            return TextLint::Excluded;
        }
        match lint_cmd::lint_source(&self.args, &input, source.to_vec(), config.as_deref(), self.mapping.as_ref()) {
            Outcome::Linted { findings, .. } => TextLint::Findings {
                diagnostics: findings.diagnostics,
                rules_url: self.args.rules_url.clone().or_else(|| config.and_then(|c| c.rules_url.clone())),
            },
            Outcome::NotAConfig => TextLint::NotAConfig("no async invocation config".into()),
            Outcome::Skipped => TextLint::Excluded,
            Outcome::Failed(p) => TextLint::Failed(p.message),
        }
    }

    /// The text `invokecfg lint --fix` makes of `source` as the file at
    /// `path`, or `None` when no fix applies (or it cannot be linted).
    /// Safe fixes only, whatever the flags say: it runs unread, on save.
    pub fn fix_text(&self, path: &Path, source: &[u8]) -> Option<Vec<u8>> {
        let config = self.config_for(path).ok()?;
        let input = Input { shown: path.display().to_string(), path: Some(path.to_path_buf()), explicit: true };
        let mut options = lint_cmd::options_for(&self.args, config.as_deref(), self.mapping.as_ref());
        options.unsafe_fixes = invokecfg_lint::UnsafeFixes::Disabled;
        let (text, applied) = lint_cmd::fixed_text(&input, source, &options);
        (applied > 0).then_some(text)
    }
}
