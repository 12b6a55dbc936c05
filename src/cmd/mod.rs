//! One module per command; what they share (loading the policy, reading
//! inputs, writing outputs) lives here.

pub mod book;
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
use crate::claims::{read_claims_as, Batch, ClaimsError, HeaderChoice, Keys};
use crate::cli::{Reading, Sources};
use crate::decode::{decode_all, DecodingReader, Encoding, Undecodable};
use crate::engine::Prior;
use crate::error::Error;
use crate::ledger::{read_ledger, LedgerError, LedgerProblem};
pub use crate::output::write_file_atomically;
use crate::policy::{bundled, load, Policy};
use crate::progress::Progress;
use crate::report::BookSheet;
use crate::sheet::{
    is_spreadsheet, open_sheet, read_sheet, Choice, Failure, SheetError, ZIP_MAGIC,
};

/// The policy of `--policy`, or the bundled one.
pub fn load_policy(path: Option<&Path>) -> Result<Policy, Error> {
    match path {
        None => Ok(bundled()?),
        Some(p) => {
            let text = policy_file_text(p)?;
            Ok(load(&p.display().to_string(), &text)?)
        }
    }
}

/// The text of a policy file; one that is not UTF-8 is a policy problem at
/// the byte where it stops being so.
pub fn policy_file_text(path: &Path) -> Result<String, Error> {
    let label = path.display().to_string();
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: label.clone(),
        source,
    })?;
    Ok(crate::policy::text_of(&label, bytes)?)
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
/// of UTF-8 CSV: decoded from `--encoding`, or a spreadsheet's sheet. The
/// third value holds, once the stream has failed, why a sheet could not be
/// read.
#[allow(clippy::type_complexity)]
pub fn open_input(
    path: Option<&Path>,
    reading: &Reading,
    limits: Limits,
) -> Result<(String, Box<dyn Read + Send>, Option<Failure>), Error> {
    if let Some(p) = path.filter(|p| is_spreadsheet(p)) {
        let label = p.display().to_string();
        let (_, _, stream) = open_sheet(p, Choice::Named(reading.sheet.as_deref()), limits)
            .map_err(|e| sheet_error(&label, e))?;
        let failed = stream.failure();
        return Ok((label, Box::new(stream), Some(failed)));
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
        Ok(decoded) => Ok((label, Box::new(decoded), None)),
        Err(source) => Err(Error::Read {
            path: label,
            source,
        }),
    }
}

/// A sheet that could not be read, as the command line says it.
fn sheet_error(label: &str, e: SheetError) -> Error {
    match e {
        SheetError::Claims(e) => e.into(),
        SheetError::Stop(stop) => Error::Input {
            path: label.to_string(),
            stop,
        },
    }
}

/// The files `--policy` and `--ledger` name, which `--out` may not be.
pub fn inputs_of(sources: &Sources) -> Vec<&Path> {
    let mut inputs: Vec<&Path> = sources.measures.path().into_iter().collect();
    inputs.extend(sources.ledger.iter().map(PathBuf::as_path));
    inputs
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
    read_batch_booked(claims, sources, policy, limits, progress, &[])
}

/// As `read_batch_shown`, the payouts of a book (each with the label its
/// errors give) read after the ledgers by the same reader.
pub fn read_batch_booked(
    claims: Option<&Path>,
    sources: &Sources,
    policy: &Policy,
    limits: Limits,
    progress: &Progress,
    booked: &[(String, &[u8])],
) -> Result<(Batch, Vec<Prior>), Error> {
    let mut keys = Keys::default();
    let (label, input, sheet_failed) = open_input(claims, &sources.reading, limits)?;
    let (input, stopped) = guard(progress.reading(input), limits);
    let choice = header_choice(&sources.reading, policy)?;
    let batch =
        read_claims_as(&label, input, policy, &mut keys, &choice).map_err(
            |e| match sheet_failed.and_then(|f| f.take()) {
                Some(failed) => sheet_error(&label, failed),
                None => stopped_or(&label, &stopped, e.into()),
            },
        )?;
    let mut prior = read_ledgers(&sources.ledger, &sources.reading, policy, &mut keys, limits)?;
    for (label, bytes) in booked {
        prior.extend(read_ledger(label, bytes, policy, &mut keys)?);
    }
    Ok((batch, prior))
}

/// What `--columns`, `--column` and `--ignore-column` say of the claims
/// file's headers (the flags after the file, so that they can amend it).
pub fn header_choice(reading: &Reading, policy: &Policy) -> Result<HeaderChoice, Error> {
    let mut choice = HeaderChoice::default();
    if let Some(path) = &reading.columns {
        let label = path.display().to_string();
        let bytes = fs::read(path).map_err(|source| Error::Read {
            path: label.clone(),
            source,
        })?;
        let text = decode_all(&bytes, reading.encoding).map_err(|source| Error::Read {
            path: label.clone(),
            source,
        })?;
        let text = String::from_utf8_lossy(&text);
        choice.read_file(&label, text.trim_start_matches('\u{feff}'), policy)?;
    }
    for written in &reading.column {
        choice.read_as(written, policy, "--column")?;
    }
    for header in &reading.ignore_column {
        choice.ignore(header);
    }
    Ok(choice)
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
            Some(wanted) => read_sheet(path, Choice::Preferred(&[wanted, claims]), limits),
            None => read_sheet(path, Choice::Preferred(&[claims]), limits),
        }
        .map_err(|e| sheet_error(&label, e))?;
        (Some((read.name, read.first_col)), read.text)
    } else {
        return ledger_stream(path, label, reading.encoding, limits);
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

/// A CSV ledger (a file, or standard input for `-`) decoded to UTF-8 as it
/// is read, under the reader's limits: a file over a limit stops at the
/// limit, as a claims file does, instead of being read whole first.
fn ledger_stream(
    path: &Path,
    label: String,
    encoding: Encoding,
    limits: Limits,
) -> Result<LedgerText, Error> {
    let unreadable = |source| Error::Read {
        path: label.clone(),
        source,
    };
    let input: Box<dyn Read> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(fs::File::open(path).map_err(unreadable)?)
    };
    let decoded = DecodingReader::new(input, encoding).map_err(unreadable)?;
    if decoded.begins_with(ZIP_MAGIC) {
        return Err(ClaimsError::Zipped { file: label }.into());
    }
    let (mut input, stopped) = guard(decoded, limits);
    let mut text = Vec::new();
    if let Err(source) = input.read_to_end(&mut text) {
        let failed = match Undecodable::of(&source) {
            Some(bad) => Error::Ledger(LedgerError {
                file: label.clone(),
                line: bad.line,
                column: None,
                what: LedgerProblem::Undecodable {
                    charset: bad.charset,
                },
            }),
            None => unreadable(source),
        };
        return Err(stopped_or(&label, &stopped, failed));
    }
    Ok(LedgerText {
        label,
        sheet: None,
        text,
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
            path: crate::error::STDOUT.into(),
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
pub fn workbook_bytes(
    path: &Path,
    tabs: &[crate::whatif::book::Tab],
    lang: crate::words::Lang,
) -> Result<Vec<u8>, Error> {
    crate::whatif::book::workbook(tabs).map_err(|e| book_error(path, &e, lang))
}

/// A workbook that cannot be made, named by the output it was for (not by
/// an input), with why in the run's language.
pub fn book_error(path: &Path, e: &rust_xlsxwriter::XlsxError, lang: crate::words::Lang) -> Error {
    use crate::words::{BookLimit, Notice};
    use rust_xlsxwriter::XlsxError;
    let other = e.to_string();
    let limit = match e {
        XlsxError::RowColumnLimitError => BookLimit::RowsOrColumns,
        XlsxError::MaxStringLengthExceeded => BookLimit::CellText,
        _ => BookLimit::Other(&other),
    };
    Error::Write {
        path: path.display().to_string(),
        source: io::Error::other(lang.words().notice(&Notice::BookCannotHold { limit })),
    }
}
