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
            BadChoice { written, allowed } => {
                format!("`{written}` is none of: {}", allowed.join(", "))
            }
            ExtraCells { count } => {
                format!("the row has {count} non-empty cell(s) beyond the header")
            }
            EmptyRow => "the row is empty".into(),
            MangledId { written } => format!(
                "`{written}` looks like an ID that Excel turned into a number: format the column as text and type the ID again"
            ),
            OneRefPerUnit { quantity, refs } => format!(
                "quantity {quantity} but {} reference(s) (read: {}): list one reference per unit (separated by ; , or a line break; spaces do not separate)",
                refs.len(),
                refs.join(" | ")
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

    fn item_part_note(&self, written: &str, item: &crate::policy::Item) -> String {
        format!(
            "{}: `{written}` is a part of the name of {} ({}), and is read as that item; check it",
            Column::Item.name(),
            item.id,
            item.name.zh
        )
    }

    fn date_serial_note(&self, date: crate::date::Date) -> String {
        format!(
            "{}: {} is a spreadsheet's date serial, read as {date}; check it",
            Column::Date.name(),
            date.excel_serial()
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
                line,
                missing,
                found,
                suggestions,
            } => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                let mut said = format!(
                    "{file}:{line}: missing required column(s): {}; the header has: {}",
                    names.join(", "),
                    found.join(", ")
                );
                for (header, column) in suggestions {
                    let choice = format!("{}={header}", column.name());
                    said.push_str(&format!(
                        "; is `{header}` {}? (if so, add --column {})",
                        column.name(),
                        crate::headers::shell_word(&choice)
                    ));
                }
                said
            }
            ClaimsError::RepeatedColumn { file, line, column } => {
                format!("{file}:{line}: column {column} appears twice")
            }
            ClaimsError::LooksLikeColumns {
                file,
                line,
                headers,
            } => looks_like_columns(file, *line, headers),
            ClaimsError::BadColumnChoice { at, written } => format!(
                "{at}: `{written}` is not COLUMN=HEADER with COLUMN one the tool reads ({}) or a fact of the policy",
                crate::claims::columns().join(", ")
            ),
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

/// Headers that look like columns which change a payment, each with the
/// two ways to settle it.
fn looks_like_columns(file: &str, line: u64, headers: &[(String, Column)]) -> String {
    let mut said = format!(
            "{file}:{line}: column(s) the tool would not read, though they look like columns that change a payment; say what each is, then run again:"
        );
    for (header, column) in headers {
        let h = crate::headers::shell_word(header);
        let c = column.name();
        said.push_str(&format!(
            " `{header}` looks like {c}: to read it as {c}, add --column {}; to carry it through unread, add --ignore-column {h};",
            crate::headers::shell_word(&format!("{c}={header}"))
        ));
    }
    said.push_str(" (--column may be repeated, or kept as lines COLUMN=HEADER in a file given with --columns)");
    said
}
