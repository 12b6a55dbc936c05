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
}

pub fn derivation(
    policy: &Policy,
    claim: &Claim,
    applicant: Applicant,
    outcome: &Outcome,
    trace: &Trace,
    lang: Lang,
) -> String {
    let d = Derivation {
        claim,
        applicant,
        outcome,
        trace,
        reason: reason(policy, claim, outcome, lang),
    };
    lang.words().derivation(policy, &d)
}

/// How the room of a cap is counted: units for a quantity cap, grouped
/// yuan otherwise.
pub fn room_figures(step: &CapStep) -> impl Fn(Decimal) -> String {
    let units = matches!(step.cap, Cap::Quantity { .. });
    move |d: Decimal| {
        if units {
            d.normalize().to_string()
        } else {
            short_grouped(d)
        }
    }
}
