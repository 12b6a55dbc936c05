//! A dry run of one claim: what `subsidy check` prints and what a web page
//! would show, from one function. The same reader and the same pass as a
//! batch; a claim of one cannot be ranked against the city, so a quota is
//! left to the batch, and what was not given is said, never ticked.

use crate::claims::{parse_claim, parse_quantity, Claim, Keys, Problem, RawClaim};
use crate::date::Date;
use crate::decided::DryRun;
use crate::engine::{self, Outcome, Prior, Trace};
use crate::policy::{Item, Policy};

/// The claim id a dry run gives its one claim.
pub const CLAIM_ID: &str = "CHECK";

/// What an applicant tells the dry run, each value as typed.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub item: String,
    pub applicant_type: String,
    pub quantity: Option<String>,
    pub amount: Option<String>,
    /// Empty: today.
    pub date: Option<String>,
    pub tags: Option<String>,
    pub reference: Option<String>,
    pub score: Option<String>,
    /// One value per fact the policy declares (empty where not given).
    pub facts: Vec<String>,
    pub other_city_support: bool,
    /// The applicant's id, so that its rows in the ledgers count.
    pub applicant: Option<String>,
}

/// The dry run's claim, what the pass made of it, and what it could check.
#[derive(Debug)]
pub struct Answer {
    pub claim: Claim,
    pub outcome: Outcome,
    pub trace: Trace,
    pub dry_run: DryRun,
    /// The applicant id given, or empty.
    pub applicant: String,
}

/// Runs one claim through the reader and the pass. `prior` are the ledger
/// rows (keyed by `keys`); `ledger` says whether any ledger was given.
/// The cells that cannot be read come back as the reader's problems.
pub fn answer(
    policy: &Policy,
    request: &Request,
    (prior, keys, ledger): (&[Prior], &mut Keys, bool),
    placeholder: &str,
) -> Result<Answer, Vec<Problem>> {
    let item = policy
        .find_item_or_part(&request.item)
        .map(|i| policy.item(i));
    let needs_ref = item.is_some_and(Item::needs_ref);
    let reference = match (&request.reference, needs_ref) {
        (Some(r), _) => r.clone(),
        (None, true) => stand_in_refs(item, request.quantity.as_deref()),
        (None, false) => String::new(),
    };
    let date = request
        .date
        .clone()
        .unwrap_or_else(|| Date::today().to_string());
    let applicant = request.applicant.clone().unwrap_or_default();
    let facts = &request.facts;
    let raw = RawClaim {
        claim_id: CLAIM_ID,
        applicant_id: if applicant.is_empty() {
            CLAIM_ID
        } else {
            &applicant
        },
        applicant_name: placeholder,
        applicant_type: &request.applicant_type,
        item: &request.item,
        date: &date,
        quantity: request.quantity.as_deref().unwrap_or(""),
        amount: request.amount.as_deref().unwrap_or(""),
        reference: &reference,
        tags: request.tags.as_deref().unwrap_or(""),
        other_city_support: if request.other_city_support {
            "yes"
        } else {
            ""
        },
        score: request.score.as_deref().unwrap_or(""),
        facts: std::array::from_fn(|i| facts.get(i).map(String::as_str).unwrap_or("")),
    };
    let claim = parse_claim(&raw, policy, keys).map_err(|(problems, _)| problems)?;
    let claims = [claim];
    // One pass and no ranking: the quota is the batch's to settle.
    let (mut outcomes, mut traces) = engine::run_traced_within(policy, &claims, prior, 1);
    let [claim] = claims;
    Ok(Answer {
        claim,
        outcome: outcomes.remove(0),
        trace: traces.remove(0),
        dry_run: DryRun {
            ledger,
            reference: request.reference.is_some(),
            ranking: item.is_some_and(|i| i.quota.is_some()),
        },
        applicant,
    })
}

/// Stand-in references for a dry run without one: one per unit of a
/// per-unit item, so the quantity and the list agree.
fn stand_in_refs(item: Option<&Item>, quantity: Option<&str>) -> String {
    let per_unit = item.is_some_and(|i| i.per_unit);
    let n = match (per_unit, quantity.and_then(parse_quantity)) {
        (true, Some(n)) => n.min(10_000),
        _ => 1,
    };
    (1..=n)
        .map(|i| format!("{CLAIM_ID}-{i}"))
        .collect::<Vec<_>>()
        .join(";")
}
