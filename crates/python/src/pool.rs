//! `translate_many`'s threads: a pool the module owns, rebuilt in a forked child.
//!
//! `fork()` copies a process with only the thread that called it. A pool built
//! before the fork has no threads in the child, and work sent to it waits
//! forever (rayon's global pool would: Linux's `multiprocessing` forks by
//! default through Python 3.13). So the pool remembers the process that built
//! it, and a call from any other process (a forked child) builds its own.

use pyo3::exceptions::PyRuntimeError;
use pyo3::PyResult;
use rayon::ThreadPool;
use std::sync::{Arc, Mutex};

/// The pool and the id of the process whose threads it has.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// This process's pool, built on first use.
pub fn pool() -> PyResult<Arc<ThreadPool>> {
    let process = std::process::id();
    // Held only to look and to build: never while Python code or a batch runs.
    let mut kept = POOL.lock().unwrap_or_else(|p| p.into_inner());
    match kept.take() {
        Some((owner, pool)) if owner == process => {
            *kept = Some((owner, pool.clone()));
            return Ok(pool);
        }
        // The parent's pool: dropping it would signal threads this process does not have.
        Some(inherited) => std::mem::forget(inherited),
        None => {}
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("invokecfg-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("translate_many could not start its threads: {e}")))?;
    let pool = Arc::new(pool);
    *kept = Some((process, pool.clone()));
    Ok(pool)
}
