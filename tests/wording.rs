//! Every word a reader sees about a policy comes from that policy file:
//! run under a second measure whose wording differs in every field (全区,
//! 区级, district-wide, district-level, 第N条), no command says 连州's words.

use crate::common::subsidy;

const POLICY: &str = "tests/policies/rules-2.toml";

/// Words that belong to the bundled measures, not to the second one.
const LIANZHOU_ONLY: [&str; 10] = [
    "全市",
    "市级",
    "本市",
    "连州",
    "city-wide",
    "city-level",
    "whole city",
    "another city",
    "（一）",
    "（八）",
];

/// A batch touching every clause of the second measure: a quota with its
/// overflow, the exclusion, a window, a fact's values, a date past the end.
const CLAIMS: &str = "claim_id,applicant_id,applicant_name,applicant_type,item,date,quantity,amount,ref,score,other_city_support,grant_date,local_address,patent_kind,interest_months\n\
S1,E1,甲,企业,station_good,2024-11-01,,,,90,,,,,\n\
S2,E2,乙,企业,station_good,2024-11-01,,,,80,,,,,\n\
S3,E3,丙,企业,station_good,2024-11-01,,,,70,是,,,,\n\
W1,E1,甲,企业,timely_invention,2025-03-16,,,ZL-W1,,,2024-03-15,是,发明,\n\
W2,E2,乙,企业,timely_invention,2024-06-01,,,ZL-W2,,,2024-05-01,否,发明,\n\
T1,E1,甲,企业,interest_period,2024-03-01,,36000,,,,,,,36\n\
B1,E1,甲,企业,pledge_band,2027-01-01,,800000,,,,,,,\n\
P1,P1,丁,个人,invention_by_type,2024-03-01,6,,Z1；Z2；Z3；Z4；Z5；Z6,,,,,,\n";

fn says_no_lianzhou_word(what: &str, text: &str) {
    for word in LIANZHOU_ONLY {
        assert!(!text.contains(word), "{what} says `{word}`:\n{text}");
    }
    // English never cites a clause by a Chinese numeral.
    for numeral in ["clause 一", "clause 八", "clause 六", "clause （"] {
        assert!(!text.contains(numeral), "{what} says `{numeral}`:\n{text}");
    }
}

fn run(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = subsidy();
    cmd.args(args).env("SUBSIDY_WIDTH", "400");
    if let Some(input) = stdin {
        cmd.write_stdin(input.as_bytes().to_vec());
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn no_command_says_the_bundled_measures_words_under_another_measure() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let claims = dir.path().join("claims.csv");
    std::fs::write(&claims, CLAIMS).unwrap_or_else(|e| panic!("{e}"));
    let claims = claims.to_string_lossy().into_owned();
    let ledger = dir.path().join("ledger.csv");
    let ledger = ledger.to_string_lossy().into_owned();
    for lang in ["zh", "en"] {
        let with = |rest: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = vec!["--lang".into(), lang.into()];
            all.extend(rest.iter().map(|s| s.to_string()));
            all
        };
        let runs: Vec<Vec<String>> = vec![
            with(&["calc", &claims, "--policy", POLICY]),
            with(&["calc", &claims, "--policy", POLICY, "--format", "csv"]),
            with(&["calc", &claims, "--policy", POLICY, "--format", "json"]),
            with(&["explain", &claims, "--claim", "S2", "--policy", POLICY]),
            with(&["explain", &claims, "--claim", "S3", "--policy", POLICY]),
            with(&["explain", &claims, "--claim", "W1", "--policy", POLICY]),
            with(&[
                "check",
                "--item",
                "station_good",
                "--type",
                "企业",
                "--date",
                "2024-05-01",
                "--policy",
                POLICY,
            ]),
            with(&[
                "check",
                "--item",
                "station_good",
                "--type",
                "企业",
                "--date",
                "2024-05-01",
                "--other-city-support",
                "--policy",
                POLICY,
            ]),
            with(&["check", &format!("--policy={POLICY}"), "--help"]),
            with(&["policy", "list", "--policy", POLICY]),
            with(&["policy", "show", "station_good", "--policy", POLICY]),
            with(&["policy", "show", "8", "--policy", POLICY]),
            with(&["policy", "validate", POLICY]),
            with(&["policy", "test", POLICY, "tests/policies/rules.cases.toml"]),
            with(&["compare", &claims, "--base", POLICY, "--alt", POLICY]),
            with(&["template", "--policy", POLICY, "--headers", "zh"]),
        ];
        for args in &runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let text = run(&args, None);
            says_no_lianzhou_word(&args.join(" "), &text);
        }
        let csv = run(
            &[
                "--lang", lang, "calc", &claims, "--policy", POLICY, "--out", &ledger,
            ],
            None,
        );
        says_no_lianzhou_word("calc --out", &csv);
        let report = run(
            &["--lang", lang, "report", &ledger, "--policy", POLICY],
            None,
        );
        says_no_lianzhou_word("report", &report);
    }
}
