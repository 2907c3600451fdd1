//! A unified diff of a fix, for `--diff`: one hunk over the whole file
//! (configs are small), lines matched by longest common subsequence.

/// The unified diff turning `old` into `new`, or an empty string when equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = format!("--- {path}\n+++ {path}\n@@ -1,{} +1,{} @@\n", a.len(), b.len());
    // Past this size the table would be large; show the whole file replaced.
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        a.iter().for_each(|l| push(&mut out, '-', l));
        b.iter().for_each(|l| push(&mut out, '+', l));
        return out;
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(&mut out, ' ', a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(&mut out, '-', a[i]);
            i += 1;
        } else {
            push(&mut out, '+', b[j]);
            j += 1;
        }
    }
    out
}

fn push(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
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
}
