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

/// The value of a clause label: `（十二）` is 12; `None` for anything else.
pub fn clause_number(label: &str) -> Option<u32> {
    let inner = label.trim().trim_start_matches('（').trim_end_matches('）');
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = inner.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => digit(*d),
        ['十'] => Some(10),
        ['十', d] => digit(*d).map(|d| 10 + d),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => inner.parse().ok(),
    }
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
    for row in rows {
        r.total.add(row);
        let order = clause_number(&row.clause).unwrap_or(u32::MAX);
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

    #[test]
    fn clause_labels_read_as_numbers() {
        assert_eq!(clause_number("（一）"), Some(1));
        assert_eq!(clause_number("（十）"), Some(10));
        assert_eq!(clause_number("（十二）"), Some(12));
        assert_eq!(clause_number("（二十）"), Some(20));
        assert_eq!(clause_number("（二十一）"), Some(21));
        assert_eq!(clause_number(""), None);
    }
}
