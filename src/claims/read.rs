//! The claims CSV: UTF-8 (with or without BOM), one header row, columns in
//! any order and any case. A bad row is kept, never dropped.

use std::collections::HashMap;

use super::{parse_claim, Batch, Entry, InvalidRow, Keys, Problem, ProblemKind, RawClaim, Row};
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

/// Reads a whole claims file. `file` names it in messages (`-` for stdin).
pub fn read_claims(
    file: &str,
    bytes: &[u8],
    policy: &Policy,
    keys: &mut Keys,
) -> Result<Batch, ClaimsError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        return Err(ClaimsError::NotUtf8 {
            file: file.to_string(),
            line,
        });
    }
    let csv_error = |e: csv::Error| ClaimsError::Csv {
        file: file.to_string(),
        line: e.position().map(|p| p.line()).unwrap_or(1),
        message: e.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let header = reader.headers().map_err(csv_error)?.clone();
    if header.is_empty() || header.iter().all(|h| h.trim().is_empty()) {
        return Err(ClaimsError::NoHeader {
            file: file.to_string(),
        });
    }
    let columns = map_columns(file, &header, policy)?;
    let at = |c: Column| columns.get(&c).copied();
    let fact_cols: Vec<Option<usize>> = (0..policy.facts.len())
        .map(|i| at(Column::Fact(i)))
        .collect();

    let mut batch = Batch {
        source: file.to_string(),
        ..Batch::default()
    };
    let mut first_line_of: HashMap<Box<str>, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let raw = RawClaim {
            claim_id: cell(at(Column::ClaimId)),
            applicant_id: cell(at(Column::ApplicantId)),
            applicant_name: cell(at(Column::ApplicantName)),
            applicant_type: cell(at(Column::ApplicantType)),
            item: cell(at(Column::Item)),
            date: cell(at(Column::Date)),
            quantity: cell(at(Column::Quantity)),
            amount: cell(at(Column::Amount)),
            reference: cell(at(Column::Ref)),
            tags: cell(at(Column::Tags)),
            other_city_support: cell(at(Column::OtherCitySupport)),
            score: cell(at(Column::Score)),
            facts: fact_cols.iter().map(|c| cell(*c)).collect(),
        };

        let mut extra_problems = Vec::new();
        if record.iter().all(|c| c.trim().is_empty()) {
            extra_problems.push(Problem::new("", ProblemKind::EmptyRow));
        } else {
            let extra = record
                .iter()
                .skip(header.len())
                .filter(|c| !c.trim().is_empty())
                .count();
            if extra > 0 {
                extra_problems.push(Problem::new("", ProblemKind::ExtraCells { count: extra }));
            }
            if !raw.claim_id.is_empty() {
                match first_line_of.get(raw.claim_id) {
                    Some(first) => extra_problems.push(Problem::new(
                        "claim_id",
                        ProblemKind::DuplicateClaimId { first_line: *first },
                    )),
                    None => {
                        first_line_of.insert(raw.claim_id.into(), line);
                    }
                }
            }
        }

        let parsed = if extra_problems
            .iter()
            .any(|p| p.kind == ProblemKind::EmptyRow)
        {
            Err((Vec::new(), None))
        } else {
            parse_claim(&raw, policy, keys)
        };
        let entry = match parsed {
            Ok(claim) if extra_problems.is_empty() => {
                batch.claims.push(claim);
                Entry::Valid((batch.claims.len() - 1) as u32)
            }
            Ok(claim) => invalid(&raw, Some(claim.item), extra_problems),
            Err((mut problems, item)) => {
                extra_problems.append(&mut problems);
                invalid(&raw, item, extra_problems)
            }
        };
        batch.rows.push(Row {
            line,
            applicant_id: raw.applicant_id.into(),
            applicant_name: raw.applicant_name.into(),
            reference: raw.reference.into(),
            entry,
        });
    }
    Ok(batch)
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
