//! The office's book in English.

use super::English;
use crate::book::BookError;
use crate::money::grouped;
use crate::words::book::{OfficeFact, OfficeLabel, OfficeWords};

impl OfficeWords for English {
    fn office_label(&self, label: OfficeLabel) -> &'static str {
        match label {
            OfficeLabel::Batch => "batch",
            OfficeLabel::Kind => "kind",
            OfficeLabel::At => "recorded (UTC)",
            OfficeLabel::By => "by",
            OfficeLabel::Rows => "rows",
            OfficeLabel::Paid => "paid",
            OfficeLabel::Policy => "policy",
            OfficeLabel::Claims => "claims file",
            OfficeLabel::Reason => "reason",
            OfficeLabel::Hash => "hash",
            OfficeLabel::KindBatch => "batch",
            OfficeLabel::KindImport => "imported",
            OfficeLabel::KindVoid => "withdrawal",
            OfficeLabel::Withdrawn => "withdrawn",
            OfficeLabel::PublicList => "Public list",
            OfficeLabel::Applicant => "applicant",
            OfficeLabel::ApplicantId => "applicant id",
            OfficeLabel::Item => "item",
            OfficeLabel::Amount => "amount (yuan)",
        }
    }

    fn office_fact(&self, fact: &OfficeFact) -> String {
        match fact {
            OfficeFact::Initialised { path, file: true } => {
                format!("{path}: an empty book, readable by you only")
            }
            OfficeFact::Initialised { path, file: false } => {
                format!("{path}: an empty book, in this database")
            }
            OfficeFact::Committed { batch, rows, paid } => format!(
                "committed as batch {batch}: {rows} rows, ¥{} paid",
                grouped(*paid)
            ),
            OfficeFact::Voided { batch } => {
                format!("batch {batch} withdrawn: its payments no longer count")
            }
            OfficeFact::Imported { batch, file, rows } => {
                format!("{file}: imported as batch {batch} ({rows} rows)")
            }
            OfficeFact::HashMismatch { batch } => format!(
                "batch {batch}: the entry is not what was recorded (its hash does not match); \
                 it was changed outside this tool"
            ),
            OfficeFact::ChainBroken { batch } => format!(
                "batch {batch}: the entry does not follow the one recorded before it; \
                 an entry was changed or removed outside this tool"
            ),
            OfficeFact::IndexChanged => "the index of claim_ids is not what the recorded payouts \
                 give; it was changed outside this tool"
                .to_string(),
            OfficeFact::Replayed { batch, same: true } => {
                format!("batch {batch}: replayed, the payout is identical")
            }
            OfficeFact::Replayed { batch, same: false } => {
                format!("batch {batch}: replayed, the payout DIFFERS from the one recorded")
            }
            OfficeFact::NotReplayed { batch } => {
                format!("batch {batch}: imported, nothing to replay")
            }
            OfficeFact::ReplayFailed { batch, why } => {
                format!("batch {batch}: cannot be replayed: {why}")
            }
            OfficeFact::Verified { entries } => {
                format!("the book verifies: {entries} entries, every hash and every replay agrees")
            }
            OfficeFact::Empty => "the book has no batches yet".to_string(),
        }
    }

    fn office_error(&self, error: &BookError) -> String {
        match error {
            BookError::Exists { path } => {
                format!("{path}: already exists; a book is made in a new file or an empty database")
            }
            BookError::NotNamed => {
                "which book? Name it with --book FILE or SUBSIDY_BOOK".to_string()
            }
            BookError::Missing { path } => {
                format!("{path}: no such book (make one with `subsidy book init {path}`)")
            }
            BookError::NotABook { path } => format!("{path}: not a book of this tool"),
            BookError::Damaged { path } => {
                format!("{path}: the book is damaged or cut short; restore it from a copy")
            }
            BookError::Newer { path, found, known } => format!(
                "{path}: the book is of schema {found}, written by a later version of this tool \
                 (this one knows schema {known}); use that version"
            ),
            BookError::Database { path, detail } => format!("{path}: the book refused: {detail}"),
            BookError::ClaimsCommitted { file, batch } => format!(
                "{file}: this file is already in the book as batch {batch}; nothing recorded"
            ),
            BookError::ClaimIdCommitted { claim_id, batch } => {
                format!("claim {claim_id} was already decided in batch {batch}; nothing recorded")
            }
            BookError::NoSuchBatch { batch } => format!("the book has no batch {batch}"),
            BookError::NotReplayable { batch } => {
                format!("batch {batch} was imported as a CSV: export it to a .csv file")
            }
            BookError::AlreadyVoid { batch } => format!("batch {batch} is already withdrawn"),
            BookError::CommitNeedsFile => {
                "--commit needs the claims as a file (not standard input), to keep it".to_string()
            }
            BookError::CommitWhatIf => {
                "--commit records the measures as they are: not with --set or --budget".to_string()
            }
            BookError::NotVerified { problems } => {
                format!("the book does not verify: {problems} problems, listed above")
            }
        }
    }
}
