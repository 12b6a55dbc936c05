//! `--set KEY=VALUE`: one figure of the policy changed for one run. The
//! value is written into the policy's text where the file writes the
//! figure, and the text is loaded as usual, so every check of the loader
//! applies to the changed policy too.

use super::figures::{figures, toml_value, FigureSlot};
use super::WhatIfError;

/// One figure changed for this run: its key, its value in the file and
/// the value used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub key: String,
    pub was: String,
    pub now: String,
}

/// The keys nearest to `written`, nearest first (at most five).
pub fn nearest_keys(slots: &[FigureSlot], written: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = slots
        .iter()
        .map(|s| (strsim::jaro_winkler(written, &s.key), s.key.as_str()))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(5)
        .map(|(_, k)| k.to_string())
        .collect()
}

/// `text` with every `KEY=VALUE` of `sets` written in, and what changed.
/// A text that is not TOML is returned unchanged when nothing is set (the
/// loader then reports it).
pub fn apply(text: &str, sets: &[String]) -> Result<(String, Vec<Override>), WhatIfError> {
    if sets.is_empty() {
        return Ok((text.to_string(), Vec::new()));
    }
    let slots = figures(text).unwrap_or_default();
    let mut chosen: Vec<(&FigureSlot, String, String)> = Vec::new();
    for set in sets {
        let Some((key, value)) = set.split_once('=') else {
            return Err(WhatIfError::SetWithoutValue {
                written: set.clone(),
            });
        };
        let key = key.trim();
        let Some(slot) = slots.iter().find(|s| s.key == key) else {
            return Err(WhatIfError::UnknownKey {
                key: key.to_string(),
                near: nearest_keys(&slots, key),
            });
        };
        let Some(toml) = toml_value(slot.kind, value) else {
            return Err(WhatIfError::WrongValue {
                key: key.to_string(),
                value: value.trim().to_string(),
                kind: slot.kind,
            });
        };
        chosen.retain(|(s, _, _)| s.key != slot.key);
        chosen.push((slot, toml, value.trim().to_string()));
    }
    let mut changed = text.to_string();
    let mut by_place: Vec<&(&FigureSlot, String, String)> = chosen.iter().collect();
    by_place.sort_by_key(|(s, _, _)| std::cmp::Reverse(s.span.start));
    for (slot, toml, _) in by_place {
        changed.replace_range(slot.span.clone(), toml);
    }
    let overrides = chosen
        .into_iter()
        .map(|(slot, _, now)| Override {
            key: slot.key.clone(),
            was: slot.written.clone(),
            now,
        })
        .collect();
    Ok((changed, overrides))
}

/// The keys `--set` accepts for a policy text, with their kind and value.
pub fn settable(text: &str) -> Vec<FigureSlot> {
    figures(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{load, BUNDLED};
    use crate::whatif::FigureKind;

    fn set(sets: &[&str]) -> Result<(String, Vec<Override>), WhatIfError> {
        let sets: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
        apply(BUNDLED, &sets)
    }

    #[test]
    fn a_clause_cap_and_an_item_amount_are_changed_in_place() {
        let (text, overrides) = set(&[
            "clause.1.annual_cap=80000",
            "item.high_value_patent.amount=3000",
        ])
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(text.lines().count(), BUNDLED.lines().count());
        let policy = load("x", &text).unwrap_or_else(|e| panic!("{e}"));
        let clause = &policy.clauses[0];
        assert_eq!(
            clause.annual_cap.map(|d| d.to_string()).as_deref(),
            Some("80000")
        );
        let item = policy
            .find_item("high_value_patent")
            .map(|i| policy.item(i));
        assert!(format!("{:?}", item).contains("3000"));
        assert_eq!(overrides[0].was, "50000");
        assert_eq!(overrides[0].now, "80000");
    }

    #[test]
    fn an_unknown_key_lists_the_nearest() {
        match set(&["clause.1.anual_cap=1"]) {
            Err(WhatIfError::UnknownKey { near, .. }) => {
                assert_eq!(near[0], "clause.1.annual_cap")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_refused() {
        assert!(matches!(
            set(&["clause.1.annual_cap=lots"]),
            Err(WhatIfError::WrongValue { .. })
        ));
        assert!(matches!(
            set(&["item.copyright_registration.quantity_cap.1.max_per_year=1.5"]),
            Err(WhatIfError::WrongValue {
                kind: FigureKind::Count,
                ..
            })
        ));
        assert!(set(&["valid_until"]).is_err());
    }

    #[test]
    fn the_measure_caps_figures_are_set_per_applicant_type() {
        let text = include_str!("../../policy/zhenghe-undated.toml");
        let sets = [
            "measure_cap.annual=120000".to_string(),
            "measure_cap.by_type.individual=60000".to_string(),
        ];
        let (changed, overrides) = apply(text, &sets).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(overrides[1].was, "50000");
        let policy = load("x", &changed).unwrap_or_else(|e| panic!("{e}"));
        let cap = policy.measure_cap.as_ref().expect("a measure cap");
        let individual = policy.find_type("individual").expect("individual");
        let enterprise = policy.find_type("enterprise").expect("enterprise");
        assert_eq!(
            cap.limit_for(individual),
            Some((60000.into(), Some(individual)))
        );
        assert_eq!(cap.limit_for(enterprise), Some((120000.into(), None)));
        // A type the file gives no figure of its own has no key to set.
        let unwritten = ["measure_cap.by_type.enterprise=1".to_string()];
        assert!(matches!(
            apply(text, &unwritten),
            Err(WhatIfError::UnknownKey { .. })
        ));
    }

    #[test]
    fn the_loader_still_checks_a_changed_figure() {
        assert!(
            set(&["item.high_value_patent.rate=5%"]).is_err(),
            "a fixed item has no rate to set"
        );
        let (text, _) =
            set(&["item.patent_transfer.rate=150%"]).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(load("x", &text).is_err());
    }
}
