//! Chinese.

mod help;
mod help_flags;

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
