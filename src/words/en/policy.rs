//! The policy facts in English.

use super::English;
use crate::cases::{CaseMismatch, CasesError};
use crate::policy::{
    KindName, Policy, PolicyFault, PolicyProblem, RuleFault, ShapeFault, TomlType,
};
use crate::words::policy::{actual_figures, expected_figures, why};
use crate::words::{Lang, PolicyWords};

impl PolicyWords for English {
    // One short arm per kind of mistake: a flat list reads better whole
    // than split in two.
    #[allow(clippy::too_many_lines)]
    fn policy_fault(&self, fault: &PolicyFault) -> String {
        match fault {
            PolicyFault::Syntax { message } => {
                format!("not valid TOML, cannot be read (a syntax error)\n    toml says: \"{message}\"")
            }
            PolicyFault::Status { written } => format!("status `{written}` is not draft or final"),
            PolicyFault::EmptyPolicyId => "the policy id must not be empty".into(),
            PolicyFault::EndsBeforeStart { from, until } => {
                format!("the validity ends ({until}) before it starts ({from})")
            }
            PolicyFault::NotADate => "expected a date such as 2024-01-01".into(),
            PolicyFault::ValidityMissing => VALIDITY_MISSING.into(),
            PolicyFault::ValidityDisagrees { written, derived } => format!(
                "the date written, {written}, is not {derived}, the date the start and term give"
            ),
            PolicyFault::TermIncomplete => TERM_INCOMPLETE.into(),
            PolicyFault::TermYears { written } => {
                format!("a term of {written} years: expected a whole number from 1 to 100")
            }
            PolicyFault::RoundingMode { written } => {
                format!("rounding mode `{written}` is not half_up, half_even or down")
            }
            PolicyFault::RoundingDecimals => "decimals must be between 0 and 6".into(),
            PolicyFault::TooManyTypes { max } => format!("at most {max} applicant types"),
            PolicyFault::TooManyTags { max } => format!("at most {max} tags"),
            PolicyFault::TooManyFacts { max } => format!("at most {max} facts"),
            PolicyFault::TooManyItems => "too many items".into(),
            PolicyFault::BadId { id } => format!("id `{id}` is empty or used twice"),
            PolicyFault::UnknownApplicant { name } => {
                format!("`{name}` is neither an applicant type nor a group")
            }
            PolicyFault::NoApplicants => "name at least one applicant type".into(),
            PolicyFault::NotANumber { written } => format!("`{written}` is not a number"),
            PolicyFault::TooLarge { written } => {
                format!("{written} is too large (it must be below 10^12)")
            }
            PolicyFault::Negative { written } => format!("{written} must not be negative"),
            PolicyFault::ClauseNumber { number } => {
                format!("clause number {number} is out of range (1..99) or repeated")
            }
            PolicyFault::EmptyItemId => "item id must not be empty".into(),
            PolicyFault::DuplicateItem { id, first_line } => {
                format!("item id {id} is used twice (first on line {first_line})")
            }
            PolicyFault::UnknownKind { written } => {
                format!("unknown kind `{written}` (expected {})", kinds())
            }
            PolicyFault::FigureNotUsed { kind, figure } => {
                format!("kind {} does not use {}", kind.name(), figure.key())
            }
            PolicyFault::FigureMissing { kind, figure } => {
                format!("kind {} needs a figure `{}`", kind.name(), figure.key())
            }
            PolicyFault::RateAbove100 => "a rate above 100% is not a subsidy rate".into(),
            PolicyFault::ManualWithoutReason => "a manual item needs a manual_reason".into(),
            PolicyFault::ReasonWithoutManual => "only a manual item uses manual_reason".into(),
            PolicyFault::PerUnitNotFixed => "only a fixed item can be priced per unit".into(),
            PolicyFault::UnitNotPerUnit => UNIT_NOT_PER_UNIT.into(),
            PolicyFault::IntakeEnglish { zh, en } => {
                format!("intake has {zh} entries and intake_en {en}: give one English per entry")
            }
            PolicyFault::UnknownTag { tag } => format!("unknown tag `{tag}`"),
            PolicyFault::UndeclaredFact { fact } => {
                format!("fact `{fact}` is not declared in [[fact]]")
            }
            PolicyFault::MinQuantity => {
                "min_quantity must be a positive whole number on a per-unit item or a one-off fixed award".into()
            }
            PolicyFault::UniqueRule { written } => format!(
                "unique `{written}` is not none, ref, applicant_ref, applicant or applicant_year"
            ),
            PolicyFault::QuantityCap => {
                "a quantity cap must be a positive whole number on a per-unit item".into()
            }
            PolicyFault::CapBelowAward { cap, item, single } => {
                format!("annual cap {cap} is below a single award of item {item} ({single})")
            }
            PolicyFault::QuotaPerYear => "a quota must be a positive whole number".into(),
            PolicyFault::QuotaOverflow { target } => {
                format!("overflow target `{target}` does not exist or is not another fixed item")
            }
            PolicyFault::AliasTaken { alias, other } => {
                format!("alias `{alias}` is already the id, name or alias of item {other}")
            }
            PolicyFault::Rule(rule) => rule_fault(rule),
            PolicyFault::Shape(shape) => shape_fault(shape),
            PolicyFault::QuotaCycle { .. }
            | PolicyFault::DateOutOfRange { .. }
            | PolicyFault::NotUtf8 { .. } => circle_year_or_bytes(fault),
        }
    }

    fn policy_problem(&self, file: &str, problem: &PolicyProblem) -> String {
        let key = if problem.key.is_empty() {
            String::new()
        } else {
            format!("key `{}`: ", problem.key)
        };
        format!(
            "{file}:{}:{}: {key}{}",
            problem.line,
            problem.column,
            self.policy_fault(&problem.fault)
        )
    }

    fn policy_valid(&self, file: &str, clauses: usize, items: usize) -> String {
        format!("✓ {file}: {clauses} clauses, {items} items, no problems found")
    }

    fn policy_problem_count(&self, file: &str, count: usize) -> String {
        format!("{file}: {count} problem(s)")
    }

    fn case_failed(&self, policy: &Policy, clause: Option<u32>, case: &str) -> String {
        match clause {
            Some(n) => format!(
                "✗ {}: {case}",
                crate::policy::label_en(n, policy.wording.clause_style)
            ),
            None => format!("✗ {case}"),
        }
    }

    fn case_mismatch(&self, policy: &Policy, mismatch: &CaseMismatch) -> String {
        match mismatch {
            CaseMismatch::UndeclaredFact { claim_id, fact } => {
                format!("claim {claim_id}: the policy declares no fact `{fact}`")
            }
            CaseMismatch::Claims(e) => e.render(Lang::En),
            CaseMismatch::Ledger(e) => e.render(Lang::En),
            CaseMismatch::EarlierPayout => "could not write the earlier payout".into(),
            CaseMismatch::NotInCase { claim_id } => {
                format!("claim {claim_id}: not among the case's claims")
            }
            CaseMismatch::Outcome {
                claim_id,
                expected,
                actual,
            } => format!(
                "claim {claim_id}: expected {}, got {} ({})",
                expected_figures(expected),
                actual_figures(actual),
                why(policy, &actual.why, Lang::En)
            ),
        }
    }

    fn cases_summary(&self, file: &str, run: usize, passed: usize, failed: usize) -> String {
        format!("{file}: {run} cases, {passed} passed, {failed} failed")
    }

    fn cases_failed(&self, failed: usize) -> String {
        format!("{failed} case(s) failed")
    }

    fn cases_unreadable(&self, error: &CasesError) -> String {
        let CasesError {
            file,
            line,
            message,
        } = error;
        format!("{file}:{line}: {message}")
    }

    fn per_unit_figure(&self, amount: &str, unit: &str) -> String {
        format!("{amount} per {unit}")
    }

    fn intake_heading(&self) -> &'static str {
        "to be verified at intake:"
    }

    fn not_item_or_clause(&self, written: &str, near: &[&str]) -> String {
        if near.is_empty() {
            format!("`{written}` is neither an item nor a clause number")
        } else {
            format!(
                "`{written}` is neither an item nor a clause number; did you mean {}?",
                near.join(", ")
            )
        }
    }

    fn ambiguous_item(&self, written: &str, candidates: &[(&str, &str)]) -> String {
        let list: Vec<String> = candidates
            .iter()
            .map(|(id, name)| format!("{id} ({name})"))
            .collect();
        format!(
            "`{written}` is part of the names of several items: {}; write the whole name or the id",
            list.join(", ")
        )
    }
}

/// Every kind name: `fixed, percent, … or manual`.
fn kinds() -> String {
    let names: Vec<&str> = KindName::ALL.iter().map(|k| k.name()).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

const VALIDITY_MISSING: &str = "the validity is missing: write this date, or applies_from / \
     in_force_from and term_years to derive it";
const TERM_INCOMPLETE: &str = "in_force_from goes with term_years (有效期N年) or a written valid_until; term_years goes with in_force_from";
const UNIT_NOT_PER_UNIT: &str =
    "a unit word (unit, unit_en) belongs to a per-unit item (per_unit = true)";

/// The mistakes of the rules added for any city's measures.
fn rule_fault(fault: &RuleFault) -> String {
    match fault {
        RuleFault::UnknownExcept { written } => {
            format!("`{written}`, excepted from the cap, is no clause or item of this file")
        }
        RuleFault::MaxPerClaim { kind } => format!(
            "a {} item takes no max_per_claim (approved says it with max_per_project; manual computes nothing)",
            kind.name()
        ),
        RuleFault::TierGap { band } => format!("band {band} of the tiers leaves a gap after the band before it (two bands meet at one value, inside exactly one of them)"),
        RuleFault::TierOverlap { band } => format!("band {band} of the tiers overlaps the band before it, or is out of order"),
        RuleFault::TierOn { written } => format!("tiers on `{written}`: neither amount nor a declared fact"),
        RuleFault::ByTypeMissing { applicant_type } => format!("applicant type `{applicant_type}` may claim the item and has no figure in by_type"),
        RuleFault::MeasureCapMissing { applicant_type } => format!("applicant type `{applicant_type}` has no figure under the whole-measure cap: write annual, or list the type in by_type"),
        RuleFault::UnknownType { written, nearest } => match nearest {
            Some(n) => format!("`{written}` is no applicant type: did you mean `{n}`?"),
            None => format!("`{written}` is no applicant type (the types are the file's [[applicant_type]])"),
        },
        RuleFault::FigureByKind => "tiers and by_type fit fixed, percent and matching items, not both at once, and tiers not with a quantity_cap".into(),
        RuleFault::MaxPerRef => "max_per_ref must be a positive whole number on a per-unit fixed item with one figure".into(),
        RuleFault::FactKind { written } => format!("fact kind `{written}` is none of number, date, yes_no, choice"),
        RuleFault::FactValues => "a choice fact lists its values, no other fact does, and facts_one_of lists at least one value".into(),
        RuleFault::FactValue { written } => format!("`{written}` is no value this fact can hold"),
        RuleFault::FactKindMismatch { fact, kind } => format!("fact {fact} is a {kind} fact, which does not fit here (facts_min, facts_range and tiers take number facts; facts_within date facts; facts_one_of yes_no and choice facts)"),
        RuleFault::Window => "a window is exactly one of days, months or years, a whole number from 1".into(),
        RuleFault::BasePeriod => "base_period fits percent and matching items, with a number fact and a max above 0".into(),
        RuleFault::Requires { written } => format!("requires `{written}`: no other item of this file has that id"),
        RuleFault::RefLimit { written } => format!("`{written}` in a ref_limit: not an item of this file, not a per-unit fixed item, already limited (another ref_limit or max_per_ref), or not a positive whole number of units"),
        RuleFault::GroupItem { written } => format!("`{written}` of an award group is no item of this file, or is in another group"),
        RuleFault::ClauseStyle { written } => format!("clause_style `{written}` is neither paren (（九）) nor article (第九条)"),
        RuleFault::UnknownKey { written, nearest } => match nearest {
            Some(n) => format!("unknown key `{written}`: did you mean `{n}`?"),
            None => format!("unknown key `{written}` (the keys are listed in policy/FORMAT.md)"),
        },
        RuleFault::EmptyRange => "an empty range: give min or max, with min not above max (equal only when both are inclusive)".into(),
    }
}

/// Valid TOML without the shape of a policy file.
fn shape_fault(fault: &ShapeFault) -> String {
    match fault {
        ShapeFault::MissingKey { key } => format!("the required key `{key}` is missing"),
        ShapeFault::WrongType {
            found: TomlType::Float,
            expected: TomlType::Figure,
        } => "write a decimal figure as a quoted string (\"0.05\" or \"5%\"), so that it is read exactly".into(),
        ShapeFault::WrongType { found, expected } => format!(
            "expected {} here, found {}",
            toml_type(*expected),
            toml_type(*found)
        ),
        ShapeFault::Other { message } => {
            format!("valid TOML, but not the shape of a policy file here\n    toml says: \"{message}\"")
        }
    }
}

fn toml_type(t: TomlType) -> &'static str {
    match t {
        TomlType::String => "a string",
        TomlType::Integer => "an integer",
        TomlType::Float => "a float",
        TomlType::Boolean => "a boolean (true or false)",
        TomlType::Datetime => "a date",
        TomlType::Array => "an array ([…])",
        TomlType::Table => "a table (a [section] or {…})",
        TomlType::Figure => "a figure (an integer such as 2000, or a quoted decimal or percentage such as \"0.05\" or \"5%\")",
    }
}

/// A circle of quotas, a date past the tool's years, a file not UTF-8.
fn circle_year_or_bytes(fault: &PolicyFault) -> String {
    match fault {
        PolicyFault::QuotaCycle { items } => format!(
            "quota overflows go round in a circle ({}): claims past one quota would be paid past the other; end the circle at an item without an overflow",
            items.join(" → ")
        ),
        PolicyFault::DateOutOfRange { written } => format!(
            "{written} is a date, but past what the tool reads: dates run from 1900-01-01 to 2999-12-31"
        ),
        PolicyFault::NotUtf8 { offset } => format!(
            "the file is not UTF-8 text from byte offset {offset} on; save it as UTF-8"
        ),
        _ => String::new(),
    }
}
