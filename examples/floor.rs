//! The floor of the benchmark: read the claims CSV as byte records and write
//! every record back out through a buffered csv writer, and nothing else. No
//! tool that reads and writes every row can be faster on this machine;
//! `bench/run.sh` prints `calc`'s time as a multiple of this one.
//!
//! Usage: cargo run --release --example floor -- CLAIMS.csv > /dev/null

use std::io::{self, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: floor CLAIMS.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&path)?;
    let stdout = io::stdout();
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BufWriter::with_capacity(1 << 16, stdout.lock()));
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        writer.write_byte_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}
