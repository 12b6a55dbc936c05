//! `report`: the year's payouts tabulated. Pure: it takes the rows of the
//! payout files as read and sums them per clause, applicant type, month,
//! batch and (for rejected rows) reason. Every figure is a sum of rows, so
//! each table adds up to the same totals.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::engine::{Rejection, Status};

/// The rule a rejection applied, without what is particular to the claim
/// (which claim paid the reference first, the figures it fell short by).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionKind {
    OutsideValidity,
    OtherCitySupport,
    ApplicantType,
    MissingTag,
    FactBelow,
    QuantityBelow,
    OutOfRange,
    QuotaFull,
    ClaimInLedger,
    RefPaid,
    RefsPaid,
    ApplicantRefPaid,
    ApplicantPaid,
    ItemYearPaid,
    ClauseYearPaid,
    OutsideWindow,
    FactNotAllowed,
    HigherAwardPaid,
    EarlierAwardMissing,
    Candidacy,
}

impl RejectionKind {
    pub fn of(why: &Rejection) -> RejectionKind {
        use RejectionKind as K;
        match why {
            Rejection::OutsideValidity => K::OutsideValidity,
            Rejection::OtherCitySupport => K::OtherCitySupport,
            Rejection::ApplicantType { .. } => K::ApplicantType,
            Rejection::MissingTag { .. } => K::MissingTag,
            Rejection::FactBelow { .. } => K::FactBelow,
            Rejection::QuantityBelow { .. } => K::QuantityBelow,
            Rejection::OutOfRange(_) => K::OutOfRange,
            Rejection::QuotaFull(_) => K::QuotaFull,
            Rejection::ClaimInLedger => K::ClaimInLedger,
            Rejection::RefPaid { .. } => K::RefPaid,
            Rejection::RefsPaid { .. } => K::RefsPaid,
            Rejection::ApplicantRefPaid { .. } => K::ApplicantRefPaid,
            Rejection::ApplicantPaid { .. } => K::ApplicantPaid,
            Rejection::ItemYearPaid { .. } => K::ItemYearPaid,
            Rejection::ClauseYearPaid { .. } => K::ClauseYearPaid,
            Rejection::OutsideWindow { .. } => K::OutsideWindow,
            Rejection::FactNotAllowed { .. } => K::FactNotAllowed,
            Rejection::HigherAwardPaid { .. } => K::HigherAwardPaid,
            Rejection::EarlierAwardMissing { .. } => K::EarlierAwardMissing,
            Rejection::Candidacy { .. } => K::Candidacy,
        }
    }
}

/// One row of a payout file, as `report` needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoutRow {
    /// The position of its file among those given.
    pub batch: usize,
    pub claim_id: String,
    pub clause: String,
    pub applicant_type: String,
    /// `2024-03` from the date; empty when the row has no readable date.
    pub month: String,
    pub status: Status,
    /// For a rejected row, the rule that rejected it (its group).
    pub reason: String,
    pub computed: Decimal,
    pub payable: Decimal,
    pub cut: Decimal,
}

/// Rows and money of a group of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub rows: usize,
    pub computed: Decimal,
    pub payable: Decimal,
    pub cut: Decimal,
}

impl Sum {
    fn add(&mut self, row: &PayoutRow) {
        self.rows += 1;
        self.computed += row.computed;
        self.payable += row.payable;
        self.cut += row.cut;
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    pub total: Sum,
    /// In clause order (（一） before （二）); rows without a clause last.
    pub clauses: Vec<(String, Sum)>,
    /// In order of first appearance.
    pub applicant_types: Vec<(String, Sum)>,
    /// In calendar order; rows without a date last.
    pub months: Vec<(String, Sum)>,
    /// One per file, in the order given.
    pub batches: Vec<Sum>,
    /// The rejected rows, by the rule that rejected them: most frequent
    /// first, then by text.
    pub rejected: Vec<(String, Sum)>,
    /// The rows not counted: a claim filed again in a later file.
    pub refiled: Sum,
}

/// The number of each clause label (`（十二）` is 12), as the words layer
/// writes them.
fn clause_numbers() -> std::collections::HashMap<String, u32> {
    (1..=99)
        .map(|n| (crate::lang::clause_label(n), n))
        .collect()
}

/// Whether a row is counted: a row that decided nothing (`invalid`,
/// `manual`) gives way to a later file's row of its claim_id, and a row
/// rejected because an earlier file decided its claim_id is that claim
/// filed again, not a second claim nor a cut (SPEC §5.5).
fn counted(rows: &[PayoutRow]) -> Vec<bool> {
    use std::collections::HashMap;
    let mut last_file: HashMap<&str, usize> = HashMap::new();
    let mut decided_in: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let last = last_file.entry(&row.claim_id).or_insert(row.batch);
        *last = (*last).max(row.batch);
        if matches!(row.status, Status::Paid | Status::Capped | Status::Rejected) {
            let first = decided_in.entry(&row.claim_id).or_insert(row.batch);
            *first = (*first).min(row.batch);
        }
    }
    rows.iter()
        .map(|row| {
            let id = row.claim_id.as_str();
            let later = last_file.get(id).is_some_and(|&b| b > row.batch);
            let earlier = decided_in.get(id).is_some_and(|&b| b < row.batch);
            match row.status {
                Status::Invalid | Status::Manual => !later,
                Status::Rejected => !earlier,
                Status::Paid | Status::Capped => true,
            }
        })
        .collect()
}

/// The year's rows of `batches` files, tabulated.
pub fn review(rows: &[PayoutRow], batches: usize) -> Review {
    let mut r = Review {
        batches: vec![Sum::default(); batches],
        ..Review::default()
    };
    let counted = counted(rows);
    let mut clauses: BTreeMap<(u32, String), Sum> = BTreeMap::new();
    let mut months: BTreeMap<(bool, String), Sum> = BTreeMap::new();
    let mut rejected: BTreeMap<String, Sum> = BTreeMap::new();
    let numbers = clause_numbers();
    for (row, counted) in rows.iter().zip(counted) {
        if !counted {
            r.refiled.add(row);
            continue;
        }
        r.total.add(row);
        let order = numbers.get(row.clause.trim()).copied().unwrap_or(u32::MAX);
        clauses
            .entry((order, row.clause.clone()))
            .or_default()
            .add(row);
        months
            .entry((row.month.is_empty(), row.month.clone()))
            .or_default()
            .add(row);
        match r
            .applicant_types
            .iter_mut()
            .find(|(t, _)| *t == row.applicant_type)
        {
            Some((_, sum)) => sum.add(row),
            None => {
                let mut sum = Sum::default();
                sum.add(row);
                r.applicant_types.push((row.applicant_type.clone(), sum));
            }
        }
        if let Some(sum) = r.batches.get_mut(row.batch) {
            sum.add(row);
        }
        if row.status == Status::Rejected {
            rejected.entry(row.reason.clone()).or_default().add(row);
        }
    }
    r.clauses = clauses.into_iter().map(|((_, c), s)| (c, s)).collect();
    r.months = months.into_iter().map(|((_, m), s)| (m, s)).collect();
    r.rejected = rejected.into_iter().collect();
    r.rejected
        .sort_by(|a, b| b.1.rows.cmp(&a.1.rows).then_with(|| a.0.cmp(&b.0)));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(clause: &str, payable: i64) -> PayoutRow {
        PayoutRow {
            batch: 0,
            claim_id: format!("C-{clause}-{payable}"),
            clause: clause.into(),
            applicant_type: "enterprise".into(),
            month: "2024-03".into(),
            status: Status::Paid,
            reason: String::new(),
            computed: Decimal::from(payable),
            payable: Decimal::from(payable),
            cut: Decimal::ZERO,
        }
    }

    #[test]
    fn clauses_come_in_the_measures_order() {
        let labels: Vec<String> = [12, 2, 1, 20]
            .iter()
            .map(|n| crate::lang::clause_label(*n))
            .collect();
        let rows: Vec<PayoutRow> = labels
            .iter()
            .map(|l| row(l, 1))
            .chain([row("", 1)])
            .collect();
        let r = review(&rows, 1);
        let order: Vec<&str> = r.clauses.iter().map(|(c, _)| c.as_str()).collect();
        let want = [1, 2, 12, 20].map(crate::lang::clause_label);
        assert_eq!(
            &order[..4],
            &want.iter().map(String::as_str).collect::<Vec<_>>()[..]
        );
        assert_eq!(order[4], "");
        assert_eq!(r.total.payable, Decimal::from(5));
    }
}
