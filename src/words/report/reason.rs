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
    let mut out = String::new();
    write_reason(policy, claim, outcome, lang, &mut out);
    out
}

/// As `reason`, appended to `out`: the payout writes a million reasons
/// straight into its row buffer.
pub fn write_reason(
    policy: &Policy,
    claim: &Claim,
    outcome: &Outcome,
    lang: Lang,
    out: &mut String,
) {
    let words = lang.words();
    let start = out.len();
    write_decided(policy, claim, outcome, lang, out);
    // A wrong check character of the applicant id is noted, whatever the
    // status: the claim was computed as written.
    if let Some(fault) = &claim.id_check {
        if out.len() > start {
            out.push_str(words.separator(Sep::Parts));
        }
        out.push_str(&words.check_char_note(fault));
    }
    if let Some(written) = &claim.item_part {
        if out.len() > start {
            out.push_str(words.separator(Sep::Parts));
        }
        out.push_str(&words.item_part_note(written, policy.item(claim.item)));
    }
    if claim.date_serial {
        if out.len() > start {
            out.push_str(words.separator(Sep::Parts));
        }
        out.push_str(&words.date_serial_note(claim.date));
    }
}

/// The reason of a decided claim, as its status and the pass give it.
fn write_decided(policy: &Policy, claim: &Claim, outcome: &Outcome, lang: Lang, out: &mut String) {
    let words = lang.words();
    match outcome.status {
        Status::Rejected => {
            if let Some(r) = &outcome.rejection {
                out.push_str(&words.rejection(policy, claim, r));
            }
        }
        Status::Manual => match &outcome.undecided {
            Some(why) => out.push_str(&words.undecided(policy, why)),
            None => out.push_str(
                policy
                    .item(claim.item)
                    .manual_reason(lang)
                    .unwrap_or_default(),
            ),
        },
        Status::Paid | Status::Capped | Status::Invalid => {
            out.push_str(&words.basis(policy, &outcome.basis, outcome.computed, short));
            for step in &outcome.cuts {
                out.push_str(words.separator(Sep::Parts));
                out.push_str(&words.cap_step(policy, step));
            }
        }
    }
}

/// The reason cell of an invalid row: every problem, column first.
pub fn invalid_reason(bad: &InvalidRow, lang: Lang) -> String {
    let mut out = String::new();
    write_invalid_reason(bad, lang, &mut out);
    out
}

/// As `invalid_reason`, appended to `out`.
pub fn write_invalid_reason(bad: &InvalidRow, lang: Lang, out: &mut String) {
    for (n, problem) in bad.problems.iter().enumerate() {
        if n > 0 {
            out.push_str(lang.words().separator(Sep::Parts));
        }
        out.push_str(&problem.describe(lang));
    }
}
