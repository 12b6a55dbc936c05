//! `--help` in Chinese.

use super::help_flags;
use super::Chinese;
use crate::words::help::{Cmd, Flag, HelpWord, HelpWords, Topic, UsageError};

impl HelpWords for Chinese {
    fn about(&self) -> &'static str {
        "知识产权资助计算器"
    }

    fn long_about(&self) -> &'static str {
        "按政策文件（TOML，内置一份，--policy 可换用其他城市的办法）和申报 CSV 计算知识产权资助：\
         一次按上限逐笔核定，输出汇总表、拨付 CSV 或 JSON。"
    }

    fn examples(&self, topic: Topic) -> &'static str {
        match topic {
            Topic::Main => {
                "示例：
  subsidy calc samples/claims-2024.csv
  subsidy check --item high_value_patent --type 企业 --quantity 3
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy policy list

退出码：0 完成；1 --strict 下有无效数据、无法读取输入或政策文件有误；2 用法错误。"
            }
            Topic::Calc => {
                "示例：
  subsidy calc samples/claims-2024.csv
  subsidy calc samples/claims-2024.csv --out payout-2024.csv
  subsidy calc batch2.csv --ledger payout-2024.csv --format json
  cat claims.csv | subsidy calc - --format csv --no-bom"
            }
            Topic::Check => {
                "示例：
  subsidy check --item high_value_patent --type 企业 --quantity 3 --date 2024-05-01
  subsidy check --item 首次获得高价值发明专利认定 --type enterprise --tags 专精特新
  subsidy check --item ip_management_standard --type 企业 --fact valid_invention_patents=2
  subsidy check --item patent_transfer --type enterprise --amount 1,200,000 \\
                --applicant 91441882MA5ABCDE1G --ledger payout-2024.csv"
            }
            Topic::Explain => {
                "示例：
  subsidy explain samples/claims-2024.csv --claim C-003
  subsidy explain samples/claims-2024.csv --claim C-003 --claim C-040 --lang en
  subsidy explain samples/claims-2024.csv --applicant 91441882MA5123456M --ledger samples/ledger-2024.csv"
            }
            Topic::PolicyList => {
                "示例：
  subsidy policy list
  subsidy policy list --lang en
  subsidy policy list --policy my-policy.toml"
            }
            Topic::PolicyShow => {
                "示例：
  subsidy policy show high_value_patent
  subsidy policy show 十二
  subsidy policy show 5 --lang en"
            }
            Topic::PolicyValidate => {
                "示例：
  subsidy policy validate                    # 内置政策
  subsidy policy validate my-policy.toml"
            }
            Topic::PolicyTest => {
                "示例：
  subsidy policy test                                   # 内置政策及其用例
  subsidy policy test my-policy.toml                    # 读取 my-policy.cases.toml
  subsidy policy test my-policy.toml extra.cases.toml"
            }
            Topic::Serve => {
                "示例：
  subsidy serve                              # http://127.0.0.1:8080/ ，仅本机可访问
  subsidy serve --bind 127.0.0.1:0           # 任一空闲端口，启动时打印地址
  subsidy serve --bind 0.0.0.0:8080          # 内网可访问（请置于内网防火墙之后）
  subsidy serve --policy my-policy.toml

试算页面：按名称查找项目、填写申报、查看核定与拨付金额及计算过程；?lang=en 为英文。
不保存、不记录任何填写内容；请求体超过 16 KB 即拒绝。"
            }
            Topic::Completions => {
                "示例：
  subsidy completions bash > /etc/bash_completion.d/subsidy
  subsidy completions zsh > \"${fpath[1]}/_subsidy\"
  subsidy completions fish > ~/.config/fish/completions/subsidy.fish"
            }
        }
    }

    fn facts_declared(&self, facts: &[(&str, &str)]) -> String {
        let mut out = String::from("政策声明的事实（--fact ID=值）：");
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
        format!("[默认：{value}]")
    }

    fn possible_values(&self, values: &[String]) -> String {
        format!("[可选值：{}]", values.join("、"))
    }

    fn usage_error(&self, error: &UsageError) -> String {
        help_flags::usage_error(error)
    }

    fn usage_hint(&self, usage: Option<&str>) -> String {
        help_flags::usage_hint(usage)
    }
}
