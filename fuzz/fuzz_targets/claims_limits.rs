//! The claims reader behind the limits guard, as the binary reads a file:
//! the first three bytes choose small limits, the rest is the file. A file
//! the guard passes never holds more rows than the row limit.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use subsidy::claims::limits::{guard, Limits};
use subsidy::claims::{read_claims, Keys};
use subsidy::policy::{bundled, Policy};

static POLICY: LazyLock<Policy> =
    LazyLock::new(|| bundled().unwrap_or_else(|e| panic!("bundled policy: {e:?}")));

fuzz_target!(|data: &[u8]| {
    let [a, b, c, file @ ..] = data else {
        return;
    };
    let limits = Limits {
        max_field_bytes: 1 + u64::from(*a),
        max_record_bytes: 1 + 4 * u64::from(*b),
        max_rows: u64::from(*c),
    };
    let (input, stopped) = guard(file, limits);
    let mut keys = Keys::default();
    if let Ok(batch) = read_claims("fuzz.csv", input, &POLICY, &mut keys) {
        assert!(stopped.get().is_none(), "read past a stop: {stopped:?}");
        assert!(
            batch.rows.len() as u64 <= limits.max_rows,
            "rows beyond the limit"
        );
    }
});
