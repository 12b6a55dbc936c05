//! The claims facts in Chinese.

use super::Chinese;
use crate::words::ClaimsWords;

impl ClaimsWords for Chinese {}
