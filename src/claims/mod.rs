//! Claims: the rows of a batch as read from the claims CSV, each either a
//! valid claim for the engine or an invalid row kept with its problems.

pub mod checkchar;
mod fields;
pub mod limits;
mod problem;
mod read;
mod refs;
mod strings;

use strings::Strings;

pub use crate::policy::MAX_FACTS;
pub use checkchar::{CheckFault, CheckWarning, IdKind};

use rust_decimal::Decimal;

use crate::date::Date;
use crate::policy::{ItemIdx, TagSet, TypeIdx};

pub use fields::{
    check_cells, parse_claim, parse_quantity, parse_yes_no, Cells, RawClaim, Refusal,
};
pub use problem::{Problem, ProblemKind};
pub use read::{
    columns, read_claims, read_claims_as, ClaimsError, Column, HeaderChoice, TotalSum, Totals,
};
pub use refs::{is_mangled_id, split_refs, RefCell};

pub type ApplicantId = u32;
pub type RefId = u32;

/// A claim that passed reading: every value parsed and resolved against the
/// policy. What the engine computes from.
#[derive(Debug, Clone)]
pub struct Claim {
    pub claim_id: Box<str>,
    pub applicant: ApplicantId,
    pub applicant_type: TypeIdx,
    pub item: ItemIdx,
    pub date: Date,
    pub quantity: u32,
    pub amount: Option<Decimal>,
    pub refs: Refs,
    pub tags: TagSet,
    /// Tags the claim named that the policy does not know (rarely any).
    pub unknown_tags: Option<Box<[Box<str>]>>,
    pub other_city_support: bool,
    pub score: Option<Decimal>,
    /// Indexed by the policy's facts; `None` when the cell is empty.
    pub facts: Vec<Option<Decimal>>,
    /// The applicant id's check character is wrong: noted, not refused.
    pub id_check: Option<CheckFault>,
    /// The item as written, when it was matched by a part of its name
    /// (`调解组织绩效评价优秀`): noted in the reason.
    pub item_part: Option<Box<str>>,
    /// The date was written as a spreadsheet's serial number (`45358`):
    /// noted in the reason.
    pub date_serial: bool,
}

/// The references of a claim: none, one, or one per unit of a per-unit item
/// paid once per reference (each with its text, for reasons that name it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Refs {
    #[default]
    None,
    One(RefId),
    PerUnit(Box<[(RefId, Box<str>)]>),
}

impl Refs {
    /// The references as keys, in the order written.
    pub fn ids(&self) -> impl Iterator<Item = RefId> + '_ {
        let (one, many): (Option<RefId>, &[(RefId, Box<str>)]) = match self {
            Refs::None => (None, &[]),
            Refs::One(r) => (Some(*r), &[]),
            Refs::PerUnit(list) => (None, list),
        };
        one.into_iter().chain(many.iter().map(|(r, _)| *r))
    }

    pub fn first(&self) -> Option<RefId> {
        self.ids().next()
    }
}

/// One input row, in file order. Its text cells live in the batch's
/// arena (`Batch::text`): three strings a row, a million rows, one buffer.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    /// Numbers in `Batch::shared`: an applicant's id and name are stored once.
    pub applicant_id: u32,
    pub applicant_name: u32,
    pub reference: Span,
    pub entry: Entry,
}

/// A value whose key (`text::key`) differs from it by more than case,
/// width and spaces: worth a warning, since the clerk cannot see why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurprisingKey {
    pub line: u64,
    pub column: Column,
    pub written: String,
    pub key: String,
}

/// A piece of `Batch::text`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    start: u32,
    len: u32,
}

#[derive(Debug, Clone)]
pub enum Entry {
    /// Index into `Batch::claims`.
    Valid(u32),
    Invalid(Box<InvalidRow>),
}

/// A row that could not be read as a claim, with the cells as written so
/// the output shows the clerk exactly what was there.
#[derive(Debug, Clone)]
pub struct InvalidRow {
    pub claim_id: String,
    pub applicant_type: String,
    pub item: Option<ItemIdx>,
    pub item_written: String,
    pub date: String,
    pub quantity: String,
    pub amount: String,
    pub problems: Vec<Problem>,
}

/// A claims file, read.
#[derive(Debug, Default)]
pub struct Batch {
    pub source: String,
    pub rows: Vec<Row>,
    pub claims: Vec<Claim>,
    /// Header names that are no column of the contract or the policy.
    pub unknown_columns: Vec<String>,
    /// Those of them the office said to carry unread (`--ignore-column`):
    /// nothing to note.
    pub ignored_columns: Vec<String>,
    /// The line of the header row, and the rows above it (a title, who
    /// filed and when): their lines and text, not read.
    pub header_line: u64,
    pub above_header: Vec<(u64, String)>,
    /// The sheet's totals rows (合计), not read as claims.
    pub totals: Vec<Totals>,
    /// The first value of each kind of key that its key changes more than
    /// case, width and spaces would (invisible characters, say).
    pub surprising_keys: Vec<SurprisingKey>,
    /// The cells of those columns, row after row (`unknown_columns.len()`
    /// a row), carried into the payout as the clerk wrote them.
    clerk_cells: Vec<Span>,
    text: String,
    shared: Strings,
}

impl Batch {
    /// Keeps a cell's text in the batch's arena.
    pub fn keep(&mut self, cell: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(cell);
        Span {
            start,
            len: cell.len() as u32,
        }
    }

    pub fn text(&self, span: Span) -> &str {
        let start = span.start as usize;
        &self.text[start..start + span.len as usize]
    }

    /// Keeps a cell that many rows repeat (an applicant's id or name) once.
    pub fn keep_shared(&mut self, cell: &str) -> u32 {
        self.shared.intern(cell)
    }

    /// The cells of the clerk's own columns in the row at `index`.
    pub fn clerk_cells(&self, index: usize) -> impl Iterator<Item = &str> + '_ {
        let n = self.unknown_columns.len();
        let spans = self
            .clerk_cells
            .get(index * n..(index + 1) * n)
            .unwrap_or(&[]);
        spans.iter().map(|span| self.text(*span))
    }

    /// A string kept by `keep_shared`, by its number.
    pub fn shared_text(&self, number: u32) -> &str {
        self.shared.get(number)
    }

    pub fn applicant_id(&self, row: &Row) -> &str {
        self.shared.get(row.applicant_id)
    }

    pub fn applicant_name(&self, row: &Row) -> &str {
        self.shared.get(row.applicant_name)
    }

    pub fn reference(&self, row: &Row) -> &str {
        self.text(row.reference)
    }

    pub fn claim_id_of<'a>(&'a self, row: &'a Row) -> &'a str {
        match &row.entry {
            Entry::Valid(i) => &self.claims[*i as usize].claim_id,
            Entry::Invalid(bad) => &bad.claim_id,
        }
    }
}

/// Applicants and references are compared by key, not by spelling; the
/// same interning serves the claims file and every ledger.
#[derive(Debug, Default)]
pub struct Keys {
    applicants: Strings,
    references: Strings,
}

impl Keys {
    /// Applicant ids compare by `text::applicant_key`.
    pub fn applicant(&mut self, written: &str) -> ApplicantId {
        self.applicants.intern(&crate::text::applicant_key(written))
    }

    pub fn reference(&mut self, written: &str) -> RefId {
        match reference_key(written) {
            Some(key) => self.references.intern(&key),
            None => self.references.intern(written),
        }
    }

    /// A reference whose key form (`reference_key`) is already known.
    pub fn reference_keyed(&mut self, written: &str, key: Option<&str>) -> RefId {
        self.references.intern(key.unwrap_or(written))
    }
}

/// The key under which a reference is compared (see `text::reference_key`),
/// or `None` when the reference is already in that form.
pub fn reference_key(written: &str) -> Option<String> {
    match crate::text::key(written, crate::text::KeyForm::Reference) {
        std::borrow::Cow::Borrowed(key) if key == written => None,
        key => Some(key.into_owned()),
    }
}
