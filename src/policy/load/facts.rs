//! What each declared fact holds (a number, a date, yes/no, one of a list),
//! and the conditions an item sets on facts of each kind: a window of time
//! after a date fact, the values a yes/no or choice fact must hold.

use super::item::ItemKey;
use super::named::Names;
use super::Checker;
use crate::policy::model::{FactIdx, FactKind, Window, WindowUnit};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{RawFact, RawItem, RawWindow};

impl Checker<'_> {
    /// Each fact's kind; a `choice` lists its values, and only it does.
    pub(super) fn fact_kinds(&mut self, raw: &[RawFact]) -> Vec<FactKind> {
        raw.iter()
            .map(|f| {
                let at = format!("fact {}: kind", f.id.get_ref());
                let kind = match f.kind.as_ref().map(|k| k.get_ref().as_str()) {
                    None | Some("number") => FactKind::Number,
                    Some("date") => FactKind::Date,
                    Some("yes_no") => FactKind::YesNo,
                    Some("choice") => FactKind::Choice(f.values.clone()),
                    Some(other) => {
                        let span = f.kind.as_ref().map_or(0..0, |k| k.span());
                        let fault = PolicyFault::Rule(RuleFault::FactKind {
                            written: other.to_string(),
                        });
                        self.problem(span, &at, fault);
                        FactKind::Number
                    }
                };
                let choice = matches!(kind, FactKind::Choice(_));
                if choice == f.values.is_empty() {
                    let fault = PolicyFault::Rule(RuleFault::FactValues);
                    self.problem(
                        f.id.span(),
                        &format!("fact {}: values", f.id.get_ref()),
                        fault,
                    );
                }
                kind
            })
            .collect()
    }

    /// `facts_within`: a window after a date fact, exactly one of days,
    /// months or years, a positive whole number.
    pub(super) fn facts_within(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
    ) -> Vec<(FactIdx, Window)> {
        let mut out = Vec::new();
        for (name, raw) in &ri.facts_within {
            let at = key.at(&format!("facts_within.{name}"));
            let Some(f) = self.fact_of_kind(name, raw.span(), &at, names, |k| {
                matches!(k, FactKind::Date)
            }) else {
                continue;
            };
            match window(raw.get_ref()) {
                Some(w) => out.push((f, w)),
                None => {
                    let fault = PolicyFault::Rule(RuleFault::Window);
                    self.problem(raw.span(), &at, fault);
                }
            }
        }
        out
    }

    /// `facts_one_of`: the values a yes/no or choice fact must hold, each
    /// one the fact can hold.
    pub(super) fn facts_one_of(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
    ) -> Vec<(FactIdx, Vec<u32>)> {
        let mut out = Vec::new();
        for (name, raw) in &ri.facts_one_of {
            let at = key.at(&format!("facts_one_of.{name}"));
            let Some(f) = self.fact_of_kind(name, raw.span(), &at, names, |k| {
                matches!(k, FactKind::YesNo | FactKind::Choice(_))
            }) else {
                continue;
            };
            let kind = &names.fact_kinds[usize::from(f)];
            let mut codes = Vec::new();
            for value in raw.get_ref() {
                match kind.code(value) {
                    Some(c) => codes.push(c),
                    None => {
                        let fault = PolicyFault::Rule(RuleFault::FactValue {
                            written: value.clone(),
                        });
                        self.problem(raw.span(), &at, fault);
                    }
                }
            }
            if raw.get_ref().is_empty() {
                let fault = PolicyFault::Rule(RuleFault::FactValues);
                self.problem(raw.span(), &at, fault);
            }
            out.push((f, codes));
        }
        out
    }

    /// The fact `name`, if it is declared and of a kind `fits` allows.
    fn fact_of_kind(
        &mut self,
        name: &str,
        span: std::ops::Range<usize>,
        at: &str,
        names: &Names,
        fits: impl Fn(&FactKind) -> bool,
    ) -> Option<FactIdx> {
        let Some(f) = names.facts.iter().position(|f| f.id == name) else {
            let fault = PolicyFault::UndeclaredFact {
                fact: name.to_string(),
            };
            self.problem(span, at, fault);
            return None;
        };
        let kind = &names.fact_kinds[f];
        if !fits(kind) {
            let fault = PolicyFault::Rule(RuleFault::FactKindMismatch {
                fact: name.to_string(),
                kind: kind.name(),
            });
            self.problem(span, at, fault);
            return None;
        }
        Some(f as FactIdx)
    }

    /// `base_period`: a number fact and the most of it counted, on a
    /// `percent` or `matching` item.
    pub(super) fn base_period(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        names: &Names,
        kind: &crate::policy::model::Kind,
        facts_range: &mut Vec<(FactIdx, crate::policy::model::Range)>,
    ) -> Option<(FactIdx, rust_decimal::Decimal)> {
        use crate::policy::model::Kind;
        let raw = ri.base_period.as_ref()?;
        let at = key.at("base_period");
        if !matches!(kind, Kind::Percent { .. } | Kind::Matching { .. }) {
            let fault = PolicyFault::Rule(RuleFault::BasePeriod);
            self.problem(raw.span(), &at, fault);
            return None;
        }
        let p = raw.get_ref();
        let fact = self.fact_of_kind(&p.fact, raw.span(), &at, names, |k| {
            matches!(k, FactKind::Number)
        })?;
        let spanned = toml::Spanned::new(raw.span(), p.max.clone());
        let max = self.figure(&spanned, &format!("{at}.max"), false)?;
        if max <= rust_decimal::Decimal::ZERO {
            self.problem(raw.span(), &at, PolicyFault::Rule(RuleFault::BasePeriod));
            return None;
        }
        // The period must be given, and above nothing: without it the base
        // could not be limited.
        if !facts_range.iter().any(|(g, _)| *g == fact) {
            let above_zero = crate::policy::model::Range {
                min: Some(crate::policy::model::Bound {
                    value: rust_decimal::Decimal::ZERO,
                    inclusive: false,
                }),
                max: None,
            };
            facts_range.push((fact, above_zero));
        }
        Some((fact, max))
    }

    /// A fact used as a number (`facts_min`, `facts_range`, `tiers.on`) must
    /// be a number fact.
    pub(super) fn number_fact(
        &mut self,
        fact: FactIdx,
        span: std::ops::Range<usize>,
        at: &str,
        names: &Names,
    ) {
        let kind = &names.fact_kinds[usize::from(fact)];
        if *kind != FactKind::Number {
            let fault = PolicyFault::Rule(RuleFault::FactKindMismatch {
                fact: names.facts[usize::from(fact)].id.clone(),
                kind: kind.name(),
            });
            self.problem(span, at, fault);
        }
    }
}

fn window(raw: &RawWindow) -> Option<Window> {
    let given: Vec<(i64, WindowUnit)> = [
        (raw.days, WindowUnit::Days),
        (raw.months, WindowUnit::Months),
        (raw.years, WindowUnit::Years),
    ]
    .into_iter()
    .filter_map(|(n, u)| n.map(|n| (n, u)))
    .collect();
    match given.as_slice() {
        [(n, unit)] if (1..=36_500).contains(n) => Some(Window {
            count: *n as u32,
            unit: *unit,
        }),
        _ => None,
    }
}
