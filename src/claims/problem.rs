//! What can be wrong with one row of a claims file, in both languages.

use crate::money::AmountError;
use crate::words::Lang;

/// One thing wrong with one cell (or the whole row) of a claims file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The column as the contract names it (`amount`, `date`); empty for the
    /// whole row.
    pub column: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    DuplicateClaimId {
        first_line: u64,
    },
    UnknownItem {
        written: String,
        suggestions: Vec<String>,
    },
    UnknownType {
        written: String,
    },
    BadDate {
        written: String,
    },
    BadNumber {
        written: String,
        why: AmountError,
    },
    BadQuantity {
        written: String,
    },
    QuantityNotOne {
        item: String,
        quantity: u32,
    },
    AmountNeeded {
        item: String,
    },
    RefNeeded {
        item: String,
    },
    BadYesNo {
        written: String,
    },
    ExtraCells {
        count: usize,
    },
    EmptyRow,
}

impl Problem {
    pub fn new(column: &str, kind: ProblemKind) -> Problem {
        Problem {
            column: column.to_string(),
            kind,
        }
    }

    /// The message without the column, as the `reason` cell shows it.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (&self.kind, lang) {
            (Missing, Lang::Zh) => "必填，不能为空".into(),
            (Missing, Lang::En) => "required, but empty".into(),
            (DuplicateClaimId { first_line }, Lang::Zh) => {
                format!("申报编号重复，第 {first_line} 行已使用，本行不予处理")
            }
            (DuplicateClaimId { first_line }, Lang::En) => {
                format!("repeats the claim_id of line {first_line}; only the first is processed")
            }
            (UnknownItem { written, suggestions }, _) => {
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    let list = suggestions.join(", ");
                    lang.pick(&format!("，是否为 {list}？"), &format!("; did you mean {list}?"))
                        .to_string()
                };
                match lang {
                    Lang::Zh => format!("“{written}”不是政策中的项目{hint}"),
                    Lang::En => format!("`{written}` is not an item of the policy{hint}"),
                }
            }
            (UnknownType { written }, Lang::Zh) => format!("未知的申请人类型“{written}”"),
            (UnknownType { written }, Lang::En) => format!("unknown applicant type `{written}`"),
            (BadDate { written }, Lang::Zh) => {
                format!("“{written}”不是有效日期（如 2024-03-15、2024/3/15、2024年3月15日、20240315）")
            }
            (BadDate { written }, Lang::En) => format!(
                "`{written}` is not a valid date (write 2024-03-15, 2024/3/15, 2024年3月15日 or 20240315)"
            ),
            (BadNumber { written, why }, Lang::Zh) => match why {
                AmountError::NotANumber => format!("“{written}”不是数字"),
                AmountError::Negative => format!("“{written}”为负数，金额不能为负"),
                AmountError::TooLarge => format!("“{written}”过大（应小于一万亿）"),
            },
            (BadNumber { written, why }, Lang::En) => match why {
                AmountError::NotANumber => format!("`{written}` is not a number"),
                AmountError::Negative => format!("`{written}` is negative"),
                AmountError::TooLarge => format!("`{written}` is too large (10^12 or more)"),
            },
            (BadQuantity { written }, Lang::Zh) => {
                format!("“{written}”不是 1 到 1000000 之间的整数")
            }
            (BadQuantity { written }, Lang::En) => {
                format!("`{written}` is not a whole number from 1 to 1000000")
            }
            (QuantityNotOne { item, quantity }, Lang::Zh) => {
                format!("项目 {item} 不按件计，数量应为 1（填了 {quantity}）")
            }
            (QuantityNotOne { item, quantity }, Lang::En) => {
                format!("item {item} is not priced per unit, so the quantity must be 1 (not {quantity})")
            }
            (AmountNeeded { item }, Lang::Zh) => format!("项目 {item} 需要填写金额"),
            (AmountNeeded { item }, Lang::En) => format!("item {item} needs an amount"),
            (RefNeeded { item }, Lang::Zh) => {
                format!("项目 {item} 需要填写编号（专利号、证书号或案号）以防重复资助")
            }
            (RefNeeded { item }, Lang::En) => format!(
                "item {item} needs a ref (patent, certificate or case number) to prevent paying it twice"
            ),
            (BadYesNo { written }, Lang::Zh) => {
                format!("“{written}”应为 是/否、yes/no、true/false 或 1/0")
            }
            (BadYesNo { written }, Lang::En) => {
                format!("`{written}` is not yes/no, true/false, 1/0 or 是/否")
            }
            (ExtraCells { count }, Lang::Zh) => format!("本行比表头多出 {count} 个非空单元格"),
            (ExtraCells { count }, Lang::En) => {
                format!("the row has {count} non-empty cell(s) beyond the header")
            }
            (EmptyRow, Lang::Zh) => "空行".into(),
            (EmptyRow, Lang::En) => "the row is empty".into(),
        }
    }

    /// `amount: "abc" is not a number`, as the reason cell shows it.
    pub fn describe(&self, lang: Lang) -> String {
        if self.column.is_empty() {
            self.message(lang)
        } else {
            format!("{}: {}", self.column, self.message(lang))
        }
    }
}
