//! The clauses, the items they hold as a whole (ids used once, the lookup
//! by id and name), and the quotas that point from one item to another.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rust_decimal::Decimal;
use toml::Spanned;

use super::named::Names;
use super::{note, text, Checker};
use crate::policy::model::{
    item_key, Clause, ClauseIdx, ClauseStyle, Item, ItemIdx, Kind, Lookup, Quota,
};
use crate::policy::problem::PolicyFault;
use crate::policy::raw::{Figure, RawClause, RawQuota};

/// The items of every clause as read, with what is checked across them.
pub(super) struct ItemsRead<'r> {
    items: Vec<Item>,
    /// Where each item's id is written.
    spans: Vec<Range<usize>>,
    quotas: Vec<(ItemIdx, &'r Spanned<RawQuota>)>,
    /// Each item's aliases, as the file writes them.
    aliases: Vec<&'r [String]>,
}

impl Checker<'_> {
    pub(super) fn clauses<'r>(
        &mut self,
        raw: &'r [RawClause],
        names: &Names,
    ) -> (Vec<Clause>, ItemsRead<'r>) {
        let mut read = ItemsRead {
            items: Vec::new(),
            spans: Vec::new(),
            quotas: Vec::new(),
            aliases: Vec::new(),
        };
        let mut numbers = HashSet::new();
        let mut clauses = Vec::new();
        for rc in raw {
            let idx = clauses.len() as ClauseIdx;
            clauses.push(self.clause(rc, idx, &mut numbers, names, &mut read));
        }
        (clauses, read)
    }

    fn clause<'r>(
        &mut self,
        rc: &'r RawClause,
        clause_idx: ClauseIdx,
        numbers: &mut HashSet<i64>,
        names: &Names,
        read: &mut ItemsRead<'r>,
    ) -> Clause {
        let number = *rc.number.get_ref();
        if !(1..=99).contains(&number) || !numbers.insert(number) {
            let fault = PolicyFault::ClauseNumber { number };
            self.problem(rc.number.span(), "clause.number", fault);
        }
        let annual_cap = rc
            .annual_cap
            .as_ref()
            .and_then(|f| self.figure(f, "clause.annual_cap", false));
        let mut clause_items = Vec::new();
        for ri in &rc.items {
            let idx = read.items.len() as ItemIdx;
            let item = self.item(ri, clause_idx, names);
            if let Some(q) = &ri.quota {
                read.quotas.push((idx, q));
            }
            if let Some(cap) = annual_cap {
                let at = rc.annual_cap.as_ref();
                self.cap_covers_one_award(&item, cap, at, "clause.annual_cap");
            }
            read.spans.push(ri.id.span());
            read.aliases.push(&ri.aliases);
            clause_items.push(idx);
            read.items.push(item);
        }
        let number = number.clamp(0, 99) as u32;
        Clause {
            number,
            title: text(&rc.title, &rc.title_en, &rc.title),
            source: rc.source.clone(),
            annual_cap,
            one_award_per_year: rc.one_award_per_year,
            note: note(&rc.note, &rc.note_en),
            items: clause_items,
            style: ClauseStyle::Paren,
            label: Clause::label_in(number, ClauseStyle::Paren),
        }
    }

    /// The items of all clauses: each id once, found by id or Chinese name,
    /// with their quotas resolved.
    pub(super) fn items(&mut self, read: ItemsRead, lookup: &mut Lookup) -> Vec<Item> {
        let ItemsRead {
            mut items,
            spans,
            quotas,
            aliases,
        } = read;
        let mut seen = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = seen.insert(item.id.to_lowercase(), i) {
                let fault = PolicyFault::DuplicateItem {
                    id: item.id.clone(),
                    first_line: self.line_of(spans[first].start),
                };
                self.problem(spans[i].clone(), "item.id", fault);
            }
        }
        for (i, item) in items.iter().enumerate() {
            for spelling in [&item.id, &item.name.zh] {
                lookup
                    .items
                    .entry(item_key(spelling))
                    .or_insert(i as ItemIdx);
            }
        }
        for (i, more) in aliases.iter().enumerate() {
            for alias in more.iter() {
                let taken = *lookup.items.entry(item_key(alias)).or_insert(i as ItemIdx);
                if usize::from(taken) != i {
                    let fault = PolicyFault::AliasTaken {
                        alias: alias.clone(),
                        other: items[usize::from(taken)].id.clone(),
                    };
                    self.problem(spans[i].clone(), "item.aliases", fault);
                }
            }
        }
        let mut overflow_spans = Vec::new();
        for (idx, rq) in quotas {
            let quota = self.quota(rq, idx, &items);
            items[usize::from(idx)].quota = quota;
            if let Some(written) = &rq.get_ref().overflow {
                overflow_spans.push((idx, written.span()));
            }
        }
        self.overflow_cycles(&items, &overflow_spans);
        if items.len() > usize::from(ItemIdx::MAX) {
            self.problem(0..0, "item", PolicyFault::TooManyItems);
        }
        items
    }

    fn quota(&mut self, rq: &Spanned<RawQuota>, idx: ItemIdx, items: &[Item]) -> Option<Quota> {
        let q = rq.get_ref();
        let id = &items[usize::from(idx)].id;
        let per_year = *q.per_year.get_ref();
        if !(1..=1_000_000).contains(&per_year) {
            let key = format!("item {id}: quota.per_year");
            self.problem(q.per_year.span(), &key, PolicyFault::QuotaPerYear);
            return None;
        }
        let Some(written) = &q.overflow else {
            return Some(Quota {
                per_year: per_year as u32,
                overflow: idx,
                refuse_rest: true,
            });
        };
        let target = written.get_ref();
        let overflow = items
            .iter()
            .position(|i| &i.id == target)
            .map(|i| i as ItemIdx);
        match overflow {
            Some(o) if o != idx && matches!(items[usize::from(o)].kind, Kind::Fixed { .. }) => {
                Some(Quota {
                    per_year: per_year as u32,
                    overflow: o,
                    refuse_rest: false,
                })
            }
            _ => {
                let key = format!("item {id}: quota.overflow");
                let target = target.clone();
                let fault = PolicyFault::QuotaOverflow { target };
                self.problem(written.span(), &key, fault);
                None
            }
        }
    }

    /// Quotas whose overflows lead round to where they began (excellent →
    /// qualified → excellent): the claims past one quota would go to the
    /// other and back, and be paid past both. Each circle is told once, at
    /// its first item in the file's order.
    fn overflow_cycles(&mut self, items: &[Item], spans: &[(ItemIdx, Range<usize>)]) {
        let next = |i: ItemIdx| {
            items[usize::from(i)]
                .quota
                .as_ref()
                .filter(|q| !q.refuse_rest)
                .map(|q| q.overflow)
        };
        for (start, span) in spans {
            let mut circle = vec![*start];
            let mut at = next(*start);
            while let Some(i) = at {
                if i == *start {
                    break;
                }
                if circle.contains(&i) || circle.len() > items.len() {
                    // A circle that does not pass through `start`: told at
                    // its own first item.
                    at = None;
                    break;
                }
                circle.push(i);
                at = next(i);
            }
            if at.is_some() && circle.iter().min() == Some(start) {
                let id = &items[usize::from(*start)].id;
                let key = format!("item {id}: quota.overflow");
                let mut names: Vec<String> = circle
                    .iter()
                    .map(|i| items[usize::from(*i)].id.clone())
                    .collect();
                names.push(id.clone());
                self.problem(span.clone(), &key, PolicyFault::QuotaCycle { items: names });
            }
        }
    }

    /// A cap smaller than one award of a fixed or floor item would pay
    /// nothing in full: a typing slip in the policy, not a rule.
    pub(super) fn cap_covers_one_award(
        &mut self,
        item: &Item,
        cap: Decimal,
        at: Option<&Spanned<Figure>>,
        key: &str,
    ) {
        let single = match &item.kind {
            Kind::Fixed { amount } => *amount,
            Kind::Floor { minimum } => *minimum,
            Kind::Percent { .. }
            | Kind::Approved { .. }
            | Kind::Matching { .. }
            | Kind::Manual { .. } => return,
        };
        if cap < single {
            let span = at.map(|s| s.span()).unwrap_or(0..0);
            let fault = PolicyFault::CapBelowAward {
                cap,
                item: item.id.clone(),
                single,
            };
            self.problem(span, key, fault);
        }
    }
}
