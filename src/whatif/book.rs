//! The workbooks of the what-if commands (`compare --out cost.xlsx`,
//! `report --out review.xlsx`): sheets of titled tables whose cells are
//! typed, and a native chart beside a sheet's first table. Money is written
//! as numbers with a money format; every text as a text cell, so nothing a
//! spreadsheet would run as a formula is ever one. The words (sheet names,
//! headers, titles) are given by the caller, in its language.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Yuan, shown `#,##0.00`.
    Money(Decimal),
    /// A difference of yuan, shown with its sign.
    Signed(Decimal),
    Count(usize),
    /// A share (0.5 is 50%), shown as a percentage.
    Share(Decimal),
}

/// A table: a title above it, a header, rows; a note below it (or alone,
/// when there are no rows).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

/// Bars across (`Bar`, for many long category names) or columns up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Bar,
    Column,
}

/// A clustered chart of the sheet's first table: one series per column of
/// `values` (named by its header), over the categories of column
/// `categories`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    pub kind: ChartKind,
    pub title: String,
    pub category_axis: String,
    pub value_axis: String,
    pub categories: u16,
    pub values: Vec<u16>,
}

/// One sheet: its name (at most 31 characters, none of `[]:*?/\`), its
/// tables one under another, and a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Tab {
    pub name: String,
    pub tables: Vec<Table>,
    pub chart: Option<ChartPlan>,
}

pub const MONEY: &str = "#,##0.00";
pub const SIGNED: &str = "+#,##0.00;-#,##0.00;0.00";
pub const SHARE: &str = "0.00%";

/// The formats of the cells, made once per workbook.
struct Formats {
    bold: Format,
    money: Format,
    signed: Format,
    share: Format,
}

/// The workbook's bytes.
pub fn workbook(tabs: &[Tab]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats {
        bold: Format::new().set_bold(),
        money: Format::new().set_num_format(MONEY),
        signed: Format::new().set_num_format(SIGNED),
        share: Format::new().set_num_format(SHARE),
    };
    for tab in tabs {
        let sheet = book.add_worksheet();
        sheet.set_name(&tab.name)?;
        write_tab(sheet, tab, &formats)?;
    }
    book.save_to_buffer()
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The tables one under another, a blank row between; the chart to the
/// right of the first. A sheet of one table gets a frozen header and an
/// autofilter.
fn write_tab(sheet: &mut Worksheet, tab: &Tab, formats: &Formats) -> Result<(), XlsxError> {
    let mut row = 0u32;
    let mut first_rows = (0u32, 0u32);
    for (i, table) in tab.tables.iter().enumerate() {
        let start = row;
        row = write_table(sheet, row, table, formats)?;
        if i == 0 {
            first_rows = (start + 2, start + 1 + table.rows.len() as u32);
        }
        row += 1;
    }
    sheet.autofit();
    if let [table] = &tab.tables[..] {
        sheet.set_freeze_panes(2, 0)?;
        if !table.rows.is_empty() {
            let last_col = table.header.len().saturating_sub(1) as u16;
            sheet.autofilter(1, 0, 1 + table.rows.len() as u32, last_col)?;
        }
    }
    match (&tab.chart, tab.tables.first()) {
        (Some(plan), Some(table)) if !table.rows.is_empty() => {
            let chart = chart(plan, &tab.name, table, first_rows);
            sheet.insert_chart(1, table.header.len() as u16 + 1, &chart)?;
        }
        _ => {}
    }
    Ok(())
}

/// One table from `row` on; the row after it.
fn write_table(
    sheet: &mut Worksheet,
    mut row: u32,
    table: &Table,
    formats: &Formats,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, &table.title, &formats.bold)?;
    row += 1;
    if !table.rows.is_empty() {
        for (c, name) in table.header.iter().enumerate() {
            sheet.write_string_with_format(row, c as u16, name, &formats.bold)?;
        }
        row += 1;
    }
    for cells in &table.rows {
        for (c, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, c as u16, cell, formats)?;
        }
        row += 1;
    }
    if let Some(note) = &table.note {
        sheet.write_string(row, 0, note)?;
        row += 1;
    }
    Ok(row)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        // A text cell, never a formula, whatever it starts with.
        Cell::Text(t) if t.is_empty() => sheet,
        Cell::Text(t) => sheet.write_string(row, col, t)?,
        Cell::Money(m) => sheet.write_number_with_format(row, col, number(*m), &formats.money)?,
        Cell::Signed(m) => sheet.write_number_with_format(row, col, number(*m), &formats.signed)?,
        Cell::Count(n) => sheet.write_number(row, col, *n as f64)?,
        Cell::Share(s) => sheet.write_number_with_format(row, col, number(*s), &formats.share)?,
    };
    Ok(())
}

/// The chart of `plan` over the rows `rows` (first and last) of `sheet`.
fn chart(plan: &ChartPlan, sheet: &str, table: &Table, rows: (u32, u32)) -> Chart {
    let (first, last) = rows;
    let mut chart = Chart::new(match plan.kind {
        ChartKind::Bar => ChartType::Bar,
        ChartKind::Column => ChartType::Column,
    });
    chart.title().set_name(&plan.title);
    for &col in &plan.values {
        // Named by its header cell, the row above the first.
        chart
            .add_series()
            .set_name((sheet, first.saturating_sub(1), col))
            .set_categories((sheet, first, plan.categories, last, plan.categories))
            .set_values((sheet, first, col, last, col));
    }
    // A bar chart's x axis is its value axis, across; a column chart's is
    // its category axis.
    let (category, value) = (plan.category_axis.as_str(), plan.value_axis.as_str());
    match plan.kind {
        ChartKind::Bar => {
            chart.y_axis().set_name(category);
            chart.x_axis().set_name(value).set_num_format("#,##0");
        }
        ChartKind::Column => {
            chart.x_axis().set_name(category);
            chart.y_axis().set_name(value).set_num_format("#,##0");
        }
    }
    let categories = table.rows.len() as u32;
    let per_category = 12 * plan.values.len() as u32 + 8;
    if plan.kind == ChartKind::Bar {
        chart.set_height((categories * per_category + 120).max(288));
    } else {
        chart.set_width((categories * per_category + 160).max(480));
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    /// A text that a spreadsheet would run comes back as that text, and a
    /// money cell as its number.
    #[test]
    fn a_formula_in_a_text_cell_stays_text_and_money_is_a_number() {
        let tab = Tab {
            name: "s".into(),
            tables: vec![Table {
                title: "t".into(),
                header: vec!["h".into(), "m".into()],
                rows: vec![vec![
                    Cell::Text("=1+1".into()),
                    Cell::Money(Decimal::new(123_456, 2)),
                ]],
                note: None,
            }],
            chart: None,
        };
        let bytes = workbook(&[tab]).unwrap_or_default();
        let mut book =
            calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let range = book.worksheet_range("s").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("=1+1".into())));
        assert_eq!(range.get_value((2, 1)), Some(&Data::Float(1234.56)));
        let formulas = book
            .worksheet_formula("s")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));
    }
}
