//! One claim from its cells: every value parsed, every problem collected
//! (not only the first), so a clerk fixes a row in one go.

use super::refs::{split_refs, RefCell, RefFault};
use super::{Claim, Column, Keys, Problem, ProblemKind, Refs};
use crate::date::Date;
use crate::money::{parse_amount, parse_number};
use crate::policy::{FactKind, ItemIdx, Policy, TagSet, MAX_FACTS};
use crate::text;

/// The cells of one claim as written. `check` builds one from flags; the CSV
/// reader from a record.
#[derive(Debug, Default, Clone, Copy)]
pub struct RawClaim<'a> {
    pub claim_id: &'a str,
    pub applicant_id: &'a str,
    pub applicant_name: &'a str,
    pub applicant_type: &'a str,
    pub item: &'a str,
    pub date: &'a str,
    pub quantity: &'a str,
    pub amount: &'a str,
    pub reference: &'a str,
    pub tags: &'a str,
    pub other_city_support: &'a str,
    pub score: &'a str,
    /// One per fact of the policy, in its order (the rest empty).
    pub facts: [&'a str; MAX_FACTS],
}

/// The problems that keep a row from being a claim, with the item if at
/// least that was understood (so the output can still name the clause).
pub type Refusal = (Vec<Problem>, Option<ItemIdx>);

/// A claim, or the problems that keep it from being one.
pub fn parse_claim(raw: &RawClaim, policy: &Policy, keys: &mut Keys) -> Result<Claim, Refusal> {
    check_cells(raw, policy).map(|cells| cells.into_claim(raw, keys))
}

/// Everything of a claim that can be read from its own cells, before
/// applicants and references are given their keys: the part of reading that
/// needs nothing shared, so it can run on another thread.
#[derive(Debug, Clone)]
pub struct Cells {
    claim_id: Box<str>,
    refs: CellRefs,
    applicant_type: crate::policy::TypeIdx,
    item: ItemIdx,
    /// The item was matched by a part of its name.
    item_by_part: bool,
    /// The date was written as a spreadsheet's serial number.
    date_serial: bool,
    date: Date,
    quantity: u32,
    amount: Option<rust_decimal::Decimal>,
    tags: TagSet,
    unknown_tags: Option<Box<[Box<str>]>>,
    other_city_support: bool,
    score: Option<rust_decimal::Decimal>,
    facts: Vec<Option<rust_decimal::Decimal>>,
}

/// The references of a row before they are given keys: each with its key
/// form (`claims::reference_key`) when that differs from the text; for one
/// reference, the text is the whole cell.
#[derive(Debug, Clone)]
enum CellRefs {
    None,
    One(Option<Box<str>>),
    PerUnit(Vec<(Box<str>, Option<Box<str>>)>),
}

impl Cells {
    pub fn item(&self) -> ItemIdx {
        self.item
    }

    /// The claim, with the applicant and reference of `raw` (the same cells
    /// `check_cells` read) given their keys.
    pub fn into_claim(self, raw: &RawClaim, keys: &mut Keys) -> Claim {
        let applicant = Applicant {
            key: keys.applicant(raw.applicant_id),
            id_check: super::checkchar::fault(raw.applicant_id),
        };
        self.into_claim_of(applicant, raw, keys)
    }

    /// As `into_claim`, for an applicant already keyed and checked (a
    /// million rows name a few thousand applicants).
    pub(super) fn into_claim_of(
        self,
        applicant: Applicant,
        raw: &RawClaim,
        keys: &mut Keys,
    ) -> Claim {
        Claim {
            claim_id: self.claim_id,
            applicant: applicant.key,
            refs: match self.refs {
                CellRefs::None => Refs::None,
                CellRefs::One(key) => {
                    let written = crate::text::trim(raw.reference);
                    Refs::One(keys.reference_keyed(written, key.as_deref()))
                }
                CellRefs::PerUnit(list) => Refs::PerUnit(
                    list.into_iter()
                        .map(|(text, key)| (keys.reference_keyed(&text, key.as_deref()), text))
                        .collect(),
                ),
            },
            applicant_type: self.applicant_type,
            item: self.item,
            date: self.date,
            quantity: self.quantity,
            amount: self.amount,
            tags: self.tags,
            unknown_tags: self.unknown_tags,
            other_city_support: self.other_city_support,
            score: self.score,
            facts: self.facts,
            id_check: applicant.id_check,
            item_part: self
                .item_by_part
                .then(|| crate::text::trim(raw.item).into()),
            date_serial: self.date_serial,
        }
    }
}

/// An applicant id as the engine knows it: its key, and whether its check
/// character is wrong.
#[derive(Debug, Clone, Copy)]
pub(super) struct Applicant {
    pub key: super::ApplicantId,
    pub id_check: Option<super::CheckFault>,
}

/// Reads and checks every cell of a row; every problem is collected.
pub fn check_cells(raw: &RawClaim, policy: &Policy) -> Result<Cells, Refusal> {
    let raw = &trimmed(raw);
    let mut problems = Vec::new();
    let p = &mut problems;
    control_characters(raw, policy, p);
    let (applicant_type, item) = read_applicant_and_item(raw, policy, p);
    let date = read_cell(p, (Column::Date, raw.date, None), parse_date, |w| {
        ProblemKind::BadDate {
            written: w.to_string(),
        }
    });
    let quantity = read_cell(
        p,
        (Column::Quantity, raw.quantity, Some(1)),
        parse_quantity,
        |w| ProblemKind::BadQuantity {
            written: w.to_string(),
        },
    );
    let refs = item.map(|i| read_refs(policy.item(i), raw, quantity, p));
    let quantity = match &refs {
        Some(CellRefs::PerUnit(list)) if raw.quantity.is_empty() => Some(list.len() as u32),
        _ => quantity,
    };
    let amount = number_cell(Column::Amount.name(), raw.amount, parse_amount, p);
    let score = number_cell(Column::Score.name(), raw.score, parse_number, p);
    let facts = fact_cells(raw, policy, p);
    let other_city_support = read_cell(
        p,
        (
            Column::OtherCitySupport,
            raw.other_city_support,
            Some(false),
        ),
        parse_yes_no,
        |w| ProblemKind::BadYesNo {
            written: w.to_string(),
        },
    );
    if let Some(idx) = item {
        check_item_rules(policy.item(idx), quantity, raw, p);
    }

    if !problems.is_empty() {
        return Err((problems, item));
    }
    let (Some(applicant_type), Some(item), Some(date), Some(quantity), Some(other_city_support)) =
        (applicant_type, item, date, quantity, other_city_support)
    else {
        return Err((problems, item));
    };
    let (tags, unknown_tags) = parse_tags(raw.tags, policy);
    Ok(Cells {
        claim_id: text::key(raw.claim_id, text::KeyForm::ClaimId).into(),
        refs: refs.unwrap_or(CellRefs::None),
        applicant_type,
        item,
        item_by_part: policy.find_item(raw.item).is_none(),
        date_serial: Date::parse(raw.date).is_none(),
        date,
        quantity,
        amount: amount.flatten(),
        tags,
        unknown_tags,
        other_city_support,
        score: score.flatten(),
        facts: facts.into_iter().map(Option::flatten).collect(),
    })
}

/// Control characters (other than tabs and line breaks) in any cell: a
/// spreadsheet does not show them, and a terminal obeys them.
fn control_characters(raw: &RawClaim, policy: &Policy, p: &mut Vec<Problem>) {
    let fixed = [
        (Column::ClaimId, raw.claim_id),
        (Column::ApplicantId, raw.applicant_id),
        (Column::ApplicantName, raw.applicant_name),
        (Column::ApplicantType, raw.applicant_type),
        (Column::Item, raw.item),
        (Column::Date, raw.date),
        (Column::Quantity, raw.quantity),
        (Column::Amount, raw.amount),
        (Column::Ref, raw.reference),
        (Column::Tags, raw.tags),
        (Column::OtherCitySupport, raw.other_city_support),
        (Column::Score, raw.score),
    ];
    let facts = policy.facts.iter().zip(raw.facts);
    let cells = (fixed.iter().map(|(c, w)| (c.name(), *w))).chain(facts.map(|(f, w)| (&*f.id, w)));
    for (column, written) in cells {
        if let Some(c) = text::forbidden_control(written) {
            p.push(Problem::new(
                column,
                ProblemKind::ControlCharacter {
                    written: text::shown(written).into_owned(),
                    code: c as u32,
                },
            ));
        }
    }
}

/// The applicant's cells and the item: who claims, and what.
fn read_applicant_and_item(
    raw: &RawClaim,
    policy: &Policy,
    p: &mut Vec<Problem>,
) -> (Option<crate::policy::TypeIdx>, Option<ItemIdx>) {
    for (column, value) in [
        (Column::ClaimId, raw.claim_id),
        (Column::ApplicantId, raw.applicant_id),
        (Column::ApplicantName, raw.applicant_name),
    ] {
        // A cell of nothing but invisible characters is an empty one.
        if text::is_blank(value) {
            p.push(Problem::at(column, ProblemKind::Missing));
        }
    }
    if super::is_mangled_id(raw.applicant_id) {
        p.push(Problem::at(
            Column::ApplicantId,
            ProblemKind::MangledId {
                written: raw.applicant_id.to_string(),
            },
        ));
    }
    let applicant_type = read_cell(
        p,
        (Column::ApplicantType, raw.applicant_type, None),
        |w| policy.find_type(&text::half_width(w)),
        |w| ProblemKind::UnknownType {
            written: w.to_string(),
        },
    );
    let item = read_cell(
        p,
        (Column::Item, raw.item, None),
        |w| policy.find_item_or_part(w),
        |w| ProblemKind::UnknownItem {
            written: w.to_string(),
            suggestions: policy.item_candidates(w),
        },
    );
    (applicant_type, item)
}

/// The cells with white space trimmed (tags are split and trimmed later).
fn trimmed<'a>(raw: &RawClaim<'a>) -> RawClaim<'a> {
    let t = crate::text::trim;
    RawClaim {
        claim_id: t(raw.claim_id),
        applicant_id: t(raw.applicant_id),
        applicant_name: t(raw.applicant_name),
        applicant_type: t(raw.applicant_type),
        item: t(raw.item),
        date: t(raw.date),
        quantity: t(raw.quantity),
        amount: t(raw.amount),
        reference: t(raw.reference),
        tags: raw.tags,
        other_city_support: t(raw.other_city_support),
        score: t(raw.score),
        facts: raw.facts.map(t),
    }
}

/// One cell read by `parse`. `cell` is the column, the trimmed cell and
/// the value of an empty cell (`None`: the column must be filled in); a cell
/// `parse` cannot read is noted as `problem` says.
fn read_cell<T>(
    problems: &mut Vec<Problem>,
    cell: (Column, &str, Option<T>),
    parse: impl FnOnce(&str) -> Option<T>,
    problem: impl FnOnce(&str) -> ProblemKind,
) -> Option<T> {
    let (column, written, empty) = cell;
    if written.is_empty() {
        if empty.is_none() {
            problems.push(Problem::at(column, ProblemKind::Missing));
        }
        return empty;
    }
    let value = parse(written);
    if value.is_none() {
        problems.push(Problem::at(column, problem(written)));
    }
    value
}

/// The policy's facts, one per fact (none at all when every cell is empty).
fn fact_cells(
    raw: &RawClaim,
    policy: &Policy,
    problems: &mut Vec<Problem>,
) -> Vec<Option<Option<rust_decimal::Decimal>>> {
    if raw.facts.iter().all(|f| f.is_empty()) {
        return Vec::new();
    }
    policy
        .facts
        .iter()
        .enumerate()
        .map(|(i, fact)| {
            let written = raw.facts.get(i).copied().unwrap_or("");
            let kind = policy.fact_kinds.get(i).unwrap_or(&FactKind::Number);
            fact_cell(&fact.id, kind, written, problems)
        })
        .collect()
}

/// One fact's cell as its kind reads it, kept as a number: a date as
/// yyyymmdd, yes 1 and no 0, a choice its place from 1.
fn fact_cell(
    column: &str,
    kind: &FactKind,
    written: &str,
    problems: &mut Vec<Problem>,
) -> Option<Option<rust_decimal::Decimal>> {
    let trimmed = crate::text::trim(written);
    if trimmed.is_empty() {
        return Some(None);
    }
    let code = match kind {
        FactKind::Number => return number_cell(column, written, parse_number, problems),
        FactKind::Date => crate::date::Date::parse(trimmed).map(|d| d.ordinal()),
        FactKind::YesNo | FactKind::Choice(_) => kind.code(trimmed),
    };
    if code.is_none() {
        let written = trimmed.to_string();
        let problem = match kind {
            FactKind::Date => ProblemKind::BadDate { written },
            FactKind::Choice(values) => ProblemKind::BadChoice {
                written,
                allowed: values.clone(),
            },
            FactKind::Number | FactKind::YesNo => ProblemKind::BadYesNo { written },
        };
        problems.push(Problem::new(column, problem));
    }
    code.map(|c| Some(rust_decimal::Decimal::from(c)))
}

/// What the claimed item asks of the other cells.
fn check_item_rules(
    it: &crate::policy::Item,
    quantity: Option<u32>,
    raw: &RawClaim,
    problems: &mut Vec<Problem>,
) {
    if let Some(q) = quantity {
        if q != 1 && !it.per_unit && it.min_quantity.is_none() {
            problems.push(Problem::at(
                Column::Quantity,
                ProblemKind::QuantityNotOne {
                    item: item_name(it),
                    quantity: q,
                },
            ));
        }
    }
    if it.needs_amount() && raw.amount.is_empty() {
        problems.push(Problem::at(
            Column::Amount,
            ProblemKind::AmountNeeded {
                item: item_name(it),
            },
        ));
    }
    if it.needs_ref() && raw.reference.is_empty() {
        problems.push(Problem::at(
            Column::Ref,
            ProblemKind::RefNeeded {
                item: item_name(it),
            },
        ));
    }
}

/// `Some(None)`: empty; `Some(Some(v))`: read; `None`: a problem was noted.
fn number_cell<E>(
    column: &str,
    written: &str,
    parse: impl Fn(&str) -> Result<rust_decimal::Decimal, E>,
    problems: &mut Vec<Problem>,
) -> Option<Option<rust_decimal::Decimal>>
where
    E: Into<crate::money::AmountError>,
{
    let written = crate::text::trim(written);
    if written.is_empty() {
        return Some(None);
    }
    match parse(written) {
        Ok(v) => Some(Some(v)),
        Err(why) => {
            problems.push(Problem::new(
                column,
                ProblemKind::BadNumber {
                    written: written.to_string(),
                    why: why.into(),
                },
            ));
            None
        }
    }
}

/// A date as `Date::parse` reads it, or as a spreadsheet's serial number
/// (`45358`, a date cell copied as a number: noted in the reason).
fn parse_date(written: &str) -> Option<Date> {
    Date::parse(written).or_else(|| Date::from_excel_serial(written))
}

/// A whole number written in digits, from 1 to 10^6; `3.0` (a number cell
/// of a spreadsheet) is 3, `3.5` no quantity.
pub fn parse_quantity(written: &str) -> Option<u32> {
    let cleaned = text::clean(written);
    // A unit as clerks type it: `3件`, `3项`, `3个`, `3宗`.
    let s = cleaned.as_ref();
    let s = s
        .strip_suffix(['件', '项', '个', '宗'])
        .unwrap_or(s)
        .trim_end();
    let s = match s.split_once('.') {
        Some((whole, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => whole,
        _ => s,
    };
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let q: u32 = s.parse().ok()?;
    (1..=1_000_000).contains(&q).then_some(q)
}

/// yes/no, true/false, y/n, 1/0, 是/否, 有/无, √/× as offices tick a
/// column (any case).
pub fn parse_yes_no(written: &str) -> Option<bool> {
    text::yes_no(written)
}

/// Tags separated by `;`, `；` or `、` (commas too), with the ones the
/// policy does not know: they do not count, and the reader warns of each.
pub fn parse_tags(written: &str, policy: &Policy) -> (TagSet, Option<Box<[Box<str>]>>) {
    let mut set = TagSet::default();
    let mut unknown: Vec<Box<str>> = Vec::new();
    for part in written.split([';', '；', '、', ',', '，']) {
        let part = text::clean(part);
        if part.is_empty() {
            continue;
        }
        match policy.find_tag(&part) {
            Some(t) => set.insert(t),
            None => unknown.push(part.into()),
        }
    }
    (set, (!unknown.is_empty()).then(|| unknown.into()))
}

/// The `ref` cell as the item reads it: one reference per unit for a
/// per-unit item paid once per reference, with the quantity cell agreeing.
fn read_refs(
    it: &crate::policy::Item,
    raw: &RawClaim,
    quantity: Option<u32>,
    problems: &mut Vec<Problem>,
) -> CellRefs {
    let key = |t: &str| super::reference_key(t).map(String::into_boxed_str);
    // `ZL1;` is the reference `ZL1` with a separator typed after it: keyed
    // as the whole cell, it was another patent, paid again.
    let key_of_part = |r: &str| key(r).or_else(|| (r != raw.reference).then(|| r.into()));
    if !it.needs_ref() {
        // Read as the ledger reads it; a list stays one reference, as written.
        return match split_refs(it, raw.reference) {
            Ok(RefCell::Empty) if raw.reference.is_empty() => CellRefs::None,
            Ok(RefCell::One(r)) => CellRefs::One(key_of_part(r)),
            _ => CellRefs::One(key(raw.reference)),
        };
    }
    let fault = |kind| Problem::at(Column::Ref, kind);
    match split_refs(it, raw.reference) {
        Ok(RefCell::Empty) => CellRefs::None,
        Ok(RefCell::One(r)) => {
            if it.per_unit && quantity.is_some_and(|q| q != 1) && !raw.quantity.is_empty() {
                problems.push(fault(ProblemKind::OneRefPerUnit {
                    quantity: quantity.unwrap_or(1),
                    refs: vec![r.to_string()],
                }));
            }
            CellRefs::One(key_of_part(r))
        }
        Ok(RefCell::PerUnit(list)) => {
            let count = list.len() as u32;
            if !raw.quantity.is_empty() && quantity.is_some_and(|q| q != count) {
                problems.push(fault(ProblemKind::OneRefPerUnit {
                    quantity: quantity.unwrap_or(0),
                    refs: list.iter().map(|r| r.to_string()).collect(),
                }));
            }
            CellRefs::PerUnit(list.into_iter().map(|t| (t.into(), key(t))).collect())
        }
        Err(RefFault::Repeated(r)) => {
            problems.push(fault(ProblemKind::RefRepeated { reference: r }));
            CellRefs::None
        }
        Err(RefFault::OnlyOne) => {
            problems.push(fault(ProblemKind::OneRefOnly {
                item: item_name(it),
            }));
            CellRefs::None
        }
    }
}

/// An item as a row's problem names it: its Chinese name, its id in English.
fn item_name(it: &crate::policy::Item) -> crate::lang::Text {
    crate::lang::Text {
        zh: it.name.zh.clone(),
        en: it.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_is_a_whole_number_in_digits() {
        assert_eq!(parse_quantity("12"), Some(12));
        assert_eq!(parse_quantity("１２"), Some(12));
        assert_eq!(parse_quantity("1000000"), Some(1_000_000));
        for unit in ["3件", "3项", "3个", "３宗", "3 件"] {
            assert_eq!(parse_quantity(unit), Some(3), "{unit}");
        }
        for whole in ["3.0", "3.00", "３.０", "3.0件"] {
            assert_eq!(parse_quantity(whole), Some(3), "{whole}");
        }
        for bad in [
            "0", "1000001", "3.5", "3.", ".0", "0.0", "-3", "件", "3件件", "二", "1,000", "٣",
        ] {
            assert_eq!(parse_quantity(bad), None, "{bad}");
        }
    }

    #[test]
    fn yes_no_in_every_spelling() {
        for yes in [
            "yes",
            "YES",
            "true",
            "1",
            "是",
            "有",
            "Ｙｅｓ",
            "Y",
            "√",
            "✓",
        ] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
        }
        for no in ["no", "False", "0", "否", "无", "", "N", "×", "✗"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no}");
        }
        assert_eq!(parse_yes_no("maybe"), None);
    }
}
