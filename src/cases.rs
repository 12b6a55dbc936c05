//! Worked examples kept beside the policy file (`*.cases.toml`): a claim or
//! a small batch, with the status and payable an official expects. `subsidy
//! policy test` runs them after every edit of the policy; `cargo test` runs
//! the bundled ones.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::claims::{read_claims, Keys};
use crate::engine;
use crate::ledger::read_ledger;
use crate::money::plain;
use crate::policy::raw::Figure;
use crate::policy::Policy;
use crate::report::{write_payout, Decided};
use crate::words::{Lang, Msg};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub case: String,
    pub clause: Option<u32>,
    pub lines: Vec<Msg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasesReport {
    pub run: usize,
    pub failures: Vec<Failure>,
}

/// Reads a cases file; a malformed one is refused with its line.
pub fn parse(file: &str, text: &str) -> Result<Vec<Case>, Msg> {
    toml::from_str::<CasesFile>(text)
        .map(|f| f.cases)
        .map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            let message = e.message().trim().to_string();
            Msg::new(
                format!("{file}:{line}: 无法读取：{message}"),
                format!("{file}:{line}: {message}"),
            )
        })
}

pub fn run(policy: &Policy, cases: &[Case]) -> CasesReport {
    let failures = cases
        .iter()
        .filter_map(|case| run_case(policy, case))
        .collect();
    CasesReport {
        run: cases.len(),
        failures,
    }
}

fn run_case(policy: &Policy, case: &Case) -> Option<Failure> {
    let fail = |lines: Vec<Msg>| {
        Some(Failure {
            case: case.name.clone(),
            clause: case.clause,
            lines,
        })
    };
    let unknown: Vec<Msg> = case
        .earlier
        .iter()
        .chain(&case.claims)
        .flat_map(|c| c.facts.keys().map(move |f| (c, f)))
        .filter(|(_, f)| !policy.facts.iter().any(|known| &known.id == *f))
        .map(|(c, f)| {
            Msg::new(
                format!("申报 {}：政策未声明事实“{f}”", c.claim_id),
                format!("claim {}: the policy declares no fact `{f}`", c.claim_id),
            )
        })
        .collect();
    if !unknown.is_empty() {
        return fail(unknown);
    }
    let mut keys = Keys::default();
    let mut prior = Vec::new();
    if !case.earlier.is_empty() {
        let batch = match read_claims(
            "earlier",
            to_csv(policy, &case.earlier).as_bytes(),
            policy,
            &mut keys,
        ) {
            Ok(b) => b,
            Err(e) => return fail(vec![Msg::new(e.render(Lang::Zh), e.render(Lang::En))]),
        };
        let outcomes = engine::run(policy, &batch.claims, &[]);
        let mut payout = Vec::new();
        let decided = Decided {
            policy,
            batch: &batch,
            outcomes: &outcomes,
        };
        if write_payout(&decided, &mut payout, false, Lang::En).is_err() {
            return fail(vec![Msg::new(
                "无法生成往期拨付表",
                "could not write the earlier payout",
            )]);
        }
        match read_ledger("earlier", &payout, policy, &mut keys) {
            Ok(p) => prior = p,
            Err(e) => return fail(vec![Msg::new(e.render(Lang::Zh), e.render(Lang::En))]),
        }
    }
    let batch = match read_claims(
        "case",
        to_csv(policy, &case.claims).as_bytes(),
        policy,
        &mut keys,
    ) {
        Ok(b) => b,
        Err(e) => return fail(vec![Msg::new(e.render(Lang::Zh), e.render(Lang::En))]),
    };
    let outcomes = engine::run(policy, &batch.claims, &prior);
    let decided = Decided {
        policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    let mut lines = Vec::new();
    for want in &case.expect {
        let Some(line) = decided.lines().find(|l| l.claim_id() == want.claim_id) else {
            lines.push(Msg::new(
                format!("申报 {}：用例中没有这笔申报", want.claim_id),
                format!("claim {}: not among the case's claims", want.claim_id),
            ));
            continue;
        };
        let (computed, payable, _) = line.money();
        let status = line.status().as_str();
        let expected_computed = want.computed.as_ref().map(|f| figure(f.as_str()));
        let expected_payable = figure(want.payable.as_str());
        let ok = status == want.status
            && expected_payable == Some(payable)
            && expected_computed.is_none_or(|c| c == Some(computed));
        if !ok {
            let shown = |d: Option<Decimal>| d.map(plain).unwrap_or_else(|| "?".into());
            let expected = format!(
                "{} {}/{}",
                want.status,
                expected_computed.map(shown).unwrap_or_else(|| "-".into()),
                shown(expected_payable)
            );
            let actual = format!("{status} {}/{}", plain(computed), plain(payable));
            lines.push(Msg::new(
                format!(
                    "申报 {}：应为 {expected}，实为 {actual}（{}）",
                    want.claim_id,
                    line.reason(policy, Lang::Zh)
                ),
                format!(
                    "claim {}: expected {expected}, got {actual} ({})",
                    want.claim_id,
                    line.reason(policy, Lang::En)
                ),
            ));
        }
    }
    if lines.is_empty() {
        None
    } else {
        fail(lines)
    }
}

fn figure(written: &str) -> Option<Decimal> {
    Decimal::from_str(written.trim()).ok()
}

/// The case's claims as a claims CSV, so they are read exactly as a file is.
fn to_csv(policy: &Policy, claims: &[CaseClaim]) -> String {
    let mut header: Vec<&str> = crate::claims::columns().to_vec();
    header.extend(policy.facts.iter().map(|f| f.id.as_str()));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(&header);
    for c in claims {
        let text = |f: &Option<Figure>| {
            f.as_ref()
                .map(|f| f.as_str().to_string())
                .unwrap_or_default()
        };
        let mut row = vec![
            c.claim_id.clone(),
            c.applicant_id.clone(),
            c.applicant_name
                .clone()
                .unwrap_or_else(|| c.applicant_id.clone()),
            c.applicant_type.clone(),
            c.item.clone(),
            c.date.clone(),
            text(&c.quantity),
            text(&c.amount),
            c.reference.clone().unwrap_or_default(),
            c.tags.clone().unwrap_or_default(),
            c.other_city_support.clone().unwrap_or_default(),
            text(&c.score),
        ];
        row.extend(policy.facts.iter().map(|f| {
            c.facts
                .get(&f.id)
                .map(|v| v.as_str().to_string())
                .unwrap_or_default()
        }));
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
