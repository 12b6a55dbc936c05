//! The sentences of the commands themselves, in every language, the words
//! side by side: progress, what reading a claims file noted, inputs and
//! outputs that could not be used.

use rust_decimal::Decimal;

use super::{BookLimit, Notice};
use crate::claims::limits::Stop;
use crate::claims::TotalSum;
use crate::money::short_grouped;
use crate::words::side_by_side::{list_sep, pick, say};
use crate::words::Lang;

/// One notice of a command. Where a notice starts with `file:line:` and a
/// column's name, those stay as written in every language: editors and
/// scripts read them.
pub(super) fn notice(l: Lang, notice: &Notice) -> String {
    let list = list_sep(l);
    match notice {
        Notice::Rows { rows, per_second } => say!(l, zh: "{rows} 行，每秒 {per_second} 行"; en: "{rows} rows, {per_second} rows/s"),
        Notice::RankingUnsettled { passes } => say!(l,
            zh: "本批名额排名经 {passes} 轮仍未稳定，以最后一轮为准；请受理窗口核对名额内的申报";
            en: "the quota ranking had not settled after {passes} passes; the last pass stands; the office should check the claims under a quota"),
        Notice::LangIgnored { value } => say!(l,
            zh: "环境变量 SUBSIDY_LANG=“{value}”不是本工具支持的语言（zh、en），已忽略";
            en: "SUBSIDY_LANG={value} is not a language of this tool (zh, en); ignored"),
        Notice::NoLedgerGiven => pick!(l,
            zh: "未给出 --ledger：未核对此前的拨付，年度上限的已用额度按零计。",
            en: "No --ledger given: earlier payouts are not checked, and the caps count nothing as used.").to_string(),
        Notice::KeyChanged { file, line, column, written, key } => say!(l,
            zh: "{file}:{line}: column {column}: “{written}”含有表格中看不见的字符（或同一字符的另一种写法），按“{key}”比对；本列只提示第一处";
            en: "{file}:{line}: column {column}: `{written}` holds characters a spreadsheet does not show (or writes one character two ways) and is compared as `{key}`; the first such {column} only is named"),
        Notice::QuotaUndecided { ids } => {
            let ids = ids.join(list);
            say!(l,
                zh: "名额排名未定，以下申报转人工、本次不予拨付：{ids}；请评分或决定后重新运行本批";
                en: "a quota's ranking is undecided: {ids} left manual and paid nothing; score or decide them and run the batch again")
        }
        Notice::InputStopped { path, stop } => input_stopped(l, path, stop),
        Notice::UnknownColumns { path, line, columns } => {
            let columns = columns.join(list);
            say!(l,
                zh: "{path}:{line}: 提示：本工具不使用的列，原样带入拨付表：{columns}";
                en: "{path}:{line}: note: column(s) the tool does not use, carried into the payout as they are: {columns}")
        }
        Notice::UnknownTag { file, line, tag, known } => say!(l,
            zh: "{file}:{line}: column tags: 资格“{tag}”不是政策中的资格，不予计入（可用：{known}）";
            en: "{file}:{line}: column tags: `{tag}` is not a tag of the policy and does not count (known: {known})"),
        Notice::TwoNames { file, line, id, first, second } => say!(l,
            zh: "{file}:{line}: column applicant_name: 申请人 {id} 在本批中有两个名称：“{first}”与“{second}”，请核对";
            en: "{file}:{line}: column applicant_name: applicant {id} has two names in this batch, `{first}` and `{second}`: check which is right"),
        Notice::AboveHeader { path, line, rows } => above_header(l, path, *line, rows),
        Notice::TotalsRow { path, line, sums } => totals_row(l, path, *line, sums),
        Notice::ItemByPart { file, line, written, id, name } => say!(l,
            zh: "{file}:{line}: 提示：资助项目“{written}”是“{name}”（{id}）名称的一部分，按该项目计算；每一行的理由都注明了";
            en: "{file}:{line}: note: item `{written}` is a part of the name of {id} ({name}) and is read as that item; each such row's reason says so"),
        Notice::DateSerials { file, line, serial, date, count } => say!(l,
            zh: "{file}:{line}: 提示：有 {count} 行的日期填的是电子表格的日期序号（如 {serial} 即 {date}），已按日期读取；每一行的理由都注明了";
            en: "{file}:{line}: note: {count} row(s) give the date as a spreadsheet's date serial ({serial} is {date}), read as dates; each such row's reason says so"),
        Notice::MoreLikeThis { count, in_reasons } => more_like_this(l, *count, *in_reasons),
        Notice::DryRun => pick!(l, zh: "试算：不写入任何文件。", en: "Dry run: nothing is written.").to_string(),
        Notice::NoRefGiven => pick!(l,
            zh: "未给出 --ref：无法检查同一编号是否已获资助。",
            en: "No --ref given: whether the same ref was paid before is not checked.").to_string(),
        Notice::CannotRead { path, source } => say!(l, zh: "{path}: 无法读取：{source}"; en: "{path}: cannot read: {source}"),
        Notice::CannotWrite { path, source } => cannot_write(l, path, source),
        Notice::BookCannotHold { limit } => book_cannot_hold(l, *limit),
        Notice::OutIsInput { out, input } => say!(l,
            zh: "--out {out} 就是本次运行要读取的文件 {input}：写入会覆盖输入；未读取也未写入任何文件（请另选 --out）";
            en: "--out {out} is the file {input} this run reads: writing it would replace the input; nothing was read or written (choose another --out)"),
        Notice::Strict { file, invalid } => say!(l,
            zh: "{file}: 有 {invalid} 行数据无效（--strict），未输出任何结果";
            en: "{file}: {invalid} invalid row(s) under --strict; nothing was written"),
        Notice::NoClaimsOfApplicant { file, applicant } => say!(l,
            zh: "{file}：没有申请人 {applicant} 的申报";
            en: "{file}: no claims of applicant {applicant}"),
        Notice::NoSuchClaims { file, ids } => {
            let ids = ids.join(list);
            say!(l, zh: "{file}：没有申报编号 {ids}"; en: "{file}: no claim {ids}")
        }
        Notice::UnknownFact { id, known } => {
            let known = known.join(list);
            say!(l,
                zh: "政策未声明事实“{id}”（可用：{known}），写法 --fact ID=VALUE";
                en: "the policy declares no fact `{id}` (known: {known}); write --fact ID=VALUE")
        }
        Notice::InvalidClaim { id, file, line, reason } => say!(l,
            zh: "== 申报 {id} ==\n{file}第 {line} 行：数据无效（invalid），不参与计算\n理由：{reason}\n";
            en: "== claim {id} ==\n{file} line {line}: invalid, not computed\nreason: {reason}\n"),
    }
}

/// An input passed a limit of the reader: where, which limit, and the flag
/// that raises it.
fn input_stopped(l: Lang, path: &str, stop: &Stop) -> String {
    let line = stop.line();
    match stop {
        Stop::FieldBytes { limit, .. } => say!(l,
            zh: "{path}:{line}: 单元格超过 {limit} 字节的上限，文件未读取（可用 --max-field-bytes 调高）";
            en: "{path}:{line}: a cell is longer than the limit of {limit} bytes; the file was not read (raise it with --max-field-bytes)"),
        Stop::RecordBytes { limit, .. } => say!(l,
            zh: "{path}:{line}: 一行超过 {limit} 字节的上限，文件未读取（可用 --max-record-bytes 调高）";
            en: "{path}:{line}: a row is longer than the limit of {limit} bytes; the file was not read (raise it with --max-record-bytes)"),
        Stop::Rows { limit, .. } => say!(l,
            zh: "{path}:{line}: 超过 {limit} 行的上限，文件未读取（可用 --max-rows 调高）";
            en: "{path}:{line}: more than the limit of {limit} rows; the file was not read (raise it with --max-rows)"),
        Stop::UnclosedQuote { .. } => say!(l,
            zh: "{path}:{line}: 此处开始的引号（\"）直到文件末尾都没有闭合，其后各行会被并入一个单元格；文件未读取";
            en: "{path}:{line}: a quote (\") opened here is never closed, so every later row would run into one cell; the file was not read"),
        Stop::Unpacked { limit } => say!(l,
            zh: "{path}: 工作簿解压后超过 {limit} 字节，远超任何申报表所需；文件未读取";
            en: "{path}: the workbook unpacks to more than {limit} bytes, more than any sheet of claims needs; the file was not read"),
    }
}

/// Why an `--out` workbook cannot be made.
fn book_cannot_hold(l: Lang, limit: BookLimit) -> String {
    match limit {
        BookLimit::RowsOrColumns => pick!(l,
            zh: "工作簿的一张表最多 1,048,576 行、16,384 列，本次内容超出；请输出为 .csv",
            en: "a workbook's sheet holds at most 1,048,576 rows and 16,384 columns, and this one needs more; write it as .csv").to_string(),
        BookLimit::CellText => pick!(l,
            zh: "工作簿的一个单元格最多 32,767 个字符，本次有单元格超出；请输出为 .csv",
            en: "a workbook's cell holds at most 32,767 characters, and one here has more; write it as .csv").to_string(),
        BookLimit::Other(why) => say!(l, zh: "无法生成工作簿：{why}"; en: "the workbook cannot be made: {why}"),
    }
}

/// A totals row, with each sum it holds checked against the rows.
fn totals_row(l: Lang, path: &str, line: u64, sums: &[TotalSum]) -> String {
    let mut said = say!(l,
        zh: "{path}:{line}: 提示：第 {line} 行是合计行，不作为申报读取";
        en: "{path}:{line}: note: row {line} is a totals row, not read as a claim");
    for sum in sums {
        let name = pick!(l, zh: sum.column.chinese_names().first().copied().unwrap_or(""), en: sum.column.name());
        let written = short_grouped(sum.written);
        let part = match sum.rows {
            Some(rows) if rows == sum.written => say!(l,
                zh: "；{name}合计 {written} 与各行之和相符";
                en: "; its {name} {written} is the sum of the rows"),
            Some(rows) => {
                let rows = short_grouped(rows);
                say!(l,
                    zh: "；注意：{name}合计 {written} 与各行之和 {rows} 不符，请核对";
                    en: "; check it: its {name} {written} is not the sum of the rows, {rows}")
            }
            None => say!(l,
                zh: "；各行{name}中有非数字，{name}合计 {written} 无法核对";
                en: "; its {name} {written} cannot be checked: a row's {name} is no number"),
        };
        said.push_str(&part);
    }
    said
}

/// The rows above the header row, in one note.
fn above_header(l: Lang, path: &str, line: u64, rows: &[(u64, String)]) -> String {
    let rows: Vec<String> = (rows.iter())
        .map(|(n, text)| say!(l, zh: "第 {n} 行“{text}”"; en: "row {n} `{text}`"))
        .collect();
    let rows = rows.join(pick!(l, zh: "；", en: "; "));
    say!(l,
        zh: "{path}:{line}: 提示：表头在第 {line} 行；其上的行不是申报，未读取：{rows}";
        en: "{path}:{line}: note: the header is row {line}; the rows above it are not claims and were not read: {rows}")
}

/// More notices of the kind just said, not shown.
fn more_like_this(l: Lang, count: usize, in_reasons: bool) -> String {
    let count = short_grouped(Decimal::from(count));
    let where_ = match in_reasons {
        true => pick!(l, zh: "；每一行的理由都写明了", en: "; each row's reason says it"),
        false => "",
    };
    say!(l, zh: "……另有 {count} 条同类提示未列出{where_}"; en: "… and {count} more like this{where_}")
}

/// Why an output could not be written; a FIFO's reader that left early
/// in words, since the system's are of no help there.
fn cannot_write(l: Lang, path: &str, source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::BrokenPipe => say!(l,
            zh: "{path}: 无法写入：读取方在写完之前关闭了它，已读到的内容不完整";
            en: "{path}: cannot write: its reader closed it before the end; what it read is incomplete"),
        _ => say!(l, zh: "{path}: 无法写入：{source}"; en: "{path}: cannot write: {source}"),
    }
}
