//! Suppressions that silenced nothing (S115), reported in the config file
//! that holds them.

use crate::config::Config;
use crate::formats::FileFindings;
use invokecfg_model::{Diagnostic, Position, Span};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Suppressions that silenced nothing in the files they name that this run
/// linted (a run over some files, as pre-commit's, says nothing of the
/// others): S115 findings in the config file that holds them.
pub(super) fn suppressions(configs: &[Option<Arc<Config>>]) -> Vec<FileFindings> {
    let rule = invokecfg_lint::RuleCode::S115.info();
    let mut seen = Vec::new();
    let mut out: Vec<FileFindings> = Vec::new();
    // Shown as the linted files are: relative to the working directory when under it.
    let cwd = std::env::current_dir().unwrap_or_default();
    for s in configs.iter().flatten().flat_map(|c| &c.suppress) {
        if seen.iter().any(|x| Arc::ptr_eq(x, s)) {
            continue;
        }
        seen.push(s.clone());
        if s.files.load(Ordering::Relaxed) == 0 || s.used.load(Ordering::Relaxed) > 0 {
            continue;
        }
        let path = s.file.strip_prefix(&cwd).unwrap_or(&s.file).display().to_string();
        let at = match out.iter().position(|f| f.path == path) {
            Some(i) => i,
            None => {
                let source =
                    std::fs::read(&s.file).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
                out.push(FileFindings { path, source, diagnostics: Vec::new() });
                out.len() - 1
            }
        };
        let Some(file) = out.get_mut(at) else { continue };
        let mut d = Diagnostic::new(
            rule.code,
            rule.severity,
            "/suppress",
            format!(
                "this suppression of {} in `{}`{} matched no finding in the files linted",
                s.code,
                s.glob,
                s.pointer.as_deref().map(|p| format!(" at `{p}`")).unwrap_or_default()
            ),
        );
        d.help = Some("remove it from the config file: it would hide the next real finding there".into());
        d.span = position(&file.source, s.at).map(|start| Span { start, end: start });
        file.diagnostics.push(d);
    }
    out
}

/// The position of 1-based (line, column) in `text`, columns in characters.
fn position(text: &str, (line, column): (usize, usize)) -> Option<Position> {
    let start = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum::<usize>();
    let offset = start + text.get(start..)?.chars().take(column.checked_sub(1)?).map(char::len_utf8).sum::<usize>();
    Some(Position { line, column, offset })
}
