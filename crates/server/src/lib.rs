//! # invokecfg-server
//!
//! `invokecfg server`: a language server over stdio for async invocation
//! configs in API JSON, Terraform and Serverless Devs / ROS YAML. Its
//! findings are `invokecfg lint`'s, from the same per-file function
//! (`invokecfg_cli::LintSettings::lint_text`), with the nearest
//! `invokecfg.json` applied; its fixes are `--fix`'s.
//!
//! One thread reads messages; the main thread handles them in order and is
//! the only writer. Before it blocks for more input it publishes the
//! diagnostics of the documents that changed, so a burst of edits is linted
//! once, and a request cancelled while it waited is answered as cancelled.
//!
//! Positions are converted in the encoding the client negotiated:
//!
//! ```
//! use invokecfg_server::{Encoding, LineIndex};
//!
//! let text = "{\n  \"é\": 1, \"maxAsyncRetryAttempts\": 9\n}\n";
//! let index = LineIndex::new(text);
//! let offset = text.find("9").unwrap();
//! // `é` is 2 bytes in UTF-8 and 1 code unit in UTF-16.
//! assert_eq!(index.position(text, offset, Encoding::Utf8).character, 36);
//! assert_eq!(index.position(text, offset, Encoding::Utf16).character, 35);
//! assert_eq!(index.offset(text, index.position(text, offset, Encoding::Utf16), Encoding::Utf16), offset);
//! ```

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

mod actions;
mod completion;
mod diagnostics;
mod documents;
mod facts;
mod hover;
mod position;
mod server;
mod settings;
mod transport;

pub use documents::file_uri;
pub use position::{Encoding, LineIndex};
pub use transport::{read_frame, FrameError};

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc;

/// Runs the server on stdin/stdout until `exit` (or the input ends).
pub fn run() -> ExitCode {
    serve(std::io::BufReader::new(std::io::stdin()), std::io::stdout())
}

/// Runs the server on any input and output: `exit` after `shutdown` is
/// exit code 0, `exit` without it (or the input ending) 1, as the protocol says.
pub fn serve(input: impl BufRead + Send + 'static, output: impl Write) -> ExitCode {
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::Builder::new()
        .name("invokecfg-lsp-reader".into())
        .spawn(move || transport::read_messages(input, &sender));
    if reader.is_err() {
        eprintln!("invokecfg: error: cannot start the message reader thread");
        return ExitCode::from(2);
    }
    server::Server::new(output).run(&receiver)
}
