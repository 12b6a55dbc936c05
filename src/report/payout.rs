//! The payout CSV the finance bureau pays from (SPEC §7): one row per input
//! row, in input order. It is also a valid `--ledger` for the next batch.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Decided;
use crate::lang::Lang;

/// The columns of the payout CSV, in the contract's order (SPEC §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayoutColumn {
    ClaimId,
    ApplicantId,
    ApplicantName,
    ApplicantType,
    Clause,
    Item,
    Ref,
    Date,
    Year,
    Quantity,
    Amount,
    Computed,
    Payable,
    Cut,
    Status,
    Reason,
}

impl PayoutColumn {
    pub const ALL: [PayoutColumn; 16] = [
        PayoutColumn::ClaimId,
        PayoutColumn::ApplicantId,
        PayoutColumn::ApplicantName,
        PayoutColumn::ApplicantType,
        PayoutColumn::Clause,
        PayoutColumn::Item,
        PayoutColumn::Ref,
        PayoutColumn::Date,
        PayoutColumn::Year,
        PayoutColumn::Quantity,
        PayoutColumn::Amount,
        PayoutColumn::Computed,
        PayoutColumn::Payable,
        PayoutColumn::Cut,
        PayoutColumn::Status,
        PayoutColumn::Reason,
    ];

    /// The header as the contract names it.
    pub const fn name(self) -> &'static str {
        match self {
            PayoutColumn::ClaimId => "claim_id",
            PayoutColumn::ApplicantId => "applicant_id",
            PayoutColumn::ApplicantName => "applicant_name",
            PayoutColumn::ApplicantType => "applicant_type",
            PayoutColumn::Clause => "clause",
            PayoutColumn::Item => "item",
            PayoutColumn::Ref => "ref",
            PayoutColumn::Date => "date",
            PayoutColumn::Year => "year",
            PayoutColumn::Quantity => "quantity",
            PayoutColumn::Amount => "amount",
            PayoutColumn::Computed => "computed",
            PayoutColumn::Payable => "payable",
            PayoutColumn::Cut => "cut",
            PayoutColumn::Status => "status",
            PayoutColumn::Reason => "reason",
        }
    }

    /// The header a Chinese sheet gives the column.
    pub fn name_zh(self) -> &'static str {
        match self {
            PayoutColumn::ClaimId => "申报编号",
            PayoutColumn::ApplicantId => "申请人代码",
            PayoutColumn::ApplicantName => "申请人名称",
            PayoutColumn::ApplicantType => "申请人类型",
            PayoutColumn::Clause => "条款",
            PayoutColumn::Item => "资助项目",
            PayoutColumn::Ref => "编号",
            PayoutColumn::Date => "日期",
            PayoutColumn::Year => "年度",
            PayoutColumn::Quantity => "数量",
            PayoutColumn::Amount => "金额",
            PayoutColumn::Computed => "核定金额",
            PayoutColumn::Payable => "拨付金额",
            PayoutColumn::Cut => "核减金额",
            PayoutColumn::Status => "状态",
            PayoutColumn::Reason => "理由",
        }
    }

    /// Money: numbers a spreadsheet must see as numbers, never escaped.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            PayoutColumn::Computed | PayoutColumn::Payable | PayoutColumn::Cut
        )
    }
}

pub fn write_payout(
    decided: &Decided,
    out: &mut dyn Write,
    bom: bool,
    lang: Lang,
) -> io::Result<()> {
    write_payout_headed(decided, out, bom, false, lang)
}

/// The payout CSV, its header row in Chinese (`PayoutColumn::name_zh`)
/// when `chinese` (a ledger reads either).
pub fn write_payout_headed(
    decided: &Decided,
    out: &mut dyn Write,
    bom: bool,
    chinese: bool,
    lang: Lang,
) -> io::Result<()> {
    if bom {
        out.write_all(crate::text::BOM)?;
    }
    let rows = decided.batch.rows.len();
    let mut header = csv::Writer::from_writer(Vec::new());
    let name = if chinese {
        PayoutColumn::name_zh
    } else {
        PayoutColumn::name
    };
    // The clerk's own columns follow the contract's, in the file's order.
    let clerk = decided.batch.unknown_columns.iter().map(String::as_str);
    header.write_record(PayoutColumn::ALL.map(name).into_iter().chain(clerk))?;
    out.write_all(&header.into_inner().map_err(|e| e.into_error())?)?;
    super::chunks::write_in_chunks(rows, out, |range, buffer| {
        let mut writer = csv::Writer::from_writer(std::mem::take(buffer));
        write_rows(decided, range, &mut writer, lang)?;
        *buffer = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    })
}

fn write_rows<W: Write>(
    decided: &Decided,
    range: std::ops::Range<usize>,
    writer: &mut csv::Writer<W>,
    lang: Lang,
) -> io::Result<()> {
    let mut scratch = String::new();
    for line in decided.lines_in(range) {
        line.each_cell(decided.policy, lang, &mut scratch, &mut |column, cell| {
            let cell = if column.is_money() {
                Cow::Borrowed(cell)
            } else {
                crate::text::defuse(cell)
            };
            writer.write_field(cell.as_bytes()).map_err(io_error)
        })?;
        for cell in decided.batch.clerk_cells(line.index) {
            let cell = crate::text::shown_in_file(cell);
            let cell = crate::text::defuse(&cell);
            writer.write_field(cell.as_bytes()).map_err(io_error)?;
        }
        writer.write_record(None::<&[u8]>).map_err(io_error)?;
    }
    Ok(())
}

/// The writer's own error when it has one, so that a reader going away
/// (`| head`) is still a broken pipe, which is not a failure.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
