//! Rules that point from one item to another, resolved once every item is
//! known: an award that requires an earlier one (`requires`), and limits on
//! units per reference shared by several items (`[[ref_limit]]`).

use super::Checker;
use crate::policy::model::{Item, ItemIdx, Kind, RefLimit};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{RawClause, RawRefLimit};

impl Checker<'_> {
    /// Each item's `requires`, resolved to the item it names (another item
    /// of the file); the named item remembers who was paid it.
    pub(super) fn requirements(&mut self, raw: &[RawClause], items: &mut [Item]) {
        let raw_items = raw.iter().flat_map(|c| c.items.iter());
        for (idx, ri) in raw_items.enumerate() {
            let Some(written) = &ri.requires else {
                continue;
            };
            let target = items
                .iter()
                .position(|i| i.id == written.get_ref().trim())
                .filter(|&t| t != idx);
            match target {
                Some(t) if idx < items.len() => {
                    items[idx].requires = Some(t as ItemIdx);
                    items[t].required = true;
                }
                _ => {
                    let key = format!("item {}: requires", ri.id.get_ref());
                    let fault = PolicyFault::Rule(RuleFault::Requires {
                        written: written.get_ref().clone(),
                    });
                    self.problem(written.span(), &key, fault);
                }
            }
        }
    }

    /// The limits on units per reference over several items: each item a
    /// per-unit `fixed` item, in at most one limit.
    pub(super) fn ref_limits(&mut self, raw: &[RawRefLimit], items: &mut [Item]) -> Vec<RefLimit> {
        let mut limits = Vec::new();
        for (g, rl) in raw.iter().enumerate() {
            let max = *rl.max_units.get_ref();
            if !(1..=1_000_000).contains(&max) {
                self.problem(
                    rl.max_units.span(),
                    "ref_limit.max_units",
                    PolicyFault::Rule(RuleFault::RefLimit {
                        written: max.to_string(),
                    }),
                );
            }
            let mut members = Vec::new();
            for id in &rl.items {
                let fits = |i: &Item| {
                    i.per_unit
                        && matches!(i.kind, Kind::Fixed { .. })
                        && i.ref_limit.is_none()
                        && i.max_per_ref.is_none()
                };
                match items.iter().position(|i| i.id == *id.get_ref()) {
                    Some(i) if fits(&items[i]) => {
                        items[i].ref_limit = Some(g as u16);
                        members.push(i as ItemIdx);
                    }
                    _ => {
                        let written = id.get_ref().clone();
                        let fault = PolicyFault::Rule(RuleFault::RefLimit { written });
                        self.problem(id.span(), "ref_limit.items", fault);
                    }
                }
            }
            limits.push(RefLimit {
                id: rl.id.clone(),
                items: members,
                max_units: max.clamp(1, 1_000_000) as u32,
                source: rl.source.clone(),
            });
        }
        limits
    }
}
