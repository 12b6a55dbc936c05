//! Everything printed about a decided batch: the payout CSV, the tables,
//! JSON. All of it is read off the engine's outcomes, never recomputed.

mod catalogue;
mod derivation;
mod json;
mod payout;
mod reason;
mod summary;
mod table;

use rust_decimal::Decimal;

use crate::claims::{Batch, Claim, Entry, InvalidRow, Row};
use crate::engine::{Outcome, Status};
use crate::money::write_plain;
use crate::policy::{ItemIdx, Policy, TagSet};
use crate::words::Lang;
use crate::words::Sep;

pub use catalogue::{list as catalogue_list, show_clause, show_item, who};
pub use derivation::{derivation, room_figures, Applicant, Derivation};
pub use json::write_json;
pub use payout::{write_payout, COLUMNS};
pub use reason::{invalid_reason, reason};
pub use summary::{Summary, Tally};
pub use table::{draft_notice, write_tables, yuan};

/// A batch with the engine's outcome for each of its claims.
pub struct Decided<'a> {
    pub policy: &'a Policy,
    pub batch: &'a Batch,
    pub outcomes: &'a [Outcome],
}

/// One input row with what became of it.
pub struct Line<'a> {
    pub batch: &'a Batch,
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
        batch.rows[range].iter().map(move |row| Line {
            batch,
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
            What::Decided(_, o) => (o.computed, o.payable, o.cut),
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

    /// The cells of the payout CSV, in `COLUMNS` order, before escaping.
    pub fn cells(&self, policy: &Policy, lang: Lang) -> Vec<String> {
        let mut cells = Vec::with_capacity(COLUMNS.len());
        let mut scratch = String::new();
        let _ = self.each_cell(policy, lang, &mut scratch, &mut |_, cell| {
            cells.push(cell.to_string());
            Ok(())
        });
        cells
    }

    /// Hands each cell of the payout CSV, in `COLUMNS` order, to `emit`,
    /// building what must be built in `scratch` rather than in a new string
    /// per cell: the payout of a million rows is written through here.
    pub fn each_cell(
        &self,
        policy: &Policy,
        lang: Lang,
        scratch: &mut String,
        emit: &mut dyn FnMut(usize, &str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        use std::fmt::Write as _;
        let row = self.row;
        let mut put = |i: usize, scratch: &mut String, fill: &dyn Fn(&mut String)| {
            scratch.clear();
            fill(scratch);
            emit(i, scratch)
        };
        put(0, scratch, &|s| s.push_str(self.claim_id()))?;
        put(1, scratch, &|s| s.push_str(self.applicant_id()))?;
        put(2, scratch, &|s| s.push_str(self.applicant_name()))?;
        put(3, scratch, &|s| match self.what {
            What::Decided(c, _) => {
                s.push_str(&policy.applicant_types[usize::from(c.applicant_type)].id)
            }
            What::Invalid(bad) => s.push_str(&bad.applicant_type),
        })?;
        put(4, scratch, &|s| {
            if let Some(i) = self.item() {
                s.push_str(&policy.clause_of(i).label());
            }
        })?;
        put(5, scratch, &|s| match self.what {
            What::Decided(c, _) => s.push_str(&policy.item(c.item).id),
            What::Invalid(bad) => match bad.item {
                Some(i) => s.push_str(&policy.item(i).id),
                None => s.push_str(&bad.item_written),
            },
        })?;
        put(6, scratch, &|s| s.push_str(self.batch.reference(row)))?;
        match self.what {
            What::Decided(c, _) => {
                put(7, scratch, &|s| {
                    let _ = write!(s, "{}", c.date);
                })?;
                put(8, scratch, &|s| {
                    let _ = write!(s, "{}", c.date.year());
                })?;
                put(9, scratch, &|s| {
                    let _ = write!(s, "{}", c.quantity);
                })?;
                put(10, scratch, &|s| {
                    if let Some(a) = c.amount {
                        write_plain(s, a);
                    }
                })?;
            }
            What::Invalid(bad) => {
                put(7, scratch, &|s| s.push_str(&bad.date))?;
                put(8, scratch, &|_| {})?;
                put(9, scratch, &|s| s.push_str(&bad.quantity))?;
                put(10, scratch, &|s| s.push_str(&bad.amount))?;
            }
        }
        let (computed, payable, cut) = self.money();
        put(11, scratch, &|s| write_plain(s, computed))?;
        put(12, scratch, &|s| write_plain(s, payable))?;
        put(13, scratch, &|s| write_plain(s, cut))?;
        put(14, scratch, &|s| s.push_str(self.status().as_str()))?;
        put(15, scratch, &|s| s.push_str(&self.reason(policy, lang)))
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
