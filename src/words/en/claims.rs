//! The claims facts in English.

use super::English;
use crate::words::ClaimsWords;

impl ClaimsWords for English {}
