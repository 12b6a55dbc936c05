//! The real binary, as an official or a script would run it.

use std::fs;

use crate::common::subsidy;
use predicates::prelude::*;

const SAMPLE: &str = "samples/claims-2024.csv";
const LEDGER: &str = "samples/ledger-2024.csv";

fn payout_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_batch_prints_both_tables_and_a_totals_line_that_reconciles() {
    subsidy()
        .args(["calc", SAMPLE, "--ledger", LEDGER])
        .assert()
        .success()
        .stdout(predicate::str::contains("征求意见稿"))
        .stdout(predicate::str::contains("按申请人汇总"))
        .stdout(predicate::str::contains("按条款汇总"))
        .stdout(predicate::str::contains(
            "合计：输入 66 行 = 全额 34 + 封顶 8 + 驳回 12 + 人工 4 + 无效 8；核定 ¥2,154,005.01 = 拨付 ¥1,709,505.01 + 核减 ¥444,500.00",
        ))
        .stderr(predicate::str::contains("samples/claims-2024.csv:57: column date:"));
}

#[test]
fn english_labels_with_lang_or_the_environment() {
    subsidy()
        .args(["calc", SAMPLE, "--ledger", LEDGER, "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("By applicant"))
        .stdout(predicate::str::contains(
            "Total: 66 rows in = 34 paid + 8 capped",
        ));
    subsidy()
        .env("SUBSIDY_LANG", "en")
        .args(["calc", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains("By clause"));
}

#[test]
fn the_payout_csv_has_every_input_row_in_order_with_bom_and_fixed_columns() {
    let out = subsidy()
        .args(["calc", SAMPLE, "--ledger", LEDGER, "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("output is UTF-8");
    assert!(text.starts_with('\u{feff}'), "Excel needs the BOM");
    assert!(text.starts_with(
        "\u{feff}claim_id,applicant_id,applicant_name,applicant_type,clause,item,ref,date,year,quantity,amount,computed,payable,cut,status,reason\n"
    ));
    let rows = payout_rows(&text);
    assert_eq!(rows.len(), 66);
    assert_eq!(rows[0][0], "C-001");
    assert_eq!(rows[60][0], "C-061");
    let c003 = &rows[2];
    assert_eq!(
        (
            &c003[4][..],
            &c003[11][..],
            &c003[12][..],
            &c003[13][..],
            &c003[14][..]
        ),
        ("（一）", "40000.00", "38000.00", "2000.00", "capped")
    );
    // A negative amount on an invalid row is text, defused for the spreadsheet.
    assert_eq!(rows[60][10], "'-500");
    assert_eq!(rows[60][14], "invalid");
}

#[test]
fn no_bom_for_scripts_and_stdin_with_a_dash() {
    let sample = fs::read(SAMPLE).expect("read a test file");
    let out = subsidy()
        .args(["calc", "-", "--format", "csv", "--no-bom"])
        .write_stdin(sample)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"claim_id,"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:57: column date:"));
}

#[test]
fn out_writes_a_payout_that_is_the_next_batchs_ledger() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ledger = dir.path().join("first.csv");
    subsidy()
        .args(["calc", "samples/claims-2024-batch1.csv", "--out"])
        .arg(&ledger)
        .assert()
        .success()
        .stdout("");
    let written = fs::read_to_string(&ledger).expect("read a test file");
    assert_eq!(
        written,
        fs::read_to_string(LEDGER).expect("read a test file")
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .expect("test set-up");
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");

    let out = subsidy()
        .args(["calc", SAMPLE, "--format", "csv", "--ledger"])
        .arg(&ledger)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = payout_rows(&String::from_utf8_lossy(&out.stdout));
    // The earlier batch paid this enterprise 20,000 under (五); 30,000 is left.
    let c023 = rows
        .iter()
        .find(|r| r[0] == "C-023")
        .unwrap_or_else(|| panic!("C-023"));
    assert_eq!((&c023[12][..], &c023[14][..]), ("30000.00", "capped"));
}

#[test]
fn strict_refuses_a_batch_with_invalid_rows_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("payout.csv");
    subsidy()
        .args(["calc", SAMPLE, "--strict", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("8 invalid row(s)")
                .or(predicate::str::contains("有 8 行数据无效")),
        );
    assert!(!out.exists());
    subsidy()
        .args([
            "calc",
            "samples/claims-2024-batch1.csv",
            "--strict",
            "--format",
            "csv",
        ])
        .assert()
        .success();
}

#[test]
fn a_file_without_required_columns_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = dir.path().join("claims.csv");
    fs::write(
        &claims,
        "claim_id,applicant_id,item,amount\nC1,E1,high_value_patent,\n",
    )
    .expect("test set-up");
    subsidy()
        .args(["--lang", "en", "calc"])
        .arg(&claims)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "missing required column(s): applicant_name, applicant_type, date",
        ));
}

#[test]
fn wrong_usage_exits_2() {
    subsidy().args(["calc", "--frobnicate"]).assert().code(2);
    subsidy()
        .args(["calc", SAMPLE, "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn unreadable_input_exits_1_naming_the_file() {
    subsidy()
        .args(["calc", "no/such/claims.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/claims.csv"));
}

#[test]
fn a_bad_policy_is_refused_with_line_and_key() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let policy = dir.path().join("bad.toml");
    let text = fs::read_to_string("policy/lianzhou-2024.toml")
        .expect("test set-up")
        .replacen(
            "amount = 2000                 # 每件2000元",
            "amount = -2000",
            1,
        );
    fs::write(&policy, &text).expect("write a test file");
    let line = text
        .lines()
        .position(|l| l == "amount = -2000")
        .unwrap_or(0)
        + 1;
    subsidy()
        .args(["--lang", "en", "calc", SAMPLE, "--policy"])
        .arg(&policy)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("bad.toml:{line}:")))
        .stderr(predicate::str::contains("item high_value_patent: amount"))
        .stderr(predicate::str::contains("must not be negative"));
}

#[test]
fn json_totals_match_the_payout_csv() {
    let out = subsidy()
        .args(["calc", SAMPLE, "--ledger", LEDGER, "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json["policy"]["id"], "lianzhou-2024");
    assert_eq!(json["totals"]["rows"], 66);
    assert_eq!(json["totals"]["payable"], "1709505.01");
    assert_eq!(json["claims"].as_array().map(Vec::len), Some(66));
    assert_eq!(json["claims"][2]["payable"], "38000.00");
}

#[test]
fn a_cell_that_looks_like_a_formula_is_defused() {
    let text = format!(
        "{}\nC1,E1,\"=HYPERLINK(\"\"http://x\"\")\",enterprise,standard_industry,2024-03-01,,,+86-1,,,,,\n",
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,amount,ref,tags,other_city_support,score,valid_invention_patents,service_years"
    );
    let out = subsidy()
        .args(["calc", "-", "--format", "csv"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = payout_rows(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows[0][2], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[0][6], "'+86-1");
    assert_eq!(rows[0][12], "50000.00");
}

#[test]
fn a_failed_write_leaves_no_file() {
    subsidy()
        .args(["calc", SAMPLE, "--out", "no/such/dir/payout.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/dir/payout.csv"));
}

#[test]
fn a_malformed_ledger_stops_the_run_naming_line_and_column() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ledger = dir.path().join("ledger.csv");
    fs::write(
        &ledger,
        "claim_id,applicant_id,item,ref,year,quantity,computed,payable,status\nX,E,high_value_patent,,2024,1,2000,abc,paid\n",
    )
    .expect("test set-up");
    subsidy()
        .args(["--lang", "en", "calc", SAMPLE, "--ledger"])
        .arg(&ledger)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ledger.csv:2: ledger: column payable: `abc` is not an amount",
        ));
}

#[test]
fn a_large_batch_keeps_every_row_in_input_order() {
    // More rows than one chunk of the reader and of the payout writer, so
    // the threads that split the work must put it back in order.
    let mut text = String::from(
        "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,ref\n",
    );
    let rows = 40_000;
    for i in 0..rows {
        let item = if i % 7 == 0 {
            "copyright_registration"
        } else {
            "high_value_patent"
        };
        let day = 1 + (rows - i) % 28;
        let quantity = 1 + i % 3;
        // One reference per patent (a copyright claim's ref is not split).
        let refs = (1..=quantity)
            .map(|k| format!("ZL-{i}-{k}"))
            .collect::<Vec<_>>()
            .join(";");
        text.push_str(&format!(
            "K{i:05},E{:03},甲{},企业,{item},2024-03-{day:02},{quantity},\"{refs}\"\n",
            i % 500,
            i % 500,
        ));
    }
    let out = subsidy()
        .args(["calc", "-", "--format", "csv", "--no-bom"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let rows_out = payout_rows(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows_out.len(), rows);
    for (i, row) in rows_out.iter().enumerate() {
        assert_eq!(row[0], format!("K{i:05}"), "row {i}");
        assert_ne!(row[14], "invalid", "row {i}: {}", row[15]);
    }
    // 500 enterprises, each with about 68 patent claims of 2,000 to 6,000 in
    // March 2024: every one passes the 50,000 cap of （一）, so the clause
    // pays exactly 500 × 50,000.
    let total: rust_decimal::Decimal = rows_out
        .iter()
        .filter(|r| r[4] == "（一）")
        .map(|r| {
            r[12]
                .parse::<rust_decimal::Decimal>()
                .expect("a money cell")
        })
        .sum();
    assert_eq!(total, rust_decimal::Decimal::from(25_000_000));
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    use std::io::{Read, Write};
    use std::process::{Command as Process, Stdio};
    let mut text =
        String::from("claim_id,applicant_id,applicant_name,applicant_type,item,date,ref\n");
    for i in 0..30_000 {
        text.push_str(&format!(
            "P{i},E{},甲,企业,standard_industry,2024-05-01,HG-{i}\n",
            i % 300
        ));
    }
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("subsidy"))
        .args(["calc", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut first = [0u8; 100];
    if let Some(mut stdout) = child.stdout.take() {
        stdout
            .read_exact(&mut first)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.code(), Some(0), "like `subsidy calc … | head`");
}

#[test]
fn a_messy_excel_export_comes_back_row_for_row_with_spreadsheet_row_numbers() {
    // BOM, CRLF, headers in odd case with spaces, a name over two lines,
    // a short row, a cell past the header, an empty row, full-width digits.
    let text = "\u{feff} Claim_ID , Applicant_ID,applicant_name,APPLICANT_TYPE,item,date,amount,ref,备注\r\n\
M1,91441882MA5X,\"甲公司\r\n（分公司）\",企业,patent_transfer,2024/3/5,\"１２，３４５．６７\",ZL-1,\r\n\
M2,91441882MA5Y,乙,企业,standard_industry\r\n\
M3,91441882MA5Y,乙,企业,standard_industry,2024-03-05,,HG-1,note,extra\r\n\
,,,,,,,,\r\n\
M4,91441882MA5Z,丙,enterprise,pledge_interest,2024-13-01,-5,,\r\n";
    let out = subsidy()
        .args(["--lang", "en", "calc", "-", "--format", "csv", "--no-bom"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let rows = payout_rows(&String::from_utf8_lossy(&out.stdout));
    let statuses: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[14].as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("M1", "paid"),
            ("M2", "invalid"),
            ("M3", "invalid"),
            ("", "invalid"),
            ("M4", "invalid")
        ]
    );
    // 12,345.67 × 5% = 617.2835 → 617.28
    assert_eq!(rows[0][12], "617.28");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>:3: column date: required, but empty"),
        "{stderr}"
    );
    assert!(stderr.contains("<stdin>:4: the row has 1 non-empty cell(s) beyond the header"));
    assert!(stderr.contains("<stdin>:5: the row is empty"));
    assert!(stderr.contains("<stdin>:6: column amount: `-5` is negative"));
}

#[test]
fn tables_fit_a_width_of_100_columns_and_long_names_wrap() {
    use unicode_width::UnicodeWidthStr;
    let long_name = "连".repeat(3_000);
    let claims = format!(
        "claim_id,applicant_id,applicant_name,applicant_type,item,date\nL1,E1,{long_name},企业,high_value_patent_first,2024-03-01\n"
    );
    let runs: [(&[&str], Option<String>); 3] = [
        (&["calc", SAMPLE, "--ledger", LEDGER], None),
        (&["policy", "list"], None),
        (&["calc", "-"], Some(claims)),
    ];
    for (args, stdin) in runs {
        for lang in ["zh", "en"] {
            let mut cmd = subsidy();
            cmd.env("SUBSIDY_WIDTH", "100")
                .args(["--lang", lang])
                .args(args);
            if let Some(text) = &stdin {
                cmd.write_stdin(text.clone());
            }
            let out = cmd.output().expect("the binary runs");
            assert!(out.status.success(), "{args:?}");
            let text = String::from_utf8(out.stdout).expect("output is UTF-8");
            // The table lines; the draft notice and the totals line are prose.
            for line in text
                .lines()
                .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
            {
                assert!(
                    line.width() <= 100,
                    "{args:?} {lang}: {} wide",
                    line.width()
                );
            }
        }
    }
    // Written to a pipe without a width, a table keeps one row per line.
    let out = subsidy()
        .args(["policy", "list"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8(out.stdout).expect("output is UTF-8");
    let rows = text.lines().filter(|l| l.starts_with('│')).count();
    assert_eq!(rows, 1 + 43, "a header and one line per item");
}

/// The words clap says by itself, which must not reach a Chinese page.
const CLAP_ENGLISH: [&str; 10] = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "[default",
    "possible values",
    "Print help",
    "error:",
    "tip:",
    "For more information",
];

fn run(args: &[&str], lang_env: Option<&str>) -> (Option<i32>, String, String) {
    let mut cmd = subsidy();
    if let Some(value) = lang_env {
        cmd.env("SUBSIDY_LANG", value);
    }
    let out = cmd.args(args).output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn no_clap_english(text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
}

#[test]
fn calc_help_is_chinese_under_lang_zh_headings_flags_defaults_and_values() {
    let (code, help, _) = run(&["--lang", "zh", "calc", "--help"], None);
    assert_eq!(code, Some(0));
    for said in [
        "计算一批申报：汇总表、拨付 CSV 或 JSON",
        "用法：subsidy calc [选项] [CLAIMS]",
        "参数：\n  [CLAIMS]  申报 CSV；`-` 或省略则读标准输入",
        "选项：",
        "--strict                     有任何无效行即以退出码 1 结束，且不写出任何内容",
        "输出格式 [默认：table，有 --out 时为 csv] [可选值：table、csv、json]",
        "[默认：en] [可选值：en、zh]",
        "单元格超过此字节数即拒绝 [默认：1000000]",
        "-h, --help                       显示帮助",
        "示例：",
    ] {
        assert!(help.contains(said), "`{said}` not in:\n{help}");
    }
    no_clap_english(&help);
}

#[test]
fn calc_help_is_english_under_lang_en() {
    let (code, help, _) = run(&["--lang", "en", "calc", "--help"], None);
    assert_eq!(code, Some(0));
    for said in [
        "Usage: subsidy calc [OPTIONS] [CLAIMS]",
        "Arguments:",
        "Options:",
        "Any invalid row: exit 1 and write nothing",
        "[default: en] [possible values: en, zh]",
        "Print help",
        "Examples:",
    ] {
        assert!(help.contains(said), "`{said}` not in:\n{help}");
    }
    assert!(!help.contains("用法") && !help.contains("选项"), "{help}");
}

#[test]
fn every_help_page_is_chinese_by_default_and_help_command_gives_the_same() {
    let (_, top, _) = run(&["--help"], None);
    assert!(top.contains("命令：\n  calc         计算一批申报"), "{top}");
    assert!(top.contains("-V, --version"), "{top}");
    no_clap_english(&top);
    for command in [
        vec!["check"],
        vec!["explain"],
        vec!["compare"],
        vec!["report"],
        vec!["policy"],
        vec!["policy", "list"],
        vec!["policy", "show"],
        vec!["policy", "validate"],
        vec!["policy", "diff"],
        vec!["policy", "test"],
        vec!["template"],
        vec!["serve"],
        vec!["completions"],
    ] {
        let mut args = command.clone();
        args.push("--help");
        let (code, help, _) = run(&args, None);
        assert_eq!(code, Some(0), "{command:?}");
        assert!(help.contains("用法：subsidy"), "{command:?}:\n{help}");
        no_clap_english(&help);
        let mut asked = vec!["help"];
        asked.extend(&command);
        assert_eq!(run(&asked, None).1, help, "help {command:?}");
    }
}

#[test]
fn an_unknown_flag_is_a_usage_error_in_the_chosen_language() {
    let (code, out, err) = run(&["--lang", "zh", "calc", "--frobnicate"], None);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(
        err.starts_with("错误：无法识别的参数 '--frobnicate'"),
        "{err}"
    );
    assert!(err.contains("用法：subsidy calc [选项] [CLAIMS]"), "{err}");
    no_clap_english(&err);
    let (code, _, err) = run(&["--lang", "en", "calc", "--frobnicate"], None);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("error: unknown argument '--frobnicate'"),
        "{err}"
    );
    assert!(
        err.contains("Usage: subsidy calc [OPTIONS] [CLAIMS]"),
        "{err}"
    );
    assert!(!err.contains("错误"), "{err}");
}

#[test]
fn usage_errors_name_the_nearest_flag_value_or_command_in_chinese() {
    let cases: [(&[&str], &str); 5] = [
        (&["calc", "--fromat", "csv"], "提示：是否想用 '--format'？"),
        (
            &["calc", SAMPLE, "--format", "xml"],
            "错误：'xml' 不是 '--format <FORMAT>' 可用的值\n  可选值：table、csv、json",
        ),
        (
            &["calc", "--out"],
            "错误：'--out <FILE>' 需要一个值，但没有给出",
        ),
        (
            &["calk"],
            "错误：无法识别的命令 'calk'\n\n  提示：是否想用 'calc'？",
        ),
        (
            &["check", "--item", "x"],
            "错误：缺少必需的参数：\n  --type <TYPE>",
        ),
    ];
    for (args, said) in cases {
        let (code, _, err) = run(args, None);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(said), "{args:?}: `{said}` not in:\n{err}");
        no_clap_english(&err);
    }
}

#[test]
fn subsidy_lang_is_read_by_its_language_part_and_a_bad_one_is_ignored() {
    let (code, help, err) = run(&["calc", "--help"], Some("EN"));
    assert_eq!(code, Some(0));
    assert!(help.contains("Options:") && err.is_empty(), "{help}{err}");
    let (_, help, err) = run(&["calc", "--help"], Some("zh_CN.UTF-8"));
    assert!(help.contains("选项：") && err.is_empty(), "{help}{err}");
    let (code, help, err) = run(&["calc", "--help"], Some("fr"));
    assert_eq!(code, Some(0));
    assert!(help.contains("选项："), "{help}");
    assert!(
        err.contains("SUBSIDY_LANG=“fr”") && err.contains("已忽略"),
        "{err}"
    );
    let (code, _, err) = run(&["--lang", "en", "calc", "--frobnicate"], Some("fr"));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("error: unknown argument '--frobnicate'"),
        "{err}"
    );
}

#[test]
fn a_policy_file_that_is_not_toml_is_said_in_chinese_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let policy = dir.path().join("broken.toml");
    // Line 2, column 6: the table header is never closed.
    fs::write(&policy, "id = \"x\"\n[item\nfoo = 1\n").expect("test set-up");
    let path = policy.display().to_string();
    let (code, _, err) = run(&["calc", SAMPLE, "--policy", &path], None);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!(
            "{path}:2:6: 不是有效的 TOML，无法读取（语法错误）"
        )),
        "{err}"
    );
    assert!(err.contains("toml 的说明：“unclosed table"), "{err}");
    // `policy validate` lists the problems on standard output.
    let (code, out, _) = run(&["--lang", "en", "policy", "validate", &path], None);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(&format!("{path}:2:6: not valid TOML")),
        "{out}"
    );
}

#[test]
fn a_policy_file_of_the_wrong_shape_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let policy = dir.path().join("shape.toml");
    let text = fs::read_to_string("policy/lianzhou-2024.toml").expect("test set-up");
    let line = text
        .lines()
        .position(|l| l.starts_with("id = "))
        .expect("an id line")
        + 1;
    fs::write(
        &policy,
        text.replacen("id = \"lianzhou-2024\"", "id = 2024", 1),
    )
    .expect("write a test file");
    let path = policy.display().to_string();
    let (code, out, _) = run(&["policy", "validate", &path], None);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(&format!(
            "{path}:{line}:6: 此处应为字符串，文件中写的是整数"
        )),
        "{out}"
    );
}
