//! The payout CSV the finance bureau pays from (SPEC §7): one row per input
//! row, in input order. It is also a valid `--ledger` for the next batch.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Decided;
use crate::words::Lang;

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
    if rows < 2 * CHUNK {
        let mut writer = csv::Writer::from_writer(out);
        write_rows(decided, 0..rows, &mut writer, lang)?;
        return writer.flush();
    }
    write_rows_on_two_threads(decided, out, lang)
}

/// Rows formatted together, in order, by one thread or the other.
const CHUNK: usize = 8192;

/// Formatting the rows is most of writing a payout: a second thread
/// formats every other chunk of rows into a buffer while this one formats
/// and writes the rest, and takes the second thread's buffers in turn. At
/// most a few chunks are held at once.
fn write_rows_on_two_threads(decided: &Decided, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    let rows = decided.batch.rows.len();
    let chunks = rows.div_ceil(CHUNK);
    let range = |k: usize| k * CHUNK..((k + 1) * CHUNK).min(rows);
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
        let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            for k in (1..chunks).step_by(2) {
                let buffer = empty_rx.try_recv().unwrap_or_default();
                let mut writer = csv::Writer::from_writer(buffer);
                let formatted = write_rows(decided, range(k), &mut writer, lang)
                    .and_then(|()| writer.into_inner().map_err(|e| e.into_error()));
                if full_tx.send(formatted).is_err() {
                    return;
                }
            }
        });
        let mut own = Vec::new();
        for k in 0..chunks {
            if k % 2 == 0 {
                let mut writer = csv::Writer::from_writer(std::mem::take(&mut own));
                write_rows(decided, range(k), &mut writer, lang)?;
                own = writer.into_inner().map_err(|e| e.into_error())?;
                out.write_all(&own)?;
                own.clear();
                continue;
            }
            let mut buffer = full_rx
                .recv()
                .map_err(|_| io::Error::other("the formatting thread stopped"))??;
            out.write_all(&buffer)?;
            buffer.clear();
            let _ = empty_tx.send(buffer);
        }
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
            let cell = crate::text::defuse(cell);
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
