//! What people type into spreadsheets, made comparable.
//!
//! Chinese input methods produce full-width digits and punctuation
//! (`２０２４－０５－０１`, `１２，３４５．６７`); a clerk cannot see the
//! difference, so every parser reads them as their ASCII forms.

use std::borrow::Cow;
use std::io::{self, Read, Write};

use crate::ids::is_person_id;

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

/// An individual's 身份证号码, however it was typed (full width, spaced,
/// dashed, with invisible characters): what it is is decided on its key
/// form (`applicant_key`), so every way of writing one is masked alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonId<'a> {
    key: Cow<'a, str>,
}

impl<'a> PersonId<'a> {
    /// The ID number an applicant id is, or `None` for any other id.
    pub fn of(written: &'a str) -> Option<PersonId<'a>> {
        let key = applicant_key(written);
        is_person_id(&key).then_some(PersonId { key })
    }

    /// The number as the key has it (ASCII, 18 characters).
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The first 6 and last 4 characters (个人信息保护法).
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.key[..6], &self.key[14..])
    }
}

/// An id as tables, derivations and messages show it: an individual's ID
/// number masked to its first 6 and last 4 characters (个人信息保护法),
/// unless `--show-ids`.
pub fn shown_id(id: &str) -> Cow<'_, str> {
    if SHOW_IDS.load(std::sync::atomic::Ordering::Relaxed) {
        return Cow::Borrowed(id);
    }
    match PersonId::of(id) {
        Some(person) => Cow::Owned(person.masked()),
        None => Cow::Borrowed(id),
    }
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
/// is compared (`KeyForm::Reference`): `zl 2024 1000.5` and `ZL20241000.5`
/// are the same patent to an examiner.
pub fn reference_key(text: &str) -> String {
    key(text, KeyForm::Reference).into_owned()
}

/// The key under which applicant ids are compared (`KeyForm::Applicant`):
/// a credit code typed `91441882ma…` is the unit `91441882MA…`. An id
/// already in that form is returned as it is.
pub fn applicant_key(written: &str) -> Cow<'_, str> {
    key(written, KeyForm::Applicant)
}

/// What a column's key leaves out of a value, beyond what every key leaves
/// out (see `key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyForm {
    /// claim_id: case stays.
    ClaimId,
    /// applicant_id: upper case; the dashes typed inside an ID number or a
    /// credit code (`441882-19900101-1230`) go too.
    Applicant,
    /// ref: upper case.
    Reference,
    /// applicant_name, compared for the two-names warning: case stays.
    Name,
}

impl KeyForm {
    fn upper(self) -> bool {
        matches!(self, KeyForm::Applicant | KeyForm::Reference)
    }
}

/// A character that shows nothing: a default-ignorable code point or a
/// format character (Unicode's `Default_Ignorable_Code_Point` and category
/// Cf). A value is the same value with or without them.
pub fn is_invisible(c: char) -> bool {
    // Below the soft hyphen, between the Hangul filler and the variation
    // selectors (the CJK blocks), and among the full-width forms, there are
    // none.
    if c < '\u{00AD}'
        || ('\u{3165}'..='\u{FDFF}').contains(&c)
        || ('\u{FF00}'..='\u{FF9F}').contains(&c)
    {
        return false;
    }
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}'
        | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}'
        // Format characters that are not default-ignorable.
        | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{0890}' | '\u{0891}'
        | '\u{08E2}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}')
}

/// A control character a cell may not hold: every one (C0, DEL, C1) but
/// the tab and the line breaks a cell typed over two lines has.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The first control character of a cell that a cell may not hold.
#[inline]
pub fn forbidden_control(cell: &str) -> Option<char> {
    // C1 controls are two bytes from 0xC2. Every cell of a million rows
    // comes through here: a pass without a branch a byte (which the
    // compiler makes wide) clears nearly all of them.
    let suspect = cell.bytes().fold(false, |seen, b| {
        seen | (b < 0x20) | (b == 0x7F) | (b == 0xC2)
    });
    if !suspect {
        return None;
    }
    cell.chars().find(|&c| is_forbidden_control(c))
}

/// Dashes typed inside an id; NFKC has already made the full-width one `-`.
fn is_id_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}')
}

/// Whether `key` would return the value as it is (trimmed).
fn is_key_form(value: &str, form: KeyForm) -> bool {
    let upper = form.upper();
    let dash = form == KeyForm::Applicant;
    // Printable ASCII and U+4000..U+9FFF (CJK ideographs, three bytes led
    // by 0xE4 to 0xE9) are their own NFKC, together too, and nothing in
    // them is invisible: most values hold only these, read byte by byte.
    let bytes = value.as_bytes();
    let mut at = 0;
    let mut common = true;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !b.is_ascii_graphic() || (upper && b.is_ascii_lowercase()) || (dash && b == b'-') {
                return false;
            }
            at += 1;
        } else if (0xE4..=0xE9).contains(&b) {
            at += 3;
        } else {
            common = false;
            break;
        }
    }
    if common {
        return true;
    }
    let plain = value.chars().all(|c| {
        !(c.is_whitespace()
            || c.is_control()
            || is_invisible(c)
            || (upper && c.is_lowercase())
            || (dash && is_id_dash(c)))
    });
    plain
        && unicode_normalization::is_nfkc_quick(value.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// The key under which values of a column are compared, one rule for all:
/// Unicode NFKC (full-width forms are their ASCII ones), without the
/// characters nobody sees (`is_invisible`), control characters or white
/// space, then what `form` says. A value already in key form, as most are,
/// is returned as it is, without allocating.
pub fn key(written: &str, form: KeyForm) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let value = trim(written);
    if is_key_form(value, form) {
        return Cow::Borrowed(value);
    }
    let gone = |c: &char| c.is_whitespace() || c.is_control() || is_invisible(*c);
    // Full-width forms are the usual change, and their NFKC is what
    // `half_width` makes of them: the full NFKC runs only when more is left.
    let mut out: String = value
        .chars()
        .filter(|c| !gone(c))
        .map(to_half_width_char)
        .filter(|c| !gone(c))
        .collect();
    if unicode_normalization::is_nfkc_quick(out.chars()) != unicode_normalization::IsNormalized::Yes
    {
        out = out.chars().nfkc().filter(|c| !gone(c)).collect();
    }
    if form.upper() && out.chars().any(char::is_lowercase) {
        out = out.to_uppercase();
    }
    if form == KeyForm::Applicant && out.contains(is_id_dash) {
        // Only an id that is one of the two kinds without its dashes loses
        // them: another id may use a dash to mean something.
        let bare: String = out.chars().filter(|&c| !is_id_dash(c)).collect();
        if crate::ids::kind_of(&bare).is_some() {
            return Cow::Owned(bare);
        }
    }
    Cow::Owned(out)
}

/// Whether a cell holds nothing a key keeps: empty, or only white space,
/// control and invisible characters.
pub fn is_blank(value: &str) -> bool {
    // Decided at the first character of any cell with something in it.
    value
        .chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// Whether a value's key differs from what this tool read before it knew
/// invisible characters, compatibility forms and dashes inside ids: a key
/// made half-width, without white space, upper case where the form says.
/// Such a value is worth a warning; a lower-case or spaced one is not.
pub fn key_is_surprising(written: &str, form: KeyForm) -> bool {
    // ASCII is its own NFKC and holds nothing invisible: only a control
    // character or a dash in an id can surprise.
    let plain_ascii = |b: u8| b >= 0x20 && b != 0x7F && !(form == KeyForm::Applicant && b == b'-');
    if written.is_ascii() && written.bytes().all(|b| plain_ascii(b) || b == b'\t') {
        return false;
    }
    let value = trim(written);
    if is_key_form(value, form) {
        return false;
    }
    // White space, full width and case were always read so; only what is
    // left after them (invisible and control characters, other
    // compatibility forms, dashes in an id) can surprise.
    let ordinary = !value.chars().any(|c| {
        is_invisible(c) || is_forbidden_control(c) || (form == KeyForm::Applicant && is_id_dash(c))
    }) && unicode_normalization::is_nfkc_quick(
        value.chars().map(to_half_width_char),
    ) == unicode_normalization::IsNormalized::Yes;
    if ordinary {
        return false;
    }
    let Cow::Owned(key) = key(written, form) else {
        return false;
    };
    let mut plain = half_width(trim(written))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    if form.upper() {
        plain = plain.to_uppercase();
    }
    key != plain
}

/// A value from a file as it may be shown: control characters and the
/// characters that reorder text (bidirectional controls) written as
/// `\u{1b}`, so that a cell cannot move the cursor, clear the screen or
/// make a line read backwards. Tabs and line feeds stay; a carriage return,
/// which would let a cell write over the start of its line, does not.
pub fn shown(value: &str) -> Cow<'_, str> {
    let escaped = |c: char| (is_forbidden_control(c) || c == '\r') || is_bidi_control(c);
    let suspect = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n')) || b >= 0x7F;
    if !value.bytes().any(suspect) || !value.contains(escaped) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if escaped(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value as a file this tool writes holds it (the payout CSV, the
/// workbook, JSON): a control character a cell may not hold written
/// `\u{1b}`, tabs and line breaks kept. Only an invalid row can hold one,
/// so no ledger's keys change.
pub fn shown_in_file(value: &str) -> Cow<'_, str> {
    if forbidden_control(value).is_none() {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if is_forbidden_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal, written as `shown` shows a value: whatever a file
/// put in a table, a message or a derivation, the terminal only prints it.
pub struct Terminal<W: Write> {
    inner: W,
    /// The first bytes of a character whose last bytes a later write has.
    tail: Vec<u8>,
}

impl<W: Write> Terminal<W> {
    pub fn new(inner: W) -> Self {
        Terminal {
            inner,
            tail: Vec::new(),
        }
    }

    fn write_shown(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            let (valid, rest) = match std::str::from_utf8(bytes) {
                Ok(text) => (text, &[][..]),
                Err(e) => {
                    let (good, rest) = bytes.split_at(e.valid_up_to());
                    (std::str::from_utf8(good).unwrap_or(""), rest)
                }
            };
            self.inner.write_all(shown(valid).as_bytes())?;
            match std::str::from_utf8(rest).map_err(|e| e.error_len()) {
                Ok(_) => return Ok(()),
                // Not UTF-8: passed on as it is (a workbook's bytes).
                Err(Some(n)) => {
                    self.inner.write_all(&rest[..n])?;
                    bytes = &rest[n..];
                }
                Err(None) => {
                    self.tail.extend_from_slice(rest);
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        // Bytes of a character never finished: passed on, as written.
        let _ = self.inner.write_all(&self.tail);
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.tail.is_empty() {
            self.write_shown(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.tail);
            joined.extend_from_slice(buf);
            self.write_shown(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let tail = std::mem::take(&mut self.tail);
        self.inner.write_all(&tail)?;
        self.inner.flush()
    }
}

/// The characters that change the direction text is laid out in.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
        // Full width, spaced, dashed or with a zero width space: the same
        // number, masked the same.
        for written in [
            "４４１８８２１９９００１０１１２３４",
            "441882 19900101 1234",
            "441882-19900101-1234",
            "4418821990\u{200B}01011234",
        ] {
            assert_eq!(shown_id(written), "441882********1234", "{written}");
        }
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
    fn keys_leave_out_what_nobody_sees_and_keep_plain_values_as_they_are() {
        use KeyForm::*;
        for plain in ["C-001", "91441882MA5123456M", "ZL2024.5", "连州科技"] {
            let form = if plain.starts_with('C') {
                ClaimId
            } else {
                Reference
            };
            assert!(matches!(key(plain, form), Cow::Borrowed(_)), "{plain}");
        }
        let hidden = [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{00AD}',
            '\u{2060}',
            '\u{2061}',
            '\u{2064}',
            '\u{FEFF}',
            '\u{180E}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{034F}',
            '\u{E0001}',
            '\u{0}',
            '\u{1b}',
            '\u{85}',
            '\u{9f}',
        ];
        for c in hidden {
            let written = format!("zl2024{c}1.5");
            assert_eq!(key(&written, Reference), "ZL20241.5", "U+{:04X}", c as u32);
            assert_eq!(key(&format!("C{c}1"), ClaimId), "C1", "U+{:04X}", c as u32);
        }
        assert_eq!(key("ＺＬ ２０２４", Reference), "ZL2024");
        // Full width first, then what only NFKC knows (a circled digit).
        assert_eq!(key("ｚｌ①", Reference), "ZL1");
        assert_eq!(key("㈱连州", Name), "(株)连州");
        assert_eq!(key("c 001", ClaimId), "c001");
        assert_eq!(key("441882-19900101-1230", Applicant), "441882199001011230");
        assert_eq!(key("441882 19900101 1230", Applicant), "441882199001011230");
        assert_eq!(
            key("９１４４１８８２ｍａ５１２３４５６Ｍ", Applicant),
            "91441882MA5123456M"
        );
        // A dash that does not hide one of the two kinds of id stays.
        assert_eq!(key("p-001", Applicant), "P-001");
        assert_eq!(key("连州 科技\u{200B}", Name), "连州科技");
    }

    #[test]
    fn only_what_a_clerk_cannot_see_is_a_surprising_key() {
        assert!(!key_is_surprising("zl 2024", KeyForm::Reference));
        assert!(!key_is_surprising("ＺＬ２０２４", KeyForm::Reference));
        assert!(key_is_surprising("ZL\u{200B}2024", KeyForm::Reference));
        assert!(key_is_surprising(
            "441882-19900101-1230",
            KeyForm::Applicant
        ));
        assert!(key_is_surprising("①", KeyForm::ClaimId));
        assert!(!key_is_surprising("Acme Ltd", KeyForm::Name));
        assert!(is_blank("\u{200B} \u{FEFF}\u{3000}"));
        assert!(!is_blank(" 甲") && !is_blank("a"));
    }

    #[test]
    fn controls_and_direction_marks_are_shown_escaped() {
        assert_eq!(shown("\u{1b}]0;PWNED\u{7}"), "\\u{1b}]0;PWNED\\u{7}");
        assert_eq!(shown("a\u{202E}b\rc"), "a\\u{202e}b\\u{d}c");
        assert_eq!(shown("甲\n乙\t丙"), "甲\n乙\t丙");
        assert!(matches!(shown("连州科技"), Cow::Borrowed(_)));
        assert_eq!(forbidden_control("a\tb\r\n"), None);
        assert_eq!(forbidden_control("a\u{9b}b"), Some('\u{9b}'));
        assert_eq!(forbidden_control("a\u{7f}"), Some('\u{7f}'));
    }

    #[test]
    fn a_terminal_is_given_controls_escaped_however_the_writes_split_them() {
        let text = "名\u{1b}[2J\u{202E}x\n".as_bytes();
        for split in 0..text.len() {
            let mut out = Vec::new();
            let mut term = Terminal::new(&mut out);
            term.write_all(&text[..split]).expect("write");
            term.write_all(&text[split..]).expect("write");
            term.flush().expect("flush");
            drop(term);
            assert_eq!(
                String::from_utf8_lossy(&out),
                "名\\u{1b}[2J\\u{202e}x\n",
                "split at {split}"
            );
        }
        assert_eq!(shown_in_file("a\u{1b}\u{202E}\r\n"), "a\\u{1b}\u{202E}\r\n");
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
