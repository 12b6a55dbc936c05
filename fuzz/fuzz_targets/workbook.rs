//! The workbook reader (`.xlsx` claims and ledgers): the bytes as a file,
//! read under small limits. Whatever the zip holds, reading ends in text
//! within the limits or in an error that can be said, never in a panic or
//! in memory the limits do not allow.
#![no_main]

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use libfuzzer_sys::fuzz_target;
use subsidy::claims::limits::Limits;
use subsidy::sheet::{read_sheet, Choice, SheetError};
use subsidy::words::Lang;

static RUN: AtomicU64 = AtomicU64::new(0);

fuzz_target!(|data: &[u8]| {
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "subsidy-fuzz-{}-{}.xlsx",
        std::process::id(),
        run % 4
    ));
    let Ok(mut file) = std::fs::File::create(&path) else {
        return;
    };
    if file.write_all(data).is_err() {
        return;
    }
    drop(file);
    let limits = Limits {
        max_field_bytes: 4096,
        max_record_bytes: 16_384,
        max_rows: 1000,
    };
    match read_sheet(&path, Choice::Named(None), limits) {
        Ok(sheet) => {
            // At most a blank line for each row of a sheet, and the rows the
            // limits let through, each at most a record long.
            let most = 1_048_576 + (limits.max_rows + 1) * (limits.max_record_bytes + 2);
            assert!(
                sheet.text.len() as u64 <= most,
                "{} bytes",
                sheet.text.len()
            );
        }
        Err(SheetError::Claims(e)) => {
            let _ = (e.render(Lang::Zh), e.render(Lang::En));
        }
        Err(SheetError::Stop(stop)) => {
            let _ = stop.line();
        }
    }
    let _ = std::fs::remove_file(&path);
});
