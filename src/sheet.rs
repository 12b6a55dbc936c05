//! Spreadsheets in (`.xlsx`, `.xlsm`, `.xls`, `.ods`): a sheet becomes the
//! CSV text the claims and ledger readers already read, so that every rule
//! of reading stays one path. Dates come from date cells as `yyyy-mm-dd`,
//! numbers from number cells as a person reads them (`12345.67`, `2000`).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use crate::claims::ClaimsError;

/// The extensions read as spreadsheets.
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The first bytes of a zip file (an `.xlsx` is one).
pub const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// Whether a path names a spreadsheet, by its extension.
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Which sheet of a workbook to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice<'a> {
    /// This one (`--sheet` of a claims file), or the first when `None`.
    Named(Option<&'a str>),
    /// The first of these the workbook has, else its first sheet (a
    /// ledger: `--sheet` if it has it, else the payout's 明细).
    Preferred(&'a [&'a str]),
}

/// One sheet of a workbook as CSV text. Rows keep their numbers: blank
/// lines stand for the empty rows above the sheet's first cell, so
/// `FILE:LINE` is the sheet's row.
pub fn sheet_as_csv(path: &Path, choice: Choice) -> Result<Vec<u8>, ClaimsError> {
    read_sheet(path, choice).map(|sheet| sheet.text)
}

/// A sheet read as CSV text, with what names its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetText {
    /// The sheet's name, as the workbook has it.
    pub name: String,
    /// The sheet's column (from 0) of the text's first column.
    pub first_col: usize,
    /// As `sheet_as_csv` gives it.
    pub text: Vec<u8>,
}

/// As `sheet_as_csv`, with the sheet's name and first column.
pub fn read_sheet(path: &Path, choice: Choice) -> Result<SheetText, ClaimsError> {
    let file = path.display().to_string();
    let unreadable = |e: &dyn std::fmt::Display| ClaimsError::Workbook {
        file: file.clone(),
        message: e.to_string(),
    };
    let mut workbook = open_workbook_auto(path).map_err(|e| unreadable(&e))?;
    let names = workbook.sheet_names();
    let same = |n: &String, wanted: &str| {
        n.as_str() == wanted || n.trim().eq_ignore_ascii_case(wanted.trim())
    };
    let found = match choice {
        Choice::Named(Some(wanted)) => names.iter().find(|n| same(n, wanted)),
        Choice::Named(None) => names.first(),
        Choice::Preferred(wanted) => wanted
            .iter()
            .find_map(|w| names.iter().find(|n| same(n, w)))
            .or(names.first()),
    };
    let name = found.cloned().ok_or_else(|| ClaimsError::NoSuchSheet {
        file: file.clone(),
        sheet: match choice {
            Choice::Named(Some(wanted)) => wanted.to_string(),
            _ => String::new(),
        },
        sheets: names.clone(),
    })?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| unreadable(&e))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut out = vec![b'\n'; first_row as usize];
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(&mut out);
    for (r, row) in range.rows().enumerate() {
        let mut cells = Vec::with_capacity(row.len());
        for (c, data) in row.iter().enumerate() {
            let text = cell_text(data).map_err(|error| ClaimsError::BadCell {
                file: file.clone(),
                cell: cell_name(&name, first_row as usize + r, first_col as usize + c),
                error,
            })?;
            cells.push(text);
        }
        writer.write_record(&cells).map_err(|e| unreadable(&e))?;
    }
    writer.flush().map_err(|e| unreadable(&e))?;
    drop(writer);
    Ok(SheetText {
        name,
        first_col: first_col as usize,
        text: out,
    })
}

/// A cell as the text a person reads in it, or the error it shows.
fn cell_text(data: &Data) -> Result<String, String> {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            }
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// A number cell as a person reads it: at most 15 significant digits (as
/// Excel shows them), no float noise, no trailing zeros. A number of 16
/// digits or more (an id Excel has turned into a number) keeps the
/// exponent, so it is not mistaken for the id it was.
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    if value.abs() >= 1e15 {
        return format!("{value:e}");
    }
    let whole_digits = if value == 0.0 {
        1
    } else {
        value.abs().log10().floor() as i32 + 1
    };
    let decimals = (15 - whole_digits).clamp(0, 15) as usize;
    let text = format!("{value:.decimals$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" => "0".to_string(),
        t => t.to_string(),
    }
}

/// A cell's name as the sheet writes it: `申报!B17`.
pub fn cell_name(sheet: &str, row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    let letters = String::from_utf8(letters).unwrap_or_default();
    format!("{sheet}!{letters}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_a_person_reads_them() {
        assert_eq!(number_text(12345.67), "12345.67");
        assert_eq!(number_text(2000.0), "2000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.5), "-0.5");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(1.5e-3), "0.0015");
        let id = number_text(441882199001011234.0);
        assert!(id.starts_with("4.41882") && id.contains("e17"), "{id}");
    }

    #[test]
    fn date_cells_read_as_dates_and_error_cells_are_refused() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        let date = ExcelDateTime::new(45356.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), Ok("2024-03-05".into()));
        let noon = ExcelDateTime::new(45356.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_text(&Data::DateTime(noon)),
            Ok("2024-03-05 12:00:00".into())
        );
        assert_eq!(cell_text(&Data::Int(3)), Ok("3".into()));
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-03-05T00:00:00".into())),
            Ok("2024-03-05".into())
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::NA)),
            Err("#N/A".into())
        );
    }

    #[test]
    fn cells_are_named_as_the_sheet_names_them() {
        assert_eq!(cell_name("申报", 16, 1), "申报!B17");
        assert_eq!(cell_name("S", 0, 25), "S!Z1");
        assert_eq!(cell_name("S", 0, 26), "S!AA1");
        assert_eq!(cell_name("S", 9, 701), "S!ZZ10");
        assert_eq!(cell_name("S", 9, 702), "S!AAA10");
    }

    #[test]
    fn spreadsheets_are_told_by_their_extension() {
        assert!(is_spreadsheet(Path::new("a/申报.XLSX")));
        assert!(is_spreadsheet(Path::new("b.ods")));
        assert!(!is_spreadsheet(Path::new("b.csv")));
        assert!(!is_spreadsheet(Path::new("xlsx")));
    }
}
