//! One entry of the book and the hash that chains it to the one before.

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A batch decided by this tool: its claims and policy are kept, so it
    /// can be replayed.
    Batch,
    /// An earlier payout brought in as it was: nothing to replay.
    Import,
    /// The withdrawal of a batch (`batch` is the one withdrawn).
    Void,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Batch => "batch",
            Kind::Import => "import",
            Kind::Void => "void",
        }
    }

    pub fn named(written: &str) -> Option<Kind> {
        [Kind::Batch, Kind::Import, Kind::Void]
            .into_iter()
            .find(|k| k.as_str() == written)
    }
}

/// What a new entry says, before the book gives it its place and hash.
/// Fields that do not apply to a kind are empty.
#[derive(Debug, Clone, Default)]
pub struct NewEntry {
    pub at: String,
    pub by: String,
    pub policy_id: String,
    pub policy_sha256: String,
    pub policy_text: String,
    pub claims_name: String,
    pub claims_sha256: String,
    pub claims: Vec<u8>,
    /// How the claims file was read (`--encoding`, `--sheet`), to replay it.
    pub encoding: String,
    pub sheet: String,
    /// The payout CSV as `calc --no-bom --lang en` writes it (for an
    /// import: the file as it was).
    pub payout: Vec<u8>,
    pub rows: i64,
    pub paid: String,
    pub reason: String,
}

/// An entry as the book holds it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The entry's place in the chain, from 1.
    pub seq: i64,
    pub kind: Kind,
    /// The batch's number; for a void, the number of the batch withdrawn.
    pub batch: i64,
    pub content: NewEntry,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl Entry {
    /// The hash this entry's content and `prev_hash` give: each field
    /// length-prefixed, so that no two different entries hash alike.
    pub fn computed_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let c = &self.content;
        let mut hasher = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        };
        field(self.prev_hash.as_bytes());
        field(self.seq.to_string().as_bytes());
        field(self.kind.as_str().as_bytes());
        field(self.batch.to_string().as_bytes());
        for text in [
            &c.at,
            &c.by,
            &c.policy_id,
            &c.policy_sha256,
            &c.policy_text,
            &c.claims_name,
            &c.claims_sha256,
        ] {
            field(text.as_bytes());
        }
        field(&c.claims);
        field(c.encoding.as_bytes());
        field(c.sheet.as_bytes());
        field(&c.payout);
        field(c.rows.to_string().as_bytes());
        field(c.paid.as_bytes());
        field(c.reason.as_bytes());
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}
