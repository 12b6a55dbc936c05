//! An item's figure by bands of a value (tiers) or by applicant type:
//! bands sorted with no gap and no overlap, every type that may claim
//! keyed; both checked at load.

use toml::Spanned;

use super::item::ItemKey;
use super::named::Names;
use super::Checker;
use crate::policy::model::{name_key, Band, Bound, FigureBy, Kind, Measured, Range, TypeSet};
use crate::policy::problem::{PolicyFault, RuleFault};
use crate::policy::raw::{RawBand, RawItem, RawTiers};

/// The key the author wrote, for a message about either table: `by_type`
/// when only it is written.
fn written_key(ri: &RawItem) -> &'static str {
    if ri.tiers.is_none() && ri.by_type.is_some() {
        "by_type"
    } else {
        "tiers"
    }
}

impl Checker<'_> {
    pub(super) fn figure_by(
        &mut self,
        ri: &RawItem,
        key: &ItemKey,
        kind: &Kind,
        names: &Names,
        applicants: TypeSet,
    ) -> Option<FigureBy> {
        let span = match (&ri.tiers, &ri.by_type) {
            (None, None) => return None,
            (Some(t), _) => t.span(),
            (None, Some(b)) => b.span(),
        };
        let percent_ok = match kind {
            Kind::Fixed { .. } => false,
            Kind::Percent { .. } | Kind::Matching { .. } => true,
            Kind::Approved { .. } | Kind::Floor { .. } | Kind::Manual { .. } => {
                self.problem(
                    span,
                    &key.at(written_key(ri)),
                    PolicyFault::Rule(RuleFault::FigureByKind),
                );
                return None;
            }
        };
        // A figure by applicant type goes with a quantity cap per type
        // (个人每年最多5件); bands of a value do not (a band's figure per
        // unit could differ between the claims a cap counts together).
        if (ri.tiers.is_some() && ri.by_type.is_some())
            || (ri.tiers.is_some() && !ri.quantity_caps.is_empty())
        {
            self.problem(
                span,
                &key.at(written_key(ri)),
                PolicyFault::Rule(RuleFault::FigureByKind),
            );
            return None;
        }
        if let Some(t) = &ri.tiers {
            return self.tiers(t, key, names, percent_ok);
        }
        let table = ri.by_type.as_ref()?;
        self.by_type(table, key, names, applicants, percent_ok)
    }

    fn tiers(
        &mut self,
        raw: &Spanned<RawTiers>,
        key: &ItemKey,
        names: &Names,
        percent_ok: bool,
    ) -> Option<FigureBy> {
        let at = key.at("tiers");
        let t = raw.get_ref();
        let on = if t.on == "amount" {
            Some(Measured::Amount)
        } else {
            names
                .facts
                .iter()
                .position(|f| f.id == t.on)
                .map(|f| Measured::Fact(f as u8))
        };
        if let Some(Measured::Fact(f)) = on {
            self.number_fact(f, raw.span(), &at, names);
        }
        let Some(on) = on else {
            let fault = PolicyFault::Rule(RuleFault::TierOn {
                written: t.on.clone(),
            });
            self.problem(raw.span(), &at, fault);
            return None;
        };
        let mut bands = Vec::new();
        for (i, b) in t.bands.iter().enumerate() {
            let band = self.band(b, raw.span(), &at, percent_ok)?;
            if band.range.is_empty() {
                self.problem(raw.span(), &at, PolicyFault::Rule(RuleFault::EmptyRange));
                return None;
            }
            if let Some(before) = bands.last() {
                if let Some(fault) = join_fault(before, &band, i + 1) {
                    self.problem(raw.span(), &at, PolicyFault::Rule(fault));
                    return None;
                }
            }
            bands.push(band);
        }
        if bands.is_empty() {
            self.problem(raw.span(), &at, PolicyFault::Rule(RuleFault::EmptyRange));
            return None;
        }
        Some(FigureBy::Tiers { on, bands })
    }

    fn band(
        &mut self,
        b: &RawBand,
        span: std::ops::Range<usize>,
        at: &str,
        percent_ok: bool,
    ) -> Option<Band> {
        let mut value = |f: &crate::policy::raw::Figure, ok: bool| {
            self.figure(&Spanned::new(span.clone(), f.clone()), at, ok)
        };
        let min = match &b.min {
            Some(f) => Some(Bound {
                value: value(f, false)?,
                inclusive: b.min_inclusive,
            }),
            None => None,
        };
        let max = match &b.max {
            Some(f) => Some(Bound {
                value: value(f, false)?,
                inclusive: b.max_inclusive,
            }),
            None => None,
        };
        let figure = value(&b.figure, percent_ok)?;
        let max_per_claim = match &b.max_per_claim {
            Some(f) => Some(value(f, false)?),
            None => None,
        };
        Some(Band {
            range: Range { min, max },
            figure,
            max_per_claim,
        })
    }

    fn by_type(
        &mut self,
        table: &Spanned<std::collections::BTreeMap<String, crate::policy::raw::Figure>>,
        key: &ItemKey,
        names: &Names,
        applicants: TypeSet,
        percent_ok: bool,
    ) -> Option<FigureBy> {
        let at = key.at("by_type");
        let mut out = Vec::new();
        for (name, figure) in table.get_ref() {
            let Some(t) = names.lookup.types.get(name_key(name).as_ref()).copied() else {
                let fault = PolicyFault::UnknownApplicant { name: name.clone() };
                self.problem(table.span(), &at, fault);
                continue;
            };
            let spanned = Spanned::new(table.span(), figure.clone());
            if let Some(d) = self.figure(&spanned, &at, percent_ok) {
                out.push((t, d));
            }
        }
        for t in 0..32u8 {
            if applicants.contains(t) && !out.iter().any(|(k, _)| *k == t) {
                let applicant_type = names
                    .types
                    .get(usize::from(t))
                    .map(|n| n.id.clone())
                    .unwrap_or_default();
                let fault = PolicyFault::Rule(RuleFault::ByTypeMissing { applicant_type });
                self.problem(table.span(), &at, fault);
            }
        }
        Some(FigureBy::Type(out))
    }
}

/// Whether band `n` (from 1) joins the band before it: the same value, in
/// exactly one of the two.
fn join_fault(before: &Band, band: &Band, n: usize) -> Option<RuleFault> {
    let (Some(hi), Some(lo)) = (before.range.max, band.range.min) else {
        return Some(RuleFault::TierGap { band: n });
    };
    if hi.value < lo.value || (hi.value == lo.value && !hi.inclusive && !lo.inclusive) {
        Some(RuleFault::TierGap { band: n })
    } else if hi.value > lo.value || (hi.inclusive && lo.inclusive) {
        Some(RuleFault::TierOverlap { band: n })
    } else {
        None
    }
}
