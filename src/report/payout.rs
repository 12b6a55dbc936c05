//! The payout CSV the finance bureau pays from (SPEC §7): one row per input
//! row, in input order. It is also a valid `--ledger` for the next batch.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Decided;
use crate::i18n::Lang;

pub const COLUMNS: [&str; 16] = [
    "claim_id",
    "applicant_id",
    "applicant_name",
    "applicant_type",
    "clause",
    "item",
    "ref",
    "date",
    "year",
    "quantity",
    "amount",
    "computed",
    "payable",
    "cut",
    "status",
    "reason",
];

/// The money columns: numbers Excel must see as numbers, never escaped.
const MONEY: [usize; 3] = [11, 12, 13];

/// A cell a spreadsheet would run as a formula is prefixed with `'`.
fn defuse(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

pub fn write_payout(
    decided: &Decided,
    out: &mut dyn Write,
    bom: bool,
    lang: Lang,
) -> io::Result<()> {
    if bom {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(COLUMNS)?;
    for line in decided.lines() {
        let cells = line.cells(decided.policy, lang);
        let record = cells.iter().enumerate().map(|(i, c)| {
            if MONEY.contains(&i) {
                Cow::Borrowed(c.as_str())
            } else {
                defuse(c)
            }
        });
        writer.write_record(record.map(|c| c.into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+86"), "'+86");
        assert_eq!(defuse("-x"), "'-x");
        assert_eq!(defuse("@a"), "'@a");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("C-001"), "C-001");
    }
}
