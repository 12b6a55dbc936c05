//! `book verify`: the chain of hashes checked entry by entry, then every
//! batch replayed from its stored claims and policy against the book as it
//! stood before it.

use clap::ValueEnum;

use crate::book::{Book, BookError, Entry, Kind, GENESIS};
use crate::claims::limits::Limits;
use crate::claims::Batch;
use crate::cli::{PolicyFile, Reading, Sources};
use crate::decode::Encoding;
use crate::engine::{self, Outcome};
use crate::error::Error;
use crate::policy::Policy;
use crate::progress::Progress;
use crate::report::{payout_workbook, Decided, Provenance};
use crate::words::{Lang, OfficeFact};

pub fn verify(book: &Book, lang: Lang) -> Result<(), Error> {
    let entries = book.entries()?;
    let words = lang.words();
    let mut lines = Vec::new();
    let mut problems = 0;
    let mut prev = GENESIS;
    for e in &entries {
        let batch = e.batch;
        if e.prev_hash != prev {
            lines.push(words.office_fact(&OfficeFact::ChainBroken { batch }));
            problems += 1;
        }
        if e.computed_hash() != e.hash {
            lines.push(words.office_fact(&OfficeFact::HashMismatch { batch }));
            problems += 1;
        }
        prev = &e.hash;
    }
    if book.claim_index()? != claim_index(&entries) {
        lines.push(words.office_fact(&OfficeFact::IndexChanged));
        problems += 1;
    }
    for e in &entries {
        let batch = e.batch;
        let fact = match e.kind {
            Kind::Void => continue,
            Kind::Import => words.office_fact(&OfficeFact::NotReplayed { batch }),
            Kind::Batch => match replay(book.label(), &entries, e) {
                Ok(replayed) => {
                    let same =
                        super::commit::canonical_payout(&replayed.decided())? == e.content.payout;
                    problems += usize::from(!same);
                    words.office_fact(&OfficeFact::Replayed { batch, same })
                }
                Err(why) => {
                    problems += 1;
                    let why = why.render(lang);
                    words.office_fact(&OfficeFact::ReplayFailed { batch, why: &why })
                }
            },
        };
        lines.push(fact);
    }
    super::super::write_stdout(|out| {
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        if problems == 0 {
            let fact = OfficeFact::Verified {
                entries: entries.len(),
            };
            writeln!(out, "{}", words.office_fact(&fact))?;
        }
        Ok(())
    })?;
    match problems {
        0 => Ok(()),
        _ => Err(BookError::NotVerified { problems }.into()),
    }
}

/// The index of claim_ids the recorded payouts give, sorted as the book's.
fn claim_index(entries: &[Entry]) -> Vec<(String, i64, String)> {
    let mut index: Vec<(String, i64, String)> = entries
        .iter()
        .filter(|e| e.kind != Kind::Void)
        .flat_map(|e| {
            crate::book::summary::of_payout(&e.content.payout)
                .claim_ids
                .into_iter()
                .map(move |(id, status)| (id, e.batch, status))
        })
        .collect();
    index.sort();
    index
}

/// A batch decided again.
pub struct Replayed {
    policy: Policy,
    batch: Batch,
    outcomes: Vec<Outcome>,
}

impl Replayed {
    pub fn decided(&self) -> Decided<'_> {
        Decided {
            policy: &self.policy,
            batch: &self.batch,
            outcomes: &self.outcomes,
        }
    }
}

/// The batch of `entry` decided again: its claims read as they were read,
/// under the policy it recorded, against the payouts in force before it.
pub fn replay(book: &str, entries: &[Entry], entry: &Entry) -> Result<Replayed, Error> {
    let label = format!("{book}#{}", entry.batch);
    let policy = crate::policy::load(&label, &entry.content.policy_text)?;
    let booked = super::in_force(book, entries, entry.seq);
    replay_under(&label, entry, policy, &booked)
}

/// The batch of `entry` decided again under `policy`, against `booked`.
pub fn replay_under(
    label: &str,
    entry: &Entry,
    policy: Policy,
    booked: &[(String, &[u8])],
) -> Result<Replayed, Error> {
    let c = &entry.content;
    let dir = tempfile::tempdir().map_err(|source| Error::Write {
        path: label.to_string(),
        source,
    })?;
    // The name keeps the extension that says how to read the file; a name
    // edited into a path stays inside the folder.
    let name = std::path::Path::new(&c.claims_name)
        .file_name()
        .map_or_else(|| "claims.csv".into(), |n| n.to_os_string());
    let path = dir.path().join(name);
    std::fs::write(&path, &c.claims).map_err(|source| Error::Write {
        path: path.display().to_string(),
        source,
    })?;
    let mut lines = c.encoding.lines();
    let encoding = lines.next().unwrap_or("auto");
    let (mut column, mut ignore_column, mut columns_file) = (Vec::new(), Vec::new(), Vec::new());
    for line in lines {
        match line.split_once('\t') {
            Some(("--column", v)) => column.push(v.to_string()),
            Some(("--ignore-column", v)) => ignore_column.push(v.to_string()),
            Some(("--columns-line", v)) => columns_file.push(v),
            _ => {}
        }
    }
    let columns = if columns_file.is_empty() {
        None
    } else {
        let file = dir.path().join("columns.txt");
        std::fs::write(&file, columns_file.join("\n")).map_err(|source| Error::Write {
            path: file.display().to_string(),
            source,
        })?;
        Some(file)
    };
    let sources = Sources {
        measures: PolicyFile { policy: None },
        ledger: Vec::new(),
        set: Vec::new(),
        reading: Reading {
            encoding: Encoding::from_str(encoding, true).unwrap_or(Encoding::Auto),
            sheet: Some(c.sheet.clone()).filter(|s| !s.is_empty()),
            column,
            ignore_column,
            columns,
        },
    };
    // The file was read once already under the limits of its run.
    let limits = Limits {
        max_field_bytes: u64::MAX >> 2,
        max_record_bytes: u64::MAX >> 2,
        max_rows: u64::MAX >> 2,
    };
    let progress = Progress::none();
    let (mut batch, prior) =
        super::super::read_batch_booked(Some(&path), &sources, &policy, limits, &progress, booked)?;
    // Named as the book keeps it, not by the folder it was replayed in.
    batch.source = c.claims_name.clone();
    let (outcomes, _) = engine::run_within(&policy, &batch.claims, &prior, engine::MAX_PASSES);
    Ok(Replayed {
        policy,
        batch,
        outcomes,
    })
}

/// The payout workbook of a recorded batch, made from the batch replayed.
pub fn workbook_of(
    book: &str,
    entries: &[Entry],
    entry: &Entry,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    if entry.kind != Kind::Batch {
        return Err(BookError::NotReplayable { batch: entry.batch }.into());
    }
    let replayed = replay(book, entries, entry)?;
    let provenance = Provenance {
        policy_sha256: entry.content.policy_sha256.clone(),
        version: env!("SUBSIDY_LONG_VERSION").to_string(),
    };
    payout_workbook(&replayed.decided(), &provenance, lang).map_err(|e| Error::Write {
        path: book.to_string(),
        source: std::io::Error::other(e.to_string()),
    })
}
