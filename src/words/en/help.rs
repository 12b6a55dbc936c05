//! `--help` in English.

use super::help_flags;
use super::English;
use crate::words::help::{Cmd, Flag, HelpWord, HelpWords, Topic, UsageError};

impl HelpWords for English {
    fn about(&self) -> &'static str {
        "IP subsidy calculator"
    }

    fn long_about(&self) -> &'static str {
        "Computes intellectual-property subsidies from the measures \
         (a TOML policy file: one bundled, another with --policy) and a CSV of claims: one cap-aware pass, \
         then tables, a payout CSV or JSON."
    }

    fn examples(&self, topic: Topic) -> &'static str {
        match topic {
            Topic::Main => {
                "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy check --item high_value_patent --type enterprise --quantity 3
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy policy list

Exit codes: 0 done; 1 invalid data under --strict, unreadable input, bad policy; 2 wrong usage."
            }
            Topic::Calc => {
                "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy calc samples/claims-2024.csv --out payout-2024.csv
  subsidy calc batch2.csv --ledger payout-2024.csv --format json
  cat claims.csv | subsidy calc - --format csv --no-bom"
            }
            Topic::Check => {
                "Examples:
  subsidy check --item high_value_patent --type enterprise --quantity 3 --date 2024-05-01
  subsidy check --item 首次获得高价值发明专利认定 --type enterprise --tags srdi
  subsidy check --item ip_management_standard --type enterprise --fact valid_invention_patents=2
  subsidy check --item patent_transfer --type enterprise --amount 1,200,000 \\
                --applicant 91441882MA5ABCDE1G --ledger payout-2024.csv"
            }
            Topic::Explain => {
                "Examples:
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy explain samples/claims-2024.csv --claim C-003 --claim C-040 --lang en
  subsidy explain samples/claims-2024.csv --applicant 91441882MA5123456M --ledger samples/ledger-2024.csv"
            }
            Topic::PolicyList => {
                "Examples:
  subsidy policy list
  subsidy policy list --lang en
  subsidy policy list --policy my-policy.toml"
            }
            Topic::PolicyShow => {
                "Examples:
  subsidy policy show high_value_patent
  subsidy policy show 十二
  subsidy policy show 5 --lang en"
            }
            Topic::PolicyValidate => {
                "Examples:
  subsidy policy validate                    # the bundled policy
  subsidy policy validate my-policy.toml"
            }
            Topic::PolicyTest => {
                "Examples:
  subsidy policy test                                   # bundled policy and cases
  subsidy policy test my-policy.toml                    # reads my-policy.cases.toml
  subsidy policy test my-policy.toml extra.cases.toml"
            }
            Topic::Serve => {
                "Examples:
  subsidy serve                              # http://127.0.0.1:8080/, this machine only
  subsidy serve --bind 127.0.0.1:0           # any free port, printed at start
  subsidy serve --bind 0.0.0.0:8080          # reachable on the intranet (keep it behind its firewall)
  subsidy serve --policy my-policy.toml

The dry-run page: find an item by name, describe a claim, see what is computed and paid and why;
?lang=en for English. Nothing typed is stored or logged; request bodies over 16 KB are refused."
            }
            Topic::Completions => {
                "Examples:
  subsidy completions bash > /etc/bash_completion.d/subsidy
  subsidy completions zsh > \"${fpath[1]}/_subsidy\"
  subsidy completions fish > ~/.config/fish/completions/subsidy.fish"
            }
        }
    }

    fn facts_declared(&self, facts: &[(&str, &str)]) -> String {
        let mut out = String::from("Facts the policy declares (--fact ID=VALUE):");
        for (id, name) in facts {
            out.push_str(&format!("\n  {id}  {name}"));
        }
        out
    }

    fn flag(&self, flag: Flag) -> &'static str {
        help_flags::flag(flag)
    }

    fn command_about(&self, command: Cmd) -> &'static str {
        help_flags::command_about(command)
    }

    fn help_word(&self, word: HelpWord) -> &'static str {
        help_flags::help_word(word)
    }

    fn default_value(&self, value: &str) -> String {
        format!("[default: {value}]")
    }

    fn possible_values(&self, values: &[String]) -> String {
        format!("[possible values: {}]", values.join(", "))
    }

    fn usage_error(&self, error: &UsageError) -> String {
        help_flags::usage_error(error)
    }

    fn usage_hint(&self, usage: Option<&str>) -> String {
        help_flags::usage_hint(usage)
    }
}
