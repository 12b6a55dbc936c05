//! One book, two stores: a SQLite file for one office, a PostgreSQL
//! database for offices that share a record. Both keep the same schema and
//! answer the same few questions; the chain of hashes and the numbering of
//! batches are made here, once, for both.

use std::cell::RefCell;
use std::path::Path;

use super::entry::{Entry, Kind, NewEntry, GENESIS};
use super::error::BookError;

/// The schema this version of the tool writes and reads. A book of a later
/// one is refused rather than half understood.
pub const SCHEMA_VERSION: i64 = 1;

/// What a store of the book does.
pub trait Store {
    /// The book as messages name it (never with a password).
    fn label(&self) -> &str;
    /// Every entry, in the order they were made; without `files`, with the
    /// claims file's bytes and the policy's text left empty.
    fn entries(&mut self, files: bool) -> Result<Vec<Entry>, BookError>;
    /// The index of claim_ids that refusals read: (claim_id, batch,
    /// status), sorted.
    fn claim_index(&mut self) -> Result<Vec<(String, i64, String)>, BookError>;
    /// Takes the book's write lock: what is read from now on is still the
    /// book when what is added is committed; a second writer waits here.
    fn begin(&mut self) -> Result<(), BookError>;
    /// Keeps what was added since `begin`.
    fn commit(&mut self) -> Result<(), BookError>;
    /// The batch or import, not withdrawn, that recorded a file of this hash.
    fn batch_of_claims(&mut self, sha256: &str) -> Result<Option<i64>, BookError>;
    /// The batch, not withdrawn, that decided `claim_id` other than as a
    /// row that may come back (`invalid`, `manual`: SPEC §5.5).
    fn batch_of_claim_id(&mut self, claim_id: &str) -> Result<Option<i64>, BookError>;
    /// The last entry's place and hash, and the next batch number.
    fn tail(&mut self) -> Result<(Option<(i64, String)>, i64), BookError>;
    /// Adds an entry already given its place and hash, with its claim_ids.
    fn insert(&mut self, entry: &Entry, claim_ids: &[(String, String)]) -> Result<(), BookError>;
}

/// An open book, in whichever store `--book` names.
pub struct Book {
    store: RefCell<Box<dyn Store>>,
    label: String,
}

/// The address of a PostgreSQL book, when `--book` is one.
fn postgres_url(path: &Path) -> Option<&str> {
    let text = path.to_str()?;
    (text.starts_with("postgres://") || text.starts_with("postgresql://")).then_some(text)
}

impl Book {
    /// Makes an empty book: a new SQLite file readable by its owner only, or
    /// the book's tables in a PostgreSQL database that has none yet.
    /// The book as messages name it, and whether it is a file.
    pub fn init(path: &Path) -> Result<(String, bool), BookError> {
        match postgres_url(path) {
            Some(url) => super::postgres::Postgres::init(url).map(|label| (label, false)),
            None => super::sqlite::Sqlite::init(path).map(|()| (path.display().to_string(), true)),
        }
    }

    /// Opens the book `--book` names: a file that is not a book, a damaged
    /// one or one of a later schema is refused before anything is written.
    pub fn open(path: &Path) -> Result<Book, BookError> {
        let store: Box<dyn Store> = match postgres_url(path) {
            Some(url) => Box::new(super::postgres::Postgres::open(url)?),
            None => Box::new(super::sqlite::Sqlite::open(path)?),
        };
        let label = store.label().to_string();
        Ok(Book {
            store: RefCell::new(store),
            label,
        })
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// Every entry, whole.
    pub fn entries(&self) -> Result<Vec<Entry>, BookError> {
        self.store.borrow_mut().entries(true)
    }

    /// Every entry without the claims files' bytes and the policies' texts
    /// (empty), for what needs only the payouts: a book of many large
    /// batches is not held in memory twice over. Their hashes cannot be
    /// checked from these.
    pub fn payouts(&self) -> Result<Vec<Entry>, BookError> {
        self.store.borrow_mut().entries(false)
    }

    pub fn claim_index(&self) -> Result<Vec<(String, i64, String)>, BookError> {
        self.store.borrow_mut().claim_index()
    }

    pub fn begin(&mut self) -> Result<(), BookError> {
        self.store.get_mut().begin()
    }

    pub fn commit(&mut self) -> Result<(), BookError> {
        pause_for_tests();
        self.store.get_mut().commit()
    }

    pub fn batch_of_claims(&self, sha256: &str) -> Result<Option<i64>, BookError> {
        self.store.borrow_mut().batch_of_claims(sha256)
    }

    pub fn batch_of_claim_id(&self, claim_id: &str) -> Result<Option<i64>, BookError> {
        self.store.borrow_mut().batch_of_claim_id(claim_id)
    }

    /// Adds an entry after the last one, its hash chained to that one's; a
    /// batch or an import gets the next batch number, a void names the
    /// batch it withdraws. Its claim_ids (with each row's status) are
    /// indexed for later refusals.
    pub fn append(
        &mut self,
        kind: Kind,
        void_of: Option<i64>,
        content: NewEntry,
        claim_ids: &[(String, String)],
    ) -> Result<i64, BookError> {
        let store = self.store.get_mut();
        let (last, next_batch) = store.tail()?;
        let (seq, prev_hash) = match last {
            Some((seq, hash)) => (seq + 1, hash),
            None => (1, GENESIS.to_string()),
        };
        let mut entry = Entry {
            seq,
            kind,
            batch: void_of.unwrap_or(next_batch),
            content,
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry.computed_hash();
        store.insert(&entry, claim_ids)?;
        Ok(entry.batch)
    }
}

/// In a debug build, `SUBSIDY_BOOK_TEST_PAUSE` (milliseconds) holds a commit
/// open just before it is kept, so that a test can kill it there or start
/// a second one against it.
fn pause_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SUBSIDY_BOOK_TEST_PAUSE")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}
