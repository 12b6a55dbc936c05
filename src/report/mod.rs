//! Everything printed about a decided batch: the payout CSV, the tables,
//! JSON. All of it is read off the engine's outcomes, never recomputed.

mod catalogue;
mod chunks;
mod derivation;
mod json;
mod payout;
mod reason;
mod summary;
mod table;
mod xlsx;

use rust_decimal::Decimal;
use std::borrow::Cow;

use crate::claims::{Batch, Claim, Entry, InvalidRow, Row};
use crate::engine::{Outcome, Status};
use crate::money::write_plain;
use crate::policy::{ItemIdx, Policy, TagSet};
use crate::words::Lang;
use crate::words::Sep;

pub use catalogue::{
    figure, list as catalogue_list, list_rows as catalogue_rows, rules, show_clause, show_item,
    who, CatalogueRow, COLUMNS as CATALOGUE_COLUMNS,
};
pub use derivation::{derivation, room_figures, Applicant, Derivation, DryRun};
pub use json::write_json;
pub use payout::{write_payout, write_payout_headed, PayoutColumn};
pub use reason::{invalid_reason, reason};
pub use summary::{Summary, Tally};
pub use table::{draft_notice, fit, write_tables, yuan};
pub use xlsx::{payout_workbook, BookSheet, Provenance};

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

    pub fn reason(&self, policy: &Policy, lang: Lang) -> String {
        match self.what {
            What::Decided(c, o) => reason(policy, c, o, lang),
            What::Invalid(bad) => invalid_reason(bad, lang),
        }
    }

    /// The cells of the payout CSV, in column order, before escaping.
    pub fn cells(&self, policy: &Policy, lang: Lang) -> Vec<String> {
        let mut cells = Vec::with_capacity(PayoutColumn::ALL.len());
        let mut scratch = String::new();
        let _ = self.each_cell(policy, lang, &mut scratch, &mut |_, cell| {
            cells.push(cell.to_string());
            Ok(())
        });
        cells
    }

    /// Hands each cell of the payout CSV, in column order, to `emit`,
    /// building it in `scratch` rather than in a new string per cell: the
    /// payout of a million rows is written through here.
    pub fn each_cell(
        &self,
        policy: &Policy,
        lang: Lang,
        scratch: &mut String,
        emit: &mut dyn FnMut(PayoutColumn, &str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let invalid = matches!(self.what, What::Invalid(_));
        for column in PayoutColumn::ALL {
            scratch.clear();
            self.write_cell(column, policy, lang, scratch);
            // Any control character makes a row invalid: only an invalid
            // row's cells can hold one.
            if invalid {
                if let Cow::Owned(shown) = crate::text::shown_in_file(scratch) {
                    *scratch = shown;
                }
            }
            emit(column, scratch)?;
        }
        Ok(())
    }

    /// The text of one cell of the payout, appended to `s`.
    fn write_cell(&self, column: PayoutColumn, policy: &Policy, lang: Lang, s: &mut String) {
        use PayoutColumn as C;
        let (computed, payable, cut) = self.money();
        match (column, &self.what) {
            (C::ClaimId, _) => s.push_str(self.claim_id()),
            (C::ApplicantId, _) => s.push_str(self.applicant_id()),
            (C::ApplicantName, _) => s.push_str(self.applicant_name()),
            (C::ApplicantType, What::Decided(c, _)) => {
                s.push_str(&policy.applicant_types[usize::from(c.applicant_type)].id)
            }
            (C::ApplicantType, What::Invalid(bad)) => s.push_str(&bad.applicant_type),
            (C::Clause, _) => {
                if let Some(i) = self.item() {
                    s.push_str(policy.clause_of(i).label_str());
                }
            }
            (C::Item, What::Invalid(bad)) if bad.item.is_none() => s.push_str(&bad.item_written),
            (C::Item, _) => {
                if let Some(i) = self.item() {
                    s.push_str(&policy.item(i).id);
                }
            }
            (C::Ref, _) => s.push_str(self.batch.reference(self.row)),
            (C::Date, What::Decided(c, _)) => c.date.write_iso(s),
            (C::Date, What::Invalid(bad)) => s.push_str(&bad.date),
            (C::Year, What::Decided(c, _)) => {
                s.push_str(itoa::Buffer::new().format(c.date.year()));
            }
            (C::Year, What::Invalid(_)) => {}
            (C::Quantity, What::Decided(c, _)) => {
                s.push_str(itoa::Buffer::new().format(c.quantity));
            }
            (C::Quantity, What::Invalid(bad)) => s.push_str(&bad.quantity),
            (C::Amount, What::Decided(c, _)) => {
                if let Some(a) = c.amount {
                    write_plain(s, a);
                }
            }
            (C::Amount, What::Invalid(bad)) => s.push_str(&bad.amount),
            (C::Computed, _) => write_plain(s, computed),
            (C::Payable, _) => write_plain(s, payable),
            (C::Cut, _) => write_plain(s, cut),
            (C::Status, _) => s.push_str(self.status().as_str()),
            (C::Reason, What::Decided(c, o)) => reason::write_reason(policy, c, o, lang, s),
            (C::Reason, What::Invalid(bad)) => reason::write_invalid_reason(bad, lang, s),
        }
    }
}

/// The names of a set of tags, joined by the language's list separator.
pub fn tag_names(policy: &Policy, set: TagSet, lang: Lang) -> String {
    tag_names_joined(policy, set, lang, lang.words().separator(Sep::List))
}

pub fn tag_names_joined(policy: &Policy, set: TagSet, lang: Lang, sep: &str) -> String {
    set.iter()
        .filter_map(|t| policy.tags.get(usize::from(t)))
        .map(|t| t.label(lang).to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A declared fact against the minimum an item sets: `有效发明专利 3 ≥ 1`.
pub fn fact_line(policy: &Policy, claim: &Claim, fact: u8, lang: Lang) -> String {
    let item = policy.item(claim.item);
    let actual = claim
        .facts
        .get(usize::from(fact))
        .copied()
        .flatten()
        .unwrap_or_default();
    let minimum = item
        .facts_min
        .iter()
        .find(|(i, _)| *i == fact)
        .map(|(_, m)| *m)
        .unwrap_or_default();
    format!(
        "{} {} ≥ {}",
        policy.facts[usize::from(fact)].label(lang),
        actual.normalize(),
        minimum.normalize()
    )
}

/// The claims that paid a list of references, each named once, in order.
pub fn payers(paid: &[(Box<str>, Box<str>)]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for (_, by) in paid {
        if !names.contains(&by.as_ref()) {
            names.push(by);
        }
    }
    names
}
