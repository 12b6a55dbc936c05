//! `subsidy book …` and the book's part in `calc --book`: the office's
//! record of every batch (the storage is `crate::book`).

mod commit;
mod list;
mod record;
mod verify;

pub use commit::Office;

use std::path::Path;

use crate::book::{Book, BookError, Entry};
use crate::cli::{BookCommand, BookFile};
use crate::error::Error;
use crate::words::{Lang, OfficeFact};

pub fn run(command: &BookCommand, lang: Lang) -> Result<(), Error> {
    match command {
        BookCommand::Init { file } => {
            Book::init(file)?;
            let path = file.display().to_string();
            say(lang, &OfficeFact::Initialised { path: &path });
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
