//! The unified diff of a fix, for `--diff`: hunks with three lines of
//! context, as `diff -u` and `git diff` print them.

use similar::TextDiff;
use std::time::Duration;

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// Past this, the diff is still correct but may not be the smallest (a fix
/// of every item of a 100,000-item list must not take minutes to show).
const DEADLINE: Duration = Duration::from_secs(2);

/// The unified diff turning `old` into `new`, or an empty string when equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::configure()
        .timeout(DEADLINE)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(CONTEXT)
        .missing_newline_hint(true)
        .header(path, path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn one_changed_line() {
        assert_eq!(unified("a.json", "x\n", "x\n"), "");
        assert_eq!(
            unified("a.json", "{\n  \"a\": 9\n}\n", "{\n  \"a\": 8\n}\n"),
            "--- a.json\n+++ a.json\n@@ -1,3 +1,3 @@\n {\n-  \"a\": 9\n+  \"a\": 8\n }\n"
        );
        assert!(unified("a", "x", "y").contains("\\ No newline at end of file"));
    }

    #[test]
    fn hunks_keep_three_lines_of_context() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
        let diff = unified("a.json", &old, &new);
        let hunks: Vec<&str> = diff.lines().filter(|l| l.starts_with("@@")).collect();
        assert_eq!(hunks, ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"], "{diff}");
        assert!(!diff.contains(" line 10\n"), "far from any change: not shown\n{diff}");
    }
}
