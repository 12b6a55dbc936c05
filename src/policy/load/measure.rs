//! The rules over the whole measure: the annual cap per applicant across
//! all clauses (one figure, or a figure per applicant type), with the
//! clauses and items it leaves out.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use toml::Spanned;

use super::Checker;
use crate::policy::model::{
    name_key, AwardGroup, Clause, ClauseStyle, Item, ItemIdx, Lookup, MeasureCap, Named, TypeIdx,
    Wording,
};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{Figure, RawAwardGroup, RawMeasureCap, RawWording};

impl Checker<'_> {
    pub(super) fn measure_cap(
        &mut self,
        raw: Option<&Spanned<RawMeasureCap>>,
        clauses: &[Clause],
        items: &[Item],
        types: (&[Named], &Lookup),
    ) -> Option<MeasureCap> {
        let span = raw?.span();
        let raw = raw?.get_ref();
        let annual = raw
            .annual
            .as_ref()
            .map(|a| self.figure(a, "measure_cap.annual", false));
        let by_type = match &raw.by_type {
            Some(table) => self.measure_by_type(table, types),
            None => Some(Vec::new()),
        };
        let (except_clauses, excluded) = self.measure_except(raw, clauses, items);
        let annual = match annual {
            Some(a) => Some(a?),
            None => None,
        };
        let by_type = by_type?;
        if annual.is_none() {
            let at = raw.by_type.as_ref().map_or(span, |t| t.span());
            for (t, named) in types.0.iter().enumerate() {
                if !by_type.iter().any(|(k, _)| usize::from(*k) == t) {
                    let applicant_type = named.id.clone();
                    let fault = PolicyFault::Rule(RuleFault::MeasureCapMissing { applicant_type });
                    self.problem(at.clone(), "measure_cap.by_type", fault);
                }
            }
        }
        Some(MeasureCap {
            annual,
            by_type,
            except_clauses,
            excluded,
            source: raw.source.clone(),
        })
    }

    /// The figure of each applicant type `by_type` names, in type order;
    /// a key that names no type is refused with the nearest type id.
    fn measure_by_type(
        &mut self,
        table: &Spanned<BTreeMap<String, Figure>>,
        (types, lookup): (&[Named], &Lookup),
    ) -> Option<Vec<(TypeIdx, Decimal)>> {
        let at = "measure_cap.by_type";
        let mut out: Vec<(TypeIdx, Decimal)> = Vec::new();
        let mut whole = true;
        for (name, figure) in table.get_ref() {
            let Some(t) = lookup.types.get(name_key(name).as_ref()).copied() else {
                let fault = RuleFault::UnknownType {
                    written: name.clone(),
                    nearest: nearest_id(types, name),
                };
                self.problem(table.span(), at, PolicyFault::Rule(fault));
                whole = false;
                continue;
            };
            if out.iter().any(|(k, _)| *k == t) {
                let fault = PolicyFault::BadId { id: name.clone() };
                self.problem(table.span(), at, fault);
                whole = false;
                continue;
            }
            let spanned = Spanned::new(table.span(), figure.clone());
            match self.figure(&spanned, at, false) {
                Some(d) => out.push((t, d)),
                None => whole = false,
            }
        }
        out.sort_unstable_by_key(|(t, _)| *t);
        whole.then_some(out)
    }

    /// The clauses and items the cap leaves out (……除外), each checked.
    fn measure_except(
        &mut self,
        raw: &RawMeasureCap,
        clauses: &[Clause],
        items: &[Item],
    ) -> (Vec<u32>, Vec<ItemIdx>) {
        let mut excluded: Vec<ItemIdx> = Vec::new();
        let mut except_clauses = Vec::new();
        for n in &raw.except_clauses {
            match clauses.iter().find(|c| i64::from(c.number) == *n.get_ref()) {
                Some(c) => {
                    except_clauses.push(c.number);
                    excluded.extend(&c.items);
                }
                None => {
                    let written = n.get_ref().to_string();
                    let fault = PolicyFault::Rule(RuleFault::UnknownExcept { written });
                    self.problem(n.span(), "measure_cap.except_clauses", fault);
                }
            }
        }
        for id in &raw.except_items {
            match items.iter().position(|i| i.id == *id.get_ref()) {
                Some(i) => excluded.push(i as ItemIdx),
                None => {
                    let written = id.get_ref().clone();
                    let fault = PolicyFault::Rule(RuleFault::UnknownExcept { written });
                    self.problem(id.span(), "measure_cap.except_items", fault);
                }
            }
        }
        excluded.sort_unstable();
        excluded.dedup();
        (except_clauses, excluded)
    }

    /// The award groups, each item in at most one.
    pub(super) fn award_groups(
        &mut self,
        raw: &[RawAwardGroup],
        items: &mut [Item],
    ) -> Vec<AwardGroup> {
        let mut groups = Vec::new();
        for (g, rg) in raw.iter().enumerate() {
            let mut members = Vec::new();
            for id in &rg.items {
                match items.iter().position(|i| i.id == *id.get_ref()) {
                    Some(i) if items[i].award_group.is_none() => {
                        items[i].award_group = Some(g as u16);
                        members.push(i as ItemIdx);
                    }
                    Some(_) | None => {
                        let written = id.get_ref().clone();
                        let fault = PolicyFault::Rule(RuleFault::GroupItem { written });
                        self.problem(id.span(), "award_group.items", fault);
                    }
                }
            }
            groups.push(AwardGroup {
                id: rg.id.clone(),
                items: members,
                source: rg.source.clone(),
            });
        }
        groups
    }

    /// The measures' own words, each defaulting to the bundled usage.
    pub(super) fn wording(&mut self, raw: Option<&RawWording>) -> Wording {
        let mut wording = Wording::default();
        let Some(raw) = raw else {
            return wording;
        };
        for (value, slot) in [
            (&raw.jurisdiction, &mut wording.jurisdiction),
            (&raw.area, &mut wording.area),
            (&raw.level, &mut wording.level),
            (&raw.area_en, &mut wording.area_en),
            (&raw.level_en, &mut wording.level_en),
        ] {
            if let Some(v) = value {
                *slot = v.trim().to_string();
            }
        }
        wording.exclusion = raw.exclusion.clone();
        if let Some(style) = &raw.clause_style {
            match ClauseStyle::from_name(style.get_ref()) {
                Some(s) => wording.clause_style = s,
                None => {
                    let written = style.get_ref().clone();
                    let fault = PolicyFault::Rule(RuleFault::ClauseStyle { written });
                    self.problem(style.span(), "wording.clause_style", fault);
                }
            }
        }
        wording
    }
}

/// The type id nearest a misspelt one, when one is near.
fn nearest_id(types: &[Named], written: &str) -> Option<String> {
    types
        .iter()
        .map(|t| (strsim::levenshtein(written, &t.id), t.id.as_str()))
        .filter(|(d, id)| *d <= 3.max(id.len() / 3))
        .min()
        .map(|(_, id)| id.to_string())
}
