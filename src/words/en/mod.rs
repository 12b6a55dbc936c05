//! English.

mod claims;
mod help;
mod policy;
mod report;
mod rules;

use super::{Text, Words};

pub struct English;

impl Words for English {
    fn text<'a>(&self, text: &'a Text) -> &'a str {
        &text.en
    }
}
