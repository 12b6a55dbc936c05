//! The office's book: every batch the office committed, every payout it
//! imported and every batch it withdrew, in one SQLite file or one
//! PostgreSQL database (`store.rs` says what both do). Entries are only
//! ever added (triggers refuse an update or a delete), and each entry's hash
//! covers its content and the hash of the entry before it, so an edit made
//! with any other tool breaks the chain at the entry edited.
//!
//! `Book` is here, above the two stores, because it chooses between them:
//! the stores know the trait they answer and nothing of each other.

mod entry;
mod error;
mod postgres;
mod sqlite;
mod store;
pub mod summary;

pub use entry::{Entry, Kind, NewEntry, GENESIS};
pub use error::BookError;
pub use store::{Store, SCHEMA_VERSION};

use std::cell::RefCell;
use std::path::Path;

use self::postgres::Postgres;
use self::sqlite::Sqlite;

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
            Some(url) => Postgres::init(url).map(|label| (label, false)),
            None => Sqlite::init(path).map(|()| (path.display().to_string(), true)),
        }
    }

    /// Opens the book `--book` names: a file that is not a book, a damaged
    /// one or one of a later schema is refused before anything is written.
    pub fn open(path: &Path) -> Result<Book, BookError> {
        let store: Box<dyn Store> = match postgres_url(path) {
            Some(url) => Box::new(Postgres::open(url)?),
            None => Box::new(Sqlite::open(path)?),
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

/// The time now in UTC, as the book records it: `2026-12-04T16:30:00Z`.
pub fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let date = crate::date::Date::from_days_since_epoch((seconds / 86_400) as i64);
    let in_day = seconds % 86_400;
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}

/// Who commits: `--by`, else the login name, else `?`.
pub fn who(by: Option<&str>) -> String {
    if let Some(by) = by.map(str::trim).filter(|b| !b.is_empty()) {
        return by.to_string();
    }
    ["USER", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
