//! Project tasks.
//!
//! ```text
//! cargo run --release -p xtask -- bench [--configs N] [--lists N] [--list-items N] [--out DIR] [--runs K]
//!                                       [--latency-runs N] [--json] [--no-build] [--bin PATH]
//!                                       [--no-check-jsonschema] [--generate-only]
//! cargo run --release -p xtask -- profile lint|span|translate DIR [--repeat N]
//! cargo run --release -p xtask -- bench-iac [--resources N] [--runs K] [--bin PATH]
//! cargo run --release -p xtask -- bench-notes [--items N] [--runs K] [--bin PATH] [--baseline PATH] [--json]
//! cargo run --release -p xtask -- bench-server [--edits N] [--bytes N] [--bin PATH] [--json]
//! cargo run -p xtask -- facts --write|--check [--python PATH]
//! cargo run -p xtask -- fuzz-corpus
//! cargo run -p xtask -- fuzz-replay [--mutations N] [--target NAME]...
//! cargo run -p xtask -- public-api --write|--check
//! ```
//!
//! `bench` measures the `invokecfg` binary and the library entry points on a
//! generated corpus (see BENCHMARKS.md); `fuzz-corpus` writes the seed corpus
//! of the cargo-fuzz targets into `fuzz/corpus/<target>/`; `fuzz-replay` runs
//! every fuzz target's body over that corpus (and `fuzz/regressions/`) on
//! stable, without libFuzzer, optionally with seeded mutations.

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

// As the binary (src/main.rs): the in-process figures are the shipped allocator's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod bench_iac;
mod bench_notes;
mod bench_server;
mod corpus;
mod facts;
mod fuzz;
mod fuzz_entries;
mod measure;
mod prng;
mod public_api;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  cargo run --release -p xtask -- bench-iac [--resources N] [--runs K] [--bin PATH]
      lint of one .tf file of N resources and of N small .tf files (default 10000),
      beside `terraform fmt -check` on the same inputs (needs target/release/invokecfg)
  cargo run --release -p xtask -- bench-notes [--items N] [--runs K] [--bin PATH] [--baseline PATH] [--json]
      one list of N configs (default 200000) linted and translated to every target, side by side:
      time against lint, peak RSS against the input, stderr lines (default binary:
      target/release/invokecfg; --baseline PATH measures another binary, e.g. main's, in the same run)
  cargo run --release -p xtask -- bench-server [--edits N] [--bytes N] [--bin PATH] [--json]
      `invokecfg server` end to end over pipes: a BYTES (default 10240) JSON list and
      Terraform file edited N times (default 10000); latency from didChange to its
      publishDiagnostics (median, p90, p99, max) and the server's VmRSS over the edits
      (needs target/release/invokecfg)
  cargo run --release -p xtask -- bench [options]
      --configs N           single configs per dialect (default 10000)
      --lists N             list documents per dialect (default 1000)
      --list-items N        configs per list document (default 20)
      --out DIR             write the corpus here and keep it (default: a temp dir, removed after)
      --runs K              repetitions of each corpus-wide measurement; the median is reported (default 3)
      --latency-runs N      runs of the one-file lint (default 200)
      --seed N              corpus PRNG seed (default 20261124)
      --json                print the figures as JSON on stdout (the table goes to stderr)
      --bin PATH            the invokecfg binary to measure (default: build it with cargo)
      --no-build            do not run cargo build; use the binary already in the target dir
      --no-check-jsonschema skip the check-jsonschema comparison
      --generate-only       write the corpus (needs --out) and stop
  cargo run --release -p xtask -- profile lint|span|translate DIR [--repeat N]
      a tight in-process loop over DIR/*.json, to run under perf record or callgrind
  cargo run -p xtask -- facts --write|--check [--python PATH]
      regenerate (or compare) crates/model/src/facts/sdk.rs from the installed SDKs' own
      region and partition files (scripts/sdk_facts.py; default python: python3)
  cargo run -p xtask -- fuzz-corpus
      copy fixtures/**/*.json (and generated samples) into fuzz/corpus/<target>/
  cargo run -p xtask -- fuzz-replay [--mutations N] [--target NAME]... [--seed N]
      run every fuzz target body over fuzz/corpus/<target>/ (or the fixtures when absent)
      and fuzz/regressions/<target>/, plus N seeded mutations of each input, on stable
  cargo run -p xtask -- public-api --write|--check
      list every public item of each library crate from `cargo doc`'s output into
      public-api/<crate>.txt (--write), or fail when the listing differs (--check)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("bench") => bench::Args::parse(&args[1..]).and_then(|a| bench::run(&a)),
        Some("profile") => bench::profile(&args[1..]),
        Some("bench-iac") => bench_iac::run(&args[1..]),
        Some("bench-notes") => bench_notes::run(&args[1..]),
        Some("bench-server") => bench_server::run(&args[1..]),
        Some("facts") => facts::run(&args[1..]),
        Some("fuzz-corpus") => fuzz::corpus(&args[1..]),
        Some("fuzz-replay") => fuzz::replay(&args[1..]),
        Some("public-api") => public_api::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown task `{other}`\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// A flag's value: `--name VALUE`.
pub fn value<'a>(args: &'a [String], i: &mut usize, name: &str) -> Result<&'a str, String> {
    *i += 1;
    args.get(*i).map(String::as_str).ok_or_else(|| format!("{name} needs a value"))
}

/// A flag's numeric value.
pub fn number<T: std::str::FromStr>(args: &[String], i: &mut usize, name: &str) -> Result<T, String> {
    let v = value(args, i, name)?;
    v.parse().map_err(|_| format!("{name} expects a non-negative integer, got `{v}`"))
}
