//! Every word of the office's book — labels, facts, errors — is said in
//! both languages, differently. The samples are checked by exhaustive
//! `match`es: a new variant does not compile here until it has a sample.

use rust_decimal::Decimal;
use subsidy::book::BookError;
use subsidy::words::{Lang, OfficeFact, OfficeLabel};

const LABELS: [OfficeLabel; 19] = [
    OfficeLabel::Batch,
    OfficeLabel::Kind,
    OfficeLabel::At,
    OfficeLabel::By,
    OfficeLabel::Rows,
    OfficeLabel::Paid,
    OfficeLabel::Policy,
    OfficeLabel::Claims,
    OfficeLabel::Reason,
    OfficeLabel::Hash,
    OfficeLabel::KindBatch,
    OfficeLabel::KindImport,
    OfficeLabel::KindVoid,
    OfficeLabel::Withdrawn,
    OfficeLabel::PublicList,
    OfficeLabel::Applicant,
    OfficeLabel::ApplicantId,
    OfficeLabel::Item,
    OfficeLabel::Amount,
];

/// The place of a label in `LABELS`: a new variant breaks this match.
fn label_place(label: OfficeLabel) -> usize {
    match label {
        OfficeLabel::Batch => 0,
        OfficeLabel::Kind => 1,
        OfficeLabel::At => 2,
        OfficeLabel::By => 3,
        OfficeLabel::Rows => 4,
        OfficeLabel::Paid => 5,
        OfficeLabel::Policy => 6,
        OfficeLabel::Claims => 7,
        OfficeLabel::Reason => 8,
        OfficeLabel::Hash => 9,
        OfficeLabel::KindBatch => 10,
        OfficeLabel::KindImport => 11,
        OfficeLabel::KindVoid => 12,
        OfficeLabel::Withdrawn => 13,
        OfficeLabel::PublicList => 14,
        OfficeLabel::Applicant => 15,
        OfficeLabel::ApplicantId => 16,
        OfficeLabel::Item => 17,
        OfficeLabel::Amount => 18,
    }
}

fn facts() -> Vec<OfficeFact<'static>> {
    let all = vec![
        OfficeFact::Initialised {
            path: "office.book",
            file: true,
        },
        OfficeFact::Initialised {
            path: "postgres://office@db/book",
            file: false,
        },
        OfficeFact::Committed {
            batch: 3,
            rows: 66,
            paid: Decimal::new(170_950_501, 2),
        },
        OfficeFact::Voided { batch: 2 },
        OfficeFact::Imported {
            batch: 1,
            file: "payout-2024.csv",
            rows: 4,
        },
        OfficeFact::HashMismatch { batch: 2 },
        OfficeFact::ChainBroken { batch: 2 },
        OfficeFact::IndexChanged,
        OfficeFact::Replayed {
            batch: 1,
            same: true,
        },
        OfficeFact::Replayed {
            batch: 1,
            same: false,
        },
        OfficeFact::NotReplayed { batch: 1 },
        OfficeFact::ReplayFailed {
            batch: 1,
            why: "policy.toml:3: …",
        },
        OfficeFact::Verified { entries: 4 },
        OfficeFact::Empty,
    ];
    for fact in &all {
        match fact {
            OfficeFact::Initialised { .. }
            | OfficeFact::Committed { .. }
            | OfficeFact::Voided { .. }
            | OfficeFact::Imported { .. }
            | OfficeFact::HashMismatch { .. }
            | OfficeFact::ChainBroken { .. }
            | OfficeFact::IndexChanged
            | OfficeFact::Replayed { .. }
            | OfficeFact::NotReplayed { .. }
            | OfficeFact::ReplayFailed { .. }
            | OfficeFact::Verified { .. }
            | OfficeFact::Empty => {}
        }
    }
    all
}

fn errors() -> Vec<BookError> {
    let path = || "office.book".to_string();
    let all = vec![
        BookError::Exists { path: path() },
        BookError::NotNamed,
        BookError::Missing { path: path() },
        BookError::NotABook { path: path() },
        BookError::Damaged { path: path() },
        BookError::Newer {
            path: path(),
            found: 2,
            known: 1,
        },
        BookError::Database {
            path: path(),
            detail: "disk I/O error".into(),
        },
        BookError::ClaimsCommitted {
            file: "claims.csv".into(),
            batch: 1,
        },
        BookError::ClaimIdCommitted {
            claim_id: "C-001".into(),
            batch: 1,
        },
        BookError::NoSuchBatch { batch: 9 },
        BookError::NotReplayable { batch: 1 },
        BookError::AlreadyVoid { batch: 1 },
        BookError::CommitNeedsFile,
        BookError::CommitWhatIf,
        BookError::NotVerified { problems: 2 },
    ];
    for e in &all {
        match e {
            BookError::Exists { .. }
            | BookError::NotNamed
            | BookError::Missing { .. }
            | BookError::NotABook { .. }
            | BookError::Damaged { .. }
            | BookError::Newer { .. }
            | BookError::Database { .. }
            | BookError::ClaimsCommitted { .. }
            | BookError::ClaimIdCommitted { .. }
            | BookError::NoSuchBatch { .. }
            | BookError::NotReplayable { .. }
            | BookError::AlreadyVoid { .. }
            | BookError::CommitNeedsFile
            | BookError::CommitWhatIf
            | BookError::NotVerified { .. } => {}
        }
    }
    all
}

fn differ(zh: &str, en: &str) {
    assert!(
        !zh.trim().is_empty() && !en.trim().is_empty(),
        "{zh:?} / {en:?}"
    );
    assert_ne!(zh, en);
}

#[test]
fn every_label_is_said_in_both_languages_differently() {
    for (i, label) in LABELS.iter().enumerate() {
        assert_eq!(label_place(*label), i, "{label:?}");
        let zh = Lang::Zh.words().office_label(*label);
        let en = Lang::En.words().office_label(*label);
        differ(zh, en);
    }
}

#[test]
fn every_fact_is_said_in_both_languages_differently() {
    for fact in facts() {
        differ(
            &Lang::Zh.words().office_fact(&fact),
            &Lang::En.words().office_fact(&fact),
        );
    }
}

#[test]
fn every_error_is_said_in_both_languages_differently_with_its_exit_code() {
    for e in errors() {
        differ(
            &Lang::Zh.words().office_error(&e),
            &Lang::En.words().office_error(&e),
        );
        assert!(matches!(e.exit_code(), 1 | 2), "{e:?}");
    }
}

#[test]
fn the_money_of_a_commit_is_grouped_to_the_fen() {
    let fact = OfficeFact::Committed {
        batch: 2,
        rows: 66,
        paid: Decimal::new(170_950_501, 2),
    };
    assert_eq!(
        Lang::En.words().office_fact(&fact),
        "committed as batch 2: 66 rows, ¥1,709,505.01 paid"
    );
    assert_eq!(
        Lang::Zh.words().office_fact(&fact),
        "已记入台账，批次 2：66 行，拨付 ¥1,709,505.01"
    );
}
