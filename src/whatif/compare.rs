//! `compare`: one batch under two policies. Pure: it takes what each run
//! decided per input row and gives the totals, the cost per clause, the
//! applicants whose payout changes most and the claims whose status
//! changes. The rows of both runs are the same input rows, in input order.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::decided::Decided;
use crate::engine::Status;

/// What one run decided for one input row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowResult {
    pub claim_id: String,
    pub applicant_id: String,
    pub applicant_name: String,
    /// The clause number of the row's item; `None` when it is unknown.
    pub clause: Option<u32>,
    pub status: Status,
    pub payable: Decimal,
}

/// The rows of a decided batch, in input order.
pub fn results(decided: &Decided) -> Vec<RowResult> {
    decided
        .lines()
        .map(|line| RowResult {
            claim_id: line.claim_id().to_string(),
            applicant_id: line.applicant_id().to_string(),
            applicant_name: line.applicant_name().to_string(),
            clause: line.item().map(|i| decided.policy.clause_of(i).number),
            status: line.status(),
            payable: line.money().1,
        })
        .collect()
}

/// Two figures side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pair {
    pub base: Decimal,
    pub alt: Decimal,
}

impl Pair {
    pub fn difference(&self) -> Decimal {
        self.alt - self.base
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApplicantChange {
    pub applicant_id: String,
    pub applicant_name: String,
    pub payable: Pair,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub claim_id: String,
    pub applicant_id: String,
    pub base: Status,
    pub alt: Status,
    pub payable: Pair,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub total: Pair,
    /// Every clause with a row, in clause order; `None` last (rows whose
    /// item neither policy knows).
    pub clauses: Vec<(Option<u32>, Pair)>,
    /// The applicants whose payout changes, most first (ties by id); at
    /// most `TOP`.
    pub applicants: Vec<ApplicantChange>,
    /// In input order.
    pub status_changes: Vec<StatusChange>,
}

/// How many applicants the comparison lists.
pub const TOP: usize = 20;

/// The comparison of `base` and `alt`, rows paired by position.
pub fn compare(base: &[RowResult], alt: &[RowResult]) -> Comparison {
    let mut total = Pair::default();
    let mut clauses: BTreeMap<(bool, u32), Pair> = BTreeMap::new();
    let mut applicants: Vec<ApplicantChange> = Vec::new();
    let mut applicant_at: BTreeMap<String, usize> = BTreeMap::new();
    let mut status_changes = Vec::new();
    for (b, a) in base.iter().zip(alt) {
        total.base += b.payable;
        total.alt += a.payable;
        let key = |c: Option<u32>| (c.is_none(), c.unwrap_or(0));
        clauses.entry(key(b.clause)).or_default().base += b.payable;
        clauses.entry(key(a.clause)).or_default().alt += a.payable;
        let id = crate::text::applicant_key(&b.applicant_id).into_owned();
        let at = *applicant_at.entry(id).or_insert_with(|| {
            applicants.push(ApplicantChange {
                applicant_id: b.applicant_id.clone(),
                applicant_name: b.applicant_name.clone(),
                payable: Pair::default(),
            });
            applicants.len() - 1
        });
        applicants[at].payable.base += b.payable;
        applicants[at].payable.alt += a.payable;
        if b.status != a.status {
            status_changes.push(StatusChange {
                claim_id: b.claim_id.clone(),
                applicant_id: b.applicant_id.clone(),
                base: b.status,
                alt: a.status,
                payable: Pair {
                    base: b.payable,
                    alt: a.payable,
                },
            });
        }
    }
    applicants.retain(|a| !a.payable.difference().is_zero());
    applicants.sort_by(|x, y| {
        let dx = x.payable.difference().abs();
        let dy = y.payable.difference().abs();
        dy.cmp(&dx).then(x.applicant_id.cmp(&y.applicant_id))
    });
    applicants.truncate(TOP);
    Comparison {
        total,
        clauses: clauses
            .into_iter()
            .map(|((unknown, n), pair)| ((!unknown).then_some(n), pair))
            .collect(),
        applicants,
        status_changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, applicant: &str, clause: u32, status: Status, payable: i64) -> RowResult {
        RowResult {
            claim_id: id.into(),
            applicant_id: applicant.into(),
            applicant_name: applicant.into(),
            clause: Some(clause),
            status,
            payable: Decimal::from(payable),
        }
    }

    #[test]
    fn differences_by_clause_applicant_and_status() {
        let base = [
            row("C1", "A", 1, Status::Capped, 38000),
            row("C2", "B", 2, Status::Paid, 500),
        ];
        let alt = [
            row("C1", "A", 1, Status::Paid, 40000),
            row("C2", "B", 2, Status::Paid, 500),
        ];
        let c = compare(&base, &alt);
        assert_eq!(c.total.difference(), Decimal::from(2000));
        assert_eq!(c.clauses.len(), 2);
        assert_eq!(c.clauses[0].1.difference(), Decimal::from(2000));
        assert!(c.clauses[1].1.difference().is_zero());
        assert_eq!(c.applicants.len(), 1);
        assert_eq!(c.status_changes.len(), 1);
    }
}
