//! The Chinese of the rules added for any city's measures: ranges, tiers,
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
            .map(|f| f.label(Lang::Zh).to_string())
            .unwrap_or_default(),
        Measured::Amount => "申报金额".to_string(),
    }
}

/// One bound as a condition: `不低于 5000000`, `高于 5000000`.
pub(super) fn condition(side: Side, bound: Bound) -> String {
    let word = match (side, bound.inclusive) {
        (Side::Min, true) => "不低于",
        (Side::Min, false) => "高于",
        (Side::Max, true) => "不超过",
        (Side::Max, false) => "低于",
    };
    format!("{word} {}", short(bound.value))
}

/// A whole range: `高于 5000000 且不超过 10000000`.
pub(super) fn range(r: &Range) -> String {
    let parts: Vec<String> = [(Side::Min, r.min), (Side::Max, r.max)]
        .into_iter()
        .filter_map(|(side, b)| b.map(|b| condition(side, b)))
        .collect();
    parts.join(" 且 ")
}

/// The tier a figure came from: `（第 1 档：职工人数不超过 100）`.
pub(super) fn tier(policy: &Policy, tier: &Tier) -> String {
    match tier {
        Tier::Band { on, band, range: r } => {
            format!("（第 {band} 档：{}{}）", measured(policy, *on), range(r))
        }
        Tier::Type(t) => format!("（{}标准）", policy.type_label(*t, Lang::Zh)),
    }
}

/// A claim without a place under a quota that pays the rest nothing.
pub(super) fn quota_full(policy: &Policy, n: &NoPlace) -> String {
    let (item, per_year, rank, taken) = (n.item, n.per_year, n.rank, n.taken_before);
    let earlier = if taken > 0 {
        format!("往期已占 {taken} 个，")
    } else {
        String::new()
    };
    format!(
        "项目“{}”{}每年不超过 {per_year} 个：{earlier}本批排名第 {rank}，名额已满，不予资助",
        policy.item(item).name.zh,
        policy.wording.area
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
                .map(|m| format!("（每笔最高 {}）", crate::money::short_grouped(m)))
                .unwrap_or_default();
            format!(
                "{} 为 {}{max}",
                range(&b.range),
                table_figure(b.figure, percent)
            )
        })
        .collect();
    format!("按{}分档：{}", measured(policy, on), bands.join("，"))
}

pub(super) fn by_type(policy: &Policy, table: &[(u8, Decimal)], percent: bool) -> String {
    let each: Vec<String> = table
        .iter()
        .map(|(t, f)| {
            format!(
                "{} {}",
                policy.type_label(*t, Lang::Zh),
                table_figure(*f, percent)
            )
        })
        .collect();
    format!("按申请人类型：{}", each.join("，"))
}

/// The items of a `ref_limit`, by name: `“发明专利（美日欧）”、“发明专利（其他）”`.
pub(super) fn ref_limit_items(policy: &Policy, group: u16) -> String {
    let names: Vec<String> = policy
        .ref_limits
        .get(usize::from(group))
        .map(|l| {
            l.items
                .iter()
                .map(|i| format!("“{}”", policy.item(*i).name.zh))
                .collect()
        })
        .unwrap_or_default();
    format!("项目{}", names.join("、"))
}

pub(super) fn per_ref(n: u32) -> String {
    format!("同一编号最多资助 {n} 个")
}

pub(super) fn award_group(policy: &Policy, group: u16) -> String {
    let names: Vec<&str> = policy
        .award_groups
        .get(usize::from(group))
        .map(|g| {
            g.items
                .iter()
                .map(|i| policy.item(*i).name.zh.as_str())
                .collect()
        })
        .unwrap_or_default();
    format!("与{}按最高奖项奖励，不重复奖励", names.join("、"))
}

pub(super) fn out_of_range(policy: &Policy, broken: &OutOfRange) -> String {
    let name = measured(policy, broken.on);
    let cond = condition(broken.side, broken.bound);
    match broken.actual {
        Some(a) => format!("{name}为 {}，须{cond}", short(a)),
        None => format!("未填写{name}（须{cond}）"),
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
        "{} {} 在范围内（{}）",
        measured(policy, on),
        actual.map(short).unwrap_or_default(),
        r.map(|r| range(&r)).unwrap_or_default()
    )
}

/// The applicant type whose own figure the whole-measure cap applied:
/// `（个人）`, nothing when it was the figure for every type.
pub(super) fn measure_type(policy: &Policy, of_type: Option<u8>) -> String {
    of_type
        .map(|t| format!("（{}）", policy.type_label(t, Lang::Zh)))
        .unwrap_or_default()
}

/// The whole-measure cap in the catalogue: `上限 100,000（个人 50,000）`,
/// or every type's figure when there is none for the rest.
pub(super) fn measure_cap(
    policy: &Policy,
    annual: Option<Decimal>,
    by_type: &[(u8, Decimal)],
) -> String {
    let each: Vec<String> = by_type
        .iter()
        .map(|(t, f)| format!("{} {}", policy.type_label(*t, Lang::Zh), short_grouped(*f)))
        .collect();
    match (annual, each.is_empty()) {
        (Some(a), true) => format!("同一申请人年度资助总额上限 {}", short_grouped(a)),
        (Some(a), false) => format!(
            "同一申请人年度资助总额上限 {}（{}）",
            short_grouped(a),
            each.join("，")
        ),
        (None, _) => format!("同一申请人年度资助总额上限：{}", each.join("，")),
    }
}
