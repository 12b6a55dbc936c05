//! The claims CSV: UTF-8 (with or without BOM), one header row, columns in
//! any order and any case. A bad row is kept, never dropped.

use std::hash::{Hash, Hasher};
use std::io::Read;
use std::sync::mpsc;

use rustc_hash::{FxHashMap, FxHasher};

use super::fields::Applicant;
use super::{
    check_cells, Batch, Cells, Entry, InvalidRow, Keys, Problem, ProblemKind, RawClaim, Refusal,
    Row, MAX_FACTS,
};
use crate::decode::{Charset, Undecodable};
use crate::headers::{header_key, is_named};
use crate::policy::Policy;
use crate::text::KeyForm;
use crate::words::Lang;

/// A column of the claims CSV that the contract names. The policy's facts
/// are columns too, named by the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    ClaimId,
    ApplicantId,
    ApplicantName,
    ApplicantType,
    Item,
    Date,
    Quantity,
    Amount,
    Ref,
    Tags,
    OtherCitySupport,
    Score,
}

impl Column {
    pub const COUNT: usize = 12;

    /// Every column, in the contract's order (the order of the variants).
    pub const ALL: [Column; Column::COUNT] = [
        Column::ClaimId,
        Column::ApplicantId,
        Column::ApplicantName,
        Column::ApplicantType,
        Column::Item,
        Column::Date,
        Column::Quantity,
        Column::Amount,
        Column::Ref,
        Column::Tags,
        Column::OtherCitySupport,
        Column::Score,
    ];

    /// The name the contract gives the column, as the header row writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Column::ClaimId => "claim_id",
            Column::ApplicantId => "applicant_id",
            Column::ApplicantName => "applicant_name",
            Column::ApplicantType => "applicant_type",
            Column::Item => "item",
            Column::Date => "date",
            Column::Quantity => "quantity",
            Column::Amount => "amount",
            Column::Ref => "ref",
            Column::Tags => "tags",
            Column::OtherCitySupport => "other_city_support",
            Column::Score => "score",
        }
    }

    /// The headers a Chinese spreadsheet gives the column.
    pub const fn chinese_names(self) -> &'static [&'static str] {
        match self {
            Column::ClaimId => &["申请编号", "申报编号"],
            Column::ApplicantId => &["统一社会信用代码", "证件号码", "身份证号码"],
            Column::ApplicantName => &["申请人", "申请人名称", "单位名称"],
            Column::ApplicantType => &["申请人类型", "主体类型"],
            Column::Item => &["资助项目", "申报项目"],
            Column::Date => &["日期", "申报日期"],
            Column::Quantity => &["数量"],
            Column::Amount => &["金额"],
            Column::Ref => &["证书编号", "专利号", "案号", "登记号"],
            Column::Tags => &["资质", "资质标签"],
            Column::OtherCitySupport => &["已获市级其它扶持"],
            Column::Score => &["评分"],
        }
    }

    /// Whether a claims file must have the column.
    pub const fn is_required(self) -> bool {
        match self {
            Column::ClaimId
            | Column::ApplicantId
            | Column::ApplicantName
            | Column::ApplicantType
            | Column::Item
            | Column::Date => true,
            Column::Quantity
            | Column::Amount
            | Column::Ref
            | Column::Tags
            | Column::OtherCitySupport
            | Column::Score => false,
        }
    }

    /// The columns a claims file must have, in the contract's order.
    pub fn required() -> impl Iterator<Item = Column> {
        Column::ALL.into_iter().filter(|c| c.is_required())
    }

    /// The column of a header written as the contract names it (trimmed and
    /// in lower case).
    pub fn from_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The column of a header as a clerk writes it: the contract's name or
    /// a Chinese one, in any case, width or spacing.
    pub fn from_header(header: &str) -> Option<Column> {
        let key = header_key(header);
        Column::ALL
            .into_iter()
            .find(|c| c.name() == key || is_named(&key, c.chinese_names()))
    }

    /// Every name the column is known by, the contract's first.
    pub fn names(self) -> Vec<&'static str> {
        let mut names = vec![self.name()];
        names.extend_from_slice(self.chinese_names());
        names
    }

    /// The column's place in `ALL`.
    const fn index(self) -> usize {
        self as usize
    }
}

/// The columns of the claims CSV the contract names, in its order (the
/// policy's facts follow).
pub fn columns() -> [&'static str; Column::COUNT] {
    Column::ALL.map(Column::name)
}

/// A claims file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimsError {
    /// Bytes that are not text in the encoding the file was read in.
    Undecodable {
        file: String,
        line: u64,
        charset: Charset,
    },
    NoHeader {
        file: String,
    },
    MissingColumns {
        file: String,
        missing: Vec<Column>,
        /// The headers the file has, as written.
        found: Vec<String>,
        /// A header of the file that looks like a missing column.
        suggestions: Vec<(String, Column)>,
    },
    RepeatedColumn {
        file: String,
        column: String,
    },
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    /// The thread that splits the file into records stopped (a bug).
    ReaderStopped {
        file: String,
    },
    /// A zip file (an `.xlsx`) whose name says it is CSV text.
    Zipped {
        file: String,
    },
    /// A spreadsheet that cannot be opened (the reader's message).
    Workbook {
        file: String,
        message: String,
    },
    /// No sheet of this name (empty: the workbook has no sheet at all).
    NoSuchSheet {
        file: String,
        sheet: String,
        sheets: Vec<String>,
    },
    /// A cell that shows an error (`#N/A`), named as `申报!B17`.
    BadCell {
        file: String,
        cell: String,
        error: String,
    },
}

impl ClaimsError {
    pub fn render(&self, lang: Lang) -> String {
        lang.words().claims_error(self)
    }
}

impl std::fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ClaimsError {}

/// Records travel from the CSV parser's thread to the claims parser in
/// chunks this long; emptied chunks go back to be refilled.
const CHUNK: usize = 4096;

/// Reads a whole claims file. `file` names it in messages (`-` for stdin).
/// The CSV is split into records on a second thread while this one turns
/// records into claims: on a two-core machine the two halves of the work
/// overlap.
pub fn read_claims<R: Read + Send>(
    file: &str,
    input: R,
    policy: &Policy,
    keys: &mut Keys,
) -> Result<Batch, ClaimsError> {
    let (mut reader, cols, unknown) = open(file, input, policy)?;
    // The clerk's own columns are carried into the payout as they are.
    let (unknown_at, unknown_columns): (Vec<usize>, Vec<String>) = unknown.into_iter().unzip();
    let mut batch = Batch {
        source: file.to_string(),
        unknown_columns,
        ..Batch::default()
    };
    let mut seen = Seen::default();
    let mut failure = None;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = mpsc::sync_channel::<(Chunk, usize)>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Chunk>();
        let splitter = scope.spawn(move || -> Result<(), csv::Error> {
            let mut breaks = cols.header_breaks;
            loop {
                let mut chunk = empty_rx.try_recv().unwrap_or_default();
                chunk.resize_with(CHUNK, || (csv::StringRecord::new(), None, 0, 0));
                let mut filled = 0;
                while filled < CHUNK && reader.read_record(&mut chunk[filled].0)? {
                    if is_blank_line(&chunk[filled].0) {
                        continue;
                    }
                    let (record, checked, id_hash, surprising) = &mut chunk[filled];
                    breaks = at_spreadsheet_row(record, breaks);
                    let raw = cols.raw(record);
                    *id_hash = hash_of(&claim_key(raw.claim_id));
                    *surprising = surprising_keys(&raw);
                    *checked = if is_empty(record) {
                        None
                    } else {
                        Some(check_cells(&raw, policy))
                    };
                    filled += 1;
                }
                let done = filled < CHUNK;
                if full_tx.send((chunk, filled)).is_err() || done {
                    return Ok(());
                }
            }
        });
        for (mut chunk, filled) in full_rx {
            for (record, checked, id_hash, surprising) in &mut chunk[..filled] {
                let checked = checked.take();
                add_row(
                    &mut batch,
                    &mut seen,
                    record,
                    checked,
                    (*id_hash, *surprising),
                    &cols,
                    keys,
                );
                for &at in &unknown_at {
                    let span = batch.keep(crate::text::trim(record.get(at).unwrap_or("")));
                    batch.clerk_cells.push(span);
                }
            }
            let _ = empty_tx.send(chunk);
        }
        failure = match splitter.join() {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(csv_error(file, e)),
            Err(_) => Some(ClaimsError::ReaderStopped {
                file: file.to_string(),
            }),
        };
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(batch),
    }
}

/// The CSV reader past the header row, and where the header put each
/// column.
fn open<R: Read>(
    file: &str,
    input: R,
    policy: &Policy,
) -> Result<(csv::Reader<impl Read>, Cols, ClerkColumns), ClaimsError> {
    let input = crate::text::without_bom(input).map_err(|e| io_error(file, 1, &e))?;
    let (delimiter, input) =
        crate::decode::with_delimiter(input).map_err(|e| io_error(file, 1, &e))?;
    let input = crate::text::LoneCrAsLf::new(input);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .has_headers(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = reader.headers().map_err(|e| csv_error(file, e))?;
    if header.is_empty() || header.iter().all(|h| h.trim().is_empty()) {
        return Err(ClaimsError::NoHeader {
            file: file.to_string(),
        });
    }
    let cols = Cols::locate(file, header, policy)?;
    let unknown = unknown_columns(header, &cols);
    Ok((reader, cols, unknown))
}

fn csv_error(file: &str, e: csv::Error) -> ClaimsError {
    let line = e.position().map(|p| p.line()).unwrap_or(1);
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => ClaimsError::Undecodable {
            file: file.to_string(),
            line,
            charset: Charset::Utf8,
        },
        csv::ErrorKind::Io(io) => io_error(file, line, io),
        _ => ClaimsError::Csv {
            file: file.to_string(),
            line,
            message: e.to_string(),
        },
    }
}

/// An error of the file: bytes that do not decode say their own line.
fn io_error(file: &str, line: u64, error: &std::io::Error) -> ClaimsError {
    match Undecodable::of(error) {
        Some(bad) => ClaimsError::Undecodable {
            file: file.to_string(),
            line: bad.line,
            charset: bad.charset,
        },
        None => ClaimsError::Csv {
            file: file.to_string(),
            line,
            message: error.to_string(),
        },
    }
}

/// Records with what their own cells said (`None`: an empty row), the
/// hash of their claim_id and which of their keys are surprising
/// (`surprising_keys`).
type Chunk = Vec<(csv::StringRecord, Option<Result<Cells, Refusal>>, u64, u8)>;

/// The cells whose keys `Seen::surprising_keys` notes, one bit each.
const KEYED: [(Column, KeyForm); 4] = [
    (Column::ClaimId, KeyForm::ClaimId),
    (Column::ApplicantId, KeyForm::Applicant),
    (Column::Ref, KeyForm::Reference),
    (Column::ApplicantName, KeyForm::Name),
];

/// Which of a row's keyed cells (`KEYED`) its key changes more than a
/// clerk would expect (`text::key_is_surprising`): worked out beside the
/// other cells, on the thread that splits the file.
fn surprising_keys(raw: &RawClaim) -> u8 {
    let cells = [
        raw.claim_id,
        raw.applicant_id,
        raw.reference,
        raw.applicant_name,
    ];
    let mut bits = 0;
    for (i, ((_, form), written)) in KEYED.iter().zip(cells).enumerate() {
        // A control character makes the row invalid, which says so.
        if crate::text::key_is_surprising(written, *form)
            && crate::text::forbidden_control(written).is_none()
        {
            bits |= 1 << i;
        }
    }
    bits
}

/// The form a claim_id is compared in (`text::key`).
fn claim_key(written: &str) -> std::borrow::Cow<'_, str> {
    crate::text::key(written, crate::text::KeyForm::ClaimId)
}

fn hash_of(claim_id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    claim_id.hash(&mut hasher);
    hasher.finish()
}

/// Where each known column is in the file.
#[derive(Clone, Copy)]
struct Cols {
    /// Indexed by `Column::index`.
    fixed: [Option<usize>; Column::COUNT],
    /// Indexed by the policy's facts.
    facts: [Option<usize>; MAX_FACTS],
    header: usize,
    /// Line breaks inside the header's cells.
    header_breaks: u64,
}

impl Cols {
    /// Finds the columns in the header row; refuses a file without a
    /// required column or with a column twice.
    fn locate(
        file: &str,
        header: &csv::StringRecord,
        policy: &Policy,
    ) -> Result<Cols, ClaimsError> {
        let mut fixed = [None; Column::COUNT];
        let mut facts = vec![None; policy.facts.len()];
        let mut unmatched = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let key = header_key(name);
            let slot = match Column::from_header(&key) {
                Some(column) => Some(&mut fixed[column.index()]),
                None => policy
                    .facts
                    .iter()
                    .position(|f| header_key(&f.id) == key || header_key(&f.name.zh) == key)
                    .map(|f| &mut facts[f]),
            };
            let Some(slot) = slot else {
                unmatched.push(crate::text::trim(name).to_string());
                continue;
            };
            if slot.replace(i).is_some() {
                return Err(ClaimsError::RepeatedColumn {
                    file: file.to_string(),
                    column: crate::text::trim(name).to_string(),
                });
            }
        }
        let missing: Vec<Column> = Column::required()
            .filter(|c| fixed[c.index()].is_none())
            .collect();
        if !missing.is_empty() {
            let wanted: Vec<(Column, Vec<&str>)> =
                missing.iter().map(|&c| (c, c.names())).collect();
            return Err(ClaimsError::MissingColumns {
                file: file.to_string(),
                missing,
                found: header
                    .iter()
                    .map(|h| crate::text::trim(h).to_string())
                    .collect(),
                suggestions: crate::headers::nearest(&wanted, &unmatched),
            });
        }
        Ok(Cols {
            fixed,
            facts: std::array::from_fn(|i| facts.get(i).copied().flatten()),
            header: header.len(),
            header_breaks: breaks_in(header),
        })
    }

    /// The trimmed cell of a column in a record (empty when the file has no
    /// such column).
    #[inline]
    fn cell<'r>(&self, record: &'r csv::StringRecord, column: Column) -> &'r str {
        cell_at(record, self.fixed[column.index()])
    }

    fn raw<'r>(&self, record: &'r csv::StringRecord) -> RawClaim<'r> {
        let cell = |column| self.cell(record, column);
        RawClaim {
            claim_id: cell(Column::ClaimId),
            applicant_id: cell(Column::ApplicantId),
            applicant_name: cell(Column::ApplicantName),
            applicant_type: cell(Column::ApplicantType),
            item: cell(Column::Item),
            date: cell(Column::Date),
            quantity: cell(Column::Quantity),
            amount: cell(Column::Amount),
            reference: cell(Column::Ref),
            tags: cell(Column::Tags),
            other_city_support: cell(Column::OtherCitySupport),
            score: cell(Column::Score),
            facts: self.facts.map(|at| cell_at(record, at)),
        }
    }
}

#[inline]
fn cell_at(record: &csv::StringRecord, at: Option<usize>) -> &str {
    crate::text::trim(at.and_then(|i| record.get(i)).unwrap_or(""))
}

/// Line breaks inside a record's cells (a name typed over two lines).
fn breaks_in(record: &csv::StringRecord) -> u64 {
    let text = record.as_slice();
    match text.contains('\n') {
        true => text.bytes().filter(|&b| b == b'\n').count() as u64,
        false => 0,
    }
}

/// Gives a record the row a spreadsheet shows it on: its first line, less
/// the line breaks inside the cells of the records before it (`breaks`).
/// Returns the breaks up to and including this record.
fn at_spreadsheet_row(record: &mut csv::StringRecord, breaks: u64) -> u64 {
    if let Some(mut position) = record.position().cloned() {
        position.set_line(position.line().saturating_sub(breaks).max(1));
        record.set_position(Some(position));
    }
    breaks + breaks_in(record)
}

/// Records end at a line feed, so that a record after a CR LF (as Excel
/// writes) starts on its own line and says so; the CR is trimmed off the
/// last cell, and a line with nothing but a CR is a blank line, skipped.
fn is_blank_line(record: &csv::StringRecord) -> bool {
    record.len() == 1 && record.as_slice() == "\r"
}

fn is_empty(record: &csv::StringRecord) -> bool {
    // A letter or digit anywhere is a cell that trimming cannot empty.
    !record.as_slice().bytes().any(|b| b.is_ascii_graphic())
        && record.iter().all(|c| crate::text::trim(c).is_empty())
}

/// One record of the file into the batch: a claim, or an invalid row.
fn add_row(
    batch: &mut Batch,
    seen: &mut Seen,
    record: &csv::StringRecord,
    checked: Option<Result<Cells, Refusal>>,
    (id_hash, surprising): (u64, u8),
    cols: &Cols,
    keys: &mut Keys,
) {
    let line = record.position().map(|p| p.line()).unwrap_or(0);
    let raw = cols.raw(record);
    let mut problems = Vec::new();
    match &checked {
        None => problems.push(Problem::of_row(ProblemKind::EmptyRow)),
        Some(_) => {
            let extra = record
                .iter()
                .skip(cols.header)
                .filter(|c| !crate::text::trim(c).is_empty())
                .count();
            if extra > 0 {
                problems.push(Problem::of_row(ProblemKind::ExtraCells { count: extra }));
            }
            // The contract's columns are checked with the other cells; a
            // clerk's own column or a cell past the header is checked here.
            let suspect = crate::text::forbidden_control(record.as_slice()).is_some();
            if suspect && matches!(checked, Some(Ok(_))) {
                let control = record
                    .iter()
                    .find_map(|c| crate::text::forbidden_control(c).map(|code| (c, code)));
                if let Some((cell, code)) = control {
                    problems.push(Problem::of_row(ProblemKind::ControlCharacter {
                        written: crate::text::shown(cell).into_owned(),
                        code: code as u32,
                    }));
                }
            }
            let id_key = claim_key(raw.claim_id);
            if !id_key.is_empty() {
                if let Some(first_line) = seen.check(batch, &id_key, id_hash, line) {
                    problems.push(Problem::at(
                        Column::ClaimId,
                        ProblemKind::DuplicateClaimId { first_line },
                    ));
                }
            }
        }
    }
    if surprising != 0 {
        seen.surprising_keys(batch, &raw, surprising, line);
    }
    let applicant_id = batch.keep_shared(raw.applicant_id);
    let entry = match checked {
        Some(Ok(cells)) if problems.is_empty() => {
            let applicant = seen.applicant(applicant_id, raw.applicant_id, keys);
            batch
                .claims
                .push(cells.into_claim_of(applicant, &raw, keys));
            Entry::Valid((batch.claims.len() - 1) as u32)
        }
        Some(Ok(cells)) => invalid(&raw, Some(cells.item()), problems),
        Some(Err((mut more, item))) => {
            problems.append(&mut more);
            invalid(&raw, item, problems)
        }
        None => invalid(&raw, None, problems),
    };
    let applicant_name = seen.name(batch, applicant_id, raw.applicant_name);
    let reference = batch.keep(raw.reference);
    batch.rows.push(Row {
        line,
        applicant_id,
        applicant_name,
        reference,
        entry,
    });
}

/// What the reader has seen so far. The first row of each claim_id, without
/// copying every id: rows are keyed by a hash of the id, and the id itself
/// is compared only when two rows share a hash. And, by the number the
/// batch keeps an applicant id under, its key and check and the name last
/// written with it: most rows repeat an applicant already seen.
#[derive(Default)]
struct Seen {
    by_hash: FxHashMap<u64, u32>,
    /// Ids whose hash another id already had (practically never).
    collided: FxHashMap<String, u64>,
    applicants: Vec<Option<Applicant>>,
    names: Vec<Option<u32>>,
    /// The kinds of key a value has already been warned about for.
    keys_warned: Vec<KeyForm>,
}

impl Seen {
    /// The key and check of the applicant id kept under `number`.
    fn applicant(&mut self, number: u32, id: &str, keys: &mut Keys) -> Applicant {
        let at = number as usize;
        if self.applicants.len() <= at {
            self.applicants.resize(at + 1, None);
        }
        *self.applicants[at].get_or_insert_with(|| Applicant {
            key: keys.applicant(id),
            id_check: super::checkchar::fault(id),
        })
    }

    /// The number of `name`, written beside the applicant id kept under
    /// `number`: the name that id came with last time, unless it differs.
    fn name(&mut self, batch: &mut Batch, number: u32, name: &str) -> u32 {
        let at = number as usize;
        if self.names.len() <= at {
            self.names.resize(at + 1, None);
        }
        match self.names[at] {
            Some(known) if batch.shared_text(known) == name => known,
            _ => {
                let known = batch.keep_shared(name);
                self.names[at] = Some(known);
                known
            }
        }
    }

    /// Notes the first value of each kind whose key is not what a clerk
    /// would expect (`text::key_is_surprising`): invisible characters,
    /// compatibility forms, dashes inside an id.
    fn surprising_keys(&mut self, batch: &mut Batch, raw: &RawClaim, bits: u8, line: u64) {
        let cells = [
            raw.claim_id,
            raw.applicant_id,
            raw.reference,
            raw.applicant_name,
        ];
        for (i, ((column, form), written)) in KEYED.iter().zip(cells).enumerate() {
            if bits & (1 << i) == 0 || self.keys_warned.contains(form) {
                continue;
            }
            self.keys_warned.push(*form);
            batch.surprising_keys.push(super::SurprisingKey {
                line,
                column: *column,
                written: written.to_string(),
                key: crate::text::key(written, *form).into_owned(),
            });
        }
    }

    /// The line of an earlier row with this id (in key form), or `None` for
    /// the first.
    fn check(&mut self, batch: &Batch, id: &str, hash: u64, line: u64) -> Option<u64> {
        match self.by_hash.get(&hash) {
            None => {
                self.by_hash.insert(hash, batch.rows.len() as u32);
                None
            }
            Some(&row) if claim_key(batch.claim_id_of(&batch.rows[row as usize])) == id => {
                Some(batch.rows[row as usize].line)
            }
            Some(_) => match self.collided.get(id) {
                Some(first_line) => Some(*first_line),
                None => {
                    self.collided.insert(id.to_string(), line);
                    None
                }
            },
        }
    }
}

fn invalid(raw: &RawClaim, item: Option<crate::policy::ItemIdx>, problems: Vec<Problem>) -> Entry {
    Entry::Invalid(Box::new(InvalidRow {
        claim_id: raw.claim_id.to_string(),
        applicant_type: raw.applicant_type.to_string(),
        item,
        item_written: raw.item.to_string(),
        date: raw.date.to_string(),
        quantity: raw.quantity.to_string(),
        amount: raw.amount.to_string(),
        problems,
    }))
}

/// The clerk's own columns: where each is in the header, and its name.
type ClerkColumns = Vec<(usize, String)>;

/// The header's names that no column of the contract or the policy reads.
fn unknown_columns(header: &csv::StringRecord, cols: &Cols) -> ClerkColumns {
    let known = |i: usize| {
        let i = Some(i);
        cols.fixed.contains(&i) || cols.facts.contains(&i)
    };
    (header.iter().enumerate())
        .filter(|(i, name)| !known(*i) && !name.trim().is_empty())
        .map(|(i, name)| (i, name.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_listed_in_the_order_of_their_variants() {
        for (i, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(column.index(), i);
            assert_eq!(Column::from_name(column.name()), Some(column));
            assert!(!column.chinese_names().is_empty());
        }
        let required: Vec<&str> = Column::required().map(Column::name).collect();
        assert_eq!(
            required,
            [
                "claim_id",
                "applicant_id",
                "applicant_name",
                "applicant_type",
                "item",
                "date"
            ]
        );
        assert_eq!(columns()[8], "ref");
    }

    #[test]
    fn chinese_and_full_width_headers_are_accepted() {
        for column in Column::ALL {
            for name in column.names() {
                assert_eq!(Column::from_header(name), Some(column));
                assert_eq!(
                    Column::from_header(&format!(" {} ", name.to_uppercase())),
                    Some(column)
                );
            }
        }
        assert_eq!(
            Column::from_header("ＣＬＡＩＭ＿ＩＤ"),
            Some(Column::ClaimId)
        );
        assert_eq!(Column::from_header("备注"), None);
    }
}
