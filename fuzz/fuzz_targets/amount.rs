//! The amount, number and quantity parsers: any text, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::claims::parse_quantity;
use subsidy::money::{grouped, parse_amount, parse_number, plain};

fuzz_target!(|text: &str| {
    if let Ok(v) = parse_amount(text) {
        let _ = (plain(v), grouped(v));
    }
    if let Ok(v) = parse_number(text) {
        let _ = (plain(v), grouped(v));
    }
    let _ = parse_quantity(text);
});
