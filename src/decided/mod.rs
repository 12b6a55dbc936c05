//! A decided batch: each input row beside what the pass made of it, and
//! the facts read off it (totals, a claim's derivation). Below the words
//! and the report, which both read these facts; nothing here is said in a
//! language.

mod derivation;
mod summary;

use rust_decimal::Decimal;

use crate::claims::{Batch, Claim, Entry, InvalidRow, Row};
use crate::engine::{Outcome, Status};
use crate::policy::{ItemIdx, Policy};

pub use derivation::{Applicant, Derivation, DryRun};
pub use summary::{ApplicantTally, ClauseTally, Summary, Tally};

/// A batch with the engine's outcome for each of its claims.
pub struct Decided<'a> {
    pub policy: &'a Policy,
    pub batch: &'a Batch,
    pub outcomes: &'a [Outcome],
}

/// One input row with what became of it.
pub struct Line<'a> {
    pub batch: &'a Batch,
    /// The row's place in the input.
    pub index: usize,
    pub row: &'a Row,
    pub what: What<'a>,
}

pub enum What<'a> {
    Decided(&'a Claim, &'a Outcome),
    Invalid(&'a InvalidRow),
}

impl<'a> Decided<'a> {
    /// Every input row, in input order.
    pub fn lines(&self) -> impl Iterator<Item = Line<'a>> + '_ {
        self.lines_in(0..self.batch.rows.len())
    }

    /// The input rows `range`, in input order.
    pub fn lines_in(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Line<'a>> + '_ {
        let batch: &'a Batch = self.batch;
        let outcomes: &'a [Outcome] = self.outcomes;
        let start = range.start;
        batch.rows[range]
            .iter()
            .enumerate()
            .map(move |(n, row)| Line {
                batch,
                index: start + n,
                row,
                what: match &row.entry {
                    Entry::Valid(i) => {
                        What::Decided(&batch.claims[*i as usize], &outcomes[*i as usize])
                    }
                    Entry::Invalid(bad) => What::Invalid(bad),
                },
            })
    }
}

impl<'a> Line<'a> {
    pub fn applicant_id(&self) -> &'a str {
        self.batch.applicant_id(self.row)
    }

    pub fn applicant_name(&self) -> &'a str {
        self.batch.applicant_name(self.row)
    }

    pub fn claim_id(&self) -> &'a str {
        match self.what {
            What::Decided(c, _) => &c.claim_id,
            What::Invalid(bad) => &bad.claim_id,
        }
    }

    pub fn status(&self) -> Status {
        match self.what {
            What::Decided(_, o) => o.status,
            What::Invalid(_) => Status::Invalid,
        }
    }

    /// (computed, payable, cut): zero for an invalid row.
    pub fn money(&self) -> (Decimal, Decimal, Decimal) {
        match self.what {
            What::Decided(_, o) => (o.computed, o.payable, o.cut()),
            What::Invalid(_) => (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
        }
    }

    pub fn item(&self) -> Option<ItemIdx> {
        match self.what {
            What::Decided(c, _) => Some(c.item),
            What::Invalid(bad) => bad.item,
        }
    }
}
