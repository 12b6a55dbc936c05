//! The words of `--help`: what the tool is, examples per command, the exit
//! codes, and the facts a loaded policy declares.

/// What a help text is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Main,
    Calc,
    Check,
    Explain,
    PolicyList,
    PolicyShow,
    PolicyValidate,
    PolicyTest,
    Serve,
    Completions,
}

impl Topic {
    /// The subcommand path of each topic, for attaching its help.
    pub const COMMANDS: [(Topic, &'static [&'static str]); 9] = [
        (Topic::Calc, &["calc"]),
        (Topic::Check, &["check"]),
        (Topic::Explain, &["explain"]),
        (Topic::PolicyList, &["policy", "list"]),
        (Topic::PolicyShow, &["policy", "show"]),
        (Topic::PolicyValidate, &["policy", "validate"]),
        (Topic::PolicyTest, &["policy", "test"]),
        (Topic::Serve, &["serve"]),
        (Topic::Completions, &["completions"]),
    ];
}

pub trait HelpWords {
    /// One line: what the tool is.
    fn about(&self) -> &'static str;
    /// A paragraph: what the tool does.
    fn long_about(&self) -> &'static str;
    /// What `--help` shows after the options of a command: its examples
    /// (and, for the tool as a whole, the exit codes).
    fn examples(&self, topic: Topic) -> &'static str;
    /// The facts the loaded policy declares, as `check --help` lists them:
    /// each id with its name.
    fn facts_declared(&self, facts: &[(&str, &str)]) -> String;
}
