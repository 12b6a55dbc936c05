//! `subsidy policy list|show|validate|test`: the measures as officials
//! read and maintain them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cases;
use crate::cli::{Format, PolicyCommand};
use crate::error::{Error, Found, Usage};
use crate::policy::{self, ItemMatch, Policy};
use crate::report::{catalogue_list, catalogue_rows, show_clause, show_item};
use crate::words::{chinese_numeral, Lang};

pub fn run(command: &PolicyCommand, lang: Lang) -> Result<(), Error> {
    match command {
        PolicyCommand::List { format, measures } => {
            let policy = super::load_policy(measures.path())?;
            match format.unwrap_or(Format::Table) {
                Format::Table => {
                    let text = catalogue_list(&policy, lang);
                    super::write_stdout(|out: &mut dyn Write| out.write_all(text.as_bytes()))
                }
                Format::Csv => super::write_stdout(|out| list_csv(&policy, out, lang)),
                Format::Json => super::write_stdout(|out| {
                    serde_json::to_writer_pretty(&mut *out, &catalogue_rows(&policy, lang))?;
                    writeln!(out)
                }),
            }
        }
        PolicyCommand::Show { id, measures } => {
            let policy = super::load_policy(measures.path())?;
            let text = show(&policy, id, lang)?;
            super::write_stdout(|out: &mut dyn Write| out.write_all(text.as_bytes()))
        }
        PolicyCommand::Validate { file } => validate(file.as_deref(), lang),
        PolicyCommand::Diff { base, alt } => super::diff::run(base, alt, lang),
        PolicyCommand::Test { policy, cases } => test(policy.as_deref(), cases.as_deref(), lang),
    }
}

/// The catalogue as CSV (with the byte-order mark Excel needs).
fn list_csv(policy: &Policy, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    out.write_all(crate::text::BOM)?;
    // The header row is the fields' names (`CatalogueRow::FIELDS`).
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(crate::report::CatalogueRow::FIELDS)?;
    for row in catalogue_rows(policy, lang) {
        // A policy file's names are text like any other CSV cell this tool
        // writes: one beginning with `=` is not run by the spreadsheet.
        let cells = [
            &row.clause,
            &row.item,
            &row.name,
            &row.kind,
            &row.figure,
            &row.who,
            &row.rules,
        ];
        writer.write_record(cells.map(|c| {
            let shown = crate::text::shown_in_file(c);
            crate::text::defuse(&shown).into_owned()
        }))?;
    }
    writer.flush()
}

fn show(policy: &Policy, id: &str, lang: Lang) -> Result<String, Error> {
    if let Some(item) = policy.find_item(id) {
        return Ok(show_item(policy, policy.item(item), lang));
    }
    if let Some(clause) = clause_number(id).and_then(|n| policy.find_clause(n)) {
        return Ok(show_clause(policy, clause, lang));
    }
    match policy.find_item_by_part(id) {
        ItemMatch::Found(item) => Ok(show_item(policy, policy.item(item), lang)),
        ItemMatch::Ambiguous(items) => Err(Error::Usage(Usage::AmbiguousItem {
            written: id.to_string(),
            candidates: items
                .into_iter()
                .map(|i| (policy.item(i).id.clone(), policy.item(i).name.zh.clone()))
                .collect(),
        })),
        ItemMatch::NotFound(near) => Err(Error::Usage(Usage::NotItemOrClause {
            written: id.to_string(),
            near,
        })),
    }
}

/// `12`, `十二`, `（十二）` or `(十二)` → 12.
fn clause_number(written: &str) -> Option<u32> {
    let s = crate::text::half_width(written.trim()).into_owned();
    let s = s.trim_start_matches('(').trim_end_matches(')');
    s.parse()
        .ok()
        .or_else(|| (1..=99).find(|n| chinese_numeral(*n) == s))
}

fn validate(file: Option<&Path>, lang: Lang) -> Result<(), Error> {
    let (label, text) = match file {
        Some(p) => (p.display().to_string(), super::policy_file_text(p)?),
        None => (
            policy::BUNDLED_NAME.to_string(),
            policy::BUNDLED.to_string(),
        ),
    };
    match policy::load(&label, &text) {
        Ok(p) => {
            let line = lang
                .words()
                .policy_valid(&label, p.clauses.len(), p.items.len());
            super::write_stdout(|out: &mut dyn Write| writeln!(out, "{line}"))
        }
        Err(e) => {
            let listed = e.render(lang);
            super::write_stdout(|out: &mut dyn Write| out.write_all(listed.as_bytes()))?;
            let n = e.problems.len();
            Err(Error::Found(Found::PolicyProblems {
                file: label,
                count: n,
            }))
        }
    }
}

fn test(policy_path: Option<&Path>, cases_path: Option<&Path>, lang: Lang) -> Result<(), Error> {
    let policy = super::load_policy(policy_path)?;
    let (label, text) = match (cases_path, policy_path) {
        (Some(c), _) => read(c)?,
        (None, Some(p)) => read(&beside(p))?,
        (None, None) => (cases::BUNDLED_NAME.to_string(), cases::BUNDLED.to_string()),
    };
    let cases = cases::parse(&label, &text).map_err(|e| Error::Found(Found::Cases(e)))?;
    let report = cases::run(&policy, &cases, crate::report::write_payout);
    let words = lang.words();
    super::write_stdout(|out: &mut dyn Write| {
        for f in &report.failures {
            writeln!(out, "{}", words.case_failed(&policy, f.clause, &f.case))?;
            for m in &f.mismatches {
                writeln!(out, "    {}", words.case_mismatch(&policy, m))?;
            }
        }
        let failed = report.failures.len();
        let passed = report.run - failed;
        let summary = words.cases_summary(&label, report.run, passed, failed);
        writeln!(out, "{summary}")
    })?;
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(Error::Found(Found::CasesFailed {
            count: report.failures.len(),
        }))
    }
}

fn read(path: &Path) -> Result<(String, String), Error> {
    let label = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|source| Error::Read {
        path: label.clone(),
        source,
    })?;
    Ok((label, text))
}

/// `my-policy.toml` → `my-policy.cases.toml`.
fn beside(policy: &Path) -> PathBuf {
    let stem = policy
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    policy.with_file_name(format!("{stem}.cases.toml"))
}
