//! The `reason` of a row: the rule that gave its amount and every cap or
//! check that changed it. The payout CSV, the tables and `explain` all take
//! their reasons from here; the words are the words layer's.

use crate::claims::{Claim, InvalidRow};
use crate::engine::{Outcome, Status};
use crate::money::short;
use crate::policy::Policy;
use crate::words::{Lang, Sep};

/// The reason cell of a decided claim.
pub fn reason(policy: &Policy, claim: &Claim, outcome: &Outcome, lang: Lang) -> String {
    let words = lang.words();
    let said = decided_reason(policy, claim, outcome, lang);
    // A wrong check character of the applicant id is noted, whatever the
    // status: the claim was computed as written.
    match &claim.id_check {
        None => said,
        Some(fault) if said.is_empty() => words.check_char_note(fault),
        Some(fault) => {
            let note = words.check_char_note(fault);
            format!("{said}{}{note}", words.separator(Sep::Parts))
        }
    }
}

/// The reason of a decided claim, as its status and the pass give it.
fn decided_reason(policy: &Policy, claim: &Claim, outcome: &Outcome, lang: Lang) -> String {
    let words = lang.words();
    match outcome.status {
        Status::Rejected => match &outcome.rejection {
            Some(r) => words.rejection(policy, claim, r),
            None => String::new(),
        },
        Status::Manual => policy
            .item(claim.item)
            .manual_reason(lang)
            .unwrap_or_default()
            .to_string(),
        Status::Paid | Status::Capped | Status::Invalid => {
            let mut parts = vec![words.basis(policy, &outcome.basis, outcome.computed, short)];
            parts.extend(outcome.cuts.iter().map(|s| words.cap_step(policy, s)));
            parts.join(words.separator(Sep::Parts))
        }
    }
}

/// The reason cell of an invalid row: every problem, column first.
pub fn invalid_reason(bad: &InvalidRow, lang: Lang) -> String {
    bad.problems
        .iter()
        .map(|p| p.describe(lang))
        .collect::<Vec<_>>()
        .join(lang.words().separator(Sep::Parts))
}
