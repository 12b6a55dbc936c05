//! Spreadsheets in (`.xlsx`, `.xlsm`, `.xls`, `.ods`): a sheet becomes the
//! CSV text the claims and ledger readers already read, so that every rule
//! of reading stays one path. Dates come from date cells as `yyyy-mm-dd`,
//! numbers from number cells as a person reads them (`12345.67`, `2000`).

use std::io::{self, Read, Seek};
use std::path::Path;
use std::sync::{mpsc, Arc, Mutex};

use calamine::{open_workbook_auto, Data, Reader, Sheets};

use crate::claims::limits::{guard, Limits, Stop};
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

/// What a sheet's cells are read into, and why reading stopped if it did.
#[derive(Debug)]
pub enum SheetError {
    /// The workbook cannot be read, or a cell shows an error.
    Claims(ClaimsError),
    /// The workbook passes a limit of the reader.
    Stop(Stop),
}

impl From<ClaimsError> for SheetError {
    fn from(e: ClaimsError) -> SheetError {
        SheetError::Claims(e)
    }
}

/// How many bytes a workbook's parts may hold together, unpacked: the
/// limit on the time a small zip can cost, whatever its cells hold.
pub const UNPACKED_BYTES: u64 = 4 << 30;

/// The last row and column (from 0) a sheet can have: XFD1048576.
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u32 = 16_383;

/// A sheet being read as CSV text, a row at a time, by a thread of its
/// own: rows never stand in memory all at once, so a workbook that
/// declares a huge sheet costs no more than the cells it holds.
pub struct SheetStream {
    rows: mpsc::Receiver<Result<Vec<u8>, SheetError>>,
    chunk: Vec<u8>,
    at: usize,
    failed: Failure,
}

/// Where a sheet's stream leaves why it failed, for whoever reads the
/// error its reader led to.
#[derive(Debug, Clone, Default)]
pub struct Failure(Arc<Mutex<Option<SheetError>>>);

impl Failure {
    /// Why the stream failed, if it has (once).
    pub fn take(&self) -> Option<SheetError> {
        self.0.lock().ok()?.take()
    }

    fn set(&self, e: SheetError) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(e);
        }
    }
}

impl SheetStream {
    /// Why the stream ended in an error, once it has.
    pub fn failure(&self) -> Failure {
        self.failed.clone()
    }
}

impl Read for SheetStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            match self.rows.recv() {
                Ok(Ok(chunk)) => (self.chunk, self.at) = (chunk, 0),
                Ok(Err(e)) => {
                    self.failed.set(e);
                    return Err(io::Error::other("the workbook could not be read"));
                }
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// One sheet of a workbook as CSV text. Rows keep their numbers: blank
/// lines stand for the empty rows above and between the sheet's cells, so
/// `FILE:LINE` is the sheet's row.
pub fn sheet_as_csv(path: &Path, choice: Choice, limits: Limits) -> Result<Vec<u8>, SheetError> {
    read_sheet(path, choice, limits).map(|sheet| sheet.text)
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

/// As `sheet_as_csv`, with the sheet's name and first column. The text is
/// held whole, so it passes through the reader's limits as it is read.
pub fn read_sheet(path: &Path, choice: Choice, limits: Limits) -> Result<SheetText, SheetError> {
    let (name, first_col, stream) = open_sheet(path, choice, limits)?;
    let failed = stream.failure();
    let (mut guarded, stopped) = guard(stream, limits);
    let mut text = Vec::new();
    if let Err(e) = guarded.read_to_end(&mut text) {
        drop(guarded);
        if let Some(stop) = stopped.get() {
            return Err(SheetError::Stop(*stop));
        }
        return Err(failed.take().unwrap_or_else(|| {
            SheetError::Claims(ClaimsError::Workbook {
                file: path.display().to_string(),
                message: e.to_string(),
            })
        }));
    }
    Ok(SheetText {
        name,
        first_col,
        text,
    })
}

/// A sheet of a workbook as a stream of CSV text, with the sheet's name
/// and its first column. Before anything is unpacked, a zipped workbook's
/// parts are checked against what they may hold (`check_parts`); every
/// cell is then read once to find where the sheet starts and whether a
/// cell shows an error, and once more, as the stream is read, into text.
pub fn open_sheet(
    path: &Path,
    choice: Choice,
    limits: Limits,
) -> Result<(String, usize, SheetStream), SheetError> {
    let file = path.display().to_string();
    check_parts(path, limits)?;
    let mut workbook = open_workbook_auto(path).map_err(|e| unreadable(&file, &e))?;
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
    let mut first_col = None::<u32>;
    each_cell(&mut workbook, &name, &file, &mut |_, col, _| {
        first_col = Some(first_col.map_or(col, |c| c.min(col)));
        Ok(())
    })?;
    let first_col = first_col.unwrap_or(0);
    let (send, rows) = mpsc::sync_channel(4);
    let sheet = name.clone();
    std::thread::spawn(move || {
        if let Err(e) = write_rows(&mut workbook, &sheet, &file, first_col, &send) {
            let _ = send.send(Err(e));
        }
    });
    let stream = SheetStream {
        rows,
        chunk: Vec::new(),
        at: 0,
        failed: Failure::default(),
    };
    Ok((name, first_col as usize, stream))
}

/// The reader's message of a workbook it cannot read.
fn unreadable(file: &str, e: &dyn std::fmt::Display) -> ClaimsError {
    ClaimsError::Workbook {
        file: file.to_string(),
        message: e.to_string(),
    }
}

/// Calls `f` with the row, column and text of every cell that holds
/// something, in the order the sheet stores them (row by row). A zipped
/// workbook is read a cell at a time; an `.xls` sheet, which cannot be
/// larger than 65,536 rows of 256 columns, as the reader's range.
fn each_cell<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    file: &str,
    f: &mut dyn FnMut(u32, u32, String) -> Result<(), SheetError>,
) -> Result<(), SheetError> {
    let mut one = |(row, col): (u32, u32), data: Data| -> Result<(), SheetError> {
        if data == Data::Empty {
            return Ok(());
        }
        // Row and column are as the file writes them: a row of 4,000,000,000
        // would be as many blank lines, a column as many commas.
        if row > LAST_ROW || col > LAST_COL {
            return Err(unreadable(
                file,
                &format!(
                    "a cell at row {} column {} lies past XFD1048576, the last cell a sheet has",
                    u64::from(row) + 1,
                    u64::from(col) + 1
                ),
            )
            .into());
        }
        let text = cell_text(&data).map_err(|error| ClaimsError::BadCell {
            file: file.to_string(),
            cell: cell_name(name, row as usize, col as usize),
            error,
        })?;
        f(row, col, text)
    };
    match workbook {
        Sheets::Xlsx(book) => {
            let mut cells = book
                .worksheet_cells_reader(name)
                .map_err(|e| unreadable(file, &e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(file, &e))? {
                one(cell.get_position(), cell.get_value().clone().into())?;
            }
        }
        Sheets::Xlsb(book) => {
            let mut cells = book
                .worksheet_cells_reader(name)
                .map_err(|e| unreadable(file, &e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(file, &e))? {
                one(cell.get_position(), cell.get_value().clone().into())?;
            }
        }
        book => {
            let range = book
                .worksheet_range(name)
                .map_err(|e| unreadable(file, &e))?;
            for (row, col, data) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                one((r0 + row as u32, c0 + col as u32), data.clone())?;
            }
        }
    }
    Ok(())
}

/// The rows of a sheet as CSV text from `first_col`, sent in pieces of
/// about 64 KiB; a missing row is a blank line. Stops when nobody reads.
fn write_rows<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    file: &str,
    first_col: u32,
    send: &mpsc::SyncSender<Result<Vec<u8>, SheetError>>,
) -> Result<(), SheetError> {
    const PIECE: usize = 1 << 16;
    struct Gone;
    let mut piece = Vec::with_capacity(PIECE);
    let mut row: Vec<String> = Vec::new();
    // The row being gathered, and the number of rows written before it.
    let (mut at_row, mut written) = (0u32, 0u32);
    let flush = |piece: &mut Vec<u8>, force: bool| -> Result<(), Gone> {
        if piece.len() >= PIECE || (force && !piece.is_empty()) {
            send.send(Ok(std::mem::take(piece))).map_err(|_| Gone)?;
        }
        Ok(())
    };
    let end_row = |piece: &mut Vec<u8>, row: &mut Vec<String>| {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut *piece);
        let wrote = writer
            .write_record(&*row)
            .and_then(|()| Ok(writer.flush()?));
        row.clear();
        wrote
    };
    let mut gone = false;
    let result = each_cell(workbook, name, file, &mut |r, c, text| {
        if r != at_row || row.is_empty() {
            if !row.is_empty() {
                end_row(&mut piece, &mut row).map_err(|e| unreadable(file, &e))?;
                written = at_row + 1;
            }
            piece.extend(std::iter::repeat_n(b'\n', (r - written.min(r)) as usize));
            at_row = r;
        }
        let col = (c - first_col.min(c)) as usize;
        if col >= row.len() {
            row.resize(col + 1, String::new());
        }
        row[col] = text;
        if flush(&mut piece, false).is_err() {
            // Nobody reads any more (the reader stopped at a limit): stop.
            gone = true;
            return Err(SheetError::Claims(ClaimsError::ReaderStopped {
                file: file.to_string(),
            }));
        }
        Ok(())
    });
    if gone {
        return Ok(());
    }
    result?;
    if !row.is_empty() {
        end_row(&mut piece, &mut row).map_err(|e| unreadable(file, &e))?;
    }
    let _ = flush(&mut piece, true);
    Ok(())
}

/// Checks a zipped workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) before any
/// reader unpacks it: the sizes its parts declare, then each part as it
/// really unpacks (a part may declare less than it holds), together at
/// most `UNPACKED_BYTES`; and in every XML part no stretch of text or
/// markup longer than a cell may be, so no reader ever holds one. Such a
/// stretch in a sheet is named by its row, as the CSV reader names a cell
/// too long. Anything else (not a zip, a zip the readers refuse) is left
/// to the reader, which says why.
fn check_parts(path: &Path, limits: Limits) -> Result<(), SheetError> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(io::BufReader::new(file)) else {
        return Ok(());
    };
    let mut declared = 0u64;
    for i in 0..zip.len() {
        if let Ok(part) = zip.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
    }
    let too_much = SheetError::Stop(Stop::Unpacked {
        limit: UNPACKED_BYTES,
    });
    if declared > UNPACKED_BYTES {
        return Err(too_much);
    }
    let longest = limits
        .max_record_bytes
        .max(limits.max_field_bytes.saturating_mul(10));
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().to_ascii_lowercase();
        let mut scan = name
            .ends_with(".xml")
            .then(|| Stretches::new(name.contains("worksheets/") || name.contains("content.xml")));
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            unpacked += n as u64;
            if unpacked > UNPACKED_BYTES {
                return Err(too_much);
            }
            if let Some(scan) = scan.as_mut() {
                if let Some(row) = scan.feed(&buf[..n], longest) {
                    return Err(SheetError::Stop(Stop::FieldBytes {
                        line: row,
                        limit: limits.max_field_bytes,
                    }));
                }
            }
        }
    }
    Ok(())
}

/// Follows an XML part's stretches between `<` and `>`, and which row of
/// a sheet they are in (`<row r="17">`, or the count of rows).
struct Stretches {
    sheet: bool,
    run: u64,
    in_tag: bool,
    tag: Vec<u8>,
    row: u64,
}

impl Stretches {
    fn new(sheet: bool) -> Stretches {
        Stretches {
            sheet,
            run: 0,
            in_tag: false,
            tag: Vec::new(),
            row: 0,
        }
    }

    /// The row (from 1; 0 outside a sheet) of a stretch longer than
    /// `longest`, if these bytes hold one.
    fn feed(&mut self, bytes: &[u8], longest: u64) -> Option<u64> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let Some(at) = memchr::memchr2(b'<', b'>', rest) else {
                self.grow(rest);
                break;
            };
            self.grow(&rest[..at]);
            if self.run > longest {
                return Some(if self.sheet { self.row.max(1) } else { 0 });
            }
            if rest[at] == b'>' && self.in_tag {
                self.end_tag();
            }
            self.in_tag = rest[at] == b'<';
            self.run = 0;
            self.tag.clear();
            rest = &rest[at + 1..];
        }
        (self.run > longest).then_some(if self.sheet { self.row.max(1) } else { 0 })
    }

    fn grow(&mut self, bytes: &[u8]) {
        self.run += bytes.len() as u64;
        if self.sheet && self.in_tag && self.tag.len() < 64 {
            let room = 64 - self.tag.len();
            self.tag.extend_from_slice(&bytes[..bytes.len().min(room)]);
        }
    }

    /// A row's start tag sets the row: its `r`, else the one after.
    fn end_tag(&mut self) {
        let tag = &self.tag;
        let local = match tag.iter().position(|&b| b == b':') {
            Some(colon) if tag[..colon].iter().all(u8::is_ascii_alphanumeric) => &tag[colon + 1..],
            _ => &tag[..],
        };
        let is_row = local.starts_with(b"row")
            && local
                .get(3)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/');
        if !is_row {
            return;
        }
        let r = local
            .windows(3)
            .position(|w| w == b" r=" || w == b"\tr=" || w == b"\nr=")
            .and_then(|at| {
                let value = &local[at + 4..];
                let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
                std::str::from_utf8(&value[..digits]).ok()?.parse().ok()
            });
        self.row = r.unwrap_or(self.row + 1);
    }
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
