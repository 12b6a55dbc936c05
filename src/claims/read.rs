//! The claims CSV: UTF-8 (with or without BOM), one header row, columns in
//! any order and any case. A bad row is kept, never dropped.

use std::hash::{Hash, Hasher};
use std::io::Read;
use std::sync::mpsc;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHasher};

use super::fields::Applicant;
use super::{
    check_cells, Batch, Cells, Entry, InvalidRow, Keys, Problem, ProblemKind, RawClaim, Refusal,
    Row, MAX_FACTS,
};
use crate::decode::{Charset, Undecodable};
use crate::policy::Policy;
use crate::text::KeyForm;

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

    /// The headers a Chinese spreadsheet gives the column: the template's
    /// first, then those of the payout and the page, then those offices
    /// use. A header is compared by `headers::readings`, so `金额（元）`,
    /// `专利号/证书号` and `*申请编号` need no name of their own.
    pub const fn chinese_names(self) -> &'static [&'static str] {
        match self {
            Column::ClaimId => &["申请编号", "申报编号", "受理编号", "申报号", "受理号"],
            Column::ApplicantId => &[
                "统一社会信用代码",
                "证件号码",
                "身份证号码",
                "申请人代码",
                "社会信用代码",
                "信用代码",
                "组织机构代码",
                "身份证号",
                "证件号",
            ],
            Column::ApplicantName => &[
                "申请人",
                "申请人名称",
                "单位名称",
                "申请单位",
                "申报单位",
                "企业名称",
                "申请人姓名",
            ],
            Column::ApplicantType => &["申请人类型", "主体类型", "申请人类别", "单位类型"],
            Column::Item => &["资助项目", "申报项目", "资助类别", "资助事项", "扶持项目"],
            Column::Date => &["日期", "申报日期", "受理日期"],
            Column::Quantity => &["数量", "件数", "申报数量"],
            Column::Amount => &["金额", "申报金额", "合同金额", "交易金额", "交易额"],
            Column::Ref => &[
                "证书编号",
                "专利号",
                "案号",
                "登记号",
                "编号",
                "证书号",
                "专利号码",
                "注册号",
            ],
            Column::Tags => &["资质", "资质标签", "企业资质"],
            Column::OtherCitySupport => &[
                "已获市级其它扶持",
                "该项目已获市级其它政策扶持",
                "是否获市级其它政策扶持",
                "已获市级其它政策扶持",
                "是否已获市级其它政策扶持",
                "市级其它政策扶持",
            ],
            Column::Score => &["评分", "评审得分", "得分", "评审分数"],
        }
    }

    /// Parts of a header that say it holds this column's kind of value,
    /// for a header no name matched (folded, as `headers::fold` makes
    /// them). Only columns that change a payment have any.
    const fn hints(self) -> &'static [&'static str] {
        match self {
            Column::OtherCitySupport => &["扶持", "其它政策", "重复资助", "othercity", "support"],
            Column::Score => &["评分", "得分", "分数", "分值", "score"],
            Column::Amount => &["金额", "交易额", "合同额", "价款", "费用", "万元", "amount"],
            Column::Quantity => &["数量", "件数", "个数", "项数", "quantity", "qty"],
            Column::Tags => &["资质", "标签", "认定", "称号", "tag", "qualif"],
            // Numbers, not names: 专利名称 is a title, 专利号 a reference.
            Column::Ref => &[
                "专利号",
                "证书号",
                "证书编号",
                "登记号",
                "案号",
                "注册号",
                "编号",
                "ref",
                "patent",
            ],
            Column::ApplicantType => &["类型", "类别", "性质", "type"],
            Column::ClaimId
            | Column::ApplicantId
            | Column::ApplicantName
            | Column::Item
            | Column::Date => &[],
        }
    }

    /// The column that changes a payment which a header no name matched
    /// seems to be (`是否享受过其他扶持` is other_city_support): such a
    /// column is not left unread on a guess either way.
    pub fn looks_like(header: &str) -> Option<Column> {
        let folded = crate::headers::fold(header);
        [
            Column::OtherCitySupport,
            Column::Score,
            Column::Amount,
            Column::Quantity,
            Column::Tags,
            Column::Ref,
            Column::ApplicantType,
        ]
        .into_iter()
        .find(|c| {
            // An English word is looked for at either end, so that `stage`
            // is not read as a tag.
            c.hints().iter().any(|h| match h.is_ascii() {
                true => folded.starts_with(h) || folded.ends_with(h),
                false => folded.contains(h),
            })
        })
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
    /// a Chinese one, in any case, width or spacing, with or without a
    /// bracketed note; `None` when its readings name two columns.
    pub fn from_header(header: &str) -> Option<Column> {
        let readings = crate::headers::readings(header);
        let mut found = Column::ALL.into_iter().filter(|c| {
            c.names()
                .iter()
                .any(|n| readings.contains(&crate::headers::fold(n)))
        });
        match (found.next(), found.next()) {
            (Some(column), None) => Some(column),
            _ => None,
        }
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

/// What the office said of its own headers (`--column`, `--ignore-column`,
/// a columns file): it wins over the names the reader knows.
#[derive(Debug, Clone, Default)]
pub struct HeaderChoice {
    /// A header (folded) read as a column or as a fact of the policy.
    read_as: Vec<(String, Target)>,
    /// Headers (folded) carried through unread, whatever they look like.
    ignored: Vec<String>,
}

/// What a header is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Column(Column),
    Fact(usize),
}

impl HeaderChoice {
    /// One `COLUMN=HEADER`: COLUMN by any of its names (or a fact of the
    /// policy by its id or name); `at` says where it was written.
    pub fn read_as(&mut self, written: &str, policy: &Policy, at: &str) -> Result<(), ClaimsError> {
        let bad = || ClaimsError::BadColumnChoice {
            at: at.to_string(),
            written: written.to_string(),
        };
        let half = crate::text::half_width(written);
        let (column, header) = half.split_once('=').ok_or_else(bad)?;
        let (column, header) = (crate::text::trim(column), crate::text::trim(header));
        if header.is_empty() {
            return Err(bad());
        }
        let target = match Column::from_header(column) {
            Some(c) => Target::Column(c),
            None => policy
                .facts
                .iter()
                .position(|f| {
                    let key = crate::headers::fold(column);
                    crate::headers::fold(&f.id) == key || crate::headers::fold(&f.name.zh) == key
                })
                .map(Target::Fact)
                .ok_or_else(bad)?,
        };
        self.read_as.push((crate::headers::fold(header), target));
        Ok(())
    }

    /// A header to carry through unread.
    pub fn ignore(&mut self, header: &str) {
        self.ignored.push(crate::headers::fold(header));
    }

    /// A columns file: a `COLUMN=HEADER` a line, `ignore=HEADER` (or
    /// `忽略=HEADER`) for a header to carry through; `#` begins a comment.
    pub fn read_file(
        &mut self,
        file: &str,
        text: &str,
        policy: &Policy,
    ) -> Result<(), ClaimsError> {
        for (n, line) in text.lines().enumerate() {
            let line = crate::text::trim(line.split('#').next().unwrap_or(""));
            if line.is_empty() {
                continue;
            }
            let at = format!("{file}:{}", n + 1);
            let half = crate::text::half_width(line);
            match half.split_once('=') {
                Some((what, header))
                    if ["ignore", "忽略"].contains(&crate::headers::fold(what).as_str())
                        && !crate::text::trim(header).is_empty() =>
                {
                    self.ignore(header)
                }
                _ => self.read_as(line, policy, &at)?,
            }
        }
        Ok(())
    }

    fn target(&self, header: &str) -> Option<Target> {
        let key = crate::headers::fold(header);
        // The last word wins: a flag amends the columns file.
        (self.read_as.iter().rev())
            .find(|(h, _)| *h == key)
            .map(|(_, t)| *t)
    }

    fn is_ignored(&self, header: &str) -> bool {
        self.ignored.contains(&crate::headers::fold(header))
    }
}

/// Whether a header is one this tool writes into a payout beside the
/// claim's own columns (`核定金额`, `status`): a payout read back as claims
/// carries them, as the clerk's columns.
fn is_own_output(header: &str) -> bool {
    use crate::payout_columns::PayoutColumn;
    let key = crate::headers::fold(header);
    PayoutColumn::ALL.into_iter().any(|c| {
        Column::from_header(c.name()).is_none()
            && (crate::headers::fold(c.name()) == key || crate::headers::fold(c.name_zh()) == key)
    })
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
        /// The row taken for the header: the top row that names the most
        /// required columns.
        line: u64,
        missing: Vec<Column>,
        /// The headers the file has, as written.
        found: Vec<String>,
        /// A header of the file that looks like a missing column.
        suggestions: Vec<(String, Column)>,
    },
    RepeatedColumn {
        file: String,
        line: u64,
        column: String,
    },
    /// Headers no name matched that look like columns which change a
    /// payment: read on a guess or dropped, either could pay wrongly.
    LooksLikeColumns {
        file: String,
        line: u64,
        /// Each header as written, and the column it looks like.
        headers: Vec<(String, Column)>,
    },
    /// A `COLUMN=HEADER` of `--column` or of a columns file that is not
    /// one; `at` is the flag, or `FILE:LINE`.
    BadColumnChoice {
        at: String,
        written: String,
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
    /// An error the office settles by saying what it meant (exit 2), not
    /// by mending the file.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ClaimsError::LooksLikeColumns { .. } | ClaimsError::BadColumnChoice { .. }
        )
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
    read_claims_as(file, input, policy, keys, &HeaderChoice::default())
}

/// As `read_claims`, with what the office said of its headers.
pub fn read_claims_as<R: Read + Send>(
    file: &str,
    input: R,
    policy: &Policy,
    keys: &mut Keys,
    choice: &HeaderChoice,
) -> Result<Batch, ClaimsError> {
    let Opened {
        mut reader,
        cols,
        unknown,
        pending,
        above,
        header_line,
    } = open(file, input, policy, choice)?;
    let (mut batch, unknown_at) = new_batch(file, unknown, (above, header_line), choice);
    let mut seen = Seen::default();
    let mut failure = None;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = mpsc::sync_channel::<(Chunk, usize)>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Chunk>();
        let splitter = scope.spawn(move || -> Result<(), csv::Error> {
            let mut breaks = cols.header_breaks;
            let mut pending = pending.into_iter();
            let mut next = |record: &mut csv::StringRecord| match pending.next() {
                Some(read) => {
                    *record = read;
                    Ok(true)
                }
                None => reader.read_record(record),
            };
            loop {
                let mut chunk = empty_rx.try_recv().unwrap_or_default();
                chunk.resize_with(CHUNK, || (csv::StringRecord::new(), None, 0, 0));
                let mut filled = 0;
                while filled < CHUNK && next(&mut chunk[filled].0)? {
                    if is_blank_line(&chunk[filled].0) {
                        continue;
                    }
                    breaks = prepare(&mut chunk[filled], breaks, &cols, policy);
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
                if checked.is_some() && is_totals(record, &cols) {
                    let line = record.position().map_or(0, |p| p.line());
                    batch.totals.push(seen.totals(record, &cols, line));
                    continue;
                }
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

/// The batch before its rows, and where the clerk's own columns are.
fn new_batch(
    file: &str,
    unknown: ClerkColumns,
    (above_header, header_line): (Vec<(u64, String)>, u64),
    choice: &HeaderChoice,
) -> (Batch, Vec<usize>) {
    // The clerk's own columns are carried into the payout as they are.
    let (unknown_at, unknown_columns): (Vec<usize>, Vec<String>) = unknown.into_iter().unzip();
    let ignored_columns = (unknown_columns.iter())
        .filter(|h| choice.is_ignored(h))
        .cloned()
        .collect();
    let batch = Batch {
        source: file.to_string(),
        unknown_columns,
        ignored_columns,
        above_header,
        header_line,
        ..Batch::default()
    };
    (batch, unknown_at)
}

/// How far down the header row may be: below a title, a line of who filed
/// and when, and a blank row or two, as offices lay their sheets out.
const HEADER_SEARCH: usize = 10;

/// A claims file opened: the CSV reader past the header row, where the
/// header put each column, and what was read to find it.
struct Opened<R> {
    reader: csv::Reader<R>,
    cols: Cols,
    unknown: ClerkColumns,
    /// Records read after the header row while looking for it.
    pending: Vec<csv::StringRecord>,
    /// The rows above the header row (their line and their text).
    above: Vec<(u64, String)>,
    header_line: u64,
}

/// Opens a claims file: the header row is the first of the top rows that
/// names every required column (else the one that names the most, for the
/// error to name what it lacks).
fn open<R: Read>(
    file: &str,
    input: R,
    policy: &Policy,
    choice: &HeaderChoice,
) -> Result<Opened<impl Read>, ClaimsError> {
    let input = crate::text::without_bom(input).map_err(|e| io_error(file, 1, &e))?;
    let (delimiter, input) =
        crate::decode::with_delimiter(input).map_err(|e| io_error(file, 1, &e))?;
    let input = crate::text::LoneCrAsLf::new(input);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut top: Vec<csv::StringRecord> = Vec::new();
    let mut best: Option<(usize, usize)> = None;
    let mut filled = 0;
    let wanted = Column::required().count();
    while filled < HEADER_SEARCH && best.is_none_or(|(_, named)| named < wanted) {
        let mut record = csv::StringRecord::new();
        if !reader
            .read_record(&mut record)
            .map_err(|e| csv_error(file, e))?
        {
            break;
        }
        if is_blank_line(&record) || is_empty(&record) {
            top.push(record);
            continue;
        }
        let named = required_named(&record, choice);
        if best.is_none_or(|(_, most)| named > most) {
            best = Some((top.len(), named));
        }
        top.push(record);
        filled += 1;
    }
    let Some((at, _)) = best else {
        return Err(ClaimsError::NoHeader {
            file: file.to_string(),
        });
    };
    let pending = top.split_off(at + 1);
    // The rows down to the header are given their spreadsheet rows here;
    // the records after it, as they are read.
    let mut breaks = 0;
    for record in &mut top {
        breaks = at_spreadsheet_row(record, breaks);
    }
    let header = top.pop().unwrap_or_default();
    let above = (top.iter())
        .filter(|r| !is_blank_line(r) && !is_empty(r))
        .map(|r| {
            let line = r.position().map_or(0, |p| p.line());
            let text: Vec<&str> = (r.iter())
                .map(crate::text::trim)
                .filter(|c| !c.is_empty())
                .collect();
            (line, text.join(" "))
        })
        .collect();
    let header_line = header.position().map_or(1, |p| p.line());
    let mut cols = Cols::locate(file, &header, policy, choice)?;
    cols.header_breaks = breaks;
    let unknown = unknown_columns(&header, &cols);
    Ok(Opened {
        reader,
        cols,
        unknown,
        pending,
        above,
        header_line,
    })
}

/// How many required columns a row names: a header row names them all.
fn required_named(record: &csv::StringRecord, choice: &HeaderChoice) -> usize {
    let mut named: Vec<Column> = (record.iter())
        .filter_map(|h| match choice.target(h) {
            Some(Target::Column(c)) => Some(c),
            Some(Target::Fact(_)) => None,
            None => Column::from_header(h),
        })
        .filter(|c| c.is_required())
        .collect();
    named.sort_by_key(|c| c.index());
    named.dedup();
    named.len()
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
type Chunk = Vec<Slot>;
type Slot = (csv::StringRecord, Option<Result<Cells, Refusal>>, u64, u8);

/// The work on a record the splitting thread does: its line as the
/// spreadsheet counts rows, its claim_id's hash, its surprising keys and
/// what its own cells say. The line breaks inside cells so far come back.
fn prepare(slot: &mut Slot, breaks: u64, cols: &Cols, policy: &Policy) -> u64 {
    let (record, checked, id_hash, surprising) = slot;
    let breaks = at_spreadsheet_row(record, breaks);
    let raw = cols.raw(record);
    *id_hash = hash_of(&claim_key(raw.claim_id));
    *surprising = surprising_keys(&raw);
    *checked = if is_empty(record) {
        None
    } else {
        Some(check_cells(&raw, policy))
    };
    breaks
}

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
        choice: &HeaderChoice,
    ) -> Result<Cols, ClaimsError> {
        let mut fixed = [None; Column::COUNT];
        let mut facts = vec![None; policy.facts.len()];
        let mut unmatched = Vec::new();
        let mut doubtful = Vec::new();
        for (i, name) in header.iter().enumerate() {
            let target = match choice.is_ignored(name) {
                true => None,
                false => choice.target(name).or_else(|| {
                    let key = crate::headers::fold(name);
                    Column::from_header(name).map(Target::Column).or_else(|| {
                        (policy.facts.iter())
                            .position(|f| {
                                crate::headers::fold(&f.id) == key
                                    || crate::headers::fold(&f.name.zh) == key
                            })
                            .map(Target::Fact)
                    })
                }),
            };
            let slot = match target {
                Some(Target::Column(column)) => &mut fixed[column.index()],
                Some(Target::Fact(f)) => &mut facts[f],
                None => {
                    let written = crate::text::trim(name).to_string();
                    if !choice.is_ignored(name) && !is_own_output(name) {
                        if let Some(column) = Column::looks_like(name) {
                            doubtful.push((written.clone(), column));
                        }
                    }
                    unmatched.push(written);
                    continue;
                }
            };
            if slot.replace(i).is_some() {
                return Err(ClaimsError::RepeatedColumn {
                    file: file.to_string(),
                    line: header.position().map_or(1, |p| p.line()),
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
                line: header.position().map_or(1, |p| p.line()),
                missing,
                found: header
                    .iter()
                    .map(|h| crate::text::trim(h).to_string())
                    .filter(|h| !h.is_empty())
                    .collect(),
                suggestions: crate::headers::nearest(&wanted, &unmatched),
            });
        }
        if !doubtful.is_empty() {
            return Err(ClaimsError::LooksLikeColumns {
                file: file.to_string(),
                line: header.position().map_or(1, |p| p.line()),
                headers: doubtful,
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

/// What marks a sheet's totals row, folded (`合 计`, `合计：`, `Total`).
const TOTALS: [&str; 6] = ["合计", "总计", "小计", "共计", "total", "totals"];

/// Whether a record is the sheet's totals row: a cell says 合计, and no
/// applicant is named (a claim always names one).
fn is_totals(record: &csv::StringRecord, cols: &Cols) -> bool {
    cols.cell(record, Column::ApplicantId).is_empty()
        && record.iter().any(|c| {
            !c.is_empty() && c.len() < 16 && TOTALS.contains(&crate::headers::fold(c).as_str())
        })
}

/// A totals row (合计) of the sheet: not a claim. Each sum it holds, with
/// the sum of the rows above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub line: u64,
    pub sums: Vec<TotalSum>,
}

/// One sum of a totals row: as written, and of the rows (`None` when a
/// row's cell is no number, so the rows cannot be summed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalSum {
    pub column: Column,
    pub written: Decimal,
    pub rows: Option<Decimal>,
}

/// The columns whose sum a totals row may hold.
const SUMMED: [Column; 2] = [Column::Quantity, Column::Amount];

/// A cell of a summed column as a number (`3件` is 3, `1,000.00元` 1000).
fn summed_cell(column: Column, written: &str) -> Option<Decimal> {
    match column {
        Column::Quantity => super::parse_quantity(written).map(Decimal::from),
        _ => crate::money::parse_amount(written).ok(),
    }
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
    if checked.is_some() {
        seen.add_sums(record, cols);
    }
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
    /// Of each summed column, the rows' cells so far, and whether one was
    /// no number.
    sums: [(Decimal, bool); SUMMED.len()],
    /// The kinds of key a value has already been warned about for.
    keys_warned: Vec<KeyForm>,
}

impl Seen {
    fn add_sums(&mut self, record: &csv::StringRecord, cols: &Cols) {
        for (column, (sum, unread)) in SUMMED.into_iter().zip(&mut self.sums) {
            let written = cols.cell(record, column);
            if written.is_empty() {
                continue;
            }
            match summed_cell(column, written).and_then(|v| sum.checked_add(v)) {
                Some(total) => *sum = total,
                None => *unread = true,
            }
        }
    }

    /// A totals row, with the sums of the rows read so far.
    fn totals(&self, record: &csv::StringRecord, cols: &Cols, line: u64) -> Totals {
        let sums = (SUMMED.into_iter().zip(self.sums))
            .filter_map(|(column, (sum, unread))| {
                let written = summed_cell(column, cols.cell(record, column))?;
                Some(TotalSum {
                    column,
                    written,
                    rows: (!unread).then_some(sum),
                })
            })
            .collect();
        Totals { line, sums }
    }

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
