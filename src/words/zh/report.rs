//! The report facts in Chinese.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::Chinese;
use crate::claims::limits::Stop;
use crate::claims::{Claim, Refs};
use crate::engine::{Basis, Cap, CapStep, Check, Outcome, Rejection, Status};
use crate::money::{short, short_grouped};
use crate::policy::{Policy, Unique};
use crate::report::{who, yuan, Derivation, Tally};
use crate::words::report::{BookLabel, Figures, Label, Notice, Rule, Sep, Stage};
use crate::words::{Lang, ReportWords};

const ZH: Lang = Lang::Zh;

/// Users of a room are listed up to this many, then counted.
const NAMED_USERS: usize = 8;

impl ReportWords for Chinese {
    fn book_status(&self, status: Status) -> &'static str {
        match status {
            Status::Paid => "全额拨付",
            Status::Capped => "已封顶",
            Status::Rejected => "已驳回",
            Status::Manual => "待人工审核",
            Status::Invalid => "无效",
        }
    }

    fn book_label(&self, label: BookLabel) -> &'static str {
        match label {
            BookLabel::Totals => "合计",
            BookLabel::RowsIn => "输入行数",
            BookLabel::Computed => "核定金额",
            BookLabel::Payable => "拨付金额",
            BookLabel::Cut => "核减金额",
            BookLabel::Policy => "政策",
            BookLabel::PolicyId => "政策编号",
            BookLabel::PolicyTitle => "政策名称",
            BookLabel::PolicyStatus => "政策状态",
            BookLabel::Draft => "征求意见稿（金额暂定）",
            BookLabel::Final => "正式稿",
            BookLabel::ValidFrom => "有效期自",
            BookLabel::ValidUntil => "有效期至",
            BookLabel::PolicySha256 => "政策文件 SHA-256",
            BookLabel::ClaimsFile => "申报文件",
            BookLabel::ClaimsRows => "申报行数",
            BookLabel::Version => "程序版本",
            BookLabel::PayableByClause => "各条款拨付金额",
        }
    }

    fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Paid => "全额",
            Status::Capped => "封顶",
            Status::Rejected => "驳回",
            Status::Manual => "人工",
            Status::Invalid => "无效",
        }
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::ByApplicant => "按申请人汇总",
            Label::ByClause => "按条款汇总",
            Label::ApplicantId => "申请人代码",
            Label::ApplicantName => "申请人名称",
            Label::Rows => "笔数",
            Label::Computed => "核定金额",
            Label::Payable => "拨付金额",
            Label::Cut => "核减金额",
            Label::Clause => "条款",
            Label::Title => "名称",
            Label::ItemNotRecognised => "（项目无法识别）",
            Label::Item => "项目",
            Label::Name => "名称",
            Label::Kind => "方式",
            Label::Figure => "金额",
            Label::Who => "申请人",
            Label::RulesAndCaps => "规则与上限",
            Label::PerUnit => "/件",
            Label::PerProject => "/项",
            Label::DryRunApplicant => "（试算）",
            Label::NotComputedHere => "不在本办法内计算",
            Label::ShowClause => "条款：",
            Label::ShowClauseText => "条款原文：",
            Label::ShowSentence => "依据：",
            Label::ShowKind => "方式：",
            Label::ShowManual => "人工审核：",
            Label::ShowWho => "申请人：",
            Label::ShowRules => "规则与上限：",
            Label::ShowNote => "说明：",
            Label::ShowText => "原文：",
            Label::ShowClauseCap => "年度上限（每个申请人，同条款合计）：",
            Label::ShowOneAward => "每个申请人每年一项",
            Label::ShowPaysNothing => "本条不涉及资助金额。",
            Label::ShowItems => "项目：",
            Label::FigureHeading => "计算：",
            Label::ChecksHeading => "检查：",
            Label::CapsHeading => "上限（依次适用）：",
            Label::ReasonHeading => "理由：",
            Label::FigureInRules => "见规则",
        }
    }

    fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Reading => "读取",
            Stage::Deciding => "计算",
            Stage::Writing => "写出",
        }
    }

    fn separator(&self, sep: Sep) -> &'static str {
        match sep {
            Sep::Parts => "；",
            Sep::List => "、",
        }
    }

    fn basis(&self, policy: &Policy, basis: &Basis, computed: Decimal, short: Figures) -> String {
        let total = short(computed);
        match basis {
            Basis::Fixed {
                amount,
                quantity: 1,
            } => format!("定额 {}", short(*amount)),
            Basis::Fixed { amount, quantity } => {
                format!("每件 {} × {quantity} 件 = {total}", short(*amount))
            }
            Basis::Percent { base, rate } => {
                format!("{} × {} = {total}", short(*base), percent(*rate))
            }
            Basis::Approved { amount } => format!("核定金额 {}", short(*amount)),
            Basis::Floor {
                amount: None,
                minimum,
                ..
            } => format!("未填金额，按最低 {}", short(*minimum)),
            Basis::Floor {
                amount: Some(a),
                minimum,
                raised: true,
            } => format!("申报 {}，不低于 {}，按 {total}", short(*a), short(*minimum)),
            Basis::Floor {
                amount: Some(_),
                minimum,
                raised: false,
            } => format!("核定金额 {total}（不低于 {}）", short(*minimum)),
            Basis::Matching { base, ratio } => {
                format!("按 1:{} 配套 {} = {total}", short(*ratio), short(*base))
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
                    .map(|f| f.label(ZH).to_string())
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
                        format!("按 1:{} 配套 {scaled} = {total}", short(*ratio))
                    }
                    other => self.basis(policy, other, computed, short),
                };
                format!(
                    "{rule}（{name} {} 超过 {}，按 {}/{} 计）",
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
                "项目“{}”每年最多资助 {limit} 件：已资助 {} 件，剩余 {left} 件",
                policy.item(*item).name.zh,
                short(step.used)
            ),
            Cap::RefsPaid { item, paid } => format!(
                "编号 {} 此前已获资助（{}），项目“{}”每个编号仅资助一次：核减 {} 件 {}",
                paid_refs(paid),
                crate::report::payers(paid).join("、"),
                policy.item(*item).name.zh,
                paid.len(),
                short(step.before - step.after),
            ),
            Cap::Quota {
                item,
                overflow,
                rank,
                taken_before,
            } => {
                let earlier = if *taken_before > 0 {
                    format!("往期已占 {taken_before} 个，")
                } else {
                    String::new()
                };
                format!(
                    "项目“{}”{}每年不超过 {limit} 个：{earlier}本批排名第 {rank}，名额已满，按“{}”资助 {}",
                    policy.item(*item).name.zh,
                    policy.wording.area,
                    policy.item(*overflow).name.zh,
                    short(step.after)
                )
            }
            Cap::ProjectMax { of, .. } => match of {
                crate::engine::MaxOf::Project => format!("单项最高 {limit}"),
                crate::engine::MaxOf::Claim => format!("每笔最高 {limit}"),
                crate::engine::MaxOf::Band(n) => format!("第 {n} 档每笔最高 {limit}"),
            },
            Cap::ItemLifetime { item } => format!(
                "项目“{}”累计上限 {limit}（本办法有效期内）：剩余 {left}",
                policy.item(*item).name.zh
            ),
            Cap::ItemAnnual { item } => {
                format!(
                    "项目“{}”年度上限 {limit}：剩余 {left}",
                    policy.item(*item).name.zh
                )
            }
            Cap::ClauseAnnual { clause } => format!(
                "{}年度上限 {limit}：剩余 {left}",
                policy.clauses[usize::from(*clause)].cited()
            ),
            Cap::HigherAward { .. } => format!(
                "按最高奖项奖励，不重复奖励：同一编号已获 {}，按 {limit} 补差 {}",
                short(step.used),
                short(step.after)
            ),
            Cap::PerRef { item } => format!(
                "项目“{}”同一编号最多资助 {limit} 个：已资助 {} 个，剩余 {left} 个",
                policy.item(*item).name.zh,
                short(step.used)
            ),
            Cap::RefLimit { group } => format!(
                "{}合计同一编号最多资助 {limit} 个：已资助 {} 个，剩余 {left} 个",
                super::rules::ref_limit_items(policy, *group),
                short(step.used)
            ),
            Cap::MeasureAnnual { of_type } => format!(
                "同一申请人{}年度资助总额上限 {limit}{}：剩余 {left}",
                super::rules::measure_type(policy, *of_type),
                measure_except(policy)
            ),
        }
    }

    fn rejection(&self, policy: &Policy, claim: &Claim, why: &Rejection) -> String {
        match why {
            Rejection::OutsideValidity => format!(
                "日期 {} 不在政策有效期 {} 至 {} 内{}",
                claim.date,
                policy.valid_from,
                policy.valid_until,
                policy
                    .validity_note
                    .as_ref()
                    .map(|n| format!("；{}", n.zh))
                    .unwrap_or_default()
            ),
            Rejection::OtherCitySupport => policy.wording.exclusion.clone().unwrap_or_else(|| {
                format!(
                    "同一项目已获{}其它政策扶持，不再享受本办法资助",
                    policy.wording.level
                )
            }),
            Rejection::ApplicantType { allowed } => {
                let written = policy.type_label(claim.applicant_type, ZH).to_string();
                format!(
                    "申请人类型“{written}”不符，本项目限：{}",
                    who(policy, *allowed, ZH)
                )
            }
            Rejection::MissingTag { any_of } => format!(
                "须具备以下资格之一：{}{}",
                crate::report::tag_names(policy, *any_of, ZH),
                claim
                    .unknown_tags
                    .as_ref()
                    .map(|t| format!("（未识别的资格：{}）", t.join("、")))
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
                    .map(|f| f.label(ZH).to_string())
                    .unwrap_or_default();
                match actual {
                    Some(a) => format!("{name}为 {}，低于要求的 {}", short(*a), short(*minimum)),
                    None => format!("未填写{name}（要求至少 {}）", short(*minimum)),
                }
            }
            Rejection::QuantityBelow { minimum, actual } => {
                format!("数量 {actual} 未达到 {minimum} 件的门槛")
            }
            Rejection::OutOfRange(broken) => super::rules::out_of_range(policy, broken),
            Rejection::QuotaFull(no_place) => super::rules::quota_full(policy, no_place),
            Rejection::ClaimInLedger => "申报编号已在往期拨付表中，不再重复处理".to_string(),
            Rejection::RefPaid { by } => format!("重复申报：同一项目同一编号已由 {by} 获资助"),
            Rejection::RefsPaid { refs } => format!(
                "重复申报：所列编号均已获资助（{}）",
                refs.iter()
                    .map(|(r, by)| format!("{r} 由 {by}"))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            Rejection::ApplicantRefPaid { by } => {
                format!("重复申报：该申请人已就同一编号获资助（{by}）")
            }
            Rejection::ApplicantPaid { by } => format!("该申请人已获此项资助（{by}），仅资助一次"),
            Rejection::ItemYearPaid { by } => format!("该申请人本年度已获此项资助（{by}）"),
            Rejection::ClauseYearPaid { clause, by } => format!(
                "{}每个申请人每年只资助一项，本年度已资助（{by}）",
                policy.clauses[usize::from(*clause)].cited()
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
                "日期在有效期 {} 至 {} 内",
                policy.valid_from, policy.valid_until
            ),
            Check::OtherCitySupport => format!("未获{}其它政策扶持", policy.wording.level),
            Check::ApplicantType => format!(
                "申请人类型 {} 可以申报（限：{}）",
                policy.type_label(claim.applicant_type, ZH),
                who(policy, item.applicants, ZH)
            ),
            Check::Tags => format!(
                "具备资格：{}",
                crate::report::tag_names(
                    policy,
                    crate::policy::TagSet(claim.tags.0 & item.tags_any.0),
                    ZH
                )
            ),
            Check::Fact(f) => crate::report::fact_line(policy, claim, f, ZH),
            Check::FactWindow(f) => super::rules::window_passed(policy, claim, f),
            Check::FactOneOf(f) => super::rules::one_of_passed(policy, claim, f),
            Check::MinQuantity => format!(
                "数量 {} 达到门槛 {}",
                claim.quantity,
                item.min_quantity.unwrap_or(0)
            ),
            Check::Range(on) => super::rules::in_range(policy, claim, on),
            Check::LedgerClaimId => "申报编号不在往期拨付表中".to_string(),
            Check::Unique => match item.unique {
                Unique::Ref if matches!(claim.refs, Refs::PerUnit(_)) => {
                    "所列编号并非全部此前已获资助（已获资助的见下方核减）"
                }
                Unique::Ref => "同一项目同一编号此前未获资助",
                Unique::ApplicantRef => "该申请人此前未就同一编号获资助",
                Unique::ApplicantYear => "该申请人本年度未获此项资助",
                Unique::Applicant | Unique::None => "该申请人此前未获此项资助（仅资助一次）",
            }
            .to_string(),
            Check::ClauseOneAward => format!(
                "本年度未获{}其他资助（每年一项）",
                policy.clause_of(claim.item).cited()
            ),
            Check::EarlierAward => format!(
                "本申请人此前已获“{}”资助（本项目须以此为前提）",
                policy
                    .item(claim.item)
                    .requires
                    .map_or("", |i| policy.item(i).name.zh.as_str())
            ),
        }
    }

    fn cap_line(&self, policy: &Policy, step: &CapStep) -> String {
        let g = short_grouped;
        let arrow = format!("应付 {} → {}", g(step.before), g(step.after));
        let head = match &step.cap {
            Cap::ItemLifetime { item } => format!(
                "项目“{}”累计上限 {}（本办法有效期内）",
                policy.item(*item).name.zh,
                g(step.limit)
            ),
            Cap::ItemAnnual { item } => format!(
                "项目“{}”年度上限 {}",
                policy.item(*item).name.zh,
                g(step.limit)
            ),
            Cap::ClauseAnnual { clause } => format!(
                "{}年度上限 {}",
                policy.clauses[usize::from(*clause)].cited(),
                g(step.limit)
            ),
            Cap::PerRef { item } => format!(
                "项目“{}”同一编号最多资助 {} 个",
                policy.item(*item).name.zh,
                step.limit.normalize()
            ),
            Cap::RefLimit { group } => format!(
                "{}合计同一编号最多资助 {} 个",
                super::rules::ref_limit_items(policy, *group),
                step.limit.normalize()
            ),
            Cap::MeasureAnnual { of_type } => format!(
                "同一申请人{}年度资助总额上限 {}{}",
                super::rules::measure_type(policy, *of_type),
                g(step.limit),
                measure_except(policy)
            ),
            Cap::Quantity { item, .. } => format!(
                "项目“{}”每年最多资助 {} 件",
                policy.item(*item).name.zh,
                step.limit.normalize()
            ),
            Cap::Quota { .. }
            | Cap::ProjectMax { .. }
            | Cap::RefsPaid { .. }
            | Cap::HigherAward { .. } => {
                return format!("{}；{arrow}", self.cap_step(policy, step));
            }
        };
        let show = crate::report::room_figures(step);
        let mut users: Vec<String> = step
            .users
            .iter()
            .take(NAMED_USERS)
            .map(|(id, used)| format!("{id}（{}）", show(*used)))
            .collect();
        if step.users.len() > NAMED_USERS {
            users.push(format!("等共 {} 笔", step.users.len()));
        }
        let used = if users.is_empty() {
            format!("已用 {}", show(step.used))
        } else {
            format!("{} 已用去 {}", users.join("、"), show(step.used))
        };
        format!("{head}：{used}；剩余 {}；{arrow}", show(step.left()))
    }

    fn derivation_head(&self, policy: &Policy, d: &Derivation) -> String {
        let mut out = String::new();
        let claim = d.claim;
        let item = policy.item(claim.item);
        let clause = policy.clause_of(claim.item);
        let kind = policy.type_label(claim.applicant_type, ZH);
        match d.dry_run {
            Some(_) => {
                let _ = writeln!(&mut out, "== 试算：{} · {kind} ==", item.name.zh);
                if !d.applicant.id.is_empty() {
                    let _ = writeln!(&mut out, "申请人：{}", d.applicant.id);
                }
            }
            None => {
                let _ = writeln!(&mut out, "== 申报 {} ==", claim.claim_id);
                let who = if d.applicant.name.is_empty() {
                    d.applicant.id.to_string()
                } else {
                    format!("{}（{}）", d.applicant.name, d.applicant.id)
                };
                let _ = writeln!(&mut out, "申请人：{who} · {kind}");
            }
        }
        let _ = writeln!(
            &mut out,
            "日期：{}（{} 年度）",
            claim.date,
            claim.date.year()
        );
        let _ = writeln!(&mut out, "条款：{} {}", clause.label(), clause.title(ZH));
        let _ = writeln!(&mut out, "  原文：“{}”", clause.source);
        let _ = writeln!(&mut out, "项目：{} {}", item.id, item.name(ZH));
        if let Some(source) = &item.source {
            let _ = writeln!(&mut out, "  依据：“{source}”");
        }
        out
    }

    fn not_checked(&self, check: Check, ledger_given: bool) -> &'static str {
        match (check, ledger_given) {
            (Check::Unique, true) => "未核对同一编号是否已获资助（未给出 --ref）",
            (Check::Unique, false) => "未核对此前是否已获资助（未给出 --ledger 往期拨付表）",
            (Check::ClauseOneAward, _) => "未核对本年度是否已获本条其他资助（未给出 --ledger）",
            (Check::EarlierAward, _) => "未核对本项目所要求的此前资助（未给出 --ledger）",
            _ => "未核对",
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
                "项目“{}”{}每年不超过 {per_year} 个：本年度 {candidates} 个候选争 {places_left} 个剩余名额，其中 {missing} 个未评分，排名无法确定；请受理窗口评分后重新运行本批",
                policy.item(*item).name.zh,
                policy.wording.area
            ),
            Undecided::Tie {
                item,
                per_year,
                places_left,
                score,
                tied,
                first_place,
            } => format!(
                "项目“{}”{}每年不超过 {per_year} 个：{tied} 个候选同为 {} 分，争第 {first_place} 至第 {places_left} 个名额，跨越名额线；请受理窗口决定后重新运行本批",
                policy.item(*item).name.zh,
                policy.wording.area,
                score.normalize()
            ),
        }
    }

    fn ranking_deferred(&self, policy: &Policy, quota: &crate::policy::Quota) -> String {
        let rest = if quota.refuse_rest {
            "不予资助".to_string()
        } else {
            format!("按“{}”资助", policy.item(quota.overflow).name.zh)
        };
        format!(
            "○ {}每年 {} 个名额由批量计算按评分排定，试算不排名：以下按获得名额计；未获名额的{rest}",
            policy.wording.area,
            quota.per_year
        )
    }

    fn derivation_result(&self, outcome: &Outcome) -> String {
        format!(
            "结果：{}（{}） · 核定 {} · 拨付 {} · 核减 {}",
            outcome.status.as_str(),
            self.status(outcome.status),
            yuan(outcome.computed),
            yuan(outcome.payable),
            yuan(outcome.cut()),
        )
    }

    fn totals(&self, t: &Tally) -> String {
        let n = |s| t.count(s);
        format!(
            "合计：输入 {} 行 = 全额 {} + 封顶 {} + 驳回 {} + 人工 {} + 无效 {}；核定 {} = 拨付 {} + 核减 {}",
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
        format!("注意：《{}》为征求意见稿，以下金额均为暂定。", policy.title)
    }

    fn rule(&self, policy: &Policy, rule: &Rule) -> String {
        match rule {
            Rule::Tags(tags) => format!(
                "须为：{}",
                crate::report::tag_names_joined(policy, *tags, ZH, " / ")
            ),
            Rule::FactWithin { fact, window } => super::rules::window_rule(policy, *fact, *window),
            Rule::FactOneOf { fact, codes } => super::rules::one_of_rule(policy, *fact, codes),
            Rule::FactAtLeast { fact, minimum } => format!(
                "{} ≥ {}",
                policy.facts[usize::from(*fact)].label(ZH),
                minimum.normalize()
            ),
            Rule::QuantityAtLeast(m) => format!("数量 ≥ {m}"),
            Rule::Unique(unique) => match unique {
                Unique::None => "",
                Unique::Ref => "同一编号只资助一次",
                Unique::ApplicantRef => "每个申请人同一编号一次",
                Unique::Applicant => "每个申请人一次",
                Unique::ApplicantYear => "每个申请人每年一次",
            }
            .to_string(),
            Rule::QuantityCap {
                who: set,
                max_per_year,
            } => format!("{}每年最多 {max_per_year} 件", who(policy, *set, ZH)),
            Rule::QuotaOnly { per_year } => {
                format!("{}每年 {per_year} 个，超出不予资助", policy.wording.area)
            }
            Rule::Quota { per_year, overflow } => format!(
                "{}每年 {per_year} 个，超出按“{}”资助",
                policy.wording.area,
                policy.item(*overflow).name.zh
            ),
            Rule::ItemCap(cap) => format!("项目年度上限 {}", short_grouped(*cap)),
            Rule::ItemLifetimeCap(cap) => {
                format!("项目累计上限 {}（本办法有效期内）", short_grouped(*cap))
            }
            Rule::ClauseCap(cap) => format!("条款年度上限 {}（同条款合计）", short_grouped(*cap)),
            Rule::ClauseOneAward => "条款内每年一项".to_string(),
            Rule::Range { on, range } => format!(
                "{} {}",
                super::rules::measured(policy, *on),
                super::rules::range(range)
            ),
            Rule::Tiers { on, bands, percent } => super::rules::tiers(policy, *on, bands, *percent),
            Rule::ByType { table, percent } => super::rules::by_type(policy, table, *percent),
            Rule::PerRef(n) => super::rules::per_ref(*n),
            Rule::BasePeriod { fact, max } => format!(
                "{}超过 {} 的，基数按 {}/期限 计",
                policy.facts[usize::from(*fact)].label(ZH),
                max.normalize(),
                max.normalize()
            ),
            Rule::RefLimit(g) => format!(
                "{}合计同一编号最多资助 {} 个",
                super::rules::ref_limit_items(policy, *g),
                policy
                    .ref_limits
                    .get(usize::from(*g))
                    .map_or(0, |l| l.max_units)
            ),
            Rule::Requires(i) => format!("须此前已获“{}”资助", policy.item(*i).name.zh),
            Rule::AwardGroup(g) => super::rules::award_group(policy, *g),
            Rule::ClaimMax(max) => format!("每笔最高 {}", short_grouped(*max)),
            Rule::MeasureCap { annual, by_type } => {
                super::rules::measure_cap(policy, *annual, by_type)
            }
        }
    }

    fn catalogue_footer(&self, policy: &Policy) -> String {
        format!(
            "共 {} 条、{} 个项目；有效期 {} 至 {}（含）",
            policy.clauses.len(),
            policy.items.len(),
            policy.valid_from,
            policy.valid_until
        )
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Rows { rows, per_second } => format!("{rows} 行，每秒 {per_second} 行"),
            Notice::RankingUnsettled { passes } => format!("本批名额排名经 {passes} 轮仍未稳定，以最后一轮为准；请受理窗口核对名额内的申报"),
            Notice::LangIgnored { value } => format!("环境变量 SUBSIDY_LANG=“{value}”不是本工具支持的语言（zh、en），已忽略"),
            Notice::NoLedgerGiven => "未给出 --ledger：未核对此前的拨付，年度上限的已用额度按零计。".to_string(),
            Notice::KeyChanged { .. } => key_changed(notice),
            Notice::QuotaUndecided { ids } => format!(
                "名额排名未定，以下申报转人工、本次不予拨付：{}；请评分或决定后重新运行本批",
                ids.join("、")
            ),
            Notice::InputStopped { path, stop } => {
                let line = stop.line();
                match stop {
                    Stop::FieldBytes { limit, .. } => format!(
                        "{path}:{line}: 单元格超过 {limit} 字节的上限，文件未读取（可用 --max-field-bytes 调高）"
                    ),
                    Stop::RecordBytes { limit, .. } => format!(
                        "{path}:{line}: 一行超过 {limit} 字节的上限，文件未读取（可用 --max-record-bytes 调高）"
                    ),
                    Stop::Rows { limit, .. } => format!(
                        "{path}:{line}: 超过 {limit} 行的上限，文件未读取（可用 --max-rows 调高）"
                    ),
                    Stop::UnclosedQuote { .. } => format!(
                        "{path}:{line}: 此处开始的引号（\"）直到文件末尾都没有闭合，其后各行会被并入一个单元格；文件未读取"
                    ),
                    Stop::Unpacked { limit } => format!(
                        "{path}: 工作簿解压后超过 {limit} 字节，远超任何申报表所需；文件未读取"
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
            Notice::DryRun => "试算：不写入任何文件。".to_string(),
            Notice::NoRefGiven => "未给出 --ref：无法检查同一编号是否已获资助。".to_string(),
            Notice::CannotRead { path, source } => format!("{path}: 无法读取：{source}"),
            Notice::CannotWrite { path, source } => cannot_write(path, source),
            Notice::BookCannotHold { limit } => book_cannot_hold(*limit),
            Notice::OutIsInput { out, input } => format!(
                "--out {out} 就是本次运行要读取的文件 {input}：写入会覆盖输入；未读取也未写入任何文件（请另选 --out）"
            ),
            Notice::Strict { file, invalid } => {
                format!("{file}: 有 {invalid} 行数据无效（--strict），未输出任何结果")
            }
            Notice::NoClaimsOfApplicant { file, applicant } => {
                format!("{file}：没有申请人 {applicant} 的申报")
            }
            Notice::NoSuchClaims { file, ids } => {
                format!("{file}：没有申报编号 {}", ids.join("、"))
            }
            Notice::UnknownFact { id, known } => format!(
                "政策未声明事实“{id}”（可用：{}），写法 --fact ID=VALUE",
                known.join("、")
            ),
            Notice::InvalidClaim {
                id,
                file,
                line,
                reason,
            } => format!(
                "== 申报 {id} ==\n{file}第 {line} 行：数据无效（invalid），不参与计算\n理由：{reason}\n"
            ),
        }
    }
}

/// The clauses and items the whole-measure cap leaves out: `（第（九）条、
/// 项目“专利奖”除外）`, or nothing.
fn measure_except(policy: &Policy) -> String {
    let Some(cap) = &policy.measure_cap else {
        return String::new();
    };
    let clauses = cap
        .except_clauses
        .iter()
        .filter_map(|n| policy.find_clause(*n))
        .map(|c| c.cited());
    let items = cap
        .excluded
        .iter()
        .filter(|i| !cap.except_clauses.contains(&policy.clause_of(**i).number))
        .map(|i| format!("项目“{}”", policy.item(*i).name.zh));
    let named: Vec<String> = clauses.chain(items).collect();
    if named.is_empty() {
        String::new()
    } else {
        format!("（{}除外）", named.join("、"))
    }
}

fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// `ZL1、ZL2`: the references already paid.
fn paid_refs(paid: &[(Box<str>, Box<str>)]) -> String {
    paid.iter()
        .map(|(r, _)| r.as_ref())
        .collect::<Vec<_>>()
        .join("、")
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
            "按最高奖项奖励，不重复奖励：同一编号已获 {}（{by}），不低于本项奖励，不再奖励",
            short(*paid)
        ),
        Rejection::EarlierAwardMissing { item } => format!(
            "须本申请人此前已获“{}”资助，本批、往期拨付及台账中均无记录",
            policy.item(*item).name.zh
        ),
        Rejection::Candidacy { by } => format!(
            "项目“{}”每个申请人每年只参评一次，本年度已以 {by} 参评",
            policy.item(claim.item).name.zh
        ),
        _ => String::new(),
    }
}

/// Why an output could not be written; a FIFO's reader that left early
/// in words, since the system's are of no help there.
fn cannot_write(path: &str, source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::BrokenPipe => {
            format!("{path}: 无法写入：读取方在写完之前关闭了它，已读到的内容不完整")
        }
        _ => format!("{path}: 无法写入：{source}"),
    }
}

/// Why an `--out` workbook cannot be made.
fn book_cannot_hold(limit: crate::words::BookLimit) -> String {
    match limit {
        crate::words::BookLimit::RowsOrColumns => {
            "工作簿的一张表最多 1,048,576 行、16,384 列，本次内容超出；请输出为 .csv".to_string()
        }
        crate::words::BookLimit::CellText => {
            "工作簿的一个单元格最多 32,767 个字符，本次有单元格超出；请输出为 .csv".to_string()
        }
        crate::words::BookLimit::Other(why) => format!("无法生成工作簿：{why}"),
    }
}

/// The rows above the header row, in one note.
fn above_header(path: &str, line: u64, rows: &[(u64, String)]) -> String {
    let rows: Vec<String> = (rows.iter())
        .map(|(n, text)| format!("第 {n} 行“{text}”"))
        .collect();
    format!(
        "{path}:{line}: 提示：表头在第 {line} 行；其上的行不是申报，未读取：{}",
        rows.join("；")
    )
}

/// A totals row, with each sum it holds checked against the rows.
fn totals_row(path: &str, line: u64, sums: &[crate::claims::TotalSum]) -> String {
    let mut said = format!("{path}:{line}: 提示：第 {line} 行是合计行，不作为申报读取");
    for sum in sums {
        let name = sum.column.chinese_names().first().copied().unwrap_or("");
        let written = short_grouped(sum.written);
        match sum.rows {
            Some(rows) if rows == sum.written => {
                let _ = write!(said, "；{name}合计 {written} 与各行之和相符");
            }
            Some(rows) => {
                let _ = write!(
                    said,
                    "；注意：{name}合计 {written} 与各行之和 {} 不符，请核对",
                    short_grouped(rows)
                );
            }
            None => {
                let _ = write!(
                    said,
                    "；各行{name}中有非数字，{name}合计 {written} 无法核对"
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
        } => {
            format!("{path}:{line}: 提示：本工具不使用的列，原样带入拨付表：{}", columns.join("、"))
        }
        Notice::UnknownTag {
            file,
            line,
            tag,
            known,
        } => format!("{file}:{line}: column tags: 资格“{tag}”不是政策中的资格，不予计入（可用：{known}）"),
        Notice::TwoNames {
            file,
            line,
            id,
            first,
            second,
        } => format!(
            "{file}:{line}: column applicant_name: 申请人 {id} 在本批中有两个名称：“{first}”与“{second}”，请核对"
        ),
        Notice::AboveHeader { path, line, rows } => above_header(path, *line, rows),
        Notice::TotalsRow { path, line, sums } => totals_row(path, *line, sums),
        Notice::ItemByPart {
            file,
            line,
            written,
            id,
            name,
        } => format!("{file}:{line}: 提示：资助项目“{written}”是“{name}”（{id}）名称的一部分，按该项目计算；每一行的理由都注明了"),
        Notice::DateSerials {
            file,
            line,
            serial,
            date,
            count,
        } => format!("{file}:{line}: 提示：有 {count} 行的日期填的是电子表格的日期序号（如 {serial} 即 {date}），已按日期读取；每一行的理由都注明了"),
        Notice::MoreLikeThis { count, in_reasons } => format!(
            "……另有 {} 条同类提示未列出{}",
            short_grouped(Decimal::from(*count)),
            if *in_reasons { "；每一行的理由都写明了" } else { "" }
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
        "{file}:{line}: column {column}: “{written}”含有表格中看不见的字符（或同一字符的另一种写法），按“{key}”比对；本列只提示第一处"
    )
}
