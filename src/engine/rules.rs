//! The rules of one claim: its amount before caps, the checks that can
//! refuse it, and the caps that can cut it. Pure functions of the policy,
//! the claim and the books.

use rust_decimal::Decimal;

use super::books::{
    candidacy_key, clause_year_key, once_key, refs_paid_before, rooms, Books, Once,
};
use super::outcome::{Basis, Cap, CapStep, Check, MaxOf, OutOfRange, Rejection, Tier};
use crate::claims::{Claim, RefId, Refs};
use crate::policy::{FigureBy, Item, Kind, Measured, Policy};

/// Step 1 of the pass: the amount before caps, rounded as the policy says.
pub fn before_caps(policy: &Policy, claim: &Claim) -> (Decimal, Basis) {
    let item = policy.item(claim.item);
    let (figure, tier) = match tier_of(item, claim) {
        Some((figure, tier)) => (Some(figure), Some(tier)),
        None => (None, None),
    };
    // A one-off award with a count threshold (10件以上的，一次性奖励) counts
    // the quantity against its threshold but is not multiplied by it.
    let quantity = if item.per_unit { claim.quantity } else { 1 };
    let (computed, basis) = match prorated(item, claim) {
        Some((base, mut wrap)) => {
            let (computed, inner) = by_kind(policy, &item.kind, figure, claim, quantity, base);
            if let Basis::Prorated { of, .. } = &mut wrap {
                **of = inner;
            }
            (computed, wrap)
        }
        None => by_kind(policy, &item.kind, figure, claim, quantity, claim.amount),
    };
    match tier {
        Some(tier) => (
            computed,
            Basis::Tiered {
                tier,
                of: Box::new(basis),
            },
        ),
        None => (computed, basis),
    }
}

/// A base counted for at most the item's period: the scaled base, and the
/// basis that says so (its inner basis filled in by the caller). `None`
/// when the item has no such limit or the claim's period is within it.
fn prorated(item: &Item, claim: &Claim) -> Option<(Option<Decimal>, Basis)> {
    let (fact, limit) = item.base_period?;
    let period = claim.facts.get(usize::from(fact)).copied().flatten()?;
    let written = claim.amount?;
    if period <= limit || period <= Decimal::ZERO {
        return None;
    }
    let base = written * limit / period;
    let basis = Basis::Prorated {
        fact,
        written,
        period,
        limit,
        of: Box::new(Basis::Manual),
    };
    Some((Some(base), basis))
}

/// The figure of the item's table for this claim, and which it was.
fn tier_of(item: &Item, claim: &Claim) -> Option<(Decimal, Tier)> {
    match item.figure_by.as_ref()? {
        FigureBy::Tiers { on, bands } => {
            let value = match on {
                Measured::Fact(f) => claim.facts.get(usize::from(*f)).copied().flatten(),
                Measured::Amount => claim.amount,
            }?;
            let (i, band) = bands
                .iter()
                .enumerate()
                .find(|(_, b)| b.range.broken_by(value).is_none())?;
            let tier = Tier::Band {
                on: *on,
                band: i + 1,
                range: band.range,
            };
            Some((band.figure, tier))
        }
        FigureBy::Type(table) => table
            .iter()
            .find(|(t, _)| *t == claim.applicant_type)
            .map(|(t, f)| (*f, Tier::Type(*t))),
    }
}

/// The amount before caps by the item's kind, with `figure` (from a
/// table) in place of the kind's own figure when given.
fn by_kind(
    policy: &Policy,
    kind: &Kind,
    figure: Option<Decimal>,
    claim: &Claim,
    quantity: u32,
    base: Option<Decimal>,
) -> (Decimal, Basis) {
    let round = |d: Decimal| policy.rounding.apply(d);
    let amount = base.unwrap_or_default();
    match kind {
        Kind::Fixed { amount: each } => {
            let each = figure.unwrap_or(*each);
            (
                round(each * Decimal::from(quantity)),
                Basis::Fixed {
                    amount: each,
                    quantity,
                },
            )
        }
        Kind::Percent { rate } => {
            let rate = figure.unwrap_or(*rate);
            (round(amount * rate), Basis::Percent { base: amount, rate })
        }
        Kind::Approved { .. } => (round(amount), Basis::Approved { amount }),
        Kind::Floor { minimum } => {
            let raised = claim.amount.is_none_or(|a| a < *minimum);
            (
                round(claim.amount.unwrap_or(*minimum).max(*minimum)),
                Basis::Floor {
                    amount: claim.amount,
                    minimum: *minimum,
                    raised,
                },
            )
        }
        Kind::Matching { ratio } => {
            let ratio = figure.unwrap_or(*ratio);
            (
                round(amount * ratio),
                Basis::Matching {
                    base: amount,
                    ratio,
                },
            )
        }
        Kind::Manual { .. } => (Decimal::ZERO, Basis::Manual),
    }
}

/// Eligibility, then uniqueness, in the order of SPEC §5 step 3. Every check
/// made is written to `checks`; the first that fails refuses the claim.
pub fn admit(
    policy: &Policy,
    claim: &Claim,
    amount: Decimal,
    books: &Books<'_>,
    checks: &mut Vec<(Check, bool)>,
) -> Result<(), Rejection> {
    let mut check = |c: Check, ok: bool, why: Rejection| {
        checks.push((c, ok));
        if ok {
            Ok(())
        } else {
            Err(why)
        }
    };
    eligible(policy, claim, &mut check)?;
    unique(policy, claim, books, &mut check)?;
    higher_award_paid(policy, claim, amount, books, &mut check)
}

/// 就高不重复: a reference the award group already paid at least this
/// claim's figure for is a duplicate (a higher award after a lower one is
/// paid the difference, by `higher_award_step`).
fn higher_award_paid(
    policy: &Policy,
    claim: &Claim,
    amount: Decimal,
    books: &Books<'_>,
    check: &mut CheckFn<'_>,
) -> Result<(), Rejection> {
    let (Some(group), Some(reference)) = (policy.item(claim.item).award_group, claim.refs.first())
    else {
        return Ok(());
    };
    let paid = books.used(&super::books::Room::Group(group, reference));
    if paid > Decimal::ZERO && paid >= amount {
        let by = books
            .paid_by(&Once::GroupRef(group, reference))
            .unwrap_or_default();
        check(
            Check::Unique,
            false,
            Rejection::HigherAwardPaid {
                group,
                paid,
                by: by.into(),
            },
        )?;
    }
    Ok(())
}

/// A check made: its name, whether it passed, and the rejection if not.
type CheckFn<'c> = dyn FnMut(Check, bool, Rejection) -> Result<(), Rejection> + 'c;

/// Who may claim and on what conditions: the claim alone decides.
fn eligible(policy: &Policy, claim: &Claim, check: &mut CheckFn<'_>) -> Result<(), Rejection> {
    let item = policy.item(claim.item);
    check(
        Check::Validity,
        (policy.valid_from..=policy.valid_until).contains(&claim.date),
        Rejection::OutsideValidity,
    )?;
    if policy.other_city_support.is_some() {
        check(
            Check::OtherCitySupport,
            !claim.other_city_support,
            Rejection::OtherCitySupport,
        )?;
    }
    check(
        Check::ApplicantType,
        item.applicants.contains(claim.applicant_type),
        Rejection::ApplicantType {
            allowed: item.applicants,
        },
    )?;
    if !item.tags_any.is_empty() {
        check(
            Check::Tags,
            claim.tags.intersects(item.tags_any),
            Rejection::MissingTag {
                any_of: item.tags_any,
            },
        )?;
    }
    for (fact, minimum) in &item.facts_min {
        let actual = claim.facts.get(usize::from(*fact)).copied().flatten();
        check(
            Check::Fact(*fact),
            actual.is_some_and(|a| a >= *minimum),
            Rejection::FactBelow {
                fact: *fact,
                minimum: *minimum,
                actual,
            },
        )?;
    }
    fact_conditions(item, claim, check)?;
    ranges(item, claim, check)?;
    if let Some(minimum) = item.min_quantity {
        check(
            Check::MinQuantity,
            claim.quantity >= minimum,
            Rejection::QuantityBelow {
                minimum,
                actual: claim.quantity,
            },
        )?;
    }
    Ok(())
}

/// A claim dated within a window after a date fact, and yes/no or choice
/// facts holding an allowed value: a fact not given fails its condition.
fn fact_conditions(item: &Item, claim: &Claim, check: &mut CheckFn<'_>) -> Result<(), Rejection> {
    use rust_decimal::prelude::ToPrimitive;
    let fact = |f: u8| claim.facts.get(usize::from(f)).copied().flatten();
    for (f, window) in &item.facts_within {
        let start = fact(*f)
            .and_then(|v| v.to_u32())
            .and_then(crate::date::Date::from_ordinal);
        let inside = start.is_some_and(|s| s <= claim.date && claim.date <= window_end(s, *window));
        let why = Rejection::OutsideWindow {
            fact: *f,
            window: *window,
            start,
        };
        check(Check::FactWindow(*f), inside, why)?;
    }
    for (f, allowed) in &item.facts_one_of {
        let actual = fact(*f);
        let ok = actual
            .and_then(|v| v.to_u32())
            .is_some_and(|c| allowed.contains(&c));
        let why = Rejection::FactNotAllowed { fact: *f, actual };
        check(Check::FactOneOf(*f), ok, why)?;
    }
    Ok(())
}

/// The last day of a window after `start`: the corresponding day N months
/// or years on (or the month's end), or N days on; the start day itself
/// is not counted (民法典第二百零一条).
pub fn window_end(start: crate::date::Date, window: crate::policy::Window) -> crate::date::Date {
    use crate::policy::WindowUnit;
    match window.unit {
        WindowUnit::Days => start.plus_days(window.count),
        WindowUnit::Months => start.plus_months(window.count),
        WindowUnit::Years => start.plus_months(window.count.saturating_mul(12)),
    }
}

/// The ranges on facts and on the amount: a value missing or outside is
/// refused, naming the bound.
fn ranges(item: &Item, claim: &Claim, check: &mut CheckFn<'_>) -> Result<(), Rejection> {
    let facts = item.facts_range.iter().map(|(f, r)| {
        (
            Measured::Fact(*f),
            r,
            claim.facts.get(usize::from(*f)).copied().flatten(),
        )
    });
    let amount = item
        .amount_range
        .iter()
        .map(|r| (Measured::Amount, r, claim.amount));
    for (on, range, actual) in facts.chain(amount) {
        let broken = match actual {
            Some(a) => range.broken_by(a),
            None => Some(range.first_bound()),
        };
        let (side, bound) = broken.unwrap_or_else(|| range.first_bound());
        let why = Rejection::OutOfRange(OutOfRange {
            on,
            side,
            bound,
            actual,
        });
        check(Check::Range(on), broken.is_none(), why)?;
    }
    Ok(())
}

/// Whether what the claim asks for was paid before, in a ledger or earlier
/// in this batch.
fn unique(
    policy: &Policy,
    claim: &Claim,
    books: &Books<'_>,
    check: &mut CheckFn<'_>,
) -> Result<(), Rejection> {
    let item = policy.item(claim.item);
    check(
        Check::LedgerClaimId,
        !books.claim_in_ledger(&claim.claim_id),
        Rejection::ClaimInLedger,
    )?;
    let year = claim.date.year();
    if let Some(earlier) = item.requires {
        let by = books.paid_by(&Once::Awarded(earlier, claim.applicant));
        check(
            Check::EarlierAward,
            by.is_some(),
            Rejection::EarlierAwardMissing { item: earlier },
        )?;
    }
    if let Refs::PerUnit(list) = &claim.refs {
        let paid = refs_paid_before(policy, claim, books);
        let all_paid = paid.len() == list.len();
        let why = Rejection::RefsPaid {
            refs: named_refs(list, &paid),
        };
        check(Check::Unique, !all_paid, why)?;
    } else if let Some(key) = once_key(
        policy,
        claim.item,
        claim.applicant,
        claim.refs.first(),
        year,
    ) {
        let by = books.paid_by(&key);
        let why = |by: &str| match key {
            Once::Ref(..) => Rejection::RefPaid { by: by.into() },
            Once::ApplicantRef(..) => Rejection::ApplicantRefPaid { by: by.into() },
            Once::Applicant(..) => Rejection::ApplicantPaid { by: by.into() },
            Once::ItemYear(..)
            | Once::ClauseYear(..)
            | Once::Candidacy(..)
            | Once::GroupRef(..)
            | Once::Awarded(..) => Rejection::ItemYearPaid { by: by.into() },
        };
        check(Check::Unique, by.is_none(), why(by.unwrap_or_default()))?;
    }
    if let Some(key) = clause_year_key(policy, claim.item, claim.applicant, year) {
        let by = books.paid_by(&key);
        check(
            Check::ClauseOneAward,
            by.is_none(),
            Rejection::ClauseYearPaid {
                clause: item.clause,
                by: by.unwrap_or_default().into(),
            },
        )?;
    }
    // Listed only when it refuses: a candidacy passes wherever the clause's
    // one award a year passed, save after a candidacy left to the office.
    let candidacy = candidacy_key(policy, claim.item, claim.applicant, year);
    if let Some(by) = candidacy.and_then(|key| books.paid_by(&key)) {
        check(
            Check::ClauseOneAward,
            false,
            Rejection::Candidacy { by: by.into() },
        )?;
    }
    Ok(())
}

/// The first cap of a per-unit claim some of whose references were paid
/// before: their units are cut.
fn refs_paid_step(
    policy: &Policy,
    claim: &Claim,
    books: &Books<'_>,
    payable: Decimal,
) -> Option<CapStep> {
    let Refs::PerUnit(list) = &claim.refs else {
        return None;
    };
    let paid = refs_paid_before(policy, claim, books);
    if paid.is_empty() {
        return None;
    }
    // A figure from a table is the claim's own: the amount per unit it was
    // computed with.
    let unit = policy
        .item(claim.item)
        .unit_amount()
        .unwrap_or_else(|| payable / Decimal::from(claim.quantity.max(1)));
    let count = Decimal::from(paid.len());
    let after = (payable - policy.rounding.apply(unit * count)).max(Decimal::ZERO);
    Some(CapStep {
        cap: Cap::RefsPaid {
            item: claim.item,
            paid: named_refs(list, &paid),
        },
        limit: Decimal::from(list.len()),
        used: count,
        before: payable,
        after,
        users: Vec::new(),
    })
}

/// Only the higher award: what the group already paid for the reference
/// is taken off, never below nothing.
fn higher_award_step(
    policy: &Policy,
    claim: &Claim,
    books: &Books<'_>,
    payable: Decimal,
    trace: bool,
) -> Option<CapStep> {
    let group = policy.item(claim.item).award_group?;
    let room = super::books::Room::Group(group, claim.refs.first()?);
    let used = books.used(&room);
    let limit = payable;
    Some(CapStep {
        cap: Cap::HigherAward { group },
        limit,
        used,
        before: payable,
        after: (limit - used).max(Decimal::ZERO),
        users: if trace {
            books.users(&room)
        } else {
            Vec::new()
        },
    })
}

/// At most so many units per reference: the units left for the claim's
/// reference are paid.
fn per_ref_step(
    policy: &Policy,
    claim: &Claim,
    books: &Books<'_>,
    payable: Decimal,
    trace: bool,
) -> Option<CapStep> {
    let item = policy.item(claim.item);
    let (max, reference, unit) = (item.max_per_ref?, claim.refs.first()?, item.unit_amount()?);
    let room = super::books::Room::Ref(claim.item, reference);
    let cap = Cap::PerRef { item: claim.item };
    let units = Units {
        limit: Decimal::from(max),
        claimed: claim.quantity,
        unit,
    };
    Some(units_left_step(
        policy, cap, room, units, books, payable, trace,
    ))
}

/// A limit on units under one room, the units a claim asks for and the
/// money each unit is worth.
struct Units {
    limit: Decimal,
    claimed: u32,
    unit: Decimal,
}

/// The units left under the room are paid, at the claim's figure per unit;
/// the rest of the claim is cut.
fn units_left_step(
    policy: &Policy,
    cap: Cap,
    room: super::books::Room,
    units: Units,
    books: &Books<'_>,
    payable: Decimal,
    trace: bool,
) -> CapStep {
    let used = books.used(&room);
    let left = Decimal::from(units.claimed).min((units.limit - used).max(Decimal::ZERO));
    let after = payable.min(policy.rounding.apply(left * units.unit));
    CapStep {
        cap,
        limit: units.limit,
        used,
        before: payable,
        after,
        users: if trace {
            books.users(&room)
        } else {
            Vec::new()
        },
    }
}

/// At most so many units per reference over the items of a `ref_limit`:
/// the units left for the claim's reference are paid, at the claim's own
/// figure per unit.
fn ref_limit_step(
    policy: &Policy,
    claim: &Claim,
    computed: Decimal,
    books: &Books<'_>,
    payable: Decimal,
    trace: bool,
) -> Option<CapStep> {
    let item = policy.item(claim.item);
    let group = item.ref_limit?;
    let reference = claim.refs.first()?;
    let unit = item.unit_figure(computed, claim.quantity)?;
    let limit = Decimal::from(policy.ref_limits.get(usize::from(group))?.max_units);
    let room = super::books::Room::RefLimit(group, reference);
    let units = Units {
        limit,
        claimed: claim.quantity,
        unit,
    };
    Some(units_left_step(
        policy,
        Cap::RefLimit { group },
        room,
        units,
        books,
        payable,
        trace,
    ))
}

/// The references already paid, by their text, each with who paid it.
fn named_refs(list: &[(RefId, Box<str>)], paid: &[(usize, &str)]) -> Vec<(Box<str>, Box<str>)> {
    paid.iter()
        .map(|(i, by)| (list[*i].1.clone(), Box::<str>::from(*by)))
        .collect()
}

/// Where a quota claim stands in its year's ranking.
#[derive(Debug, Clone, Copy)]
pub struct Placing {
    pub rank: u32,
    pub taken_before: u32,
    pub won: bool,
    /// The ranking could not place the claim without a guess: it is left
    /// to the office (`manual`), and takes no place.
    pub undecided: Option<super::outcome::Undecided>,
}

/// Steps 3 and 4: every cap that covers the claim, in order, each taking
/// the payable down to what it leaves. The steps (all of them) are left in
/// `steps`; the payable is returned.
pub fn apply_caps(
    policy: &Policy,
    claim: &Claim,
    computed: Decimal,
    placing: Option<Placing>,
    books: &Books<'_>,
    trace: bool,
    steps: &mut Vec<CapStep>,
) -> Decimal {
    let item = policy.item(claim.item);
    let year = claim.date.year();
    let mut payable = computed;
    steps.clear();
    let users = |room: &super::books::Room| if trace { books.users(room) } else { Vec::new() };

    if let Some(step) = refs_paid_step(policy, claim, books, payable) {
        payable = step.after;
        steps.push(step);
    }
    let rooms = rooms(policy, claim.item, claim.applicant, year);
    let quantity_cap = item
        .quantity_caps
        .iter()
        .find(|q| q.applicants.contains(claim.applicant_type));
    let unit = item.unit_figure(computed, claim.quantity);
    if let (Some(qc), Some(unit), Some(room)) = (quantity_cap, unit, rooms.units) {
        let limit = Decimal::from(qc.max_per_year);
        let used = books.used(&room);
        let units = Decimal::from(claim.quantity).min((limit - used).max(Decimal::ZERO));
        let after = payable.min(policy.rounding.apply(units * unit));
        steps.push(CapStep {
            cap: Cap::Quantity {
                item: claim.item,
                unit_amount: unit,
            },
            limit,
            used,
            before: payable,
            after,
            users: users(&room),
        });
        payable = after;
    }
    if let Some(step) = per_ref_step(policy, claim, books, payable, trace) {
        payable = step.after;
        steps.push(step);
    }
    if let Some(step) = ref_limit_step(policy, claim, computed, books, payable, trace) {
        payable = step.after;
        steps.push(step);
    }
    if let Some(step) = higher_award_step(policy, claim, books, payable, trace) {
        payable = step.after;
        steps.push(step);
    }
    if let Some(placing) = placing {
        let step = quota_step(policy, claim.item, placing, payable);
        payable = step.after;
        steps.push(step);
    }
    money_caps(policy, claim, payable, books, trace, steps)
}

/// The caps in money after the caps in units: the per-claim maximum, then
/// the item's, the clause's and the whole measure's caps per applicant per
/// year, in that order.
fn money_caps(
    policy: &Policy,
    claim: &Claim,
    mut payable: Decimal,
    books: &Books<'_>,
    trace: bool,
    steps: &mut Vec<CapStep>,
) -> Decimal {
    let item = policy.item(claim.item);
    let clause = policy.clause_of(claim.item);
    let rooms = rooms(policy, claim.item, claim.applicant, claim.date.year());
    let users = |room: &super::books::Room| if trace { books.users(room) } else { Vec::new() };
    if let Some((max, of)) = claim_max(item, claim) {
        let after = payable.min(max);
        steps.push(CapStep {
            cap: Cap::ProjectMax {
                item: claim.item,
                of,
            },
            limit: max,
            used: Decimal::ZERO,
            before: payable,
            after,
            users: Vec::new(),
        });
        payable = after;
    }
    // The whole measure's figure for the applicant's own type.
    let measure = policy
        .measure_cap_of(claim.item)
        .and_then(|m| m.limit_for(claim.applicant_type));
    let annual = [
        (
            item.annual_cap.zip(rooms.item),
            Cap::ItemAnnual { item: claim.item },
        ),
        (
            item.lifetime_cap.zip(rooms.item_life),
            Cap::ItemLifetime { item: claim.item },
        ),
        (
            clause.annual_cap.zip(rooms.clause),
            Cap::ClauseAnnual {
                clause: item.clause,
            },
        ),
        (
            measure.map(|(limit, _)| limit).zip(rooms.measure),
            Cap::MeasureAnnual {
                of_type: measure.and_then(|(_, t)| t),
            },
        ),
    ];
    for (cap, kind) in annual {
        let Some((limit, room)) = cap else { continue };
        let used = books.used(&room);
        let after = payable.min((limit - used).max(Decimal::ZERO));
        steps.push(CapStep {
            cap: kind,
            limit,
            used,
            before: payable,
            after,
            users: users(&room),
        });
        payable = after;
    }
    payable
}

/// The most the claim may be paid, and whose maximum it is: the lowest of
/// the item's per-project and per-claim maximums and its band's own.
fn claim_max(item: &Item, claim: &Claim) -> Option<(Decimal, MaxOf)> {
    let own = match item.kind {
        Kind::Approved { max } => match item.max_per_claim {
            Some(m) if m < max => Some((m, MaxOf::Claim)),
            _ => Some((max, MaxOf::Project)),
        },
        _ => item.max_per_claim.map(|m| (m, MaxOf::Claim)),
    };
    let band = match (tier_of(item, claim), item.figure_by.as_ref()) {
        (Some((_, Tier::Band { band, .. })), Some(FigureBy::Tiers { bands, .. })) => bands
            .get(band - 1)
            .and_then(|b| b.max_per_claim)
            .map(|m| (m, MaxOf::Band(band))),
        _ => None,
    };
    match (own, band) {
        (Some(o), Some(b)) => Some(if b.0 < o.0 { b } else { o }),
        (o, b) => o.or(b),
    }
}

/// The city-wide quota applied to a ranked claim: a claim without a place
/// is paid the overflow item's figure.
pub fn quota_step(
    policy: &Policy,
    item: crate::policy::ItemIdx,
    placing: Placing,
    payable: Decimal,
) -> CapStep {
    let quota = policy.item(item).quota;
    let per_year = quota.map(|q| q.per_year).unwrap_or(0);
    let overflow = quota.map(|q| q.overflow).unwrap_or(item);
    let overflow_amount = policy.item(overflow).unit_amount().unwrap_or_default();
    let after = if placing.won {
        payable
    } else {
        payable.min(policy.rounding.apply(overflow_amount))
    };
    CapStep {
        cap: Cap::Quota {
            item,
            overflow,
            rank: placing.rank,
            taken_before: placing.taken_before,
        },
        limit: Decimal::from(per_year),
        used: Decimal::from(placing.taken_before + placing.rank - 1),
        before: payable,
        after,
        users: Vec::new(),
    }
}
