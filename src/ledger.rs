//! Earlier payouts of this tool (`--ledger`), read back as rows already
//! paid. A ledger is our own output, so it is read strictly: a row that does
//! not parse stops the run rather than silently un-paying someone.

use rust_decimal::Decimal;

use crate::claims::{parse_quantity, split_refs, Keys, RefCell, Refs};
use crate::date::Date;
use crate::engine::{Prior, Status};
use crate::money::parse_number;
use crate::payout_columns::PayoutColumn;
use crate::policy::Policy;

/// The columns of the payout CSV that a ledger must have. Their names are
/// those of the payout (`PayoutColumn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LedgerColumn {
    ClaimId,
    ApplicantId,
    Item,
    Ref,
    Date,
    Year,
    Quantity,
    Computed,
    Payable,
    Status,
    /// Checked against the item when the ledger has it.
    Clause,
}

impl LedgerColumn {
    pub const COUNT: usize = 11;

    /// Every column read, in the payout's order but for `clause`, added
    /// last (the order of the variants).
    pub const ALL: [LedgerColumn; LedgerColumn::COUNT] = [
        LedgerColumn::ClaimId,
        LedgerColumn::ApplicantId,
        LedgerColumn::Item,
        LedgerColumn::Ref,
        LedgerColumn::Date,
        LedgerColumn::Year,
        LedgerColumn::Quantity,
        LedgerColumn::Computed,
        LedgerColumn::Payable,
        LedgerColumn::Status,
        LedgerColumn::Clause,
    ];

    /// The payout column it is.
    pub const fn payout(self) -> PayoutColumn {
        match self {
            LedgerColumn::ClaimId => PayoutColumn::ClaimId,
            LedgerColumn::ApplicantId => PayoutColumn::ApplicantId,
            LedgerColumn::Item => PayoutColumn::Item,
            LedgerColumn::Ref => PayoutColumn::Ref,
            LedgerColumn::Date => PayoutColumn::Date,
            LedgerColumn::Year => PayoutColumn::Year,
            LedgerColumn::Quantity => PayoutColumn::Quantity,
            LedgerColumn::Computed => PayoutColumn::Computed,
            LedgerColumn::Payable => PayoutColumn::Payable,
            LedgerColumn::Status => PayoutColumn::Status,
            LedgerColumn::Clause => PayoutColumn::Clause,
        }
    }

    /// The column's name in the payout's header row.
    pub const fn name(self) -> &'static str {
        self.payout().name()
    }

    /// Every payout of this tool has each column; a ledger without a `date`
    /// is still read (its rows are then entered in claim_id order), and one
    /// without a `clause` is not checked against the items' clauses.
    pub const fn is_required(self) -> bool {
        !matches!(self, LedgerColumn::Date | LedgerColumn::Clause)
    }

    /// The column of a header (trimmed, in lower case).
    pub fn from_name(name: &str) -> Option<LedgerColumn> {
        LedgerColumn::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The column of a header, English or Chinese (the payout's Chinese
    /// headers), in any case, width or spacing.
    pub fn from_header(header: &str) -> Option<LedgerColumn> {
        // Folded as a claims header is: a clerk's copy may say `Claim ID`.
        let key = crate::headers::fold(header);
        LedgerColumn::ALL.into_iter().find(|c| {
            crate::headers::fold(c.name()) == key
                || crate::headers::fold(c.payout().name_zh()) == key
        })
    }

    /// The column's place in `ALL`.
    const fn index(self) -> usize {
        self as usize
    }
}

/// A ledger that cannot be read: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerError {
    pub file: String,
    pub line: u64,
    /// `None` for the whole row or file.
    pub column: Option<LedgerColumn>,
    pub what: LedgerProblem,
}

/// What can be wrong with a ledger. `written` is the cell as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerProblem {
    /// The header lacks columns every payout of this tool has.
    NotAPayout {
        missing: Vec<LedgerColumn>,
    },
    BadAmount {
        written: String,
    },
    BadStatus {
        written: String,
    },
    /// A row with a payable amount whose status pays nothing.
    PaidWithStatus {
        written: String,
    },
    /// A paid row whose item the policy does not have.
    UnknownItem {
        written: String,
    },
    BadYear {
        written: String,
    },
    BadDate {
        written: String,
    },
    BadQuantity {
        written: String,
    },
    /// An applicant id that Excel turned into a number, on a row that
    /// decided something.
    MangledId {
        written: String,
    },
    /// A `ref` cell that does not list one reference per unit.
    BadRefs {
        written: String,
    },
    /// A claim_id on an earlier row of the same ledger that decided
    /// something, one of the two rows paying (compared as `text::key`
    /// compares claim_ids).
    RepeatedClaimId {
        first_line: u64,
    },
    /// A payable amount above the computed one: more paid than the
    /// measures give.
    PayableOverComputed {
        payable: String,
        computed: String,
    },
    /// A clause that is not the one of the row's item.
    WrongClause {
        written: String,
        expected: String,
    },
    /// A year that is not the year of the row's date.
    YearNotDate {
        written: String,
        date_year: i32,
    },
    /// A control character (not a tab or line break) in a cell that decided
    /// something; `written` shows it escaped.
    ControlCharacter {
        written: String,
        code: u32,
    },
    /// Bytes that are not text in the encoding the file was read in.
    Undecodable {
        charset: crate::decode::Charset,
    },
    /// The CSV itself is malformed (the CSV reader's message).
    Csv {
        message: String,
    },
}

impl std::error::Error for LedgerError {}

/// Undoes the payout CSV's protection of cells against spreadsheet formulas.
fn unescape(cell: &str) -> &str {
    crate::text::undo_defuse(cell)
}

/// Where each needed column is in a ledger's header (the last of the name
/// when a name is there twice).
type Places = [usize; LedgerColumn::COUNT];

fn locate(header: &csv::StringRecord) -> Result<Places, Vec<LedgerColumn>> {
    let mut found = [None; LedgerColumn::COUNT];
    for (i, name) in header.iter().enumerate() {
        if let Some(column) = LedgerColumn::from_header(name) {
            found[column.index()] = Some(i);
        }
    }
    let missing: Vec<LedgerColumn> = LedgerColumn::ALL
        .into_iter()
        .filter(|c| c.is_required() && found[c.index()].is_none())
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(found.map(|at| at.unwrap_or(usize::MAX)))
}

/// The errors of one file: at a line, in a column where one is known.
fn error_in(file: &str) -> impl Fn(u64, Option<LedgerColumn>, LedgerProblem) -> LedgerError + '_ {
    move |line, column, what| LedgerError {
        file: file.to_string(),
        line,
        column,
        what,
    }
}

fn csv_problem(e: &dyn std::fmt::Display) -> LedgerProblem {
    LedgerProblem::Csv {
        message: e.to_string(),
    }
}

/// A payout's rows to read, its header and where the ledger's columns sit
/// in it: one way in for the ledger and for the review, so that a file one
/// refuses the other refuses too.
fn open<'a>(
    file: &str,
    bytes: &'a [u8],
) -> Result<
    (
        csv::Reader<impl std::io::Read + 'a>,
        csv::StringRecord,
        Places,
    ),
    LedgerError,
> {
    let err = error_in(file);
    let input = crate::text::without_bom(bytes).map_err(|e| err(1, None, csv_problem(&e)))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(crate::decode::delimiter_of(bytes))
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| err(1, None, csv_problem(&e)))?
        .clone();
    let places =
        locate(&header).map_err(|missing| err(1, None, LedgerProblem::NotAPayout { missing }))?;
    Ok((reader, header, places))
}

/// Reads the next row of a payout into `record`; its line, or `None` at
/// the end. A line with nothing but the CR of a CR LF is a blank line.
fn next_record(
    reader: &mut csv::Reader<impl std::io::Read>,
    record: &mut csv::StringRecord,
    err: &impl Fn(u64, Option<LedgerColumn>, LedgerProblem) -> LedgerError,
) -> Result<Option<u64>, LedgerError> {
    loop {
        match reader.read_record(record) {
            Ok(true) if record.len() == 1 && record.as_slice() == "\r" => continue,
            Ok(true) => return Ok(Some(record.position().map(|p| p.line()).unwrap_or(0))),
            Ok(false) => return Ok(None),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(err(line, None, csv_problem(&e)));
            }
        }
    }
}

pub fn read_ledger(
    file: &str,
    bytes: &[u8],
    policy: &Policy,
    keys: &mut Keys,
) -> Result<Vec<Prior>, LedgerError> {
    let err = error_in(file);
    let (mut reader, _, places) = open(file, bytes)?;
    let mut priors = Vec::new();
    // The first line of each claim_id (in key form) that decided something,
    // and whether it paid.
    let mut decided: rustc_hash::FxHashMap<String, (u64, bool)> = rustc_hash::FxHashMap::default();
    let mut record = csv::StringRecord::new();
    while let Some(line) = next_record(&mut reader, &mut record, &err)? {
        let row = LedgerRow {
            record: &record,
            places: &places,
        };
        let prior = row
            .prior(policy, keys)
            .map_err(|(column, what)| err(line, Some(column), what))?;
        if let Some(p) = prior.as_ref().filter(|p| !p.claim_id.is_empty()) {
            // Ledgers joined into one may repeat a claim refused as already
            // paid: harmless. A claim paid and seen again is not.
            let paid = p.payable > Decimal::ZERO;
            match decided.get(&*p.claim_id) {
                Some(&(first_line, paid_before)) if paid || paid_before => {
                    let what = LedgerProblem::RepeatedClaimId { first_line };
                    return Err(err(line, Some(LedgerColumn::ClaimId), what));
                }
                Some(_) => {}
                None => {
                    decided.insert(p.claim_id.to_string(), (line, paid));
                }
            }
        }
        priors.extend(prior);
    }
    Ok(priors)
}

/// One row of a ledger.
struct LedgerRow<'r> {
    record: &'r csv::StringRecord,
    places: &'r Places,
}

impl<'r> LedgerRow<'r> {
    /// The cell of a column, trimmed and unescaped (empty when the ledger
    /// has no such column).
    fn cell(&self, column: LedgerColumn) -> &'r str {
        let at = self.places[column.index()];
        unescape(self.record.get(at).unwrap_or("").trim())
    }

    /// The problem of a column's cell.
    fn bad(
        &self,
        column: LedgerColumn,
        problem: fn(String) -> LedgerProblem,
    ) -> (LedgerColumn, LedgerProblem) {
        (column, problem(self.cell(column).to_string()))
    }

    fn money(&self, column: LedgerColumn) -> Result<Decimal, (LedgerColumn, LedgerProblem)> {
        parse_number(self.cell(column))
            .map_err(|_| self.bad(column, |written| LedgerProblem::BadAmount { written }))
    }

    /// The row as a payment already made, or the first problem of its cells.
    /// An `invalid` or `manual` row decided nothing and paid nothing: it is
    /// passed over, so the corrected or decided row may come back under the
    /// same claim_id (SPEC §5.5, rev 3).
    fn prior(
        &self,
        policy: &Policy,
        keys: &mut Keys,
    ) -> Result<Option<Prior>, (LedgerColumn, LedgerProblem)> {
        use LedgerColumn as C;
        let status = Status::from_name(self.cell(C::Status))
            .ok_or_else(|| self.bad(C::Status, |written| LedgerProblem::BadStatus { written }))?;
        if status == Status::Invalid {
            return Ok(None);
        }
        self.no_control_characters()?;
        if status == Status::Manual {
            if self.money(C::Payable)? > Decimal::ZERO {
                return Err(
                    self.bad(C::Status, |written| LedgerProblem::PaidWithStatus {
                        written,
                    }),
                );
            }
            return Ok(None);
        }
        if crate::claims::is_mangled_id(self.cell(C::ApplicantId)) {
            return Err(
                self.bad(C::ApplicantId, |written| LedgerProblem::MangledId {
                    written,
                }),
            );
        }
        let (computed, payable) = self.computed_and_payable()?;
        let paid = payable > Decimal::ZERO;
        if paid && !matches!(status, Status::Paid | Status::Capped) {
            return Err(
                self.bad(C::Status, |written| LedgerProblem::PaidWithStatus {
                    written,
                }),
            );
        }
        let item = policy.find_item(self.cell(C::Item));
        if paid && item.is_none() {
            return Err(self.bad(C::Item, |written| LedgerProblem::UnknownItem { written }));
        }
        if let Some(i) = item.filter(|_| paid) {
            self.check_clause(policy.clause_of(i))?;
        }
        let year = self.year(paid)?;
        let quantity = match parse_quantity(self.cell(C::Quantity)) {
            Some(q) => q,
            None if !paid => 1,
            None => {
                return Err(self.bad(C::Quantity, |written| LedgerProblem::BadQuantity {
                    written,
                }))
            }
        };
        let refs = self.refs(item.map(|i| policy.item(i)), keys)?;
        let date = self.date(paid, year)?;
        Ok(Some(Prior {
            claim_id: crate::text::key(self.cell(C::ClaimId), crate::text::KeyForm::ClaimId).into(),
            applicant: keys.applicant(self.cell(C::ApplicantId)),
            item: if paid { item } else { None },
            refs,
            date,
            year,
            quantity,
            computed,
            payable,
        }))
    }

    /// The computed and payable amounts; no payout pays more than it
    /// computed.
    fn computed_and_payable(&self) -> Result<(Decimal, Decimal), (LedgerColumn, LedgerProblem)> {
        let payable = self.money(LedgerColumn::Payable)?;
        let computed = self.money(LedgerColumn::Computed)?;
        if payable > computed {
            return Err((
                LedgerColumn::Payable,
                LedgerProblem::PayableOverComputed {
                    payable: self.cell(LedgerColumn::Payable).to_string(),
                    computed: self.cell(LedgerColumn::Computed).to_string(),
                },
            ));
        }
        Ok((computed, payable))
    }

    /// The year, one a date may have (`Date::parse`); none on a row that
    /// paid nothing may be left empty.
    fn year(&self, paid: bool) -> Result<i32, (LedgerColumn, LedgerProblem)> {
        match self.cell(LedgerColumn::Year) {
            "" if !paid => Ok(0),
            y => y
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2999).contains(y))
                .ok_or_else(|| {
                    self.bad(LedgerColumn::Year, |written| LedgerProblem::BadYear {
                        written,
                    })
                }),
        }
    }

    /// The date of a row that paid, which must be in its year; the earliest
    /// date for a row without one.
    fn date(&self, paid: bool, year: i32) -> Result<Date, (LedgerColumn, LedgerProblem)> {
        let date = match (self.cell(LedgerColumn::Date), paid) {
            ("", _) | (_, false) => return Ok(Date::EARLIEST),
            (written, true) => Date::parse(written).ok_or_else(|| {
                self.bad(LedgerColumn::Date, |written| LedgerProblem::BadDate {
                    written,
                })
            })?,
        };
        if date.year() != year {
            return Err((
                LedgerColumn::Year,
                LedgerProblem::YearNotDate {
                    written: self.cell(LedgerColumn::Year).to_string(),
                    date_year: date.year(),
                },
            ));
        }
        Ok(date)
    }

    /// A row that decided something holds no control character: the
    /// payout never writes one (it shows them escaped).
    fn no_control_characters(&self) -> Result<(), (LedgerColumn, LedgerProblem)> {
        for column in LedgerColumn::ALL {
            let written = self.cell(column);
            if let Some(c) = crate::text::forbidden_control(written) {
                let what = LedgerProblem::ControlCharacter {
                    written: crate::text::shown(written).into_owned(),
                    code: c as u32,
                };
                return Err((column, what));
            }
        }
        Ok(())
    }

    /// The clause cell, when the ledger has one and it is filled in, names
    /// the clause of the row's item (in either numbering, any width).
    fn check_clause(
        &self,
        clause: &crate::policy::Clause,
    ) -> Result<(), (LedgerColumn, LedgerProblem)> {
        let written = self.cell(LedgerColumn::Clause);
        let key = |t: &str| crate::text::key(t, crate::text::KeyForm::ClaimId).into_owned();
        if written.is_empty()
            || [clause.label(), clause.cited()]
                .iter()
                .any(|l| key(l) == key(written))
        {
            return Ok(());
        }
        Err((
            LedgerColumn::Clause,
            LedgerProblem::WrongClause {
                written: written.to_string(),
                expected: clause.label(),
            },
        ))
    }

    /// The `ref` cell as the row's item reads it (one reference per unit
    /// of a per-unit item paid once per reference).
    fn refs(
        &self,
        item: Option<&crate::policy::Item>,
        keys: &mut Keys,
    ) -> Result<Refs, (LedgerColumn, LedgerProblem)> {
        let cell = self.cell(LedgerColumn::Ref);
        let split = match item {
            Some(it) => split_refs(it, cell).map_err(|_| {
                self.bad(LedgerColumn::Ref, |written| LedgerProblem::BadRefs {
                    written,
                })
            })?,
            None if cell.is_empty() => RefCell::Empty,
            None => RefCell::One(cell),
        };
        Ok(match split {
            RefCell::Empty => Refs::None,
            RefCell::One(r) => Refs::One(keys.reference(r)),
            RefCell::PerUnit(list) => Refs::PerUnit(
                list.into_iter()
                    .map(|r| (keys.reference(r), r.into()))
                    .collect(),
            ),
        })
    }
}

/// One row of a payout as the annual review reads it: every row, an
/// `invalid` one too, checked by the rules `read_ledger` applies.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoutEntry {
    pub claim_id: String,
    /// The applicant type the cell names, in any of its names and spacings.
    pub applicant_type: Option<crate::policy::TypeIdx>,
    /// The cell as written, for a type the policy does not have.
    pub applicant_type_written: String,
    pub item: Option<crate::policy::ItemIdx>,
    /// The clause cell as written (an item's own clause is the policy's).
    pub clause: String,
    pub date: Option<crate::date::Date>,
    pub status: Status,
    pub computed: Decimal,
    pub payable: Decimal,
    /// computed − payable, as on every row of a payout (SPEC §5).
    pub cut: Decimal,
    pub reason: String,
}

/// Every row of a payout, in file order, read as `read_ledger` reads a
/// ledger: a file or row it refuses is refused here with the same error.
pub fn read_payout(
    file: &str,
    bytes: &[u8],
    policy: &Policy,
) -> Result<Vec<PayoutEntry>, LedgerError> {
    let err = error_in(file);
    let (mut reader, header, places) = open(file, bytes)?;
    // The review's own columns are not a ledger's; a file without them is
    // still read, with nothing in them.
    let extra = |column: PayoutColumn| {
        header
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                let key = crate::headers::header_key(name);
                key == column.name() || key == column.name_zh()
            })
            .map(|(i, _)| i)
            .last()
    };
    let extra = ReviewPlaces {
        applicant_type: extra(PayoutColumn::ApplicantType),
        clause: extra(PayoutColumn::Clause),
        reason: extra(PayoutColumn::Reason),
    };
    let mut keys = Keys::default();
    let mut entries = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = next_record(&mut reader, &mut record, &err)? {
        let row = LedgerRow {
            record: &record,
            places: &places,
        };
        let entry = row
            .entry(policy, &mut keys, &extra)
            .map_err(|(column, what)| err(line, Some(column), what))?;
        entries.push(entry);
    }
    Ok(entries)
}

/// Where the review's own columns are, when the file has them.
struct ReviewPlaces {
    applicant_type: Option<usize>,
    clause: Option<usize>,
    reason: Option<usize>,
}

impl LedgerRow<'_> {
    /// The row as the review reads it, checked as a ledger's row is.
    fn entry(
        &self,
        policy: &Policy,
        keys: &mut Keys,
        places: &ReviewPlaces,
    ) -> Result<PayoutEntry, (LedgerColumn, LedgerProblem)> {
        self.prior(policy, keys)?;
        let status = Status::from_name(self.cell(LedgerColumn::Status)).ok_or_else(|| {
            self.bad(LedgerColumn::Status, |written| LedgerProblem::BadStatus {
                written,
            })
        })?;
        let computed = self.money(LedgerColumn::Computed)?;
        let payable = self.money(LedgerColumn::Payable)?;
        let at = |place: Option<usize>| {
            place
                .and_then(|i| self.record.get(i))
                .map_or("", |c| unescape(c.trim()))
        };
        let item = policy.find_item(self.cell(LedgerColumn::Item));
        let written_type = at(places.applicant_type);
        Ok(PayoutEntry {
            claim_id: self.cell(LedgerColumn::ClaimId).to_string(),
            applicant_type: policy.find_type(written_type),
            applicant_type_written: written_type.to_string(),
            item,
            clause: match item {
                Some(i) => policy.clause_of(i).label_str().to_string(),
                None => at(places.clause).to_string(),
            },
            date: crate::date::Date::parse(self.cell(LedgerColumn::Date)),
            status,
            computed,
            payable,
            cut: computed - payable,
            reason: at(places.reason).to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_columns_are_columns_of_the_payout() {
        for (i, column) in LedgerColumn::ALL.into_iter().enumerate() {
            assert_eq!(column.index(), i);
            assert!(
                crate::payout_columns::PayoutColumn::ALL.contains(&column.payout()),
                "{}",
                column.name()
            );
            assert_eq!(LedgerColumn::from_name(column.name()), Some(column));
            assert_eq!(
                LedgerColumn::from_header(column.payout().name_zh()),
                Some(column)
            );
            assert_eq!(
                LedgerColumn::from_header(" Payable "),
                Some(LedgerColumn::Payable)
            );
        }
    }
}
