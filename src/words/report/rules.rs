//! The rules added for any city's measures, in every language: ranges,
//! tiers, limits per reference, groups of awards, windows after a date
//! fact, a fact's allowed values.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::claims::Claim;
use crate::engine::{NoPlace, OutOfRange, Tier};
use crate::money::{short, short_grouped};
use crate::policy::{Band, Bound, Measured, Policy, Range, Side, Window, WindowUnit};
use crate::words::side_by_side::{list_sep, pick, say};
use crate::words::Lang;

use super::names::{area, item_key};

/// What a range bounds: a fact's name, or the amount.
pub(super) fn measured(l: Lang, policy: &Policy, on: Measured) -> String {
    match on {
        Measured::Fact(f) => fact_name(l, policy, f),
        Measured::Amount => pick!(l, zh: "申报金额", en: "the amount").to_string(),
    }
}

/// One bound as a condition: `at least 5000000`, `高于 5000000`.
fn condition(l: Lang, side: Side, bound: Bound) -> String {
    let word = match (side, bound.inclusive) {
        (Side::Min, true) => pick!(l, zh: "不低于", en: "at least"),
        (Side::Min, false) => pick!(l, zh: "高于", en: "more than"),
        (Side::Max, true) => pick!(l, zh: "不超过", en: "at most"),
        (Side::Max, false) => pick!(l, zh: "低于", en: "less than"),
    };
    format!("{word} {}", short(bound.value))
}

/// A whole range: `more than 5000000 and at most 10000000`.
pub(super) fn range(l: Lang, r: &Range) -> String {
    let parts: Vec<String> = [(Side::Min, r.min), (Side::Max, r.max)]
        .into_iter()
        .filter_map(|(side, b)| b.map(|b| condition(l, side, b)))
        .collect();
    parts.join(pick!(l, zh: " 且 ", en: " and "))
}

/// A fact's minimum, as the catalogue lists it: `employees ≥ 10`.
pub(super) fn at_least(l: Lang, policy: &Policy, fact: u8, minimum: Decimal) -> String {
    format!("{} ≥ {}", fact_name(l, policy, fact), minimum.normalize())
}

/// A range on a fact or the amount, as the catalogue lists it.
pub(super) fn bounded(l: Lang, policy: &Policy, on: Measured, r: &Range) -> String {
    format!("{} {}", measured(l, policy, on), range(l, r))
}

/// The tier a figure came from: ` (band 1: employees at most 100)`.
pub(super) fn tier(l: Lang, policy: &Policy, tier: &Tier) -> String {
    match tier {
        Tier::Band { on, band, range: r } => {
            let (on, r) = (measured(l, policy, *on), range(l, r));
            say!(l, zh: "（第 {band} 档：{on}{r}）"; en: " (band {band}: {on} {r})")
        }
        Tier::Type(t) => {
            let kind = policy.type_label(*t, l);
            say!(l, zh: "（{kind}标准）"; en: " (the figure for {kind})")
        }
    }
}

/// A claim without a place under a quota that pays the rest nothing.
pub(super) fn quota_full(l: Lang, policy: &Policy, n: &NoPlace) -> String {
    let (per_year, rank, taken) = (n.per_year, n.rank, n.taken_before);
    let earlier = match taken {
        0 => String::new(),
        _ => say!(l, zh: "往期已占 {taken} 个，"; en: "{taken} taken by earlier payouts, "),
    };
    let (item, area) = (item_key(l, policy, n.item), area(l, policy));
    say!(l,
        zh: "项目“{item}”{area}每年不超过 {per_year} 个：{earlier}本批排名第 {rank}，名额已满，不予资助";
        en: "item {item} at most {per_year} a year: {earlier}ranked {rank} in this batch, no place left, not paid")
}

/// A figure of a table: `10%` or `5,000`.
fn table_figure(figure: Decimal, percent: bool) -> String {
    if percent {
        super::names::percent(figure)
    } else {
        short_grouped(figure)
    }
}

pub(super) fn tiers(
    l: Lang,
    policy: &Policy,
    on: Measured,
    bands: &[Band],
    percent: bool,
) -> String {
    let bands: Vec<String> = bands
        .iter()
        .map(|b| {
            let max = b
                .max_per_claim
                .map(short_grouped)
                .map(|m| say!(l, zh: "（每笔最高 {m}）"; en: " (at most {m} a claim)"));
            let (r, figure) = (range(l, &b.range), table_figure(b.figure, percent));
            let max = max.unwrap_or_default();
            say!(l, zh: "{r} 为 {figure}{max}"; en: "{r}: {figure}{max}")
        })
        .collect();
    let (on, bands) = (
        measured(l, policy, on),
        bands.join(pick!(l, zh: "，", en: "; ")),
    );
    say!(l, zh: "按{on}分档：{bands}"; en: "by band of {on}: {bands}")
}

/// Each type's figure: `individual 5,000`.
fn type_figures(
    l: Lang,
    policy: &Policy,
    table: &[(u8, Decimal)],
    figure: impl Fn(Decimal) -> String,
) -> String {
    let each: Vec<String> = table
        .iter()
        .map(|(t, f)| format!("{} {}", policy.type_label(*t, l), figure(*f)))
        .collect();
    each.join(pick!(l, zh: "，", en: ", "))
}

pub(super) fn by_type(l: Lang, policy: &Policy, table: &[(u8, Decimal)], percent: bool) -> String {
    let each = type_figures(l, policy, table, |f| table_figure(f, percent));
    say!(l, zh: "按申请人类型：{each}"; en: "by applicant type: {each}")
}

/// The items of a `ref_limit`: `items pct_major, pct_other` by id in
/// English, `项目“发明专利（美日欧）”、“发明专利（其他）”` by name in Chinese.
pub(super) fn ref_limit_items(l: Lang, policy: &Policy, group: u16) -> String {
    let items = policy
        .ref_limits
        .get(usize::from(group))
        .map(|g| g.items.as_slice());
    let named: Vec<String> = (items.unwrap_or_default().iter())
        .map(|i| {
            let item = item_key(l, policy, *i);
            pick!(l, zh: format!("“{item}”"), en: item.to_string())
        })
        .collect();
    let named = named.join(list_sep(l));
    say!(l, zh: "项目{named}"; en: "items {named}")
}

pub(super) fn per_ref(l: Lang, n: u32) -> String {
    say!(l, zh: "同一编号最多资助 {n} 个"; en: "at most {n} per reference")
}

pub(super) fn award_group(l: Lang, policy: &Policy, group: u16) -> String {
    let items = policy
        .award_groups
        .get(usize::from(group))
        .map(|g| g.items.as_slice());
    let named: Vec<&str> = (items.unwrap_or_default().iter())
        .map(|i| item_key(l, policy, *i))
        .collect();
    let named = named.join(list_sep(l));
    say!(l,
        zh: "与{named}按最高奖项奖励，不重复奖励";
        en: "only the highest award of {named} per reference")
}

pub(super) fn out_of_range(l: Lang, policy: &Policy, broken: &OutOfRange) -> String {
    let name = measured(l, policy, broken.on);
    let cond = condition(l, broken.side, broken.bound);
    match broken.actual.map(short) {
        Some(a) => say!(l, zh: "{name}为 {a}，须{cond}"; en: "{name} is {a}; it must be {cond}"),
        None => say!(l, zh: "未填写{name}（须{cond}）"; en: "no {name} given (it must be {cond})"),
    }
}

pub(super) fn in_range(l: Lang, policy: &Policy, claim: &Claim, on: Measured) -> String {
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
    let on = measured(l, policy, on);
    let actual = actual.map(short).unwrap_or_default();
    let r = r.map(|r| range(l, &r)).unwrap_or_default();
    say!(l, zh: "{on} {actual} 在范围内（{r}）"; en: "{on} {actual} is within the range ({r})")
}

/// The applicant type whose own figure the whole-measure cap applied:
/// ` (individual)`, nothing when it was the figure for every type.
pub(super) fn measure_type(l: Lang, policy: &Policy, of_type: Option<u8>) -> String {
    let kind = of_type.map(|t| policy.type_label(t, l));
    (kind.map(|kind| say!(l, zh: "（{kind}）"; en: " ({kind})"))).unwrap_or_default()
}

/// The whole-measure cap in the catalogue: `annual cap 100,000 … (individual
/// 50,000)`, or every type's figure when there is none for the rest.
pub(super) fn measure_cap(
    l: Lang,
    policy: &Policy,
    annual: Option<Decimal>,
    by_type: &[(u8, Decimal)],
) -> String {
    let each = type_figures(l, policy, by_type, short_grouped);
    match (annual.map(short_grouped), by_type.is_empty()) {
        (Some(a), true) => say!(l,
            zh: "同一申请人年度资助总额上限 {a}";
            en: "annual cap {a} per applicant over the whole measure"),
        (Some(a), false) => say!(l,
            zh: "同一申请人年度资助总额上限 {a}（{each}）";
            en: "annual cap {a} per applicant over the whole measure ({each})"),
        (None, _) => say!(l,
            zh: "同一申请人年度资助总额上限：{each}";
            en: "annual cap per applicant over the whole measure: {each}"),
    }
}

/// A window of time: `1 year(s)`, `3 个月`.
fn window(l: Lang, w: Window) -> String {
    let n = w.count;
    match w.unit {
        WindowUnit::Days => say!(l, zh: "{n} 日"; en: "{n} day(s)"),
        WindowUnit::Months => say!(l, zh: "{n} 个月"; en: "{n} month(s)"),
        WindowUnit::Years => say!(l, zh: "{n} 年"; en: "{n} year(s)"),
    }
}

pub(super) fn fact_name(l: Lang, policy: &Policy, fact: u8) -> String {
    let fact = policy.facts.get(usize::from(fact));
    fact.map(|f| f.label(l).to_string()).unwrap_or_default()
}

/// A yes/no or choice fact's value, from the code a claim keeps.
fn fact_value(l: Lang, policy: &Policy, fact: u8, code: u32) -> String {
    use crate::policy::FactKind;
    match policy.fact_kinds.get(usize::from(fact)) {
        Some(FactKind::YesNo) if code == 1 => pick!(l, zh: "是", en: "yes").to_string(),
        Some(FactKind::YesNo) => pick!(l, zh: "否", en: "no").to_string(),
        Some(FactKind::Choice(values)) => values
            .get((code as usize).wrapping_sub(1))
            .cloned()
            .unwrap_or_default(),
        _ => code.to_string(),
    }
}

/// The values an item allows a fact, as `"本区" or "本市"`.
fn allowed(l: Lang, policy: &Policy, claim: &Claim, fact: u8) -> String {
    let item = policy.item(claim.item);
    let codes = item
        .facts_one_of
        .iter()
        .find(|(f, _)| *f == fact)
        .map(|(_, c)| c.as_slice())
        .unwrap_or_default();
    allowed_codes(l, policy, fact, codes)
}

pub(super) fn outside_window(
    l: Lang,
    policy: &Policy,
    claim: &Claim,
    fact: u8,
    w: Window,
    start: Option<crate::date::Date>,
) -> String {
    let name = fact_name(l, policy, fact);
    let (date, within) = (claim.date, window(l, w));
    match start {
        Some(s) => {
            let end = crate::engine::window_end(s, w);
            say!(l,
                zh: "申报日期 {date} 不在{name}（{s}）起 {within} 内（截至 {end}）";
                en: "dated {date}, not within {within} of {name} ({s}; until {end})")
        }
        None => say!(l,
            zh: "未填写{name}：须自{name}起 {within} 内申报";
            en: "{name} not given: the claim must be dated within {within} of it"),
    }
}

pub(super) fn fact_not_allowed(
    l: Lang,
    policy: &Policy,
    claim: &Claim,
    fact: u8,
    actual: Option<Decimal>,
) -> String {
    let name = fact_name(l, policy, fact);
    let allowed = allowed(l, policy, claim, fact);
    match actual.and_then(|a| a.to_u32()) {
        Some(code) => {
            let value = fact_value(l, policy, fact, code);
            say!(l, zh: "{name}为“{value}”，须为{allowed}"; en: "{name} is \"{value}\"; it must be {allowed}")
        }
        None => {
            say!(l, zh: "未填写{name}（须为{allowed}）"; en: "{name} not given (it must be {allowed})")
        }
    }
}

pub(super) fn window_passed(l: Lang, policy: &Policy, claim: &Claim, fact: u8) -> String {
    let within = (policy.item(claim.item).facts_within.iter())
        .find(|(f, _)| *f == fact)
        .map(|(_, w)| window(l, *w))
        .unwrap_or_default();
    let name = fact_name(l, policy, fact);
    say!(l, zh: "申报日期在{name}起 {within} 内"; en: "dated within {within} of {name}")
}

pub(super) fn one_of_passed(l: Lang, policy: &Policy, claim: &Claim, fact: u8) -> String {
    let (name, allowed) = (fact_name(l, policy, fact), allowed(l, policy, claim, fact));
    say!(l, zh: "{name}为{allowed}"; en: "{name} is {allowed}")
}

/// The values of `codes`, as a rule names them.
fn allowed_codes(l: Lang, policy: &Policy, fact: u8, codes: &[u32]) -> String {
    let names: Vec<String> = codes
        .iter()
        .map(|c| {
            let value = fact_value(l, policy, fact, *c);
            say!(l, zh: "“{value}”"; en: "\"{value}\"")
        })
        .collect();
    names.join(pick!(l, zh: "或", en: " or "))
}

pub(super) fn window_rule(l: Lang, policy: &Policy, fact: u8, w: Window) -> String {
    let (name, within) = (fact_name(l, policy, fact), window(l, w));
    say!(l, zh: "自{name}起 {within} 内申报"; en: "dated within {within} of {name}")
}

pub(super) fn one_of_rule(l: Lang, policy: &Policy, fact: u8, codes: &[u32]) -> String {
    let (name, allowed) = (
        fact_name(l, policy, fact),
        allowed_codes(l, policy, fact, codes),
    );
    say!(l, zh: "{name}须为{allowed}"; en: "{name} must be {allowed}")
}
