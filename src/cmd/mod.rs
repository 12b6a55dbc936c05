//! One module per command; what they share (loading the policy, reading
//! inputs, writing outputs) lives here.

pub mod budget;
pub mod calc;
pub mod check;
pub mod compare;
pub mod diff;
pub mod explain;
pub mod policy;
pub mod review;
pub mod sheet;
pub mod whatif;

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use crate::claims::limits::{guard, Limits, Stop};
use crate::claims::{read_claims, Batch, Keys};
use crate::engine::Prior;
use crate::error::Error;
use crate::ledger::read_ledger;
pub use crate::output::write_file_atomically;
use crate::policy::{bundled, load, Policy};

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

/// A file, or standard input for `-` or no path, to be read as a stream.
pub fn open_input(path: Option<&Path>) -> Result<(String, Box<dyn Read + Send>), Error> {
    match path {
        Some(p) if p != Path::new("-") => {
            let label = p.display().to_string();
            let file = fs::File::open(p).map_err(|source| Error::Read {
                path: label.clone(),
                source,
            })?;
            Ok((label, Box::new(file)))
        }
        _ => Ok(("<stdin>".into(), Box::new(io::stdin()))),
    }
}

/// Reads a claims file and every ledger, interning applicants and
/// references across all of them.
pub fn read_batch(
    claims: Option<&Path>,
    ledgers: &[PathBuf],
    policy: &Policy,
    limits: Limits,
) -> Result<(Batch, Vec<Prior>), Error> {
    let mut keys = Keys::default();
    let (label, input) = open_input(claims)?;
    let (input, stopped) = guard(input, limits);
    let batch = read_claims(&label, input, policy, &mut keys)
        .map_err(|e| stopped_or(&label, &stopped, e.into()))?;
    let prior = read_ledgers(ledgers, policy, &mut keys, limits)?;
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
    policy: &Policy,
    keys: &mut Keys,
    limits: Limits,
) -> Result<Vec<Prior>, Error> {
    let mut prior = Vec::new();
    for path in ledgers {
        let (label, input) = open_input(Some(path))?;
        let (mut input, stopped) = guard(input, limits);
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes).map_err(|source| {
            let read = Error::Read {
                path: label.clone(),
                source,
            };
            stopped_or(&label, &stopped, read)
        })?;
        prior.extend(read_ledger(&label, &bytes, policy, keys)?);
    }
    Ok(prior)
}

/// Writes to standard output, buffered.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })
}
