//! `subsidy check`: an applicant's dry run of one claim, with the same pass
//! and the same derivation as a batch. Nothing is written.

use std::io::Write;

use crate::claims::Keys;
use crate::cli::CheckArgs;
use crate::dryrun::{self, Request};
use crate::error::{Error, Usage};
use crate::policy::Policy;
use crate::report::{derivation, draft_notice, Applicant};
use crate::words::{Label, Lang, Notice};

pub fn run(args: &CheckArgs, lang: Lang) -> Result<(), Error> {
    let words = lang.words();
    let policy = super::whatif::load_announced(&args.sources, lang)?;
    let mut keys = Keys::default();
    let prior = super::read_ledgers(
        &args.sources.ledger,
        &args.sources.reading,
        &policy,
        &mut keys,
        Default::default(),
    )?;
    let request = Request {
        item: args.item.clone(),
        applicant_type: args.applicant_type.clone(),
        quantity: args.quantity.clone(),
        amount: args.amount.clone(),
        date: args.date.clone(),
        tags: args.tags.clone(),
        reference: args.reference.clone(),
        score: args.score.clone(),
        facts: declared_facts(&policy, &args.fact)?,
        other_city_support: args.other_city_support,
        applicant: args.applicant.clone(),
    };
    let ledger = !args.sources.ledger.is_empty();
    let placeholder = words.label(Label::DryRunApplicant);
    let answer = dryrun::answer(&policy, &request, (&prior, &mut keys, ledger), placeholder)
        .map_err(|problems| {
            Error::Usage(Usage::DryRunCells(
                problems
                    .into_iter()
                    .map(|p| (flag_of(&p.column), p))
                    .collect(),
            ))
        })?;
    let text = derivation(
        &policy,
        &answer.claim,
        Applicant {
            id: &answer.applicant,
            name: "",
        },
        (&answer.outcome, &answer.trace),
        Some(answer.dry_run),
        lang,
    );
    let needs_ref = policy.item(answer.claim.item).needs_ref();
    super::write_stdout(|out: &mut dyn Write| {
        writeln!(out, "{}", words.notice(&Notice::DryRun))?;
        if let Some(notice) = draft_notice(&policy, lang) {
            writeln!(out, "{notice}")?;
        }
        if !answer.dry_run.ledger {
            writeln!(out, "{}", words.notice(&Notice::NoLedgerGiven))?;
        }
        if needs_ref && !answer.dry_run.reference {
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
