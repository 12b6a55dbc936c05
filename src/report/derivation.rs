//! The derivation of one claim, for `explain` and `check`: the clause and
//! its words, the rule and its figures, each check, each cap with what it
//! had and what it left. Read off the engine's outcome and trace; nothing
//! recomputed.

use crate::claims::Claim;
use crate::words::reason;
use std::fmt::Write as _;

use crate::decided::{Applicant, Derivation, DryRun};
use crate::engine::{Check, Outcome, Trace};
use crate::money::short_grouped;
use crate::policy::Policy;
use crate::words::{Label, Lang};

pub fn derivation(
    policy: &Policy,
    claim: &Claim,
    applicant: Applicant,
    (outcome, trace): (&Outcome, &Trace),
    dry_run: Option<DryRun>,
    lang: Lang,
) -> String {
    // An individual's ID number is personal information: masked here.
    let id = crate::text::shown_id(applicant.id);
    let applicant = Applicant {
        id: &id,
        name: applicant.name,
    };
    let d = Derivation {
        claim,
        applicant,
        outcome,
        trace,
        reason: reason(policy, claim, outcome, lang),
        dry_run,
    };
    let words = lang.words();
    let mut out = words.derivation_head(policy, &d);
    let figure = words.basis(policy, &outcome.basis, outcome.computed, short_grouped);
    let figure = if figure.is_empty() {
        words.label(Label::NotComputedHere).to_string()
    } else {
        figure
    };
    let _ = writeln!(out, "{}{figure}", words.label(Label::FigureHeading));
    let _ = writeln!(out, "{}", words.label(Label::ChecksHeading));
    checks(&mut out, policy, &d, lang);
    if !trace.steps.is_empty() {
        let _ = writeln!(out, "{}", words.label(Label::CapsHeading));
        for (i, step) in trace.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, words.cap_line(policy, step));
        }
    }
    let quota = policy.item(claim.item).quota;
    if let (Some(quota), Some(true)) = (quota, dry_run.map(|r| r.ranking)) {
        let note = words.ranking_deferred(policy, &quota);
        let _ = writeln!(out, "{note}");
    }
    let item = policy.item(claim.item);
    if !item.intake.is_empty() {
        let _ = writeln!(out, "{}", words.intake_heading());
        for condition in &item.intake {
            let _ = writeln!(out, "  · {}", lang.text(condition));
        }
    }
    let _ = writeln!(out, "{}", words.derivation_result(outcome));
    let _ = writeln!(out, "{}{}", words.label(Label::ReasonHeading), d.reason);
    out
}

/// Each check made, ✓ or ✗; a check a dry run could not make is ○ (the
/// claim_id check of a dry run, which has none, is left out).
fn checks(out: &mut String, policy: &Policy, d: &Derivation, lang: Lang) {
    let words = lang.words();
    let needs_ref = policy.item(d.claim.item).needs_ref();
    for (check, passed) in &d.trace.checks {
        if let Some(dry) = d.dry_run.filter(|r| !r.made(*check, needs_ref)) {
            if *check != Check::LedgerClaimId {
                let _ = writeln!(out, "  ○ {}", words.not_checked(*check, dry.ledger));
            }
            continue;
        }
        let text = match (passed, &d.outcome.rejection) {
            (true, _) => words.passed_check(policy, d.claim, *check),
            (false, Some(r)) => words.rejection(policy, d.claim, r),
            (false, None) => String::new(),
        };
        let _ = writeln!(out, "  {} {text}", if *passed { "✓" } else { "✗" });
    }
}
