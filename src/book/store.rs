//! One book, two stores: a SQLite file for one office, a PostgreSQL
//! database for offices that share a record. Both keep the same schema and
//! answer the same few questions, asked here; the chain of hashes and the
//! numbering of batches are made above them (`Book`), once, for both.

use super::entry::Entry;
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
