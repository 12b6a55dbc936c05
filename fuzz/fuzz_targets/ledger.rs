//! The ledger reader (`--ledger`), with the bundled policy.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use subsidy::claims::Keys;
use subsidy::ledger::read_ledger;
use subsidy::policy::{bundled, Policy};
use subsidy::words::Lang;

static POLICY: LazyLock<Policy> =
    LazyLock::new(|| bundled().unwrap_or_else(|e| panic!("bundled policy: {e:?}")));

fuzz_target!(|data: &[u8]| {
    let mut keys = Keys::default();
    if let Err(e) = read_ledger("fuzz.csv", data, &POLICY, &mut keys) {
        let _ = (e.render(Lang::Zh), e.render(Lang::En));
    }
});
