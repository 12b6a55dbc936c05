//! The names every report sentence cites: an item, the area, a clause, a
//! rate. A leaf under the report's sentences, caps and rules, which all
//! cite them, so that none of those imports another to borrow a name.

use rust_decimal::Decimal;

use crate::policy::{ItemIdx, Policy};
use crate::words::side_by_side::pick;
use crate::words::Lang;

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
