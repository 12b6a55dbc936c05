//! Chinese: the language itself. Its sentences are written beside the
//! other languages' in each family's folder (`words/report/`, …), so that
//! none of their logic is written twice.

use super::side_by_side::Language;
use super::Lang;

pub struct Chinese;

impl Language for Chinese {
    const LANG: Lang = Lang::Zh;
}
