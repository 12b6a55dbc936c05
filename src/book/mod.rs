//! The office's book: every batch the office committed, every payout it
//! imported and every batch it withdrew, in one SQLite file or one
//! PostgreSQL database (`store.rs` says what both do). Entries are only
//! ever added (triggers refuse an update or a delete), and each entry's hash
//! covers its content and the hash of the entry before it, so an edit made
//! with any other tool breaks the chain at the entry edited.

mod entry;
mod error;
mod postgres;
mod sqlite;
mod store;
pub mod summary;

pub use entry::{Entry, Kind, NewEntry, GENESIS};
pub use error::BookError;
pub use store::{Book, Store, SCHEMA_VERSION};

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
