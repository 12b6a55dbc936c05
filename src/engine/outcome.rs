//! What the pass decides for one claim, with enough detail to explain it.

use rust_decimal::Decimal;

use crate::policy::{Bound, ClauseIdx, ItemIdx, Measured, Side, TagSet, TypeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Paid,
    Capped,
    Rejected,
    Manual,
    Invalid,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Paid,
        Status::Capped,
        Status::Rejected,
        Status::Manual,
        Status::Invalid,
    ];

    /// The word in the payout CSV: part of the contract, never translated.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Paid => "paid",
            Status::Capped => "capped",
            Status::Rejected => "rejected",
            Status::Manual => "manual",
            Status::Invalid => "invalid",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// The result of the pass for one valid claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    /// Amount before caps (for a rejected claim, the amount it would have had).
    pub computed: Decimal,
    pub payable: Decimal,
    /// How the amount before caps was found (the rule and its figures).
    pub basis: Basis,
    /// Why the claim was refused (boxed: most claims are not).
    pub rejection: Option<Box<Rejection>>,
    /// The caps that cut this claim, in the order they were applied.
    pub cuts: Vec<CapStep>,
    /// Why a quota claim was left to the office (`manual`): its ranking
    /// could not be decided without a guess.
    pub undecided: Option<Box<Undecided>>,
}

impl Outcome {
    /// What the caps and rejections took away: always the amount before
    /// caps less the payable, so it is worked out, never stored beside them.
    pub fn cut(&self) -> Decimal {
        self.computed - self.payable
    }

    /// Lowers a decided claim's payable after the caps (the quota's ranking,
    /// the fund's share): one that now pays less than it computed is capped.
    pub fn pay_at_most(&mut self, payable: Decimal) {
        self.payable = payable;
        if self.payable < self.computed && self.status == Status::Paid {
            self.status = Status::Capped;
        }
    }

    /// The place of a claim not yet decided.
    pub fn blank() -> Outcome {
        Outcome {
            status: Status::Invalid,
            computed: Decimal::ZERO,
            payable: Decimal::ZERO,
            basis: Basis::Manual,
            rejection: None,
            cuts: Vec::new(),
            undecided: None,
        }
    }

    /// A quota candidate whose place the ranking cannot decide without a
    /// guess: nothing is paid until the office has scored or decided it.
    pub fn undecided(basis: Basis, why: Undecided) -> Outcome {
        Outcome {
            undecided: Some(Box::new(why)),
            ..Outcome::manual(basis)
        }
    }

    /// Refused before any cap: the whole amount is cut.
    pub fn rejected(computed: Decimal, basis: Basis, why: Rejection) -> Outcome {
        Outcome {
            status: Status::Rejected,
            computed,
            payable: Decimal::ZERO,
            basis,
            rejection: Some(Box::new(why)),
            cuts: Vec::new(),
            undecided: None,
        }
    }

    /// Not computed here: paid under another policy or case by case.
    pub fn manual(basis: Basis) -> Outcome {
        Outcome {
            basis,
            status: Status::Manual,
            ..Outcome::blank()
        }
    }

    /// Paid, in full or cut by the caps in `cuts`.
    pub fn decided(
        computed: Decimal,
        payable: Decimal,
        basis: Basis,
        cuts: Vec<CapStep>,
    ) -> Outcome {
        Outcome {
            status: if payable < computed {
                Status::Capped
            } else {
                Status::Paid
            },
            computed,
            payable,
            basis,
            rejection: None,
            cuts,
            undecided: None,
        }
    }
}

/// How the amount before caps was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    Fixed {
        amount: Decimal,
        quantity: u32,
    },
    Percent {
        base: Decimal,
        rate: Decimal,
    },
    Approved {
        amount: Decimal,
    },
    /// `raised`: the claim's amount was below the minimum (or empty).
    Floor {
        amount: Option<Decimal>,
        minimum: Decimal,
        raised: bool,
    },
    Matching {
        base: Decimal,
        ratio: Decimal,
    },
    Manual,
    /// The base was counted for `limit` of the claim's `period` (fact
    /// `fact`): `written` × limit / period is the base of the basis inside.
    Prorated {
        fact: u8,
        written: Decimal,
        period: Decimal,
        limit: Decimal,
        of: Box<Basis>,
    },
    /// The figure of the basis inside came from a tier or the applicant's
    /// type, named here.
    Tiered {
        tier: Tier,
        of: Box<Basis>,
    },
}

/// Which figure of a table a claim was computed with.
#[derive(Debug, Clone, PartialEq)]
pub enum Tier {
    /// The band of a fact or the amount the claim fell in (from 1).
    Band {
        on: Measured,
        band: usize,
        range: crate::policy::Range,
    },
    /// The applicant's type.
    Type(crate::policy::TypeIdx),
}

/// Why a claim is refused before any cap.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejection {
    OutsideValidity,
    OtherCitySupport,
    ApplicantType {
        allowed: TypeSet,
    },
    MissingTag {
        any_of: TagSet,
    },
    FactBelow {
        fact: u8,
        minimum: Decimal,
        actual: Option<Decimal>,
    },
    QuantityBelow {
        minimum: u32,
        actual: u32,
    },
    /// The claim is not dated within the window after a date fact (or the
    /// fact is not given).
    OutsideWindow {
        fact: u8,
        window: crate::policy::Window,
        start: Option<crate::date::Date>,
    },
    /// A yes/no or choice fact not given, or holding a value the item does
    /// not allow (its code, as the claim is kept).
    FactNotAllowed {
        fact: u8,
        actual: Option<Decimal>,
    },
    /// A fact or the amount outside its range: the bound it breaks (or,
    /// with no value given, the first bound of the range).
    OutOfRange(OutOfRange),
    /// 每年不超过N个 without an overflow item: no place left in the
    /// ranking of the year.
    QuotaFull(NoPlace),
    ClaimInLedger,
    /// The same item and reference was already paid, to this claim.
    RefPaid {
        by: Box<str>,
    },
    /// Every reference of a per-unit claim was already paid: each with the
    /// claim that paid it.
    RefsPaid {
        refs: Vec<(Box<str>, Box<str>)>,
    },
    /// The same item and reference was already paid to this applicant.
    ApplicantRefPaid {
        by: Box<str>,
    },
    /// The item is paid once per applicant and was paid already.
    ApplicantPaid {
        by: Box<str>,
    },
    /// The item is paid once per applicant per year and was paid this year.
    ItemYearPaid {
        by: Box<str>,
    },
    /// The clause gives one award per applicant per year and gave it.
    ClauseYearPaid {
        clause: ClauseIdx,
        by: Box<str>,
    },
    /// 就高不重复: the award group already paid `paid` (at least this
    /// claim's figure) for the same reference, first to claim `by`.
    HigherAwardPaid {
        group: u16,
        paid: Decimal,
        by: Box<str>,
    },
    /// The item is paid only after the same applicant was paid `item`
    /// (再次认定 after the first recognition), and no such payment is
    /// recorded.
    EarlierAwardMissing {
        item: ItemIdx,
    },
    /// A unit is one candidate a year under a quota: an earlier claim of
    /// the year is its candidacy, whatever became of it.
    Candidacy {
        by: Box<str>,
    },
}

/// Why the ranking of a quota could not place a candidate without a guess
/// (SPEC §5.6): the year's candidates do not fit in the places left, and
/// either some have no score or scores tie across the boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Undecided {
    /// `missing` of the year's `candidates` have no score.
    MissingScores {
        item: ItemIdx,
        per_year: u32,
        places_left: u32,
        candidates: u32,
        missing: u32,
    },
    /// `tied` candidates share `score` across the boundary; they contest
    /// the places from `first_place` to `places_left`.
    Tie {
        item: ItemIdx,
        per_year: u32,
        places_left: u32,
        score: Decimal,
        tied: u32,
        first_place: u32,
    },
}

/// A fact or the amount outside its range: the bound it breaks (or, with
/// no value given, the first bound of the range).
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfRange {
    pub on: Measured,
    pub side: Side,
    pub bound: Bound,
    pub actual: Option<Decimal>,
}

/// A ranked claim without a place under a quota that pays the rest
/// nothing (每年不超过N个).
#[derive(Debug, Clone, PartialEq)]
pub struct NoPlace {
    pub item: ItemIdx,
    pub per_year: u32,
    pub rank: u32,
    pub taken_before: u32,
}

/// One cap applied to a claim: what room it had and what it left.
#[derive(Debug, Clone, PartialEq)]
pub struct CapStep {
    pub cap: Cap,
    /// The cap's limit: units for a quantity cap, yuan otherwise.
    pub limit: Decimal,
    /// Used before this claim by earlier claims and ledger rows (units or yuan).
    pub used: Decimal,
    /// Payable before and after this cap.
    pub before: Decimal,
    pub after: Decimal,
    /// The earlier payments that used the room (only when tracing).
    pub users: Vec<(Box<str>, Decimal)>,
}

impl CapStep {
    pub fn left(&self) -> Decimal {
        (self.limit - self.used).max(Decimal::ZERO)
    }
    pub fn cuts(&self) -> bool {
        self.after < self.before
    }

    /// A step the reason names: one that cut.
    pub fn is_noted(&self) -> bool {
        self.cuts()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cap {
    /// At most `limit` units per applicant per year (units allowed = left).
    Quantity { item: ItemIdx, unit_amount: Decimal },
    /// City-wide places per year; this claim ranked `rank` (1-based).
    Quota {
        item: ItemIdx,
        overflow: ItemIdx,
        rank: u32,
        taken_before: u32,
    },
    /// Some references of a per-unit claim were paid before: their units
    /// are cut (each reference with the claim that paid it).
    RefsPaid {
        item: ItemIdx,
        paid: Vec<(Box<str>, Box<str>)>,
    },
    /// 按最高奖项奖励，不重复奖励: the same reference was paid `used` under
    /// the items of the group; this claim (its figure the `limit`) is paid
    /// the difference.
    HigherAward { group: u16 },
    /// At most `limit` units per reference of the item, across claims.
    PerRef { item: ItemIdx },
    /// At most `limit` units per reference over the items of a
    /// `ref_limit`, across claims, applicants and years.
    RefLimit { group: u16 },
    /// 单项最高, 每笔/每项最高: the most one claim is paid (an approved
    /// item's per-project maximum, or any item's `max_per_claim`).
    ProjectMax { item: ItemIdx, of: MaxOf },
    /// An item's cap per applicant per year.
    ItemAnnual { item: ItemIdx },
    /// An item's cap per applicant over the life of the measures.
    ItemLifetime { item: ItemIdx },
    /// A clause's cap per applicant per year, over all its items.
    ClauseAnnual { clause: ClauseIdx },
    /// The whole measure's cap per applicant per year (同一申请人年度资助总额),
    /// applied after the clause caps; `of_type` when the figure is the
    /// applicant type's own (`by_type`) rather than the one for every type.
    MeasureAnnual {
        of_type: Option<crate::policy::TypeIdx>,
    },
}

/// Whose maximum per claim bound a claim: the approved item's per-project
/// maximum (单项最高), the item's per-claim maximum (每笔/每项最高), or the
/// band's own (numbered from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaxOf {
    Project,
    Claim,
    Band(usize),
}

/// The full derivation of one claim, recorded when asked for (explain).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    /// Every check in the order made: its name and whether it passed.
    pub checks: Vec<(Check, bool)>,
    /// Every cap that covers the claim, binding or not.
    pub steps: Vec<CapStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Validity,
    OtherCitySupport,
    ApplicantType,
    Tags,
    Fact(u8),
    /// A fact or the amount inside its range.
    Range(Measured),
    MinQuantity,
    /// The claim dated within the window after a date fact.
    FactWindow(u8),
    /// A yes/no or choice fact holding an allowed value.
    FactOneOf(u8),
    LedgerClaimId,
    Unique,
    ClauseOneAward,
    /// The earlier award an item requires is recorded.
    EarlierAward,
}
