//! Rows formatted on two threads and written in order: the one parallel
//! path of the outputs (the payout CSV and the JSON's claims). Formatting
//! is most of writing them; a second thread formats every other chunk of
//! rows into a buffer while this one formats and writes the rest, and
//! takes the second thread's buffers in turn. At most a few chunks are held
//! at once; batches under two chunks stay on one thread.

use std::io::{self, Write};
use std::ops::Range;
use std::sync::mpsc;

/// Rows formatted together, in order, by one thread or the other.
pub const CHUNK: usize = 8192;

/// Writes rows `0..rows` to `out`, each chunk's bytes made by `format`
/// (which appends to the buffer it is given).
pub fn write_in_chunks<F>(rows: usize, out: &mut dyn Write, format: F) -> io::Result<()>
where
    F: Fn(Range<usize>, &mut Vec<u8>) -> io::Result<()> + Sync,
{
    let range = |k: usize| k * CHUNK..((k + 1) * CHUNK).min(rows);
    let chunks = rows.div_ceil(CHUNK);
    let mut own = Vec::new();
    if chunks < 2 {
        format(0..rows, &mut own)?;
        return out.write_all(&own);
    }
    let format = &format;
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
        let (empty_tx, empty_rx) = mpsc::channel::<Vec<u8>>();
        scope.spawn(move || {
            for k in (1..chunks).step_by(2) {
                let mut buffer = empty_rx.try_recv().unwrap_or_default();
                let formatted = format(range(k), &mut buffer).map(|()| buffer);
                if full_tx.send(formatted).is_err() {
                    return;
                }
            }
        });
        for k in 0..chunks {
            let mut buffer = if k % 2 == 0 {
                format(range(k), &mut own)?;
                std::mem::take(&mut own)
            } else {
                match full_rx.recv() {
                    Ok(formatted) => formatted?,
                    // The second thread is gone (it can only have panicked,
                    // which the scope reports): this one formats the chunk.
                    Err(_) => {
                        format(range(k), &mut own)?;
                        std::mem::take(&mut own)
                    }
                }
            };
            out.write_all(&buffer)?;
            buffer.clear();
            if k % 2 == 0 {
                own = buffer;
            } else {
                let _ = empty_tx.send(buffer);
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_written_once_in_order_whatever_the_chunks() {
        for rows in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 17] {
            let mut out = Vec::new();
            write_in_chunks(rows, &mut out, |range, buf| {
                for row in range {
                    buf.extend_from_slice(format!("{row}\n").as_bytes());
                }
                Ok(())
            })
            .expect("writes");
            let expected: String = (0..rows).map(|r| format!("{r}\n")).collect();
            assert_eq!(
                String::from_utf8(out).expect("UTF-8"),
                expected,
                "{rows} rows"
            );
        }
    }

    #[test]
    fn a_failed_chunk_stops_the_writing_with_its_error() {
        let mut out = Vec::new();
        let failed = write_in_chunks(4 * CHUNK, &mut out, |range, buf| {
            if range.start == 3 * CHUNK {
                return Err(io::Error::other("chunk 3"));
            }
            buf.push(b'.');
            Ok(())
        });
        assert_eq!(
            failed.map_err(|e| e.to_string()),
            Err("chunk 3".to_string())
        );
        assert_eq!(out, b"...");
    }
}
