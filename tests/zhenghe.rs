//! The second real measure: 南平市政和县专利奖励资助标准, encoded in
//! policy/zhenghe-undated.toml. Its worked cases pass, and the sample claims
//! run through the real binary give the totals worked by hand below.

use crate::common::subsidy;

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
///       40,000, then 职务发明 同一权利人同一年度不超过10万元 leaves 10,000.
/// Z-004 service utility models, no invention that year: 30,000 → 25,000.
/// Z-005 service designs 4 × 1,000 = 4,000, paid.
/// Z-006 an individual's utility models 12 × 1,000 = 12,000 → 10,000.
/// Z-007 the invention patent of Z-001 again: refused, 0.
/// Z-008 purchased inventions 4 × 10,000 = 40,000, at most 3 → 30,000.
/// Z-009 an individual's design: no figure for 非职务 designs, refused.
/// Z-010 the same individual as Z-006, inventions 3 × 20,000 = 60,000;
///       非职务发明 同一权利人同一年度不超过5万元, of which Z-006 used
///       10,000: 40,000 left → 40,000 (a unit would have been paid 60,000).
/// Computed: 60,000 + 30,000 + 60,000 + 30,000 + 4,000 + 12,000 +
/// 20,000 + 40,000 + 1,000 + 60,000 = 317,000.
/// Paid: 60,000 + 30,000 + 10,000 + 25,000 + 4,000 + 10,000 + 30,000 +
/// 40,000 = 209,000; cut 317,000 − 209,000 = 108,000.
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
        ("Z-010", "capped", "60000.00", "40000.00"),
    ];
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn the_zhenghe_table_adds_up_to_209000() {
    subsidy()
        .args(["calc", "--policy", POLICY, SAMPLE])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "核定 ¥317,000.00 = 拨付 ¥209,000.00 + 核减 ¥108,000.00",
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

/// Z-010: an individual is capped at 50,000 (not the units' 100,000), and
/// the reason and the derivation say whose figure it is, in both languages.
#[test]
fn an_individuals_cap_over_the_measure_is_its_own_figure() {
    let explain = |lang: &str| {
        let out = subsidy()
            .args([
                "--lang", lang, "explain", "--policy", POLICY, SAMPLE, "--claim", "Z-010",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("utf-8")
    };
    let zh = explain("zh");
    assert!(
        zh.contains("同一申请人（个人）年度资助总额上限 50,000：Z-006（10,000）"),
        "{zh}"
    );
    assert!(zh.contains("应付 60,000 → 40,000"), "{zh}");
    let en = explain("en");
    assert!(
        en.contains("annual cap 50,000 per applicant (individual) over the whole measure"),
        "{en}"
    );
    // The catalogue shows both figures.
    let show = subsidy()
        .args(["policy", "show", "--policy", POLICY, "invention"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let show = String::from_utf8(show).expect("utf-8");
    assert!(
        show.contains("同一申请人年度资助总额上限 100,000（个人 50,000）"),
        "{show}"
    );
}

/// `--set` changes the individual's figure alone: Z-010 is then paid its
/// 60,000 in full (10,000 + 60,000 ≤ 70,000), the total 209,000 + 20,000.
#[test]
fn the_individuals_figure_can_be_set_for_one_run() {
    subsidy()
        .args([
            "calc",
            "--policy",
            POLICY,
            SAMPLE,
            "--set",
            "measure_cap.by_type.individual=70000",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("拨付 ¥229,000.00"));
}

mod per_type_cap {
    //! A property of the cap over the whole measure with a figure per
    //! applicant type: in any batch, each holder's total in a year is the
    //! smaller of its own type's figure and what it would be paid with no
    //! cap over the measure at all. Every reference is distinct, so no
    //! holder's claims change another's.

    use std::collections::HashMap;

    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use subsidy::claims::{read_claims, Keys};
    use subsidy::engine;
    use subsidy::policy::{load, Policy};

    const TEXT: &str = include_str!("../policy/zhenghe-undated.toml");

    /// (applicant_id, applicant_type, yearly figure).
    const HOLDERS: [(&str, &str, i64); 4] = [
        ("P1", "个人", 50_000),
        ("P2", "个人", 50_000),
        ("E1", "企业", 100_000),
        ("I1", "事业单位", 100_000),
    ];

    /// Items any holder may claim; a fourth choice is the holder's own
    /// utility-model item (an individual's or a unit's).
    const ANY: [&str; 3] = ["invention", "purchased_invention", "pct_invention"];

    fn policies() -> (Policy, Policy) {
        let capped = load("zhenghe", TEXT).unwrap_or_else(|e| panic!("{e}"));
        // The same file with both figures of the measure cap out of reach.
        let open = TEXT
            .replace("annual = 100000 ", "annual = 999999999 ")
            .replace("individual = 50000 }", "individual = 999999999 }");
        assert_eq!(
            open.matches("999999999").count(),
            2,
            "both figures replaced"
        );
        let open = load("zhenghe-open", &open).unwrap_or_else(|e| panic!("{e}"));
        (capped, open)
    }

    /// One claim: holder, item choice, quantity, year, month.
    type Spec = (usize, usize, u32, i32, u32);

    fn csv(specs: &[Spec]) -> String {
        let mut out = String::from(
            "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,ref,inventions_granted\n",
        );
        for (i, &(h, pick, quantity, year, month)) in specs.iter().enumerate() {
            let (id, kind, _) = HOLDERS[h];
            let own = if kind == "个人" {
                "utility_personal"
            } else {
                "utility_service_inv"
            };
            let item = ANY.get(pick).copied().unwrap_or(own);
            let refs = if item == "pct_invention" {
                format!("PCT-{i}")
            } else {
                (1..=quantity)
                    .map(|k| format!("R{i}-{k}"))
                    .collect::<Vec<_>>()
                    .join("；")
            };
            out.push_str(&format!(
                "C{i:02},{id},{id},{kind},{item},{year}-{month:02}-15,{quantity},{refs},1\n"
            ));
        }
        out
    }

    /// Each holder's total paid per year, by its place in `HOLDERS`.
    fn totals(policy: &Policy, specs: &[Spec]) -> HashMap<(usize, i32), Decimal> {
        let text = csv(specs);
        let batch = read_claims("claims.csv", text.as_bytes(), policy, &mut Keys::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(batch.claims.len(), specs.len(), "every row reads:\n{text}");
        let outcomes = engine::run(policy, &batch.claims, &[]);
        let mut sums = HashMap::new();
        for (claim, outcome) in batch.claims.iter().zip(&outcomes) {
            let i: usize = claim.claim_id[1..].parse().expect("C and a number");
            let (h, _, _, year, _) = specs[i];
            *sums.entry((h, year)).or_insert(Decimal::ZERO) += outcome.payable;
        }
        sums
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn each_holder_is_paid_the_smaller_of_its_figure_and_the_uncapped_total(
            specs in prop::collection::vec(
                (0..4usize, 0..4usize, 1..=5u32, 2024..=2025i32, 1..=12u32),
                1..16,
            )
        ) {
            let (capped, open) = policies();
            let with_cap = totals(&capped, &specs);
            let without = totals(&open, &specs);
            prop_assert_eq!(with_cap.len(), without.len());
            for (key, paid) in &with_cap {
                let figure = Decimal::from(HOLDERS[key.0].2);
                let free = without.get(key).copied().unwrap_or_default();
                prop_assert_eq!(*paid, free.min(figure), "{:?} in\n{}", key, csv(&specs));
            }
        }
    }
}

/// A misspelt type in `measure_cap.by_type` is refused at its line, with
/// the nearest type id, in both languages.
#[test]
fn an_unknown_type_in_the_measure_caps_by_type_is_refused_with_the_nearest() {
    let text = std::fs::read_to_string(POLICY).expect("the policy file");
    let bad = text.replace(
        "by_type = { individual = 50000 }",
        "by_type = { individaul = 50000 }",
    );
    assert_ne!(bad, text);
    let line = bad
        .lines()
        .position(|l| l.contains("individaul"))
        .expect("the line")
        + 1;
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("zhenghe-bad.toml");
    std::fs::write(&path, bad).expect("written");
    let path = path.to_string_lossy().to_string();
    subsidy()
        .args(["--lang", "en", "policy", "validate", &path])
        .assert()
        .failure()
        .stdout(predicates::str::contains(format!(
            "zhenghe-bad.toml:{line}:"
        )))
        .stdout(predicates::str::contains(
            "`individaul` is no applicant type: did you mean `individual`?",
        ));
    subsidy()
        .args(["--lang", "zh", "policy", "validate", &path])
        .assert()
        .failure()
        .stdout(predicates::str::contains(
            "“individaul”不是申请人类型：是否应为“individual”？",
        ));
}
