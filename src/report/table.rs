//! The terminal report: a table per applicant, a table per clause, and the
//! totals line that reconciles the two.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use rust_decimal::Decimal;

use super::summary::{Summary, Tally};
use super::Decided;
use crate::engine::Status;
use crate::money::grouped;
use crate::policy::{Policy, Status as PolicyStatus};
use crate::words::Lang;

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Paid, Lang::Zh) => "全额",
        (Status::Capped, Lang::Zh) => "封顶",
        (Status::Rejected, Lang::Zh) => "驳回",
        (Status::Manual, Lang::Zh) => "人工",
        (Status::Invalid, Lang::Zh) => "无效",
        (s, Lang::En) => s.as_str(),
    }
}

/// `¥12,345.60`
pub fn yuan(value: Decimal) -> String {
    format!("¥{}", grouped(value))
}

/// The one-line notice a draft policy prints above every table.
pub fn draft_notice(policy: &Policy, lang: Lang) -> Option<String> {
    (policy.status == PolicyStatus::Draft).then(|| match lang {
        Lang::Zh => format!("注意：《{}》为征求意见稿，以下金额均为暂定。", policy.title),
        Lang::En => format!(
            "Note: {} is a draft for comments; every figure is provisional.",
            policy.source
        ),
    })
}

fn new_table(header: Vec<&str>, right_from: usize) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.clone());
    for i in right_from..header.len() {
        if let Some(col) = table.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

fn money_cells(t: &Tally) -> [String; 3] {
    [yuan(t.computed), yuan(t.payable), yuan(t.cut)]
}

pub fn write_tables(decided: &Decided, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    let policy = decided.policy;
    let summary = Summary::of(decided);
    if let Some(notice) = draft_notice(policy, lang) {
        writeln!(out, "{notice}")?;
    }
    let l = |zh, en| lang.pick(zh, en);

    writeln!(out, "{}", l("按申请人汇总", "By applicant"))?;
    let mut applicants = new_table(
        vec![
            l("申请人代码", "applicant id"),
            l("申请人名称", "applicant name"),
            l("笔数", "rows"),
            l("核定金额", "computed"),
            l("拨付金额", "payable"),
            l("核减金额", "cut"),
        ],
        2,
    );
    for a in &summary.applicants {
        let mut row = vec![
            a.applicant_id.clone(),
            a.applicant_name.clone(),
            a.tally.rows().to_string(),
        ];
        row.extend(money_cells(&a.tally));
        applicants.add_row(row);
    }
    writeln!(out, "{applicants}")?;

    writeln!(out, "{}", l("按条款汇总", "By clause"))?;
    let mut header = vec![l("条款", "clause"), l("名称", "title"), l("笔数", "rows")];
    header.extend(Status::ALL.iter().map(|s| status_label(*s, lang)));
    header.extend([
        l("核定金额", "computed"),
        l("拨付金额", "payable"),
        l("核减金额", "cut"),
    ]);
    let mut clauses = new_table(header, 2);
    for c in &summary.clauses {
        let (label, title) = match c.clause {
            Some(i) => (
                policy.clauses[i].label(),
                policy.clauses[i].title(lang).to_string(),
            ),
            None => (
                "—".to_string(),
                l("（项目无法识别）", "(item not recognised)").to_string(),
            ),
        };
        let mut row = vec![label, title, c.tally.rows().to_string()];
        row.extend(Status::ALL.iter().map(|s| c.tally.count(*s).to_string()));
        row.extend(money_cells(&c.tally));
        clauses.add_row(row);
    }
    writeln!(out, "{clauses}")?;
    writeln!(out, "{}", totals_line(&summary.total, lang))
}

pub fn totals_line(t: &Tally, lang: Lang) -> String {
    let n = |s| t.count(s);
    match lang {
        Lang::Zh => format!(
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
        ),
        Lang::En => format!(
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
        ),
    }
}
