//! A long list is linted and translated a window of items at a time; the
//! findings, and the translation's output and notes, must be those of one
//! whole read, for every fixture, window size, target and switch.

mod common;

use common::{fixtures, json_files, options_for};
use invokecfg_lint::{lint_in_windows, reads_in_windows, LintOptions};
use invokecfg_model::{detect, span, Dialect, Document};
use invokecfg_translate::{codes, translate, translate_in_windows, Mapping, Options, TranslateError, TranslatedText};
use serde_json::{json, Value};

/// Every JSON fixture a linter may be given (not the mapping files).
fn sources() -> Vec<(String, Vec<u8>, LintOptions)> {
    let root = fixtures();
    let mut out = Vec::new();
    for dir in ["alibaba-fc2", "alibaba-fc3", "huawei", "aws-lambda", "lint", "translate"] {
        for path in json_files(&root.join(dir)) {
            let name = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
            let source = std::fs::read(&path).expect("fixture readable");
            out.push((name, source, options_for(&path)));
        }
    }
    out
}

/// One list per dialect whose items are the single-config fixtures of that
/// dialect that `keep` keeps, with the list's own paging keys and a key of
/// no dialect, pretty and on one line.
fn long_lists(keep: impl Fn(Dialect, &Value) -> bool) -> Vec<(String, Vec<u8>, Dialect)> {
    let root = fixtures();
    let mut out = Vec::new();
    for d in Dialect::ALL {
        let mut items = Vec::new();
        for sub in ["valid", "invalid", "placeholders"] {
            for path in json_files(&root.join(d.id()).join(sub)) {
                let Ok(v) = serde_json::from_slice::<Value>(&std::fs::read(&path).expect("readable")) else { continue };
                if v.is_object() && v.get(d.list_items_key()).is_none() && keep(d, &v) {
                    items.push(v);
                }
            }
        }
        let n = items.len();
        let mut list = serde_json::Map::new();
        list.insert(d.list_items_key().to_string(), Value::Array(items));
        if d == Dialect::Huawei {
            list.insert("count".into(), json!(n - 1));
            list.insert("page_info".into(), json!({"current_count": n + 1, "next_marker": 3}));
        } else if let Some(token) = d.spec().list.next_token {
            list.insert(token.into(), json!("page-2"));
        }
        list.insert("vendorExtra".into(), json!({"kept": false}));
        let v = Value::Object(list);
        out.push((format!("{}-long-pretty", d.id()), serde_json::to_vec_pretty(&v).expect("serialises"), d));
        out.push((format!("{}-long-line", d.id()), serde_json::to_vec(&v).expect("serialises"), d));
        // Windows text: a byte order mark and CRLF line ends.
        let pretty = serde_json::to_string_pretty(&v).expect("serialises");
        let crlf = format!("\u{feff}{}\r\n", pretty.replace('\n', "\r\n"));
        out.push((format!("{}-long-crlf-bom", d.id()), crlf.into_bytes(), d));
    }
    out
}

fn agree(name: &str, source: &[u8], options: &LintOptions) -> bool {
    let whole = lint_in_windows(source, options, usize::MAX);
    let windowed = reads_in_windows(source, options, 1);
    for size in [1, 2, 5] {
        let got = lint_in_windows(source, options, size);
        assert_eq!(got.dialect, whole.dialect, "{name}, windows of {size}");
        if got.diagnostics != whole.diagnostics {
            let show = |r: &invokecfg_lint::LintResult| {
                r.diagnostics.iter().map(|d| format!("{} {} {}", d.code, d.pointer, d.message)).collect::<Vec<_>>()
            };
            panic!(
                "{name}, windows of {size}, target {:?}:\nwhole:    {:#?}\nwindowed: {:#?}",
                options.target,
                show(&whole),
                show(&got)
            );
        }
    }
    windowed
}

#[test]
fn windows_find_what_the_whole_read_finds() {
    let text = std::fs::read_to_string(fixtures().join("mapping/full.json")).expect("mapping readable");
    let mapping = invokecfg_translate::Mapping::from_json(&text).expect("mapping");
    let mapping = std::sync::Arc::new(mapping);
    let mut lists = 0;
    let long = long_lists(|_, _| true)
        .into_iter()
        .map(|(name, bytes, d)| (name, bytes, LintOptions { dialect: Some(d), ..Default::default() }));
    for (name, source, options) in sources().into_iter().chain(long) {
        let mut runs = vec![options.clone()];
        if options.target.is_none() {
            for t in Dialect::ALL {
                runs.push(LintOptions { target: Some(t), ..options.clone() });
                runs.push(LintOptions { target: Some(t), mapping: Some(mapping.clone()), ..options.clone() });
            }
        }
        let mut windowed = false;
        for o in &runs {
            windowed |= agree(&name, &source, o);
        }
        lists += usize::from(windowed);
    }
    // The comparison means something only if many sources were read in windows.
    assert!(lists >= 16, "only {lists} sources were read in windows");
}

// ---------------------------------------------------------------- translation

/// Whether the translator reads `v` as an item of a `d` list.
fn translator_reads(d: Dialect, v: &Value) -> bool {
    let list = json!({ d.list_items_key(): [v.clone()] });
    Document::from_value(&list, d).is_ok_and(|doc| doc.to_neutral().is_ok())
        && detect(&list).is_ok_and(|x| x.dialect == d)
}

/// Every list fixture, and the long lists of items the translator reads
/// (one unreadable item and the list is read whole: a test of its own).
fn translate_sources() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = sources()
        .into_iter()
        .filter(|(_, bytes, _)| {
            let Ok(Value::Object(top)) = serde_json::from_slice::<Value>(bytes) else { return false };
            Dialect::ALL.iter().any(|d| top.get(d.list_items_key()).and_then(Value::as_array).is_some())
        })
        .map(|(name, bytes, _)| (name, bytes))
        .collect();
    out.extend(long_lists(translator_reads).into_iter().map(|(name, bytes, _)| (name, bytes)));
    out
}

type Outcome = Result<TranslatedText, TranslateError>;

fn whole(bytes: &[u8], target: Dialect, mapping: &Mapping, options: &Options) -> Option<(Dialect, Outcome)> {
    let parsed = span::parse(bytes).ok()?;
    let source = detect(&parsed.value).ok()?.dialect;
    let doc = Document::from_value(&parsed.value, source).ok()?;
    let out = translate(&doc, target, mapping, options)
        .map(|t| TranslatedText { text: t.document.to_pretty_json(), notes: t.notes });
    Some((source, out))
}

fn show(o: &Outcome) -> String {
    let notes = match o {
        Ok(t) => &t.notes,
        Err(e) => e.notes(),
    };
    let mut s = match o {
        Ok(t) => t.text.clone(),
        Err(_) => "refused\n".into(),
    };
    for n in notes {
        s.push_str(&format!("{} {} {} {}\n", n.severity, n.code, n.pointer, n.message));
    }
    s
}

#[test]
fn windows_translate_as_the_whole_document() {
    let text = std::fs::read_to_string(fixtures().join("mapping/full.json")).expect("mapping readable");
    let full = Mapping::from_json(&text).expect("mapping");
    let none = Mapping::default();
    let switches = [
        Options::default(),
        Options { strict: true, ..Options::default() },
        Options { allow_lossy: true, ..Options::default() },
        Options {
            function: Some("acs:fc:cn-hangzhou:1234567890123456:services/s/functions/f".into()),
            ..Options::default()
        },
    ];
    let (mut windowed, mut refused, mut long) = (0, 0, 0);
    for (name, bytes) in translate_sources() {
        for target in Dialect::ALL {
            for mapping in [&none, &full] {
                for options in &switches {
                    let Some((source, want)) = whole(&bytes, target, mapping, options) else { continue };
                    for size in [1, 2, 5] {
                        let read = |v: &Value| detect(v).ok().map(|d| d.dialect);
                        let Some((d, got)) = translate_in_windows(&bytes, size, read, target, mapping, options) else {
                            continue;
                        };
                        assert_eq!(d, source, "{name}");
                        if got != want {
                            panic!(
                                "{name} -> {target}, windows of {size}, {options:?}:\nwhole:\n{}\nwindowed:\n{}",
                                show(&want),
                                show(&got)
                            );
                        }
                        windowed += 1;
                        refused += usize::from(got.is_err());
                        long += usize::from(size == 5);
                    }
                }
            }
        }
    }
    // The comparison means something only if many translations ran in windows, both ways they end.
    let counts = format!("{windowed} windowed translations, {refused} refused, {long} in windows of 5");
    assert!(windowed >= 400 && refused >= 100 && long >= 100, "{counts}");
    eprintln!("{counts}");
}

#[test]
fn an_unreadable_item_sends_the_list_to_the_whole_read() {
    let item = json!({"service": "s", "function": "f", "maxAsyncRetryAttempts": 1});
    let bad = json!({"service": "s", "function": "f", "destinationConfig": {"onFailure": {"destination": "acs:mns:cn-hangzhou:xxx:/queues/q/messages"}}});
    let mut items = vec![item; 12];
    items[9] = bad;
    let bytes = serde_json::to_vec(&json!({ "configs": items })).expect("serialises");
    let read = |v: &Value| detect(v).ok().map(|d| d.dialect);
    let (mapping, options) = (Mapping::default(), Options::default());
    assert!(translate_in_windows(&bytes, 4, read, Dialect::AlibabaFc3, &mapping, &options).is_none());
    let (_, out) = whole(&bytes, Dialect::AlibabaFc3, &mapping, &options).expect("read whole");
    let Err(TranslateError::Refused { notes }) = out else { panic!("the placeholder account is refused") };
    assert!(notes.iter().all(|n| n.code == codes::SOURCE_INVALID && n.pointer.starts_with("/configs/9/")));
}

// ---------------------------------------------------------------- any bytes

fn edited_list() -> impl proptest::strategy::Strategy<Value = (Dialect, Vec<u8>)> {
    use proptest::prelude::*;
    // Every fixture item (lint), and only those the translator reads (so translation runs in windows).
    let lists: Vec<(Dialect, Vec<u8>)> = long_lists(|_, _| true)
        .into_iter()
        .chain(long_lists(translator_reads))
        .map(|(_, bytes, d)| (d, bytes))
        .collect();
    let n = lists.len();
    (0..n, proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 0..4)).prop_map(
        move |(i, edits)| {
            let (d, mut bytes) = lists[i].clone();
            for (at, byte, how) in edits {
                let at = at.index(bytes.len());
                match how {
                    0 => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            (d, bytes)
        },
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96),
        ..Default::default()
    })]

    /// Whatever the bytes (a long list with a few bytes changed, inserted or
    /// removed, so syntax errors, odd keys and broken items inside or outside
    /// a window), windows never panic and never say something else than the
    /// whole read: lint gives the same findings; translate gives the same
    /// outcome or leaves the document to the whole read.
    #[test]
    fn windows_agree_on_any_bytes((dialect, bytes) in edited_list()) {
        let options = LintOptions { target: Some(Dialect::Huawei), ..Default::default() };
        let read_whole = lint_in_windows(&bytes, &options, usize::MAX);
        let windowed = lint_in_windows(&bytes, &options, 3);
        proptest::prop_assert_eq!(windowed.diagnostics, read_whole.diagnostics);
        for target in Dialect::ALL {
            let (mapping, options) = (Mapping::default(), Options::default());
            let read = |v: &Value| detect(v).ok().map(|d| d.dialect);
            if let Some((source, got)) = translate_in_windows(&bytes, 3, read, target, &mapping, &options) {
                let want = whole(&bytes, target, &mapping, &options);
                proptest::prop_assert_eq!(Some((source, got)), want, "{} -> {}", dialect, target);
            }
        }
    }
}
