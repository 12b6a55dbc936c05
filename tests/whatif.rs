//! What-if runs through the real binary, with figures a person can check
//! on paper: `--budget` (and `--budget-priority`), `--set`, `compare`,
//! `policy diff` and `report`; and a property test of the scaling.

use std::path::{Path, PathBuf};

use crate::common::{claim, csv, C};
use assert_cmd::Command;
use proptest::prelude::*;
use rust_decimal::Decimal;
use subsidy::engine::{Basis, Outcome, Status};
use subsidy::whatif::budget::share;

fn subsidy() -> Command {
    let mut cmd = Command::cargo_bin("subsidy").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("SUBSIDY_LANG");
    cmd
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn write_temp(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// The payout CSV as rows of cells, keyed by the header.
fn rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{e}"));
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn cell<'a>(rows: &'a [std::collections::HashMap<String, String>], id: &str, col: &str) -> &'a str {
    rows.iter()
        .find(|r| r["claim_id"] == id)
        .map(|r| r[col].as_str())
        .unwrap_or_else(|| panic!("no {id}"))
}

/// Four claims a person can scale on paper: three mediation results of
/// 10,000 (clause 十三) and one provincial demonstration enterprise of
/// 30,000 (clause 九): 60,000 payable.
fn four_claims() -> Vec<C> {
    vec![
        claim("W-3", "O3", "mediation_qualified", "2024-05-01"),
        claim("W-1", "O1", "mediation_qualified", "2024-05-01"),
        claim("W-4", "E4", "gd_ip_demo_enterprise", "2024-05-01"),
        claim("W-2", "O2", "mediation_qualified", "2024-05-01"),
    ]
}

/// Fund 20,000 for 60,000: factor 1/3. W-4 gets 10,000.00 exactly; each
/// mediation claim 3,333.333…: 3,333.33 with a third of a fen left over,
/// three thirds in all, so one fen goes to the lowest claim_id, W-1.
#[test]
fn a_fund_of_a_third_is_shared_to_the_fen() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = write_temp(&dir, "four.csv", &csv(&four_claims()));
    let text = stdout(
        subsidy()
            .args(["calc", "--format", "csv", "--no-bom", "--budget", "20000"])
            .arg(&claims),
    );
    let rows = rows(&text);
    assert_eq!(cell(&rows, "W-1", "payable"), "3333.34");
    assert_eq!(cell(&rows, "W-2", "payable"), "3333.33");
    assert_eq!(cell(&rows, "W-3", "payable"), "3333.33");
    assert_eq!(cell(&rows, "W-4", "payable"), "10000.00");
    assert_eq!(cell(&rows, "W-1", "cut"), "6666.66");
    assert_eq!(cell(&rows, "W-4", "cut"), "20000.00");
    for id in ["W-1", "W-2", "W-3", "W-4"] {
        assert_eq!(cell(&rows, id, "status"), "capped");
        assert_eq!(cell(&rows, id, "factor"), "0.333333");
        assert!(cell(&rows, id, "reason").contains("资金总额 20000.00 不足"));
    }
    assert_eq!(cell(&rows, "W-1", "unscaled"), "10000.00");
    assert_eq!(cell(&rows, "W-4", "unscaled"), "30000.00");
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.ends_with(",status,reason,unscaled,factor"),
        "{header}"
    );
}

/// Clause 九 first: 30,000 in full; 5,000 left for 30,000 of mediation,
/// factor 1/6: 1,666.666… each, two fen over, to W-1 and W-2.
#[test]
fn priority_clauses_are_paid_in_full_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = write_temp(&dir, "four.csv", &csv(&four_claims()));
    let text = stdout(
        subsidy()
            .args(["calc", "--format", "csv", "--no-bom", "--budget", "35000"])
            .args(["--budget-priority", "9"])
            .arg(&claims),
    );
    let chinese = stdout(
        subsidy()
            .args(["calc", "--format", "csv", "--no-bom", "--budget", "35000"])
            .args(["--budget-priority", "（九）"])
            .arg(&claims),
    );
    assert_eq!(text, chinese);
    let rows = rows(&text);
    assert_eq!(cell(&rows, "W-1", "payable"), "1666.67");
    assert_eq!(cell(&rows, "W-2", "payable"), "1666.67");
    assert_eq!(cell(&rows, "W-3", "payable"), "1666.66");
    assert_eq!(cell(&rows, "W-4", "payable"), "30000.00");
    assert_eq!(cell(&rows, "W-4", "status"), "paid");
    assert_eq!(cell(&rows, "W-4", "factor"), "");
    assert_eq!(cell(&rows, "W-1", "factor"), "0.166667");
}

#[test]
fn priority_clauses_above_the_fund_are_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = write_temp(&dir, "four.csv", &csv(&four_claims()));
    subsidy()
        .args(["calc", "--budget", "20000", "--budget-priority", "9"])
        .arg(&claims)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("30,000.00"));
}

#[test]
fn a_fund_above_the_total_changes_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = write_temp(&dir, "four.csv", &csv(&four_claims()));
    let plain = stdout(
        subsidy()
            .args(["calc", "--format", "csv", "--no-bom"])
            .arg(&claims),
    );
    let budget = stdout(
        subsidy()
            .args(["calc", "--format", "csv", "--no-bom", "--budget", "60000"])
            .arg(&claims),
    );
    let plain_rows = rows(&plain);
    let budget_rows = rows(&budget);
    for id in ["W-1", "W-2", "W-3", "W-4"] {
        for col in ["payable", "cut", "status", "reason"] {
            assert_eq!(cell(&plain_rows, id, col), cell(&budget_rows, id, col));
        }
        assert_eq!(cell(&budget_rows, id, "factor"), "");
    }
    let table = stdout(
        subsidy()
            .args(["--lang", "en", "calc", "--budget", "60000"])
            .arg(&claims),
    );
    assert!(
        table.contains("the total payable ¥60,000.00 is within it; nothing is scaled"),
        "{table}"
    );
}

#[test]
fn the_tables_say_which_figures_were_set() {
    let table = stdout(
        subsidy()
            .args(["--lang", "en", "calc"])
            .arg(sample("claims-2024.csv"))
            .args(["--set", "clause.1.annual_cap=80000"]),
    );
    assert!(
        table.starts_with("this run changed figures of the policy (the file is unchanged): clause.1.annual_cap 50000 → 80000"),
        "{table}"
    );
}

#[test]
fn a_mistyped_key_is_refused_with_the_nearest_keys() {
    subsidy()
        .args([
            "--lang",
            "en",
            "check",
            "--item",
            "high_value_patent",
            "--type",
            "enterprise",
        ])
        .args(["--set", "clause.1.anual_cap=80000"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("clause.1.annual_cap"));
    subsidy()
        .args(["explain"])
        .arg(sample("claims-2024.csv"))
        .args([
            "--claim",
            "C-003",
            "--set",
            "item.high_value_patent.amount=lots",
        ])
        .assert()
        .code(2);
}

#[test]
fn explain_uses_the_set_figures() {
    let text = stdout(
        subsidy()
            .args(["explain"])
            .arg(sample("claims-2024.csv"))
            .args(["--claim", "C-003", "--set", "clause.1.annual_cap=80000"]),
    );
    assert!(text.contains("clause.1.annual_cap 50000 → 80000"), "{text}");
    assert!(text.contains("拨付 ¥40,000.00"), "{text}");
}

fn outcome(payable: i64, status: Status) -> Outcome {
    let p = Decimal::new(payable, 2);
    let mut o = Outcome::decided(p, p, Basis::Manual, Vec::new());
    o.status = status;
    o
}

proptest! {
    /// Whatever the claims and the fund: the scaled total is the fund to
    /// the fen, no claim gets more than it was decided, and
    /// computed = payable + cut on every claim.
    #[test]
    fn the_scaled_total_is_the_fund_and_no_claim_grows(
        fens in prop::collection::vec(0i64..5_000_000, 1..40),
        rejected in prop::collection::vec(any::<bool>(), 40),
        share_of_total in 1u32..1000,
    ) {
        let outcomes: Vec<Outcome> = fens
            .iter()
            .zip(&rejected)
            .map(|(f, r)| if *r {
                Outcome::rejected(Decimal::new(*f, 2), Basis::Manual, subsidy::engine::Rejection::OutsideValidity)
            } else {
                outcome(*f, Status::Paid)
            })
            .collect();
        let ids: Vec<String> = (0..outcomes.len()).map(|i| format!("C{i:03}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let total: i64 = outcomes.iter().map(|o| (o.payable * Decimal::from(100)).trunc().mantissa() as i64).sum();
        prop_assume!(total > 1);
        let fund = Decimal::new(total * i64::from(share_of_total) / 1000, 2);
        let priority = vec![false; outcomes.len()];
        let shared = share(&outcomes, &ids, &priority, fund, 2)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let scaled: Decimal = shared.outcomes.iter().map(|o| o.payable).sum();
        prop_assert_eq!(scaled, fund);
        for (before, after) in outcomes.iter().zip(&shared.outcomes) {
            prop_assert!(after.payable <= before.payable);
            prop_assert!(after.payable >= Decimal::ZERO);
            prop_assert_eq!(after.computed, before.computed);
            if after.payable < after.computed {
                prop_assert_ne!(after.status, subsidy::engine::Status::Paid);
            }
        }
    }
}

/// The sheet rows of `compare --format csv`, keyed by (section, key).
fn sheet(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    rows(text)
}

fn sheet_row<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    section: &str,
    key: &str,
) -> &'a std::collections::HashMap<String, String> {
    rows.iter()
        .find(|r| r["section"] == section && r["key"] == key)
        .unwrap_or_else(|| panic!("no {section} {key}"))
}

#[test]
fn the_shipped_policy_against_itself_differs_nowhere() {
    let text = stdout(
        subsidy()
            .args(["compare", "--format", "csv", "--no-bom"])
            .arg(sample("claims-2024.csv"))
            .arg("--ledger")
            .arg(sample("ledger-2024.csv")),
    );
    let rows = sheet(&text);
    assert!(rows.iter().all(|r| r["difference"] == "0.00"), "{text}");
    assert!(rows.iter().all(|r| r["section"] != "status"), "{text}");
    assert!(rows.iter().all(|r| r["section"] != "applicant"), "{text}");
    assert_eq!(sheet_row(&rows, "total", "")["base"], "1709505.01");
    let table = stdout(
        subsidy()
            .args(["--lang", "en", "compare"])
            .arg(sample("claims-2024.csv")),
    );
    assert!(table.contains("No claim changes its status."), "{table}");
}

/// Clause （一） cap 50,000 → 80,000. The only capped clause （一） claim
/// of the sample is C-003 (20 patents × 2,000 = 40,000 for 连州市华创科技,
/// after C-001 2,000 and C-002 10,000 used 12,000): 38,000 left under
/// 50,000, all 40,000 under 80,000. So +2,000, for that claim, that
/// applicant and that clause only; total 1,749,505.01 → 1,751,505.01.
#[test]
fn raising_the_clause_one_cap_changes_only_its_capped_claim() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cost = dir.path().join("cost.csv");
    subsidy()
        .args([
            "compare",
            "--no-bom",
            "--alt-set",
            "clause.1.annual_cap=80000",
            "--out",
        ])
        .arg(&cost)
        .arg(sample("claims-2024.csv"))
        .assert()
        .success();
    let text = std::fs::read_to_string(&cost).unwrap_or_else(|e| panic!("{e}"));
    let rows = sheet(&text);
    let total = sheet_row(&rows, "total", "");
    assert_eq!(
        (total["base"].as_str(), total["alt"].as_str()),
        ("1749505.01", "1751505.01")
    );
    assert_eq!(total["difference"], "2000.00");
    let changed: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r["difference"] != "0.00")
        .map(|r| {
            (
                r["section"].as_str(),
                r["key"].as_str(),
                r["difference"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            ("total", "", "2000.00"),
            ("clause", "（一）", "2000.00"),
            ("applicant", "91441882MA5123456M", "2000.00"),
            ("status", "C-003", "2000.00"),
        ]
    );
    let c003 = sheet_row(&rows, "status", "C-003");
    assert_eq!(
        (c003["base"].as_str(), c003["alt"].as_str()),
        ("38000.00", "40000.00")
    );
    assert_eq!(
        (c003["base_status"].as_str(), c003["alt_status"].as_str()),
        ("capped", "paid")
    );
}

/// A sheet of a workbook, as calamine reads it.
fn book_sheet(path: &Path, name: &str) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(path).unwrap_or_else(|e| panic!("{e}"));
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let book = calamine::open_workbook_auto(path).unwrap_or_else(|e| panic!("{e}"));
    book.sheet_names()
}

/// A part of the workbook's zip, as text.
fn part(path: &Path, name: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    text
}

/// A money cell: a number (never text), to the fen.
fn money(cell: Option<&calamine::Data>) -> String {
    match cell {
        Some(calamine::Data::Float(f)) => format!("{f:.2}"),
        other => panic!("{other:?} is not a number"),
    }
}

fn text(cell: Option<&calamine::Data>) -> String {
    match cell {
        Some(calamine::Data::String(s)) => s.clone(),
        other => panic!("{other:?} is not text"),
    }
}

/// The rows of a sheet's only table (after its title and header).
fn table_rows(range: &calamine::Range<calamine::Data>) -> Vec<Vec<calamine::Data>> {
    range.rows().skip(2).map(<[_]>::to_vec).collect()
}

/// `compare --out cost.xlsx` with the cap of 80,000: the cost CSV's
/// figures, as numbers, on five sheets, and a clustered bar chart of both
/// sides by clause.
#[test]
fn the_cost_workbook_holds_the_cost_sheets_figures_and_a_clustered_bar_chart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (csv_path, book) = (dir.path().join("cost.csv"), dir.path().join("cost.xlsx"));
    for out in [&csv_path, &book] {
        subsidy()
            .args([
                "compare",
                "--no-bom",
                "--alt-set",
                "clause.1.annual_cap=80000",
            ])
            .arg("--out")
            .arg(out)
            .arg(sample("claims-2024.csv"))
            .assert()
            .success();
    }
    let rows = sheet(&std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(
        sheet_names(&book),
        [
            "汇总",
            "按条款",
            "拨付变化的申请人",
            "状态改变的申报",
            "不同的数字"
        ]
    );
    let summary = book_sheet(&book, "汇总");
    let total = summary
        .rows()
        .find(|r| {
            r.first() == Some(&calamine::Data::String("合计".into()))
                && matches!(r.get(1), Some(calamine::Data::Float(_)))
        })
        .unwrap_or_else(|| panic!("no total row"));
    assert_eq!(
        [
            money(total.get(1)),
            money(total.get(2)),
            money(total.get(3))
        ],
        ["1749505.01", "1751505.01", "2000.00"]
    );
    let clauses = table_rows(&book_sheet(&book, "按条款"));
    let csv_clauses: Vec<_> = rows.iter().filter(|r| r["section"] == "clause").collect();
    assert_eq!(clauses.len(), csv_clauses.len());
    for (cells, r) in clauses.iter().zip(&csv_clauses) {
        assert_eq!(text(cells.first()), r["key"]);
        assert_eq!(money(cells.get(2)), r["base"], "{}", r["key"]);
        assert_eq!(money(cells.get(3)), r["alt"], "{}", r["key"]);
        assert_eq!(money(cells.get(4)), r["difference"], "{}", r["key"]);
    }
    let applicants = table_rows(&book_sheet(&book, "拨付变化的申请人"));
    assert_eq!(applicants.len(), 1);
    assert_eq!(text(applicants[0].first()), "91441882MA5123456M");
    assert_eq!(money(applicants[0].get(4)), "2000.00");
    let status = table_rows(&book_sheet(&book, "状态改变的申报"));
    assert_eq!(status.len(), 1);
    let cells: Vec<String> = status[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(cells[..4], ["C-003", "91441882MA5123456M", "封顶", "全额"]);
    assert_eq!(
        [money(status[0].get(4)), money(status[0].get(5))],
        ["38000.00", "40000.00"]
    );
    let figures = table_rows(&book_sheet(&book, "不同的数字"));
    let figures: Vec<Vec<String>> = figures
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(figures, [["clause.1.annual_cap", "50000", "80000"]]);
    let chart = part(&book, "xl/charts/chart1.xml");
    for wanted in [
        "<c:barChart>",
        "<c:barDir val=\"bar\"/>",
        "<c:grouping val=\"clustered\"/>",
        "按条款!$C$3:$C$22",
        "按条款!$D$3:$D$22",
        "各条款拨付金额：基准与方案",
        "金额（元）",
    ] {
        assert!(chart.contains(wanted), "{wanted}: {chart}");
    }
    assert_eq!(chart.matches("<c:ser>").count(), 2, "base and alternative");
}

/// An individual's ID number (张三, C-050, whose 5,000 for clause （十八）
/// becomes 6,000) is masked in the compare tables and the cost workbook,
/// as in every table; the cost CSV for scripts carries it whole, as the
/// payout does.
#[test]
fn compare_masks_an_individuals_id_in_its_tables_and_workbook() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = dir.path().join("cost.xlsx");
    let args = ["compare", "--alt-set", "item.ip_talent.amount=6000"];
    let table = stdout(subsidy().args(args).arg(sample("claims-2024.csv")));
    let csv = stdout(
        subsidy()
            .args(args)
            .args(["--format", "csv"])
            .arg(sample("claims-2024.csv")),
    );
    subsidy()
        .args(args)
        .arg("--out")
        .arg(&book)
        .arg(sample("claims-2024.csv"))
        .assert()
        .success();
    let whole = "441882199001011230";
    assert!(!table.contains(whole), "{table}");
    assert!(table.contains("441882********1230"), "{table}");
    assert!(csv.contains(whole), "{csv}");
    let applicants = table_rows(&book_sheet(&book, "拨付变化的申请人"));
    let ids: Vec<String> = applicants.iter().map(|r| text(r.first())).collect();
    assert!(ids.contains(&"441882********1230".to_string()), "{ids:?}");
    assert!(!ids.iter().any(|id| id == whole), "{ids:?}");
}

/// The same in English, and a compare of the policy with itself: every
/// difference is zero and the sheets say that nothing changes.
#[test]
fn the_cost_workbook_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = dir.path().join("cost.xlsx");
    subsidy()
        .args(["--lang", "en", "compare", "--out"])
        .arg(&book)
        .arg(sample("claims-2024.csv"))
        .assert()
        .success();
    assert_eq!(
        sheet_names(&book),
        [
            "Summary",
            "By clause",
            "Applicants",
            "Claims whose status changes",
            "Figures that differ"
        ]
    );
    let clauses = table_rows(&book_sheet(&book, "By clause"));
    assert!(clauses.iter().all(|r| money(r.get(4)) == "0.00"));
    let notes = [
        ("Applicants", "No applicant's payout changes."),
        (
            "Claims whose status changes",
            "No claim changes its status.",
        ),
        (
            "Figures that differ",
            "The two files agree on every figure.",
        ),
    ];
    for (name, note) in notes {
        let range = book_sheet(&book, name);
        assert_eq!(text(range.get_value((1, 0))), note, "{name}");
    }
    let chart = part(&book, "xl/charts/chart1.xml");
    assert!(
        chart.contains("Payable by clause: baseline and alternative"),
        "{chart}"
    );
    assert!(chart.contains("amount (yuan)"), "{chart}");
}

#[test]
fn policy_diff_lists_the_figures_that_differ() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/lianzhou-2024.toml");
    let text = std::fs::read_to_string(&shipped).unwrap_or_else(|e| panic!("{e}"));
    let alt = text
        .replacen(
            "annual_cap = 50000            # 同一单位年度资助最高5万元 (both items",
            "annual_cap = \"80000\"          # 同一单位年度资助最高5万元 (both items",
            1,
        )
        .replacen("rate = \"5%\"", "rate = \"0.05\"", 1);
    assert_ne!(alt, text);
    let alt_path = write_temp(&dir, "alt.toml", &alt);
    let out = stdout(
        subsidy()
            .args(["--lang", "en", "policy", "diff"])
            .arg(&shipped)
            .arg(&alt_path),
    );
    assert!(out.contains("clause.1.annual_cap"), "{out}");
    assert!(out.contains("80000"), "{out}");
    assert!(
        !out.contains("item.patent_transfer.rate"),
        "5% is 0.05: {out}"
    );
    let same = stdout(
        subsidy()
            .args(["--lang", "en", "policy", "diff"])
            .arg(&shipped)
            .arg(&shipped),
    );
    assert!(
        same.contains("The two files agree on every figure."),
        "{same}"
    );
}

/// The sample ledger, and the sample batch's payout (with that ledger)
/// written into `dir`: a year of two batches.
fn year_of_payouts(dir: &tempfile::TempDir) -> (PathBuf, PathBuf) {
    let payout = dir.path().join("payout.csv");
    subsidy()
        .args(["calc", "--out"])
        .arg(&payout)
        .arg(sample("claims-2024.csv"))
        .arg("--ledger")
        .arg(sample("ledger-2024.csv"))
        .assert()
        .success();
    (sample("ledger-2024.csv"), payout)
}

/// The payable per clause of the files' rows, and their rejected rows,
/// summed here row by row.
fn summed_by_hand(files: &[&Path]) -> (std::collections::BTreeMap<String, Decimal>, usize) {
    let mut by_clause: std::collections::BTreeMap<String, Decimal> = Default::default();
    let mut rejected = 0;
    for file in files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{e}"));
        let body = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
            .into_owned();
        for r in self::rows(&body) {
            *by_clause.entry(r["clause"].clone()).or_default() +=
                r["payable"].parse::<Decimal>().unwrap_or_default();
            rejected += usize::from(r["status"] == "rejected");
        }
    }
    (by_clause, rejected)
}

/// `report` over the sample ledger and the sample batch's payout. By hand
/// from samples/ledger-2024.csv: 4 rows, computed 20,000, 20,000, 2,000
/// and 50,000: 92,000, payable 42,000, cut 50,000 (L-004 rejected: other
/// city support). The batch's payout: the README's totals line, computed
/// 2,154,005.01 = payable 1,709,505.01 + cut 444,500.00. Every section
/// adds up to the same totals, and each group is its rows' sum.
#[test]
fn the_annual_review_reconciles_with_the_ledgers_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ledger, payout) = year_of_payouts(&dir);
    let text = stdout(
        subsidy()
            .args([
                "report", "--format", "csv", "--no-bom", "--budget", "2000000",
            ])
            .arg(&ledger)
            .arg(&payout),
    );
    let rows = sheet(&text);
    let figures = |section: &str, key: &str| {
        let r = sheet_row(&rows, section, key);
        [
            r["rows"].clone(),
            r["computed"].clone(),
            r["payable"].clone(),
            r["cut"].clone(),
        ]
    };
    let ledger_key = ledger.display().to_string();
    let payout_key = payout.display().to_string();
    assert_eq!(
        figures("batch", &ledger_key),
        ["4", "92000.00", "42000.00", "50000.00"]
    );
    assert_eq!(
        figures("batch", &payout_key),
        ["66", "2154005.01", "1709505.01", "444500.00"]
    );
    assert_eq!(
        figures("total", ""),
        ["70", "2246005.01", "1751505.01", "494500.00"]
    );
    let fund = sheet_row(&rows, "fund", "");
    assert_eq!(fund["payable"], "1751505.01");
    assert_eq!(fund["cut"], "248494.99");
    // Each section sums to the total.
    for section in ["clause", "applicant_type", "month", "batch"] {
        let sum: Decimal = rows
            .iter()
            .filter(|r| r["section"] == section)
            .map(|r| r["payable"].parse::<Decimal>().unwrap_or_default())
            .sum();
        assert_eq!(sum.to_string(), "1751505.01", "{section}");
    }
    // Each clause is the sum of its rows in the two files, summed here.
    let (by_clause, rejected) = summed_by_hand(&[&ledger, &payout]);
    for (clause, payable) in &by_clause {
        assert_eq!(
            sheet_row(&rows, "clause", clause)["payable"],
            format!("{payable:.2}")
        );
    }
    let counted: usize = rows
        .iter()
        .filter(|r| r["section"] == "rejected")
        .map(|r| r["rows"].parse::<usize>().unwrap_or_default())
        .sum();
    assert_eq!(counted, rejected);
    assert_eq!(rejected, 13, "1 in the ledger, 12 in the batch");
}

/// `report --out review.xlsx` of the same year: each table of the CSV on
/// its sheet, as numbers; the clauses equal the sums by hand of the files'
/// rows; the fund used; a bar chart of the payable by clause and a column
/// chart of the payable by month.
#[test]
fn the_review_workbook_has_the_reviews_figures_and_two_charts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ledger, payout) = year_of_payouts(&dir);
    let (csv_path, book) = (
        dir.path().join("review.csv"),
        dir.path().join("review.xlsx"),
    );
    for out in [&csv_path, &book] {
        subsidy()
            .args([
                "--lang", "en", "report", "--no-bom", "--budget", "2000000", "--out",
            ])
            .arg(out)
            .arg(&ledger)
            .arg(&payout)
            .assert()
            .success();
    }
    let rows = sheet(&std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}")));
    let sheets = [
        ("By clause", "clause"),
        ("By applicant type", "applicant_type"),
        ("By month", "month"),
        ("By batch", "batch"),
        ("Rejections by reason", "rejected"),
    ];
    let mut names = vec!["Summary".to_string()];
    names.extend(sheets.iter().map(|(n, _)| n.to_string()));
    assert_eq!(sheet_names(&book), names);
    for (name, section) in sheets {
        let cells = table_rows(&book_sheet(&book, name));
        let csv_rows: Vec<_> = rows.iter().filter(|r| r["section"] == section).collect();
        assert_eq!(cells.len(), csv_rows.len(), "{name}");
        for (cells, r) in cells.iter().zip(&csv_rows) {
            let key = if r["key"].is_empty() {
                "—"
            } else {
                r["key"].as_str()
            };
            assert_eq!(text(cells.first()), key, "{name}");
            assert_eq!(cells.get(1).map(|c| c.to_string()), Some(r["rows"].clone()));
            for (c, column) in [(2, "computed"), (3, "payable"), (4, "cut")] {
                assert_eq!(money(cells.get(c)), r[column], "{name} {key} {column}");
            }
        }
    }
    let (by_clause, rejected) = summed_by_hand(&[&ledger, &payout]);
    for cells in table_rows(&book_sheet(&book, "By clause")) {
        let key = text(cells.first());
        let key = if key == "—" { String::new() } else { key };
        assert_eq!(
            money(cells.get(3)),
            format!("{:.2}", by_clause[&key]),
            "{key}"
        );
    }
    let counted: f64 = table_rows(&book_sheet(&book, "Rejections by reason"))
        .iter()
        .map(|r| match r.get(1) {
            Some(calamine::Data::Float(n)) => *n,
            other => panic!("{other:?}"),
        })
        .sum();
    assert_eq!(counted as usize, rejected);
    let summary = book_sheet(&book, "Summary");
    let at = |r: u32, c: u32| summary.get_value((r, c));
    assert_eq!(text(at(2, 0)), "total");
    assert_eq!(money(at(2, 3)), "1751505.01");
    // The fund (under its title and header): 2,000,000; paid 1,751,505.01;
    // left 248,494.99; 87.58% used.
    assert_eq!(text(at(5, 0)), "fund");
    let fund = [money(at(6, 0)), money(at(6, 1)), money(at(6, 2))];
    assert_eq!(fund, ["2000000.00", "1751505.01", "248494.99"]);
    assert_eq!(money(at(6, 3)), "0.88");
    let by_clause_chart = part(&book, "xl/charts/chart1.xml");
    assert!(by_clause_chart.contains("<c:barDir val=\"bar\"/>"));
    assert!(
        by_clause_chart.contains("'By clause'!$D$3"),
        "{by_clause_chart}"
    );
    let by_month = part(&book, "xl/charts/chart2.xml");
    assert!(by_month.contains("<c:barDir val=\"col\"/>"), "{by_month}");
    assert!(by_month.contains("Payable by month"), "{by_month}");
    assert!(by_month.contains("'By month'!$D$3"), "{by_month}");
}

proptest! {
    /// With priority claims: they are paid in full, the rest share what
    /// is left to the fen, or the run is refused when they alone exceed
    /// the fund.
    #[test]
    fn priority_claims_are_untouched_and_the_rest_fill_the_fund(
        fens in prop::collection::vec(1i64..2_000_000, 2..30),
        first in prop::collection::vec(any::<bool>(), 30),
        share_of_total in 1u32..1000,
    ) {
        let outcomes: Vec<Outcome> = fens.iter().map(|f| outcome(*f, Status::Paid)).collect();
        let ids: Vec<String> = (0..outcomes.len()).map(|i| format!("P{i:03}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let priority: Vec<bool> = first[..outcomes.len()].to_vec();
        let total: i64 = fens.iter().sum();
        let fund = Decimal::new(total * i64::from(share_of_total) / 1000, 2);
        let first_total: Decimal = outcomes
            .iter()
            .zip(&priority)
            .filter(|(_, p)| **p)
            .map(|(o, _)| o.payable)
            .sum();
        match share(&outcomes, &ids, &priority, fund, 2) {
            Ok(shared) => {
                prop_assert!(first_total <= fund);
                let scaled: Decimal = shared.outcomes.iter().map(|o| o.payable).sum();
                prop_assert_eq!(scaled, fund);
                for ((before, after), p) in outcomes.iter().zip(&shared.outcomes).zip(&priority) {
                    prop_assert!(after.payable <= before.payable);
                    if *p {
                        prop_assert_eq!(after, before);
                    }
                }
            }
            Err(_) => prop_assert!(first_total > fund),
        }
    }
}

/// The sample ledger as a clerk's workbook saved from Excel: on sheet
/// `Sheet1` from cell C2 (a title row and a margin column left empty),
/// money and years in number cells, dates in date cells. `bad` replaces
/// one cell (CSV row from 1, column name): `=` text becomes a formula
/// showing `#DIV/0!`, other text a text cell.
fn clerks_ledger_workbook(path: &Path, bad: Option<(usize, &str, &str)>) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let text = std::fs::read_to_string(sample("ledger-2024.csv")).unwrap_or_else(|e| panic!("{e}"));
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").unwrap_or_else(|e| panic!("{e}"));
    let date_format = Format::new().set_num_format("yyyy/m/d");
    let header = rows[0].clone();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (at_row, at_col) = (r as u32 + 1, c as u16 + 2);
            let column = header[c].as_str();
            let date = ExcelDateTime::parse_from_str(cell).ok();
            let written = match (bad, date, cell.parse::<f64>()) {
                (Some((br, bc, new)), _, _) if br == r && bc == column => match new {
                    f if f.starts_with('=') => {
                        sheet.write_formula(at_row, at_col, Formula::new(f).set_result("#DIV/0!"))
                    }
                    t => sheet.write_string(at_row, at_col, t),
                },
                _ if cell.is_empty() => continue,
                (_, Some(d), _) if r > 0 && column == "date" => {
                    sheet.write_datetime_with_format(at_row, at_col, d, &date_format)
                }
                (_, _, Ok(n))
                    if r > 0 && ["year", "computed", "payable", "cut"].contains(&column) =>
                {
                    sheet.write_number(at_row, at_col, n)
                }
                _ => sheet.write_string(at_row, at_col, cell),
            };
            written.unwrap_or_else(|e| panic!("{e}"));
        }
    }
    book.save(path).unwrap_or_else(|e| panic!("{e}"));
}

/// `report --format csv` of some files.
fn review_csv(files: &[&Path]) -> String {
    stdout(
        subsidy()
            .args([
                "report", "--format", "csv", "--no-bom", "--budget", "2000000",
            ])
            .args(files),
    )
}

/// The same payout written by `calc --out x.csv` and `calc --out x.xlsx`
/// reviews to the same CSV, to the fen (only the file's name in its batch
/// row differs). By hand as in the CSV review: the batch's payout 66 rows,
/// computed 2,154,005.01, payable 1,709,505.01, cut 444,500.00; with the
/// ledger's 42,000 paid, 1,751,505.01 of the 2,000,000 fund.
#[test]
fn a_payout_workbook_reviews_to_the_same_figures_as_its_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ledger, payout_csv) = year_of_payouts(&dir);
    let payout_book = dir.path().join("payout.xlsx");
    subsidy()
        .args(["calc", "--out"])
        .arg(&payout_book)
        .arg(sample("claims-2024.csv"))
        .arg("--ledger")
        .arg(&ledger)
        .assert()
        .success();
    let from_csv = review_csv(&[&ledger, &payout_csv]);
    let from_book = review_csv(&[&ledger, &payout_book]);
    let (csv_name, book_name) = (
        payout_csv.display().to_string(),
        payout_book.display().to_string(),
    );
    assert!(from_book.contains(&book_name), "{from_book}");
    assert_eq!(from_book.replace(&book_name, &csv_name), from_csv);
    let rows = sheet(&from_book);
    let r = sheet_row(&rows, "batch", &book_name);
    assert_eq!(
        [&r["rows"], &r["computed"], &r["payable"], &r["cut"]],
        ["66", "2154005.01", "1709505.01", "444500.00"]
    );
    assert_eq!(sheet_row(&rows, "fund", "")["payable"], "1751505.01");
}

/// `report --out review.xlsx` of a payout workbook: its summary and its
/// clauses are the sums by hand of the CSV payout's rows.
#[test]
fn a_review_workbook_of_a_payout_workbook_has_the_csv_payouts_sums() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ledger, payout_csv) = year_of_payouts(&dir);
    let (payout_book, review) = (
        dir.path().join("payout.xlsx"),
        dir.path().join("review.xlsx"),
    );
    subsidy()
        .args(["calc", "--out"])
        .arg(&payout_book)
        .arg(sample("claims-2024.csv"))
        .arg("--ledger")
        .arg(&ledger)
        .assert()
        .success();
    subsidy()
        .args(["--lang", "en", "report", "--out"])
        .arg(&review)
        .arg(&ledger)
        .arg(&payout_book)
        .assert()
        .success();
    let summary = book_sheet(&review, "Summary");
    assert_eq!(money(summary.get_value((2, 3))), "1751505.01");
    let (by_clause, rejected) = summed_by_hand(&[&ledger, &payout_csv]);
    let clauses = table_rows(&book_sheet(&review, "By clause"));
    assert_eq!(clauses.len(), by_clause.len());
    for cells in clauses {
        let key = text(cells.first());
        let key = if key == "—" { String::new() } else { key };
        assert_eq!(
            money(cells.get(3)),
            format!("{:.2}", by_clause[&key]),
            "{key}"
        );
    }
    let counted: f64 = table_rows(&book_sheet(&review, "Rejections by reason"))
        .iter()
        .map(|r| match r.get(1) {
            Some(calamine::Data::Float(n)) => *n,
            other => panic!("{other:?}"),
        })
        .sum();
    assert_eq!(counted as usize, rejected);
}

/// A clerk's workbook of the sample ledger (English headers on Sheet1,
/// from C2, number and date cells) reviews as the CSV: 4 rows, computed
/// 20,000 + 20,000 + 2,000 + 50,000 = 92,000, payable 42,000, cut 50,000;
/// by month 2024-01: 2,000, 2024-02: 40,000.
#[test]
fn a_clerks_ledger_workbook_reviews_as_the_csv_ledger() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = dir.path().join("ledger.xlsx");
    clerks_ledger_workbook(&book, None);
    let ledger = sample("ledger-2024.csv");
    let from_book = review_csv(&[&book]);
    let from_csv = review_csv(&[&ledger]);
    let rows = sheet(&from_book);
    let total = sheet_row(&rows, "total", "");
    assert_eq!(
        [
            &total["rows"],
            &total["computed"],
            &total["payable"],
            &total["cut"]
        ],
        ["4", "92000.00", "42000.00", "50000.00"]
    );
    assert_eq!(sheet_row(&rows, "month", "2024-01")["payable"], "2000.00");
    assert_eq!(sheet_row(&rows, "month", "2024-02")["payable"], "40000.00");
    let (book_name, csv_name) = (book.display().to_string(), ledger.display().to_string());
    assert_eq!(from_book.replace(&book_name, &csv_name), from_csv);
}

/// A workbook whose sheet is not a payout (the review's own workbook,
/// whose first sheet is its summary) is refused naming the file and the
/// sheet; a cell showing an error, or text in a money column, is named by
/// its cell. In the clerk's workbook (from C2) L-001's payable is O3.
#[test]
fn a_ledger_workbooks_errors_name_the_file_and_the_sheet_or_cell() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ledger, _) = year_of_payouts(&dir);
    let review = dir.path().join("review.xlsx");
    subsidy()
        .args(["--lang", "en", "report", "--out"])
        .arg(&review)
        .arg(&ledger)
        .assert()
        .success();
    let stderr = |book: &Path| {
        let out = subsidy()
            .args(["--lang", "en", "report"])
            .arg(book)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let said = stderr(&review);
    let name = review.display().to_string();
    assert!(said.contains(&format!("{name}: sheet Summary ")), "{said}");
    // What a ledger needs: `report` reads a payout as `--ledger` does.
    assert!(said.contains("columns missing: claim_id,"), "{said}");
    let formula = dir.path().join("formula.xlsx");
    clerks_ledger_workbook(&formula, Some((1, "payable", "=1/0")));
    let said = stderr(&formula);
    let name = formula.display().to_string();
    assert!(said.contains(&format!("{name}: cell Sheet1!O3 ")), "{said}");
    assert!(said.contains("#DIV/0!"), "{said}");
    let typed = dir.path().join("typed.xlsx");
    clerks_ledger_workbook(&typed, Some((1, "payable", "twenty")));
    let said = stderr(&typed);
    let name = typed.display().to_string();
    assert!(
        said.contains(&format!(
            "{name}: cell Sheet1!O3 (column payable): `twenty`"
        )),
        "{said}"
    );
}

/// Every kind of rejection, as either language words it for a claim of
/// the sample batch, is read back by `report` as the rule it is: the
/// review groups rejected rows by these kinds.
#[test]
fn every_rejection_reason_is_read_back_as_its_rule() {
    use rust_decimal::Decimal;
    use subsidy::engine::{NoPlace, OutOfRange, Rejection};
    use subsidy::policy::{Bound, Measured, Side, TagSet, TypeSet};
    use subsidy::whatif::review::RejectionKind;
    use subsidy::words::Lang;
    let policy = subsidy::policy::bundled().unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read("samples/claims-2024.csv").unwrap_or_else(|e| panic!("{e}"));
    let mut keys = subsidy::claims::Keys::default();
    let batch = subsidy::claims::read_claims("claims.csv", text.as_slice(), &policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    let claim = &batch.claims[0];
    let by: Box<str> = "C-001".into();
    let bound = Bound {
        value: Decimal::from(10),
        inclusive: true,
    };
    let every = [
        Rejection::OutsideValidity,
        Rejection::OtherCitySupport,
        Rejection::ApplicantType {
            allowed: TypeSet::default(),
        },
        Rejection::MissingTag {
            any_of: TagSet::default(),
        },
        Rejection::FactBelow {
            fact: 0,
            minimum: Decimal::ONE,
            actual: Some(Decimal::ZERO),
        },
        Rejection::FactBelow {
            fact: 0,
            minimum: Decimal::ONE,
            actual: None,
        },
        Rejection::QuantityBelow {
            minimum: 3,
            actual: 1,
        },
        Rejection::OutOfRange(OutOfRange {
            on: Measured::Amount,
            side: Side::Min,
            bound,
            actual: Some(Decimal::ONE),
        }),
        Rejection::OutOfRange(OutOfRange {
            on: Measured::Amount,
            side: Side::Max,
            bound,
            actual: None,
        }),
        Rejection::QuotaFull(NoPlace {
            item: claim.item,
            per_year: 2,
            rank: 3,
            taken_before: 1,
        }),
        Rejection::ClaimInLedger,
        Rejection::RefPaid { by: by.clone() },
        Rejection::RefsPaid {
            refs: vec![("ZL1".into(), by.clone())],
        },
        Rejection::ApplicantRefPaid { by: by.clone() },
        Rejection::ApplicantPaid { by: by.clone() },
        Rejection::ItemYearPaid { by: by.clone() },
        Rejection::ClauseYearPaid {
            clause: 0,
            by: by.clone(),
        },
        Rejection::HigherAwardPaid {
            group: 0,
            paid: Decimal::from(30000),
            by: by.clone(),
        },
        Rejection::EarlierAwardMissing { item: claim.item },
        Rejection::Candidacy { by },
    ];
    for why in &every {
        let kind = RejectionKind::of(why);
        let (zh, en) = (
            Lang::Zh.words().rejection_kind(kind),
            Lang::En.words().rejection_kind(kind),
        );
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{kind:?}");
        for lang in [Lang::Zh, Lang::En] {
            let reason = lang.words().rejection(&policy, claim, why);
            assert_eq!(
                RejectionKind::of_reason(&policy, &reason),
                Some(RejectionKind::of(why)),
                "{reason}"
            );
        }
    }
}

#[test]
fn the_fact_rejections_of_another_measure_are_read_back_as_their_rules() {
    use subsidy::engine::Rejection;
    use subsidy::policy::{Window, WindowUnit};
    use subsidy::whatif::review::RejectionKind;
    use subsidy::words::Lang;
    let path = "tests/policies/rules-2.toml";
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let policy = subsidy::policy::load(path, &text).unwrap_or_else(|e| panic!("{e}"));
    let csv = "claim_id,applicant_id,applicant_name,applicant_type,item,date,ref\n\
               W1,E1,甲,企业,timely_invention,2024-06-01,ZL-1\n";
    let mut keys = subsidy::claims::Keys::default();
    let batch = subsidy::claims::read_claims("c.csv", csv.as_bytes(), &policy, &mut keys)
        .unwrap_or_else(|e| panic!("{e}"));
    let claim = &batch.claims[0];
    let window = Window {
        count: 1,
        unit: WindowUnit::Years,
    };
    for why in [
        Rejection::OutsideWindow {
            fact: 0,
            window,
            start: subsidy::date::Date::parse("2023-01-01"),
        },
        Rejection::OutsideWindow {
            fact: 0,
            window,
            start: None,
        },
        Rejection::FactNotAllowed {
            fact: 1,
            actual: Some(rust_decimal::Decimal::ZERO),
        },
        Rejection::FactNotAllowed {
            fact: 1,
            actual: None,
        },
    ] {
        for lang in [Lang::Zh, Lang::En] {
            let reason = lang.words().rejection(&policy, claim, &why);
            assert_eq!(
                RejectionKind::of_reason(&policy, &reason),
                Some(RejectionKind::of(&why)),
                "{reason}"
            );
        }
    }
}
