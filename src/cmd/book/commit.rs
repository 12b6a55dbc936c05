//! `calc --book`: the batch decided against every payment in the book, and
//! with `--commit` recorded in it while the book's write lock is held.

use std::path::Path;

use clap::ValueEnum;

use crate::book::{self, Book, BookError, Entry, Kind, NewEntry};
use crate::cli::CalcArgs;
use crate::error::Error;
use crate::report::{write_payout_headed, Decided};
use crate::words::{Lang, OfficeFact};

/// The book of a `calc`, if it names one, with what it holds.
pub struct Office {
    book: Option<Book>,
    entries: Vec<Entry>,
}

impl Office {
    /// Opens the book of `--book`; with `--commit`, takes its write lock
    /// before anything is read from it.
    pub fn open(args: &CalcArgs) -> Result<Office, Error> {
        let Some(path) = args.office.book.as_deref() else {
            return Ok(Office {
                book: None,
                entries: Vec::new(),
            });
        };
        if args.commit {
            if args.claims.as_deref().is_none_or(|p| p == Path::new("-")) {
                return Err(BookError::CommitNeedsFile.into());
            }
            if !args.sources.set.is_empty() || args.budget.is_some() {
                return Err(BookError::CommitWhatIf.into());
            }
        }
        let mut book = Book::open(path)?;
        if args.commit {
            book.begin()?;
        }
        let entries = book.payouts()?;
        Ok(Office {
            book: Some(book),
            entries,
        })
    }

    /// Every payout in force, labelled, in the order recorded.
    pub fn booked(&self) -> Vec<(String, &[u8])> {
        match &self.book {
            Some(book) => super::in_force(book.label(), &self.entries, i64::MAX),
            None => Vec::new(),
        }
    }

    /// With `--commit`: refuses a claims file or a claim_id the book
    /// already holds, else records the batch and keeps it.
    pub fn commit(&mut self, args: &CalcArgs, decided: &Decided, lang: Lang) -> Result<(), Error> {
        let (Some(book), true, Some(path)) = (&mut self.book, args.commit, args.claims.as_deref())
        else {
            return Ok(());
        };
        let label = path.display().to_string();
        let claims = std::fs::read(path).map_err(|source| Error::Read {
            path: label.clone(),
            source,
        })?;
        let claims_sha256 = book::sha256_hex(&claims);
        if let Some(batch) = book.batch_of_claims(&claims_sha256)? {
            return Err(BookError::ClaimsCommitted { file: label, batch }.into());
        }
        let payout = canonical_payout(decided)?;
        let summary = book::summary::of_payout(&payout);
        for (claim_id, _) in &summary.claim_ids {
            if let Some(batch) = book.batch_of_claim_id(claim_id)? {
                let claim_id = claim_id.clone();
                return Err(BookError::ClaimIdCommitted { claim_id, batch }.into());
            }
        }
        let policy_text = policy_text(args.sources.measures.path())?;
        let rows = decided.batch.rows.len() as i64;
        let entry = NewEntry {
            at: book::now_utc(),
            by: book::who(args.by.as_deref()),
            policy_id: decided.policy.id.clone(),
            policy_sha256: book::sha256_hex(policy_text.as_bytes()),
            policy_text,
            claims_name: file_name(path),
            claims_sha256,
            claims,
            encoding: reading_recorded(&args.sources.reading)?,
            sheet: args.sources.reading.sheet.clone().unwrap_or_default(),
            payout,
            rows,
            paid: summary.paid.to_string(),
            reason: String::new(),
        };
        let batch = book.append(Kind::Batch, None, entry, &summary.claim_ids)?;
        book.commit()?;
        let paid = summary.paid;
        super::say(lang, &OfficeFact::Committed { batch, rows, paid });
        Ok(())
    }
}

/// The payout as the book keeps it: `calc --no-bom --lang en` with English
/// headers, whatever this run prints.
pub(super) fn canonical_payout(decided: &Decided) -> Result<Vec<u8>, Error> {
    let mut payout = Vec::new();
    write_payout_headed(decided, &mut payout, false, false, Lang::En).map_err(|source| {
        Error::Write {
            path: decided.batch.source.clone(),
            source,
        }
    })?;
    Ok(payout)
}

/// The text of the policy `--policy` names, or the bundled one.
fn policy_text(path: Option<&Path>) -> Result<String, Error> {
    match path {
        None => Ok(crate::policy::BUNDLED.to_string()),
        Some(p) => std::fs::read_to_string(p).map_err(|source| Error::Read {
            path: p.display().to_string(),
            source,
        }),
    }
}

/// The claims file's own name: the book keeps no folder of the clerk's.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claims.csv".to_string())
}

/// How the claims file was read, so a replay reads it the same way: the
/// encoding's name, then a line per `--column` and `--ignore-column`, and
/// the office's columns file line by line (recorded as the field `encoding`
/// of the book).
fn reading_recorded(reading: &crate::cli::Reading) -> Result<String, Error> {
    let mut out = encoding_name(reading.encoding);
    for c in &reading.column {
        out.push_str(&format!("\n--column\t{c}"));
    }
    for h in &reading.ignore_column {
        out.push_str(&format!("\n--ignore-column\t{h}"));
    }
    if let Some(path) = &reading.columns {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.display().to_string(),
            source,
        })?;
        for line in String::from_utf8_lossy(&bytes).lines() {
            out.push_str(&format!("\n--columns-line\t{line}"));
        }
    }
    Ok(out)
}

fn encoding_name(encoding: crate::decode::Encoding) -> String {
    encoding
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}
