//! The claims facts in Chinese.

use super::Chinese;
use crate::claims::{CheckFault, CheckWarning, ClaimsError, Column, IdKind, Problem, ProblemKind};
use crate::ledger::{LedgerError, LedgerProblem};
use crate::money::AmountError;
use crate::words::ClaimsWords;

impl ClaimsWords for Chinese {
    fn problem(&self, kind: &ProblemKind) -> String {
        use ProblemKind::*;
        match kind {
            Missing => "必填，不能为空".into(),
            DuplicateClaimId { first_line } => {
                format!("申报编号重复，第 {first_line} 行已使用，本行不予处理")
            }
            UnknownItem {
                written,
                suggestions,
            } => {
                if suggestions.is_empty() {
                    format!("“{written}”不是政策中的项目")
                } else {
                    let list = suggestions.join(", ");
                    format!("“{written}”不是政策中的项目，是否为 {list}？")
                }
            }
            UnknownType { written } => format!("未知的申请人类型“{written}”"),
            BadDate { written } => {
                format!(
                    "“{written}”不是有效日期（如 2024-03-15、2024/3/15、2024年3月15日、20240315）"
                )
            }
            BadNumber { written, why } => match why {
                AmountError::NotANumber => format!("“{written}”不是数字"),
                AmountError::Negative => format!("“{written}”为负数，金额不能为负"),
                AmountError::TooLarge => format!("“{written}”过大（应小于一万亿）"),
            },
            BadQuantity { written } => format!("“{written}”不是 1 到 1000000 之间的整数"),
            QuantityNotOne { item, quantity } => {
                format!("项目“{}”不按件计，数量应为 1（填了 {quantity}）", item.zh)
            }
            AmountNeeded { item } => format!("项目“{}”需要填写金额", item.zh),
            RefNeeded { item } => {
                format!(
                    "项目“{}”需要填写编号（专利号、证书号或案号）以防重复资助",
                    item.zh
                )
            }
            BadYesNo { written } => format!("“{written}”应为 是/否、yes/no、true/false 或 1/0"),
            BadChoice { written, allowed } => {
                format!("“{written}”不是可选的值（{}）", allowed.join("、"))
            }
            ExtraCells { count } => format!("本行比表头多出 {count} 个非空单元格"),
            EmptyRow => "空行".into(),
            MangledId { written } => format!(
                "“{written}”像是被 Excel 转成了数字的证件号码或信用代码：请把该列设为文本格式后重新输入"
            ),
            OneRefPerUnit { quantity, refs } => format!(
                "数量 {quantity} 与编号个数 {} 不一致（读到：{}）：按件计的项目每件列一个编号（用；、或换行分隔，空格不分隔）",
                refs.len(),
                refs.join("｜")
            ),
            RefRepeated { reference } => format!("编号“{reference}”在同一单元格中重复"),
            OneRefOnly { item } => format!("项目“{}”每笔申报只填一个编号", item.zh),
            ControlCharacter { written, code } => format!(
                "“{written}”含有控制字符 U+{code:04X}（表格中看不见）：请删除后重新输入该单元格"
            ),
        }
    }

    fn problem_described(&self, problem: &Problem) -> String {
        match problem.column.as_str() {
            "" => self.problem(&problem.kind),
            column => format!("{column}: {}", self.problem(&problem.kind)),
        }
    }

    /// The location prefix stays in English, as in every language: scripts
    /// and editors read it.
    fn invalid_row_line(&self, file: &str, line: u64, problem: &Problem) -> String {
        match problem.column.as_str() {
            "" => format!("{file}:{line}: {}", self.problem(&problem.kind)),
            column => format!(
                "{file}:{line}: column {column}: {}",
                self.problem(&problem.kind)
            ),
        }
    }

    fn check_char_note(&self, fault: &CheckFault) -> String {
        let (w, e) = (fault.written(), fault.expected());
        let kind = match fault.kind {
            IdKind::CreditCode => "统一社会信用代码",
            IdKind::IdNumber => "身份证号码",
        };
        format!(
            "{}: {kind}校验码为 {w}，按前 17 位应为 {e}，请与纸质申报材料核对",
            Column::ApplicantId.name()
        )
    }

    fn item_part_note(&self, written: &str, item: &crate::policy::Item) -> String {
        format!(
            "{}: 所填“{written}”是“{}”名称的一部分，按该项目计算，请核对",
            Column::Item.name(),
            item.name.zh
        )
    }

    fn date_serial_note(&self, date: crate::date::Date) -> String {
        format!(
            "{}: 所填 {} 是电子表格的日期序号，读作 {date}，请核对",
            Column::Date.name(),
            date.excel_serial()
        )
    }

    fn check_char_warning(&self, warning: &CheckWarning) -> String {
        let CheckWarning {
            file,
            line,
            column,
            id,
            fault,
        } = warning;
        let id = crate::text::shown_id(id);
        let (w, e) = (fault.written(), fault.expected());
        let (kind, standard) = match fault.kind {
            IdKind::CreditCode => ("统一社会信用代码", "GB 32100-2015"),
            IdKind::IdNumber => ("身份证号码", "GB 11643-1999"),
        };
        format!(
            "{file}:{line}: column {}: {kind} {id} 的校验码为 {w}，按前 17 位应为 {e}（{standard}），号码中有字符填错；本条仍按所填号码计算，请与纸质申报材料核对",
            column.name()
        )
    }

    fn claims_error(&self, error: &ClaimsError) -> String {
        match error {
            ClaimsError::Undecodable {
                file,
                line,
                charset,
            } => format!(
                "{file}:{line}: 此行不是有效的 {} 文本（文件既不是 UTF-8 也不是 GB18030/GBK，或与 --encoding 不符）；请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”",
                charset.name()
            ),
            ClaimsError::NoHeader { file } => format!("{file}:1: 文件为空，缺少表头行"),
            ClaimsError::MissingColumns {
                file,
                line,
                missing,
                found,
                suggestions,
            } => {
                let names: Vec<String> = missing.iter().map(|c| column_zh(*c)).collect();
                let mut said = format!(
                    "{file}:{line}: 缺少必需的列：{}；文件的表头为：{}",
                    names.join("、"),
                    found.join("、")
                );
                for (header, column) in suggestions {
                    let choice = format!("{}={header}", column.name());
                    said.push_str(&format!(
                        "；“{header}”是否为 {}？（若是，请加 --column {}）",
                        column_zh(*column),
                        crate::headers::shell_word(&choice)
                    ));
                }
                said
            }
            ClaimsError::RepeatedColumn { file, line, column } => {
                format!("{file}:{line}: 列 {column} 出现了两次")
            }
            ClaimsError::LooksLikeColumns {
                file,
                line,
                headers,
            } => looks_like_columns(file, *line, headers),
            ClaimsError::BadColumnChoice { at, written } => format!(
                "{at}: “{written}”不是“列名=表头”的形式，或列名不是本工具读取的列（{}）或政策的条件",
                crate::claims::columns().join("、")
            ),
            ClaimsError::Csv {
                file,
                line,
                message,
            } => format!("{file}:{line}: CSV 格式错误：{message}"),
            ClaimsError::ReaderStopped { file } => {
                format!("{file}:0: CSV 格式错误：the CSV reader stopped unexpectedly")
            }
            ClaimsError::Zipped { file } => format!(
                "{file}:1: 这是 Excel 工作簿（xlsx），不是 CSV 文本；请把文件名改为 .xlsx 后再读"
            ),
            ClaimsError::Workbook { file, message } => {
                format!("{file}:1: 无法打开工作簿：{message}")
            }
            ClaimsError::NoSuchSheet {
                file,
                sheet,
                sheets,
            } => match sheets.is_empty() {
                true => format!("{file}:1: 工作簿中没有工作表"),
                false => format!(
                    "{file}:1: 没有名为“{sheet}”的工作表；工作表有：{}",
                    sheets.join("、")
                ),
            },
            ClaimsError::BadCell { file, cell, error } => {
                format!("{file}: 单元格 {cell} 显示错误 {error}；请改正公式或填入数值")
            }
        }
    }

    fn ledger_problem(&self, problem: &LedgerProblem) -> String {
        match problem {
            LedgerProblem::NotAPayout { missing } => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                format!("不是本工具输出的拨付表：缺少列 {}", names.join("、"))
            }
            LedgerProblem::BadAmount { written } => format!("“{written}”不是金额"),
            LedgerProblem::BadStatus { written } => format!("“{written}”不是状态"),
            LedgerProblem::PaidWithStatus { written } => {
                format!("“{written}”行不应有拨付金额")
            }
            LedgerProblem::UnknownItem { written } => format!("“{written}”不是本政策的项目"),
            LedgerProblem::BadYear { written } => format!("“{written}”不是年份"),
            LedgerProblem::BadDate { written } => format!("“{written}”不是日期"),
            LedgerProblem::BadQuantity { written } => format!("“{written}”不是数量"),
            LedgerProblem::MangledId { written } => format!(
                "“{written}”像是被 Excel 转成了数字的证件号码：请用本工具输出的原文件，或把该列设为文本后重新输入"
            ),
            LedgerProblem::BadRefs { written } => format!("“{written}”不是每件一个的编号列表"),
            LedgerProblem::RepeatedClaimId { first_line } => format!(
                "该申请编号已在本表第 {first_line} 行处理过：拨付表中每笔申报只出现一次"
            ),
            LedgerProblem::PayableOverComputed { payable, computed } => format!(
                "拨付金额 {payable} 大于核算金额 {computed}：本工具输出的拨付表不会多于办法规定的金额"
            ),
            LedgerProblem::WrongClause { written, expected } => {
                format!("“{written}”不是该行项目所属条款（应为{expected}）")
            }
            LedgerProblem::YearNotDate { written, date_year } => {
                format!("年度“{written}”与该行日期的年份（{date_year}）不一致")
            }
            LedgerProblem::ControlCharacter { written, code } => format!(
                "“{written}”含有控制字符 U+{code:04X}，本工具输出的拨付表不会有"
            ),
            LedgerProblem::Undecodable { charset } => {
                format!(
                    "此行不是有效的 {} 文本（可用 --encoding 指定编码）",
                    charset.name()
                )
            }
            LedgerProblem::Csv { message } => message.clone(),
        }
    }

    fn ledger_error(&self, error: &LedgerError) -> String {
        let LedgerError {
            file,
            line,
            column,
            what,
        } = error;
        let what = self.ledger_problem(what);
        match column {
            None => format!("{file}:{line}: 往期拨付表（--ledger）: {what}"),
            Some(column) => format!(
                "{file}:{line}: 往期拨付表（--ledger）: 列 {}: {what}",
                column.name()
            ),
        }
    }
}

/// A column as a Chinese sheet knows it: `applicant_id（统一社会信用代码）`.
fn column_zh(column: Column) -> String {
    match column.chinese_names().first() {
        Some(zh) => format!("{}（{zh}）", column.name()),
        None => column.name().to_string(),
    }
}

/// Headers that look like columns which change a payment, each with the
/// two ways to settle it.
fn looks_like_columns(file: &str, line: u64, headers: &[(String, Column)]) -> String {
    let mut said = format!(
        "{file}:{line}: 以下列本工具不会读取，但看起来会影响资助金额；请说明每列是什么后再运行："
    );
    for (header, column) in headers {
        let h = crate::headers::shell_word(header);
        let c = column.name();
        said.push_str(&format!(
            "“{header}”像是 {}：按此列读取请加 --column {}；不读取、原样带入拨付表请加 --ignore-column {h}；",
            column_zh(*column),
            crate::headers::shell_word(&format!("{c}={header}"))
        ));
    }
    said.push_str("（--column 可重复，也可每行一条“列名=表头”写入文件，用 --columns 指定）");
    said
}
