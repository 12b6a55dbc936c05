//! Chinese.

mod claims;
mod help;
mod policy;
mod report;
mod rules;

use super::{Text, Words};

pub struct Chinese;

impl Words for Chinese {
    fn text<'a>(&self, text: &'a Text) -> &'a str {
        &text.zh
    }
}
