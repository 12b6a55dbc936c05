//! The policy as officials read it: `policy list` (the catalogue as a
//! table) and `policy show` (one item or one clause in full).

use std::fmt::Write as _;

use comfy_table::{presets, ContentArrangement, Table};

use crate::money::short_grouped;
use crate::policy::{Clause, Item, Kind, Policy, TypeSet, Unique};
use crate::words::Lang;

/// The figure of an item: `2,000 /件`, `5%`, `≤ 100,000 /项`, `≥ 50,000`, `1:1`.
pub fn figure(item: &Item, lang: Lang) -> String {
    match &item.kind {
        Kind::Fixed { amount } if item.per_unit => {
            format!(
                "{} {}",
                short_grouped(*amount),
                lang.pick("/件", "per unit")
            )
        }
        Kind::Fixed { amount } => short_grouped(*amount),
        Kind::Percent { rate } => format!(
            "{}%",
            (*rate * rust_decimal::Decimal::ONE_HUNDRED).normalize()
        ),
        Kind::Approved { max } => format!(
            "≤ {} {}",
            short_grouped(*max),
            lang.pick("/项", "per project")
        ),
        Kind::Floor { minimum } => format!("≥ {}", short_grouped(*minimum)),
        Kind::Matching { ratio } => format!("1:{}", ratio.normalize()),
        Kind::Manual { .. } => "—".to_string(),
    }
}

/// Who may claim: a group's name when the set is exactly a group.
pub fn who(policy: &Policy, set: TypeSet, lang: Lang) -> String {
    if let Some((group, _)) = policy.applicant_groups.iter().find(|(_, s)| *s == set) {
        return group.label(lang).to_string();
    }
    policy
        .applicant_types
        .iter()
        .enumerate()
        .filter(|(i, _)| set.contains(*i as u8))
        .map(|(_, t)| t.label(lang).to_string())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// Every rule and cap that bears on an item, its clause's included.
pub fn rules(policy: &Policy, item: &Item, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let clause = &policy.clauses[usize::from(item.clause)];
    if !item.tags_any.is_empty() {
        let tags: Vec<&str> = item
            .tags_any
            .iter()
            .filter_map(|t| policy.tags.get(usize::from(t)))
            .map(|t| t.label(lang))
            .collect();
        out.push(format!(
            "{}{}",
            lang.pick("须为：", "one of: "),
            tags.join(" / ")
        ));
    }
    for (fact, minimum) in &item.facts_min {
        out.push(format!(
            "{} ≥ {}",
            policy.facts[usize::from(*fact)].label(lang),
            minimum.normalize()
        ));
    }
    if let Some(m) = item.min_quantity {
        out.push(format!("{} ≥ {m}", lang.pick("数量", "quantity")));
    }
    match item.unique {
        Unique::None => {}
        Unique::Ref => out.push(lang.pick("同一编号只资助一次", "once per ref").into()),
        Unique::ApplicantRef => out.push(
            lang.pick("每个申请人同一编号一次", "once per applicant and ref")
                .into(),
        ),
        Unique::Applicant => out.push(
            lang.pick("每个申请人一次", "once per applicant, ever")
                .into(),
        ),
        Unique::ApplicantYear => out.push(
            lang.pick("每个申请人每年一次", "once per applicant per year")
                .into(),
        ),
    }
    for cap in &item.quantity_caps {
        out.push(match lang {
            Lang::Zh => format!(
                "{}每年最多 {} 件",
                who(policy, cap.applicants, lang),
                cap.max_per_year
            ),
            Lang::En => format!(
                "at most {} per year ({})",
                cap.max_per_year,
                who(policy, cap.applicants, lang)
            ),
        });
    }
    if let Some(quota) = item.quota {
        let overflow = &policy.item(quota.overflow).id;
        out.push(match lang {
            Lang::Zh => format!("全市每年 {} 个，超出按 {overflow} 资助", quota.per_year),
            Lang::En => format!(
                "{} a year city-wide, the rest paid as {overflow}",
                quota.per_year
            ),
        });
    }
    if let Some(cap) = item.annual_cap {
        out.push(format!(
            "{} {}",
            lang.pick("项目年度上限", "item cap a year"),
            short_grouped(cap)
        ));
    }
    if let Some(cap) = clause.annual_cap {
        out.push(match lang {
            Lang::Zh => format!("条款年度上限 {}（同条款合计）", short_grouped(cap)),
            Lang::En => format!("clause cap a year {} (all its items)", short_grouped(cap)),
        });
    }
    if clause.one_award_per_year {
        out.push(
            lang.pick("条款内每年一项", "one award of the clause a year")
                .into(),
        );
    }
    out
}

pub fn list(policy: &Policy, lang: Lang) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            lang.pick("条款", "clause"),
            lang.pick("项目", "item"),
            lang.pick("名称", "name"),
            lang.pick("方式", "kind"),
            lang.pick("金额", "figure"),
            lang.pick("申请人", "who"),
            lang.pick("规则与上限", "rules and caps"),
        ]);
    for clause in &policy.clauses {
        for &i in &clause.items {
            let item = policy.item(i);
            table.add_row(vec![
                clause.label(),
                item.id.clone(),
                item.name(lang).to_string(),
                item.kind.name().to_string(),
                figure(item, lang),
                who(policy, item.applicants, lang),
                rules(policy, item, lang).join(lang.pick("；", "; ")),
            ]);
        }
    }
    let mut out = format!("{}（{}）\n", policy.title, policy.id);
    let _ = writeln!(out, "{table}");
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!(
                "共 {} 条、{} 个项目；有效期 {} 至 {}（含）",
                policy.clauses.len(),
                policy.items.len(),
                policy.valid_from,
                policy.valid_until
            ),
            Lang::En => format!(
                "{} clauses, {} items; valid {} to {} (inclusive)",
                policy.clauses.len(),
                policy.items.len(),
                policy.valid_from,
                policy.valid_until
            ),
        }
    );
    out
}

pub fn show_item(policy: &Policy, item: &Item, lang: Lang) -> String {
    let clause = &policy.clauses[usize::from(item.clause)];
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = String::new();
    let _ = writeln!(out, "{} {} {}", l("项目", "item"), item.id, item.name(lang));
    let _ = writeln!(
        out,
        "{}{} {}",
        l("条款：", "clause: "),
        clause.label(),
        clause.title(lang)
    );
    let _ = writeln!(
        out,
        "{}“{}”",
        l("条款原文：", "clause text: "),
        clause.source
    );
    if let Some(source) = &item.source {
        let _ = writeln!(out, "{}“{source}”", l("依据：", "sentence: "));
    }
    let _ = writeln!(
        out,
        "{}{} · {}",
        l("方式：", "kind: "),
        item.kind.name(),
        figure(item, lang)
    );
    if let Some(why) = item.manual_reason(lang) {
        let _ = writeln!(out, "{}{why}", l("人工审核：", "manual: "));
    }
    let _ = writeln!(
        out,
        "{}{}",
        l("申请人：", "who: "),
        who(policy, item.applicants, lang)
    );
    let rules = rules(policy, item, lang);
    if !rules.is_empty() {
        let _ = writeln!(
            out,
            "{}{}",
            l("规则与上限：", "rules and caps: "),
            rules.join(lang.pick("；", "; "))
        );
    }
    for note in [&item.note, &clause.note].into_iter().flatten() {
        let _ = writeln!(out, "{}{}", l("说明：", "note: "), lang.text(note));
    }
    out
}

pub fn show_clause(policy: &Policy, clause: &Clause, lang: Lang) -> String {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", clause.label(), clause.title(lang));
    let _ = writeln!(out, "{}“{}”", l("原文：", "text: "), clause.source);
    if let Some(cap) = clause.annual_cap {
        let _ = writeln!(
            out,
            "{}{}",
            l(
                "年度上限（每个申请人，同条款合计）：",
                "cap a year per applicant, all items: "
            ),
            short_grouped(cap)
        );
    }
    if clause.one_award_per_year {
        let _ = writeln!(
            out,
            "{}",
            l("每个申请人每年一项", "one award per applicant per year")
        );
    }
    if let Some(note) = &clause.note {
        let _ = writeln!(out, "{}{}", l("说明：", "note: "), lang.text(note));
    }
    if clause.items.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            l("本条不涉及资助金额。", "This clause pays nothing.")
        );
    } else {
        let _ = writeln!(out, "{}", l("项目：", "items:"));
        for &i in &clause.items {
            let item = policy.item(i);
            let _ = writeln!(
                out,
                "  {} {} · {} · {}",
                item.id,
                item.name(lang),
                figure(item, lang),
                who(policy, item.applicants, lang)
            );
        }
    }
    out
}
