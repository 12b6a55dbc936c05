//! One test per bug found by the bad-input corpus or by fuzzing, named after
//! what broke. Each failed before its fix.

mod common;

use common::subsidy;

fn calc_csv(input: &str) -> (Option<i32>, String, String) {
    let out = subsidy()
        .args(["--lang", "en", "calc", "-", "--format", "csv", "--no-bom"])
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ROW: &str = "91441882MA51234567,华创,enterprise,high_value_patent,2024-03-15,1,,";

/// A quote opened and never closed made the CSV parser read every later row
/// into one cell: three data rows in, two rows out, exit 0.
#[test]
fn an_unclosed_quote_swallowed_the_rows_after_it() {
    let input = format!(
        "{}\nB-1,{ROW}ZL1,,,,,\nB-2,\"{ROW}ZL2,,,,,\nB-3,{ROW}ZL3,,,,,\n",
        common::HEADER
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("<stdin>:3: a quote (\") opened here is never closed"),
        "{stderr}"
    );
}

/// A byte-order mark at the start of a later line (two exports joined with
/// `cat`) stayed in the claim_id: `\u{feff}B-1` was paid again beside `B-1`.
#[test]
fn a_byte_order_mark_inside_the_file_made_a_second_claim_id() {
    let input = format!(
        "\u{feff}{}\nB-1,{ROW}ZL1,,,,,\n\u{feff}B-1,{ROW}ZL2,,,,,\n",
        common::HEADER
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stdout.contains('\u{feff}'), "{stdout}");
    assert!(
        stderr.contains("<stdin>:3: column claim_id: repeats the claim_id of line 2"),
        "{stderr}"
    );
}

/// Found by fuzzing (`amount`): an amount near the top of `Decimal` written
/// with 万 overflowed when multiplied by 10,000, and the panic stopped the
/// reader ("line 0: the CSV reader stopped unexpectedly"; `check --amount`
/// crashed outright).
#[test]
fn an_amount_in_wan_too_large_for_a_decimal_panicked() {
    let huge = "22222222222222222222222222222万";
    assert_eq!(
        subsidy::money::parse_amount(huge),
        Err(subsidy::money::AmountError::TooLarge)
    );
    let input = format!(
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,amount\n\
         A-1,91441882MA51234567,华创,enterprise,patent_transfer,2024-03-15,{huge}\n"
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(",invalid,"), "{stdout}");
    assert!(stderr.contains("<stdin>:2: column amount:"), "{stderr}");
    let check = subsidy()
        .args(["--lang", "en", "check", "--item", "patent_transfer"])
        .args([
            "--type",
            "enterprise",
            "--date",
            "2024-03-15",
            "--amount",
            huge,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check.status.code(), Some(2));
}

/// Found while reading the fuzz crash above: a policy figure near the top
/// of `Decimal` passed `policy validate`, and a claim of many units then
/// overflowed in the pass (a panic). Such a figure is now refused.
#[test]
fn a_policy_figure_too_large_for_the_pass_panicked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let valid =
        std::fs::read_to_string("tests/bad/policy-valid.toml").unwrap_or_else(|e| panic!("{e}"));
    let policy = dir.path().join("huge.toml");
    std::fs::write(
        &policy,
        valid.replace(
            "amount = 10000\n",
            "amount = \"79228162514264337593543950\"\nper_unit = true\n",
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = subsidy()
        .args(["--lang", "en", "policy", "validate"])
        .arg(&policy)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let listed =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        listed.contains("key `item qualified: amount`: 79228162514264337593543950 is too large"),
        "{listed}"
    );
}

/// Found while reading the amount parser after the fuzz crash: each leading
/// minus sign was one level of recursion, so an amount cell of a few hundred
/// thousand `-` overflowed the reader's stack and aborted the process.
#[test]
fn an_amount_of_many_minus_signs_overflowed_the_stack() {
    let minus = "-".repeat(900_000);
    assert_eq!(
        subsidy::money::parse_amount(&format!("{minus}5")),
        Err(subsidy::money::AmountError::Negative)
    );
    let input = format!(
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,amount\n\
         A-1,91441882MA51234567,华创,enterprise,patent_transfer,2024-03-15,{minus}5\n"
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(",invalid,"), "{stdout}");
    assert!(stderr.contains("<stdin>:2: column amount:"), "{stderr}");
}
