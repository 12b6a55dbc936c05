//! Earlier payouts of this tool (`--ledger`), read back as rows already
//! paid. A ledger is our own output, so it is read strictly: a row that does
//! not parse stops the run rather than silently un-paying someone.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::claims::{parse_quantity, Keys};
use crate::engine::{Prior, Status};
use crate::money::parse_number;
use crate::policy::Policy;
use crate::words::{Lang, Msg};

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
    pub what: Msg,
}

impl LedgerError {
    pub fn render(&self, lang: Lang) -> String {
        let column = if self.column.is_empty() {
            String::new()
        } else {
            format!("{} {}: ", lang.pick("列", "column"), self.column)
        };
        let kind = lang.pick("往期拨付表（--ledger）", "ledger");
        format!(
            "{}:{}: {kind}: {column}{}",
            self.file,
            self.line,
            self.what.get(lang)
        )
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
        Some(rest) if rest.starts_with(crate::text::FORMULA_STARTERS) => rest,
        _ => cell,
    }
}

pub fn read_ledger(
    file: &str,
    bytes: &[u8],
    policy: &Policy,
    keys: &mut Keys,
) -> Result<Vec<Prior>, LedgerError> {
    let err = |line: u64, column: &str, what: Msg| LedgerError {
        file: file.to_string(),
        line,
        column: column.to_string(),
        what,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| err(1, "", Msg::new(e.to_string(), e.to_string())))?
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
            Msg::new(
                format!("不是本工具输出的拨付表：缺少列 {}", missing.join("、")),
                format!(
                    "not a payout CSV of this tool: missing column(s) {}",
                    missing.join(", ")
                ),
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
                return Err(err(line, "", Msg::new(e.to_string(), e.to_string())));
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |name: &str| unescape(record.get(col(name)).unwrap_or("").trim());
        let bad = |column: &str, zh: &str, en: &str| {
            let v = cell(column);
            err(
                line,
                column,
                Msg::new(format!("“{v}”{zh}"), format!("`{v}` {en}")),
            )
        };
        let money = |name: &str| {
            parse_number(cell(name)).map_err(|_| bad(name, "不是金额", "is not an amount"))
        };
        let status = Status::from_name(cell("status"))
            .ok_or_else(|| bad("status", "不是状态", "is not a status"))?;
        let payable = money("payable")?;
        let computed = money("computed")?;
        let claim_id = cell("claim_id");
        let paid = payable > Decimal::ZERO;
        if paid && !matches!(status, Status::Paid | Status::Capped) {
            return Err(bad(
                "status",
                "行不应有拨付金额",
                "rows cannot have a payable amount",
            ));
        }
        let item = policy.find_item(cell("item"));
        if paid && item.is_none() {
            return Err(bad(
                "item",
                "不是本政策的项目",
                "is not an item of this policy",
            ));
        }
        let year = match cell("year") {
            "" if !paid => 0,
            y => y
                .parse::<i32>()
                .map_err(|_| bad("year", "不是年份", "is not a year"))?,
        };
        let quantity = match parse_quantity(cell("quantity")) {
            Some(q) => q,
            None if !paid => 1,
            None => return Err(bad("quantity", "不是数量", "is not a quantity")),
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
