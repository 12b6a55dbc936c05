//! `--help` in English: what each command and flag does, the headings of a
//! help page, and what is wrong with a command line.

use crate::words::help::{Cmd, Flag, HelpWord, UsageError};

/// A table, one line per flag: longer than a function should be, but flat.
#[allow(clippy::too_many_lines)]
pub(super) fn flag(flag: Flag) -> &'static str {
    match flag {
        Flag::Lang => "Language of tables, reasons and messages [default: SUBSIDY_LANG, or zh]",
        Flag::ShowIds => {
            "Print individuals' ID numbers whole in tables, derivations and messages \
             (the payout always carries them whole)"
        }
        Flag::Quiet => "No progress bar on stderr, however long the batch",
        Flag::Help => "Print help",
        Flag::Version => "Print the version",
        Flag::HelpCommand => "The command to print the help of",
        Flag::Policy => "A policy file instead of the bundled measures",
        Flag::Ledger => "An earlier payout CSV of this tool, counted as already paid (repeatable)",
        Flag::Set => {
            "Change one figure of the policy for this run, e.g. clause.1.annual_cap=80000 \
             (repeatable; the file is not changed)"
        }
        Flag::Encoding => {
            "Encoding of the claims file and ledgers: auto (a byte-order mark, else UTF-8, \
             else GB18030), utf-8, gb18030 (or gbk), utf-16"
        }
        Flag::Sheet => {
            "The sheet of an .xlsx, .xls or .ods claims file [default: the first]; a workbook \
             ledger is read from this sheet if it has one, else from 明细, else from its first"
        }
        Flag::Bind => {
            "Address to listen on; loopback unless told otherwise (port 0: any free port)"
        }
        Flag::CalcClaims => "The claims CSV; `-` or nothing reads standard input",
        Flag::Format => "Output format [default: table, or csv with --out]",
        Flag::CalcOut => {
            "Write the output to FILE (atomically) instead of standard output; a FILE ending \
             in .xlsx gets an Excel workbook"
        }
        Flag::Strict => "Any invalid row: exit 1 and write nothing",
        Flag::NoBom => "Leave out the byte-order mark that Excel needs (for scripts)",
        Flag::Budget => "A fixed fund: above it, the claims are scaled to add up to it exactly",
        Flag::BudgetPriority => "Clauses paid in full before the rest is scaled, e.g. 1,7,11",
        Flag::Headers => "The payout CSV's header row: en (claim_id, …) or zh (申报编号, …)",
        Flag::MaxFieldBytes => "Refuse a cell longer than this many bytes",
        Flag::MaxRecordBytes => "Refuse a row longer than this many bytes",
        Flag::MaxRows => "Refuse a file of more rows than this",
        Flag::Item => "Item id, or the item's Chinese name",
        Flag::ApplicantType => {
            "Applicant type: an id or name of the policy file's [[applicant_type]]"
        }
        Flag::Quantity => "How many (patents, works, awards, cases, grants)",
        Flag::Amount => "Yuan: the transaction amount, interest, premium or approved amount",
        Flag::Date => "Date of the event [default: today]",
        Flag::Tags => "Tags: ids or names of the policy file's tags (separated by , or ;)",
        Flag::Reference => "Patent, certificate or case number",
        Flag::Score => "Score, for items ranked under a quota",
        Flag::Fact => "A fact the policy declares, as ID=VALUE (repeatable; listed below)",
        Flag::OtherCitySupport => "The project already has support under another policy of the same level (the policy file's exclusion)",
        Flag::CheckApplicant => "The applicant's id, so that its rows in a ledger count",
        Flag::ExplainClaims => "The claims CSV of the batch",
        Flag::Claim => "A claim id to explain (repeatable)",
        Flag::ExplainApplicant => "Explain every claim of this applicant",
        Flag::CompareClaims => "The claims CSV, run under both policies",
        Flag::Base => "The baseline policy file [default: the bundled one]",
        Flag::Alt => "The alternative policy file [default: the bundled one]",
        Flag::BaseSet => {
            "Change one figure of the baseline, e.g. clause.1.annual_cap=80000 (repeatable)"
        }
        Flag::AltSet => "Change one figure of the alternative (repeatable)",
        Flag::CompareLedger => {
            "An earlier payout CSV, counted as already paid on both sides (repeatable)"
        }
        Flag::CompareOut => "Write the cost sheet to FILE: .xlsx gets a workbook with a chart, anything else CSV",
        Flag::ReportLedgers => {
            "The year's payouts of this tool, one file per batch: CSV, or a workbook (.xlsx, .xls, .ods) read from its sheet 明细, else its first sheet"
        }
        Flag::ReportBudget => "The year's fund, to show what was used and what is left",
        Flag::ReportOut => "Write the output to FILE instead of standard output: .xlsx gets a workbook with charts, anything else CSV",
        Flag::TemplateOut => {
            "Write the template to FILE: .xlsx gets a workbook, anything else CSV \
             [default: CSV on standard output]"
        }
        Flag::TemplateHeaders => {
            "The CSV's header row: en (claim_id, …) or zh (申请编号, …); the workbook's is Chinese"
        }
        Flag::ListFormat => "Output format [default: table]",
        Flag::ShowId => "Item id or name, or clause number",
        Flag::ValidateFile => "The policy file [default: the bundled one]",
        Flag::DiffBase => "The baseline policy file",
        Flag::DiffAlt => "The alternative policy file",
        Flag::TestPolicy => "The policy file [default: the bundled one]",
        Flag::TestCases => {
            "The cases file [default: POLICY with .cases.toml, or the bundled cases]"
        }
        Flag::Shell => "The shell the script is for",
        Flag::Column => {
            "Read the claims file's column HEADER as COLUMN (claim_id, ref, other_city_support, \
             …, or a fact of the policy); repeatable"
        }
        Flag::IgnoreColumn => {
            "Carry the claims file's column HEADER into the payout unread, even where it looks \
             like a column that changes a payment; repeatable"
        }
        Flag::ColumnsFile => {
            "A file of the office's headers: a COLUMN=HEADER a line, or ignore=HEADER; \
             read as --column and --ignore-column"
        }
        Flag::Book => {
            "The office's book: every batch committed, counted as already paid \
             [default: SUBSIDY_BOOK]"
        }
        Flag::Commit => "Record the batch in the book (--book) as decided, in one transaction",
        Flag::By => "Who records this in the book [default: the login name]",
        Flag::Year => "The year whose rows are taken (the payout's year column)",
        Flag::PublishOut => "Where to write the public list: .xlsx or .csv",
        Flag::ReportBook => {
            "The office's book: review its batches in force, with or instead of LEDGER files \
             (SUBSIDY_BOOK is not read here)"
        }
        Flag::CompareYear => {
            "Instead of CLAIMS: replay the year's batches of the book (--book), in order, \
             under both policies"
        }
        Flag::Reason => "Why the batch is withdrawn, as the book records it",
        Flag::ImportFiles => "Earlier payouts of this tool (.csv or .xlsx), recorded in this order",
        Flag::BookInitFile => "The new book's file (it must not exist yet)",
        Flag::BatchNumber => "The batch's number in the book",
        Flag::BookExportOut => "Where to write the batch's payout: .csv as recorded, .xlsx as a workbook",
    }
}

pub(super) fn command_about(command: Cmd) -> &'static str {
    match command {
        Cmd::Calc => "Run a batch of claims: tables, payout CSV or JSON",
        Cmd::Check => "Dry-run one claim before filing it, with its derivation",
        Cmd::Explain => "Explain how claims of a batch were decided, cap by cap",
        Cmd::Compare => "One batch under two policies: totals, clauses, applicants, statuses",
        Cmd::Report => "The year's payouts tabulated: by clause, type, month, batch, reason",
        Cmd::Policy => "The catalogue of items, one item or clause, validation and worked cases",
        Cmd::PolicyList => "The catalogue: clause, item, name, kind, figure, who, rules and caps",
        Cmd::PolicyShow => {
            "One item (by id or Chinese name) or one clause (1, 一 or （一）) in full"
        }
        Cmd::PolicyValidate => "Check a policy file and list every problem with its line and key",
        Cmd::PolicyDiff => "Every figure that differs between two policy files, side by side",
        Cmd::PolicyTest => "Run the worked cases kept beside a policy file",
        Cmd::Template => {
            "An empty claims file to fill in: .xlsx with drop-downs and the catalogue, or CSV"
        }
        Cmd::Serve => "Serve the dry run as a web page for applicants",
        Cmd::Completions => "Print a shell completion script",
        Cmd::Help => "Print this help or the help of the given command",
        Cmd::Book => "The office's book: every batch recorded, nothing paid twice",
        Cmd::BookInit => "Make an empty book in a new file, readable by its owner only",
        Cmd::BookList => "The book's batches: number, date, who, rows, paid, policy",
        Cmd::BookShow => "One batch of the book in full",
        Cmd::BookExport => "The payout of one batch, as calc wrote it",
        Cmd::BookVerify => "Check the book's hash chain and replay every batch it recorded",
        Cmd::BookVoid => {
            "Withdraw a batch the finance bureau did not pay (a new entry, never a deletion)"
        }
        Cmd::BookPublish => {
            "The year's public list: applicant, item, amount, batch; ID numbers masked"
        }
        Cmd::BookImport => "Record the office's earlier payouts in the book (nothing to replay)",
    }
}

pub(super) fn help_word(word: HelpWord) -> &'static str {
    match word {
        HelpWord::Usage => "Usage: ",
        HelpWord::Arguments => "Arguments:",
        HelpWord::Options => "Options:",
        HelpWord::Commands => "Commands:",
        HelpWord::AnyOptions => "[OPTIONS]",
        HelpWord::AnyCommand => "<COMMAND>",
    }
}

pub(super) fn usage_error(error: &UsageError) -> String {
    match error {
        UsageError::UnknownArgument {
            arg,
            nearest,
            as_value,
        } => {
            let mut out = format!("error: unknown argument '{arg}'");
            if let Some(nearest) = nearest {
                out.push_str(&format!("\n\n  tip: did you mean '{nearest}'?"));
            }
            if *as_value {
                out.push_str(&format!(
                    "\n\n  tip: to give '{arg}' as a value, write '-- {arg}'"
                ));
            }
            out
        }
        UsageError::UnknownCommand { name, nearest } => match nearest {
            Some(n) => format!("error: unknown command '{name}'\n\n  tip: did you mean '{n}'?"),
            None => format!("error: unknown command '{name}'"),
        },
        UsageError::MissingValue { arg, valid } => {
            format!(
                "error: '{arg}' needs a value and was given none{}",
                valid_list(valid)
            )
        }
        UsageError::InvalidValue {
            arg,
            value,
            valid,
            nearest,
        } => {
            let mut out = format!(
                "error: '{value}' is not a value '{arg}' takes{}",
                valid_list(valid)
            );
            if let Some(nearest) = nearest {
                out.push_str(&format!("\n\n  tip: did you mean '{nearest}'?"));
            }
            out
        }
        UsageError::TooManyValues { arg, value } => {
            format!("error: '{arg}' takes no more values, and '{value}' is one too many")
        }
        UsageError::WrongNumberOfValues { arg } => {
            format!("error: '{arg}' was given the wrong number of values")
        }
        UsageError::Conflict { arg, other } => match other {
            Some(other) => format!("error: '{arg}' cannot be used with '{other}'"),
            None => format!("error: '{arg}' cannot be used with the arguments already given"),
        },
        UsageError::MissingRequired { args } => {
            format!(
                "error: required argument(s) missing:\n  {}",
                args.join("\n  ")
            )
        }
        UsageError::MissingCommand { valid } => {
            format!("error: a command is needed{}", valid_list(valid))
        }
        UsageError::NoEquals { arg } => {
            format!("error: the value of '{arg}' must follow an =, as in {arg}=VALUE")
        }
        UsageError::InvalidUtf8 => "error: an argument is not valid UTF-8".into(),
        UsageError::Unreadable => "error: the command line cannot be read".into(),
    }
}

fn valid_list(valid: &[String]) -> String {
    if valid.is_empty() {
        String::new()
    } else {
        format!("\n  possible values: {}", valid.join(", "))
    }
}

pub(super) fn usage_hint(usage: Option<&str>) -> String {
    match usage {
        Some(usage) => format!("Usage: {usage}\n\nFor more, add '--help'."),
        None => "For more, add '--help'.".to_string(),
    }
}
