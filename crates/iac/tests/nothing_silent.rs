//! The nothing-silent law of a Terraform rewrite (issue #18), over generated
//! files of mixed providers with typos, comments, expressions and `dynamic`
//! blocks: every source argument, block and comment is in the output or
//! named by a note at its position; no duplicate address is ever written;
//! the output is read back and passes the project's own lint (no identifier
//! it would reject), and `terraform fmt -check` where Terraform is installed.

use invokecfg_iac::surface::{self, Surface};
use invokecfg_iac::terraform::{self, Anchor};
use invokecfg_lint::LintOptions;
use invokecfg_model::{Dialect, Severity};
use invokecfg_translate::{Mapping, Options};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn mapping() -> Mapping {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/mapping/full.json");
    Mapping::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One argument line of a generated resource: its name as written (perhaps
/// misspelt), its value text, and a comment after it or above it.
#[derive(Debug, Clone)]
struct Arg {
    name: String,
    value: String,
    comment: Option<(bool, String)>,
}

#[derive(Debug, Clone)]
struct Res {
    resource_type: &'static str,
    name: String,
    args: Vec<Arg>,
    dynamic_block: bool,
    trailing_comment: Option<String>,
}

const TYPES: &[(&str, &[(&str, &str)])] = &[
    (
        "alicloud_fc_function_async_invoke_config",
        &[
            ("service_name", "\"orders\""),
            ("function_name", "\"process\""),
            ("maximum_event_age_in_seconds", "600"),
            ("maximum_retry_attempts", "2"),
            ("stateful_invocation", "true"),
        ],
    ),
    (
        "alicloud_fcv3_async_invoke_config",
        &[
            ("function_name", "\"process\""),
            ("max_async_event_age_in_seconds", "600"),
            ("max_async_retry_attempts", "\"2\""),
            ("async_task", "false"),
        ],
    ),
    (
        "aws_lambda_function_event_invoke_config",
        &[("function_name", "\"process\""), ("maximum_event_age_in_seconds", "120"), ("maximum_retry_attempts", "1")],
    ),
    (
        "huaweicloud_fgs_async_invoke_configuration",
        &[
            ("function_urn", "\"urn:fss:cn-east-3:0970dd7a1300f5672ff2c003c60ae115:function:default:process:latest\""),
            ("max_async_event_age_in_seconds", "600"),
            ("max_async_retry_attempts", "2"),
            ("enable_async_status_log", "true"),
        ],
    ),
];

fn comment_text() -> impl Strategy<Value = String> {
    ("[a-z]{1,8}( [a-z0-9]{1,6}){0,3}", 0..3usize).prop_map(|(t, style)| match style {
        0 => format!("# {t}"),
        1 => format!("// {t}"),
        _ => format!("/* {t} */"),
    })
}

fn resource() -> impl Strategy<Value = Res> {
    (0..TYPES.len(), "(orders|billing|[a-z]{1,6})")
        .prop_flat_map(|(t, name)| {
            let (resource_type, args) = TYPES[t];
            let args = args.iter().map(|(n, v)| {
                (
                    any::<bool>(),
                    0..4u8,
                    prop_oneof![Just(v.to_string()), Just("var.setting".to_string())],
                    prop::option::of((any::<bool>(), comment_text())),
                )
                    .prop_map(move |(keep, typo, value, comment)| {
                        let name = match typo {
                            0 => format!("{n}x"),
                            _ => n.to_string(),
                        };
                        keep.then_some(Arg { name, value, comment })
                    })
            });
            let args: Vec<_> = args.collect();
            (Just(resource_type), Just(name), args, any::<bool>(), prop::option::of(comment_text()))
        })
        .prop_map(|(resource_type, name, args, dynamic_block, trailing_comment)| Res {
            resource_type,
            name,
            args: args.into_iter().flatten().collect(),
            dynamic_block,
            trailing_comment,
        })
}

fn render(r: &Res) -> String {
    let mut s = format!("resource \"{}\" \"{}\" {{\n", r.resource_type, r.name);
    for a in &r.args {
        match &a.comment {
            Some((true, c)) => s += &format!("  {c}\n  {} = {}\n", a.name, a.value),
            Some((false, c)) => s += &format!("  {} = {} {c}\n", a.name, a.value),
            None => s += &format!("  {} = {}\n", a.name, a.value),
        }
    }
    if r.dynamic_block {
        let block = if r.resource_type.starts_with("huaweicloud") { "on_failure" } else { "destination_config" };
        s += &format!("  dynamic \"{block}\" {{\n    for_each = var.dlq\n    content {{}}\n  }}\n");
    }
    if let Some(c) = &r.trailing_comment {
        s += &format!("  {c}\n");
    }
    s + "}\n"
}

fn file() -> impl Strategy<Value = (String, usize)> {
    (prop::collection::vec(resource(), 1..5), 0..4usize)
        .prop_map(|(rs, target)| (rs.iter().map(render).collect::<Vec<_>>().join("\n"), target))
        // Terraform rejects an input with a duplicate address itself.
        .prop_filter("unique source addresses", |(s, _)| {
            let all = addresses(s);
            all.iter().collect::<BTreeSet<_>>().len() == all.len()
        })
}

fn addresses(text: &str) -> Vec<String> {
    let Ok(body) = hcl_edit::parser::parse_body(text) else { return Vec::new() };
    body.iter()
        .filter_map(hcl_edit::structure::Structure::as_block)
        .filter(|b| b.has_ident("resource") && b.labels.len() == 2)
        .map(|b| format!("{}.{}", b.labels[0].as_str(), b.labels[1].as_str()))
        .collect()
}

fn terraform_fmt_accepts(text: &str) -> Option<bool> {
    let dir = tempfile::tempdir().ok()?;
    let file = dir.path().join("main.tf");
    std::fs::write(&file, text).ok()?;
    let out = std::process::Command::new("terraform").arg("fmt").arg("-check").arg(&file).output().ok()?;
    Some(out.status.success())
}

const TARGETS: [Dialect; 4] = [Dialect::AlibabaFc2, Dialect::AlibabaFc3, Dialect::Huawei, Dialect::AwsLambda];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn nothing_is_dropped_silently((source, target) in file()) {
        let target = TARGETS[target];
        let options = Options { allow_lossy: true, function: None, strict: false };
        let Ok(out) = terraform::translate(&source, target, &mapping(), &options) else {
            return Err(TestCaseError::fail(format!("not read:\n{source}")));
        };
        if out.refused() {
            // A refusal writes nothing; its notes name why.
            prop_assert!(out.outcomes.iter().filter(|o| o.refused).all(|o| !o.notes.is_empty()));
            return Ok(());
        }
        let found = terraform::read(&source).unwrap_or_default();
        let target_type = invokecfg_model::facts::terraform::resource_for_dialect(target.id()).map_or("", |r| r.resource_type);
        // A resource already of the target type is kept as written (generated, not fmt-aligned).
        let any_kept = found.iter().any(|f| f.wrapper == target_type);
        let notes: Vec<_> = out.outcomes.iter().flat_map(|o| o.notes.iter()).collect();
        let noted_at = |start: usize| notes.iter().any(|n| n.span.is_some_and(|s| s.start.offset == start));
        let noted_text = |t: &str| notes.iter().any(|n| n.message.contains(t) || n.help.as_deref().is_some_and(|h| h.contains(t)));
        for f in &found {
            // Every comment is in the output.
            for c in &f.comments {
                prop_assert!(out.text.contains(&c.text), "comment `{}` lost:\n{source}\n--\n{}", c.text, out.text);
                let _: &Anchor = &c.anchor;
            }
            if f.wrapper == target_type {
                let bytes = &source[f.extent.clone()];
                prop_assert!(out.text.contains(bytes), "a resource of the target type changed");
                continue;
            }
            // Every unknown argument or block is named at its position.
            for (name, range) in &f.unknown {
                prop_assert!(noted_at(range.start), "`{name}` dropped silently:\n{source}\n--\n{}", out.text);
            }
            // Every expression is in the output or named by a note.
            for e in &f.expressions {
                let one_line = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let at = f.span_of(&e.pointer).1.start;
                prop_assert!(
                    out.text.contains(e.text.trim()) || noted_text(&one_line) || noted_at(at),
                    "expression `{}` dropped silently:\n{source}\n--\n{}", e.text, out.text
                );
            }
        }
        // No internal stand-in reaches the user.
        prop_assert!(!out.text.contains("invokecfgexpr"));
        prop_assert!(notes.iter().all(|n| !n.message.contains("invokecfgexpr")));
        // No duplicate address.
        let written = addresses(&out.text);
        let unique: BTreeSet<&String> = written.iter().collect();
        prop_assert_eq!(unique.len(), written.len(), "duplicate address:\n{}", out.text);
        // The output is read back and the project's own lint rejects no identifier in it.
        let linted = surface::lint(Surface::Terraform, out.text.as_bytes(), &LintOptions::default());
        let rejected: Vec<_> = linted.result.diagnostics.iter()
            .filter(|d| d.severity == Severity::Error && (d.code.starts_with('I') || d.code == "S101"))
            .collect();
        prop_assert!(rejected.is_empty(), "{rejected:#?}\n{}", out.text);
        if let Some(ok) = terraform_fmt_accepts(&out.text).filter(|_| !any_kept) {
            prop_assert!(ok, "terraform fmt -check rejects:\n{}", out.text);
        }
    }
}
