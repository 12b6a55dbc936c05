//! The bad-input corpus (`tests/bad/`, one small file per kind of mistake)
//! through the real binary: for each, the exit code, the message on stderr
//! (file, line and column where they apply), and that the payout has exactly
//! one row per data row of the input. Then the reader's limits.

use std::io::Write;
use std::process::{Command as StdCommand, Stdio};

use crate::common::subsidy;

/// What `subsidy --lang en calc FILE --format csv --no-bom ARGS` did.
struct Run {
    code: Option<i32>,
    stderr: String,
    /// The payout's rows (claim_id, status, reason), header left out.
    rows: Vec<(String, String, String)>,
}

fn calc(file: &str, args: &[&str]) -> Run {
    let out = subsidy()
        .args(["--lang", "en", "calc", file, "--format", "csv", "--no-bom"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        rows: payout(&out.stdout),
    }
}

fn payout(bytes: &[u8]) -> Vec<(String, String, String)> {
    if bytes.is_empty() {
        return Vec::new();
    }
    let mut reader = csv::Reader::from_reader(bytes);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("payout: {e}"));
            let cell = |i: usize| r.get(i).unwrap_or("").to_string();
            (cell(0), cell(14), cell(15))
        })
        .collect()
}

impl Run {
    fn code(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "stderr: {}", self.stderr);
        self
    }

    fn says(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// The payout's claim_ids and statuses, in order.
    fn rows(&self, want: &[(&str, &str)]) -> &Run {
        let got: Vec<(&str, &str)> = self
            .rows
            .iter()
            .map(|(id, status, _)| (id.as_str(), status.as_str()))
            .collect();
        assert_eq!(got, want, "stderr: {}", self.stderr);
        self
    }

    fn reason(&self, row: usize, text: &str) -> &Run {
        assert!(
            self.rows[row].2.contains(text),
            "row {row}: {:?} lacks {text:?}",
            self.rows[row]
        );
        self
    }

    fn no_output(&self) -> &Run {
        assert!(self.rows.is_empty(), "{:?}", self.rows);
        self
    }
}

const BAD: &str = "tests/bad";

fn bad(name: &str) -> String {
    format!("{BAD}/{name}")
}

#[test]
fn an_empty_file_is_refused() {
    calc(&bad("empty.csv"), &[])
        .code(1)
        .says("tests/bad/empty.csv:1: the file is empty; it needs a header row")
        .no_output();
}

#[test]
fn a_header_only_gives_an_empty_payout() {
    let run = calc(&bad("header-only.csv"), &[]);
    run.code(0).rows(&[]);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_missing_required_column_is_refused_by_name() {
    calc(&bad("missing-column.csv"), &[])
        .code(1)
        .says("tests/bad/missing-column.csv:1: missing required column(s): date")
        .no_output();
}

#[test]
fn a_duplicate_column_is_refused_by_name() {
    calc(&bad("duplicate-column.csv"), &[])
        .code(1)
        .says("tests/bad/duplicate-column.csv:1: column claim_id appears twice")
        .no_output();
}

#[test]
fn unknown_columns_are_named_once_carried_into_the_payout_and_the_run_goes_on() {
    let run = calc(&bad("unknown-column.csv"), &[]);
    run.code(0)
        .says("tests/bad/unknown-column.csv:1: note: column(s) the tool does not use, carried into the payout as they are: remark, 经办人")
        .rows(&[("B-1", "paid"), ("B-2", "paid")]);
    assert_eq!(run.stderr.matches("the tool does not use").count(), 1);
    let zh = subsidy()
        .args(["calc", &bad("unknown-column.csv")])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&zh.stderr).contains(
        "tests/bad/unknown-column.csv:1: 提示：本工具不使用的列，原样带入拨付表：remark、经办人"
    ));
}

#[test]
fn a_row_with_too_few_cells_is_invalid_and_kept() {
    calc(&bad("ragged-short.csv"), &[])
        .code(0)
        .says("tests/bad/ragged-short.csv:3: column item: required, but empty")
        .says("tests/bad/ragged-short.csv:3: column date: required, but empty")
        .rows(&[("B-1", "paid"), ("B-2", "invalid"), ("B-3", "paid")]);
}

#[test]
fn a_row_with_too_many_cells_is_invalid_and_kept() {
    calc(&bad("ragged-long.csv"), &[])
        .code(0)
        .says("tests/bad/ragged-long.csv:3: the row has 2 non-empty cell(s) beyond the header")
        .rows(&[("B-1", "paid"), ("B-2", "invalid"), ("B-3", "paid")]);
}

#[test]
fn a_quote_never_closed_is_refused_at_its_line() {
    calc(&bad("unbalanced-quote.csv"), &[])
        .code(1)
        .says("tests/bad/unbalanced-quote.csv:3: a quote (\") opened here is never closed")
        .no_output();
}

#[test]
fn an_invalid_utf8_byte_is_refused_at_its_line() {
    calc(&bad("invalid-utf8.csv"), &[])
        .code(1)
        .says("tests/bad/invalid-utf8.csv:3: this line is not valid UTF-8 text")
        .no_output();
}

#[test]
fn a_byte_order_mark_inside_the_file_is_ignored() {
    calc(&bad("bom-middle.csv"), &[])
        .code(0)
        .rows(&[("B-1", "paid"), ("B-2", "paid")]);
}

#[test]
fn crlf_lf_and_mixed_line_endings_read_alike() {
    let lf = calc(&bad("lf.csv"), &[]);
    lf.code(0).rows(&[("B-1", "paid"), ("B-2", "paid")]);
    let crlf = calc(&bad("crlf.csv"), &[]);
    crlf.code(0).rows(&[("B-1", "paid"), ("B-2", "paid")]);
    assert_eq!(crlf.rows, lf.rows);
    calc(&bad("mixed-endings.csv"), &[]).code(0).rows(&[
        ("B-1", "paid"),
        ("B-2", "paid"),
        ("B-3", "paid"),
    ]);
}

#[test]
fn a_10_mb_cell_is_refused_unless_the_limits_are_raised() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("big-cell.csv");
    let name = "名".repeat(10 * 1024 * 1024 / 3);
    let text = format!(
        "{}\nB-1,91441882MA5123456M,{name},enterprise,high_value_patent,2024-03-15,1,,ZL1\n",
        crate::common::HEADER
    );
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    let path = file.to_string_lossy().into_owned();
    calc(&path, &[])
        .code(1)
        .says(&format!(
            "{path}:2: a cell is longer than the limit of 1000000 bytes"
        ))
        .says("--max-field-bytes")
        .no_output();
    calc(&path, &["--max-field-bytes", "20000000"])
        .code(1)
        .says(&format!(
            "{path}:2: a row is longer than the limit of 10000000 bytes"
        ))
        .says("--max-record-bytes")
        .no_output();
    calc(
        &path,
        &[
            "--max-field-bytes",
            "20000000",
            "--max-record-bytes",
            "20000000",
        ],
    )
    .code(0)
    .rows(&[("B-1", "paid")]);
}

#[test]
fn impossible_and_out_of_window_dates() {
    calc(&bad("dates.csv"), &[])
        .code(0)
        .says("tests/bad/dates.csv:2: column date: `2024-02-30` is not a valid date")
        .says("tests/bad/dates.csv:5: column date: `2024-13-01` is not a valid date")
        .says("tests/bad/dates.csv:6: column date: `0000-01-01` is not a valid date")
        .says("tests/bad/dates.csv:7: column date: `99999999` is not a valid date")
        .rows(&[
            ("B-1", "invalid"),
            ("B-2", "rejected"),
            ("B-3", "rejected"),
            ("B-4", "invalid"),
            ("B-5", "invalid"),
            ("B-6", "invalid"),
        ])
        .reason(1, "outside the policy's validity 2024-01-01 to 2026-12-31")
        .reason(2, "dated 2027-01-01");
}

#[test]
fn bad_amounts() {
    calc(&bad("amounts.csv"), &[])
        .code(0)
        .says("tests/bad/amounts.csv:2: column amount: `-100` is negative")
        .says("tests/bad/amounts.csv:4: column amount: `1e30` is not a number")
        .says("tests/bad/amounts.csv:5: column amount: `NaN` is not a number")
        .says("tests/bad/amounts.csv:6: column amount: `12.345.6` is not a number")
        .says("tests/bad/amounts.csv:8: column amount: item patent_transfer needs an amount")
        .rows(&[
            ("A-1", "invalid"),
            ("A-2", "paid"),
            ("A-3", "invalid"),
            ("A-4", "invalid"),
            ("A-5", "invalid"),
            ("A-6", "paid"),
            ("A-7", "invalid"),
        ])
        .reason(1, "0 × 5% = 0")
        .reason(5, "15000 × 5% = 750");
}

#[test]
fn bad_quantities() {
    let run = calc(&bad("quantities.csv"), &[]);
    run.code(0).rows(&[
        ("Q-1", "invalid"),
        ("Q-2", "invalid"),
        ("Q-3", "invalid"),
        ("Q-4", "invalid"),
    ]);
    for (line, q) in [
        (2, "0"),
        (3, "-1"),
        (4, "2.5"),
        (5, "100000000000000000000"),
    ] {
        run.says(&format!(
            "tests/bad/quantities.csv:{line}: column quantity: `{q}` is not a whole number from 1 to 1000000"
        ));
    }
}

#[test]
fn an_unknown_item_is_invalid_with_the_nearest_ids() {
    calc(&bad("unknown-item.csv"), &[])
        .code(0)
        .says("tests/bad/unknown-item.csv:2: column item: `high_value_patnet` is not an item of the policy; did you mean high_value_patent")
        .rows(&[("U-1", "invalid")]);
}

#[test]
fn a_wrong_applicant_type() {
    calc(&bad("wrong-type.csv"), &[])
        .code(0)
        .says("tests/bad/wrong-type.csv:2: column applicant_type: unknown applicant type `alien`")
        .rows(&[("T-1", "invalid"), ("T-2", "rejected")])
        .reason(1, "applicant type individual may not claim this item");
}

#[test]
fn a_duplicate_claim_id_keeps_the_first() {
    calc(&bad("duplicate-id.csv"), &[])
        .code(0)
        .says("tests/bad/duplicate-id.csv:3: column claim_id: repeats the claim_id of line 2")
        .rows(&[("B-1", "paid"), ("B-1", "invalid")]);
}

#[test]
fn a_ledger_naming_an_item_the_policy_lacks_is_refused() {
    calc(
        "samples/claims-2024.csv",
        &["--ledger", &bad("ledger-unknown-item.csv")],
    )
    .code(1)
    .says("tests/bad/ledger-unknown-item.csv:3: ledger: column item: `moon_patent` is not an item of this policy")
    .no_output();
}

#[test]
fn a_claims_file_given_as_a_ledger_is_refused() {
    calc("samples/claims-2024.csv", &["--ledger", &bad("lf.csv")])
        .code(1)
        .says("tests/bad/lf.csv:1: ledger: not a payout CSV of this tool: missing column(s)")
        .no_output();
}

#[test]
fn a_policy_with_each_kind_of_mistake_is_refused_with_line_and_key() {
    let cases = [
        ("unknown-kind", "27:8: key `item excellent: kind`: unknown kind `lottery`"),
        ("missing-figure", "38:8: key `item qualified: amount`: kind fixed needs a figure `amount`"),
        ("negative-amount", "39:10: key `item qualified: amount`: -10000 must not be negative"),
        ("cap-below-award", "22:14: key `clause.annual_cap`: annual cap 20000 is below a single award of item excellent (30000)"),
        ("duplicate-id", "36:6: key `item.id`: item id excellent is used twice (first on line 25)"),
        ("overflow-missing", "33:12: key `item excellent: quota.overflow`: overflow target `passable` does not exist"),
        ("dates-out-of-order", "7:15: key `valid_until`: the validity ends (2024-01-01) before it starts (2024-12-31)"),
    ];
    for (name, message) in cases {
        let file = bad(&format!("policy-{name}.toml"));
        let want = format!("{file}:{message}");
        let validate = subsidy()
            .args(["--lang", "en", "policy", "validate", &file])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(validate.status.code(), Some(1), "{name}");
        let listed = String::from_utf8_lossy(&validate.stdout).into_owned()
            + &String::from_utf8_lossy(&validate.stderr);
        assert!(listed.contains(&want), "{name}: {listed}");
        calc(&bad("lf.csv"), &["--policy", &file])
            .code(1)
            .says(&want)
            .no_output();
    }
    let valid = subsidy()
        .args(["policy", "validate", &bad("policy-valid.toml")])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(valid.status.code(), Some(0));
}

// The limits.

/// `rows` valid data rows.
fn rows_text(rows: usize) -> String {
    let mut text = format!("{}\n", crate::common::HEADER);
    for i in 0..rows {
        text.push_str(&format!(
            "R-{i},91441882MA5123456M,华创,enterprise,high_value_patent,2024-03-15,1,,ZL{i},,,,,\n"
        ));
    }
    text
}

fn calc_stdin(input: &str, args: &[&str]) -> Run {
    let out = subsidy()
        .args(["--lang", "en", "calc", "-", "--format", "csv", "--no-bom"])
        .args(args)
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        rows: payout(&out.stdout),
    }
}

#[test]
fn more_rows_than_max_rows_are_refused_naming_the_flag() {
    let text = rows_text(3);
    calc_stdin(&text, &["--max-rows", "2"])
        .code(1)
        .says("<stdin>:4: more than the limit of 2 rows; the file was not read (raise it with --max-rows)")
        .no_output();
    assert_eq!(
        calc_stdin(&text, &["--max-rows", "3"]).code(0).rows.len(),
        3
    );
}

#[test]
fn a_row_longer_than_max_record_bytes_is_refused_naming_the_flag() {
    let text = rows_text(2);
    calc_stdin(&text, &["--max-record-bytes", "70"])
        .code(1)
        .says("<stdin>:1: a row is longer than the limit of 70 bytes; the file was not read (raise it with --max-record-bytes)")
        .no_output();
}

#[test]
fn a_ledger_is_held_to_the_limits_too() {
    calc(
        &bad("lf.csv"),
        &[
            "--ledger",
            "samples/ledger-2024.csv",
            "--max-field-bytes",
            "20",
        ],
    )
    .code(1)
    .says("samples/ledger-2024.csv:")
    .says("--max-field-bytes")
    .no_output();
}

#[test]
fn an_endless_quoted_cell_on_stdin_fails_fast_at_the_limit() {
    let bin = assert_cmd::cargo::cargo_bin("subsidy");
    let mut child = StdCommand::new(bin)
        .args(["--lang", "en", "calc", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    // 50 MB of one quoted cell; the tool stops reading long before the end,
    // so the writes after that fail with a broken pipe. Fast is measured in
    // what was read, not in seconds: a loaded machine is slow, not wrong.
    let feeder = std::thread::spawn(move || {
        let head = format!("{}\n\"", crate::common::HEADER);
        let _ = stdin.write_all(head.as_bytes());
        let block = vec![b'a'; 1 << 20];
        let mut written = 0;
        for _ in 0..50 {
            if stdin.write_all(&block).is_err() {
                break;
            }
            written += 1;
        }
        written
    });
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let written = feeder.join().unwrap_or(50);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>:2: a cell is longer than the limit of 1000000 bytes")
            && stderr.contains("--max-field-bytes"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    // The limit is 1 MB; a pipe holds a little more before a write fails.
    assert!(
        written < 10,
        "{written} MB were taken before the tool stopped"
    );
}
