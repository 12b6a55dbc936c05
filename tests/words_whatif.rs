//! Every what-if label, fact and error is said in both languages,
//! differently. The samples are checked by exhaustive `match`es: a new
//! variant does not compile here until it has a sample.

use rust_decimal::Decimal;
use subsidy::whatif::{FigureKind, Override, WhatIfError, WhatIfFact, WhatIfLabel, WhatIfTopic};
use subsidy::words::Lang;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn fact_samples(overrides: &[Override]) -> Vec<WhatIfFact<'_>> {
    let all = vec![
        WhatIfFact::Overrides { overrides },
        WhatIfFact::WithinFund {
            payable: d(90),
            fund: d(100),
        },
        WhatIfFact::Scaled {
            fund: d(100),
            unscaled: d(150),
            priority: d(10),
            factor: Decimal::new(6, 1),
        },
        WhatIfFact::ScaledReason {
            fund: d(100),
            factor: Decimal::new(6, 1),
            unscaled: d(50),
        },
        WhatIfFact::FundUsed {
            payable: d(90),
            fund: d(100),
        },
        WhatIfFact::FundUsed {
            payable: d(110),
            fund: d(100),
        },
        WhatIfFact::Sides {
            base: "a.toml",
            base_overrides: &[],
            alt: "b.toml",
            alt_overrides: overrides,
        },
        WhatIfFact::NoDifference,
        WhatIfFact::NoStatusChange,
        WhatIfFact::NoPayoutChange,
    ];
    for f in &all {
        match f {
            WhatIfFact::Overrides { .. }
            | WhatIfFact::WithinFund { .. }
            | WhatIfFact::Scaled { .. }
            | WhatIfFact::ScaledReason { .. }
            | WhatIfFact::FundUsed { .. }
            | WhatIfFact::Sides { .. }
            | WhatIfFact::NoDifference
            | WhatIfFact::NoStatusChange
            | WhatIfFact::NoPayoutChange => {}
        }
    }
    all
}

fn error_samples() -> Vec<WhatIfError> {
    let all = vec![
        WhatIfError::SetWithoutValue {
            written: "x".into(),
        },
        WhatIfError::UnknownKey {
            key: "clause.1.cap".into(),
            near: vec!["clause.1.annual_cap".into()],
        },
        WhatIfError::WrongValue {
            key: "k".into(),
            value: "v".into(),
            kind: FigureKind::Money,
        },
        WhatIfError::WrongValue {
            key: "k".into(),
            value: "v".into(),
            kind: FigureKind::Rate,
        },
        WhatIfError::WrongValue {
            key: "k".into(),
            value: "v".into(),
            kind: FigureKind::Count,
        },
        WhatIfError::WrongValue {
            key: "k".into(),
            value: "v".into(),
            kind: FigureKind::Day,
        },
        WhatIfError::BadBudget {
            written: "x".into(),
        },
        WhatIfError::UnknownClause {
            written: "99".into(),
        },
        WhatIfError::PriorityOverFund {
            priority: d(200),
            fund: d(100),
        },
        WhatIfError::LedgerColumns {
            file: "f.csv".into(),
            sheet: None,
            missing: vec!["payable".into()],
        },
        WhatIfError::LedgerColumns {
            file: "f.xlsx".into(),
            sheet: Some("汇总".into()),
            missing: vec!["payable".into()],
        },
        WhatIfError::LedgerCell {
            file: "f.csv".into(),
            line: 3,
            cell: None,
            column: "payable".into(),
            written: "x".into(),
        },
        WhatIfError::LedgerCell {
            file: "f.xlsx".into(),
            line: 3,
            cell: Some("明细!M3".into()),
            column: "payable".into(),
            written: "x".into(),
        },
    ];
    for e in &all {
        match e {
            WhatIfError::SetWithoutValue { .. }
            | WhatIfError::UnknownKey { .. }
            | WhatIfError::WrongValue { .. }
            | WhatIfError::BadBudget { .. }
            | WhatIfError::UnknownClause { .. }
            | WhatIfError::PriorityOverFund { .. }
            | WhatIfError::LedgerColumns { .. }
            | WhatIfError::LedgerCell { .. } => {}
        }
    }
    all
}

fn differ(what: &str, zh: &str, en: &str) {
    assert!(!zh.trim().is_empty(), "no Chinese for {what}");
    assert!(!en.trim().is_empty(), "no English for {what}");
    assert_ne!(zh, en, "the same in both languages: {what}");
}

#[test]
fn every_label_is_said_in_both_languages() {
    for label in WhatIfLabel::ALL {
        let zh = Lang::Zh.words().whatif_label(label);
        let en = Lang::En.words().whatif_label(label);
        differ(&format!("{label:?}"), zh, en);
    }
}

/// Every label is in `WhatIfLabel::ALL`, once: the chain has no wildcard,
/// so a new variant does not compile here until it is walked and counted.
#[test]
fn every_label_is_walked_once() {
    let mut seen = std::collections::HashSet::new();
    for label in WhatIfLabel::ALL {
        match label {
            WhatIfLabel::Base
            | WhatIfLabel::Alt
            | WhatIfLabel::Difference
            | WhatIfLabel::Total
            | WhatIfLabel::Clause
            | WhatIfLabel::Title
            | WhatIfLabel::ApplicantId
            | WhatIfLabel::ApplicantName
            | WhatIfLabel::ClaimId
            | WhatIfLabel::Key
            | WhatIfLabel::CostByClause
            | WhatIfLabel::TopApplicants
            | WhatIfLabel::StatusChanges
            | WhatIfLabel::PolicyDiff
            | WhatIfLabel::Rows
            | WhatIfLabel::Computed
            | WhatIfLabel::Payable
            | WhatIfLabel::Cut
            | WhatIfLabel::ByClause
            | WhatIfLabel::ByApplicantType
            | WhatIfLabel::ByMonth
            | WhatIfLabel::ByBatch
            | WhatIfLabel::RejectedByReason
            | WhatIfLabel::Reason
            | WhatIfLabel::Batch
            | WhatIfLabel::Month
            | WhatIfLabel::ApplicantType
            | WhatIfLabel::Unscaled
            | WhatIfLabel::Factor
            | WhatIfLabel::Absent
            | WhatIfLabel::SummarySheet
            | WhatIfLabel::ApplicantsSheet
            | WhatIfLabel::FiguresSheet
            | WhatIfLabel::RejectedSheet
            | WhatIfLabel::PolicyFile
            | WhatIfLabel::SetForRun
            | WhatIfLabel::Fund
            | WhatIfLabel::Left
            | WhatIfLabel::ShareUsed
            | WhatIfLabel::BaseAgainstAlt
            | WhatIfLabel::PayableByMonth
            | WhatIfLabel::Yuan
            | WhatIfLabel::Refiled => {}
        }
        seen.insert(format!("{label:?}"));
    }
    assert_eq!(seen.len(), 43);
}

#[test]
fn every_fact_is_said_in_both_languages() {
    let overrides = [Override {
        key: "clause.1.annual_cap".into(),
        was: "50000".into(),
        now: "80000".into(),
    }];
    for fact in fact_samples(&overrides) {
        let zh = Lang::Zh.words().whatif_fact(&fact);
        let en = Lang::En.words().whatif_fact(&fact);
        differ(&format!("{fact:?}"), &zh, &en);
    }
}

#[test]
fn every_error_is_said_in_both_languages() {
    for e in error_samples() {
        let zh = Lang::Zh.words().whatif_error(&e);
        let en = Lang::En.words().whatif_error(&e);
        differ(&format!("{e:?}"), &zh, &en);
    }
}

#[test]
fn every_example_is_given_in_both_languages() {
    for (topic, _) in WhatIfTopic::COMMANDS {
        match topic {
            WhatIfTopic::Compare | WhatIfTopic::Report | WhatIfTopic::PolicyDiff => {}
        }
        let zh = Lang::Zh.words().whatif_examples(topic);
        let en = Lang::En.words().whatif_examples(topic);
        differ(&format!("{topic:?}"), zh, en);
    }
}
