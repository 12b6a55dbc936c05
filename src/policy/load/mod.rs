//! From the policy file's text to a checked `Policy`, or to every problem in
//! it, each with its line and key. An official editing the file sees all of
//! its mistakes in one run.
//!
//! One function per section of the file: the top level (`top.rs`), the
//! applicant types, groups, tags and facts (`named.rs`), the clauses and
//! their items (`clauses.rs`, `item.rs`), and the kinds of item with the
//! figures each needs (`kinds.rs`).

mod clauses;
mod facts;
mod item;
mod kinds;
mod links;
mod measure;
mod named;
mod ranges;
mod tiers;
mod toml_error;
mod top;

use std::ops::Range;

use super::model::{name_key, Named, Policy};
use super::problem::{PolicyError, PolicyFault, PolicyProblem};
use super::raw::RawPolicy;
use crate::lang::Text;

pub fn load(file: &str, text: &str) -> Result<Policy, PolicyError> {
    let mut check = Checker {
        text,
        problems: Vec::new(),
    };
    let raw: RawPolicy = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            check.problem(span, "", toml_error::fault(text, e.message()));
            return Err(check.into_error(file));
        }
    };
    let policy = check.policy(raw);
    if check.problems.is_empty() {
        Ok(policy)
    } else {
        Err(check.into_error(file))
    }
}

/// Collects the problems of one file as the sections are read.
pub(super) struct Checker<'t> {
    text: &'t str,
    problems: Vec<(usize, String, PolicyFault)>,
}

impl Checker<'_> {
    fn problem(&mut self, span: Range<usize>, key: &str, fault: PolicyFault) {
        self.problems.push((span.start, key.to_string(), fault));
    }

    /// The line of a byte offset of the file.
    fn line_of(&self, offset: usize) -> usize {
        line_and_column(self.text, offset).0
    }

    fn into_error(self, file: &str) -> PolicyError {
        let text = self.text;
        let mut problems: Vec<PolicyProblem> = self
            .problems
            .into_iter()
            .map(|(offset, key, fault)| {
                let (line, column) = line_and_column(text, offset);
                PolicyProblem {
                    line,
                    column,
                    key,
                    fault,
                }
            })
            .collect();
        problems.sort_by_key(|p| (p.line, p.column));
        PolicyError {
            file: file.to_string(),
            problems,
        }
    }
}

fn note(zh: &Option<String>, en: &Option<String>) -> Option<Text> {
    match (zh, en) {
        (None, None) => None,
        _ => {
            let zh = zh.clone().unwrap_or_default();
            Some(text(&zh, en.as_deref().unwrap_or_default(), &zh))
        }
    }
}

/// A text of the file in both languages; English falls back to `fallback`
/// when the file gives none.
fn text(zh: &str, en: &str, fallback: &str) -> Text {
    Text {
        zh: zh.to_string(),
        en: if en.is_empty() { fallback } else { en }.to_string(),
    }
}

/// Every spelling by which a type or tag may be written in a claim, keyed
/// as `Policy::find_type` and `find_tag` look them up.
fn spellings(named: &Named) -> Vec<String> {
    let mut out = vec![name_key(&named.id).into_owned()];
    out.push(name_key(&named.name.zh).into_owned());
    out.extend(named.aliases.iter().map(|a| name_key(a).into_owned()));
    out
}

/// A policy file's bytes as text, or where they stop being UTF-8: its
/// byte offset, line and column (of the text before it, which is UTF-8).
pub fn text_of(file: &str, bytes: Vec<u8>) -> Result<String, PolicyError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let (line, column) = line_and_column(before, offset);
        PolicyError {
            file: file.to_string(),
            problems: vec![PolicyProblem {
                line,
                column,
                key: String::new(),
                fault: PolicyFault::NotUtf8 { offset },
            }],
        }
    })
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{FigureName, KindName};

    const HEAD: &str = r#"
id = "test-city"
title = "test"
source = "test"
status = "final"
valid_from = 2024-01-01
valid_until = 2024-12-31
currency = "CNY"

[rounding]
mode = "half_up"
decimals = 2

[[applicant_type]]
id = "enterprise"
name = "企业"

[[clause]]
number = 1
title = "一"
source = "原文"
"#;

    /// The faults of a policy made of `HEAD` and one item, with their lines.
    fn faults(item: &str) -> Vec<(usize, PolicyFault)> {
        let text = format!("{HEAD}\n[[clause.item]]\nid = \"a\"\nname = \"甲\"\n{item}\n");
        match load("t.toml", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| (p.line, p.fault)).collect(),
        }
    }

    #[test]
    fn a_correct_item_loads() {
        let found = faults("kind = \"percent\"\nrate = \"5%\"\napplicants = [\"enterprise\"]");
        assert_eq!(found, []);
    }

    #[test]
    fn a_kind_without_its_figure_and_with_another_is_told_both() {
        let found = faults("kind = \"fixed\"\nrate = \"5%\"\napplicants = [\"enterprise\"]");
        let kinds = [
            PolicyFault::FigureNotUsed {
                kind: KindName::Fixed,
                figure: FigureName::Rate,
            },
            PolicyFault::FigureMissing {
                kind: KindName::Fixed,
                figure: FigureName::Amount,
            },
        ];
        let faults: Vec<PolicyFault> = found.into_iter().map(|(_, f)| f).collect();
        assert_eq!(faults.len(), 2, "{faults:?}");
        assert!(kinds.iter().all(|k| faults.contains(k)), "{faults:?}");
    }

    #[test]
    fn an_unknown_kind_is_one_problem_not_one_per_figure() {
        let found = faults("kind = \"weird\"\namount = 5\napplicants = [\"enterprise\"]");
        let written = "weird".to_string();
        assert_eq!(found, [(26, PolicyFault::UnknownKind { written })]);
    }

    #[test]
    fn a_rate_may_be_a_percentage_and_an_amount_may_not() {
        let rate = faults("kind = \"percent\"\nrate = \"150%\"\napplicants = [\"enterprise\"]");
        assert_eq!(rate, [(27, PolicyFault::RateAbove100)]);
        let amount = faults("kind = \"fixed\"\namount = \"5%\"\napplicants = [\"enterprise\"]");
        let written = "5%".to_string();
        assert_eq!(amount, [(27, PolicyFault::NotANumber { written })]);
    }

    #[test]
    fn a_cap_below_one_award_is_a_slip() {
        let found = faults(
            "kind = \"fixed\"\namount = 2000\napplicants = [\"enterprise\"]\nannual_cap = 500",
        );
        let fault = PolicyFault::CapBelowAward {
            cap: 500.into(),
            item: "a".to_string(),
            single: 2000.into(),
        };
        assert_eq!(found, [(29, fault)]);
    }

    /// `HEAD` with its validity lines replaced by `validity`.
    fn with_validity(validity: &str) -> Result<Policy, PolicyError> {
        let head = HEAD.replace(
            "valid_from = 2024-01-01\nvalid_until = 2024-12-31\n",
            validity,
        );
        let item = "[[clause.item]]\nid = \"a\"\nname = \"甲\"\nkind = \"fixed\"\namount = 1\napplicants = [\"enterprise\"]\n";
        load("t.toml", &format!("{head}\n{item}"))
    }

    fn faults_of(result: Result<Policy, PolicyError>) -> Vec<(usize, PolicyFault)> {
        match result {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| (p.line, p.fault)).collect(),
        }
    }

    fn date(y: u32, m: u32, d: u32) -> crate::date::Date {
        crate::date::Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    #[test]
    fn the_validity_is_derived_from_the_start_and_the_term() {
        let text = "in_force_from = 2024-01-01\nterm_years = 3\napplies_from = 2024-01-01\n";
        let policy = with_validity(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(policy.valid_from, date(2024, 1, 1));
        assert_eq!(policy.valid_until, date(2026, 12, 31));
        let text = "in_force_from = 2024-05-01\nterm_years = 3\napplies_from = 2024-01-01\n";
        let policy = with_validity(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(policy.valid_from, date(2024, 1, 1));
        assert_eq!(policy.valid_until, date(2027, 4, 30));
    }

    #[test]
    fn written_dates_that_disagree_with_the_term_are_refused() {
        let text = "in_force_from = 2024-01-01\nterm_years = 3\napplies_from = 2024-01-01\n\
                    valid_from = 2024-01-01\nvalid_until = 2027-12-31\n";
        let fault = PolicyFault::ValidityDisagrees {
            written: date(2027, 12, 31),
            derived: date(2026, 12, 31),
        };
        assert_eq!(faults_of(with_validity(text)), [(10, fault)]);
        let agreeing = "in_force_from = 2024-01-01\nterm_years = 3\n\
                        valid_from = 2024-01-01\nvalid_until = 2026-12-31\n";
        assert_eq!(faults_of(with_validity(agreeing)), []);
    }

    #[test]
    fn a_term_needs_its_start_and_a_validity_needs_its_ends() {
        let found = faults_of(with_validity("term_years = 3\nvalid_from = 2024-01-01\n"));
        assert_eq!(found, [(6, PolicyFault::TermIncomplete)]);
        let found = faults_of(with_validity("valid_from = 2024-01-01\n"));
        assert_eq!(found, [(1, PolicyFault::ValidityMissing)]);
        let found = faults_of(with_validity(
            "in_force_from = 2024-01-01\nterm_years = 0\n",
        ));
        assert_eq!(found, [(7, PolicyFault::TermYears { written: 0 })]);
    }

    #[test]
    fn a_unit_word_belongs_to_a_per_unit_item_and_intake_english_goes_one_for_one() {
        let found =
            faults("kind = \"fixed\"\namount = 5\nunit = \"件\"\napplicants = [\"enterprise\"]");
        assert_eq!(found, [(28, PolicyFault::UnitNotPerUnit)]);
        let found = faults(
            "kind = \"fixed\"\namount = 5\napplicants = [\"enterprise\"]\n\
             intake = [\"甲\", \"乙\"]\nintake_en = [\"a\"]",
        );
        assert_eq!(found, [(30, PolicyFault::IntakeEnglish { zh: 2, en: 1 })]);
    }

    #[test]
    fn names_are_matched_after_folding_width_space_and_quotes() {
        let policy = bundled_policy();
        let srdi = policy.find_tag("专精特新").expect("srdi");
        for written in [
            "专精特新\"小巨人\"企业",
            "专精特新“小巨人”企业",
            "专精特新 ＂小巨人＂ 企业",
            "专精特新「小巨人」企业",
            " SRDI ",
        ] {
            assert_eq!(policy.find_tag(written), Some(srdi), "{written}");
        }
        let county = policy.find_type("county").expect("county");
        assert_ne!(policy.find_type("园区"), Some(county));
        for written in ["县", "试点县", "示范 县", "县域", "ＣＯＵＮＴＹ"] {
            assert_eq!(policy.find_type(written), Some(county), "{written}");
        }
    }

    fn bundled_policy() -> Policy {
        crate::policy::bundled().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_measure_cap_leaves_out_only_what_the_file_has() {
        let item = "[[clause.item]]\nid = \"a\"\nname = \"甲\"\nkind = \"fixed\"\namount = 1\napplicants = [\"enterprise\"]\n";
        let cap = "[measure_cap]\nannual = 100\nexcept_clauses = [1]\nexcept_items = [\"a\"]\n";
        let policy =
            load("t.toml", &format!("{HEAD}\n{cap}\n{item}")).unwrap_or_else(|e| panic!("{e}"));
        let m = policy.measure_cap.as_ref().expect("a measure cap");
        assert_eq!((m.annual, m.excluded.clone()), (Some(100.into()), vec![0]));
        let cap = "[measure_cap]\nannual = 100\nexcept_clauses = [7]\nexcept_items = [\"b\"]\n";
        let found = faults_of(load("t.toml", &format!("{HEAD}\n{cap}\n{item}")));
        let unknown = |w: &str| {
            PolicyFault::Rule(crate::policy::RuleFault::UnknownExcept {
                written: w.to_string(),
            })
        };
        assert_eq!(found, [(25, unknown("7")), (26, unknown("b"))]);
    }

    /// `HEAD` with a second applicant type, a measure cap and one item
    /// both types may claim.
    fn with_measure_cap(cap: &str) -> Result<Policy, PolicyError> {
        let head = HEAD.replace(
            "[[clause]]",
            "[[applicant_type]]\nid = \"individual\"\nname = \"个人\"\n\n[[clause]]",
        );
        let item = "[[clause.item]]\nid = \"a\"\nname = \"甲\"\nkind = \"fixed\"\namount = 1\napplicants = [\"enterprise\", \"individual\"]\n";
        load("t.toml", &format!("{head}\n[measure_cap]\n{cap}\n{item}"))
    }

    #[test]
    fn a_measure_cap_takes_a_figure_per_applicant_type() {
        use crate::policy::RuleFault;
        // 10万 for every type, 5万 for an individual (keyed by id or name).
        for cap in [
            "annual = 100000\nby_type = { individual = 50000 }",
            "annual = 100000\nby_type = { \"个人\" = 50000 }",
        ] {
            let policy = with_measure_cap(cap).unwrap_or_else(|e| panic!("{e}"));
            let m = policy.measure_cap.as_ref().expect("a measure cap");
            assert_eq!(m.limit_for(0), Some((100000.into(), None)), "{cap}");
            assert_eq!(m.limit_for(1), Some((50000.into(), Some(1))), "{cap}");
        }
        // `annual` may be left out when every type has its own figure.
        let all = "by_type = { enterprise = 100000, individual = 50000 }";
        let policy = with_measure_cap(all).unwrap_or_else(|e| panic!("{e}"));
        let m = policy.measure_cap.as_ref().expect("a measure cap");
        assert_eq!(m.annual, None);
        assert_eq!(m.limit_for(0), Some((100000.into(), Some(0))));
        // Not otherwise: the type without a figure is named.
        let missing = |t: &str| {
            PolicyFault::Rule(RuleFault::MeasureCapMissing {
                applicant_type: t.to_string(),
            })
        };
        let found = faults_of(with_measure_cap("by_type = { individual = 50000 }"));
        assert_eq!(found, [(28, missing("enterprise"))]);
        let found = faults_of(with_measure_cap("source = \"总额\""));
        assert_eq!(
            found,
            [(27, missing("enterprise")), (27, missing("individual"))]
        );
        // A key that is no type is refused with the nearest type id.
        let found = faults_of(with_measure_cap(
            "annual = 100000\nby_type = { individaul = 50000, unit = 1 }",
        ));
        let unknown = |w: &str, n: Option<&str>| {
            PolicyFault::Rule(RuleFault::UnknownType {
                written: w.to_string(),
                nearest: n.map(str::to_string),
            })
        };
        assert_eq!(
            found,
            [
                (29, unknown("individaul", Some("individual"))),
                (29, unknown("unit", None))
            ]
        );
    }

    #[test]
    fn a_maximum_per_claim_fits_every_money_kind_but_approved_and_manual() {
        let found = faults("kind = \"percent\"\nrate = \"5%\"\nmax_per_claim = 20000\napplicants = [\"enterprise\"]");
        assert_eq!(found, []);
        let found = faults("kind = \"approved\"\nmax_per_project = 5\nmax_per_claim = 2\napplicants = [\"enterprise\"]");
        let fault = PolicyFault::Rule(crate::policy::RuleFault::MaxPerClaim {
            kind: KindName::Approved,
        });
        assert_eq!(found, [(28, fault)]);
    }

    #[test]
    fn a_range_no_value_can_be_inside_is_refused() {
        let ok = faults("kind = \"percent\"\nrate = \"1%\"\namount_range = { min = 5, min_inclusive = false }\napplicants = [\"enterprise\"]");
        assert_eq!(ok, []);
        let empty = PolicyFault::Rule(crate::policy::RuleFault::EmptyRange);
        for range in [
            "{ min = 5, max = 4 }",
            "{ min = 5, max = 5, max_inclusive = false }",
            "{}",
        ] {
            let found = faults(&format!("kind = \"percent\"\nrate = \"1%\"\namount_range = {range}\napplicants = [\"enterprise\"]"));
            assert_eq!(found, [(28, empty.clone())], "{range}");
        }
    }

    #[test]
    fn tiers_are_sorted_without_gap_or_overlap_and_types_all_keyed() {
        use crate::policy::RuleFault;
        let tiers = |bands: &str| {
            faults(&format!(
                "kind = \"percent\"\napplicants = [\"enterprise\"]\ntiers = {{ on = \"amount\", bands = [{bands}] }}"
            ))
        };
        let ok = tiers(
            "{ max = 5, figure = \"10%\" }, { min = 5, min_inclusive = false, figure = \"8%\" }",
        );
        assert_eq!(ok, []);
        let gap = tiers("{ max = 5, figure = \"10%\" }, { min = 6, figure = \"8%\" }");
        assert_eq!(
            gap,
            [(28, PolicyFault::Rule(RuleFault::TierGap { band: 2 }))]
        );
        let both = tiers("{ max = 5, figure = \"10%\" }, { min = 5, figure = \"8%\" }");
        assert_eq!(
            both,
            [(28, PolicyFault::Rule(RuleFault::TierOverlap { band: 2 }))]
        );
        let empty = tiers("{ min = 9, max = 5, figure = \"10%\" }");
        assert_eq!(empty, [(28, PolicyFault::Rule(RuleFault::EmptyRange))]);
        let unsorted = tiers("{ min = 5, figure = \"10%\" }, { max = 5, figure = \"8%\" }");
        assert_eq!(
            unsorted,
            [(28, PolicyFault::Rule(RuleFault::TierGap { band: 2 }))]
        );
        let missing = faults("kind = \"fixed\"\napplicants = [\"enterprise\"]\nby_type = { }");
        let fault = RuleFault::ByTypeMissing {
            applicant_type: "enterprise".to_string(),
        };
        assert_eq!(missing, [(28, PolicyFault::Rule(fault))]);
    }

    #[test]
    fn an_unknown_key_is_refused_with_the_nearest_known_one() {
        let found = faults("kind = \"fixed\"\namout = 5\napplicants = [\"enterprise\"]");
        let fault = PolicyFault::Rule(crate::policy::RuleFault::UnknownKey {
            written: "amout".to_string(),
            nearest: Some("amount".to_string()),
        });
        assert_eq!(found, [(27, fault)]);
    }

    #[test]
    fn a_syntax_error_carries_the_toml_message() {
        let Err(e) = load("t.toml", "id = ") else {
            panic!("loaded");
        };
        assert!(matches!(
            &e.problems[..],
            [PolicyProblem { line: 1, fault: PolicyFault::Syntax { message }, .. }] if !message.is_empty()
        ));
    }
}
