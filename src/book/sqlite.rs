//! The book in one SQLite file: its schema, opening it, reading and adding
//! entries.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use super::entry::{Entry, Kind, NewEntry};
use super::error::BookError;
use super::store::Store;

use super::store::SCHEMA_VERSION;

/// Every table is append-only: the triggers refuse an update or a delete
/// from this tool and from any other that respects them.
const SCHEMA: &str = "
CREATE TABLE book_schema (version INTEGER NOT NULL);
CREATE TABLE entries (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    batch INTEGER NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    policy_sha256 TEXT NOT NULL,
    policy_text TEXT NOT NULL,
    claims_name TEXT NOT NULL,
    claims_sha256 TEXT NOT NULL,
    claims BLOB NOT NULL,
    encoding TEXT NOT NULL,
    sheet TEXT NOT NULL,
    payout BLOB NOT NULL,
    rows INTEGER NOT NULL,
    paid TEXT NOT NULL,
    reason TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX entries_claims ON entries (claims_sha256);
CREATE TABLE claim_ids (claim_id TEXT NOT NULL, batch INTEGER NOT NULL, status TEXT NOT NULL);
CREATE INDEX claim_ids_by_id ON claim_ids (claim_id);
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'the book is append-only'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'the book is append-only'); END;
CREATE TRIGGER claim_ids_no_update BEFORE UPDATE ON claim_ids
    BEGIN SELECT RAISE(ABORT, 'the book is append-only'); END;
CREATE TRIGGER claim_ids_no_delete BEFORE DELETE ON claim_ids
    BEGIN SELECT RAISE(ABORT, 'the book is append-only'); END;
CREATE TRIGGER schema_no_update BEFORE UPDATE ON book_schema
    BEGIN SELECT RAISE(ABORT, 'the book is append-only'); END;
";

/// How long a command waits for another one's commit to finish.
const WAIT: Duration = Duration::from_secs(600);

/// An open book in SQLite.
pub struct Sqlite {
    conn: Connection,
    label: String,
    /// Whether `begin` was called and `commit` not yet.
    writing: bool,
}

impl Drop for Sqlite {
    fn drop(&mut self) {
        if self.writing {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Sqlite {
    /// Makes an empty book at `path`, readable by its owner only; refuses a
    /// file that is already there.
    pub fn init(path: &Path) -> Result<(), BookError> {
        let label = path.display().to_string();
        create_new(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => BookError::Exists {
                path: label.clone(),
            },
            _ => BookError::Database {
                path: label.clone(),
                detail: e.to_string(),
            },
        })?;
        let sql = |e: rusqlite::Error| BookError::of_sqlite(&label, &e);
        let mut conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(sql)?;
        let tx = conn.transaction().map_err(sql)?;
        tx.execute_batch(SCHEMA).map_err(sql)?;
        tx.execute(
            "INSERT INTO book_schema (version) VALUES (?1)",
            [SCHEMA_VERSION],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Opens the book at `path`: a file that is not a book, a damaged one
    /// or one of a later schema is refused before anything is written.
    pub fn open(path: &Path) -> Result<Sqlite, BookError> {
        let label = path.display().to_string();
        let len = match std::fs::metadata(path) {
            Ok(m) if m.is_file() => m.len(),
            _ => return Err(BookError::Missing { path: label }),
        };
        let sql = |e: rusqlite::Error| BookError::of_sqlite(&label, &e);
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(sql)?;
        conn.busy_timeout(WAIT).map_err(sql)?;
        let book = Sqlite {
            conn,
            label,
            writing: false,
        };
        book.check(len)?;
        Ok(book)
    }

    fn sql(&self, e: rusqlite::Error) -> BookError {
        BookError::of_sqlite(&self.label, &e)
    }

    /// Refuses a file without the book's table, one of a later schema, and
    /// one shorter than SQLite's header says it is.
    fn check(&self, len: u64) -> Result<(), BookError> {
        let not_a_book = || BookError::NotABook {
            path: self.label.clone(),
        };
        let tables: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'book_schema'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        if tables == 0 {
            return Err(not_a_book());
        }
        let found: Option<i64> = self
            .conn
            .query_row("SELECT max(version) FROM book_schema", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        let found = found.ok_or_else(not_a_book)?;
        if found > SCHEMA_VERSION {
            return Err(BookError::Newer {
                path: self.label.clone(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        let pages: i64 = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        let size: i64 = self
            .conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        // Reading the book may have rolled back an interrupted commit and
        // so changed its length: compare with the length now.
        let len = std::fs::metadata(&self.label).map_or(len, |m| m.len());
        if (pages.max(0) as u64).saturating_mul(size.max(0) as u64) > len {
            return Err(BookError::Damaged {
                path: self.label.clone(),
            });
        }
        Ok(())
    }
}

impl Store for Sqlite {
    fn label(&self) -> &str {
        &self.label
    }

    /// Every entry, in the order they were made.
    fn entries(&mut self, files: bool) -> Result<Vec<Entry>, BookError> {
        read_entries(&self.conn, files).map_err(|e| self.sql(e))
    }

    /// The index of claim_ids that refusals read: (claim_id, batch, status),
    /// sorted.
    fn claim_index(&mut self) -> Result<Vec<(String, i64, String)>, BookError> {
        let read = || -> rusqlite::Result<Vec<(String, i64, String)>> {
            let mut query = self.conn.prepare(
                "SELECT claim_id, batch, status FROM claim_ids ORDER BY claim_id, batch, status",
            )?;
            let rows = query.query_map([], |r| {
                let text = |i| bytes_at(r, i).map(|b| String::from_utf8_lossy(&b).into_owned());
                Ok((text(0)?, int_at(r, 1)?, text(2)?))
            })?;
            rows.collect()
        };
        read().map_err(|e| self.sql(e))
    }

    /// Takes the book's write lock: what is read from now on is still the
    /// book when what is added is committed; a second process waits here.
    /// Nothing added is kept unless `commit` is called.
    fn begin(&mut self) -> Result<(), BookError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.sql(e))?;
        self.writing = true;
        Ok(())
    }

    /// Keeps what was added since `begin`.
    fn commit(&mut self) -> Result<(), BookError> {
        self.conn.execute_batch("COMMIT").map_err(|e| self.sql(e))?;
        self.writing = false;
        Ok(())
    }

    /// The batch or import, not withdrawn, that recorded a file of this hash.
    fn batch_of_claims(&mut self, sha256: &str) -> Result<Option<i64>, BookError> {
        self.conn
            .query_row(
                "SELECT batch FROM entries WHERE kind != 'void' AND claims_sha256 = ?1 \
                 AND batch NOT IN (SELECT batch FROM entries WHERE kind = 'void') \
                 ORDER BY seq LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// The batch, not withdrawn, that decided `claim_id` other than as a
    /// row that may come back (`invalid`, `manual`: SPEC §5.5).
    fn batch_of_claim_id(&mut self, claim_id: &str) -> Result<Option<i64>, BookError> {
        self.conn
            .query_row(
                "SELECT batch FROM claim_ids WHERE claim_id = ?1 \
                 AND status NOT IN ('invalid', 'manual') \
                 AND batch NOT IN (SELECT batch FROM entries WHERE kind = 'void') \
                 ORDER BY batch LIMIT 1",
                [claim_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    fn tail(&mut self) -> Result<(Option<(i64, String)>, i64), BookError> {
        let last: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let next_batch: i64 = self
            .conn
            .query_row(
                "SELECT coalesce(max(batch), 0) + 1 FROM entries WHERE kind != 'void'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?;
        Ok((last, next_batch))
    }

    fn insert(&mut self, entry: &Entry, claim_ids: &[(String, String)]) -> Result<(), BookError> {
        insert(&self.conn, entry).map_err(|e| self.sql(e))?;
        let mut add = self
            .conn
            .prepare("INSERT INTO claim_ids (claim_id, batch, status) VALUES (?1, ?2, ?3)")
            .map_err(|e| self.sql(e))?;
        for (id, status) in claim_ids {
            add.execute(params![id, entry.batch, status])
                .map_err(|e| BookError::of_sqlite(&self.label, &e))?;
        }
        Ok(())
    }
}

/// Creates `path`, refusing one that exists; only its owner may read it.
fn create_new(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

fn insert(conn: &Connection, e: &Entry) -> rusqlite::Result<()> {
    let c = &e.content;
    conn.execute(
        "INSERT INTO entries (seq, kind, batch, at, by, policy_id, policy_sha256, \
         policy_text, claims_name, claims_sha256, claims, encoding, sheet, payout, rows, \
         paid, reason, prev_hash, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19)",
        params![
            e.seq,
            e.kind.as_str(),
            e.batch,
            c.at,
            c.by,
            c.policy_id,
            c.policy_sha256,
            c.policy_text,
            c.claims_name,
            c.claims_sha256,
            c.claims,
            c.encoding,
            c.sheet,
            c.payout,
            c.rows,
            c.paid,
            c.reason,
            e.prev_hash,
            e.hash
        ],
    )
    .map(drop)
}

fn read_entries(conn: &Connection, files: bool) -> rusqlite::Result<Vec<Entry>> {
    let mut query = conn.prepare(
        "SELECT seq, kind, batch, at, by, policy_id, policy_sha256, \
         CASE WHEN ?1 THEN policy_text ELSE '' END, claims_name, claims_sha256, \
         CASE WHEN ?1 THEN claims ELSE x'' END, encoding, sheet, payout, rows, paid, reason, \
         prev_hash, hash FROM entries ORDER BY seq",
    )?;
    let rows = query.query_map([files], |r| {
        // An entry edited outside the tool may hold a value of another type:
        // it is read as it is, and `verify` then finds its hash wrong.
        let text = |i| bytes_at(r, i).map(|b| String::from_utf8_lossy(&b).into_owned());
        let kind = Kind::named(&text(1)?).unwrap_or(Kind::Batch);
        Ok(Entry {
            seq: int_at(r, 0)?,
            kind,
            batch: int_at(r, 2)?,
            content: NewEntry {
                at: text(3)?,
                by: text(4)?,
                policy_id: text(5)?,
                policy_sha256: text(6)?,
                policy_text: text(7)?,
                claims_name: text(8)?,
                claims_sha256: text(9)?,
                claims: bytes_at(r, 10)?,
                encoding: text(11)?,
                sheet: text(12)?,
                payout: bytes_at(r, 13)?,
                rows: int_at(r, 14)?,
                paid: text(15)?,
                reason: text(16)?,
            },
            prev_hash: text(17)?,
            hash: text(18)?,
        })
    })?;
    rows.collect()
}

/// A column's bytes, whatever its type.
fn bytes_at(row: &rusqlite::Row, i: usize) -> rusqlite::Result<Vec<u8>> {
    use rusqlite::types::ValueRef;
    Ok(match row.get_ref(i)? {
        ValueRef::Null => Vec::new(),
        ValueRef::Integer(n) => n.to_string().into_bytes(),
        ValueRef::Real(x) => x.to_string().into_bytes(),
        ValueRef::Text(t) | ValueRef::Blob(t) => t.to_vec(),
    })
}

/// A column as a number; one that is not is read as 0.
fn int_at(row: &rusqlite::Row, i: usize) -> rusqlite::Result<i64> {
    let bytes = bytes_at(row, i)?;
    Ok(std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0))
}
