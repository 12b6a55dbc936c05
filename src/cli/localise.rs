//! The command line said in one language. clap parses what the derive
//! structs of `cli` define; this module gives every argument, command,
//! heading and usage line of that same definition its words from the words
//! layer, and says clap's errors in them too.
//!
//! Each argument is matched to a `Flag` by its command and id (`flag_of`);
//! a test walks the whole command and fails on an argument without one, so
//! no flag can reach `--help` with clap's own (English) words.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::words::{Cmd, Flag, HelpWord, UsageError, Words};

/// `command` with its help in `words`: clap's own help and version flags
/// and help subcommand replaced by ones with our words, every argument's
/// help, default and possible values, every command's description, the
/// headings and the usage lines.
pub(super) fn localise(command: Command, words: &dyn Words) -> Command {
    let name = command.get_name().to_string();
    let help = Command::new("help").arg(
        Arg::new("command")
            .action(ArgAction::Append)
            .num_args(0..)
            .value_name("COMMAND")
            .value_parser(clap::value_parser!(String)),
    );
    let command = command
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        )
        .disable_help_subcommand(true)
        .subcommand(help);
    localise_at(command, &[name], words)
}

/// One command (`names`: the tool's name and the subcommand path) and,
/// recursively, its subcommands.
fn localise_at(command: Command, names: &[String], words: &dyn Words) -> Command {
    let path: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
    let mut command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(flag) = flag_of(&path, &id) {
            command = command.mut_arg(&id, |arg| worded(arg, words.flag(flag), words));
        }
    }
    if let Some((cmd, _)) = Cmd::ALL.iter().find(|(_, p)| *p == path.as_slice()) {
        command = command.about(words.command_about(*cmd));
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        let mut deeper = names.to_vec();
        deeper.push(sub.clone());
        command = command.mut_subcommand(&sub, |s| localise_at(s, &deeper, words));
    }
    let usage = usage(&command, names, words);
    let template = template(&command, words);
    command.override_usage(usage).help_template(template)
}

/// An argument with `text` as its help, followed by its default and its
/// possible values in our words (clap's are hidden).
fn worded(arg: Arg, text: &str, words: &dyn Words) -> Arg {
    if !arg.get_action().takes_values() {
        return arg.help(text.to_string());
    }
    let mut help = text.to_string();
    {
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help = format!("{help} {}", words.default_value(&defaults.join(",")));
        }
        let values: Vec<String> = arg
            .get_value_parser()
            .possible_values()
            .map(|values| {
                values
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if !values.is_empty() {
            help = format!("{help} {}", words.possible_values(&values));
        }
    }
    arg.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The flag an argument of the command at `path` is, by its id.
pub(super) fn flag_of(path: &[&str], id: &str) -> Option<Flag> {
    let first = path.first().copied().unwrap_or_default();
    let last = path.last().copied().unwrap_or_default();
    let flag = match (first, last, id) {
        (_, _, "lang") => Flag::Lang,
        (_, _, "show_ids") => Flag::ShowIds,
        (_, _, "quiet") => Flag::Quiet,
        (_, _, "help") => Flag::Help,
        (_, _, "version") => Flag::Version,
        ("help", _, "command") => Flag::HelpCommand,
        ("policy", "test", "policy") => Flag::TestPolicy,
        (_, _, "policy") => Flag::Policy,
        ("compare", _, "ledger") => Flag::CompareLedger,
        (_, _, "ledger") => Flag::Ledger,
        (_, _, "set") => Flag::Set,
        (_, _, "encoding") => Flag::Encoding,
        (_, _, "sheet") => Flag::Sheet,
        (_, _, "column") => Flag::Column,
        (_, _, "ignore_column") => Flag::IgnoreColumn,
        (_, _, "columns") => Flag::ColumnsFile,
        ("serve", _, "bind") => Flag::Bind,
        ("calc", _, "claims") => Flag::CalcClaims,
        ("explain", _, "claims") => Flag::ExplainClaims,
        ("compare", _, "claims") => Flag::CompareClaims,
        ("policy", "list", "format") => Flag::ListFormat,
        (_, _, "format") => Flag::Format,
        ("calc", _, "out") => Flag::CalcOut,
        ("compare", _, "out") => Flag::CompareOut,
        ("report", _, "out") => Flag::ReportOut,
        ("template", _, "out") => Flag::TemplateOut,
        (_, _, "strict") => Flag::Strict,
        (_, _, "no_bom") => Flag::NoBom,
        ("calc", _, "budget") => Flag::Budget,
        ("report", _, "budget") => Flag::ReportBudget,
        (_, _, "budget_priority") => Flag::BudgetPriority,
        ("calc", _, "headers") => Flag::Headers,
        ("template", _, "headers") => Flag::TemplateHeaders,
        (_, _, "max_field_bytes") => Flag::MaxFieldBytes,
        (_, _, "max_record_bytes") => Flag::MaxRecordBytes,
        (_, _, "max_rows") => Flag::MaxRows,
        ("check", _, "item") => Flag::Item,
        ("check", _, "applicant_type") => Flag::ApplicantType,
        ("check", _, "quantity") => Flag::Quantity,
        ("check", _, "amount") => Flag::Amount,
        ("check", _, "date") => Flag::Date,
        ("check", _, "tags") => Flag::Tags,
        ("check", _, "reference") => Flag::Reference,
        ("check", _, "score") => Flag::Score,
        ("check", _, "fact") => Flag::Fact,
        ("check", _, "other_city_support") => Flag::OtherCitySupport,
        ("check", _, "applicant") => Flag::CheckApplicant,
        ("explain", _, "claim") => Flag::Claim,
        ("explain", _, "applicant") => Flag::ExplainApplicant,
        ("compare", _, "base") => Flag::Base,
        ("compare", _, "alt") => Flag::Alt,
        ("compare", _, "base_set") => Flag::BaseSet,
        ("compare", _, "alt_set") => Flag::AltSet,
        ("report", _, "ledgers") => Flag::ReportLedgers,
        ("policy", "show", "id") => Flag::ShowId,
        ("policy", "validate", "file") => Flag::ValidateFile,
        ("policy", "diff", "base") => Flag::DiffBase,
        ("policy", "diff", "alt") => Flag::DiffAlt,
        ("policy", "test", "cases") => Flag::TestCases,
        ("completions", _, "shell") => Flag::Shell,
        ("report", _, "book") => Flag::ReportBook,
        (_, _, "book") => Flag::Book,
        ("compare", _, "year") => Flag::CompareYear,
        (_, _, "year") => Flag::Year,
        ("book", "publish", "out") => Flag::PublishOut,
        ("calc", _, "commit") => Flag::Commit,
        (_, _, "by") => Flag::By,
        ("book", "init", "file") => Flag::BookInitFile,
        ("book", _, "batch") => Flag::BatchNumber,
        ("book", "export", "out") => Flag::BookExportOut,
        ("book", "void", "reason") => Flag::Reason,
        ("book", "import", "files") => Flag::ImportFiles,
        _ => return None,
    };
    Some(flag)
}

/// The usage line of a command: its names, `[OPTIONS]`, the options it
/// requires, its arguments and `<COMMAND>` when it has subcommands.
fn usage(command: &Command, names: &[String], words: &dyn Words) -> String {
    let mut parts: Vec<String> = names.to_vec();
    parts.push(words.help_word(HelpWord::AnyOptions).to_string());
    for arg in command.get_arguments() {
        if !arg.is_positional() && arg.is_required_set() {
            let long = arg.get_long().unwrap_or_default();
            parts.push(format!("--{long} <{}>", value_name(arg)));
        }
    }
    for arg in command.get_positionals() {
        let name = value_name(arg);
        let more = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        parts.push(if arg.is_required_set() {
            format!("<{name}>{more}")
        } else {
            format!("[{name}]{more}")
        });
    }
    if command.has_subcommands() {
        parts.push(words.help_word(HelpWord::AnyCommand).to_string());
    }
    parts.join(" ")
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map(ToString::to_string)
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

/// The layout of a help page, with our headings: the description, the
/// usage line, the commands, the arguments, the options, the examples.
fn template(command: &Command, words: &dyn Words) -> String {
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}",
        words.help_word(HelpWord::Usage)
    );
    let mut section = |word: HelpWord, tag: &str| {
        template.push_str(&format!("\n\n{}\n{{{tag}}}", words.help_word(word)));
    };
    if command.has_subcommands() {
        section(HelpWord::Commands, "subcommands");
    }
    if command.get_positionals().next().is_some() {
        section(HelpWord::Arguments, "positionals");
    }
    section(HelpWord::Options, "options");
    template.push_str("{after-help}");
    template
}

/// A usage error of clap in `words`, with the usage line of the command
/// it was found in.
pub(super) fn usage_error(error: &clap::Error, words: &dyn Words) -> String {
    let arg = text(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(error, ContextKind::InvalidValue).unwrap_or_default();
    let command = text(error, ContextKind::InvalidSubcommand).unwrap_or_default();
    let valid = list(error, ContextKind::ValidValue);
    let nearest_value = text(error, ContextKind::SuggestedValue);
    let nearest_arg = text(error, ContextKind::SuggestedArg);
    let nearest_command = list(error, ContextKind::SuggestedSubcommand);
    let prior = list(error, ContextKind::PriorArg);
    let required = list(error, ContextKind::InvalidArg);
    let commands = list(error, ContextKind::ValidSubcommand);
    let fact = match error.kind() {
        ErrorKind::UnknownArgument => UsageError::UnknownArgument {
            arg: &arg,
            nearest: nearest_arg.as_deref(),
            as_value: nearest_arg.is_none() && error.get(ContextKind::Suggested).is_some(),
        },
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            name: &command,
            nearest: nearest_command.first().map(String::as_str),
        },
        ErrorKind::InvalidValue if value.is_empty() => UsageError::MissingValue {
            arg: &arg,
            valid: &valid,
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => UsageError::InvalidValue {
            arg: &arg,
            value: &value,
            valid: &valid,
            nearest: nearest_value.as_deref(),
        },
        ErrorKind::TooManyValues => UsageError::TooManyValues {
            arg: &arg,
            value: &value,
        },
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            UsageError::WrongNumberOfValues { arg: &arg }
        }
        ErrorKind::ArgumentConflict => UsageError::Conflict {
            arg: if arg.is_empty() { &command } else { &arg },
            other: prior.first().map(String::as_str),
        },
        ErrorKind::MissingRequiredArgument => UsageError::MissingRequired { args: &required },
        ErrorKind::MissingSubcommand => UsageError::MissingCommand { valid: &commands },
        ErrorKind::NoEquals => UsageError::NoEquals { arg: &arg },
        ErrorKind::InvalidUtf8 => UsageError::InvalidUtf8,
        _ => UsageError::Unreadable,
    };
    // clap puts its own heading before the usage line we gave it.
    let usage = text(error, ContextKind::Usage).map(|u| {
        u.split_once(": ")
            .map_or(u.as_str(), |(_, u)| u)
            .trim()
            .to_string()
    });
    format!(
        "{}\n\n{}",
        words.usage_error(&fact),
        words.usage_hint(usage.as_deref())
    )
}

/// One value of an error's context, as text.
fn text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// A list of an error's context (a single value is a list of one).
fn list(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::StyledStrs(list)) => list.iter().map(ToString::to_string).collect(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::words::Lang;

    /// Every argument of `command` and its subcommands, with its path.
    fn walk(command: &Command, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Arg)>) {
        for arg in command.get_arguments() {
            out.push((path.clone(), arg.clone()));
        }
        for sub in command.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }

    #[test]
    fn every_argument_is_a_flag_with_words_and_every_flag_is_an_argument() {
        for lang in [Lang::Zh, Lang::En] {
            let mut command = crate::cli::command(lang, &[]);
            command.build();
            let mut args = Vec::new();
            walk(&command, &mut Vec::new(), &mut args);
            let mut found = HashSet::new();
            for (path, arg) in &args {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                let id = arg.get_id().as_str();
                let flag = flag_of(&path, id);
                assert!(flag.is_some(), "{path:?} {id}: no Flag");
                found.extend(flag);
                let help = arg.get_help().map(ToString::to_string);
                assert!(
                    help.is_some_and(|h| !h.is_empty()),
                    "{path:?} {id}: no help"
                );
            }
            let missing: Vec<_> = Flag::ALL.iter().filter(|f| !found.contains(f)).collect();
            assert!(missing.is_empty(), "flags no argument is: {missing:?}");
        }
    }

    #[test]
    fn no_help_page_has_a_word_of_clap_in_chinese() {
        let mut command = crate::cli::command(Lang::Zh, &[]);
        command.build();
        let mut pages = vec![command.render_long_help().to_string()];
        for sub in command.get_subcommands_mut() {
            pages.push(sub.render_long_help().to_string());
            for deeper in sub.get_subcommands_mut() {
                pages.push(deeper.render_long_help().to_string());
            }
        }
        assert_eq!(pages.len(), 25);
        for page in &pages {
            for word in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "default",
                "possible",
                "Print",
            ] {
                assert!(!page.contains(word), "{word} in\n{page}");
            }
            assert!(
                page.contains("用法：subsidy") && page.contains("选项："),
                "{page}"
            );
        }
    }
}
