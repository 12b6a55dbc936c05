//! The command line: each flag is defined once here, and that definition
//! drives parsing, `--help` and the shell completions.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::cmd;
use crate::error::Error;
use crate::words::{Lang, Notice, Topic};

#[derive(Debug, Parser)]
#[command(name = "subsidy", version = env!("SUBSIDY_LONG_VERSION"))]
pub struct Cli {
    /// Language of tables, reasons and messages [default: SUBSIDY_LANG, or zh]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

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

    /// The catalogue of items, one item or clause, validation and worked cases
    #[command(subcommand)]
    Policy(PolicyCommand),

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

    /// Write the output to FILE (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Any invalid row: exit 1 and write nothing
    #[arg(long)]
    pub strict: bool,

    /// Leave out the byte-order mark that Excel needs (for scripts)
    #[arg(long)]
    pub no_bom: bool,
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

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// The catalogue: clause, item, name, kind, figure, who, rules and caps
    List {
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
    let result: Result<(), Error> = match cli.command {
        Command::Calc(args) => cmd::calc::run(&args, lang),
        Command::Check(args) => cmd::check::run(&args, lang),
        Command::Explain(args) => cmd::explain::run(&args, lang),
        Command::Policy(command) => cmd::policy::run(&command, lang),
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
