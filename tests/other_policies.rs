//! The engine knows kinds of rule, not items: a different policy file is
//! a different set of rules with no new code. These cases use small policies
//! written here to reach rules the bundled measures do not combine.

use std::str::FromStr;

use rust_decimal::Decimal;
use subsidy::claims::{read_claims, Keys};
use subsidy::engine;
use subsidy::policy;

const HEADER: &str = "claim_id,applicant_id,applicant_name,applicant_type,item,date,score";

fn run(policy_text: &str, rows: &[&str]) -> Vec<(String, String, Decimal, Decimal)> {
    let policy = policy::load("test.toml", policy_text).unwrap_or_else(|e| panic!("{e}"));
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let mut keys = Keys::default();
    let batch = read_claims("claims.csv", text.as_bytes(), &policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    let outcomes = engine::run(&policy, &batch.claims, &[]);
    batch
        .claims
        .iter()
        .zip(&outcomes)
        .map(|(c, o)| {
            (
                c.claim_id.to_string(),
                o.status.as_str().to_string(),
                o.computed,
                o.payable,
            )
        })
        .collect()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("{s}"))
}

/// A city whose station awards share a yearly cap per unit of 35,000, with
/// one excellent place a year.
const QUOTA_WITH_CAP: &str = r#"
id = "test-city"
title = "test"
source = "test"
status = "final"
valid_from = 2024-01-01
valid_until = 2024-12-31
currency = "CNY"

[rounding]
mode = "half_up"
decimals = 2

[[applicant_type]]
id = "organization"
name = "社会组织"

[[clause]]
number = 1
title = "stations"
source = "优秀3万元，合格1万元，优秀每年1个，每个单位年度最高3.5万元。"
annual_cap = 35000

[[clause.item]]
id = "excellent"
name = "优秀"
kind = "fixed"
amount = 30000
applicants = ["organization"]

[clause.item.quota]
per_year = 1
overflow = "qualified"

[[clause.item]]
id = "qualified"
name = "合格"
kind = "fixed"
amount = 10000
applicants = ["organization"]
"#;

#[test]
fn a_quota_that_shares_a_cap_is_settled_before_later_claims_use_the_room() {
    let results = run(
        QUOTA_WITH_CAP,
        &[
            "Q1,A,甲,organization,qualified,2024-01-10,",
            "X1,A,甲,organization,excellent,2024-02-10,50",
            "X2,B,乙,organization,excellent,2024-03-10,90",
            "Q2,A,甲,organization,qualified,2024-12-10,",
        ],
    );
    let expected = [
        // 10,000 of A's 35,000.
        ("Q1", "paid", "10000", "10000"),
        // B outranks A for the one place: A is paid the qualified 10,000.
        ("X1", "capped", "30000", "10000"),
        ("X2", "paid", "30000", "30000"),
        // 20,000 used, 15,000 left: paid in full. Had A's excellent claim
        // kept 25,000 of the room, nothing would be left here.
        ("Q2", "paid", "10000", "10000"),
    ];
    assert_eq!(results.len(), expected.len());
    for ((id, status, computed, payable), got) in expected.iter().zip(&results) {
        assert_eq!(
            (got.0.as_str(), got.1.as_str(), got.2, got.3),
            (*id, *status, dec(computed), dec(payable))
        );
    }
}

#[test]
fn a_rounding_declared_by_the_policy_is_the_one_applied() {
    let policy = QUOTA_WITH_CAP
        .replace("mode = \"half_up\"", "mode = \"down\"")
        .replace("decimals = 2", "decimals = 0")
        .replace(
            "[[clause.item]]\nid = \"qualified\"",
            "[[clause.item]]\nid = \"share\"\nname = \"share\"\nkind = \"percent\"\nrate = \"3%\"\napplicants = [\"organization\"]\n\n[[clause.item]]\nid = \"qualified\"",
        );
    let policy = policy::load("test.toml", &policy).unwrap_or_else(|e| panic!("{e}"));
    let text = format!("{HEADER},amount\nS1,A,甲,organization,share,2024-05-01,,999.99\n");
    let mut keys = Keys::default();
    let batch = read_claims("claims.csv", text.as_bytes(), &policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    let outcomes = engine::run(&policy, &batch.claims, &[]);
    // 3% of 999.99 is 29.9997: rounded down to whole yuan, 29.
    assert_eq!(outcomes[0].computed, dec("29"));
}

#[test]
fn a_ranking_that_has_not_settled_within_the_pass_limit_is_reported() {
    let policy = policy::load("test.toml", QUOTA_WITH_CAP).unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "{HEADER}\nQ1,A,甲,organization,qualified,2024-01-10,\nX1,A,甲,organization,excellent,2024-02-10,50\nX2,B,乙,organization,excellent,2024-03-10,90\n"
    );
    let mut keys = Keys::default();
    let batch = read_claims("claims.csv", text.as_bytes(), &policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    // The quota shares the clause cap, so the ranking needs a second pass.
    let (_, settled) = engine::run_within(&policy, &batch.claims, &[], 2);
    assert!(settled);
    let (outcomes, settled) = engine::run_within(&policy, &batch.claims, &[], 1);
    assert!(!settled, "one pass cannot settle a quota that shares a cap");
    // The unsettled pass still reconciles: X1 is cut by A's clause room
    // (35,000 - 10,000 = 25,000), X2 is paid in full, unranked.
    let payable: Vec<Decimal> = outcomes.iter().map(|o| o.payable).collect();
    assert_eq!(payable, [dec("10000"), dec("25000"), dec("30000")]);
    for o in &outcomes {
        assert!(o.payable <= o.computed);
    }
}
