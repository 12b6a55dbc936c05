//! The rules over the whole measure: the annual cap per applicant across
//! all clauses, with the clauses and items it leaves out.

use super::Checker;
use crate::policy::model::{AwardGroup, Clause, ClauseStyle, Item, ItemIdx, MeasureCap, Wording};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{RawAwardGroup, RawMeasureCap, RawWording};

impl Checker<'_> {
    pub(super) fn measure_cap(
        &mut self,
        raw: Option<&RawMeasureCap>,
        clauses: &[Clause],
        items: &[Item],
    ) -> Option<MeasureCap> {
        let raw = raw?;
        let annual = self.figure(&raw.annual, "measure_cap.annual", false);
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
        Some(MeasureCap {
            annual: annual?,
            except_clauses,
            excluded,
            source: raw.source.clone(),
        })
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
