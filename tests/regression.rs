//! One test per bug fixed, named after what broke. Each reproduces the
//! report that found it, with figures a person can check by hand.

mod common;
use common::*;
use predicates::prelude::*;

#[test]
fn an_invalid_ledger_row_blocked_its_corrected_claim() {
    // A clerk typed 2024-02-30, the payout kept the row as invalid; the
    // corrected row under the same claim_id was rejected as "already in a
    // ledger" with its whole 2,000 cut. Nothing was decided on an invalid
    // row, so the corrected claim is paid.
    let first = run(&[claim("F1", "E1", "high_value_patent", "2024-02-30").reference("ZL-1")]);
    first.expect("F1", "invalid", "0", "0");
    let second = run_with(
        &[claim("F1", "E1", "high_value_patent", "2024-02-28").reference("ZL-1")],
        &[&first.payout],
    );
    second.expect("F1", "paid", "2000", "2000");
}

#[test]
fn an_id_that_excel_made_a_number_merged_two_individuals() {
    // 441882199001011230 and 44188219900101567X both became 4.41882E+17 in
    // Excel: read as written, one was capped by the other's 50 works.
    let r = run(&[
        claim("W1", "P1", "copyright_registration", "2024-03-01").qty(50),
        claim("W2", "P1", "copyright_registration", "2024-03-02").qty(50),
    ]);
    r.expect("W2", "capped", "10000", "0");
    let text = format!(
        "{HEADER}\nW1,4.41882E+17,张三,个人,copyright_registration,2024-03-01,50,,,,,,,\nW2,4.41882E+17,李四,个人,copyright_registration,2024-03-02,50,,,,,,,\n"
    );
    let r = run_text(&text, &[]);
    r.expect("W1", "invalid", "0", "0");
    r.expect("W2", "invalid", "0", "0");
    r.reason_has("W1", "format the column as text");
}

#[test]
fn a_ledger_resaved_by_excel_let_a_claim_past_the_works_limit() {
    let ledger = "claim_id,applicant_id,applicant_name,applicant_type,clause,item,ref,date,year,quantity,amount,computed,payable,cut,status,reason\n\
                  W1,4.41882E+17,张三,individual,（四）,copyright_registration,,2024-03-01,2024,50,,10000.00,10000.00,0.00,paid,\n";
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("ledger.csv");
    std::fs::write(&path, ledger).expect("write a test file");
    subsidy()
        .args([
            "--lang",
            "en",
            "calc",
            "samples/claims-2024.csv",
            "--ledger",
        ])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("ledger.csv:2").and(predicate::str::contains(
                "looks like an ID that Excel turned into a number",
            )),
        );
}

#[test]
fn an_unknown_tag_was_dropped_without_a_word() {
    // 国高 is no name of a tag: the applicant was told it did not qualify and
    // never why.
    let r = run(&[claim("T1", "E1", "high_value_patent_first", "2024-04-01").tags("国高")]);
    r.expect("T1", "rejected", "10000", "0");
    r.reason_has("T1", "tags not recognised: 国高");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    let text = format!("{HEADER}\nT1,E1,甲,企业,high_value_patent_first,2024-04-01,,,,国高,,,,\n");
    std::fs::write(&path, text).expect("write a test file");
    subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "claims.csv:2: column tags: `国高` is not a tag",
        ));
}

#[test]
fn a_bad_subsidy_lang_exited_2_that_even_lang_zh_could_not_override() {
    for value in ["fr", "EN", "zh_CN.UTF-8"] {
        subsidy()
            .env("SUBSIDY_LANG", value)
            .args(["policy", "validate"])
            .assert()
            .success();
    }
    subsidy()
        .env("SUBSIDY_LANG", "fr")
        .args(["--lang", "zh", "policy", "validate"])
        .assert()
        .success()
        .stdout(predicate::str::contains("未发现问题"));
}

#[test]
fn check_ticked_earlier_payouts_and_references_it_never_saw() {
    subsidy()
        .args(["--lang", "en", "check", "--item", "high_value_patent"])
        .args(["--type", "enterprise", "--date", "2024-05-01"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("No --ledger given")
                .and(predicate::str::contains("○ not checked"))
                .and(predicate::str::contains("not paid before").not())
                .and(predicate::str::contains("CHECK").not()),
        );
}

#[test]
fn a_one_claim_dry_run_ranked_itself_first_for_a_city_wide_place() {
    subsidy()
        .args([
            "--lang",
            "en",
            "check",
            "--item",
            "protection_station_excellent",
        ])
        .args(["--type", "organization", "--date", "2024-11-01"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ranked by score in the batch, not in a dry run")
                .and(predicate::str::contains("ranked 1").not()),
        );
}

#[test]
fn a_claim_dated_after_the_earliest_end_was_paid() {
    // The draft's start day is blank: three years from 2024-01-01 end on
    // 2026-12-31, the earliest end the final text can give.
    let r = run(&[claim("S1", "E1", "standard_industry", "2027-03-01").reference("HG/T 1-2027")]);
    r.expect("S1", "rejected", "50000", "0");
    r.reason_has("S1", "2026-12-31");
}

#[test]
fn a_batch_reference_with_a_quantity_of_twenty_paid_twenty_patents_under_one_number() {
    let r = run(&[claim("B1", "E1", "high_value_patent", "2024-03-01")
        .qty(20)
        .reference("ZL2024-BATCH-A")]);
    r.expect("B1", "invalid", "0", "0");
    r.reason_has("B1", "list one reference per unit");
}

#[test]
fn a_ledger_in_file_order_changed_which_references_a_part_paid_claim_covered() {
    // C3 pays ZL-1; C2 lists ZL-1 and ZL-3 and is paid for ZL-3 only; so C1
    // (ZL-3) is a duplicate. Written in the order C2, C3, a ledger replayed
    // in file order marked ZL-1 for C2 and left ZL-3 unpaid.
    let first = run(&[
        claim("C2", "E1", "high_value_patent", "2024-02-01").reference("ZL-1；ZL-3"),
        claim("C3", "E1", "high_value_patent", "2024-01-01").reference("ZL-1"),
    ]);
    first.expect("C2", "capped", "4000", "2000");
    let second = run_with(
        &[claim("C1", "E1", "high_value_patent", "2024-04-01").reference("ZL-3")],
        &[&first.payout],
    );
    second.expect("C1", "rejected", "2000", "0");
}

#[test]
fn a_tie_at_the_boundary_of_the_city_wide_quota_was_settled_in_silence() {
    // Two places a year: A and B score 90, C scores 90 too. claim_id puts C
    // outside; every claim with the boundary score says the office decides.
    let station = |id: &str, who: &str| {
        claim(id, who, "protection_station_excellent", "2024-11-01").score("90")
    };
    let r = run(&[
        station("X1", "O1"),
        station("X2", "O2"),
        station("X3", "K1"),
    ]);
    r.expect("X1", "paid", "30000", "30000");
    r.expect("X2", "paid", "30000", "30000");
    r.expect("X3", "capped", "30000", "10000");
    for id in ["X1", "X2", "X3"] {
        r.reason_has(id, "the office should confirm");
    }
}

// Found by the bad-input corpus and by fuzzing.

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

const ROW: &str = "91441882MA5123456M,华创,enterprise,high_value_patent,2024-03-15,1,,";

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
         A-1,91441882MA5123456M,华创,enterprise,patent_transfer,2024-03-15,{huge}\n"
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
         A-1,91441882MA5123456M,华创,enterprise,patent_transfer,2024-03-15,{minus}5\n"
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(",invalid,"), "{stdout}");
    assert!(stderr.contains("<stdin>:2: column amount:"), "{stderr}");
}

#[test]
fn a_full_width_or_indented_formula_ran_in_the_spreadsheet() {
    // =HYPERLINK, @SUM and ＝1+1 as names and references: every text cell
    // is defused in the payout, money is not, and the payout read back as a
    // ledger undoes it (the reference still blocks a second payment).
    let text = format!(
        "{}\nF1,E1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",企业,high_value_patent,2024-03-01,1,,＝1+1,,,,,\nF2,E2,@SUM(1),企业,high_value_patent,2024-03-02,1,,  =ZL-2,,,,,\n",
        HEADER
    );
    let first = run_text(&text, &[]);
    first.expect("F1", "paid", "2000", "2000");
    for cell in [
        "'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")",
        "'@SUM(1)",
        "'＝1+1",
        "'=ZL-2",
    ] {
        assert!(first.payout.contains(cell), "{cell} in {}", first.payout);
    }
    assert!(first.payout.contains(",2000.00,2000.00,0.00,paid,"));
    let second = run_with(
        &[claim("F3", "E3", "high_value_patent", "2024-05-01").reference("＝1+1")],
        &[&first.payout],
    );
    second.expect("F3", "rejected", "2000", "0");
}

#[test]
fn individuals_id_numbers_were_printed_whole_in_tables_derivations_and_messages() {
    // 张三 441882199001011230 and 李四 441882199205052345 are individuals of
    // the sample: their ID numbers are personal information.
    let whole = ["441882199001011230", "441882199205052345"];
    let runs: [&[&str]; 4] = [
        &[
            "calc",
            "samples/claims-2024.csv",
            "--ledger",
            "samples/ledger-2024.csv",
        ],
        &[
            "explain",
            "samples/claims-2024.csv",
            "--applicant",
            "441882199001011230",
        ],
        &[
            "explain",
            "samples/claims-2024.csv",
            "--applicant",
            "441882199205052345",
        ],
        &[
            "check",
            "--item",
            "ip_talent",
            "--type",
            "个人",
            "--applicant",
            "441882199001011230",
            "--fact",
            "service_years=3",
            "--date",
            "2024-05-01",
        ],
    ];
    for args in runs {
        for lang in ["zh", "en"] {
            let out = subsidy()
                .args(["--lang", lang])
                .args(args)
                .output()
                .expect("runs");
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            for id in whole {
                assert!(!text.contains(id), "{args:?} {lang} prints {id}");
            }
            assert!(
                text.contains("441882********"),
                "{args:?} {lang}: no masked id"
            );
        }
    }
    // The payout for the finance bureau carries them whole, and --show-ids
    // prints them where an official needs them.
    let payout = subsidy()
        .args(["calc", "samples/claims-2024.csv", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&payout.stdout).contains(whole[0]));
    let shown = subsidy()
        .args(["--show-ids", "calc", "samples/claims-2024.csv"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&shown.stdout).contains(whole[0]));
}

#[test]
fn the_two_names_warning_printed_an_individuals_id_number_whole() {
    // One ID number (441882199001011230, a valid check digit) written with
    // two names in one batch: the warning named it whole on stderr.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let claims = dir.path().join("claims.csv");
    let text = format!(
        "{HEADER}\nN1,441882199001011230,张三,个人,copyright_registration,2024-03-01,1,,,,,,,\nN2,441882199001011230,张叁,个人,copyright_registration,2024-03-02,1,,,,,,,\n"
    );
    std::fs::write(&claims, text).expect("writes");
    for lang in ["zh", "en"] {
        let out = subsidy()
            .args(["--lang", lang, "calc"])
            .arg(&claims)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("张叁"),
            "{lang}: no two-names warning: {stderr}"
        );
        assert!(!stderr.contains("441882199001011230"), "{lang}: {stderr}");
        assert!(stderr.contains("441882********1230"), "{lang}: {stderr}");
    }
}

#[test]
fn compare_did_not_say_an_invalid_row_exactly_once() {
    // compare reads the claims once for each side. Reported as each invalid
    // row's warning said twice; here it was not said at all. One row with
    // one problem (an item the policy does not have) is one line on stderr,
    // the line calc says for it.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    let text = format!(
        "{HEADER}\nV1,E1,甲,企业,high_value_patent,2024-04-01,1,,ZL-V1,,,,,\nX1,E1,甲,企业,no_such_item,2024-04-02,1,,,,,,,\n"
    );
    std::fs::write(&path, text).expect("write a test file");
    let stderr = |args: &[&str]| {
        let out = subsidy()
            .args(["--lang", "en"])
            .args(args)
            .arg(&path)
            .args(["--format", "csv"])
            .output()
            .expect("the binary runs");
        assert!(out.status.success());
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    let compared = stderr(&["compare"]);
    let lines: Vec<&str> = compared.lines().collect();
    assert_eq!(lines.len(), 1, "{compared}");
    assert!(lines[0].contains("claims.csv:3: column item"), "{compared}");
    assert!(stderr(&["calc"]).lines().any(|l| l == lines[0]));
}

#[test]
fn compare_printed_an_individuals_id_number_whole_in_its_tables() {
    // 张三 (441882199001011230) is paid 5,000 under clause （十八）; with the
    // figure set to 6,000 her payout changes by 1,000, and compare's table
    // of changed applicants printed her ID number whole.
    let out = subsidy()
        .args([
            "--lang",
            "en",
            "compare",
            "--alt-set",
            "item.ip_talent.amount=6000",
        ])
        .arg("samples/claims-2024.csv")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(!table.contains("441882199001011230"), "{table}");
    assert!(table.contains("441882********1230"), "{table}");
    assert!(table.contains("1,000.00"), "{table}");
}

#[test]
fn a_separator_typed_after_a_reference_paid_the_same_patent_twice() {
    // 同一项专利仅资助一次: `ZL-1;` and `ZL-1、` are the patent ZL-1 with a
    // separator after it, as clerks type lists. Keyed as the whole cell,
    // each was another patent and was paid 2,000 again: 6,000 for one.
    let r = run(&[
        claim("S1", "E1", "high_value_patent", "2024-03-15").reference("ZL-1"),
        claim("S2", "E1", "high_value_patent", "2024-04-15").reference("ZL-1;"),
        claim("S3", "E1", "high_value_patent", "2024-05-15").reference("ZL-1、"),
    ]);
    r.expect("S1", "paid", "2000", "2000");
    r.expect("S2", "rejected", "2000", "0");
    r.expect("S3", "rejected", "2000", "0");
    r.reason_has("S2", "S1");
    // A ledger row keyed the same way already: the part, not the cell.
    let later = run_with(
        &[claim("S4", "E2", "high_value_patent", "2025-01-10").reference("ZL-1;")],
        &[&r.payout],
    );
    later.expect("S4", "rejected", "2000", "0");
}

#[test]
fn a_separator_typed_after_a_reference_let_a_pct_invention_past_two_countries() {
    // 政和县 (四): 每件给予20000元奖励，最多不超过两个国家（地区）. The item
    // pays per reference without being once-only, so its cell was keyed
    // whole: `PCT/CN2022/000002；` was a second invention and two more
    // countries were paid. Now D2 finds both countries used: 0 of 40,000.
    let zhenghe = policy_file("policy/zhenghe-undated.toml");
    let r = run_under(
        &zhenghe,
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,ref\n\
         D1,91350725MA0000001X,政和县示例茶业有限公司,企业,pct_invention,2024-03-01,2,PCT/CN2022/000002\n\
         D2,91350725MA0000001X,政和县示例茶业有限公司,企业,pct_invention,2024-08-01,2,PCT/CN2022/000002；\n",
        &[],
    );
    r.expect("D1", "paid", "40000", "40000");
    r.expect("D2", "capped", "40000", "0");
}

#[test]
fn compare_did_not_say_an_unknown_tag_two_names_or_a_wrong_check_character() {
    // compare told the office of invalid rows only. A tag the policy does
    // not know does not count, and calc says so; compare, which costs the
    // same claims, was silent, as it was of an id with two names and an id
    // whose check character is wrong. Now it says what calc says, once.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    let text = format!(
        "{HEADER}\n\
         T1,91441882MA5123456M,甲公司,企业,high_value_patent,2024-04-01,1,,ZL-T1,国高,,,,\n\
         T2,91441882MA5123456M,甲有限公司,企业,high_value_patent,2024-04-02,1,,ZL-T2,,,,,\n\
         T3,91441882MA5123456X,乙公司,企业,high_value_patent,2024-04-03,1,,ZL-T3,,,,,\n"
    );
    std::fs::write(&path, text).expect("write a test file");
    let stderr = |command: &str| {
        let out = subsidy()
            .args(["--lang", "en", command])
            .arg(&path)
            .args(["--format", "csv"])
            .output()
            .expect("the binary runs");
        assert!(out.status.success());
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    let (calc, compare) = (stderr("calc"), stderr("compare"));
    assert_eq!(calc.lines().count(), 3, "{calc}");
    assert_eq!(compare, calc);
    for (line, what) in [(2, "国高"), (3, "甲有限公司"), (4, "check character")] {
        assert!(
            compare.contains(&format!("claims.csv:{line}")) && compare.contains(what),
            "{compare}"
        );
    }
}

#[test]
fn one_patent_written_six_ways_was_paid_six_times() {
    // The same patent with a zero width space, a soft hyphen, a word
    // joiner, a byte-order mark inside, in full width, and with a bidi
    // override: each was another reference, 6 × 2,000. It is one patent:
    // 2,000 once.
    let ways = [
        "ZL202410001234.5",
        "ZL2024\u{200B}10001234.5",
        "ZL2024\u{00AD}10001234.5",
        "ZL2024\u{2060}10001234.5",
        "ZL2024\u{FEFF}10001234.5",
        "ＺＬ２０２４１０００１２３４．５\u{202E}",
    ];
    let claims: Vec<C> = (ways.iter().enumerate())
        .map(|(i, r)| {
            claim(
                &format!("V{i}"),
                &format!("E{i}"),
                "high_value_patent",
                "2024-03-01",
            )
            .reference(r)
        })
        .collect();
    let r = run(&claims);
    r.expect("V0", "paid", "2000", "2000");
    for i in 1..ways.len() {
        r.expect(&format!("V{i}"), "rejected", "2000", "0");
    }
    assert_eq!(r.total_payable(), dec("2000"));
}

#[test]
fn one_credit_code_written_four_ways_received_four_caps() {
    // 25 patents of 2,000 each is 50,000, the unit's cap for the year. The
    // one credit code written four ways was four units: 200,000.
    let ways = [
        "91441882MA5123456M",
        "91441882\u{200B}MA5123456M",
        "９１４４１８８２ＭＡ５１２３４５６Ｍ",
        "91441882\u{2061}MA5123456M\u{180E}",
    ];
    let claims: Vec<C> = (ways.iter().enumerate())
        .map(|(i, id)| {
            claim(&format!("U{i}"), id, "high_value_patent", "2024-03-01")
                .applicant_type("enterprise")
                .refs(&format!("ZL{i}"), 25)
        })
        .collect();
    let r = run(&claims);
    r.expect("U0", "paid", "50000", "50000");
    for i in 1..ways.len() {
        r.expect(&format!("U{i}"), "capped", "50000", "0");
    }
    assert_eq!(r.total_payable(), dec("50000"));
}

#[test]
fn a_claim_and_a_reference_in_a_ledger_were_paid_again_with_a_zero_width_space() {
    let first = run(&[claim("Z1", "E1", "high_value_patent", "2024-03-01").reference("ZL-9")]);
    first.expect("Z1", "paid", "2000", "2000");
    // The same claim_id with a zero width space appended: already decided.
    let again = run_with(
        &[claim("Z1\u{200B}", "E1", "high_value_patent", "2024-03-01").reference("ZL-8")],
        &[&first.payout],
    );
    assert_eq!(again.total_payable(), dec("0"));
    // Another claim_id, the same patent with a zero width space in it.
    let again = run_with(
        &[claim("Z2", "E2", "high_value_patent", "2024-03-01").reference("ZL-\u{200B}9")],
        &[&first.payout],
    );
    again.expect("Z2", "rejected", "2000", "0");
}

#[test]
fn an_id_number_written_with_spaces_or_dashes_was_another_person() {
    // 50 works a person a year at 200 each: 10,000. The same ID number
    // written three ways was three people with 50 works each.
    let r = run(&[
        claim(
            "W1",
            "441882199001011230",
            "copyright_registration",
            "2024-03-01",
        )
        .applicant_type("individual")
        .qty(50),
        claim(
            "W2",
            "441882 19900101 1230",
            "copyright_registration",
            "2024-03-02",
        )
        .applicant_type("individual")
        .qty(50),
        claim(
            "W3",
            "441882-19900101-1230",
            "copyright_registration",
            "2024-03-03",
        )
        .applicant_type("individual")
        .qty(50),
    ]);
    r.expect("W1", "paid", "10000", "10000");
    r.expect("W2", "capped", "10000", "0");
    r.expect("W3", "capped", "10000", "0");
}

#[test]
fn a_control_character_in_a_cell_was_read_as_part_of_the_value() {
    // A NUL inside a reference, an escape in a name, a C1 control in a
    // claim_id: no spreadsheet shows them. The row is invalid and says why.
    let text = format!(
        "{HEADER}\n\
         N1,E1,甲,企业,high_value_patent,2024-03-01,,,ZL-1\u{0},,,,,\n\
         N2,E2,乙\u{1b}[2J,企业,high_value_patent,2024-03-01,,,ZL-2,,,,,\n\
         N\u{9b}3,E3,丙,企业,high_value_patent,2024-03-01,,,ZL-3,,,,,\n\
         N4,E4,丁,企业,high_value_patent,2024-03-01,,,ZL-4,,,,,\n"
    );
    let r = run_text(&text, &[]);
    r.expect("N1", "invalid", "0", "0");
    r.reason_has("N1", "control character U+0000");
    r.expect("N2", "invalid", "0", "0");
    r.reason_has("N2", "`乙\\u{1b}[2J`");
    r.expect("N\u{9b}3", "invalid", "0", "0");
    r.reason_has("N\u{9b}3", "U+009B");
    r.expect("N4", "paid", "2000", "2000");
    // In a column of the clerk's own, too.
    let text = format!(
        "{HEADER},备注\n\
         N5,E5,戊,企业,high_value_patent,2024-03-01,,,ZL-5,,,,,,ok\u{7}\n"
    );
    let r = run_text(&text, &[]);
    r.expect("N5", "invalid", "0", "0");
    r.reason_has("N5", "`ok\\u{7}` holds the control character U+0007");
}

#[test]
fn an_invisible_character_in_an_id_was_not_mentioned() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    let text = format!(
        "{HEADER}\n\
         K1,E1,甲,企业,high_value_patent,2024-03-01,,,ZL-1,,,,,\n\
         K2,E1\u{200B},甲,企业,high_value_patent,2024-03-01,,,ZL-2,,,,,\n\
         K3,E1\u{200C},甲,企业,high_value_patent,2024-03-01,,,ZL\u{200D}-3,,,,,\n"
    );
    std::fs::write(&path, text).expect("write a test file");
    subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&path)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("claims.csv:3: column applicant_id: `E1")
                .and(predicate::str::contains("compared as `E1`"))
                .and(predicate::str::contains("claims.csv:4: column ref:"))
                // Once per kind: line 4's applicant_id is not named.
                .and(predicate::str::contains("claims.csv:4: column applicant_id").not()),
        );
}

#[test]
fn a_ledger_with_rows_no_payout_could_have_was_read_without_a_word() {
    // Each ledger has one row no payout of this tool writes; each was read
    // as a payment made, one of them using up a whole unit's cap with
    // 999,999 against a computed 2,000.
    let head = "claim_id,applicant_id,applicant_name,applicant_type,clause,item,ref,date,year,quantity,amount,computed,payable,cut,status,reason\n";
    let row = |id: &str, clause: &str, reference: &str, year: &str, payable: &str| {
        format!("{id},E1,甲,enterprise,{clause},high_value_patent,{reference},2024-03-01,{year},1,,2000.00,{payable},0.00,paid,\n")
    };
    let good = row("L1", "（一）", "ZL-1", "2024", "2000.00");
    let cases = [
        (
            format!("{good}{}{}", row("L1", "（一）", "ZL-2", "2024", "2000.00"), row("L1", "（一）", "ZL-3", "2024", "2000.00")),
            "ledger.csv:3: ledger: column claim_id: the claim_id was already decided on line 2",
        ),
        (
            row("L1", "（一）", "ZL-1", "2024", "999999.00"),
            "ledger.csv:2: ledger: column payable: payable 999999.00 is more than the computed 2000.00",
        ),
        (
            row("L1", "（九）", "ZL-1", "2024", "2000.00"),
            "ledger.csv:2: ledger: column clause: `（九）` is not the clause of the row's item, which is （一）",
        ),
        (
            row("L1", "（一）", "ZL-1", "2023", "2000.00"),
            "ledger.csv:2: ledger: column year: year `2023` is not the year of the row's date (2024)",
        ),
        (
            row("L1", "（一）", "ZL-1", "99999", "2000.00"),
            "ledger.csv:2: ledger: column year: `99999` is not a year",
        ),
        (
            row("L1\u{1b}[2J", "（一）", "ZL-1", "2024", "2000.00"),
            "ledger.csv:2: ledger: column claim_id: `L1\\u{1b}[2J` holds the control character U+001B",
        ),
    ];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("ledger.csv");
    for (rows, said) in cases {
        std::fs::write(&path, format!("{head}{rows}")).expect("write a test file");
        subsidy()
            .args([
                "--lang",
                "en",
                "calc",
                "samples/claims-2024.csv",
                "--ledger",
            ])
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(said));
    }
    // The first row alone, and the same with the clause in the other
    // width, are a payout's rows.
    for rows in [good.clone(), good.replace("（一）", "(一)")] {
        std::fs::write(&path, format!("{head}{rows}")).expect("write a test file");
        subsidy()
            .args([
                "--lang",
                "en",
                "calc",
                "samples/claims-2024.csv",
                "--ledger",
            ])
            .arg(&path)
            .assert()
            .success();
    }
}

#[test]
fn escape_sequences_in_a_claims_file_reached_the_terminal() {
    // A name that sets the window title, clears the screen and turns the
    // text red; another that writes the rest of its line backwards. They
    // are shown escaped in the table, on stderr, in `explain`, in the
    // payout CSV and in the workbook.
    let evil = "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mEVIL";
    let text = format!(
        "{HEADER}\n\
         X1,E1,{evil},企业,high_value_patent,2024-03-01,,,ZL-1,,,,,\n\
         X2,E2,甲\u{202E}乙,企业,high_value_patent,2024-03-01,,,ZL-2,,,,,\n"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    std::fs::write(&path, text).expect("write a test file");
    let hostile = |bytes: &[u8]| {
        bytes
            .iter()
            .any(|&b| b == 0x1b || b == 0x07 || (b == b'\r'))
            || String::from_utf8_lossy(bytes).contains('\u{202E}')
    };
    let table = subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&path)
        .assert()
        .success();
    let out = table.get_output();
    assert!(
        !hostile(&out.stdout),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !hostile(&out.stderr),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("甲\\u{202e}乙"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J"),
        "{stderr}"
    );
    for claim in ["X1", "X2"] {
        let explained = subsidy()
            .args(["--lang", "en", "explain"])
            .arg(&path)
            .args(["--claim", claim])
            .assert()
            .success();
        let out = explained.get_output();
        assert!(
            !hostile(&out.stdout),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !hostile(&out.stderr),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let csv = dir.path().join("payout.csv");
    subsidy()
        .arg("calc")
        .arg(&path)
        .arg("--out")
        .arg(&csv)
        .assert()
        .success();
    let written = std::fs::read(&csv).expect("the payout");
    assert!(!written.contains(&0x1b) && !written.contains(&0x07));
    assert!(String::from_utf8_lossy(&written).contains("\\u{1b}]0;PWNED"));
    let book = dir.path().join("payout.xlsx");
    subsidy()
        .arg("calc")
        .arg(&path)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let file = std::fs::File::open(&book).expect("the workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    for i in 0..zip.len() {
        let mut part = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_index(i).expect("a part"), &mut part)
            .expect("read a part");
        let part = String::from_utf8_lossy(&part);
        assert!(
            !part.contains("_x001B_") && !part.contains('\u{1b}'),
            "{part}"
        );
    }
}

#[test]
fn a_full_width_id_number_was_printed_whole() {
    // 441882199001011230 typed in full width: the ASCII form was masked,
    // this one printed whole in the table, the two-names and check
    // character warnings, explain and compare. The last row's check
    // character is 4 where the other 17 give 0.
    let wide = "４４１８８２１９９００１０１１２３０";
    let wrong = "４４１８８２１９９００１０１１２３４";
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("claims.csv");
    let text = format!(
        "{HEADER}\n\
         F1,{wide},张三,个人,copyright_registration,2024-03-01,1,,,,,,,\n\
         F2,{wide},张叁,个人,copyright_registration,2024-03-02,1,,,,,,,\n\
         F3,{wrong},李四,个人,copyright_registration,2024-03-03,1,,,,,,,\n"
    );
    std::fs::write(&path, text).expect("write a test file");
    let runs: [Vec<&str>; 3] = [
        vec!["calc"],
        vec!["explain", "--claim", "F1"],
        vec![
            "compare",
            "--alt-set",
            "item.copyright_registration.amount=300",
        ],
    ];
    for args in runs {
        let out = subsidy()
            .args(["--lang", "en", args[0]])
            .arg(&path)
            .args(&args[1..])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!said.contains("１２３"), "{args:?}: {said}");
        assert!(!said.contains("19900101"), "{args:?}: {said}");
        assert!(said.contains("441882********1230"), "{args:?}: {said}");
    }
    let out = subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&path)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("two names"), "{stderr}");
    assert!(stderr.contains("441882********1234"), "{stderr}");
}

#[test]
fn the_catalogue_csv_wrote_an_item_name_a_spreadsheet_runs_as_a_formula() {
    // Every other CSV of this tool writes `'=…`; the catalogue wrote the
    // name of an item as the policy file had it.
    let text = std::fs::read_to_string("policy/lianzhou-2024.toml").expect("the bundled policy");
    let hostile = text.replacen(
        "name = \"新增高价值发明专利\"",
        "name = '=HYPERLINK(\"http://x\",\"新增\")'",
        1,
    );
    assert_ne!(hostile, text, "the item's name is in the policy");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("policy.toml");
    std::fs::write(&path, hostile).expect("write a test file");
    let out = subsidy()
        .args(["policy", "list", "--format", "csv", "--policy"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"新增\"\")\""),
        "{csv}"
    );
    assert!(!csv.contains(",\"=HYPERLINK"), "{csv}");
    assert!(csv
        .lines()
        .next()
        .is_some_and(|h| h.ends_with("clause,item,name,kind,figure,who,rules")));
}
