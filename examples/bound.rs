//! A lower bound for the benchmark: the least work that SPEC's batch cannot
//! do without, written as plainly and quickly as one file allows, so the
//! issue's target can be judged against what this machine can do.
//!
//! What it does, and no more: reads every record (UTF-8 checked) and keeps
//! its cells; keys every claim_id, applicant_id and reference in hash
//! tables (each string stored once); reads the date and the amount in fen;
//! sorts the claims by (date, claim_id); makes one pass in that order with
//! one cap per applicant per year and one payment per reference; writes
//! every row with the payout's sixteen columns and a fixed reason.
//!
//! What it leaves out (and `calc` does): checking and reporting every cell,
//! item ids and applicant types against the policy, forty-three items'
//! rules, every cap of SPEC §5, quotas, reasons built from what happened,
//! two languages. So `calc` cannot be faster than this program.
//!
//! It prints how long each part took on stderr, on one thread each.
//! Usage: cargo run --release --example bound -- CLAIMS.csv > /dev/null

use std::hash::BuildHasher;
use std::io::{self, BufWriter, Write};
use std::time::Instant;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

/// Strings kept once in one buffer, each known by a number.
#[derive(Default)]
struct Keys {
    text: String,
    /// Start, length and hash of each string, by number.
    spans: Vec<(u32, u32, u64)>,
    table: HashTable<u32>,
}

impl Keys {
    fn key(&mut self, s: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(s);
        let Keys { text, spans, table } = self;
        let same = |&n: &u32| {
            let (start, len, h) = spans[n as usize];
            h == hash && &text[start as usize..(start + len) as usize] == s
        };
        if let Some(&n) = table.find(hash, same) {
            return n;
        }
        let n = spans.len() as u32;
        spans.push((text.len() as u32, s.len() as u32, hash));
        text.push_str(s);
        let spans = &*spans;
        table.insert_unique(hash, n, |&n| spans[n as usize].2);
        n
    }
}

/// One claim as the pass needs it.
struct Claim {
    date: u32,
    claim_id: u32,
    applicant: u32,
    reference: Option<u32>,
    fen: u64,
}

/// The one yearly cap per applicant, in fen: a round figure of the size
/// the measures set (100,000 yuan), standing for all of them; it is not
/// any clause's cap, and the bound's payouts are not anyone's subsidy.
const CAP: u64 = 10_000_000;

/// A reason of the length the payout's reasons have, citing no clause: the
/// bound writes about as many bytes a row as `calc`, and means nothing by them.
const REASON: &str = "下限程序的固定理由，长度与一般理由相当，不对应任何条款";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: bound CLAIMS.csv")?;
    let start = Instant::now();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(&path)?;
    let mut record = csv::StringRecord::new();
    let (mut ids, mut applicants, mut references) =
        (Keys::default(), Keys::default(), Keys::default());
    let mut claims = Vec::new();
    // Every record's cells, one after another, and where each record ends.
    let (mut cells, mut ends): (String, Vec<(u32, u32)>) = (String::new(), Vec::new());
    while reader.read_record(&mut record)? {
        let cell = |i: usize| record.get(i).unwrap_or("");
        let mut reference = None;
        for part in cell(8).split(';').filter(|s| !s.is_empty()) {
            reference = Some(references.key(part));
        }
        claims.push(Claim {
            date: date(cell(5)),
            claim_id: ids.key(cell(0)),
            applicant: applicants.key(cell(1)),
            reference,
            fen: fen(cell(7)),
        });
        for c in record.iter().take(9) {
            cells.push_str(c);
            cells.push('\u{1f}');
        }
        ends.push((cells.len() as u32, 0));
    }
    let read = start.elapsed();

    // By date, then by the first eight bytes of the claim_id as a number,
    // then by the whole id only when those tie.
    let mut keyed: Vec<(u32, u64, u32)> = (claims.iter().enumerate())
        .map(|(i, c)| {
            let id = ids_text(&ids, c.claim_id).as_bytes();
            let mut prefix = [0u8; 8];
            prefix[..id.len().min(8)].copy_from_slice(&id[..id.len().min(8)]);
            (c.date, u64::from_be_bytes(prefix), i as u32)
        })
        .collect();
    keyed.sort_unstable_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
            let id = |k: &(u32, u64, u32)| ids_text(&ids, claims[k.2 as usize].claim_id);
            id(a).cmp(id(b))
        })
    });
    let order: Vec<u32> = keyed.into_iter().map(|k| k.2).collect();
    let mut used: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    let mut paid_refs: FxHashMap<u32, u32> = FxHashMap::default();
    for &i in &order {
        let claim = &claims[i as usize];
        let room = used.entry((claim.applicant, claim.date >> 9)).or_default();
        let mut payable = claim.fen.min(CAP.saturating_sub(*room));
        if let Some(r) = claim.reference {
            if paid_refs.insert(r, i).is_some() {
                payable = 0;
            }
        }
        *room += payable;
        ends[i as usize].1 = payable as u32;
    }
    let pass = start.elapsed();

    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut begin = 0;
    for &(end, payable) in &ends {
        let row = &cells[begin..end as usize];
        begin = end as usize;
        let mut parts = row.split('\u{1f}');
        let c: [&str; 9] = std::array::from_fn(|_| parts.next().unwrap_or(""));
        let year = c[5].get(..4).unwrap_or("");
        let (yuan, fen) = (payable / 100, payable % 100);
        writeln!(
            out,
            "{},{},{},{},—,{},{},{},{},{},{},{yuan}.{fen:02},{yuan}.{fen:02},0.00,paid,{REASON}",
            c[0], c[1], c[2], c[3], c[4], c[8], c[5], year, c[6], c[7],
        )?;
    }
    out.flush()?;
    let wrote = start.elapsed();
    eprintln!(
        "bound: read and key {:.3} s, sort and pass {:.3} s, write {:.3} s",
        read.as_secs_f64(),
        (pass - read).as_secs_f64(),
        (wrote - pass).as_secs_f64()
    );
    Ok(())
}

fn ids_text(ids: &Keys, n: u32) -> &str {
    let (start, len, _) = ids.spans[n as usize];
    &ids.text[start as usize..(start + len) as usize]
}

/// `YYYY-MM-DD` as a number that sorts as the date does (0 otherwise);
/// the year is the number divided by 512.
fn date(s: &str) -> u32 {
    let b = s.as_bytes();
    let digit = |i: usize| u32::from(b[i].wrapping_sub(b'0'));
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return 0;
    }
    let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    year * 512 + (digit(5) * 10 + digit(6)) * 32 + digit(8) * 10 + digit(9)
}

/// An amount such as `1,234.5` in fen (0 when it is not one).
fn fen(s: &str) -> u64 {
    let (whole, part) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| -> Option<u64> {
        t.bytes().filter(|&b| b != b',').try_fold(0u64, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })
    };
    let cents = match part.len() {
        0 => Some(0),
        1 => digits(part).map(|f| f * 10),
        _ => part.get(..2).and_then(digits),
    };
    match (digits(whole), cents) {
        (Some(y), Some(f)) => y * 100 + f,
        _ => 0,
    }
}
