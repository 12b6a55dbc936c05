//! `subsidy`: the intellectual-property subsidies of 连州市, computed from
//! the measures encoded as a policy file and a CSV of claims.
//!
//! The library holds everything but argument parsing, so the pass can be
//! tested without the binary: `policy` loads the measures, `claims` reads a
//! batch, `ledger` reads earlier payouts, `engine` runs the cap-aware pass,
//! `report` prints what it decided.

pub mod cases;
pub mod claims;
pub mod cli;
mod cmd;
pub mod date;
pub mod engine;
pub mod error;
pub mod i18n;
pub mod ledger;
pub mod money;
pub mod output;
pub mod policy;
pub mod report;
pub mod text;
