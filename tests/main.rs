//! Every integration test, one binary (a module per area, as ripgrep and
//! xsv keep theirs): the whole dependency graph is linked once, not once
//! per file. `tests/regression.rs` keeps a test per bug fixed.

mod common;
/// The benchmark's generator of claims, with a fixed seed.
#[allow(dead_code)]
#[path = "../examples/gen_claims.rs"]
mod gen;
mod http;

mod bad_input;
mod book;
mod browser;
mod check_chars;
mod checksums;
mod clauses;
mod cli;
mod explain;
mod other_policies;
mod output;
mod policy_cases;
mod properties;
mod regression;
mod serve;
mod snapshots;
mod spreadsheets;
mod whatif;
mod windows;
mod wording;
mod words_book;
mod words_claims;
mod words_help;
mod words_page;
mod words_policy;
mod words_report;
mod words_whatif;
mod zhenghe;
