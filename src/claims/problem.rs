//! What can be wrong with one row of a claims file, as facts; the words
//! layer (`words::ClaimsWords`) says them.

use super::Column;
use crate::lang::Text;
use crate::money::AmountError;

/// One thing wrong with one cell (or the whole row) of a claims file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The column as the contract names it (`amount`, `date`); empty for the
    /// whole row.
    pub column: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    DuplicateClaimId {
        first_line: u64,
    },
    UnknownItem {
        written: String,
        suggestions: Vec<String>,
    },
    UnknownType {
        written: String,
    },
    BadDate {
        written: String,
    },
    BadNumber {
        written: String,
        why: AmountError,
    },
    BadQuantity {
        written: String,
    },
    QuantityNotOne {
        item: Text,
        quantity: u32,
    },
    AmountNeeded {
        item: Text,
    },
    RefNeeded {
        item: Text,
    },
    BadYesNo {
        written: String,
    },
    /// A choice fact's cell that is none of its values.
    BadChoice {
        written: String,
        allowed: Vec<String>,
    },
    ExtraCells {
        count: usize,
    },
    EmptyRow,
    /// An applicant id that Excel turned into a number.
    MangledId {
        written: String,
    },
    /// A per-unit item paid once per reference lists one reference per
    /// unit: the quantity and the references disagree.
    OneRefPerUnit {
        quantity: u32,
        /// The references as read from the cell, so the clerk sees how it
        /// was split.
        refs: Vec<String>,
    },
    /// The same reference twice in one cell.
    RefRepeated {
        reference: String,
    },
    /// Several references on an item that takes one.
    OneRefOnly {
        item: Text,
    },
    /// A control character (not a tab or line break) in a cell; `written`
    /// shows it escaped.
    ControlCharacter {
        written: String,
        code: u32,
    },
}

impl Problem {
    pub fn new(column: &str, kind: ProblemKind) -> Problem {
        Problem {
            column: column.to_string(),
            kind,
        }
    }

    /// A problem in one of the contract's columns.
    pub fn at(column: Column, kind: ProblemKind) -> Problem {
        Problem::new(column.name(), kind)
    }

    /// A problem of the whole row.
    pub fn of_row(kind: ProblemKind) -> Problem {
        Problem::new("", kind)
    }
}
