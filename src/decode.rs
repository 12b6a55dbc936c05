//! Claims files and ledgers as offices save them: UTF-8 with or without a
//! byte-order mark, GB18030 (GBK) as Excel on Chinese Windows saves "CSV",
//! UTF-16 as it saves "Unicode text" (tab-separated).
//!
//! Decoding is a stream in front of the CSV reader. A UTF-8 file passes
//! through untouched (the CSV reader checks its UTF-8 itself), so the usual
//! file costs nothing; bytes that are valid in no encoding are refused with
//! their line, never replaced.

use std::fmt;
use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, GB18030, UTF_16BE, UTF_16LE};

/// `--encoding`: how the bytes of a claims file or ledger are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Encoding {
    /// A byte-order mark, else valid UTF-8, else GB18030.
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

/// The encoding a file was being read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charset {
    Utf8,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl Charset {
    pub const ALL: [Charset; 4] = [
        Charset::Utf8,
        Charset::Gb18030,
        Charset::Utf16Le,
        Charset::Utf16Be,
    ];

    /// The encoding's usual name.
    pub const fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Gb18030 => "GB18030",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
        }
    }

    fn decoder(self) -> Option<Decoder> {
        match self {
            Charset::Utf8 => None,
            Charset::Gb18030 => Some(GB18030.new_decoder_without_bom_handling()),
            Charset::Utf16Le => Some(UTF_16LE.new_decoder_without_bom_handling()),
            Charset::Utf16Be => Some(UTF_16BE.new_decoder_without_bom_handling()),
        }
    }
}

/// Bytes that do not decode: the payload of the `io::Error` a
/// `DecodingReader` returns, so that readers can say where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    /// The line (from 1) the bad bytes are on.
    pub line: u64,
    pub charset: Charset,
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: not {}", self.line, self.charset.name())
    }
}

impl std::error::Error for Undecodable {}

impl Undecodable {
    /// The failure an I/O error carries, if it is one.
    pub fn of(error: &io::Error) -> Option<Undecodable> {
        error
            .get_ref()
            .and_then(|e| e.downcast_ref::<Undecodable>())
            .copied()
    }
}

/// How many bytes are read from the file at a time.
const CHUNK: usize = 1 << 16;
/// How far past the first non-ASCII byte `auto` looks to tell UTF-8 from
/// GB18030.
const LOOKAHEAD: usize = 64;
/// Valid UTF-8 this long past the first non-ASCII byte makes a file UTF-8:
/// GB18030 text never runs this long as valid UTF-8.
const UTF8_PROOF: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `auto`, and only ASCII so far: the same in UTF-8 and GB18030.
    Sniff,
    /// UTF-8: bytes pass through.
    Pass,
    /// Through `decoder`.
    Decode,
}

/// A reader of UTF-8 in front of a file in any of the encodings above. The
/// byte-order mark, if any, is taken off.
pub struct DecodingReader<R> {
    inner: R,
    mode: Mode,
    charset: Charset,
    decoder: Option<Decoder>,
    /// Bytes read from `inner` and not yet handed on (from `raw_at`).
    raw: Vec<u8>,
    raw_at: usize,
    eof: bool,
    /// Decoded bytes not yet handed on (from `out_at`).
    out: Vec<u8>,
    out_at: usize,
    /// Whether the decoder has been told the input ended.
    finished: bool,
    /// Line breaks handed on or decoded so far (not counted in `Pass`).
    lines: u64,
}

impl<R: Read> DecodingReader<R> {
    /// Reads the first bytes of `inner` to choose the encoding.
    pub fn new(inner: R, encoding: Encoding) -> io::Result<Self> {
        let mut reader = DecodingReader {
            inner,
            mode: Mode::Pass,
            charset: Charset::Utf8,
            decoder: None,
            raw: Vec::with_capacity(CHUNK),
            raw_at: 0,
            eof: false,
            out: Vec::new(),
            out_at: 0,
            finished: false,
            lines: 0,
        };
        while reader.raw.len() < LOOKAHEAD && !reader.eof {
            reader.more()?;
        }
        let (charset, bom) = choose(&reader.raw, encoding);
        reader.raw_at = bom;
        match charset {
            None => reader.mode = Mode::Sniff,
            Some(charset) => reader.set(charset),
        }
        Ok(reader)
    }

    /// Whether the file begins with these bytes (a zip's, say).
    pub fn begins_with(&self, magic: &[u8]) -> bool {
        self.raw.starts_with(magic)
    }

    /// The encoding chosen so far (UTF-8 while `auto` has seen only ASCII).
    pub fn charset(&self) -> Charset {
        self.charset
    }

    fn set(&mut self, charset: Charset) {
        self.charset = charset;
        self.decoder = charset.decoder();
        self.mode = match self.decoder {
            None => Mode::Pass,
            Some(_) => Mode::Decode,
        };
    }

    /// Appends up to a chunk of the file to `raw`.
    fn more(&mut self) -> io::Result<()> {
        if self.raw_at > 0 && self.raw_at == self.raw.len() {
            self.raw.clear();
            self.raw_at = 0;
        }
        let start = self.raw.len();
        self.raw.resize(start + CHUNK, 0);
        let got = loop {
            match self.inner.read(&mut self.raw[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.raw.truncate(start);
                    return Err(e);
                }
            }
        };
        self.raw.truncate(start + got);
        self.eof = got == 0;
        Ok(())
    }

    /// At the first non-ASCII byte under `auto`: UTF-8 if what follows is,
    /// else GB18030.
    fn decide(&mut self) -> io::Result<()> {
        while self.raw.len() - self.raw_at < LOOKAHEAD && !self.eof {
            self.more()?;
        }
        let ahead = &self.raw[self.raw_at..];
        let utf8 = match std::str::from_utf8(ahead) {
            Ok(_) => true,
            Err(e) => e.valid_up_to() >= UTF8_PROOF.min(ahead.len()),
        };
        self.set(if utf8 {
            Charset::Utf8
        } else {
            Charset::Gb18030
        });
        Ok(())
    }

    /// Hands on raw bytes from `raw_at`, at most `limit` of them.
    fn hand_on_raw(&mut self, buf: &mut [u8], limit: usize) -> usize {
        let n = limit.min(buf.len());
        let bytes = &self.raw[self.raw_at..self.raw_at + n];
        buf[..n].copy_from_slice(bytes);
        if self.mode == Mode::Sniff {
            self.lines += count_lines(bytes);
        }
        self.raw_at += n;
        n
    }

    /// Decodes the next piece of the file into `out`.
    fn decode_more(&mut self) -> io::Result<()> {
        if self.raw_at == self.raw.len() && !self.eof {
            self.more()?;
        }
        let Some(decoder) = self.decoder.as_mut() else {
            return Ok(());
        };
        let last = self.eof;
        self.out.resize(CHUNK * 3 + 16, 0);
        let (result, read, written) = decoder.decode_to_utf8_without_replacement(
            &self.raw[self.raw_at..],
            &mut self.out,
            last,
        );
        self.raw_at += read;
        self.out.truncate(written);
        self.out_at = 0;
        self.lines += count_lines(&self.out);
        match result {
            DecoderResult::Malformed(..) => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                Undecodable {
                    line: self.lines + 1,
                    charset: self.charset,
                },
            )),
            DecoderResult::InputEmpty => {
                self.finished = last;
                Ok(())
            }
            DecoderResult::OutputFull => Ok(()),
        }
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let pending = self.raw.len() - self.raw_at;
            match self.mode {
                Mode::Pass if pending > 0 => return Ok(self.hand_on_raw(buf, pending)),
                Mode::Pass => return self.inner.read(buf),
                Mode::Sniff if pending == 0 && self.eof => return Ok(0),
                Mode::Sniff if pending == 0 => self.more()?,
                Mode::Sniff => {
                    let ahead = &self.raw[self.raw_at..];
                    let ascii = ahead.iter().position(|b| !b.is_ascii());
                    match ascii {
                        Some(0) => self.decide()?,
                        Some(n) => return Ok(self.hand_on_raw(buf, n)),
                        None => return Ok(self.hand_on_raw(buf, pending)),
                    }
                }
                Mode::Decode if self.out_at < self.out.len() => {
                    let n = (self.out.len() - self.out_at).min(buf.len());
                    buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
                    self.out_at += n;
                    return Ok(n);
                }
                Mode::Decode if self.finished => return Ok(0),
                Mode::Decode => self.decode_more()?,
            }
        }
    }
}

fn count_lines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// The encoding of a file from its first bytes, and the length of its
/// byte-order mark. `None`: `auto` and nothing but ASCII yet.
fn choose(first: &[u8], encoding: Encoding) -> (Option<Charset>, usize) {
    if first.starts_with(crate::text::BOM) {
        return (Some(Charset::Utf8), 3);
    }
    if first.starts_with(b"\xFF\xFE") {
        return (Some(Charset::Utf16Le), 2);
    }
    if first.starts_with(b"\xFE\xFF") {
        return (Some(Charset::Utf16Be), 2);
    }
    // A text file never begins with a NUL: one in the first two bytes is
    // half of a UTF-16 ASCII character.
    let utf16 = match first {
        [0, b, ..] if *b != 0 => Some(Charset::Utf16Be),
        [a, 0, ..] if *a != 0 => Some(Charset::Utf16Le),
        _ => None,
    };
    match encoding {
        Encoding::Utf8 => (Some(Charset::Utf8), 0),
        Encoding::Gb18030 => (Some(Charset::Gb18030), 0),
        Encoding::Utf16 => (Some(utf16.unwrap_or(Charset::Utf16Le)), 0),
        Encoding::Auto => (utf16, 0),
    }
}

/// A whole file decoded into UTF-8 (for ledgers, which are read whole).
pub fn decode_all(bytes: &[u8], encoding: Encoding) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    DecodingReader::new(bytes, encoding)?.read_to_end(&mut out)?;
    Ok(out)
}

/// The delimiter a header line asks for: a tab when it has a tab and no
/// comma (Excel's "Unicode text"), else a comma.
pub fn delimiter_of(header: &[u8]) -> u8 {
    let line = match header.iter().position(|&b| b == b'\n') {
        Some(end) => &header[..end],
        None => header,
    };
    if line.contains(&b'\t') && !line.contains(&b',') {
        b'\t'
    } else {
        b','
    }
}

/// The delimiter of a stream's header line, and the stream from its start.
/// Reads no further than the first line break (or 64 KiB).
pub fn with_delimiter<R: Read>(mut input: R) -> io::Result<(u8, impl Read)> {
    let mut first = Vec::new();
    let mut byte_chunk = [0u8; 1024];
    while !first.contains(&b'\n') && first.len() < CHUNK {
        match input.read(&mut byte_chunk) {
            Ok(0) => break,
            Ok(n) => first.extend_from_slice(&byte_chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((delimiter_of(&first), io::Cursor::new(first).chain(input)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], encoding: Encoding) -> Result<String, Undecodable> {
        let decoded = decode_all(bytes, encoding).map_err(|e| {
            Undecodable::of(&e).unwrap_or(Undecodable {
                line: 0,
                charset: Charset::Utf8,
            })
        })?;
        String::from_utf8(decoded).map_err(|_| Undecodable {
            line: 0,
            charset: Charset::Utf8,
        })
    }

    #[test]
    fn every_encoding_of_the_office_reads_the_same() {
        let text = "claim_id,applicant_name\nC-1,连州市华创科技有限公司\n";
        let (gbk, _, bad) = GB18030.encode(text);
        assert!(!bad);
        assert_eq!(read(&gbk, Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(&gbk, Encoding::Gb18030), Ok(text.to_string()));
        let mut le = b"\xFF\xFE".to_vec();
        let mut be = b"\xFE\xFF".to_vec();
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(read(&le, Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(&be, Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(&le[2..], Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(&le[2..], Encoding::Utf16), Ok(text.to_string()));
        let bom = [&crate::text::BOM[..], text.as_bytes()].concat();
        assert_eq!(read(&bom, Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(text.as_bytes(), Encoding::Auto), Ok(text.to_string()));
        assert_eq!(read(b"", Encoding::Auto), Ok(String::new()));
    }

    #[test]
    fn gbk_after_a_long_ascii_start_is_still_gbk() {
        let ascii = "a,b\n".repeat(40_000);
        let text = format!("{ascii}C-1,连州市\n");
        let (gbk, _, _) = GB18030.encode(&text);
        assert_eq!(read(&gbk, Encoding::Auto), Ok(text));
    }

    #[test]
    fn bytes_of_no_encoding_are_refused_with_their_line() {
        let mut gbk = GB18030.encode("a,b\n连州,1\n").0.into_owned();
        gbk.extend_from_slice(b"x,\x81\x20\n");
        let failed = read(&gbk, Encoding::Auto);
        assert_eq!(
            failed,
            Err(Undecodable {
                line: 3,
                charset: Charset::Gb18030
            })
        );
    }

    #[test]
    fn a_header_with_tabs_and_no_comma_is_tab_separated() {
        assert_eq!(delimiter_of(b"claim_id\titem\nC,1"), b'\t');
        assert_eq!(delimiter_of(b"claim_id,item\t\n"), b',');
        assert_eq!(delimiter_of(b"claim_id\n\t"), b',');
    }
}
