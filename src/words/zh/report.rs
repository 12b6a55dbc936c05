//! The report facts in Chinese.

use super::Chinese;
use crate::words::ReportWords;

impl ReportWords for Chinese {}
