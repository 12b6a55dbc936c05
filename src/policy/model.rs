//! The measures as the engine sees them: checked, resolved to indexes, with
//! every figure a `Decimal`. Built only by `load`, so a `Policy` in hand is a
//! consistent one.

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;

use super::problem::KindName;
use crate::date::Date;
use crate::lang::{clause_label, Lang, Text};
use crate::money::Rounding;

pub type ItemIdx = u16;
pub type ClauseIdx = u16;
pub type TypeIdx = u8;
pub type TagIdx = u8;
pub type FactIdx = u8;

/// The most facts a policy may declare: a claim holds its facts in a fixed
/// array (an allocation less per row), so the loader refuses more.
pub const MAX_FACTS: usize = 8;

/// Applicant types as a bit set (at most 32 types).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TypeSet(pub u32);

impl TypeSet {
    pub fn contains(self, t: TypeIdx) -> bool {
        self.0 & (1 << t) != 0
    }
    pub fn insert(&mut self, t: TypeIdx) {
        self.0 |= 1 << t;
    }
}

/// Tags as a bit set (at most 64 tags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagSet(pub u64);

impl TagSet {
    pub fn contains(self, t: TagIdx) -> bool {
        self.0 & (1 << t) != 0
    }
    pub fn insert(&mut self, t: TagIdx) {
        self.0 |= 1 << t;
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn intersects(self, other: TagSet) -> bool {
        self.0 & other.0 != 0
    }
    pub fn iter(self) -> impl Iterator<Item = TagIdx> {
        (0..64u8).filter(move |t| self.contains(*t))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 征求意见稿: every figure is provisional.
    Draft,
    Final,
}

#[derive(Debug)]
pub struct Policy {
    pub id: String,
    pub title: String,
    pub title_en: String,
    pub source: String,
    pub status: Status,
    pub valid_from: Date,
    pub valid_until: Date,
    pub currency: String,
    pub rounding: Rounding,
    /// The sentence that excludes a project already supported by another city
    /// policy, when the measures have one.
    pub other_city_support: Option<String>,
    pub note: Option<Text>,
    /// What a claim dated outside the validity is told about the dates, such
    /// as the assumption behind a blank start date (起始日未定，按最早可能的届满日计).
    pub validity_note: Option<Text>,
    pub applicant_types: Vec<Named>,
    /// Names for several types at once, with the set each stands for.
    pub applicant_groups: Vec<(Named, TypeSet)>,
    pub tags: Vec<Named>,
    pub facts: Vec<Named>,
    /// What each fact holds, one for one with `facts`.
    pub fact_kinds: Vec<FactKind>,
    pub clauses: Vec<Clause>,
    pub items: Vec<Item>,
    /// A cap per applicant per year over the whole measure.
    pub measure_cap: Option<MeasureCap>,
    /// Groups of items paid at most the highest figure per reference.
    pub award_groups: Vec<AwardGroup>,
    /// Limits on units per reference across several items.
    pub ref_limits: Vec<RefLimit>,
    /// The measures' own words for its place, level and clause numbers.
    pub wording: Wording,
    pub(crate) lookup: Lookup,
}

/// How the measures speak of themselves. The defaults are the bundled
/// measures' usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// The place the measures are of, as the file names it (empty when
    /// it does not).
    pub jurisdiction: String,
    /// The whole of it, as in 全市每年不超过2个: 全市 (or 全区, 全县).
    pub area: String,
    /// Its level of government, as in 市级其它政策: 市级 (or 区级).
    pub level: String,
    /// `area` in English: city-wide (or district-wide).
    pub area_en: String,
    /// `level` in English: city-level (or district-level).
    pub level_en: String,
    pub clause_style: ClauseStyle,
    /// The sentence a claim already supported elsewhere is refused with;
    /// `None`: built from `level`.
    pub exclusion: Option<String>,
}

impl Default for Wording {
    fn default() -> Wording {
        Wording {
            jurisdiction: String::new(),
            area: "全市".to_string(),
            level: "市级".to_string(),
            area_en: "city-wide".to_string(),
            level_en: "city-level".to_string(),
            clause_style: ClauseStyle::Paren,
            exclusion: None,
        }
    }
}

/// How clauses are numbered: （九） (its citation 第（九）条) or 第九条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClauseStyle {
    #[default]
    Paren,
    Article,
}

/// Clause `number` in English, in `style`: `clause 6` or `article 6`.
pub fn label_en(number: u32, style: ClauseStyle) -> String {
    match style {
        ClauseStyle::Paren => format!("clause {number}"),
        ClauseStyle::Article => format!("article {number}"),
    }
}

impl ClauseStyle {
    pub fn from_name(name: &str) -> Option<ClauseStyle> {
        match name {
            "paren" => Some(ClauseStyle::Paren),
            "article" => Some(ClauseStyle::Article),
            _ => None,
        }
    }
}

/// 同一申请人年度资助总额不超过N（……除外）: applied after the clause caps
/// to every item it does not leave out.
#[derive(Debug, Clone)]
pub struct MeasureCap {
    /// The figure for every applicant type not in `by_type`; `None` when
    /// `by_type` lists every type.
    pub annual: Option<Decimal>,
    /// The applicant types with a figure of their own, in type order.
    pub by_type: Vec<(TypeIdx, Decimal)>,
    /// The clauses left out, by number, as written.
    pub except_clauses: Vec<u32>,
    /// The items left out: those named and those of the clauses left out.
    pub excluded: Vec<ItemIdx>,
    /// The sentence of the measures, quoted.
    pub source: Option<String>,
}

/// 按最高奖项奖励，不重复奖励: the same reference, claimed under several
/// items of the group, is paid the highest figure in all: a later claim
/// the difference between its figure and what was paid before.
#[derive(Debug, Clone)]
pub struct AwardGroup {
    pub id: String,
    pub items: Vec<ItemIdx>,
    pub source: Option<String>,
}

/// 同一件……最多资助N个国家或地区: at most `max_units` units per reference
/// over the items, across claims, applicants and years.
#[derive(Debug, Clone)]
pub struct RefLimit {
    pub id: String,
    pub items: Vec<ItemIdx>,
    pub max_units: u32,
    pub source: Option<String>,
}

impl MeasureCap {
    pub fn covers(&self, item: ItemIdx) -> bool {
        !self.excluded.contains(&item)
    }

    /// The figure an applicant of type `t` is capped at, with `Some(t)`
    /// when it is the type's own figure rather than `annual`. `None` only
    /// for a type the loader saw no figure for (it refuses such a file).
    pub fn limit_for(&self, t: TypeIdx) -> Option<(Decimal, Option<TypeIdx>)> {
        match self.by_type.iter().find(|(k, _)| *k == t) {
            Some((_, figure)) => Some((*figure, Some(t))),
            None => self.annual.map(|a| (a, None)),
        }
    }
}

/// What a fact holds. A claim's fact is kept as a number: a date as
/// yyyymmdd, yes as 1 and no as 0, a choice as its place in `values` from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    Number,
    Date,
    YesNo,
    Choice(Vec<String>),
}

impl FactKind {
    /// The code a claim's fact is kept as, for a value written in the
    /// policy or a claim: yes 1, no 0, a choice its place from 1 (a date
    /// or number has none).
    pub fn code(&self, written: &str) -> Option<u32> {
        match self {
            FactKind::YesNo => crate::text::yes_no(written)
                .filter(|_| !written.trim().is_empty())
                .map(u32::from),
            FactKind::Choice(values) => {
                let key = name_key(written);
                values
                    .iter()
                    .position(|v| name_key(v) == key)
                    .map(|i| i as u32 + 1)
            }
            FactKind::Number | FactKind::Date => None,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::YesNo => "yes_no",
            FactKind::Choice(_) => "choice",
        }
    }
}

/// A span of time after a date: 一年内, 三个月内, 30日内.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub count: u32,
    pub unit: WindowUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowUnit {
    Days,
    Months,
    Years,
}

/// An applicant type, tag or fact.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: String,
    /// Without an English name in the file, English shows the id.
    pub name: Text,
    pub aliases: Vec<String>,
}

impl Named {
    pub fn label(&self, lang: Lang) -> &str {
        lang.text(&self.name)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Lookup {
    pub items: FxHashMap<String, ItemIdx>,
    pub types: FxHashMap<String, TypeIdx>,
    pub tags: FxHashMap<String, TagIdx>,
}

#[derive(Debug)]
pub struct Clause {
    pub number: u32,
    pub title: Text,
    /// The sentences of the measures this clause encodes, quoted.
    pub source: String,
    /// A cap per applicant per calendar year across all items of the clause.
    pub annual_cap: Option<Decimal>,
    /// At most one paid award per applicant per calendar year in this clause.
    pub one_award_per_year: bool,
    pub note: Option<Text>,
    pub items: Vec<ItemIdx>,
    /// How the measures number clauses (from `wording.clause_style`); set
    /// with `set_style`, which makes `label` agree.
    pub(super) style: ClauseStyle,
    /// The number as the style prints it (`label_in`), made once: the
    /// payout prints it on every row.
    pub(super) label: String,
}

impl Clause {
    /// The clause's number as the measures print it: （九） or 第九条.
    pub fn label(&self) -> String {
        self.label.clone()
    }

    /// The clause as English words cite it: `clause 6`, or `article 6`
    /// for measures numbered 第六条.
    pub fn label_en(&self) -> String {
        label_en(self.number, self.style)
    }

    /// As `label`, without a string of its own.
    pub fn label_str(&self) -> &str {
        &self.label
    }

    pub fn set_style(&mut self, style: ClauseStyle) {
        self.style = style;
        self.label = Clause::label_in(self.number, style);
    }

    /// A clause number as a style prints it.
    pub(super) fn label_in(number: u32, style: ClauseStyle) -> String {
        match style {
            ClauseStyle::Paren => clause_label(number),
            ClauseStyle::Article => format!("第{}条", crate::lang::chinese_numeral(number)),
        }
    }

    /// The clause cited in a sentence: 第（九）条 or 第九条.
    pub fn cited(&self) -> String {
        match self.style {
            ClauseStyle::Paren => format!("第{}条", clause_label(self.number)),
            ClauseStyle::Article => self.label(),
        }
    }
    pub fn title(&self, lang: Lang) -> &str {
        lang.text(&self.title)
    }
}

#[derive(Debug)]
pub struct Item {
    pub id: String,
    pub name: Text,
    pub clause: ClauseIdx,
    pub kind: Kind,
    /// The figure is per unit (patent, award, work, case): quantity multiplies it.
    pub per_unit: bool,
    /// The word the measures count a per-unit item in (件, 项, 个, 宗), in
    /// both languages; `None` for an item that is not per unit or whose
    /// file gives no word.
    pub unit: Option<Text>,
    pub applicants: TypeSet,
    /// The applicant types or groups as the policy file names them.
    pub applicants_written: Vec<String>,
    /// The claim needs at least one of these tags (empty: no tag needed).
    pub tags_any: TagSet,
    pub facts_min: Vec<(FactIdx, Decimal)>,
    /// The claim's date within a window after a date fact.
    pub facts_within: Vec<(FactIdx, Window)>,
    /// A yes/no or choice fact that must hold one of these codes.
    pub facts_one_of: Vec<(FactIdx, Vec<u32>)>,
    /// Bounds on declared facts.
    pub facts_range: Vec<(FactIdx, Range)>,
    /// Bounds on the claim's amount.
    pub amount_range: Option<Range>,
    /// The kind's figure by band or by applicant type, instead of one.
    pub figure_by: Option<FigureBy>,
    pub min_quantity: Option<u32>,
    /// At most this many units per reference, across claims.
    pub max_per_ref: Option<u32>,
    /// The award group the item is in, by index.
    pub award_group: Option<u16>,
    pub unique: Unique,
    pub quantity_caps: Vec<QuantityCap>,
    pub annual_cap: Option<Decimal>,
    /// A cap per applicant over the life of the measures, all years together.
    pub lifetime_cap: Option<Decimal>,
    /// An item the same applicant must have been paid before.
    pub requires: Option<ItemIdx>,
    /// A base counted for at most so long: (the fact holding the claim's
    /// period, the most counted).
    pub base_period: Option<(FactIdx, Decimal)>,
    /// Some item requires this one: its payments are remembered per applicant.
    pub required: bool,
    /// The limit on units per reference across items this item counts under.
    pub ref_limit: Option<u16>,
    /// 每笔/每项最高: the most one claim is paid, before the annual caps.
    pub max_per_claim: Option<Decimal>,
    pub quota: Option<Quota>,
    pub source: Option<String>,
    pub note: Option<Text>,
    /// Conditions of the text that no column of the claims file holds,
    /// quoted from it: the office verifies them at intake. Never a check
    /// the tool has passed.
    pub intake: Vec<Text>,
}

impl Item {
    pub fn name(&self, lang: Lang) -> &str {
        lang.text(&self.name)
    }

    /// The figure per unit of a fixed item, used to count how many units a
    /// payment covered.
    pub fn unit_amount(&self) -> Option<Decimal> {
        if self.figure_by.is_some() {
            return None;
        }
        match self.kind {
            Kind::Fixed { amount } => Some(amount),
            _ => None,
        }
    }

    /// The figure per unit a per-unit claim was computed with: the item's
    /// own, or, when the figure depends on the claim (by applicant type or
    /// band), its amount before caps over its quantity.
    pub fn unit_figure(&self, computed: Decimal, quantity: u32) -> Option<Decimal> {
        if let Some(unit) = self.unit_amount() {
            return Some(unit);
        }
        (self.per_unit && matches!(self.kind, Kind::Fixed { .. }) && quantity > 0)
            .then(|| computed / Decimal::from(quantity))
    }

    /// Why a manual item is not computed here, in the language asked for.
    pub fn manual_reason(&self, lang: Lang) -> Option<&str> {
        match &self.kind {
            Kind::Manual { reason } => Some(lang.text(reason)),
            _ => None,
        }
    }

    /// The most one claim of the item is paid: the per-project maximum of
    /// an approved item, or the item's `max_per_claim`.
    pub fn claim_max(&self) -> Option<Decimal> {
        match self.kind {
            Kind::Approved { max } => Some(self.max_per_claim.map_or(max, |m| m.min(max))),
            _ => self.max_per_claim,
        }
    }

    pub fn needs_amount(&self) -> bool {
        matches!(
            self.kind,
            Kind::Percent { .. } | Kind::Approved { .. } | Kind::Matching { .. }
        )
    }

    pub fn needs_ref(&self) -> bool {
        matches!(self.unique, Unique::Ref | Unique::ApplicantRef)
    }
}

/// How the amount before caps is found.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// amount × quantity.
    Fixed { amount: Decimal },
    /// claim amount × rate, rounded.
    Percent { rate: Decimal },
    /// the approved amount of the claim; `max` per project is a cap.
    Approved { max: Decimal },
    /// the approved amount, raised to the minimum; empty means the minimum.
    Floor { minimum: Decimal },
    /// claim amount × ratio (配套).
    Matching { ratio: Decimal },
    /// nothing computed here: paid under another policy or case by case.
    Manual { reason: Text },
}

impl Kind {
    /// The kind's name as the policy file writes it.
    pub fn name(&self) -> &'static str {
        self.kind_name().name()
    }

    pub fn kind_name(&self) -> KindName {
        match self {
            Kind::Fixed { .. } => KindName::Fixed,
            Kind::Percent { .. } => KindName::Percent,
            Kind::Approved { .. } => KindName::Approved,
            Kind::Floor { .. } => KindName::Floor,
            Kind::Matching { .. } => KindName::Matching,
            Kind::Manual { .. } => KindName::Manual,
        }
    }
}

/// A bound of a range: its value and whether the value itself is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// Which end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Min,
    Max,
}

/// A minimum and/or a maximum on a value (以上/超过, 以下/不超过).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    pub min: Option<Bound>,
    pub max: Option<Bound>,
}

impl Range {
    /// The bound a value breaks, if it breaks one.
    pub fn broken_by(&self, value: Decimal) -> Option<(Side, Bound)> {
        if let Some(b) = self.min {
            if value < b.value || (value == b.value && !b.inclusive) {
                return Some((Side::Min, b));
            }
        }
        if let Some(b) = self.max {
            if value > b.value || (value == b.value && !b.inclusive) {
                return Some((Side::Max, b));
            }
        }
        None
    }

    /// No value can be inside: the minimum above the maximum, or equal to
    /// it with either bound exclusive.
    pub fn is_empty(&self) -> bool {
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => {
                lo.value > hi.value || (lo.value == hi.value && !(lo.inclusive && hi.inclusive))
            }
            (Some(_), None) | (None, Some(_)) | (None, None) => false,
        }
    }

    /// The first bound of the range, the one a missing value is told of.
    pub fn first_bound(&self) -> (Side, Bound) {
        match (self.min, self.max) {
            (Some(b), _) => (Side::Min, b),
            (None, Some(b)) => (Side::Max, b),
            (None, None) => (
                Side::Min,
                Bound {
                    value: Decimal::ZERO,
                    inclusive: true,
                },
            ),
        }
    }
}

/// Where an item's figure (amount, rate or ratio) comes from when it is
/// not one figure.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureBy {
    /// By the band of a fact or of the amount that the claim falls in.
    Tiers { on: Measured, bands: Vec<Band> },
    /// By the applicant's type; every type that may claim has its figure.
    Type(Vec<(TypeIdx, Decimal)>),
}

/// One band of tiers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub range: Range,
    pub figure: Decimal,
    /// The most one claim in the band is paid, if the band has its own.
    pub max_per_claim: Option<Decimal>,
}

impl FigureBy {
    /// The span of all bands: a value outside it has no figure.
    pub fn span(&self) -> Option<(Measured, Range)> {
        match self {
            FigureBy::Tiers { on, bands } => Some((
                *on,
                Range {
                    min: bands.first().and_then(|b| b.range.min),
                    max: bands.last().and_then(|b| b.range.max),
                },
            )),
            FigureBy::Type(_) => None,
        }
    }
}

/// What a range bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measured {
    Fact(FactIdx),
    Amount,
}

/// Which earlier payment makes a claim a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unique {
    None,
    /// The same item and reference is paid once, to anyone, ever.
    Ref,
    /// The same item and reference is paid once per applicant.
    ApplicantRef,
    /// The item is paid once per applicant, ever.
    Applicant,
    /// The item is paid once per applicant per calendar year.
    ApplicantYear,
}

impl Unique {
    pub fn from_name(name: &str) -> Option<Unique> {
        match name {
            "none" => Some(Unique::None),
            "ref" => Some(Unique::Ref),
            "applicant_ref" => Some(Unique::ApplicantRef),
            "applicant" => Some(Unique::Applicant),
            "applicant_year" => Some(Unique::ApplicantYear),
            _ => None,
        }
    }
}

/// At most `max_per_year` units per applicant per year, for these applicant types.
#[derive(Debug, Clone)]
pub struct QuantityCap {
    pub applicants: TypeSet,
    pub applicants_written: Vec<String>,
    pub max_per_year: u32,
}

/// At most `per_year` awards of the item in the whole city per year; the
/// rest are paid as the `overflow` item, or (`refuse_rest`, when the file
/// names none: 每年不超过N个) refused with their ranking; `overflow` is then
/// the item itself.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub per_year: u32,
    pub overflow: ItemIdx,
    pub refuse_rest: bool,
}

/// Looks up a spelling in a map keyed by lower case, copying the text only
/// when it has upper-case letters (a million rows, a million lookups).
/// What a written item name found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemMatch {
    Found(ItemIdx),
    /// A part of several items' names: each of them.
    Ambiguous(Vec<ItemIdx>),
    /// Nothing: the nearest ids or Chinese names (maybe none).
    NotFound(Vec<String>),
}

impl ItemMatch {
    pub fn found(&self) -> Option<ItemIdx> {
        match self {
            ItemMatch::Found(item) => Some(*item),
            ItemMatch::Ambiguous(_) | ItemMatch::NotFound(_) => None,
        }
    }
}

/// The key an item's id, name or alias is looked up by: half-width
/// (so `（优秀）` is `(优秀)`), without white space, in lower case.
pub fn item_key(written: &str) -> String {
    crate::text::half_width(written)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn any_case<T: Copy>(map: &FxHashMap<String, T>, written: &str) -> Option<T> {
    let written = crate::text::trim(written);
    if written.is_ascii() {
        return if written.bytes().any(|b| b.is_ascii_uppercase()) {
            map.get(&written.to_ascii_lowercase()).copied()
        } else {
            map.get(written).copied()
        };
    }
    if written.chars().any(char::is_uppercase) {
        map.get(&written.to_lowercase()).copied()
    } else {
        map.get(written).copied()
    }
}

/// The key under which the name of an applicant type or tag is compared:
/// full-width forms folded to ASCII, white space and quotation marks
/// removed, lower case. `专精特新“小巨人”企业`, `专精特新"小巨人"企业` and
/// `专精特新 小巨人企业` are one name. The loader keys its lookup this way and
/// `find_type`/`find_tag` look up this way.
pub fn name_key(written: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| !c.is_whitespace() && !QUOTES.contains(&c) && !c.is_uppercase();
    if written
        .chars()
        .all(|c| plain(c) && !crate::text::is_full_width(c))
    {
        return std::borrow::Cow::Borrowed(written);
    }
    std::borrow::Cow::Owned(
        crate::text::half_width(written)
            .chars()
            .filter(|c| !c.is_whitespace() && !QUOTES.contains(c))
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Quotation marks a name may be written with (after full-width folding,
/// ＂ and ＇ are already " and ').
const QUOTES: [char; 12] = [
    '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '｢', '｣',
];

impl Policy {
    pub fn item(&self, idx: ItemIdx) -> &Item {
        &self.items[usize::from(idx)]
    }

    /// An applicant type's name in `lang` (empty for a number the policy
    /// does not have).
    pub fn type_label(&self, t: TypeIdx, lang: Lang) -> &str {
        self.applicant_types
            .get(usize::from(t))
            .map(|n| n.label(lang))
            .unwrap_or_default()
    }

    /// The whole-measure cap, when it covers this item.
    pub fn measure_cap_of(&self, idx: ItemIdx) -> Option<&MeasureCap> {
        self.measure_cap.as_ref().filter(|m| m.covers(idx))
    }

    pub fn clause_of(&self, idx: ItemIdx) -> &Clause {
        &self.clauses[usize::from(self.item(idx).clause)]
    }

    /// An item by id (any case) or by its Chinese name.
    pub fn find_item(&self, written: &str) -> Option<ItemIdx> {
        any_case(&self.lookup.items, written)
            .or_else(|| self.lookup.items.get(&item_key(written)).copied())
    }

    /// An item by id, Chinese name (full-width or ASCII brackets), alias, or
    /// a part of its Chinese name or alias that only one item has
    /// (`质押` → pledge_interest). Ids are never matched by a part.
    pub fn find_item_by_part(&self, written: &str) -> ItemMatch {
        match self.items_with_part(written) {
            Ok(item) => ItemMatch::Found(item),
            Err(found) if found.len() > 1 => ItemMatch::Ambiguous(found),
            Err(_) => ItemMatch::NotFound(self.item_suggestions(written)),
        }
    }

    /// `find_item_by_part` without the suggestions of a miss: the one item.
    pub fn find_item_or_part(&self, written: &str) -> Option<ItemIdx> {
        self.items_with_part(written).ok()
    }

    /// The one item written, or every item it is a part of (maybe none).
    fn items_with_part(&self, written: &str) -> Result<ItemIdx, Vec<ItemIdx>> {
        if let Some(item) = self.find_item(written) {
            return Ok(item);
        }
        let part = item_key(written);
        if part.is_ascii() || part.chars().count() < 2 {
            return Err(Vec::new());
        }
        let mut found: Vec<ItemIdx> = self
            .lookup
            .items
            .iter()
            .filter(|(key, _)| !key.is_ascii() && key.contains(&part))
            .map(|(_, &item)| item)
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Ok(*one),
            _ => Err(found),
        }
    }

    /// What a written item that is not one item might have meant: the
    /// items it is a part of, else the nearest ids or Chinese names.
    pub fn item_candidates(&self, written: &str) -> Vec<String> {
        match self.find_item_by_part(written) {
            ItemMatch::Found(_) => Vec::new(),
            ItemMatch::Ambiguous(items) => items
                .into_iter()
                .map(|i| self.item(i).name.zh.clone())
                .collect(),
            ItemMatch::NotFound(near) => near,
        }
    }

    /// What a written item might have meant: the item ids nearest a
    /// misspelt id, else the Chinese names nearest a misspelt name.
    pub fn item_suggestions(&self, written: &str) -> Vec<String> {
        let ids = self.suggest_items(written);
        if !ids.is_empty() {
            return ids.into_iter().map(String::from).collect();
        }
        let mut scored: Vec<(f64, &str)> = self
            .items
            .iter()
            .map(|i| {
                (
                    crate::headers::likeness(written, &i.name.zh),
                    i.name.zh.as_str(),
                )
            })
            .filter(|(score, _)| *score >= 0.3)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .take(3)
            .map(|(_, n)| n.to_string())
            .collect()
    }

    /// An applicant type by id (any case), Chinese name or alias, compared
    /// as `name_key` does.
    pub fn find_type(&self, written: &str) -> Option<TypeIdx> {
        self.lookup.types.get(name_key(written).as_ref()).copied()
    }

    /// A tag by id (any case), Chinese name or alias, compared as
    /// `name_key` does.
    pub fn find_tag(&self, written: &str) -> Option<TagIdx> {
        self.lookup.tags.get(name_key(written).as_ref()).copied()
    }

    pub fn find_clause(&self, number: u32) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.number == number)
    }

    /// Item ids closest to a misspelt one, nearest first.
    pub fn suggest_items(&self, written: &str) -> Vec<&str> {
        let written = written.trim().to_lowercase();
        let mut scored: Vec<(usize, &str)> = self
            .items
            .iter()
            .map(|i| (strsim::levenshtein(&written, &i.id), i.id.as_str()))
            .filter(|(d, id)| *d <= 3.max(id.len() / 3))
            .collect();
        scored.sort();
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }
}
