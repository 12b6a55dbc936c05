//! The date parser: any text, no panic; a date it accepts is a real date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::date::Date;

fuzz_target!(|text: &str| {
    if let Some(d) = Date::parse(text) {
        let _ = (d.year(), d.ordinal());
    }
});
