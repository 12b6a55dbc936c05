//! `book list`, `book show N`, `book export N`: what the book holds.

use std::path::Path;
use std::str::FromStr;

use comfy_table::{presets, CellAlignment, Table};
use rust_decimal::Decimal;

use crate::book::{Book, BookError, Entry, Kind};
use crate::error::Error;
use crate::report::{fit, yuan};
use crate::words::{Lang, OfficeFact, OfficeLabel};

/// One line per entry: batches, imports and withdrawals, in order.
pub fn list(book: &Book, lang: Lang) -> Result<(), Error> {
    let entries = book.payouts()?;
    if entries.is_empty() {
        super::say(lang, &OfficeFact::Empty);
        return Ok(());
    }
    let words = lang.words();
    let l = |label| words.office_label(label);
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(vec![
            l(OfficeLabel::Batch),
            l(OfficeLabel::Kind),
            l(OfficeLabel::At),
            l(OfficeLabel::By),
            l(OfficeLabel::Rows),
            l(OfficeLabel::Paid),
            l(OfficeLabel::Policy),
            l(OfficeLabel::Reason),
        ]);
    fit(&mut table);
    for i in [0, 4, 5] {
        if let Some(col) = table.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    for e in &entries {
        let void = e.kind == Kind::Void;
        let c = &e.content;
        let withdrawn = !void && is_withdrawn(&entries, e.batch);
        let reason = match withdrawn {
            true => l(OfficeLabel::Withdrawn).to_string(),
            false => c.reason.clone(),
        };
        table.add_row(vec![
            e.batch.to_string(),
            kind_word(lang, e.kind).to_string(),
            c.at.clone(),
            c.by.clone(),
            if void {
                String::new()
            } else {
                c.rows.to_string()
            },
            if void { String::new() } else { paid(e) },
            c.policy_id.clone(),
            reason,
        ]);
    }
    super::super::write_stdout(|out| writeln!(out, "{table}"))
}

/// Everything the book records of one batch but its files' bytes.
pub fn show(book: &Book, batch: i64, lang: Lang) -> Result<(), Error> {
    let entries = book.payouts()?;
    let words = lang.words();
    let l = |label| words.office_label(label);
    let shown: Vec<&Entry> = entries.iter().filter(|e| e.batch == batch).collect();
    if shown.is_empty() {
        return Err(BookError::NoSuchBatch { batch }.into());
    }
    super::super::write_stdout(|out| {
        for e in shown {
            let c = &e.content;
            writeln!(out, "{}: {}", l(OfficeLabel::Batch), e.batch)?;
            writeln!(out, "{}: {}", l(OfficeLabel::Kind), kind_word(lang, e.kind))?;
            writeln!(out, "{}: {}", l(OfficeLabel::At), c.at)?;
            writeln!(out, "{}: {}", l(OfficeLabel::By), c.by)?;
            if e.kind != Kind::Void {
                writeln!(out, "{}: {}", l(OfficeLabel::Rows), c.rows)?;
                writeln!(out, "{}: {}", l(OfficeLabel::Paid), paid(e))?;
            }
            if !c.policy_id.is_empty() {
                let policy = format!("{} (sha256 {})", c.policy_id, c.policy_sha256);
                writeln!(out, "{}: {policy}", l(OfficeLabel::Policy))?;
            }
            if !c.claims_name.is_empty() {
                let claims = format!("{} (sha256 {})", c.claims_name, c.claims_sha256);
                writeln!(out, "{}: {claims}", l(OfficeLabel::Claims))?;
            }
            if !c.reason.is_empty() {
                writeln!(out, "{}: {}", l(OfficeLabel::Reason), c.reason)?;
            }
            writeln!(out, "{}: {}", l(OfficeLabel::Hash), e.hash)?;
            writeln!(out)?;
        }
        Ok(())
    })
}

/// The payout of a batch: a CSV as recorded, byte for byte; a workbook
/// made by the payout's workbook writer from the batch replayed.
pub fn export(book: &Book, batch: i64, out: &Path, lang: Lang) -> Result<(), Error> {
    let entries = book.entries()?;
    let entry = entries
        .iter()
        .find(|e| e.batch == batch && e.kind != Kind::Void)
        .ok_or(BookError::NoSuchBatch { batch })?;
    if !super::super::is_workbook(out) {
        let payout = &entry.content.payout;
        return super::super::write_file_atomically(out, |w| w.write_all(payout));
    }
    let bytes = super::verify::workbook_of(book.label(), &entries, entry, lang)?;
    super::super::write_file_atomically(out, |w| w.write_all(&bytes))
}

fn kind_word(lang: Lang, kind: Kind) -> &'static str {
    let label = match kind {
        Kind::Batch => OfficeLabel::KindBatch,
        Kind::Import => OfficeLabel::KindImport,
        Kind::Void => OfficeLabel::KindVoid,
    };
    lang.words().office_label(label)
}

fn paid(e: &Entry) -> String {
    Decimal::from_str(&e.content.paid).map_or_else(|_| e.content.paid.clone(), yuan)
}

fn is_withdrawn(entries: &[Entry], batch: i64) -> bool {
    entries
        .iter()
        .any(|e| e.kind == Kind::Void && e.batch == batch)
}
