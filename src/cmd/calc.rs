//! `subsidy calc`: the annual batch.

use std::io::Write;
use std::path::Path;

use crate::claims::{Batch, Entry};
use crate::cli::{CalcArgs, Format, Headers};
use crate::engine;
use crate::error::Error;
use crate::report::{
    payout_workbook, write_json, write_payout_headed, write_tables, Decided, Provenance,
};
use crate::words::{Lang, Notice};

pub fn run(args: &CalcArgs, lang: Lang) -> Result<(), Error> {
    let policy = super::load_policy(args.sources.measures.path())?;
    let (batch, prior) = super::read_batch(args.claims.as_deref(), &args.sources, &policy)?;

    let invalid = report_invalid_rows(&batch, lang);
    if args.strict && invalid > 0 {
        return Err(Error::Strict {
            file: batch.source.clone(),
            invalid,
        });
    }

    let (outcomes, settled) =
        engine::run_within(&policy, &batch.claims, &prior, engine::MAX_PASSES);
    if !settled {
        let passes = engine::MAX_PASSES;
        eprintln!(
            "{}",
            lang.words().notice(&Notice::RankingUnsettled { passes })
        );
    }
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
        Some(path) if format == Format::Csv && is_workbook(path) => {
            Some(workbook(&decided, args.sources.measures.path(), lang)?)
        }
        _ => None,
    };
    let write = |out: &mut dyn Write| match (&workbook, format) {
        (Some(bytes), _) => out.write_all(bytes),
        (None, Format::Table) => write_tables(&decided, out, lang),
        (None, Format::Csv) => write_payout_headed(&decided, out, bom, chinese, lang),
        (None, Format::Json) => write_json(&decided, out, lang),
    };
    let written = match &args.out {
        Some(path) => super::write_file_atomically(path, write),
        None => super::write_stdout(write),
    };
    // The process ends next: freeing a million rows one by one would cost a
    // tenth of a second for nothing.
    std::mem::forget(outcomes);
    std::mem::forget(batch);
    written
}

/// Whether `--out` asks for an Excel workbook.
fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
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
            let _ = writeln!(err, "{line}");
        }
    }
    count
}
