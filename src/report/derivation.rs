//! The derivation of one claim, for `explain` and `check`: the clause and
//! its words, the rule and its figures, each check, each cap with what it
//! had and what it left. Read off the engine's trace; nothing recomputed.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::reason::{basis_in, cap_step, reason, rejection};
use super::table::{status_label, yuan};
use crate::claims::Claim;
use crate::engine::{Cap, CapStep, Check, Outcome, Trace};
use crate::money::short_grouped;
use crate::policy::{Policy, Unique};
use crate::words::Lang;

/// Who the claim is from, as the row wrote it.
pub struct Applicant<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// Users of a room are listed up to this many, then counted.
const NAMED_USERS: usize = 8;

pub fn derivation(
    policy: &Policy,
    claim: &Claim,
    applicant: &Applicant,
    outcome: &Outcome,
    trace: &Trace,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let item = policy.item(claim.item);
    let clause = policy.clause_of(claim.item);
    let kind = policy.applicant_types[usize::from(claim.applicant_type)].label(lang);

    let _ = writeln!(out, "== {} {} ==", l("申报", "claim"), claim.claim_id);
    let who = match (applicant.name.is_empty(), lang) {
        (true, _) => applicant.id.to_string(),
        (false, Lang::Zh) => format!("{}（{}）", applicant.name, applicant.id),
        (false, Lang::En) => format!("{} ({})", applicant.name, applicant.id),
    };
    let _ = writeln!(out, "{}{who} · {kind}", l("申请人：", "applicant: "));
    let _ = match lang {
        Lang::Zh => writeln!(out, "日期：{}（{} 年度）", claim.date, claim.date.year()),
        Lang::En => writeln!(
            out,
            "date: {} (calendar year {})",
            claim.date,
            claim.date.year()
        ),
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        l("条款：", "clause: "),
        clause.label(),
        clause.title(lang)
    );
    let _ = writeln!(out, "  {}“{}”", l("原文：", "source: "), clause.source);
    let _ = writeln!(
        out,
        "{}{} {}",
        l("项目：", "item: "),
        item.id,
        item.name(lang)
    );
    if let Some(source) = &item.source {
        let _ = writeln!(out, "  {}“{source}”", l("依据：", "sentence: "));
    }
    let _ = writeln!(
        out,
        "{}{}",
        l("计算：", "amount before caps: "),
        figure(policy, claim, outcome, lang)
    );

    let _ = writeln!(out, "{}", l("检查：", "checks:"));
    for (check, passed) in &trace.checks {
        let text = if *passed {
            passed_check(policy, claim, *check, lang)
        } else {
            outcome
                .rejection
                .as_ref()
                .map(|r| rejection(policy, claim, r, lang))
                .unwrap_or_default()
        };
        let _ = writeln!(out, "  {} {text}", if *passed { "✓" } else { "✗" });
    }

    if !trace.steps.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            l("上限（依次适用）：", "caps, in the order applied:")
        );
        for (i, step) in trace.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, cap_line(policy, step, lang));
        }
    }
    let status = match lang {
        Lang::Zh => format!(
            "{}（{}）",
            outcome.status.as_str(),
            status_label(outcome.status, lang)
        ),
        Lang::En => outcome.status.as_str().to_string(),
    };
    let _ = writeln!(
        out,
        "{}{status} · {} {} · {} {} · {} {}",
        l("结果：", "result: "),
        l("核定", "computed"),
        yuan(outcome.computed),
        l("拨付", "payable"),
        yuan(outcome.payable),
        l("核减", "cut"),
        yuan(outcome.cut),
    );
    let _ = writeln!(
        out,
        "{}{}",
        l("理由：", "reason: "),
        reason(policy, claim, outcome, lang)
    );
    out
}

/// The amount before caps in grouped figures; for a manual item, why there is none.
fn figure(policy: &Policy, claim: &Claim, outcome: &Outcome, lang: Lang) -> String {
    let text = basis_in(
        &crate::engine::basis(policy, claim),
        outcome.computed,
        lang,
        short_grouped,
    );
    if text.is_empty() {
        return lang
            .pick("不在本办法内计算", "not computed under these measures")
            .to_string();
    }
    text
}

fn passed_check(policy: &Policy, claim: &Claim, check: Check, lang: Lang) -> String {
    let item = policy.item(claim.item);
    match check {
        Check::Validity => match lang {
            Lang::Zh => format!(
                "日期在有效期 {} 至 {} 内",
                policy.valid_from, policy.valid_until
            ),
            Lang::En => format!(
                "dated within {} to {}",
                policy.valid_from, policy.valid_until
            ),
        },
        Check::OtherCitySupport => lang
            .pick(
                "未获市级其它政策扶持",
                "no support under another city policy",
            )
            .to_string(),
        Check::ApplicantType => {
            let kind = policy.applicant_types[usize::from(claim.applicant_type)].label(lang);
            match lang {
                Lang::Zh => format!(
                    "申请人类型 {kind} 可以申报（限：{}）",
                    super::catalogue::who(policy, item.applicants, lang)
                ),
                Lang::En => format!(
                    "applicant type {kind} may claim (allowed: {})",
                    super::catalogue::who(policy, item.applicants, lang)
                ),
            }
        }
        Check::Tags => {
            let held: Vec<String> = claim
                .tags
                .iter()
                .filter(|t| item.tags_any.contains(*t))
                .filter_map(|t| policy.tags.get(usize::from(t)))
                .map(|t| t.label(lang).to_string())
                .collect();
            match lang {
                Lang::Zh => format!("具备资格：{}", held.join("、")),
                Lang::En => format!("holds the tag: {}", held.join(", ")),
            }
        }
        Check::Fact(f) => {
            let fact = &policy.facts[usize::from(f)];
            let actual = claim
                .facts
                .get(usize::from(f))
                .copied()
                .flatten()
                .unwrap_or_default();
            let minimum = item
                .facts_min
                .iter()
                .find(|(i, _)| *i == f)
                .map(|(_, m)| *m)
                .unwrap_or_default();
            format!(
                "{} {} ≥ {}",
                fact.label(lang),
                actual.normalize(),
                minimum.normalize()
            )
        }
        Check::MinQuantity => match lang {
            Lang::Zh => format!(
                "数量 {} 达到门槛 {}",
                claim.quantity,
                item.min_quantity.unwrap_or(0)
            ),
            Lang::En => format!(
                "quantity {} meets the threshold {}",
                claim.quantity,
                item.min_quantity.unwrap_or(0)
            ),
        },
        Check::LedgerClaimId => lang
            .pick("申报编号不在往期拨付表中", "claim_id not in any ledger")
            .to_string(),
        Check::Unique => match (item.unique, lang) {
            (Unique::Ref, Lang::Zh) => "同一项目同一编号此前未获资助".to_string(),
            (Unique::Ref, Lang::En) => "this item and ref not paid before".to_string(),
            (Unique::ApplicantRef, Lang::Zh) => "该申请人此前未就同一编号获资助".to_string(),
            (Unique::ApplicantRef, Lang::En) => {
                "not paid to this applicant for this ref before".to_string()
            }
            (Unique::ApplicantYear, Lang::Zh) => "该申请人本年度未获此项资助".to_string(),
            (Unique::ApplicantYear, Lang::En) => "not paid to this applicant this year".to_string(),
            (_, Lang::Zh) => "该申请人此前未获此项资助（仅资助一次）".to_string(),
            (_, Lang::En) => "not paid to this applicant before (paid once)".to_string(),
        },
        Check::ClauseOneAward => {
            let label = policy.clause_of(claim.item).label();
            match lang {
                Lang::Zh => format!("本年度未获第{label}条其他资助（每年一项）"),
                Lang::En => format!("no other award of clause {label} this year (one a year)"),
            }
        }
    }
}

/// A cap as applied: its limit, the earlier claims that used its room and
/// how much each used, what it left, and the payable before and after.
fn cap_line(policy: &Policy, step: &CapStep, lang: Lang) -> String {
    let g = short_grouped;
    let arrow = format!(
        "{} {} → {}",
        lang.pick("应付", "payable"),
        g(step.before),
        g(step.after)
    );
    let sep = lang.pick("；", "; ");
    let head = match &step.cap {
        Cap::ItemAnnual { item } => match lang {
            Lang::Zh => format!("项目 {} 年度上限 {}", policy.item(*item).id, g(step.limit)),
            Lang::En => format!(
                "item {} annual cap {}",
                policy.item(*item).id,
                g(step.limit)
            ),
        },
        Cap::ClauseAnnual { clause } => {
            let label = policy.clauses[usize::from(*clause)].label();
            match lang {
                Lang::Zh => format!("第{label}条年度上限 {}", g(step.limit)),
                Lang::En => format!("clause {label} annual cap {}", g(step.limit)),
            }
        }
        Cap::Quantity { item, .. } => match lang {
            Lang::Zh => format!(
                "项目 {} 每年最多资助 {} 件",
                policy.item(*item).id,
                step.limit.normalize()
            ),
            Lang::En => format!(
                "item {} quantity cap {} a year",
                policy.item(*item).id,
                step.limit.normalize()
            ),
        },
        Cap::Quota { .. } | Cap::ProjectMax { .. } => {
            return format!("{}{sep}{arrow}", cap_step(policy, step, lang));
        }
    };
    let units = matches!(step.cap, Cap::Quantity { .. });
    let show = |d: Decimal| {
        if units {
            d.normalize().to_string()
        } else {
            g(d)
        }
    };
    let mut users: Vec<String> = step
        .users
        .iter()
        .take(NAMED_USERS)
        .map(|(id, used)| match lang {
            Lang::Zh => format!("{id}（{}）", show(*used)),
            Lang::En => format!("{id} ({})", show(*used)),
        })
        .collect();
    if step.users.len() > NAMED_USERS {
        users.push(match lang {
            Lang::Zh => format!("等共 {} 笔", step.users.len()),
            Lang::En => format!("and {} more", step.users.len() - NAMED_USERS),
        });
    }
    let used = match (users.is_empty(), lang) {
        (true, Lang::Zh) => format!("已用 {}", show(step.used)),
        (true, Lang::En) => format!("{} used", show(step.used)),
        (false, Lang::Zh) => format!("{} 已用去 {}", users.join("、"), show(step.used)),
        (false, Lang::En) => format!("{} used by claims {}", show(step.used), users.join(", ")),
    };
    let left = match lang {
        Lang::Zh => format!("剩余 {}", show(step.left())),
        Lang::En => format!("{} left", show(step.left())),
    };
    format!(
        "{head}{}{used}{sep}{left}{sep}{arrow}",
        lang.pick("：", ": ")
    )
}
