//! The report facts in English.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::English;
use crate::claims::limits::Stop;
use crate::claims::{Claim, Refs};
use crate::engine::{Basis, Cap, CapStep, Check, Outcome, Rejection, Status};
use crate::money::{short, short_grouped};
use crate::policy::{Policy, Unique};
use crate::report::{who, yuan, Derivation, Tally};
use crate::words::report::{BookLabel, Figures, Label, Notice, Rule, Sep, Stage};
use crate::words::{Lang, ReportWords};

const EN: Lang = Lang::En;

/// Users of a room are listed up to this many, then counted.
const NAMED_USERS: usize = 8;

impl ReportWords for English {
    fn book_status(&self, status: Status) -> &'static str {
        match status {
            Status::Paid => "paid in full",
            Status::Capped => "capped",
            Status::Rejected => "rejected",
            Status::Manual => "manual review",
            Status::Invalid => "invalid",
        }
    }

    fn book_label(&self, label: BookLabel) -> &'static str {
        match label {
            BookLabel::Totals => "Totals",
            BookLabel::RowsIn => "Rows in",
            BookLabel::Computed => "Computed",
            BookLabel::Payable => "Payable",
            BookLabel::Cut => "Cut",
            BookLabel::Policy => "Policy",
            BookLabel::PolicyId => "Policy id",
            BookLabel::PolicyTitle => "Policy title",
            BookLabel::PolicyStatus => "Policy status",
            BookLabel::Draft => "draft for comment (amounts provisional)",
            BookLabel::Final => "final",
            BookLabel::ValidFrom => "Valid from",
            BookLabel::ValidUntil => "Valid until",
            BookLabel::PolicySha256 => "Policy file SHA-256",
            BookLabel::ClaimsFile => "Claims file",
            BookLabel::ClaimsRows => "Claims rows",
            BookLabel::Version => "Version",
            BookLabel::PayableByClause => "Payable by clause",
        }
    }

    fn status(&self, status: Status) -> &'static str {
        status.as_str()
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::ByApplicant => "By applicant",
            Label::ByClause => "By clause",
            Label::ApplicantId => "applicant id",
            Label::ApplicantName => "applicant name",
            Label::Rows => "rows",
            Label::Computed => "computed",
            Label::Payable => "payable",
            Label::Cut => "cut",
            Label::Clause => "clause",
            Label::Title => "title",
            Label::ItemNotRecognised => "(item not recognised)",
            Label::Item => "item",
            Label::Name => "name",
            Label::Kind => "kind",
            Label::Figure => "figure",
            Label::Who => "who",
            Label::RulesAndCaps => "rules and caps",
            Label::PerUnit => "per unit",
            Label::PerProject => "per project",
            Label::DryRunApplicant => "(dry run)",
            Label::NotComputedHere => "not computed under these measures",
            Label::ShowClause => "clause: ",
            Label::ShowClauseText => "clause text: ",
            Label::ShowSentence => "sentence: ",
            Label::ShowKind => "kind: ",
            Label::ShowManual => "manual: ",
            Label::ShowWho => "who: ",
            Label::ShowRules => "rules and caps: ",
            Label::ShowNote => "note: ",
            Label::ShowText => "text: ",
            Label::ShowClauseCap => "cap a year per applicant, all items: ",
            Label::ShowOneAward => "one award per applicant per year",
            Label::ShowPaysNothing => "This clause pays nothing.",
            Label::ShowItems => "items:",
            Label::FigureHeading => "amount before caps: ",
            Label::ChecksHeading => "checks:",
            Label::CapsHeading => "caps, in the order applied:",
            Label::ReasonHeading => "reason: ",
            Label::FigureInRules => "see rules",
        }
    }

    fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Reading => "reading",
            Stage::Deciding => "deciding",
            Stage::Writing => "writing",
        }
    }

    fn separator(&self, sep: Sep) -> &'static str {
        match sep {
            Sep::Parts => "; ",
            Sep::List => ", ",
        }
    }

    fn basis(&self, policy: &Policy, basis: &Basis, computed: Decimal, short: Figures) -> String {
        let total = short(computed);
        match basis {
            Basis::Fixed {
                amount,
                quantity: 1,
            } => format!("fixed award {}", short(*amount)),
            Basis::Fixed { amount, quantity } => {
                format!("{} per unit × {quantity} = {total}", short(*amount))
            }
            Basis::Percent { base, rate } => {
                format!("{} × {} = {total}", short(*base), percent(*rate))
            }
            Basis::Approved { amount } => format!("approved amount {}", short(*amount)),
            Basis::Floor {
                amount: None,
                minimum,
                ..
            } => format!("no amount given: the minimum {}", short(*minimum)),
            Basis::Floor {
                amount: Some(a),
                raised: true,
                ..
            } => format!("{} raised to the minimum {total}", short(*a)),
            Basis::Floor {
                amount: Some(_),
                minimum,
                raised: false,
            } => format!("approved amount {total} (at least {})", short(*minimum)),
            Basis::Matching { base, ratio } => {
                format!("matched 1:{} on {} = {total}", short(*ratio), short(*base))
            }
            Basis::Manual => String::new(),
            Basis::Prorated {
                fact,
                written,
                period,
                limit,
                of,
            } => {
                let name = policy
                    .facts
                    .get(usize::from(*fact))
                    .map(|f| f.label(EN).to_string())
                    .unwrap_or_default();
                let scaled = format!(
                    "{} × {}/{}",
                    short(*written),
                    limit.normalize(),
                    period.normalize()
                );
                let rule = match of.as_ref() {
                    Basis::Percent { rate, .. } => {
                        format!("{scaled} × {} = {total}", percent(*rate))
                    }
                    Basis::Matching { ratio, .. } => {
                        format!("matched 1:{} on {scaled} = {total}", short(*ratio))
                    }
                    other => self.basis(policy, other, computed, short),
                };
                format!(
                    "{rule} ({name} {} is over {}: counted {}/{})",
                    period.normalize(),
                    limit.normalize(),
                    limit.normalize(),
                    period.normalize()
                )
            }
            Basis::Tiered { tier, of } => format!(
                "{}{}",
                self.basis(policy, of, computed, short),
                super::rules::tier(policy, tier)
            ),
        }
    }

    fn cap_step(&self, policy: &Policy, step: &CapStep) -> String {
        let left = short(step.left());
        let limit = short(step.limit);
        match &step.cap {
            Cap::Quantity { item, .. } => format!(
                "item {} quantity cap {limit} per year: {} used, {left} left",
                policy.item(*item).id,
                short(step.used)
            ),
            Cap::Quota {
                item,
                overflow,
                rank,
                taken_before,
            } => {
                let earlier = if *taken_before > 0 {
                    format!("{taken_before} taken in a ledger, ")
                } else {
                    String::new()
                };
                format!(
                    "item {} {} quota {limit} per year: {earlier}ranked {rank} in this batch, no place left; paid as {} {}",
                    policy.item(*item).id,
                    policy.wording.area_en,
                    policy.item(*overflow).id,
                    short(step.after)
                )
            }
            Cap::RefsPaid { item, paid } => format!(
                "{} already paid (claim {}) and item {} pays each reference once: {} unit(s), {}, cut",
                paid.iter()
                    .map(|(r, _)| r.as_ref())
                    .collect::<Vec<_>>()
                    .join(", "),
                crate::report::payers(paid).join(", "),
                policy.item(*item).id,
                paid.len(),
                short(step.before - step.after),
            ),
            Cap::ProjectMax { of, .. } => match of {
                crate::engine::MaxOf::Project => format!("per-project maximum {limit}"),
                crate::engine::MaxOf::Claim => format!("per-claim maximum {limit}"),
                crate::engine::MaxOf::Band(n) => format!("band {n} maximum per claim {limit}"),
            },
            Cap::ItemLifetime { item } => format!(
                "item {} cap over the life of the measures {limit}: {left} left",
                policy.item(*item).id
            ),
            Cap::ItemAnnual { item } => format!(
                "item {} annual cap {limit}: {left} left",
                policy.item(*item).id
            ),
            Cap::ClauseAnnual { clause } => format!(
                "{} annual cap {limit}: {left} left",
                policy.clauses[usize::from(*clause)].label_en()
            ),
            Cap::HigherAward { .. } => format!(
                "only the higher award, never twice: {} paid before for the same reference, the difference to {limit} paid: {}",
                short(step.used),
                short(step.after)
            ),
            Cap::PerRef { item } => format!(
                "item {} at most {limit} per reference: {} paid before, {left} left",
                policy.item(*item).id,
                short(step.used)
            ),
            Cap::RefLimit { group } => format!(
                "at most {limit} per reference over {}: {} paid before, {left} left",
                super::rules::ref_limit_items(policy, *group),
                short(step.used)
            ),
            Cap::MeasureAnnual { of_type } => format!(
                "annual cap {limit} per applicant{} over the whole measure{}: {left} left",
                super::rules::measure_type(policy, *of_type),
                measure_except(policy)
            ),
        }
    }

    fn rejection(&self, policy: &Policy, claim: &Claim, why: &Rejection) -> String {
        match why {
            Rejection::OutsideValidity => format!(
                "dated {}, outside the policy's validity {} to {}{}",
                claim.date,
                policy.valid_from,
                policy.valid_until,
                policy
                    .validity_note
                    .as_ref()
                    .map(|n| format!("; {}", n.en))
                    .unwrap_or_default()
            ),
            Rejection::OtherCitySupport => format!(
                "the project already has support under another {} policy",
                policy.wording.level_en
            ),
            Rejection::ApplicantType { allowed } => {
                let written = policy.type_label(claim.applicant_type, EN).to_string();
                format!(
                    "applicant type {written} may not claim this item (only {})",
                    who(policy, *allowed, EN)
                )
            }
            Rejection::MissingTag { any_of } => format!(
                "needs one of the tags: {}{}",
                crate::report::tag_names(policy, *any_of, EN),
                claim
                    .unknown_tags
                    .as_ref()
                    .map(|t| format!(" (tags not recognised: {})", t.join(", ")))
                    .unwrap_or_default()
            ),
            Rejection::FactBelow {
                fact,
                minimum,
                actual,
            } => {
                let name = policy
                    .facts
                    .get(usize::from(*fact))
                    .map(|f| f.label(EN).to_string())
                    .unwrap_or_default();
                match actual {
                    Some(a) => format!(
                        "{name} is {}, below the required {}",
                        short(*a),
                        short(*minimum)
                    ),
                    None => format!("{name} not given (at least {} required)", short(*minimum)),
                }
            }
            Rejection::QuantityBelow { minimum, actual } => {
                format!("quantity {actual} is below the threshold of {minimum}")
            }
            Rejection::OutOfRange(broken) => super::rules::out_of_range(policy, broken),
            Rejection::QuotaFull(no_place) => super::rules::quota_full(policy, no_place),
            Rejection::ClaimInLedger => "this claim_id is already in a ledger".to_string(),
            Rejection::RefPaid { by } => {
                format!("duplicate: the same item and ref was already paid (claim {by})")
            }
            Rejection::RefsPaid { refs } => refs_paid(refs),
            Rejection::ApplicantRefPaid { by } => {
                format!("duplicate: already paid to this applicant for the same ref (claim {by})")
            }
            Rejection::ApplicantPaid { by } => {
                format!("paid once per applicant, and already paid (claim {by})")
            }
            Rejection::ItemYearPaid { by } => {
                format!("paid once per applicant per year, and already paid this year (claim {by})")
            }
            Rejection::ClauseYearPaid { clause, by } => format!(
                "{} gives one award per applicant per year, already given (claim {by})",
                policy.clauses[usize::from(*clause)].label_en()
            ),
            Rejection::HigherAwardPaid { .. }
            | Rejection::EarlierAwardMissing { .. }
            | Rejection::Candidacy { .. }
            | Rejection::OutsideWindow { .. }
            | Rejection::FactNotAllowed { .. } => award_rejection(policy, claim, why),
        }
    }

    fn passed_check(&self, policy: &Policy, claim: &Claim, check: Check) -> String {
        let item = policy.item(claim.item);
        match check {
            Check::Validity => format!(
                "dated within {} to {}",
                policy.valid_from, policy.valid_until
            ),
            Check::OtherCitySupport => format!(
                "no support under another {} policy",
                policy.wording.level_en
            ),
            Check::ApplicantType => format!(
                "applicant type {} may claim (allowed: {})",
                policy.type_label(claim.applicant_type, EN),
                who(policy, item.applicants, EN)
            ),
            Check::Tags => format!(
                "holds the tag: {}",
                crate::report::tag_names(
                    policy,
                    crate::policy::TagSet(claim.tags.0 & item.tags_any.0),
                    EN
                )
            ),
            Check::Fact(f) => crate::report::fact_line(policy, claim, f, EN),
            Check::FactWindow(f) => super::rules::window_passed(policy, claim, f),
            Check::FactOneOf(f) => super::rules::one_of_passed(policy, claim, f),
            Check::MinQuantity => format!(
                "quantity {} meets the threshold {}",
                claim.quantity,
                item.min_quantity.unwrap_or(0)
            ),
            Check::Range(on) => super::rules::in_range(policy, claim, on),
            Check::LedgerClaimId => "claim_id not in any ledger".to_string(),
            Check::Unique => match item.unique {
                Unique::Ref if matches!(claim.refs, Refs::PerUnit(_)) => {
                    "not every reference paid before (any that were are cut below)"
                }
                Unique::Ref => "this item and ref not paid before",
                Unique::ApplicantRef => "not paid to this applicant for this ref before",
                Unique::ApplicantYear => "not paid to this applicant this year",
                Unique::Applicant | Unique::None => "not paid to this applicant before (paid once)",
            }
            .to_string(),
            Check::ClauseOneAward => format!(
                "no other award of {} this year (one a year)",
                policy.clause_of(claim.item).label_en()
            ),
            Check::EarlierAward => format!(
                "item {} was paid to this applicant before, as this item requires",
                item.requires.map_or("", |i| policy.item(i).id.as_str())
            ),
        }
    }

    fn cap_line(&self, policy: &Policy, step: &CapStep) -> String {
        let g = short_grouped;
        let arrow = format!("payable {} → {}", g(step.before), g(step.after));
        let head = match &step.cap {
            Cap::ItemLifetime { item } => format!(
                "item {} cap over the life of the measures {}",
                policy.item(*item).id,
                g(step.limit)
            ),
            Cap::ItemAnnual { item } => {
                format!(
                    "item {} annual cap {}",
                    policy.item(*item).id,
                    g(step.limit)
                )
            }
            Cap::ClauseAnnual { clause } => format!(
                "{} annual cap {}",
                policy.clauses[usize::from(*clause)].label_en(),
                g(step.limit)
            ),
            Cap::PerRef { item } => format!(
                "item {} at most {} per reference",
                policy.item(*item).id,
                step.limit.normalize()
            ),
            Cap::RefLimit { group } => format!(
                "at most {} per reference over {}",
                step.limit.normalize(),
                super::rules::ref_limit_items(policy, *group)
            ),
            Cap::MeasureAnnual { of_type } => format!(
                "annual cap {} per applicant{} over the whole measure{}",
                g(step.limit),
                super::rules::measure_type(policy, *of_type),
                measure_except(policy)
            ),
            Cap::Quantity { item, .. } => format!(
                "item {} quantity cap {} a year",
                policy.item(*item).id,
                step.limit.normalize()
            ),
            Cap::Quota { .. }
            | Cap::ProjectMax { .. }
            | Cap::RefsPaid { .. }
            | Cap::HigherAward { .. } => {
                return format!("{}; {arrow}", self.cap_step(policy, step));
            }
        };
        let show = crate::report::room_figures(step);
        let mut users: Vec<String> = step
            .users
            .iter()
            .take(NAMED_USERS)
            .map(|(id, used)| format!("{id} ({})", show(*used)))
            .collect();
        if step.users.len() > NAMED_USERS {
            users.push(format!("and {} more", step.users.len() - NAMED_USERS));
        }
        let used = if users.is_empty() {
            format!("{} used", show(step.used))
        } else {
            format!("{} used by claims {}", show(step.used), users.join(", "))
        };
        format!("{head}: {used}; {} left; {arrow}", show(step.left()))
    }

    fn derivation_head(&self, policy: &Policy, d: &Derivation) -> String {
        let mut out = String::new();
        let claim = d.claim;
        let item = policy.item(claim.item);
        let clause = policy.clause_of(claim.item);
        let kind = policy.type_label(claim.applicant_type, EN);
        match d.dry_run {
            Some(_) => {
                let _ = writeln!(&mut out, "== dry run: {} · {kind} ==", item.name(EN));
                if !d.applicant.id.is_empty() {
                    let _ = writeln!(&mut out, "applicant: {}", d.applicant.id);
                }
            }
            None => {
                let _ = writeln!(&mut out, "== claim {} ==", claim.claim_id);
                let who = if d.applicant.name.is_empty() {
                    d.applicant.id.to_string()
                } else {
                    format!("{} ({})", d.applicant.name, d.applicant.id)
                };
                let _ = writeln!(&mut out, "applicant: {who} · {kind}");
            }
        }
        let _ = writeln!(
            &mut out,
            "date: {} (calendar year {})",
            claim.date,
            claim.date.year()
        );
        let _ = writeln!(&mut out, "clause: {} {}", clause.label(), clause.title(EN));
        let _ = writeln!(&mut out, "  source: “{}”", clause.source);
        let _ = writeln!(&mut out, "item: {} {}", item.id, item.name(EN));
        if let Some(source) = &item.source {
            let _ = writeln!(&mut out, "  sentence: “{source}”");
        }
        out
    }

    fn not_checked(&self, check: Check, ledger_given: bool) -> &'static str {
        match (check, ledger_given) {
            (Check::Unique, true) => {
                "not checked: whether the same reference was paid before (no --ref given)"
            }
            (Check::Unique, false) => {
                "not checked: whether this was paid before (no --ledger of earlier payouts given)"
            }
            (Check::ClauseOneAward, _) => {
                "not checked: another award of the clause this year (no --ledger given)"
            }
            (Check::EarlierAward, _) => {
                "not checked: the earlier award this item requires (no --ledger given)"
            }
            _ => "not checked",
        }
    }

    fn undecided(&self, policy: &Policy, why: &crate::engine::Undecided) -> String {
        use crate::engine::Undecided;
        match why {
            Undecided::MissingScores {
                item,
                per_year,
                places_left,
                candidates,
                missing,
            } => format!(
                "item {} quota {per_year} a year: {candidates} candidates this year for {places_left} place(s) left, {missing} without a score; the ranking cannot be decided: the office must score them and run the batch again",
                policy.item(*item).id
            ),
            Undecided::Tie {
                item,
                per_year,
                places_left,
                score,
                tied,
                first_place,
            } => format!(
                "item {} quota {per_year} a year: {tied} candidates tie on score {} for places {first_place} to {places_left}, across the boundary; the office must decide and run the batch again",
                policy.item(*item).id,
                score.normalize()
            ),
        }
    }

    fn ranking_deferred(&self, policy: &Policy, quota: &crate::policy::Quota) -> String {
        let rest = if quota.refuse_rest {
            "is not paid".to_string()
        } else {
            format!("is paid as {}", policy.item(quota.overflow).id)
        };
        format!(
            "○ the {} places a year ({}) are ranked by score in the batch, not in a dry run: shown as if placed; a claim without a place {rest}",
            quota.per_year,
            policy.wording.area_en
        )
    }

    fn derivation_result(&self, outcome: &Outcome) -> String {
        format!(
            "result: {} · computed {} · payable {} · cut {}",
            outcome.status.as_str(),
            yuan(outcome.computed),
            yuan(outcome.payable),
            yuan(outcome.cut()),
        )
    }

    fn totals(&self, t: &Tally) -> String {
        let n = |s| t.count(s);
        format!(
            "Total: {} rows in = {} paid + {} capped + {} rejected + {} manual + {} invalid; computed {} = payable {} + cut {}",
            t.rows(),
            n(Status::Paid),
            n(Status::Capped),
            n(Status::Rejected),
            n(Status::Manual),
            n(Status::Invalid),
            yuan(t.computed),
            yuan(t.payable),
            yuan(t.cut)
        )
    }

    fn draft_notice(&self, policy: &Policy) -> String {
        format!(
            "Note: {} is a draft for comments; every figure is provisional.",
            policy.source
        )
    }

    fn rule(&self, policy: &Policy, rule: &Rule) -> String {
        match rule {
            Rule::Tags(tags) => format!(
                "one of: {}",
                crate::report::tag_names_joined(policy, *tags, EN, " / ")
            ),
            Rule::FactWithin { fact, window } => super::rules::window_rule(policy, *fact, *window),
            Rule::FactOneOf { fact, codes } => super::rules::one_of_rule(policy, *fact, codes),
            Rule::FactAtLeast { fact, minimum } => format!(
                "{} ≥ {}",
                policy.facts[usize::from(*fact)].label(EN),
                minimum.normalize()
            ),
            Rule::QuantityAtLeast(m) => format!("quantity ≥ {m}"),
            Rule::Unique(unique) => match unique {
                Unique::None => "",
                Unique::Ref => "once per ref",
                Unique::ApplicantRef => "once per applicant and ref",
                Unique::Applicant => "once per applicant, ever",
                Unique::ApplicantYear => "once per applicant per year",
            }
            .to_string(),
            Rule::QuantityCap {
                who: set,
                max_per_year,
            } => format!(
                "at most {max_per_year} per year ({})",
                who(policy, *set, EN)
            ),
            Rule::QuotaOnly { per_year } => {
                format!(
                    "{per_year} a year {}, the rest not paid",
                    policy.wording.area_en
                )
            }
            Rule::Quota { per_year, overflow } => format!(
                "{per_year} a year {}, the rest paid as {}",
                policy.wording.area_en,
                policy.item(*overflow).id
            ),
            Rule::ItemCap(cap) => format!("item cap a year {}", short_grouped(*cap)),
            Rule::ItemLifetimeCap(cap) => format!(
                "item cap over the life of the measures {}",
                short_grouped(*cap)
            ),
            Rule::ClauseCap(cap) => {
                format!("clause cap a year {} (all its items)", short_grouped(*cap))
            }
            Rule::ClauseOneAward => "one award of the clause a year".to_string(),
            Rule::Range { on, range } => format!(
                "{} {}",
                super::rules::measured(policy, *on),
                super::rules::range(range)
            ),
            Rule::Tiers { on, bands, percent } => super::rules::tiers(policy, *on, bands, *percent),
            Rule::ByType { table, percent } => super::rules::by_type(policy, table, *percent),
            Rule::PerRef(n) => super::rules::per_ref(*n),
            Rule::BasePeriod { fact, max } => format!(
                "{} over {}: the base counted for {} of it",
                policy.facts[usize::from(*fact)].label(EN),
                max.normalize(),
                max.normalize()
            ),
            Rule::RefLimit(g) => format!(
                "at most {} per reference over {}",
                policy
                    .ref_limits
                    .get(usize::from(*g))
                    .map_or(0, |l| l.max_units),
                super::rules::ref_limit_items(policy, *g)
            ),
            Rule::Requires(i) => format!("paid only after item {} was paid", policy.item(*i).id),
            Rule::AwardGroup(g) => super::rules::award_group(policy, *g),
            Rule::ClaimMax(max) => format!("at most {} per claim", short_grouped(*max)),
            Rule::MeasureCap { annual, by_type } => {
                super::rules::measure_cap(policy, *annual, by_type)
            }
        }
    }

    fn catalogue_footer(&self, policy: &Policy) -> String {
        format!(
            "{} clauses, {} items; valid {} to {} (inclusive)",
            policy.clauses.len(),
            policy.items.len(),
            policy.valid_from,
            policy.valid_until
        )
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Rows { rows, per_second } => format!("{rows} rows, {per_second} rows/s"),
            Notice::RankingUnsettled { passes } => format!("the quota ranking had not settled after {passes} passes; the last pass stands; the office should check the claims under a quota"),
            Notice::LangIgnored { value } => format!("SUBSIDY_LANG={value} is not a language of this tool (zh, en); ignored"),
            Notice::NoLedgerGiven => "No --ledger given: earlier payouts are not checked, and the caps count nothing as used.".to_string(),
            Notice::KeyChanged { .. } => key_changed(notice),
            Notice::QuotaUndecided { ids } => format!(
                "a quota's ranking is undecided: {} left manual and paid nothing; score or decide them and run the batch again",
                ids.join(", ")
            ),
            Notice::InputStopped { path, stop } => {
                let line = stop.line();
                match stop {
                    Stop::FieldBytes { limit, .. } => format!(
                        "{path}:{line}: a cell is longer than the limit of {limit} bytes; the file was not read (raise it with --max-field-bytes)"
                    ),
                    Stop::RecordBytes { limit, .. } => format!(
                        "{path}:{line}: a row is longer than the limit of {limit} bytes; the file was not read (raise it with --max-record-bytes)"
                    ),
                    Stop::Rows { limit, .. } => format!(
                        "{path}:{line}: more than the limit of {limit} rows; the file was not read (raise it with --max-rows)"
                    ),
                    Stop::UnclosedQuote { .. } => format!(
                        "{path}:{line}: a quote (\") opened here is never closed, so every later row would run into one cell; the file was not read"
                    ),
                    Stop::Unpacked { limit } => format!(
                        "{path}: the workbook unpacks to more than {limit} bytes, more than any sheet of claims needs; the file was not read"
                    ),
                }
            }
            Notice::UnknownColumns { .. }
            | Notice::UnknownTag { .. }
            | Notice::TwoNames { .. }
            | Notice::AboveHeader { .. }
            | Notice::TotalsRow { .. }
            | Notice::ItemByPart { .. }
            | Notice::DateSerials { .. }
            | Notice::MoreLikeThis { .. } => of_reading(notice),
            Notice::DryRun => "Dry run: nothing is written.".to_string(),
            Notice::NoRefGiven => {
                "No --ref given: whether the same ref was paid before is not checked.".to_string()
            }
            Notice::CannotRead { path, source } => format!("{path}: cannot read: {source}"),
            Notice::CannotWrite { path, source } => cannot_write(path, source),
            Notice::BookCannotHold { limit } => book_cannot_hold(*limit),
            Notice::OutIsInput { out, input } => format!(
                "--out {out} is the file {input} this run reads: writing it would replace the input; nothing was read or written (choose another --out)"
            ),
            Notice::Strict { file, invalid } => {
                format!("{file}: {invalid} invalid row(s) under --strict; nothing was written")
            }
            Notice::NoClaimsOfApplicant { file, applicant } => {
                format!("{file}: no claims of applicant {applicant}")
            }
            Notice::NoSuchClaims { file, ids } => format!("{file}: no claim {}", ids.join(", ")),
            Notice::UnknownFact { id, known } => format!(
                "the policy declares no fact `{id}` (known: {}); write --fact ID=VALUE",
                known.join(", ")
            ),
            Notice::InvalidClaim {
                id,
                file,
                line,
                reason,
            } => format!(
                "== claim {id} ==\n{file} line {line}: invalid, not computed\nreason: {reason}\n"
            ),
        }
    }
}

fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// `duplicate: every reference was already paid (ZL1 by claim C-001, …)`.
fn refs_paid(refs: &[(Box<str>, Box<str>)]) -> String {
    let list: Vec<String> = refs
        .iter()
        .map(|(r, by)| format!("{r} by claim {by}"))
        .collect();
    format!(
        "duplicate: every reference was already paid ({})",
        list.join(", ")
    )
}

/// The clauses and items the whole-measure cap leaves out: ` (clause 9 and
/// item patent_award excepted)`, or nothing.
fn measure_except(policy: &Policy) -> String {
    let Some(cap) = &policy.measure_cap else {
        return String::new();
    };
    let clauses = cap
        .except_clauses
        .iter()
        .map(|n| crate::policy::label_en(*n, policy.wording.clause_style));
    let items = cap
        .excluded
        .iter()
        .filter(|i| !cap.except_clauses.contains(&policy.clause_of(**i).number))
        .map(|i| format!("item {}", policy.item(*i).id));
    let named: Vec<String> = clauses.chain(items).collect();
    if named.is_empty() {
        String::new()
    } else {
        format!(" ({} excepted)", named.join(", "))
    }
}

/// The rejections of the rules added for any measure: a window after a
/// date fact, a fact's allowed values, an earlier award (a higher one of
/// the group, a required one, a candidacy).
fn award_rejection(policy: &Policy, claim: &Claim, why: &Rejection) -> String {
    match why {
        Rejection::OutsideWindow {
            fact,
            window,
            start,
        } => super::rules::outside_window(policy, claim, *fact, *window, *start),
        Rejection::FactNotAllowed { fact, actual } => {
            super::rules::fact_not_allowed(policy, claim, *fact, *actual)
        }
        Rejection::HigherAwardPaid { paid, by, .. } => format!(
            "only the highest award is paid: the same reference was already paid {} (claim {by}), not less than this award; nothing more is paid",
            short(*paid)
        ),
        Rejection::EarlierAwardMissing { item } => format!(
            "paid only after item {} was paid to the same applicant: none is recorded in this batch, a ledger or the book",
            policy.item(*item).id
        ),
        Rejection::Candidacy { by } => format!(
            "item {} takes one candidacy per applicant a year: claim {by} is this year's",
            policy.item(claim.item).id
        ),
        _ => String::new(),
    }
}

/// Why an output could not be written; a FIFO's reader that left early
/// in words, since the system's are of no help there.
fn cannot_write(path: &str, source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::BrokenPipe => format!(
            "{path}: cannot write: its reader closed it before the end; what it read is incomplete"
        ),
        _ => format!("{path}: cannot write: {source}"),
    }
}

/// Why an `--out` workbook cannot be made.
fn book_cannot_hold(limit: crate::words::BookLimit) -> String {
    match limit {
        crate::words::BookLimit::RowsOrColumns => "a workbook's sheet holds at most 1,048,576 rows and 16,384 columns, and this one needs more; write it as .csv".to_string(),
        crate::words::BookLimit::CellText => "a workbook's cell holds at most 32,767 characters, and one here has more; write it as .csv".to_string(),
        crate::words::BookLimit::Other(why) => format!("the workbook cannot be made: {why}"),
    }
}

/// The rows above the header row, in one note.
fn above_header(path: &str, line: u64, rows: &[(u64, String)]) -> String {
    let rows: Vec<String> = (rows.iter())
        .map(|(n, text)| format!("row {n} `{text}`"))
        .collect();
    format!(
        "{path}:{line}: note: the header is row {line}; the rows above it are not claims and were not read: {}",
        rows.join("; ")
    )
}

/// A totals row, with each sum it holds checked against the rows.
fn totals_row(path: &str, line: u64, sums: &[crate::claims::TotalSum]) -> String {
    let mut said = format!("{path}:{line}: note: row {line} is a totals row, not read as a claim");
    for sum in sums {
        let name = sum.column.name();
        let written = short_grouped(sum.written);
        match sum.rows {
            Some(rows) if rows == sum.written => {
                let _ = write!(said, "; its {name} {written} is the sum of the rows");
            }
            Some(rows) => {
                let _ = write!(
                    said,
                    "; check it: its {name} {written} is not the sum of the rows, {}",
                    short_grouped(rows)
                );
            }
            None => {
                let _ = write!(
                    said,
                    "; its {name} {written} cannot be checked: a row's {name} is no number"
                );
            }
        }
    }
    said
}

/// What reading the claims file noted: columns, the layout of the sheet,
/// items written as a part of a name.
fn of_reading(notice: &Notice) -> String {
    match notice {
        Notice::UnknownColumns {
            path,
            line,
            columns,
        } => format!(
            "{path}:{line}: note: column(s) the tool does not use, carried into the payout as they are: {}",
            columns.join(", ")
        ),
        Notice::UnknownTag {
            file,
            line,
            tag,
            known,
        } => format!(
            "{file}:{line}: column tags: `{tag}` is not a tag of the policy and does not count (known: {known})"
        ),
        Notice::TwoNames {
            file,
            line,
            id,
            first,
            second,
        } => format!(
            "{file}:{line}: column applicant_name: applicant {id} has two names in this batch, `{first}` and `{second}`: check which is right"
        ),
        Notice::AboveHeader { path, line, rows } => above_header(path, *line, rows),
        Notice::TotalsRow { path, line, sums } => totals_row(path, *line, sums),
        Notice::ItemByPart {
            file,
            line,
            written,
            id,
            name,
        } => format!("{file}:{line}: note: item `{written}` is a part of the name of {id} ({name}) and is read as that item; each such row's reason says so"),
        Notice::DateSerials {
            file,
            line,
            serial,
            date,
            count,
        } => format!("{file}:{line}: note: {count} row(s) give the date as a spreadsheet's date serial ({serial} is {date}), read as dates; each such row's reason says so"),
        Notice::MoreLikeThis { count, in_reasons } => format!(
            "… and {} more like this{}",
            short_grouped(Decimal::from(*count)),
            if *in_reasons { "; each row's reason says it" } else { "" }
        ),
        _ => String::new(),
    }
}

/// The first value of a column whose key changes more than a clerk expects.
fn key_changed(notice: &Notice) -> String {
    let Notice::KeyChanged {
        file,
        line,
        column,
        written,
        key,
    } = notice
    else {
        return String::new();
    };
    format!(
        "{file}:{line}: column {column}: `{written}` holds characters a spreadsheet does not show (or writes one character two ways) and is compared as `{key}`; the first such {column} only is named"
    )
}
