//! # invokecfg-cli
//!
//! The `invokecfg` command line: `lint`, `translate`, `schema`, `rules`,
//! `explain`. stdout carries results, stderr progress and notes. Exit codes:
//! 0 clean, 1 error findings or a refused translation, 2 usage, I/O or
//! configuration errors.
//!
//! Beside [`main`], the one per-file lint the command runs, for front ends
//! that hold a buffer (the language server): flags parsed as `invokecfg lint`
//! parses them, the nearest `invokecfg.json` applied.
//!
//! ```
//! use invokecfg_cli::{LintSettings, TextLint};
//! use std::path::Path;
//!
//! let settings = LintSettings::from_flags(&["--select=R".to_string()]).unwrap();
//! let text = br#"{"maxAsyncRetryAttempts": 12, "maxAsyncRetryAttempt": 1}"#;
//! let TextLint::Findings { diagnostics, .. } = settings.lint_text(Path::new("fc.json"), text) else {
//!     panic!("a config")
//! };
//! let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, [invokecfg_lint::RuleCode::R202.as_str()]); // S106 (the misspelt key) is not selected
//! assert!(LintSettings::from_flags(&["--select=X9".to_string()]).is_err());
//! ```

// `unsafe_code` is forbidden by [workspace.lints]. No `unwrap` in the crate's
// own code (unit tests may: clippy.toml; integration tests are other crates).
#![deny(clippy::unwrap_used)]

mod config;
mod diff;
mod editor;
mod escape;
mod formats;
mod io;
mod lint_cmd;
mod notes;
mod outputs;
mod report;
mod translate_cmd;
mod values;

pub use config::CONFIG_NAMES;
pub use editor::{LintSettings, TextLint};
pub use formats::rule_page_url;

use crate::escape::{controls, Newlines};
use clap::{Args, Parser, Subcommand, ValueEnum};
use invokecfg_model::schema::SchemaName;
use invokecfg_model::Severity;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "invokecfg",
    version,
    about = "Lint and translate serverless async invocation configs: Alibaba Cloud Function Compute (FC 2.0, FC 3.0), Huawei Cloud FunctionGraph, AWS Lambda and Tencent Cloud SCF",
    after_help = "Examples:\n  invokecfg lint configs/\n  invokecfg lint --format sarif --target huawei configs/ > invokecfg.sarif\n  invokecfg translate --to huawei --map mapping.json fc2-config.json\n  invokecfg schema huawei\n  invokecfg explain R201"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint config files: stable rule codes, exact line:column, safe fixes.
    Lint(LintArgs),
    /// Translate configs to another dialect, noting every change.
    Translate(TranslateArgs),
    /// List the embedded JSON Schemas, or print one (byte-identical to schemas/NAME.schema.json).
    Schema {
        /// alibaba-fc2, alibaba-fc3, huawei, aws-lambda, tencent-scf, mapping, lint-report, translate-report or config.
        name: Option<String>,
    },
    /// List every lint rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Print a rule's documentation: what it reports, why, an example, the fix.
    Explain {
        /// Rule code (R201) or name (event-age-out-of-range).
        code: String,
    },
    /// Run the language server for editors (LSP over stdio).
    Server,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

/// How findings are printed.
#[derive(Clone, Copy, Default, ValueEnum)]
pub(crate) enum LintFormat {
    /// Source snippets with carets (colored on a terminal or with CLICOLOR_FORCE, never with NO_COLOR).
    #[default]
    Text,
    /// The versioned report of schemas/lint-report.schema.json.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Args, Default)]
#[command(
    after_help = "Examples:\n  invokecfg lint .\n  invokecfg lint --select R,I3 --ignore I309 configs/\n  cat c.json | invokecfg lint --stdin-filename c.json\n  invokecfg lint --fix configs/\n  invokecfg lint --format sarif --output-file invokecfg.sarif configs/"
)]
pub(crate) struct LintArgs {
    /// Files or directories (walked for *.json, respecting .gitignore); `-` reads stdin. Default: `.`, or stdin with --stdin-filename.
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
    /// Dialect of the documents (naming one also lints files with no key of any dialect).
    #[arg(long, value_name = "DIALECT", value_parser = values::dialect_choices())]
    pub dialect: Option<String>,
    /// Also report what a translation to this dialect would clamp, refuse or shorten.
    #[arg(long, value_parser = values::target_choices())]
    pub target: Option<String>,
    /// Mapping file the --target findings translate with (as `translate --map`).
    #[arg(long, value_name = "FILE", requires = "target")]
    pub map: Option<String>,
    /// Configuration file (default: the nearest invokecfg.json or .invokecfg.json).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Rules to run: codes, code prefixes, names or ALL, comma-separated.
    #[arg(long, value_name = "CODES", value_delimiter = ',', value_parser = values::selector)]
    pub select: Vec<String>,
    /// Rules to skip: codes, code prefixes or names, comma-separated.
    #[arg(long, value_name = "CODES", value_delimiter = ',', value_parser = values::selector)]
    pub ignore: Vec<String>,
    /// Severity override, SELECTOR=error|warning|info (repeatable).
    #[arg(long, value_name = "SELECTOR=SEVERITY", value_parser = values::severity_override)]
    pub severity: Vec<(String, Severity)>,
    /// Apply safe fixes in place (atomically, through symlinks); with stdin, print the fixed text.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too (they can change what the config means).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the changes --fix would make as a unified diff, write nothing; exit 1 if there are any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// List each fix --fix applied (code, position, what it did) after the findings.
    #[arg(long)]
    pub show_fixes: bool,
    /// Exit 0 even when error findings remain (I/O and usage errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print the findings only: no summary, no notes.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Write the output to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<String>,
    /// Apply the config file's `exclude` to paths named on the command line too (for pre-commit).
    #[arg(long)]
    pub force_exclude: bool,
    /// The name to show for stdin; without paths, stdin is read.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// The function's ARN or URN, for documents that do not carry it.
    #[arg(long, value_name = "ARN_OR_URN", value_parser = values::function)]
    pub function: Option<String>,
    /// Base URL of the rule pages (docs/rules/CODE.md); SARIF `helpUri` is given only with it.
    #[arg(long, value_name = "URL", value_parser = values::rules_url)]
    pub rules_url: Option<String>,
    /// Say, on stderr, which dialect each file was read as and why, and what was skipped.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Args)]
#[command(
    after_help = "Examples:\n  invokecfg translate --to huawei --map mapping.json config.json > fg.json\n  invokecfg translate --to alibaba-fc3 --out-dir out/ \\\n      --report report.json configs/\n  invokecfg translate --to huawei --map mapping.json \\\n      --function acs:fc:cn-shanghai:1234567890123456:services/s/functions/f \\\n      body.json"
)]
pub(crate) struct TranslateArgs {
    /// Input files; `-` (or none) reads stdin.
    pub inputs: Vec<String>,
    /// Target dialect: alibaba-fc2, alibaba-fc3, huawei, aws-lambda or tencent-scf.
    #[arg(long)]
    pub to: String,
    /// Source dialect (default: detected from the keys).
    #[arg(long)]
    pub from: Option<String>,
    /// Mapping file: regions, accounts, packages, qualifiers, destinations.
    #[arg(long)]
    pub map: Option<String>,
    /// Refuse the translation if any note is a warning.
    #[arg(long)]
    pub strict: bool,
    /// Drop what cannot be mapped (with a warning note) instead of refusing.
    #[arg(long)]
    pub allow_lossy: bool,
    /// Write the output here (one input only).
    #[arg(short = 'o', long = "output")]
    pub output: Option<String>,
    /// Write each output into this directory under its input's file name.
    #[arg(long)]
    pub out_dir: Option<String>,
    /// Write a JSON report of every note (schemas/translate-report.schema.json).
    #[arg(long)]
    pub report: Option<String>,
    /// The function's ARN or URN, for documents that do not carry it.
    #[arg(long)]
    pub function: Option<String>,
    /// For YAML inputs: `terraform` writes the target's Terraform resource;
    /// `json` its API JSON (default: YAML in place for alibaba-fc3, else JSON).
    #[arg(long, value_parser = ["terraform", "json"])]
    pub format: Option<String>,
    /// Say which dialect was detected and why, and print every note on its
    /// own line (a list's notes are otherwise grouped: one line per kind).
    #[arg(long, short)]
    pub verbose: bool,
}

impl LintArgs {
    /// Which fixes `--fix` and `--diff` apply.
    pub fn which_fixes(&self) -> invokecfg_lint::UnsafeFixes {
        if self.unsafe_fixes {
            invokecfg_lint::UnsafeFixes::Enabled
        } else {
            invokecfg_lint::UnsafeFixes::Disabled
        }
    }
}

fn schema(name: Option<&str>) -> ExitCode {
    match name {
        None => {
            for s in SchemaName::ALL {
                println!("{:<18} {:<32} {}", s.name(), format!("schemas/{}", s.file_name()), s.summary());
            }
            ExitCode::SUCCESS
        }
        Some(n) => match n.parse::<SchemaName>() {
            Ok(s) => {
                print!("{}", s.text());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("invokecfg: error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn rules(format: RulesFormat) -> ExitCode {
    let rules = invokecfg_lint::rules();
    match format {
        RulesFormat::Json => {
            let v: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    let applicability: Vec<&str> = r.applicability.iter().map(|a| a.as_str()).collect();
                    serde_json::json!({
                        "code": r.code, "rule": r.name, "severity": r.severity.as_str(), "summary": r.summary,
                        "fixable": r.fixable(), "fix": r.fix.as_str(), "applicability": applicability,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        RulesFormat::Text => {
            for r in rules {
                println!(
                    "{:<6} {:<36} {:<8} {}{}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary,
                    r.fix_summary().map(|f| format!(" [fix: {f}]")).unwrap_or_default()
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// Levenshtein distance, as the lint crate's did-you-mean measures it.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

fn explain(code: &str) -> ExitCode {
    match invokecfg_lint::rule(code) {
        Some(r) => {
            println!(
                "{} ({}) [{}]{}\n",
                r.code,
                r.name,
                r.severity.as_str(),
                r.fix_summary().map(|f| format!(" [fix: {f}]")).unwrap_or_default()
            );
            println!("{}", r.docs.trim_end());
            ExitCode::SUCCESS
        }
        None => {
            let lower = code.to_ascii_lowercase();
            let best = invokecfg_lint::rules()
                .iter()
                .map(|r| (edit_distance(&lower, &r.code.to_ascii_lowercase()).min(edit_distance(&lower, r.name)), r))
                .min_by_key(|(d, _)| *d);
            eprint!("invokecfg: error: no rule `{code}`");
            match best {
                Some((d, r)) if d <= 3 => eprintln!("; did you mean `{}` ({})?", r.code, r.name),
                _ => eprintln!("; `invokecfg rules` lists them"),
            }
            ExitCode::from(2)
        }
    }
}

/// Runs the command line; returns the process exit code. `server` is the
/// language server (`invokecfg-server`, which depends on this crate for its
/// lint, so the binary hands it in).
pub fn main(server: fn() -> ExitCode) -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let shown = matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if shown {
                let _ = e.print();
                return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
            }
            // Clap quotes the user's value: a control character in it must not reach the terminal.
            eprint!("{}", controls(&e.render().to_string(), Newlines::Kept));
            return ExitCode::from(2);
        }
    };
    match &cli.command {
        Command::Lint(args) => lint_cmd::run(args),
        Command::Translate(args) => translate_cmd::run(args),
        Command::Schema { name } => schema(name.as_deref()),
        Command::Rules { format } => rules(*format),
        Command::Explain { code } => explain(code),
        Command::Server => server(),
    }
}
