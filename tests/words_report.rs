//! Every fact of the report family is said in both languages: rejections,
//! cap steps, checks, bases, notices, labels, catalogue rules and help.
//!
//! Each enum is walked as a chain: `after` gives the sample that follows a
//! sample, with a `match` that has no wildcard, so a new variant does not
//! compile until it has its place in the chain (and so its sample).

use crate::common::both_said;
use std::io;
use std::str::FromStr;

use rust_decimal::Decimal;
use subsidy::claims::limits::Stop;
use subsidy::claims::{parse_claim, Keys, RawClaim};
use subsidy::engine::{
    Basis, Cap, CapStep, Check, MaxOf, NoPlace, OutOfRange, Rejection, Status, Tier,
};
use subsidy::money::short;
use subsidy::policy::{bundled, Bound, Measured, Policy, Side, TagSet, TypeSet, Unique};
use subsidy::words::BookLimit;
use subsidy::words::{Label, Lang, Notice, Rule, Stage, Topic};

fn walk<T: std::fmt::Debug>(first: T, after: fn(&T) -> Option<T>) -> Vec<T> {
    let mut samples = vec![first];
    while let Some(next) = samples.last().and_then(after) {
        assert!(samples.len() < 100, "the chain loops at {next:?}");
        samples.push(next);
    }
    samples
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

fn policy() -> Policy {
    bundled().expect("the bundled policy loads")
}

fn claim(policy: &Policy) -> subsidy::claims::Claim {
    let raw = RawClaim {
        claim_id: "C-1",
        applicant_id: "91441882MA5123456M",
        applicant_name: "甲",
        applicant_type: "enterprise",
        item: "ip_management_standard",
        date: "2024-05-01",
        tags: "srdi",
        ..RawClaim::default()
    };
    parse_claim(&raw, policy, &mut Keys::default()).expect("a valid claim")
}

fn rejection_after(r: &Rejection) -> Option<Rejection> {
    Some(match r {
        Rejection::OutsideValidity => Rejection::OtherCitySupport,
        Rejection::OtherCitySupport => Rejection::ApplicantType {
            allowed: TypeSet(0b11),
        },
        Rejection::ApplicantType { .. } => Rejection::MissingTag {
            any_of: TagSet(0b111),
        },
        Rejection::MissingTag { .. } => Rejection::FactBelow {
            fact: 0,
            minimum: dec("1"),
            actual: Some(dec("0")),
        },
        Rejection::FactBelow {
            actual: Some(_), ..
        } => Rejection::FactBelow {
            fact: 0,
            minimum: dec("1"),
            actual: None,
        },
        Rejection::FactBelow { actual: None, .. } => Rejection::QuantityBelow {
            minimum: 10,
            actual: 3,
        },
        Rejection::QuantityBelow { .. } => Rejection::OutsideWindow {
            fact: 0,
            window: subsidy::policy::Window {
                count: 1,
                unit: subsidy::policy::WindowUnit::Years,
            },
            start: subsidy::date::Date::parse("2024-03-15"),
        },
        Rejection::OutsideWindow { start: Some(_), .. } => Rejection::OutsideWindow {
            fact: 0,
            window: subsidy::policy::Window {
                count: 30,
                unit: subsidy::policy::WindowUnit::Days,
            },
            start: None,
        },
        Rejection::OutsideWindow { start: None, .. } => Rejection::FactNotAllowed {
            fact: 0,
            actual: Some(dec("0")),
        },
        Rejection::FactNotAllowed {
            actual: Some(_), ..
        } => Rejection::FactNotAllowed {
            fact: 0,
            actual: None,
        },
        Rejection::FactNotAllowed { actual: None, .. } => Rejection::OutOfRange(OutOfRange {
            on: Measured::Amount,
            side: Side::Min,
            bound: Bound {
                value: dec("5000000"),
                inclusive: false,
            },
            actual: Some(dec("5000000")),
        }),
        Rejection::OutOfRange(OutOfRange {
            actual: Some(_), ..
        }) => Rejection::OutOfRange(OutOfRange {
            on: Measured::Fact(0),
            side: Side::Max,
            bound: Bound {
                value: dec("10"),
                inclusive: true,
            },
            actual: None,
        }),
        Rejection::OutOfRange(OutOfRange { actual: None, .. }) => Rejection::QuotaFull(NoPlace {
            item: 0,
            per_year: 2,
            rank: 3,
            taken_before: 1,
        }),
        Rejection::QuotaFull(_) => Rejection::ClaimInLedger,
        Rejection::ClaimInLedger => Rejection::RefPaid { by: "C-0".into() },
        Rejection::RefPaid { .. } => Rejection::RefsPaid {
            refs: vec![("ZL1".into(), "C-0".into()), ("ZL2".into(), "L-1".into())],
        },
        Rejection::RefsPaid { .. } => Rejection::ApplicantRefPaid { by: "C-0".into() },
        Rejection::ApplicantRefPaid { .. } => Rejection::ApplicantPaid { by: "C-0".into() },
        Rejection::ApplicantPaid { .. } => Rejection::ItemYearPaid { by: "C-0".into() },
        Rejection::ItemYearPaid { .. } => Rejection::ClauseYearPaid {
            clause: 0,
            by: "C-0".into(),
        },
        Rejection::ClauseYearPaid { .. } => Rejection::HigherAwardPaid {
            group: 0,
            paid: dec("30000"),
            by: "C-0".into(),
        },
        Rejection::HigherAwardPaid { .. } => Rejection::EarlierAwardMissing { item: 0 },
        Rejection::EarlierAwardMissing { .. } => Rejection::Candidacy { by: "C-0".into() },
        Rejection::Candidacy { .. } => return None,
    })
}

#[test]
fn every_rejection_is_said_in_both_languages() {
    let policy = policy();
    let claim = claim(&policy);
    let samples = walk(Rejection::OutsideValidity, rejection_after);
    assert_eq!(samples.len(), 24);
    for r in &samples {
        let say = |lang: Lang| lang.words().rejection(&policy, &claim, r);
        both_said(&say(Lang::Zh), &say(Lang::En), r);
    }
    crate::common::pin_words("words_report__every_rejection_is_said_in_both_languages");
}

#[test]
fn every_undecided_quota_is_said_in_both_languages() {
    use subsidy::engine::Undecided;
    let policy = policy();
    for why in [
        Undecided::MissingScores {
            item: 0,
            per_year: 2,
            places_left: 2,
            candidates: 3,
            missing: 1,
        },
        Undecided::Tie {
            item: 0,
            per_year: 2,
            places_left: 2,
            score: dec("80.0"),
            tied: 2,
            first_place: 2,
        },
    ] {
        // A new kind does not compile until it is listed here.
        match why {
            Undecided::MissingScores { .. } | Undecided::Tie { .. } => {}
        }
        let say = |lang: Lang| lang.words().undecided(&policy, &why);
        both_said(&say(Lang::Zh), &say(Lang::En), &why);
        assert!(say(Lang::Zh).contains("重新运行"), "{}", say(Lang::Zh));
    }
    crate::common::pin_words("words_report__every_undecided_quota_is_said_in_both_languages");
}

fn step(cap: Cap) -> CapStep {
    CapStep {
        cap,
        limit: dec("50000"),
        used: dec("42000"),
        before: dec("10000"),
        after: dec("8000"),
        users: vec![("C-0".into(), dec("42000"))],
    }
}

fn cap_after(c: &Cap) -> Option<Cap> {
    Some(match c {
        Cap::Quantity { .. } => Cap::Quota {
            item: 0,
            overflow: 1,
            rank: 3,
            taken_before: 1,
        },
        Cap::Quota { .. } => Cap::RefsPaid {
            item: 0,
            paid: vec![("ZL1".into(), "C-0".into())],
        },
        Cap::RefsPaid { .. } => Cap::ProjectMax {
            item: 0,
            of: MaxOf::Project,
        },
        Cap::ProjectMax {
            of: MaxOf::Project, ..
        } => Cap::ProjectMax {
            item: 0,
            of: MaxOf::Claim,
        },
        Cap::ProjectMax {
            of: MaxOf::Claim, ..
        } => Cap::ProjectMax {
            item: 0,
            of: MaxOf::Band(2),
        },
        Cap::ProjectMax { .. } => Cap::ItemAnnual { item: 0 },
        Cap::ItemAnnual { .. } => Cap::ItemLifetime { item: 0 },
        Cap::ItemLifetime { .. } => Cap::ClauseAnnual { clause: 0 },
        Cap::ClauseAnnual { .. } => Cap::MeasureAnnual { of_type: None },
        // The figure for every type, then a type's own figure (by_type).
        Cap::MeasureAnnual { of_type: None } => Cap::MeasureAnnual { of_type: Some(0) },
        Cap::MeasureAnnual { of_type: Some(_) } => Cap::PerRef { item: 0 },
        Cap::PerRef { .. } => Cap::RefLimit { group: 0 },
        Cap::RefLimit { .. } => Cap::HigherAward { group: 0 },
        Cap::HigherAward { .. } => return None,
    })
}

#[test]
fn every_cap_step_is_said_in_both_languages_in_a_reason_and_a_derivation() {
    let policy = policy();
    let first = Cap::Quantity {
        item: 0,
        unit_amount: dec("2000"),
    };
    let samples = walk(first, cap_after);
    assert_eq!(samples.len(), 14);
    for cap in samples {
        let s = step(cap);
        let reason = |lang: Lang| lang.words().cap_step(&policy, &s);
        both_said(&reason(Lang::Zh), &reason(Lang::En), &s);
        let line = |lang: Lang| lang.words().cap_line(&policy, &s);
        both_said(&line(Lang::Zh), &line(Lang::En), &s);
    }
    crate::common::pin_words(
        "words_report__every_cap_step_is_said_in_both_languages_in_a_reason_and_a_derivation",
    );
}

fn check_after(c: &Check) -> Option<Check> {
    Some(match c {
        Check::Validity => Check::OtherCitySupport,
        Check::OtherCitySupport => Check::ApplicantType,
        Check::ApplicantType => Check::Tags,
        Check::Tags => Check::Fact(0),
        Check::Fact(_) => Check::Range(Measured::Fact(0)),
        Check::Range(Measured::Fact(_)) => Check::Range(Measured::Amount),
        Check::Range(Measured::Amount) => Check::MinQuantity,
        Check::MinQuantity => Check::FactWindow(0),
        Check::FactWindow(_) => Check::FactOneOf(0),
        Check::FactOneOf(_) => Check::LedgerClaimId,
        Check::LedgerClaimId => Check::Unique,
        Check::Unique => Check::ClauseOneAward,
        Check::ClauseOneAward => Check::EarlierAward,
        Check::EarlierAward => return None,
    })
}

#[test]
fn every_passed_check_is_said_in_both_languages() {
    let policy = policy();
    let claim = claim(&policy);
    for c in walk(Check::Validity, check_after) {
        let say = |lang: Lang| lang.words().passed_check(&policy, &claim, c);
        let (zh, en) = (say(Lang::Zh), say(Lang::En));
        if matches!(c, Check::Fact(_)) {
            // `有效发明专利件数 0 ≥ 1`: the name differs, the figures do not.
            assert!(zh.contains('≥') && en.contains('≥'));
        }
        both_said(&zh, &en, &c);
    }
    crate::common::pin_words("words_report__every_passed_check_is_said_in_both_languages");
}

fn basis_after(b: &Basis) -> Option<Basis> {
    Some(match b {
        Basis::Fixed { quantity: 1, .. } => Basis::Fixed {
            amount: dec("2000"),
            quantity: 3,
        },
        Basis::Fixed { .. } => Basis::Percent {
            base: dec("12345.67"),
            rate: dec("0.05"),
        },
        Basis::Percent { .. } => Basis::Approved {
            amount: dec("80000"),
        },
        Basis::Approved { .. } => Basis::Floor {
            amount: None,
            minimum: dec("50000"),
            raised: true,
        },
        Basis::Floor { amount: None, .. } => Basis::Floor {
            amount: Some(dec("30000")),
            minimum: dec("50000"),
            raised: true,
        },
        Basis::Floor { raised: true, .. } => Basis::Floor {
            amount: Some(dec("70000")),
            minimum: dec("50000"),
            raised: false,
        },
        Basis::Floor { raised: false, .. } => Basis::Matching {
            base: dec("300000"),
            ratio: dec("1"),
        },
        Basis::Matching { .. } => Basis::Tiered {
            tier: Tier::Band {
                on: Measured::Amount,
                band: 2,
                range: subsidy::policy::Range {
                    min: Some(Bound {
                        value: dec("5000000"),
                        inclusive: false,
                    }),
                    max: None,
                },
            },
            of: Box::new(Basis::Percent {
                base: dec("6000000"),
                rate: dec("0.08"),
            }),
        },
        Basis::Tiered {
            tier: Tier::Band { .. },
            ..
        } => Basis::Tiered {
            tier: Tier::Type(0),
            of: Box::new(Basis::Fixed {
                amount: dec("5000"),
                quantity: 1,
            }),
        },
        Basis::Tiered {
            tier: Tier::Type(_),
            ..
        } => Basis::Prorated {
            fact: 0,
            written: dec("36000"),
            period: dec("36"),
            limit: dec("24"),
            of: Box::new(Basis::Percent {
                base: dec("24000"),
                rate: dec("0.5"),
            }),
        },
        Basis::Prorated { .. } => return None,
        Basis::Manual => return None,
    })
}

#[test]
fn every_basis_is_said_in_both_languages_and_a_manual_one_says_nothing() {
    let policy = policy();
    let first = Basis::Fixed {
        amount: dec("2000"),
        quantity: 1,
    };
    let samples = walk(first, basis_after);
    assert_eq!(samples.len(), 11);
    for b in &samples {
        let say = |lang: Lang| lang.words().basis(&policy, b, dec("6000"), short);
        if matches!(b, Basis::Percent { .. }) {
            // `12345.67 × 5% = 617.28` reads the same in both languages.
            assert_eq!(say(Lang::Zh), say(Lang::En));
            continue;
        }
        both_said(&say(Lang::Zh), &say(Lang::En), b);
    }
    for lang in [Lang::Zh, Lang::En] {
        let said = lang.words().basis(&policy, &Basis::Manual, dec("0"), short);
        assert_eq!(said, "");
    }
    crate::common::pin_words(
        "words_report__every_basis_is_said_in_both_languages_and_a_manual_one_says_nothing",
    );
}

#[test]
fn every_notice_is_said_in_both_languages() {
    let source = io::Error::other("disk full");
    let ids = ["C-9".to_string()];
    let known = ["service_years".to_string()];
    let above = [(1, "2024年度知识产权资助申报汇总表".to_string())];
    let sums = [
        subsidy::claims::TotalSum {
            column: subsidy::claims::Column::Quantity,
            written: dec("3"),
            rows: Some(dec("3")),
        },
        subsidy::claims::TotalSum {
            column: subsidy::claims::Column::Amount,
            written: dec("300"),
            rows: Some(dec("250")),
        },
    ];
    let stops = [
        Stop::FieldBytes {
            line: 2,
            limit: 1_000_000,
        },
        Stop::RecordBytes {
            line: 2,
            limit: 10_000_000,
        },
        Stop::Rows {
            line: 3,
            limit: 50_000_000,
        },
        Stop::UnclosedQuote { line: 4 },
        Stop::Unpacked { limit: 4 << 30 },
    ];
    for stop in &stops {
        // A new kind of stop does not compile until it is sampled here.
        match stop {
            Stop::FieldBytes { .. }
            | Stop::RecordBytes { .. }
            | Stop::Rows { .. }
            | Stop::UnclosedQuote { .. }
            | Stop::Unpacked { .. } => {}
        }
        let n = Notice::InputStopped {
            path: "a.csv",
            stop,
        };
        both_said(
            &Lang::Zh.words().notice(&n),
            &Lang::En.words().notice(&n),
            &n,
        );
    }
    let samples = [
        Notice::InputStopped {
            path: "a.csv",
            stop: &stops[0],
        },
        Notice::UnknownColumns {
            path: "a.csv",
            line: 3,
            columns: &ids,
        },
        Notice::AboveHeader {
            path: "a.csv",
            line: 3,
            rows: &above,
        },
        Notice::TotalsRow {
            path: "a.csv",
            line: 9,
            sums: &sums,
        },
        Notice::MoreLikeThis {
            count: 69_000,
            in_reasons: true,
        },
        Notice::DateSerials {
            file: "a.csv",
            line: 2,
            serial: 45358,
            date: "2024-03-07",
            count: 3,
        },
        Notice::ItemByPart {
            file: "a.csv",
            line: 4,
            written: "调解组织绩效评价优秀",
            id: "mediation_excellent",
            name: "备案的人民调解组织绩效评价优秀",
        },
        Notice::RankingUnsettled { passes: 16 },
        Notice::Rows {
            rows: 120_000,
            per_second: 400_000,
        },
        Notice::LangIgnored { value: "fr" },
        Notice::UnknownTag {
            file: "a.csv",
            line: 2,
            tag: "国高",
            known: "专精特新、高新技术企业",
        },
        Notice::TwoNames {
            file: "a.csv",
            line: 3,
            id: "E1",
            first: "甲",
            second: "乙",
        },
        Notice::KeyChanged {
            file: "a.csv",
            line: 4,
            column: "ref",
            written: "ZL\u{200B}1",
            key: "ZL1",
        },
        Notice::QuotaUndecided { ids: &ids },
        Notice::DryRun,
        Notice::NoLedgerGiven,
        Notice::NoRefGiven,
        Notice::CannotRead {
            path: "a.csv",
            source: &source,
        },
        Notice::CannotWrite {
            path: "a.csv",
            source: &source,
        },
        Notice::Strict {
            file: "a.csv",
            invalid: 2,
        },
        Notice::OutIsInput {
            out: "b.csv",
            input: "a.csv",
        },
        Notice::BookCannotHold {
            limit: BookLimit::RowsOrColumns,
        },
        Notice::BookCannotHold {
            limit: BookLimit::CellText,
        },
        Notice::NoClaimsOfApplicant {
            file: "a.csv",
            applicant: "X",
        },
        Notice::NoSuchClaims {
            file: "a.csv",
            ids: &ids,
        },
        Notice::UnknownFact {
            id: "years",
            known: &known,
        },
        Notice::InvalidClaim {
            id: "C-1",
            file: "a.csv",
            line: 3,
            reason: "date: ?",
        },
    ];
    let mut seen = std::collections::HashSet::new();
    for n in &samples {
        // A new notice does not compile until it is listed here (and so sampled).
        let index = match n {
            Notice::RankingUnsettled { .. } => 0,
            Notice::LangIgnored { .. } => 1,
            Notice::DryRun => 2,
            Notice::NoRefGiven => 3,
            Notice::CannotRead { .. } => 4,
            Notice::CannotWrite { .. } => 5,
            Notice::Strict { .. } => 6,
            Notice::NoClaimsOfApplicant { .. } => 7,
            Notice::NoSuchClaims { .. } => 8,
            Notice::UnknownFact { .. } => 9,
            Notice::InvalidClaim { .. } => 10,
            Notice::NoLedgerGiven => 11,
            Notice::UnknownTag { .. } => 12,
            Notice::TwoNames { .. } => 13,
            Notice::QuotaUndecided { .. } => 14,
            Notice::InputStopped { .. } => 15,
            Notice::UnknownColumns { .. } => 16,
            Notice::Rows { .. } => 17,
            Notice::OutIsInput { .. } => 18,
            Notice::BookCannotHold {
                limit: BookLimit::RowsOrColumns,
            } => 19,
            Notice::BookCannotHold {
                limit: BookLimit::CellText,
            } => 20,
            Notice::BookCannotHold {
                limit: BookLimit::Other(_),
            } => 21,
            Notice::AboveHeader { .. } => 22,
            Notice::TotalsRow { .. } => 23,
            Notice::ItemByPart { .. } => 24,
            Notice::DateSerials { .. } => 25,
            Notice::MoreLikeThis { .. } => 26,
            Notice::KeyChanged { .. } => 27,
        };
        seen.insert(index);
        let say = |lang: Lang| lang.words().notice(n);
        both_said(&say(Lang::Zh), &say(Lang::En), n);
    }
    assert_eq!(seen.len(), samples.len());
    crate::common::pin_words("words_report__every_notice_is_said_in_both_languages");
}

#[test]
fn every_label_status_rule_and_help_text_is_said_in_both_languages() {
    let policy = policy();
    for label in Label::ALL {
        let (zh, en) = (Lang::Zh.words().label(label), Lang::En.words().label(label));
        both_said(zh, en, &label);
    }
    for stage in Stage::ALL {
        // A new stage does not compile until it is listed here.
        match stage {
            Stage::Reading | Stage::Deciding | Stage::Writing => {}
        }
        let (zh, en) = (Lang::Zh.words().stage(stage), Lang::En.words().stage(stage));
        both_said(zh, en, &stage);
    }
    for status in Status::ALL {
        let (zh, en) = (
            Lang::Zh.words().status(status),
            Lang::En.words().status(status),
        );
        both_said(zh, en, &status);
    }
    let rules = [
        Rule::Tags(TagSet(0b11)),
        Rule::FactAtLeast {
            fact: 0,
            minimum: dec("1"),
        },
        Rule::QuantityAtLeast(10),
        Rule::FactWithin {
            fact: 0,
            window: subsidy::policy::Window {
                count: 3,
                unit: subsidy::policy::WindowUnit::Months,
            },
        },
        Rule::FactOneOf {
            fact: 0,
            codes: vec![1],
        },
        Rule::Unique(Unique::Ref),
        Rule::Unique(Unique::ApplicantRef),
        Rule::Unique(Unique::Applicant),
        Rule::Unique(Unique::ApplicantYear),
        Rule::QuantityCap {
            who: TypeSet(0b100),
            max_per_year: 50,
        },
        Rule::Quota {
            per_year: 2,
            overflow: 0,
        },
        Rule::QuotaOnly { per_year: 2 },
        Rule::ItemCap(dec("50000")),
        Rule::ItemLifetimeCap(dec("500000")),
        Rule::ClauseCap(dec("100000")),
        Rule::ClauseOneAward,
        Rule::ClaimMax(dec("100000")),
        Rule::Tiers {
            on: Measured::Amount,
            bands: vec![subsidy::policy::Band {
                range: subsidy::policy::Range {
                    min: None,
                    max: Some(Bound {
                        value: dec("5000000"),
                        inclusive: true,
                    }),
                },
                figure: dec("0.1"),
                max_per_claim: Some(dec("50000")),
            }],
            percent: true,
        },
        Rule::ByType {
            table: vec![(0, dec("5000"))],
            percent: false,
        },
        Rule::PerRef(3),
        Rule::BasePeriod {
            fact: 0,
            max: dec("24"),
        },
        Rule::RefLimit(0),
        Rule::Requires(0),
        Rule::AwardGroup(0),
        Rule::Range {
            on: Measured::Amount,
            range: subsidy::policy::Range {
                min: Some(Bound {
                    value: dec("5000000"),
                    inclusive: false,
                }),
                max: None,
            },
        },
        Rule::MeasureCap {
            annual: Some(dec("500000")),
            by_type: Vec::new(),
        },
        Rule::MeasureCap {
            annual: Some(dec("500000")),
            by_type: vec![(0, dec("200000"))],
        },
        Rule::MeasureCap {
            annual: None,
            by_type: vec![(0, dec("200000"))],
        },
    ];
    for rule in &rules {
        let say = |lang: Lang| lang.words().rule(&policy, rule);
        both_said(&say(Lang::Zh), &say(Lang::En), rule);
    }
    let topics = std::iter::once(Topic::Main).chain(Topic::COMMANDS.iter().map(|(t, _)| *t));
    for topic in topics {
        let say = |lang: Lang| lang.words().examples(topic);
        both_said(say(Lang::Zh), say(Lang::En), &topic);
    }
    for lang in [Lang::Zh, Lang::En] {
        let w = lang.words();
        assert!(!w.about().is_empty() && !w.long_about().is_empty());
        assert!(w
            .facts_declared(&[("service_years", "连续服务年限")])
            .contains("service_years"));
        assert!(!w.totals(&Default::default()).is_empty());
        assert!(!w.draft_notice(&policy).is_empty());
        assert!(!w.catalogue_footer(&policy).is_empty());
    }
    crate::common::pin_words(
        "words_report__every_label_status_rule_and_help_text_is_said_in_both_languages",
    );
}
