//! What a derivation shows of one claim, as the words receive it: who
//! filed it, its outcome and trace, its reason, and for a dry run what it
//! could not know.

use crate::claims::Claim;
use crate::engine::{Outcome, Trace};

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
            Check::ClauseOneAward | Check::EarlierAward => self.ledger,
            Check::Validity
            | Check::OtherCitySupport
            | Check::ApplicantType
            | Check::Tags
            | Check::Fact(_)
            | Check::Range(_)
            | Check::FactWindow(_)
            | Check::FactOneOf(_)
            | Check::MinQuantity => true,
        }
    }
}
