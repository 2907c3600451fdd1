//! A walk linted as it goes: the files a directory walk finds are linted
//! in batches on the thread pool while the walk goes on (the walk was a
//! serial tenth of a corpus lint), then put in the run's order.

use super::inputs::{self, Configs, Place};
use super::{source, Input, Outcome};
use crate::config::{Config, ConfigFinder};
use crate::formats::Problem;
use crate::LintArgs;
use invokecfg_translate::Mapping;
use std::sync::{Arc, Mutex};

/// Files handed to the pool at a time: enough to pay for a task, few enough
/// that both threads start while the walk goes on.
const BATCH: usize = 64;

/// One input, its configuration and what linting it gave.
pub(super) type Linted = (Input, Option<Arc<Config>>, Outcome);

/// Whether the run may lint files as the walk finds them: a directory is
/// walked, and nothing must be known of every input first (`--fix` writes
/// nothing and `--output-file` is checked against every input before any
/// lint).
pub(super) fn applies(args: &LintArgs) -> bool {
    // No path is `.`, unless a stdin file name says the input is stdin.
    let walks = match args.paths.is_empty() {
        true => args.stdin_filename.is_none(),
        false => args.paths.iter().any(|p| std::path::Path::new(p).is_dir()),
    };
    !args.fix && args.output_file.is_none() && walks
}

/// Every input the paths name, linted, in the run's order; or the first
/// configuration file that cannot be read (nothing is written either way).
pub(super) fn lint(
    args: &LintArgs,
    explicit: Option<&Arc<Config>>,
    mapping: Option<&Arc<Mapping>>,
    problems: &mut Vec<Problem>,
) -> Result<Vec<Linted>, String> {
    let finder = ConfigFinder::default();
    let mut configs = Configs::new(explicit, &finder);
    let done: Mutex<Vec<(Place, Linted)>> = Mutex::new(Vec::new());
    let mut config_error = None;
    rayon::scope(|scope| {
        let done = &done;
        let send = |batch: Vec<(Place, Input, Option<Arc<Config>>)>| {
            scope.spawn(move |_| {
                let linted: Vec<(Place, Linted)> = batch
                    .into_iter()
                    .map(|(place, input, config)| {
                        let outcome = source::lint_one(args, &input, config.as_deref(), mapping);
                        (place, (input, config, outcome))
                    })
                    .collect();
                // A poisoned lock is a panic in another batch, which the scope re-raises.
                if let Ok(mut all) = done.lock() {
                    all.extend(linted);
                }
            })
        };
        let mut batch = Vec::with_capacity(BATCH);
        inputs::visit(args, problems, |place, input| {
            if config_error.is_some() {
                return;
            }
            match configs.of(&input) {
                Ok(config) => batch.push((place, input, config)),
                Err(e) => config_error = Some(e),
            }
            if batch.len() == BATCH {
                send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        });
        if !batch.is_empty() {
            send(batch);
        }
    });
    if let Some(e) = config_error {
        return Err(e);
    }
    let mut all = done.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    all.sort_by(|(place_a, (a, ..)), (place_b, (b, ..))| inputs::order(*place_a, a, *place_b, b));
    Ok(all.into_iter().map(|(_, linted)| linted).collect())
}
