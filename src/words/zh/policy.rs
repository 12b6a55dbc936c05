//! The policy facts in Chinese.

use super::Chinese;
use crate::cases::{CaseMismatch, CasesError};
use crate::policy::{
    KindName, Policy, PolicyFault, PolicyProblem, RuleFault, ShapeFault, TomlType,
};
use crate::words::policy::{actual_figures, expected_figures, why};
use crate::words::{clause_label, Lang, PolicyWords};

impl PolicyWords for Chinese {
    fn policy_fault(&self, fault: &PolicyFault) -> String {
        match fault {
            PolicyFault::Syntax { message } => {
                format!("不是有效的 TOML，无法读取（语法错误）\n    toml 的说明：“{message}”")
            }
            PolicyFault::Status { written } => format!("状态“{written}”无效，应为 draft 或 final"),
            PolicyFault::EmptyPolicyId => "政策编号不能为空".into(),
            PolicyFault::EndsBeforeStart { from, until } => format!("有效期结束日 {until} 早于开始日 {from}"),
            PolicyFault::NotADate => "应为日期，如 2024-01-01".into(),
            PolicyFault::ValidityMissing => VALIDITY_MISSING.into(),
            PolicyFault::ValidityDisagrees { written, derived } => format!(
                "写明的日期 {written} 与按施行日和有效期推算的 {derived} 不一致"
            ),
            PolicyFault::TermIncomplete => "in_force_from 须与 term_years（有效期N年）或 valid_until（写明的截止日期）同时写明；term_years 须与 in_force_from 同时写明".into(),
            PolicyFault::TermYears { written } => {
                format!("有效期年数 {written} 无效，应为 1 到 100 之间的整数")
            }
            PolicyFault::RoundingMode { written } => {
                format!("舍入方式“{written}”无效，应为 half_up、half_even 或 down")
            }
            PolicyFault::RoundingDecimals => "小数位数应在 0 到 6 之间".into(),
            PolicyFault::TooManyTypes { max } => format!("申请人类型最多 {max} 种"),
            PolicyFault::TooManyTags { max } => format!("标签最多 {max} 个"),
            PolicyFault::TooManyFacts { max } => format!("事实最多 {max} 个"),
            PolicyFault::TooManyItems => "项目过多".into(),
            PolicyFault::BadId { id } => format!("编号“{id}”为空或重复"),
            PolicyFault::UnknownApplicant { name } => {
                format!("未知的申请人类型或类别“{name}”")
            }
            PolicyFault::NoApplicants => "至少列出一种申请人类型".into(),
            PolicyFault::NotANumber { written } => format!("“{written}”不是数字"),
            PolicyFault::TooLarge { written } => format!("数额 {written} 过大（应小于 10^12）"),
            PolicyFault::Negative { written } => format!("数额 {written} 不能为负"),
            PolicyFault::ClauseNumber { number } => format!("条款编号 {number} 无效或重复"),
            PolicyFault::EmptyItemId => "项目编号不能为空".into(),
            PolicyFault::DuplicateItem { id, first_line } => {
                format!("项目编号 {id} 重复（第一次见于第 {first_line} 行）")
            }
            PolicyFault::UnknownKind { written } => {
                format!("未知的计算方式“{written}”（应为 {}）", kinds())
            }
            PolicyFault::FigureNotUsed { kind, figure } => {
                format!("计算方式 {} 不使用 {}", kind.name(), figure.key())
            }
            PolicyFault::FigureMissing { kind, figure } => {
                format!("计算方式 {} 需要 {}", kind.name(), figure.key())
            }
            PolicyFault::RateAbove100 => "比例不能超过 100%".into(),
            PolicyFault::ManualWithoutReason => "人工审核项目须写明 manual_reason".into(),
            PolicyFault::ReasonWithoutManual => "只有 manual 项目使用 manual_reason".into(),
            PolicyFault::PerUnitNotFixed => "只有 fixed 项目可以按件计".into(),
            PolicyFault::UnitNotPerUnit => UNIT_NOT_PER_UNIT.into(),
            PolicyFault::IntakeEnglish { zh, en } => {
                format!("intake 有 {zh} 条，intake_en 有 {en} 条，应一一对应")
            }
            PolicyFault::UnknownTag { tag } => format!("未知的标签“{tag}”"),
            PolicyFault::UndeclaredFact { fact } => format!("未声明的事实“{fact}”（见 [[fact]]）"),
            PolicyFault::MinQuantity => {
                "min_quantity 须为正整数，且仅用于按件计的项目或一次性定额（fixed）奖励".into()
            }
            PolicyFault::UniqueRule { written } => format!(
                "唯一性规则“{written}”无效（应为 none、ref、applicant_ref、applicant 或 applicant_year）"
            ),
            PolicyFault::QuantityCap => "数量上限须为正整数，且仅用于按件计的项目".into(),
            PolicyFault::CapBelowAward { cap, item, single } => {
                format!("年度上限 {cap} 低于项目 {item} 的单笔金额 {single}")
            }
            PolicyFault::QuotaPerYear => "名额须为正整数".into(),
            PolicyFault::QuotaOverflow { target } => {
                format!("超额转入的项目“{target}”不存在，或不是另一个 fixed 项目")
            }
            PolicyFault::AliasTaken { alias, other } => {
                format!("别名“{alias}”已是项目 {other} 的编号、名称或别名")
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
            format!("键 `{}`: ", problem.key)
        };
        format!(
            "{file}:{}:{}: {key}{}",
            problem.line,
            problem.column,
            self.policy_fault(&problem.fault)
        )
    }

    fn policy_valid(&self, file: &str, clauses: usize, items: usize) -> String {
        format!("✓ {file}：{clauses} 条、{items} 个项目，未发现问题")
    }

    fn policy_problem_count(&self, file: &str, count: usize) -> String {
        format!("{file}：共 {count} 处问题")
    }

    fn case_failed(&self, policy: &Policy, clause: Option<u32>, case: &str) -> String {
        let label = |n: u32| {
            (policy.clauses.iter().find(|c| c.number == n))
                .map_or_else(|| clause_label(n), |c| c.label())
        };
        match clause {
            Some(n) if case.starts_with(&label(n)) => format!("✗ {case}"),
            Some(n) => format!("✗ {} {case}", label(n)),
            None => format!("✗ {case}"),
        }
    }

    fn case_mismatch(&self, policy: &Policy, mismatch: &CaseMismatch) -> String {
        match mismatch {
            CaseMismatch::UndeclaredFact { claim_id, fact } => {
                format!("申报 {claim_id}：政策未声明事实“{fact}”")
            }
            CaseMismatch::Claims(e) => e.render(Lang::Zh),
            CaseMismatch::Ledger(e) => e.render(Lang::Zh),
            CaseMismatch::EarlierPayout => "无法生成往期拨付表".into(),
            CaseMismatch::NotInCase { claim_id } => {
                format!("申报 {claim_id}：用例中没有这笔申报")
            }
            CaseMismatch::Outcome {
                claim_id,
                expected,
                actual,
            } => format!(
                "申报 {claim_id}：应为 {}，实为 {}（{}）",
                expected_figures(expected),
                actual_figures(actual),
                why(policy, &actual.why, Lang::Zh)
            ),
        }
    }

    fn cases_summary(&self, file: &str, run: usize, passed: usize, failed: usize) -> String {
        format!("{file}：{run} 个用例，通过 {passed}，失败 {failed}")
    }

    fn cases_failed(&self, failed: usize) -> String {
        format!("{failed} 个用例失败")
    }

    fn cases_unreadable(&self, error: &CasesError) -> String {
        let CasesError {
            file,
            line,
            message,
        } = error;
        format!("{file}:{line}: 无法读取：{message}")
    }

    fn per_unit_figure(&self, amount: &str, unit: &str) -> String {
        format!("{amount} /{unit}")
    }

    fn intake_heading(&self) -> &'static str {
        "须由受理窗口核验："
    }

    fn not_item_or_clause(&self, written: &str, near: &[&str]) -> String {
        if near.is_empty() {
            format!("“{written}”既不是项目也不是条款编号")
        } else {
            format!(
                "“{written}”既不是项目也不是条款编号，是否为 {}？",
                near.join(", ")
            )
        }
    }

    fn ambiguous_item(&self, written: &str, candidates: &[(&str, &str)]) -> String {
        let list: Vec<String> = candidates
            .iter()
            .map(|(id, name)| format!("{name}（{id}）"))
            .collect();
        format!(
            "“{written}”是多个项目名称的一部分：{}；请写全名或编号",
            list.join("、")
        )
    }
}

/// Every kind name: `fixed、percent、… 或 manual`.
fn kinds() -> String {
    let names: Vec<&str> = KindName::ALL.iter().map(|k| k.name()).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} 或 {last}", rest.join("、")),
        None => String::new(),
    }
}

const VALIDITY_MISSING: &str =
    "缺少有效期：写明该日期，或写明 applies_from / in_force_from 与 term_years 以便推算";
const UNIT_NOT_PER_UNIT: &str = "计量单位（unit、unit_en）只用于按件计（per_unit = true）的项目";

/// The mistakes of the rules added for any city's measures.
fn rule_fault(fault: &RuleFault) -> String {
    match fault {
        RuleFault::UnknownExcept { written } => {
            format!("除外的条款或项目“{written}”在本文件中不存在")
        }
        RuleFault::MaxPerClaim { kind } => format!(
            "{} 项目不用 max_per_claim（approved 用 max_per_project；manual 不计算金额）",
            kind.name()
        ),
        RuleFault::TierGap { band } => format!("第 {band} 档与上一档之间有空档（相邻两档须在同一数值相接，且恰好一档含本数）"),
        RuleFault::TierOverlap { band } => format!("第 {band} 档与上一档重叠或未按从小到大排列"),
        RuleFault::TierOn { written } => format!("分档依据“{written}”既不是 amount，也不是已声明的 fact"),
        RuleFault::ByTypeMissing { applicant_type } => format!("可申报的申请人类型“{applicant_type}”在 by_type 中没有金额"),
        RuleFault::MeasureCapMissing { applicant_type } => format!("申请人类型“{applicant_type}”在年度资助总额上限中没有金额：写 annual，或在 by_type 中列出该类型"),
        RuleFault::UnknownType { written, nearest } => match nearest {
            Some(n) => format!("“{written}”不是申请人类型：是否应为“{n}”？"),
            None => format!("“{written}”不是申请人类型（可用的类型见 [[applicant_type]]）"),
        },
        RuleFault::FigureByKind => "tiers / by_type 只用于 fixed、percent、matching 项目，二者不能同用，tiers 也不能与 quantity_cap 同用".into(),
        RuleFault::MaxPerRef => "max_per_ref 须为正整数，且只用于按件计、金额单一的 fixed 项目".into(),
        RuleFault::FactKind { written } => format!("事实类型“{written}”无效（应为 number、date、yes_no 或 choice）"),
        RuleFault::FactValues => "choice 类事实须列出 values，其他类事实不列；facts_one_of 至少列一个值".into(),
        RuleFault::FactValue { written } => format!("“{written}”不是该事实可取的值"),
        RuleFault::FactKindMismatch { fact, kind } => format!("事实 {fact} 为 {kind} 类，不能用于此处（facts_min、facts_range、tiers 用 number 类；facts_within 用 date 类；facts_one_of 用 yes_no 或 choice 类）"),
        RuleFault::Window => "期限须且只须写 days、months、years 之一，为不小于 1 的整数".into(),
        RuleFault::BasePeriod => "base_period 只用于 percent、matching 项目，须指定 number 类事实，max 须大于 0".into(),
        RuleFault::Requires { written } => format!("requires 所指的“{written}”不是本文件中的另一个项目"),
        RuleFault::RefLimit { written } => format!("ref_limit 中的“{written}”不是本文件的项目、不是按件计的 fixed 项目、已受其他编号上限约束（另一 ref_limit 或 max_per_ref），或件数不是正整数"),
        RuleFault::GroupItem { written } => format!("不重复奖励组中的项目“{written}”不存在，或已在另一组中"),
        RuleFault::ClauseStyle { written } => format!("条款编号样式“{written}”无效（应为 paren：（九），或 article：第九条）"),
        RuleFault::UnknownKey { written, nearest } => match nearest {
            Some(n) => format!("未知的键“{written}”：是否应为“{n}”？"),
            None => format!("未知的键“{written}”（可用的键见 policy/FORMAT.md）"),
        },
        RuleFault::EmptyRange => {
            "范围为空：须至少有 min 或 max，且 min 不高于 max（相等时两端都须含本数）".into()
        }
    }
}

/// Valid TOML without the shape of a policy file.
fn shape_fault(fault: &ShapeFault) -> String {
    match fault {
        ShapeFault::MissingKey { key } => format!("缺少必需的键“{key}”"),
        ShapeFault::WrongType {
            found: TomlType::Float,
            expected: TomlType::Figure,
        } => "小数须加引号写作字符串（如 \"0.05\" 或 \"5%\"），才能精确读取".into(),
        ShapeFault::WrongType { found, expected } => format!(
            "此处应为{}，文件中写的是{}",
            toml_type(*expected),
            toml_type(*found)
        ),
        ShapeFault::Other { message } => {
            format!("文件是有效的 TOML，但此处不符合政策文件的格式\n    toml 的说明：“{message}”")
        }
    }
}

fn toml_type(t: TomlType) -> &'static str {
    match t {
        TomlType::String => "字符串",
        TomlType::Integer => "整数",
        TomlType::Float => "浮点数",
        TomlType::Boolean => "布尔值（true 或 false）",
        TomlType::Datetime => "日期",
        TomlType::Array => "数组（[…]）",
        TomlType::Table => "表（[…] 小节或 {…}）",
        TomlType::Figure => "数值（整数如 2000，或加引号的小数、百分比如 \"0.05\"、\"5%\"）",
    }
}

/// A circle of quotas, a date past the tool's years, a file not UTF-8.
fn circle_year_or_bytes(fault: &PolicyFault) -> String {
    match fault {
        PolicyFault::QuotaCycle { items } => format!(
            "名额超额转入绕成一圈（{}）：超出一个名额的申报会转入另一个，两个名额都会被突破；请让这一圈止于一个不再转入的项目",
            items.join(" → ")
        ),
        PolicyFault::DateOutOfRange { written } => format!(
            "{written} 是日期，但超出本工具可读的范围：日期须在 1900-01-01 至 2999-12-31 之间"
        ),
        PolicyFault::NotUtf8 { offset } => {
            format!("文件自字节偏移 {offset} 起不是 UTF-8 文本；请另存为 UTF-8")
        }
        _ => String::new(),
    }
}
