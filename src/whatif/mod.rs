//! What-if runs: figures of the policy changed for one run (`--set`), two
//! policies compared on the same claims (`compare`, `policy diff`), a fixed
//! fund shared out (`--budget`) and the year's payouts tabulated
//! (`report`). Pure functions over the engine's outcomes; the words are the
//! words layer's (`words/whatif.rs`).

pub mod book;
pub mod budget;
pub mod compare;
pub mod figures;
pub mod overrides;
pub mod review;

use rust_decimal::Decimal;

pub use figures::{FigureKind, FigureSlot};
pub use overrides::Override;

/// A what-if run that cannot be made as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatIfError {
    /// `--set` without `=`.
    SetWithoutValue { written: String },
    /// `--set` names no figure of the policy; `near` are the nearest keys.
    UnknownKey { key: String, near: Vec<String> },
    /// `--set` gives a value that is not of the figure's kind.
    WrongValue {
        key: String,
        value: String,
        kind: FigureKind,
    },
    /// `--budget` is not an amount of money.
    BadBudget { written: String },
    /// `--budget-priority` names a clause the policy does not have.
    UnknownClause { written: String },
    /// The clauses paid first need more than the fund.
    PriorityOverFund { priority: Decimal, fund: Decimal },
    /// A payout file for `report` lacks columns it needs; `sheet` is the
    /// sheet read when the file is a workbook.
    LedgerColumns {
        file: String,
        sheet: Option<String>,
        missing: Vec<String>,
    },
    /// A payout file's row has a cell that is not what its column holds;
    /// `cell` names it (`明细!M5`) when the file is a workbook.
    LedgerCell {
        file: String,
        line: u64,
        cell: Option<String>,
        column: String,
        written: String,
    },
}

impl WhatIfError {
    /// 2 for wrong usage, 1 for a file that cannot be used.
    pub fn exit_code(&self) -> i32 {
        match self {
            WhatIfError::LedgerColumns { .. } | WhatIfError::LedgerCell { .. } => 1,
            _ => 2,
        }
    }
}

/// The what-if commands whose `--help` ends with examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfTopic {
    Compare,
    Report,
    PolicyDiff,
}

impl WhatIfTopic {
    /// Each topic with its subcommand path.
    pub const COMMANDS: [(WhatIfTopic, &'static [&'static str]); 3] = [
        (WhatIfTopic::Compare, &["compare"]),
        (WhatIfTopic::Report, &["report"]),
        (WhatIfTopic::PolicyDiff, &["policy", "diff"]),
    ];
}

/// The words of what-if tables, short enough for a header or a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfLabel {
    Base,
    Alt,
    Difference,
    Total,
    Clause,
    Title,
    ApplicantId,
    ApplicantName,
    ClaimId,
    Key,
    CostByClause,
    TopApplicants,
    StatusChanges,
    PolicyDiff,
    Rows,
    Computed,
    Payable,
    Cut,
    ByClause,
    ByApplicantType,
    ByMonth,
    ByBatch,
    RejectedByReason,
    Reason,
    Batch,
    Month,
    ApplicantType,
    Unscaled,
    Factor,
    Absent,
    // The workbooks': sheet names (at most 31 characters, none of
    // `[]:*?/\`), headers, chart titles and axis names.
    SummarySheet,
    ApplicantsSheet,
    FiguresSheet,
    RejectedSheet,
    PolicyFile,
    SetForRun,
    Fund,
    Left,
    ShareUsed,
    BaseAgainstAlt,
    PayableByMonth,
    Yuan,
    /// A claim filed again in a later file, not counted twice.
    Refiled,
}

impl WhatIfLabel {
    pub const ALL: [WhatIfLabel; 43] = [
        WhatIfLabel::Base,
        WhatIfLabel::Alt,
        WhatIfLabel::Difference,
        WhatIfLabel::Total,
        WhatIfLabel::Clause,
        WhatIfLabel::Title,
        WhatIfLabel::ApplicantId,
        WhatIfLabel::ApplicantName,
        WhatIfLabel::ClaimId,
        WhatIfLabel::Key,
        WhatIfLabel::CostByClause,
        WhatIfLabel::TopApplicants,
        WhatIfLabel::StatusChanges,
        WhatIfLabel::PolicyDiff,
        WhatIfLabel::Rows,
        WhatIfLabel::Computed,
        WhatIfLabel::Payable,
        WhatIfLabel::Cut,
        WhatIfLabel::ByClause,
        WhatIfLabel::ByApplicantType,
        WhatIfLabel::ByMonth,
        WhatIfLabel::ByBatch,
        WhatIfLabel::RejectedByReason,
        WhatIfLabel::Reason,
        WhatIfLabel::Batch,
        WhatIfLabel::Month,
        WhatIfLabel::ApplicantType,
        WhatIfLabel::Unscaled,
        WhatIfLabel::Factor,
        WhatIfLabel::Absent,
        WhatIfLabel::SummarySheet,
        WhatIfLabel::ApplicantsSheet,
        WhatIfLabel::FiguresSheet,
        WhatIfLabel::RejectedSheet,
        WhatIfLabel::PolicyFile,
        WhatIfLabel::SetForRun,
        WhatIfLabel::Fund,
        WhatIfLabel::Left,
        WhatIfLabel::ShareUsed,
        WhatIfLabel::BaseAgainstAlt,
        WhatIfLabel::PayableByMonth,
        WhatIfLabel::Yuan,
        WhatIfLabel::Refiled,
    ];
}

/// A sentence of a what-if run.
#[derive(Debug, Clone, PartialEq)]
pub enum WhatIfFact<'a> {
    /// The run used these figures instead of the file's.
    Overrides { overrides: &'a [Override] },
    /// The total payable is within the fund: nothing was scaled.
    WithinFund { payable: Decimal, fund: Decimal },
    /// The fund was shared out: `priority` paid in full first, the rest
    /// (`unscaled` before) scaled by `factor`.
    Scaled {
        fund: Decimal,
        unscaled: Decimal,
        priority: Decimal,
        factor: Decimal,
    },
    /// The reason part of a scaled claim.
    ScaledReason {
        fund: Decimal,
        factor: Decimal,
        unscaled: Decimal,
    },
    /// The year's payouts against the fund.
    FundUsed { payable: Decimal, fund: Decimal },
    /// `compare`: the two sides, as given, each with its overrides.
    Sides {
        base: &'a str,
        base_overrides: &'a [Override],
        alt: &'a str,
        alt_overrides: &'a [Override],
    },
    /// `policy diff`: the two files agree on every figure.
    NoDifference,
    /// `compare`: no claim changes its status.
    NoStatusChange,
    /// `compare`: no applicant's payout changes.
    NoPayoutChange,
}

/// The digits of a scale factor as shown: six decimals, half-up.
pub fn factor_shown(factor: Decimal) -> String {
    factor
        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_string()
}

/// `key was → now; …`: the overrides of a run, as every language lists them.
pub fn overrides_list(overrides: &[Override], sep: &str) -> String {
    overrides
        .iter()
        .map(|o| format!("{} {} → {}", o.key, o.was, o.now))
        .collect::<Vec<_>>()
        .join(sep)
}
