//! The second real measure: 南平市政和县专利奖励资助标准, encoded in
//! policy/zhenghe-undated.toml. Its worked cases pass, and the sample claims
//! run through the real binary give the totals worked by hand below.

mod common;
use common::subsidy;

const POLICY: &str = "policy/zhenghe-undated.toml";
const SAMPLE: &str = "samples/zhenghe-undated-claims.csv";

/// (claim_id, status, computed, payable) of every row of the payout CSV.
fn payout() -> Vec<(String, String, String, String)> {
    let out = subsidy()
        .args([
            "calc", "--policy", POLICY, SAMPLE, "--format", "csv", "--no-bom",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers = reader.headers().expect("a header row").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (id, status, computed, payable) = (
        col("claim_id"),
        col("status"),
        col("computed"),
        col("payable"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("a row");
            (
                r[id].to_string(),
                r[status].to_string(),
                r[computed].to_string(),
                r[payable].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_zhenghe_policy_is_valid_and_passes_its_worked_cases() {
    subsidy()
        .args(["policy", "validate", POLICY])
        .assert()
        .success();
    subsidy()
        .args(["policy", "test", POLICY])
        .assert()
        .success();
}

/// Worked by hand from the text:
/// Z-001 invention 3 × 20,000 = 60,000, paid.
/// Z-002 service utility models with an invention granted that year:
///       12 × 2,500 = 30,000 under the 50,000 cap, paid (the holder: 90,000).
/// Z-003 PCT, one invention in 3 countries: 60,000, at most 2 countries →
///       40,000, then 同一权利人同一年度不超过10万元 leaves 10,000.
/// Z-004 service utility models, no invention that year: 30,000 → 25,000.
/// Z-005 service designs 4 × 1,000 = 4,000, paid.
/// Z-006 an individual's utility models 12 × 1,000 = 12,000 → 10,000.
/// Z-007 the invention patent of Z-001 again: refused, 0.
/// Z-008 purchased inventions 4 × 10,000 = 40,000, at most 3 → 30,000.
/// Z-009 an individual's design: no figure for 非职务 designs, refused.
/// Paid 60,000 + 30,000 + 10,000 + 25,000 + 4,000 + 10,000 + 30,000 = 169,000.
#[test]
fn the_zhenghe_sample_pays_the_totals_worked_by_hand() {
    let rows = payout();
    let expected = [
        ("Z-001", "paid", "60000.00", "60000.00"),
        ("Z-002", "paid", "30000.00", "30000.00"),
        ("Z-003", "capped", "60000.00", "10000.00"),
        ("Z-004", "capped", "30000.00", "25000.00"),
        ("Z-005", "paid", "4000.00", "4000.00"),
        ("Z-006", "capped", "12000.00", "10000.00"),
        ("Z-007", "rejected", "20000.00", "0.00"),
        ("Z-008", "capped", "40000.00", "30000.00"),
        ("Z-009", "rejected", "1000.00", "0.00"),
    ];
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn the_zhenghe_table_adds_up_to_169000() {
    subsidy()
        .args(["calc", "--policy", POLICY, SAMPLE])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "核定 ¥257,000.00 = 拨付 ¥169,000.00 + 核减 ¥88,000.00",
        ));
}

#[test]
fn the_zhenghe_measure_cap_is_named_in_the_reason() {
    let out = subsidy()
        .args([
            "--lang", "en", "explain", "--policy", POLICY, SAMPLE, "--claim", "Z-003",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("100,000"), "{text}");
    assert!(text.contains("40,000"), "{text}");
}
