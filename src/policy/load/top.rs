//! The top level of the file: id, status, validity, rounding, and the
//! sections in the order they are checked.

use toml::value::Datetime;
use toml::Spanned;

use super::named::Names;
use super::{note, Checker};
use crate::date::Date;
use crate::money::{Rounding, RoundingMode};
use crate::policy::model::{Lookup, Policy, Status};
use crate::policy::problem::PolicyFault;
use crate::policy::raw::{RawPolicy, RawRounding};

impl Checker<'_> {
    pub(super) fn policy(&mut self, raw: RawPolicy) -> Policy {
        let status = self.status(&raw.status);
        self.policy_id(&raw.id);
        let (valid_from, valid_until) = self.validity(&raw);
        let rounding = self.rounding(&raw.rounding);
        let mut lookup = Lookup::default();
        let applicant_types = self.applicant_types(&raw.applicant_types, &mut lookup);
        let tags = self.tags(&raw.tags, &mut lookup);
        let facts = self.facts(&raw.facts);
        let fact_kinds = self.fact_kinds(&raw.facts);
        let (applicant_groups, groups) = self.applicant_groups(&raw.applicant_groups, &lookup);
        let names = Names {
            lookup: &lookup,
            groups: &groups,
            facts: &facts,
            fact_kinds: &fact_kinds,
            types: &applicant_types,
        };
        let (mut clauses, items) = self.clauses(&raw.clauses, &names);
        let wording = self.wording(raw.wording.as_ref());
        for c in &mut clauses {
            c.set_style(wording.clause_style);
        }
        let mut items = self.items(items, &mut lookup);
        let measure_cap = self.measure_cap(
            raw.measure_cap.as_ref(),
            &clauses,
            &items,
            (&applicant_types, &lookup),
        );
        let award_groups = self.award_groups(&raw.award_groups, &mut items);
        self.requirements(&raw.clauses, &mut items);
        let ref_limits = self.ref_limits(&raw.ref_limits, &mut items);
        Policy {
            id: raw.id.into_inner(),
            title: raw.title,
            title_en: raw.title_en,
            source: raw.source,
            status,
            valid_from: valid_from.unwrap_or(Date::EARLIEST),
            valid_until: valid_until.unwrap_or(Date::LATEST),
            currency: raw.currency,
            rounding,
            other_city_support: raw
                .other_city_support
                .filter(|e| e.rejects)
                .map(|e| e.source),
            note: note(&raw.note, &raw.note_en),
            validity_note: note(&raw.validity_note, &raw.validity_note_en),
            applicant_types,
            applicant_groups,
            tags,
            facts,
            fact_kinds,
            clauses,
            items,
            measure_cap,
            award_groups,
            ref_limits,
            wording,
            lookup,
        }
    }

    fn status(&mut self, raw: &Spanned<String>) -> Status {
        match raw.get_ref().as_str() {
            "draft" => Status::Draft,
            "final" => Status::Final,
            other => {
                let written = other.to_string();
                self.problem(raw.span(), "status", PolicyFault::Status { written });
                Status::Draft
            }
        }
    }

    fn policy_id(&mut self, raw: &Spanned<String>) {
        if raw.get_ref().trim().is_empty() {
            self.problem(raw.span(), "id", PolicyFault::EmptyPolicyId);
        }
    }

    /// The first and last day a claim may be dated: derived from the start
    /// and term of the measures, or written, or both (and then they must
    /// agree), so that the final text's start date is a one-line change.
    fn validity(&mut self, raw: &RawPolicy) -> (Option<Date>, Option<Date>) {
        let opt_date = |check: &mut Self, v: &Option<Spanned<Datetime>>, key: &str| {
            v.as_ref().and_then(|v| check.date(v, key))
        };
        let in_force = opt_date(self, &raw.in_force_from, "in_force_from");
        let applies = opt_date(self, &raw.applies_from, "applies_from");
        let term = self.term_years(raw);
        let derived_until = match (in_force, term) {
            (Some(start), Some(years)) => end_of_term(start, years),
            _ => None,
        };
        // A start or term that was written but could not be used has been
        // told already: the bound it would give is not told missing again.
        let told_from = raw.applies_from.is_some() || raw.in_force_from.is_some();
        let told_until = raw.in_force_from.is_some() || raw.term_years.is_some();
        let from = self.bound(
            &raw.valid_from,
            "valid_from",
            applies.or(in_force),
            told_from,
        );
        let until = self.bound(&raw.valid_until, "valid_until", derived_until, told_until);
        if let (Some(from), Some(until)) = (from, until) {
            if from > until {
                let span = raw.valid_until.as_ref().map(|v| v.span()).unwrap_or(0..0);
                let fault = PolicyFault::EndsBeforeStart { from, until };
                self.problem(span, "valid_until", fault);
            }
        }
        (from, until)
    }

    /// `term_years`, checked, and present only with `in_force_from`; a
    /// measure that writes its end date (`valid_until`) needs no term.
    fn term_years(&mut self, raw: &RawPolicy) -> Option<u32> {
        match (&raw.term_years, &raw.in_force_from) {
            (None, None) => None,
            (Some(t), None) => {
                self.problem(t.span(), "term_years", PolicyFault::TermIncomplete);
                None
            }
            (None, Some(_)) if raw.valid_until.is_some() => None,
            (None, Some(f)) => {
                self.problem(f.span(), "in_force_from", PolicyFault::TermIncomplete);
                None
            }
            (Some(t), Some(_)) => {
                let written = *t.get_ref();
                if (1..=100).contains(&written) {
                    Some(written as u32)
                } else {
                    let fault = PolicyFault::TermYears { written };
                    self.problem(t.span(), "term_years", fault);
                    None
                }
            }
        }
    }

    /// One bound of the validity: the written date, which must equal the
    /// derived one when there is one; else the derived one. `told`: the
    /// keys it would be derived from are written, so a problem with them
    /// has been told.
    fn bound(
        &mut self,
        written: &Option<Spanned<Datetime>>,
        key: &str,
        derived: Option<Date>,
        told: bool,
    ) -> Option<Date> {
        let Some(w) = written else {
            if derived.is_none() && !told {
                self.problem(0..0, key, PolicyFault::ValidityMissing);
            }
            return derived;
        };
        let date = self.date(w, key)?;
        if let Some(derived) = derived.filter(|d| *d != date) {
            let fault = PolicyFault::ValidityDisagrees {
                written: date,
                derived,
            };
            self.problem(w.span(), key, fault);
        }
        Some(date)
    }

    fn date(&mut self, value: &Spanned<Datetime>, key: &str) -> Option<Date> {
        let dt = value.get_ref();
        let date = match (&dt.date, &dt.time) {
            (Some(d), None) => Date::new(u32::from(d.year), u32::from(d.month), u32::from(d.day)),
            _ => None,
        };
        match (date, &dt.date, &dt.time) {
            (None, Some(d), None) => {
                // The TOML reader has checked it is a real date: only the
                // year can be past the tool's.
                let written = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
                let fault = PolicyFault::DateOutOfRange { written };
                self.problem(value.span(), key, fault);
            }
            (None, ..) => self.problem(value.span(), key, PolicyFault::NotADate),
            _ => {}
        }
        date
    }

    fn rounding(&mut self, raw: &Spanned<RawRounding>) -> Rounding {
        let r = raw.get_ref();
        let mode = RoundingMode::from_name(r.mode.get_ref()).unwrap_or_else(|| {
            let written = r.mode.get_ref().clone();
            self.problem(
                r.mode.span(),
                "rounding.mode",
                PolicyFault::RoundingMode { written },
            );
            RoundingMode::HalfUp
        });
        let decimals = *r.decimals.get_ref();
        if !(0..=6).contains(&decimals) {
            self.problem(
                r.decimals.span(),
                "rounding.decimals",
                PolicyFault::RoundingDecimals,
            );
        }
        Rounding {
            mode,
            decimals: decimals.clamp(0, 6) as u32,
        }
    }
}

/// The last day of a term of `years` from `start`: the day before the same
/// date `years` later (a start on 29 February ends on the last day of
/// February).
fn end_of_term(start: Date, years: u32) -> Option<Date> {
    let ordinal = start.ordinal();
    let (year, month, day) = (ordinal / 10_000 + years, ordinal / 100 % 100, ordinal % 100);
    let anniversary = Date::new(year, month, day).or_else(|| Date::new(year, 3, 1))?;
    day_before(anniversary)
}

fn day_before(date: Date) -> Option<Date> {
    let ordinal = date.ordinal();
    let (year, month, day) = (ordinal / 10_000, ordinal / 100 % 100, ordinal % 100);
    if day > 1 {
        return Date::new(year, month, day - 1);
    }
    if month > 1 {
        return (28..=31).rev().find_map(|d| Date::new(year, month - 1, d));
    }
    Date::new(year.checked_sub(1)?, 12, 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap_or_else(|| panic!("{y}-{m}-{day}"))
    }

    #[test]
    fn a_term_ends_the_day_before_its_anniversary() {
        assert_eq!(end_of_term(d(2024, 1, 1), 3), Some(d(2026, 12, 31)));
        assert_eq!(end_of_term(d(2024, 3, 1), 3), Some(d(2027, 2, 28)));
        assert_eq!(end_of_term(d(2024, 2, 29), 3), Some(d(2027, 2, 28)));
        assert_eq!(end_of_term(d(2024, 7, 15), 1), Some(d(2025, 7, 14)));
    }
}
