//! `subsidy`: intellectual-property subsidies computed from the measures
//! encoded as a policy file (one city's bundled) and a CSV of claims.
//!
//! The library holds everything, down to one run of the command line
//! (`app::main`, all that the binary calls), so the pass can be tested
//! without the binary: `policy` loads the measures, `claims` reads a
//! batch, `ledger` reads earlier payouts, `engine` runs the cap-aware pass,
//! `report` prints what it decided.

// Functions stay short enough to read in one sitting (clippy.toml sets 80
// lines); .ci/run's clippy with -D warnings enforces it.
#![warn(clippy::too_many_lines)]

pub mod app;
#[cfg(test)]
mod architecture_test;
pub mod book;
pub mod cases;
pub mod claims;
pub mod cli;
mod cmd;
pub mod date;
pub mod decided;
pub mod decode;
pub mod dryrun;
pub mod engine;
pub mod error;
pub mod headers;
pub mod ids;
pub mod lang;
pub mod ledger;
pub mod money;
pub mod output;
pub mod payout_columns;
pub mod policy;
pub mod progress;
pub mod report;
pub mod serve;
pub mod sheet;
pub mod template;
pub mod text;
pub mod whatif;
pub mod words;
