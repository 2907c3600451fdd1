//! `docs/rules/` is generated from the registry; this test fails when it is stale.
//! Regenerate with `UPDATE_RULE_DOCS=1 cargo test -p invokecfg-lint --test docs`.

use invokecfg_lint::{rule_page, rules, rules_index};
use std::path::Path;

#[test]
fn rule_pages_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let mut expected: Vec<(String, String)> =
        rules().iter().map(|r| (format!("{}.md", r.code), rule_page(r))).collect();
    expected.push(("README.md".into(), rules_index()));
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("create docs/rules");
        for e in std::fs::read_dir(&dir).expect("read docs/rules").flatten() {
            if !expected.iter().any(|(n, _)| e.file_name().to_string_lossy() == *n) {
                std::fs::remove_file(e.path()).expect("remove a page of no rule");
            }
        }
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).expect("write page");
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    extra.retain(|n| !expected.iter().any(|(e, _)| e == n));
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/rules is stale: {stale:?}, pages of no rule: {extra:?}; run UPDATE_RULE_DOCS=1 cargo test -p invokecfg-lint --test docs"
    );
}

#[test]
fn pages_link_only_pages_that_exist() {
    let index = rules_index();
    for r in rules() {
        assert!(index.contains(&format!("]({}.md)", r.code)), "{} missing from the index", r.code);
        assert!(rule_page(r).starts_with("<!-- Generated"), "{}", r.code);
    }
}
