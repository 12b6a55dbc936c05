//! `--format json`: the policy, the totals, the applicants, the clauses and
//! every claim. Money is a string with two decimals, so no reader turns it
//! into a float.

use std::cell::RefCell;
use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

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
    claims: ClaimsJson<'a>,
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
        claims: ClaimsJson::new(decided, lang),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

/// Every claim, serialised as it is written: a million claims never stand
/// in memory as JSON values. Each claim is an object of its payout cells
/// and its line, keys in alphabetical order.
struct ClaimsJson<'a> {
    decided: &'a Decided<'a>,
    lang: Lang,
    /// The keys in the order written; `None` is the row's line.
    keys: Vec<(&'static str, Option<usize>)>,
    /// One row's cells, end to end, and where each ends: filled anew for
    /// every row, never reallocated once large enough.
    cells: RefCell<(String, Vec<usize>)>,
}

impl<'a> ClaimsJson<'a> {
    fn new(decided: &'a Decided<'a>, lang: Lang) -> Self {
        let mut keys: Vec<(&'static str, Option<usize>)> = (PayoutColumn::ALL.iter())
            .enumerate()
            .map(|(i, c)| (c.name(), Some(i)))
            .collect();
        keys.push(("line", None));
        keys.sort_unstable_by_key(|(name, _)| *name);
        ClaimsJson {
            decided,
            lang,
            keys,
            cells: RefCell::default(),
        }
    }
}

impl Serialize for ClaimsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let decided = self.decided;
        let mut seq = serializer.serialize_seq(Some(decided.batch.rows.len()))?;
        let mut scratch = String::new();
        for line in decided.lines() {
            let mut cells = self.cells.borrow_mut();
            let (text, ends) = &mut *cells;
            text.clear();
            ends.clear();
            let _ = line.each_cell(decided.policy, self.lang, &mut scratch, &mut |_, cell| {
                text.push_str(cell);
                ends.push(text.len());
                Ok(())
            });
            drop(cells);
            seq.serialize_element(&ClaimJson {
                keys: &self.keys,
                cells: &self.cells,
                line: line.row.line,
            })?;
        }
        seq.end()
    }
}

struct ClaimJson<'c> {
    keys: &'c [(&'static str, Option<usize>)],
    cells: &'c RefCell<(String, Vec<usize>)>,
    line: u64,
}

impl Serialize for ClaimJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cells = self.cells.borrow();
        let (text, ends) = &*cells;
        let mut map = serializer.serialize_map(Some(self.keys.len()))?;
        for &(key, column) in self.keys {
            match column {
                None => map.serialize_entry(key, &self.line)?,
                Some(i) => {
                    let start = if i == 0 { 0 } else { ends[i - 1] };
                    map.serialize_entry(key, &text[start..ends[i]])?
                }
            }
        }
        map.end()
    }
}
