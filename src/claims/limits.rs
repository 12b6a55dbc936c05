//! Limits on what a CSV input may ask the reader to hold: one cell, one
//! record, the number of rows. `Guarded` sits between the file and the CSV
//! parser and follows the CSV's quoting itself, so a file of one endless
//! quoted cell stops at the limit instead of being buffered whole. It also
//! refuses a quote that is opened and never closed, which the parser would
//! otherwise take as one cell running to the end of the file (losing every
//! row after it).

use std::io::{self, Read};
use std::sync::{Arc, OnceLock};

/// The limits, raised with `--max-field-bytes`, `--max-record-bytes` and
/// `--max-rows`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_field_bytes: u64,
    pub max_record_bytes: u64,
    pub max_rows: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_field_bytes: 1_000_000,
            max_record_bytes: 10_000_000,
            max_rows: 50_000_000,
        }
    }
}

/// Why a guarded input stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// A cell longer than `limit` bytes.
    FieldBytes { line: u64, limit: u64 },
    /// A record (row) longer than `limit` bytes.
    RecordBytes { line: u64, limit: u64 },
    /// More than `limit` rows after the header.
    Rows { line: u64, limit: u64 },
    /// A quote opened on `line` is not closed before the end of the file.
    UnclosedQuote { line: u64 },
    /// A workbook whose parts unpack to more than `limit` bytes together.
    Unpacked { limit: u64 },
}

impl Stop {
    pub fn line(self) -> u64 {
        match self {
            Stop::FieldBytes { line, .. }
            | Stop::RecordBytes { line, .. }
            | Stop::Rows { line, .. }
            | Stop::UnclosedQuote { line } => line,
            Stop::Unpacked { .. } => 1,
        }
    }
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "input stopped: {self:?}")
    }
}

impl std::error::Error for Stop {}

/// Where the CSV's quoting is (as the `csv` crate reads it: a quote opens a
/// quoted cell only at the start of a cell; `""` inside it is a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// An input that stops with an error (and records why in `stopped`) when
/// it passes a limit.
pub struct Guarded<R> {
    inner: R,
    limits: Limits,
    stopped: Arc<OnceLock<Stop>>,
    state: State,
    /// Bytes of the byte-order mark seen at the start.
    bom: usize,
    line: u64,
    after_cr: bool,
    record_line: u64,
    quote_line: u64,
    field_bytes: u64,
    record_bytes: u64,
    /// Records seen with at least one byte, the header included.
    records: u64,
}

/// `input` guarded by `limits`; the second value tells why it stopped, if
/// it did.
pub fn guard<R: Read>(input: R, limits: Limits) -> (Guarded<R>, Arc<OnceLock<Stop>>) {
    let stopped = Arc::new(OnceLock::new());
    let guarded = Guarded {
        inner: input,
        limits,
        stopped: stopped.clone(),
        state: State::StartField,
        bom: 0,
        line: 1,
        after_cr: false,
        record_line: 1,
        quote_line: 1,
        field_bytes: 0,
        record_bytes: 0,
        records: 0,
    };
    (guarded, stopped)
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(stop) = self.stopped.get() {
            return Err(io::Error::other(*stop));
        }
        let n = self.inner.read(buf)?;
        let result = if n == 0 {
            self.finish()
        } else {
            self.scan(&buf[..n])
        };
        match result {
            Ok(()) => Ok(n),
            Err(stop) => {
                let _ = self.stopped.set(stop);
                Err(io::Error::other(stop))
            }
        }
    }
}

impl<R> Guarded<R> {
    fn scan(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        let mut bytes = bytes;
        while self.bom < 3 && !bytes.is_empty() && self.records == 0 && self.record_bytes == 0 {
            if bytes[0] != b"\xEF\xBB\xBF"[self.bom] {
                self.bom = 3;
                break;
            }
            self.bom += 1;
            bytes = &bytes[1..];
        }
        let mut i = 0;
        while i < bytes.len() {
            // Within a cell, skip to the next byte that can end it (or, in a
            // quoted cell, start a new line) in one step.
            let rest = &bytes[i..];
            match self.state {
                State::StartField | State::InField => {
                    let plain = memchr::memchr3(b'"', b'\n', b'\r', rest).unwrap_or(rest.len());
                    if plain > 0 && self.count_unquoted(&rest[..plain])? {
                        i += plain;
                        continue;
                    }
                }
                State::InQuoted => {
                    let plain = memchr::memchr3(b'"', b'\n', b'\r', rest).unwrap_or(rest.len());
                    if plain > 0 && self.count_cell_bytes(plain as u64) {
                        i += plain;
                        continue;
                    }
                }
                State::QuoteInQuoted => {}
            }
            let b = bytes[i];
            i += 1;
            let at_line = self.line;
            if b == b'\n' {
                if !self.after_cr {
                    self.line += 1;
                }
            } else if b == b'\r' {
                self.line += 1;
            }
            self.after_cr = b == b'\r';
            let mut separates = false;
            match self.state {
                State::InQuoted => {
                    if b == b'"' {
                        self.state = State::QuoteInQuoted;
                    }
                }
                State::QuoteInQuoted if b == b'"' => self.state = State::InQuoted,
                State::StartField if b == b'"' => {
                    self.state = State::InQuoted;
                    self.quote_line = at_line;
                }
                _ if b == b',' => {
                    self.state = State::StartField;
                    separates = true;
                }
                _ if b == b'\n' || b == b'\r' => {
                    self.state = State::StartField;
                    if self.record_bytes > 0 {
                        self.records += 1;
                    }
                    self.field_bytes = 0;
                    self.record_bytes = 0;
                    continue;
                }
                _ => self.state = State::InField,
            }
            self.count_byte(at_line, separates)?;
        }
        Ok(())
    }

    /// Unquoted cells and the commas between them, without a quote or a
    /// line break: the usual bulk of a file, counted without a step a byte.
    /// `false` when a limit falls inside: then the bytes go one by one, so
    /// the limit met first is the one reported.
    fn count_unquoted(&mut self, seg: &[u8]) -> Result<bool, Stop> {
        if self.record_bytes == 0 {
            self.record_line = self.line;
            if self.records > self.limits.max_rows {
                return Err(Stop::Rows {
                    line: self.line,
                    limit: self.limits.max_rows,
                });
            }
        }
        let len = seg.len() as u64;
        if self.record_bytes + len > self.limits.max_record_bytes {
            return Ok(false);
        }
        let (longest, last_cell) = match memchr::memrchr(b',', seg) {
            None => (self.field_bytes + len, self.field_bytes + len),
            Some(last) => {
                let first = memchr::memchr(b',', seg).unwrap_or(last);
                let mut longest = self.field_bytes + first as u64;
                if len > self.limits.max_field_bytes {
                    // A cell between two commas of this piece may be long.
                    let mut cell_start = 0;
                    for comma in memchr::memchr_iter(b',', &seg[first + 1..]) {
                        longest = longest.max((comma - cell_start) as u64);
                        cell_start = comma + 1;
                    }
                }
                let last_cell = (seg.len() - last - 1) as u64;
                (longest.max(last_cell), last_cell)
            }
        };
        if longest > self.limits.max_field_bytes {
            return Ok(false);
        }
        self.after_cr = false;
        self.record_bytes += len;
        self.field_bytes = last_cell;
        self.state = if seg.ends_with(b",") {
            State::StartField
        } else {
            State::InField
        };
        Ok(true)
    }

    /// `n` bytes more inside the current cell (no line break among them);
    /// `false` when a limit falls inside, as above.
    fn count_cell_bytes(&mut self, n: u64) -> bool {
        if self.record_bytes + n > self.limits.max_record_bytes
            || self.field_bytes + n > self.limits.max_field_bytes
        {
            return false;
        }
        self.after_cr = false;
        self.record_bytes += n;
        self.field_bytes += n;
        true
    }

    /// One byte more in the current record, and in its cell unless it is
    /// the comma that ends the cell.
    fn count_byte(&mut self, at_line: u64, separates: bool) -> Result<(), Stop> {
        if self.record_bytes == 0 {
            // This byte starts a record: the header, or a row.
            self.record_line = at_line;
            if self.records > self.limits.max_rows {
                return Err(Stop::Rows {
                    line: at_line,
                    limit: self.limits.max_rows,
                });
            }
        }
        self.record_bytes += 1;
        if self.record_bytes > self.limits.max_record_bytes {
            return Err(Stop::RecordBytes {
                line: self.record_line,
                limit: self.limits.max_record_bytes,
            });
        }
        if separates {
            self.field_bytes = 0;
        } else {
            self.field_bytes += 1;
            if self.field_bytes > self.limits.max_field_bytes {
                return Err(Stop::FieldBytes {
                    line: self.record_line,
                    limit: self.limits.max_field_bytes,
                });
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Stop> {
        if self.state == State::InQuoted {
            return Err(Stop::UnclosedQuote {
                line: self.quote_line,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &[u8], limits: Limits) -> Result<Vec<u8>, Stop> {
        let (mut g, stopped) = guard(text, limits);
        let mut out = Vec::new();
        match g.read_to_end(&mut out) {
            Ok(_) => Ok(out),
            Err(_) => Err(*stopped.get().unwrap_or_else(|| panic!("no stop"))),
        }
    }

    fn small(field: u64, record: u64, rows: u64) -> Limits {
        Limits {
            max_field_bytes: field,
            max_record_bytes: record,
            max_rows: rows,
        }
    }

    #[test]
    fn within_the_limits_the_input_passes_unchanged() {
        let text = b"a,b\r\n\"x\"\"y\",\"1\n2\"\n\nc,d\n";
        assert_eq!(run(text, small(6, 12, 2)), Ok(text.to_vec()));
        assert!(run(text, small(5, 12, 2)).is_err());
        assert!(run(text, small(6, 11, 2)).is_err());
    }

    #[test]
    fn each_limit_stops_with_the_line_of_its_record() {
        let text = b"a,b\n\"x\ny\",abcdef\nc,d\n";
        assert_eq!(
            run(text, small(5, 100, 10)),
            Err(Stop::FieldBytes { line: 2, limit: 5 })
        );
        assert_eq!(
            run(text, small(100, 8, 10)),
            Err(Stop::RecordBytes { line: 2, limit: 8 })
        );
        assert_eq!(
            run(text, small(100, 100, 1)),
            Err(Stop::Rows { line: 4, limit: 1 })
        );
        assert_eq!(run(text, small(100, 100, 2)), Ok(text.to_vec()));
    }

    #[test]
    fn a_quote_never_closed_is_refused_at_its_line() {
        assert_eq!(
            run(b"a,b\n1,2\n3,\"4\n5,6\n", Limits::default()),
            Err(Stop::UnclosedQuote { line: 3 })
        );
        // A quote inside an unquoted cell is text, as the CSV parser reads it.
        assert!(run(b"a,b\n1,2\"\n", Limits::default()).is_ok());
    }

    /// The rules byte by byte, as plainly as they can be written.
    fn model(text: &[u8], limits: Limits) -> Result<(), Stop> {
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        let (mut line, mut quote_line, mut record_line) = (1, 1, 1);
        let (mut field, mut record, mut records) = (0u64, 0u64, 0u64);
        let (mut state, mut after_cr) = (State::StartField, false);
        for &b in text {
            let at = line;
            if b == b'\r' || (b == b'\n' && !after_cr) {
                line += 1;
            }
            after_cr = b == b'\r';
            let mut comma = false;
            match state {
                State::InQuoted if b == b'"' => state = State::QuoteInQuoted,
                State::InQuoted => {}
                State::QuoteInQuoted if b == b'"' => state = State::InQuoted,
                State::StartField if b == b'"' => {
                    state = State::InQuoted;
                    quote_line = at;
                }
                _ if b == b',' => {
                    state = State::StartField;
                    comma = true;
                }
                _ if b == b'\n' || b == b'\r' => {
                    state = State::StartField;
                    records += u64::from(record > 0);
                    (field, record) = (0, 0);
                    continue;
                }
                _ => state = State::InField,
            }
            if record == 0 {
                record_line = at;
                if records > limits.max_rows {
                    return Err(Stop::Rows {
                        line: at,
                        limit: limits.max_rows,
                    });
                }
            }
            record += 1;
            field = if comma { 0 } else { field + 1 };
            if record > limits.max_record_bytes {
                return Err(Stop::RecordBytes {
                    line: record_line,
                    limit: limits.max_record_bytes,
                });
            }
            if field > limits.max_field_bytes {
                return Err(Stop::FieldBytes {
                    line: record_line,
                    limit: limits.max_field_bytes,
                });
            }
        }
        match state {
            State::InQuoted => Err(Stop::UnclosedQuote { line: quote_line }),
            _ => Ok(()),
        }
    }

    /// Reads `text` in pieces of the given sizes.
    struct Pieces<'a> {
        text: &'a [u8],
        sizes: Vec<usize>,
        next: usize,
    }

    impl Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let size = self.sizes[self.next % self.sizes.len()].min(buf.len());
            self.next += 1;
            let n = size.min(self.text.len());
            buf[..n].copy_from_slice(&self.text[..n]);
            self.text = &self.text[n..];
            Ok(n)
        }
    }

    proptest::proptest! {
        #[test]
        fn the_guard_agrees_with_the_plain_rules(
            text in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'b', b',', b'"', b'\n', b'\r']),
                0..200,
            ),
            sizes in proptest::collection::vec(1usize..40, 1..5),
            field in 1u64..12,
            record in 1u64..40,
            rows in 0u64..8,
        ) {
            let limits = small(field, record, rows);
            let (mut g, stopped) = guard(Pieces { text: &text, sizes, next: 0 }, limits);
            let mut out = Vec::new();
            let got = match g.read_to_end(&mut out) {
                Ok(_) => Ok(()),
                Err(_) => Err(*stopped.get().unwrap_or_else(|| panic!("no stop"))),
            };
            proptest::prop_assert_eq!(got, model(&text, limits));
        }
    }

    #[test]
    fn the_byte_order_mark_does_not_count() {
        assert!(run(b"\xEF\xBB\xBF\"ab\",c\n", small(4, 100, 10)).is_ok());
    }
}
