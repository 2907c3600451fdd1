//! How [`super::aws`] answers "is this a region" and "which partition":
//! the regexes botocore ships, built once, their answers remembered.

use super::aws::{PARTITIONS, REGION_PATTERN};

/// [`super::aws::is_region`] and [`super::aws::partition_of`] of `region`, remembered per thread:
/// a corpus names a few dozen regions, and each answer is regex scans (of
/// every partition's regex for the partition), asked several times a file.
pub(super) fn region_facts(region: &str) -> (bool, &'static str) {
    type Seen = foldhash::HashMap<Box<str>, (bool, &'static str)>;
    thread_local! {
        static SEEN: std::cell::RefCell<Seen> = std::cell::RefCell::new(Seen::default());
    }
    /// Input naming more regions than this starts the memory again.
    const REMEMBERED: usize = 4096;
    SEEN.with(|seen| {
        if let Some(hit) = seen.try_borrow().ok().and_then(|s| s.get(region).copied()) {
            return hit;
        }
        let facts = (region_matches_pattern(region), partition_by_regexes(region));
        if let Ok(mut seen) = seen.try_borrow_mut() {
            if seen.len() >= REMEMBERED {
                seen.clear();
            }
            seen.insert(region.into(), facts);
        }
        facts
    })
}

fn region_matches_pattern(region: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(REGION_PATTERN).ok()).as_ref().is_some_and(|re| re.is_match(region))
}

fn partition_by_regexes(region: &str) -> &'static str {
    type Compiled = std::sync::OnceLock<Vec<Option<regex::Regex>>>;
    fn compile(unicode: bool) -> Vec<Option<regex::Regex>> {
        let build = |r: &&str| regex::RegexBuilder::new(r).unicode(unicode).build().ok();
        super::sdk::AWS_PARTITION_REGION_REGEXES.iter().map(build).collect()
    }
    // botocore's `\w` and `\d` are Unicode classes, whose automata cost 24M
    // instructions to build (a few milliseconds per process). On ASCII text
    // the ASCII classes match exactly what the Unicode ones do, so only
    // other text builds the Unicode regexes.
    static ASCII: Compiled = std::sync::OnceLock::new();
    static UNICODE: Compiled = std::sync::OnceLock::new();
    let res = match region.is_ascii() {
        true => ASCII.get_or_init(|| compile(false)),
        false => UNICODE.get_or_init(|| compile(true)),
    };
    PARTITIONS
        .iter()
        .zip(res)
        .find(|(_, re)| re.as_ref().is_some_and(|re| re.is_match(region)))
        .map_or(PARTITIONS[0], |(p, _)| p)
}

#[cfg(test)]
mod region_memo_tests {
    use super::*;
    use crate::facts::aws::{is_region, partition_of, REGIONS};

    /// The remembered answers are the regexes' answers, asked twice (the
    /// second from memory), over the generated regions and shapes near them.
    #[test]
    fn remembered_region_facts_are_the_regexes() {
        let mut names: Vec<String> = REGIONS.iter().map(|r| r.to_string()).collect();
        names.extend(
            ["", "us-east-1x", "cn-north-1", "us-gov-west-1", "eu-isoe-west-1", "xx-yy-9", "US-EAST-1"]
                .map(String::from),
        );
        // Non-ASCII text takes the Unicode regexes: `\w` matches these letters.
        names.extend(["cn-北京-1", "us-é-2", "eusc-de-ö-1"].map(String::from));
        assert_eq!(partition_of("cn-北京-1"), "aws-cn", "botocore's Unicode `\\w` reads it as China's");
        for _ in 0..2 {
            for r in &names {
                assert_eq!(is_region(r), region_matches_pattern(r), "{r}");
                assert_eq!(partition_of(r), partition_by_regexes(r), "{r}");
            }
        }
    }

    proptest::proptest! {
        /// On ASCII text the ASCII-class regexes find the partition the
        /// Unicode ones find (botocore's reading).
        #[test]
        fn ascii_regexes_read_ascii_as_unicode_ones_do(region in "(us|eu|cn|ap|eusc|il|mx|xx)(-de|-gov|-iso[bef]?)?-[a-z_0-9]{1,8}-[0-9]{1,2}|[a-z0-9_-]{0,14}") {
            let unicode: Vec<regex::Regex> =
                super::super::sdk::AWS_PARTITION_REGION_REGEXES.iter().filter_map(|r| regex::Regex::new(r).ok()).collect();
            let by_unicode = PARTITIONS.iter().zip(&unicode).find(|(_, re)| re.is_match(&region)).map_or(PARTITIONS[0], |(p, _)| p);
            proptest::prop_assert_eq!(partition_by_regexes(&region), by_unicode, "{}", region);
        }

        /// The shortcut before the regex refuses only what the regex refuses.
        #[test]
        fn is_region_is_the_pattern(region in "(eusc-)?[a-z]{2}(-gov|-isob?)?-[a-z]{1,8}-[0-9]|[a-z0-9-]{0,14}") {
            proptest::prop_assert_eq!(is_region(&region), region_matches_pattern(&region), "{}", region);
        }
    }
}
