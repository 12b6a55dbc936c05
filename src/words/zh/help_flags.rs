//! `--help` in Chinese: what each command and flag does, the headings of a
//! help page, and what is wrong with a command line.

use crate::words::help::{Cmd, Flag, HelpWord, UsageError};

/// A table, one line per flag: longer than a function should be, but flat.
#[allow(clippy::too_many_lines)]
pub(super) fn flag(flag: Flag) -> &'static str {
    match flag {
        Flag::Lang => "表格、理由与提示所用的语言 [默认：SUBSIDY_LANG，否则 zh]",
        Flag::Quiet => "不在标准错误输出上显示进度条，无论批次多大",
        Flag::ShowIds => "在表格、计算过程与提示中完整显示个人身份证号码（拨付表始终完整）",
        Flag::Help => "显示帮助",
        Flag::Version => "显示版本",
        Flag::HelpCommand => "要查看帮助的命令",
        Flag::Policy => "使用此政策文件，而非内置的办法",
        Flag::Ledger => "本工具此前生成的拨付 CSV，其中金额计为已拨付（可重复）",
        Flag::Set => {
            "本次运行改动政策中的一个数值，如 clause.1.annual_cap=80000\
             （可重复；不改动文件）"
        }
        Flag::Encoding => {
            "申报文件与台账的编码：auto（有字节序标记按标记，否则 UTF-8，\
             再否则 GB18030）、utf-8、gb18030（或 gbk）、utf-16"
        }
        Flag::Sheet => {
            ".xlsx、.xls 或 .ods 申报文件的工作表 [默认：第一个]；\
             工作簿台账有此表则读此表，否则读“明细”，再否则读第一个"
        }
        Flag::Bind => "监听地址；默认仅本机（端口 0：任一空闲端口）",
        Flag::CalcClaims => "申报 CSV；`-` 或省略则读标准输入",
        Flag::Format => "输出格式 [默认：table，有 --out 时为 csv]",
        Flag::CalcOut => "输出写入 FILE（原子写入）而非标准输出；以 .xlsx 结尾则生成 Excel 工作簿",
        Flag::Strict => "有任何无效行即以退出码 1 结束，且不写出任何内容",
        Flag::NoBom => "不写 Excel 所需的字节序标记（供脚本使用）",
        Flag::Budget => "固定资金总额：超出时按比例缩减，使合计恰好等于该额",
        Flag::BudgetPriority => "按比例缩减前先全额拨付的条款，如 1,7,11",
        Flag::Headers => "拨付 CSV 的表头：en（claim_id，…）或 zh（申报编号，…）",
        Flag::MaxFieldBytes => "单元格超过此字节数即拒绝",
        Flag::MaxRecordBytes => "一行超过此字节数即拒绝",
        Flag::MaxRows => "文件行数超过此数即拒绝",
        Flag::Item => "项目编号或项目中文名称",
        Flag::ApplicantType => {
            "申请人类型：政策文件 [[applicant_type]] 所列类型的编号或名称"
        }
        Flag::Quantity => "数量（专利、作品、奖项、案件或授权的件数）",
        Flag::Amount => "金额（元）：交易额、利息、保费或核准金额",
        Flag::Date => "事项日期 [默认：今天]",
        Flag::Tags => "标签：政策文件所列标签的编号或名称（以 , 或 ; 分隔）",
        Flag::Reference => "专利号、证书号或案件号",
        Flag::Score => "评分（按名额排名的项目使用）",
        Flag::Fact => "政策声明的事实，写作 ID=值（可重复；见下方列表）",
        Flag::OtherCitySupport => "该项目已获同级其它政策扶持（政策文件所称的排除条款）",
        Flag::CheckApplicant => "申请人编号，使台账中其名下的记录计入",
        Flag::ExplainClaims => "该批次的申报 CSV",
        Flag::Claim => "要说明的申报编号（可重复）",
        Flag::ExplainApplicant => "说明该申请人的全部申报",
        Flag::CompareClaims => "申报 CSV，在两份政策下各算一次",
        Flag::Base => "基准政策文件 [默认：内置政策]",
        Flag::Alt => "对比政策文件 [默认：内置政策]",
        Flag::BaseSet => "改动基准政策的一个数值，如 clause.1.annual_cap=80000（可重复）",
        Flag::AltSet => "改动对比政策的一个数值（可重复）",
        Flag::CompareLedger => "此前的拨付 CSV，两边均计为已拨付（可重复）",
        Flag::CompareOut => "成本对比表写入 FILE：扩展名 .xlsx 写成带图表的工作簿，其余写成 CSV",
        Flag::ReportLedgers => {
            "本年度本工具生成的拨付表，每批一个：CSV，或工作簿（.xlsx、.xls、.ods），有“明细”表则读此表，否则读第一个表"
        }
        Flag::ReportBudget => "本年度资金总额，用于显示已用与剩余",
        Flag::ReportOut => {
            "输出写入 FILE 而非标准输出：扩展名 .xlsx 写成带图表的工作簿，其余写成 CSV"
        }
        Flag::TemplateOut => {
            "模板写入 FILE：.xlsx 生成工作簿，其他为 CSV [默认：CSV 输出到标准输出]"
        }
        Flag::TemplateHeaders => {
            "CSV 的表头：en（claim_id，…）或 zh（申请编号，…）；工作簿的表头为中文"
        }
        Flag::ListFormat => "输出格式 [默认：table]",
        Flag::ShowId => "项目编号或名称，或条款号",
        Flag::ValidateFile => "政策文件 [默认：内置政策]",
        Flag::DiffBase => "基准政策文件",
        Flag::DiffAlt => "对比政策文件",
        Flag::TestPolicy => "政策文件 [默认：内置政策]",
        Flag::TestCases => "用例文件 [默认：与 POLICY 同名的 .cases.toml，或内置用例]",
        Flag::Shell => "补全脚本所用的 shell",
        Flag::Column => {
            "把申报文件中表头为 HEADER 的列按 COLUMN 读取（claim_id、ref、other_city_support\
             等，或政策的条件）；可重复"
        }
        Flag::IgnoreColumn => {
            "不读取表头为 HEADER 的列，原样带入拨付表，即使它看起来会影响资助金额；可重复"
        }
        Flag::ColumnsFile => {
            "本单位表头的说明文件：每行一条“列名=表头”，或“忽略=表头”；\
             与 --column、--ignore-column 作用相同"
        }
        Flag::Book => "本办台账：已记账的各批次均计为已拨付［默认：SUBSIDY_BOOK］",
        Flag::Commit => "把本批核定结果记入台账（--book），在同一事务内完成",
        Flag::By => "经办人，记入台账［默认：登录名］",
        Flag::Year => "取该年度的行（拨付表的 year 列）",
        Flag::PublishOut => "公示名单的写入位置：.xlsx 或 .csv",
        Flag::ReportBook => "本办台账：汇总其中有效的批次，可与 LEDGER 文件同用或代替之（此处不读 SUBSIDY_BOOK）",
        Flag::CompareYear => "代替 CLAIMS：按顺序在两份政策下重算台账（--book）中该年度的各批次",
        Flag::Reason => "撤销该批次的原因，记入台账",
        Flag::ImportFiles => "本工具此前的拨付表（.csv 或 .xlsx），按此顺序记入",
        Flag::BookInitFile => "新台账的文件（须尚不存在）",
        Flag::BatchNumber => "台账中的批次号",
        Flag::BookExportOut => "该批拨付表的写入位置：.csv 为原样，.xlsx 为工作簿",
    }
}

pub(super) fn command_about(command: Cmd) -> &'static str {
    match command {
        Cmd::Calc => "计算一批申报：汇总表、拨付 CSV 或 JSON",
        Cmd::Check => "申报前试算一笔申报，并给出计算过程",
        Cmd::Explain => "逐个上限说明一批申报中各笔是如何核定的",
        Cmd::Compare => "同一批申报在两份政策下对比：合计、条款、申请人、状态",
        Cmd::Report => "本年度拨付汇总：按条款、类型、月份、批次、原因",
        Cmd::Policy => "项目目录、单个项目或条款、政策校验与用例",
        Cmd::PolicyList => "项目目录：条款、项目、名称、类型、金额、对象、规则与上限",
        Cmd::PolicyShow => "完整显示一个项目（编号或中文名）或一条条款（1、一 或 （一））",
        Cmd::PolicyValidate => "校验政策文件，列出每处问题及其行号与键",
        Cmd::PolicyDiff => "并列显示两份政策文件中不同的每个数值",
        Cmd::PolicyTest => "运行政策文件旁的用例",
        Cmd::Template => "生成待填写的空白申报文件：带下拉框与目录的 .xlsx，或 CSV",
        Cmd::Serve => "以网页形式为申请人提供试算",
        Cmd::Completions => "输出 shell 补全脚本",
        Cmd::Help => "显示本帮助或指定命令的帮助",
        Cmd::Book => "本办台账：每批都有记录，同一项不会重复拨付",
        Cmd::BookInit => "在新文件中建空台账，仅所有者可读",
        Cmd::BookList => "台账中的批次：批次号、日期、经办人、行数、拨付金额、政策",
        Cmd::BookShow => "完整显示台账中的一个批次",
        Cmd::BookExport => "导出一个批次的拨付表，与 calc 当时写出的相同",
        Cmd::BookVerify => "核验台账的哈希链，并重算其中记录的每个批次",
        Cmd::BookVoid => "撤销财政未拨付的批次（新增一条记录，从不删除）",
        Cmd::BookPublish => "本年度公示名单：申请人、项目、金额、批次；证件号码已遮盖",
        Cmd::BookImport => "把本办此前的拨付表记入台账（无需重算）",
    }
}

pub(super) fn help_word(word: HelpWord) -> &'static str {
    match word {
        HelpWord::Usage => "用法：",
        HelpWord::Arguments => "参数：",
        HelpWord::Options => "选项：",
        HelpWord::Commands => "命令：",
        HelpWord::AnyOptions => "[选项]",
        HelpWord::AnyCommand => "<命令>",
    }
}

pub(super) fn usage_error(error: &UsageError) -> String {
    match error {
        UsageError::UnknownArgument {
            arg,
            nearest,
            as_value,
        } => {
            let mut out = format!("错误：无法识别的参数 '{arg}'");
            if let Some(nearest) = nearest {
                out.push_str(&format!("\n\n  提示：是否想用 '{nearest}'？"));
            }
            if *as_value {
                out.push_str(&format!(
                    "\n\n  提示：若要把 '{arg}' 当作值传入，请写作 '-- {arg}'"
                ));
            }
            out
        }
        UsageError::UnknownCommand { name, nearest } => match nearest {
            Some(n) => format!("错误：无法识别的命令 '{name}'\n\n  提示：是否想用 '{n}'？"),
            None => format!("错误：无法识别的命令 '{name}'"),
        },
        UsageError::MissingValue { arg, valid } => {
            format!("错误：'{arg}' 需要一个值，但没有给出{}", valid_list(valid))
        }
        UsageError::InvalidValue {
            arg,
            value,
            valid,
            nearest,
        } => {
            let mut out = format!("错误：'{value}' 不是 '{arg}' 可用的值{}", valid_list(valid));
            if let Some(nearest) = nearest {
                out.push_str(&format!("\n\n  提示：是否想用 '{nearest}'？"));
            }
            out
        }
        UsageError::TooManyValues { arg, value } => {
            format!("错误：'{arg}' 不再接受值，多出了 '{value}'")
        }
        UsageError::WrongNumberOfValues { arg } => format!("错误：'{arg}' 的值的个数不对"),
        UsageError::Conflict { arg, other } => match other {
            Some(other) => format!("错误：'{arg}' 不能与 '{other}' 同时使用"),
            None => format!("错误：'{arg}' 不能与已给出的参数同时使用"),
        },
        UsageError::MissingRequired { args } => {
            format!("错误：缺少必需的参数：\n  {}", args.join("\n  "))
        }
        UsageError::MissingCommand { valid } => {
            format!("错误：需要指定一个命令{}", valid_list(valid))
        }
        UsageError::NoEquals { arg } => format!("错误：'{arg}' 的值须用 = 连写，如 {arg}=值"),
        UsageError::InvalidUtf8 => "错误：命令行参数不是有效的 UTF-8".into(),
        UsageError::Unreadable => "错误：无法读懂这条命令行".into(),
    }
}

fn valid_list(valid: &[String]) -> String {
    if valid.is_empty() {
        String::new()
    } else {
        format!("\n  可选值：{}", valid.join("、"))
    }
}

pub(super) fn usage_hint(usage: Option<&str>) -> String {
    match usage {
        Some(usage) => format!("用法：{usage}\n\n详细说明请加 '--help' 查看。"),
        None => "详细说明请加 '--help' 查看。".to_string(),
    }
}
