//! `book publish --year Y`: the list an office posts before paying —
//! applicant, item, amount, batch — of every row paid in the year by the
//! batches in force, with every individual's ID number masked.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use rust_decimal::Decimal;

use crate::book::{Book, Entry, Kind};
use crate::cli::PolicyFile;
use crate::error::Error;
use crate::headers::header_key;
use crate::money::parse_number;
use crate::policy::Policy;
use crate::report::PayoutColumn;
use crate::whatif::book::{Cell, Tab, Table};
use crate::words::{Lang, OfficeLabel};

/// One line of the public list.
struct Line {
    batch: i64,
    name: String,
    id: String,
    item: String,
    amount: Decimal,
}

pub fn publish(
    book: &Book,
    year: i32,
    out: &Path,
    measures: &PolicyFile,
    lang: Lang,
) -> Result<(), Error> {
    let entries = book.entries()?;
    let fallback = super::super::load_policy(measures.path())?;
    let mut policies: HashMap<&str, Policy> = HashMap::new();
    let mut lines = Vec::new();
    for entry in crate::book::summary::in_force(&entries, i64::MAX) {
        let c = &entry.content;
        let policy = match entry.kind {
            Kind::Batch if !policies.contains_key(c.policy_sha256.as_str()) => {
                let label = super::ledger_label(book.label(), entry);
                let loaded = crate::policy::load(&label, &c.policy_text)?;
                policies.entry(&c.policy_sha256).or_insert(loaded)
            }
            Kind::Batch => &policies[c.policy_sha256.as_str()],
            _ => &fallback,
        };
        lines.extend(lines_of(entry, year, policy, lang));
    }
    // The public list is masked whatever `--show-ids` says.
    crate::text::show_ids(false);
    let words = lang.words();
    let l = |label| words.office_label(label).to_string();
    let header = vec![
        l(OfficeLabel::Batch),
        l(OfficeLabel::Applicant),
        l(OfficeLabel::ApplicantId),
        l(OfficeLabel::Item),
        l(OfficeLabel::Amount),
    ];
    let rows: Vec<Vec<Cell>> = lines
        .into_iter()
        .map(|line| {
            vec![
                Cell::Count(line.batch.max(0) as usize),
                Cell::Text(line.name),
                Cell::Text(crate::text::shown_id(&line.id).into_owned()),
                Cell::Text(line.item),
                Cell::Money(line.amount),
            ]
        })
        .collect();
    if super::super::is_workbook(out) {
        let tab = Tab {
            name: l(OfficeLabel::PublicList),
            tables: vec![Table {
                title: format!("{} {year}", l(OfficeLabel::PublicList)),
                header,
                rows,
                note: None,
            }],
            chart: None,
        };
        let bytes = super::super::workbook_bytes(out, &[tab], lang)?;
        return super::super::write_file_atomically(out, |w| w.write_all(&bytes));
    }
    super::super::write_file_atomically(out, |w| write_csv(w, &header, &rows))
}

/// The rows of one payout paid in `year`.
fn lines_of(entry: &Entry, year: i32, policy: &Policy, lang: Lang) -> Vec<Line> {
    let Some(text) = crate::book::summary::of_year(&entry.content.payout, year) else {
        return Vec::new();
    };
    let mut reader = csv::Reader::from_reader(text.as_slice());
    let Ok(header) = reader.headers().cloned() else {
        return Vec::new();
    };
    let at = |c: PayoutColumn| {
        header
            .iter()
            .position(|h| header_key(h) == c.name() || header_key(h) == header_key(c.name_zh()))
    };
    let columns = [
        PayoutColumn::ApplicantName,
        PayoutColumn::ApplicantId,
        PayoutColumn::Item,
        PayoutColumn::Payable,
    ]
    .map(at);
    let mut lines = Vec::new();
    for record in reader.records().flatten() {
        let cell = |i: usize| {
            columns[i]
                .and_then(|at| record.get(at))
                .unwrap_or("")
                .trim()
        };
        let amount = parse_number(cell(3)).unwrap_or_default();
        if amount <= Decimal::ZERO {
            continue;
        }
        let item = match policy.find_item(cell(2)) {
            Some(idx) => lang.text(&policy.item(idx).name).to_string(),
            None => cell(2).to_string(),
        };
        lines.push(Line {
            batch: entry.batch,
            name: cell(0).to_string(),
            id: cell(1).to_string(),
            item,
            amount,
        });
    }
    lines
}

/// The list as CSV, with the byte-order mark Excel needs.
fn write_csv(out: &mut dyn Write, header: &[String], rows: &[Vec<Cell>]) -> std::io::Result<()> {
    out.write_all(crate::text::BOM)?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| match cell {
            Cell::Text(t) => t.clone(),
            Cell::Money(m) | Cell::Signed(m) | Cell::Share(m) => crate::money::plain(*m),
            Cell::Count(n) => n.to_string(),
        }))?;
    }
    writer.flush()
}
