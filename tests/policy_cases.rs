//! Every policy file shipped or kept for tests has its worked cases beside
//! it; `subsidy policy test FILE` runs them and every one passes.

mod common;
use common::subsidy;

fn passes(policy: &str) {
    subsidy()
        .args(["policy", "test", policy])
        .assert()
        .success();
}

#[test]
fn the_rules_demo_policy_passes_its_worked_cases() {
    passes("tests/policies/rules.toml");
}

#[test]
fn the_rules_demo_policy_is_valid() {
    subsidy()
        .args(["policy", "validate", "tests/policies/rules.toml"])
        .assert()
        .success();
}
