//! Worked examples kept beside the policy file (`*.cases.toml`): a claim or
//! a small batch, with the status and payable an official expects. `subsidy
//! policy test` runs them after every edit of the policy; `cargo test` runs
//! the bundled ones.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::claims::{read_claims, Claim, ClaimsError, InvalidRow, Keys};
use crate::decided::{Decided, What};
use crate::engine::{self, Outcome, Prior, Status};
use crate::lang::Lang;
use crate::ledger::{read_ledger, LedgerError};
use crate::policy::raw::Figure;
use crate::policy::Policy;

/// The cases of the bundled policy.
pub const BUNDLED: &str = include_str!("../policy/lianzhou-2024.cases.toml");
pub const BUNDLED_NAME: &str = "policy/lianzhou-2024.cases.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CasesFile {
    #[serde(rename = "case", default)]
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The clause the case illustrates.
    #[serde(default)]
    pub clause: Option<u32>,
    /// Claims of an earlier batch, whose payout is this batch's ledger.
    #[serde(default)]
    earlier: Vec<CaseClaim>,
    claims: Vec<CaseClaim>,
    expect: Vec<Expect>,
}

/// One claim, with the columns of the claims CSV.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseClaim {
    claim_id: String,
    applicant_id: String,
    #[serde(default)]
    applicant_name: Option<String>,
    applicant_type: String,
    item: String,
    date: String,
    #[serde(default)]
    quantity: Option<Figure>,
    #[serde(default)]
    amount: Option<Figure>,
    #[serde(rename = "ref", default)]
    reference: Option<String>,
    #[serde(default)]
    tags: Option<String>,
    #[serde(default)]
    other_city_support: Option<String>,
    #[serde(default)]
    score: Option<Figure>,
    #[serde(default)]
    facts: BTreeMap<String, Figure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    claim_id: String,
    status: String,
    #[serde(default)]
    computed: Option<Figure>,
    payable: Figure,
}

/// A case whose claims did not come out as expected.
#[derive(Debug, Clone)]
pub struct Failure {
    pub case: String,
    pub clause: Option<u32>,
    pub mismatches: Vec<CaseMismatch>,
}

/// What went otherwise than the case says.
#[derive(Debug, Clone)]
pub enum CaseMismatch {
    /// A claim of the case gives a fact the policy does not declare.
    UndeclaredFact { claim_id: String, fact: String },
    /// The case's claims, or those of its earlier batch, could not be read.
    Claims(ClaimsError),
    /// The payout of the earlier batch could not be read back as a ledger.
    Ledger(LedgerError),
    /// The payout of the earlier batch could not be written.
    EarlierPayout,
    /// The case expects an outcome for a claim it does not have.
    NotInCase { claim_id: String },
    /// The claim came out otherwise than expected.
    Outcome {
        claim_id: String,
        expected: Box<Expected>,
        actual: Box<Actual>,
    },
}

/// The outcome a case expects for one claim, as written.
#[derive(Debug, Clone)]
pub struct Expected {
    pub status: String,
    /// `None`: the case gives no computed amount; `Some(None)`: it gives one
    /// that is not a number.
    pub computed: Option<Option<Decimal>>,
    /// `None`: not a number.
    pub payable: Option<Decimal>,
}

/// The outcome the engine gave, with what it rests on.
#[derive(Debug, Clone)]
pub struct Actual {
    pub status: Status,
    pub computed: Decimal,
    pub payable: Decimal,
    pub why: Why,
}

/// What the reason of an outcome is said from.
#[derive(Debug, Clone)]
pub enum Why {
    Decided(Box<Claim>, Box<Outcome>),
    Invalid(Box<InvalidRow>),
}

#[derive(Debug, Clone)]
pub struct CasesReport {
    pub run: usize,
    pub failures: Vec<Failure>,
}

/// A cases file that cannot be read: the toml crate's message and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasesError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Reads a cases file; a malformed one is refused with its line.
pub fn parse(file: &str, text: &str) -> Result<Vec<Case>, CasesError> {
    toml::from_str::<CasesFile>(text)
        .map(|f| f.cases)
        .map_err(|e| CasesError {
            file: file.to_string(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1),
            message: e.message().trim().to_string(),
        })
}

/// Writes a decided batch's payout CSV. The runner is handed the report's
/// writer: a case's earlier batch is paid, written and read back as a
/// ledger, as an office's would be, and the writer sits above the words,
/// which say the cases' facts.
pub type PayoutWriter = fn(&Decided, &mut dyn std::io::Write, bool, Lang) -> std::io::Result<()>;

pub fn run(policy: &Policy, cases: &[Case], write_payout: PayoutWriter) -> CasesReport {
    let failures = cases
        .iter()
        .filter_map(|case| run_case(policy, case, write_payout))
        .map(|(case, mismatches)| Failure {
            case: case.name.clone(),
            clause: case.clause,
            mismatches,
        })
        .collect();
    CasesReport {
        run: cases.len(),
        failures,
    }
}

fn run_case<'c>(
    policy: &Policy,
    case: &'c Case,
    write_payout: PayoutWriter,
) -> Option<(&'c Case, Vec<CaseMismatch>)> {
    let mismatches = match check_case(policy, case, write_payout) {
        Ok(m) => m,
        Err(m) => vec![m],
    };
    if mismatches.is_empty() {
        None
    } else {
        Some((case, mismatches))
    }
}

/// The mismatches of one case; `Err` when its claims could not be run.
fn check_case(
    policy: &Policy,
    case: &Case,
    write_payout: PayoutWriter,
) -> Result<Vec<CaseMismatch>, CaseMismatch> {
    let unknown = undeclared_facts(policy, case);
    if !unknown.is_empty() {
        return Ok(unknown);
    }
    let mut keys = Keys::default();
    let prior = earlier(policy, &case.earlier, &mut keys, write_payout)?;
    let csv = to_csv(policy, &case.claims);
    let batch =
        read_claims("case", csv.as_bytes(), policy, &mut keys).map_err(CaseMismatch::Claims)?;
    let outcomes = engine::run(policy, &batch.claims, &prior);
    let decided = Decided {
        policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    Ok(case
        .expect
        .iter()
        .filter_map(|want| compare(&decided, want))
        .collect())
}

fn undeclared_facts(policy: &Policy, case: &Case) -> Vec<CaseMismatch> {
    case.earlier
        .iter()
        .chain(&case.claims)
        .flat_map(|c| c.facts.keys().map(move |f| (c, f)))
        .filter(|(_, f)| !policy.facts.iter().any(|known| &known.id == *f))
        .map(|(c, f)| CaseMismatch::UndeclaredFact {
            claim_id: c.claim_id.clone(),
            fact: f.clone(),
        })
        .collect()
}

/// The payout of the case's earlier batch, read back as a ledger.
fn earlier(
    policy: &Policy,
    claims: &[CaseClaim],
    keys: &mut Keys,
    write_payout: PayoutWriter,
) -> Result<Vec<Prior>, CaseMismatch> {
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let csv = to_csv(policy, claims);
    let batch =
        read_claims("earlier", csv.as_bytes(), policy, keys).map_err(CaseMismatch::Claims)?;
    let outcomes = engine::run(policy, &batch.claims, &[]);
    let mut payout = Vec::new();
    let decided = Decided {
        policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    write_payout(&decided, &mut payout, false, Lang::En)
        .map_err(|_| CaseMismatch::EarlierPayout)?;
    read_ledger("earlier", &payout, policy, keys).map_err(CaseMismatch::Ledger)
}

/// The mismatch of one expected outcome, if any.
fn compare(decided: &Decided, want: &Expect) -> Option<CaseMismatch> {
    let Some(line) = decided.lines().find(|l| l.claim_id() == want.claim_id) else {
        return Some(CaseMismatch::NotInCase {
            claim_id: want.claim_id.clone(),
        });
    };
    let (computed, payable, _) = line.money();
    let status = line.status();
    let expected = Expected {
        status: want.status.clone(),
        computed: want.computed.as_ref().map(|f| figure(f.as_str())),
        payable: figure(want.payable.as_str()),
    };
    let ok = status.as_str() == expected.status
        && expected.payable == Some(payable)
        && expected.computed.is_none_or(|c| c == Some(computed));
    if ok {
        return None;
    }
    let why = match line.what {
        What::Decided(c, o) => Why::Decided(Box::new(c.clone()), Box::new(o.clone())),
        What::Invalid(bad) => Why::Invalid(Box::new(bad.clone())),
    };
    Some(CaseMismatch::Outcome {
        claim_id: want.claim_id.clone(),
        expected: Box::new(expected),
        actual: Box::new(Actual {
            status,
            computed,
            payable,
            why,
        }),
    })
}

fn figure(written: &str) -> Option<Decimal> {
    Decimal::from_str(written.trim()).ok()
}

/// The case's claims as a claims CSV, so they are read exactly as a file is.
/// Each cell is found by its column's name.
fn to_csv(policy: &Policy, claims: &[CaseClaim]) -> String {
    let mut header: Vec<&str> = crate::claims::columns().to_vec();
    header.extend(policy.facts.iter().map(|f| f.id.as_str()));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for c in claims {
        let fixed = crate::claims::columns();
        let row: Vec<String> = header
            .iter()
            .map(|column| {
                if fixed.contains(column) {
                    cell(c, column)
                } else {
                    c.facts
                        .get(*column)
                        .map(|v| v.as_str().to_string())
                        .unwrap_or_default()
                }
            })
            .collect();
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The cell of a claim under one of the claims CSV's own columns.
fn cell(c: &CaseClaim, column: &str) -> String {
    let figure = |f: &Option<Figure>| {
        f.as_ref()
            .map(|f| f.as_str().to_string())
            .unwrap_or_default()
    };
    match column {
        "claim_id" => c.claim_id.clone(),
        "applicant_id" => c.applicant_id.clone(),
        "applicant_name" => c
            .applicant_name
            .clone()
            .unwrap_or_else(|| c.applicant_id.clone()),
        "applicant_type" => c.applicant_type.clone(),
        "item" => c.item.clone(),
        "date" => c.date.clone(),
        "quantity" => figure(&c.quantity),
        "amount" => figure(&c.amount),
        "ref" => c.reference.clone().unwrap_or_default(),
        "tags" => c.tags.clone().unwrap_or_default(),
        "other_city_support" => c.other_city_support.clone().unwrap_or_default(),
        "score" => figure(&c.score),
        // A column the case format does not know yet: left empty.
        _ => String::new(),
    }
}
