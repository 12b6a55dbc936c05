//! The report's sentences, written once for every language: what each
//! sentence says (its parts, the facts and figures in them, the loops and
//! joins) is decided here, and only the words differ, side by side.

use rust_decimal::Decimal;

use super::names::{area, clause_key, item_key, percent};
use super::names::{tag_names, tag_names_joined, who};
use super::{caps, notices, rules};
use super::{BookLabel, Figures, Label, Notice, ReportWords, Rule, Sep, Stage};
use crate::claims::{Claim, Refs};
use crate::decided::{Derivation, Tally};
use crate::engine::{Basis, CapStep, Check, Outcome, Rejection, Status, Undecided};
use crate::money::yuan;
use crate::money::{short, short_grouped};
use crate::policy::{Policy, Quota, TagSet, Unique};
use crate::words::side_by_side::{list_sep, pick, say, Language};
use crate::words::Lang;

/// The level of government of other support: `市级`, `city`.
fn level(l: Lang, policy: &Policy) -> &str {
    pick!(l, zh: policy.wording.level.as_str(), en: policy.wording.level_en.as_str())
}

/// `matched 1:1 on 40000 = 40000`: a matching figure on its base.
fn matched(l: Lang, ratio: Decimal, on: &str, total: &str) -> String {
    let ratio = short(ratio);
    say!(l, zh: "按 1:{ratio} 配套 {on} = {total}"; en: "matched 1:{ratio} on {on} = {total}")
}

impl<L: Language> ReportWords for L {
    fn book_status(&self, status: Status) -> &'static str {
        let l = L::LANG;
        match status {
            Status::Paid => pick!(l, zh: "全额拨付", en: "paid in full"),
            Status::Capped => pick!(l, zh: "已封顶", en: "capped"),
            Status::Rejected => pick!(l, zh: "已驳回", en: "rejected"),
            Status::Manual => pick!(l, zh: "待人工审核", en: "manual review"),
            Status::Invalid => pick!(l, zh: "无效", en: "invalid"),
        }
    }

    fn book_label(&self, label: BookLabel) -> &'static str {
        let l = L::LANG;
        match label {
            BookLabel::Totals => pick!(l, zh: "合计", en: "Totals"),
            BookLabel::RowsIn => pick!(l, zh: "输入行数", en: "Rows in"),
            BookLabel::Computed => pick!(l, zh: "核定金额", en: "Computed"),
            BookLabel::Payable => pick!(l, zh: "拨付金额", en: "Payable"),
            BookLabel::Cut => pick!(l, zh: "核减金额", en: "Cut"),
            BookLabel::Policy => pick!(l, zh: "政策", en: "Policy"),
            BookLabel::PolicyId => pick!(l, zh: "政策编号", en: "Policy id"),
            BookLabel::PolicyTitle => pick!(l, zh: "政策名称", en: "Policy title"),
            BookLabel::PolicyStatus => pick!(l, zh: "政策状态", en: "Policy status"),
            BookLabel::Draft => {
                pick!(l, zh: "征求意见稿（金额暂定）", en: "draft for comment (amounts provisional)")
            }
            BookLabel::Final => pick!(l, zh: "正式稿", en: "final"),
            BookLabel::ValidFrom => pick!(l, zh: "有效期自", en: "Valid from"),
            BookLabel::ValidUntil => pick!(l, zh: "有效期至", en: "Valid until"),
            BookLabel::PolicySha256 => pick!(l, zh: "政策文件 SHA-256", en: "Policy file SHA-256"),
            BookLabel::ClaimsFile => pick!(l, zh: "申报文件", en: "Claims file"),
            BookLabel::ClaimsRows => pick!(l, zh: "申报行数", en: "Claims rows"),
            BookLabel::Version => pick!(l, zh: "程序版本", en: "Version"),
            BookLabel::PayableByClause => pick!(l, zh: "各条款拨付金额", en: "Payable by clause"),
        }
    }

    fn status(&self, status: Status) -> &'static str {
        let l = L::LANG;
        // English tables show the status as the payout's column holds it.
        match status {
            Status::Paid => pick!(l, zh: "全额", en: status.as_str()),
            Status::Capped => pick!(l, zh: "封顶", en: status.as_str()),
            Status::Rejected => pick!(l, zh: "驳回", en: status.as_str()),
            Status::Manual => pick!(l, zh: "人工", en: status.as_str()),
            Status::Invalid => pick!(l, zh: "无效", en: status.as_str()),
        }
    }

    fn label(&self, label: Label) -> &'static str {
        let l = L::LANG;
        match label {
            Label::ByApplicant => pick!(l, zh: "按申请人汇总", en: "By applicant"),
            Label::ByClause => pick!(l, zh: "按条款汇总", en: "By clause"),
            Label::ApplicantId => pick!(l, zh: "申请人代码", en: "applicant id"),
            Label::ApplicantName => pick!(l, zh: "申请人名称", en: "applicant name"),
            Label::Rows => pick!(l, zh: "笔数", en: "rows"),
            Label::Computed => pick!(l, zh: "核定金额", en: "computed"),
            Label::Payable => pick!(l, zh: "拨付金额", en: "payable"),
            Label::Cut => pick!(l, zh: "核减金额", en: "cut"),
            Label::Clause => pick!(l, zh: "条款", en: "clause"),
            Label::Title => pick!(l, zh: "名称", en: "title"),
            Label::ItemNotRecognised => {
                pick!(l, zh: "（项目无法识别）", en: "(item not recognised)")
            }
            Label::Item => pick!(l, zh: "项目", en: "item"),
            Label::Name => pick!(l, zh: "名称", en: "name"),
            Label::Kind => pick!(l, zh: "方式", en: "kind"),
            Label::Figure => pick!(l, zh: "金额", en: "figure"),
            Label::Who => pick!(l, zh: "申请人", en: "who"),
            Label::RulesAndCaps => pick!(l, zh: "规则与上限", en: "rules and caps"),
            Label::PerUnit => pick!(l, zh: "/件", en: "per unit"),
            Label::PerProject => pick!(l, zh: "/项", en: "per project"),
            Label::DryRunApplicant => pick!(l, zh: "（试算）", en: "(dry run)"),
            Label::NotComputedHere => {
                pick!(l, zh: "不在本办法内计算", en: "not computed under these measures")
            }
            Label::ShowClause => pick!(l, zh: "条款：", en: "clause: "),
            Label::ShowClauseText => pick!(l, zh: "条款原文：", en: "clause text: "),
            Label::ShowSentence => pick!(l, zh: "依据：", en: "sentence: "),
            Label::ShowKind => pick!(l, zh: "方式：", en: "kind: "),
            Label::ShowManual => pick!(l, zh: "人工审核：", en: "manual: "),
            Label::ShowWho => pick!(l, zh: "申请人：", en: "who: "),
            Label::ShowRules => pick!(l, zh: "规则与上限：", en: "rules and caps: "),
            Label::ShowNote => pick!(l, zh: "说明：", en: "note: "),
            Label::ShowText => pick!(l, zh: "原文：", en: "text: "),
            Label::ShowClauseCap => {
                pick!(l, zh: "年度上限（每个申请人，同条款合计）：", en: "cap a year per applicant, all items: ")
            }
            Label::ShowOneAward => {
                pick!(l, zh: "每个申请人每年一项", en: "one award per applicant per year")
            }
            Label::ShowPaysNothing => {
                pick!(l, zh: "本条不涉及资助金额。", en: "This clause pays nothing.")
            }
            Label::ShowItems => pick!(l, zh: "项目：", en: "items:"),
            Label::FigureHeading => pick!(l, zh: "计算：", en: "amount before caps: "),
            Label::ChecksHeading => pick!(l, zh: "检查：", en: "checks:"),
            Label::CapsHeading => {
                pick!(l, zh: "上限（依次适用）：", en: "caps, in the order applied:")
            }
            Label::ReasonHeading => pick!(l, zh: "理由：", en: "reason: "),
            Label::FigureInRules => pick!(l, zh: "见规则", en: "see rules"),
        }
    }

    fn stage(&self, stage: Stage) -> &'static str {
        let l = L::LANG;
        match stage {
            Stage::Reading => pick!(l, zh: "读取", en: "reading"),
            Stage::Deciding => pick!(l, zh: "计算", en: "deciding"),
            Stage::Writing => pick!(l, zh: "写出", en: "writing"),
        }
    }

    fn separator(&self, sep: Sep) -> &'static str {
        let l = L::LANG;
        match sep {
            Sep::Parts => pick!(l, zh: "；", en: "; "),
            Sep::List => list_sep(l),
        }
    }

    fn basis(&self, policy: &Policy, basis: &Basis, computed: Decimal, short: Figures) -> String {
        let l = L::LANG;
        let total = short(computed);
        match basis {
            Basis::Fixed {
                amount,
                quantity: 1,
            } => {
                let amount = short(*amount);
                say!(l, zh: "定额 {amount}"; en: "fixed award {amount}")
            }
            Basis::Fixed { amount, quantity } => {
                let amount = short(*amount);
                say!(l, zh: "每件 {amount} × {quantity} 件 = {total}"; en: "{amount} per unit × {quantity} = {total}")
            }
            Basis::Percent { base, rate } => {
                format!("{} × {} = {total}", short(*base), percent(*rate))
            }
            Basis::Approved { amount } => {
                let amount = short(*amount);
                say!(l, zh: "核定金额 {amount}"; en: "approved amount {amount}")
            }
            Basis::Floor {
                amount: None,
                minimum,
                ..
            } => {
                let minimum = short(*minimum);
                say!(l, zh: "未填金额，按最低 {minimum}"; en: "no amount given: the minimum {minimum}")
            }
            Basis::Floor {
                amount: Some(a),
                minimum,
                raised: true,
            } => {
                let (a, minimum) = (short(*a), short(*minimum));
                say!(l, zh: "申报 {a}，不低于 {minimum}，按 {total}"; en: "{a} raised to the minimum {total}")
            }
            Basis::Floor {
                amount: Some(_),
                minimum,
                raised: false,
            } => {
                let minimum = short(*minimum);
                say!(l, zh: "核定金额 {total}（不低于 {minimum}）"; en: "approved amount {total} (at least {minimum})")
            }
            Basis::Matching { base, ratio } => matched(l, *ratio, &short(*base), &total),
            Basis::Manual => String::new(),
            Basis::Prorated {
                fact,
                written,
                period,
                limit,
                of,
            } => {
                let name = rules::fact_name(l, policy, *fact);
                let (period, limit) = (period.normalize(), limit.normalize());
                let scaled = format!("{} × {limit}/{period}", short(*written));
                let rule = match of.as_ref() {
                    Basis::Percent { rate, .. } => {
                        format!("{scaled} × {} = {total}", percent(*rate))
                    }
                    Basis::Matching { ratio, .. } => matched(l, *ratio, &scaled, &total),
                    other => self.basis(policy, other, computed, short),
                };
                say!(l,
                    zh: "{rule}（{name} {period} 超过 {limit}，按 {limit}/{period} 计）";
                    en: "{rule} ({name} {period} is over {limit}: counted {limit}/{period})")
            }
            Basis::Tiered { tier, of } => format!(
                "{}{}",
                self.basis(policy, of, computed, short),
                rules::tier(l, policy, tier)
            ),
        }
    }

    fn cap_step(&self, policy: &Policy, step: &CapStep) -> String {
        caps::cap_step(L::LANG, policy, step)
    }

    fn rejection(&self, policy: &Policy, claim: &Claim, why: &Rejection) -> String {
        let l = L::LANG;
        match why {
            Rejection::OutsideValidity => outside_validity(l, policy, claim),
            Rejection::OtherCitySupport => other_support(l, policy),
            Rejection::ApplicantType { allowed } => {
                let (written, allowed) = (policy.type_label(claim.applicant_type, l), who(policy, *allowed, l));
                say!(l,
                    zh: "申请人类型“{written}”不符，本项目限：{allowed}";
                    en: "applicant type {written} may not claim this item (only {allowed})")
            }
            Rejection::MissingTag { any_of } => missing_tag(l, policy, claim, *any_of),
            Rejection::FactBelow { fact, minimum, actual } => {
                let (name, minimum) = (rules::fact_name(l, policy, *fact), short(*minimum));
                match actual.map(short) {
                    Some(a) => say!(l,
                        zh: "{name}为 {a}，低于要求的 {minimum}";
                        en: "{name} is {a}, below the required {minimum}"),
                    None => say!(l,
                        zh: "未填写{name}（要求至少 {minimum}）";
                        en: "{name} not given (at least {minimum} required)"),
                }
            }
            Rejection::QuantityBelow { minimum, actual } => say!(l,
                zh: "数量 {actual} 未达到 {minimum} 件的门槛";
                en: "quantity {actual} is below the threshold of {minimum}"),
            Rejection::OutOfRange(broken) => rules::out_of_range(l, policy, broken),
            Rejection::QuotaFull(no_place) => rules::quota_full(l, policy, no_place),
            Rejection::ClaimInLedger => {
                pick!(l, zh: "申报编号已在往期拨付表中，不再重复处理", en: "this claim_id is already in a ledger").to_string()
            }
            Rejection::RefPaid { by } => say!(l,
                zh: "重复申报：同一项目同一编号已由 {by} 获资助";
                en: "duplicate: the same item and ref was already paid (claim {by})"),
            Rejection::RefsPaid { refs } => refs_paid(l, refs),
            Rejection::ApplicantRefPaid { by } => say!(l,
                zh: "重复申报：该申请人已就同一编号获资助（{by}）";
                en: "duplicate: already paid to this applicant for the same ref (claim {by})"),
            Rejection::ApplicantPaid { by } => say!(l,
                zh: "该申请人已获此项资助（{by}），仅资助一次";
                en: "paid once per applicant, and already paid (claim {by})"),
            Rejection::ItemYearPaid { by } => say!(l,
                zh: "该申请人本年度已获此项资助（{by}）";
                en: "paid once per applicant per year, and already paid this year (claim {by})"),
            Rejection::ClauseYearPaid { clause, by } => {
                let clause = clause_key(l, policy, *clause);
                say!(l,
                    zh: "{clause}每个申请人每年只资助一项，本年度已资助（{by}）";
                    en: "{clause} gives one award per applicant per year, already given (claim {by})")
            }
            Rejection::OutsideWindow { fact, window, start } => {
                rules::outside_window(l, policy, claim, *fact, *window, *start)
            }
            Rejection::FactNotAllowed { fact, actual } => {
                rules::fact_not_allowed(l, policy, claim, *fact, *actual)
            }
            Rejection::HigherAwardPaid { paid, by, .. } => {
                let paid = short(*paid);
                say!(l,
                    zh: "按最高奖项奖励，不重复奖励：同一编号已获 {paid}（{by}），不低于本项奖励，不再奖励";
                    en: "only the highest award is paid: the same reference was already paid {paid} (claim {by}), not less than this award; nothing more is paid")
            }
            Rejection::EarlierAwardMissing { item } => {
                let item = item_key(l, policy, *item);
                say!(l,
                    zh: "须本申请人此前已获“{item}”资助，本批、往期拨付及台账中均无记录";
                    en: "paid only after item {item} was paid to the same applicant: none is recorded in this batch, a ledger or the book")
            }
            Rejection::Candidacy { by } => {
                let item = item_key(l, policy, claim.item);
                say!(l,
                    zh: "项目“{item}”每个申请人每年只参评一次，本年度已以 {by} 参评";
                    en: "item {item} takes one candidacy per applicant a year: claim {by} is this year's")
            }
        }
    }

    fn passed_check(&self, policy: &Policy, claim: &Claim, check: Check) -> String {
        let l = L::LANG;
        let item = policy.item(claim.item);
        match check {
            Check::Validity => {
                let (from, until) = (policy.valid_from, policy.valid_until);
                say!(l, zh: "日期在有效期 {from} 至 {until} 内"; en: "dated within {from} to {until}")
            }
            Check::OtherCitySupport => {
                let level = level(l, policy);
                say!(l, zh: "未获{level}其它政策扶持"; en: "no support under another {level} policy")
            }
            Check::ApplicantType => {
                let (kind, allowed) = (policy.type_label(claim.applicant_type, l), who(policy, item.applicants, l));
                say!(l, zh: "申请人类型 {kind} 可以申报（限：{allowed}）"; en: "applicant type {kind} may claim (allowed: {allowed})")
            }
            Check::Tags => {
                // The tags that let the claim in: those it holds of those the item asks.
                let held = tag_names(policy, TagSet(claim.tags.0 & item.tags_any.0), l);
                say!(l, zh: "具备资格：{held}"; en: "holds the tag: {held}")
            }
            Check::Fact(f) => super::names::fact_line(policy, claim, f, l),
            Check::FactWindow(f) => rules::window_passed(l, policy, claim, f),
            Check::FactOneOf(f) => rules::one_of_passed(l, policy, claim, f),
            Check::MinQuantity => {
                let (quantity, minimum) = (claim.quantity, item.min_quantity.unwrap_or(0));
                say!(l, zh: "数量 {quantity} 达到门槛 {minimum}"; en: "quantity {quantity} meets the threshold {minimum}")
            }
            Check::Range(on) => rules::in_range(l, policy, claim, on),
            Check::LedgerClaimId => pick!(l, zh: "申报编号不在往期拨付表中", en: "claim_id not in any ledger").to_string(),
            Check::Unique => match item.unique {
                Unique::Ref if matches!(claim.refs, Refs::PerUnit(_)) => pick!(l,
                    zh: "所列编号并非全部此前已获资助（已获资助的见下方核减）",
                    en: "not every reference paid before (any that were are cut below)"),
                Unique::Ref => pick!(l, zh: "同一项目同一编号此前未获资助", en: "this item and ref not paid before"),
                Unique::ApplicantRef => pick!(l,
                    zh: "该申请人此前未就同一编号获资助",
                    en: "not paid to this applicant for this ref before"),
                Unique::ApplicantYear => pick!(l, zh: "该申请人本年度未获此项资助", en: "not paid to this applicant this year"),
                Unique::Applicant | Unique::None => pick!(l,
                    zh: "该申请人此前未获此项资助（仅资助一次）",
                    en: "not paid to this applicant before (paid once)"),
            }
            .to_string(),
            Check::ClauseOneAward => {
                let clause = policy.clause_of(claim.item);
                let clause = pick!(l, zh: clause.cited(), en: clause.label_en());
                say!(l, zh: "本年度未获{clause}其他资助（每年一项）"; en: "no other award of {clause} this year (one a year)")
            }
            Check::EarlierAward => {
                let earlier = item.requires.map_or("", |i| item_key(l, policy, i));
                say!(l,
                    zh: "本申请人此前已获“{earlier}”资助（本项目须以此为前提）";
                    en: "item {earlier} was paid to this applicant before, as this item requires")
            }
        }
    }

    fn cap_line(&self, policy: &Policy, step: &CapStep) -> String {
        caps::cap_line(L::LANG, policy, step)
    }

    fn derivation_head(&self, policy: &Policy, d: &Derivation) -> String {
        let l = L::LANG;
        let mut out = String::new();
        let claim = d.claim;
        let item = policy.item(claim.item);
        let clause = policy.clause_of(claim.item);
        let kind = policy.type_label(claim.applicant_type, l);
        let id = &d.applicant.id;
        match d.dry_run {
            Some(_) => {
                let name = item.name(l);
                out += &say!(l, zh: "== 试算：{name} · {kind} ==\n"; en: "== dry run: {name} · {kind} ==\n");
                if !id.is_empty() {
                    out += &say!(l, zh: "申请人：{id}\n"; en: "applicant: {id}\n");
                }
            }
            None => {
                let claim_id = &claim.claim_id;
                out += &say!(l, zh: "== 申报 {claim_id} ==\n"; en: "== claim {claim_id} ==\n");
                let name = &d.applicant.name;
                let who = if name.is_empty() {
                    id.to_string()
                } else {
                    say!(l, zh: "{name}（{id}）"; en: "{name} ({id})")
                };
                out += &say!(l, zh: "申请人：{who} · {kind}\n"; en: "applicant: {who} · {kind}\n");
            }
        }
        let (date, year) = (claim.date, claim.date.year());
        out += &say!(l, zh: "日期：{date}（{year} 年度）\n"; en: "date: {date} (calendar year {year})\n");
        let (number, title, source) = (clause.label(), clause.title(l), &clause.source);
        out += &say!(l, zh: "条款：{number} {title}\n"; en: "clause: {number} {title}\n");
        out += &say!(l, zh: "  原文：“{source}”\n"; en: "  source: “{source}”\n");
        let (id, name) = (&item.id, item.name(l));
        out += &say!(l, zh: "项目：{id} {name}\n"; en: "item: {id} {name}\n");
        if let Some(source) = &item.source {
            out += &say!(l, zh: "  依据：“{source}”\n"; en: "  sentence: “{source}”\n");
        }
        out
    }

    fn not_checked(&self, check: Check, ledger_given: bool) -> &'static str {
        let l = L::LANG;
        match (check, ledger_given) {
            (Check::Unique, true) => pick!(l,
                zh: "未核对同一编号是否已获资助（未给出 --ref）",
                en: "not checked: whether the same reference was paid before (no --ref given)"),
            (Check::Unique, false) => pick!(l,
                zh: "未核对此前是否已获资助（未给出 --ledger 往期拨付表）",
                en: "not checked: whether this was paid before (no --ledger of earlier payouts given)"),
            (Check::ClauseOneAward, _) => pick!(l,
                zh: "未核对本年度是否已获本条其他资助（未给出 --ledger）",
                en: "not checked: another award of the clause this year (no --ledger given)"),
            (Check::EarlierAward, _) => pick!(l,
                zh: "未核对本项目所要求的此前资助（未给出 --ledger）",
                en: "not checked: the earlier award this item requires (no --ledger given)"),
            // A dry run makes every other check; said plainly should one be left.
            (
                Check::Validity
                | Check::OtherCitySupport
                | Check::ApplicantType
                | Check::Tags
                | Check::Fact(_)
                | Check::FactWindow(_)
                | Check::FactOneOf(_)
                | Check::MinQuantity
                | Check::Range(_)
                | Check::LedgerClaimId,
                _,
            ) => pick!(l, zh: "未核对", en: "not checked"),
        }
    }

    fn undecided(&self, policy: &Policy, why: &Undecided) -> String {
        let l = L::LANG;
        match why {
            Undecided::MissingScores {
                item,
                per_year,
                places_left,
                candidates,
                missing,
            } => {
                let (item, area) = (item_key(l, policy, *item), area(l, policy));
                say!(l,
                    zh: "项目“{item}”{area}每年不超过 {per_year} 个：本年度 {candidates} 个候选争 {places_left} 个剩余名额，其中 {missing} 个未评分，排名无法确定；请受理窗口评分后重新运行本批";
                    en: "item {item} quota {per_year} a year: {candidates} candidates this year for {places_left} place(s) left, {missing} without a score; the ranking cannot be decided: the office must score them and run the batch again")
            }
            Undecided::Tie {
                item,
                per_year,
                places_left,
                score,
                tied,
                first_place,
            } => {
                let (item, area, score) = (
                    item_key(l, policy, *item),
                    area(l, policy),
                    score.normalize(),
                );
                say!(l,
                    zh: "项目“{item}”{area}每年不超过 {per_year} 个：{tied} 个候选同为 {score} 分，争第 {first_place} 至第 {places_left} 个名额，跨越名额线；请受理窗口决定后重新运行本批";
                    en: "item {item} quota {per_year} a year: {tied} candidates tie on score {score} for places {first_place} to {places_left}, across the boundary; the office must decide and run the batch again")
            }
        }
    }

    fn ranking_deferred(&self, policy: &Policy, quota: &Quota) -> String {
        let l = L::LANG;
        let rest = if quota.refuse_rest {
            pick!(l, zh: "不予资助", en: "is not paid").to_string()
        } else {
            let overflow = item_key(l, policy, quota.overflow);
            say!(l, zh: "按“{overflow}”资助"; en: "is paid as {overflow}")
        };
        let (area, places) = (area(l, policy), quota.per_year);
        say!(l,
            zh: "○ {area}每年 {places} 个名额由批量计算按评分排定，试算不排名：以下按获得名额计；未获名额的{rest}";
            en: "○ the {places} places a year ({area}) are ranked by score in the batch, not in a dry run: shown as if placed; a claim without a place {rest}")
    }

    fn derivation_result(&self, outcome: &Outcome) -> String {
        let l = L::LANG;
        let (status, said) = (outcome.status.as_str(), self.status(outcome.status));
        let (computed, payable, cut) = (
            yuan(outcome.computed),
            yuan(outcome.payable),
            yuan(outcome.cut()),
        );
        say!(l,
            zh: "结果：{status}（{said}） · 核定 {computed} · 拨付 {payable} · 核减 {cut}";
            en: "result: {status} · computed {computed} · payable {payable} · cut {cut}")
    }

    fn totals(&self, t: &Tally) -> String {
        let l = L::LANG;
        let rows = t.rows();
        let [paid, capped, rejected, manual, invalid] = [
            Status::Paid,
            Status::Capped,
            Status::Rejected,
            Status::Manual,
            Status::Invalid,
        ]
        .map(|s| t.count(s));
        let (computed, payable, cut) = (yuan(t.computed), yuan(t.payable), yuan(t.cut));
        say!(l,
            zh: "合计：输入 {rows} 行 = 全额 {paid} + 封顶 {capped} + 驳回 {rejected} + 人工 {manual} + 无效 {invalid}；核定 {computed} = 拨付 {payable} + 核减 {cut}";
            en: "Total: {rows} rows in = {paid} paid + {capped} capped + {rejected} rejected + {manual} manual + {invalid} invalid; computed {computed} = payable {payable} + cut {cut}")
    }

    fn draft_notice(&self, policy: &Policy) -> String {
        let l = L::LANG;
        let (title, source) = (&policy.title, &policy.source);
        say!(l,
            zh: "注意：《{title}》为征求意见稿，以下金额均为暂定。";
            en: "Note: {source} is a draft for comments; every figure is provisional.")
    }

    fn rule(&self, policy: &Policy, rule: &Rule) -> String {
        let l = L::LANG;
        let g = short_grouped;
        match rule {
            Rule::Tags(tags) => {
                let tags = tag_names_joined(policy, *tags, l, " / ");
                say!(l, zh: "须为：{tags}"; en: "one of: {tags}")
            }
            Rule::FactWithin { fact, window } => rules::window_rule(l, policy, *fact, *window),
            Rule::FactOneOf { fact, codes } => rules::one_of_rule(l, policy, *fact, codes),
            Rule::FactAtLeast { fact, minimum } => rules::at_least(l, policy, *fact, *minimum),
            Rule::QuantityAtLeast(m) => say!(l, zh: "数量 ≥ {m}"; en: "quantity ≥ {m}"),
            Rule::Unique(unique) => unique_rule(l, *unique).to_string(),
            Rule::QuantityCap {
                who: set,
                max_per_year,
            } => {
                let who = who(policy, *set, l);
                say!(l, zh: "{who}每年最多 {max_per_year} 件"; en: "at most {max_per_year} per year ({who})")
            }
            Rule::QuotaOnly { per_year } => {
                let area = area(l, policy);
                say!(l, zh: "{area}每年 {per_year} 个，超出不予资助"; en: "{per_year} a year {area}, the rest not paid")
            }
            Rule::Quota { per_year, overflow } => {
                let (area, overflow) = (area(l, policy), item_key(l, policy, *overflow));
                say!(l,
                    zh: "{area}每年 {per_year} 个，超出按“{overflow}”资助";
                    en: "{per_year} a year {area}, the rest paid as {overflow}")
            }
            Rule::ItemCap(cap) => say!(l,
                zh: "项目年度上限 {}", g(*cap);
                en: "item cap a year {}", g(*cap)),
            Rule::ItemLifetimeCap(cap) => say!(l,
                zh: "项目累计上限 {}（本办法有效期内）", g(*cap);
                en: "item cap over the life of the measures {}", g(*cap)),
            Rule::ClauseCap(cap) => say!(l,
                zh: "条款年度上限 {}（同条款合计）", g(*cap);
                en: "clause cap a year {} (all its items)", g(*cap)),
            Rule::ClauseOneAward => {
                pick!(l, zh: "条款内每年一项", en: "one award of the clause a year").to_string()
            }
            Rule::Range { on, range } => rules::bounded(l, policy, *on, range),
            Rule::Tiers { on, bands, percent } => rules::tiers(l, policy, *on, bands, *percent),
            Rule::ByType { table, percent } => rules::by_type(l, policy, table, *percent),
            Rule::PerRef(n) => rules::per_ref(l, *n),
            Rule::BasePeriod { fact, max } => {
                let (name, max) = (policy.facts[usize::from(*fact)].label(l), max.normalize());
                say!(l,
                    zh: "{name}超过 {max} 的，基数按 {max}/期限 计";
                    en: "{name} over {max}: the base counted for {max} of it")
            }
            Rule::RefLimit(g) => {
                let items = rules::ref_limit_items(l, policy, *g);
                let max = policy
                    .ref_limits
                    .get(usize::from(*g))
                    .map_or(0, |r| r.max_units);
                say!(l, zh: "{items}合计同一编号最多资助 {max} 个"; en: "at most {max} per reference over {items}")
            }
            Rule::Requires(i) => {
                let earlier = item_key(l, policy, *i);
                say!(l, zh: "须此前已获“{earlier}”资助"; en: "paid only after item {earlier} was paid")
            }
            Rule::AwardGroup(g) => rules::award_group(l, policy, *g),
            Rule::ClaimMax(max) => {
                say!(l, zh: "每笔最高 {}", g(*max); en: "at most {} per claim", g(*max))
            }
            Rule::MeasureCap { annual, by_type } => rules::measure_cap(l, policy, *annual, by_type),
        }
    }

    fn catalogue_footer(&self, policy: &Policy) -> String {
        let l = L::LANG;
        let (clauses, items) = (policy.clauses.len(), policy.items.len());
        let (from, until) = (policy.valid_from, policy.valid_until);
        say!(l,
            zh: "共 {clauses} 条、{items} 个项目；有效期 {from} 至 {until}（含）";
            en: "{clauses} clauses, {items} items; valid {from} to {until} (inclusive)")
    }

    fn notice(&self, notice: &Notice) -> String {
        notices::notice(L::LANG, notice)
    }
}

fn outside_validity(l: Lang, policy: &Policy, claim: &Claim) -> String {
    let (date, from, until) = (claim.date, policy.valid_from, policy.valid_until);
    let note = policy.validity_note.as_ref().map(|n| {
        let note = pick!(l, zh: &n.zh, en: &n.en);
        say!(l, zh: "；{note}"; en: "; {note}")
    });
    let note = note.unwrap_or_default();
    say!(l,
        zh: "日期 {date} 不在政策有效期 {from} 至 {until} 内{note}";
        en: "dated {date}, outside the policy's validity {from} to {until}{note}")
}

/// Support under another policy of the same level; the policy's own
/// sentence for it is written in Chinese only.
fn other_support(l: Lang, policy: &Policy) -> String {
    let own = pick!(l, zh: policy.wording.exclusion.clone(), en: None);
    let level = level(l, policy);
    own.unwrap_or_else(|| {
        say!(l,
            zh: "同一项目已获{level}其它政策扶持，不再享受本办法资助";
            en: "the project already has support under another {level} policy")
    })
}

/// The tags an item asks for, and the claim's tags the policy does not know.
fn missing_tag(l: Lang, policy: &Policy, claim: &Claim, any_of: TagSet) -> String {
    let tags = tag_names(policy, any_of, l);
    let unknown = claim.unknown_tags.as_ref().map(|t| {
        let t = t.join(list_sep(l));
        say!(l, zh: "（未识别的资格：{t}）"; en: " (tags not recognised: {t})")
    });
    let unknown = unknown.unwrap_or_default();
    say!(l, zh: "须具备以下资格之一：{tags}{unknown}"; en: "needs one of the tags: {tags}{unknown}")
}

/// How often an item pays, as the catalogue says it.
fn unique_rule(l: Lang, unique: Unique) -> &'static str {
    match unique {
        Unique::None => "",
        Unique::Ref => pick!(l, zh: "同一编号只资助一次", en: "once per ref"),
        Unique::ApplicantRef => {
            pick!(l, zh: "每个申请人同一编号一次", en: "once per applicant and ref")
        }
        Unique::Applicant => pick!(l, zh: "每个申请人一次", en: "once per applicant, ever"),
        Unique::ApplicantYear => {
            pick!(l, zh: "每个申请人每年一次", en: "once per applicant per year")
        }
    }
}

/// `duplicate: every reference was already paid (ZL1 by claim C-001, …)`.
fn refs_paid(l: Lang, refs: &[(Box<str>, Box<str>)]) -> String {
    let each: Vec<String> = (refs.iter())
        .map(|(r, by)| say!(l, zh: "{r} 由 {by}"; en: "{r} by claim {by}"))
        .collect();
    let each = each.join(list_sep(l));
    say!(l,
        zh: "重复申报：所列编号均已获资助（{each}）";
        en: "duplicate: every reference was already paid ({each})")
}
