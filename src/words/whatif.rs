//! The words of what-if runs: overrides, the fixed fund, comparisons of two
//! policies and the annual review.

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
}
