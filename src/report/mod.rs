//! Everything printed about a decided batch: the payout CSV, the tables,
//! JSON. All of it is read off the engine's outcomes, never recomputed.

mod catalogue;
mod chunks;
mod derivation;
mod json;
mod payout;
mod table;
mod xlsx;

use std::borrow::Cow;

use crate::lang::Lang;
use crate::money::write_plain;
use crate::policy::Policy;

pub use crate::decided::{Applicant, Decided, Derivation, DryRun, Line, Summary, Tally, What};
pub use crate::money::yuan;
pub use crate::payout_columns::BookSheet;
pub use crate::words::{fact_line, invalid_reason, payers, reason, room_figures, who};
pub use crate::words::{tag_names, tag_names_joined};
pub use catalogue::{
    figure, list as catalogue_list, list_rows as catalogue_rows, rules, show_clause, show_item,
    CatalogueRow, COLUMNS as CATALOGUE_COLUMNS,
};
pub use derivation::derivation;
pub use json::write_json;
pub use payout::{write_payout, write_payout_headed, PayoutColumn};
pub use table::{draft_notice, fit, write_tables};
pub use xlsx::{payout_workbook, Provenance};

/// The payout's words for a line: they need the words layer, which sits
/// above the decided batch, so they are written here.
impl Line<'_> {
    /// The reason cell, in `lang`.
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
            (C::Reason, What::Decided(c, o)) => crate::words::write_reason(policy, c, o, lang, s),
            (C::Reason, What::Invalid(bad)) => crate::words::write_invalid_reason(bad, lang, s),
        }
    }
}
