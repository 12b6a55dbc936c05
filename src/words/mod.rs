//! Every word a person reads, in one place. The engine, the readers and the
//! policy loader produce typed facts; this layer turns them into sentences.
//! Each language is one implementation of the traits below (`zh/`, `en/`),
//! with exhaustive matches and no default methods, so the compiler lists
//! every fact a language has not yet said. A third language is one more
//! folder beside these two, one more `Lang` variant (in the leaf `lang`)
//! and its name for `--lang` (in `cli`).

pub mod book;
mod claims;
mod en;
pub mod help;
pub mod page;
mod policy;
mod report;
mod whatif;
mod zh;

pub use book::{OfficeFact, OfficeLabel, OfficeWords};
pub use claims::ClaimsWords;
pub use help::{Cmd, Flag, HelpWord, HelpWords, Topic, UsageError};
pub use page::{PageWord, PageWords};
pub use policy::PolicyWords;
pub use report::ReportWords;
pub use report::{BookLabel, BookLimit, Figures, Label, Notice, Rule, Sep, Stage};
pub use whatif::WhatIfWords;

pub use crate::lang::{chinese_numeral, clause_label, Lang, Text};

/// Every family of words one language must say.
pub trait Words:
    ReportWords + PolicyWords + ClaimsWords + HelpWords + WhatIfWords + PageWords + OfficeWords + Sync
{
    /// The language's own choice between a text of the policy file written
    /// in Chinese and its English version (the loader fills the English
    /// with a fallback where the file has none). `Lang::text` makes the
    /// same choice without the words, for the layers below them, and is
    /// what every caller uses; this stays until the word files drop it.
    fn text<'a>(&self, text: &'a Text) -> &'a str;
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
