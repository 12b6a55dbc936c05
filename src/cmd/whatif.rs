//! What the what-if commands share: a policy loaded with `--set` overrides.

use std::path::Path;

use crate::cli::Sources;
use crate::error::Error;
use crate::policy::{load, Policy, BUNDLED, BUNDLED_NAME};
use crate::whatif::overrides::apply;
use crate::whatif::{Override, WhatIfFact};
use crate::words::Lang;

/// The policy file's name and text: `path`, or the bundled one.
pub fn policy_text(path: Option<&Path>) -> Result<(String, String), Error> {
    match path {
        None => Ok((BUNDLED_NAME.to_string(), BUNDLED.to_string())),
        Some(p) => {
            let label = p.display().to_string();
            Ok((label, super::policy_file_text(p)?))
        }
    }
}

/// The policy of `path` (or the bundled one) with `sets` written in.
pub fn load_with(path: Option<&Path>, sets: &[String]) -> Result<(Policy, Vec<Override>), Error> {
    let (label, text) = policy_text(path)?;
    let (text, overrides) = apply(&text, sets).map_err(Error::WhatIf)?;
    Ok((load(&label, &text)?, overrides))
}

/// The policy of `--policy` and `--set`; a line on standard output names
/// the overrides, so a reader of the tables knows the run was a what-if.
pub fn load_announced(sources: &Sources, lang: Lang) -> Result<Policy, Error> {
    let (policy, overrides) = load_with(sources.measures.path(), &sources.set)?;
    if !overrides.is_empty() {
        let line = overrides_line(&overrides, lang);
        super::write_stdout(|out| writeln!(out, "{line}"))?;
    }
    Ok(policy)
}

/// The sentence naming the overrides of a run.
pub fn overrides_line(overrides: &[Override], lang: Lang) -> String {
    lang.words()
        .whatif_fact(&WhatIfFact::Overrides { overrides })
}
