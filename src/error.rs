//! The one error type of the command line, with its exit code (SPEC §7):
//! 1 for bad data, unreadable input or a bad policy; 2 for wrong usage.

use std::io;

use crate::claims::ClaimsError;
use crate::ledger::LedgerError;
use crate::policy::PolicyError;
use crate::words::{Lang, Msg};

#[derive(Debug)]
pub enum Error {
    Policy(PolicyError),
    Claims(ClaimsError),
    Ledger(LedgerError),
    Read {
        path: String,
        source: io::Error,
    },
    Write {
        path: String,
        source: io::Error,
    },
    /// `--strict` and this many invalid rows.
    Strict {
        file: String,
        invalid: usize,
    },
    Usage(Msg),
    /// A check that found problems, already listed on stdout (exit 1).
    Found(Msg),
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// A reader that went away (`subsidy calc | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Policy(e) => e.render(lang).trim_end().to_string(),
            Error::Claims(e) => e.render(lang),
            Error::Ledger(e) => e.render(lang),
            Error::Read { path, source } => match lang {
                Lang::Zh => format!("{path}: 无法读取：{source}"),
                Lang::En => format!("{path}: cannot read: {source}"),
            },
            Error::Write { path, source } => match lang {
                Lang::Zh => format!("{path}: 无法写入：{source}"),
                Lang::En => format!("{path}: cannot write: {source}"),
            },
            Error::Strict { file, invalid } => match lang {
                Lang::Zh => format!("{file}: 有 {invalid} 行数据无效（--strict），未输出任何结果"),
                Lang::En => {
                    format!("{file}: {invalid} invalid row(s) under --strict; nothing was written")
                }
            },
            Error::Usage(m) | Error::Found(m) => m.get(lang).to_string(),
        }
    }
}

impl From<PolicyError> for Error {
    fn from(e: PolicyError) -> Error {
        Error::Policy(e)
    }
}

impl From<ClaimsError> for Error {
    fn from(e: ClaimsError) -> Error {
        Error::Claims(e)
    }
}

impl From<LedgerError> for Error {
    fn from(e: LedgerError) -> Error {
        Error::Ledger(e)
    }
}
