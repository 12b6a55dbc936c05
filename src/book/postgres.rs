//! The book in a PostgreSQL database, for offices that share one record: the
//! same tables as the SQLite file, the same entries and hashes. A commit
//! locks the entries table against other writers (readers go on), so two
//! offices committing at once are served one after the other.

use postgres::{Client, NoTls};

use super::entry::{Entry, Kind, NewEntry};
use super::error::BookError;
use super::store::{Store, SCHEMA_VERSION};

/// The SQLite schema in PostgreSQL's words; triggers refuse an update, a
/// delete or a truncation.
const SCHEMA: &str = r#"
CREATE TABLE book_schema (version BIGINT NOT NULL);
CREATE TABLE entries (
    seq BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    batch BIGINT NOT NULL,
    "at" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    policy_id TEXT NOT NULL,
    policy_sha256 TEXT NOT NULL,
    policy_text TEXT NOT NULL,
    claims_name TEXT NOT NULL,
    claims_sha256 TEXT NOT NULL,
    claims BYTEA NOT NULL,
    encoding TEXT NOT NULL,
    sheet TEXT NOT NULL,
    payout BYTEA NOT NULL,
    "rows" BIGINT NOT NULL,
    paid TEXT NOT NULL,
    reason TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX entries_claims ON entries (claims_sha256);
CREATE TABLE claim_ids (claim_id TEXT NOT NULL, batch BIGINT NOT NULL, status TEXT NOT NULL);
CREATE INDEX claim_ids_by_id ON claim_ids (claim_id);
CREATE FUNCTION book_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the book is append-only';
END
$$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION book_append_only();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION book_append_only();
CREATE TRIGGER claim_ids_append_only BEFORE UPDATE OR DELETE ON claim_ids
    FOR EACH ROW EXECUTE FUNCTION book_append_only();
CREATE TRIGGER claim_ids_no_truncate BEFORE TRUNCATE ON claim_ids
    FOR EACH STATEMENT EXECUTE FUNCTION book_append_only();
CREATE TRIGGER schema_append_only BEFORE UPDATE OR DELETE ON book_schema
    FOR EACH ROW EXECUTE FUNCTION book_append_only();
"#;

const COLUMNS: &str = r#"seq, kind, batch, "at", "by", policy_id, policy_sha256, policy_text,
    claims_name, claims_sha256, claims, encoding, sheet, payout, "rows", paid, reason,
    prev_hash, hash"#;

/// An open book in PostgreSQL.
pub struct Postgres {
    client: Client,
    label: String,
}

/// The address as messages show it: without its password.
fn label_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(name, _)| name);
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_string(),
    }
}

fn error(label: &str, e: &postgres::Error) -> BookError {
    let detail = match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    };
    BookError::Database {
        path: label.to_string(),
        detail,
    }
}

impl Postgres {
    fn connect(url: &str) -> Result<Postgres, BookError> {
        let label = label_of(url);
        let client = Client::connect(url, NoTls).map_err(|e| error(&label, &e))?;
        Ok(Postgres { client, label })
    }

    fn err(&self, e: postgres::Error) -> BookError {
        error(&self.label, &e)
    }

    /// Whether the database has the book's tables.
    fn has_book(&mut self) -> Result<bool, BookError> {
        let row = self
            .client
            .query_one("SELECT to_regclass('book_schema') IS NOT NULL", &[])
            .map_err(|e| error(&self.label, &e))?;
        row.try_get(0).map_err(|e| self.err(e))
    }

    /// Makes the book's tables in a database that has none; the book's
    /// label.
    pub fn init(url: &str) -> Result<String, BookError> {
        let mut db = Postgres::connect(url)?;
        if db.has_book()? {
            return Err(BookError::Exists { path: db.label });
        }
        let label = db.label.clone();
        let mut tx = db.client.transaction().map_err(|e| error(&label, &e))?;
        tx.batch_execute(SCHEMA).map_err(|e| error(&label, &e))?;
        tx.execute(
            "INSERT INTO book_schema (version) VALUES ($1)",
            &[&SCHEMA_VERSION],
        )
        .map_err(|e| error(&label, &e))?;
        tx.commit().map_err(|e| error(&label, &e))?;
        Ok(label)
    }

    /// Opens the book in the database `url` names; a database without the
    /// book's tables, or with a later schema, is refused.
    pub fn open(url: &str) -> Result<Postgres, BookError> {
        let mut db = Postgres::connect(url)?;
        if !db.has_book()? {
            return Err(BookError::NotABook { path: db.label });
        }
        let row = db
            .client
            .query_one("SELECT max(version) FROM book_schema", &[])
            .map_err(|e| db.err(e))?;
        let found: Option<i64> = row.try_get(0).map_err(|e| db.err(e))?;
        match found {
            None => Err(BookError::NotABook { path: db.label }),
            Some(found) if found > SCHEMA_VERSION => Err(BookError::Newer {
                path: db.label,
                found,
                known: SCHEMA_VERSION,
            }),
            Some(_) => Ok(db),
        }
    }

    fn first_batch(&mut self, sql: &str, key: &str) -> Result<Option<i64>, BookError> {
        let row = self
            .client
            .query_opt(sql, &[&key])
            .map_err(|e| error(&self.label, &e))?;
        row.map(|r| r.try_get(0))
            .transpose()
            .map_err(|e| self.err(e))
    }
}

fn entry_of(r: &postgres::Row) -> Result<Entry, postgres::Error> {
    let kind: String = r.try_get(1)?;
    Ok(Entry {
        seq: r.try_get(0)?,
        kind: Kind::named(&kind).unwrap_or(Kind::Batch),
        batch: r.try_get(2)?,
        content: NewEntry {
            at: r.try_get(3)?,
            by: r.try_get(4)?,
            policy_id: r.try_get(5)?,
            policy_sha256: r.try_get(6)?,
            policy_text: r.try_get(7)?,
            claims_name: r.try_get(8)?,
            claims_sha256: r.try_get(9)?,
            claims: r.try_get(10)?,
            encoding: r.try_get(11)?,
            sheet: r.try_get(12)?,
            payout: r.try_get(13)?,
            rows: r.try_get(14)?,
            paid: r.try_get(15)?,
            reason: r.try_get(16)?,
        },
        prev_hash: r.try_get(17)?,
        hash: r.try_get(18)?,
    })
}

impl Store for Postgres {
    fn label(&self) -> &str {
        &self.label
    }

    fn entries(&mut self, files: bool) -> Result<Vec<Entry>, BookError> {
        let sql = r#"SELECT seq, kind, batch, "at", "by", policy_id, policy_sha256,
            CASE WHEN $1 THEN policy_text ELSE '' END, claims_name, claims_sha256,
            CASE WHEN $1 THEN claims ELSE ''::bytea END, encoding, sheet, payout, "rows", paid,
            reason, prev_hash, hash FROM entries ORDER BY seq"#;
        let rows = self.client.query(sql, &[&files]).map_err(|e| self.err(e))?;
        rows.iter()
            .map(entry_of)
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    fn claim_index(&mut self) -> Result<Vec<(String, i64, String)>, BookError> {
        // Sorted as Rust sorts the strings (byte order), not by the
        // database's collation.
        let rows = self
            .client
            .query("SELECT claim_id, batch, status FROM claim_ids", &[])
            .map_err(|e| self.err(e))?;
        let mut index = rows
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<Vec<_>, postgres::Error>>()
            .map_err(|e| self.err(e))?;
        index.sort();
        Ok(index)
    }

    fn begin(&mut self) -> Result<(), BookError> {
        self.client
            .batch_execute("BEGIN; LOCK TABLE entries IN EXCLUSIVE MODE;")
            .map_err(|e| self.err(e))
    }

    fn commit(&mut self) -> Result<(), BookError> {
        self.client.batch_execute("COMMIT").map_err(|e| self.err(e))
    }

    fn batch_of_claims(&mut self, sha256: &str) -> Result<Option<i64>, BookError> {
        self.first_batch(
            "SELECT batch FROM entries WHERE kind != 'void' AND claims_sha256 = $1 \
             AND batch NOT IN (SELECT batch FROM entries WHERE kind = 'void') \
             ORDER BY seq LIMIT 1",
            sha256,
        )
    }

    fn batch_of_claim_id(&mut self, claim_id: &str) -> Result<Option<i64>, BookError> {
        self.first_batch(
            "SELECT batch FROM claim_ids WHERE claim_id = $1 \
             AND status NOT IN ('invalid', 'manual') \
             AND batch NOT IN (SELECT batch FROM entries WHERE kind = 'void') \
             ORDER BY batch LIMIT 1",
            claim_id,
        )
    }

    fn tail(&mut self) -> Result<(Option<(i64, String)>, i64), BookError> {
        let last = self
            .client
            .query_opt(
                "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let last = last
            .map(|r| Ok::<_, postgres::Error>((r.try_get(0)?, r.try_get(1)?)))
            .transpose()
            .map_err(|e| self.err(e))?;
        let next = self
            .client
            .query_one(
                "SELECT coalesce(max(batch), 0) + 1 FROM entries WHERE kind != 'void'",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let next: i64 = next.try_get(0).map_err(|e| self.err(e))?;
        Ok((last, next))
    }

    fn insert(&mut self, e: &Entry, claim_ids: &[(String, String)]) -> Result<(), BookError> {
        let c = &e.content;
        let sql = format!(
            "INSERT INTO entries ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19)"
        );
        self.client
            .execute(
                &sql,
                &[
                    &e.seq,
                    &e.kind.as_str(),
                    &e.batch,
                    &c.at,
                    &c.by,
                    &c.policy_id,
                    &c.policy_sha256,
                    &c.policy_text,
                    &c.claims_name,
                    &c.claims_sha256,
                    &c.claims,
                    &c.encoding,
                    &c.sheet,
                    &c.payout,
                    &c.rows,
                    &c.paid,
                    &c.reason,
                    &e.prev_hash,
                    &e.hash,
                ],
            )
            .map_err(|e| self.err(e))?;
        let add = self
            .client
            .prepare("INSERT INTO claim_ids (claim_id, batch, status) VALUES ($1, $2, $3)")
            .map_err(|e| self.err(e))?;
        for (id, status) in claim_ids {
            self.client
                .execute(&add, &[id, &e.batch, status])
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}
