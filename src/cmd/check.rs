//! `subsidy check`: an applicant's dry run of one claim, with the same pass
//! and the same derivation as a batch. Nothing is written.

use std::io::Write;

use crate::claims::{parse_claim, Keys, RawClaim};
use crate::cli::CheckArgs;
use crate::date::Date;
use crate::engine;
use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::report::{derivation, draft_notice, Applicant};

const CLAIM_ID: &str = "CHECK";

pub fn run(args: &CheckArgs, lang: Lang) -> Result<(), Error> {
    let policy = super::load_policy(args.sources.measures.path())?;
    let mut keys = Keys::default();
    let prior = super::read_ledgers(&args.sources.ledger, &policy, &mut keys, Default::default())?;

    let mut facts = vec![String::new(); policy.facts.len()];
    let named = [
        ("valid_invention_patents", &args.valid_invention_patents),
        ("service_years", &args.service_years),
    ];
    let given = named
        .iter()
        .filter_map(|(id, v)| v.as_ref().map(|v| (id.to_string(), v.clone())))
        .chain(args.fact.iter().map(|f| match f.split_once('=') {
            Some((id, v)) => (id.trim().to_string(), v.trim().to_string()),
            None => (f.clone(), String::new()),
        }));
    for (id, value) in given {
        let Some(i) = policy.facts.iter().position(|f| f.id == id) else {
            let known: Vec<&str> = policy.facts.iter().map(|f| f.id.as_str()).collect();
            return Err(Error::Usage(Msg::new(
                format!(
                    "政策未声明事实“{id}”（可用：{}），写法 --fact ID=VALUE",
                    known.join("、")
                ),
                format!(
                    "the policy declares no fact `{id}` (known: {}); write --fact ID=VALUE",
                    known.join(", ")
                ),
            )));
        };
        facts[i] = value;
    }

    let date = args
        .date
        .clone()
        .unwrap_or_else(|| Date::today().to_string());
    let item = policy.find_item(&args.item);
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
        applicant_name: lang.pick("（试算）", "(dry run)"),
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
        let lines = |lang: Lang| {
            problems
                .iter()
                .map(|p| format!("{}: {}", flag_of(&p.column), p.message(lang)))
                .collect::<Vec<_>>()
                .join("\n")
        };
        Error::Usage(Msg::new(lines(Lang::Zh), lines(Lang::En)))
    })?;

    let claims = [claim];
    let (outcomes, traces) = engine::run_traced(&policy, &claims, &prior);
    let text = derivation(
        &policy,
        &claims[0],
        &Applicant {
            id: &applicant_id,
            name: "",
        },
        &outcomes[0],
        &traces[0],
        lang,
    );
    super::write_stdout(|out: &mut dyn Write| {
        writeln!(
            out,
            "{}",
            lang.pick("试算：不写入任何文件。", "Dry run: nothing is written.")
        )?;
        if let Some(notice) = draft_notice(&policy, lang) {
            writeln!(out, "{notice}")?;
        }
        if needs_ref && args.reference.is_none() {
            writeln!(
                out,
                "{}",
                lang.pick(
                    "未给出 --ref：无法检查同一编号是否已获资助。",
                    "No --ref given: whether the same ref was paid before is not checked."
                )
            )?;
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
        "valid_invention_patents" | "service_years" => format!("--{}", column.replace('_', "-")),
        other => format!("--fact {other}"),
    }
}
