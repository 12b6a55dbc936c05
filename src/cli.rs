//! The command line: each flag is defined once here, and that definition
//! drives parsing, `--help` and the shell completions.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::claims::limits::Limits;
use crate::cmd;
use crate::error::Error;
use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "subsidy",
    version,
    about = "连州市知识产权资助计算器 — Lianzhou IP subsidy calculator",
    long_about = "Computes the intellectual-property subsidies of 连州市 from the measures \
                  (a TOML policy file, bundled) and a CSV of claims: one cap-aware pass, \
                  then tables, a payout CSV or JSON.",
    after_help = "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy check --item high_value_patent --type 企业 --quantity 3
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy policy list

Exit codes: 0 done; 1 invalid data under --strict, unreadable input, bad policy; 2 wrong usage."
)]
pub struct Cli {
    /// Language of tables, reasons and messages (or SUBSIDY_LANG).
    #[arg(
        long,
        global = true,
        value_enum,
        env = "SUBSIDY_LANG",
        default_value = "zh"
    )]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a batch of claims: tables, payout CSV or JSON
    #[command(after_help = "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy calc samples/claims-2024.csv --out payout-2024.csv
  subsidy calc batch2.csv --ledger payout-2024.csv --format json
  cat claims.csv | subsidy calc - --format csv --no-bom")]
    Calc(CalcArgs),

    /// Dry-run one claim before filing it, with its derivation
    #[command(after_help = "Examples:
  subsidy check --item high_value_patent --type 企业 --quantity 3 --date 2024-05-01
  subsidy check --item 首次获得高价值发明专利认定 --type enterprise --tags 专精特新
  subsidy check --item patent_transfer --type enterprise --amount 1,200,000 \\
                --applicant 91441882MA5ABCDE12 --ledger payout-2024.csv")]
    Check(Box<CheckArgs>),

    /// Explain how claims of a batch were decided, cap by cap
    #[command(after_help = "Examples:
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy explain samples/claims-2024.csv --claim C-003 --claim C-040 --lang en
  subsidy explain samples/claims-2024.csv --applicant 91441882MA51234567 --ledger samples/ledger-2024.csv")]
    Explain(ExplainArgs),

    /// The catalogue of items, one item or clause, validation and worked cases
    #[command(subcommand)]
    Policy(PolicyCommand),

    /// Print a shell completion script
    #[command(after_help = "Examples:
  subsidy completions bash > /etc/bash_completion.d/subsidy
  subsidy completions zsh > \"${fpath[1]}/_subsidy\"
  subsidy completions fish > ~/.config/fish/completions/subsidy.fish")]
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

    #[command(flatten)]
    pub limits: InputLimits,
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

    /// Valid invention patents held
    #[arg(long, value_name = "N")]
    pub valid_invention_patents: Option<String>,

    /// Years of continuous service
    #[arg(long, value_name = "YEARS")]
    pub service_years: Option<String>,

    /// Any other fact the policy declares, as ID=VALUE (repeatable)
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
    #[command(after_help = "Examples:
  subsidy policy list
  subsidy policy list --lang en
  subsidy policy list --policy my-policy.toml")]
    List {
        #[command(flatten)]
        measures: PolicyFile,
    },
    /// One item (by id or Chinese name) or one clause (1, 一 or （一）) in full
    #[command(after_help = "Examples:
  subsidy policy show high_value_patent
  subsidy policy show 十二
  subsidy policy show 5 --lang en")]
    Show {
        /// Item id or name, or clause number
        id: String,
        #[command(flatten)]
        measures: PolicyFile,
    },
    /// Check a policy file and list every problem with its line and key
    #[command(after_help = "Examples:
  subsidy policy validate                    # the bundled policy
  subsidy policy validate my-policy.toml")]
    Validate {
        /// The policy file [default: the bundled one]
        file: Option<PathBuf>,
    },
    /// Run the worked cases kept beside a policy file
    #[command(after_help = "Examples:
  subsidy policy test                                   # bundled policy and cases
  subsidy policy test my-policy.toml                    # reads my-policy.cases.toml
  subsidy policy test my-policy.toml extra.cases.toml")]
    Test {
        /// The policy file [default: the bundled one]
        policy: Option<PathBuf>,
        /// The cases file [default: POLICY with .cases.toml, or the bundled cases]
        cases: Option<PathBuf>,
    },
}

/// Parses the arguments, runs the command, prints any error; the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let lang = cli.lang;
    let result: Result<(), Error> = match cli.command {
        Command::Calc(args) => cmd::calc::run(&args, lang),
        Command::Check(args) => cmd::check::run(&args, lang),
        Command::Explain(args) => cmd::explain::run(&args, lang),
        Command::Policy(command) => cmd::policy::run(&command, lang),
        Command::Completions { shell } => cmd::write_stdout(|out| {
            clap_complete::generate(shell, &mut Cli::command(), "subsidy", out);
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
