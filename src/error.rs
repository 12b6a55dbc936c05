//! The one error type of the command line, with its exit code (SPEC §7):
//! 1 for bad data, unreadable input or a bad policy; 2 for wrong usage.

use std::io;

use crate::claims::limits::Stop;
use crate::claims::ClaimsError;
use crate::i18n::{Lang, Msg};
use crate::ledger::LedgerError;
use crate::policy::PolicyError;

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
    /// An input passed a limit of the reader, or has a quote never closed.
    Input {
        path: String,
        stop: Stop,
    },
    /// A warning, not a failure: columns of the claims file nothing reads.
    UnknownColumns {
        path: String,
        columns: Vec<String>,
    },
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
            Error::Input { path, stop } => {
                let line = stop.line();
                match (stop, lang) {
                    (Stop::FieldBytes { limit, .. }, Lang::Zh) => format!(
                        "{path}:{line}: 单元格超过 {limit} 字节的上限，文件未读取（可用 --max-field-bytes 调高）"
                    ),
                    (Stop::FieldBytes { limit, .. }, Lang::En) => format!(
                        "{path}:{line}: a cell is longer than the limit of {limit} bytes; the file was not read (raise it with --max-field-bytes)"
                    ),
                    (Stop::RecordBytes { limit, .. }, Lang::Zh) => format!(
                        "{path}:{line}: 一行超过 {limit} 字节的上限，文件未读取（可用 --max-record-bytes 调高）"
                    ),
                    (Stop::RecordBytes { limit, .. }, Lang::En) => format!(
                        "{path}:{line}: a row is longer than the limit of {limit} bytes; the file was not read (raise it with --max-record-bytes)"
                    ),
                    (Stop::Rows { limit, .. }, Lang::Zh) => format!(
                        "{path}:{line}: 超过 {limit} 行的上限，文件未读取（可用 --max-rows 调高）"
                    ),
                    (Stop::Rows { limit, .. }, Lang::En) => format!(
                        "{path}:{line}: more than the limit of {limit} rows; the file was not read (raise it with --max-rows)"
                    ),
                    (Stop::UnclosedQuote { .. }, Lang::Zh) => format!(
                        "{path}:{line}: 此处开始的引号（\"）直到文件末尾都没有闭合，其后各行会被并入一个单元格；文件未读取"
                    ),
                    (Stop::UnclosedQuote { .. }, Lang::En) => format!(
                        "{path}:{line}: a quote (\") opened here is never closed, so every later row would run into one cell; the file was not read"
                    ),
                }
            }
            Error::UnknownColumns { path, columns } => match lang {
                Lang::Zh => format!("{path}:1: 提示：未知的列，已忽略：{}", columns.join("、")),
                Lang::En => format!(
                    "{path}:1: warning: unknown column(s) ignored: {}",
                    columns.join(", ")
                ),
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
