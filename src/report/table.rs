//! The terminal report: a table per applicant, a table per clause, and the
//! totals line that reconciles the two.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use super::Decided;
use crate::decided::{Summary, Tally};
use crate::engine::Status;
use crate::money::yuan;
use crate::policy::{Policy, Status as PolicyStatus};
use crate::words::Label;
use crate::words::Lang;

/// The one-line notice a draft policy prints above every table.
pub fn draft_notice(policy: &Policy, lang: Lang) -> Option<String> {
    (policy.status == PolicyStatus::Draft).then(|| lang.words().draft_notice(policy))
}

/// How wide a table may be: the terminal's when stdout is one (long names
/// and rules then wrap inside their cells), `SUBSIDY_WIDTH` when set (for a
/// terminal that does not say its width, and for tests); written to a file
/// or a pipe, a table keeps one row per line for scripts.
pub fn fit(table: &mut Table) {
    use std::io::IsTerminal;
    let asked = std::env::var("SUBSIDY_WIDTH")
        .ok()
        .and_then(|w| w.trim().parse::<u16>().ok());
    match asked {
        Some(width) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width.max(40));
        }
        None if io::stdout().is_terminal() => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
}

fn new_table(header: Vec<&str>, right_from: usize) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_header(header.clone());
    fit(&mut table);
    for i in right_from..header.len() {
        if let Some(col) = table.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

fn money_cells(t: &Tally) -> [String; 3] {
    [yuan(t.computed), yuan(t.payable), yuan(t.cut)]
}

pub fn write_tables(decided: &Decided, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    // Names and ids are a file's: a terminal is not to obey them.
    let out = &mut crate::text::Terminal::new(out);
    let policy = decided.policy;
    let summary = Summary::of(decided);
    if let Some(notice) = draft_notice(policy, lang) {
        writeln!(out, "{notice}")?;
    }
    let words = lang.words();
    let l = |label| words.label(label);

    writeln!(out, "{}", l(Label::ByApplicant))?;
    let mut applicants = new_table(
        vec![
            l(Label::ApplicantId),
            l(Label::ApplicantName),
            l(Label::Rows),
            l(Label::Computed),
            l(Label::Payable),
            l(Label::Cut),
        ],
        2,
    );
    for a in &summary.applicants {
        let mut row = vec![
            crate::text::shown_id(&a.applicant_id).into_owned(),
            a.applicant_name.clone(),
            a.tally.rows().to_string(),
        ];
        row.extend(money_cells(&a.tally));
        applicants.add_row(row);
    }
    writeln!(out, "{applicants}")?;

    writeln!(out, "{}", l(Label::ByClause))?;
    let mut header = vec![l(Label::Clause), l(Label::Title), l(Label::Rows)];
    header.extend(Status::ALL.iter().map(|s| words.status(*s)));
    header.extend([l(Label::Computed), l(Label::Payable), l(Label::Cut)]);
    let mut clauses = new_table(header, 2);
    for c in &summary.clauses {
        let (label, title) = match c.clause {
            Some(i) => (
                policy.clauses[i].label(),
                policy.clauses[i].title(lang).to_string(),
            ),
            None => ("—".to_string(), l(Label::ItemNotRecognised).to_string()),
        };
        let mut row = vec![label, title, c.tally.rows().to_string()];
        row.extend(Status::ALL.iter().map(|s| c.tally.count(*s).to_string()));
        row.extend(money_cells(&c.tally));
        clauses.add_row(row);
    }
    writeln!(out, "{clauses}")?;
    writeln!(out, "{}", words.totals(&summary.total))
}
