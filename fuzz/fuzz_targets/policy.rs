//! The policy loader: any text, no panic; every problem renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy::policy::load;
use subsidy::words::Lang;

fuzz_target!(|text: &str| {
    if let Err(e) = load("fuzz.toml", text) {
        let _ = (e.render(Lang::Zh), e.render(Lang::En));
    }
});
