//! `explain`, `check` and `policy` through the real binary: the derivation
//! agrees with the payout, officials see every policy mistake at once, and
//! the worked cases beside the policy pass.

use std::fs;

use crate::common::subsidy;
use predicates::prelude::*;

const SAMPLE: &str = "samples/claims-2024.csv";
const LEDGER: &str = "samples/ledger-2024.csv";

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn every_reason_explain_gives_is_the_reason_in_the_payout_csv() {
    for (lang, label) in [("zh", "理由："), ("en", "reason: ")] {
        let payout = stdout(subsidy().args([
            "--lang", lang, "calc", SAMPLE, "--ledger", LEDGER, "--format", "csv",
        ]));
        let mut reader = csv::Reader::from_reader(payout.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
        assert_eq!(rows.len(), 66);
        let mut ids: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
        ids.dedup();
        let mut cmd = subsidy();
        cmd.args(["--lang", lang, "explain", SAMPLE, "--ledger", LEDGER]);
        for id in &ids {
            cmd.args(["--claim", id]);
        }
        let explained = stdout(&mut cmd);
        let reasons: Vec<&str> = explained
            .lines()
            .filter_map(|l| l.strip_prefix(label))
            .collect();
        let expected: Vec<String> = rows.iter().map(|r| r[15].to_string()).collect();
        assert_eq!(reasons, expected, "language {lang}");
    }
}

#[test]
fn explain_names_the_claims_that_used_the_room() {
    subsidy()
        .args(["--lang", "en", "explain", SAMPLE, "--claim", "C-003"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "clause 1 annual cap 50,000: 12,000 used by claims C-001 (2,000), C-002 (10,000); 38,000 left; payable 40,000 → 38,000",
        ))
        .stdout(predicate::str::contains("amount before caps: 2,000 per unit × 20 = 40,000"));
}

#[test]
fn explain_names_the_references_already_paid_and_who_paid_them() {
    // C-066 lists three patents; C-001 was paid for the first one.
    subsidy()
        .args(["--lang", "en", "explain", SAMPLE, "--claim", "C-066"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ZL202410001001.1 already paid (claim C-001) and item high_value_patent pays each reference once: 1 unit(s), 2000, cut; payable 6,000 → 4,000",
        ));
}

#[test]
fn explain_an_applicant_and_an_unknown_claim() {
    let text = stdout(subsidy().args(["explain", SAMPLE, "--applicant", "91441882ma5123456m"]));
    assert_eq!(text.matches("== 申报 ").count(), 9);
    subsidy()
        .args(["explain", SAMPLE, "--claim", "C-999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("C-999"));
}

#[test]
fn check_dry_runs_a_claim_and_counts_a_ledger() {
    subsidy()
        .args([
            "--lang",
            "en",
            "check",
            "--item",
            "patent_transfer",
            "--type",
            "企业",
            "--amount",
            "1,200,000",
            "--date",
            "2024-08-01",
            "--ref",
            "ZL-NEW",
            "--applicant",
            "91441882MA5ABCDE1G",
            "--ledger",
            LEDGER,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "result: capped · computed ¥60,000.00 · payable ¥30,000.00",
        ))
        .stdout(predicate::str::contains(
            "20,000 used by claims L-002 (20,000); 30,000 left",
        ));
}

#[test]
fn check_accepts_the_chinese_name_and_suggests_near_ids() {
    subsidy()
        .args([
            "check",
            "--item",
            "首次获得高价值发明专利认定",
            "--type",
            "enterprise",
            "--tags",
            "专精特新",
            "--date",
            "2024-05-01",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "结果：paid（全额） · 核定 ¥10,000.00 · 拨付 ¥10,000.00",
        ));
    subsidy()
        .args([
            "--lang",
            "en",
            "check",
            "--item",
            "ip_talnet",
            "--type",
            "individual",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean ip_talent"));
}

#[test]
fn policy_validate_lists_every_mistake_in_one_run() {
    let text = fs::read_to_string("policy/lianzhou-2024.toml")
        .expect("test set-up")
        .replacen(
            "amount = 2000                 # 每件2000元",
            "amount = -2000",
            1,
        )
        .replacen(
            "id = \"standard_national\"",
            "id = \"standard_international\"",
            1,
        )
        .replacen(
            "overflow = \"protection_station_qualified\"",
            "overflow = \"protection_station_good\"",
            1,
        );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("seeded.toml");
    fs::write(&file, &text).expect("write a test file");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i + 1)
            .unwrap_or(0)
    };
    let out = subsidy()
        .args(["--lang", "en", "policy", "validate"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    let problems: Vec<&str> = listed.lines().collect();
    assert_eq!(problems.len(), 3, "{listed}");
    assert!(problems[0].contains(&format!("seeded.toml:{}:", line_of("amount = -2000"))));
    assert!(problems[0].contains("must not be negative"));
    assert!(problems[1].contains("standard_international is used twice"));
    assert!(problems[2].contains(&format!(
        "seeded.toml:{}:",
        line_of("protection_station_good")
    )));
    assert!(problems[2].contains("overflow target `protection_station_good` does not exist"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 problem(s)"));
}

#[test]
fn the_bundled_policy_validates_and_its_cases_pass() {
    subsidy()
        .args(["--lang", "en", "policy", "validate"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "21 clauses, 43 items, no problems found",
        ));
    subsidy()
        .args(["--lang", "en", "policy", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 failed"));
}

#[test]
fn a_failing_case_shows_expected_and_actual_figures() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let policy = dir.path().join("edited.toml");
    let text = fs::read_to_string("policy/lianzhou-2024.toml")
        .expect("test set-up")
        .replacen("annual_cap = 50000 ", "annual_cap = 40000 ", 1);
    fs::write(&policy, text).expect("write a test file");
    fs::copy(
        "policy/lianzhou-2024.cases.toml",
        dir.path().join("edited.cases.toml"),
    )
    .expect("test set-up");
    subsidy()
        .args(["--lang", "en", "policy", "test"])
        .arg(&policy)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "claim A1: expected capped 60000.00/50000.00, got capped 60000.00/40000.00",
        ));
}

#[test]
fn completions_for_three_shells() {
    for shell in ["bash", "zsh", "fish"] {
        subsidy()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("explain"));
    }
}

#[test]
fn help_lists_the_commands_and_each_command_has_examples() {
    subsidy().arg("--help").assert().success().stdout(
        predicate::str::contains("calc")
            .and(predicate::str::contains("check"))
            .and(predicate::str::contains("policy")),
    );
    for command in [
        vec!["calc"],
        vec!["check"],
        vec!["explain"],
        vec!["policy", "list"],
        vec!["policy", "test"],
    ] {
        let mut cmd = subsidy();
        cmd.args(&command).arg("--help");
        cmd.assert()
            .success()
            .stdout(predicate::str::contains("示例："));
        let mut cmd = subsidy();
        cmd.arg("--lang").arg("en").args(&command).arg("--help");
        cmd.assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[test]
fn check_help_lists_the_facts_the_policy_declares() {
    subsidy()
        .args(["--lang", "en", "check", "--help"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("valid_invention_patents")
                .and(predicate::str::contains("service_years"))
                .and(predicate::str::contains("--fact ID=VALUE")),
        );
}

#[test]
fn a_case_naming_a_fact_the_policy_lacks_fails_instead_of_passing_quietly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cases = dir.path().join("typo.cases.toml");
    fs::write(
        &cases,
        r#"[[case]]
name = "a typo in a fact name"
claims = [
  { claim_id = "T1", applicant_id = "P1", applicant_type = "个人", item = "ip_talent", date = "2024-09-01", facts = { service_year = 3 } },
]
expect = [ { claim_id = "T1", status = "rejected", payable = 0 } ]
"#,
    )
    .expect("test set-up");
    subsidy()
        .args([
            "--lang",
            "en",
            "policy",
            "test",
            "policy/lianzhou-2024.toml",
        ])
        .arg(&cases)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "claim T1: the policy declares no fact `service_year`",
        ));
}
