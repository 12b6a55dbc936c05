//! The command line: each flag is defined once here, and that definition
//! drives parsing, `--help` and the shell completions.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::claims::limits::Limits;
use crate::cmd;
use crate::decode::Encoding;
use crate::error::Error;
use crate::words::{Lang, Notice, Topic};

#[derive(Debug, Parser)]
#[command(name = "subsidy", version = env!("SUBSIDY_LONG_VERSION"))]
pub struct Cli {
    /// Language of tables, reasons and messages [default: SUBSIDY_LANG, or zh]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Print individuals' ID numbers whole in tables, derivations and
    /// messages (the payout always carries them whole)
    #[arg(long, global = true)]
    pub show_ids: bool,

    /// No progress bar on stderr, however long the batch
    #[arg(long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a batch of claims: tables, payout CSV or JSON
    Calc(CalcArgs),

    /// Dry-run one claim before filing it, with its derivation
    Check(Box<CheckArgs>),

    /// Explain how claims of a batch were decided, cap by cap
    Explain(ExplainArgs),

    /// One batch under two policies: totals, clauses, applicants, statuses
    Compare(CompareArgs),

    /// The year's payouts tabulated: by clause, type, month, batch, reason
    Report(ReportArgs),

    /// The catalogue of items, one item or clause, validation and worked cases
    #[command(subcommand)]
    Policy(PolicyCommand),

    /// An empty claims file to fill in: .xlsx with drop-downs and the catalogue, or CSV
    Template(TemplateArgs),
    /// Serve the dry run as a web page for applicants
    Serve(ServeArgs),

    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// `--policy`: which measures apply (the bundled ones when absent).
#[derive(Debug, Args)]
pub struct PolicyFile {
    /// A policy file instead of the bundled measures
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

impl PolicyFile {
    pub fn path(&self) -> Option<&std::path::Path> {
        self.policy.as_deref()
    }
}

/// `--policy` and `--ledger`: the measures, and what was paid before.
#[derive(Debug, Args)]
pub struct Sources {
    #[command(flatten)]
    pub measures: PolicyFile,

    /// An earlier payout CSV of this tool, counted as already paid (repeatable)
    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,

    /// Change one figure of the policy for this run, e.g.
    /// clause.1.annual_cap=80000 (repeatable; the file is not changed)
    #[arg(long, value_name = "KEY=VALUE")]
    pub set: Vec<String>,

    #[command(flatten)]
    pub reading: Reading,
}

/// `--encoding` and `--sheet`: how the claims file and the ledgers are read.
#[derive(Debug, Clone, Default, Args)]
pub struct Reading {
    /// Encoding of the claims file and ledgers: auto (a byte-order mark, else
    /// UTF-8, else GB18030), utf-8, gb18030 (or gbk), utf-16
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Auto)]
    pub encoding: Encoding,

    /// The sheet of an .xlsx, .xls or .ods claims file [default: the first]; a
    /// workbook ledger is read from this sheet if it has one, else from 明细,
    /// else from its first
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// `subsidy serve`: the page for applicants.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub measures: PolicyFile,

    /// Address to listen on; loopback unless told otherwise (port 0: any free port)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: String,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    /// The claims CSV; `-` or nothing reads standard input
    pub claims: Option<PathBuf>,

    #[command(flatten)]
    pub sources: Sources,

    /// Output format [default: table, or csv with --out]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE (atomically) instead of standard output; a
    /// FILE ending in .xlsx gets an Excel workbook
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Any invalid row: exit 1 and write nothing
    #[arg(long)]
    pub strict: bool,

    /// Leave out the byte-order mark that Excel needs (for scripts)
    #[arg(long)]
    pub no_bom: bool,

    /// A fixed fund: above it, the claims are scaled to add up to it exactly
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,

    /// Clauses paid in full before the rest is scaled, e.g. 1,7,11
    #[arg(long, value_name = "CLAUSES", requires = "budget")]
    pub budget_priority: Option<String>,

    /// The payout CSV's header row: en (claim_id, …) or zh (申报编号, …)
    #[arg(long, value_enum, default_value_t = Headers::En)]
    pub headers: Headers,

    #[command(flatten)]
    pub limits: InputLimits,
}

/// `--headers`: the language of the payout CSV's header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Headers {
    En,
    Zh,
}

/// How much one input may ask the reader to hold (a claims file or ledger
/// beyond them is refused).
#[derive(Debug, Args)]
pub struct InputLimits {
    /// Refuse a cell longer than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_field_bytes)]
    pub max_field_bytes: u64,

    /// Refuse a row longer than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_record_bytes)]
    pub max_record_bytes: u64,

    /// Refuse a file of more rows than this
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_rows)]
    pub max_rows: u64,
}

impl InputLimits {
    pub fn get(&self) -> Limits {
        Limits {
            max_field_bytes: self.max_field_bytes,
            max_record_bytes: self.max_record_bytes,
            max_rows: self.max_rows,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Item id, or the item's Chinese name
    #[arg(long)]
    pub item: String,

    /// Applicant type: enterprise, institution, individual, agency, park,
    /// organization, or a Chinese name such as 企业
    #[arg(long = "type", value_name = "TYPE")]
    pub applicant_type: String,

    /// How many (patents, works, awards, cases, grants)
    #[arg(long)]
    pub quantity: Option<String>,

    /// Yuan: the transaction amount, interest, premium or approved amount
    #[arg(long)]
    pub amount: Option<String>,

    /// Date of the event [default: today]
    #[arg(long)]
    pub date: Option<String>,

    /// Tags such as srdi, hnte, above_scale or 专精特新 (separated by , or ;)
    #[arg(long)]
    pub tags: Option<String>,

    /// Patent, certificate or case number
    #[arg(long = "ref", value_name = "REF")]
    pub reference: Option<String>,

    /// Score, for items ranked under a quota
    #[arg(long)]
    pub score: Option<String>,

    /// A fact the policy declares, as ID=VALUE (repeatable; listed below)
    #[arg(long, value_name = "ID=VALUE")]
    pub fact: Vec<String>,

    /// The project already has support under another city policy
    #[arg(long)]
    pub other_city_support: bool,

    /// The applicant's id, so that its rows in a ledger count
    #[arg(long, value_name = "ID")]
    pub applicant: Option<String>,

    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The claims CSV of the batch
    pub claims: PathBuf,

    /// A claim id to explain (repeatable)
    #[arg(long, value_name = "ID", required_unless_present = "applicant")]
    pub claim: Vec<String>,

    /// Explain every claim of this applicant
    #[arg(long, value_name = "ID")]
    pub applicant: Option<String>,

    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The claims CSV, run under both policies
    pub claims: PathBuf,

    /// The baseline policy file [default: the bundled one]
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,

    /// The alternative policy file [default: the bundled one]
    #[arg(long, value_name = "FILE")]
    pub alt: Option<PathBuf>,

    /// Change one figure of the baseline, e.g. clause.1.annual_cap=80000 (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub base_set: Vec<String>,

    /// Change one figure of the alternative (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub alt_set: Vec<String>,

    /// An earlier payout CSV, counted as already paid on both sides (repeatable)
    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,

    #[command(flatten)]
    pub reading: Reading,

    /// Output format [default: table, or csv with --out]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write the cost sheet to FILE: .xlsx gets a workbook with a chart, anything else CSV
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Leave out the byte-order mark that Excel needs (for scripts)
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The year's payout CSVs of this tool, one per batch
    #[arg(required = true)]
    pub ledgers: Vec<PathBuf>,

    /// The year's fund, to show what was used and what is left
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,

    /// Output format [default: table, or csv with --out]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE instead of standard output: .xlsx gets a
    /// workbook with charts, anything else CSV
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Leave out the byte-order mark that Excel needs (for scripts)
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Write the template to FILE: .xlsx gets a workbook, anything else CSV
    /// [default: CSV on standard output]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// The CSV's header row: en (claim_id, …) or zh (申请编号, …); the
    /// workbook's is Chinese
    #[arg(long, value_enum, default_value_t = Headers::En)]
    pub headers: Headers,

    #[command(flatten)]
    pub measures: PolicyFile,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// The catalogue: clause, item, name, kind, figure, who, rules and caps
    List {
        /// Output format [default: table]
        #[arg(long, value_enum)]
        format: Option<Format>,
        #[command(flatten)]
        measures: PolicyFile,
    },
    /// One item (by id or Chinese name) or one clause (1, 一 or （一）) in full
    Show {
        /// Item id or name, or clause number
        id: String,
        #[command(flatten)]
        measures: PolicyFile,
    },
    /// Check a policy file and list every problem with its line and key
    Validate {
        /// The policy file [default: the bundled one]
        file: Option<PathBuf>,
    },
    /// Every figure that differs between two policy files, side by side
    Diff {
        /// The baseline policy file
        base: PathBuf,
        /// The alternative policy file
        alt: PathBuf,
    },
    /// Run the worked cases kept beside a policy file
    Test {
        /// The policy file [default: the bundled one]
        policy: Option<PathBuf>,
        /// The cases file [default: POLICY with .cases.toml, or the bundled cases]
        cases: Option<PathBuf>,
    },
}

/// The command line with its help in `lang`: what the tool is, the
/// examples of each command, and under `check` the facts `facts` declares.
pub fn command(lang: Lang, facts: &[(&str, &str)]) -> clap::Command {
    let words = lang.words();
    let mut command = Cli::command()
        .about(words.about())
        .long_about(words.long_about())
        .after_help(words.examples(Topic::Main));
    for (topic, path) in Topic::COMMANDS {
        let mut text = words.examples(topic).to_string();
        if topic == Topic::Check && !facts.is_empty() {
            text = format!("{}\n\n{text}", words.facts_declared(facts));
        }
        command = with_help(command, path, text);
    }
    for (topic, path) in crate::whatif::WhatIfTopic::COMMANDS {
        command = with_help(command, path, words.whatif_examples(topic).to_string());
    }
    command
}

fn with_help(command: clap::Command, path: &[&str], text: String) -> clap::Command {
    match path {
        [] => command.after_help(text),
        [first, rest @ ..] => {
            let first = first.to_string();
            command.mut_subcommand(first, |sub| with_help(sub, rest, text))
        }
    }
}

/// The language before the arguments are parsed (help and usage errors
/// are said in it): `--lang`, else `SUBSIDY_LANG` read by its language part
/// in any case (`EN`, `zh_CN.UTF-8`), else Chinese. A `SUBSIDY_LANG` that
/// names no language of the tool is warned about and ignored, never an
/// error that `--lang` could not override.
pub fn early_lang(args: &[std::ffi::OsString]) -> (Lang, Option<String>) {
    let mut given = None;
    for (i, arg) in args.iter().enumerate() {
        let arg = arg.to_string_lossy();
        if let Some(v) = arg.strip_prefix("--lang=") {
            given = Some(v.to_string());
        } else if arg == "--lang" {
            given = args.get(i + 1).map(|v| v.to_string_lossy().into_owned());
        }
    }
    if let Some(lang) = given.as_deref().and_then(Lang::from_name) {
        return (lang, None);
    }
    match std::env::var("SUBSIDY_LANG") {
        Ok(v) if v.trim().is_empty() => (Lang::default(), None),
        Ok(v) => match Lang::from_name(&v) {
            Some(lang) => (lang, None),
            None => (Lang::default(), Some(v)),
        },
        Err(_) => (Lang::default(), None),
    }
}

/// Under `check`, the facts of the policy the arguments name (or of the
/// bundled one), for its help.
fn declared_facts(args: &[std::ffi::OsString], lang: Lang) -> Vec<(String, String)> {
    let is_check = args.iter().skip(1).any(|a| a == "check");
    if !is_check {
        return Vec::new();
    }
    let path = args
        .iter()
        .position(|a| a == "--policy")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    match cmd::load_policy(path.as_deref()) {
        Ok(policy) => policy
            .facts
            .iter()
            .map(|f| (f.id.clone(), f.label(lang).to_string()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Parses the arguments, runs the command, prints any error; the exit code.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let (lang, ignored) = early_lang(&args);
    if let Some(value) = ignored {
        eprintln!(
            "{}",
            lang.words().notice(&Notice::LangIgnored { value: &value })
        );
    }
    let facts = declared_facts(&args, lang);
    let facts: Vec<(&str, &str)> = facts
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    let matches = match command(lang, &facts).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return 2;
        }
    };
    let lang = cli.lang.unwrap_or(lang);
    crate::text::show_ids(cli.show_ids);
    crate::progress::set_quiet(cli.quiet);
    let result: Result<(), Error> = match cli.command {
        Command::Calc(args) => cmd::calc::run(&args, lang),
        Command::Check(args) => cmd::check::run(&args, lang),
        Command::Explain(args) => cmd::explain::run(&args, lang),
        Command::Compare(args) => cmd::compare::run(&args, lang),
        Command::Report(args) => cmd::review::run(&args, lang),
        Command::Policy(command) => cmd::policy::run(&command, lang),
        Command::Template(args) => cmd::template::run(&args, lang),
        Command::Serve(args) => return crate::serve::command(&args, lang),
        Command::Completions { shell } => cmd::write_stdout(|out| {
            clap_complete::generate(shell, &mut command(lang, &[]), "subsidy", out);
            Ok(())
        }),
    };
    match result {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            e.exit_code()
        }
    }
}
