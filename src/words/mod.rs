//! Every word a person reads, in one place. The engine, the readers and the
//! policy loader produce typed facts; this layer turns them into sentences.
//! Each language is one implementation of the traits below (`zh/`, `en/`),
//! with exhaustive matches and no default methods, so the compiler lists
//! every fact a language has not yet said. A third language is one more
//! folder beside these two and one more `Lang` variant.

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
pub use report::{BookLabel, BookLimit, Figures, Label, Notice, Rule, Sep, Stage};
pub use whatif::WhatIfWords;

/// Every family of words one language must say.
pub trait Words:
    ReportWords + PolicyWords + ClaimsWords + HelpWords + WhatIfWords + PageWords + OfficeWords + Sync
{
    /// The language's own choice between a text of the policy file written
    /// in Chinese and its English version (the loader fills the English
    /// with a fallback where the file has none).
    fn text<'a>(&self, text: &'a Text) -> &'a str;
}

/// A text of the policy file (a name, a title, a note) in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The words of this language.
    pub fn words(self) -> &'static dyn Words {
        match self {
            Lang::Zh => &zh::Chinese,
            Lang::En => &en::English,
        }
    }

    /// A language by its name in any case, or by the language part of a
    /// locale: `zh`, `ZH`, `zh_CN.UTF-8`, `en-GB`.
    pub fn from_name(name: &str) -> Option<Lang> {
        let part = name
            .trim()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match part.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A text of the policy file in this language.
    pub fn text(self, text: &Text) -> &str {
        self.words().text(text)
    }
}

/// `1` → `（一）`, `21` → `（二十一）`: clause numbers as the measures print them.
pub fn clause_label(number: u32) -> String {
    format!("（{}）", chinese_numeral(number))
}

pub fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_numbers_read_as_in_the_measures() {
        assert_eq!(clause_label(1), "（一）");
        assert_eq!(clause_label(10), "（十）");
        assert_eq!(clause_label(12), "（十二）");
        assert_eq!(clause_label(20), "（二十）");
        assert_eq!(clause_label(21), "（二十一）");
    }
}
