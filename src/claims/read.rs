//! The claims CSV: UTF-8 (with or without BOM), one header row, columns in
//! any order and any case. A bad row is kept, never dropped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::sync::mpsc;

use rustc_hash::{FxHashMap, FxHasher};

use super::{
    check_cells, Batch, Cells, Entry, InvalidRow, Keys, Problem, ProblemKind, RawClaim, Refusal,
    Row, MAX_FACTS,
};
use crate::i18n::Lang;
use crate::policy::Policy;

/// A column the contract knows.
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
    /// A fact of the policy, by index.
    Fact(usize),
}

const FIXED: [(&str, Column); 12] = [
    ("claim_id", Column::ClaimId),
    ("applicant_id", Column::ApplicantId),
    ("applicant_name", Column::ApplicantName),
    ("applicant_type", Column::ApplicantType),
    ("item", Column::Item),
    ("date", Column::Date),
    ("quantity", Column::Quantity),
    ("amount", Column::Amount),
    ("ref", Column::Ref),
    ("tags", Column::Tags),
    ("other_city_support", Column::OtherCitySupport),
    ("score", Column::Score),
];

/// The columns of the claims CSV the contract names, in its order (the
/// policy's facts follow).
pub fn columns() -> [&'static str; 12] {
    FIXED.map(|(name, _)| name)
}

const REQUIRED: [&str; 6] = [
    "claim_id",
    "applicant_id",
    "applicant_name",
    "applicant_type",
    "item",
    "date",
];

/// A claims file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimsError {
    NotUtf8 {
        file: String,
        line: u64,
    },
    NoHeader {
        file: String,
    },
    MissingColumns {
        file: String,
        missing: Vec<String>,
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
}

impl ClaimsError {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (ClaimsError::NotUtf8 { file, line }, Lang::Zh) => format!(
                "{file}:{line}: 文件不是 UTF-8 编码；请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”"
            ),
            (ClaimsError::NotUtf8 { file, line }, Lang::En) => format!(
                "{file}:{line}: the file is not UTF-8 text; save it as \"CSV UTF-8 (comma delimited)\""
            ),
            (ClaimsError::NoHeader { file }, Lang::Zh) => format!("{file}:1: 文件为空，缺少表头行"),
            (ClaimsError::NoHeader { file }, Lang::En) => {
                format!("{file}:1: the file is empty; it needs a header row")
            }
            (ClaimsError::MissingColumns { file, missing }, Lang::Zh) => {
                format!("{file}:1: 缺少必需的列：{}", missing.join("、"))
            }
            (ClaimsError::MissingColumns { file, missing }, Lang::En) => {
                format!("{file}:1: missing required column(s): {}", missing.join(", "))
            }
            (ClaimsError::RepeatedColumn { file, column }, Lang::Zh) => {
                format!("{file}:1: 列 {column} 出现了两次")
            }
            (ClaimsError::RepeatedColumn { file, column }, Lang::En) => {
                format!("{file}:1: column {column} appears twice")
            }
            (ClaimsError::Csv { file, line, message }, Lang::Zh) => {
                format!("{file}:{line}: CSV 格式错误：{message}")
            }
            (ClaimsError::Csv { file, line, message }, Lang::En) => {
                format!("{file}:{line}: malformed CSV: {message}")
            }
        }
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
    let csv_error = |e: csv::Error| {
        let line = e.position().map(|p| p.line()).unwrap_or(1);
        match e.kind() {
            csv::ErrorKind::Utf8 { .. } => ClaimsError::NotUtf8 {
                file: file.to_string(),
                line,
            },
            csv::ErrorKind::Io(io) => ClaimsError::Csv {
                file: file.to_string(),
                line,
                message: io.to_string(),
            },
            _ => ClaimsError::Csv {
                file: file.to_string(),
                line,
                message: e.to_string(),
            },
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .buffer_capacity(1 << 16)
        .from_reader(without_bom(input).map_err(|e| ClaimsError::Csv {
            file: file.to_string(),
            line: 1,
            message: e.to_string(),
        })?);
    let header = reader.headers().map_err(csv_error)?.clone();
    if header.is_empty() || header.iter().all(|h| h.trim().is_empty()) {
        return Err(ClaimsError::NoHeader {
            file: file.to_string(),
        });
    }
    let columns = map_columns(file, &header, policy)?;
    let at = |c: Column| columns.get(&c).copied();
    let cols = Cols {
        fixed: FIXED.map(|(_, c)| at(c)),
        facts: std::array::from_fn(|i| {
            if i < policy.facts.len() {
                at(Column::Fact(i))
            } else {
                None
            }
        }),
        header: header.len(),
    };

    let mut batch = Batch {
        source: file.to_string(),
        unknown_columns: unknown_columns(&header, &columns),
        ..Batch::default()
    };
    let mut first_seen = FirstSeen::default();
    let mut failure = None;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = mpsc::sync_channel::<(Chunk, usize)>(4);
        let (empty_tx, empty_rx) = mpsc::channel::<Chunk>();
        let splitter = scope.spawn(move || -> Result<(), csv::Error> {
            loop {
                let mut chunk = empty_rx.try_recv().unwrap_or_default();
                chunk.resize_with(CHUNK, || (csv::StringRecord::new(), None, 0));
                let mut filled = 0;
                while filled < CHUNK && reader.read_record(&mut chunk[filled].0)? {
                    let (record, checked, id_hash) = &mut chunk[filled];
                    let raw = cols.raw(record);
                    *id_hash = hash_of(raw.claim_id);
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
            for (record, checked, id_hash) in &mut chunk[..filled] {
                let checked = checked.take();
                add_row(
                    &mut batch,
                    &mut first_seen,
                    record,
                    checked,
                    *id_hash,
                    &cols,
                    keys,
                );
            }
            let _ = empty_tx.send(chunk);
        }
        failure = match splitter.join() {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(csv_error(e)),
            Err(_) => Some(ClaimsError::Csv {
                file: file.to_string(),
                line: 0,
                message: "the CSV reader stopped unexpectedly".into(),
            }),
        };
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(batch),
    }
}

/// Records with what their own cells said (`None`: an empty row) and the
/// hash of their claim_id.
type Chunk = Vec<(csv::StringRecord, Option<Result<Cells, Refusal>>, u64)>;

fn hash_of(claim_id: &str) -> u64 {
    let mut hasher = FxHasher::default();
    claim_id.hash(&mut hasher);
    hasher.finish()
}

/// Where each known column is in the file.
#[derive(Clone, Copy)]
struct Cols {
    fixed: [Option<usize>; 12],
    facts: [Option<usize>; MAX_FACTS],
    header: usize,
}

impl Cols {
    fn raw<'r>(&self, record: &'r csv::StringRecord) -> RawClaim<'r> {
        let cell =
            |c: Option<usize>| crate::text::trim(c.and_then(|i| record.get(i)).unwrap_or(""));
        let f = self.fixed;
        RawClaim {
            claim_id: cell(f[0]),
            applicant_id: cell(f[1]),
            applicant_name: cell(f[2]),
            applicant_type: cell(f[3]),
            item: cell(f[4]),
            date: cell(f[5]),
            quantity: cell(f[6]),
            amount: cell(f[7]),
            reference: cell(f[8]),
            tags: cell(f[9]),
            other_city_support: cell(f[10]),
            score: cell(f[11]),
            facts: self.facts.map(cell),
        }
    }
}

fn is_empty(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| crate::text::trim(c).is_empty())
}

/// The input with a UTF-8 byte-order mark (as Excel writes) taken off.
fn without_bom<R: Read>(mut input: R) -> std::io::Result<impl Read> {
    let mut first = [0u8; 3];
    let mut n = 0;
    while n < 3 {
        match input.read(&mut first[n..])? {
            0 => break,
            got => n += got,
        }
    }
    let start = if first[..n] == *b"\xEF\xBB\xBF" { 3 } else { 0 };
    Ok(std::io::Cursor::new(first[start..n].to_vec()).chain(input))
}

/// One record of the file into the batch: a claim, or an invalid row.
fn add_row(
    batch: &mut Batch,
    first_seen: &mut FirstSeen,
    record: &csv::StringRecord,
    checked: Option<Result<Cells, Refusal>>,
    id_hash: u64,
    cols: &Cols,
    keys: &mut Keys,
) {
    let line = record.position().map(|p| p.line()).unwrap_or(0);
    let raw = cols.raw(record);
    let mut problems = Vec::new();
    match &checked {
        None => problems.push(Problem::new("", ProblemKind::EmptyRow)),
        Some(_) => {
            let extra = record
                .iter()
                .skip(cols.header)
                .filter(|c| !crate::text::trim(c).is_empty())
                .count();
            if extra > 0 {
                problems.push(Problem::new("", ProblemKind::ExtraCells { count: extra }));
            }
            if !raw.claim_id.is_empty() {
                if let Some(first_line) = first_seen.check(batch, raw.claim_id, id_hash, line) {
                    problems.push(Problem::new(
                        "claim_id",
                        ProblemKind::DuplicateClaimId { first_line },
                    ));
                }
            }
        }
    }
    let entry = match checked {
        Some(Ok(cells)) if problems.is_empty() => {
            batch.claims.push(cells.into_claim(&raw, keys));
            Entry::Valid((batch.claims.len() - 1) as u32)
        }
        Some(Ok(cells)) => invalid(&raw, Some(cells.item()), problems),
        Some(Err((mut more, item))) => {
            problems.append(&mut more);
            invalid(&raw, item, problems)
        }
        None => invalid(&raw, None, problems),
    };
    let applicant_id = batch.keep_shared(raw.applicant_id);
    let applicant_name = batch.keep_shared(raw.applicant_name);
    let reference = batch.keep(raw.reference);
    batch.rows.push(Row {
        line,
        applicant_id,
        applicant_name,
        reference,
        entry,
    });
}

/// Remembers the first row of each claim_id without copying every id: rows
/// are keyed by a hash of the id, and the id itself is compared only when
/// two rows share a hash.
#[derive(Default)]
struct FirstSeen {
    by_hash: FxHashMap<u64, u32>,
    /// Ids whose hash another id already had (practically never).
    collided: FxHashMap<String, u64>,
}

impl FirstSeen {
    /// The line of an earlier row with this id, or `None` for the first.
    fn check(&mut self, batch: &Batch, id: &str, hash: u64, line: u64) -> Option<u64> {
        match self.by_hash.get(&hash) {
            None => {
                self.by_hash.insert(hash, batch.rows.len() as u32);
                None
            }
            Some(&row) if batch.claim_id_of(&batch.rows[row as usize]) == id => {
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

fn map_columns(
    file: &str,
    header: &csv::StringRecord,
    policy: &Policy,
) -> Result<HashMap<Column, usize>, ClaimsError> {
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        let column = FIXED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
            .or_else(|| {
                policy
                    .facts
                    .iter()
                    .position(|f| f.id.to_lowercase() == name)
                    .map(Column::Fact)
            });
        if let Some(c) = column {
            if columns.insert(c, i).is_some() {
                return Err(ClaimsError::RepeatedColumn {
                    file: file.to_string(),
                    column: name,
                });
            }
        }
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|r| {
            !columns
                .keys()
                .any(|c| FIXED.iter().any(|(n, fc)| n == *r && fc == c))
        })
        .map(|r| r.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(ClaimsError::MissingColumns {
            file: file.to_string(),
            missing,
        });
    }
    Ok(columns)
}

/// The header's names that no column of the contract or the policy reads.
fn unknown_columns(header: &csv::StringRecord, known: &HashMap<Column, usize>) -> Vec<String> {
    (header.iter().enumerate())
        .filter(|(i, name)| !known.values().any(|k| k == i) && !name.trim().is_empty())
        .map(|(_, name)| name.trim().to_string())
        .collect()
}
