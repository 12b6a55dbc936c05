//! The policy facts in English.

use super::English;
use crate::words::PolicyWords;

impl PolicyWords for English {}
