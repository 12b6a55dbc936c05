//! The names every report sentence cites: an item, the area, a clause, a
//! rate, the tags, who may claim, a declared fact, who paid a reference.
//! A leaf under the report's sentences, caps and rules, which all cite
//! them, so that none of those imports another to borrow a name.

use rust_decimal::Decimal;

use crate::claims::Claim;
use crate::policy::{ItemIdx, Policy, TagSet, TypeSet};
use crate::words::side_by_side::pick;
use crate::words::{Lang, Sep};

/// How a sentence names an item: by its id in English, by its name in
/// Chinese (the words around it say `item` or `项目“…”`).
pub(super) fn item_key(l: Lang, policy: &Policy, item: ItemIdx) -> &str {
    let item = policy.item(item);
    pick!(l, zh: item.name.zh.as_str(), en: item.id.as_str())
}

/// The place the measures cover: `本市`, `in Lianzhou`.
pub(super) fn area(l: Lang, policy: &Policy) -> &str {
    pick!(l, zh: policy.wording.area.as_str(), en: policy.wording.area_en.as_str())
}

/// A clause as a sentence cites it: `第（九）条`, `clause 9`.
pub(super) fn clause_key(l: Lang, policy: &Policy, clause: u16) -> String {
    let clause = &policy.clauses[usize::from(clause)];
    pick!(l, zh: clause.cited(), en: clause.label_en())
}

/// A rate as a percentage: `0.05` is `5%`.
pub(super) fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// The names of a set of tags, joined by the language's list separator.
pub fn tag_names(policy: &Policy, set: TagSet, lang: Lang) -> String {
    tag_names_joined(policy, set, lang, lang.words().separator(Sep::List))
}

pub fn tag_names_joined(policy: &Policy, set: TagSet, lang: Lang, sep: &str) -> String {
    set.iter()
        .filter_map(|t| policy.tags.get(usize::from(t)))
        .map(|t| t.label(lang).to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A declared fact against the minimum an item sets: `有效发明专利 3 ≥ 1`.
pub fn fact_line(policy: &Policy, claim: &Claim, fact: u8, lang: Lang) -> String {
    let item = policy.item(claim.item);
    let actual = claim
        .facts
        .get(usize::from(fact))
        .copied()
        .flatten()
        .unwrap_or_default();
    let minimum = item
        .facts_min
        .iter()
        .find(|(i, _)| *i == fact)
        .map(|(_, m)| *m)
        .unwrap_or_default();
    format!(
        "{} {} ≥ {}",
        policy.facts[usize::from(fact)].label(lang),
        actual.normalize(),
        minimum.normalize()
    )
}

/// The claims that paid a list of references, each named once, in order.
pub fn payers(paid: &[(Box<str>, Box<str>)]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for (_, by) in paid {
        if !names.contains(&by.as_ref()) {
            names.push(by);
        }
    }
    names
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
        .join(lang.words().separator(Sep::List))
}
