//! `--statistics`: the number of findings per rule, most frequent first.

use super::FileFindings;
use invokecfg_lint::UnsafeFixes;
use serde_json::{json, Value};

/// One rule's count.
struct RuleCount {
    code: String,
    count: usize,
    /// Whether any of its findings has a fix `--fix` applies (with `--unsafe-fixes` as given).
    fixable: bool,
}

/// Counts per rule, most frequent first, then by code.
fn counts(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        let fixable = d.fix.as_ref().is_some_and(|f| unsafe_fixes.applies(f));
        match counts.iter_mut().find(|c| c.code == d.code) {
            Some(c) => {
                c.count += 1;
                c.fixable |= fixable;
            }
            None => counts.push(RuleCount { code: d.code.clone(), count: 1, fixable }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    counts
}

/// As text: count, code, `[*]` when fixable, rule name.
pub fn text(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> String {
    counts(files, unsafe_fixes)
        .into_iter()
        .map(|c| {
            let name = invokecfg_lint::rule(&c.code).map_or("", |r| r.name);
            format!("{:>5}  {:<5} {} {name}\n", c.count, c.code, if c.fixable { "[*]" } else { "   " })
        })
        .collect()
}

/// As JSON: `[{code, rule, count, fixable}]`.
pub fn json(files: &[FileFindings], unsafe_fixes: UnsafeFixes) -> Value {
    Value::Array(
        counts(files, unsafe_fixes)
            .into_iter()
            .map(|c| {
                json!({"code": c.code, "rule": invokecfg_lint::rule(&c.code).map(|r| r.name), "count": c.count, "fixable": c.fixable})
            })
            .collect(),
    )
}
