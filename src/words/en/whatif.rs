//! What-if runs in English.

use super::English;
use crate::money::grouped;
use crate::whatif::review::RejectionKind;
use crate::whatif::WhatIfTopic;
use crate::whatif::{
    factor_shown, overrides_list, FigureKind, WhatIfError, WhatIfFact, WhatIfLabel,
};
use crate::words::WhatIfWords;

const SEP: &str = "; ";

impl WhatIfWords for English {
    fn rejection_kind(&self, kind: RejectionKind) -> &'static str {
        match kind {
            RejectionKind::OutsideValidity => "outside the policy's validity",
            RejectionKind::OtherCitySupport => "other support of the same level",
            RejectionKind::ApplicantType => "applicant type not allowed",
            RejectionKind::MissingTag => "a required tag missing",
            RejectionKind::FactBelow => "a required fact below its minimum",
            RejectionKind::QuantityBelow => "quantity below the threshold",
            RejectionKind::OutOfRange => "outside the range allowed",
            RejectionKind::QuotaFull => "no place left under the quota",
            RejectionKind::ClaimInLedger => "claim_id already in a ledger",
            RejectionKind::RefPaid => "the same reference already paid",
            RejectionKind::RefsPaid => "every reference already paid",
            RejectionKind::ApplicantRefPaid => "the same reference already paid to the applicant",
            RejectionKind::ApplicantPaid => "once per applicant",
            RejectionKind::ItemYearPaid => "once per applicant a year",
            RejectionKind::ClauseYearPaid => "one award of the clause per applicant a year",
            RejectionKind::OutsideWindow => "not within the window after a date",
            RejectionKind::FactNotAllowed => "a fact not one of the values allowed",
            RejectionKind::HigherAwardPaid => "a higher award already paid",
            RejectionKind::EarlierAwardMissing => "the earlier award required not recorded",
            RejectionKind::Candidacy => "one candidacy per applicant a year",
        }
    }

    fn rejection_group(&self, item: &str, rule: &str) -> String {
        format!("{item}: {rule}")
    }

    fn rejection_marks(&self) -> &'static [(RejectionKind, &'static str)] {
        &[
            (RejectionKind::OutsideWindow, ", not within "),
            (
                RejectionKind::OutsideWindow,
                "the claim must be dated within",
            ),
            (RejectionKind::FactNotAllowed, "\"; it must be "),
            (RejectionKind::FactNotAllowed, " not given (it must be "),
            (RejectionKind::HigherAwardPaid, "not less than this award"),
            (RejectionKind::EarlierAwardMissing, "paid only after item"),
            (
                RejectionKind::Candidacy,
                "takes one candidacy per applicant a year",
            ),
            (
                RejectionKind::ClaimInLedger,
                "this claim_id is already in a ledger",
            ),
            (
                RejectionKind::RefsPaid,
                "duplicate: every reference was already paid",
            ),
            (
                RejectionKind::ApplicantRefPaid,
                "duplicate: already paid to this applicant for the same ref",
            ),
            (
                RejectionKind::RefPaid,
                "duplicate: the same item and ref was already paid",
            ),
            (
                RejectionKind::ItemYearPaid,
                "paid once per applicant per year, and already paid",
            ),
            (
                RejectionKind::ApplicantPaid,
                "paid once per applicant, and already paid",
            ),
            (
                RejectionKind::ClauseYearPaid,
                "gives one award per applicant per year",
            ),
            (RejectionKind::QuotaFull, "no place left, not paid"),
            (
                RejectionKind::OutsideValidity,
                "outside the policy's validity",
            ),
            (
                RejectionKind::OtherCitySupport,
                "the project already has support under another ",
            ),
            (
                RejectionKind::ApplicantType,
                "may not claim this item (only ",
            ),
            (RejectionKind::MissingTag, "needs one of the tags: "),
            (RejectionKind::QuantityBelow, "is below the threshold of "),
            (RejectionKind::FactBelow, ", below the required "),
            (RejectionKind::FactBelow, " required)"),
            (RejectionKind::OutOfRange, "; it must be "),
            (RejectionKind::OutOfRange, "(it must be "),
        ]
    }

    fn whatif_label(&self, label: WhatIfLabel) -> &'static str {
        match label {
            WhatIfLabel::Base => "baseline",
            WhatIfLabel::Alt => "alternative",
            WhatIfLabel::Difference => "difference",
            WhatIfLabel::Total => "total",
            WhatIfLabel::Clause => "clause",
            WhatIfLabel::Title => "title",
            WhatIfLabel::ApplicantId => "applicant id",
            WhatIfLabel::ApplicantName => "applicant name",
            WhatIfLabel::ClaimId => "claim id",
            WhatIfLabel::Key => "figure",
            WhatIfLabel::CostByClause => "Payable by clause",
            WhatIfLabel::TopApplicants => "Applicants whose payout changes most (top 20)",
            WhatIfLabel::StatusChanges => "Claims whose status changes",
            WhatIfLabel::PolicyDiff => "Figures that differ between the two policy files",
            WhatIfLabel::Rows => "rows",
            WhatIfLabel::Computed => "computed",
            WhatIfLabel::Payable => "payable",
            WhatIfLabel::Cut => "cut",
            WhatIfLabel::ByClause => "By clause",
            WhatIfLabel::ByApplicantType => "By applicant type",
            WhatIfLabel::ByMonth => "By month",
            WhatIfLabel::ByBatch => "By batch",
            WhatIfLabel::RejectedByReason => {
                "Rejected claims, counted by the rule that rejected them"
            }
            WhatIfLabel::Reason => "reason",
            WhatIfLabel::Batch => "batch",
            WhatIfLabel::Month => "month",
            WhatIfLabel::ApplicantType => "applicant type",
            WhatIfLabel::Unscaled => "unscaled",
            WhatIfLabel::Factor => "factor",
            WhatIfLabel::Absent => "(none)",
            WhatIfLabel::Refiled => "filed again, not counted twice",
            WhatIfLabel::SummarySheet => "Summary",
            WhatIfLabel::ApplicantsSheet => "Applicants",
            WhatIfLabel::FiguresSheet => "Figures that differ",
            WhatIfLabel::RejectedSheet => "Rejections by reason",
            WhatIfLabel::PolicyFile => "policy file",
            WhatIfLabel::SetForRun => "changed for this run",
            WhatIfLabel::Fund => "fund",
            WhatIfLabel::Left => "left",
            WhatIfLabel::ShareUsed => "share used",
            WhatIfLabel::BaseAgainstAlt => "Payable by clause: baseline and alternative",
            WhatIfLabel::PayableByMonth => "Payable by month",
            WhatIfLabel::Yuan => "amount (yuan)",
        }
    }

    fn whatif_fact(&self, fact: &WhatIfFact) -> String {
        match fact {
            WhatIfFact::Overrides { overrides } => {
                let list = overrides_list(overrides, SEP);
                format!(
                    "this run changed figures of the policy (the file is unchanged): {}",
                    list
                )
            }
            WhatIfFact::WithinFund { payable, fund } => format!(
                "fund ¥{}: the total payable ¥{} is within it; nothing is scaled.",
                grouped(*fund),
                grouped(*payable)
            ),
            WhatIfFact::Scaled {
                fund,
                unscaled,
                priority,
                factor,
            } => {
                let first = if priority.is_zero() {
                    String::new()
                } else {
                    format!(
                        "priority clauses paid in full ¥{}; the rest, ",
                        grouped(*priority)
                    )
                };
                format!(
                    "fund ¥{}: {first}¥{} unscaled, scaled by {} so that the total is exactly the fund.",
                    grouped(*fund),
                    grouped(*unscaled),
                    factor_shown(*factor)
                )
            }
            WhatIfFact::ScaledReason {
                fund,
                factor,
                unscaled,
            } => format!(
                "fund {} too small: scaled by {} (unscaled {})",
                crate::money::plain(*fund),
                factor_shown(*factor),
                crate::money::plain(*unscaled)
            ),
            WhatIfFact::FundUsed { payable, fund } => fund_used(*payable, *fund),
            WhatIfFact::Sides {
                base,
                base_overrides,
                alt,
                alt_overrides,
            } => {
                let side = |name: &str, o: &[crate::whatif::Override]| {
                    if o.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name} (changed for this run: {})", overrides_list(o, SEP))
                    }
                };
                format!(
                    "baseline: {}\nalternative: {}",
                    side(base, base_overrides),
                    side(alt, alt_overrides)
                )
            }
            WhatIfFact::NoDifference => "The two files agree on every figure.".into(),
            WhatIfFact::NoStatusChange => "No claim changes its status.".into(),
            WhatIfFact::NoPayoutChange => "No applicant's payout changes.".into(),
        }
    }

    fn whatif_examples(&self, topic: WhatIfTopic) -> &'static str {
        match topic {
            WhatIfTopic::Compare => {
                "Examples:
  subsidy compare samples/claims-2024.csv --alt-set clause.1.annual_cap=80000
  subsidy compare claims.csv --base policy/lianzhou-2024.toml --alt draft-2.toml --ledger payout-2024.csv
  subsidy compare claims.csv --alt draft-2.toml --out cost.csv
  subsidy compare claims.csv --alt draft-2.toml --out cost.xlsx"
            }
            WhatIfTopic::Report => {
                "Examples:
  subsidy report samples/ledger-2024.csv payout-2024.csv
  subsidy report payout-*.csv --budget 2000000
  subsidy report payout-*.csv --format csv --out review-2024.csv
  subsidy report payout-*.csv --budget 2000000 --out review-2024.xlsx"
            }
            WhatIfTopic::PolicyDiff => {
                "Examples:
  subsidy policy diff policy/lianzhou-2024.toml draft-2.toml"
            }
        }
    }

    fn whatif_error(&self, error: &WhatIfError) -> String {
        match error {
            WhatIfError::SetWithoutValue { written } => {
                format!("--set {written}: write KEY=VALUE, e.g. clause.1.annual_cap=80000")
            }
            WhatIfError::UnknownKey { key, near } => format!(
                "--set: the policy file has no figure `{key}`; the nearest are: {}",
                near.join(", ")
            ),
            WhatIfError::WrongValue { key, value, kind } => format!(
                "--set {key}: `{value}` is not {}",
                match kind {
                    FigureKind::Money => "an amount (e.g. 80000)",
                    FigureKind::Rate => "a rate (e.g. 5% or 0.05)",
                    FigureKind::Count => "a whole number (e.g. 100)",
                    FigureKind::Day => "a date (e.g. 2026-12-31)",
                }
            ),
            WhatIfError::BadBudget { written } => {
                format!("--budget: `{written}` is not an amount (e.g. 1500000)")
            }
            WhatIfError::UnknownClause { written } => {
                format!("--budget-priority: the policy has no clause `{written}`")
            }
            WhatIfError::PriorityOverFund { priority, fund } => format!(
                "--budget-priority: the priority clauses alone need ¥{}, more than the fund ¥{}",
                grouped(*priority),
                grouped(*fund)
            ),
            WhatIfError::LedgerColumns {
                file,
                sheet: None,
                missing,
            } => format!(
                "{file}: not a payout file of this tool; columns missing: {}",
                missing.join(", ")
            ),
            WhatIfError::LedgerColumns {
                file,
                sheet: Some(sheet),
                missing,
            } => format!(
                "{file}: sheet {sheet} is not a payout of this tool (columns missing: {}); \
                 the payout workbook's claims are on sheet {}",
                missing.join(", "),
                crate::report::BookSheet::Claims.name()
            ),
            WhatIfError::LedgerCell {
                file,
                line,
                cell: None,
                column,
                written,
            } => format!("{file}:{line}: column {column}: `{written}` cannot be read"),
            WhatIfError::LedgerCell {
                file,
                cell: Some(cell),
                column,
                written,
                ..
            } => format!("{file}: cell {cell} (column {column}): `{written}` is not an amount"),
        }
    }
}

/// The fund, what was paid and what is left (or how far over).
fn fund_used(payable: rust_decimal::Decimal, fund: rust_decimal::Decimal) -> String {
    let left = fund - payable;
    if left.is_sign_negative() {
        format!(
            "fund ¥{}: paid ¥{}, over by ¥{}",
            grouped(fund),
            grouped(payable),
            grouped(-left)
        )
    } else {
        format!(
            "fund ¥{}: paid ¥{}, ¥{} left",
            grouped(fund),
            grouped(payable),
            grouped(left)
        )
    }
}
