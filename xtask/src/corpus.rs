//! The deterministic benchmark corpus: realistic configs of each dialect
//! (pretty-printed like `fixtures/*/valid/*.json`, 300–900 bytes, 1–2
//! destinations, regions from the provider facts), about 5 % carrying a
//! finding, plus list documents and the mapping file that covers them.

use crate::prng::Rng;
use invokecfg_model::facts::{alibaba, huawei, tencent};
use invokecfg_model::Dialect;
use serde_json::{json, Map, Value};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Alibaba region -> Huawei region pairs used by the corpus (and its mapping file).
/// Every id is checked against the provider facts before use.
pub const REGION_PAIRS: &[(&str, &str)] = &[
    ("cn-shanghai", "cn-east-3"),
    ("cn-beijing", "cn-north-4"),
    ("cn-hangzhou", "cn-east-2"),
    ("cn-shenzhen", "cn-south-1"),
    ("cn-hongkong", "ap-southeast-1"),
    ("ap-southeast-1", "ap-southeast-3"),
    ("ap-southeast-5", "ap-southeast-4"),
    ("cn-chengdu", "cn-southwest-2"),
    ("me-central-1", "me-east-1"),
    ("cn-wulanchabu", "cn-north-9"),
];

const ACCOUNTS: usize = 12;
const WORDS: &[&str] = &[
    "order",
    "payment",
    "invoice",
    "image",
    "thumbnail",
    "email",
    "report",
    "audit",
    "billing",
    "user",
    "session",
    "inventory",
    "shipment",
    "refund",
    "notify",
    "video",
    "transcode",
    "search",
    "index",
    "ledger",
    "metrics",
];
const VERBS: &[&str] =
    &["create", "process", "resize", "send", "sync", "export", "import", "handle", "validate", "archive", "compute"];
const SERVICES: &[&str] =
    &["orders", "payments", "media", "notifications", "analytics", "billing", "accounts", "logistics", "search"];

/// What the generator was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Single configs per dialect.
    pub configs: usize,
    /// List documents per dialect.
    pub lists: usize,
    /// Items per list document.
    pub list_items: usize,
    /// Percent of single configs given a finding.
    pub finding_percent: u64,
    /// PRNG seed.
    pub seed: u64,
}

/// Where the generated files went, and what they hold.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Per dialect: the single-config directory and its files.
    pub configs: Vec<(Dialect, PathBuf, Vec<PathBuf>)>,
    /// Per dialect: the list-document directory and its files.
    pub lists: Vec<(Dialect, PathBuf, Vec<PathBuf>)>,
    /// The mapping file covering every region and account used.
    pub mapping: PathBuf,
    /// Per dialect: how many single configs were given a finding.
    pub seeded_findings: Vec<(Dialect, usize)>,
    /// Smallest, mean and largest single-config size in bytes.
    pub sizes: (usize, usize, usize),
}

/// The account ids (Alibaba uid, Huawei project id) of the corpus, paired by index.
pub fn accounts() -> Vec<(String, String)> {
    let mut rng = Rng::new(0xACC0_u64);
    (0..ACCOUNTS)
        .map(|_| {
            let uid = format!("{}{}", rng.range(1, 9), rng.string(b"0123456789", alibaba::ACCOUNT_ID_DIGITS - 1));
            let pid = rng.string(b"0123456789abcdef", huawei::PROJECT_ID_LEN);
            (uid, pid)
        })
        .collect()
}

/// Checks that every region the corpus uses is one the provider facts list.
pub fn check_regions() -> Result<(), String> {
    for (a, h) in REGION_PAIRS {
        if !alibaba::REGIONS.contains(a) {
            return Err(format!("corpus region `{a}` is not in facts::alibaba::REGIONS"));
        }
        if !huawei::REGIONS.contains(h) {
            return Err(format!("corpus region `{h}` is not in facts::huawei::REGIONS"));
        }
    }
    Ok(())
}

/// The mapping file (schemas/mapping.schema.json) that covers the corpus.
pub fn mapping_value() -> Value {
    let regions: Map<String, Value> =
        REGION_PAIRS.iter().map(|(a, h)| ((*a).to_string(), Value::String((*h).to_string()))).collect();
    let accounts: Map<String, Value> = accounts().into_iter().map(|(a, h)| (a, Value::String(h))).collect();
    json!({ "regions": regions, "accounts": accounts, "qualifiers": { "1": "v1", "2": "v2" } })
}

/// Writes the corpus under `root` (which is created; existing files are overwritten).
pub fn generate(root: &Path, spec: Spec) -> Result<Corpus, String> {
    check_regions()?;
    let io_err = |p: &Path, e: io::Error| format!("{}: {e}", p.display());
    let accounts = accounts();
    let mut rng = Rng::new(spec.seed);
    let mut corpus = Corpus {
        configs: Vec::new(),
        lists: Vec::new(),
        mapping: root.join("mapping.json"),
        seeded_findings: Vec::new(),
        sizes: (usize::MAX, 0, 0),
    };
    let mut total_size = 0usize;
    let mut count = 0usize;
    fs::create_dir_all(root).map_err(|e| io_err(root, e))?;
    let mapping = pretty(&mapping_value());
    fs::write(&corpus.mapping, mapping).map_err(|e| io_err(&corpus.mapping, e))?;
    for dialect in Dialect::ALL {
        let dir = root.join("configs").join(dialect.id());
        fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let mut files = Vec::with_capacity(spec.configs);
        let mut seeded = 0;
        for i in 0..spec.configs {
            let mut gen = Gen { rng: &mut rng, accounts: &accounts };
            let response = gen.rng.chance(75);
            let mut v = gen.config(dialect, response);
            if gen.rng.below(10_000) < spec.finding_percent * 100 {
                gen.inject_finding(dialect, &mut v);
                seeded += 1;
            }
            let text = pretty(&v);
            corpus.sizes.0 = corpus.sizes.0.min(text.len());
            corpus.sizes.2 = corpus.sizes.2.max(text.len());
            total_size += text.len();
            count += 1;
            let path = dir.join(format!("{i:06}.json"));
            fs::write(&path, text).map_err(|e| io_err(&path, e))?;
            files.push(path);
        }
        corpus.seeded_findings.push((dialect, seeded));
        corpus.configs.push((dialect, dir, files));

        let dir = root.join("lists").join(dialect.id());
        fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let mut files = Vec::with_capacity(spec.lists);
        // A dialect without a List API (SCF) has no list documents.
        let lists = if dialect.list_keys().is_empty() { 0 } else { spec.lists };
        for i in 0..lists {
            let mut gen = Gen { rng: &mut rng, accounts: &accounts };
            let v = gen.list(dialect, spec.list_items);
            let path = dir.join(format!("{i:05}.json"));
            fs::write(&path, pretty(&v)).map_err(|e| io_err(&path, e))?;
            files.push(path);
        }
        corpus.lists.push((dialect, dir, files));
    }
    match total_size.checked_div(count) {
        Some(mean) => corpus.sizes.1 = mean,
        None => corpus.sizes.0 = 0,
    }
    Ok(corpus)
}

/// Two-space pretty JSON with a trailing newline, as the fixtures are written.
pub fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

struct Gen<'a> {
    rng: &'a mut Rng,
    accounts: &'a [(String, String)],
}

/// The identity a generated config belongs to.
struct Identity {
    pair: usize,
    account: usize,
    service: String,
    function: String,
}

impl Gen<'_> {
    fn identity(&mut self) -> Identity {
        let pair = self.rng.index(REGION_PAIRS.len());
        let account = self.rng.index(self.accounts.len());
        let service = self.rng.pick(SERVICES).to_string();
        let function = format!("{}-{}", self.rng.pick(VERBS), self.rng.pick(WORDS));
        Identity { pair, account, service, function }
    }

    fn timestamp(&mut self) -> String {
        format!(
            "20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.rng.range(20, 26),
            self.rng.range(1, 12),
            self.rng.range(1, 28),
            self.rng.range(0, 23),
            self.rng.range(0, 59),
            self.rng.range(0, 59)
        )
    }

    fn fc_qualifier(&mut self) -> String {
        match self.rng.below(4) {
            0 => "LATEST".into(),
            1 => "prod".into(),
            2 => "test".into(),
            _ => self.rng.range(1, 2).to_string(),
        }
    }

    fn name(&mut self) -> String {
        format!("{}-{}", self.rng.pick(WORDS), self.rng.pick(WORDS))
    }

    /// An Alibaba destination ARN; `fc3` chooses the function form.
    fn acs_destination(&mut self, id: &Identity, fc3: bool) -> String {
        let region = REGION_PAIRS[id.pair].0;
        let account = &self.accounts[id.account].0;
        match self.rng.below(6) {
            0 | 1 if fc3 => format!("acs:fc:{region}:{account}:functions/{}", self.name()),
            0 | 1 => {
                let q = if self.rng.chance(30) { format!(".{}", self.fc_qualifier()) } else { String::new() };
                format!("acs:fc:{region}:{account}:services/{}{q}/functions/{}", id.service, self.name())
            }
            2 => format!("acs:mns:{region}:{account}:/queues/{}-failed-events/messages", self.name()),
            3 => format!("acs:mns:{region}:{account}:/topics/{}-events/messages", self.name()),
            4 => format!("acs:eventbridge:{region}:{account}:eventbus/{}-bus", self.name()),
            _ => {
                let inst = self.rng.string(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 8);
                format!(
                    "acs:mq:{region}:{account}:/instances/MQ_INST_{account}_{inst}/topic/{}",
                    self.name().replace('-', "_")
                )
            }
        }
    }

    fn huawei_destination(&mut self, id: &Identity) -> Value {
        let region = REGION_PAIRS[id.pair].1;
        let project = &self.accounts[id.account].1;
        let (kind, param) = match self.rng.below(5) {
            0 | 1 => (
                "FunctionGraph",
                json!({ "func_urn": format!("urn:fss:{region}:{project}:function:default:{}:latest",
                    self.name().replace('-', "_")) }),
            ),
            2 => {
                ("SMN", json!({ "topic_urn": format!("urn:smn:{region}:{project}:{}", self.name().replace('-', "_")) }))
            }
            3 => (
                "OBS",
                json!({ "bucket": format!("{}-async-results", self.name()), "prefix": "/async/results",
                    "expires": self.rng.range(0, 30) }),
            ),
            _ => ("DIS", json!({ "stream_name": format!("{}-async-stream", self.name()) })),
        };
        json!({ "destination": kind, "param": serde_json::to_string(&param).unwrap_or_default() })
    }

    /// `(on_success, on_failure)`: one or both present.
    fn which_destinations(&mut self) -> (bool, bool) {
        match self.rng.below(3) {
            0 => (true, false),
            1 => (false, true),
            _ => (true, true),
        }
    }

    fn config(&mut self, dialect: Dialect, response: bool) -> Value {
        let id = self.identity();
        self.config_for(dialect, response, &id, None)
    }

    fn config_for(&mut self, dialect: Dialect, response: bool, id: &Identity, qualifier: Option<String>) -> Value {
        // Request bodies are short: they carry both destinations (as most real ones do).
        let (succ, fail) = if response { self.which_destinations() } else { (true, true) };
        let mut m = Map::new();
        match dialect {
            Dialect::AlibabaFc2 | Dialect::AlibabaFc3 => {
                let fc3 = dialect == Dialect::AlibabaFc3;
                let age = self.rng.range(alibaba::MAX_EVENT_AGE.min.max(60), alibaba::MAX_EVENT_AGE.max);
                let retries = self.rng.range(alibaba::RETRY_ATTEMPTS.min, alibaba::RETRY_ATTEMPTS.max);
                let mut dc = Map::new();
                if succ {
                    dc.insert("onSuccess".into(), json!({ "destination": self.acs_destination(id, fc3) }));
                }
                if fail {
                    dc.insert("onFailure".into(), json!({ "destination": self.acs_destination(id, fc3) }));
                }
                if fc3 {
                    m.insert("asyncTask".into(), Value::Bool(self.rng.chance(30)));
                }
                if response {
                    m.insert("createdTime".into(), Value::String(self.timestamp()));
                }
                m.insert("destinationConfig".into(), Value::Object(dc));
                if response && !fc3 {
                    m.insert("function".into(), Value::String(id.function.clone()));
                }
                if response && fc3 {
                    let (region, account) = (REGION_PAIRS[id.pair].0, &self.accounts[id.account].0);
                    m.insert(
                        "functionArn".into(),
                        Value::String(format!("acs:fc:{region}:{account}:functions/{}", id.function)),
                    );
                }
                if response {
                    m.insert("lastModifiedTime".into(), Value::String(self.timestamp()));
                }
                m.insert("maxAsyncEventAgeInSeconds".into(), json!(age));
                m.insert("maxAsyncRetryAttempts".into(), json!(retries));
                if response && !fc3 {
                    let q = qualifier.unwrap_or_else(|| self.fc_qualifier());
                    m.insert("qualifier".into(), Value::String(q));
                    m.insert("service".into(), Value::String(id.service.clone()));
                }
                if !fc3 {
                    m.insert("statefulInvocation".into(), Value::Bool(self.rng.chance(30)));
                }
            }
            Dialect::Huawei => {
                let (region, project) = (REGION_PAIRS[id.pair].1, &self.accounts[id.account].1);
                if response {
                    let q = qualifier.unwrap_or_else(|| match self.rng.below(3) {
                        0 => "latest".into(),
                        1 => "!prod".into(),
                        _ => "v1".into(),
                    });
                    let f = id.function.replace('-', "_");
                    m.insert(
                        "func_urn".into(),
                        Value::String(format!("urn:fss:{region}:{project}:function:default:{f}:{q}")),
                    );
                }
                let age = self.rng.range(60, huawei::MAX_EVENT_AGE.max);
                let retries = self.rng.range(huawei::RETRY_ATTEMPTS.min, huawei::RETRY_ATTEMPTS.max);
                m.insert("max_async_event_age_in_seconds".into(), json!(age));
                m.insert("max_async_retry_attempts".into(), json!(retries));
                let mut dc = Map::new();
                if succ {
                    dc.insert("on_success".into(), self.huawei_destination(id));
                }
                if fail {
                    dc.insert("on_failure".into(), self.huawei_destination(id));
                }
                m.insert("destination_config".into(), Value::Object(dc));
                if response {
                    let t = self.timestamp().replace('Z', "+08:00");
                    m.insert("created_time".into(), Value::String(t.clone()));
                    m.insert("last_modified".into(), Value::String(t));
                }
                if self.rng.chance(50) {
                    m.insert("enable_async_status_log".into(), Value::Bool(self.rng.chance(40)));
                }
            }
            Dialect::AwsLambda => {
                // A Lambda account per corpus account, in the region the built-in pairs give.
                let account = format!("{:012}", 210_987_654_321u64 + id.account as u64);
                let region = "us-east-1";
                let arn = |kind: &str, name: &str| format!("arn:aws:{kind}:{region}:{account}:{name}");
                if response {
                    m.insert("LastModified".into(), json!(1_714_644_672.482));
                    m.insert("FunctionArn".into(), Value::String(arn("lambda", &format!("function:{}", id.function))));
                } else {
                    m.insert("FunctionName".into(), Value::String(id.function.clone()));
                }
                m.insert("MaximumRetryAttempts".into(), json!(self.rng.range(0, 2)));
                m.insert("MaximumEventAgeInSeconds".into(), json!(self.rng.range(60, 21_600)));
                let mut dc = Map::new();
                if succ {
                    dc.insert(
                        "OnSuccess".into(),
                        json!({ "Destination": arn("sqs", &format!("{}-done", id.service)) }),
                    );
                }
                if fail {
                    dc.insert(
                        "OnFailure".into(),
                        json!({ "Destination": arn("sns", &format!("{}-failed", id.service)) }),
                    );
                }
                m.insert("DestinationConfig".into(), Value::Object(dc));
            }
            Dialect::TencentScf => {
                // A request names the function; a Get response holds the config and its request id only.
                if response {
                    let id = self.rng.string(b"0123456789abcdef", 32);
                    m.insert("RequestId".into(), Value::String(id));
                } else {
                    m.insert("FunctionName".into(), Value::String(id.function.clone()));
                    m.insert("Namespace".into(), Value::String(id.service.clone()));
                }
                let (ttl, retries) = (tencent::MSG_TTL, tencent::RETRY_NUM);
                m.insert(
                    "AsyncTriggerConfig".into(),
                    json!({ "MsgTTL": self.rng.range(ttl.min, ttl.max),
                        "RetryConfig": [{ "RetryNum": self.rng.range(retries.min, retries.max) }] }),
                );
            }
            // The corpus is the benches' and fuzz replay's input: a dialect it cannot write stops them.
            other => panic!("xtask corpus: no {other} configs are generated yet; add its arm to config_for"),
        }
        Value::Object(m)
    }

    fn list(&mut self, dialect: Dialect, items: usize) -> Value {
        let id = self.identity();
        let qualifier = |i: usize| match (dialect, i) {
            (Dialect::Huawei, 0) => "latest".to_string(),
            (Dialect::Huawei, 1) => "!prod".to_string(),
            (Dialect::Huawei, n) => format!("v{n}"),
            (_, 0) => "LATEST".to_string(),
            (_, 1) => "prod".to_string(),
            (_, n) => format!("a{n}"),
        };
        let configs: Vec<Value> = (0..items).map(|i| self.config_for(dialect, true, &id, Some(qualifier(i)))).collect();
        match dialect {
            Dialect::Huawei => json!({
                "async_invoke_configs": configs,
                "count": items,
                "page_info": { "next_marker": items, "previous_marker": 0, "current_count": items }
            }),
            _ => json!({
                "configs": configs,
                "nextToken": self.rng.string(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32)
            }),
        }
    }

    /// Gives `v` one finding: an out-of-range value, a typo key, or a wrong-case destination kind.
    fn inject_finding(&mut self, dialect: Dialect, v: &mut Value) {
        let Value::Object(m) = v else { return };
        let (age_key, retry_key, age, retries) = match dialect {
            Dialect::Huawei => (
                "max_async_event_age_in_seconds",
                "max_async_retry_attempts",
                huawei::MAX_EVENT_AGE,
                huawei::RETRY_ATTEMPTS,
            ),
            _ => {
                ("maxAsyncEventAgeInSeconds", "maxAsyncRetryAttempts", alibaba::MAX_EVENT_AGE, alibaba::RETRY_ATTEMPTS)
            }
        };
        match self.rng.below(4) {
            0 => {
                let bad = if self.rng.chance(50) { age.max + self.rng.range(1, age.max) } else { 0 };
                m.insert(age_key.into(), json!(bad));
            }
            1 => {
                m.insert(retry_key.into(), json!(retries.max + self.rng.range(1, 5)));
            }
            2 => {
                // Typo: the singular of the retry key ("maxAsyncRetryAttempt"), a classic.
                if let Some(val) = m.shift_remove(retry_key) {
                    m.insert(retry_key.trim_end_matches('s').to_string(), val);
                }
            }
            _ => {
                let dc_key = if dialect == Dialect::Huawei { "destination_config" } else { "destinationConfig" };
                let Some(Value::Object(dc)) = m.get_mut(dc_key) else { return };
                let Some((_, Value::Object(dest))) = dc.iter_mut().next() else { return };
                if let Some(Value::String(s)) = dest.get_mut("destination") {
                    *s = if dialect == Dialect::Huawei {
                        s.to_lowercase()
                    } else {
                        // `acs:mns:` -> `acs:MNS:`: the service segment in the wrong case.
                        let mut parts: Vec<String> = s.splitn(3, ':').map(str::to_string).collect();
                        if let Some(service) = parts.get_mut(1) {
                            *service = service.to_uppercase();
                        }
                        parts.join(":")
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_sizes_are_realistic() {
        check_regions().expect("regions in facts");
        let accounts = accounts();
        let mut rng = Rng::new(1);
        for dialect in Dialect::ALL {
            for _ in 0..200 {
                let mut g = Gen { rng: &mut rng, accounts: &accounts };
                let v = g.config(dialect, true);
                let n = pretty(&v).len();
                // An SCF Get response holds only its config and a request id.
                let least = if dialect == Dialect::TencentScf { 100 } else { 280 };
                assert!((least..=950).contains(&n), "{dialect:?} response config of {n} bytes");
                let d = invokecfg_model::detect(&v).expect("detectable");
                assert_eq!(d.dialect, dialect);
            }
        }
    }
}
