//! Sentences written once, with every language's wording side by side.
//!
//! The logic of a sentence (which parts it has, which facts and figures fill
//! them, the loops and joins) is written once around a `pick!` or `say!`;
//! only the words inside differ by language. Both macros match on `Lang`
//! with an arm for every language, so a language added to `Lang` makes
//! every sentence without its words a compile error, and nothing but the
//! words is written again for it.

use super::{Lang, Words};

/// A language whose words are written side by side with the others'. The
/// families of words moved to side-by-side sentences are implemented once
/// for every `Language`.
pub trait Language {
    const LANG: Lang;
}

/// One value per language: `pick!(lang, zh: "全额", en: "paid")`.
macro_rules! pick {
    ($lang:expr, zh: $zh:expr, en: $en:expr $(,)?) => {
        match $lang {
            $crate::words::Lang::Zh => $zh,
            $crate::words::Lang::En => $en,
        }
    };
}

/// One formatted sentence per language, each with its own word order:
/// `say!(lang, zh: "剩余 {left}"; en: "{left} left")`.
macro_rules! say {
    ($lang:expr, zh: $zh:literal $(, $za:expr)* ; en: $en:literal $(, $ea:expr)* $(;)?) => {
        match $lang {
            $crate::words::Lang::Zh => format!($zh $(, $za)*),
            $crate::words::Lang::En => format!($en $(, $ea)*),
        }
    };
}

/// A command's examples, one command a line, under the language's heading
/// (`示例：`, `Examples:`). Lines that are the same in every language are
/// written once: `examples!(lang, "subsidy calc a.csv")`; lines that differ
/// (a type or tag named in the language, a comment) are given per language.
macro_rules! examples {
    ($lang:expr, $($line:literal),+ $(,)?) => {
        $crate::words::side_by_side::examples!($lang, zh: [$($line),+], en: [$($line),+])
    };
    ($lang:expr, zh: [$($zh:literal),+ $(,)?], en: [$($en:literal),+ $(,)?] $(,)?) => {
        match $lang {
            $crate::words::Lang::Zh => concat!("示例：" $(, "\n  ", $zh)+),
            $crate::words::Lang::En => concat!("Examples:" $(, "\n  ", $en)+),
        }
    };
}

pub(crate) use examples;
pub(crate) use pick;
pub(crate) use say;

/// Between the names of a list: `、` in Chinese, `, ` in English.
pub fn list_sep(l: Lang) -> &'static str {
    pick!(l, zh: "、", en: ", ")
}

/// Every family is written side by side, so a language is whole once it
/// is a `Language`.
impl<L: Language + Sync> Words for L {}
