//! `bench-server`: the language server end to end (issue #22 item 7). A
//! client over pipes (this process) opens a 10 KB config, then edits one
//! value N times, each an incremental `didChange`; the latency is the time
//! from writing the change to reading the `publishDiagnostics` of that
//! version. The server's resident memory is sampled along the way (Linux
//! `/proc/PID/status` VmRSS): it must stay flat over the edits.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, ExitCode, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long one answer may take before the run fails.
const WAIT: Duration = Duration::from_secs(30);

/// Where the edited value stands in a generated config.
const MARK: &str = "EDIT_MARK";

/// An FC 3.0 list document of about `bytes` bytes, the first item's age at [`MARK`].
fn json_config(bytes: usize) -> String {
    let mut items = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < bytes {
        let age = if i == 0 { MARK.to_string() } else { (3600 + i * 7).to_string() };
        let item = format!(
            "    {{\n      \"functionArn\": \"acs:fc:cn-shanghai:1234567890123456:functions/process-{i}\",\n      \"asyncTask\": false,\n      \"maxAsyncEventAgeInSeconds\": {age},\n      \"maxAsyncRetryAttempts\": {},\n      \"destinationConfig\": {{\n        \"onFailure\": {{\"destination\": \"acs:mns:cn-shanghai:1234567890123456:/topics/failures-{i}/messages\"}}\n      }}\n    }}",
            i % 4
        );
        size += item.len() + 2;
        items.push(item);
        i += 1;
    }
    format!("{{\n  \"configs\": [\n{}\n  ]\n}}\n", items.join(",\n"))
}

/// A Terraform file of about `bytes` bytes of FC 3.0 resources, the first one's age at [`MARK`].
fn terraform_config(bytes: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        let age = if i == 0 { MARK.to_string() } else { (60 + i * 7).to_string() };
        out.push_str(&format!(
            "resource \"alicloud_fcv3_async_invoke_config\" \"r{i}\" {{\n  function_name                  = \"process-{i}\"\n  max_async_event_age_in_seconds = {age}\n  max_async_retry_attempts       = {}\n\n  destination_config {{\n    on_failure {{\n      destination = \"acs:mns:cn-shanghai:1234567890123456:/topics/failures-{i}/messages\"\n    }}\n  }}\n}}\n\n",
            1 + i % 3
        ));
        i += 1;
    }
    out
}

struct Client {
    stdin: ChildStdin,
    messages: Receiver<(Instant, Value)>,
    pid: u32,
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let body = invokecfg_server::read_frame(reader).ok()??;
    serde_json::from_slice(&body).ok()
}

impl Client {
    fn start(bin: &Path, dir: &Path) -> Result<(Client, std::process::Child), String> {
        let mut child = Command::new(bin)
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("starting {} server: {e}", bin.display()))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut reader) {
                if tx.send((Instant::now(), v)).is_err() {
                    break;
                }
            }
        });
        let pid = child.id();
        Ok((Client { stdin, messages: rx, pid }, child))
    }

    fn send(&mut self, message: &Value) -> Result<(), String> {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("writing to the server: {e}"))
    }

    /// The first message satisfying `wanted`, and when it was read.
    fn wait_for(&self, wanted: impl Fn(&Value) -> bool) -> Result<(Instant, Value), String> {
        loop {
            let (at, m) = self.messages.recv_timeout(WAIT).map_err(|_| "the server did not answer in time")?;
            if wanted(&m) {
                return Ok((at, m));
            }
        }
    }

    /// Resident memory in KiB (Linux).
    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid)).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

struct Figures {
    surface: &'static str,
    bytes: usize,
    latencies: Vec<Duration>,
    /// (edits done, VmRSS KiB).
    rss: Vec<(usize, u64)>,
}

/// Opens `template` as `name` with [`MARK`] as `values.0`, then edits it
/// `edits` times, between `values.1` (out of range: findings) and `values.0`
/// (in range: none), so the diagnostics change with every edit.
fn measure(
    bin: &Path,
    (surface, name): (&'static str, &str),
    template: &str,
    values: (&str, &str),
    edits: usize,
) -> Result<Figures, String> {
    if values.0.len() != values.1.len() {
        return Err("the two values must be as long".into());
    }
    let mark = template.find(MARK).ok_or("no editable value")?;
    let text = template.replacen(MARK, values.0, 1);
    let dir = std::env::temp_dir().join(format!("invokecfg-bench-server-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(name);
    std::fs::write(&path, &text).map_err(|e| e.to_string())?;
    let uri = format!("file://{}", path.display());
    let (mut c, mut child) = Client::start(bin, &dir)?;
    c.send(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))?;
    c.wait_for(|m| m["id"] == 1)?;
    c.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))?;
    c.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": surface, "version": 0, "text": text}}}))?;
    let (_, first) = c.wait_for(|m| m["method"] == "textDocument/publishDiagnostics")?;
    if first["params"]["diagnostics"].as_array().is_none_or(|d| !d.is_empty()) {
        return Err(format!("{surface}: the generated config has findings: {first}"));
    }
    // The value's line and character (ASCII text: UTF-16 units are bytes).
    let line = text[..mark].matches('\n').count();
    let character = mark - text[..mark].rfind('\n').map_or(0, |i| i + 1);
    let width = values.0.len();
    let mut latencies = Vec::with_capacity(edits);
    let mut rss = Vec::new();
    for version in 1..=edits {
        let out_of_range = version % 2 == 1;
        let value = if out_of_range { values.1 } else { values.0 };
        let change = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + width}}, "text": value}]
        }});
        let sent = Instant::now();
        c.send(&change)?;
        let (at, published) =
            c.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version)?;
        latencies.push(at - sent);
        let got = published["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        if (got > 0) != out_of_range {
            return Err(format!("{surface}: edit {version} (`{value}`) gave {got} diagnostics"));
        }
        if version == 1 || version % (edits / 10).max(1) == 0 {
            rss.extend(c.rss_kib().map(|k| (version, k)));
        }
    }
    c.send(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))?;
    c.wait_for(|m| m["id"] == 2)?;
    c.send(&json!({"jsonrpc": "2.0", "method": "exit"}))?;
    let status = child.wait().map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    if !status.success() {
        return Err(format!("the server exited with {status}"));
    }
    Ok(Figures { surface, bytes: text.len(), latencies, rss })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

/// `bench-server [--edits N] [--bytes N] [--bin PATH] [--json]`.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let (mut edits, mut bytes, mut bin, mut as_json) = (10_000usize, 10_240usize, None, false);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--edits" => edits = crate::number(args, &mut i, "--edits")?,
            "--bytes" => bytes = crate::number(args, &mut i, "--bytes")?,
            "--bin" => bin = Some(PathBuf::from(crate::value(args, &mut i, "--bin")?)),
            "--json" => as_json = true,
            other => return Err(format!("bench-server: unknown option `{other}`")),
        }
        i += 1;
    }
    if edits < 2 {
        return Err("--edits must be at least 2".into());
    }
    let bin = bin.unwrap_or_else(|| crate::workspace_root().join("target/release/invokecfg"));
    if !bin.is_file() {
        return Err(format!("{} not found: cargo build --release --bin invokecfg (or --bin PATH)", bin.display()));
    }
    // Ages: FC 3.0 accepts 1..604800; the Terraform provider validates 0..3600.
    let runs = [
        measure(&bin, ("json", "configs.json"), &json_config(bytes), ("5", "0"), edits)?,
        measure(&bin, ("terraform", "main.tf"), &terraform_config(bytes), ("3000", "5000"), edits)?,
    ];
    let mut out = Vec::new();
    eprintln!(
        "{:<10} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}   VmRSS KiB (after edit: KiB)",
        "surface", "bytes", "edits", "median", "p90", "p99", "max"
    );
    for f in &runs {
        let mut sorted = f.latencies.clone();
        sorted.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let (median, p90, p99, max) =
            (percentile(&sorted, 0.5), percentile(&sorted, 0.9), percentile(&sorted, 0.99), percentile(&sorted, 1.0));
        let rss: Vec<String> = f.rss.iter().map(|(e, k)| format!("{e}: {k}")).collect();
        eprintln!(
            "{:<10} {:>7} {:>7} {:>7.2}ms {:>7.2}ms {:>7.2}ms {:>7.2}ms   {}",
            f.surface,
            f.bytes,
            f.latencies.len(),
            ms(median),
            ms(p90),
            ms(p99),
            ms(max),
            rss.join(", ")
        );
        out.push(json!({
            "surface": f.surface, "bytes": f.bytes, "edits": f.latencies.len(),
            "median_ms": ms(median), "p90_ms": ms(p90), "p99_ms": ms(p99), "max_ms": ms(max),
            "rss_kib": f.rss.iter().map(|(e, k)| json!({"after_edits": e, "kib": k})).collect::<Vec<_>>(),
        }));
    }
    eprintln!("  latency: didChange written -> publishDiagnostics of that version read, by a client over pipes");
    if as_json {
        println!("{}", serde_json::to_string_pretty(&Value::Array(out)).unwrap_or_default());
    }
    Ok(ExitCode::SUCCESS)
}
