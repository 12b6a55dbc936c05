//! `--format json`: the policy, the totals, the applicants, the clauses and
//! every claim. Money is a string with two decimals, so no reader turns it
//! into a float.

use std::io::{self, Write};

use serde::Serialize;

use super::summary::{Summary, Tally};
use super::{Decided, PayoutColumn};
use crate::engine::Status;
use crate::money::plain;
use crate::words::Lang;

#[derive(Serialize)]
struct Report<'a> {
    /// The version of `subsidy` and the git commit it was built from.
    version: &'static str,
    commit: &'static str,
    policy: PolicyInfo<'a>,
    totals: Totals,
    applicants: Vec<Applicant<'a>>,
    clauses: Vec<Clause<'a>>,
    claims: Vec<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Serialize)]
struct PolicyInfo<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
    valid_from: String,
    valid_until: String,
}

#[derive(Serialize)]
struct Totals {
    rows: usize,
    paid: usize,
    capped: usize,
    rejected: usize,
    manual: usize,
    invalid: usize,
    computed: String,
    payable: String,
    cut: String,
}

impl From<&Tally> for Totals {
    fn from(t: &Tally) -> Totals {
        Totals {
            rows: t.rows(),
            paid: t.count(Status::Paid),
            capped: t.count(Status::Capped),
            rejected: t.count(Status::Rejected),
            manual: t.count(Status::Manual),
            invalid: t.count(Status::Invalid),
            computed: plain(t.computed),
            payable: plain(t.payable),
            cut: plain(t.cut),
        }
    }
}

#[derive(Serialize)]
struct Applicant<'a> {
    applicant_id: &'a str,
    applicant_name: &'a str,
    #[serde(flatten)]
    totals: Totals,
}

#[derive(Serialize)]
struct Clause<'a> {
    clause: Option<String>,
    number: Option<u32>,
    title: Option<&'a str>,
    #[serde(flatten)]
    totals: Totals,
}

pub fn write_json(decided: &Decided, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    let policy = decided.policy;
    let summary = Summary::of(decided);
    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        commit: env!("SUBSIDY_GIT_COMMIT"),
        policy: PolicyInfo {
            id: &policy.id,
            title: &policy.title,
            status: match policy.status {
                crate::policy::Status::Draft => "draft",
                crate::policy::Status::Final => "final",
            },
            valid_from: policy.valid_from.to_string(),
            valid_until: policy.valid_until.to_string(),
        },
        totals: Totals::from(&summary.total),
        applicants: summary
            .applicants
            .iter()
            .map(|a| Applicant {
                applicant_id: &a.applicant_id,
                applicant_name: &a.applicant_name,
                totals: Totals::from(&a.tally),
            })
            .collect(),
        clauses: summary
            .clauses
            .iter()
            .map(|c| {
                let clause = c.clause.map(|i| &policy.clauses[i]);
                Clause {
                    clause: clause.map(|c| c.label()),
                    number: clause.map(|c| c.number),
                    title: clause.map(|c| c.title(lang)),
                    totals: Totals::from(&c.tally),
                }
            })
            .collect(),
        claims: decided
            .lines()
            .map(|line| {
                let cells = line.cells(policy, lang);
                let mut map = serde_json::Map::new();
                map.insert("line".into(), line.row.line.into());
                for (column, cell) in PayoutColumn::ALL.iter().zip(cells) {
                    map.insert(column.name().into(), cell.into());
                }
                map
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
