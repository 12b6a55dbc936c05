//! The tables and CSV of the what-if commands. A table is built once, of
//! typed cells (`whatif::book::Table`): the terminal shows it as a section
//! (`Section::of`), the workbook writes its cells with their formats. The
//! CSV and JSON for scripts are one long sheet of plain figures.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, Table};
use rust_decimal::Decimal;

use crate::whatif::book::Cell;

/// One table: a title above it, a header, rows; columns from `right_from`
/// on are right-aligned (figures).
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub right_from: usize,
    /// Printed under the table (or instead of it when there are no rows).
    pub note: Option<String>,
}

/// The rows a script reads: one header, every row with its section's key
/// first.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Section {
    /// A typed table as the terminal shows it: money as yuan, a difference
    /// with its sign; the figures, from the first cell that is not text,
    /// right-aligned.
    pub fn of(table: &crate::whatif::book::Table) -> Section {
        let right_from = table
            .rows
            .first()
            .and_then(|row| row.iter().position(|c| !matches!(c, Cell::Text(_))))
            .unwrap_or(table.header.len());
        Section {
            title: table.title.clone(),
            header: table.header.clone(),
            rows: table
                .rows
                .iter()
                .map(|row| row.iter().map(shown).collect())
                .collect(),
            right_from,
            note: table.note.clone(),
        }
    }
}

/// A cell as the terminal shows it.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Money(yuan) => crate::money::yuan(*yuan),
        Cell::Signed(difference) => signed_yuan(*difference),
        Cell::Count(n) => n.to_string(),
        Cell::Share(share) => format!("{}%", (share * Decimal::ONE_HUNDRED).round_dp(2)),
    }
}

/// `+2,000.00` / `-2,000.00`: a difference shows its sign.
fn signed_yuan(d: Decimal) -> String {
    use crate::money::yuan;
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{}", yuan(d))
    } else if d.is_sign_negative() {
        format!("-{}", yuan(-d))
    } else {
        yuan(d)
    }
}

pub fn write_sections(sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    for s in sections {
        writeln!(out, "{}", s.title)?;
        if !s.rows.is_empty() {
            let mut table = Table::new();
            crate::report::fit(&mut table);
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_header(s.header.clone());
            for i in s.right_from..s.header.len() {
                if let Some(col) = table.column_mut(i) {
                    col.set_cell_alignment(CellAlignment::Right);
                }
            }
            for row in &s.rows {
                table.add_row(row.clone());
            }
            writeln!(out, "{table}")?;
        }
        if let Some(note) = &s.note {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}

/// The sheet as CSV: UTF-8, with the byte-order mark Excel needs unless
/// `bom` is false; text cells a spreadsheet would run are defused.
pub fn write_csv(sheet: &Sheet, out: &mut dyn Write, bom: bool) -> io::Result<()> {
    if bom {
        out.write_all(crate::text::BOM)?;
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&sheet.header)?;
    for row in &sheet.rows {
        let cells = row.iter().map(|c| {
            let is_number = c.parse::<rust_decimal::Decimal>().is_ok();
            if !is_number && c.starts_with(crate::text::FORMULA_STARTERS) {
                format!("'{c}")
            } else {
                c.clone()
            }
        });
        writer.write_record(cells)?;
    }
    writer.flush()
}

/// The sheet as JSON: an array of objects keyed by the header.
pub fn sheet_json(sheet: &Sheet) -> serde_json::Value {
    let rows = sheet
        .rows
        .iter()
        .map(|row| {
            let map: serde_json::Map<String, serde_json::Value> = sheet
                .header
                .iter()
                .zip(row)
                .map(|(h, c)| (h.to_string(), serde_json::Value::from(c.as_str())))
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    serde_json::Value::Array(rows)
}
