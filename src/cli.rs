//! The command line: each flag defined once here drives parsing and help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
                  then tables, a payout CSV or JSON."
)]
pub struct Cli {
    /// Language of tables, reasons and messages.
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
    /// Run a batch of claims: tables, payout CSV or JSON.
    #[command(after_help = CALC_EXAMPLES)]
    Calc(CalcArgs),
}

const CALC_EXAMPLES: &str = "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy calc samples/claims-2024.csv --out payout-2024.csv
  subsidy calc batch2.csv --ledger payout-2024.csv --format json
  cat claims.csv | subsidy calc - --format csv --no-bom";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    /// The claims CSV; `-` or nothing reads standard input.
    pub claims: Option<PathBuf>,

    /// A policy file instead of the bundled measures.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// An earlier payout CSV of this tool, counted as already paid (repeatable).
    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,

    /// Output format [default: table, or csv with --out].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Any invalid row: exit 1 and write nothing.
    #[arg(long)]
    pub strict: bool,

    /// Leave out the byte-order mark that Excel needs (for scripts).
    #[arg(long)]
    pub no_bom: bool,
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
