//! The payout CSV the finance bureau pays from (SPEC §7): one row per input
//! row, in input order. It is also a valid `--ledger` for the next batch.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Decided;
use crate::lang::Lang;
pub use crate::payout_columns::PayoutColumn;

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
