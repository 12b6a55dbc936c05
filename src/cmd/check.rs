//! `subsidy check`: an applicant's dry run of one claim, with the same pass
//! and the same derivation as a batch. Nothing is written.

use std::io::Write;

use crate::claims::{parse_claim, Keys, RawClaim};
use crate::cli::CheckArgs;
use crate::date::Date;
use crate::engine;
use crate::error::{Error, Usage};
use crate::policy::Policy;
use crate::report::{derivation, draft_notice, Applicant};
use crate::words::{Label, Lang, Notice};

const CLAIM_ID: &str = "CHECK";

pub fn run(args: &CheckArgs, lang: Lang) -> Result<(), Error> {
    let words = lang.words();
    let policy = super::load_policy(args.sources.measures.path())?;
    let mut keys = Keys::default();
    let prior = super::read_ledgers(
        &args.sources.ledger,
        &args.sources.reading,
        &policy,
        &mut keys,
    )?;

    let facts = declared_facts(&policy, &args.fact)?;

    let date = args
        .date
        .clone()
        .unwrap_or_else(|| Date::today().to_string());
    let item = policy.find_item_or_part(&args.item);
    let needs_ref = item.is_some_and(|i| policy.item(i).needs_ref());
    let reference = match (&args.reference, needs_ref) {
        (Some(r), _) => r.clone(),
        (None, true) => CLAIM_ID.to_string(),
        (None, false) => String::new(),
    };
    let applicant_id = args
        .applicant
        .clone()
        .unwrap_or_else(|| CLAIM_ID.to_string());
    let raw = RawClaim {
        claim_id: CLAIM_ID,
        applicant_id: &applicant_id,
        applicant_name: words.label(Label::DryRunApplicant),
        applicant_type: &args.applicant_type,
        item: &args.item,
        date: &date,
        quantity: args.quantity.as_deref().unwrap_or(""),
        amount: args.amount.as_deref().unwrap_or(""),
        reference: &reference,
        tags: args.tags.as_deref().unwrap_or(""),
        other_city_support: if args.other_city_support { "yes" } else { "" },
        score: args.score.as_deref().unwrap_or(""),
        facts: std::array::from_fn(|i| facts.get(i).map(String::as_str).unwrap_or("")),
    };
    let claim = parse_claim(&raw, &policy, &mut keys).map_err(|(problems, _)| {
        Error::Usage(Usage::DryRunCells(
            problems
                .into_iter()
                .map(|p| (flag_of(&p.column), p))
                .collect(),
        ))
    })?;

    let claims = [claim];
    let (outcomes, traces) = engine::run_traced(&policy, &claims, &prior);
    let text = derivation(
        &policy,
        &claims[0],
        Applicant {
            id: &applicant_id,
            name: "",
        },
        &outcomes[0],
        &traces[0],
        lang,
    );
    super::write_stdout(|out: &mut dyn Write| {
        writeln!(out, "{}", words.notice(&Notice::DryRun))?;
        if let Some(notice) = draft_notice(&policy, lang) {
            writeln!(out, "{notice}")?;
        }
        if needs_ref && args.reference.is_none() {
            writeln!(out, "{}", words.notice(&Notice::NoRefGiven))?;
        }
        out.write_all(text.as_bytes())
    })
}

/// The flag that sets a claims column, for messages about a dry run.
fn flag_of(column: &str) -> String {
    match column {
        "applicant_type" => "--type".into(),
        "ref" => "--ref".into(),
        "item" | "date" | "quantity" | "amount" | "tags" | "score" => format!("--{column}"),
        other => format!("--fact {other}"),
    }
}

/// The values of `--fact ID=VALUE`, one per fact the policy declares (empty
/// where not given).
fn declared_facts(policy: &Policy, given: &[String]) -> Result<Vec<String>, Error> {
    let mut facts = vec![String::new(); policy.facts.len()];
    for fact in given {
        let (id, value) = match fact.split_once('=') {
            Some((id, v)) => (id.trim(), v.trim()),
            None => (fact.as_str(), ""),
        };
        let Some(i) = policy.facts.iter().position(|f| f.id == id) else {
            return Err(Error::Usage(Usage::UnknownFact {
                id: id.to_string(),
                known: policy.facts.iter().map(|f| f.id.clone()).collect(),
            }));
        };
        facts[i] = value.to_string();
    }
    Ok(facts)
}
