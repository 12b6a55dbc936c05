//! Earlier payouts of this tool (`--ledger`), read back as rows already
//! paid. A ledger is our own output, so it is read strictly: a row that does
//! not parse stops the run rather than silently un-paying someone.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::claims::{parse_quantity, Keys};
use crate::engine::{Prior, Status};
use crate::i18n::Lang;
use crate::money::parse_number;
use crate::policy::Policy;

const NEEDED: [&str; 9] = [
    "claim_id",
    "applicant_id",
    "item",
    "ref",
    "year",
    "quantity",
    "computed",
    "payable",
    "status",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerError {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub what: String,
}

impl LedgerError {
    pub fn render(&self, lang: Lang) -> String {
        let column = if self.column.is_empty() {
            String::new()
        } else {
            format!("{} {}: ", lang.pick("列", "column"), self.column)
        };
        let kind = lang.pick("往期拨付表（--ledger）", "ledger");
        format!("{}:{}: {kind}: {column}{}", self.file, self.line, self.what)
    }
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for LedgerError {}

/// Undoes the payout CSV's protection of cells against spreadsheet formulas.
fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

pub fn read_ledger(
    file: &str,
    bytes: &[u8],
    policy: &Policy,
    keys: &mut Keys,
) -> Result<Vec<Prior>, LedgerError> {
    let err = |line: u64, column: &str, what: String| LedgerError {
        file: file.to_string(),
        line,
        column: column.to_string(),
        what,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| err(1, "", e.to_string()))?
        .clone();
    let index: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase(), i))
        .collect();
    let missing: Vec<&str> = NEEDED
        .iter()
        .copied()
        .filter(|n| !index.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        return Err(err(
            1,
            "",
            format!(
                "not a payout CSV of this tool: missing column(s) {}",
                missing.join(", ")
            ),
        ));
    }
    let col = |name: &str| index[name];
    let mut priors = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(err(line, "", e.to_string()));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |name: &str| unescape(record.get(col(name)).unwrap_or("").trim());
        let money = |name: &str| {
            parse_number(cell(name))
                .map_err(|_| err(line, name, format!("`{}` is not an amount", cell(name))))
        };
        let status = Status::from_name(cell("status")).ok_or_else(|| {
            err(
                line,
                "status",
                format!("`{}` is not a status", cell("status")),
            )
        })?;
        let payable = money("payable")?;
        let computed = money("computed")?;
        let claim_id = cell("claim_id");
        let paid = payable > Decimal::ZERO;
        if paid && !matches!(status, Status::Paid | Status::Capped) {
            return Err(err(
                line,
                "status",
                format!("a {} row cannot have a payable amount", status.as_str()),
            ));
        }
        let item = policy.find_item(cell("item"));
        if paid && item.is_none() {
            return Err(err(
                line,
                "item",
                format!("`{}` is not an item of this policy", cell("item")),
            ));
        }
        let year = match cell("year") {
            "" if !paid => 0,
            y => y
                .parse::<i32>()
                .map_err(|_| err(line, "year", format!("`{y}` is not a year")))?,
        };
        let quantity = match parse_quantity(cell("quantity")) {
            Some(q) => q,
            None if !paid => 1,
            None => {
                return Err(err(
                    line,
                    "quantity",
                    format!("`{}` is not a quantity", cell("quantity")),
                ))
            }
        };
        let reference = match cell("ref") {
            "" => None,
            r => Some(keys.reference(r)),
        };
        priors.push(Prior {
            claim_id: claim_id.into(),
            applicant: keys.applicant(cell("applicant_id")),
            item: if paid { item } else { None },
            reference,
            year,
            quantity,
            computed,
            payable,
        });
    }
    Ok(priors)
}
