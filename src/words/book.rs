//! The words of the office's book.

mod sentences;

use rust_decimal::Decimal;

use crate::book::BookError;

/// A header or short cell of the book's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeLabel {
    Batch,
    Kind,
    At,
    By,
    Rows,
    Paid,
    Policy,
    Claims,
    Reason,
    Hash,
    /// The kinds of entry.
    KindBatch,
    KindImport,
    KindVoid,
    /// A batch withdrawn since.
    Withdrawn,
    /// The public list: its name and columns.
    PublicList,
    Applicant,
    ApplicantId,
    Item,
    Amount,
}

/// A sentence about the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficeFact<'a> {
    /// A new book: a file (its owner's only) or a database's tables.
    Initialised {
        path: &'a str,
        file: bool,
    },
    Committed {
        batch: i64,
        rows: i64,
        paid: Decimal,
    },
    Voided {
        batch: i64,
    },
    Imported {
        batch: i64,
        file: &'a str,
        rows: i64,
    },
    /// `verify`: an entry whose recorded hash is not what its content gives.
    HashMismatch {
        batch: i64,
    },
    /// `verify`: an entry that does not follow the one recorded before it.
    ChainBroken {
        batch: i64,
    },
    /// `verify`: the index of claim_ids that refusals read is not what the
    /// recorded payouts give.
    IndexChanged,
    /// `verify`: a batch replayed, and whether its payout came out the same.
    Replayed {
        batch: i64,
        same: bool,
    },
    /// `verify`: an import, which has nothing to replay.
    NotReplayed {
        batch: i64,
    },
    /// `verify`: a batch whose stored claims or policy could not be read.
    ReplayFailed {
        batch: i64,
        why: &'a str,
    },
    /// `verify`: everything agrees.
    Verified {
        entries: usize,
    },
    /// `list` of a book with nothing in it.
    Empty,
}

pub trait OfficeWords {
    fn office_label(&self, label: OfficeLabel) -> &'static str;
    fn office_fact(&self, fact: &OfficeFact) -> String;
    fn office_error(&self, error: &BookError) -> String;
}
