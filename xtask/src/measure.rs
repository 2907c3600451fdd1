//! What the benchmarks share: where the build is, running the binary under
//! GNU time, and the generated list document.

use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `$CARGO_TARGET_DIR` (relative to the workspace root when relative), else `<root>/target`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                root.join(d)
            }
        }
        _ => root.join("target"),
    }
}

/// GNU time, where there is one, running `bin` and writing `format` last on stderr.
pub fn under_gnu_time(bin: &Path, format: &str) -> (Command, bool) {
    let gnu_time = Path::new("/usr/bin/time");
    if gnu_time.is_file() {
        let mut c = Command::new(gnu_time);
        c.args(["-f", format, "--"]).arg(bin);
        (c, true)
    } else {
        (Command::new(bin), false)
    }
}

/// An FC 2.0 List response of `n` copies of one config (a service's
/// functions as a large organisation exports them), compact JSON.
pub fn list_document(n: usize) -> Result<Vec<u8>, String> {
    let item = json!({
        "service": "orders", "function": "create-order", "qualifier": "LATEST",
        "maxAsyncEventAgeInSeconds": 3600, "maxAsyncRetryAttempts": 2,
        "destinationConfig": {"onFailure": {"destination": "acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages"}},
    });
    serde_json::to_vec(&json!({"configs": vec![item; n], "nextToken": "x"})).map_err(|e| e.to_string())
}
