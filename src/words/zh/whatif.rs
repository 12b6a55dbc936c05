//! What-if runs in Chinese.

use super::Chinese;
use crate::money::grouped;
use crate::whatif::review::RejectionKind;
use crate::whatif::WhatIfTopic;
use crate::whatif::{
    factor_shown, overrides_list, FigureKind, WhatIfError, WhatIfFact, WhatIfLabel,
};
use crate::words::WhatIfWords;

const SEP: &str = "；";

impl WhatIfWords for Chinese {
    fn rejection_kind(&self, kind: RejectionKind) -> &'static str {
        match kind {
            RejectionKind::OutsideValidity => "不在政策有效期内",
            RejectionKind::OtherCitySupport => "已获同级其它政策扶持",
            RejectionKind::ApplicantType => "申请人类型不符",
            RejectionKind::MissingTag => "不具备所需资格",
            RejectionKind::FactBelow => "条件未达到要求",
            RejectionKind::QuantityBelow => "数量未达到门槛",
            RejectionKind::OutOfRange => "不在规定范围内",
            RejectionKind::QuotaFull => "名额已满",
            RejectionKind::ClaimInLedger => "申报编号已在往期拨付表中",
            RejectionKind::RefPaid => "同一编号已获资助",
            RejectionKind::RefsPaid => "所列编号均已获资助",
            RejectionKind::ApplicantRefPaid => "该申请人已就同一编号获资助",
            RejectionKind::ApplicantPaid => "每个申请人仅资助一次",
            RejectionKind::ItemYearPaid => "每个申请人每年一次",
            RejectionKind::ClauseYearPaid => "同条款每个申请人每年一项",
            RejectionKind::OutsideWindow => "不在规定期限内申报",
            RejectionKind::FactNotAllowed => "条件不符",
            RejectionKind::HigherAwardPaid => "已获更高奖项",
            RejectionKind::EarlierAwardMissing => "无所需的此前资助记录",
            RejectionKind::Candidacy => "每个申请人每年只参评一次",
        }
    }

    fn rejection_group(&self, item: &str, rule: &str) -> String {
        format!("{item}：{rule}")
    }

    fn rejection_marks(&self) -> &'static [(RejectionKind, &'static str)] {
        &[
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
        ]
    }

    fn whatif_label(&self, label: WhatIfLabel) -> &'static str {
        match label {
            WhatIfLabel::Base => "基准",
            WhatIfLabel::Alt => "方案",
            WhatIfLabel::Difference => "差额",
            WhatIfLabel::Total => "合计",
            WhatIfLabel::Clause => "条款",
            WhatIfLabel::Title => "名称",
            WhatIfLabel::ApplicantId => "申请人代码",
            WhatIfLabel::ApplicantName => "申请人名称",
            WhatIfLabel::ClaimId => "申报编号",
            WhatIfLabel::Key => "数字",
            WhatIfLabel::CostByClause => "按条款的拨付金额",
            WhatIfLabel::TopApplicants => "拨付变化最大的申请人（前 20 名）",
            WhatIfLabel::StatusChanges => "状态改变的申报",
            WhatIfLabel::PolicyDiff => "两份政策文件中不同的数字",
            WhatIfLabel::Rows => "笔数",
            WhatIfLabel::Computed => "核定金额",
            WhatIfLabel::Payable => "拨付金额",
            WhatIfLabel::Cut => "核减金额",
            WhatIfLabel::ByClause => "按条款",
            WhatIfLabel::ByApplicantType => "按申请人类型",
            WhatIfLabel::ByMonth => "按月份",
            WhatIfLabel::ByBatch => "按批次",
            WhatIfLabel::RejectedByReason => "驳回的申报（按驳回规则计数）",
            WhatIfLabel::Reason => "理由",
            WhatIfLabel::Batch => "批次",
            WhatIfLabel::Month => "月份",
            WhatIfLabel::ApplicantType => "申请人类型",
            WhatIfLabel::Unscaled => "调整前",
            WhatIfLabel::Factor => "系数",
            WhatIfLabel::Absent => "（无）",
            WhatIfLabel::Refiled => "再次申报，未重复计入",
            WhatIfLabel::SummarySheet => "汇总",
            WhatIfLabel::ApplicantsSheet => "拨付变化的申请人",
            WhatIfLabel::FiguresSheet => "不同的数字",
            WhatIfLabel::RejectedSheet => "驳回理由",
            WhatIfLabel::PolicyFile => "政策文件",
            WhatIfLabel::SetForRun => "本次临时改动",
            WhatIfLabel::Fund => "资金总额",
            WhatIfLabel::Left => "剩余",
            WhatIfLabel::ShareUsed => "使用比例",
            WhatIfLabel::BaseAgainstAlt => "各条款拨付金额：基准与方案",
            WhatIfLabel::PayableByMonth => "各月拨付金额",
            WhatIfLabel::Yuan => "金额（元）",
        }
    }

    fn whatif_fact(&self, fact: &WhatIfFact) -> String {
        match fact {
            WhatIfFact::Overrides { overrides } => {
                let list = overrides_list(overrides, SEP);
                format!("本次试算临时改动了政策数字（文件未改）：{}", list)
            }
            WhatIfFact::WithinFund { payable, fund } => format!(
                "资金总额 ¥{}：拨付合计 ¥{} 未超出，不作调整。",
                grouped(*fund),
                grouped(*payable)
            ),
            WhatIfFact::Scaled {
                fund,
                unscaled,
                priority,
                factor,
            } => {
                let first = if priority.is_zero() {
                    String::new()
                } else {
                    format!("优先条款全额拨付 ¥{}；其余", grouped(*priority))
                };
                format!(
                    "资金总额 ¥{}：{first}调整前 ¥{} 按系数 {} 同比例拨付，合计恰为资金总额。",
                    grouped(*fund),
                    grouped(*unscaled),
                    factor_shown(*factor)
                )
            }
            WhatIfFact::ScaledReason {
                fund,
                factor,
                unscaled,
            } => format!(
                "资金总额 {} 不足，按系数 {} 同比例拨付（调整前 {}）",
                crate::money::plain(*fund),
                factor_shown(*factor),
                crate::money::plain(*unscaled)
            ),
            WhatIfFact::FundUsed { payable, fund } => fund_used(*payable, *fund),
            WhatIfFact::Sides {
                base,
                base_overrides,
                alt,
                alt_overrides,
            } => {
                let side = |name: &str, o: &[crate::whatif::Override]| {
                    if o.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name}（临时改动：{}）", overrides_list(o, SEP))
                    }
                };
                format!(
                    "基准：{}\n方案：{}",
                    side(base, base_overrides),
                    side(alt, alt_overrides)
                )
            }
            WhatIfFact::NoDifference => "两份文件的数字完全相同。".into(),
            WhatIfFact::NoStatusChange => "没有申报改变状态。".into(),
            WhatIfFact::NoPayoutChange => "没有申请人的拨付金额改变。".into(),
        }
    }

    fn whatif_examples(&self, topic: WhatIfTopic) -> &'static str {
        match topic {
            WhatIfTopic::Compare => {
                "示例：
  subsidy compare samples/claims-2024.csv --alt-set clause.1.annual_cap=80000
  subsidy compare claims.csv --base policy/lianzhou-2024.toml --alt draft-2.toml --ledger payout-2024.csv
  subsidy compare claims.csv --alt draft-2.toml --out cost.csv
  subsidy compare claims.csv --alt draft-2.toml --out cost.xlsx"
            }
            WhatIfTopic::Report => {
                "示例：
  subsidy report samples/ledger-2024.csv payout-2024.csv
  subsidy report payout-*.csv --budget 2000000
  subsidy report payout-*.csv --format csv --out review-2024.csv
  subsidy report payout-*.csv --budget 2000000 --out review-2024.xlsx"
            }
            WhatIfTopic::PolicyDiff => {
                "示例：
  subsidy policy diff policy/lianzhou-2024.toml draft-2.toml"
            }
        }
    }

    fn whatif_error(&self, error: &WhatIfError) -> String {
        match error {
            WhatIfError::SetWithoutValue { written } => {
                format!("--set {written}：应写成 键=值，如 clause.1.annual_cap=80000")
            }
            WhatIfError::UnknownKey { key, near } => format!(
                "--set：政策文件中没有数字“{key}”；最接近的有：{}",
                near.join("、")
            ),
            WhatIfError::WrongValue { key, value, kind } => format!(
                "--set {key}：“{value}”不是{}",
                match kind {
                    FigureKind::Money => "金额（如 80000 或 8万）",
                    FigureKind::Rate => "比例（如 5% 或 0.05）",
                    FigureKind::Count => "整数（如 100）",
                    FigureKind::Day => "日期（如 2026-12-31）",
                }
            ),
            WhatIfError::BadBudget { written } => {
                format!("--budget：“{written}”不是金额（如 1500000 或 150万）")
            }
            WhatIfError::UnknownClause { written } => {
                format!("--budget-priority：政策中没有条款“{written}”")
            }
            WhatIfError::PriorityOverFund { priority, fund } => format!(
                "--budget-priority：优先条款合计 ¥{} 已超出资金总额 ¥{}，无法全额优先拨付",
                grouped(*priority),
                grouped(*fund)
            ),
            WhatIfError::LedgerColumns {
                file,
                sheet: None,
                missing,
            } => {
                format!("{file}：不是本工具的拨付表，缺少列 {}", missing.join("、"))
            }
            WhatIfError::LedgerColumns {
                file,
                sheet: Some(sheet),
                missing,
            } => format!(
                "{file}：工作表“{sheet}”不是本工具的拨付表（缺少列 {}）；本工具拨付工作簿的逐笔记录在工作表“{}”",
                missing.join("、"),
                crate::report::BookSheet::Claims.name()
            ),
            WhatIfError::LedgerCell {
                file,
                line,
                cell: None,
                column,
                written,
            } => format!("{file}:{line}: column {column}: “{written}”无法读取"),
            WhatIfError::LedgerCell {
                file,
                cell: Some(cell),
                column,
                written,
                ..
            } => format!("{file}：单元格 {cell}（{column} 列）：“{written}”不是金额"),
        }
    }
}

/// The fund, what was paid and what is left (or how far over).
fn fund_used(payable: rust_decimal::Decimal, fund: rust_decimal::Decimal) -> String {
    let left = fund - payable;
    if left.is_sign_negative() {
        format!(
            "资金总额 ¥{}：已拨付 ¥{}，超出 ¥{}",
            grouped(fund),
            grouped(payable),
            grouped(-left)
        )
    } else {
        format!(
            "资金总额 ¥{}：已拨付 ¥{}，剩余 ¥{}",
            grouped(fund),
            grouped(payable),
            grouped(left)
        )
    }
}
