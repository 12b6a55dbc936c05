//! The policy file exactly as written, with the place of every value kept so
//! that a mistake can be reported at its line. `load` turns it into the
//! checked model of `model.rs`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use toml::value::Datetime;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub source: String,
    pub status: Spanned<String>,
    /// The first day a claim may be dated; derived from `applies_from` (or
    /// `in_force_from`) when absent, checked against it when written.
    #[serde(default)]
    pub valid_from: Option<Spanned<Datetime>>,
    /// The last day a claim may be dated; derived from `in_force_from` and
    /// `term_years` when absent, checked against them when written.
    #[serde(default)]
    pub valid_until: Option<Spanned<Datetime>>,
    /// The day the measures come into force (施行).
    #[serde(default)]
    pub in_force_from: Option<Spanned<Datetime>>,
    /// The term in whole years from `in_force_from` (有效期N年).
    #[serde(default)]
    pub term_years: Option<Spanned<i64>>,
    /// The day from which claims may be made under the measures (参照执行).
    #[serde(default)]
    pub applies_from: Option<Spanned<Datetime>>,
    /// What a claim outside the validity should be told about the dates
    /// (an assumption about a blank start date, say).
    #[serde(default)]
    pub validity_note: Option<String>,
    #[serde(default)]
    pub validity_note_en: Option<String>,
    pub currency: String,
    pub rounding: Spanned<RawRounding>,
    #[serde(default)]
    pub other_city_support: Option<RawExclusion>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    #[serde(rename = "applicant_type", default)]
    pub applicant_types: Vec<RawNamed>,
    #[serde(rename = "applicant_group", default)]
    pub applicant_groups: Vec<RawGroup>,
    #[serde(rename = "tag", default)]
    pub tags: Vec<RawNamed>,
    #[serde(rename = "fact", default)]
    pub facts: Vec<RawFact>,
    #[serde(rename = "clause", default)]
    pub clauses: Vec<RawClause>,
    /// 同一申请人年度资助总额不超过N: a cap per applicant per year over the
    /// whole measure, applied after the clause caps.
    #[serde(default)]
    pub measure_cap: Option<Spanned<RawMeasureCap>>,
    /// Items of which the same reference is paid only the highest figure
    /// (按最高奖项奖励，不重复奖励).
    #[serde(rename = "award_group", default)]
    pub award_groups: Vec<RawAwardGroup>,
    /// Limits on units per reference across several items (同一件发明专利
    ///最多资助3个国家或地区, counted over every figure and year).
    #[serde(rename = "ref_limit", default)]
    pub ref_limits: Vec<RawRefLimit>,
    /// The words of the measures' own: its place, its level, how it
    /// numbers clauses. Each key defaults to the bundled measures' usage.
    #[serde(default)]
    pub wording: Option<RawWording>,
}

/// The measures' own words (全市/市级 or 全区/区级; （九） or 第九条).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWording {
    #[serde(default)]
    pub jurisdiction: Option<String>,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub level: Option<String>,
    /// `area` in English, as in `2 a year city-wide`.
    #[serde(default)]
    pub area_en: Option<String>,
    /// `level` in English, as in `another city-level policy`.
    #[serde(default)]
    pub level_en: Option<String>,
    #[serde(default)]
    pub clause_style: Option<Spanned<String>>,
    #[serde(default)]
    pub exclusion: Option<String>,
}

/// A group of items paid at most the highest figure per reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAwardGroup {
    pub id: String,
    pub items: Vec<Spanned<String>>,
    #[serde(default)]
    pub source: Option<String>,
}

/// At most `max_units` units per reference over the items listed, across
/// claims, applicants and years.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRefLimit {
    pub id: String,
    pub items: Vec<Spanned<String>>,
    pub max_units: Spanned<i64>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A cap over the whole measure, with the clauses and items it leaves out
/// (……除外).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasureCap {
    /// The figure for every applicant type `by_type` does not list; may be
    /// left out when `by_type` lists every type.
    #[serde(default)]
    pub annual: Option<Spanned<Figure>>,
    /// A figure of its own for some applicant types (非职务发明 5万元).
    #[serde(default)]
    pub by_type: Option<Spanned<BTreeMap<String, Figure>>>,
    #[serde(default)]
    pub except_clauses: Vec<Spanned<i64>>,
    #[serde(default)]
    pub except_items: Vec<Spanned<String>>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRounding {
    pub mode: Spanned<String>,
    pub decimals: Spanned<i64>,
}

/// The general exclusion: a claim already supported by another city policy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExclusion {
    pub rejects: bool,
    pub source: String,
}

/// An applicant type, tag or fact: an id, its Chinese name and other spellings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamed {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A fact a claim declares: a number (the default), a date, yes/no, or one
/// of a list of values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `number`, `date`, `yes_no` or `choice`.
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// The values of a `choice` fact, as a claim writes them.
    #[serde(default)]
    pub values: Vec<String>,
}

/// The fact holding a claim's period, and the most of it the base counts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBasePeriod {
    pub fact: String,
    pub max: Figure,
}

/// A window of time after a date fact: exactly one of the three.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWindow {
    #[serde(default)]
    pub days: Option<i64>,
    #[serde(default)]
    pub months: Option<i64>,
    #[serde(default)]
    pub years: Option<i64>,
}

/// A name for several applicant types at once, such as 单位 (a unit).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub members: Spanned<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub number: Spanned<i64>,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub source: String,
    #[serde(default)]
    pub annual_cap: Option<Spanned<Figure>>,
    #[serde(default)]
    pub one_award_per_year: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    #[serde(rename = "item", default)]
    pub items: Vec<RawItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// Other names clerks write for the item (`质押贴息`).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub amount: Option<Spanned<Figure>>,
    #[serde(default)]
    pub rate: Option<Spanned<Figure>>,
    #[serde(default)]
    pub max_per_project: Option<Spanned<Figure>>,
    /// 每笔/每项最高: a maximum per claim on any kind that computes money
    /// (on `approved`, `max_per_project` says it).
    #[serde(default)]
    pub max_per_claim: Option<Spanned<Figure>>,
    #[serde(default)]
    pub minimum: Option<Spanned<Figure>>,
    #[serde(default)]
    pub ratio: Option<Spanned<Figure>>,
    #[serde(default)]
    pub per_unit: Option<Spanned<bool>>,
    /// The word the measures count a per-unit item in (件, 项, 个, 宗).
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    #[serde(default)]
    pub unit_en: String,
    pub applicants: Spanned<Vec<String>>,
    #[serde(default)]
    pub tags_any: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub facts_min: BTreeMap<String, Spanned<Figure>>,
    /// A minimum and/or maximum on a declared fact, each bound inclusive
    /// unless said otherwise.
    #[serde(default)]
    pub facts_range: BTreeMap<String, Spanned<RawRange>>,
    /// The claim's date within a window after a date fact (自授权公告之日起
    /// 一年内申报).
    #[serde(default)]
    pub facts_within: BTreeMap<String, Spanned<RawWindow>>,
    /// A yes/no or choice fact that must be one of the values listed
    /// (专利权人地址在本区).
    #[serde(default)]
    pub facts_one_of: BTreeMap<String, Spanned<Vec<String>>>,
    /// The figure by bands of a fact or of the amount (`tiers.on`), one
    /// band's figure for the whole claim.
    #[serde(default)]
    pub tiers: Option<Spanned<RawTiers>>,
    /// The figure per applicant type, every type that may claim keyed.
    #[serde(default)]
    pub by_type: Option<Spanned<BTreeMap<String, Figure>>>,
    /// A minimum and/or maximum on the claim's amount.
    #[serde(default)]
    pub amount_range: Option<Spanned<RawRange>>,
    #[serde(default)]
    pub min_quantity: Option<Spanned<i64>>,
    /// 同一件……最多资助N个: at most N units per reference, across claims,
    /// applicants and years.
    #[serde(default)]
    pub max_per_ref: Option<Spanned<i64>>,
    #[serde(default)]
    pub unique: Option<Spanned<String>>,
    #[serde(default)]
    pub annual_cap: Option<Spanned<Figure>>,
    /// A cap per applicant over the life of the measures, across years
    /// (贴息……累计最高50万元).
    #[serde(default)]
    pub lifetime_cap: Option<Spanned<Figure>>,
    /// A base limited in time (贴息期限不超过2年): the claim's period is a
    /// fact, and the base is scaled by min(period, max) / period.
    #[serde(default)]
    pub base_period: Option<Spanned<RawBasePeriod>>,
    /// An item the same applicant must have been paid before (再次认定 pays
    /// only after the first recognition is recorded).
    #[serde(default)]
    pub requires: Option<Spanned<String>>,
    #[serde(rename = "quantity_cap", default)]
    pub quantity_caps: Vec<RawQuantityCap>,
    #[serde(default)]
    pub quota: Option<Spanned<RawQuota>>,
    #[serde(default)]
    pub manual_reason: Option<Spanned<String>>,
    #[serde(default)]
    pub manual_reason_en: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    /// Conditions of the text that no column holds, quoted: the office
    /// verifies them at intake.
    #[serde(default)]
    pub intake: Vec<String>,
    /// The English of `intake`, one for one (or none at all).
    #[serde(default)]
    pub intake_en: Option<Spanned<Vec<String>>>,
}

/// Bounds on a value: `{ min = 5000000, min_inclusive = false }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    #[serde(default)]
    pub min: Option<Figure>,
    #[serde(default)]
    pub max: Option<Figure>,
    #[serde(default = "yes")]
    pub min_inclusive: bool,
    #[serde(default = "yes")]
    pub max_inclusive: bool,
}

/// Bands of a value, each with its figure: sorted, no gap, no overlap.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTiers {
    /// `amount`, or the id of a declared fact.
    pub on: String,
    pub bands: Vec<RawBand>,
}

/// One band: its bounds (as a range) and the figure of the item's kind
/// (amount, rate or ratio) for a value inside it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    #[serde(default)]
    pub min: Option<Figure>,
    #[serde(default)]
    pub max: Option<Figure>,
    #[serde(default = "yes")]
    pub min_inclusive: bool,
    #[serde(default = "yes")]
    pub max_inclusive: bool,
    pub figure: Figure,
    /// The most one claim in this band is paid (a loan band paying 10% up
    /// to 50,000 a loan).
    #[serde(default)]
    pub max_per_claim: Option<Figure>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuantityCap {
    pub applicants: Spanned<Vec<String>>,
    pub max_per_year: Spanned<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuota {
    pub per_year: Spanned<i64>,
    /// The item the rest are paid as; without one, the rest are not paid.
    #[serde(default)]
    pub overflow: Option<Spanned<String>>,
}

/// A money figure or rate as written: an integer (`2000`) or a string
/// (`"0.05"`, `"5%"`). A TOML float is refused: it would pass through binary
/// floating point before it became a `Decimal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure(pub String);

impl Figure {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FigureVisitor;
        impl Visitor<'_> for FigureVisitor {
            type Value = Figure;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "an integer such as 2000 or a quoted decimal such as \"0.05\" or \"5%\"",
                )
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
                Ok(Figure(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
                Ok(Figure(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
                Ok(Figure(v.to_string()))
            }
            // A float is refused (the words layer says to quote it, so
            // that it is read exactly).
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
                Err(E::invalid_type(de::Unexpected::Float(v), &self))
            }
        }
        deserializer.deserialize_any(FigureVisitor)
    }
}
