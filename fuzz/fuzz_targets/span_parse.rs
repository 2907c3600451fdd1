//! Fuzz target `span_parse`: the body is `fuzz_entries::span_parse` in xtask/src/fuzz_entries.rs,
//! shared with `cargo run -p xtask -- fuzz-replay` (stable, no libFuzzer).
#![no_main]

#[path = "../../xtask/src/fuzz_entries.rs"]
#[allow(dead_code)]
mod fuzz_entries;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_entries::span_parse(data));
