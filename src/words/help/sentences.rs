//! `--help` and usage errors, written once for every language, the words
//! side by side.

use super::{flags, Cmd, Flag, HelpWord, HelpWords, Topic, UsageError};
use crate::words::side_by_side::{examples, list_sep, pick, say, Language};
use crate::words::Lang;

impl<L: Language> HelpWords for L {
    fn about(&self) -> &'static str {
        pick!(L::LANG, zh: "知识产权资助计算器", en: "IP subsidy calculator")
    }

    fn long_about(&self) -> &'static str {
        pick!(L::LANG,
            zh: "按政策文件（TOML，内置一份，--policy 可换用其他城市的办法）和申报 CSV 计算知识产权资助：\
                 一次按上限逐笔核定，输出汇总表、拨付 CSV 或 JSON。",
            en: "Computes intellectual-property subsidies from the measures \
                 (a TOML policy file: one bundled, another with --policy) and a CSV of claims: one cap-aware pass, \
                 then tables, a payout CSV or JSON.")
    }

    fn examples(&self, topic: Topic) -> &'static str {
        examples(L::LANG, topic)
    }

    fn facts_declared(&self, facts: &[(&str, &str)]) -> String {
        let mut out = String::from(pick!(L::LANG,
            zh: "政策声明的事实（--fact ID=值）：",
            en: "Facts the policy declares (--fact ID=VALUE):"));
        for (id, name) in facts {
            out.push_str(&format!("\n  {id}  {name}"));
        }
        out
    }

    fn flag(&self, flag: Flag) -> &'static str {
        flags::flag(L::LANG, flag)
    }

    fn command_about(&self, command: Cmd) -> &'static str {
        flags::command_about(L::LANG, command)
    }

    fn help_word(&self, word: HelpWord) -> &'static str {
        flags::help_word(L::LANG, word)
    }

    fn default_value(&self, value: &str) -> String {
        say!(L::LANG, zh: "[默认：{value}]"; en: "[default: {value}]")
    }

    fn possible_values(&self, values: &[String]) -> String {
        let values = values.join(list_sep(L::LANG));
        say!(L::LANG, zh: "[可选值：{values}]"; en: "[possible values: {values}]")
    }

    fn usage_error(&self, error: &UsageError) -> String {
        usage_error(L::LANG, error)
    }

    fn usage_hint(&self, usage: Option<&str>) -> String {
        let l = L::LANG;
        let more = pick!(l, zh: "详细说明请加 '--help' 查看。", en: "For more, add '--help'.");
        match usage {
            Some(usage) => say!(l, zh: "用法：{usage}\n\n{more}"; en: "Usage: {usage}\n\n{more}"),
            None => more.to_string(),
        }
    }
}

/// `  tip: did you mean 'x'?`, after a usage error.
fn did_you_mean(l: Lang, nearest: &str) -> String {
    say!(l, zh: "\n\n  提示：是否想用 '{nearest}'？"; en: "\n\n  tip: did you mean '{nearest}'?")
}

/// What is wrong with a command line, and a tip where there is one.
fn usage_error(l: Lang, error: &UsageError) -> String {
    match error {
        UsageError::UnknownArgument { arg, nearest, as_value } => {
            let mut out = say!(l, zh: "错误：无法识别的参数 '{arg}'"; en: "error: unknown argument '{arg}'");
            if let Some(nearest) = nearest {
                out += &did_you_mean(l, nearest);
            }
            if *as_value {
                out += &say!(l,
                    zh: "\n\n  提示：若要把 '{arg}' 当作值传入，请写作 '-- {arg}'";
                    en: "\n\n  tip: to give '{arg}' as a value, write '-- {arg}'");
            }
            out
        }
        UsageError::UnknownCommand { name, nearest } => {
            let mut out = say!(l, zh: "错误：无法识别的命令 '{name}'"; en: "error: unknown command '{name}'");
            if let Some(n) = nearest {
                out += &did_you_mean(l, n);
            }
            out
        }
        UsageError::MissingValue { arg, valid } => {
            let valid = valid_list(l, valid);
            say!(l, zh: "错误：'{arg}' 需要一个值，但没有给出{valid}"; en: "error: '{arg}' needs a value and was given none{valid}")
        }
        UsageError::InvalidValue { arg, value, valid, nearest } => {
            let valid = valid_list(l, valid);
            let mut out = say!(l,
                zh: "错误：'{value}' 不是 '{arg}' 可用的值{valid}";
                en: "error: '{value}' is not a value '{arg}' takes{valid}");
            if let Some(nearest) = nearest {
                out += &did_you_mean(l, nearest);
            }
            out
        }
        UsageError::TooManyValues { arg, value } => say!(l,
            zh: "错误：'{arg}' 不再接受值，多出了 '{value}'";
            en: "error: '{arg}' takes no more values, and '{value}' is one too many"),
        UsageError::WrongNumberOfValues { arg } => say!(l,
            zh: "错误：'{arg}' 的值的个数不对";
            en: "error: '{arg}' was given the wrong number of values"),
        UsageError::Conflict { arg, other: Some(other) } => say!(l,
            zh: "错误：'{arg}' 不能与 '{other}' 同时使用";
            en: "error: '{arg}' cannot be used with '{other}'"),
        UsageError::Conflict { arg, other: None } => say!(l,
            zh: "错误：'{arg}' 不能与已给出的参数同时使用";
            en: "error: '{arg}' cannot be used with the arguments already given"),
        UsageError::MissingRequired { args } => {
            let args = args.join("\n  ");
            say!(l, zh: "错误：缺少必需的参数：\n  {args}"; en: "error: required argument(s) missing:\n  {args}")
        }
        UsageError::MissingCommand { valid } => {
            let valid = valid_list(l, valid);
            say!(l, zh: "错误：需要指定一个命令{valid}"; en: "error: a command is needed{valid}")
        }
        UsageError::NoEquals { arg } => say!(l,
            zh: "错误：'{arg}' 的值须用 = 连写，如 {arg}=值";
            en: "error: the value of '{arg}' must follow an =, as in {arg}=VALUE"),
        UsageError::InvalidUtf8 => pick!(l, zh: "错误：命令行参数不是有效的 UTF-8", en: "error: an argument is not valid UTF-8").into(),
        UsageError::Unreadable => pick!(l, zh: "错误：无法读懂这条命令行", en: "error: the command line cannot be read").into(),
    }
}

/// The values a flag takes, after a usage error; nothing when any will do.
fn valid_list(l: Lang, valid: &[String]) -> String {
    if valid.is_empty() {
        return String::new();
    }
    let values = valid.join(list_sep(l));
    say!(l, zh: "\n  可选值：{values}"; en: "\n  possible values: {values}")
}

/// The examples at the end of a command's help.
// One example block per command: a flat list reads better whole.
#[allow(clippy::too_many_lines)]
fn examples(l: Lang, topic: Topic) -> &'static str {
    match topic {
        Topic::Main => pick!(l,
            zh: "示例：
  subsidy calc samples/claims-2024.csv
  subsidy check --item high_value_patent --type 企业 --quantity 3
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy policy list

退出码：0 完成；1 --strict 下有无效数据、无法读取输入或政策文件有误；2 用法错误。",
            en: "Examples:
  subsidy calc samples/claims-2024.csv
  subsidy check --item high_value_patent --type enterprise --quantity 3
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy policy list

Exit codes: 0 done; 1 invalid data under --strict, unreadable input, bad policy; 2 wrong usage."),
        Topic::Calc => examples!(l,
            "subsidy calc samples/claims-2024.csv",
            "subsidy calc samples/claims-2024.csv --out payout-2024.csv",
            "subsidy calc batch2.csv --ledger payout-2024.csv --format json",
            "cat claims.csv | subsidy calc - --format csv --no-bom",
        ),
        Topic::Check => examples!(l,
            zh: [
                "subsidy check --item high_value_patent --type 企业 --quantity 3 --date 2024-05-01",
                "subsidy check --item 首次获得高价值发明专利认定 --type enterprise --tags 专精特新",
                "subsidy check --item ip_management_standard --type 企业 --fact valid_invention_patents=2",
                "subsidy check --item patent_transfer --type enterprise --amount 1,200,000 \\\n                --applicant 91441882MA5ABCDE1G --ledger payout-2024.csv",
            ],
            en: [
                "subsidy check --item high_value_patent --type enterprise --quantity 3 --date 2024-05-01",
                "subsidy check --item 首次获得高价值发明专利认定 --type enterprise --tags srdi",
                "subsidy check --item ip_management_standard --type enterprise --fact valid_invention_patents=2",
                "subsidy check --item patent_transfer --type enterprise --amount 1,200,000 \\\n                --applicant 91441882MA5ABCDE1G --ledger payout-2024.csv",
            ],
        ),
        Topic::Explain => examples!(l,
            "subsidy explain samples/claims-2024.csv --claim C-003",
            "subsidy explain samples/claims-2024.csv --claim C-003 --claim C-040 --lang en",
            "subsidy explain samples/claims-2024.csv --applicant 91441882MA5123456M --ledger samples/ledger-2024.csv",
        ),
        Topic::PolicyList => examples!(l,
            "subsidy policy list",
            "subsidy policy list --lang en",
            "subsidy policy list --policy my-policy.toml",
        ),
        Topic::PolicyShow => examples!(l,
            "subsidy policy show high_value_patent",
            "subsidy policy show 十二",
            "subsidy policy show 5 --lang en",
        ),
        Topic::PolicyValidate => examples!(l,
            zh: [
                "subsidy policy validate                    # 内置政策",
                "subsidy policy validate my-policy.toml",
            ],
            en: [
                "subsidy policy validate                    # the bundled policy",
                "subsidy policy validate my-policy.toml",
            ],
        ),
        Topic::PolicyTest => examples!(l,
            zh: [
                "subsidy policy test                                   # 内置政策及其用例",
                "subsidy policy test my-policy.toml                    # 读取 my-policy.cases.toml",
                "subsidy policy test my-policy.toml extra.cases.toml",
            ],
            en: [
                "subsidy policy test                                   # bundled policy and cases",
                "subsidy policy test my-policy.toml                    # reads my-policy.cases.toml",
                "subsidy policy test my-policy.toml extra.cases.toml",
            ],
        ),
        Topic::Serve => pick!(l,
            zh: "示例：
  subsidy serve                              # http://127.0.0.1:8080/ ，仅本机可访问
  subsidy serve --bind 127.0.0.1:0           # 任一空闲端口，启动时打印地址
  subsidy serve --bind 0.0.0.0:8080          # 内网可访问（请置于内网防火墙之后）
  subsidy serve --policy my-policy.toml

试算页面：按名称查找项目、填写申报、查看核定与拨付金额及计算过程；?lang=en 为英文。
不保存、不记录任何填写内容；请求体超过 16 KB 即拒绝。",
            en: "Examples:
  subsidy serve                              # http://127.0.0.1:8080/, this machine only
  subsidy serve --bind 127.0.0.1:0           # any free port, printed at start
  subsidy serve --bind 0.0.0.0:8080          # reachable on the intranet (keep it behind its firewall)
  subsidy serve --policy my-policy.toml

The dry-run page: find an item by name, describe a claim, see what is computed and paid and why;
?lang=en for English. Nothing typed is stored or logged; request bodies over 16 KB are refused."),
        Topic::Completions => examples!(l,
            "subsidy completions bash > /etc/bash_completion.d/subsidy",
            "subsidy completions zsh > \"${fpath[1]}/_subsidy\"",
            "subsidy completions fish > ~/.config/fish/completions/subsidy.fish",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The continued line of `check`'s last example stands under the
    /// command's flags in both languages; moving the examples here once
    /// cut its indent.
    #[test]
    fn a_continued_example_keeps_its_indent() {
        for l in [Lang::Zh, Lang::En] {
            let text = examples(l, Topic::Check);
            assert!(text.contains("\\\n                --applicant "), "{text}");
        }
    }
}
