//! What can be wrong in a policy file, as facts: where (line, column, key)
//! and which mistake, with the values it involves. The words layer says
//! them (`crate::words::PolicyWords`).

use rust_decimal::Decimal;

use crate::date::Date;

/// One mistake in a policy file.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyProblem {
    pub line: usize,
    pub column: usize,
    /// The key as the file spells it (`item high_value_patent: amount`);
    /// empty when the mistake is not at one key (a syntax error).
    pub key: String,
    pub fault: PolicyFault,
}

/// A policy file that cannot be used, with all that is wrong in it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyError {
    pub file: String,
    pub problems: Vec<PolicyProblem>,
}

impl std::error::Error for PolicyError {}

/// Valid TOML, but not the shape of a policy file.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeFault {
    /// A key the policy needs is absent from its table.
    MissingKey { key: String },
    /// A value of another type than the key takes.
    WrongType { found: TomlType, expected: TomlType },
    /// Any other mismatch; the toml crate's own description, in English.
    Other { message: String },
}

/// The type of a TOML value, as a shape mistake names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
    /// A figure: an integer, or a quoted decimal or percentage.
    Figure,
}

/// Each kind of mistake the loader finds.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyFault {
    /// The file is not valid TOML; the toml crate's own description, in
    /// English, kept as a detail.
    Syntax {
        message: String,
    },
    /// `status` is neither draft nor final.
    Status {
        written: String,
    },
    EmptyPolicyId,
    /// `valid_until` is before `valid_from`.
    EndsBeforeStart {
        from: Date,
        until: Date,
    },
    /// A date with a time, or no date at all.
    NotADate,
    /// A bound of the validity that is neither written nor derivable
    /// (`valid_from` without `applies_from`/`in_force_from`, `valid_until`
    /// without `in_force_from` and `term_years`); the key says which.
    ValidityMissing,
    /// A written bound of the validity that is not the one the start and
    /// term give.
    ValidityDisagrees {
        written: Date,
        derived: Date,
    },
    /// `term_years` without `in_force_from`, or the other way round.
    TermIncomplete,
    /// `term_years` that is not a whole number of years from 1 to 100.
    TermYears {
        written: i64,
    },
    RoundingMode {
        written: String,
    },
    RoundingDecimals,
    TooManyTypes {
        max: usize,
    },
    TooManyTags {
        max: usize,
    },
    TooManyFacts {
        max: usize,
    },
    TooManyItems,
    /// An id of an applicant type, group, tag or fact that is empty or
    /// already used in its list.
    BadId {
        id: String,
    },
    /// A name in an applicant list that is neither a type nor a group.
    UnknownApplicant {
        name: String,
    },
    NoApplicants,
    /// A figure that is not a number, as written.
    NotANumber {
        written: String,
    },
    /// A negative figure, as written.
    Negative {
        written: String,
    },
    /// A figure of 10^12 or more.
    TooLarge {
        written: String,
    },
    ClauseNumber {
        number: i64,
    },
    EmptyItemId,
    /// The same item id twice; `first_line` is where it first appears.
    DuplicateItem {
        id: String,
        first_line: usize,
    },
    UnknownKind {
        written: String,
    },
    /// A figure the item's kind has no use for.
    FigureNotUsed {
        kind: KindName,
        figure: FigureName,
    },
    /// A figure the item's kind needs and the file does not give.
    FigureMissing {
        kind: KindName,
        figure: FigureName,
    },
    RateAbove100,
    ManualWithoutReason,
    ReasonWithoutManual,
    PerUnitNotFixed,
    /// A unit word (`unit`, `unit_en`) on an item that is not per unit.
    UnitNotPerUnit,
    /// `intake_en` that does not give one English text per `intake` entry.
    IntakeEnglish {
        zh: usize,
        en: usize,
    },
    UnknownTag {
        tag: String,
    },
    UndeclaredFact {
        fact: String,
    },
    MinQuantity,
    UniqueRule {
        written: String,
    },
    QuantityCap,
    /// A cap smaller than a single award of the item.
    CapBelowAward {
        cap: Decimal,
        item: String,
        single: Decimal,
    },
    QuotaPerYear,
    /// The overflow item of a quota is missing, the item itself, or not fixed.
    QuotaOverflow {
        target: String,
    },
    /// An alias of an item that is already the id, name or alias of another.
    AliasTaken {
        alias: String,
        other: String,
    },
    /// A mistake in one of the rules of issue 8 (caps over the measure,
    /// maxima per claim, ranges, tiers, groups).
    Rule(RuleFault),
    /// Valid TOML that does not have the shape of a policy file.
    Shape(ShapeFault),
    /// Quotas whose overflows go round in a circle, each item in its order
    /// and the first again at the end.
    QuotaCycle {
        items: Vec<String>,
    },
    /// A real date outside the years the tool reads (1900–2999).
    DateOutOfRange {
        written: String,
    },
    /// The file is not UTF-8 from this byte offset on.
    NotUtf8 {
        offset: usize,
    },
}

/// The mistakes of the rules added for any city's measures.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleFault {
    /// A clause number or item id left out of the whole-measure cap that
    /// the file does not have.
    UnknownExcept { written: String },
    /// `max_per_claim` on a kind it does not fit: `approved` (which says
    /// it with `max_per_project`) or `manual` (which computes nothing).
    MaxPerClaim { kind: KindName },
    /// A range with no bound, or whose minimum is above its maximum (or
    /// equal, with a bound exclusive): no value could be inside it.
    EmptyRange,
    /// Band `band` (from 1) of tiers leaves a gap after the band before it.
    TierGap { band: usize },
    /// Band `band` (from 1) of tiers overlaps the band before it, or comes
    /// before it.
    TierOverlap { band: usize },
    /// `tiers.on` that is neither `amount` nor a declared fact.
    TierOn { written: String },
    /// An applicant type that may claim the item and has no figure in
    /// `by_type`.
    ByTypeMissing { applicant_type: String },
    /// An applicant type with no figure under the whole-measure cap: not
    /// in its `by_type`, and no `annual` for the rest.
    MeasureCapMissing { applicant_type: String },
    /// A key of `measure_cap.by_type` that names no applicant type, with
    /// the nearest type id when one is near.
    UnknownType {
        written: String,
        nearest: Option<String>,
    },
    /// Tiers or `by_type` on a kind with no one figure to vary (approved,
    /// floor, manual), on an item with both, or on an item with a quantity
    /// cap (which counts units at one figure).
    FigureByKind,
    /// `max_per_ref` that is not a positive whole number on a per-unit
    /// fixed item with one figure.
    MaxPerRef,
    /// An item of an award group that the file does not have, or that is
    /// in another group already.
    GroupItem { written: String },
    /// A fact's `kind` that is none of number, date, yes_no, choice.
    FactKind { written: String },
    /// A `choice` fact without `values`, another kind with them, or an
    /// empty `facts_one_of`.
    FactValues,
    /// A value of `facts_one_of` that the fact cannot hold.
    FactValue { written: String },
    /// A fact used where its kind does not fit (a date in `facts_min`, a
    /// number in `facts_within`).
    FactKindMismatch { fact: String, kind: &'static str },
    /// A window that is not exactly one of days, months, years, a whole
    /// number from 1.
    Window,
    /// `base_period` on an item that is not `percent` or `matching`, or
    /// with a `max` that is not above 0.
    BasePeriod,
    /// `requires` that names no other item of the file.
    Requires { written: String },
    /// An item of a `[[ref_limit]]` that the file does not have, that is
    /// not a per-unit `fixed` item, or that is limited already; or a
    /// `max_units` that is not a positive whole number.
    RefLimit { written: String },
    /// `wording.clause_style` that is neither `paren` nor `article`.
    ClauseStyle { written: String },
    /// A key the file's table does not have (serde refuses unknown keys),
    /// with the nearest known key when one is near.
    UnknownKey {
        written: String,
        nearest: Option<String>,
    },
}

/// The ways an item's amount is found, by the name the file gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindName {
    Fixed,
    Percent,
    Approved,
    Floor,
    Matching,
    Manual,
}

impl KindName {
    pub const ALL: [KindName; 6] = [
        KindName::Fixed,
        KindName::Percent,
        KindName::Approved,
        KindName::Floor,
        KindName::Matching,
        KindName::Manual,
    ];

    /// The name as the policy file writes it.
    pub fn name(self) -> &'static str {
        match self {
            KindName::Fixed => "fixed",
            KindName::Percent => "percent",
            KindName::Approved => "approved",
            KindName::Floor => "floor",
            KindName::Matching => "matching",
            KindName::Manual => "manual",
        }
    }

    pub fn from_name(written: &str) -> Option<KindName> {
        KindName::ALL.into_iter().find(|k| k.name() == written)
    }
}

/// The figures an item may carry, one per kind that needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureName {
    Amount,
    Rate,
    MaxPerProject,
    Minimum,
    Ratio,
}

impl FigureName {
    /// In the order the loader checks them.
    pub const ALL: [FigureName; 5] = [
        FigureName::Amount,
        FigureName::Rate,
        FigureName::MaxPerProject,
        FigureName::Minimum,
        FigureName::Ratio,
    ];

    /// The key as the policy file writes it.
    pub fn key(self) -> &'static str {
        match self {
            FigureName::Amount => "amount",
            FigureName::Rate => "rate",
            FigureName::MaxPerProject => "max_per_project",
            FigureName::Minimum => "minimum",
            FigureName::Ratio => "ratio",
        }
    }

    /// A rate or ratio may be written as a percentage (`"5%"`).
    pub fn percent_ok(self) -> bool {
        match self {
            FigureName::Rate | FigureName::Ratio => true,
            FigureName::Amount | FigureName::MaxPerProject | FigureName::Minimum => false,
        }
    }
}
