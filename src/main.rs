//! The `invokecfg` binary: a thin shell over `invokecfg-cli`, kept in the root
//! package so `cargo install --path .` (what pre-commit runs) installs it.

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

// Many small allocations per linted file: mimalloc is measurably faster than glibc here.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // `invokecfg server` is the language server, which lints through the CLI crate.
    invokecfg_cli::main(invokecfg_server::run)
}
