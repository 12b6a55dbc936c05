//! Ranges on facts and on the claim amount: each bound inclusive unless
//! the file says otherwise, and a range no value can be inside refused.

use toml::Spanned;

use super::item::ItemKey;
use super::named::Names;
use super::Checker;
use crate::policy::model::{Bound, FactIdx, Range};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{RawItem, RawRange};

impl Checker<'_> {
    pub(super) fn facts_range(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
    ) -> Vec<(FactIdx, Range)> {
        let mut out = Vec::new();
        for (name, raw) in &ri.facts_range {
            let at = key.at(&format!("facts_range.{name}"));
            let range = self.range(raw, &at);
            match names.facts.iter().position(|f| &f.id == name) {
                Some(f) => out.extend(range.map(|r| (f as FactIdx, r))),
                None => {
                    let fault = PolicyFault::UndeclaredFact { fact: name.clone() };
                    self.problem(raw.span(), &at, fault);
                }
            }
        }
        out
    }

    pub(super) fn amount_range(&mut self, ri: &RawItem, key: &ItemKey) -> Option<Range> {
        let raw = ri.amount_range.as_ref()?;
        self.range(raw, &key.at("amount_range"))
    }

    fn range(&mut self, raw: &Spanned<RawRange>, at: &str) -> Option<Range> {
        let r = raw.get_ref();
        let mut bound = |figure: &Option<crate::policy::raw::Figure>, inclusive: bool| {
            let figure = figure.as_ref()?;
            let spanned = Spanned::new(raw.span(), figure.clone());
            let value = self.figure(&spanned, at, false)?;
            Some(Bound { value, inclusive })
        };
        let range = Range {
            min: bound(&r.min, r.min_inclusive),
            max: bound(&r.max, r.max_inclusive),
        };
        let unbounded = r.min.is_none() && r.max.is_none();
        let empty = unbounded || range.is_empty();
        if empty {
            let fault = PolicyFault::Rule(RuleFault::EmptyRange);
            self.problem(raw.span(), at, fault);
            return None;
        }
        Some(range)
    }
}
