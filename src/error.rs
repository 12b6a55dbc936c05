//! The one error type of the command line, with its exit code (SPEC §7):
//! 1 for bad data, unreadable input or a bad policy; 2 for wrong usage.
//! Each error is a fact; its words are the words layer's.

use std::fmt;
use std::io;

use crate::book::BookError;
use crate::cases::CasesError;
use crate::claims::limits::Stop;
use crate::claims::{ClaimsError, Problem};
use crate::ledger::LedgerError;
use crate::policy::PolicyError;
use crate::whatif::WhatIfError;
use crate::words::{Lang, Notice};

/// How errors name standard output.
pub const STDOUT: &str = "<stdout>";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    Claims(#[from] ClaimsError),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A what-if run that cannot be made as asked.
    #[error("{}", english(self))]
    WhatIf(WhatIfError),
    /// The office's book cannot be used as asked.
    #[error("{}", english(self))]
    Book(BookError),
    #[error("{}", english(self))]
    Read { path: String, source: io::Error },
    #[error("{}", english(self))]
    Write { path: String, source: io::Error },
    /// `--strict` and this many invalid rows.
    #[error("{}", english(self))]
    Strict { file: String, invalid: usize },
    /// Wrong usage (exit 2).
    #[error("{}", english(self))]
    Usage(Usage),
    /// An input passed a limit of the reader, or has a quote never closed.
    #[error("{}", english(self))]
    Input { path: String, stop: Stop },
    /// A check that found problems, already listed on stdout (exit 1).
    #[error("{}", english(self))]
    Found(Found),
}

/// How a command was used wrongly.
#[derive(Debug)]
pub enum Usage {
    /// The cells of a dry run that could not be read, each with its flag.
    DryRunCells(Vec<(String, Problem)>),
    UnknownFact {
        id: String,
        known: Vec<String>,
    },
    NotItemOrClause {
        written: String,
        near: Vec<String>,
    },
    /// A part of several items' names: each as (id, Chinese name).
    AmbiguousItem {
        written: String,
        candidates: Vec<(String, String)>,
    },
    /// `--out` is an input of the same run.
    OutIsInput {
        out: String,
        input: String,
    },
}

/// What a command looked for and did not find.
#[derive(Debug)]
pub enum Found {
    NoClaimsOfApplicant { file: String, applicant: String },
    NoSuchClaims { file: String, ids: Vec<String> },
    PolicyProblems { file: String, count: usize },
    Cases(CasesError),
    CasesFailed { count: usize },
}

fn english(e: &Error) -> String {
    e.render(Lang::En)
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Error::render_usage(self, Lang::En))
    }
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Claims(e) if e.is_usage() => 2,
            Error::WhatIf(e) => e.exit_code(),
            Error::Book(e) => e.exit_code(),
            Error::Policy(_)
            | Error::Claims(_)
            | Error::Ledger(_)
            | Error::Read { .. }
            | Error::Write { .. }
            | Error::Strict { .. }
            | Error::Input { .. }
            | Error::Found(_) => 1,
        }
    }

    /// A reader of standard output that went away (`subsidy calc | head`)
    /// is not a failure; one of `--out` (a FIFO) is: the file it was meant
    /// to hold is incomplete.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write { path, source }
            if path == STDOUT && source.kind() == io::ErrorKind::BrokenPipe)
    }

    pub fn render(&self, lang: Lang) -> String {
        let words = lang.words();
        match self {
            Error::Policy(e) => e.render(lang).trim_end().to_string(),
            Error::Claims(e) => e.render(lang),
            Error::Ledger(e) => e.render(lang),
            Error::WhatIf(e) => words.whatif_error(e),
            Error::Book(e) => words.office_error(e),
            Error::Read { path, source } => words.notice(&Notice::CannotRead { path, source }),
            Error::Write { path, source } => words.notice(&Notice::CannotWrite { path, source }),
            Error::Strict { file, invalid } => words.notice(&Notice::Strict {
                file,
                invalid: *invalid,
            }),
            Error::Input { path, stop } => words.notice(&Notice::InputStopped { path, stop }),
            Error::Usage(u) => Error::render_usage(u, lang),
            Error::Found(Found::NoClaimsOfApplicant { file, applicant }) => {
                let applicant = &crate::text::shown_id(applicant);
                words.notice(&Notice::NoClaimsOfApplicant { file, applicant })
            }
            Error::Found(Found::NoSuchClaims { file, ids }) => {
                words.notice(&Notice::NoSuchClaims { file, ids })
            }
            Error::Found(Found::PolicyProblems { file, count }) => {
                words.policy_problem_count(file, *count)
            }
            Error::Found(Found::Cases(e)) => words.cases_unreadable(e),
            Error::Found(Found::CasesFailed { count }) => words.cases_failed(*count),
        }
    }

    fn render_usage(usage: &Usage, lang: Lang) -> String {
        let words = lang.words();
        match usage {
            Usage::DryRunCells(problems) => problems
                .iter()
                .map(|(flag, p)| format!("{flag}: {}", p.message(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
            Usage::UnknownFact { id, known } => words.notice(&Notice::UnknownFact { id, known }),
            Usage::NotItemOrClause { written, near } => {
                let near: Vec<&str> = near.iter().map(String::as_str).collect();
                words.not_item_or_clause(written, &near)
            }
            Usage::AmbiguousItem {
                written,
                candidates,
            } => {
                let candidates: Vec<(&str, &str)> = candidates
                    .iter()
                    .map(|(id, name)| (id.as_str(), name.as_str()))
                    .collect();
                words.ambiguous_item(written, &candidates)
            }
            Usage::OutIsInput { out, input } => words.notice(&Notice::OutIsInput { out, input }),
        }
    }
}

impl From<BookError> for Error {
    fn from(e: BookError) -> Error {
        Error::Book(e)
    }
}
