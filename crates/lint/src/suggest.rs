//! "Did you mean" by edit distance.

/// Levenshtein distance, ignoring ASCII case (a case-only difference counts 1).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].max(1)
}

/// How far a key may be from a known one and still count as a typo of it.
fn threshold(len: usize) -> usize {
    (len / 4).clamp(1, 3)
}

/// The known names within typo distance of `name`, nearest first.
pub(crate) fn near<'k>(name: &str, known: &[&'k str]) -> Vec<&'k str> {
    // Long junk keys are no typo of a short API key; skip the quadratic work.
    if name.is_empty() || name.len() > 64 {
        return Vec::new();
    }
    let limit = threshold(name.chars().count());
    let mut hits: Vec<(usize, &'k str)> =
        known.iter().map(|k| (distance(name, k), *k)).filter(|(d, _)| *d <= limit).collect();
    hits.sort();
    hits.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos() {
        assert_eq!(distance("maxAsyncRetryAttempt", "maxAsyncRetryAttempts"), 1);
        assert_eq!(distance("Obs", "OBS"), 1);
        assert_eq!(
            near("maxAsyncRetryAttempt", &["maxAsyncRetryAttempts", "maxAsyncEventAgeInSeconds"]),
            vec!["maxAsyncRetryAttempts"]
        );
        assert!(near("zzz", &["service"]).is_empty());
    }
}
