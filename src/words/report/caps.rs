//! The caps that cut a claim, in every language, the words side by side:
//! the reason cell's short form and the derivation's line with who used
//! the room.

use super::names::payers;
use super::names::{area, clause_key, item_key};
use super::rules;
use crate::engine::{Cap, CapStep, MaxOf};
use crate::money::{short, short_grouped};
use crate::policy::{ItemIdx, Policy};
use crate::words::side_by_side::{list_sep, pick, say};
use crate::words::Lang;
use rust_decimal::Decimal;

/// Users of a room are listed up to this many, then counted.
const NAMED_USERS: usize = 8;

/// One cap that cut a claim, as the reason cell names it.
pub(super) fn cap_step(l: Lang, policy: &Policy, step: &CapStep) -> String {
    let left = short(step.left());
    let limit = short(step.limit);
    let used = short(step.used);
    match &step.cap {
        Cap::Quantity { item, .. } => {
            let item = item_key(l, policy, *item);
            say!(l,
                zh: "项目“{item}”每年最多资助 {limit} 件：已资助 {used} 件，剩余 {left} 件";
                en: "item {item} quantity cap {limit} per year: {used} used, {left} left")
        }
        Cap::Quota {
            item,
            overflow,
            rank,
            taken_before,
        } => quota_step(l, policy, step, [*item, *overflow], *rank, *taken_before),
        Cap::RefsPaid { item, paid } => refs_paid_step(l, policy, step, *item, paid),
        Cap::ProjectMax { of, .. } => match of {
            MaxOf::Project => {
                say!(l, zh: "单项最高 {limit}"; en: "per-project maximum {limit}")
            }
            MaxOf::Claim => say!(l, zh: "每笔最高 {limit}"; en: "per-claim maximum {limit}"),
            MaxOf::Band(n) => {
                say!(l, zh: "第 {n} 档每笔最高 {limit}"; en: "band {n} maximum per claim {limit}")
            }
        },
        Cap::ItemLifetime { item } => {
            let item = item_key(l, policy, *item);
            say!(l,
                zh: "项目“{item}”累计上限 {limit}（本办法有效期内）：剩余 {left}";
                en: "item {item} cap over the life of the measures {limit}: {left} left")
        }
        Cap::ItemAnnual { item } => {
            let item = item_key(l, policy, *item);
            say!(l, zh: "项目“{item}”年度上限 {limit}：剩余 {left}"; en: "item {item} annual cap {limit}: {left} left")
        }
        Cap::ClauseAnnual { clause } => {
            let clause = clause_key(l, policy, *clause);
            say!(l, zh: "{clause}年度上限 {limit}：剩余 {left}"; en: "{clause} annual cap {limit}: {left} left")
        }
        Cap::HigherAward { .. } => {
            let after = short(step.after);
            say!(l,
                zh: "按最高奖项奖励，不重复奖励：同一编号已获 {used}，按 {limit} 补差 {after}";
                en: "only the higher award, never twice: {used} paid before for the same reference, the difference to {limit} paid: {after}")
        }
        Cap::PerRef { item } => {
            let item = item_key(l, policy, *item);
            say!(l,
                zh: "项目“{item}”同一编号最多资助 {limit} 个：已资助 {used} 个，剩余 {left} 个";
                en: "item {item} at most {limit} per reference: {used} paid before, {left} left")
        }
        Cap::RefLimit { group } => {
            let items = rules::ref_limit_items(l, policy, *group);
            say!(l,
                zh: "{items}合计同一编号最多资助 {limit} 个：已资助 {used} 个，剩余 {left} 个";
                en: "at most {limit} per reference over {items}: {used} paid before, {left} left")
        }
        Cap::MeasureAnnual { of_type } => {
            let (kind, except) = (
                rules::measure_type(l, policy, *of_type),
                measure_except(l, policy),
            );
            say!(l,
                zh: "同一申请人{kind}年度资助总额上限 {limit}{except}：剩余 {left}";
                en: "annual cap {limit} per applicant{kind} over the whole measure{except}: {left} left")
        }
    }
}

/// One cap as applied, with who used its room and what it left; a room no
/// other claim shares is said as the reason says it.
pub(super) fn cap_line(l: Lang, policy: &Policy, step: &CapStep) -> String {
    let g = short_grouped;
    let (before, after) = (g(step.before), g(step.after));
    let arrow = say!(l, zh: "应付 {before} → {after}"; en: "payable {before} → {after}");
    let (limit, count) = (g(step.limit), step.limit.normalize());
    let head = match &step.cap {
        Cap::ItemLifetime { item } => {
            let item = item_key(l, policy, *item);
            say!(l,
                zh: "项目“{item}”累计上限 {limit}（本办法有效期内）";
                en: "item {item} cap over the life of the measures {limit}")
        }
        Cap::ItemAnnual { item } => {
            let item = item_key(l, policy, *item);
            say!(l, zh: "项目“{item}”年度上限 {limit}"; en: "item {item} annual cap {limit}")
        }
        Cap::ClauseAnnual { clause } => {
            let clause = clause_key(l, policy, *clause);
            say!(l, zh: "{clause}年度上限 {limit}"; en: "{clause} annual cap {limit}")
        }
        Cap::PerRef { item } => {
            let item = item_key(l, policy, *item);
            say!(l, zh: "项目“{item}”同一编号最多资助 {count} 个"; en: "item {item} at most {count} per reference")
        }
        Cap::RefLimit { group } => {
            let items = rules::ref_limit_items(l, policy, *group);
            say!(l, zh: "{items}合计同一编号最多资助 {count} 个"; en: "at most {count} per reference over {items}")
        }
        Cap::MeasureAnnual { of_type } => {
            let (kind, except) = (
                rules::measure_type(l, policy, *of_type),
                measure_except(l, policy),
            );
            say!(l,
                zh: "同一申请人{kind}年度资助总额上限 {limit}{except}";
                en: "annual cap {limit} per applicant{kind} over the whole measure{except}")
        }
        Cap::Quantity { item, .. } => {
            let item = item_key(l, policy, *item);
            say!(l, zh: "项目“{item}”每年最多资助 {count} 件"; en: "item {item} quantity cap {count} a year")
        }
        // A room no other claim shares: the reason's words say it whole.
        Cap::Quota { .. }
        | Cap::ProjectMax { .. }
        | Cap::RefsPaid { .. }
        | Cap::HigherAward { .. } => {
            let step = cap_step(l, policy, step);
            return say!(l, zh: "{step}；{arrow}"; en: "{step}; {arrow}");
        }
    };
    let show = room_figures(step);
    let mut users: Vec<String> = (step.users.iter().take(NAMED_USERS))
        .map(|(id, used)| {
            let used = show(*used);
            say!(l, zh: "{id}（{used}）"; en: "{id} ({used})")
        })
        .collect();
    let all = step.users.len();
    if all > NAMED_USERS {
        let more = all - NAMED_USERS;
        users.push(say!(l, zh: "等共 {all} 笔"; en: "and {more} more"));
    }
    let (used, left) = (show(step.used), show(step.left()));
    let used = if users.is_empty() {
        say!(l, zh: "已用 {used}"; en: "{used} used")
    } else {
        let users = users.join(list_sep(l));
        say!(l, zh: "{users} 已用去 {used}"; en: "{used} used by claims {users}")
    };
    say!(l, zh: "{head}：{used}；剩余 {left}；{arrow}"; en: "{head}: {used}; {left} left; {arrow}")
}

/// The clauses and items the whole-measure cap leaves out: ` (clause 9 and
/// item patent_award excepted)`, `（第（九）条、项目“专利奖”除外）`, or nothing.
fn measure_except(l: Lang, policy: &Policy) -> String {
    let Some(cap) = &policy.measure_cap else {
        return String::new();
    };
    let clauses = cap.except_clauses.iter().filter_map(|n| {
        pick!(l,
            zh: policy.find_clause(*n).map(|c| c.cited()),
            en: Some(crate::policy::label_en(*n, policy.wording.clause_style)))
    });
    let items = (cap.excluded.iter())
        .filter(|i| !cap.except_clauses.contains(&policy.clause_of(**i).number))
        .map(|i| {
            let item = item_key(l, policy, *i);
            say!(l, zh: "项目“{item}”"; en: "item {item}")
        });
    let named: Vec<String> = clauses.chain(items).collect();
    if named.is_empty() {
        return String::new();
    }
    let named = named.join(list_sep(l));
    say!(l, zh: "（{named}除外）"; en: " ({named} excepted)")
}

/// A claim ranked past a quota's places and paid as the overflow item.
fn quota_step(
    l: Lang,
    policy: &Policy,
    step: &CapStep,
    [item, overflow]: [ItemIdx; 2],
    rank: u32,
    taken_before: u32,
) -> String {
    let limit = short(step.limit);
    let earlier = match taken_before {
        0 => String::new(),
        _ => say!(l, zh: "往期已占 {taken_before} 个，"; en: "{taken_before} taken in a ledger, "),
    };
    let (item, area) = (item_key(l, policy, item), area(l, policy));
    let (overflow, after) = (item_key(l, policy, overflow), short(step.after));
    say!(l,
        zh: "项目“{item}”{area}每年不超过 {limit} 个：{earlier}本批排名第 {rank}，名额已满，按“{overflow}”资助 {after}";
        en: "item {item} {area} quota {limit} per year: {earlier}ranked {rank} in this batch, no place left; paid as {overflow} {after}")
}

/// References of a claim paid before, each cut from it.
fn refs_paid_step(
    l: Lang,
    policy: &Policy,
    step: &CapStep,
    item: ItemIdx,
    paid: &[(Box<str>, Box<str>)],
) -> String {
    let refs: Vec<&str> = paid.iter().map(|(r, _)| r.as_ref()).collect();
    let (refs, by) = (refs.join(list_sep(l)), payers(paid).join(list_sep(l)));
    let (item, units) = (item_key(l, policy, item), paid.len());
    let cut = short(step.before - step.after);
    say!(l,
        zh: "编号 {refs} 此前已获资助（{by}），项目“{item}”每个编号仅资助一次：核减 {units} 件 {cut}";
        en: "{refs} already paid (claim {by}) and item {item} pays each reference once: {units} unit(s), {cut}, cut")
}

/// How the room of a cap is counted: units for a quantity cap, grouped
/// yuan otherwise.
pub fn room_figures(step: &CapStep) -> impl Fn(Decimal) -> String {
    let units = matches!(step.cap, Cap::Quantity { .. } | Cap::PerRef { .. });
    move |d: Decimal| {
        if units {
            d.normalize().to_string()
        } else {
            short_grouped(d)
        }
    }
}
