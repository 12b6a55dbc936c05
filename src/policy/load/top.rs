//! The top level of the file: id, status, validity, rounding, and the
//! sections in the order they are checked.

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
        let (applicant_groups, groups) = self.applicant_groups(&raw.applicant_groups, &lookup);
        let names = Names {
            lookup: &lookup,
            groups: &groups,
            facts: &facts,
        };
        let (clauses, items) = self.clauses(&raw.clauses, &names);
        let items = self.items(items, &mut lookup);
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
            applicant_types,
            applicant_groups,
            tags,
            facts,
            clauses,
            items,
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

    fn validity(&mut self, raw: &RawPolicy) -> (Option<Date>, Option<Date>) {
        let valid_from = self.date(&raw.valid_from, "valid_from");
        let valid_until = self.date(&raw.valid_until, "valid_until");
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if from > until {
                self.problem(
                    raw.valid_until.span(),
                    "valid_until",
                    PolicyFault::EndsBeforeStart { from, until },
                );
            }
        }
        (valid_from, valid_until)
    }

    fn date(&mut self, value: &Spanned<toml::value::Datetime>, key: &str) -> Option<Date> {
        let dt = value.get_ref();
        let date = match (&dt.date, &dt.time) {
            (Some(d), None) => Date::new(u32::from(d.year), u32::from(d.month), u32::from(d.day)),
            _ => None,
        };
        if date.is_none() {
            self.problem(value.span(), key, PolicyFault::NotADate);
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
