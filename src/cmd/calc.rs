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

pub fn run(args: &CalcArgs, lang: Lang) -> Result<(), Error> {
    let (policy, overrides) =
        super::whatif::load_with(args.sources.measures.path(), &args.sources.set)?;
    let fund = super::budget::fund_asked(args.budget.as_deref())?;
    let progress = Progress::for_input(input_size(args.claims.as_deref()), lang);
    let (batch, prior) = super::read_batch_shown(
        args.claims.as_deref(),
        &args.sources,
        &policy,
        args.limits.get(),
        &progress,
    )?;
    progress.stage(Stage::Deciding, batch.claims.len() as u64);
    if let Some(notice) = super::notices::unknown_columns(&batch, lang) {
        let _ = writeln!(std::io::stderr(), "{}", crate::text::shown(&notice));
    }

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
    let format = args.format.unwrap_or(if args.out.is_some() {
        Format::Csv
    } else {
        Format::Table
    });
    let bom = !args.no_bom;
    let chinese = args.headers == Headers::Zh;
    let workbook = match &args.out {
        Some(path) if format == Format::Csv && super::is_workbook(path) => {
            Some(workbook(&decided, args.sources.measures.path(), lang)?)
        }
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
fn workbook(decided: &Decided, policy: Option<&Path>, lang: Lang) -> Result<Vec<u8>, Error> {
    let provenance = Provenance {
        policy_sha256: super::policy_sha256(policy)?,
        version: env!("SUBSIDY_LONG_VERSION").to_string(),
    };
    payout_workbook(decided, &provenance, lang).map_err(|e| Error::Write {
        path: decided.batch.source.clone(),
        source: std::io::Error::other(e.to_string()),
    })
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
    warn_of_ties(batch, &outcomes, lang);
    if !settled {
        let passes = engine::MAX_PASSES;
        let notice = Notice::RankingUnsettled { passes };
        eprintln!("{}", lang.words().notice(&notice));
    }
    outcomes
}

/// One line on stderr per problem: `FILE:LINE: column COLUMN: what`. The
/// location prefix is the same in both languages, for scripts and editors.
fn report_invalid_rows(batch: &Batch, lang: Lang) -> usize {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut count = 0;
    for row in &batch.rows {
        let Entry::Invalid(bad) = &row.entry else {
            continue;
        };
        count += 1;
        for p in &bad.problems {
            let line = lang.words().invalid_row_line(&batch.source, row.line, p);
            let _ = writeln!(err, "{}", crate::text::shown(&line));
        }
    }
    count
}

/// Claims placed by claim_id on a score tied across a quota's boundary.
fn warn_of_ties(batch: &Batch, outcomes: &[engine::Outcome], lang: Lang) {
    let ids: Vec<String> = batch
        .claims
        .iter()
        .zip(outcomes)
        .filter(|(_, o)| {
            o.cuts
                .iter()
                .any(|s| matches!(s.cap, engine::Cap::Quota { tie: true, .. }))
        })
        .map(|(c, _)| c.claim_id.to_string())
        .collect();
    if !ids.is_empty() {
        let notice = lang.words().notice(&Notice::QuotaTie { ids: &ids });
        eprintln!("{}", crate::text::shown(&notice));
    }
}
