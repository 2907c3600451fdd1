//! The `invokecfg` binary: a thin shell over `invokecfg-cli`, kept in the root
//! package so `cargo install --path .` (what pre-commit runs) installs it.

fn main() -> std::process::ExitCode {
    invokecfg_cli::main()
}
