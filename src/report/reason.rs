//! The `reason` of a row: the rule that gave its amount and every cap or
//! check that changed it, in words an official can read to an applicant.
//! The payout CSV, the tables and `explain` all take their reasons from here.

use rust_decimal::Decimal;

use crate::claims::{Claim, InvalidRow};
use crate::engine::{Basis, Cap, CapStep, Outcome, Rejection, Status};
use crate::money::short;
use crate::policy::{Policy, TagSet};
use crate::words::{chinese_numeral, Lang};

/// The reason cell of a decided claim.
pub fn reason(policy: &Policy, claim: &Claim, outcome: &Outcome, lang: Lang) -> String {
    match outcome.status {
        Status::Rejected => match &outcome.rejection {
            Some(r) => rejection(policy, claim, r, lang),
            None => String::new(),
        },
        Status::Manual => policy
            .item(claim.item)
            .manual_reason(lang)
            .unwrap_or_default()
            .to_string(),
        Status::Paid | Status::Capped | Status::Invalid => {
            let mut parts = vec![basis(
                &crate::engine::basis(policy, claim),
                outcome.computed,
                lang,
            )];
            parts.extend(outcome.cuts.iter().map(|s| cap_step(policy, s, lang)));
            parts.join(lang.pick("；", "; "))
        }
    }
}

/// The reason cell of an invalid row: every problem, column first.
pub fn invalid_reason(bad: &InvalidRow, lang: Lang) -> String {
    bad.problems
        .iter()
        .map(|p| p.describe(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// `2000 × 3 = 6000`, `617.28 = 12345.67 × 5%` and so on.
pub fn basis(basis: &Basis, computed: Decimal, lang: Lang) -> String {
    basis_in(basis, computed, lang, short)
}

/// As `basis`, with figures printed by `fmt` (a derivation groups thousands).
pub fn basis_in(
    basis: &Basis,
    computed: Decimal,
    lang: Lang,
    fmt: fn(Decimal) -> String,
) -> String {
    let short = fmt;
    let total = short(computed);
    match basis {
        Basis::Fixed {
            amount,
            quantity: 1,
        } => {
            format!("{} {}", lang.pick("定额", "fixed award"), short(*amount))
        }
        Basis::Fixed { amount, quantity } => match lang {
            Lang::Zh => format!("每件 {} × {quantity} 件 = {total}", short(*amount)),
            Lang::En => format!("{} per unit × {quantity} = {total}", short(*amount)),
        },
        Basis::Percent { base, rate } => format!("{} × {} = {total}", short(*base), percent(*rate)),
        Basis::Approved { amount } => match lang {
            Lang::Zh => format!("核定金额 {}", short(*amount)),
            Lang::En => format!("approved amount {}", short(*amount)),
        },
        Basis::Floor {
            amount: None,
            minimum,
            ..
        } => match lang {
            Lang::Zh => format!("未填金额，按最低 {}", short(*minimum)),
            Lang::En => format!("no amount given: the minimum {}", short(*minimum)),
        },
        Basis::Floor {
            amount: Some(a),
            minimum,
            raised: true,
        } => match lang {
            Lang::Zh => format!("申报 {}，不低于 {}，按 {total}", short(*a), short(*minimum)),
            Lang::En => format!("{} raised to the minimum {total}", short(*a)),
        },
        Basis::Floor {
            amount: Some(_),
            minimum,
            raised: false,
        } => match lang {
            Lang::Zh => format!("核定金额 {total}（不低于 {}）", short(*minimum)),
            Lang::En => format!("approved amount {total} (at least {})", short(*minimum)),
        },
        Basis::Matching { base, ratio } => match lang {
            Lang::Zh => format!("按 1:{} 配套 {} = {total}", short(*ratio), short(*base)),
            Lang::En => format!("matched 1:{} on {} = {total}", short(*ratio), short(*base)),
        },
        Basis::Manual => String::new(),
    }
}

fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// One cap that cut a claim: which cap, its limit, and what it left.
pub fn cap_step(policy: &Policy, step: &CapStep, lang: Lang) -> String {
    let left = short(step.left());
    let limit = short(step.limit);
    match &step.cap {
        Cap::Quantity { item, .. } => match lang {
            Lang::Zh => format!(
                "项目 {} 每年最多资助 {limit} 件：已资助 {} 件，剩余 {left} 件",
                policy.item(*item).id,
                short(step.used)
            ),
            Lang::En => format!(
                "item {} quantity cap {limit} per year: {} used, {left} left",
                policy.item(*item).id,
                short(step.used)
            ),
        },
        Cap::Quota {
            item,
            overflow,
            rank,
            taken_before,
        } => {
            let overflow = policy.item(*overflow);
            let paid_as = short(step.after);
            let earlier = if *taken_before > 0 {
                match lang {
                    Lang::Zh => format!("往期已占 {taken_before} 个，"),
                    Lang::En => format!("{taken_before} taken in a ledger, "),
                }
            } else {
                String::new()
            };
            match lang {
                Lang::Zh => format!(
                    "项目 {} 全市每年不超过 {limit} 个：{earlier}本批排名第 {rank}，名额已满，按 {} 资助 {paid_as}",
                    policy.item(*item).id,
                    overflow.id
                ),
                Lang::En => format!(
                    "item {} city-wide quota {limit} per year: {earlier}ranked {rank} in this batch, no place left; paid as {} {paid_as}",
                    policy.item(*item).id,
                    overflow.id
                ),
            }
        }
        Cap::ProjectMax { .. } => match lang {
            Lang::Zh => format!("单项最高 {limit}"),
            Lang::En => format!("per-project maximum {limit}"),
        },
        Cap::ItemAnnual { item } => match lang {
            Lang::Zh => format!(
                "项目 {} 年度上限 {limit}：剩余 {left}",
                policy.item(*item).id
            ),
            Lang::En => format!(
                "item {} annual cap {limit}: {left} left",
                policy.item(*item).id
            ),
        },
        Cap::ClauseAnnual { clause } => {
            let number = policy.clauses[usize::from(*clause)].number;
            match lang {
                Lang::Zh => format!(
                    "第（{}）条年度上限 {limit}：剩余 {left}",
                    chinese_numeral(number)
                ),
                Lang::En => format!(
                    "clause {} annual cap {limit}: {left} left",
                    chinese_numeral(number)
                ),
            }
        }
    }
}

fn tags(policy: &Policy, set: TagSet, lang: Lang) -> String {
    set.iter()
        .filter_map(|t| policy.tags.get(usize::from(t)))
        .map(|t| t.label(lang).to_string())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

pub fn rejection(policy: &Policy, claim: &Claim, why: &Rejection, lang: Lang) -> String {
    match why {
        Rejection::OutsideValidity => match lang {
            Lang::Zh => format!(
                "日期 {} 不在政策有效期 {} 至 {} 内",
                claim.date, policy.valid_from, policy.valid_until
            ),
            Lang::En => format!(
                "dated {}, outside the policy's validity {} to {}",
                claim.date, policy.valid_from, policy.valid_until
            ),
        },
        Rejection::OtherCitySupport => match lang {
            Lang::Zh => "同一项目已获市级其它政策扶持，不再享受本办法资助".to_string(),
            Lang::En => "the project already has support under another city policy".to_string(),
        },
        Rejection::ApplicantType { allowed } => {
            let written = policy
                .applicant_types
                .get(usize::from(claim.applicant_type))
                .map(|t| t.label(lang).to_string())
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!(
                    "申请人类型“{written}”不符，本项目限：{}",
                    super::catalogue::who(policy, *allowed, lang)
                ),
                Lang::En => format!(
                    "applicant type {written} may not claim this item (only {})",
                    super::catalogue::who(policy, *allowed, lang)
                ),
            }
        }
        Rejection::MissingTag { any_of } => match lang {
            Lang::Zh => format!("须具备以下资格之一：{}", tags(policy, *any_of, lang)),
            Lang::En => format!("needs one of the tags: {}", tags(policy, *any_of, lang)),
        },
        Rejection::FactBelow {
            fact,
            minimum,
            actual,
        } => {
            let name = policy
                .facts
                .get(usize::from(*fact))
                .map(|f| f.label(lang).to_string())
                .unwrap_or_default();
            match (actual, lang) {
                (Some(a), Lang::Zh) => {
                    format!("{name}为 {}，低于要求的 {}", short(*a), short(*minimum))
                }
                (Some(a), Lang::En) => format!(
                    "{name} is {}, below the required {}",
                    short(*a),
                    short(*minimum)
                ),
                (None, Lang::Zh) => format!("未填写{name}（要求至少 {}）", short(*minimum)),
                (None, Lang::En) => {
                    format!("{name} not given (at least {} required)", short(*minimum))
                }
            }
        }
        Rejection::QuantityBelow { minimum, actual } => match lang {
            Lang::Zh => format!("数量 {actual} 未达到 {minimum} 件的门槛"),
            Lang::En => format!("quantity {actual} is below the threshold of {minimum}"),
        },
        Rejection::ClaimInLedger => match lang {
            Lang::Zh => "申报编号已在往期拨付表中，不再重复处理".to_string(),
            Lang::En => "this claim_id is already in a ledger".to_string(),
        },
        Rejection::RefPaid { by } => match lang {
            Lang::Zh => format!("重复申报：同一项目同一编号已由 {by} 获资助"),
            Lang::En => format!("duplicate: the same item and ref was already paid (claim {by})"),
        },
        Rejection::ApplicantRefPaid { by } => match lang {
            Lang::Zh => format!("重复申报：该申请人已就同一编号获资助（{by}）"),
            Lang::En => {
                format!("duplicate: already paid to this applicant for the same ref (claim {by})")
            }
        },
        Rejection::ApplicantPaid { by } => match lang {
            Lang::Zh => format!("该申请人已获此项资助（{by}），仅资助一次"),
            Lang::En => format!("paid once per applicant, and already paid (claim {by})"),
        },
        Rejection::ItemYearPaid { by } => match lang {
            Lang::Zh => format!("该申请人本年度已获此项资助（{by}）"),
            Lang::En => {
                format!("paid once per applicant per year, and already paid this year (claim {by})")
            }
        },
        Rejection::ClauseYearPaid { clause, by } => {
            let number = chinese_numeral(policy.clauses[usize::from(*clause)].number);
            match lang {
                Lang::Zh => format!("第（{number}）条每个申请人每年只资助一项，本年度已资助（{by}）"),
                Lang::En => format!("clause {number} gives one award per applicant per year, already given (claim {by})"),
            }
        }
    }
}
