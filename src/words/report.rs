//! The words of what the pass decided and of the reports built on it:
//! reasons, derivations, tables, the catalogue and the command's notices.

mod caps;
mod names;
mod notices;
mod reason;
mod rules;
mod sentences;

pub use caps::room_figures;
pub use names::{fact_line, payers, tag_names, tag_names_joined, who};
pub use reason::{invalid_reason, reason, write_invalid_reason, write_reason};

use std::io;

use rust_decimal::Decimal;

use crate::claims::Claim;
use crate::decided::{Derivation, Tally};
use crate::engine::{Basis, CapStep, Check, Rejection, Status};
use crate::policy::{Policy, TagSet, TypeSet, Unique};

/// How figures are written: plain (`40000`) in a reason cell, grouped
/// (`40,000`) in a derivation.
pub type Figures = fn(Decimal) -> String;

pub trait ReportWords {
    /// The status as tables show it.
    fn status(&self, status: Status) -> &'static str;
    fn label(&self, label: Label) -> &'static str;
    /// Between the parts of a reason; between the names of a list.
    fn separator(&self, sep: Sep) -> &'static str;
    /// The name of a stage on the progress bar.
    fn stage(&self, stage: Stage) -> &'static str;

    /// How the amount before caps was found: `2000 × 3 = 6000`.
    fn basis(&self, policy: &Policy, basis: &Basis, computed: Decimal, figures: Figures) -> String;
    /// One cap that cut a claim, as the reason cell names it.
    fn cap_step(&self, policy: &Policy, step: &CapStep) -> String;
    /// Why a claim was refused.
    fn rejection(&self, policy: &Policy, claim: &Claim, why: &Rejection) -> String;
    /// A check a claim passed, as a derivation lists it.
    fn passed_check(&self, policy: &Policy, claim: &Claim, check: Check) -> String;
    /// One cap as applied, with who used its room and what it left.
    fn cap_line(&self, policy: &Policy, step: &CapStep) -> String;
    /// The head of a derivation: the claim (or, for a dry run, the item and
    /// the applicant type), its date, clause and item with their sentences.
    fn derivation_head(&self, policy: &Policy, d: &Derivation) -> String;
    /// A check a dry run could not make, and why.
    fn not_checked(&self, check: Check, ledger_given: bool) -> &'static str;
    /// Why a quota claim was left to the office: its ranking needs scores
    /// or a decision between tied scores.
    fn undecided(&self, policy: &Policy, why: &crate::engine::Undecided) -> String;
    /// A dry run of a quota item: the place is the batch's to decide.
    fn ranking_deferred(&self, policy: &Policy, quota: &crate::policy::Quota) -> String;
    /// The result line: status and the three figures.
    fn derivation_result(&self, outcome: &crate::engine::Outcome) -> String;

    fn totals(&self, total: &Tally) -> String;
    fn draft_notice(&self, policy: &Policy) -> String;
    /// A rule or cap of an item, as the catalogue lists it.
    fn rule(&self, policy: &Policy, rule: &Rule) -> String;
    /// The line under the catalogue.
    fn catalogue_footer(&self, policy: &Policy) -> String;
    fn notice(&self, notice: &Notice) -> String;
    /// A label of the payout workbook's summary sheet.
    fn book_label(&self, label: BookLabel) -> &'static str;
    /// The status as the payout workbook's claims sheet says it (the id
    /// stays in a column of its own).
    fn book_status(&self, status: Status) -> &'static str;
}

/// The labels of the payout workbook's summary sheet (汇总).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookLabel {
    Totals,
    RowsIn,
    Computed,
    Payable,
    Cut,
    Policy,
    PolicyId,
    PolicyTitle,
    PolicyStatus,
    Draft,
    Final,
    ValidFrom,
    ValidUntil,
    PolicySha256,
    ClaimsFile,
    ClaimsRows,
    Version,
    PayableByClause,
}

impl BookLabel {
    pub const ALL: [BookLabel; 18] = [
        BookLabel::Totals,
        BookLabel::RowsIn,
        BookLabel::Computed,
        BookLabel::Payable,
        BookLabel::Cut,
        BookLabel::Policy,
        BookLabel::PolicyId,
        BookLabel::PolicyTitle,
        BookLabel::PolicyStatus,
        BookLabel::Draft,
        BookLabel::Final,
        BookLabel::ValidFrom,
        BookLabel::ValidUntil,
        BookLabel::PolicySha256,
        BookLabel::ClaimsFile,
        BookLabel::ClaimsRows,
        BookLabel::Version,
        BookLabel::PayableByClause,
    ];
}

/// A stage of a long batch, as its progress bar names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Deciding,
    Writing,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Reading, Stage::Deciding, Stage::Writing];
}

/// Separators between parts of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Between the parts of a reason or a list of rules: `；`
    Parts,
    /// Between names: `、`
    List,
}

/// A rule or cap of an item, for the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Tags(TagSet),
    FactAtLeast {
        fact: u8,
        minimum: Decimal,
    },
    QuantityAtLeast(u32),
    /// The claim dated within a window after a date fact.
    FactWithin {
        fact: u8,
        window: crate::policy::Window,
    },
    /// A yes/no or choice fact holding one of these codes.
    FactOneOf {
        fact: u8,
        codes: Vec<u32>,
    },
    Unique(Unique),
    QuantityCap {
        who: TypeSet,
        max_per_year: u32,
    },
    Quota {
        per_year: u32,
        overflow: u16,
    },
    /// 每年不超过N个, the rest not paid.
    QuotaOnly {
        per_year: u32,
    },
    /// A range on a fact or the amount.
    Range {
        on: crate::policy::Measured,
        range: crate::policy::Range,
    },
    /// The figure by band: `percent` when the figures are rates or ratios.
    Tiers {
        on: crate::policy::Measured,
        bands: Vec<crate::policy::Band>,
        percent: bool,
    },
    /// The figure per applicant type.
    ByType {
        table: Vec<(crate::policy::TypeIdx, Decimal)>,
        percent: bool,
    },
    /// At most so many units per reference.
    PerRef(u32),
    /// The base counted for at most `max` of the period a fact holds.
    BasePeriod {
        fact: u8,
        max: Decimal,
    },
    /// At most so many units per reference over several items.
    RefLimit(u16),
    /// Paid only after the same applicant was paid another item.
    Requires(crate::policy::ItemIdx),
    /// Paid at most the highest figure of the group per reference.
    AwardGroup(u16),
    /// 每笔/每项最高 on an item that is not `approved`.
    ClaimMax(Decimal),
    ItemCap(Decimal),
    /// An item's cap per applicant over the life of the measures.
    ItemLifetimeCap(Decimal),
    ClauseCap(Decimal),
    ClauseOneAward,
    /// The whole measure's cap per applicant per year covers the item:
    /// `annual` for every type not in `by_type` (none when all are).
    MeasureCap {
        annual: Option<Decimal>,
        by_type: Vec<(crate::policy::TypeIdx, Decimal)>,
    },
}

/// What a workbook cannot hold.
#[derive(Debug, Clone, Copy)]
pub enum BookLimit<'a> {
    /// More than 1,048,576 rows or 16,384 columns on a sheet.
    RowsOrColumns,
    /// A cell of more than 32,767 characters.
    CellText,
    /// Anything else, as the workbook writer says it.
    Other(&'a str),
}

/// The sentences of the commands themselves.
#[derive(Debug)]
pub enum Notice<'a> {
    /// How far a long batch has come: rows so far and rows per second.
    Rows {
        rows: u64,
        per_second: u64,
    },
    /// The quota ranking did not settle within the engine's pass limit.
    RankingUnsettled {
        passes: usize,
    },
    /// A `SUBSIDY_LANG` that names no language of the tool.
    LangIgnored {
        value: &'a str,
    },
    /// An input passed a limit of the reader, or has a quote never closed.
    InputStopped {
        path: &'a str,
        stop: &'a crate::claims::limits::Stop,
    },
    /// Columns of the claims file that nothing reads (a warning).
    UnknownColumns {
        path: &'a str,
        line: u64,
        columns: &'a [String],
    },
    /// The rows above the header row (a title, who filed and when): not
    /// read. `line` is the header's.
    AboveHeader {
        path: &'a str,
        line: u64,
        rows: &'a [(u64, String)],
    },
    /// An item written as a part of an item's name, at its first row.
    ItemByPart {
        file: &'a str,
        line: u64,
        written: &'a str,
        id: &'a str,
        name: &'a str,
    },
    /// Dates written as a spreadsheet's serial numbers: how many, and the
    /// first of them.
    DateSerials {
        file: &'a str,
        line: u64,
        serial: i64,
        date: &'a str,
        count: usize,
    },
    /// More notices of the kind just said, not shown; `in_reasons`: each
    /// row's reason in the payout says it.
    MoreLikeThis {
        count: usize,
        in_reasons: bool,
    },
    /// A totals row (合计): not read as a claim; each sum it holds checked
    /// against the rows.
    TotalsRow {
        path: &'a str,
        line: u64,
        sums: &'a [crate::claims::TotalSum],
    },
    /// A tag the policy does not know: it does not count.
    UnknownTag {
        file: &'a str,
        line: u64,
        tag: &'a str,
        known: &'a str,
    },
    /// One applicant_id written with two names in one batch.
    TwoNames {
        file: &'a str,
        line: u64,
        id: &'a str,
        first: &'a str,
        second: &'a str,
    },
    /// A value whose key differs from it by more than case, width and
    /// spaces (invisible characters, compatibility forms, dashes in an id):
    /// the first of its column. `written` is shown escaped.
    KeyChanged {
        file: &'a str,
        line: u64,
        column: &'a str,
        written: &'a str,
        key: &'a str,
    },
    /// Quota claims left to the office: scores missing or tied across the
    /// boundary.
    QuotaUndecided {
        ids: &'a [String],
    },
    DryRun,
    /// `check` without `--ledger`: earlier payouts not checked.
    NoLedgerGiven,
    /// `check` without `--ref` on an item paid once per reference.
    NoRefGiven,
    CannotRead {
        path: &'a str,
        source: &'a io::Error,
    },
    CannotWrite {
        path: &'a str,
        source: &'a io::Error,
    },
    /// `--out` names a file this run reads (the same file, by identity).
    OutIsInput {
        out: &'a str,
        input: &'a str,
    },
    /// Why an `--out` workbook cannot hold what it was to hold.
    BookCannotHold {
        limit: BookLimit<'a>,
    },
    Strict {
        file: &'a str,
        invalid: usize,
    },
    NoClaimsOfApplicant {
        file: &'a str,
        applicant: &'a str,
    },
    NoSuchClaims {
        file: &'a str,
        ids: &'a [String],
    },
    UnknownFact {
        id: &'a str,
        known: &'a [String],
    },
    /// `explain` of a row that was invalid.
    InvalidClaim {
        id: &'a str,
        file: &'a str,
        line: u64,
        reason: &'a str,
    },
}

/// A fixed word or heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    ByApplicant,
    ByClause,
    ApplicantId,
    ApplicantName,
    Rows,
    Computed,
    Payable,
    Cut,
    Clause,
    Title,
    ItemNotRecognised,
    Item,
    Name,
    Kind,
    Figure,
    Who,
    RulesAndCaps,
    PerUnit,
    PerProject,
    DryRunApplicant,
    NotComputedHere,
    /// Headings of `policy show`.
    ShowClause,
    ShowClauseText,
    ShowSentence,
    ShowKind,
    ShowManual,
    ShowWho,
    ShowRules,
    ShowNote,
    ShowText,
    ShowClauseCap,
    ShowOneAward,
    ShowPaysNothing,
    ShowItems,
    /// Headings of a derivation.
    FigureHeading,
    ChecksHeading,
    CapsHeading,
    ReasonHeading,
    /// The figure column of an item whose figure comes from a table.
    FigureInRules,
}

impl Label {
    pub const ALL: [Label; 39] = [
        Label::ByApplicant,
        Label::ByClause,
        Label::ApplicantId,
        Label::ApplicantName,
        Label::Rows,
        Label::Computed,
        Label::Payable,
        Label::Cut,
        Label::Clause,
        Label::Title,
        Label::ItemNotRecognised,
        Label::Item,
        Label::Name,
        Label::Kind,
        Label::Figure,
        Label::Who,
        Label::RulesAndCaps,
        Label::PerUnit,
        Label::PerProject,
        Label::DryRunApplicant,
        Label::NotComputedHere,
        Label::ShowClause,
        Label::ShowClauseText,
        Label::ShowSentence,
        Label::ShowKind,
        Label::ShowManual,
        Label::ShowWho,
        Label::ShowRules,
        Label::ShowNote,
        Label::ShowText,
        Label::ShowClauseCap,
        Label::ShowOneAward,
        Label::ShowPaysNothing,
        Label::ShowItems,
        Label::FigureHeading,
        Label::ChecksHeading,
        Label::CapsHeading,
        Label::ReasonHeading,
        Label::FigureInRules,
    ];
}
