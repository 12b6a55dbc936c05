//! Every mistake the policy loader can report is said in both languages,
//! differently. The list of samples is checked by an exhaustive `match`:
//! a new `PolicyFault` variant does not compile here until it has a sample.

use rust_decimal::Decimal;
use subsidy::date::Date;
use subsidy::policy::{FigureName, KindName, PolicyFault, RuleFault, ShapeFault, TomlType};
use subsidy::words::Lang;

fn samples() -> Vec<PolicyFault> {
    let date = |y, m, d| Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"));
    let written = || "x".to_string();
    vec![
        PolicyFault::Syntax {
            message: "expected `=`".to_string(),
        },
        PolicyFault::Status { written: written() },
        PolicyFault::EmptyPolicyId,
        PolicyFault::EndsBeforeStart {
            from: date(2024, 1, 1),
            until: date(2023, 1, 1),
        },
        PolicyFault::NotADate,
        PolicyFault::ValidityMissing,
        PolicyFault::ValidityDisagrees {
            written: date(2027, 12, 31),
            derived: date(2026, 12, 31),
        },
        PolicyFault::TermIncomplete,
        PolicyFault::TermYears { written: 0 },
        PolicyFault::RoundingMode { written: written() },
        PolicyFault::RoundingDecimals,
        PolicyFault::TooManyTypes { max: 32 },
        PolicyFault::TooManyTags { max: 64 },
        PolicyFault::TooManyFacts { max: 8 },
        PolicyFault::TooManyItems,
        PolicyFault::BadId { id: written() },
        PolicyFault::UnknownApplicant { name: written() },
        PolicyFault::NoApplicants,
        PolicyFault::NotANumber { written: written() },
        PolicyFault::Negative {
            written: "-5".to_string(),
        },
        PolicyFault::TooLarge {
            written: "1e13".to_string(),
        },
        PolicyFault::ClauseNumber { number: 300 },
        PolicyFault::EmptyItemId,
        PolicyFault::DuplicateItem {
            id: written(),
            first_line: 12,
        },
        PolicyFault::UnknownKind { written: written() },
        PolicyFault::FigureNotUsed {
            kind: KindName::Fixed,
            figure: FigureName::Rate,
        },
        PolicyFault::FigureMissing {
            kind: KindName::Percent,
            figure: FigureName::Rate,
        },
        PolicyFault::RateAbove100,
        PolicyFault::ManualWithoutReason,
        PolicyFault::ReasonWithoutManual,
        PolicyFault::PerUnitNotFixed,
        PolicyFault::UnitNotPerUnit,
        PolicyFault::IntakeEnglish { zh: 2, en: 1 },
        PolicyFault::UnknownTag { tag: written() },
        PolicyFault::UndeclaredFact { fact: written() },
        PolicyFault::MinQuantity,
        PolicyFault::UniqueRule { written: written() },
        PolicyFault::QuantityCap,
        PolicyFault::CapBelowAward {
            cap: Decimal::from(500),
            item: written(),
            single: Decimal::from(2000),
        },
        PolicyFault::QuotaPerYear,
        PolicyFault::QuotaOverflow { target: written() },
        PolicyFault::AliasTaken {
            alias: written(),
            other: "pledge_interest".to_string(),
        },
        PolicyFault::Rule(RuleFault::UnknownExcept { written: written() }),
        PolicyFault::Rule(RuleFault::MaxPerClaim {
            kind: KindName::Manual,
        }),
        PolicyFault::Rule(RuleFault::EmptyRange),
        PolicyFault::Rule(RuleFault::TierGap { band: 2 }),
        PolicyFault::Rule(RuleFault::TierOverlap { band: 2 }),
        PolicyFault::Rule(RuleFault::TierOn { written: written() }),
        PolicyFault::Rule(RuleFault::ByTypeMissing {
            applicant_type: written(),
        }),
        PolicyFault::Rule(RuleFault::FigureByKind),
        PolicyFault::Rule(RuleFault::MaxPerRef),
        PolicyFault::Rule(RuleFault::GroupItem { written: written() }),
        PolicyFault::Rule(RuleFault::ClauseStyle { written: written() }),
        PolicyFault::Rule(RuleFault::UnknownKey {
            written: written(),
            nearest: Some("y".to_string()),
        }),
        PolicyFault::Rule(RuleFault::MeasureCapMissing {
            applicant_type: written(),
        }),
        PolicyFault::Rule(RuleFault::UnknownType {
            written: written(),
            nearest: Some("individual".to_string()),
        }),
        PolicyFault::Rule(RuleFault::FactKind { written: written() }),
        PolicyFault::Rule(RuleFault::FactValues),
        PolicyFault::Rule(RuleFault::FactValue { written: written() }),
        PolicyFault::Rule(RuleFault::FactKindMismatch {
            fact: "grant_date".into(),
            kind: "date",
        }),
        PolicyFault::Rule(RuleFault::Window),
        PolicyFault::Rule(RuleFault::BasePeriod),
        PolicyFault::Rule(RuleFault::Requires { written: written() }),
        PolicyFault::Rule(RuleFault::RefLimit { written: written() }),
        PolicyFault::Shape(ShapeFault::MissingKey { key: written() }),
        PolicyFault::Shape(ShapeFault::WrongType {
            found: TomlType::Integer,
            expected: TomlType::String,
        }),
        PolicyFault::Shape(ShapeFault::Other {
            message: "expected `=`".to_string(),
        }),
        PolicyFault::QuotaCycle {
            items: vec!["a".to_string(), "b".to_string(), "a".to_string()],
        },
        PolicyFault::DateOutOfRange {
            written: "9999-12-31".to_string(),
        },
        PolicyFault::NotUtf8 { offset: 120 },
    ]
}

/// The place of each variant in `samples()`. Adding a variant breaks this
/// match until the variant has a place, and then the test below fails until
/// it has a sample.
fn place(fault: &PolicyFault) -> usize {
    match fault {
        PolicyFault::Syntax { .. } => 0,
        PolicyFault::Status { .. } => 1,
        PolicyFault::EmptyPolicyId => 2,
        PolicyFault::EndsBeforeStart { .. } => 3,
        PolicyFault::NotADate => 4,
        PolicyFault::ValidityMissing => 5,
        PolicyFault::ValidityDisagrees { .. } => 6,
        PolicyFault::TermIncomplete => 7,
        PolicyFault::TermYears { .. } => 8,
        PolicyFault::RoundingMode { .. } => 9,
        PolicyFault::RoundingDecimals => 10,
        PolicyFault::TooManyTypes { .. } => 11,
        PolicyFault::TooManyTags { .. } => 12,
        PolicyFault::TooManyFacts { .. } => 13,
        PolicyFault::TooManyItems => 14,
        PolicyFault::BadId { .. } => 15,
        PolicyFault::UnknownApplicant { .. } => 16,
        PolicyFault::NoApplicants => 17,
        PolicyFault::NotANumber { .. } => 18,
        PolicyFault::Negative { .. } => 19,
        PolicyFault::TooLarge { .. } => 20,
        PolicyFault::ClauseNumber { .. } => 21,
        PolicyFault::EmptyItemId => 22,
        PolicyFault::DuplicateItem { .. } => 23,
        PolicyFault::UnknownKind { .. } => 24,
        PolicyFault::FigureNotUsed { .. } => 25,
        PolicyFault::FigureMissing { .. } => 26,
        PolicyFault::RateAbove100 => 27,
        PolicyFault::ManualWithoutReason => 28,
        PolicyFault::ReasonWithoutManual => 29,
        PolicyFault::PerUnitNotFixed => 30,
        PolicyFault::UnitNotPerUnit => 31,
        PolicyFault::IntakeEnglish { .. } => 32,
        PolicyFault::UnknownTag { .. } => 33,
        PolicyFault::UndeclaredFact { .. } => 34,
        PolicyFault::MinQuantity => 35,
        PolicyFault::UniqueRule { .. } => 36,
        PolicyFault::QuantityCap => 37,
        PolicyFault::CapBelowAward { .. } => 38,
        PolicyFault::QuotaPerYear => 39,
        PolicyFault::QuotaOverflow { .. } => 40,
        PolicyFault::AliasTaken { .. } => 41,
        PolicyFault::Rule(rule) => 42 + rule_place(rule),
        PolicyFault::Shape(shape) => 64 + shape_place(shape),
        PolicyFault::QuotaCycle { .. } => 67,
        PolicyFault::DateOutOfRange { .. } => 68,
        PolicyFault::NotUtf8 { .. } => 69,
    }
}

fn shape_place(fault: &ShapeFault) -> usize {
    match fault {
        ShapeFault::MissingKey { .. } => 0,
        ShapeFault::WrongType { .. } => 1,
        ShapeFault::Other { .. } => 2,
    }
}

fn rule_place(fault: &RuleFault) -> usize {
    match fault {
        RuleFault::UnknownExcept { .. } => 0,
        RuleFault::MaxPerClaim { .. } => 1,
        RuleFault::EmptyRange => 2,
        RuleFault::TierGap { .. } => 3,
        RuleFault::TierOverlap { .. } => 4,
        RuleFault::TierOn { .. } => 5,
        RuleFault::ByTypeMissing { .. } => 6,
        RuleFault::FigureByKind => 7,
        RuleFault::MaxPerRef => 8,
        RuleFault::GroupItem { .. } => 9,
        RuleFault::ClauseStyle { .. } => 10,
        RuleFault::UnknownKey { .. } => 11,
        RuleFault::MeasureCapMissing { .. } => 12,
        RuleFault::UnknownType { .. } => 13,
        RuleFault::FactKind { .. } => 14,
        RuleFault::FactValues => 15,
        RuleFault::FactValue { .. } => 16,
        RuleFault::FactKindMismatch { .. } => 17,
        RuleFault::Window => 18,
        RuleFault::BasePeriod => 19,
        RuleFault::Requires { .. } => 20,
        RuleFault::RefLimit { .. } => 21,
    }
}

const VARIANTS: usize = 70;

#[test]
fn there_is_one_sample_of_every_fault_in_order() {
    let samples = samples();
    assert_eq!(samples.len(), VARIANTS, "one sample per variant");
    for (i, fault) in samples.iter().enumerate() {
        assert_eq!(place(fault), i, "sample {i} is {fault:?}");
    }
}

#[test]
fn every_fault_is_said_in_both_languages_differently() {
    for fault in samples() {
        let zh = Lang::Zh.words().policy_fault(&fault);
        let en = Lang::En.words().policy_fault(&fault);
        assert!(!zh.trim().is_empty(), "no Chinese for {fault:?}");
        assert!(!en.trim().is_empty(), "no English for {fault:?}");
        assert_ne!(zh, en, "the same in both languages: {fault:?}");
    }
}

#[test]
fn every_kind_is_named_in_the_unknown_kind_sentence() {
    let fault = PolicyFault::UnknownKind {
        written: "weird".to_string(),
    };
    for lang in [Lang::Zh, Lang::En] {
        let said = lang.words().policy_fault(&fault);
        for kind in KindName::ALL {
            assert!(said.contains(kind.name()), "{said} lacks {}", kind.name());
        }
    }
}

#[test]
fn every_toml_type_is_named_in_both_languages_differently() {
    let types = [
        TomlType::String,
        TomlType::Integer,
        TomlType::Float,
        TomlType::Boolean,
        TomlType::Datetime,
        TomlType::Array,
        TomlType::Table,
        TomlType::Figure,
    ];
    for t in types {
        match t {
            TomlType::String
            | TomlType::Integer
            | TomlType::Float
            | TomlType::Boolean
            | TomlType::Datetime
            | TomlType::Array
            | TomlType::Table
            | TomlType::Figure => {}
        }
    }
    let mut said = std::collections::HashSet::new();
    for found in types {
        let fault = PolicyFault::Shape(ShapeFault::WrongType {
            found,
            expected: TomlType::Table,
        });
        let zh = Lang::Zh.words().policy_fault(&fault);
        let en = Lang::En.words().policy_fault(&fault);
        assert_ne!(zh, en, "{found:?}");
        said.insert(zh);
        said.insert(en);
    }
    assert_eq!(said.len(), 2 * types.len(), "each type its own words");
}
