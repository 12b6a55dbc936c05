//! How references and applicant ids are keyed: any text, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::claims::{reference_key, Keys};

fuzz_target!(|text: &str| {
    let _ = reference_key(text);
    let _ = subsidy::text::applicant_key(text);
    let mut keys = Keys::default();
    let a = keys.reference(text);
    let b = keys.reference(text);
    assert_eq!(a, b, "one reference, two keys");
    let _ = keys.applicant(text);
});
