//! The ledger's checks against the pass: a fuzzed ledger read with the
//! bundled policy, then the sample batch decided against what it says was
//! paid. Whatever the ledger passes, no claim is paid a negative amount,
//! more than it computes to, or cut by a negative amount.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use subsidy::claims::{read_claims, Keys};
use subsidy::engine;
use subsidy::ledger::read_ledger;
use subsidy::policy::{bundled, Policy};
use subsidy::words::Lang;

static POLICY: LazyLock<Policy> =
    LazyLock::new(|| bundled().unwrap_or_else(|e| panic!("bundled policy: {e:?}")));

const CLAIMS: &str = include_str!("../../samples/claims-2024.csv");

fuzz_target!(|data: &[u8]| {
    let mut keys = Keys::default();
    let batch = read_claims("claims.csv", CLAIMS.as_bytes(), &POLICY, &mut keys)
        .unwrap_or_else(|e| panic!("the sample claims: {e}"));
    let prior = match read_ledger("fuzz.csv", data, &POLICY, &mut keys) {
        Ok(prior) => prior,
        Err(e) => {
            let _ = (e.render(Lang::Zh), e.render(Lang::En));
            return;
        }
    };
    for (claim, outcome) in batch
        .claims
        .iter()
        .zip(engine::run(&POLICY, &batch.claims, &prior))
    {
        let id = &claim.claim_id;
        assert!(
            outcome.payable >= rust_decimal::Decimal::ZERO,
            "{id} paid below zero"
        );
        assert!(
            outcome.payable <= outcome.computed,
            "{id} paid {} of {}",
            outcome.payable,
            outcome.computed
        );
    }
});
