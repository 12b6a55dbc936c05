//! The claims family's sentences, written once for every language, the
//! words side by side.

use super::ClaimsWords;
use crate::claims::{CheckFault, CheckWarning, ClaimsError, Column, IdKind, Problem, ProblemKind};
use crate::headers::shell_word;
use crate::ledger::{LedgerError, LedgerProblem};
use crate::money::AmountError;
use crate::words::side_by_side::{list_sep, pick, say, Language};
use crate::words::Lang;

/// A column as the reader of a message knows it: `applicant_id` in English,
/// `applicant_id（统一社会信用代码）` for a Chinese sheet.
fn column_named(l: Lang, column: Column) -> String {
    match (l, column.chinese_names().first()) {
        (Lang::Zh, Some(zh)) => format!("{}（{zh}）", column.name()),
        (Lang::Zh | Lang::En, _) => column.name().to_string(),
    }
}

impl<L: Language> ClaimsWords for L {
    fn problem(&self, kind: &ProblemKind) -> String {
        use ProblemKind::*;
        let l = L::LANG;
        match kind {
            Missing => pick!(l, zh: "必填，不能为空", en: "required, but empty").into(),
            DuplicateClaimId { first_line } => say!(l,
                zh: "申报编号重复，第 {first_line} 行已使用，本行不予处理";
                en: "repeats the claim_id of line {first_line}; only the first is processed"),
            UnknownItem {
                written,
                suggestions,
            } if suggestions.is_empty() => say!(l,
                zh: "“{written}”不是政策中的项目";
                en: "`{written}` is not an item of the policy"),
            UnknownItem {
                written,
                suggestions,
            } => {
                let list = suggestions.join(", ");
                say!(l,
                    zh: "“{written}”不是政策中的项目，是否为 {list}？";
                    en: "`{written}` is not an item of the policy; did you mean {list}?")
            }
            UnknownType { written } => {
                say!(l, zh: "未知的申请人类型“{written}”"; en: "unknown applicant type `{written}`")
            }
            BadDate { written } => say!(l,
                zh: "“{written}”不是有效日期（如 2024-03-15、2024/3/15、2024年3月15日、20240315）";
                en: "`{written}` is not a valid date (write 2024-03-15, 2024/3/15, 2024年3月15日 or 20240315)"),
            BadNumber { written, why } => bad_number(l, written, why),
            BadQuantity { written } => say!(l,
                zh: "“{written}”不是 1 到 1000000 之间的整数";
                en: "`{written}` is not a whole number from 1 to 1000000"),
            QuantityNotOne { item, quantity } => say!(l,
                zh: "项目“{}”不按件计，数量应为 1（填了 {quantity}）", item.zh;
                en: "item {} is not priced per unit, so the quantity must be 1 (not {quantity})", item.en),
            AmountNeeded { item } => {
                say!(l, zh: "项目“{}”需要填写金额", item.zh; en: "item {} needs an amount", item.en)
            }
            RefNeeded { item } => say!(l,
                zh: "项目“{}”需要填写编号（专利号、证书号或案号）以防重复资助", item.zh;
                en: "item {} needs a ref (patent, certificate or case number) to prevent paying it twice", item.en),
            BadYesNo { written } => say!(l,
                zh: "“{written}”应为 是/否、yes/no、true/false 或 1/0";
                en: "`{written}` is not yes/no, true/false, 1/0 or 是/否"),
            BadChoice { written, allowed } => {
                let allowed = allowed.join(list_sep(l));
                say!(l, zh: "“{written}”不是可选的值（{allowed}）"; en: "`{written}` is none of: {allowed}")
            }
            ExtraCells { count } => say!(l,
                zh: "本行比表头多出 {count} 个非空单元格";
                en: "the row has {count} non-empty cell(s) beyond the header"),
            EmptyRow => pick!(l, zh: "空行", en: "the row is empty").into(),
            MangledId { written } => say!(l,
                zh: "“{written}”像是被 Excel 转成了数字的证件号码或信用代码：请把该列设为文本格式后重新输入";
                en: "`{written}` looks like an ID that Excel turned into a number: format the column as text and type the ID again"),
            OneRefPerUnit { quantity, refs } => {
                let (count, read) = (refs.len(), refs.join(pick!(l, zh: "｜", en: " | ")));
                say!(l,
                    zh: "数量 {quantity} 与编号个数 {count} 不一致（读到：{read}）：按件计的项目每件列一个编号（用；、或换行分隔，空格不分隔）";
                    en: "quantity {quantity} but {count} reference(s) (read: {read}): list one reference per unit (separated by ; , or a line break; spaces do not separate)")
            }
            RefRepeated { reference } => say!(l,
                zh: "编号“{reference}”在同一单元格中重复";
                en: "reference `{reference}` appears twice in the cell"),
            OneRefOnly { item } => say!(l,
                zh: "项目“{}”每笔申报只填一个编号", item.zh;
                en: "item {} takes one reference per claim", item.en),
            ControlCharacter { written, code } => say!(l,
                zh: "“{written}”含有控制字符 U+{code:04X}（表格中看不见）：请删除后重新输入该单元格";
                en: "`{written}` holds the control character U+{code:04X}, which a spreadsheet does not show: delete it and type the cell again"),
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
        let what = self.problem(&problem.kind);
        match problem.column.as_str() {
            "" => format!("{file}:{line}: {what}"),
            column => format!("{file}:{line}: column {column}: {what}"),
        }
    }

    fn check_char_note(&self, fault: &CheckFault) -> String {
        let l = L::LANG;
        let (w, e) = (fault.written(), fault.expected());
        let said = match fault.kind {
            IdKind::CreditCode => say!(l,
                zh: "统一社会信用代码校验码为 {w}，按前 17 位应为 {e}";
                en: "the credit code's check character is {w}, its first 17 characters give {e}"),
            IdKind::IdNumber => say!(l,
                zh: "身份证号码校验码为 {w}，按前 17 位应为 {e}";
                en: "the ID number's check digit is {w}, its first 17 digits give {e}"),
        };
        let column = Column::ApplicantId.name();
        say!(l,
            zh: "{column}: {said}，请与纸质申报材料核对";
            en: "{column}: {said}: compare it with the paper application")
    }

    fn item_part_note(&self, written: &str, item: &crate::policy::Item) -> String {
        let (column, id, name) = (Column::Item.name(), &item.id, &item.name.zh);
        say!(L::LANG,
            zh: "{column}: 所填“{written}”是“{name}”名称的一部分，按该项目计算，请核对";
            en: "{column}: `{written}` is a part of the name of {id} ({name}), and is read as that item; check it")
    }

    fn date_serial_note(&self, date: crate::date::Date) -> String {
        let (column, serial) = (Column::Date.name(), date.excel_serial());
        say!(L::LANG,
            zh: "{column}: 所填 {serial} 是电子表格的日期序号，读作 {date}，请核对";
            en: "{column}: {serial} is a spreadsheet's date serial, read as {date}; check it")
    }

    fn check_char_warning(&self, warning: &CheckWarning) -> String {
        let l = L::LANG;
        let CheckWarning {
            file,
            line,
            column,
            id,
            fault,
        } = warning;
        let id = crate::text::shown_id(id);
        let (w, e) = (fault.written(), fault.expected());
        let said = match fault.kind {
            IdKind::CreditCode => say!(l,
                zh: "统一社会信用代码 {id} 的校验码为 {w}，按前 17 位应为 {e}（GB 32100-2015）";
                en: "the check character of credit code {id} is {w}, but its first 17 characters give {e} (GB 32100-2015)"),
            IdKind::IdNumber => say!(l,
                zh: "身份证号码 {id} 的校验码为 {w}，按前 17 位应为 {e}（GB 11643-1999）";
                en: "the check digit of ID number {id} is {w}, but its first 17 digits give {e} (GB 11643-1999)"),
        };
        let column = column.name();
        say!(l,
            zh: "{file}:{line}: column {column}: {said}，号码中有字符填错；本条仍按所填号码计算，请与纸质申报材料核对";
            en: "{file}:{line}: column {column}: {said}; a character is mistyped somewhere. The claim is computed as written: compare the number with the paper application")
    }

    fn claims_error(&self, error: &ClaimsError) -> String {
        let l = L::LANG;
        match error {
            ClaimsError::Undecodable {
                file,
                line,
                charset,
            } => say!(l,
                zh: "{file}:{line}: 此行不是有效的 {} 文本（文件既不是 UTF-8 也不是 GB18030/GBK，或与 --encoding 不符）；请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”", charset.name();
                en: "{file}:{line}: this line is not valid {} text (the file is neither UTF-8 nor GB18030/GBK, or not what --encoding says); save it as \"CSV UTF-8 (comma delimited)\"", charset.name()),
            ClaimsError::NoHeader { file } => say!(l,
                zh: "{file}:1: 文件为空，缺少表头行";
                en: "{file}:1: the file is empty; it needs a header row"),
            ClaimsError::MissingColumns {
                file,
                line,
                missing,
                found,
                suggestions,
            } => missing_columns(l, file, *line, missing, found, suggestions),
            ClaimsError::RepeatedColumn { file, line, column } => say!(l,
                zh: "{file}:{line}: 列 {column} 出现了两次";
                en: "{file}:{line}: column {column} appears twice"),
            ClaimsError::LooksLikeColumns {
                file,
                line,
                headers,
            } => looks_like_columns(l, file, *line, headers),
            ClaimsError::BadColumnChoice { at, written } => {
                let columns = crate::claims::columns().join(list_sep(l));
                say!(l,
                    zh: "{at}: “{written}”不是“列名=表头”的形式，或列名不是本工具读取的列（{columns}）或政策的条件";
                    en: "{at}: `{written}` is not COLUMN=HEADER with COLUMN one the tool reads ({columns}) or a fact of the policy")
            }
            ClaimsError::Csv {
                file,
                line,
                message,
            } => say!(l,
                zh: "{file}:{line}: CSV 格式错误：{message}";
                en: "{file}:{line}: malformed CSV: {message}"),
            ClaimsError::ReaderStopped { file } => say!(l,
                zh: "{file}:0: CSV 格式错误：the CSV reader stopped unexpectedly";
                en: "{file}:0: malformed CSV: the CSV reader stopped unexpectedly"),
            ClaimsError::Zipped { file } => say!(l,
                zh: "{file}:1: 这是 Excel 工作簿（xlsx），不是 CSV 文本；请把文件名改为 .xlsx 后再读";
                en: "{file}:1: this is an Excel workbook (xlsx), not CSV text; name it .xlsx"),
            ClaimsError::Workbook { file, message } => say!(l,
                zh: "{file}:1: 无法打开工作簿：{message}";
                en: "{file}:1: the workbook cannot be opened: {message}"),
            ClaimsError::NoSuchSheet { file, sheets, .. } if sheets.is_empty() => say!(l,
                zh: "{file}:1: 工作簿中没有工作表";
                en: "{file}:1: the workbook has no sheet"),
            ClaimsError::NoSuchSheet {
                file,
                sheet,
                sheets,
            } => {
                let sheets = sheets.join(list_sep(l));
                say!(l,
                    zh: "{file}:1: 没有名为“{sheet}”的工作表；工作表有：{sheets}";
                    en: "{file}:1: no sheet named `{sheet}`; the sheets are: {sheets}")
            }
            ClaimsError::BadCell { file, cell, error } => say!(l,
                zh: "{file}: 单元格 {cell} 显示错误 {error}；请改正公式或填入数值";
                en: "{file}: cell {cell} shows the error {error}; correct the formula or type the value"),
        }
    }

    fn ledger_problem(&self, problem: &LedgerProblem) -> String {
        let l = L::LANG;
        match problem {
            LedgerProblem::NotAPayout { missing } => {
                let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
                let names = names.join(list_sep(l));
                say!(l,
                    zh: "不是本工具输出的拨付表：缺少列 {names}";
                    en: "not a payout CSV of this tool: missing column(s) {names}")
            }
            LedgerProblem::BadAmount { written } => {
                say!(l, zh: "“{written}”不是金额"; en: "`{written}` is not an amount")
            }
            LedgerProblem::BadStatus { written } => {
                say!(l, zh: "“{written}”不是状态"; en: "`{written}` is not a status")
            }
            LedgerProblem::PaidWithStatus { written } => say!(l,
                zh: "“{written}”行不应有拨付金额";
                en: "`{written}` rows cannot have a payable amount"),
            LedgerProblem::UnknownItem { written } => say!(l,
                zh: "“{written}”不是本政策的项目";
                en: "`{written}` is not an item of this policy"),
            LedgerProblem::BadYear { written } => {
                say!(l, zh: "“{written}”不是年份"; en: "`{written}` is not a year")
            }
            LedgerProblem::BadDate { written } => {
                say!(l, zh: "“{written}”不是日期"; en: "`{written}` is not a date")
            }
            LedgerProblem::BadQuantity { written } => {
                say!(l, zh: "“{written}”不是数量"; en: "`{written}` is not a quantity")
            }
            LedgerProblem::MangledId { written } => say!(l,
                zh: "“{written}”像是被 Excel 转成了数字的证件号码：请用本工具输出的原文件，或把该列设为文本后重新输入";
                en: "`{written}` looks like an ID that Excel turned into a number: use the payout this tool wrote, or format the column as text and type the ID again"),
            LedgerProblem::BadRefs { written } => say!(l,
                zh: "“{written}”不是每件一个的编号列表";
                en: "`{written}` is not a list of one reference per unit"),
            LedgerProblem::RepeatedClaimId { first_line } => say!(l,
                zh: "该申请编号已在本表第 {first_line} 行处理过：拨付表中每笔申报只出现一次";
                en: "the claim_id was already decided on line {first_line} of this ledger: a payout has each claim once"),
            LedgerProblem::PayableOverComputed { payable, computed } => say!(l,
                zh: "拨付金额 {payable} 大于核算金额 {computed}：本工具输出的拨付表不会多于办法规定的金额";
                en: "payable {payable} is more than the computed {computed}: no payout of this tool pays more than the measures give"),
            LedgerProblem::WrongClause { written, expected } => say!(l,
                zh: "“{written}”不是该行项目所属条款（应为{expected}）";
                en: "`{written}` is not the clause of the row's item, which is {expected}"),
            LedgerProblem::YearNotDate { written, date_year } => say!(l,
                zh: "年度“{written}”与该行日期的年份（{date_year}）不一致";
                en: "year `{written}` is not the year of the row's date ({date_year})"),
            LedgerProblem::ControlCharacter { written, code } => say!(l,
                zh: "“{written}”含有控制字符 U+{code:04X}，本工具输出的拨付表不会有";
                en: "`{written}` holds the control character U+{code:04X}, which no payout of this tool writes"),
            LedgerProblem::Undecodable { charset } => say!(l,
                zh: "此行不是有效的 {} 文本（可用 --encoding 指定编码）", charset.name();
                en: "this line is not valid {} text (--encoding names the encoding)", charset.name()),
            LedgerProblem::Csv { message } => message.clone(),
        }
    }

    fn ledger_error(&self, error: &LedgerError) -> String {
        let l = L::LANG;
        let LedgerError {
            file,
            line,
            column,
            what,
        } = error;
        let what = self.ledger_problem(what);
        let ledger = pick!(l, zh: "往期拨付表（--ledger）", en: "ledger");
        match column.as_ref().map(|c| c.name()) {
            None => format!("{file}:{line}: {ledger}: {what}"),
            Some(column) => say!(l,
                zh: "{file}:{line}: {ledger}: 列 {column}: {what}";
                en: "{file}:{line}: {ledger}: column {column}: {what}"),
        }
    }
}

/// Required columns the header lacks, with the headers that may be them.
fn missing_columns(
    l: Lang,
    file: &str,
    line: u64,
    missing: &[Column],
    found: &[String],
    suggestions: &[(String, Column)],
) -> String {
    let names: Vec<String> = missing.iter().map(|c| column_named(l, *c)).collect();
    let (names, found) = (names.join(list_sep(l)), found.join(list_sep(l)));
    let mut said = say!(l,
        zh: "{file}:{line}: 缺少必需的列：{names}；文件的表头为：{found}";
        en: "{file}:{line}: missing required column(s): {names}; the header has: {found}");
    for (header, column) in suggestions {
        let choice = shell_word(&format!("{}={header}", column.name()));
        let column = column_named(l, *column);
        said += &say!(l,
            zh: "；“{header}”是否为 {column}？（若是，请加 --column {choice}）";
            en: "; is `{header}` {column}? (if so, add --column {choice})");
    }
    said
}

/// Headers that look like columns which change a payment, each with the
/// two ways to settle it.
fn looks_like_columns(l: Lang, file: &str, line: u64, headers: &[(String, Column)]) -> String {
    let mut said = say!(l,
        zh: "{file}:{line}: 以下列本工具不会读取，但看起来会影响资助金额；请说明每列是什么后再运行：";
        en: "{file}:{line}: column(s) the tool would not read, though they look like columns that change a payment; say what each is, then run again:");
    for (header, column) in headers {
        let h = shell_word(header);
        let choice = shell_word(&format!("{}={header}", column.name()));
        let c = column_named(l, *column);
        said += &say!(l,
            zh: "“{header}”像是 {c}：按此列读取请加 --column {choice}；不读取、原样带入拨付表请加 --ignore-column {h}；";
            en: " `{header}` looks like {c}: to read it as {c}, add --column {choice}; to carry it through unread, add --ignore-column {h};");
    }
    said += pick!(l,
        zh: "（--column 可重复，也可每行一条“列名=表头”写入文件，用 --columns 指定）",
        en: " (--column may be repeated, or kept as lines COLUMN=HEADER in a file given with --columns)");
    said
}

/// A cell that should hold an amount.
fn bad_number(l: Lang, written: &str, why: &AmountError) -> String {
    match why {
        AmountError::NotANumber => {
            say!(l, zh: "“{written}”不是数字"; en: "`{written}` is not a number")
        }
        AmountError::Negative => {
            say!(l, zh: "“{written}”为负数，金额不能为负"; en: "`{written}` is negative")
        }
        AmountError::TooLarge => {
            say!(l, zh: "“{written}”过大（应小于一万亿）"; en: "`{written}` is too large (10^12 or more)")
        }
    }
}
