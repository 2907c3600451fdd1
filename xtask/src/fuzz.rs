//! `fuzz-corpus` (seed corpus for cargo-fuzz) and `fuzz-replay` (the fuzz
//! target bodies over that corpus, on stable, without libFuzzer).

use crate::corpus::{self, Spec};
use crate::fuzz_entries::TARGETS;
use crate::prng::Rng;
use crate::workspace_root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

/// Every `*.json` under `dir`, sorted.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Every regular file directly in `dir` (none when it does not exist), sorted.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_file() && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01B3))
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(m) => m.values().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// Named inputs: (file name, bytes).
type Inputs = Vec<(String, Vec<u8>)>;

/// The seed inputs of each target, by target name.
fn seeds() -> Result<BTreeMap<&'static str, Inputs>, String> {
    let root = workspace_root();
    let fixtures = root.join("fixtures");
    let mut documents: Inputs = Vec::new();
    for path in json_files(&fixtures)? {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rel = path.strip_prefix(&fixtures).unwrap_or(&path).to_string_lossy().replace(['/', '\\'], "__");
        documents.push((format!("fixture__{rel}"), bytes));
    }
    // A few generated configs and list documents of each dialect, written to a scratch dir.
    let scratch = std::env::temp_dir().join(format!("invokecfg-fuzz-seeds-{}", std::process::id()));
    let spec = Spec { configs: 40, lists: 2, list_items: 3, finding_percent: 25, seed: 5 };
    let generated = corpus::generate(&scratch, spec);
    if let Ok(c) = &generated {
        for (dialect, _, files) in c.configs.iter().chain(&c.lists) {
            for f in files {
                let bytes = fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
                let name = f.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                let kind = if f.components().any(|c| c.as_os_str() == "lists") { "list" } else { "config" };
                documents.push((format!("generated__{}__{kind}__{name}", dialect.id()), bytes));
            }
        }
    }
    let _ = fs::remove_dir_all(&scratch);
    generated?;

    let mut strings: Vec<String> = Vec::new();
    for (_, bytes) in &documents {
        if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
            collect_strings(&v, &mut strings);
        }
    }
    strings.extend(["OBS", "SMN", "DIS", "FunctionGraph", "functiongraph"].map(String::from));
    strings.sort();
    strings.dedup();
    let params: Inputs =
        strings.into_iter().map(|s| (format!("string-{:016x}", fnv1a(s.as_bytes())), s.into_bytes())).collect();

    let mut out = BTreeMap::new();
    for (name, _) in TARGETS {
        out.insert(*name, if *name == "params" { params.clone() } else { documents.clone() });
    }
    Ok(out)
}

/// `fuzz-corpus`: (re)writes `fuzz/corpus/<target>/` from the fixtures.
pub fn corpus(args: &[String]) -> Result<ExitCode, String> {
    if let Some(a) = args.first() {
        return Err(format!("fuzz-corpus takes no arguments, got `{a}`"));
    }
    let dir = workspace_root().join("fuzz").join("corpus");
    for (target, inputs) in seeds()? {
        let d = dir.join(target);
        fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for (name, bytes) in &inputs {
            let p = d.join(name);
            fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        eprintln!("fuzz/corpus/{target}: {} seed inputs", inputs.len());
    }
    Ok(ExitCode::SUCCESS)
}

const TOKENS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"null",
    b"true",
    b"-0",
    b"1e999",
    b"18446744073709551616",
    b"-1",
    b"0.5",
    b"\\u0000",
    b"\\ud800",
    b"\xEF\xBB\xBF",
    b"\xff",
    b"\"destination\": ",
    b"\"param\": \"{}\"",
    b"acs:fc:cn-shanghai:1234567890123456:",
    b"services/s.1/functions/f",
    b"urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:",
    b"urn:smn:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:t",
    b"FunctionGraph",
    b"!prod",
];

/// One seeded mutation of `input`: flip, insert, delete, duplicate, truncate or splice a token.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(3) {
        let len = v.len();
        let at = rng.index(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.index(len);
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, rng.next_u64() as u8),
            2 if len > 0 => {
                let end = (at + 1 + rng.index(16)).min(len);
                v.drain(at.min(len)..end);
            }
            3 if len > 0 => {
                let start = rng.index(len);
                let end = (start + 1 + rng.index(32)).min(len);
                let chunk = v[start..end].to_vec();
                v.splice(at..at, chunk);
            }
            4 => v.truncate(at),
            _ => {
                let token = rng.pick(TOKENS);
                v.splice(at..at, token.iter().copied());
            }
        }
    }
    v
}

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// `fuzz-replay`: every target body over its corpus, catching panics.
pub fn replay(args: &[String]) -> Result<ExitCode, String> {
    let mut mutations = 0usize;
    let mut only: Vec<String> = Vec::new();
    let mut seed = 1u64;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--mutations" => mutations = crate::number(args, &mut i, "--mutations")?,
            "--seed" => seed = crate::number(args, &mut i, "--seed")?,
            "--target" => only.push(crate::value(args, &mut i, "--target")?.to_string()),
            other => return Err(format!("fuzz-replay: unknown option `{other}`")),
        }
        i += 1;
    }
    for name in &only {
        if !TARGETS.iter().any(|(t, _)| t == name) {
            let known: Vec<&str> = TARGETS.iter().map(|(t, _)| *t).collect();
            return Err(format!("no fuzz target `{name}`; the targets are {}", known.join(", ")));
        }
    }
    let root = workspace_root();
    let mut fallback: Option<BTreeMap<&'static str, Inputs>> = None;
    let artifacts = root.join("fuzz").join("artifacts");
    panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(info.to_string());
        }
    }));
    let mut failures = 0usize;
    for (target, body) in TARGETS {
        if !only.is_empty() && !only.iter().any(|o| o == target) {
            continue;
        }
        let started = Instant::now();
        let corpus_dir = root.join("fuzz").join("corpus").join(target);
        let mut inputs: Inputs = Vec::new();
        let from_corpus = files_in(&corpus_dir)?;
        let source = if from_corpus.is_empty() {
            if fallback.is_none() {
                fallback = Some(seeds()?);
            }
            inputs.extend(fallback.as_ref().and_then(|f| f.get(target)).cloned().unwrap_or_default());
            "fixture seeds (fuzz/corpus absent: run `cargo run -p xtask -- fuzz-corpus`)".to_string()
        } else {
            for p in &from_corpus {
                inputs.push((p.display().to_string(), fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?));
            }
            format!("fuzz/corpus/{target}")
        };
        let regressions = files_in(&root.join("fuzz").join("regressions").join(target))?;
        for p in &regressions {
            inputs.push((p.display().to_string(), fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?));
        }
        let mut rng = Rng::new(seed ^ fnv1a(target.as_bytes()));
        let (mut runs, mut failed) = (0usize, 0usize);
        for (name, bytes) in &inputs {
            for m in 0..=mutations {
                let data = if m == 0 { bytes.clone() } else { mutate(&mut rng, bytes) };
                runs += 1;
                if panic::catch_unwind(AssertUnwindSafe(|| body(&data))).is_ok() {
                    continue;
                }
                failed += 1;
                let message = LAST_PANIC.lock().ok().and_then(|mut l| l.take()).unwrap_or_default();
                let saved = if m == 0 {
                    name.clone()
                } else {
                    let dir = artifacts.join(target);
                    let path = dir.join(format!("replay-crash-{:016x}", fnv1a(&data)));
                    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    fs::write(&path, &data).map_err(|e| format!("{}: {e}", path.display()))?;
                    format!("mutant {m} of {name}, saved as {}", path.display())
                };
                if failed <= 10 {
                    eprintln!("FAIL {target}: {saved}\n  {message}");
                }
            }
        }
        eprintln!(
            "{target}: {runs} inputs ({} from {source}, {} regressions, {mutations} mutations each), {failed} failed, {:.2} s",
            inputs.len() - regressions.len(),
            regressions.len(),
            started.elapsed().as_secs_f64()
        );
        failures += failed;
    }
    let _ = panic::take_hook();
    if failures > 0 {
        eprintln!("fuzz-replay: {failures} failing inputs");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
