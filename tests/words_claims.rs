//! Every fact of the claims and ledger family is said in both languages.
//!
//! Each enum is walked as a chain: `after` gives the sample that follows a
//! sample, with a `match` that has no wildcard, so a new variant does not
//! compile until it has its place in the chain (and so its sample).

use crate::common::both_said;
use std::collections::HashSet;
use std::mem::discriminant;

use subsidy::claims::checkchar::fault;
use subsidy::claims::{CheckWarning, ClaimsError, Column, IdKind, Problem, ProblemKind};
use subsidy::ledger::{LedgerColumn, LedgerError, LedgerProblem};
use subsidy::money::AmountError;
use subsidy::words::Lang;

/// Walks a chain of samples from `first`, checking that no sample comes
/// twice (a loop in the chain).
fn walk<T: std::fmt::Debug>(first: T, after: fn(&T) -> Option<T>) -> Vec<T> {
    let mut samples = vec![first];
    while let Some(next) = samples.last().and_then(after) {
        assert!(samples.len() < 100, "the chain loops at {next:?}");
        samples.push(next);
    }
    samples
}

fn problem_after(kind: &ProblemKind) -> Option<ProblemKind> {
    use ProblemKind::*;
    let written = || "x̄ 1".to_string();
    let item = || subsidy::words::Text {
        zh: "知识产权人才".to_string(),
        en: "ip_talent".to_string(),
    };
    Some(match kind {
        Missing => DuplicateClaimId { first_line: 2 },
        DuplicateClaimId { .. } => UnknownItem {
            written: written(),
            suggestions: Vec::new(),
        },
        UnknownItem { suggestions, .. } if suggestions.is_empty() => UnknownItem {
            written: written(),
            suggestions: vec!["ip_talent".into(), "ip_insurance".into()],
        },
        UnknownItem { .. } => UnknownType { written: written() },
        UnknownType { .. } => BadDate { written: written() },
        BadDate { .. } => BadNumber {
            written: written(),
            why: AmountError::NotANumber,
        },
        BadNumber { why, .. } => match why {
            AmountError::NotANumber => BadNumber {
                written: written(),
                why: AmountError::Negative,
            },
            AmountError::Negative => BadNumber {
                written: written(),
                why: AmountError::TooLarge,
            },
            AmountError::TooLarge => BadQuantity { written: written() },
        },
        BadQuantity { .. } => QuantityNotOne {
            item: item(),
            quantity: 3,
        },
        QuantityNotOne { .. } => AmountNeeded { item: item() },
        AmountNeeded { .. } => RefNeeded { item: item() },
        RefNeeded { .. } => BadYesNo { written: written() },
        BadYesNo { .. } => BadChoice {
            written: written(),
            allowed: vec!["发明".into(), "实用新型".into()],
        },
        BadChoice { .. } => ExtraCells { count: 2 },
        ExtraCells { .. } => EmptyRow,
        EmptyRow => MangledId {
            written: "4.41882E+17".into(),
        },
        MangledId { .. } => OneRefPerUnit {
            quantity: 3,
            refs: vec!["ZL1".into(), "ZL2".into()],
        },
        OneRefPerUnit { .. } => RefRepeated {
            reference: written(),
        },
        RefRepeated { .. } => OneRefOnly { item: item() },
        OneRefOnly { .. } => ControlCharacter {
            written: "甲\\u{1b}".into(),
            code: 0x1b,
        },
        ControlCharacter { .. } => return None,
    })
}

#[test]
fn every_problem_of_a_row_is_said_in_both_languages() {
    let samples = walk(ProblemKind::Missing, problem_after);
    let kinds: HashSet<_> = samples.iter().map(discriminant).collect();
    assert_eq!(kinds.len(), 19, "a variant is missing from the chain");
    for kind in samples {
        let zh = Problem::of_row(kind.clone());
        let en = Problem::at(Column::Amount, kind.clone());
        both_said(&zh.message(Lang::Zh), &zh.message(Lang::En), &kind);
        both_said(&en.describe(Lang::Zh), &en.describe(Lang::En), &kind);
        assert!(en.describe(Lang::Zh).starts_with("amount: "));
        for lang in [Lang::Zh, Lang::En] {
            let words = lang.words();
            // The location prefix is the same in both languages.
            let line = words.invalid_row_line("f.csv", 3, &en);
            assert_eq!(
                line,
                format!("f.csv:3: column amount: {}", en.message(lang))
            );
            let line = words.invalid_row_line("f.csv", 3, &zh);
            assert_eq!(line, format!("f.csv:3: {}", zh.message(lang)));
            assert_eq!(zh.describe(lang), zh.message(lang));
        }
    }
    crate::common::pin_words("words_claims__every_problem_of_a_row_is_said_in_both_languages");
}

/// A written id whose check character is wrong, of each kind in turn.
fn wrong_id_after(id: &&'static str) -> Option<&'static str> {
    let kind = fault(id).map(|f| f.kind)?;
    match kind {
        // 91441882MA5123456M with its last character mistyped.
        IdKind::CreditCode => Some("441882199001011234"),
        // 441882199001011230 with its last character mistyped.
        IdKind::IdNumber => None,
    }
}

#[test]
fn every_wrong_check_character_is_said_in_both_languages() {
    let samples = walk("91441882MA51234567", wrong_id_after);
    let kinds: HashSet<_> = (samples.iter().filter_map(|id| fault(id)))
        .map(|f| discriminant(&f.kind))
        .collect();
    assert_eq!(kinds.len(), 2, "a kind of id is missing from the chain");
    for id in samples {
        let Some(fault) = fault(id) else {
            panic!("{id} has no wrong check character");
        };
        let warning = CheckWarning {
            file: "f.csv",
            line: 3,
            column: Column::ApplicantId,
            id,
            fault,
        };
        let note = |lang: Lang| lang.words().check_char_note(&fault);
        let said = |lang: Lang| lang.words().check_char_warning(&warning);
        both_said(&note(Lang::Zh), &note(Lang::En), &fault);
        both_said(&said(Lang::Zh), &said(Lang::En), &fault);
        for lang in [Lang::Zh, Lang::En] {
            // Where, as every row's message says it; the note names the column.
            assert!(said(lang).starts_with("f.csv:3: column applicant_id: "));
            assert!(note(lang).starts_with("applicant_id: "));
            // The check character written and the one expected.
            let (written, expected) = (fault.written(), fault.expected());
            for text in [note(lang), said(lang)] {
                assert!(text.contains(&format!(" {written}")), "{text}");
                assert!(text.contains(&format!(" {expected}")), "{text}");
            }
            // An individual's ID number is masked; a credit code is public.
            match fault.kind {
                IdKind::CreditCode => assert!(said(lang).contains(id)),
                IdKind::IdNumber => {
                    assert!(!said(lang).contains(id));
                    assert!(said(lang).contains("441882********1234"));
                }
            }
        }
    }
    crate::common::pin_words("words_claims__every_wrong_check_character_is_said_in_both_languages");
}

fn claims_error_after(error: &ClaimsError) -> Option<ClaimsError> {
    let file = || "claims.csv".to_string();
    Some(match error {
        ClaimsError::Undecodable { .. } => ClaimsError::NoHeader { file: file() },
        ClaimsError::NoHeader { .. } => ClaimsError::MissingColumns {
            file: file(),
            line: 3,
            missing: Column::required().collect(),
            found: vec!["申请人代码".into(), "备注".into()],
            suggestions: vec![("申请人代码".into(), Column::ApplicantId)],
        },
        ClaimsError::MissingColumns { .. } => ClaimsError::RepeatedColumn {
            file: file(),
            line: 3,
            column: "item".into(),
        },
        ClaimsError::RepeatedColumn { .. } => ClaimsError::Csv {
            file: file(),
            line: 4,
            message: "unexpected end".into(),
        },
        ClaimsError::Csv { .. } => ClaimsError::ReaderStopped { file: file() },
        ClaimsError::ReaderStopped { .. } => ClaimsError::Zipped { file: file() },
        ClaimsError::Zipped { .. } => ClaimsError::Workbook {
            file: file(),
            message: "invalid zip".into(),
        },
        ClaimsError::Workbook { .. } => ClaimsError::NoSuchSheet {
            file: file(),
            sheet: "申报".into(),
            sheets: vec!["Sheet1".into()],
        },
        ClaimsError::NoSuchSheet { .. } => ClaimsError::BadCell {
            file: file(),
            cell: "申报!B17".into(),
            error: "#N/A".into(),
        },
        ClaimsError::BadCell { .. } => ClaimsError::LooksLikeColumns {
            file: file(),
            line: 3,
            headers: vec![("是否享受过其他扶持".into(), Column::OtherCitySupport)],
        },
        ClaimsError::LooksLikeColumns { .. } => ClaimsError::BadColumnChoice {
            at: "claims.csv:2".into(),
            written: "扶持".into(),
        },
        ClaimsError::BadColumnChoice { .. } => return None,
    })
}

#[test]
fn every_unreadable_claims_file_is_said_in_both_languages() {
    let first = ClaimsError::Undecodable {
        file: "claims.csv".into(),
        line: 7,
        charset: subsidy::decode::Charset::Gb18030,
    };
    let samples = walk(first, claims_error_after);
    let kinds: HashSet<_> = samples.iter().map(discriminant).collect();
    assert_eq!(kinds.len(), 12, "a variant is missing from the chain");
    for error in samples {
        let (zh, en) = (error.render(Lang::Zh), error.render(Lang::En));
        both_said(&zh, &en, &error);
        assert!(zh.starts_with("claims.csv:") && en.starts_with("claims.csv:"));
        assert_eq!(error.to_string(), en);
    }
    crate::common::pin_words(
        "words_claims__every_unreadable_claims_file_is_said_in_both_languages",
    );
}

fn ledger_problem_after(problem: &LedgerProblem) -> Option<LedgerProblem> {
    let written = || "abc".to_string();
    Some(match problem {
        LedgerProblem::NotAPayout { .. } => LedgerProblem::BadAmount { written: written() },
        LedgerProblem::BadAmount { .. } => LedgerProblem::BadStatus { written: written() },
        LedgerProblem::BadStatus { .. } => LedgerProblem::PaidWithStatus {
            written: "rejected".into(),
        },
        LedgerProblem::PaidWithStatus { .. } => LedgerProblem::UnknownItem { written: written() },
        LedgerProblem::UnknownItem { .. } => LedgerProblem::BadYear { written: written() },
        LedgerProblem::BadYear { .. } => LedgerProblem::BadDate { written: written() },
        LedgerProblem::BadDate { .. } => LedgerProblem::BadQuantity { written: written() },
        LedgerProblem::BadQuantity { .. } => LedgerProblem::MangledId {
            written: "4.41882E+17".into(),
        },
        LedgerProblem::MangledId { .. } => LedgerProblem::BadRefs { written: written() },
        LedgerProblem::BadRefs { .. } => LedgerProblem::RepeatedClaimId { first_line: 2 },
        LedgerProblem::RepeatedClaimId { .. } => LedgerProblem::PayableOverComputed {
            payable: "999999".into(),
            computed: "2000".into(),
        },
        LedgerProblem::PayableOverComputed { .. } => LedgerProblem::WrongClause {
            written: "（九）".into(),
            expected: "（一）".into(),
        },
        LedgerProblem::WrongClause { .. } => LedgerProblem::YearNotDate {
            written: "2023".into(),
            date_year: 2024,
        },
        LedgerProblem::YearNotDate { .. } => LedgerProblem::ControlCharacter {
            written: "E1\\u{1b}".into(),
            code: 0x1b,
        },
        LedgerProblem::ControlCharacter { .. } => LedgerProblem::Undecodable {
            charset: subsidy::decode::Charset::Utf16Le,
        },
        LedgerProblem::Undecodable { .. } => LedgerProblem::Csv {
            message: "CSV parse error".into(),
        },
        LedgerProblem::Csv { .. } => return None,
    })
}

#[test]
fn every_unreadable_ledger_is_said_in_both_languages() {
    let first = LedgerProblem::NotAPayout {
        missing: LedgerColumn::ALL.to_vec(),
    };
    let samples = walk(first, ledger_problem_after);
    let kinds: HashSet<_> = samples.iter().map(discriminant).collect();
    assert_eq!(kinds.len(), 17, "a variant is missing from the chain");
    for what in samples {
        for column in [None, Some(LedgerColumn::Payable)] {
            let error = LedgerError {
                file: "ledger.csv".into(),
                line: 2,
                column,
                what: what.clone(),
            };
            let (zh, en) = (error.render(Lang::Zh), error.render(Lang::En));
            both_said(&zh, &en, &error);
            assert_eq!(error.to_string(), en);
            for lang in [Lang::Zh, Lang::En] {
                let said = lang.words().ledger_problem(&what);
                assert!(!said.is_empty(), "{what:?}");
                assert!(error.render(lang).ends_with(&said));
            }
        }
    }
    crate::common::pin_words("words_claims__every_unreadable_ledger_is_said_in_both_languages");
}

#[test]
fn a_bad_ledger_cell_reads_as_before() {
    let error = LedgerError {
        file: "ledger.csv".into(),
        line: 2,
        column: Some(LedgerColumn::Payable),
        what: LedgerProblem::BadAmount {
            written: "abc".into(),
        },
    };
    assert_eq!(
        error.render(Lang::En),
        "ledger.csv:2: ledger: column payable: `abc` is not an amount"
    );
    assert_eq!(
        error.render(Lang::Zh),
        "ledger.csv:2: 往期拨付表（--ledger）: 列 payable: “abc”不是金额"
    );
}
