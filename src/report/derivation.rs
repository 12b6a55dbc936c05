//! The derivation of one claim, for `explain` and `check`: the clause and
//! its words, the rule and its figures, each check, each cap with what it
//! had and what it left. Read off the engine's outcome and trace; nothing
//! recomputed.

use rust_decimal::Decimal;

use super::reason::reason;
use crate::claims::Claim;
use crate::engine::{Cap, CapStep, Outcome, Trace};
use crate::money::short_grouped;
use crate::policy::Policy;
use crate::words::Lang;

/// Who the claim is from, as the row wrote it.
pub struct Applicant<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// Everything a derivation shows, as the words layer receives it.
pub struct Derivation<'a> {
    pub claim: &'a Claim,
    pub applicant: Applicant<'a>,
    pub outcome: &'a Outcome,
    pub trace: &'a Trace,
    /// The reason cell, as the payout shows it.
    pub reason: String,
    /// For a dry run (`check`), what it could not know.
    pub dry_run: Option<DryRun>,
}

/// What a dry run of one claim was given, and so what it could check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DryRun {
    /// Earlier payouts (`--ledger`) were given.
    pub ledger: bool,
    /// The claim's own reference (`--ref`) was given.
    pub reference: bool,
    /// The item has a city-wide quota: its ranking is the batch's to settle.
    pub ranking: bool,
}

impl DryRun {
    /// Whether the dry run could make this check at all.
    pub fn made(&self, check: crate::engine::Check, needs_ref: bool) -> bool {
        use crate::engine::Check;
        match check {
            Check::LedgerClaimId => self.ledger,
            Check::Unique => self.ledger && (self.reference || !needs_ref),
            Check::ClauseOneAward => self.ledger,
            Check::Validity
            | Check::OtherCitySupport
            | Check::ApplicantType
            | Check::Tags
            | Check::Fact(_)
            | Check::Range(_)
            | Check::MinQuantity => true,
        }
    }
}

pub fn derivation(
    policy: &Policy,
    claim: &Claim,
    applicant: Applicant,
    (outcome, trace): (&Outcome, &Trace),
    dry_run: Option<DryRun>,
    lang: Lang,
) -> String {
    let d = Derivation {
        claim,
        applicant,
        outcome,
        trace,
        reason: reason(policy, claim, outcome, lang),
        dry_run,
    };
    lang.words().derivation(policy, &d)
}

/// How the room of a cap is counted: units for a quantity cap, grouped
/// yuan otherwise.
pub fn room_figures(step: &CapStep) -> impl Fn(Decimal) -> String {
    let units = matches!(step.cap, Cap::Quantity { .. } | Cap::PerRef { .. });
    move |d: Decimal| {
        if units {
            d.normalize().to_string()
        } else {
            short_grouped(d)
        }
    }
}
