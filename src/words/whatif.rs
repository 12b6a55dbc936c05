//! The words of what-if runs: overrides, the fixed fund, comparisons of two
//! policies and the annual review.

mod sentences;

use crate::whatif::review::RejectionKind;
use crate::whatif::{WhatIfError, WhatIfFact, WhatIfLabel, WhatIfTopic};

pub trait WhatIfWords {
    /// A header or a short cell of a what-if table.
    fn whatif_label(&self, label: WhatIfLabel) -> &'static str;
    /// A sentence of a what-if run.
    fn whatif_fact(&self, fact: &WhatIfFact) -> String;
    /// The examples at the end of a what-if command's `--help`.
    fn whatif_examples(&self, topic: WhatIfTopic) -> &'static str;
    /// Why a what-if run cannot be made as asked.
    fn whatif_error(&self, error: &WhatIfError) -> String;
    /// The rule a kind of rejection applies, as the annual review groups
    /// rejected claims by it.
    fn rejection_kind(&self, kind: RejectionKind) -> &'static str;
    /// What every reason of a kind says in this language, whatever the
    /// claim: the review finds the rule of a payout's reason by it. The
    /// first that a reason contains decides.
    fn rejection_marks(&self) -> &'static [(RejectionKind, &'static str)];
    /// A group of rejected claims: the item's name and the rule.
    fn rejection_group(&self, item: &str, rule: &str) -> String;
}
