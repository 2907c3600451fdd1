//! Property tests: lint never panics; fixes remove what they fix and are idempotent.

use invokecfg_lint::{apply_fixes, apply_fixes_with_ranges, lint, LintOptions, UnsafeFixes};
use invokecfg_model::facts::{alibaba, huawei};
use invokecfg_model::Diagnostic;
use invokecfg_model::Dialect;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::ops::Range;

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-10i64..700_000).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        prop_oneof![
            Just("OBS".to_string()),
            Just("functiongraph".to_string()),
            Just("{\"bucket\":\"b\",\"expires\":400}".to_string()),
            Just("{\"func_urn\":\"default:test\"}".to_string()),
            Just("acs:fc:cn-shanghai:xxx:services/s1/functions/f1".to_string()),
            Just("acs:fc:::functions/f/prod".to_string()),
            Just("urn:fss:cn-north-4:0970dd7a1300f5672ff2c003c60ae115:function:default:f:latest".to_string()),
            "[ -~]{0,12}",
        ]
        .prop_map(Value::String),
    ]
}

/// Keys mostly of the document's own dialect (every level), some of the
/// others' and near misses, some random.
fn key(d: Dialect) -> BoxedStrategy<String> {
    let mut own: Vec<&'static str> = d.config_keys().to_vec();
    own.extend(d.list_keys());
    if d == Dialect::Huawei {
        own.extend(huawei::DESTINATION_CONFIG_KEYS);
        own.extend(huawei::DESTINATION_KEYS);
        own.extend(huawei::PAGE_INFO_KEYS);
        own.extend(huawei::LOG_KEYS);
    } else {
        own.extend(alibaba::DESTINATION_CONFIG_KEYS);
        own.extend(alibaba::DESTINATION_KEYS);
    }
    let mut other: Vec<&'static str> =
        Dialect::ALL.iter().filter(|&&e| e != d).flat_map(|e| e.config_keys()).copied().collect();
    other.extend(["maxAsyncRetryAttempt", "serviceName", "maxRetryAttempts", "onFail", "on_sucess", "$schema"]);
    prop_oneof![
        6 => proptest::sample::select(own).prop_map(String::from),
        2 => proptest::sample::select(other).prop_map(String::from),
        1 => "[a-z_]{1,8}",
    ]
    .boxed()
}

fn value(d: Dialect) -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((key(d), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn dialect() -> impl Strategy<Value = Dialect> {
    proptest::sample::select(Dialect::ALL.to_vec())
}

fn options() -> impl Strategy<Value = LintOptions> {
    (proptest::option::of(dialect()), proptest::option::of(dialect())).prop_map(|(dialect, target)| LintOptions {
        dialect,
        target,
        ..Default::default()
    })
}

/// Whether the finding's span, or the key or value span of its member or of
/// an enclosing member (not the document), overlaps one of `ranges`.
fn touches(parsed: Option<&invokecfg_model::span::ParsedSource>, d: &Diagnostic, ranges: &[Range<usize>]) -> bool {
    let mut spans = vec![d.span];
    // The member itself or any object it sits in (a renamed key reveals what its value holds).
    let mut at = d.pointer.as_str();
    while let (Some(p), false) = (parsed, at.is_empty()) {
        spans.extend([p.spans.key_span(at), p.spans.value_span(at)]);
        at = &at[..at.rfind('/').unwrap_or(0)];
    }
    let overlaps = |s: &invokecfg_model::Span, r: &Range<usize>| {
        s.start.offset < r.end.max(r.start + 1) && r.start < s.end.offset.max(s.start.offset + 1)
    };
    spans.iter().flatten().any(|s| ranges.iter().any(|r| overlaps(s, r)))
}

/// Lints, applies fixes until none applies, and checks the laws: a pass never
/// adds a finding away from what it edited (every new finding is a revealed
/// consequence inside an edit, e.g. R202 once S108 unquotes "9"), fixed
/// findings are gone, and fixing a fixed text changes nothing.
fn check_fixes(src: &[u8], o: &LintOptions) -> Result<(), TestCaseError> {
    let first = lint(src, o);
    // Display-only fixes are never applied: they stay.
    let applies = |d: &&Diagnostic| d.fix.as_ref().is_some_and(|f| UnsafeFixes::Enabled.applies(f));
    let fixed_codes: Vec<String> = first.diagnostics.iter().filter(applies).map(|d| d.code.clone()).collect();
    let mut text = src.to_vec();
    let mut before = first;
    for _ in 0..8 {
        let (next, n, ranges) = apply_fixes_with_ranges(&text, &before.diagnostics, UnsafeFixes::Enabled);
        if n == 0 {
            break;
        }
        let after = lint(&next, o);
        let parsed = invokecfg_model::span::parse(&next).ok();
        // Same dialect before and after; a fix never switches it.
        prop_assert_eq!(after.dialect, before.dialect, "{}", String::from_utf8_lossy(&next));
        let added: Vec<&Diagnostic> = after
            .diagnostics
            .iter()
            // S104 (mixed dialects) is one finding per document, at its first foreign key:
            // renaming that key moves it to the next one, which is the same finding.
            .filter(|d| {
                !before.diagnostics.iter().any(|b| b.code == d.code && (b.pointer == d.pointer || d.code == "S104"))
            })
            .filter(|d| !touches(parsed.as_ref(), d, &ranges))
            .collect();
        prop_assert!(
            added.is_empty(),
            "fixing added {added:#?}\nbefore:\n{}\nafter:\n{}",
            String::from_utf8_lossy(&text),
            String::from_utf8_lossy(&next)
        );
        text = next;
        before = after;
    }
    let last = lint(&text, o);
    let left: Vec<_> = last.diagnostics.iter().filter(|d| applies(d) && fixed_codes.contains(&d.code)).collect();
    prop_assert!(left.is_empty(), "still fixable after fixing: {left:#?}\n{}", String::from_utf8_lossy(&text));
    let (again, n) = apply_fixes(&text, &last.diagnostics, UnsafeFixes::Enabled);
    prop_assert_eq!(n, 0);
    prop_assert_eq!(again, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256), o in options()) {
        let r = lint(&bytes, &o);
        let _ = apply_fixes(&bytes, &r.diagnostics, UnsafeFixes::Enabled);
    }

    #[test]
    fn never_panics_on_json_text(s in "[\\[\\]{}\",:0-9a-z \\n\\\\-]{0,64}", o in options()) {
        let _ = lint(s.as_bytes(), &o);
    }

    #[test]
    fn dialect_shaped_documents((d, v) in dialect().prop_flat_map(|d| (Just(d), value(d))), o in options(), pretty in any::<bool>()) {
        // Wrap as a config or a list of the dialect so the rules get deep enough.
        let doc = match &v {
            Value::Object(_) => v.clone(),
            other => json!({ d.list_items_key(): [other], d.config_keys()[1]: other }),
        };
        let src = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) }.unwrap_or_default();
        check_fixes(src.as_bytes(), &o)?;
    }

    #[test]
    fn huawei_shaped_documents(v in value(Dialect::Huawei), o in options()) {
        let doc = json!({"destination_config": {"on_success": v.clone(), "on_failure": {"destination": "OBS", "param": v}}});
        check_fixes(doc.to_string().as_bytes(), &o)?;
    }

    #[test]
    fn fixes_on_known_defects(age in -5i64..3_000_000, retries in -3i64..12, typo in any::<bool>(), d in dialect()) {
        let (a, r) = (if d == Dialect::Huawei { "max_async_event_age_in_seconds" } else { "maxAsyncEventAgeInSeconds" },
                      if d == Dialect::Huawei { "max_async_retry_attempts" } else { "maxAsyncRetryAttempts" });
        let r = if typo { &r[..r.len() - 1] } else { r };
        let src = format!("{{\n  \"{a}\": {age},\n  \"{r}\": {retries}\n}}\n");
        check_fixes(src.as_bytes(), &LintOptions { dialect: Some(d), ..Default::default() })?;
    }
}
