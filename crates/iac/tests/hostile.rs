//! Never panic: the fixtures, cut and spliced with characters that matter
//! to HCL and YAML, go through reading, linting and translating.

use invokecfg_iac::{lint, terraform, yaml};
use invokecfg_lint::LintOptions;
use invokecfg_model::Dialect;
use invokecfg_translate::{Mapping, Options};
use proptest::prelude::*;
use std::path::Path;

fn fixtures(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                out.push(text);
            }
        }
    }
    out.sort();
    out
}

/// Splices of `text`: a cut, then an insertion of characters that matter to the formats.
fn mutate(text: &str, cut: (usize, usize), at: usize, insert: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    let (a, b) = (cut.0 % n, cut.1 % n);
    let (a, b) = (a.min(b), a.max(b).min(a + 8));
    let mut out: Vec<char> = chars[..a.min(chars.len())].to_vec();
    out.extend(&chars[b.min(chars.len())..]);
    let at = at % (out.len() + 1);
    let tail = out.split_off(at);
    out.extend(insert.chars());
    out.extend(tail);
    out.into_iter().collect()
}

fn exercise(text: &str, read: fn(&str) -> Result<Vec<invokecfg_iac::Found>, invokecfg_iac::SyntaxError>, tf: bool) {
    let Ok(found) = read(text) else { return };
    for f in &found {
        let _ = lint(f, text, &LintOptions::default());
    }
    for d in Dialect::ALL {
        let _ = if tf {
            terraform::translate(text, d, &Mapping::default(), &Options::default())
        } else {
            yaml::translate(text, d, &Mapping::default(), &Options::default())
        };
    }
}

const SPLICE: &str = r#"[{}\[\]"'=:#$%\n\t -]|\$\{|%\{|<<EOT|~|&a|\*a|!!str|é|订|"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn terraform_never_panics(i in 0usize..64, cut in (0usize..4000, 0usize..4000), at in 0usize..4000, insert in prop::collection::vec(SPLICE, 0..4)) {
        let all = fixtures("terraform/read");
        let text = mutate(&all[i % all.len()], cut, at, &insert.concat());
        exercise(&text, terraform::read, true);
    }

    #[test]
    fn yaml_never_panics(i in 0usize..64, cut in (0usize..4000, 0usize..4000), at in 0usize..4000, insert in prop::collection::vec(SPLICE, 0..4)) {
        let all: Vec<String> = fixtures("yaml/read");
        let text = mutate(&all[i % all.len()], cut, at, &insert.concat());
        exercise(&text, yaml::read, false);
    }
}
