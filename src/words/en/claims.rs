//! The claims facts in English.

use super::English;
use crate::claims::{CheckFault, CheckWarning, ClaimsError, Column, IdKind, Problem, ProblemKind};
use crate::ledger::{LedgerError, LedgerProblem};
use crate::money::AmountError;
use crate::words::ClaimsWords;

impl ClaimsWords for English {
    fn problem(&self, kind: &ProblemKind) -> String {
        use ProblemKind::*;
        match kind {
            Missing => "required, but empty".into(),
            DuplicateClaimId { first_line } => {
                format!("repeats the claim_id of line {first_line}; only the first is processed")
            }
            UnknownItem {
                written,
                suggestions,
            } => {
                if suggestions.is_empty() {
                    format!("`{written}` is not an item of the policy")
                } else {
                    let list = suggestions.join(", ");
                    format!("`{written}` is not an item of the policy; did you mean {list}?")
                }
            }
            UnknownType { written } => format!("unknown applicant type `{written}`"),
            BadDate { written } => format!(
                "`{written}` is not a valid date (write 2024-03-15, 2024/3/15, 2024年3月15日 or 20240315)"
            ),
            BadNumber { written, why } => match why {
                AmountError::NotANumber => format!("`{written}` is not a number"),
                AmountError::Negative => format!("`{written}` is negative"),
                AmountError::TooLarge => format!("`{written}` is too large (10^12 or more)"),
            },
            BadQuantity { written } => {
                format!("`{written}` is not a whole number from 1 to 1000000")
            }
            QuantityNotOne { item, quantity } => format!(
                "item {} is not priced per unit, so the quantity must be 1 (not {quantity})",
                item.en
            ),
            AmountNeeded { item } => format!("item {} needs an amount", item.en),
            RefNeeded { item } => format!(
                "item {} needs a ref (patent, certificate or case number) to prevent paying it twice",
                item.en
            ),
            BadYesNo { written } => format!("`{written}` is not yes/no, true/false, 1/0 or 是/否"),
            ExtraCells { count } => {
                format!("the row has {count} non-empty cell(s) beyond the header")
            }
            EmptyRow => "the row is empty".into(),
            MangledId { written } => format!(
                "`{written}` looks like an ID that Excel turned into a number: format the column as text and type the ID again"
            ),
            OneRefPerUnit { quantity, refs } => format!(
                "quantity {quantity} but {refs} reference(s): list one reference per unit (separated by ; or ,)"
            ),
            RefRepeated { reference } => format!("reference `{reference}` appears twice in the cell"),
            OneRefOnly { item } => format!("item {} takes one reference per claim", item.en),
            ControlCharacter { written, code } => format!(
                "`{written}` holds the control character U+{code:04X}, which a spreadsheet does not show: delete it and type the cell again"
            ),
        }
    }

    fn problem_described(&self, problem: &Problem) -> String {
        match problem.column.as_str() {
            "" => self.problem(&problem.kind),
            column => format!("{column}: {}", self.problem(&problem.kind)),
        }
    }

    fn invalid_row_line(&self, file: &str, line: u64, problem: &Problem) -> String {
        match problem.column.as_str() {
            "" => format!("{file}:{line}: {}", self.problem(&problem.kind)),
            column => format!(
                "{file}:{line}: column {column}: {}",
                self.problem(&problem.kind)
            ),
        }
    }

    fn check_char_note(&self, fault: &CheckFault) -> String {
        let (w, e) = (fault.written(), fault.expected());
        let said = match fault.kind {
            IdKind::CreditCode => format!(
                "the credit code's check character is {w}, its first 17 characters give {e}"
            ),
            IdKind::IdNumber => {
                format!("the ID number's check digit is {w}, its first 17 digits give {e}")
            }
        };
        format!(
            "{}: {said}: compare it with the paper application",
            Column::ApplicantId.name()
        )
    }

    fn check_char_warning(&self, warning: &CheckWarning) -> String {
        let CheckWarning {
            file,
            line,
            column,
            id,
            fault,
        } = warning;
        let id = crate::text::shown_id(id);
        let (w, e) = (fault.written(), fault.expected());
        let said = match fault.kind {
            IdKind::CreditCode => format!(
                "the check character of credit code {id} is {w}, but its first 17 characters give {e} (GB 32100-2015)"
            ),
            IdKind::IdNumber => format!(
                "the check digit of ID number {id} is {w}, but its first 17 digits give {e} (GB 11643-1999)"
            ),
        };
        format!(
            "{file}:{line}: column {}: {said}; a character is mistyped somewhere. The claim is computed as written: compare the number with the paper application",
            column.name()
        )
    }

    fn claims_error(&self, error: &ClaimsError) -> String {
        match error {
            ClaimsError::Undecodable {
                file,
                line,
                charset,
            } => format!(
                "{file}:{line}: this line is not valid {} text (the file is neither UTF-8 nor GB18030/GBK, or not what --encoding says); save it as \"CSV UTF-8 (comma delimited)\"",
                charset.name()
            ),
            ClaimsError::NoHeader { file } => {
                format!("{file}:1: the file is empty; it needs a header row")
            }
            ClaimsError::MissingColumns {
                file,
                missing,
                found,
                suggestions,
            } => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                let mut said = format!(
                    "{file}:1: missing required column(s): {}; the header has: {}",
                    names.join(", "),
                    found.join(", ")
                );
                for (header, column) in suggestions {
                    said.push_str(&format!("; is `{header}` {}?", column.name()));
                }
                said
            }
            ClaimsError::RepeatedColumn { file, column } => {
                format!("{file}:1: column {column} appears twice")
            }
            ClaimsError::Csv {
                file,
                line,
                message,
            } => format!("{file}:{line}: malformed CSV: {message}"),
            ClaimsError::ReaderStopped { file } => {
                format!("{file}:0: malformed CSV: the CSV reader stopped unexpectedly")
            }
            ClaimsError::Zipped { file } => format!(
                "{file}:1: this is an Excel workbook (xlsx), not CSV text; name it .xlsx"
            ),
            ClaimsError::Workbook { file, message } => {
                format!("{file}:1: the workbook cannot be opened: {message}")
            }
            ClaimsError::NoSuchSheet {
                file,
                sheet,
                sheets,
            } => match sheets.is_empty() {
                true => format!("{file}:1: the workbook has no sheet"),
                false => format!(
                    "{file}:1: no sheet named `{sheet}`; the sheets are: {}",
                    sheets.join(", ")
                ),
            },
            ClaimsError::BadCell { file, cell, error } => format!(
                "{file}: cell {cell} shows the error {error}; correct the formula or type the value"
            ),
        }
    }

    fn ledger_problem(&self, problem: &LedgerProblem) -> String {
        match problem {
            LedgerProblem::NotAPayout { missing } => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                format!(
                    "not a payout CSV of this tool: missing column(s) {}",
                    names.join(", ")
                )
            }
            LedgerProblem::BadAmount { written } => format!("`{written}` is not an amount"),
            LedgerProblem::BadStatus { written } => format!("`{written}` is not a status"),
            LedgerProblem::PaidWithStatus { written } => {
                format!("`{written}` rows cannot have a payable amount")
            }
            LedgerProblem::UnknownItem { written } => {
                format!("`{written}` is not an item of this policy")
            }
            LedgerProblem::BadYear { written } => format!("`{written}` is not a year"),
            LedgerProblem::BadDate { written } => format!("`{written}` is not a date"),
            LedgerProblem::BadQuantity { written } => format!("`{written}` is not a quantity"),
            LedgerProblem::MangledId { written } => format!(
                "`{written}` looks like an ID that Excel turned into a number: use the payout this tool wrote, or format the column as text and type the ID again"
            ),
            LedgerProblem::BadRefs { written } => {
                format!("`{written}` is not a list of one reference per unit")
            }
            LedgerProblem::RepeatedClaimId { first_line } => format!(
                "the claim_id was already decided on line {first_line} of this ledger: a payout has each claim once"
            ),
            LedgerProblem::PayableOverComputed { payable, computed } => format!(
                "payable {payable} is more than the computed {computed}: no payout of this tool pays more than the measures give"
            ),
            LedgerProblem::WrongClause { written, expected } => format!(
                "`{written}` is not the clause of the row's item, which is {expected}"
            ),
            LedgerProblem::YearNotDate { written, date_year } => format!(
                "year `{written}` is not the year of the row's date ({date_year})"
            ),
            LedgerProblem::ControlCharacter { written, code } => format!(
                "`{written}` holds the control character U+{code:04X}, which no payout of this tool writes"
            ),
            LedgerProblem::Undecodable { charset } => format!(
                "this line is not valid {} text (--encoding names the encoding)",
                charset.name()
            ),
            LedgerProblem::Csv { message } => message.clone(),
        }
    }

    fn ledger_error(&self, error: &LedgerError) -> String {
        let LedgerError {
            file,
            line,
            column,
            what,
        } = error;
        let what = self.ledger_problem(what);
        match column {
            None => format!("{file}:{line}: ledger: {what}"),
            Some(column) => format!("{file}:{line}: ledger: column {}: {what}", column.name()),
        }
    }
}
