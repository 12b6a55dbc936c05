//! The English of the rules added for any city's measures: ranges, tiers,
//! limits per reference, groups of awards.

use crate::claims::Claim;
use crate::engine::{NoPlace, OutOfRange, Tier};
use crate::money::{short, short_grouped};
use rust_decimal::Decimal;

use crate::policy::{Band, Bound, Measured, Policy, Range, Side};
use crate::words::Lang;

/// What a range bounds: a fact's name, or the amount.
pub(super) fn measured(policy: &Policy, on: Measured) -> String {
    match on {
        Measured::Fact(f) => policy
            .facts
            .get(usize::from(f))
            .map(|f| f.label(Lang::En).to_string())
            .unwrap_or_default(),
        Measured::Amount => "the amount".to_string(),
    }
}

/// One bound as a condition: `at least 5000000`, `more than 5000000`.
pub(super) fn condition(side: Side, bound: Bound) -> String {
    let word = match (side, bound.inclusive) {
        (Side::Min, true) => "at least",
        (Side::Min, false) => "more than",
        (Side::Max, true) => "at most",
        (Side::Max, false) => "less than",
    };
    format!("{word} {}", short(bound.value))
}

/// A whole range: `more than 5000000 and at most 10000000`.
pub(super) fn range(r: &Range) -> String {
    let parts: Vec<String> = [(Side::Min, r.min), (Side::Max, r.max)]
        .into_iter()
        .filter_map(|(side, b)| b.map(|b| condition(side, b)))
        .collect();
    parts.join(" and ")
}

/// The tier a figure came from: ` (band 1: employees at most 100)`.
pub(super) fn tier(policy: &Policy, tier: &Tier) -> String {
    match tier {
        Tier::Band { on, band, range: r } => {
            format!(" (band {band}: {} {})", measured(policy, *on), range(r))
        }
        Tier::Type(t) => format!(" (the figure for {})", policy.type_label(*t, Lang::En)),
    }
}

/// A claim without a place under a quota that pays the rest nothing.
pub(super) fn quota_full(policy: &Policy, n: &NoPlace) -> String {
    let (item, per_year, rank, taken) = (n.item, n.per_year, n.rank, n.taken_before);
    let earlier = if taken > 0 {
        format!("{taken} taken by earlier payouts, ")
    } else {
        String::new()
    };
    format!(
        "item {} at most {per_year} a year: {earlier}ranked {rank} in this batch, no place left, not paid",
        policy.item(item).id
    )
}

/// A figure of a table: `10%` or `5,000`.
fn table_figure(figure: Decimal, percent: bool) -> String {
    if percent {
        format!("{}%", (figure * Decimal::ONE_HUNDRED).normalize())
    } else {
        crate::money::short_grouped(figure)
    }
}

pub(super) fn tiers(policy: &Policy, on: Measured, bands: &[Band], percent: bool) -> String {
    let bands: Vec<String> = bands
        .iter()
        .map(|b| {
            let max = b
                .max_per_claim
                .map(|m| format!(" (at most {} a claim)", crate::money::short_grouped(m)))
                .unwrap_or_default();
            format!(
                "{}: {}{max}",
                range(&b.range),
                table_figure(b.figure, percent)
            )
        })
        .collect();
    format!("by band of {}: {}", measured(policy, on), bands.join("; "))
}

pub(super) fn by_type(policy: &Policy, table: &[(u8, Decimal)], percent: bool) -> String {
    let each: Vec<String> = table
        .iter()
        .map(|(t, f)| {
            format!(
                "{} {}",
                policy.type_label(*t, Lang::En),
                table_figure(*f, percent)
            )
        })
        .collect();
    format!("by applicant type: {}", each.join(", "))
}

/// The items of a `ref_limit`, by id: `items pct_major, pct_other`.
pub(super) fn ref_limit_items(policy: &Policy, group: u16) -> String {
    let ids: Vec<&str> = policy
        .ref_limits
        .get(usize::from(group))
        .map(|l| {
            l.items
                .iter()
                .map(|i| policy.item(*i).id.as_str())
                .collect()
        })
        .unwrap_or_default();
    format!("items {}", ids.join(", "))
}

pub(super) fn per_ref(n: u32) -> String {
    format!("at most {n} per reference")
}

pub(super) fn award_group(policy: &Policy, group: u16) -> String {
    let ids: Vec<&str> = policy
        .award_groups
        .get(usize::from(group))
        .map(|g| {
            g.items
                .iter()
                .map(|i| policy.item(*i).id.as_str())
                .collect()
        })
        .unwrap_or_default();
    format!("only the highest award of {} per reference", ids.join(", "))
}

pub(super) fn out_of_range(policy: &Policy, broken: &OutOfRange) -> String {
    let name = measured(policy, broken.on);
    let cond = condition(broken.side, broken.bound);
    match broken.actual {
        Some(a) => format!("{name} is {}; it must be {cond}", short(a)),
        None => format!("no {name} given (it must be {cond})"),
    }
}

pub(super) fn in_range(policy: &Policy, claim: &Claim, on: Measured) -> String {
    let item = policy.item(claim.item);
    let (actual, r) = match on {
        Measured::Fact(f) => (
            claim.facts.get(usize::from(f)).copied().flatten(),
            item.facts_range
                .iter()
                .find(|(i, _)| *i == f)
                .map(|(_, r)| *r),
        ),
        Measured::Amount => (claim.amount, item.amount_range),
    };
    format!(
        "{} {} is within the range ({})",
        measured(policy, on),
        actual.map(short).unwrap_or_default(),
        r.map(|r| range(&r)).unwrap_or_default()
    )
}

/// The applicant type whose own figure the whole-measure cap applied:
/// ` (individual)`, nothing when it was the figure for every type.
pub(super) fn measure_type(policy: &Policy, of_type: Option<u8>) -> String {
    of_type
        .map(|t| format!(" ({})", policy.type_label(t, Lang::En)))
        .unwrap_or_default()
}

/// The whole-measure cap in the catalogue: `annual cap 100,000 … (individual
/// 50,000)`, or every type's figure when there is none for the rest.
pub(super) fn measure_cap(
    policy: &Policy,
    annual: Option<Decimal>,
    by_type: &[(u8, Decimal)],
) -> String {
    let each: Vec<String> = by_type
        .iter()
        .map(|(t, f)| format!("{} {}", policy.type_label(*t, Lang::En), short_grouped(*f)))
        .collect();
    match (annual, each.is_empty()) {
        (Some(a), true) => format!(
            "annual cap {} per applicant over the whole measure",
            short_grouped(a)
        ),
        (Some(a), false) => format!(
            "annual cap {} per applicant over the whole measure ({})",
            short_grouped(a),
            each.join(", ")
        ),
        (None, _) => format!(
            "annual cap per applicant over the whole measure: {}",
            each.join(", ")
        ),
    }
}

/// A window of time: `1 year(s)`, `3 month(s)`, `30 day(s)`.
pub(super) fn window(w: crate::policy::Window) -> String {
    use crate::policy::WindowUnit;
    match w.unit {
        WindowUnit::Days => format!("{} day(s)", w.count),
        WindowUnit::Months => format!("{} month(s)", w.count),
        WindowUnit::Years => format!("{} year(s)", w.count),
    }
}

fn fact_name(policy: &Policy, fact: u8) -> String {
    policy
        .facts
        .get(usize::from(fact))
        .map(|f| f.label(Lang::En).to_string())
        .unwrap_or_default()
}

/// A yes/no or choice fact's value, from the code a claim keeps.
fn fact_value(policy: &Policy, fact: u8, code: u32) -> String {
    use crate::policy::FactKind;
    match policy.fact_kinds.get(usize::from(fact)) {
        Some(FactKind::YesNo) => if code == 1 { "yes" } else { "no" }.to_string(),
        Some(FactKind::Choice(values)) => values
            .get((code as usize).wrapping_sub(1))
            .cloned()
            .unwrap_or_default(),
        _ => code.to_string(),
    }
}

/// The values an item allows a fact, as `"本区" or "本市"`.
fn allowed(policy: &Policy, claim: &Claim, fact: u8) -> String {
    let item = policy.item(claim.item);
    let codes = item
        .facts_one_of
        .iter()
        .find(|(f, _)| *f == fact)
        .map(|(_, c)| c.as_slice())
        .unwrap_or_default();
    allowed_codes(policy, fact, codes)
}

pub(super) fn outside_window(
    policy: &Policy,
    claim: &Claim,
    fact: u8,
    w: crate::policy::Window,
    start: Option<crate::date::Date>,
) -> String {
    let name = fact_name(policy, fact);
    match start {
        Some(s) => format!(
            "dated {}, not within {} of {name} ({s}; until {})",
            claim.date,
            window(w),
            crate::engine::window_end(s, w)
        ),
        None => format!(
            "{name} not given: the claim must be dated within {} of it",
            window(w)
        ),
    }
}

pub(super) fn fact_not_allowed(
    policy: &Policy,
    claim: &Claim,
    fact: u8,
    actual: Option<Decimal>,
) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let name = fact_name(policy, fact);
    let allowed = allowed(policy, claim, fact);
    match actual.and_then(|a| a.to_u32()) {
        Some(code) => format!(
            "{name} is \"{}\"; it must be {allowed}",
            fact_value(policy, fact, code)
        ),
        None => format!("{name} not given (it must be {allowed})"),
    }
}

pub(super) fn window_passed(policy: &Policy, claim: &Claim, fact: u8) -> String {
    let w = policy
        .item(claim.item)
        .facts_within
        .iter()
        .find(|(f, _)| *f == fact)
        .map(|(_, w)| window(*w))
        .unwrap_or_default();
    format!("dated within {w} of {}", fact_name(policy, fact))
}

pub(super) fn one_of_passed(policy: &Policy, claim: &Claim, fact: u8) -> String {
    format!(
        "{} is {}",
        fact_name(policy, fact),
        allowed(policy, claim, fact)
    )
}

/// The values of `codes`, as a rule names them.
pub(super) fn allowed_codes(policy: &Policy, fact: u8, codes: &[u32]) -> String {
    let names: Vec<String> = codes
        .iter()
        .map(|c| format!("\"{}\"", fact_value(policy, fact, *c)))
        .collect();
    names.join(" or ")
}

pub(super) fn window_rule(policy: &Policy, fact: u8, w: crate::policy::Window) -> String {
    format!("dated within {} of {}", window(w), fact_name(policy, fact))
}

pub(super) fn one_of_rule(policy: &Policy, fact: u8, codes: &[u32]) -> String {
    format!(
        "{} must be {}",
        fact_name(policy, fact),
        allowed_codes(policy, fact, codes)
    )
}
