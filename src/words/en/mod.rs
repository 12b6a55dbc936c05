//! English.

mod help;
mod help_flags;

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
