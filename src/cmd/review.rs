//! `subsidy report LEDGER...`: what a year's payout files paid, per clause,
//! applicant type, month and batch, the rejected rows by the rule that
//! rejected them, and the fund used; `--out review.xlsx` writes them as a
//! workbook, with charts of the payable by clause and by month. A payout
//! file is a CSV or a workbook (the payout's 明细, or a clerk's copy), read
//! as `--ledger` is.

use std::io::Write;
use std::path::Path;

use rust_decimal::Decimal;

use super::sheet::{sheet_json, write_csv, write_sections, Section, Sheet};
use super::LedgerText;
use crate::claims::limits::Limits;
use crate::cli::{Format, Reading, ReportArgs};
use crate::engine::Status;
use crate::error::Error;
use crate::ledger::{read_payout, LedgerColumn, LedgerError, LedgerProblem, PayoutEntry};
use crate::money::plain;
use crate::policy::Policy;
use crate::sheet::cell_name;
use crate::whatif::book::{Cell, ChartKind, ChartPlan, Tab, Table};
use crate::whatif::review::{review, PayoutRow, RejectionKind, Review, Sum};
use crate::whatif::{WhatIfError, WhatIfFact, WhatIfLabel};
use crate::words::Lang;

/// The rows of one payout file, a CSV or a workbook's payout sheet (明细),
/// read by the reader of `calc --ledger`: a file it refuses as a ledger is
/// refused here too. The applicant type is the policy's name of the type
/// however the cell writes it; a rejected row's reason is the rule that
/// rejected it, named for its item.
fn read_rows(
    batch: usize,
    path: &Path,
    policy: &Policy,
    lang: Lang,
) -> Result<Vec<PayoutRow>, Error> {
    let ledger = super::ledger_text(path, &Reading::default(), Limits::default())?;
    rows_of(batch, &ledger, policy, lang)
}

/// The rows of one payout, read to text (a file's, or a batch of the book).
fn rows_of(
    batch: usize,
    ledger: &LedgerText,
    policy: &Policy,
    lang: Lang,
) -> Result<Vec<PayoutRow>, Error> {
    let entries =
        read_payout(&ledger.label, &ledger.text, policy).map_err(|e| located(e, ledger))?;
    Ok(entries
        .into_iter()
        .map(|e| PayoutRow {
            batch,
            applicant_type: match e.applicant_type {
                Some(t) => policy.type_label(t, lang).to_string(),
                None => e.applicant_type_written.clone(),
            },
            month: e
                .date
                .map(|d| d.to_string().chars().take(7).collect())
                .unwrap_or_default(),
            reason: match e.status {
                Status::Rejected => rule_of(policy, &e, lang),
                _ => String::new(),
            },
            claim_id: e.claim_id,
            clause: e.clause,
            status: e.status,
            computed: e.computed,
            payable: e.payable,
            cut: e.cut,
        })
        .collect())
}

/// A ledger error as the review says it: the columns a sheet lacks, and a
/// workbook's money cell that is no amount by its cell (`明细!M5`).
fn located(e: LedgerError, ledger: &LedgerText) -> Error {
    let sheet = ledger.sheet.as_ref();
    match (&e.what, e.column, sheet) {
        (LedgerProblem::NotAPayout { missing }, _, _) => {
            Error::WhatIf(WhatIfError::LedgerColumns {
                file: e.file.clone(),
                sheet: sheet.map(|(name, _)| name.clone()),
                missing: missing.iter().map(|c| c.name().to_string()).collect(),
            })
        }
        (LedgerProblem::BadAmount { written }, Some(column), Some((name, first))) => {
            let at = header_place(&ledger.text, column);
            let row = usize::try_from(e.line.saturating_sub(1)).unwrap_or(0);
            Error::WhatIf(WhatIfError::LedgerCell {
                file: e.file.clone(),
                line: e.line,
                cell: at.map(|at| cell_name(name, row, first + at)),
                column: column.name().to_string(),
                written: written.clone(),
            })
        }
        _ => e.into(),
    }
}

/// Where a ledger reads a column: the last header of its name.
fn header_place(text: &[u8], column: LedgerColumn) -> Option<usize> {
    let text = text.strip_prefix(crate::text::BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text);
    let header = reader.headers().ok()?;
    header
        .iter()
        .enumerate()
        .filter(|(_, h)| LedgerColumn::from_header(h) == Some(column))
        .map(|(i, _)| i)
        .last()
}

/// The group of a rejected row: its item's name and the rule, or the
/// reason as written when this tool did not write it.
fn rule_of(policy: &Policy, entry: &PayoutEntry, lang: Lang) -> String {
    let Some(kind) = RejectionKind::of_reason(policy, &entry.reason) else {
        return entry.reason.clone();
    };
    let rule = lang.words().rejection_kind(kind);
    match entry.item {
        Some(i) => lang
            .words()
            .rejection_group(policy.item(i).name(lang), rule),
        None => rule.to_string(),
    }
}

pub fn run(args: &ReportArgs, lang: Lang) -> Result<(), Error> {
    let inputs: Vec<&std::path::Path> = args.ledgers.iter().map(|p| p.as_path()).collect();
    crate::output::out_is_not_input(args.out.as_deref(), &inputs)?;
    let fund = super::budget::fund_asked(args.budget.as_deref())?;
    let mut rows = Vec::new();
    let policy = super::load_policy(args.measures.path())?;
    let mut names: Vec<String> = Vec::new();
    for (batch, path) in args.ledgers.iter().enumerate() {
        rows.extend(read_rows(batch, path, &policy, lang)?);
        names.push(path.display().to_string());
    }
    let office = crate::cli::BookFile {
        book: args.book.clone(),
    };
    for ledger in super::book::of_year(&office, args.year)? {
        rows.extend(rows_of(names.len(), &ledger, &policy, lang)?);
        names.push(ledger.label);
    }
    let r = review(&rows, names.len());
    let sheet = review_sheet(&r, &names, fund);
    let bom = !args.no_bom;
    let format = args.format.unwrap_or(if args.out.is_some() {
        Format::Csv
    } else {
        Format::Table
    });
    let book = match &args.out {
        Some(path) if format == Format::Csv && super::is_workbook(path) => Some(
            super::workbook_bytes(path, &review_book(&r, &names, fund, lang), lang)?,
        ),
        _ => None,
    };
    let write = |out: &mut dyn Write| match (&book, format) {
        (Some(bytes), _) => out.write_all(bytes),
        (None, Format::Table) => {
            write_sections(&sections(&r, &names, lang), out)?;
            if let Some(fund) = fund {
                let used = WhatIfFact::FundUsed {
                    payable: r.total.payable,
                    fund,
                };
                writeln!(out, "{}", lang.words().whatif_fact(&used))?;
            }
            Ok(())
        }
        (None, Format::Csv) => write_csv(&sheet, out, bom),
        (None, Format::Json) => {
            serde_json::to_writer_pretty(&mut *out, &sheet_json(&sheet))
                .map_err(std::io::Error::other)?;
            writeln!(out)
        }
    };
    match &args.out {
        Some(path) => super::write_file_atomically(path, write),
        None => super::write_stdout(write),
    }
}

fn sum_cells(s: &Sum, shown: fn(Decimal) -> String) -> [String; 4] {
    [
        s.rows.to_string(),
        shown(s.computed),
        shown(s.payable),
        shown(s.cut),
    ]
}

/// The groups of the review, each with its key: (section, key, sum).
fn groups<'a>(r: &'a Review, names: &'a [String]) -> Vec<(&'static str, &'a str, Sum)> {
    let mut out = vec![("total", "", r.total)];
    out.extend(r.clauses.iter().map(|(k, s)| ("clause", k.as_str(), *s)));
    out.extend(
        r.applicant_types
            .iter()
            .map(|(k, s)| ("applicant_type", k.as_str(), *s)),
    );
    out.extend(r.months.iter().map(|(k, s)| ("month", k.as_str(), *s)));
    out.extend(
        names
            .iter()
            .zip(&r.batches)
            .map(|(k, s)| ("batch", k.as_str(), *s)),
    );
    out.extend(r.rejected.iter().map(|(k, s)| ("rejected", k.as_str(), *s)));
    if r.refiled.rows > 0 {
        out.push(("refiled", "", r.refiled));
    }
    out
}

fn review_sheet(r: &Review, names: &[String], fund: Option<Decimal>) -> Sheet {
    let mut rows: Vec<Vec<String>> = groups(r, names)
        .into_iter()
        .map(|(section, key, s)| {
            let mut row = vec![section.to_string(), key.to_string()];
            row.extend(sum_cells(&s, plain));
            row
        })
        .collect();
    if let Some(fund) = fund {
        let left = fund - r.total.payable;
        rows.push(vec![
            "fund".into(),
            String::new(),
            String::new(),
            plain(fund),
            plain(r.total.payable),
            plain(left),
        ]);
    }
    Sheet {
        header: vec!["section", "key", "rows", "computed", "payable", "cut"],
        rows,
    }
}

/// The review as terminal tables: the workbook's tables, shown as text.
fn sections(r: &Review, names: &[String], lang: Lang) -> Vec<Section> {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    [
        (WhatIfLabel::Total, WhatIfLabel::Total, "total"),
        (WhatIfLabel::ByClause, WhatIfLabel::Clause, "clause"),
        (
            WhatIfLabel::ByApplicantType,
            WhatIfLabel::ApplicantType,
            "applicant_type",
        ),
        (WhatIfLabel::ByMonth, WhatIfLabel::Month, "month"),
        (WhatIfLabel::ByBatch, WhatIfLabel::Batch, "batch"),
        (
            WhatIfLabel::RejectedByReason,
            WhatIfLabel::Reason,
            "rejected",
        ),
    ]
    .into_iter()
    .map(|(title, key, section)| {
        Section::of(&group_table(r, names, l(title), l(key), section, lang))
    })
    .collect()
}

/// The review workbook: a summary (the total and the fund used), then one
/// sheet per table, with a bar chart of the payable by clause and a column
/// chart of the payable by month. The cells are the CSV's figures.
fn review_book(r: &Review, names: &[String], fund: Option<Decimal>, lang: Lang) -> Vec<Tab> {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let tab = |name, title, key, section| Tab {
        name: l(name),
        tables: vec![group_table(r, names, l(title), l(key), section, lang)],
        chart: None,
    };
    let chart = |kind, title, key| ChartPlan {
        kind,
        title: l(title),
        category_axis: l(key),
        value_axis: l(WhatIfLabel::Yuan),
        categories: 0,
        values: vec![3],
    };
    let mut summary = vec![group_table(
        r,
        names,
        l(WhatIfLabel::Total),
        String::new(),
        "total",
        lang,
    )];
    summary.extend(fund.map(|fund| fund_table(r, fund, lang)));
    let mut clauses = tab(
        WhatIfLabel::ByClause,
        WhatIfLabel::ByClause,
        WhatIfLabel::Clause,
        "clause",
    );
    clauses.chart = Some(chart(
        ChartKind::Bar,
        WhatIfLabel::CostByClause,
        WhatIfLabel::Clause,
    ));
    let mut months = tab(
        WhatIfLabel::ByMonth,
        WhatIfLabel::ByMonth,
        WhatIfLabel::Month,
        "month",
    );
    months.chart = Some(chart(
        ChartKind::Column,
        WhatIfLabel::PayableByMonth,
        WhatIfLabel::Month,
    ));
    vec![
        Tab {
            name: l(WhatIfLabel::SummarySheet),
            tables: summary,
            chart: None,
        },
        clauses,
        tab(
            WhatIfLabel::ByApplicantType,
            WhatIfLabel::ByApplicantType,
            WhatIfLabel::ApplicantType,
            "applicant_type",
        ),
        months,
        tab(
            WhatIfLabel::ByBatch,
            WhatIfLabel::ByBatch,
            WhatIfLabel::Batch,
            "batch",
        ),
        tab(
            WhatIfLabel::RejectedSheet,
            WhatIfLabel::RejectedByReason,
            WhatIfLabel::Reason,
            "rejected",
        ),
    ]
}

/// The groups of one section as a table: key, rows, computed, payable,
/// cut. The total's key is the word for it.
fn group_table(
    r: &Review,
    names: &[String],
    title: String,
    key: String,
    section: &str,
    lang: Lang,
) -> Table {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let rows = groups(r, names)
        .into_iter()
        .filter(|(s, _, _)| *s == section || (section == "total" && *s == "refiled"))
        .map(|(s, k, sum)| {
            let key = match (s, k) {
                ("total", _) => l(WhatIfLabel::Total),
                ("refiled", _) => l(WhatIfLabel::Refiled),
                (_, "") => "—".to_string(),
                (_, k) => k.to_string(),
            };
            vec![
                Cell::Text(key),
                Cell::Count(sum.rows),
                Cell::Money(sum.computed),
                Cell::Money(sum.payable),
                Cell::Money(sum.cut),
            ]
        })
        .collect();
    let mut header = vec![key];
    header.extend(
        [
            WhatIfLabel::Rows,
            WhatIfLabel::Computed,
            WhatIfLabel::Payable,
            WhatIfLabel::Cut,
        ]
        .map(l),
    );
    Table {
        title,
        header,
        rows,
        note: None,
    }
}

/// The fund, what the files paid, what is left and the share used.
fn fund_table(r: &Review, fund: Decimal, lang: Lang) -> Table {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let paid = r.total.payable;
    let mut row = vec![
        Cell::Money(fund),
        Cell::Money(paid),
        Cell::Money(fund - paid),
    ];
    if !fund.is_zero() {
        row.push(Cell::Share((paid / fund).round_dp(6)));
    }
    Table {
        title: l(WhatIfLabel::Fund),
        header: [
            WhatIfLabel::Fund,
            WhatIfLabel::Payable,
            WhatIfLabel::Left,
            WhatIfLabel::ShareUsed,
        ]
        .map(l)
        .to_vec(),
        rows: vec![row],
        note: Some(words.whatif_fact(&WhatIfFact::FundUsed {
            payable: paid,
            fund,
        })),
    }
}
