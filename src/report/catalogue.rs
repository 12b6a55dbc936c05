//! The policy as officials read it: `policy list` (the catalogue as a
//! table) and `policy show` (one item or one clause in full).

use std::fmt::Write as _;

use comfy_table::{presets, Table};

use crate::money::short_grouped;
use crate::policy::{Clause, Item, Kind, Policy, Unique};
use crate::words::{who, Label, Lang, Rule, Sep};

/// The figure of an item: `2,000 /件` (in the unit the policy file counts
/// the item in), `5%`, `≤ 100,000 /项`, `≥ 50,000`, `1:1`.
pub fn figure(item: &Item, lang: Lang) -> String {
    let words = lang.words();
    if item.figure_by.is_some() {
        return words.label(Label::FigureInRules).to_string();
    }
    match &item.kind {
        Kind::Fixed { amount } if item.per_unit => match &item.unit {
            Some(unit) => words.per_unit_figure(&short_grouped(*amount), lang.text(unit)),
            None => format!("{} {}", short_grouped(*amount), words.label(Label::PerUnit)),
        },
        Kind::Fixed { amount } => short_grouped(*amount),
        Kind::Percent { rate } => format!(
            "{}%",
            (*rate * rust_decimal::Decimal::ONE_HUNDRED).normalize()
        ),
        Kind::Approved { max } => format!(
            "≤ {} {}",
            short_grouped(*max),
            words.label(Label::PerProject)
        ),
        Kind::Floor { minimum } => format!("≥ {}", short_grouped(*minimum)),
        Kind::Matching { ratio } => format!("1:{}", ratio.normalize()),
        Kind::Manual { .. } => "—".to_string(),
    }
}

/// Every rule and cap that bears on an item, its clause's included.
pub fn rules(policy: &Policy, item: &Item) -> Vec<Rule> {
    let clause = &policy.clauses[usize::from(item.clause)];
    let mut out = Vec::new();
    if !item.tags_any.is_empty() {
        out.push(Rule::Tags(item.tags_any));
    }
    for (fact, minimum) in &item.facts_min {
        out.push(Rule::FactAtLeast {
            fact: *fact,
            minimum: *minimum,
        });
    }
    for (fact, window) in &item.facts_within {
        out.push(Rule::FactWithin {
            fact: *fact,
            window: *window,
        });
    }
    for (fact, codes) in &item.facts_one_of {
        out.push(Rule::FactOneOf {
            fact: *fact,
            codes: codes.clone(),
        });
    }
    ranges_and_tables(item, &mut out);
    if let Some(m) = item.min_quantity {
        out.push(Rule::QuantityAtLeast(m));
    }
    if item.unique != Unique::None {
        out.push(Rule::Unique(item.unique));
    }
    for cap in &item.quantity_caps {
        out.push(Rule::QuantityCap {
            who: cap.applicants,
            max_per_year: cap.max_per_year,
        });
    }
    if let Some(quota) = item.quota.filter(|q| q.refuse_rest) {
        out.push(Rule::QuotaOnly {
            per_year: quota.per_year,
        });
    } else if let Some(quota) = item.quota {
        out.push(Rule::Quota {
            per_year: quota.per_year,
            overflow: quota.overflow,
        });
    }
    if let (Some(max), false) = (
        item.max_per_claim,
        matches!(item.kind, Kind::Approved { .. }),
    ) {
        out.push(Rule::ClaimMax(max));
    }
    if let Some(cap) = item.annual_cap {
        out.push(Rule::ItemCap(cap));
    }
    if let Some(cap) = item.lifetime_cap {
        out.push(Rule::ItemLifetimeCap(cap));
    }
    if let Some(cap) = clause.annual_cap {
        out.push(Rule::ClauseCap(cap));
    }
    if clause.one_award_per_year {
        out.push(Rule::ClauseOneAward);
    }
    let index = policy.find_item(&item.id);
    if let Some(cap) = index.and_then(|i| policy.measure_cap_of(i)) {
        out.push(Rule::MeasureCap {
            annual: cap.annual,
            by_type: cap.by_type.clone(),
        });
    }
    out
}

/// The ranges, tables and per-reference rules of an item.
fn ranges_and_tables(item: &Item, out: &mut Vec<Rule>) {
    for (fact, range) in &item.facts_range {
        out.push(Rule::Range {
            on: crate::policy::Measured::Fact(*fact),
            range: *range,
        });
    }
    if let Some(range) = item.amount_range {
        out.push(Rule::Range {
            on: crate::policy::Measured::Amount,
            range,
        });
    }
    let percent = !matches!(item.kind, Kind::Fixed { .. });
    match &item.figure_by {
        Some(crate::policy::FigureBy::Tiers { on, bands }) => out.push(Rule::Tiers {
            on: *on,
            bands: bands.clone(),
            percent,
        }),
        Some(crate::policy::FigureBy::Type(table)) => out.push(Rule::ByType {
            table: table.clone(),
            percent,
        }),
        None => {}
    }
    if let Some(n) = item.max_per_ref {
        out.push(Rule::PerRef(n));
    }
    if let Some((fact, max)) = item.base_period {
        out.push(Rule::BasePeriod { fact, max });
    }
    if let Some(g) = item.ref_limit {
        out.push(Rule::RefLimit(g));
    }
    if let Some(i) = item.requires {
        out.push(Rule::Requires(i));
    }
    if let Some(g) = item.award_group {
        out.push(Rule::AwardGroup(g));
    }
}

/// The rules of an item in words, joined.
fn rules_text(policy: &Policy, item: &Item, lang: Lang) -> String {
    let words = lang.words();
    rules(policy, item)
        .iter()
        .map(|r| words.rule(policy, r))
        .collect::<Vec<_>>()
        .join(words.separator(Sep::Parts))
}

/// One item of the catalogue, as `policy list --format csv|json` gives it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CatalogueRow {
    pub clause: String,
    pub item: String,
    pub name: String,
    pub kind: String,
    pub figure: String,
    pub who: String,
    pub rules: String,
}

impl CatalogueRow {
    /// The CSV header: the fields' names.
    pub const FIELDS: [&'static str; 7] =
        ["clause", "item", "name", "kind", "figure", "who", "rules"];
}

/// Every item of the catalogue, clause by clause.
pub fn list_rows(policy: &Policy, lang: Lang) -> Vec<CatalogueRow> {
    let mut rows = Vec::new();
    for clause in &policy.clauses {
        for &i in &clause.items {
            let item = policy.item(i);
            rows.push(CatalogueRow {
                clause: clause.label(),
                item: item.id.clone(),
                name: item.name(lang).to_string(),
                kind: item.kind.name().to_string(),
                figure: figure(item, lang),
                who: who(policy, item.applicants, lang),
                rules: rules_text(policy, item, lang),
            });
        }
    }
    rows
}

/// The catalogue's columns, in the order the terminal, the page and the
/// template's catalogue sheet all show them.
pub const COLUMNS: [Label; 7] = [
    Label::Clause,
    Label::Item,
    Label::Name,
    Label::Kind,
    Label::Figure,
    Label::Who,
    Label::RulesAndCaps,
];

pub fn list(policy: &Policy, lang: Lang) -> String {
    let words = lang.words();
    let mut table = Table::new();
    super::table::fit(&mut table);
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(COLUMNS.map(|l| words.label(l)));
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
                rules_text(policy, item, lang),
            ]);
        }
    }
    let mut out = format!("{}（{}）\n", policy.title, policy.id);
    let _ = writeln!(out, "{table}");
    let _ = writeln!(out, "{}", words.catalogue_footer(policy));
    out
}

pub fn show_item(policy: &Policy, item: &Item, lang: Lang) -> String {
    let clause = &policy.clauses[usize::from(item.clause)];
    let words = lang.words();
    let l = |label| words.label(label);
    let mut out = String::new();
    let _ = writeln!(out, "{} {} {}", l(Label::Item), item.id, item.name(lang));
    let _ = writeln!(
        out,
        "{}{} {}",
        l(Label::ShowClause),
        clause.label(),
        clause.title(lang)
    );
    let _ = writeln!(out, "{}“{}”", l(Label::ShowClauseText), clause.source);
    if let Some(source) = &item.source {
        let _ = writeln!(out, "{}“{source}”", l(Label::ShowSentence));
    }
    let _ = writeln!(
        out,
        "{}{} · {}",
        l(Label::ShowKind),
        item.kind.name(),
        figure(item, lang)
    );
    if let Some(why) = item.manual_reason(lang) {
        let _ = writeln!(out, "{}{why}", l(Label::ShowManual));
    }
    let _ = writeln!(
        out,
        "{}{}",
        l(Label::ShowWho),
        who(policy, item.applicants, lang)
    );
    let rules = rules_text(policy, item, lang);
    if !rules.is_empty() {
        let _ = writeln!(out, "{}{rules}", l(Label::ShowRules));
    }
    for note in [&item.note, &clause.note].into_iter().flatten() {
        let _ = writeln!(out, "{}{}", l(Label::ShowNote), lang.text(note));
    }
    if !item.intake.is_empty() {
        let _ = writeln!(out, "{}", words.intake_heading());
        for condition in &item.intake {
            let _ = writeln!(out, "  · {}", lang.text(condition));
        }
    }
    out
}

pub fn show_clause(policy: &Policy, clause: &Clause, lang: Lang) -> String {
    let words = lang.words();
    let l = |label| words.label(label);
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", clause.label(), clause.title(lang));
    let _ = writeln!(out, "{}“{}”", l(Label::ShowText), clause.source);
    if let Some(cap) = clause.annual_cap {
        let _ = writeln!(out, "{}{}", l(Label::ShowClauseCap), short_grouped(cap));
    }
    if clause.one_award_per_year {
        let _ = writeln!(out, "{}", l(Label::ShowOneAward));
    }
    if let Some(note) = &clause.note {
        let _ = writeln!(out, "{}{}", l(Label::ShowNote), lang.text(note));
    }
    if clause.items.is_empty() {
        let _ = writeln!(out, "{}", l(Label::ShowPaysNothing));
        return out;
    }
    let _ = writeln!(out, "{}", l(Label::ShowItems));
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
    out
}
