//! What officials and applicants read, pinned: a change to any of these
//! outputs shows up as a snapshot diff to review (`tests/snapshots/`).

use crate::common::subsidy;

fn run(args: &[&str]) -> String {
    let out = subsidy()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

const CHECK: [&str; 9] = [
    "check",
    "--item",
    "high_value_patent",
    "--type",
    "企业",
    "--quantity",
    "3",
    "--date",
    "2024-05-01",
];

#[test]
fn check_in_both_languages() {
    insta::assert_snapshot!("check_zh", run(&CHECK));
    insta::assert_snapshot!("check_en", run(&[&["--lang", "en"], &CHECK[..]].concat()));
    let rejected = [
        "check",
        "--item",
        "ip_management_standard",
        "--type",
        "enterprise",
        "--fact",
        "valid_invention_patents=0",
        "--date",
        "2024-07-01",
    ];
    insta::assert_snapshot!("check_rejected_zh", run(&rejected));
    insta::assert_snapshot!(
        "check_rejected_en",
        run(&[&["--lang", "en"], &rejected[..]].concat())
    );
}

const EXPLAIN: [&str; 10] = [
    "explain",
    "samples/claims-2024.csv",
    "--ledger",
    "samples/ledger-2024.csv",
    "--claim",
    "C-003",
    "--claim",
    "C-040",
    "--claim",
    "C-015",
];

#[test]
fn explain_in_both_languages() {
    insta::assert_snapshot!("explain_zh", run(&EXPLAIN));
    insta::assert_snapshot!(
        "explain_en",
        run(&[&["--lang", "en"], &EXPLAIN[..]].concat())
    );
}

#[test]
fn policy_list_in_both_languages() {
    insta::assert_snapshot!("policy_list_zh", run(&["policy", "list"]));
    insta::assert_snapshot!("policy_list_en", run(&["--lang", "en", "policy", "list"]));
}

#[test]
fn policy_show_in_both_languages() {
    insta::assert_snapshot!(
        "policy_show_item_zh",
        run(&["policy", "show", "copyright_registration"])
    );
    insta::assert_snapshot!(
        "policy_show_item_en",
        run(&["--lang", "en", "policy", "show", "copyright_registration"])
    );
    insta::assert_snapshot!(
        "policy_show_clause_zh",
        run(&["policy", "show", "（十二）"])
    );
    insta::assert_snapshot!(
        "policy_show_clause_en",
        run(&["--lang", "en", "policy", "show", "12"])
    );
}

const CALC: [&str; 4] = [
    "calc",
    "samples/claims-2024.csv",
    "--ledger",
    "samples/ledger-2024.csv",
];

#[test]
fn tables_in_both_languages() {
    insta::assert_snapshot!("tables_zh", run(&CALC));
    insta::assert_snapshot!("tables_en", run(&[&["--lang", "en"], &CALC[..]].concat()));
}

#[test]
fn json_in_both_languages() {
    // The commit the binary was built from changes with every commit.
    let json = |lang: &str| {
        let text = run(&[&["--lang", lang], &CALC[..], &["--format", "json"]].concat());
        let key = "\"commit\": \"";
        match text.find(key).map(|at| at + key.len()) {
            Some(start) => {
                let end = start + text[start..].find('"').unwrap_or(0);
                format!("{}[commit]{}", &text[..start], &text[end..])
            }
            None => text,
        }
    };
    insta::assert_snapshot!("json_zh", json("zh"));
    insta::assert_snapshot!("json_en", json("en"));
}
