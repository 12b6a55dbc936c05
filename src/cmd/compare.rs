//! `subsidy compare CLAIMS --base P1 --alt P2`: one batch under two
//! policies, side by side; `--out cost.csv` writes the cost sheet, and
//! `--out cost.xlsx` the cost workbook (with a chart of both sides by
//! clause and the figures that differ).

use std::io::Write;
use std::path::Path;

use super::sheet::{sheet_json, write_csv, write_sections, Section, Sheet};
use crate::cli::{CompareArgs, Format};
use crate::engine;
use crate::error::Error;
use crate::money::plain;
use crate::policy::Policy;
use crate::report::Decided;
use crate::whatif::book::{Cell, ChartKind, ChartPlan, Tab, Table};
use crate::whatif::compare::{compare, results, Comparison, Pair, RowResult};
use crate::whatif::figures::{figures, FigureSlot};
use crate::whatif::{overrides_list, Override, WhatIfFact, WhatIfLabel};
use crate::words::Lang;

/// One side: its policy file's name, its overrides, its policy, its
/// figures (with the overrides written in) and rows, and what its reading
/// of the claims had to say (each invalid row's problems, and the notices).
struct Side {
    name: String,
    overrides: Vec<Override>,
    policy: Policy,
    figures: Vec<FigureSlot>,
    rows: Vec<RowResult>,
    /// As `calc` says it on stderr.
    said: Vec<String>,
}

fn run_side(
    args: &CompareArgs,
    path: Option<&Path>,
    sets: &[String],
    lang: Lang,
) -> Result<Side, Error> {
    let (label, text) = super::whatif::policy_text(path)?;
    let (text, overrides) = crate::whatif::overrides::apply(&text, sets).map_err(Error::WhatIf)?;
    let policy = crate::policy::load(&label, &text)?;
    let figures = figures(&text).unwrap_or_default();
    let sources = crate::cli::Sources {
        measures: crate::cli::PolicyFile {
            policy: path.map(Path::to_path_buf),
        },
        ledger: args.ledger.clone(),
        set: sets.to_vec(),
        reading: args.reading.clone(),
    };
    let (rows, said) = match args.year {
        Some(year) => {
            let load = || Ok(crate::policy::load(&label, &text)?);
            let replays = super::book::year_replayed(&args.office, year, &load)?;
            let mut rows = Vec::new();
            let mut said = Vec::new();
            for replayed in &replays {
                let decided = replayed.decided();
                rows.extend(results(&decided));
                said.extend(said_of(decided.batch, &policy, lang));
            }
            (rows, said)
        }
        None => {
            let booked = super::book::booked(&args.office)?;
            let booked: Vec<(String, &[u8])> =
                booked.iter().map(|(l, b)| (l.clone(), &b[..])).collect();
            let (batch, prior) = super::read_batch_booked(
                args.claims.as_deref(),
                &sources,
                &policy,
                Default::default(),
                &crate::progress::Progress::none(),
                &booked,
            )?;
            let (outcomes, _) =
                engine::run_within(&policy, &batch.claims, &prior, engine::MAX_PASSES);
            let rows = results(&Decided {
                policy: &policy,
                batch: &batch,
                outcomes: &outcomes,
            });
            (rows, said_of(&batch, &policy, lang))
        }
    };
    let name = match path {
        Some(p) => p.display().to_string(),
        None => crate::policy::BUNDLED_NAME.to_string(),
    };
    Ok(Side {
        name,
        overrides,
        policy,
        figures,
        rows,
        said,
    })
}

/// What the reading of a batch had to say, as `calc` says it.
fn said_of(batch: &crate::claims::Batch, policy: &Policy, lang: Lang) -> Vec<String> {
    let mut said: Vec<String> = super::notices::unknown_columns(batch, lang)
        .into_iter()
        .collect();
    said.extend(super::notices::of_layout(batch, lang));
    said.extend(super::notices::invalid_rows(batch, lang));
    said.extend(super::notices::of_rows(batch, policy, lang));
    said
}

/// Each side reads the claims, but each problem and notice is said once on
/// stderr: the base side's, then any only the alternative's policy finds
/// (an item or a tag only its file has).
fn say_once(base: &Side, alt: &Side) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let mut said = std::collections::HashSet::new();
    for line in base.said.iter().chain(&alt.said) {
        if said.insert(line.as_str()) {
            let _ = writeln!(err, "{}", crate::text::shown(line));
        }
    }
}

pub fn run(args: &CompareArgs, lang: Lang) -> Result<(), Error> {
    let mut inputs: Vec<&std::path::Path> = args.claims.iter().map(|p| p.as_path()).collect();
    inputs.extend(args.base.as_deref());
    inputs.extend(args.alt.as_deref());
    inputs.extend(args.ledger.iter().map(|p| p.as_path()));
    crate::output::out_is_not_input(args.out.as_deref(), &inputs)?;
    let base = run_side(args, args.base.as_deref(), &args.base_set, lang)?;
    let alt = run_side(args, args.alt.as_deref(), &args.alt_set, lang)?;
    say_once(&base, &alt);
    let comparison = compare(&base.rows, &alt.rows);
    let sheet = cost_sheet(&comparison, &base, lang);
    let bom = !args.no_bom;
    let default = if args.out.is_some() {
        Format::Csv
    } else {
        Format::Table
    };
    let format = args.format.unwrap_or(default);
    let book = match &args.out {
        Some(path) if format == Format::Csv && super::is_workbook(path) => Some(
            super::workbook_bytes(path, &cost_book(&comparison, &base, &alt, lang), lang)?,
        ),
        _ => None,
    };
    let write = |out: &mut dyn Write| match (&book, format) {
        (Some(bytes), _) => out.write_all(bytes),
        (None, Format::Table) => {
            let out = &mut crate::text::Terminal::new(out);
            let words = lang.words();
            let sides = WhatIfFact::Sides {
                base: &base.name,
                base_overrides: &base.overrides,
                alt: &alt.name,
                alt_overrides: &alt.overrides,
            };
            writeln!(out, "{}", words.whatif_fact(&sides))?;
            write_sections(&sections(&comparison, &base, lang), out)
        }
        (None, Format::Csv) => write_csv(&sheet, out, bom),
        (None, Format::Json) => write_json(&sheet, &base, &alt, out),
    };
    match &args.out {
        Some(path) => super::write_file_atomically(path, write),
        None => super::write_stdout(write),
    }
}

fn write_json(sheet: &Sheet, base: &Side, alt: &Side, out: &mut dyn Write) -> std::io::Result<()> {
    let value = serde_json::json!({
        "base": { "policy": base.name, "set": sets_json(&base.overrides) },
        "alt": { "policy": alt.name, "set": sets_json(&alt.overrides) },
        "rows": sheet_json(sheet),
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::other)?;
    writeln!(out)
}

fn sets_json(overrides: &[Override]) -> serde_json::Value {
    overrides
        .iter()
        .map(|o| serde_json::json!({ "key": o.key, "was": o.was, "now": o.now }))
        .collect()
}

/// The clause's label and title, from whichever side has it.
fn clause_names(clause: Option<u32>, base: &Side, lang: Lang) -> (String, String) {
    match clause.and_then(|n| base.policy.find_clause(n)) {
        Some(c) => (c.label(), c.title(lang).to_string()),
        None => match clause {
            Some(n) => (crate::words::clause_label(n), String::new()),
            None => ("—".to_string(), String::new()),
        },
    }
}

fn money_cells(pair: &Pair, shown: fn(rust_decimal::Decimal) -> String) -> [String; 3] {
    [shown(pair.base), shown(pair.alt), shown(pair.difference())]
}

/// The comparison as terminal tables: the workbook's tables, shown as text.
fn sections(c: &Comparison, base: &Side, lang: Lang) -> Vec<Section> {
    [
        total_table(c, lang),
        clause_table(c, base, lang),
        applicants_table(c, lang),
        status_table(c, lang),
    ]
    .iter()
    .map(Section::of)
    .collect()
}

/// The comparison for scripts and the cost sheet: one row per figure,
/// `section` first (total, clause, applicant, status).
fn cost_sheet(c: &Comparison, base: &Side, lang: Lang) -> Sheet {
    let mut rows = Vec::new();
    let mut push = |section: &str, key: String, name: String, pair: &Pair, statuses: [&str; 2]| {
        let mut row = vec![section.to_string(), key, name];
        row.extend(money_cells(pair, plain));
        row.extend(statuses.map(String::from));
        rows.push(row);
    };
    push("total", String::new(), String::new(), &c.total, ["", ""]);
    for (n, pair) in &c.clauses {
        let (label, title) = clause_names(*n, base, lang);
        push("clause", label, title, pair, ["", ""]);
    }
    for a in &c.applicants {
        let (id, name) = (a.applicant_id.clone(), a.applicant_name.clone());
        push("applicant", id, name, &a.payable, ["", ""]);
    }
    for s in &c.status_changes {
        let statuses = [s.base.as_str(), s.alt.as_str()];
        push(
            "status",
            s.claim_id.clone(),
            s.applicant_id.clone(),
            &s.payable,
            statuses,
        );
    }
    Sheet {
        header: vec![
            "section",
            "key",
            "name",
            "base",
            "alt",
            "difference",
            "base_status",
            "alt_status",
        ],
        rows,
    }
}

/// The cost workbook: a summary (the two sides and the totals), the cost
/// by clause with a clustered bar chart of both sides, the applicants whose
/// payout changes most, the claims whose status changes, and the figures
/// that differ between the two policies.
fn cost_book(c: &Comparison, base: &Side, alt: &Side, lang: Lang) -> Vec<Tab> {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let tab = |name: WhatIfLabel, table: Table| Tab {
        name: l(name),
        tables: vec![table],
        chart: None,
    };
    let mut clauses = tab(WhatIfLabel::ByClause, clause_table(c, base, lang));
    clauses.chart = Some(ChartPlan {
        kind: ChartKind::Bar,
        title: l(WhatIfLabel::BaseAgainstAlt),
        category_axis: l(WhatIfLabel::Clause),
        value_axis: l(WhatIfLabel::Yuan),
        categories: 0,
        values: vec![2, 3],
    });
    vec![
        Tab {
            name: l(WhatIfLabel::SummarySheet),
            tables: vec![sides_table(base, alt, lang), total_table(c, lang)],
            chart: None,
        },
        clauses,
        tab(WhatIfLabel::ApplicantsSheet, applicants_table(c, lang)),
        tab(WhatIfLabel::StatusChanges, status_table(c, lang)),
        tab(WhatIfLabel::FiguresSheet, figures_table(base, alt, lang)),
    ]
}

/// Base, alternative and difference as cells.
fn pair_cells(pair: &Pair) -> [Cell; 3] {
    [
        Cell::Money(pair.base),
        Cell::Money(pair.alt),
        Cell::Signed(pair.difference()),
    ]
}

fn labels(lang: Lang, labels: &[WhatIfLabel]) -> Vec<String> {
    let words = lang.words();
    labels
        .iter()
        .map(|l| words.whatif_label(*l).to_string())
        .collect()
}

const MONEY_HEADER: [WhatIfLabel; 3] =
    [WhatIfLabel::Base, WhatIfLabel::Alt, WhatIfLabel::Difference];

/// Each side's policy file and what was changed in it for this run.
fn sides_table(base: &Side, alt: &Side, lang: Lang) -> Table {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let row = |label, side: &Side| {
        let set = if side.overrides.is_empty() {
            l(WhatIfLabel::Absent)
        } else {
            overrides_list(&side.overrides, "; ")
        };
        vec![
            Cell::Text(l(label)),
            Cell::Text(side.name.clone()),
            Cell::Text(set),
        ]
    };
    let mut header = vec![String::new()];
    header.extend(labels(
        lang,
        &[WhatIfLabel::PolicyFile, WhatIfLabel::SetForRun],
    ));
    Table {
        title: l(WhatIfLabel::SummarySheet),
        header,
        rows: vec![row(WhatIfLabel::Base, base), row(WhatIfLabel::Alt, alt)],
        note: None,
    }
}

fn total_table(c: &Comparison, lang: Lang) -> Table {
    let total = lang.words().whatif_label(WhatIfLabel::Total).to_string();
    let mut header = vec![String::new()];
    header.extend(labels(lang, &MONEY_HEADER));
    let mut row = vec![Cell::Text(total.clone())];
    row.extend(pair_cells(&c.total));
    Table {
        title: total,
        header,
        rows: vec![row],
        note: None,
    }
}

fn clause_table(c: &Comparison, base: &Side, lang: Lang) -> Table {
    let mut header = labels(lang, &[WhatIfLabel::Clause, WhatIfLabel::Title]);
    header.extend(labels(lang, &MONEY_HEADER));
    let rows = c
        .clauses
        .iter()
        .map(|(n, pair)| {
            let (label, title) = clause_names(*n, base, lang);
            let mut row = vec![Cell::Text(label), Cell::Text(title)];
            row.extend(pair_cells(pair));
            row
        })
        .collect();
    Table {
        title: lang.words().whatif_label(WhatIfLabel::CostByClause).into(),
        header,
        rows,
        note: None,
    }
}

fn applicants_table(c: &Comparison, lang: Lang) -> Table {
    let words = lang.words();
    let mut header = labels(
        lang,
        &[WhatIfLabel::ApplicantId, WhatIfLabel::ApplicantName],
    );
    header.extend(labels(lang, &MONEY_HEADER));
    let rows: Vec<Vec<Cell>> = c
        .applicants
        .iter()
        .map(|a| {
            let id = crate::text::shown_id(&a.applicant_id).into_owned();
            let mut row = vec![Cell::Text(id), Cell::Text(a.applicant_name.clone())];
            row.extend(pair_cells(&a.payable));
            row
        })
        .collect();
    Table {
        title: words.whatif_label(WhatIfLabel::TopApplicants).into(),
        header,
        note: rows
            .is_empty()
            .then(|| words.whatif_fact(&WhatIfFact::NoPayoutChange)),
        rows,
    }
}

fn status_table(c: &Comparison, lang: Lang) -> Table {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let rows: Vec<Vec<Cell>> = c
        .status_changes
        .iter()
        .map(|s| {
            vec![
                Cell::Text(s.claim_id.clone()),
                Cell::Text(crate::text::shown_id(&s.applicant_id).into_owned()),
                Cell::Text(words.status(s.base).into()),
                Cell::Text(words.status(s.alt).into()),
                Cell::Money(s.payable.base),
                Cell::Money(s.payable.alt),
            ]
        })
        .collect();
    Table {
        title: words.whatif_label(WhatIfLabel::StatusChanges).into(),
        header: vec![
            l(WhatIfLabel::ClaimId),
            l(WhatIfLabel::ApplicantId),
            l(WhatIfLabel::Base),
            l(WhatIfLabel::Alt),
            format!("{} {}", l(WhatIfLabel::Base), l(WhatIfLabel::Payable)),
            format!("{} {}", l(WhatIfLabel::Alt), l(WhatIfLabel::Payable)),
        ],
        note: rows
            .is_empty()
            .then(|| words.whatif_fact(&WhatIfFact::NoStatusChange)),
        rows,
    }
}

/// The figures that differ between the two sides' policies (with their
/// overrides), as `policy diff` lists them.
fn figures_table(base: &Side, alt: &Side, lang: Lang) -> Table {
    let words = lang.words();
    let absent = words.whatif_label(WhatIfLabel::Absent);
    let shown = |v: Option<String>| Cell::Text(v.unwrap_or_else(|| absent.to_string()));
    let rows: Vec<Vec<Cell>> = super::diff::differing(&base.figures, &alt.figures)
        .into_iter()
        .map(|(key, b, a)| vec![Cell::Text(key), shown(b), shown(a)])
        .collect();
    Table {
        title: words.whatif_label(WhatIfLabel::PolicyDiff).into(),
        header: labels(
            lang,
            &[WhatIfLabel::Key, WhatIfLabel::Base, WhatIfLabel::Alt],
        ),
        note: rows
            .is_empty()
            .then(|| words.whatif_fact(&WhatIfFact::NoDifference)),
        rows,
    }
}
