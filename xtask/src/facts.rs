//! `xtask facts`: the region and partition tables of `crates/model`
//! regenerated from the SDKs' own files (`--write`), or compared with them
//! (`--check`, the `.ci/run` step).
//!
//! `scripts/sdk_facts.py`, run by the given Python, prints what the installed
//! SDKs ship; this renders `crates/model/src/facts/sdk.rs` from it, applying
//! the deliberate differences of `facts::regions` (the one place they are
//! listed, each with its reason). Each SDK's tables are one section: a section
//! whose SDK is not installed is left as it is by `--write` and not compared
//! by `--check`; an installed SDK older than the one the section was made
//! from is reported, not compared (its data is older, not drifted).

use invokecfg_model::facts::regions::{differences, RegionChange, RegionTable};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const GENERATED: &str = "crates/model/src/facts/sdk.rs";
const SCRIPT: &str = "scripts/sdk_facts.py";
const SOURCE_PREFIX: &str = "// source: ";
const SECTION_PREFIX: &str = "// @section ";
const END_PREFIX: &str = "// @end ";

const HEADER: &str = "\
//! Region and partition tables, generated from the SDKs' own files by
//! `cargo run -p xtask -- facts --write`: do not edit. Where they come from
//! and the deliberate differences: [`super::regions`].
";

/// One SDK's part of the generated file.
struct Section {
    /// Its name in the `// @section` marker.
    name: &'static str,
    /// The SDK distributions and versions it was made from (`name version`).
    source: String,
    /// The Rust text between the markers.
    body: String,
}

impl Section {
    fn render(&self) -> String {
        format!(
            "{SECTION_PREFIX}{}\n{SOURCE_PREFIX}{}\n{}{END_PREFIX}{}\n",
            self.name, self.source, self.body, self.name
        )
    }
}

#[derive(PartialEq, Eq)]
enum Mode {
    Write,
    Check,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut mode = None;
    let mut python = "python3".to_string();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--write" => mode = Some(Mode::Write),
            "--check" => mode = Some(Mode::Check),
            "--python" => python = crate::value(args, &mut i, "--python")?.to_string(),
            other => {
                return Err(format!("facts: unknown argument `{other}`; expected --write or --check [--python PATH]"))
            }
        }
        i += 1;
    }
    let mode = mode.ok_or("facts needs --write or --check")?;
    let root = crate::workspace_root();
    let sdk = read_sdks(&python, &root)?;
    let path = root.join(GENERATED);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let sections = sections(&sdk)?;
    match mode {
        Mode::Write => write(&path, &committed, &sections),
        Mode::Check => check(&committed, &sections),
    }
}

fn read_sdks(python: &str, root: &Path) -> Result<Value, String> {
    let out = Command::new(python)
        .arg(root.join(SCRIPT))
        .output()
        .map_err(|e| format!("cannot run `{python} {SCRIPT}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{python} {SCRIPT}` failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("`{SCRIPT}` printed no JSON: {e}"))
}

/// The sections the installed SDKs give (none for an SDK that is not installed).
fn sections(sdk: &Value) -> Result<Vec<Section>, String> {
    let mut out = vec![aws_section(&sdk["aws"])?];
    for (name, key, table, what, constant) in [
        (
            "alibaba",
            "alibaba",
            RegionTable::AlibabaFc,
            "Regions serving Function Compute: the union of the clients'\n/// `_endpoint_map` keys",
            "ALIBABA_FC_REGIONS",
        ),
        (
            "huawei",
            "huawei",
            RegionTable::HuaweiFunctionGraph,
            "Regions serving FunctionGraph: `FunctionGraphRegion.static_fields`\n/// (`v2/region/functiongraph_region.py`)",
            "HUAWEI_FUNCTIONGRAPH_REGIONS",
        ),
    ] {
        let Some(dists) = sdk[key].as_object() else { continue };
        let mut regions = std::collections::BTreeSet::new();
        let mut source = Vec::new();
        for (dist, facts) in dists {
            source.push(format!("{dist} {}", facts["version"].as_str().unwrap_or("unknown")));
            regions.extend(strings(&facts["regions"], dist)?);
        }
        let mut lines: Vec<(String, &str)> = regions.into_iter().map(|r| (r, "")).collect();
        for d in differences(table) {
            match d.change {
                RegionChange::Kept => lines.push((d.region.to_string(), " // kept: facts::regions")),
                RegionChange::LeftOut => lines.retain(|(r, _)| r != d.region),
            }
        }
        lines.sort();
        let mut body = format!("/// {what}, sorted;\n/// deliberate differences from [`super::regions`].\n");
        body.push_str(&format!("pub const {constant}: &[&str] = &[\n"));
        for (region, comment) in lines {
            body.push_str(&format!("    {region:?},{comment}\n"));
        }
        body.push_str("];\n");
        out.push(Section { name, source: source.join(", "), body });
    }
    Ok(out)
}

fn aws_section(aws: &Value) -> Result<Section, String> {
    let partitions = aws["partitions"].as_array().ok_or("sdk_facts: no aws.partitions")?;
    let mut body =
        String::from("/// Partition ids, in `data/partitions.json`'s order.\npub const AWS_PARTITIONS: &[&str] = &[\n");
    for p in partitions {
        body.push_str(&format!("    {:?},\n", p["id"].as_str().ok_or("sdk_facts: a partition without id")?));
    }
    body.push_str("];\n\n/// Each partition's `regionRegex`, in the order of [`AWS_PARTITIONS`].\n");
    body.push_str("pub const AWS_PARTITION_REGION_REGEXES: &[&str] = &[\n");
    for p in partitions {
        body.push_str(&format!("    {},\n", raw(p["region_regex"].as_str().ok_or("sdk_facts: no regionRegex")?)));
    }
    body.push_str("];\n\n/// Regions serving Lambda (`data/endpoints.json`, service `lambda`, every\n");
    body.push_str("/// partition, FIPS endpoints left out), sorted; deliberate differences from\n");
    body.push_str("/// [`super::regions`].\npub const AWS_LAMBDA_REGIONS: &[&str] = &[\n");
    let mut regions: Vec<String> = Vec::new();
    for r in aws["lambda_regions"].as_array().ok_or("sdk_facts: no aws.lambda_regions")? {
        regions.push(r["region"].as_str().map(str::to_string).ok_or("sdk_facts: a Lambda region without its id")?);
    }
    for d in differences(RegionTable::AwsLambda) {
        match d.change {
            RegionChange::LeftOut => regions.retain(|r| r != d.region),
            RegionChange::Kept => regions.push(d.region.to_string()),
        }
    }
    regions.sort();
    for region in regions {
        body.push_str(&format!("    {region:?},\n"));
    }
    body.push_str("];\n");
    let patterns = &aws["lambda_patterns"];
    for (shape, constant) in [
        ("FunctionArn", "AWS_LAMBDA_FUNCTION_ARN_PATTERN"),
        ("NamespacedFunctionName", "AWS_LAMBDA_NAMESPACED_FUNCTION_NAME_PATTERN"),
        ("DestinationArn", "AWS_LAMBDA_DESTINATION_ARN_PATTERN"),
    ] {
        let pattern = patterns[shape].as_str().ok_or(format!("sdk_facts: no pattern of shape {shape}"))?;
        body.push_str(&format!(
            "\n/// The pattern of shape `{shape}` in the Lambda model\n/// (unanchored, as the model writes it).\n"
        ));
        body.push_str(&format!("pub const {constant}: &str = {};\n", raw(pattern)));
    }
    let version = aws["version"].as_str().unwrap_or("unknown");
    Ok(Section { name: "aws", source: format!("botocore {version}"), body })
}

/// A Rust raw string literal holding `s`.
fn raw(s: &str) -> String {
    let mut hashes = String::from("#");
    while s.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{s}\"{hashes}")
}

fn strings(v: &Value, what: &str) -> Result<Vec<String>, String> {
    v.as_array()
        .ok_or(format!("sdk_facts: no region list for {what}"))?
        .iter()
        .map(|r| r.as_str().map(str::to_string).ok_or(format!("sdk_facts: a region of {what} is not a string")))
        .collect()
}

/// The committed text of a section, and the source line it names.
fn committed_section<'a>(text: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let start = text.find(&format!("{SECTION_PREFIX}{name}\n"))?;
    let end_marker = format!("{END_PREFIX}{name}\n");
    let end = start + text[start..].find(&end_marker)? + end_marker.len();
    let section = &text[start..end];
    let source = section.lines().find_map(|l| l.strip_prefix(SOURCE_PREFIX)).unwrap_or("");
    Some((section, source))
}

/// A section without its source line: what is compared.
fn data(section: &str) -> String {
    section.lines().filter(|l| !l.starts_with(SOURCE_PREFIX)).collect::<Vec<_>>().join("\n")
}

fn write(path: &PathBuf, committed: &str, fresh: &[Section]) -> Result<ExitCode, String> {
    let mut text = String::from(HEADER);
    for name in ["aws", "alibaba", "huawei"] {
        text.push('\n');
        match fresh.iter().find(|s| s.name == name) {
            Some(s) => text.push_str(&s.render()),
            None => {
                let (kept, _) = committed_section(committed, name)
                    .ok_or(format!("the {name} SDK is not installed and {GENERATED} has no {name} section"))?;
                eprintln!("facts: the {name} SDK is not installed: its section is kept as committed");
                text.push_str(kept);
            }
        }
    }
    let tmp = path.with_extension("rs.tmp");
    std::fs::write(&tmp, &text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("facts: wrote {GENERATED}");
    Ok(ExitCode::SUCCESS)
}

fn check(committed: &str, fresh: &[Section]) -> Result<ExitCode, String> {
    let mut drift = false;
    for name in ["aws", "alibaba", "huawei"] {
        let Some(section) = fresh.iter().find(|s| s.name == name) else {
            println!("facts: {name}: SDK not installed, not compared");
            continue;
        };
        let rendered = section.render();
        match committed_section(committed, name) {
            Some((text, _)) if data(text) == data(&rendered) => {
                println!("facts: {name}: equal to {}", section.source);
            }
            Some((_, made_from)) if older(&section.source, made_from) => {
                println!(
                    "facts: {name}: installed {} is older than {made_from}, which made the table: not compared",
                    section.source
                );
            }
            Some((text, made_from)) => {
                drift = true;
                println!("facts: {name}: {GENERATED} (from {made_from}) differs from {}:", section.source);
                print_difference(text, &rendered);
            }
            None => {
                drift = true;
                println!("facts: {name}: {GENERATED} has no {name} section");
            }
        }
    }
    if drift {
        println!("facts: regenerate with `cargo run -p xtask -- facts --write`, or list the difference in crates/model/src/facts/regions.rs");
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// The lines only one side has.
fn print_difference(committed: &str, fresh: &str) {
    let old: Vec<&str> = committed.lines().filter(|l| !l.starts_with(SOURCE_PREFIX)).collect();
    let new: Vec<&str> = fresh.lines().filter(|l| !l.starts_with(SOURCE_PREFIX)).collect();
    for l in old.iter().filter(|l| !new.contains(l)) {
        println!("  - {l}");
    }
    for l in new.iter().filter(|l| !old.contains(l)) {
        println!("  + {l}");
    }
}

/// Whether every SDK version named in `installed` is older than or equal to
/// the same SDK's in `made_from`, one at least older (`name 1.2.3, name 4.5`).
fn older(installed: &str, made_from: &str) -> bool {
    let versions = |s: &str| -> Vec<(String, Vec<u64>)> {
        s.split(", ")
            .filter_map(|p| p.split_once(' '))
            .map(|(n, v)| (n.to_string(), v.split('.').map(|x| x.parse().unwrap_or(0)).collect()))
            .collect()
    };
    let made = versions(made_from);
    let mut any_older = false;
    for (name, v) in versions(installed) {
        match made.iter().find(|(n, _)| *n == name) {
            Some((_, m)) if v < *m => any_older = true,
            Some((_, m)) if v == *m => {}
            _ => return false,
        }
    }
    any_older
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_versions_are_told_apart() {
        assert!(older("botocore 1.43.11", "botocore 1.44.8"));
        assert!(!older("botocore 1.44.8", "botocore 1.44.8"));
        assert!(!older("botocore 1.45.0", "botocore 1.44.8"));
        assert!(older("a 1.0, b 2.0", "a 1.0, b 2.1"));
        assert!(!older("a 1.0, c 2.0", "a 1.0, b 2.1"));
    }

    #[test]
    fn raw_strings_hold_quotes() {
        assert_eq!(raw(r"a\d"), "r#\"a\\d\"#");
        assert_eq!(raw("a\"#b"), "r##\"a\"#b\"##");
    }
}
