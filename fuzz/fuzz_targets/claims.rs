//! The claims reader, then the pass and the payout on whatever it accepted.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use subsidy::claims::{read_claims, Keys};
use subsidy::policy::{bundled, Policy};
use subsidy::report::{write_payout, Decided};
use subsidy::words::Lang;

static POLICY: LazyLock<Policy> =
    LazyLock::new(|| bundled().unwrap_or_else(|e| panic!("bundled policy: {e:?}")));

fuzz_target!(|data: &[u8]| {
    let policy = &*POLICY;
    let mut keys = Keys::default();
    let Ok(batch) = read_claims("fuzz.csv", data, policy, &mut keys) else {
        return;
    };
    let outcomes = subsidy::engine::run(policy, &batch.claims, &[]);
    let decided = Decided {
        policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    let mut out = Vec::new();
    let _ = write_payout(&decided, &mut out, true, Lang::En);
});
