//! What each command and flag does and the headings of a help page, in
//! every language, the words side by side.

use super::{Cmd, Flag, HelpWord};
use crate::words::side_by_side::pick;
use crate::words::Lang;

/// A table, one line per flag: longer than a function should be, but flat.
#[allow(clippy::too_many_lines)]
pub(super) fn flag(l: Lang, flag: Flag) -> &'static str {
    match flag {
        Flag::Lang => pick!(l,
            zh: "表格、理由与提示所用的语言 [默认：SUBSIDY_LANG，否则 zh]",
            en: "Language of tables, reasons and messages [default: SUBSIDY_LANG, or zh]"),
        Flag::Quiet => pick!(l,
            zh: "不在标准错误输出上显示进度条，无论批次多大",
            en: "No progress bar on stderr, however long the batch"),
        Flag::ShowIds => pick!(l,
            zh: "在表格、计算过程与提示中完整显示个人身份证号码（拨付表始终完整）",
            en: "Print individuals' ID numbers whole in tables, derivations and messages \
             (the payout always carries them whole)"),
        Flag::Help => pick!(l, zh: "显示帮助", en: "Print help"),
        Flag::Version => pick!(l, zh: "显示版本", en: "Print the version"),
        Flag::HelpCommand => {
            pick!(l, zh: "要查看帮助的命令", en: "The command to print the help of")
        }
        Flag::Policy => pick!(l,
            zh: "使用此政策文件，而非内置的办法",
            en: "A policy file instead of the bundled measures"),
        Flag::Ledger => pick!(l,
            zh: "本工具此前生成的拨付 CSV，其中金额计为已拨付（可重复）",
            en: "An earlier payout CSV of this tool, counted as already paid (repeatable)"),
        Flag::Set => pick!(l,
            zh: "本次运行改动政策中的一个数值，如 clause.1.annual_cap=80000\
             （可重复；不改动文件）",
            en: "Change one figure of the policy for this run, e.g. clause.1.annual_cap=80000 \
             (repeatable; the file is not changed)"),
        Flag::Encoding => pick!(l,
            zh: "申报文件与台账的编码：auto（有字节序标记按标记，否则 UTF-8，\
             再否则 GB18030）、utf-8、gb18030（或 gbk）、utf-16",
            en: "Encoding of the claims file and ledgers: auto (a byte-order mark, else UTF-8, \
             else GB18030), utf-8, gb18030 (or gbk), utf-16"),
        Flag::Sheet => pick!(l,
            zh: ".xlsx、.xls 或 .ods 申报文件的工作表 [默认：第一个]；\
             工作簿台账有此表则读此表，否则读“明细”，再否则读第一个",
            en: "The sheet of an .xlsx, .xls or .ods claims file [default: the first]; a workbook \
             ledger is read from this sheet if it has one, else from 明细, else from its first"),
        Flag::Bind => pick!(l,
            zh: "监听地址；默认仅本机（端口 0：任一空闲端口）",
            en: "Address to listen on; loopback unless told otherwise (port 0: any free port)"),
        Flag::CalcClaims => pick!(l,
            zh: "申报 CSV；`-` 或省略则读标准输入",
            en: "The claims CSV; `-` or nothing reads standard input"),
        Flag::Format => pick!(l,
            zh: "输出格式 [默认：table，有 --out 时为 csv]",
            en: "Output format [default: table, or csv with --out]"),
        Flag::CalcOut => pick!(l,
            zh: "输出写入 FILE（原子写入）而非标准输出；以 .xlsx 结尾则生成 Excel 工作簿",
            en: "Write the output to FILE (atomically) instead of standard output; a FILE ending \
             in .xlsx gets an Excel workbook"),
        Flag::Strict => pick!(l,
            zh: "有任何无效行即以退出码 1 结束，且不写出任何内容",
            en: "Any invalid row: exit 1 and write nothing"),
        Flag::NoBom => pick!(l,
            zh: "不写 Excel 所需的字节序标记（供脚本使用）",
            en: "Leave out the byte-order mark that Excel needs (for scripts)"),
        Flag::Budget => pick!(l,
            zh: "固定资金总额：超出时按比例缩减，使合计恰好等于该额",
            en: "A fixed fund: above it, the claims are scaled to add up to it exactly"),
        Flag::BudgetPriority => pick!(l,
            zh: "按比例缩减前先全额拨付的条款，如 1,7,11",
            en: "Clauses paid in full before the rest is scaled, e.g. 1,7,11"),
        Flag::Headers => pick!(l,
            zh: "拨付 CSV 的表头：en（claim_id，…）或 zh（申报编号，…）",
            en: "The payout CSV's header row: en (claim_id, …) or zh (申报编号, …)"),
        Flag::MaxFieldBytes => pick!(l,
            zh: "单元格超过此字节数即拒绝",
            en: "Refuse a cell longer than this many bytes"),
        Flag::MaxRecordBytes => pick!(l,
            zh: "一行超过此字节数即拒绝",
            en: "Refuse a row longer than this many bytes"),
        Flag::MaxRows => {
            pick!(l, zh: "文件行数超过此数即拒绝", en: "Refuse a file of more rows than this")
        }
        Flag::Item => {
            pick!(l, zh: "项目编号或项目中文名称", en: "Item id, or the item's Chinese name")
        }
        Flag::ApplicantType => pick!(l,
            zh: "申请人类型：政策文件 [[applicant_type]] 所列类型的编号或名称",
            en: "Applicant type: an id or name of the policy file's [[applicant_type]]"),
        Flag::Quantity => pick!(l,
            zh: "数量（专利、作品、奖项、案件或授权的件数）",
            en: "How many (patents, works, awards, cases, grants)"),
        Flag::Amount => pick!(l,
            zh: "金额（元）：交易额、利息、保费或核准金额",
            en: "Yuan: the transaction amount, interest, premium or approved amount"),
        Flag::Date => {
            pick!(l, zh: "事项日期 [默认：今天]", en: "Date of the event [default: today]")
        }
        Flag::Tags => pick!(l,
            zh: "标签：政策文件所列标签的编号或名称（以 , 或 ; 分隔）",
            en: "Tags: ids or names of the policy file's tags (separated by , or ;)"),
        Flag::Reference => {
            pick!(l, zh: "专利号、证书号或案件号", en: "Patent, certificate or case number")
        }
        Flag::Score => {
            pick!(l, zh: "评分（按名额排名的项目使用）", en: "Score, for items ranked under a quota")
        }
        Flag::Fact => pick!(l,
            zh: "政策声明的事实，写作 ID=值（可重复；见下方列表）",
            en: "A fact the policy declares, as ID=VALUE (repeatable; listed below)"),
        Flag::OtherCitySupport => pick!(l,
            zh: "该项目已获同级其它政策扶持（政策文件所称的排除条款）",
            en: "The project already has support under another policy of the same level (the policy file's exclusion)"),
        Flag::CheckApplicant => pick!(l,
            zh: "申请人编号，使台账中其名下的记录计入",
            en: "The applicant's id, so that its rows in a ledger count"),
        Flag::ExplainClaims => pick!(l, zh: "该批次的申报 CSV", en: "The claims CSV of the batch"),
        Flag::Claim => {
            pick!(l, zh: "要说明的申报编号（可重复）", en: "A claim id to explain (repeatable)")
        }
        Flag::ExplainApplicant => pick!(l,
            zh: "说明该申请人的全部申报",
            en: "Explain every claim of this applicant"),
        Flag::CompareClaims => pick!(l,
            zh: "申报 CSV，在两份政策下各算一次",
            en: "The claims CSV, run under both policies"),
        Flag::Base => pick!(l,
            zh: "基准政策文件 [默认：内置政策]",
            en: "The baseline policy file [default: the bundled one]"),
        Flag::Alt => pick!(l,
            zh: "对比政策文件 [默认：内置政策]",
            en: "The alternative policy file [default: the bundled one]"),
        Flag::BaseSet => pick!(l,
            zh: "改动基准政策的一个数值，如 clause.1.annual_cap=80000（可重复）",
            en: "Change one figure of the baseline, e.g. clause.1.annual_cap=80000 (repeatable)"),
        Flag::AltSet => pick!(l,
            zh: "改动对比政策的一个数值（可重复）",
            en: "Change one figure of the alternative (repeatable)"),
        Flag::CompareLedger => pick!(l,
            zh: "此前的拨付 CSV，两边均计为已拨付（可重复）",
            en: "An earlier payout CSV, counted as already paid on both sides (repeatable)"),
        Flag::CompareOut => pick!(l,
            zh: "成本对比表写入 FILE：扩展名 .xlsx 写成带图表的工作簿，其余写成 CSV",
            en: "Write the cost sheet to FILE: .xlsx gets a workbook with a chart, anything else CSV"),
        Flag::ReportLedgers => pick!(l,
            zh: "本年度本工具生成的拨付表，每批一个：CSV，或工作簿（.xlsx、.xls、.ods），有“明细”表则读此表，否则读第一个表",
            en: "The year's payouts of this tool, one file per batch: CSV, or a workbook (.xlsx, .xls, .ods) read from its sheet 明细, else its first sheet"),
        Flag::ReportBudget => pick!(l,
            zh: "本年度资金总额，用于显示已用与剩余",
            en: "The year's fund, to show what was used and what is left"),
        Flag::ReportOut => pick!(l,
            zh: "输出写入 FILE 而非标准输出：扩展名 .xlsx 写成带图表的工作簿，其余写成 CSV",
            en: "Write the output to FILE instead of standard output: .xlsx gets a workbook with charts, anything else CSV"),
        Flag::TemplateOut => pick!(l,
            zh: "模板写入 FILE：.xlsx 生成工作簿，其他为 CSV [默认：CSV 输出到标准输出]",
            en: "Write the template to FILE: .xlsx gets a workbook, anything else CSV \
             [default: CSV on standard output]"),
        Flag::TemplateHeaders => pick!(l,
            zh: "CSV 的表头：en（claim_id，…）或 zh（申请编号，…）；工作簿的表头为中文",
            en: "The CSV's header row: en (claim_id, …) or zh (申请编号, …); the workbook's is Chinese"),
        Flag::ListFormat => {
            pick!(l, zh: "输出格式 [默认：table]", en: "Output format [default: table]")
        }
        Flag::ShowId => {
            pick!(l, zh: "项目编号或名称，或条款号", en: "Item id or name, or clause number")
        }
        Flag::ValidateFile => pick!(l,
            zh: "政策文件 [默认：内置政策]",
            en: "The policy file [default: the bundled one]"),
        Flag::DiffBase => pick!(l, zh: "基准政策文件", en: "The baseline policy file"),
        Flag::DiffAlt => pick!(l, zh: "对比政策文件", en: "The alternative policy file"),
        Flag::TestPolicy => pick!(l,
            zh: "政策文件 [默认：内置政策]",
            en: "The policy file [default: the bundled one]"),
        Flag::TestCases => pick!(l,
            zh: "用例文件 [默认：与 POLICY 同名的 .cases.toml，或内置用例]",
            en: "The cases file [default: POLICY with .cases.toml, or the bundled cases]"),
        Flag::Shell => pick!(l, zh: "补全脚本所用的 shell", en: "The shell the script is for"),
        Flag::Column => pick!(l,
            zh: "把申报文件中表头为 HEADER 的列按 COLUMN 读取（claim_id、ref、other_city_support\
             等，或政策的条件）；可重复",
            en: "Read the claims file's column HEADER as COLUMN (claim_id, ref, other_city_support, \
             …, or a fact of the policy); repeatable"),
        Flag::IgnoreColumn => pick!(l,
            zh: "不读取表头为 HEADER 的列，原样带入拨付表，即使它看起来会影响资助金额；可重复",
            en: "Carry the claims file's column HEADER into the payout unread, even where it looks \
             like a column that changes a payment; repeatable"),
        Flag::ColumnsFile => pick!(l,
            zh: "本单位表头的说明文件：每行一条“列名=表头”，或“忽略=表头”；\
             与 --column、--ignore-column 作用相同",
            en: "A file of the office's headers: a COLUMN=HEADER a line, or ignore=HEADER; \
             read as --column and --ignore-column"),
        Flag::Book => pick!(l,
            zh: "本办台账：已记账的各批次均计为已拨付［默认：SUBSIDY_BOOK］",
            en: "The office's book: every batch committed, counted as already paid \
             [default: SUBSIDY_BOOK]"),
        Flag::Commit => pick!(l,
            zh: "把本批核定结果记入台账（--book），在同一事务内完成",
            en: "Record the batch in the book (--book) as decided, in one transaction"),
        Flag::By => pick!(l,
            zh: "经办人，记入台账［默认：登录名］",
            en: "Who records this in the book [default: the login name]"),
        Flag::Year => pick!(l,
            zh: "取该年度的行（拨付表的 year 列）",
            en: "The year whose rows are taken (the payout's year column)"),
        Flag::PublishOut => pick!(l,
            zh: "公示名单的写入位置：.xlsx 或 .csv",
            en: "Where to write the public list: .xlsx or .csv"),
        Flag::ReportBook => pick!(l,
            zh: "本办台账：汇总其中有效的批次，可与 LEDGER 文件同用或代替之（此处不读 SUBSIDY_BOOK）",
            en: "The office's book: review its batches in force, with or instead of LEDGER files \
             (SUBSIDY_BOOK is not read here)"),
        Flag::CompareYear => pick!(l,
            zh: "代替 CLAIMS：按顺序在两份政策下重算台账（--book）中该年度的各批次",
            en: "Instead of CLAIMS: replay the year's batches of the book (--book), in order, \
             under both policies"),
        Flag::Reason => pick!(l,
            zh: "撤销该批次的原因，记入台账",
            en: "Why the batch is withdrawn, as the book records it"),
        Flag::ImportFiles => pick!(l,
            zh: "本工具此前的拨付表（.csv 或 .xlsx），按此顺序记入",
            en: "Earlier payouts of this tool (.csv or .xlsx), recorded in this order"),
        Flag::BookInitFile => pick!(l,
            zh: "新台账的文件（须尚不存在）",
            en: "The new book's file (it must not exist yet)"),
        Flag::BatchNumber => pick!(l, zh: "台账中的批次号", en: "The batch's number in the book"),
        Flag::BookExportOut => pick!(l,
            zh: "该批拨付表的写入位置：.csv 为原样，.xlsx 为工作簿",
            en: "Where to write the batch's payout: .csv as recorded, .xlsx as a workbook"),
    }
}

/// A table, one line per command: longer than a function should be, but flat.
#[allow(clippy::too_many_lines)]
pub(super) fn command_about(l: Lang, command: Cmd) -> &'static str {
    match command {
        Cmd::Calc => pick!(l,
            zh: "计算一批申报：汇总表、拨付 CSV 或 JSON",
            en: "Run a batch of claims: tables, payout CSV or JSON"),
        Cmd::Check => pick!(l,
            zh: "申报前试算一笔申报，并给出计算过程",
            en: "Dry-run one claim before filing it, with its derivation"),
        Cmd::Explain => pick!(l,
            zh: "逐个上限说明一批申报中各笔是如何核定的",
            en: "Explain how claims of a batch were decided, cap by cap"),
        Cmd::Compare => pick!(l,
            zh: "同一批申报在两份政策下对比：合计、条款、申请人、状态",
            en: "One batch under two policies: totals, clauses, applicants, statuses"),
        Cmd::Report => pick!(l,
            zh: "本年度拨付汇总：按条款、类型、月份、批次、原因",
            en: "The year's payouts tabulated: by clause, type, month, batch, reason"),
        Cmd::Policy => pick!(l,
            zh: "项目目录、单个项目或条款、政策校验与用例",
            en: "The catalogue of items, one item or clause, validation and worked cases"),
        Cmd::PolicyList => pick!(l,
            zh: "项目目录：条款、项目、名称、类型、金额、对象、规则与上限",
            en: "The catalogue: clause, item, name, kind, figure, who, rules and caps"),
        Cmd::PolicyShow => pick!(l,
            zh: "完整显示一个项目（编号或中文名）或一条条款（1、一 或 （一））",
            en: "One item (by id or Chinese name) or one clause (1, 一 or （一）) in full"),
        Cmd::PolicyValidate => pick!(l,
            zh: "校验政策文件，列出每处问题及其行号与键",
            en: "Check a policy file and list every problem with its line and key"),
        Cmd::PolicyDiff => pick!(l,
            zh: "并列显示两份政策文件中不同的每个数值",
            en: "Every figure that differs between two policy files, side by side"),
        Cmd::PolicyTest => pick!(l,
            zh: "运行政策文件旁的用例",
            en: "Run the worked cases kept beside a policy file"),
        Cmd::Template => pick!(l,
            zh: "生成待填写的空白申报文件：带下拉框与目录的 .xlsx，或 CSV",
            en: "An empty claims file to fill in: .xlsx with drop-downs and the catalogue, or CSV"),
        Cmd::Serve => pick!(l,
            zh: "以网页形式为申请人提供试算",
            en: "Serve the dry run as a web page for applicants"),
        Cmd::Completions => {
            pick!(l, zh: "输出 shell 补全脚本", en: "Print a shell completion script")
        }
        Cmd::Help => pick!(l,
            zh: "显示本帮助或指定命令的帮助",
            en: "Print this help or the help of the given command"),
        Cmd::Book => pick!(l,
            zh: "本办台账：每批都有记录，同一项不会重复拨付",
            en: "The office's book: every batch recorded, nothing paid twice"),
        Cmd::BookInit => pick!(l,
            zh: "在新文件中建空台账，仅所有者可读",
            en: "Make an empty book in a new file, readable by its owner only"),
        Cmd::BookList => pick!(l,
            zh: "台账中的批次：批次号、日期、经办人、行数、拨付金额、政策",
            en: "The book's batches: number, date, who, rows, paid, policy"),
        Cmd::BookShow => {
            pick!(l, zh: "完整显示台账中的一个批次", en: "One batch of the book in full")
        }
        Cmd::BookExport => pick!(l,
            zh: "导出一个批次的拨付表，与 calc 当时写出的相同",
            en: "The payout of one batch, as calc wrote it"),
        Cmd::BookVerify => pick!(l,
            zh: "核验台账的哈希链，并重算其中记录的每个批次",
            en: "Check the book's hash chain and replay every batch it recorded"),
        Cmd::BookVoid => pick!(l,
            zh: "撤销财政未拨付的批次（新增一条记录，从不删除）",
            en: "Withdraw a batch the finance bureau did not pay (a new entry, never a deletion)"),
        Cmd::BookPublish => pick!(l,
            zh: "本年度公示名单：申请人、项目、金额、批次；证件号码已遮盖",
            en: "The year's public list: applicant, item, amount, batch; ID numbers masked"),
        Cmd::BookImport => pick!(l,
            zh: "把本办此前的拨付表记入台账（无需重算）",
            en: "Record the office's earlier payouts in the book (nothing to replay)"),
    }
}

pub(super) fn help_word(l: Lang, word: HelpWord) -> &'static str {
    match word {
        HelpWord::Usage => pick!(l, zh: "用法：", en: "Usage: "),
        HelpWord::Arguments => pick!(l, zh: "参数：", en: "Arguments:"),
        HelpWord::Options => pick!(l, zh: "选项：", en: "Options:"),
        HelpWord::Commands => pick!(l, zh: "命令：", en: "Commands:"),
        HelpWord::AnyOptions => pick!(l, zh: "[选项]", en: "[OPTIONS]"),
        HelpWord::AnyCommand => pick!(l, zh: "<命令>", en: "<COMMAND>"),
    }
}
