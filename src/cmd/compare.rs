//! `subsidy compare CLAIMS --base P1 --alt P2`: one batch under two
//! policies, side by side; `--out cost.csv` writes the cost sheet.

use std::io::Write;
use std::path::Path;

use super::sheet::{sheet_json, write_csv, write_sections, Section, Sheet};
use crate::cli::{CompareArgs, Format};
use crate::engine;
use crate::error::Error;
use crate::money::plain;
use crate::policy::Policy;
use crate::report::{yuan, Decided};
use crate::whatif::compare::{compare, results, Comparison, Pair, RowResult};
use crate::whatif::{Override, WhatIfError, WhatIfFact, WhatIfLabel};
use crate::words::Lang;

/// One side: its policy file's name, its overrides, its policy and rows.
struct Side {
    name: String,
    overrides: Vec<Override>,
    policy: Policy,
    rows: Vec<RowResult>,
}

fn run_side(args: &CompareArgs, path: Option<&Path>, sets: &[String]) -> Result<Side, Error> {
    let (policy, overrides) = super::whatif::load_with(path, sets)?;
    let sources = crate::cli::Sources {
        measures: crate::cli::PolicyFile {
            policy: path.map(Path::to_path_buf),
        },
        ledger: args.ledger.clone(),
        set: sets.to_vec(),
        reading: args.reading.clone(),
    };
    let (batch, prior) =
        super::read_batch(Some(&args.claims), &sources, &policy, Default::default())?;
    let (outcomes, _) = engine::run_within(&policy, &batch.claims, &prior, engine::MAX_PASSES);
    let rows = results(&Decided {
        policy: &policy,
        batch: &batch,
        outcomes: &outcomes,
    });
    let name = match path {
        Some(p) => p.display().to_string(),
        None => crate::policy::BUNDLED_NAME.to_string(),
    };
    Ok(Side {
        name,
        overrides,
        policy,
        rows,
    })
}

pub fn run(args: &CompareArgs, lang: Lang) -> Result<(), Error> {
    let base = run_side(args, args.base.as_deref(), &args.base_set)?;
    let alt = run_side(args, args.alt.as_deref(), &args.alt_set)?;
    let comparison = compare(&base.rows, &alt.rows);
    let sheet = cost_sheet(&comparison, &base, lang);
    let bom = !args.no_bom;
    let default = if args.out.is_some() {
        Format::Csv
    } else {
        Format::Table
    };
    let write = |out: &mut dyn Write| match args.format.unwrap_or(default) {
        Format::Table => {
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
        Format::Csv => write_csv(&sheet, out, bom),
        Format::Json => write_json(&sheet, &base, &alt, out),
    };
    match &args.out {
        // The seam for a workbook: an XLSX writer takes the same `Sheet`.
        Some(path) if is_workbook(path) => Err(Error::WhatIf(WhatIfError::NoWorkbookWriter {
            path: path.display().to_string(),
        })),
        Some(path) => super::write_file_atomically(path, write),
        None => super::write_stdout(write),
    }
}

fn is_workbook(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
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

/// `+2,000.00` / `-2,000.00`: a difference shows its sign.
fn signed_yuan(d: rust_decimal::Decimal) -> String {
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{}", yuan(d))
    } else if d.is_sign_negative() {
        format!("-{}", yuan(-d))
    } else {
        yuan(d)
    }
}

fn table_money(pair: &Pair) -> [String; 3] {
    [
        yuan(pair.base),
        yuan(pair.alt),
        signed_yuan(pair.difference()),
    ]
}

/// The comparison as terminal tables.
fn sections(c: &Comparison, base: &Side, lang: Lang) -> Vec<Section> {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let money = || {
        vec![
            l(WhatIfLabel::Base),
            l(WhatIfLabel::Alt),
            l(WhatIfLabel::Difference),
        ]
    };
    let mut total_header = vec![String::new()];
    total_header.extend(money());
    let mut total_row = vec![l(WhatIfLabel::Total)];
    total_row.extend(table_money(&c.total));
    let mut clause_header = vec![l(WhatIfLabel::Clause), l(WhatIfLabel::Title)];
    clause_header.extend(money());
    let clause_rows = c
        .clauses
        .iter()
        .map(|(n, pair)| {
            let (label, title) = clause_names(*n, base, lang);
            let mut row = vec![label, title];
            row.extend(table_money(pair));
            row
        })
        .collect();
    let mut applicant_header = vec![l(WhatIfLabel::ApplicantId), l(WhatIfLabel::ApplicantName)];
    applicant_header.extend(money());
    let applicant_rows = c
        .applicants
        .iter()
        .map(|a| {
            let mut row = vec![a.applicant_id.clone(), a.applicant_name.clone()];
            row.extend(table_money(&a.payable));
            row
        })
        .collect();
    vec![
        Section {
            title: l(WhatIfLabel::Total),
            header: total_header,
            rows: vec![total_row],
            right_from: 1,
            note: None,
        },
        Section {
            title: l(WhatIfLabel::CostByClause),
            header: clause_header,
            rows: clause_rows,
            right_from: 2,
            note: None,
        },
        Section {
            title: l(WhatIfLabel::TopApplicants),
            header: applicant_header,
            rows: applicant_rows,
            right_from: 2,
            note: None,
        },
        status_section(c, lang),
    ]
}

/// The claims whose status changes, with both payables.
fn status_section(c: &Comparison, lang: Lang) -> Section {
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let status_header = vec![
        l(WhatIfLabel::ClaimId),
        l(WhatIfLabel::ApplicantId),
        l(WhatIfLabel::Base),
        l(WhatIfLabel::Alt),
        format!("{} {}", l(WhatIfLabel::Base), l(WhatIfLabel::Payable)),
        format!("{} {}", l(WhatIfLabel::Alt), l(WhatIfLabel::Payable)),
    ];
    let status_rows = c
        .status_changes
        .iter()
        .map(|s| {
            vec![
                s.claim_id.clone(),
                s.applicant_id.clone(),
                words.status(s.base).to_string(),
                words.status(s.alt).to_string(),
                yuan(s.payable.base),
                yuan(s.payable.alt),
            ]
        })
        .collect::<Vec<_>>();
    let no_change = status_rows
        .is_empty()
        .then(|| words.whatif_fact(&WhatIfFact::NoStatusChange));
    Section {
        title: l(WhatIfLabel::StatusChanges),
        header: status_header,
        rows: status_rows,
        right_from: 4,
        note: no_change,
    }
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
