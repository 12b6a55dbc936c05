//! `report`: the year's payouts tabulated. Pure: it takes the rows of the
//! payout files as read and sums them per clause, applicant type, month,
//! batch and (for rejected rows) reason. Every figure is a sum of rows, so
//! each table adds up to the same totals.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// One row of a payout file, as `report` needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct PayoutRow {
    /// The position of its file among those given.
    pub batch: usize,
    pub clause: String,
    pub applicant_type: String,
    /// `2024-03` from the date; empty when the row has no readable date.
    pub month: String,
    pub status: String,
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
    /// The rejected rows, by reason: most frequent first, then by text.
    pub rejected: Vec<(String, Sum)>,
}

/// The number of each clause label (`（十二）` is 12), as the words layer
/// writes them.
fn clause_numbers() -> std::collections::HashMap<String, u32> {
    (1..=99)
        .map(|n| (crate::words::clause_label(n), n))
        .collect()
}

/// The year's rows of `batches` files, tabulated.
pub fn review(rows: &[PayoutRow], batches: usize) -> Review {
    let mut r = Review {
        batches: vec![Sum::default(); batches],
        ..Review::default()
    };
    let mut clauses: BTreeMap<(u32, String), Sum> = BTreeMap::new();
    let mut months: BTreeMap<(bool, String), Sum> = BTreeMap::new();
    let mut rejected: BTreeMap<String, Sum> = BTreeMap::new();
    let numbers = clause_numbers();
    for row in rows {
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
        if row.status == "rejected" {
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
            clause: clause.into(),
            applicant_type: "enterprise".into(),
            month: "2024-03".into(),
            status: "paid".into(),
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
            .map(|n| crate::words::clause_label(*n))
            .collect();
        let rows: Vec<PayoutRow> = labels
            .iter()
            .map(|l| row(l, 1))
            .chain([row("", 1)])
            .collect();
        let r = review(&rows, 1);
        let order: Vec<&str> = r.clauses.iter().map(|(c, _)| c.as_str()).collect();
        let want = [1, 2, 12, 20].map(crate::words::clause_label);
        assert_eq!(
            &order[..4],
            &want.iter().map(String::as_str).collect::<Vec<_>>()[..]
        );
        assert_eq!(order[4], "");
        assert_eq!(r.total.payable, Decimal::from(5));
    }
}
