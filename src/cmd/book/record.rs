//! `book void` and `book import`: entries that are not batches decided here.

use std::path::{Path, PathBuf};

use crate::book::{self, Book, BookError, Kind, NewEntry};
use crate::claims::limits::Limits;
use crate::claims::Keys;
use crate::cli::{PolicyFile, Reading};
use crate::error::Error;
use crate::ledger::read_ledger;
use crate::words::{Lang, OfficeFact};

/// Withdraws batch `batch`: a new entry; its payments stop counting for
/// every entry made after it.
pub fn void(
    book: &mut Book,
    batch: i64,
    reason: &str,
    by: Option<&str>,
    lang: Lang,
) -> Result<(), Error> {
    book.begin()?;
    let entries = book.payouts()?;
    let of_batch = |kind: Kind| entries.iter().any(|e| e.batch == batch && e.kind == kind);
    if !of_batch(Kind::Batch) && !of_batch(Kind::Import) {
        return Err(BookError::NoSuchBatch { batch }.into());
    }
    if of_batch(Kind::Void) {
        return Err(BookError::AlreadyVoid { batch }.into());
    }
    let entry = NewEntry {
        at: book::now_utc(),
        by: book::who(by),
        reason: reason.trim().to_string(),
        ..NewEntry::default()
    };
    book.append(Kind::Void, Some(batch), entry, &[])?;
    book.commit()?;
    super::say(lang, &OfficeFact::Voided { batch });
    Ok(())
}

/// An earlier payout, read as `--ledger` reads it.
struct Payout {
    path: PathBuf,
    sha256: String,
    text: Vec<u8>,
}

/// Records earlier payouts, each as a batch of its own, all or none: each is
/// read through the ledger reader first, and refused like a commit when its
/// file or a claim_id it decided is already in the book.
pub fn import(
    book: &mut Book,
    files: &[PathBuf],
    by: Option<&str>,
    measures: &PolicyFile,
    reading: &Reading,
    lang: Lang,
) -> Result<(), Error> {
    let policy = super::super::load_policy(measures.path())?;
    let mut payouts = Vec::new();
    for path in files {
        let (_, original) = super::super::read_input(Some(path))?;
        let ledger = super::super::ledger_text(path, reading, Limits::default())?;
        read_ledger(&ledger.label, &ledger.text, &policy, &mut Keys::default())?;
        payouts.push(Payout {
            path: path.clone(),
            sha256: book::sha256_hex(&original),
            text: ledger.text,
        });
    }
    book.begin()?;
    let mut done = Vec::new();
    for payout in payouts {
        let label = payout.path.display().to_string();
        if let Some(batch) = book.batch_of_claims(&payout.sha256)? {
            return Err(BookError::ClaimsCommitted { file: label, batch }.into());
        }
        let summary = book::summary::of_payout(&payout.text);
        for (claim_id, _) in &summary.claim_ids {
            if let Some(batch) = book.batch_of_claim_id(claim_id)? {
                let claim_id = claim_id.clone();
                return Err(BookError::ClaimIdCommitted { claim_id, batch }.into());
            }
        }
        let rows = summary.claim_ids.len() as i64;
        let entry = NewEntry {
            at: book::now_utc(),
            by: book::who(by),
            claims_name: file_name(&payout.path),
            claims_sha256: payout.sha256,
            payout: payout.text,
            rows,
            paid: summary.paid.to_string(),
            ..NewEntry::default()
        };
        let batch = book.append(Kind::Import, None, entry, &summary.claim_ids)?;
        done.push((label, batch, rows));
    }
    book.commit()?;
    for (file, batch, rows) in &done {
        let (batch, rows) = (*batch, *rows);
        super::say(lang, &OfficeFact::Imported { batch, file, rows });
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
