//! One test per bug found by the bad-input corpus or by fuzzing, named after
//! what broke. Each failed before its fix.

mod common;

use common::subsidy;

fn calc_csv(input: &str) -> (Option<i32>, String, String) {
    let out = subsidy()
        .args(["--lang", "en", "calc", "-", "--format", "csv", "--no-bom"])
        .write_stdin(input.as_bytes().to_vec())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ROW: &str = "91441882MA51234567,华创,enterprise,high_value_patent,2024-03-15,1,,";

/// A quote opened and never closed made the CSV parser read every later row
/// into one cell: three data rows in, two rows out, exit 0.
#[test]
fn an_unclosed_quote_swallowed_the_rows_after_it() {
    let input = format!(
        "{}\nB-1,{ROW}ZL1,,,,,\nB-2,\"{ROW}ZL2,,,,,\nB-3,{ROW}ZL3,,,,,\n",
        common::HEADER
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("<stdin>:3: a quote (\") opened here is never closed"),
        "{stderr}"
    );
}

/// A byte-order mark at the start of a later line (two exports joined with
/// `cat`) stayed in the claim_id: `\u{feff}B-1` was paid again beside `B-1`.
#[test]
fn a_byte_order_mark_inside_the_file_made_a_second_claim_id() {
    let input = format!(
        "\u{feff}{}\nB-1,{ROW}ZL1,,,,,\n\u{feff}B-1,{ROW}ZL2,,,,,\n",
        common::HEADER
    );
    let (code, stdout, stderr) = calc_csv(&input);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stdout.contains('\u{feff}'), "{stdout}");
    assert!(
        stderr.contains("<stdin>:3: column claim_id: repeats the claim_id of line 2"),
        "{stderr}"
    );
}
