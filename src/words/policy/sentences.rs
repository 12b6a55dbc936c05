//! The policy family's sentences, written once for every language, the
//! words side by side.

use super::{actual_figures, expected_figures, why, PolicyWords};
use crate::cases::{CaseMismatch, CasesError};
use crate::policy::{
    KindName, Policy, PolicyFault, PolicyProblem, RuleFault, ShapeFault, TomlType,
};
use crate::words::side_by_side::{list_sep, pick, say, Language};
use crate::words::{clause_label, Lang};

impl<L: Language> PolicyWords for L {
    // One short arm per kind of mistake: a flat list reads better whole
    // than split in two.
    #[allow(clippy::too_many_lines)]
    fn policy_fault(&self, fault: &PolicyFault) -> String {
        let l = L::LANG;
        match fault {
            PolicyFault::Syntax { message } => say!(l,
                zh: "不是有效的 TOML，无法读取（语法错误）\n    toml 的说明：“{message}”";
                en: "not valid TOML, cannot be read (a syntax error)\n    toml says: \"{message}\""),
            PolicyFault::Status { written } => say!(l,
                zh: "状态“{written}”无效，应为 draft 或 final";
                en: "status `{written}` is not draft or final"),
            PolicyFault::EmptyPolicyId => pick!(l, zh: "政策编号不能为空", en: "the policy id must not be empty").into(),
            PolicyFault::EndsBeforeStart { from, until } => say!(l,
                zh: "有效期结束日 {until} 早于开始日 {from}";
                en: "the validity ends ({until}) before it starts ({from})"),
            PolicyFault::NotADate => pick!(l, zh: "应为日期，如 2024-01-01", en: "expected a date such as 2024-01-01").into(),
            PolicyFault::ValidityMissing => pick!(l,
                zh: "缺少有效期：写明该日期，或写明 applies_from / in_force_from 与 term_years 以便推算",
                en: "the validity is missing: write this date, or applies_from / in_force_from and term_years to derive it").into(),
            PolicyFault::ValidityDisagrees { written, derived } => say!(l,
                zh: "写明的日期 {written} 与按施行日和有效期推算的 {derived} 不一致";
                en: "the date written, {written}, is not {derived}, the date the start and term give"),
            PolicyFault::TermIncomplete => pick!(l,
                zh: "in_force_from 须与 term_years（有效期N年）或 valid_until（写明的截止日期）同时写明；term_years 须与 in_force_from 同时写明",
                en: "in_force_from goes with term_years (有效期N年) or a written valid_until; term_years goes with in_force_from").into(),
            PolicyFault::TermYears { written } => say!(l,
                zh: "有效期年数 {written} 无效，应为 1 到 100 之间的整数";
                en: "a term of {written} years: expected a whole number from 1 to 100"),
            PolicyFault::RoundingMode { written } => say!(l,
                zh: "舍入方式“{written}”无效，应为 half_up、half_even 或 down";
                en: "rounding mode `{written}` is not half_up, half_even or down"),
            PolicyFault::RoundingDecimals => pick!(l, zh: "小数位数应在 0 到 6 之间", en: "decimals must be between 0 and 6").into(),
            PolicyFault::TooManyTypes { max } => say!(l, zh: "申请人类型最多 {max} 种"; en: "at most {max} applicant types"),
            PolicyFault::TooManyTags { max } => say!(l, zh: "标签最多 {max} 个"; en: "at most {max} tags"),
            PolicyFault::TooManyFacts { max } => say!(l, zh: "事实最多 {max} 个"; en: "at most {max} facts"),
            PolicyFault::TooManyItems => pick!(l, zh: "项目过多", en: "too many items").into(),
            PolicyFault::BadId { id } => say!(l, zh: "编号“{id}”为空或重复"; en: "id `{id}` is empty or used twice"),
            PolicyFault::UnknownApplicant { name } => say!(l,
                zh: "未知的申请人类型或类别“{name}”";
                en: "`{name}` is neither an applicant type nor a group"),
            PolicyFault::NoApplicants => pick!(l, zh: "至少列出一种申请人类型", en: "name at least one applicant type").into(),
            PolicyFault::NotANumber { written } => say!(l, zh: "“{written}”不是数字"; en: "`{written}` is not a number"),
            PolicyFault::TooLarge { written } => say!(l,
                zh: "数额 {written} 过大（应小于 10^12）";
                en: "{written} is too large (it must be below 10^12)"),
            PolicyFault::Negative { written } => say!(l, zh: "数额 {written} 不能为负"; en: "{written} must not be negative"),
            PolicyFault::ClauseNumber { number } => say!(l,
                zh: "条款编号 {number} 无效或重复";
                en: "clause number {number} is out of range (1..99) or repeated"),
            PolicyFault::EmptyItemId => pick!(l, zh: "项目编号不能为空", en: "item id must not be empty").into(),
            PolicyFault::DuplicateItem { id, first_line } => say!(l,
                zh: "项目编号 {id} 重复（第一次见于第 {first_line} 行）";
                en: "item id {id} is used twice (first on line {first_line})"),
            PolicyFault::UnknownKind { written } => {
                let kinds = kinds(l);
                say!(l, zh: "未知的计算方式“{written}”（应为 {kinds}）"; en: "unknown kind `{written}` (expected {kinds})")
            }
            PolicyFault::FigureNotUsed { kind, figure } => {
                let (kind, figure) = (kind.name(), figure.key());
                say!(l, zh: "计算方式 {kind} 不使用 {figure}"; en: "kind {kind} does not use {figure}")
            }
            PolicyFault::FigureMissing { kind, figure } => {
                let (kind, figure) = (kind.name(), figure.key());
                say!(l, zh: "计算方式 {kind} 需要 {figure}"; en: "kind {kind} needs a figure `{figure}`")
            }
            PolicyFault::RateAbove100 => pick!(l, zh: "比例不能超过 100%", en: "a rate above 100% is not a subsidy rate").into(),
            PolicyFault::ManualWithoutReason => pick!(l,
                zh: "人工审核项目须写明 manual_reason",
                en: "a manual item needs a manual_reason").into(),
            PolicyFault::ReasonWithoutManual => pick!(l,
                zh: "只有 manual 项目使用 manual_reason",
                en: "only a manual item uses manual_reason").into(),
            PolicyFault::PerUnitNotFixed => pick!(l,
                zh: "只有 fixed 项目可以按件计",
                en: "only a fixed item can be priced per unit").into(),
            PolicyFault::UnitNotPerUnit => pick!(l,
                zh: "计量单位（unit、unit_en）只用于按件计（per_unit = true）的项目",
                en: "a unit word (unit, unit_en) belongs to a per-unit item (per_unit = true)").into(),
            PolicyFault::IntakeEnglish { zh, en } => say!(l,
                zh: "intake 有 {zh} 条，intake_en 有 {en} 条，应一一对应";
                en: "intake has {zh} entries and intake_en {en}: give one English per entry"),
            PolicyFault::UnknownTag { tag } => say!(l, zh: "未知的标签“{tag}”"; en: "unknown tag `{tag}`"),
            PolicyFault::UndeclaredFact { fact } => say!(l,
                zh: "未声明的事实“{fact}”（见 [[fact]]）";
                en: "fact `{fact}` is not declared in [[fact]]"),
            PolicyFault::MinQuantity => pick!(l,
                zh: "min_quantity 须为正整数，且仅用于按件计的项目或一次性定额（fixed）奖励",
                en: "min_quantity must be a positive whole number on a per-unit item or a one-off fixed award").into(),
            PolicyFault::UniqueRule { written } => say!(l,
                zh: "唯一性规则“{written}”无效（应为 none、ref、applicant_ref、applicant 或 applicant_year）";
                en: "unique `{written}` is not none, ref, applicant_ref, applicant or applicant_year"),
            PolicyFault::QuantityCap => pick!(l,
                zh: "数量上限须为正整数，且仅用于按件计的项目",
                en: "a quantity cap must be a positive whole number on a per-unit item").into(),
            PolicyFault::CapBelowAward { cap, item, single } => say!(l,
                zh: "年度上限 {cap} 低于项目 {item} 的单笔金额 {single}";
                en: "annual cap {cap} is below a single award of item {item} ({single})"),
            PolicyFault::QuotaPerYear => pick!(l, zh: "名额须为正整数", en: "a quota must be a positive whole number").into(),
            PolicyFault::QuotaOverflow { target } => say!(l,
                zh: "超额转入的项目“{target}”不存在，或不是另一个 fixed 项目";
                en: "overflow target `{target}` does not exist or is not another fixed item"),
            PolicyFault::AliasTaken { alias, other } => say!(l,
                zh: "别名“{alias}”已是项目 {other} 的编号、名称或别名";
                en: "alias `{alias}` is already the id, name or alias of item {other}"),
            PolicyFault::Rule(rule) => rule_fault(l, rule),
            PolicyFault::Shape(shape) => shape_fault(l, shape),
            PolicyFault::QuotaCycle { items } => {
                let items = items.join(" → ");
                say!(l,
                    zh: "名额超额转入绕成一圈（{items}）：超出一个名额的申报会转入另一个，两个名额都会被突破；请让这一圈止于一个不再转入的项目";
                    en: "quota overflows go round in a circle ({items}): claims past one quota would be paid past the other; end the circle at an item without an overflow")
            }
            PolicyFault::DateOutOfRange { written } => say!(l,
                zh: "{written} 是日期，但超出本工具可读的范围：日期须在 1900-01-01 至 2999-12-31 之间";
                en: "{written} is a date, but past what the tool reads: dates run from 1900-01-01 to 2999-12-31"),
            PolicyFault::NotUtf8 { offset } => say!(l,
                zh: "文件自字节偏移 {offset} 起不是 UTF-8 文本；请另存为 UTF-8";
                en: "the file is not UTF-8 text from byte offset {offset} on; save it as UTF-8"),
        }
    }

    fn policy_problem(&self, file: &str, problem: &PolicyProblem) -> String {
        let l = L::LANG;
        let key = match problem.key.as_str() {
            "" => String::new(),
            key => say!(l, zh: "键 `{key}`: "; en: "key `{key}`: "),
        };
        let (line, column) = (problem.line, problem.column);
        format!(
            "{file}:{line}:{column}: {key}{}",
            self.policy_fault(&problem.fault)
        )
    }

    fn policy_valid(&self, file: &str, clauses: usize, items: usize) -> String {
        say!(L::LANG,
            zh: "✓ {file}：{clauses} 条、{items} 个项目，未发现问题";
            en: "✓ {file}: {clauses} clauses, {items} items, no problems found")
    }

    fn policy_problem_count(&self, file: &str, count: usize) -> String {
        say!(L::LANG, zh: "{file}：共 {count} 处问题"; en: "{file}: {count} problem(s)")
    }

    fn case_failed(&self, policy: &Policy, clause: Option<u32>, case: &str) -> String {
        let l = L::LANG;
        let label = clause.map(|n| {
            let found = policy.clauses.iter().find(|c| c.number == n);
            pick!(l,
                zh: found.map_or_else(|| clause_label(n), |c| c.label()),
                en: crate::policy::label_en(n, policy.wording.clause_style))
        });
        // A Chinese case is often named after its clause (（九）…): the
        // label is not said twice.
        match label {
            Some(label) if pick!(l, zh: case.starts_with(&label), en: false) => format!("✗ {case}"),
            Some(label) => say!(l, zh: "✗ {label} {case}"; en: "✗ {label}: {case}"),
            None => format!("✗ {case}"),
        }
    }

    fn case_mismatch(&self, policy: &Policy, mismatch: &CaseMismatch) -> String {
        let l = L::LANG;
        match mismatch {
            CaseMismatch::UndeclaredFact { claim_id, fact } => say!(l,
                zh: "申报 {claim_id}：政策未声明事实“{fact}”";
                en: "claim {claim_id}: the policy declares no fact `{fact}`"),
            CaseMismatch::Claims(e) => e.render(l),
            CaseMismatch::Ledger(e) => e.render(l),
            CaseMismatch::EarlierPayout => {
                pick!(l, zh: "无法生成往期拨付表", en: "could not write the earlier payout").into()
            }
            CaseMismatch::NotInCase { claim_id } => say!(l,
                zh: "申报 {claim_id}：用例中没有这笔申报";
                en: "claim {claim_id}: not among the case's claims"),
            CaseMismatch::Outcome {
                claim_id,
                expected,
                actual,
            } => {
                let (expected, why) = (expected_figures(expected), why(policy, &actual.why, l));
                let actual = actual_figures(actual);
                say!(l,
                    zh: "申报 {claim_id}：应为 {expected}，实为 {actual}（{why}）";
                    en: "claim {claim_id}: expected {expected}, got {actual} ({why})")
            }
        }
    }

    fn cases_summary(&self, file: &str, run: usize, passed: usize, failed: usize) -> String {
        say!(L::LANG,
            zh: "{file}：{run} 个用例，通过 {passed}，失败 {failed}";
            en: "{file}: {run} cases, {passed} passed, {failed} failed")
    }

    fn cases_failed(&self, failed: usize) -> String {
        say!(L::LANG, zh: "{failed} 个用例失败"; en: "{failed} case(s) failed")
    }

    fn cases_unreadable(&self, error: &CasesError) -> String {
        let CasesError {
            file,
            line,
            message,
        } = error;
        say!(L::LANG, zh: "{file}:{line}: 无法读取：{message}"; en: "{file}:{line}: {message}")
    }

    fn per_unit_figure(&self, amount: &str, unit: &str) -> String {
        say!(L::LANG, zh: "{amount} /{unit}"; en: "{amount} per {unit}")
    }

    fn intake_heading(&self) -> &'static str {
        pick!(L::LANG, zh: "须由受理窗口核验：", en: "to be verified at intake:")
    }

    fn not_item_or_clause(&self, written: &str, near: &[&str]) -> String {
        let l = L::LANG;
        if near.is_empty() {
            return say!(l,
                zh: "“{written}”既不是项目也不是条款编号";
                en: "`{written}` is neither an item nor a clause number");
        }
        let near = near.join(", ");
        say!(l,
            zh: "“{written}”既不是项目也不是条款编号，是否为 {near}？";
            en: "`{written}` is neither an item nor a clause number; did you mean {near}?")
    }

    fn ambiguous_item(&self, written: &str, candidates: &[(&str, &str)]) -> String {
        let l = L::LANG;
        let list: Vec<String> = (candidates.iter())
            .map(|(id, name)| say!(l, zh: "{name}（{id}）"; en: "{id} ({name})"))
            .collect();
        let list = list.join(list_sep(l));
        say!(l,
            zh: "“{written}”是多个项目名称的一部分：{list}；请写全名或编号";
            en: "`{written}` is part of the names of several items: {list}; write the whole name or the id")
    }
}

/// Every kind name: `fixed, percent, … or manual`.
fn kinds(l: Lang) -> String {
    let names: Vec<&str> = KindName::ALL.iter().map(|k| k.name()).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => {
            let rest = rest.join(list_sep(l));
            say!(l, zh: "{rest} 或 {last}"; en: "{rest} or {last}")
        }
        None => String::new(),
    }
}

/// The mistakes of the rules added for any city's measures.
fn rule_fault(l: Lang, fault: &RuleFault) -> String {
    match fault {
        RuleFault::UnknownExcept { written } => say!(l,
            zh: "除外的条款或项目“{written}”在本文件中不存在";
            en: "`{written}`, excepted from the cap, is no clause or item of this file"),
        RuleFault::MaxPerClaim { kind } => say!(l,
            zh: "{} 项目不用 max_per_claim（approved 用 max_per_project；manual 不计算金额）", kind.name();
            en: "a {} item takes no max_per_claim (approved says it with max_per_project; manual computes nothing)", kind.name()),
        RuleFault::TierGap { band } => say!(l,
            zh: "第 {band} 档与上一档之间有空档（相邻两档须在同一数值相接，且恰好一档含本数）";
            en: "band {band} of the tiers leaves a gap after the band before it (two bands meet at one value, inside exactly one of them)"),
        RuleFault::TierOverlap { band } => say!(l,
            zh: "第 {band} 档与上一档重叠或未按从小到大排列";
            en: "band {band} of the tiers overlaps the band before it, or is out of order"),
        RuleFault::TierOn { written } => say!(l,
            zh: "分档依据“{written}”既不是 amount，也不是已声明的 fact";
            en: "tiers on `{written}`: neither amount nor a declared fact"),
        RuleFault::ByTypeMissing { applicant_type } => say!(l,
            zh: "可申报的申请人类型“{applicant_type}”在 by_type 中没有金额";
            en: "applicant type `{applicant_type}` may claim the item and has no figure in by_type"),
        RuleFault::MeasureCapMissing { applicant_type } => say!(l,
            zh: "申请人类型“{applicant_type}”在年度资助总额上限中没有金额：写 annual，或在 by_type 中列出该类型";
            en: "applicant type `{applicant_type}` has no figure under the whole-measure cap: write annual, or list the type in by_type"),
        RuleFault::UnknownType { written, nearest: Some(n) } => say!(l,
            zh: "“{written}”不是申请人类型：是否应为“{n}”？";
            en: "`{written}` is no applicant type: did you mean `{n}`?"),
        RuleFault::UnknownType { written, nearest: None } => say!(l,
            zh: "“{written}”不是申请人类型（可用的类型见 [[applicant_type]]）";
            en: "`{written}` is no applicant type (the types are the file's [[applicant_type]])"),
        RuleFault::FigureByKind => pick!(l,
            zh: "tiers / by_type 只用于 fixed、percent、matching 项目，二者不能同用，tiers 也不能与 quantity_cap 同用",
            en: "tiers and by_type fit fixed, percent and matching items, not both at once, and tiers not with a quantity_cap").into(),
        RuleFault::MaxPerRef => pick!(l,
            zh: "max_per_ref 须为正整数，且只用于按件计、金额单一的 fixed 项目",
            en: "max_per_ref must be a positive whole number on a per-unit fixed item with one figure").into(),
        RuleFault::FactKind { written } => say!(l,
            zh: "事实类型“{written}”无效（应为 number、date、yes_no 或 choice）";
            en: "fact kind `{written}` is none of number, date, yes_no, choice"),
        RuleFault::FactValues => pick!(l,
            zh: "choice 类事实须列出 values，其他类事实不列；facts_one_of 至少列一个值",
            en: "a choice fact lists its values, no other fact does, and facts_one_of lists at least one value").into(),
        RuleFault::FactValue { written } => say!(l,
            zh: "“{written}”不是该事实可取的值";
            en: "`{written}` is no value this fact can hold"),
        RuleFault::FactKindMismatch { fact, kind } => say!(l,
            zh: "事实 {fact} 为 {kind} 类，不能用于此处（facts_min、facts_range、tiers 用 number 类；facts_within 用 date 类；facts_one_of 用 yes_no 或 choice 类）";
            en: "fact {fact} is a {kind} fact, which does not fit here (facts_min, facts_range and tiers take number facts; facts_within date facts; facts_one_of yes_no and choice facts)"),
        RuleFault::Window => pick!(l,
            zh: "期限须且只须写 days、months、years 之一，为不小于 1 的整数",
            en: "a window is exactly one of days, months or years, a whole number from 1").into(),
        RuleFault::BasePeriod => pick!(l,
            zh: "base_period 只用于 percent、matching 项目，须指定 number 类事实，max 须大于 0",
            en: "base_period fits percent and matching items, with a number fact and a max above 0").into(),
        RuleFault::Requires { written } => say!(l,
            zh: "requires 所指的“{written}”不是本文件中的另一个项目";
            en: "requires `{written}`: no other item of this file has that id"),
        RuleFault::RefLimit { written } => say!(l,
            zh: "ref_limit 中的“{written}”不是本文件的项目、不是按件计的 fixed 项目、已受其他编号上限约束（另一 ref_limit 或 max_per_ref），或件数不是正整数";
            en: "`{written}` in a ref_limit: not an item of this file, not a per-unit fixed item, already limited (another ref_limit or max_per_ref), or not a positive whole number of units"),
        RuleFault::GroupItem { written } => say!(l,
            zh: "不重复奖励组中的项目“{written}”不存在，或已在另一组中";
            en: "`{written}` of an award group is no item of this file, or is in another group"),
        RuleFault::ClauseStyle { written } => say!(l,
            zh: "条款编号样式“{written}”无效（应为 paren：（九），或 article：第九条）";
            en: "clause_style `{written}` is neither paren (（九）) nor article (第九条)"),
        RuleFault::UnknownKey { written, nearest: Some(n) } => say!(l,
            zh: "未知的键“{written}”：是否应为“{n}”？";
            en: "unknown key `{written}`: did you mean `{n}`?"),
        RuleFault::UnknownKey { written, nearest: None } => say!(l,
            zh: "未知的键“{written}”（可用的键见 policy/FORMAT.md）";
            en: "unknown key `{written}` (the keys are listed in policy/FORMAT.md)"),
        RuleFault::EmptyRange => pick!(l,
            zh: "范围为空：须至少有 min 或 max，且 min 不高于 max（相等时两端都须含本数）",
            en: "an empty range: give min or max, with min not above max (equal only when both are inclusive)").into(),
    }
}

/// Valid TOML without the shape of a policy file.
fn shape_fault(l: Lang, fault: &ShapeFault) -> String {
    match fault {
        ShapeFault::MissingKey { key } => say!(l, zh: "缺少必需的键“{key}”"; en: "the required key `{key}` is missing"),
        ShapeFault::WrongType { found: TomlType::Float, expected: TomlType::Figure } => pick!(l,
            zh: "小数须加引号写作字符串（如 \"0.05\" 或 \"5%\"），才能精确读取",
            en: "write a decimal figure as a quoted string (\"0.05\" or \"5%\"), so that it is read exactly").into(),
        ShapeFault::WrongType { found, expected } => {
            let (expected, found) = (toml_type(l, *expected), toml_type(l, *found));
            say!(l, zh: "此处应为{expected}，文件中写的是{found}"; en: "expected {expected} here, found {found}")
        }
        ShapeFault::Other { message } => say!(l,
            zh: "文件是有效的 TOML，但此处不符合政策文件的格式\n    toml 的说明：“{message}”";
            en: "valid TOML, but not the shape of a policy file here\n    toml says: \"{message}\""),
    }
}

fn toml_type(l: Lang, t: TomlType) -> &'static str {
    match t {
        TomlType::String => pick!(l, zh: "字符串", en: "a string"),
        TomlType::Integer => pick!(l, zh: "整数", en: "an integer"),
        TomlType::Float => pick!(l, zh: "浮点数", en: "a float"),
        TomlType::Boolean => {
            pick!(l, zh: "布尔值（true 或 false）", en: "a boolean (true or false)")
        }
        TomlType::Datetime => pick!(l, zh: "日期", en: "a date"),
        TomlType::Array => pick!(l, zh: "数组（[…]）", en: "an array ([…])"),
        TomlType::Table => pick!(l, zh: "表（[…] 小节或 {…}）", en: "a table (a [section] or {…})"),
        TomlType::Figure => pick!(l,
            zh: "数值（整数如 2000，或加引号的小数、百分比如 \"0.05\"、\"5%\"）",
            en: "a figure (an integer such as 2000, or a quoted decimal or percentage such as \"0.05\" or \"5%\")"),
    }
}
