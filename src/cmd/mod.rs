//! One module per command; what they share (loading the policy, reading
//! inputs, writing outputs) lives here.

pub mod budget;
pub mod calc;
pub mod check;
pub mod compare;
pub mod diff;
pub mod explain;
mod notices;
pub mod policy;
pub mod review;
pub mod sheet;
pub mod template;
pub mod whatif;

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::claims::limits::{guard, Limits, Stop};
use crate::claims::{read_claims, Batch, ClaimsError, Keys};
use crate::cli::{Reading, Sources};
use crate::decode::{decode_all, DecodingReader, Encoding, Undecodable};
use crate::engine::Prior;
use crate::error::Error;
use crate::ledger::{read_ledger, LedgerError, LedgerProblem};
pub use crate::output::write_file_atomically;
use crate::policy::{bundled, load, Policy};
use crate::progress::Progress;
use crate::report::BookSheet;
use crate::sheet::{is_spreadsheet, read_sheet, sheet_as_csv, Choice, ZIP_MAGIC};

/// The policy of `--policy`, or the bundled one.
pub fn load_policy(path: Option<&Path>) -> Result<Policy, Error> {
    match path {
        None => Ok(bundled()?),
        Some(p) => {
            let text = fs::read_to_string(p).map_err(|source| Error::Read {
                path: p.display().to_string(),
                source,
            })?;
            Ok(load(&p.display().to_string(), &text)?)
        }
    }
}

/// The SHA-256 of the policy text `--policy` names, or of the bundled one,
/// in hex.
pub fn policy_sha256(path: Option<&Path>) -> Result<String, Error> {
    use sha2::{Digest, Sha256};
    let text = match path {
        None => crate::policy::BUNDLED.as_bytes().to_vec(),
        Some(p) => fs::read(p).map_err(|source| Error::Read {
            path: p.display().to_string(),
            source,
        })?,
    };
    let hash = Sha256::digest(&text);
    Ok(hash.iter().map(|b| format!("{b:02x}")).collect())
}

/// A file's bytes, or standard input's for `-` or no path.
pub fn read_input(path: Option<&Path>) -> Result<(String, Vec<u8>), Error> {
    match path {
        Some(p) if p != Path::new("-") => {
            let label = p.display().to_string();
            let bytes = fs::read(p).map_err(|source| Error::Read {
                path: label.clone(),
                source,
            })?;
            Ok((label, bytes))
        }
        _ => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    path: "<stdin>".into(),
                    source,
                })?;
            Ok(("<stdin>".into(), bytes))
        }
    }
}

/// A file, or standard input for `-` or no path, to be read as a stream
/// of UTF-8 CSV: decoded from `--encoding`, or a spreadsheet's sheet.
pub fn open_input(
    path: Option<&Path>,
    reading: &Reading,
) -> Result<(String, Box<dyn Read + Send>), Error> {
    if let Some(p) = path.filter(|p| is_spreadsheet(p)) {
        let text = sheet_as_csv(p, Choice::Named(reading.sheet.as_deref()))?;
        return Ok((p.display().to_string(), Box::new(io::Cursor::new(text))));
    }
    let (label, input): (String, Box<dyn Read + Send>) = match path {
        Some(p) if p != Path::new("-") => {
            let label = p.display().to_string();
            let file = fs::File::open(p).map_err(|source| Error::Read {
                path: label.clone(),
                source,
            })?;
            (label, Box::new(file))
        }
        _ => ("<stdin>".into(), Box::new(io::stdin())),
    };
    match DecodingReader::new(input, reading.encoding) {
        Ok(decoded) if decoded.begins_with(ZIP_MAGIC) => {
            Err(ClaimsError::Zipped { file: label }.into())
        }
        Ok(decoded) => Ok((label, Box::new(decoded))),
        Err(source) => Err(Error::Read {
            path: label,
            source,
        }),
    }
}

/// Reads a claims file and every ledger, interning applicants and
/// references across all of them.
pub fn read_batch(
    claims: Option<&Path>,
    sources: &Sources,
    policy: &Policy,
    limits: Limits,
) -> Result<(Batch, Vec<Prior>), Error> {
    read_batch_shown(claims, sources, policy, limits, &Progress::none())
}

/// As `read_batch`, the claims file's bytes counted into `progress`.
pub fn read_batch_shown(
    claims: Option<&Path>,
    sources: &Sources,
    policy: &Policy,
    limits: Limits,
    progress: &Progress,
) -> Result<(Batch, Vec<Prior>), Error> {
    let mut keys = Keys::default();
    let (label, input) = open_input(claims, &sources.reading)?;
    let (input, stopped) = guard(progress.reading(input), limits);
    let batch = read_claims(&label, input, policy, &mut keys)
        .map_err(|e| stopped_or(&label, &stopped, e.into()))?;
    let prior = read_ledgers(&sources.ledger, &sources.reading, policy, &mut keys, limits)?;
    Ok((batch, prior))
}

/// Why a guarded input stopped, if it did; else the error it led to.
fn stopped_or(label: &str, stopped: &OnceLock<Stop>, e: Error) -> Error {
    match stopped.get() {
        Some(&stop) => Error::Input {
            path: label.to_string(),
            stop,
        },
        None => e,
    }
}

/// Every ledger's rows, with applicants and references keyed by `keys`.
pub fn read_ledgers(
    ledgers: &[PathBuf],
    reading: &Reading,
    policy: &Policy,
    keys: &mut Keys,
    limits: Limits,
) -> Result<Vec<Prior>, Error> {
    let mut prior = Vec::new();
    for path in ledgers {
        let ledger = ledger_text(path, reading, limits)?;
        prior.extend(read_ledger(&ledger.label, &ledger.text, policy, keys)?);
    }
    Ok(prior)
}

/// A ledger (a payout of this tool, or a clerk's copy of one) as UTF-8
/// CSV text, the one way `calc --ledger` and `report` read it.
#[derive(Debug, Clone)]
pub struct LedgerText {
    /// The file, as errors name it.
    pub label: String,
    /// For a workbook, the sheet read: its name and first column, to name
    /// a cell (`明细!M5`).
    pub sheet: Option<(String, usize)>,
    pub text: Vec<u8>,
}

/// A ledger file as CSV text: of a workbook, the sheet `--sheet` names if
/// it has it, else the payout's claims sheet (明细), else its first sheet;
/// a CSV decoded from `--encoding`. The reader's limits hold for a ledger
/// as for the claims.
pub fn ledger_text(path: &Path, reading: &Reading, limits: Limits) -> Result<LedgerText, Error> {
    let label = path.display().to_string();
    let (sheet, text) = if is_spreadsheet(path) {
        let claims = BookSheet::Claims.name();
        let read = match reading.sheet.as_deref() {
            Some(wanted) => read_sheet(path, Choice::Preferred(&[wanted, claims]))?,
            None => read_sheet(path, Choice::Preferred(&[claims]))?,
        };
        (Some((read.name, read.first_col)), read.text)
    } else {
        let (_, bytes) = read_input(Some(path))?;
        if bytes.starts_with(ZIP_MAGIC) {
            return Err(ClaimsError::Zipped { file: label }.into());
        }
        (None, decode_ledger(&label, &bytes, reading.encoding)?)
    };
    let (mut input, stopped) = guard(io::Cursor::new(text), limits);
    let mut text = Vec::new();
    input.read_to_end(&mut text).map_err(|source| {
        let read = Error::Read {
            path: label.clone(),
            source,
        };
        stopped_or(&label, &stopped, read)
    })?;
    Ok(LedgerText { label, sheet, text })
}

/// A ledger's bytes as UTF-8.
fn decode_ledger(label: &str, bytes: &[u8], encoding: Encoding) -> Result<Vec<u8>, Error> {
    decode_all(bytes, encoding).map_err(|source| match Undecodable::of(&source) {
        Some(bad) => Error::Ledger(LedgerError {
            file: label.to_string(),
            line: bad.line,
            column: None,
            what: LedgerProblem::Undecodable {
                charset: bad.charset,
            },
        }),
        None => Error::Read {
            path: label.to_string(),
            source,
        },
    })
}

/// Writes to standard output, buffered.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    use std::io::IsTerminal;
    let stdout = io::stdout();
    let on_terminal = stdout.is_terminal();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    // Whatever a command prints, a terminal only shows a file's values; a
    // pipe or a file gets the bytes (the tables escape them anyway).
    let written = if on_terminal {
        let mut shown = crate::text::Terminal::new(&mut out);
        write(&mut shown).and_then(|()| shown.flush())
    } else {
        write(&mut out)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })
}

/// Whether `--out` asks for an Excel workbook.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// The bytes of a workbook of `tabs`, to be written to `path`.
pub fn workbook_bytes(path: &Path, tabs: &[crate::whatif::book::Tab]) -> Result<Vec<u8>, Error> {
    crate::whatif::book::workbook(tabs).map_err(|e| Error::Write {
        path: path.display().to_string(),
        source: io::Error::other(e.to_string()),
    })
}
