//! English.

mod book;
mod claims;
mod help;
mod help_flags;
mod page;
mod policy;
mod report;
mod rules;
mod whatif;

use super::{Text, Words};

pub struct English;

impl Words for English {
    fn text<'a>(&self, text: &'a Text) -> &'a str {
        &text.en
    }
}
