//! What people type into spreadsheets, made comparable.
//!
//! Chinese input methods produce full-width digits and punctuation
//! (`２０２４－０５－０１`, `１２，３４５．６７`); a clerk cannot see the
//! difference, so every parser reads them as their ASCII forms.

use std::borrow::Cow;
use std::io::{self, Read};

/// Maps full-width ASCII variants (U+FF01..U+FF5E), the ideographic space and
/// the full-width yen sign to their ASCII (or Latin-1) forms.
pub fn half_width(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    if !text.chars().any(is_full_width) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(to_half_width_char).collect())
}

/// A character that `half_width` would change.
pub fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '\u{FFE5}')
}

fn to_half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FFE5}' => '¥',
        _ => c,
    }
}

/// The characters that make a spreadsheet run a cell as a formula when the
/// cell begins with one: the payout escapes them, the ledger reader undoes it.
/// Their full-width forms (＝＋－＠) are run too by some spreadsheets, and
/// leading spaces do not stop them.
pub const FORMULA_STARTERS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a spreadsheet could run the cell as a formula.
pub fn runs_as_formula(cell: &str) -> bool {
    cell.trim_start_matches([' ', '\u{3000}'])
        .starts_with(FORMULA_STARTERS)
}

/// A text cell a spreadsheet could run, prefixed with `'` so it shows it.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    if runs_as_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as it was before `defuse` (reading our own payout back).
pub fn undo_defuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => cell,
    }
}

/// The UTF-8 byte-order mark, which Excel and WPS write at the start of a
/// CSV (and the payout writes for them).
pub const BOM: &[u8; 3] = b"\xEF\xBB\xBF";

/// The input with a UTF-8 byte-order mark taken off, if it begins with one.
/// Reads no further than the first three bytes, so a stream stays a stream.
pub fn without_bom<R: Read>(mut input: R) -> io::Result<impl Read> {
    let mut first = [0u8; 3];
    let mut n = 0;
    while n < 3 {
        match input.read(&mut first[n..])? {
            0 => break,
            got => n += got,
        }
    }
    let start = if first[..n] == *BOM { 3 } else { 0 };
    Ok(io::Cursor::new(first[start..n].to_vec()).chain(input))
}

/// A stream whose line ends are all line feeds: a carriage return alone
/// (as old Mac files end a line) becomes a line feed, a CR LF stays as it
/// is. Records end at a line feed, so every file reads as many rows as it has.
pub struct LoneCrAsLf<R> {
    inner: R,
    /// The last byte handed out was a CR turned into a line feed: a line
    /// feed right after it belongs to the same line end.
    after_cr: bool,
}

impl<R: Read> LoneCrAsLf<R> {
    pub fn new(inner: R) -> Self {
        LoneCrAsLf {
            inner,
            after_cr: false,
        }
    }
}

impl<R: Read> Read for LoneCrAsLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = self.inner.read(buf)?;
        if self.after_cr && n > 0 && buf[0] == b'\n' {
            buf.copy_within(1..n, 0);
            n -= 1;
            if n == 0 {
                n = self.inner.read(buf)?;
            }
        }
        self.after_cr = false;
        let Some(last) = n.checked_sub(1) else {
            return Ok(0);
        };
        let mut from = 0;
        while let Some(at) = memchr::memchr(b'\r', &buf[from..last]) {
            let i = from + at;
            if buf[i + 1] != b'\n' {
                buf[i] = b'\n';
            }
            from = i + 1;
        }
        if buf[last] == b'\r' {
            buf[last] = b'\n';
            self.after_cr = true;
        }
        Ok(n)
    }
}

/// Whether an individual's 身份证号码 may be printed whole (`--show-ids`).
static SHOW_IDS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints ID numbers whole from now on (`--show-ids`, for an official who
/// needs them); by default they are masked everywhere but the payout.
pub fn show_ids(yes: bool) {
    SHOW_IDS.store(yes, std::sync::atomic::Ordering::Relaxed);
}

/// An individual's 身份证号码 (GB 11643: 17 digits, a digit or X, a birth
/// date in places 7–14). A 统一社会信用代码 is public and never one.
pub fn is_person_id(id: &str) -> bool {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if !(b[17].is_ascii_digit() || b[17] == b'X' || b[17] == b'x') {
        return false;
    }
    let number = |r: std::ops::Range<usize>| id[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(6..10), number(10..12), number(12..14));
    (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// An id as tables, derivations and messages show it: an individual's ID
/// number masked to its first 6 and last 4 characters (个人信息保护法),
/// unless `--show-ids`.
pub fn shown_id(id: &str) -> Cow<'_, str> {
    if SHOW_IDS.load(std::sync::atomic::Ordering::Relaxed) || !is_person_id(id) {
        return Cow::Borrowed(id);
    }
    Cow::Owned(format!("{}********{}", &id[..6], &id[14..]))
}

/// `str::trim`, quicker on the usual case of ASCII ends; a byte-order mark
/// (left inside a cell when files are joined) is trimmed too.
pub fn trim(text: &str) -> &str {
    // Most cells begin and end with a letter or digit: nothing to trim.
    if let (Some(first), Some(last)) = (text.as_bytes().first(), text.as_bytes().last()) {
        if first.is_ascii_graphic() && last.is_ascii_graphic() {
            return text;
        }
    }
    let t = text.trim_ascii();
    let unicode_ends =
        t.starts_with(|c: char| !c.is_ascii()) || t.ends_with(|c: char| !c.is_ascii());
    if unicode_ends {
        t.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
    } else {
        t
    }
}

/// Half-width, trimmed (including the ideographic space, which `str::trim`
/// already counts as white space).
pub fn clean(text: &str) -> Cow<'_, str> {
    match half_width(text) {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// The key under which a reference (patent number, certificate, case number)
/// is compared: half-width, without spaces, upper case. `zl 2024 1000.5` and
/// `ZL20241000.5` are the same patent to an examiner.
pub fn reference_key(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The key under which applicant ids are compared: half-width and upper
/// case (a credit code typed `91441882ma…` is the unit `91441882MA…`). An id
/// already in that form is returned as it is.
pub fn applicant_key(written: &str) -> Cow<'_, str> {
    let written = trim(written);
    if written.is_ascii() && !written.bytes().any(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(written);
    }
    Cow::Owned(
        half_width(written)
            .chars()
            .flat_map(char::to_uppercase)
            .collect(),
    )
}

/// Yes or no as offices write it (yes/no, Y/N, true/false, 1/0, 是/否, 有/无,
/// √/×, 对/错; an empty cell is no).
pub fn yes_no(written: &str) -> Option<bool> {
    let cleaned = clean(written).to_lowercase();
    match cleaned.as_str() {
        "yes" | "y" | "true" | "1" | "是" | "有" | "√" | "✓" | "✔" | "☑" | "对" => {
            Some(true)
        }
        "no" | "n" | "false" | "0" | "否" | "无" | "" | "×" | "✗" | "✘" | "☒" | "错" => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_punctuation_become_ascii() {
        assert_eq!(half_width("２０２４－０５－０１"), "2024-05-01");
        assert_eq!(half_width("１２，３４５．６７"), "12,345.67");
        assert_eq!(half_width("￥１００"), "¥100");
        assert_eq!(clean("\u{3000} 12 \u{3000}"), "12");
        assert_eq!(trim(" \u{3000}企业 "), "企业");
        assert_eq!(trim("\t2024-01-01\r"), "2024-01-01");
    }

    #[test]
    fn every_cell_a_spreadsheet_could_run_is_defused_and_read_back() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(1)",
            "＝1+1",
            "  =1+1",
            "\u{3000}＋1",
            "-x",
            "+86",
            "\tx",
        ] {
            let escaped = defuse(cell);
            assert_eq!(escaped, format!("'{cell}"), "{cell}");
            assert_eq!(undo_defuse(&escaped), cell);
        }
        for cell in ["C-001", "'quoted", "连州", "12.50"] {
            assert_eq!(defuse(cell), cell);
            assert_eq!(undo_defuse(cell), cell);
        }
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line_as_a_line_feed_does() {
        let read = |bytes: &[u8], chunk: usize| {
            // A reader that hands out `chunk` bytes at a time.
            struct Chunks<'a>(&'a [u8], usize);
            impl Read for Chunks<'_> {
                fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                    let n = self.0.len().min(self.1).min(buf.len());
                    buf[..n].copy_from_slice(&self.0[..n]);
                    self.0 = &self.0[n..];
                    Ok(n)
                }
            }
            let mut out = Vec::new();
            let mut r = LoneCrAsLf::new(Chunks(bytes, chunk));
            r.read_to_end(&mut out).map(|_| out)
        };
        for chunk in [1, 2, 3, 64] {
            let out = read(b"a\r\nb\rc\nd\r", chunk).expect("read");
            // A CR LF is one line end however the reads split it.
            let lines = String::from_utf8_lossy(&out).replace("\r\n", "\n");
            assert_eq!(lines, "a\nb\nc\nd\n", "chunk {chunk}");
        }
    }

    #[test]
    fn an_individuals_id_number_is_masked_and_a_credit_code_is_not() {
        assert_eq!(shown_id("441882199001011234"), "441882********1234");
        assert_eq!(shown_id("44188219900101123X"), "441882********123X");
        assert_eq!(shown_id("91441882MA51234567"), "91441882MA51234567");
        // 18 digits whose places 7–14 are no date: a code, not a person.
        assert_eq!(shown_id("124418824567890123"), "124418824567890123");
        assert_eq!(shown_id("4.41882E+17"), "4.41882E+17");
    }

    #[test]
    fn other_scripts_stay_as_they_are() {
        assert_eq!(half_width("١٢"), "١٢");
        assert_eq!(half_width("企业"), "企业");
    }

    #[test]
    fn references_compare_without_case_or_spaces() {
        assert_eq!(reference_key(" zl 2024 1000.5 "), "ZL20241000.5");
        assert_eq!(reference_key("ＺＬ２０２４"), "ZL2024");
        assert_eq!(applicant_key(" 91441882ma5x "), "91441882MA5X");
        assert_eq!(applicant_key("９１４４"), "9144");
    }

    #[test]
    fn a_byte_order_mark_is_taken_off_and_nothing_else() {
        let read = |bytes: &[u8]| {
            let mut out = Vec::new();
            let mut input = without_bom(bytes).map_err(|e| e.to_string())?;
            input.read_to_end(&mut out).map_err(|e| e.to_string())?;
            Ok::<_, String>(out)
        };
        assert_eq!(read(b"\xEF\xBB\xBFa,b"), Ok(b"a,b".to_vec()));
        assert_eq!(read(b"a,b"), Ok(b"a,b".to_vec()));
        assert_eq!(read(b"\xEF\xBB"), Ok(b"\xEF\xBB".to_vec()));
        assert_eq!(read(b"\xEF\xBB\xBF"), Ok(Vec::new()));
        assert_eq!(read(b""), Ok(Vec::new()));
    }
}
