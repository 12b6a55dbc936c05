//! The command line: each flag is defined once here, and that definition
//! drives parsing, `--help` and the shell completions. Its words (help,
//! headings, usage errors) come from the words layer in the language chosen
//! before parsing (`localise`).
//!
//! What is parsed is plain data: this module knows no command, so the
//! commands read their arguments from it without a loop; `app` hands the
//! parsed command to its module.

mod localise;

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::claims::limits::Limits;
use crate::decode::Encoding;
use crate::words::{Lang, Topic};

#[derive(Debug, Parser)]
#[command(name = "subsidy", version = env!("SUBSIDY_LONG_VERSION"))]
pub struct Cli {
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    #[arg(long, global = true)]
    pub show_ids: bool,

    #[arg(long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Calc(CalcArgs),

    Check(Box<CheckArgs>),

    Explain(ExplainArgs),

    Compare(CompareArgs),

    Report(ReportArgs),

    #[command(subcommand)]
    Policy(PolicyCommand),

    #[command(subcommand)]
    Book(BookCommand),

    Template(TemplateArgs),
    Serve(ServeArgs),

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

    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,

    #[arg(long, value_name = "KEY=VALUE")]
    pub set: Vec<String>,

    #[command(flatten)]
    pub reading: Reading,
}

/// `--encoding`, `--sheet` and what the office says of its headers: how
/// the claims file and the ledgers are read.
#[derive(Debug, Clone, Default, Args)]
pub struct Reading {
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = Encoding::Auto)]
    pub encoding: Encoding,

    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    #[arg(long, value_name = "COLUMN=HEADER")]
    pub column: Vec<String>,

    #[arg(long, value_name = "HEADER")]
    pub ignore_column: Vec<String>,

    #[arg(long, value_name = "FILE")]
    pub columns: Option<PathBuf>,
}

/// `subsidy serve`: the page for applicants.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub measures: PolicyFile,

    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: String,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    pub claims: Option<PathBuf>,

    #[command(flatten)]
    pub sources: Sources,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[arg(long)]
    pub strict: bool,

    #[arg(long)]
    pub no_bom: bool,

    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,

    #[arg(long, value_name = "CLAUSES", requires = "budget")]
    pub budget_priority: Option<String>,

    #[arg(long, value_enum, default_value_t = Headers::En)]
    pub headers: Headers,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub office: BookFile,

    #[arg(long, requires = "book", conflicts_with = "ledger")]
    pub commit: bool,

    #[arg(long, value_name = "NAME", requires = "commit")]
    pub by: Option<String>,
}

/// `--book`: the office's book, or `SUBSIDY_BOOK` so that an office names
/// it once.
#[derive(Debug, Args)]
pub struct BookFile {
    #[arg(long, value_name = "FILE", env = "SUBSIDY_BOOK")]
    pub book: Option<PathBuf>,
}

/// `subsidy book …`: the office's book.
#[derive(Debug, Subcommand)]
pub enum BookCommand {
    Init {
        file: PathBuf,
    },
    List {
        #[command(flatten)]
        office: BookFile,
    },
    Show {
        batch: i64,
        #[command(flatten)]
        office: BookFile,
    },
    Export {
        batch: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        office: BookFile,
    },
    Verify {
        #[command(flatten)]
        office: BookFile,
    },
    Void {
        batch: i64,
        #[arg(long, value_name = "TEXT")]
        reason: String,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        #[command(flatten)]
        office: BookFile,
    },
    Publish {
        #[arg(long, value_name = "YEAR")]
        year: i32,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        measures: PolicyFile,
        #[command(flatten)]
        office: BookFile,
    },
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        #[command(flatten)]
        measures: PolicyFile,
        #[command(flatten)]
        reading: Reading,
        #[command(flatten)]
        office: BookFile,
    },
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
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_field_bytes)]
    pub max_field_bytes: u64,

    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_record_bytes)]
    pub max_record_bytes: u64,

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
    #[arg(long)]
    pub item: String,

    #[arg(long = "type", value_name = "TYPE")]
    pub applicant_type: String,

    #[arg(long)]
    pub quantity: Option<String>,

    #[arg(long)]
    pub amount: Option<String>,

    #[arg(long)]
    pub date: Option<String>,

    #[arg(long)]
    pub tags: Option<String>,

    #[arg(long = "ref", value_name = "REF")]
    pub reference: Option<String>,

    #[arg(long)]
    pub score: Option<String>,

    #[arg(long, value_name = "ID=VALUE")]
    pub fact: Vec<String>,

    #[arg(long)]
    pub other_city_support: bool,

    #[arg(long, value_name = "ID")]
    pub applicant: Option<String>,

    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    pub claims: PathBuf,

    #[arg(long, value_name = "ID", required_unless_present = "applicant")]
    pub claim: Vec<String>,

    #[arg(long, value_name = "ID")]
    pub applicant: Option<String>,

    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[arg(required_unless_present = "year")]
    pub claims: Option<PathBuf>,

    #[arg(
        long,
        value_name = "YEAR",
        requires = "book",
        conflicts_with = "claims"
    )]
    pub year: Option<i32>,

    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,

    #[arg(long, value_name = "FILE")]
    pub alt: Option<PathBuf>,

    #[arg(long, value_name = "KEY=VALUE")]
    pub base_set: Vec<String>,

    #[arg(long, value_name = "KEY=VALUE")]
    pub alt_set: Vec<String>,

    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,

    #[command(flatten)]
    pub reading: Reading,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[arg(long)]
    pub no_bom: bool,

    #[command(flatten)]
    pub office: BookFile,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(required_unless_present = "book")]
    pub ledgers: Vec<PathBuf>,

    /// Named on the command line only: a `SUBSIDY_BOOK` of the environment
    /// added to payout files given would count their rows twice.
    #[arg(long, value_name = "FILE")]
    pub book: Option<PathBuf>,

    #[arg(long, value_name = "YEAR", requires = "book")]
    pub year: Option<i32>,

    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,

    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[arg(long)]
    pub no_bom: bool,

    #[command(flatten)]
    pub measures: PolicyFile,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Headers::En)]
    pub headers: Headers,

    #[command(flatten)]
    pub measures: PolicyFile,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    List {
        #[arg(long, value_enum)]
        format: Option<Format>,
        #[command(flatten)]
        measures: PolicyFile,
    },
    Show {
        id: String,
        #[command(flatten)]
        measures: PolicyFile,
    },
    Validate {
        file: Option<PathBuf>,
    },
    Diff {
        base: PathBuf,
        alt: PathBuf,
    },
    Test {
        policy: Option<PathBuf>,
        cases: Option<PathBuf>,
    },
}

/// `--lang`, written out rather than derived so that clap stays out of the
/// leaf `lang` that the layers below the command line import.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Zh, Lang::En]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let name = match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        Some(clap::builder::PossibleValue::new(name))
    }
}

/// The command line with its help in `lang`: what the tool is, the
/// examples of each command, and under `check` the facts `facts` declares.
pub fn command(lang: Lang, facts: &[(&str, &str)]) -> clap::Command {
    let words = lang.words();
    let mut command = localise::localise(Cli::command(), words)
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

/// The command line parsed in `lang`, or the exit code when there is
/// nothing to run: help or the version printed, or a usage error said.
pub fn parse(args: &[std::ffi::OsString], lang: Lang, facts: &[(&str, &str)]) -> Result<Cli, i32> {
    let mut parser = command(lang, facts);
    let matches = match parser.try_get_matches_from_mut(args) {
        Ok(m) => m,
        Err(e) => return Err(usage_failed(&e, lang)),
    };
    if let Some(("help", asked)) = matches.subcommand() {
        return Err(help(parser, asked, lang));
    }
    Cli::from_arg_matches(&matches).map_err(|e| usage_failed(&e, lang))
}

/// `subsidy help [COMMAND]…`: the help of that command, as `--help` gives it.
fn help(command: clap::Command, asked: &clap::ArgMatches, lang: Lang) -> i32 {
    let mut args = vec![command.get_name().to_string()];
    args.extend(
        asked
            .get_many::<String>("command")
            .into_iter()
            .flatten()
            .cloned(),
    );
    args.push("--help".to_string());
    match command.try_get_matches_from(args) {
        Ok(_) => 0,
        Err(e) => usage_failed(&e, lang),
    }
}

/// Help or the version printed as asked (exit 0), else the usage error in
/// `lang` (exit 2).
fn usage_failed(error: &clap::Error, lang: Lang) -> i32 {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            2
        }
        _ => {
            eprintln!("{}", localise::usage_error(error, lang.words()));
            2
        }
    }
}
