//! An applicant id whose check character is wrong, through the binary: the
//! claim is paid as before, stderr says where the cell is, and the reason
//! carries a note (SPEC: never refused, the office may hold the right
//! number on paper).

use crate::common::subsidy;

/// 91441882MA5123456M is valid (its check character M worked by hand in
/// `src/claims/checkchar.rs`); with 7 in its place it is wrong.
const GOOD_CODE: &str = "91441882MA5123456M";
const BAD_CODE: &str = "91441882MA51234567";
/// 441882199001011230 is valid (check digit 0, worked by hand there too).
const BAD_PERSON: &str = "441882199001011234";

/// A claims file of one 2,000 yuan patent (high_value_patent: 2000 each)
/// per applicant given, one row each.
fn claims(ids: &[&str]) -> String {
    let mut csv = String::from(
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,ref\n",
    );
    for (n, id) in ids.iter().enumerate() {
        let kind = if id.starts_with("4418") {
            "individual"
        } else {
            "enterprise"
        };
        let item = if kind == "individual" {
            "copyright_registration"
        } else {
            "high_value_patent"
        };
        csv.push_str(&format!(
            "A-{n},{id},申请人{n},{kind},{item},2024-03-15,1,ZL2024{n}\n"
        ));
    }
    csv
}

/// Runs `calc` on a claims file written into a temporary directory:
/// (exit code, payout CSV, stderr).
fn calc(csv: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("claims.csv");
    std::fs::write(&path, csv).unwrap_or_else(|e| panic!("{e}"));
    let out = subsidy()
        .args(["--lang", "en", "calc", "--format", "csv", "--no-bom"])
        .args(extra)
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The payout's row of a claim, as cells.
fn row_of(payout: &str, claim: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(payout.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .find(|r| r.get(0) == Some(claim))
        .map(|r| r.iter().map(str::to_string).collect())
        .unwrap_or_else(|| panic!("no row {claim} in {payout}"))
}

/// The payout columns computed, payable, cut and status.
fn money_and_status(row: &[String]) -> Vec<String> {
    row[11..15].to_vec()
}

#[test]
fn a_wrong_check_character_is_paid_as_before_warned_and_noted() {
    let (code, good, err) = calc(&claims(&[GOOD_CODE]), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("check"), "a valid id is not warned of: {err}");
    let (code, bad, err) = calc(&claims(&[BAD_CODE]), &[]);
    assert_eq!(code, Some(0), "{err}");
    // 1 patent × 2000, paid in full, whichever id.
    let (good, bad) = (row_of(&good, "A-0"), row_of(&bad, "A-0"));
    assert_eq!(
        money_and_status(&good),
        ["2000.00", "2000.00", "0.00", "paid"]
    );
    assert_eq!(money_and_status(&bad), money_and_status(&good));
    // The payout carries the id as written.
    assert_eq!(bad[1], BAD_CODE);
    // stderr: the file, the line (row 2 of the file), the column, what.
    assert!(
        err.contains(&format!(
            "claims.csv:2: column applicant_id: the check character of credit code {BAD_CODE} is 7, but its first 17 characters give M"
        )),
        "{err}"
    );
    // The reason: as before, then the note.
    let reason = &bad[15];
    assert_eq!(
        reason.as_str(),
        format!(
            "{}; applicant_id: the credit code's check character is 7, its first 17 characters give M: compare it with the paper application",
            good[15]
        )
    );
}

#[test]
fn the_chinese_note_and_warning_say_the_same() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("申报.csv");
    std::fs::write(&path, claims(&[BAD_CODE])).unwrap_or_else(|e| panic!("{e}"));
    let out = subsidy()
        .args(["calc", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("申报.csv:2: column applicant_id: 统一社会信用代码 91441882MA51234567 的校验码为 7，按前 17 位应为 M"),
        "{stderr}"
    );
    assert!(
        stdout.contains(
            "applicant_id: 统一社会信用代码校验码为 7，按前 17 位应为 M，请与纸质申报材料核对"
        ),
        "{stdout}"
    );
}

#[test]
fn an_individuals_id_number_is_masked_in_the_warning_unless_shown() {
    let (code, payout, err) = calc(&claims(&[BAD_PERSON]), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("claims.csv:2: column applicant_id: the check digit of ID number 441882********1234 is 4, but its first 17 digits give 0"),
        "{err}"
    );
    assert!(!err.contains(BAD_PERSON), "{err}");
    // The payout, for the finance bureau, has it whole, and the note.
    let row = row_of(&payout, "A-0");
    assert_eq!(row[1], BAD_PERSON);
    assert_eq!(row[14], "paid");
    assert!(row[15].ends_with(
        "applicant_id: the ID number's check digit is 4, its first 17 digits give 0: compare it with the paper application"
    ));
    let (_, _, err) = calc(&claims(&[BAD_PERSON]), &["--show-ids"]);
    assert!(
        err.contains(&format!("ID number {BAD_PERSON} is 4")),
        "{err}"
    );
}

#[test]
fn an_id_is_warned_of_once_and_noted_on_every_claim() {
    // Rows 2 and 4 share the wrong code; row 3 is valid.
    let (code, payout, err) = calc(&claims(&[BAD_CODE, GOOD_CODE, BAD_CODE]), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err.matches("column applicant_id").count(), 1, "{err}");
    assert!(err.contains("claims.csv:2: column applicant_id"), "{err}");
    for (claim, noted) in [("A-0", true), ("A-1", false), ("A-2", true)] {
        let row = row_of(&payout, claim);
        assert_eq!(row[15].contains("check character is 7"), noted, "{row:?}");
    }
}

#[test]
fn ids_of_neither_kind_are_not_checked() {
    // 17 characters, a name-like id, an id with O (no character of a code).
    let ids = ["91441882MA5123456", "P-ZHANG", "91441882MA5XYZ0001"];
    let (code, payout, err) = calc(&claims(&ids), &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("applicant_id"), "{err}");
    assert!(!payout.contains("check"), "{payout}");
}

#[test]
fn check_and_explain_note_it_too() {
    let out = subsidy()
        .args([
            "--lang",
            "en",
            "check",
            "--item",
            "high_value_patent",
            "--type",
            "enterprise",
            "--date",
            "2024-03-15",
            "--applicant",
            BAD_CODE,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("the credit code's check character is 7, its first 17 characters give M"),
        "{stdout}"
    );
    assert!(stdout.contains("payable ¥2,000.00"), "{stdout}");
    // The sample holds 李四's ID number with a wrong check digit (5 for 1).
    let out = subsidy()
        .args([
            "--lang",
            "en",
            "explain",
            "samples/claims-2024.csv",
            "--claim",
            "C-017",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("the ID number's check digit is 5, its first 17 digits give 1"),
        "{stdout}"
    );
    assert!(!stdout.contains("441882199205052345"), "{stdout}");
}

#[test]
fn the_sample_warns_of_its_two_wrong_ids_and_no_other() {
    let out = subsidy()
        .args([
            "--lang",
            "en",
            "calc",
            "samples/claims-2024.csv",
            "--ledger",
            "samples/ledger-2024.csv",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warned: Vec<&str> = (stderr.lines())
        .filter(|l| l.contains("column applicant_id: the check"))
        .collect();
    assert_eq!(warned.len(), 2, "{stderr}");
    assert!(warned[0].starts_with("samples/claims-2024.csv:18: column applicant_id: the check digit of ID number 441882********2345 is 5"));
    assert!(warned[1].starts_with("samples/claims-2024.csv:66: column applicant_id: the check character of credit code 12441882MB3CNTY011 is 1, but its first 17 characters give W"));
}
