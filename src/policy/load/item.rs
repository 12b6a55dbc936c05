//! One item of a clause: its kind and figures (see `kinds.rs`), who may
//! claim it, and the limits on it.

use super::named::Names;
use super::{note, text, Checker};
use crate::lang::Text;
use crate::policy::model::{
    name_key, ClauseIdx, FactIdx, Item, Kind, QuantityCap, TagSet, TypeSet, Unique,
};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::RawItem;

/// The keys of one item's values, as the problems name them.
pub(super) struct ItemKey(String);

impl ItemKey {
    /// `item high_value_patent: amount`.
    pub(super) fn at(&self, key: &str) -> String {
        format!("item {}: {key}", self.0)
    }
}

impl Checker<'_> {
    pub(super) fn item(&mut self, ri: &RawItem, clause: ClauseIdx, names: &Names) -> Item {
        let id = ri.id.get_ref().trim().to_string();
        if id.is_empty() {
            self.problem(ri.id.span(), "item.id", PolicyFault::EmptyItemId);
        }
        let key = ItemKey(id.clone());
        let kind = self.kind(ri, &key);
        let per_unit = self.per_unit(ri, &key, &kind);
        let unit = self.unit(ri, &key, per_unit);
        let intake = self.intake(ri, &key);
        let applicants = self.type_set(
            &ri.applicants,
            &key.at("applicants"),
            &names.lookup.types,
            names.groups,
        );
        let tags_any = self.tags_any(ri, &key, names);
        let (facts_min, mut facts_range) = self.number_facts(ri, &key, names);
        let facts_within = self.facts_within(ri, &key, names);
        let base_period = self.base_period(ri, &key, names, &kind, &mut facts_range);
        let facts_one_of = self.facts_one_of(ri, &key, names);
        let amount_range = self.amount_range(ri, &key);
        let figure_by = self.figure_by(ri, &key, &kind, names, applicants);
        let min_quantity = self.min_quantity(ri, &key, per_unit);
        let max_per_ref = self.max_per_ref(ri, &key, per_unit);
        let unique = self.unique(ri, &key);
        let quantity_caps = self.quantity_caps(ri, &key, names, per_unit);
        let max_per_claim = self.max_per_claim(ri, &key, &kind);
        let annual_cap = ri
            .annual_cap
            .as_ref()
            .and_then(|f| self.figure(f, &key.at("annual_cap"), false));
        let lifetime_cap = ri
            .lifetime_cap
            .as_ref()
            .and_then(|f| self.figure(f, &key.at("lifetime_cap"), false));
        let item = Item {
            id,
            name: text(&ri.name, &ri.name_en, &ri.name),
            clause,
            kind,
            per_unit,
            unit,
            applicants,
            applicants_written: ri.applicants.get_ref().clone(),
            tags_any,
            facts_min,
            facts_within,
            facts_one_of,
            facts_range,
            amount_range,
            figure_by,
            min_quantity,
            max_per_ref,
            award_group: None,
            unique,
            quantity_caps,
            annual_cap,
            lifetime_cap,
            requires: None,
            base_period,
            required: false,
            ref_limit: None,
            max_per_claim,
            quota: None,
            source: ri.source.clone(),
            note: note(&ri.note, &ri.note_en),
            intake,
        };
        if let Some(cap) = annual_cap {
            let at = ri.annual_cap.as_ref();
            self.cap_covers_one_award(&item, cap, at, &key.at("annual_cap"));
        }
        if let Some(cap) = lifetime_cap {
            let at = ri.lifetime_cap.as_ref();
            self.cap_covers_one_award(&item, cap, at, &key.at("lifetime_cap"));
        }
        item
    }

    /// The maximum per claim, on a kind that computes money and has none.
    fn max_per_claim(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        kind: &Kind,
    ) -> Option<rust_decimal::Decimal> {
        let raw = ri.max_per_claim.as_ref()?;
        let at = key.at("max_per_claim");
        match kind {
            Kind::Approved { .. } | Kind::Manual { .. } => {
                let fault = PolicyFault::Rule(RuleFault::MaxPerClaim {
                    kind: kind.kind_name(),
                });
                self.problem(raw.span(), &at, fault);
                None
            }
            Kind::Fixed { .. }
            | Kind::Percent { .. }
            | Kind::Floor { .. }
            | Kind::Matching { .. } => self.figure(raw, &at, false),
        }
    }

    fn per_unit(&mut self, ri: &RawItem, key: &ItemKey, kind: &Kind) -> bool {
        let per_unit = ri.per_unit.as_ref().map(|p| *p.get_ref()).unwrap_or(false);
        if let (Some(p), false) = (&ri.per_unit, matches!(kind, Kind::Fixed { .. })) {
            if *p.get_ref() {
                let fault = PolicyFault::PerUnitNotFixed;
                self.problem(p.span(), &key.at("per_unit"), fault);
            }
        }
        per_unit
    }

    /// The unit word of a per-unit item; on any other item, a slip.
    fn unit(&mut self, ri: &RawItem, key: &ItemKey, per_unit: bool) -> Option<Text> {
        let unit = ri.unit.as_ref()?;
        if !per_unit {
            self.problem(unit.span(), &key.at("unit"), PolicyFault::UnitNotPerUnit);
            return None;
        }
        let zh = unit.get_ref().trim();
        Some(text(zh, ri.unit_en.trim(), zh))
    }

    /// The conditions verified at intake, with their English one for one.
    fn intake(&mut self, ri: &RawItem, key: &ItemKey) -> Vec<Text> {
        let en: &[String] = ri.intake_en.as_ref().map_or(&[], |e| e.get_ref());
        if let (Some(e), false) = (&ri.intake_en, en.len() == ri.intake.len()) {
            let fault = PolicyFault::IntakeEnglish {
                zh: ri.intake.len(),
                en: en.len(),
            };
            self.problem(e.span(), &key.at("intake_en"), fault);
        }
        ri.intake
            .iter()
            .enumerate()
            .map(|(i, zh)| text(zh, en.get(i).map_or("", String::as_str), zh))
            .collect()
    }

    fn tags_any(&mut self, ri: &RawItem, key: &ItemKey, names: &Names) -> TagSet {
        let mut tags_any = TagSet::default();
        if let Some(tags) = &ri.tags_any {
            for t in tags.get_ref() {
                match names.lookup.tags.get(name_key(t).as_ref()) {
                    Some(idx) => tags_any.insert(*idx),
                    None => self.problem(
                        tags.span(),
                        &key.at("tags_any"),
                        PolicyFault::UnknownTag { tag: t.clone() },
                    ),
                }
            }
        }
        tags_any
    }

    /// The minimums and ranges on facts, each a number fact.
    #[allow(clippy::type_complexity)]
    fn number_facts(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
    ) -> (
        Vec<(FactIdx, rust_decimal::Decimal)>,
        Vec<(FactIdx, crate::policy::model::Range)>,
    ) {
        let facts_min = self.facts_min(ri, key, names);
        let facts_range = self.facts_range(ri, key, names);
        for f in facts_min.iter().map(|(f, _)| *f) {
            self.number_fact(f, ri.id.span(), &key.at("facts_min"), names);
        }
        for f in facts_range.iter().map(|(f, _)| *f) {
            self.number_fact(f, ri.id.span(), &key.at("facts_range"), names);
        }
        (facts_min, facts_range)
    }

    fn facts_min(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
    ) -> Vec<(FactIdx, rust_decimal::Decimal)> {
        let mut facts_min = Vec::new();
        for (name, min) in &ri.facts_min {
            let fact = names.facts.iter().position(|f| &f.id == name);
            let at = key.at(&format!("facts_min.{name}"));
            let min = self.figure(min, &at, false);
            match (fact, min) {
                (Some(f), Some(m)) => facts_min.push((f as FactIdx, m)),
                (None, _) => {
                    let fault = PolicyFault::UndeclaredFact { fact: name.clone() };
                    self.problem(ri.id.span(), &at, fault);
                }
                (Some(_), None) => {}
            }
        }
        facts_min
    }

    /// A threshold on the quantity: of a per-unit item, or of a one-off
    /// fixed award (数量达到门槛，一次性奖励，不按数量相乘).
    fn min_quantity(&mut self, ri: &RawItem, key: &ItemKey, per_unit: bool) -> Option<u32> {
        let m = ri.min_quantity.as_ref()?;
        let v = *m.get_ref();
        let one_off = ri.kind.get_ref() == "fixed";
        if !(1..=1_000_000).contains(&v) || !(per_unit || one_off) {
            let fault = PolicyFault::MinQuantity;
            self.problem(m.span(), &key.at("min_quantity"), fault);
            None
        } else {
            Some(v as u32)
        }
    }

    fn max_per_ref(&mut self, ri: &RawItem, key: &ItemKey, per_unit: bool) -> Option<u32> {
        let m = ri.max_per_ref.as_ref()?;
        let v = *m.get_ref();
        let one_figure = ri.tiers.is_none() && ri.by_type.is_none();
        if !(1..=1_000_000).contains(&v) || !per_unit || !one_figure {
            let fault = PolicyFault::Rule(crate::policy::RuleFault::MaxPerRef);
            self.problem(m.span(), &key.at("max_per_ref"), fault);
            None
        } else {
            Some(v as u32)
        }
    }

    fn unique(&mut self, ri: &RawItem, key: &ItemKey) -> Unique {
        let Some(u) = &ri.unique else {
            return Unique::None;
        };
        Unique::from_name(u.get_ref()).unwrap_or_else(|| {
            let written = u.get_ref().clone();
            let fault = PolicyFault::UniqueRule { written };
            self.problem(u.span(), &key.at("unique"), fault);
            Unique::None
        })
    }

    fn quantity_caps(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
        per_unit: bool,
    ) -> Vec<QuantityCap> {
        let mut quantity_caps = Vec::new();
        for qc in &ri.quantity_caps {
            let set: TypeSet = self.type_set(
                &qc.applicants,
                &key.at("quantity_cap.applicants"),
                &names.lookup.types,
                names.groups,
            );
            let max = *qc.max_per_year.get_ref();
            if !(1..=1_000_000).contains(&max) || !per_unit {
                let at = key.at("quantity_cap.max_per_year");
                self.problem(qc.max_per_year.span(), &at, PolicyFault::QuantityCap);
            }
            quantity_caps.push(QuantityCap {
                applicants: set,
                applicants_written: qc.applicants.get_ref().clone(),
                max_per_year: max.clamp(0, 1_000_000) as u32,
            });
        }
        quantity_caps
    }
}
