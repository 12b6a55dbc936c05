//! The figures of a policy file by the keys an official writes on the
//! command line (`clause.1.annual_cap`, `item.high_value_patent.amount`,
//! `measure_cap.by_type.individual`, `valid_until`), each with where its value is written. An override
//! rewrites that value in the file's text, so the loader's checks (and its
//! line numbers) still apply to the changed policy.

use std::collections::BTreeMap;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::{Spanned, Value};

/// What a figure is, for checking a value given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// Yuan: `80000`, `1234.5`.
    Money,
    /// A rate or ratio: `5%`, `0.05`, `1`.
    Rate,
    /// A whole number: a count, a number of years.
    Count,
    /// A day: `2026-12-31`.
    Day,
}

/// One figure of a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureSlot {
    pub key: String,
    pub kind: FigureKind,
    /// The value as the file writes it, without quotes.
    pub written: String,
    /// Where the value (quotes included) stands in the file's text.
    pub span: Range<usize>,
}

#[derive(Deserialize)]
struct Top {
    valid_from: Option<Spanned<Value>>,
    valid_until: Option<Spanned<Value>>,
    in_force_from: Option<Spanned<Value>>,
    applies_from: Option<Spanned<Value>>,
    term_years: Option<Spanned<Value>>,
    measure_cap: Option<MeasureCap>,
    #[serde(default)]
    clause: Vec<Clause>,
}

#[derive(Deserialize)]
struct MeasureCap {
    annual: Option<Spanned<Value>>,
    #[serde(default)]
    by_type: BTreeMap<String, Spanned<Value>>,
}

#[derive(Deserialize)]
struct Clause {
    number: Spanned<Value>,
    annual_cap: Option<Spanned<Value>>,
    #[serde(default)]
    item: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: Spanned<Value>,
    amount: Option<Spanned<Value>>,
    rate: Option<Spanned<Value>>,
    max_per_project: Option<Spanned<Value>>,
    minimum: Option<Spanned<Value>>,
    ratio: Option<Spanned<Value>>,
    annual_cap: Option<Spanned<Value>>,
    min_quantity: Option<Spanned<Value>>,
    #[serde(default)]
    facts_min: BTreeMap<String, Spanned<Value>>,
    #[serde(default)]
    quantity_cap: Vec<QuantityCap>,
    quota: Option<Quota>,
}

#[derive(Deserialize)]
struct QuantityCap {
    max_per_year: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
struct Quota {
    per_year: Option<Spanned<Value>>,
}

/// Every figure of the policy text, in file order; `None` when the text is
/// not TOML (the loader then says why).
pub fn figures(text: &str) -> Option<Vec<FigureSlot>> {
    let top: Top = toml::from_str(text).ok()?;
    let mut out = Vec::new();
    let mut push = |key: String, kind, value: &Option<Spanned<Value>>| {
        if let Some(v) = value {
            out.push(slot(key, kind, v));
        }
    };
    push("in_force_from".into(), FigureKind::Day, &top.in_force_from);
    push("term_years".into(), FigureKind::Count, &top.term_years);
    push("applies_from".into(), FigureKind::Day, &top.applies_from);
    push("valid_from".into(), FigureKind::Day, &top.valid_from);
    push("valid_until".into(), FigureKind::Day, &top.valid_until);
    if let Some(cap) = &top.measure_cap {
        push("measure_cap.annual".into(), FigureKind::Money, &cap.annual);
        for (t, value) in &cap.by_type {
            let key = format!("measure_cap.by_type.{t}");
            push(key, FigureKind::Money, &Some(value.clone()));
        }
    }
    for clause in &top.clause {
        let number = written(clause.number.get_ref());
        push(
            format!("clause.{number}.annual_cap"),
            FigureKind::Money,
            &clause.annual_cap,
        );
        for item in &clause.item {
            item_figures(item, &mut push);
        }
    }
    out.sort_by_key(|s| s.span.start);
    Some(out)
}

fn item_figures(item: &Item, push: &mut impl FnMut(String, FigureKind, &Option<Spanned<Value>>)) {
    let id = written(item.id.get_ref());
    let key = |name: &str| format!("item.{id}.{name}");
    push(key("amount"), FigureKind::Money, &item.amount);
    push(key("rate"), FigureKind::Rate, &item.rate);
    push(
        key("max_per_project"),
        FigureKind::Money,
        &item.max_per_project,
    );
    push(key("minimum"), FigureKind::Money, &item.minimum);
    push(key("ratio"), FigureKind::Rate, &item.ratio);
    push(key("annual_cap"), FigureKind::Money, &item.annual_cap);
    push(key("min_quantity"), FigureKind::Count, &item.min_quantity);
    for (fact, value) in &item.facts_min {
        push(
            key(&format!("facts_min.{fact}")),
            FigureKind::Rate,
            &Some(value.clone()),
        );
    }
    for (n, cap) in item.quantity_cap.iter().enumerate() {
        push(
            key(&format!("quantity_cap.{}.max_per_year", n + 1)),
            FigureKind::Count,
            &cap.max_per_year,
        );
    }
    if let Some(quota) = &item.quota {
        push(key("quota.per_year"), FigureKind::Count, &quota.per_year);
    }
}

fn slot(key: String, kind: FigureKind, value: &Spanned<Value>) -> FigureSlot {
    FigureSlot {
        key,
        kind,
        written: written(value.get_ref()),
        span: value.span(),
    }
}

/// A value as an official reads it: a string without its quotes.
fn written(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A value given for a figure of `kind`, as TOML text the loader reads as
/// that figure; `None` when it is not a value of that kind.
pub fn toml_value(kind: FigureKind, given: &str) -> Option<String> {
    let given = given.trim();
    match kind {
        FigureKind::Money => {
            let value = crate::money::parse_amount(given).ok()?;
            Some(format!("\"{}\"", value.normalize()))
        }
        FigureKind::Rate => rate(given).map(|_| format!("\"{given}\"")),
        FigureKind::Count => given.parse::<u32>().ok().map(|n| n.to_string()),
        FigureKind::Day => crate::date::Date::parse(given).map(|d| d.to_string()),
    }
}

/// `5%` or `0.05` as a number (0.05); `None` when it is neither.
pub fn rate(written: &str) -> Option<Decimal> {
    let written = written.trim();
    match written.strip_suffix('%') {
        Some(p) => crate::money::parse_number(p.trim())
            .ok()
            .map(|v| v / Decimal::from(100)),
        None => crate::money::parse_number(written).ok(),
    }
}

/// A figure's value in a form two files can be compared by: rates as
/// numbers (`5%` is `0.05`), money without trailing zeros.
pub fn comparable(slot: &FigureSlot) -> String {
    match slot.kind {
        FigureKind::Money | FigureKind::Rate => rate(&slot.written)
            .map(|v| v.normalize().to_string())
            .unwrap_or_else(|| slot.written.clone()),
        FigureKind::Count | FigureKind::Day => slot.written.clone(),
    }
}
