//! The payout as an Excel workbook (`--out payout.xlsx`): every claim on
//! 明细 with the payout's Chinese headers, the two tables, and a summary
//! sheet with a chart, the policy used and where the claims came from.
//! Money is written as numbers; every other cell as text, so that nothing
//! is run as a formula. The claims sheet is a valid `--ledger`.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use super::{Decided, Line, PayoutColumn, Summary, Tally};
use crate::engine::Status;
use crate::payout_columns::BookSheet;
use crate::policy::Status as PolicyStatus;
use crate::words::{BookLabel, Label, Lang};

/// What the summary sheet says about where the figures came from.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// SHA-256 of the policy text, in hex.
    pub policy_sha256: String,
    pub version: String,
}

const MONEY: &str = "#,##0.00";

/// The workbook's bytes.
pub fn payout_workbook(
    decided: &Decided,
    provenance: &Provenance,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let summary = Summary::of(decided);
    let mut book = Workbook::new();
    let money = Format::new().set_num_format(MONEY);
    let bold = Format::new().set_bold();
    claims_sheet(book.add_worksheet(), decided, &money, &bold, lang)?;
    applicants_sheet(book.add_worksheet(), &summary, &money, &bold, lang)?;
    clauses_sheet(book.add_worksheet(), decided, &summary, &money, &bold, lang)?;
    let sheet = book.add_worksheet();
    summary_sheet(sheet, decided, &summary, provenance, &money, &bold, lang)?;
    book.save_to_buffer()
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A header row in bold, frozen, with an autofilter over `rows` rows below.
fn header_row(
    sheet: &mut Worksheet,
    names: &[&str],
    rows: usize,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = names.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows as u32, last_col)?;
    Ok(())
}

fn claims_sheet(
    sheet: &mut Worksheet,
    decided: &Decided,
    money: &Format,
    bold: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(BookSheet::Claims.name())?;
    // The ids follow the contract's columns under the contract's own names:
    // a ledger reads the last column of a name, so the workbook is read
    // from its ids whatever the words say. The clerk's own columns come
    // last, in the file's order.
    let clerk = decided.batch.unknown_columns.iter().map(String::as_str);
    let names: Vec<&str> = PayoutColumn::ALL
        .map(PayoutColumn::name_zh)
        .into_iter()
        .chain(ID_COLUMNS.map(PayoutColumn::name))
        .chain(clerk)
        .collect();
    header_row(sheet, &names, decided.batch.rows.len(), bold)?;
    let mut scratch = String::new();
    let mut failed = None;
    let mut ids: [String; ID_COLUMNS.len()] = Default::default();
    for (r, line) in decided.lines().enumerate() {
        let row = r as u32 + 1;
        let mut c = 0u16;
        let written = line.each_cell(decided.policy, lang, &mut scratch, &mut |column, cell| {
            let shown = match ID_COLUMNS.iter().position(|id| *id == column) {
                Some(at) => {
                    ids[at].clear();
                    ids[at].push_str(cell);
                    in_words(decided, &line, column, cell, lang)
                }
                None => cell,
            };
            if let Err(e) = claims_cell(sheet, row, c, column, shown, money) {
                failed.get_or_insert(e);
            }
            c += 1;
            Ok(())
        });
        if written.is_err() {
            break;
        }
        if let Some(e) = failed.take() {
            return Err(e);
        }
        for id in &ids {
            if !id.is_empty() {
                sheet.write_string(row, c, id)?;
            }
            c += 1;
        }
        for cell in decided.batch.clerk_cells(line.index) {
            // Text, so that nothing the clerk typed is run as a formula.
            sheet.write_string(row, c, crate::text::shown_in_file(cell).as_ref())?;
            c += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

/// The columns the claims sheet shows in words, their ids repeated after
/// the contract's columns.
const ID_COLUMNS: [PayoutColumn; 3] = [
    PayoutColumn::ApplicantType,
    PayoutColumn::Item,
    PayoutColumn::Status,
];

/// An id of the payout as the run's language says it: the applicant type's
/// and the item's names, the status in words. A cell that is no id (an
/// invalid row's as written) stays as it is.
fn in_words<'c>(
    decided: &'c Decided,
    line: &Line,
    column: PayoutColumn,
    cell: &'c str,
    lang: Lang,
) -> &'c str {
    let policy = decided.policy;
    match column {
        PayoutColumn::ApplicantType => policy
            .applicant_types
            .iter()
            .find(|t| t.id == cell)
            .map_or(cell, |t| t.label(lang)),
        PayoutColumn::Item => match line.item() {
            Some(i) if policy.item(i).id == cell => policy.item(i).name(lang),
            _ => cell,
        },
        PayoutColumn::Status => lang.words().book_status(line.status()),
        _ => cell,
    }
}

/// One cell of the claims sheet: money, year and quantity as numbers when
/// they are numbers, everything else as text.
fn claims_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    column: PayoutColumn,
    cell: &str,
    money: &Format,
) -> Result<(), XlsxError> {
    use PayoutColumn as C;
    if cell.is_empty() {
        return Ok(());
    }
    let numeric = matches!(column, C::Amount | C::Year | C::Quantity) || column.is_money();
    match cell.parse::<Decimal>() {
        Ok(value) if numeric && matches!(column, C::Year | C::Quantity) => {
            sheet.write_number(row, col, number(value))?;
        }
        Ok(value) if numeric => {
            sheet.write_number_with_format(row, col, number(value), money)?;
        }
        _ => {
            sheet.write_string(row, col, cell)?;
        }
    }
    Ok(())
}

fn money_cells(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    tally: &Tally,
    money: &Format,
) -> Result<(), XlsxError> {
    for (i, value) in [tally.computed, tally.payable, tally.cut]
        .into_iter()
        .enumerate()
    {
        sheet.write_number_with_format(row, col + i as u16, number(value), money)?;
    }
    Ok(())
}

fn applicants_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    money: &Format,
    bold: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let words = lang.words();
    sheet.set_name(BookSheet::ByApplicant.name())?;
    let names = [
        Label::ApplicantId,
        Label::ApplicantName,
        Label::Rows,
        Label::Computed,
        Label::Payable,
        Label::Cut,
    ]
    .map(|l| words.label(l));
    header_row(sheet, &names, summary.applicants.len(), bold)?;
    for (r, a) in summary.applicants.iter().enumerate() {
        let row = r as u32 + 1;
        sheet.write_string(row, 0, crate::text::shown_in_file(&a.applicant_id).as_ref())?;
        sheet.write_string(
            row,
            1,
            crate::text::shown_in_file(&a.applicant_name).as_ref(),
        )?;
        sheet.write_number(row, 2, a.tally.rows() as f64)?;
        money_cells(sheet, row, 3, &a.tally, money)?;
    }
    sheet.autofit();
    Ok(())
}

/// The column of the payable amount on the clauses sheet.
const CLAUSE_PAYABLE: u16 = 3 + Status::ALL.len() as u16 + 1;

fn clauses_sheet(
    sheet: &mut Worksheet,
    decided: &Decided,
    summary: &Summary,
    money: &Format,
    bold: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let words = lang.words();
    sheet.set_name(BookSheet::ByClause.name())?;
    let mut names = vec![
        words.label(Label::Clause),
        words.label(Label::Title),
        words.label(Label::Rows),
    ];
    names.extend(Status::ALL.iter().map(|s| words.status(*s)));
    names.extend([Label::Computed, Label::Payable, Label::Cut].map(|l| words.label(l)));
    header_row(sheet, &names, summary.clauses.len(), bold)?;
    let policy = decided.policy;
    for (r, c) in summary.clauses.iter().enumerate() {
        let row = r as u32 + 1;
        let (label, title) = match c.clause {
            Some(i) => (
                policy.clauses[i].label(),
                policy.clauses[i].title(lang).to_string(),
            ),
            None => (
                "—".to_string(),
                words.label(Label::ItemNotRecognised).to_string(),
            ),
        };
        sheet.write_string(row, 0, label)?;
        sheet.write_string(row, 1, title)?;
        sheet.write_number(row, 2, c.tally.rows() as f64)?;
        for (i, status) in Status::ALL.iter().enumerate() {
            sheet.write_number(row, 3 + i as u16, c.tally.count(*status) as f64)?;
        }
        money_cells(sheet, row, CLAUSE_PAYABLE - 1, &c.tally, money)?;
    }
    sheet.autofit();
    Ok(())
}

/// A value of the summary sheet.
enum Value {
    Text(String),
    Count(usize),
    Money(Decimal),
}

fn summary_sheet(
    sheet: &mut Worksheet,
    decided: &Decided,
    summary: &Summary,
    provenance: &Provenance,
    money: &Format,
    bold: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    let words = lang.words();
    sheet.set_name(BookSheet::Summary.name())?;
    let rows = summary_rows(decided, summary, provenance, lang);
    for (r, (label, value)) in rows.iter().enumerate() {
        let row = r as u32;
        match value {
            None => sheet.write_string_with_format(row, 0, *label, bold)?,
            Some(Value::Text(t)) => sheet
                .write_string(row, 0, *label)?
                .write_string(row, 1, t)?,
            Some(Value::Count(n)) => sheet
                .write_string(row, 0, *label)?
                .write_number(row, 1, *n as f64)?,
            Some(Value::Money(m)) => sheet
                .write_string(row, 0, *label)?
                .write_number_with_format(row, 1, number(*m), money)?,
        };
    }
    sheet.autofit();
    let clauses = summary.clauses.len() as u32;
    if clauses > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .title()
            .set_name(words.book_label(BookLabel::PayableByClause));
        let by_clause = BookSheet::ByClause.name();
        chart
            .add_series()
            .set_name(words.label(Label::Payable))
            .set_categories((by_clause, 1, 0, clauses, 0))
            .set_values((by_clause, 1, CLAUSE_PAYABLE, clauses, CLAUSE_PAYABLE));
        sheet.insert_chart(1, 3, &chart)?;
    }
    Ok(())
}

/// The summary sheet's rows: a label, and its value (`None`: a heading).
fn summary_rows(
    decided: &Decided,
    summary: &Summary,
    provenance: &Provenance,
    lang: Lang,
) -> Vec<(&'static str, Option<Value>)> {
    let words = lang.words();
    let l = |label| words.book_label(label);
    let policy = decided.policy;
    let total = &summary.total;
    let mut rows = vec![
        (l(BookLabel::Totals), None),
        (l(BookLabel::RowsIn), Some(Value::Count(total.rows()))),
    ];
    for status in Status::ALL {
        rows.push((
            words.status(status),
            Some(Value::Count(total.count(status))),
        ));
    }
    let status = match policy.status {
        PolicyStatus::Draft => l(BookLabel::Draft),
        PolicyStatus::Final => l(BookLabel::Final),
    };
    let text = |t: &str| Some(Value::Text(t.to_string()));
    rows.extend([
        (l(BookLabel::Computed), Some(Value::Money(total.computed))),
        (l(BookLabel::Payable), Some(Value::Money(total.payable))),
        (l(BookLabel::Cut), Some(Value::Money(total.cut))),
        (l(BookLabel::Policy), None),
        (l(BookLabel::PolicyId), text(&policy.id)),
        (l(BookLabel::PolicyTitle), text(&policy.title)),
        (l(BookLabel::PolicyStatus), text(status)),
        (
            l(BookLabel::ValidFrom),
            text(&policy.valid_from.to_string()),
        ),
        (
            l(BookLabel::ValidUntil),
            text(&policy.valid_until.to_string()),
        ),
        (l(BookLabel::PolicySha256), text(&provenance.policy_sha256)),
        (l(BookLabel::ClaimsFile), text(&decided.batch.source)),
        (
            l(BookLabel::ClaimsRows),
            Some(Value::Count(decided.batch.rows.len())),
        ),
        (l(BookLabel::Version), text(&provenance.version)),
    ]);
    rows
}
