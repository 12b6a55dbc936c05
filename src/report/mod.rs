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
use crate::i18n::Lang;
use crate::money::plain;
use crate::policy::{ItemIdx, Policy};

pub use catalogue::{figure as item_figure, list as catalogue_list, show_clause, show_item};
pub use derivation::{derivation, manual_reason, Applicant};
pub use json::write_json;
pub use payout::{write_payout, COLUMNS};
pub use reason::{basis, basis_in, cap_step, invalid_reason, reason, rejection};
pub use summary::{Summary, Tally};
pub use table::{draft_notice, status_label, write_tables};

/// A batch with the engine's outcome for each of its claims.
pub struct Decided<'a> {
    pub policy: &'a Policy,
    pub batch: &'a Batch,
    pub outcomes: &'a [Outcome],
}

/// One input row with what became of it.
pub struct Line<'a> {
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
        self.batch.rows.iter().map(move |row| Line {
            row,
            what: match &row.entry {
                Entry::Valid(i) => {
                    What::Decided(&self.batch.claims[*i as usize], &self.outcomes[*i as usize])
                }
                Entry::Invalid(bad) => What::Invalid(bad),
            },
        })
    }
}

impl<'a> Line<'a> {
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
    pub fn cells(&self, policy: &Policy, lang: Lang) -> [String; 16] {
        let row = self.row;
        let (computed, payable, cut) = self.money();
        let clause = self
            .item()
            .map(|i| policy.clause_of(i).label())
            .unwrap_or_default();
        let (applicant_type, item, date, year, quantity, amount) = match self.what {
            What::Decided(c, _) => (
                policy.applicant_types[usize::from(c.applicant_type)]
                    .id
                    .clone(),
                policy.item(c.item).id.clone(),
                c.date.to_string(),
                c.date.year().to_string(),
                c.quantity.to_string(),
                c.amount.map(plain).unwrap_or_default(),
            ),
            What::Invalid(bad) => (
                bad.applicant_type.clone(),
                bad.item
                    .map(|i| policy.item(i).id.clone())
                    .unwrap_or_else(|| bad.item_written.clone()),
                bad.date.clone(),
                String::new(),
                bad.quantity.clone(),
                bad.amount.clone(),
            ),
        };
        [
            self.claim_id().to_string(),
            row.applicant_id.to_string(),
            row.applicant_name.to_string(),
            applicant_type,
            clause,
            item,
            row.reference.to_string(),
            date,
            year,
            quantity,
            amount,
            plain(computed),
            plain(payable),
            plain(cut),
            self.status().as_str().to_string(),
            self.reason(policy, lang),
        ]
    }
}
