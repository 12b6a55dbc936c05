//! The sentences of the facts that the layers below the words make: the
//! loader's, the readers' and the ledger's errors, a claim's problems, and
//! the reading of a payout's reason back into its rule. Rust lets a type's
//! methods and `Display` be written anywhere in its crate; written here,
//! they let those layers make facts without importing the words that say
//! them, and every caller still writes `error.render(lang)`.

use std::fmt;

use super::Lang;
use crate::claims::{ClaimsError, Problem};
use crate::ledger::LedgerError;
use crate::policy::{Policy, PolicyError};
use crate::whatif::review::RejectionKind;

impl PolicyError {
    /// One line per problem, each ending in a newline.
    pub fn render(&self, lang: Lang) -> String {
        let words = lang.words();
        let mut out = String::new();
        for p in &self.problems {
            out.push_str(&words.policy_problem(&self.file, p));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(Lang::En).trim_end())
    }
}

impl Problem {
    /// The message without the column, as the `reason` cell shows it.
    pub fn message(&self, lang: Lang) -> String {
        lang.words().problem(&self.kind)
    }

    /// `amount: "abc" is not a number`, as the reason cell shows it.
    pub fn describe(&self, lang: Lang) -> String {
        lang.words().problem_described(self)
    }
}

impl ClaimsError {
    pub fn render(&self, lang: Lang) -> String {
        lang.words().claims_error(self)
    }
}

impl fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl LedgerError {
    pub fn render(&self, lang: Lang) -> String {
        lang.words().ledger_error(self)
    }
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl RejectionKind {
    /// The rule of a reason a payout gives, in either language; `None`
    /// for a reason this tool does not write (a clerk's own words).
    pub fn of_reason(policy: &Policy, reason: &str) -> Option<RejectionKind> {
        // A policy may word its exclusion itself.
        if let Some(own) = &policy.wording.exclusion {
            if !own.is_empty() && reason.contains(own.as_str()) {
                return Some(RejectionKind::OtherCitySupport);
            }
        }
        [Lang::Zh, Lang::En].into_iter().find_map(|lang| {
            lang.words()
                .rejection_marks()
                .iter()
                .find(|(_, mark)| reason.contains(mark))
                .map(|(kind, _)| *kind)
        })
    }
}
