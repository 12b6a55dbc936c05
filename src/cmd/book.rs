//! `subsidy book …` and the book's part in `calc --book`: the office's
//! record of every batch (the storage is `crate::book`).

mod commit;
mod list;
mod publish;
mod record;
pub mod verify;

pub use commit::Office;

use std::path::Path;

use super::LedgerText;
use crate::book::{Book, BookError, Entry};
use crate::cli::{BookCommand, BookFile};
use crate::error::Error;
use crate::words::{Lang, OfficeFact};

pub fn run(command: &BookCommand, lang: Lang) -> Result<(), Error> {
    match command {
        BookCommand::Init { file } => {
            let (path, file) = Book::init(file)?;
            say(lang, &OfficeFact::Initialised { path: &path, file });
            Ok(())
        }
        BookCommand::List { office } => list::list(&open(office)?, lang),
        BookCommand::Show { batch, office } => list::show(&open(office)?, *batch, lang),
        BookCommand::Export { batch, out, office } => {
            list::export(&open(office)?, *batch, out, lang)
        }
        BookCommand::Verify { office } => verify::verify(&open(office)?, lang),
        BookCommand::Void {
            batch,
            reason,
            by,
            office,
        } => record::void(&mut open(office)?, *batch, reason, by.as_deref(), lang),
        BookCommand::Publish {
            year,
            out,
            measures,
            office,
        } => publish::publish(&open(office)?, *year, out, measures, lang),
        BookCommand::Import {
            files,
            by,
            measures,
            reading,
            office,
        } => record::import(
            &mut open(office)?,
            files,
            by.as_deref(),
            measures,
            reading,
            lang,
        ),
    }
}

/// The payouts in force in the book `--book` names (none without one),
/// labelled, in the order recorded: what `compare` counts as paid.
pub fn booked(office: &BookFile) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let Some(path) = office.book.as_deref() else {
        return Ok(Vec::new());
    };
    let book = Book::open(path)?;
    let entries = book.payouts()?;
    Ok(in_force(book.label(), &entries, i64::MAX)
        .into_iter()
        .map(|(label, bytes)| (label, bytes.to_vec()))
        .collect())
}

/// The payouts in force in the book `--book` names, each cut to the rows
/// of `year` when one is asked (a batch with none is left out): what
/// `report --book` reviews.
pub fn of_year(office: &BookFile, year: Option<i32>) -> Result<Vec<LedgerText>, Error> {
    let mut ledgers = Vec::new();
    for (label, bytes) in booked(office)? {
        let text = match year {
            Some(year) => match crate::book::summary::of_year(&bytes, year) {
                Some(text) => text,
                None => continue,
            },
            None => bytes,
        };
        ledgers.push(LedgerText {
            label,
            sheet: None,
            text,
        });
    }
    Ok(ledgers)
}

/// The year's batches (those with rows of `year`, in force now) decided
/// again, in order, under the policy `load` gives: each against the payouts
/// in force before it, the year's earlier batches as this replay decided
/// them. What `compare --book --year` compares.
pub fn year_replayed(
    office: &BookFile,
    year: i32,
    load: &dyn Fn() -> Result<crate::policy::Policy, Error>,
) -> Result<Vec<verify::Replayed>, Error> {
    let book = open(office)?;
    let entries = book.entries()?;
    let mut decided: Vec<(i64, Vec<u8>)> = Vec::new();
    let mut replays = Vec::new();
    for entry in crate::book::summary::in_force(&entries, i64::MAX) {
        let of_year = crate::book::summary::of_year(&entry.content.payout, year).is_some();
        if entry.kind != crate::book::Kind::Batch || !of_year {
            continue;
        }
        let booked: Vec<(String, &[u8])> = crate::book::summary::in_force(&entries, entry.seq)
            .into_iter()
            .map(|e| {
                let again = decided.iter().find(|(batch, _)| *batch == e.batch);
                let bytes = again.map_or(e.content.payout.as_slice(), |(_, b)| b.as_slice());
                (ledger_label(book.label(), e), bytes)
            })
            .collect();
        let label = ledger_label(book.label(), entry);
        let replayed = verify::replay_under(&label, entry, load()?, &booked)?;
        decided.push((entry.batch, commit::canonical_payout(&replayed.decided())?));
        replays.push(replayed);
    }
    Ok(replays)
}

/// The book `--book` (or `SUBSIDY_BOOK`) names.
fn open(office: &BookFile) -> Result<Book, Error> {
    Ok(Book::open(book_path(office)?)?)
}

fn book_path(office: &BookFile) -> Result<&Path, Error> {
    Ok(office.book.as_deref().ok_or(BookError::NotNamed)?)
}

/// A sentence about the book, on stderr (stdout is for what was asked).
fn say(lang: Lang, fact: &OfficeFact) {
    eprintln!("{}", lang.words().office_fact(fact));
}

/// How a stored payout is named when it is read as a ledger: the book and
/// the batch, so that an error points into the book.
fn ledger_label(book: &str, entry: &Entry) -> String {
    format!("{book}#{}", entry.batch)
}

/// The payouts in force for an entry made after `before`, labelled, in
/// the order they were recorded.
fn in_force<'e>(book: &str, entries: &'e [Entry], before: i64) -> Vec<(String, &'e [u8])> {
    crate::book::summary::in_force(entries, before)
        .into_iter()
        .map(|e| (ledger_label(book, e), e.content.payout.as_slice()))
        .collect()
}
