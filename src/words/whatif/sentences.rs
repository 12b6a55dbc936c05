//! The what-if family's sentences, written once for every language, the
//! words side by side.

use rust_decimal::Decimal;

use super::WhatIfWords;
use crate::money::{grouped, plain};
use crate::whatif::review::RejectionKind;
use crate::whatif::{
    factor_shown, overrides_list, FigureKind, Override, WhatIfError, WhatIfFact, WhatIfLabel,
    WhatIfTopic,
};
use crate::words::side_by_side::{examples, list_sep, pick, say, Language};
use crate::words::Lang;

/// Between the figures changed for a run.
fn sep(l: Lang) -> &'static str {
    pick!(l, zh: "；", en: "; ")
}

impl<L: Language> WhatIfWords for L {
    fn rejection_kind(&self, kind: RejectionKind) -> &'static str {
        let l = L::LANG;
        match kind {
            RejectionKind::OutsideValidity => {
                pick!(l, zh: "不在政策有效期内", en: "outside the policy's validity")
            }
            RejectionKind::OtherCitySupport => {
                pick!(l, zh: "已获同级其它政策扶持", en: "other support of the same level")
            }
            RejectionKind::ApplicantType => {
                pick!(l, zh: "申请人类型不符", en: "applicant type not allowed")
            }
            RejectionKind::MissingTag => {
                pick!(l, zh: "不具备所需资格", en: "a required tag missing")
            }
            RejectionKind::FactBelow => {
                pick!(l, zh: "条件未达到要求", en: "a required fact below its minimum")
            }
            RejectionKind::QuantityBelow => {
                pick!(l, zh: "数量未达到门槛", en: "quantity below the threshold")
            }
            RejectionKind::OutOfRange => {
                pick!(l, zh: "不在规定范围内", en: "outside the range allowed")
            }
            RejectionKind::QuotaFull => {
                pick!(l, zh: "名额已满", en: "no place left under the quota")
            }
            RejectionKind::ClaimInLedger => {
                pick!(l, zh: "申报编号已在往期拨付表中", en: "claim_id already in a ledger")
            }
            RejectionKind::RefPaid => {
                pick!(l, zh: "同一编号已获资助", en: "the same reference already paid")
            }
            RejectionKind::RefsPaid => {
                pick!(l, zh: "所列编号均已获资助", en: "every reference already paid")
            }
            RejectionKind::ApplicantRefPaid => pick!(l,
                zh: "该申请人已就同一编号获资助",
                en: "the same reference already paid to the applicant"),
            RejectionKind::ApplicantPaid => {
                pick!(l, zh: "每个申请人仅资助一次", en: "once per applicant")
            }
            RejectionKind::ItemYearPaid => {
                pick!(l, zh: "每个申请人每年一次", en: "once per applicant a year")
            }
            RejectionKind::ClauseYearPaid => pick!(l,
                zh: "同条款每个申请人每年一项",
                en: "one award of the clause per applicant a year"),
            RejectionKind::OutsideWindow => {
                pick!(l, zh: "不在规定期限内申报", en: "not within the window after a date")
            }
            RejectionKind::FactNotAllowed => {
                pick!(l, zh: "条件不符", en: "a fact not one of the values allowed")
            }
            RejectionKind::HigherAwardPaid => {
                pick!(l, zh: "已获更高奖项", en: "a higher award already paid")
            }
            RejectionKind::EarlierAwardMissing => pick!(l,
                zh: "无所需的此前资助记录",
                en: "the earlier award required not recorded"),
            RejectionKind::Candidacy => {
                pick!(l, zh: "每个申请人每年只参评一次", en: "one candidacy per applicant a year")
            }
        }
    }

    fn rejection_group(&self, item: &str, rule: &str) -> String {
        say!(L::LANG, zh: "{item}：{rule}"; en: "{item}: {rule}")
    }

    fn rejection_marks(&self) -> &'static [(RejectionKind, &'static str)] {
        pick!(L::LANG, zh: ZH_MARKS, en: EN_MARKS)
    }

    fn whatif_label(&self, label: WhatIfLabel) -> &'static str {
        let l = L::LANG;
        match label {
            WhatIfLabel::Base => pick!(l, zh: "基准", en: "baseline"),
            WhatIfLabel::Alt => pick!(l, zh: "方案", en: "alternative"),
            WhatIfLabel::Difference => pick!(l, zh: "差额", en: "difference"),
            WhatIfLabel::Total => pick!(l, zh: "合计", en: "total"),
            WhatIfLabel::Clause => pick!(l, zh: "条款", en: "clause"),
            WhatIfLabel::Title => pick!(l, zh: "名称", en: "title"),
            WhatIfLabel::ApplicantId => pick!(l, zh: "申请人代码", en: "applicant id"),
            WhatIfLabel::ApplicantName => pick!(l, zh: "申请人名称", en: "applicant name"),
            WhatIfLabel::ClaimId => pick!(l, zh: "申报编号", en: "claim id"),
            WhatIfLabel::Key => pick!(l, zh: "数字", en: "figure"),
            WhatIfLabel::CostByClause => pick!(l, zh: "按条款的拨付金额", en: "Payable by clause"),
            WhatIfLabel::TopApplicants => pick!(l,
                zh: "拨付变化最大的申请人（前 20 名）",
                en: "Applicants whose payout changes most (top 20)"),
            WhatIfLabel::StatusChanges => {
                pick!(l, zh: "状态改变的申报", en: "Claims whose status changes")
            }
            WhatIfLabel::PolicyDiff => pick!(l,
                zh: "两份政策文件中不同的数字",
                en: "Figures that differ between the two policy files"),
            WhatIfLabel::Rows => pick!(l, zh: "笔数", en: "rows"),
            WhatIfLabel::Computed => pick!(l, zh: "核定金额", en: "computed"),
            WhatIfLabel::Payable => pick!(l, zh: "拨付金额", en: "payable"),
            WhatIfLabel::Cut => pick!(l, zh: "核减金额", en: "cut"),
            WhatIfLabel::ByClause => pick!(l, zh: "按条款", en: "By clause"),
            WhatIfLabel::ByApplicantType => pick!(l, zh: "按申请人类型", en: "By applicant type"),
            WhatIfLabel::ByMonth => pick!(l, zh: "按月份", en: "By month"),
            WhatIfLabel::ByBatch => pick!(l, zh: "按批次", en: "By batch"),
            WhatIfLabel::RejectedByReason => pick!(l,
                zh: "驳回的申报（按驳回规则计数）",
                en: "Rejected claims, counted by the rule that rejected them"),
            WhatIfLabel::Reason => pick!(l, zh: "理由", en: "reason"),
            WhatIfLabel::Batch => pick!(l, zh: "批次", en: "batch"),
            WhatIfLabel::Month => pick!(l, zh: "月份", en: "month"),
            WhatIfLabel::ApplicantType => pick!(l, zh: "申请人类型", en: "applicant type"),
            WhatIfLabel::Unscaled => pick!(l, zh: "调整前", en: "unscaled"),
            WhatIfLabel::Factor => pick!(l, zh: "系数", en: "factor"),
            WhatIfLabel::Absent => pick!(l, zh: "（无）", en: "(none)"),
            WhatIfLabel::Refiled => {
                pick!(l, zh: "再次申报，未重复计入", en: "filed again, not counted twice")
            }
            WhatIfLabel::SummarySheet => pick!(l, zh: "汇总", en: "Summary"),
            WhatIfLabel::ApplicantsSheet => pick!(l, zh: "拨付变化的申请人", en: "Applicants"),
            WhatIfLabel::FiguresSheet => pick!(l, zh: "不同的数字", en: "Figures that differ"),
            WhatIfLabel::RejectedSheet => pick!(l, zh: "驳回理由", en: "Rejections by reason"),
            WhatIfLabel::PolicyFile => pick!(l, zh: "政策文件", en: "policy file"),
            WhatIfLabel::SetForRun => pick!(l, zh: "本次临时改动", en: "changed for this run"),
            WhatIfLabel::Fund => pick!(l, zh: "资金总额", en: "fund"),
            WhatIfLabel::Left => pick!(l, zh: "剩余", en: "left"),
            WhatIfLabel::ShareUsed => pick!(l, zh: "使用比例", en: "share used"),
            WhatIfLabel::BaseAgainstAlt => pick!(l,
                zh: "各条款拨付金额：基准与方案",
                en: "Payable by clause: baseline and alternative"),
            WhatIfLabel::PayableByMonth => pick!(l, zh: "各月拨付金额", en: "Payable by month"),
            WhatIfLabel::Yuan => pick!(l, zh: "金额（元）", en: "amount (yuan)"),
        }
    }

    fn whatif_fact(&self, fact: &WhatIfFact) -> String {
        let l = L::LANG;
        match fact {
            WhatIfFact::Overrides { overrides } => {
                let list = overrides_list(overrides, sep(l));
                say!(l,
                    zh: "本次试算临时改动了政策数字（文件未改）：{list}";
                    en: "this run changed figures of the policy (the file is unchanged): {list}")
            }
            WhatIfFact::WithinFund { payable, fund } => {
                let (fund, payable) = (grouped(*fund), grouped(*payable));
                say!(l,
                    zh: "资金总额 ¥{fund}：拨付合计 ¥{payable} 未超出，不作调整。";
                    en: "fund ¥{fund}: the total payable ¥{payable} is within it; nothing is scaled.")
            }
            WhatIfFact::Scaled {
                fund,
                unscaled,
                priority,
                factor,
            } => {
                let first = match priority.is_zero() {
                    true => String::new(),
                    false => say!(l,
                        zh: "优先条款全额拨付 ¥{}；其余", grouped(*priority);
                        en: "priority clauses paid in full ¥{}; the rest, ", grouped(*priority)),
                };
                let (fund, unscaled, factor) =
                    (grouped(*fund), grouped(*unscaled), factor_shown(*factor));
                say!(l,
                    zh: "资金总额 ¥{fund}：{first}调整前 ¥{unscaled} 按系数 {factor} 同比例拨付，合计恰为资金总额。";
                    en: "fund ¥{fund}: {first}¥{unscaled} unscaled, scaled by {factor} so that the total is exactly the fund.")
            }
            WhatIfFact::ScaledReason {
                fund,
                factor,
                unscaled,
            } => {
                let (fund, factor, unscaled) =
                    (plain(*fund), factor_shown(*factor), plain(*unscaled));
                say!(l,
                    zh: "资金总额 {fund} 不足，按系数 {factor} 同比例拨付（调整前 {unscaled}）";
                    en: "fund {fund} too small: scaled by {factor} (unscaled {unscaled})")
            }
            WhatIfFact::FundUsed { payable, fund } => fund_used(l, *payable, *fund),
            WhatIfFact::Sides {
                base,
                base_overrides,
                alt,
                alt_overrides,
            } => {
                let side = |name: &str, o: &[Override]| match o {
                    [] => name.to_string(),
                    _ => {
                        let list = overrides_list(o, sep(l));
                        say!(l, zh: "{name}（临时改动：{list}）"; en: "{name} (changed for this run: {list})")
                    }
                };
                let (base, alt) = (side(base, base_overrides), side(alt, alt_overrides));
                say!(l, zh: "基准：{base}\n方案：{alt}"; en: "baseline: {base}\nalternative: {alt}")
            }
            WhatIfFact::NoDifference => {
                pick!(l, zh: "两份文件的数字完全相同。", en: "The two files agree on every figure.")
                    .into()
            }
            WhatIfFact::NoStatusChange => {
                pick!(l, zh: "没有申报改变状态。", en: "No claim changes its status.").into()
            }
            WhatIfFact::NoPayoutChange => {
                pick!(l, zh: "没有申请人的拨付金额改变。", en: "No applicant's payout changes.")
                    .into()
            }
        }
    }

    fn whatif_examples(&self, topic: WhatIfTopic) -> &'static str {
        let l = L::LANG;
        match topic {
            WhatIfTopic::Compare => examples!(l,
                "subsidy compare samples/claims-2024.csv --alt-set clause.1.annual_cap=80000",
                "subsidy compare claims.csv --base policy/lianzhou-2024.toml --alt draft-2.toml --ledger payout-2024.csv",
                "subsidy compare claims.csv --alt draft-2.toml --out cost.csv",
                "subsidy compare claims.csv --alt draft-2.toml --out cost.xlsx",
            ),
            WhatIfTopic::Report => examples!(l,
                "subsidy report samples/ledger-2024.csv payout-2024.csv",
                "subsidy report payout-*.csv --budget 2000000",
                "subsidy report payout-*.csv --format csv --out review-2024.csv",
                "subsidy report payout-*.csv --budget 2000000 --out review-2024.xlsx",
            ),
            WhatIfTopic::PolicyDiff => examples!(l, "subsidy policy diff policy/lianzhou-2024.toml draft-2.toml"),
        }
    }

    fn whatif_error(&self, error: &WhatIfError) -> String {
        let l = L::LANG;
        match error {
            WhatIfError::SetWithoutValue { written } => say!(l,
                zh: "--set {written}：应写成 键=值，如 clause.1.annual_cap=80000";
                en: "--set {written}: write KEY=VALUE, e.g. clause.1.annual_cap=80000"),
            WhatIfError::UnknownKey { key, near } => {
                let near = near.join(list_sep(l));
                say!(l,
                    zh: "--set：政策文件中没有数字“{key}”；最接近的有：{near}";
                    en: "--set: the policy file has no figure `{key}`; the nearest are: {near}")
            }
            WhatIfError::WrongValue { key, value, kind } => {
                let kind = figure_kind(l, *kind);
                say!(l, zh: "--set {key}：“{value}”不是{kind}"; en: "--set {key}: `{value}` is not {kind}")
            }
            WhatIfError::BadBudget { written } => say!(l,
                zh: "--budget：“{written}”不是金额（如 1500000 或 150万）";
                en: "--budget: `{written}` is not an amount (e.g. 1500000)"),
            WhatIfError::UnknownClause { written } => say!(l,
                zh: "--budget-priority：政策中没有条款“{written}”";
                en: "--budget-priority: the policy has no clause `{written}`"),
            WhatIfError::PriorityOverFund { priority, fund } => {
                let (priority, fund) = (grouped(*priority), grouped(*fund));
                say!(l,
                    zh: "--budget-priority：优先条款合计 ¥{priority} 已超出资金总额 ¥{fund}，无法全额优先拨付";
                    en: "--budget-priority: the priority clauses alone need ¥{priority}, more than the fund ¥{fund}")
            }
            WhatIfError::LedgerColumns {
                file,
                sheet: None,
                missing,
            } => {
                let missing = missing.join(list_sep(l));
                say!(l,
                    zh: "{file}：不是本工具的拨付表，缺少列 {missing}";
                    en: "{file}: not a payout file of this tool; columns missing: {missing}")
            }
            WhatIfError::LedgerColumns {
                file,
                sheet: Some(sheet),
                missing,
            } => {
                let (missing, claims) = (
                    missing.join(list_sep(l)),
                    crate::payout_columns::BookSheet::Claims.name(),
                );
                say!(l,
                    zh: "{file}：工作表“{sheet}”不是本工具的拨付表（缺少列 {missing}）；本工具拨付工作簿的逐笔记录在工作表“{claims}”";
                    en: "{file}: sheet {sheet} is not a payout of this tool (columns missing: {missing}); the payout workbook's claims are on sheet {claims}")
            }
            WhatIfError::LedgerCell {
                file,
                line,
                cell: None,
                column,
                written,
            } => say!(l,
                zh: "{file}:{line}: column {column}: “{written}”无法读取";
                en: "{file}:{line}: column {column}: `{written}` cannot be read"),
            WhatIfError::LedgerCell {
                file,
                cell: Some(cell),
                column,
                written,
                ..
            } => say!(l,
                zh: "{file}：单元格 {cell}（{column} 列）：“{written}”不是金额";
                en: "{file}: cell {cell} (column {column}): `{written}` is not an amount"),
        }
    }
}

/// The fund, what was paid and what is left (or how far over).
fn fund_used(l: Lang, payable: Decimal, fund: Decimal) -> String {
    let left = fund - payable;
    let (fund, payable) = (grouped(fund), grouped(payable));
    if left.is_sign_negative() {
        let over = grouped(-left);
        say!(l, zh: "资金总额 ¥{fund}：已拨付 ¥{payable}，超出 ¥{over}"; en: "fund ¥{fund}: paid ¥{payable}, over by ¥{over}")
    } else {
        let left = grouped(left);
        say!(l, zh: "资金总额 ¥{fund}：已拨付 ¥{payable}，剩余 ¥{left}"; en: "fund ¥{fund}: paid ¥{payable}, ¥{left} left")
    }
}

/// What every reason of a kind says, whatever the claim, as the report
/// family words it; each list in the order the review tries them.
const ZH_MARKS: &[(RejectionKind, &str)] = &[
    (RejectionKind::OutsideWindow, " 内（截至 "),
    (RejectionKind::OutsideWindow, " 内申报"),
    (RejectionKind::FactNotAllowed, "”，须为“"),
    (RejectionKind::FactNotAllowed, "（须为“"),
    (RejectionKind::HigherAwardPaid, "不低于本项奖励，不再奖励"),
    (RejectionKind::EarlierAwardMissing, "须本申请人此前已获"),
    (RejectionKind::Candidacy, "每年只参评一次"),
    (RejectionKind::ClaimInLedger, "申报编号已在往期拨付表中"),
    (RejectionKind::RefsPaid, "所列编号均已获资助"),
    (
        RejectionKind::ApplicantRefPaid,
        "该申请人已就同一编号获资助",
    ),
    (RejectionKind::RefPaid, "同一项目同一编号已由"),
    (RejectionKind::ApplicantPaid, "，仅资助一次"),
    (RejectionKind::ItemYearPaid, "本年度已获此项资助"),
    (RejectionKind::ClauseYearPaid, "每个申请人每年只资助一项"),
    (RejectionKind::QuotaFull, "名额已满，不予资助"),
    (RejectionKind::OutsideValidity, "不在政策有效期"),
    (
        RejectionKind::OtherCitySupport,
        "其它政策扶持，不再享受本办法资助",
    ),
    (RejectionKind::ApplicantType, "”不符，本项目限："),
    (RejectionKind::MissingTag, "须具备以下资格之一："),
    (RejectionKind::QuantityBelow, "件的门槛"),
    (RejectionKind::FactBelow, "，低于要求的 "),
    (RejectionKind::FactBelow, "（要求至少 "),
    (RejectionKind::OutOfRange, "，须"),
    (RejectionKind::OutOfRange, "（须"),
];

const EN_MARKS: &[(RejectionKind, &str)] = &[
    (RejectionKind::OutsideWindow, ", not within "),
    (
        RejectionKind::OutsideWindow,
        "the claim must be dated within",
    ),
    (RejectionKind::FactNotAllowed, "\"; it must be "),
    (RejectionKind::FactNotAllowed, " not given (it must be "),
    (RejectionKind::HigherAwardPaid, "not less than this award"),
    (RejectionKind::EarlierAwardMissing, "paid only after item"),
    (
        RejectionKind::Candidacy,
        "takes one candidacy per applicant a year",
    ),
    (
        RejectionKind::ClaimInLedger,
        "this claim_id is already in a ledger",
    ),
    (
        RejectionKind::RefsPaid,
        "duplicate: every reference was already paid",
    ),
    (
        RejectionKind::ApplicantRefPaid,
        "duplicate: already paid to this applicant for the same ref",
    ),
    (
        RejectionKind::RefPaid,
        "duplicate: the same item and ref was already paid",
    ),
    (
        RejectionKind::ItemYearPaid,
        "paid once per applicant per year, and already paid",
    ),
    (
        RejectionKind::ApplicantPaid,
        "paid once per applicant, and already paid",
    ),
    (
        RejectionKind::ClauseYearPaid,
        "gives one award per applicant per year",
    ),
    (RejectionKind::QuotaFull, "no place left, not paid"),
    (
        RejectionKind::OutsideValidity,
        "outside the policy's validity",
    ),
    (
        RejectionKind::OtherCitySupport,
        "the project already has support under another ",
    ),
    (
        RejectionKind::ApplicantType,
        "may not claim this item (only ",
    ),
    (RejectionKind::MissingTag, "needs one of the tags: "),
    (RejectionKind::QuantityBelow, "is below the threshold of "),
    (RejectionKind::FactBelow, ", below the required "),
    (RejectionKind::FactBelow, " required)"),
    (RejectionKind::OutOfRange, "; it must be "),
    (RejectionKind::OutOfRange, "(it must be "),
];

/// What a figure of the policy file must be, with an example.
fn figure_kind(l: Lang, kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Money => pick!(l, zh: "金额（如 80000 或 8万）", en: "an amount (e.g. 80000)"),
        FigureKind::Rate => pick!(l, zh: "比例（如 5% 或 0.05）", en: "a rate (e.g. 5% or 0.05)"),
        FigureKind::Count => pick!(l, zh: "整数（如 100）", en: "a whole number (e.g. 100)"),
        FigureKind::Day => pick!(l, zh: "日期（如 2026-12-31）", en: "a date (e.g. 2026-12-31)"),
    }
}
