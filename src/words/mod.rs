//! Every word a person reads, in one place. The engine, the readers and the
//! policy loader produce typed facts; this layer turns them into sentences.
//! Each family (`report/`, `policy/`, `claims/`, `help/`, `whatif/`,
//! `page/`, `book/`) says each fact once, for every language at once: what
//! a sentence holds is decided in one place and only its wording is written
//! per language, side by side (`pick!`, `say!`), in matches over `Lang`
//! with an arm per language, so the compiler lists every sentence a new
//! language has not yet said. A third language is one more `Lang` variant
//! (in the leaf `lang`), its unit struct here beside `zh/` and `en/`, its
//! name for `--lang` (in `cli`), and its words beside the others'.

pub mod book;
mod claims;
mod en;
pub mod help;
pub mod page;
mod policy;
mod report;
mod side_by_side;
mod whatif;
mod zh;

pub use book::{OfficeFact, OfficeLabel, OfficeWords};
pub use claims::ClaimsWords;
pub use help::{Cmd, Flag, HelpWord, HelpWords, Topic, UsageError};
pub use page::{PageWord, PageWords};
pub use policy::PolicyWords;
pub use report::ReportWords;
pub use report::{fact_line, payers, room_figures, tag_names, tag_names_joined, who};
pub use report::{invalid_reason, reason, write_invalid_reason, write_reason};
pub use report::{BookLabel, BookLimit, Figures, Label, Notice, Rule, Sep, Stage};
pub use whatif::WhatIfWords;

pub use crate::lang::{chinese_numeral, clause_label, Lang, Text};

/// Every family of words one language must say.
pub trait Words:
    ReportWords + PolicyWords + ClaimsWords + HelpWords + WhatIfWords + PageWords + OfficeWords + Sync
{
}

/// The words of a language. Written here, not beside `Lang`, so that the
/// leaf `lang` stays below every layer that carries a language.
impl Lang {
    pub fn words(self) -> &'static dyn Words {
        match self {
            Lang::Zh => &zh::Chinese,
            Lang::En => &en::English,
        }
    }
}

/// The facts of the layers below said by their own methods
/// (`error.render(lang)`), written here so that those layers need no words.
mod said;
