//! The kinds of item as a table: each kind's name, the figures it needs and
//! how it is built from them. Adding a kind is one row here, one variant of
//! `KindName` and of `Kind`.

use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;

use super::item::ItemKey;
use super::{text, Checker};
use crate::policy::model::Kind;
use crate::policy::problem::{FigureName, KindName, PolicyFault};
use crate::policy::raw::{Figure, RawItem};

/// The figures of an item that its kind asked for and that were readable.
pub(super) struct Found(Vec<(FigureName, Decimal)>);

impl Found {
    fn get(&self, name: FigureName) -> Decimal {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| *d)
            .unwrap_or_default()
    }
}

type Build = fn(&mut Checker, &RawItem, &ItemKey, &Found) -> Kind;

/// One kind of item: the figures it needs and how it is built.
struct KindRule {
    kind: KindName,
    figures: &'static [FigureName],
    build: Build,
}

const KINDS: [KindRule; 6] = [
    KindRule {
        kind: KindName::Fixed,
        figures: &[FigureName::Amount],
        build: |_, _, _, found| Kind::Fixed {
            amount: found.get(FigureName::Amount),
        },
    },
    KindRule {
        kind: KindName::Percent,
        figures: &[FigureName::Rate],
        build: percent,
    },
    KindRule {
        kind: KindName::Approved,
        figures: &[FigureName::MaxPerProject],
        build: |_, _, _, found| Kind::Approved {
            max: found.get(FigureName::MaxPerProject),
        },
    },
    KindRule {
        kind: KindName::Floor,
        figures: &[FigureName::Minimum],
        build: |_, _, _, found| Kind::Floor {
            minimum: found.get(FigureName::Minimum),
        },
    },
    KindRule {
        kind: KindName::Matching,
        figures: &[FigureName::Ratio],
        build: |_, _, _, found| Kind::Matching {
            ratio: found.get(FigureName::Ratio),
        },
    },
    KindRule {
        kind: KindName::Manual,
        figures: &[],
        build: |check, ri, key, _| manual(check, ri, key, true),
    },
];

fn rule(kind: KindName) -> Option<&'static KindRule> {
    KINDS.iter().find(|r| r.kind == kind)
}

/// The raw figure of an item under a figure's key.
fn raw_figure(ri: &RawItem, name: FigureName) -> Option<&Spanned<Figure>> {
    match name {
        FigureName::Amount => ri.amount.as_ref(),
        FigureName::Rate => ri.rate.as_ref(),
        FigureName::MaxPerProject => ri.max_per_project.as_ref(),
        FigureName::Minimum => ri.minimum.as_ref(),
        FigureName::Ratio => ri.ratio.as_ref(),
    }
}

fn percent(check: &mut Checker, ri: &RawItem, key: &ItemKey, found: &Found) -> Kind {
    let rate = found.get(FigureName::Rate);
    if rate > Decimal::ONE {
        if let Some(f) = &ri.rate {
            check.problem(f.span(), &key.at("rate"), PolicyFault::RateAbove100);
        }
    }
    Kind::Percent { rate }
}

/// A manual item, with the reason it is not computed here. `is_manual` is
/// false for an item whose kind is unknown: it is kept as manual so that the
/// rest of it can be checked, without a second problem.
fn manual(check: &mut Checker, ri: &RawItem, key: &ItemKey, is_manual: bool) -> Kind {
    let reason = ri
        .manual_reason
        .as_ref()
        .map(|r| r.get_ref().clone())
        .unwrap_or_default();
    if is_manual && reason.trim().is_empty() {
        let fault = PolicyFault::ManualWithoutReason;
        check.problem(ri.kind.span(), &key.at("manual_reason"), fault);
    }
    Kind::Manual {
        reason: text(&reason, &ri.manual_reason_en, &reason),
    }
}

impl Checker<'_> {
    /// The item's kind from its name and figures (manual, when the name is
    /// not a kind).
    pub(super) fn kind(&mut self, ri: &RawItem, key: &ItemKey) -> Kind {
        let kind = KindName::from_name(ri.kind.get_ref());
        let rule = kind.and_then(rule);
        if rule.is_none() {
            let written = ri.kind.get_ref().clone();
            self.problem(
                ri.kind.span(),
                &key.at("kind"),
                PolicyFault::UnknownKind { written },
            );
        }
        let found = self.figures(ri, key, rule);
        let built = match rule {
            Some(rule) => (rule.build)(self, ri, key, &found),
            None => manual(self, ri, key, false),
        };
        if let (Some(r), false) = (&ri.manual_reason, kind == Some(KindName::Manual)) {
            let fault = PolicyFault::ReasonWithoutManual;
            self.problem(r.span(), &key.at("manual_reason"), fault);
        }
        built
    }

    /// The figures the kind needs, read; a figure it does not use, or one
    /// it needs and lacks, is a problem (not checked for an unknown kind).
    fn figures(&mut self, ri: &RawItem, key: &ItemKey, rule: Option<&KindRule>) -> Found {
        let mut found = Vec::new();
        for name in FigureName::ALL {
            let wanted = rule.is_some_and(|r| r.figures.contains(&name));
            match (raw_figure(ri, name), rule) {
                (Some(f), Some(_)) if wanted => {
                    if let Some(d) = self.figure(f, &key.at(name.key()), name.percent_ok()) {
                        found.push((name, d));
                    }
                }
                (Some(f), Some(r)) => {
                    let fault = PolicyFault::FigureNotUsed {
                        kind: r.kind,
                        figure: name,
                    };
                    self.problem(f.span(), &key.at(name.key()), fault);
                }
                (None, Some(r)) if wanted && ri.tiers.is_none() && ri.by_type.is_none() => {
                    let fault = PolicyFault::FigureMissing {
                        kind: r.kind,
                        figure: name,
                    };
                    self.problem(ri.kind.span(), &key.at(name.key()), fault);
                }
                (None, Some(_)) | (_, None) => {}
            }
        }
        Found(found)
    }

    /// A figure as a `Decimal`: `2000`, `"0.05"`, or (for rates) `"5%"`.
    pub(super) fn figure(
        &mut self,
        value: &Spanned<Figure>,
        key: &str,
        percent_ok: bool,
    ) -> Option<Decimal> {
        let written = value.get_ref().0.trim();
        let parsed = match written.strip_suffix('%') {
            Some(p) if percent_ok => Decimal::from_str(p.trim())
                .ok()
                .map(|d| d / Decimal::ONE_HUNDRED),
            Some(_) => None,
            None => Decimal::from_str(written).ok(),
        };
        let written = written.to_string();
        match parsed {
            None => {
                self.problem(value.span(), key, PolicyFault::NotANumber { written });
                None
            }
            Some(d) if d.is_sign_negative() && !d.is_zero() => {
                self.problem(value.span(), key, PolicyFault::Negative { written });
                None
            }
            // Figures are yuan or rates; one this large is a slip, and
            // multiplied by a quantity it would overflow.
            Some(d) if d >= Decimal::from(1_000_000_000_000_i64) => {
                self.problem(value.span(), key, PolicyFault::TooLarge { written });
                None
            }
            Some(d) => Some(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_row_and_its_own_figures() {
        for kind in KindName::ALL {
            let rows: Vec<_> = KINDS.iter().filter(|r| r.kind == kind).collect();
            assert_eq!(rows.len(), 1, "{}", kind.name());
            assert_eq!(KindName::from_name(kind.name()), Some(kind));
        }
        let mut figures: Vec<&str> = KINDS
            .iter()
            .flat_map(|r| r.figures.iter().map(|f| f.key()))
            .collect();
        let all = figures.len();
        figures.sort_unstable();
        figures.dedup();
        assert_eq!(figures.len(), all, "a figure belongs to one kind");
    }
}
