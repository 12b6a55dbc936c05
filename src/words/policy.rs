//! The words of the policy facts: the loader's problems, the commands that
//! maintain the policy file (`policy validate|test|show`) and the worked
//! cases behind `policy test`.

mod sentences;

use crate::cases::{CaseMismatch, CasesError};
use crate::policy::{Policy, PolicyFault, PolicyProblem};

pub trait PolicyWords {
    /// One mistake of a policy file, without where it is.
    fn policy_fault(&self, fault: &PolicyFault) -> String;

    /// `FILE:LINE:COLUMN: key `KEY`: mistake`, without a line break.
    fn policy_problem(&self, file: &str, problem: &PolicyProblem) -> String;

    /// `policy validate` found nothing wrong.
    fn policy_valid(&self, file: &str, clauses: usize, items: usize) -> String;

    /// `policy validate` found `count` problems (already listed).
    fn policy_problem_count(&self, file: &str, count: usize) -> String;

    /// The heading of a failed worked case.
    /// A case that failed, after the clause it illustrates as the
    /// measures number it.
    fn case_failed(&self, policy: &Policy, clause: Option<u32>, case: &str) -> String;

    /// One way a worked case went otherwise than it says.
    fn case_mismatch(&self, policy: &Policy, mismatch: &CaseMismatch) -> String;

    /// The line that ends `policy test`.
    fn cases_summary(&self, file: &str, run: usize, passed: usize, failed: usize) -> String;

    /// `policy test` had failures.
    fn cases_failed(&self, failed: usize) -> String;

    /// A cases file that cannot be read.
    fn cases_unreadable(&self, error: &CasesError) -> String;

    /// A per-unit figure with the unit the policy file counts in:
    /// `2,000 /件`, `2,000 per patent`.
    fn per_unit_figure(&self, amount: &str, unit: &str) -> String;

    /// The heading above an item's conditions that the office verifies at
    /// intake (`policy show`); the conditions follow, one a line.
    fn intake_heading(&self) -> &'static str;

    /// `policy show WHAT`: neither an item nor a clause; `near` are the
    /// item ids closest to it, nearest first (maybe none).
    fn not_item_or_clause(&self, written: &str, near: &[&str]) -> String;

    /// An item written as a part of several items' names: each of them as
    /// (id, Chinese name).
    fn ambiguous_item(&self, written: &str, candidates: &[(&str, &str)]) -> String;
}

/// The figures of an expected outcome as both languages show them:
/// `paid 40000/38000`, `-` for a computed amount the case does not give,
/// `?` for one that is not a number.
pub(super) fn expected_figures(expected: &crate::cases::Expected) -> String {
    let shown = |d: Option<rust_decimal::Decimal>| {
        d.map(crate::money::plain)
            .unwrap_or_else(|| "?".to_string())
    };
    let computed = expected
        .computed
        .map(shown)
        .unwrap_or_else(|| "-".to_string());
    format!("{} {computed}/{}", expected.status, shown(expected.payable))
}

/// The figures of an actual outcome: `capped 40000/38000`.
pub(super) fn actual_figures(actual: &crate::cases::Actual) -> String {
    format!(
        "{} {}/{}",
        actual.status.as_str(),
        crate::money::plain(actual.computed),
        crate::money::plain(actual.payable)
    )
}

/// Why a worked case's claim came out as it did, in `lang`.
pub(super) fn why(policy: &Policy, why: &crate::cases::Why, lang: super::Lang) -> String {
    match why {
        crate::cases::Why::Decided(claim, outcome) => super::reason(policy, claim, outcome, lang),
        crate::cases::Why::Invalid(bad) => super::invalid_reason(bad, lang),
    }
}
