//! The shapes a provider fact takes: integer ranges with defaults, name
//! rules (which check names and render the schemas' regexes), region shape
//! and documentation placeholders. The facts are values of these types.

/// An inclusive integer range with the provider's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRange {
    /// Smallest accepted value.
    pub min: i64,
    /// Largest accepted value.
    pub max: i64,
    /// The value the provider uses when the field is omitted.
    pub default: i64,
}

impl IntRange {
    /// Whether `value` lies inside the range.
    pub const fn contains(&self, value: i64) -> bool {
        value >= self.min && value <= self.max
    }

    /// The nearest value inside the range.
    pub const fn clamp(&self, value: i64) -> i64 {
        if value < self.min {
            self.min
        } else if value > self.max {
            self.max
        } else {
            value
        }
    }
}

impl std::fmt::Display for IntRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.min, self.max)
    }
}

/// Which characters a position of a name may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// `A-Za-z`
    Letter,
    /// `A-Za-z_`
    LetterOrUnderscore,
    /// `A-Za-z0-9`
    LetterOrDigit,
    /// `A-Za-z0-9_-`
    Word,
    /// `A-Za-z0-9_.-`
    WordOrDot,
}

impl CharClass {
    /// Whether `c` belongs to the class.
    pub fn admits(self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_ascii_alphabetic(),
            CharClass::LetterOrUnderscore => c.is_ascii_alphabetic() || c == '_',
            CharClass::LetterOrDigit => c.is_ascii_alphanumeric(),
            CharClass::Word => c.is_ascii_alphanumeric() || c == '_' || c == '-',
            CharClass::WordOrDot => c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.',
        }
    }

    /// The class as a regex bracket expression.
    pub fn regex(self) -> &'static str {
        match self {
            CharClass::Letter => "[A-Za-z]",
            CharClass::LetterOrUnderscore => "[A-Za-z_]",
            CharClass::LetterOrDigit => "[A-Za-z0-9]",
            CharClass::Word => "[A-Za-z0-9_-]",
            CharClass::WordOrDot => "[A-Za-z0-9_.-]",
        }
    }

    fn words(self) -> &'static str {
        match self {
            CharClass::Letter => "a letter",
            CharClass::LetterOrUnderscore => "a letter or `_`",
            CharClass::LetterOrDigit => "a letter or digit",
            CharClass::Word => "letters, digits, `_` or `-`",
            CharClass::WordOrDot => "letters, digits, `_`, `-` or `.`",
        }
    }
}

/// A provider's naming rule: length bounds and allowed characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameRule {
    /// What is named, as the provider says it ("function name").
    pub what: &'static str,
    /// Fewest characters.
    pub min_len: usize,
    /// Most characters.
    pub max_len: usize,
    /// Class of the first character.
    pub first: CharClass,
    /// Class of the other characters.
    pub rest: CharClass,
    /// Class of the last character, where the provider restricts it.
    pub last: Option<CharClass>,
}

/// Why a name breaks its [`NameRule`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Too short or too long.
    Length { what: &'static str, value: String, len: usize, min: usize, max: usize },
    /// A character not allowed at its position.
    Character { what: &'static str, value: String, found: char, position: usize, expected: &'static str },
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Length { what, value, len, min, max } => {
                write!(f, "{what} `{value}` has {len} characters; it must have {min} to {max}")
            }
            NameError::Character { what, value, found, position, expected } => {
                write!(f, "{what} `{value}` has {found:?} at character {}; {expected} expected there", position + 1)
            }
        }
    }
}

impl std::error::Error for NameError {}

impl NameRule {
    /// Checks `name` against the rule.
    pub fn check(&self, name: &str) -> Result<(), NameError> {
        let len = if name.is_ascii() { name.len() } else { name.chars().count() };
        if len < self.min_len || len > self.max_len {
            return Err(NameError::Length {
                what: self.what,
                value: name.to_string(),
                len,
                min: self.min_len,
                max: self.max_len,
            });
        }
        // The common case, checked without decoding: an ASCII name the rule admits.
        if name.is_ascii() && self.admits_ascii(name.as_bytes()) {
            return Ok(());
        }
        for (i, c) in name.chars().enumerate() {
            let class = if i == 0 {
                self.first
            } else if i + 1 == len {
                self.last.unwrap_or(self.rest)
            } else {
                self.rest
            };
            // A one-character name must satisfy both the first and last rule.
            let ok = class.admits(c) && !(i == 0 && len == 1 && self.last.is_some_and(|l| !l.admits(c)));
            if !ok {
                return Err(NameError::Character {
                    what: self.what,
                    value: name.to_string(),
                    found: c,
                    position: i,
                    expected: class.words(),
                });
            }
        }
        Ok(())
    }

    /// Whether the rule admits `name`, an ASCII name of an admitted length.
    fn admits_ascii(&self, name: &[u8]) -> bool {
        let admits = |class: CharClass, b: &u8| class.admits(char::from(*b));
        match name {
            [] => false,
            [only] => admits(self.first, only) && self.last.is_none_or(|l| admits(l, only)),
            [first, middle @ .., last] => {
                admits(self.first, first)
                    && middle.iter().all(|b| admits(self.rest, b))
                    && admits(self.last.unwrap_or(self.rest), last)
            }
        }
    }

    /// The rule as an anchored regular expression (the schemas use it verbatim).
    pub fn pattern(&self) -> String {
        match self.last {
            None => format!(
                "^{}{}{{{},{}}}$",
                self.first.regex(),
                self.rest.regex(),
                self.min_len.saturating_sub(1),
                self.max_len - 1
            ),
            Some(last) if self.min_len <= 1 => format!(
                "^{}({}{{0,{}}}{})?$",
                self.first.regex(),
                self.rest.regex(),
                self.max_len.saturating_sub(2),
                last.regex()
            ),
            Some(last) => format!(
                "^{}{}{{{},{}}}{}$",
                self.first.regex(),
                self.rest.regex(),
                self.min_len - 2,
                self.max_len - 2,
                last.regex()
            ),
        }
    }

    /// The rule in words, for help lines.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "{} to {} characters of {}, starting with {}",
            self.min_len,
            self.max_len,
            self.rest.words(),
            self.first.words()
        );
        if let Some(last) = self.last {
            s.push_str(&format!(" and ending with {}", last.words()));
        }
        s
    }
}

/// Region id shape shared by both clouds: `cn-shanghai`, `ap-southeast-1`, `eu-west-101`.
pub fn is_region_shaped(region: &str) -> bool {
    // `^[a-z]{2}(-[a-z0-9]+)+$`, byte by byte: every ARN's region is asked.
    let [a, b, b'-', rest @ ..] = region.as_bytes() else { return false };
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && rest
            .split(|&c| c == b'-')
            .all(|p| !p.is_empty() && p.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// `text.split(':')` collected, found with memchr: every identifier of every
/// linted file is split, and the general splitter costs more than the rest
/// of a URN's parse.
pub(crate) fn colon_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::with_capacity(8);
    let mut start = 0;
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        parts.push(text.get(start..colon).unwrap_or_default());
        start = colon + 1;
    }
    parts.push(text.get(start..).unwrap_or_default());
    parts
}

/// The regex form of [`is_region_shaped`], used by the schemas.
pub const REGION_PATTERN: &str = "^[a-z]{2}(-[a-z0-9]+)+$";

/// Text that is a documentation placeholder rather than a value: `xxx`,
/// `{region}`, `188077086902****`, `${vars.region}`.
pub fn looks_like_placeholder(s: &str) -> bool {
    // One pass over the bytes: every identifier of every file is asked.
    s.bytes().any(|b| matches!(b, b'{' | b'}' | b'*' | b'$'))
        || (s.len() >= 3 && s.bytes().all(|b| b == b'x' || b == b'X'))
        || s.ends_with("xxxxxxxxxx")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The region shape read part by part, as it was first written: the oracle.
    fn region_shaped_by_parts(region: &str) -> bool {
        let mut parts = region.split('-');
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        first.len() == 2
            && first.bytes().all(|b| b.is_ascii_lowercase())
            && !rest.is_empty()
            && rest.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
    }

    /// The name rule checked character by character with no fast path: the oracle.
    fn admitted_by_chars(rule: &NameRule, name: &str) -> bool {
        let len = name.chars().count();
        (rule.min_len..=rule.max_len).contains(&len)
            && name.chars().enumerate().all(|(i, c)| {
                let class = match i {
                    0 => rule.first,
                    i if i + 1 == len => rule.last.unwrap_or(rule.rest),
                    _ => rule.rest,
                };
                class.admits(c) && !(i == 0 && len == 1 && rule.last.is_some_and(|l| !l.admits(c)))
            })
    }

    proptest::proptest! {
        #[test]
        fn region_shape_is_its_pattern(region in "[a-zA-Z0-9_-]{0,9}", from_pattern in "[a-z]{2}(-[a-z0-9]+){1,3}") {
            proptest::prop_assert_eq!(is_region_shaped(&region), region_shaped_by_parts(&region), "{}", region);
            proptest::prop_assert!(is_region_shaped(&from_pattern), "{}", from_pattern);
        }

        #[test]
        fn colon_parts_are_split(text in "[a:é]{0,12}") {
            proptest::prop_assert_eq!(colon_parts(&text), text.split(':').collect::<Vec<_>>());
        }

        #[test]
        fn placeholders_are_found_in_one_pass(text in "[a-zxX{}*$0-9-]{0,12}") {
            let by_parts = ['{', '}', '*', '$'].iter().any(|c| text.contains(*c))
                || (text.len() >= 3 && text.bytes().all(|b| b == b'x' || b == b'X'))
                || text.ends_with("xxxxxxxxxx");
            proptest::prop_assert_eq!(looks_like_placeholder(&text), by_parts);
        }

        #[test]
        fn names_are_checked_as_character_by_character(name in "[a-zA-Z0-9_.$é-]{0,5}", which in 0usize..4) {
            let rule = [
                crate::facts::alibaba::SERVICE_NAME,
                crate::facts::alibaba::FUNCTION_NAME,
                crate::facts::alibaba::ALIAS_NAME,
                crate::facts::alibaba::RESOURCE_NAME,
            ][which];
            proptest::prop_assert_eq!(rule.check(&name).is_ok(), admitted_by_chars(&rule, &name), "{}", name);
        }
    }
}
