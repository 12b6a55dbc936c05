//! One run of the binary: the language chosen, the line parsed, the command
//! run and any error said; the exit code. It stands above both the argument
//! types (`cli`) and the commands (`cmd`), so that a command reads its
//! arguments as plain data and the parser knows no command.

use std::ffi::OsString;

use crate::cli::{self, Command};
use crate::cmd;
use crate::error::Error;
use crate::words::{Lang, Notice};

/// Parses the arguments, runs the command, prints any error; the exit code.
pub fn main() -> i32 {
    let args: Vec<OsString> = std::env::args_os().collect();
    let (lang, ignored) = cli::early_lang(&args);
    if let Some(value) = ignored {
        eprintln!(
            "{}",
            lang.words().notice(&Notice::LangIgnored { value: &value })
        );
    }
    let facts = declared_facts(&args, lang);
    let facts: Vec<(&str, &str)> = facts
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    let cli = match cli::parse(&args, lang, &facts) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let lang = cli.lang.unwrap_or(lang);
    crate::text::show_ids(cli.show_ids);
    crate::progress::set_quiet(cli.quiet);
    let result: Result<(), Error> = match cli.command {
        Command::Calc(args) => cmd::calc::run(&args, lang),
        Command::Check(args) => cmd::check::run(&args, lang),
        Command::Explain(args) => cmd::explain::run(&args, lang),
        Command::Compare(args) => cmd::compare::run(&args, lang),
        Command::Report(args) => cmd::review::run(&args, lang),
        Command::Policy(command) => cmd::policy::run(&command, lang),
        Command::Book(command) => cmd::book::run(&command, lang),
        Command::Template(args) => cmd::template::run(&args, lang),
        Command::Serve(args) => return crate::serve::command(&args, lang),
        Command::Completions { shell } => cmd::write_stdout(|out| {
            clap_complete::generate(shell, &mut cli::command(lang, &[]), "subsidy", out);
            Ok(())
        }),
    };
    match result {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            // An error may quote a file's cell: the terminal only prints it.
            eprintln!("{}", crate::text::shown(&e.render(lang)));
            e.exit_code()
        }
    }
}

/// Under `check`, the facts of the policy the arguments name (or of the
/// bundled one), for its help. Loading a policy is a command's work, so it
/// is done here and handed to the parser.
fn declared_facts(args: &[OsString], lang: Lang) -> Vec<(String, String)> {
    let is_check = args.iter().skip(1).any(|a| a == "check");
    if !is_check {
        return Vec::new();
    }
    // `--policy FILE` or `--policy=FILE`: clap has not parsed the line yet.
    let path = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--policy=") {
            Some(file) => Some(std::path::PathBuf::from(file)),
            None if a == "--policy" => args.get(i + 1).map(std::path::PathBuf::from),
            None => None,
        }
    });
    match cmd::load_policy(path.as_deref()) {
        Ok(policy) => policy
            .facts
            .iter()
            .map(|f| (f.id.clone(), f.label(lang).to_string()))
            .collect(),
        Err(_) => Vec::new(),
    }
}
