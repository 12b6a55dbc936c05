//! Every word of `--help` and of a usage error is said in both languages,
//! differently: each flag, each command, each heading, each usage error.
//! The walks are checked by exhaustive `match`es: a new variant does not
//! compile here until it has a place.

use std::collections::HashSet;

use subsidy::words::{Cmd, Flag, HelpWord, Lang, UsageError};

/// The place of each flag in `Flag::ALL`. A new variant breaks this match
/// until it has a place, and the test below fails until `ALL` has it.
fn flag_place(flag: Flag) -> usize {
    match flag {
        Flag::Lang => 0,
        Flag::ShowIds => 1,
        Flag::Help => 2,
        Flag::Version => 3,
        Flag::HelpCommand => 4,
        Flag::Policy => 5,
        Flag::Ledger => 6,
        Flag::Set => 7,
        Flag::Encoding => 8,
        Flag::Sheet => 9,
        Flag::Bind => 10,
        Flag::CalcClaims => 11,
        Flag::Format => 12,
        Flag::CalcOut => 13,
        Flag::Strict => 14,
        Flag::NoBom => 15,
        Flag::Budget => 16,
        Flag::BudgetPriority => 17,
        Flag::Headers => 18,
        Flag::MaxFieldBytes => 19,
        Flag::MaxRecordBytes => 20,
        Flag::MaxRows => 21,
        Flag::Item => 22,
        Flag::ApplicantType => 23,
        Flag::Quantity => 24,
        Flag::Amount => 25,
        Flag::Date => 26,
        Flag::Tags => 27,
        Flag::Reference => 28,
        Flag::Score => 29,
        Flag::Fact => 30,
        Flag::OtherCitySupport => 31,
        Flag::CheckApplicant => 32,
        Flag::ExplainClaims => 33,
        Flag::Claim => 34,
        Flag::ExplainApplicant => 35,
        Flag::CompareClaims => 36,
        Flag::Base => 37,
        Flag::Alt => 38,
        Flag::BaseSet => 39,
        Flag::AltSet => 40,
        Flag::CompareLedger => 41,
        Flag::CompareOut => 42,
        Flag::ReportLedgers => 43,
        Flag::ReportBudget => 44,
        Flag::ReportOut => 45,
        Flag::TemplateOut => 46,
        Flag::TemplateHeaders => 47,
        Flag::ListFormat => 48,
        Flag::ShowId => 49,
        Flag::ValidateFile => 50,
        Flag::DiffBase => 51,
        Flag::DiffAlt => 52,
        Flag::TestPolicy => 53,
        Flag::TestCases => 54,
        Flag::Shell => 55,
        Flag::Quiet => 56,
        Flag::Column => 57,
        Flag::IgnoreColumn => 58,
        Flag::ColumnsFile => 59,
        Flag::Book => 60,
        Flag::Commit => 61,
        Flag::By => 62,
        Flag::BookInitFile => 63,
        Flag::BatchNumber => 64,
        Flag::BookExportOut => 65,
        Flag::Reason => 66,
        Flag::ImportFiles => 67,
        Flag::Year => 68,
        Flag::PublishOut => 69,
        Flag::ReportBook => 70,
        Flag::CompareYear => 71,
    }
}

const FLAGS: usize = 72;

#[test]
fn every_flag_is_in_the_list_in_order() {
    assert_eq!(Flag::ALL.len(), FLAGS);
    for (i, flag) in Flag::ALL.iter().enumerate() {
        assert_eq!(flag_place(*flag), i, "{flag:?}");
    }
}

#[test]
fn every_flag_is_said_in_both_languages_differently() {
    let mut said = HashSet::new();
    for flag in Flag::ALL {
        let zh = Lang::Zh.words().flag(flag);
        let en = Lang::En.words().flag(flag);
        assert!(!zh.trim().is_empty(), "no Chinese for {flag:?}");
        assert!(!en.trim().is_empty(), "no English for {flag:?}");
        assert_ne!(zh, en, "the same in both languages: {flag:?}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "no Chinese word in the Chinese help of {flag:?}: {zh}"
        );
        said.insert(zh);
        said.insert(en);
    }
    // Two flags may mean the same (the policy file of `validate` and of
    // `test`), but not many.
    assert!(
        said.len() >= 2 * FLAGS - 2,
        "{} distinct of {}",
        said.len(),
        2 * FLAGS
    );
}

fn cmd_place(cmd: Cmd) -> usize {
    match cmd {
        Cmd::Calc => 0,
        Cmd::Check => 1,
        Cmd::Explain => 2,
        Cmd::Compare => 3,
        Cmd::Report => 4,
        Cmd::Policy => 5,
        Cmd::PolicyList => 6,
        Cmd::PolicyShow => 7,
        Cmd::PolicyValidate => 8,
        Cmd::PolicyDiff => 9,
        Cmd::PolicyTest => 10,
        Cmd::Template => 11,
        Cmd::Serve => 12,
        Cmd::Completions => 13,
        Cmd::Help => 14,
        Cmd::Book => 15,
        Cmd::BookInit => 16,
        Cmd::BookList => 17,
        Cmd::BookShow => 18,
        Cmd::BookExport => 19,
        Cmd::BookVerify => 20,
        Cmd::BookVoid => 21,
        Cmd::BookImport => 22,
        Cmd::BookPublish => 23,
    }
}

#[test]
fn every_command_is_described_in_both_languages_differently() {
    assert_eq!(Cmd::ALL.len(), 24);
    for (i, (cmd, path)) in Cmd::ALL.iter().enumerate() {
        assert_eq!(cmd_place(*cmd), i, "{cmd:?}");
        assert!(!path.is_empty());
        let zh = Lang::Zh.words().command_about(*cmd);
        let en = Lang::En.words().command_about(*cmd);
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{cmd:?}");
    }
}

#[test]
fn every_heading_is_said_in_both_languages_differently() {
    let words = [
        HelpWord::Usage,
        HelpWord::Arguments,
        HelpWord::Options,
        HelpWord::Commands,
        HelpWord::AnyOptions,
        HelpWord::AnyCommand,
    ];
    for word in words {
        match word {
            HelpWord::Usage
            | HelpWord::Arguments
            | HelpWord::Options
            | HelpWord::Commands
            | HelpWord::AnyOptions
            | HelpWord::AnyCommand => {}
        }
        let zh = Lang::Zh.words().help_word(word);
        let en = Lang::En.words().help_word(word);
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{word:?}");
    }
    assert_eq!(Lang::Zh.words().help_word(HelpWord::Options), "选项：");
    assert_eq!(Lang::En.words().help_word(HelpWord::Options), "Options:");
}

fn usage_errors(valid: &[String]) -> Vec<UsageError<'_>> {
    let all = vec![
        UsageError::UnknownArgument {
            arg: "--foo",
            nearest: Some("--format"),
            as_value: true,
        },
        UsageError::UnknownCommand {
            name: "calk",
            nearest: Some("calc"),
        },
        UsageError::MissingValue {
            arg: "--out <FILE>",
            valid,
        },
        UsageError::InvalidValue {
            arg: "--format <FORMAT>",
            value: "xml",
            valid,
            nearest: Some("csv"),
        },
        UsageError::TooManyValues {
            arg: "<CLAIMS>",
            value: "b.csv",
        },
        UsageError::WrongNumberOfValues {
            arg: "--out <FILE>",
        },
        UsageError::Conflict {
            arg: "--a",
            other: Some("--b"),
        },
        UsageError::MissingRequired { args: valid },
        UsageError::MissingCommand { valid },
        UsageError::NoEquals { arg: "--out" },
        UsageError::InvalidUtf8,
        UsageError::Unreadable,
    ];
    for e in &all {
        match e {
            UsageError::UnknownArgument { .. }
            | UsageError::UnknownCommand { .. }
            | UsageError::MissingValue { .. }
            | UsageError::InvalidValue { .. }
            | UsageError::TooManyValues { .. }
            | UsageError::WrongNumberOfValues { .. }
            | UsageError::Conflict { .. }
            | UsageError::MissingRequired { .. }
            | UsageError::MissingCommand { .. }
            | UsageError::NoEquals { .. }
            | UsageError::InvalidUtf8
            | UsageError::Unreadable => {}
        }
    }
    all
}

#[test]
fn every_usage_error_is_said_in_both_languages_differently() {
    let valid = vec!["table".to_string(), "csv".to_string()];
    let errors = usage_errors(&valid);
    assert_eq!(errors.len(), 12);
    for error in &errors {
        let zh = Lang::Zh.words().usage_error(error);
        let en = Lang::En.words().usage_error(error);
        assert!(zh.starts_with("错误："), "{zh}");
        assert!(en.starts_with("error: "), "{en}");
        assert_ne!(zh, en);
    }
    let zh = Lang::Zh.words().usage_error(&errors[3]);
    assert!(
        zh.contains("'xml'") && zh.contains("table、csv") && zh.contains("'csv'"),
        "{zh}"
    );
    let hint = Lang::Zh.words().usage_hint(Some("subsidy calc [选项]"));
    assert!(hint.starts_with("用法：subsidy calc [选项]"), "{hint}");
}
