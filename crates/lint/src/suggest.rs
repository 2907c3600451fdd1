//! "Did you mean": the one suggestion helper of the crate.
//!
//! A name counts as a typo of a known one when, ignoring case, `_` and `-`,
//! it is within a small edit distance (`strsim`), a truncation
//! (`onFail` -> `onFailure`), or the known name with a word left out
//! (`maxRetryAttempts` -> `maxAsyncRetryAttempts`). Nearest first by
//! Jaro-Winkler similarity.

/// Lowercase, without `_` and `-`: `func_urn`, `funcUrn` and `FuncURN` are one name.
fn norm(s: &str) -> String {
    s.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// How far a name may be from a known one and still count as a typo of it.
fn threshold(len: usize) -> usize {
    (len / 4).clamp(1, 3)
}

/// Whether every char of `short` appears in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// Whether `a` (a normalized name of `la` chars) is a typo of the known
/// name normalized as `b`.
fn is_typo(a: &str, la: usize, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let lb = b.chars().count();
    // The edit distance is at least the difference in length: most known
    // names are ruled out without computing it.
    let within = |limit: usize| la.abs_diff(lb) <= limit && strsim::damerau_levenshtein(a, b) <= limit;
    a == b
        || within(threshold(la))
        || (la >= 4 && 2 * la >= lb && b.starts_with(a))
        || (la >= 6 && 4 * la >= 3 * lb && la < lb && is_subsequence(a, b))
}

/// The known names that `name` is likely a typo of, nearest first.
pub fn near<'k>(name: &str, known: &[&'k str]) -> Vec<&'k str> {
    // Long junk keys are no typo of a short API key; skip the quadratic work.
    if name.is_empty() || name.len() > 64 {
        return Vec::new();
    }
    let a = norm(name);
    let la = a.chars().count();
    let mut hits: Vec<(f64, &'k str)> = known
        .iter()
        .filter(|k| **k != name)
        .filter_map(|k| {
            let b = norm(k);
            is_typo(&a, la, &b).then(|| (strsim::jaro_winkler(&a, &b), *k))
        })
        .collect();
    hits.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
    hits.into_iter().map(|(_, k)| k).collect()
}

/// [`near`], leaving out the names `present` says are already there.
pub fn near_absent<'k>(name: &str, known: &[&'k str], present: impl Fn(&str) -> bool) -> Vec<&'k str> {
    near(name, known).into_iter().filter(|k| !present(k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use invokecfg_model::facts::alibaba::FC2_SPEC;

    const AGE: &str = FC2_SPEC.keys.max_event_age;
    const RETRIES: &str = FC2_SPEC.keys.retry_attempts;
    const ALIBABA: &[&str] = &[RETRIES, AGE, FC2_SPEC.keys.destination_config, "qualifier"];

    /// `is_typo` as first written, with the distance always computed: the oracle.
    fn is_typo_by_distance(name: &str, known: &str) -> bool {
        let (a, b) = (norm(name), norm(known));
        if a.is_empty() || b.is_empty() {
            return false;
        }
        let (la, lb) = (a.chars().count(), b.chars().count());
        a == b
            || strsim::damerau_levenshtein(&a, &b) <= threshold(la)
            || (la >= 4 && 2 * la >= lb && b.starts_with(&a))
            || (la >= 6 && 4 * la >= 3 * lb && la < lb && is_subsequence(&a, &b))
    }

    proptest::proptest! {
        /// Ruling names out by their lengths first finds the typos the distance finds.
        #[test]
        fn the_length_bound_keeps_every_typo(name in "[a-zA-Z_-]{0,24}", cut in 0usize..24) {
            let known: Vec<&str> = invokecfg_model::Dialect::ALL.iter().flat_map(|d| d.spec().config_keys.iter().copied()).collect();
            // Names near a known one, and far ones.
            let near_one = known.get(cut % known.len()).map(|k| format!("{}{name}", &k[..cut.min(k.len())])).unwrap_or_default();
            for n in [name.as_str(), near_one.as_str()] {
                let by_distance: Vec<&str> = known.iter().copied().filter(|k| *k != n && is_typo_by_distance(n, k)).collect();
                let mut found = near(n, &known);
                found.sort_unstable();
                let mut expected = by_distance;
                expected.sort_unstable();
                expected.dedup();
                found.dedup();
                proptest::prop_assert_eq!(found, expected, "{}", n);
            }
        }
    }

    #[test]
    fn typos() {
        assert_eq!(near("maxAsyncRetryAttempt", ALIBABA), [RETRIES]);
        assert_eq!(near("Obs", &["OBS", "SMN"]), ["OBS"]);
        assert!(near("zzz", &["service"]).is_empty());
    }

    #[test]
    fn words_left_out_and_truncations() {
        assert_eq!(near("maxRetryAttempts", ALIBABA), [RETRIES]);
        assert_eq!(near("maxAsyncEventAge", ALIBABA), [AGE]);
        assert_eq!(near("onFail", &["onSuccess", "onFailure"]), ["onFailure"]);
        assert_eq!(near("funcUrn", &["func_urn", "topic_urn"]), ["func_urn"]);
    }

    #[test]
    fn unrelated_names_are_no_typos() {
        for name in ["name", "version", "scripts", "dependencies", "compilerOptions", "type", "features"] {
            assert!(near(name, ALIBABA).is_empty(), "{name}: {:?}", near(name, ALIBABA));
        }
        assert!(near(RETRIES, ALIBABA).is_empty(), "a known name is no typo of itself");
    }

    #[test]
    fn present_names_are_not_suggested() {
        let hits = near_absent("maxAsyncRetryAttempt", ALIBABA, |k| k == RETRIES);
        assert!(hits.is_empty(), "{hits:?}");
    }
}
