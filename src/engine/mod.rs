//! The cap-aware pass (SPEC §5): a pure function from the policy, the
//! claims of a batch and the rows of earlier payouts to one outcome per
//! claim. No I/O; no item or clause is named here, only kinds of rule.

mod books;
mod outcome;
mod rules;

use std::collections::HashMap;

use rust_decimal::Decimal;

pub use books::Payment;
pub use outcome::{Basis, Cap, CapStep, Check, Outcome, Rejection, Status, Trace};

use books::Books;
use rules::{admit, apply_caps, before_caps, Placing};

use crate::claims::{ApplicantId, Claim, RefId};
use crate::policy::{ItemIdx, Kind, Policy};

/// A row of an earlier payout (a ledger), as already paid.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    pub claim_id: Box<str>,
    pub applicant: ApplicantId,
    /// `None` when the row named no item of this policy: it still blocks
    /// its claim_id.
    pub item: Option<ItemIdx>,
    pub reference: Option<RefId>,
    pub year: i32,
    pub quantity: u32,
    pub computed: Decimal,
    pub payable: Decimal,
}

/// The outcome of every claim, in the order of `claims`.
pub fn run(policy: &Policy, claims: &[Claim], prior: &[Prior]) -> Vec<Outcome> {
    settle(policy, claims, prior, false).0
}

/// As `run`, with the full derivation of every claim (for `explain`).
pub fn run_traced(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
) -> (Vec<Outcome>, Vec<Trace>) {
    settle(policy, claims, prior, true)
}

/// Runs the pass until the quota ranking is settled. The ranking needs to
/// know which quota claims pass eligibility and uniqueness, which only a pass
/// can tell; the first pass lets every quota claim through at full figure,
/// the next ranks those that passed. A ranking changes only how much a quota
/// claim is paid, never whether, so the second pass normally settles it.
fn settle(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    trace: bool,
) -> (Vec<Outcome>, Vec<Trace>) {
    let mut order: Vec<u32> = (0..claims.len() as u32).collect();
    order.sort_unstable_by(|a, b| {
        let (a, b) = (&claims[*a as usize], &claims[*b as usize]);
        (a.date, &a.claim_id).cmp(&(b.date, &b.claim_id))
    });
    let mut placings = HashMap::new();
    let mut ranked: Option<Vec<u32>> = None;
    loop {
        let (outcomes, traces, taken) = pass(policy, claims, prior, &order, &placings, trace);
        let candidates: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| {
                policy.item(claims[i as usize].item).quota.is_some()
                    && outcomes[i as usize].status != Status::Rejected
            })
            .collect();
        if candidates.is_empty() || ranked.as_ref() == Some(&candidates) {
            return (outcomes, traces);
        }
        placings = rank(policy, claims, &candidates, &taken);
        ranked = Some(candidates);
    }
}

/// SPEC §5 step 6: per quota item and year, score highest first, then
/// claim_id; claims without a score after the scored ones. Places already
/// taken by ledger rows count.
fn rank(
    policy: &Policy,
    claims: &[Claim],
    candidates: &[u32],
    taken: &HashMap<(ItemIdx, i32), u32>,
) -> HashMap<u32, Placing> {
    let mut groups: HashMap<(ItemIdx, i32), Vec<u32>> = HashMap::new();
    for &i in candidates {
        let c = &claims[i as usize];
        groups.entry((c.item, c.date.year())).or_default().push(i);
    }
    let mut placings = HashMap::new();
    for ((item, year), mut group) in groups {
        group.sort_by(|a, b| {
            let (a, b) = (&claims[*a as usize], &claims[*b as usize]);
            let score = |c: &Claim| {
                std::cmp::Reverse(c.score.map(|s| (1, s)).unwrap_or((0, Decimal::ZERO)))
            };
            (score(a), &a.claim_id).cmp(&(score(b), &b.claim_id))
        });
        let per_year = policy.item(item).quota.map(|q| q.per_year).unwrap_or(0);
        let taken_before = taken.get(&(item, year)).copied().unwrap_or(0);
        for (position, i) in group.into_iter().enumerate() {
            let rank = position as u32 + 1;
            placings.insert(
                i,
                Placing {
                    rank,
                    taken_before,
                    won: taken_before + rank <= per_year,
                },
            );
        }
    }
    placings
}

type PassResult = (Vec<Outcome>, Vec<Trace>, HashMap<(ItemIdx, i32), u32>);

fn pass(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    order: &[u32],
    placings: &HashMap<u32, Placing>,
    trace: bool,
) -> PassResult {
    let mut books = Books::new(trace);
    let mut taken = HashMap::new();
    for p in prior {
        books.block_claim_id(&p.claim_id);
        if let Some(item) = p.item {
            let payment = Payment {
                claim_id: &p.claim_id,
                applicant: p.applicant,
                item,
                reference: p.reference,
                year: p.year,
                quantity: p.quantity,
                computed: p.computed,
                payable: p.payable,
            };
            books.record_prior_quota(policy, &payment);
            books.record(policy, &payment);
            if policy.item(item).quota.is_some() {
                taken.insert((item, p.year), books.quota_taken(item, p.year));
            }
        }
    }

    let blank = Outcome {
        status: Status::Invalid,
        computed: Decimal::ZERO,
        payable: Decimal::ZERO,
        cut: Decimal::ZERO,
        basis: Basis::Manual,
        rejection: None,
        cuts: Vec::new(),
    };
    let mut outcomes = vec![blank; claims.len()];
    let mut traces = if trace {
        vec![
            Trace {
                checks: Vec::new(),
                steps: Vec::new(),
            };
            claims.len()
        ]
    } else {
        Vec::new()
    };
    let mut checks = Vec::new();
    for &i in order {
        let claim = &claims[i as usize];
        let (computed, basis) = before_caps(policy, claim);
        checks.clear();
        let admitted = admit(policy, claim, &books, &mut checks);
        let mut steps = Vec::new();
        let outcome = match admitted {
            Err(rejection) => Outcome {
                status: Status::Rejected,
                computed,
                payable: Decimal::ZERO,
                cut: computed,
                basis,
                rejection: Some(rejection),
                cuts: Vec::new(),
            },
            Ok(()) if matches!(policy.item(claim.item).kind, Kind::Manual { .. }) => Outcome {
                status: Status::Manual,
                computed: Decimal::ZERO,
                payable: Decimal::ZERO,
                cut: Decimal::ZERO,
                basis,
                rejection: None,
                cuts: Vec::new(),
            },
            Ok(()) => {
                let placing = placings.get(&i).copied();
                let (payable, all_steps) =
                    apply_caps(policy, claim, computed, placing, &books, trace);
                books.record(
                    policy,
                    &Payment {
                        claim_id: &claim.claim_id,
                        applicant: claim.applicant,
                        item: claim.item,
                        reference: claim.reference,
                        year: claim.date.year(),
                        quantity: claim.quantity,
                        computed,
                        payable,
                    },
                );
                let cuts = all_steps.iter().filter(|s| s.cuts()).cloned().collect();
                steps = all_steps;
                Outcome {
                    status: if payable < computed {
                        Status::Capped
                    } else {
                        Status::Paid
                    },
                    computed,
                    payable,
                    cut: computed - payable,
                    basis,
                    rejection: None,
                    cuts,
                }
            }
        };
        outcomes[i as usize] = outcome;
        if trace {
            traces[i as usize] = Trace {
                checks: checks.clone(),
                steps,
            };
        }
    }
    (outcomes, traces, taken)
}
