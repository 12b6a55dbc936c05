//! `subsidy calc`: the annual batch.

use std::io::Write;
use std::path::Path;

use crate::claims::{Batch, Entry};
use crate::cli::{CalcArgs, Format, Headers};
use crate::engine;
use crate::error::Error;
use crate::progress::Progress;
use crate::report::{
    payout_workbook, write_json, write_payout_headed, write_tables, Decided, Provenance,
};
use crate::words::{Lang, Notice, Stage};

/// What reading the claims file noted: unused columns, the sheet's layout.
fn say_of_reading(batch: &crate::claims::Batch, lang: Lang) {
    if let Some(notice) = super::notices::unknown_columns(batch, lang) {
        let _ = writeln!(std::io::stderr(), "{}", crate::text::shown(&notice));
    }
    for notice in super::notices::of_layout(batch, lang) {
        let _ = writeln!(std::io::stderr(), "{}", crate::text::shown(&notice));
    }
}

/// `--out` is none of the run's inputs (claims, ledgers, policy).
fn out_is_no_input(args: &CalcArgs) -> Result<(), Error> {
    let mut inputs = super::inputs_of(&args.sources);
    inputs.extend(args.claims.as_deref());
    crate::output::out_is_not_input(args.out.as_deref(), &inputs)
}

pub fn run(args: &CalcArgs, lang: Lang) -> Result<(), Error> {
    out_is_no_input(args)?;
    let (policy, overrides) =
        super::whatif::load_with(args.sources.measures.path(), &args.sources.set)?;
    let fund = super::budget::fund_asked(args.budget.as_deref())?;
    let progress = Progress::for_input(input_size(args.claims.as_deref()), lang);
    let mut office = super::book::Office::open(args)?;
    let (batch, prior) = super::read_batch_booked(
        args.claims.as_deref(),
        &args.sources,
        &policy,
        args.limits.get(),
        &progress,
        &office.booked(),
    )?;
    progress.stage(Stage::Deciding, batch.claims.len() as u64);
    say_of_reading(&batch, lang);

    let invalid = progress.suspend(|| report_invalid_rows(&batch, lang));
    if args.strict && invalid > 0 {
        return Err(Error::Strict {
            file: batch.source.clone(),
            invalid,
        });
    }

    let outcomes = progress.suspend(|| decide(&batch, &policy, &prior, lang));
    let mut extras = super::budget::Extras {
        overrides,
        budget: None,
    };
    let outcomes = match fund {
        Some(fund) => {
            let priority = args.budget_priority.as_deref();
            let (scaled, budget) =
                super::budget::within_fund(&policy, &batch, outcomes, fund, priority)?;
            extras.budget = Some(budget);
            scaled
        }
        None => outcomes,
    };
    let decided = Decided {
        policy: &policy,
        batch: &batch,
        outcomes: &outcomes,
    };
    progress.suspend(|| office.commit(args, &decided, lang))?;
    let format = args.format.unwrap_or(if args.out.is_some() {
        Format::Csv
    } else {
        Format::Table
    });
    let bom = !args.no_bom;
    let chinese = args.headers == Headers::Zh;
    let workbook = match &args.out {
        Some(path) if format == Format::Csv && super::is_workbook(path) => Some(workbook(
            &decided,
            path,
            args.sources.measures.path(),
            lang,
        )?),
        _ => None,
    };
    progress.stage(Stage::Writing, batch.rows.len() as u64 + 1);
    let write = |out: &mut dyn Write| match (&workbook, format) {
        (Some(bytes), _) => out.write_all(bytes),
        (None, _) if extras.any() => {
            super::budget::write(&decided, &extras, format, out, bom, lang)
        }
        (None, Format::Table) => write_tables(&decided, out, lang),
        (None, Format::Csv) => write_payout_headed(&decided, out, bom, chinese, lang),
        (None, Format::Json) => write_json(&decided, out, lang),
    };
    let shown = |out: &mut dyn Write| write(&mut progress.writing(out));
    let written = match &args.out {
        Some(path) => super::write_file_atomically(path, shown),
        None => super::write_stdout(shown),
    };
    progress.finish();
    // The process ends next: freeing a million rows one by one would cost a
    // tenth of a second for nothing.
    std::mem::forget(outcomes);
    std::mem::forget(batch);
    written
}

/// The size of the claims file, when it is a file (not standard input).
fn input_size(path: Option<&Path>) -> Option<u64> {
    let path = path.filter(|p| *p != Path::new("-"))?;
    std::fs::metadata(path).ok().map(|m| m.len())
}

/// The payout workbook's bytes.
fn workbook(
    decided: &Decided,
    out: &Path,
    policy: Option<&Path>,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    let provenance = Provenance {
        policy_sha256: super::policy_sha256(policy)?,
        version: env!("SUBSIDY_LONG_VERSION").to_string(),
    };
    payout_workbook(decided, &provenance, lang).map_err(|e| super::book_error(out, &e, lang))
}

/// The pass, with its warnings: rows the office should look at, ties at a
/// quota's boundary, a ranking that did not settle.
fn decide(
    batch: &Batch,
    policy: &crate::policy::Policy,
    prior: &[engine::Prior],
    lang: Lang,
) -> Vec<engine::Outcome> {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for notice in super::notices::of_rows(batch, policy, lang) {
        let _ = writeln!(err, "{}", crate::text::shown(&notice));
    }
    drop(err);
    let (outcomes, settled) = engine::run_within(policy, &batch.claims, prior, engine::MAX_PASSES);
    warn_of_undecided(batch, &outcomes, lang);
    if !settled {
        let passes = engine::MAX_PASSES;
        let notice = Notice::RankingUnsettled { passes };
        eprintln!("{}", lang.words().notice(&notice));
    }
    outcomes
}

/// One line on stderr per problem: `FILE:LINE: column COLUMN: what`, a
/// screenful of each kind. The location prefix is the same in both
/// languages, for scripts and editors. Returns how many rows are invalid.
fn report_invalid_rows(batch: &Batch, lang: Lang) -> usize {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for line in super::notices::invalid_rows(batch, lang) {
        let _ = writeln!(err, "{}", crate::text::shown(&line));
    }
    (batch.rows.iter())
        .filter(|row| matches!(row.entry, Entry::Invalid(_)))
        .count()
}

/// Quota claims the ranking left to the office: said once, with their ids.
fn warn_of_undecided(batch: &Batch, outcomes: &[engine::Outcome], lang: Lang) {
    let ids: Vec<String> = batch
        .claims
        .iter()
        .zip(outcomes)
        .filter(|(_, o)| o.undecided.is_some())
        .map(|(c, _)| c.claim_id.to_string())
        .collect();
    if !ids.is_empty() {
        let notice = lang.words().notice(&Notice::QuotaUndecided { ids: &ids });
        eprintln!("{}", crate::text::shown(&notice));
    }
}
