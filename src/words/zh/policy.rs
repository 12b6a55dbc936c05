//! The policy facts in Chinese.

use super::Chinese;
use crate::words::PolicyWords;

impl PolicyWords for Chinese {}
