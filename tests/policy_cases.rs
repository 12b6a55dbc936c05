//! Every policy file shipped or kept for tests has its worked cases beside
//! it; `subsidy policy test FILE` runs them and every one passes.

use crate::common::subsidy;

fn passes(policy: &str) {
    subsidy()
        .args(["policy", "test", policy])
        .assert()
        .success();
}

#[test]
fn the_rules_demo_policy_passes_its_worked_cases() {
    passes("tests/policies/rules.toml");
}

#[test]
fn the_second_rules_demo_policy_passes_its_worked_cases() {
    passes("tests/policies/rules-2.toml");
}

#[test]
fn the_second_rules_demo_policy_is_valid() {
    subsidy()
        .args(["policy", "validate", "tests/policies/rules-2.toml"])
        .assert()
        .success();
}

#[test]
fn the_rules_demo_policy_is_valid() {
    subsidy()
        .args(["policy", "validate", "tests/policies/rules.toml"])
        .assert()
        .success();
}

#[test]
fn clauses_are_numbered_as_the_file_says_they_are_printed() {
    // rules.toml writes `clause_style = "article"`: its clause 1 is 第一条;
    // the bundled measures number theirs （一）.
    subsidy()
        .args([
            "policy",
            "show",
            "1",
            "--policy",
            "tests/policies/rules.toml",
        ])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("第一条 专利"));
    subsidy()
        .args(["policy", "show", "1"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("（一） "));
}

/// policy/FORMAT.md names every key the loader reads (src/policy/raw.rs),
/// under the name the file writes it.
#[test]
fn the_format_reference_lists_every_key() {
    let raw = std::fs::read_to_string("src/policy/raw.rs").expect("raw.rs");
    let doc = std::fs::read_to_string("policy/FORMAT.md").expect("FORMAT.md");
    let mut renamed: Option<String> = None;
    let mut missing = Vec::new();
    for line in raw.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("#[serde(rename = \"") {
            renamed = rest.split('"').next().map(String::from);
            continue;
        }
        let Some(field) = line.strip_prefix("pub ") else {
            continue;
        };
        let Some((name, _)) = field.split_once(':') else {
            continue;
        };
        if name.contains(' ') || name.contains('(') {
            continue;
        }
        let key = renamed.take().unwrap_or_else(|| name.to_string());
        if !doc.contains(&format!("`{key}`")) {
            missing.push(key);
        }
    }
    assert!(missing.is_empty(), "FORMAT.md lacks {missing:?}");
}
