//! Chinese: the language itself. Its sentences are written beside the
//! other languages' in each family's folder (`words/report/`, …), so that
//! none of their logic is written twice.

use super::side_by_side::Language;
use super::{Lang, Text, Words};

pub struct Chinese;

impl Words for Chinese {
    fn text<'a>(&self, text: &'a Text) -> &'a str {
        &text.zh
    }
}

impl Language for Chinese {
    const LANG: Lang = Lang::Zh;
}
