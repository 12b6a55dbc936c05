//! The words of the claims facts: what is wrong with a row of a claims file,
//! a claims file that cannot be read, a ledger that cannot be read.

mod sentences;

use crate::claims::{CheckFault, CheckWarning, ClaimsError, Problem, ProblemKind};
use crate::ledger::{LedgerError, LedgerProblem};

pub trait ClaimsWords {
    /// What is wrong with a cell or a row, without the column (as the
    /// `reason` cell shows it after the column).
    fn problem(&self, kind: &ProblemKind) -> String;

    /// The problem with its column in front (`amount: …`), as the `reason`
    /// cell shows it.
    fn problem_described(&self, problem: &Problem) -> String;

    /// One line on stderr for one problem of an invalid row:
    /// `FILE:LINE: column COLUMN: what`.
    fn invalid_row_line(&self, file: &str, line: u64, problem: &Problem) -> String;

    /// The part of a claim's reason that says its applicant id's check
    /// character is wrong (the claim is computed all the same).
    fn check_char_note(&self, fault: &CheckFault) -> String;

    /// The part of a claim's reason that says its item was matched by a
    /// part of the item's name, as written.
    fn item_part_note(&self, written: &str, item: &crate::policy::Item) -> String;

    /// The part of a claim's reason that says its date was written as a
    /// spreadsheet's serial number.
    fn date_serial_note(&self, date: crate::date::Date) -> String;

    /// One line on stderr for an applicant id whose check character is
    /// wrong: `FILE:LINE: column COLUMN: what`, the id masked if it is an
    /// individual's (unless `--show-ids`).
    fn check_char_warning(&self, warning: &CheckWarning) -> String;

    /// A claims file that cannot be read at all, with its file and line.
    fn claims_error(&self, error: &ClaimsError) -> String;

    /// What is wrong with a ledger, without where.
    fn ledger_problem(&self, problem: &LedgerProblem) -> String;

    /// A ledger that cannot be read, with its file, line and column.
    fn ledger_error(&self, error: &LedgerError) -> String;
}
