//! A long list is linted a window of items at a time; the findings must be
//! those of one whole read, for every fixture, window size and target.

mod common;

use common::{fixtures, json_files, options_for};
use invokecfg_lint::{lint_in_windows, reads_in_windows, LintOptions};
use invokecfg_model::Dialect;
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

/// One list per dialect whose items are every single-config fixture of
/// that dialect, valid and not, with the list's own paging keys.
fn long_lists() -> Vec<(String, Vec<u8>, LintOptions)> {
    let root = fixtures();
    let mut out = Vec::new();
    for d in Dialect::ALL {
        let mut items = Vec::new();
        for sub in ["valid", "invalid", "placeholders"] {
            for path in json_files(&root.join(d.id()).join(sub)) {
                let Ok(v) = serde_json::from_slice::<Value>(&std::fs::read(&path).expect("readable")) else { continue };
                if v.is_object() && v.get(d.list_items_key()).is_none() {
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
        }
        for (name, text) in [
            (format!("{}-long-pretty", d.id()), serde_json::to_string_pretty(&Value::Object(list.clone()))),
            (format!("{}-long-line", d.id()), serde_json::to_string(&Value::Object(list))),
        ] {
            let text = text.expect("serialises");
            out.push((name, text.into_bytes(), LintOptions { dialect: Some(d), ..Default::default() }));
        }
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
    for (name, source, options) in sources().into_iter().chain(long_lists()) {
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
