//! What a stored payout says, read back for the book's own needs: each
//! row's claim_id and status, and the total paid. The payout has already
//! passed the ledger reader (it was written by this tool, or imported
//! through that reader), so a cell that does not parse is counted as zero
//! here rather than refused a second time.

use rust_decimal::Decimal;

use super::entry::{Entry, Kind};
use crate::ledger::LedgerColumn;

/// A payout's rows and total.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Each row's claim_id and status, as written.
    pub claim_ids: Vec<(String, String)>,
    pub paid: Decimal,
}

/// Reads a payout CSV (with or without a byte-order mark, English or
/// Chinese headers).
pub fn of_payout(bytes: &[u8]) -> Summary {
    let bytes = bytes.strip_prefix(crate::text::BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let Ok(header) = reader.headers().cloned() else {
        return Summary::default();
    };
    let place = |wanted: LedgerColumn| {
        header
            .iter()
            .position(|h| LedgerColumn::from_header(h) == Some(wanted))
    };
    let (id, status, payable) = (
        place(LedgerColumn::ClaimId),
        place(LedgerColumn::Status),
        place(LedgerColumn::Payable),
    );
    let mut summary = Summary::default();
    for record in reader.records().flatten() {
        let cell = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or("").trim();
        let claim_id = cell(id);
        if !claim_id.is_empty() {
            summary
                .claim_ids
                .push((claim_id.to_string(), cell(status).to_string()));
        }
        let amount = crate::money::parse_number(cell(payable)).unwrap_or_default();
        summary.paid += amount;
    }
    summary
}

/// The batches and imports that count as paid for an entry made after
/// `before` (an entry's `seq`): made before it and not withdrawn before it.
pub fn in_force(entries: &[Entry], before: i64) -> Vec<&Entry> {
    let voided: Vec<i64> = entries
        .iter()
        .filter(|e| e.kind == Kind::Void && e.seq < before)
        .map(|e| e.batch)
        .collect();
    entries
        .iter()
        .filter(|e| e.kind != Kind::Void && e.seq < before && !voided.contains(&e.batch))
        .collect()
}

/// The rows of a payout whose `year` is `year`, under its header; `None`
/// when it has none.
pub fn of_year(bytes: &[u8], year: i32) -> Option<Vec<u8>> {
    let bytes = bytes.strip_prefix(crate::text::BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.headers().ok()?.clone();
    let at = header
        .iter()
        .position(|h| LedgerColumn::from_header(h) == Some(LedgerColumn::Year))?;
    let wanted = year.to_string();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).ok()?;
    let mut any = false;
    for record in reader.records().flatten() {
        if record.get(at).map(str::trim) == Some(wanted.as_str()) {
            out.write_record(&record).ok()?;
            any = true;
        }
    }
    any.then(|| out.into_inner().ok()).flatten()
}
