//! The cap-aware pass (SPEC §5): a pure function from the policy, the
//! claims of a batch and the rows of earlier payouts to one outcome per
//! claim. No I/O; no item or clause is named here, only kinds of rule.

mod books;
mod outcome;
mod rules;

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;

pub use outcome::{
    Basis, Cap, CapStep, Check, MaxOf, NoPlace, OutOfRange, Outcome, Rejection, Status, Tier,
    Trace, Undecided,
};

use books::{Books, Payer, Payment};
pub use rules::window_end;
use rules::{admit, apply_caps, before_caps, quota_step, Placing};

use crate::claims::{ApplicantId, Claim, Refs};
use crate::policy::{ItemIdx, Kind, Policy};

/// A row of an earlier payout (a ledger), as already paid.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    pub claim_id: Box<str>,
    pub applicant: ApplicantId,
    /// `None` when the row named no item of this policy: it still blocks
    /// its claim_id.
    pub item: Option<ItemIdx>,
    pub refs: Refs,
    /// The event date: ledger rows are entered in the order a single batch
    /// would have decided them (date, claim_id).
    pub date: crate::date::Date,
    pub year: i32,
    pub quantity: u32,
    pub computed: Decimal,
    pub payable: Decimal,
}

/// The most passes the quota ranking may take to settle. A pass after the
/// first runs only when the set of ranked candidates changed; on every
/// policy and batch tried (the property tests included) two passes settle
/// it. Should a batch ever need more, the last pass stands and the caller
/// is told, so that the office decides the ranking rather than the tool
/// looping without end.
pub const MAX_PASSES: usize = 16;

/// The outcome of every claim, in the order of `claims`.
pub fn run(policy: &Policy, claims: &[Claim], prior: &[Prior]) -> Vec<Outcome> {
    run_within(policy, claims, prior, MAX_PASSES).0
}

/// As `run`, with at most `max_passes` passes; `false` beside the outcomes
/// when the quota ranking had not settled by then.
pub fn run_within(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    max_passes: usize,
) -> (Vec<Outcome>, bool) {
    let (outcomes, _, settled) = settle(policy, claims, prior, false, max_passes);
    (outcomes, settled)
}

/// As `run_traced`, with at most `max_passes` passes (one: no ranking).
pub fn run_traced_within(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    max_passes: usize,
) -> (Vec<Outcome>, Vec<Trace>) {
    let (outcomes, traces, _) = settle(policy, claims, prior, true, max_passes);
    (outcomes, traces)
}

/// As `run`, with the full derivation of every claim (for `explain`).
pub fn run_traced(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
) -> (Vec<Outcome>, Vec<Trace>) {
    let (outcomes, traces, _) = settle(policy, claims, prior, true, MAX_PASSES);
    (outcomes, traces)
}

/// Runs the pass and settles the quota ranking. The ranking needs to know
/// which quota claims pass eligibility and uniqueness, which only a pass can
/// tell; the first pass lets every quota claim through at full figure, then
/// those that passed are ranked. A ranking changes only how much a quota
/// claim is paid, never whether; when the quota item shares no cap with any
/// other claim, that is all it changes, and the quota step is applied to
/// the ranked claims directly. Otherwise the pass runs again with the
/// ranking, until the candidates no longer change.
fn settle(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    trace: bool,
    max_passes: usize,
) -> (Vec<Outcome>, Vec<Trace>, bool) {
    // The amounts before caps depend on each claim alone; computing them on
    // a second thread measured no faster (bench/README.md, Speed).
    let computed: Vec<(Decimal, Basis)> = claims.iter().map(|c| before_caps(policy, c)).collect();
    let order = processing_order(claims);
    let taken = places_taken(policy, prior);
    let mut placings = FxHashMap::default();
    let mut ranked: Option<Vec<u32>> = None;
    let mut passes = 0;
    // A later pass overwrites the outcomes of the one before, in place: a
    // million outcomes are not allocated, faulted in and freed twice.
    let mut spare = Vec::new();
    loop {
        passes += 1;
        let ranking = (&order[..], &placings);
        let (mut outcomes, mut traces) =
            pass(policy, claims, prior, ranking, &computed, spare, trace);
        let candidates: Vec<u32> = order
            .iter()
            .copied()
            .filter(|&i| {
                let outcome = &outcomes[i as usize];
                // A claim refused only for want of a place stays a candidate.
                let placeless =
                    matches!(outcome.rejection.as_deref(), Some(Rejection::QuotaFull(_)));
                policy.item(claims[i as usize].item).quota.is_some()
                    && (outcome.status != Status::Rejected || placeless)
            })
            .collect();
        if candidates.is_empty() || ranked.as_ref() == Some(&candidates) {
            return (outcomes, traces, true);
        }
        if passes >= max_passes {
            return (outcomes, traces, false);
        }
        placings = rank(policy, claims, &candidates, &taken);
        // A candidate left to the office pays nothing and holds no award,
        // which can change the claims after it: only a full pass tells.
        let all_placed = placings.values().all(|p| p.undecided.is_none());
        if ranked.is_none() && all_placed && quotas_stand_alone(policy) {
            for (&i, &placing) in &placings {
                let (i, claim) = (i as usize, &claims[i as usize]);
                let step = quota_step(policy, claim.item, placing, outcomes[i].payable);
                let outcome = &mut outcomes[i];
                outcome.pay_at_most(step.after);
                if step.is_noted() {
                    outcome.cuts.push(step.clone());
                }
                if trace {
                    traces[i].steps.push(step);
                }
            }
            return (outcomes, traces, true);
        }
        ranked = Some(candidates);
        spare = outcomes;
    }
}

/// SPEC §5 step 2: claims by (date, claim_id), claim_ids as plain strings.
/// The sort compares integers (the date, the first eight bytes of the id)
/// and reads the whole id only when those tie: a million claims sort in a
/// fraction of the time that string comparisons alone would take.
fn processing_order(claims: &[Claim]) -> Vec<u32> {
    let mut keys: Vec<(u32, u64, u32)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut prefix = [0u8; 8];
            let id = c.claim_id.as_bytes();
            let n = id.len().min(8);
            prefix[..n].copy_from_slice(&id[..n]);
            (c.date.ordinal(), u64::from_be_bytes(prefix), i as u32)
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
            claims[a.2 as usize]
                .claim_id
                .cmp(&claims[b.2 as usize].claim_id)
        })
    });
    keys.into_iter().map(|k| k.2).collect()
}

/// The places of each quota item and year already taken in the ledgers: a
/// row paid the item's full figure held one; a row paid the overflow figure
/// did not.
fn places_taken(policy: &Policy, prior: &[Prior]) -> FxHashMap<(ItemIdx, i32), u32> {
    let mut taken = FxHashMap::default();
    for p in prior {
        let Some(item) = p.item else { continue };
        if policy.item(item).quota.is_some() && p.payable > Decimal::ZERO && p.payable == p.computed
        {
            *taken.entry((item, p.year)).or_default() += 1;
        }
    }
    taken
}

/// True when no quota item shares a cap with anything: no quantity cap, no
/// per-project maximum, no item, clause or measure cap, and an overflow figure above
/// zero (so a claim without a place is still paid, as it was in the pass).
fn quotas_stand_alone(policy: &Policy) -> bool {
    policy
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.quota.is_some())
        .all(|(idx, item)| {
            let overflow = item
                .quota
                .and_then(|q| policy.item(q.overflow).unit_amount())
                .unwrap_or_default();
            item.quantity_caps.is_empty()
                && item.annual_cap.is_none()
                && item.max_per_claim.is_none()
                && item.max_per_ref.is_none()
                && item.award_group.is_none()
                && matches!(item.kind, Kind::Fixed { .. })
                && policy.clauses[usize::from(item.clause)]
                    .annual_cap
                    .is_none()
                && policy.measure_cap_of(idx as ItemIdx).is_none()
                && overflow > Decimal::ZERO
                && item.quota.is_some_and(|q| !q.refuse_rest)
        })
}

/// SPEC §5 step 6 (rev 3): per quota item and year, the candidates are
/// ranked by score, highest first (claim_id orders the rest, for the rank
/// shown). Places already taken by ledger rows count. While the candidates
/// fit in the places left, each has one; with no place left, none has; else
/// the scores decide, and no place is given on a guess: a missing score
/// leaves every candidate of the year to the office, a tie across the
/// boundary leaves the tied ones.
fn rank(
    policy: &Policy,
    claims: &[Claim],
    candidates: &[u32],
    taken: &FxHashMap<(ItemIdx, i32), u32>,
) -> FxHashMap<u32, Placing> {
    let mut groups: FxHashMap<(ItemIdx, i32), Vec<u32>> = FxHashMap::default();
    for &i in candidates {
        let c = &claims[i as usize];
        groups.entry((c.item, c.date.year())).or_default().push(i);
    }
    let mut placings = FxHashMap::default();
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
        let places_left = per_year.saturating_sub(taken_before);
        let fits = group.len() <= places_left as usize;
        let missing = group
            .iter()
            .filter(|&&i| claims[i as usize].score.is_none())
            .count() as u32;
        let undecided_all =
            (!fits && places_left > 0 && missing > 0).then_some(Undecided::MissingScores {
                item,
                per_year,
                places_left,
                candidates: group.len() as u32,
                missing,
            });
        let tie = if fits || undecided_all.is_some() {
            None
        } else {
            boundary_tie(claims, &group, places_left)
        };
        for (position, &i) in group.iter().enumerate() {
            let rank = position as u32 + 1;
            let score = claims[i as usize].score;
            let undecided = undecided_all.or_else(|| {
                tie.filter(|t| score == Some(t.score))
                    .map(|t| Undecided::Tie {
                        item,
                        per_year,
                        places_left,
                        score: t.score,
                        tied: t.tied,
                        first_place: t.first_place,
                    })
            });
            placings.insert(
                i,
                Placing {
                    rank,
                    taken_before,
                    won: fits || rank <= places_left,
                    undecided,
                },
            );
        }
    }
    placings
}

/// A score shared by the last candidate inside the places left and the
/// first outside: how many share it and the first place they contest.
#[derive(Debug, Clone, Copy)]
struct Tie {
    score: Decimal,
    tied: u32,
    first_place: u32,
}

/// The tie across the boundary of `places` among `ranked` (all scored,
/// best first), if the last inside and the first outside share a score.
fn boundary_tie(claims: &[Claim], ranked: &[u32], places: u32) -> Option<Tie> {
    let places = places as usize;
    if places == 0 || places >= ranked.len() {
        return None;
    }
    let score_at = |k: usize| claims[ranked[k] as usize].score;
    let score = score_at(places - 1).filter(|s| score_at(places) == Some(*s))?;
    let first = (0..places)
        .find(|&k| score_at(k) == Some(score))
        .unwrap_or(places - 1);
    let tied = ranked
        .iter()
        .filter(|&&i| claims[i as usize].score == Some(score))
        .count() as u32;
    Some(Tie {
        score,
        tied,
        first_place: first as u32 + 1,
    })
}

type PassResult = (Vec<Outcome>, Vec<Trace>);

/// The books opened with every ledger row as already paid.
fn opening_books<'a>(
    policy: &Policy,
    claims: &'a [Claim],
    prior: &'a [Prior],
    trace: bool,
) -> Books<'a> {
    let mut books = Books::new(claims, prior, trace);
    let mut in_order: Vec<(usize, &Prior)> = prior.iter().enumerate().collect();
    in_order.sort_by(|a, b| (a.1.date, &a.1.claim_id).cmp(&(b.1.date, &b.1.claim_id)));
    for (n, p) in in_order {
        books.block_claim_id(&p.claim_id);
        if let Some(item) = p.item {
            let payment = Payment {
                payer: Payer::Prior(n as u32),
                applicant: p.applicant,
                item,
                refs: &p.refs,
                year: p.year,
                quantity: p.quantity,
                computed: p.computed,
                payable: p.payable,
            };
            books.record(policy, &payment);
        }
    }
    books
}

/// One pass over every claim in `order` (which holds each claim once),
/// with the quota `placings` so far. `outcomes` is the previous pass's, to
/// be overwritten, or empty.
fn pass(
    policy: &Policy,
    claims: &[Claim],
    prior: &[Prior],
    (order, placings): (&[u32], &FxHashMap<u32, Placing>),
    computed: &[(Decimal, Basis)],
    mut outcomes: Vec<Outcome>,
    trace: bool,
) -> PassResult {
    let mut books = opening_books(policy, claims, prior, trace);
    if outcomes.len() != claims.len() {
        outcomes = vec![Outcome::blank(); claims.len()];
    }
    let mut traces = if trace {
        vec![Trace::default(); claims.len()]
    } else {
        Vec::new()
    };
    let mut checks = Vec::new();
    let mut steps = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        if let Some(&ahead) = order.get(k + AHEAD) {
            let ahead = ahead as usize;
            prefetch(&claims[ahead]);
            prefetch(&computed[ahead]);
            prefetch(&outcomes[ahead]);
        }
        let (amount, basis) = &computed[i as usize];
        let placing = placings.get(&i).copied();
        let claim = Decision {
            index: i,
            amount: *amount,
            placing,
        };
        outcomes[i as usize] = decide(
            policy,
            claims,
            &claim,
            basis,
            &mut books,
            trace,
            (&mut checks, &mut steps),
        );
        if trace {
            traces[i as usize] = Trace {
                checks: checks.clone(),
                steps: steps.clone(),
            };
        }
    }
    (outcomes, traces)
}

/// A ranked claim without a place, under a quota that pays the rest
/// nothing: refused with its ranking.
fn quota_refused(policy: &Policy, item: ItemIdx, placing: Option<Placing>) -> Option<Rejection> {
    let quota = policy.item(item).quota.filter(|q| q.refuse_rest)?;
    let placing = placing.filter(|p| !p.won)?;
    Some(Rejection::QuotaFull(NoPlace {
        item,
        per_year: quota.per_year,
        rank: placing.rank,
        taken_before: placing.taken_before,
    }))
}

/// One claim to decide: where it is, its amount before caps, its place.
struct Decision {
    index: u32,
    amount: Decimal,
    placing: Option<Placing>,
}

/// Decides one claim against the books, and records what it is paid.
fn decide(
    policy: &Policy,
    claims: &[Claim],
    d: &Decision,
    basis: &Basis,
    books: &mut Books<'_>,
    trace: bool,
    (checks, steps): (&mut Vec<(Check, bool)>, &mut Vec<CapStep>),
) -> Outcome {
    let claim = &claims[d.index as usize];
    checks.clear();
    steps.clear();
    if let Err(rejection) = admit(policy, claim, d.amount, books, checks) {
        return Outcome::rejected(d.amount, basis.clone(), rejection);
    }
    if matches!(policy.item(claim.item).kind, Kind::Manual { .. }) {
        return Outcome::manual(basis.clone());
    }
    if let Some(why) = d.placing.and_then(|p| p.undecided) {
        books.enter_candidacy(policy, claim, Payer::Claim(d.index));
        return Outcome::undecided(basis.clone(), why);
    }
    if let Some(full) = quota_refused(policy, claim.item, d.placing) {
        return Outcome::rejected(d.amount, basis.clone(), full);
    }
    let payable = apply_caps(policy, claim, d.amount, d.placing, books, trace, steps);
    books.record(
        policy,
        &Payment {
            payer: Payer::Claim(d.index),
            applicant: claim.applicant,
            item: claim.item,
            refs: &claim.refs,
            year: claim.date.year(),
            quantity: claim.quantity,
            computed: d.amount,
            payable,
        },
    );
    let cuts = steps.iter().filter(|s| s.is_noted()).cloned().collect();
    Outcome::decided(d.amount, payable, basis.clone(), cuts)
}

/// How many claims ahead of the one being decided the pass asks for: claims
/// are decided in date order but stored in file order, so each is a read
/// from far away in memory, and waiting for it was a third of the pass.
const AHEAD: usize = 12;

/// Asks the processor to start fetching `value` into its cache; it changes
/// nothing else.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing into the program,
    // cannot fault, and the address is that of a live reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let start = (value as *const T).cast::<i8>();
        let mut line = 0;
        while line < std::mem::size_of::<T>() {
            _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(line));
            line += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
