//! English: the language itself. Its sentences are written beside the
//! other languages' in each family's folder (`words/report/`, …), so that
//! none of their logic is written twice.

use super::side_by_side::Language;
use super::{Lang, Text, Words};

pub struct English;

impl Words for English {
    fn text<'a>(&self, text: &'a Text) -> &'a str {
        &text.en
    }
}

impl Language for English {
    const LANG: Lang = Lang::En;
}
