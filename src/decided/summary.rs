//! Totals per applicant, per clause and for the whole batch. Every row in
//! counts somewhere, so the totals line reconciles: rows in = paid + capped +
//! rejected + manual + invalid, and computed = payable + cut.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;

use super::Decided;
use crate::engine::Status;

/// Counts and money of a set of rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Indexed like `Status::ALL`.
    pub by_status: [usize; 5],
    pub computed: Decimal,
    pub payable: Decimal,
    pub cut: Decimal,
}

impl Tally {
    fn add(&mut self, status: Status, (computed, payable, cut): (Decimal, Decimal, Decimal)) {
        self.by_status[status as usize] += 1;
        self.computed += computed;
        self.payable += payable;
        self.cut += cut;
    }

    /// Rows in: every row is counted under exactly one status.
    pub fn rows(&self) -> usize {
        self.by_status.iter().sum()
    }

    pub fn count(&self, status: Status) -> usize {
        self.by_status[status as usize]
    }
}

#[derive(Debug, Clone)]
pub struct ApplicantTally {
    pub applicant_id: String,
    pub applicant_name: String,
    pub tally: Tally,
}

#[derive(Debug, Clone)]
pub struct ClauseTally {
    /// Index into the policy's clauses; `None` for rows whose item is unknown.
    pub clause: Option<usize>,
    pub tally: Tally,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub total: Tally,
    /// In order of first appearance in the input.
    pub applicants: Vec<ApplicantTally>,
    /// In clause order; the rows without a clause last.
    pub clauses: Vec<ClauseTally>,
}

impl Summary {
    pub fn of(decided: &Decided) -> Summary {
        let policy = decided.policy;
        let mut total = Tally::default();
        let mut applicants: Vec<ApplicantTally> = Vec::new();
        let mut applicant_at: FxHashMap<Cow<str>, usize> = FxHashMap::default();
        let mut clause_tallies = vec![Tally::default(); policy.clauses.len()];
        let mut unknown = Tally::default();
        for line in decided.lines() {
            let status = line.status();
            let money = line.money();
            total.add(status, money);
            let key = crate::text::applicant_key(line.applicant_id());
            let at = match applicant_at.get(key.as_ref()) {
                Some(at) => *at,
                None => {
                    applicants.push(ApplicantTally {
                        applicant_id: line.applicant_id().to_string(),
                        applicant_name: line.applicant_name().to_string(),
                        tally: Tally::default(),
                    });
                    applicant_at.insert(key, applicants.len() - 1);
                    applicants.len() - 1
                }
            };
            applicants[at].tally.add(status, money);
            match line.item() {
                Some(i) => clause_tallies[usize::from(policy.item(i).clause)].add(status, money),
                None => unknown.add(status, money),
            }
        }
        let mut clauses: Vec<ClauseTally> = clause_tallies
            .into_iter()
            .enumerate()
            .filter(|(_, t)| t.rows() > 0)
            .map(|(i, tally)| ClauseTally {
                clause: Some(i),
                tally,
            })
            .collect();
        if unknown.rows() > 0 {
            clauses.push(ClauseTally {
                clause: None,
                tally: unknown,
            });
        }
        Summary {
            total,
            applicants,
            clauses,
        }
    }
}
