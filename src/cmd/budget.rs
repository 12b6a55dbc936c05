//! `calc --budget` and `calc --set`: the outcomes shared out within a fixed
//! fund, and the outputs that say so (the overrides and the fund above and
//! below the tables; `unscaled` and `factor` after `reason` in the payout;
//! a `budget` object in the JSON).

use std::borrow::Cow;
use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::claims::{Batch, Entry};
use crate::cli::Format;
use crate::engine::Outcome;
use crate::error::Error;
use crate::money::plain;
use crate::policy::Policy;
use crate::report::{write_json, write_payout, write_tables, Decided, PayoutColumn};
use crate::whatif::budget::{share, Fund, Scaling};
use crate::whatif::{factor_shown, Override, WhatIfError, WhatIfFact};
use crate::words::{Lang, Sep};

/// Per claim, what scaling did; and the batch against the fund.
pub type Budget = (Vec<Option<Scaling>>, Fund);

/// What a what-if run adds to a batch's output.
#[derive(Debug, Default)]
pub struct Extras {
    pub overrides: Vec<Override>,
    /// Per claim, and the totals, when `--budget` was given.
    pub budget: Option<Budget>,
}

impl Extras {
    pub fn any(&self) -> bool {
        !self.overrides.is_empty() || self.budget.is_some()
    }
}

/// `--budget` and `--budget-priority` as given, or nothing.
pub fn fund_asked(budget: Option<&str>) -> Result<Option<Decimal>, Error> {
    budget
        .map(|written| {
            crate::money::parse_amount(written).map_err(|_| {
                Error::WhatIf(WhatIfError::BadBudget {
                    written: written.to_string(),
                })
            })
        })
        .transpose()
}

/// The clauses of `--budget-priority`: `1,7,11`, or as the measures write
/// them (`一、七、十一`, `（一）`).
fn priority_clauses(policy: &Policy, written: Option<&str>) -> Result<Vec<u32>, Error> {
    let Some(written) = written else {
        return Ok(Vec::new());
    };
    let mut numbers = Vec::new();
    for part in written
        .split([',', '，', ';', '；', '、', ' '])
        .filter(|p| !p.trim().is_empty())
    {
        let unknown = || {
            Error::WhatIf(WhatIfError::UnknownClause {
                written: part.trim().to_string(),
            })
        };
        let part = part.trim();
        let written_as = |n: &u32| {
            crate::words::chinese_numeral(*n) == part || crate::words::clause_label(*n) == part
        };
        let n = match part.parse::<u32>() {
            Ok(n) => n,
            Err(_) => (1..=99).find(written_as).ok_or_else(unknown)?,
        };
        policy.find_clause(n).ok_or_else(unknown)?;
        numbers.push(n);
    }
    Ok(numbers)
}

/// The outcomes within `fund`, with what was scaled.
pub fn within_fund(
    policy: &Policy,
    batch: &Batch,
    outcomes: Vec<Outcome>,
    fund: Decimal,
    priority: Option<&str>,
) -> Result<(Vec<Outcome>, Budget), Error> {
    let first = priority_clauses(policy, priority)?;
    let ids: Vec<&str> = batch.claims.iter().map(|c| c.claim_id.as_ref()).collect();
    let priority: Vec<bool> = batch
        .claims
        .iter()
        .map(|c| first.contains(&policy.clause_of(c.item).number))
        .collect();
    let decimals = policy.rounding.decimals;
    let shared = share(&outcomes, &ids, &priority, fund, decimals).map_err(Error::WhatIf)?;
    Ok((shared.outcomes, (shared.scaled, shared.fund)))
}

/// The output of a what-if batch in `format`.
pub fn write(
    decided: &Decided,
    extras: &Extras,
    format: Format,
    out: &mut dyn Write,
    bom: bool,
    lang: Lang,
) -> io::Result<()> {
    let words = lang.words();
    let overrides = &extras.overrides;
    if !overrides.is_empty() && format != Format::Table {
        eprintln!(
            "{}",
            words.whatif_fact(&WhatIfFact::Overrides { overrides })
        );
    }
    match (format, &extras.budget) {
        (Format::Table, _) => {
            if !overrides.is_empty() {
                writeln!(
                    out,
                    "{}",
                    words.whatif_fact(&WhatIfFact::Overrides { overrides })
                )?;
            }
            write_tables(decided, out, lang)?;
            if let Some((_, fund)) = &extras.budget {
                writeln!(out, "{}", fund_line(fund, lang))?;
            }
            Ok(())
        }
        (Format::Csv, None) => write_payout(decided, out, bom, lang),
        (Format::Json, None) => write_json(decided, out, lang),
        (Format::Csv, Some((scaled, fund))) => {
            eprintln!("{}", fund_line(fund, lang));
            write_scaled_payout(decided, scaled, fund, out, bom, lang)
        }
        (Format::Json, Some((scaled, fund))) => write_scaled_json(decided, scaled, fund, out, lang),
    }
}

/// The totals of the fund: within it, or how it was shared.
pub fn fund_line(fund: &Fund, lang: Lang) -> String {
    let fact = if fund.within() {
        WhatIfFact::WithinFund {
            payable: fund.payable,
            fund: fund.fund,
        }
    } else {
        WhatIfFact::Scaled {
            fund: fund.fund,
            unscaled: fund.unscaled,
            priority: fund.priority,
            factor: fund.factor,
        }
    };
    lang.words().whatif_fact(&fact)
}

/// The scaling of the claim on a row, if it was scaled.
fn scaling_of(entry: &Entry, scaled: &[Option<Scaling>]) -> Option<Scaling> {
    match entry {
        Entry::Valid(i) => scaled.get(*i as usize).copied().flatten(),
        Entry::Invalid(_) => None,
    }
}

/// A scaled claim's reason part.
fn scaled_reason(fund: &Fund, s: &Scaling, lang: Lang) -> String {
    lang.words().whatif_fact(&WhatIfFact::ScaledReason {
        fund: fund.fund,
        factor: s.factor,
        unscaled: s.unscaled,
    })
}

fn defuse(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(crate::text::FORMULA_STARTERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The payout with `unscaled` and `factor` after `reason`.
fn write_scaled_payout(
    decided: &Decided,
    scaled: &[Option<Scaling>],
    fund: &Fund,
    out: &mut dyn Write,
    bom: bool,
    lang: Lang,
) -> io::Result<()> {
    if bom {
        out.write_all(crate::text::BOM)?;
    }
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = PayoutColumn::ALL.map(PayoutColumn::name).to_vec();
    header.extend(["unscaled", "factor"]);
    writer.write_record(&header)?;
    let sep = lang.words().separator(Sep::Parts);
    let mut scratch = String::new();
    for line in decided.lines() {
        let scaling = scaling_of(&line.row.entry, scaled);
        line.each_cell(decided.policy, lang, &mut scratch, &mut |column, cell| {
            let cell = match (column, &scaling) {
                (PayoutColumn::Reason, Some(s)) => {
                    Cow::Owned(format!("{cell}{sep}{}", scaled_reason(fund, s, lang)))
                }
                _ => Cow::Borrowed(cell),
            };
            let cell = if column.is_money() {
                cell
            } else {
                Cow::Owned(defuse(&cell).into_owned())
            };
            writer.write_field(cell.as_bytes()).map_err(io::Error::from)
        })?;
        match scaling {
            Some(s) => {
                writer.write_field(plain(s.unscaled))?;
                writer.write_field(factor_shown(s.factor))?;
            }
            None => {
                writer.write_field("")?;
                writer.write_field("")?;
            }
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()
}

/// The JSON with a `budget` object and, on each scaled claim, `unscaled`,
/// `factor` and the reason part.
fn write_scaled_json(
    decided: &Decided,
    scaled: &[Option<Scaling>],
    fund: &Fund,
    out: &mut dyn Write,
    lang: Lang,
) -> io::Result<()> {
    let mut text = Vec::new();
    write_json(decided, &mut text, lang)?;
    let mut report: serde_json::Value = serde_json::from_slice(&text).map_err(io::Error::other)?;
    let sep = lang.words().separator(Sep::Parts);
    if let Some(claims) = report.get_mut("claims").and_then(|c| c.as_array_mut()) {
        for (claim, row) in claims.iter_mut().zip(&decided.batch.rows) {
            let (Some(s), Some(map)) = (scaling_of(&row.entry, scaled), claim.as_object_mut())
            else {
                continue;
            };
            let reason = map
                .get("reason")
                .and_then(|r| r.as_str())
                .unwrap_or_default();
            let reason = format!("{reason}{sep}{}", scaled_reason(fund, &s, lang));
            map.insert("reason".into(), reason.into());
            map.insert("unscaled".into(), plain(s.unscaled).into());
            map.insert("factor".into(), factor_shown(s.factor).into());
        }
    }
    if let Some(map) = report.as_object_mut() {
        map.insert(
            "budget".into(),
            serde_json::json!({
                "fund": plain(fund.fund),
                "payable_unscaled": plain(fund.payable),
                "within": fund.within(),
                "priority": plain(fund.priority),
                "unscaled": plain(fund.unscaled),
                "factor": factor_shown(fund.factor),
            }),
        );
    }
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}
