//! `--format json`: the policy, the totals, the applicants, the clauses and
//! every claim. Money is a string with two decimals, so no reader turns it
//! into a float.

use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{Decided, PayoutColumn};
use crate::decided::{Summary, Tally};
use crate::engine::Status;
use crate::lang::Lang;
use crate::money::plain;

#[derive(Serialize)]
struct Report<'a> {
    /// The version of `subsidy` and the git commit it was built from.
    version: &'static str,
    commit: &'static str,
    policy: PolicyInfo<'a>,
    totals: Totals,
    applicants: Vec<Applicant<'a>>,
    clauses: Vec<Clause<'a>>,
    /// Written as `[]` here; the claims themselves follow (`write_json`).
    claims: NoClaims,
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
        claims: NoClaims,
    };
    let mut head = Vec::new();
    serde_json::to_writer_pretty(&mut head, &report)?;
    // The claims are the last member: the report is written up to its
    // opening bracket, then the claims, formatted on two threads at the
    // depth and in the layout serde_json's pretty printer gives them.
    let rows = decided.batch.rows.len();
    let Some(open) = head.strip_suffix(EMPTY_CLAIMS) else {
        return Err(io::Error::other(
            "the JSON report does not end with its claims",
        ));
    };
    if rows == 0 {
        out.write_all(&head)?;
        return out.write_all(b"\n");
    }
    out.write_all(open)?;
    out.write_all(b"[")?;
    let keys = claim_keys();
    super::chunks::write_in_chunks(rows, out, |range, buffer| {
        write_claims(decided, lang, &keys, range, buffer)
    })?;
    out.write_all(b"\n  ]\n}\n")
}

/// The end of the report as serde_json writes it with no claims.
const EMPTY_CLAIMS: &[u8] = b"[]\n}";

struct NoClaims;

impl Serialize for NoClaims {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_seq(Some(0))?.end()
    }
}

/// The keys of a claim in the order written (alphabetical, as a JSON map
/// sorts them); `None` is the row's line.
fn claim_keys() -> Vec<(&'static str, Option<usize>)> {
    let mut keys: Vec<(&'static str, Option<usize>)> = (PayoutColumn::ALL.iter())
        .enumerate()
        .map(|(i, c)| (c.name(), Some(i)))
        .collect();
    keys.push(("line", None));
    keys.sort_unstable_by_key(|(name, _)| *name);
    keys
}

/// The claims of `range`, each an object of its payout cells and its line,
/// serialised as it is written (borrowed strings, no map of values), and
/// indented as the elements of the report's `claims` array.
fn write_claims(
    decided: &Decided,
    lang: Lang,
    keys: &[(&'static str, Option<usize>)],
    range: std::ops::Range<usize>,
    buffer: &mut Vec<u8>,
) -> io::Result<()> {
    let (mut scratch, mut text, mut ends, mut one) =
        (String::new(), String::new(), Vec::new(), Vec::new());
    for line in decided.lines_in(range) {
        text.clear();
        ends.clear();
        line.each_cell(decided.policy, lang, &mut scratch, &mut |_, cell| {
            text.push_str(cell);
            ends.push(text.len());
            Ok(())
        })?;
        one.clear();
        let claim = ClaimJson {
            keys,
            text: &text,
            ends: &ends,
            line: line.row.line,
        };
        serde_json::to_writer_pretty(&mut one, &claim)?;
        buffer.extend_from_slice(if line.index == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        // Two levels deeper than written: a line break inside a value is
        // escaped, so every raw one starts a line of the object.
        for piece in one.split_inclusive(|&b| b == b'\n') {
            buffer.extend_from_slice(piece);
            if piece.ends_with(b"\n") {
                buffer.extend_from_slice(b"    ");
            }
        }
    }
    Ok(())
}

struct ClaimJson<'c> {
    keys: &'c [(&'static str, Option<usize>)],
    text: &'c str,
    ends: &'c [usize],
    line: u64,
}

impl Serialize for ClaimJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.keys.len()))?;
        for &(key, column) in self.keys {
            match column {
                None => map.serialize_entry(key, &self.line)?,
                Some(i) => {
                    let start = if i == 0 { 0 } else { self.ends[i - 1] };
                    map.serialize_entry(key, &self.text[start..self.ends[i]])?
                }
            }
        }
        map.end()
    }
}
