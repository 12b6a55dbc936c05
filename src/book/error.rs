//! What can go wrong with a book. Each is a fact; the words layer says it.

/// A book that cannot be used as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookError {
    /// `book init` on a file that is already there.
    Exists { path: String },
    /// A `book` command without `--book` or `SUBSIDY_BOOK`.
    NotNamed,
    /// `--book` names no file.
    Missing { path: String },
    /// A file that is not a book of this tool.
    NotABook { path: String },
    /// A book cut short or damaged (SQLite cannot read all of it).
    Damaged { path: String },
    /// A book written by a later version of the tool.
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    /// The database refused (full disk, no permission, locked too long).
    Database { path: String, detail: String },
    /// `--commit` of a claims file the book already holds.
    ClaimsCommitted { file: String, batch: i64 },
    /// `--commit` of a claim_id an earlier batch decided.
    ClaimIdCommitted { claim_id: String, batch: i64 },
    /// A batch number the book does not have.
    NoSuchBatch { batch: i64 },
    /// A workbook asked of an imported payout: there is nothing to replay
    /// it from.
    NotReplayable { batch: i64 },
    /// `book void` of a batch already withdrawn.
    AlreadyVoid { batch: i64 },
    /// `--commit` needs the claims as a file, to keep its bytes.
    CommitNeedsFile,
    /// `--commit` with `--set` or `--budget`: a what-if is not a decision.
    CommitWhatIf,
    /// `book verify` found this many problems (already listed).
    NotVerified { problems: usize },
}

impl BookError {
    /// 2 for a book that cannot be opened or a command line that cannot be
    /// run; 1 for a refusal or a book that does not verify.
    pub fn exit_code(&self) -> i32 {
        match self {
            BookError::NotNamed
            | BookError::Missing { .. }
            | BookError::NotABook { .. }
            | BookError::Damaged { .. }
            | BookError::Newer { .. }
            | BookError::CommitNeedsFile
            | BookError::CommitWhatIf => 2,
            BookError::Exists { .. }
            | BookError::Database { .. }
            | BookError::ClaimsCommitted { .. }
            | BookError::ClaimIdCommitted { .. }
            | BookError::NoSuchBatch { .. }
            | BookError::AlreadyVoid { .. }
            | BookError::NotReplayable { .. }
            | BookError::NotVerified { .. } => 1,
        }
    }

    /// A database error of the book at `path`, as the fact it is.
    pub fn of_sqlite(path: &str, e: &rusqlite::Error) -> BookError {
        use rusqlite::ErrorCode;
        let path = path.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => BookError::NotABook { path },
            Some(ErrorCode::DatabaseCorrupt) => BookError::Damaged { path },
            _ => BookError::Database {
                path,
                detail: e.to_string(),
            },
        }
    }
}
