//! The words of `--help` and of usage errors: what the tool is, what each
//! command and flag does, the headings of a help page, examples per command,
//! the exit codes, the facts a loaded policy declares, and what is wrong
//! with a command line.

mod flags;
mod sentences;

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

/// Each flag and argument of the command line, by what it means: one
/// variant per meaning (`--out` of `calc` and of `compare` say different
/// things). `cli` maps every clap argument to one of these and takes its
/// help from the words layer; a test fails when an argument has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    Lang,
    ShowIds,
    Quiet,
    Help,
    Version,
    HelpCommand,
    Policy,
    Ledger,
    Set,
    Encoding,
    Sheet,
    Bind,
    CalcClaims,
    Format,
    CalcOut,
    Strict,
    NoBom,
    Budget,
    BudgetPriority,
    Headers,
    MaxFieldBytes,
    MaxRecordBytes,
    MaxRows,
    Item,
    ApplicantType,
    Quantity,
    Amount,
    Date,
    Tags,
    Reference,
    Score,
    Fact,
    OtherCitySupport,
    CheckApplicant,
    ExplainClaims,
    Claim,
    ExplainApplicant,
    CompareClaims,
    Base,
    Alt,
    BaseSet,
    AltSet,
    CompareLedger,
    CompareOut,
    ReportLedgers,
    ReportBudget,
    ReportOut,
    TemplateOut,
    TemplateHeaders,
    ListFormat,
    ShowId,
    ValidateFile,
    DiffBase,
    DiffAlt,
    TestPolicy,
    TestCases,
    Shell,
    Column,
    IgnoreColumn,
    ColumnsFile,
    Book,
    Commit,
    By,
    BookInitFile,
    BatchNumber,
    BookExportOut,
    Reason,
    ImportFiles,
    Year,
    PublishOut,
    ReportBook,
    CompareYear,
}

impl Flag {
    /// Every flag, for the tests that walk them.
    pub const ALL: [Flag; 72] = [
        Flag::Lang,
        Flag::ShowIds,
        Flag::Help,
        Flag::Version,
        Flag::HelpCommand,
        Flag::Policy,
        Flag::Ledger,
        Flag::Set,
        Flag::Encoding,
        Flag::Sheet,
        Flag::Bind,
        Flag::CalcClaims,
        Flag::Format,
        Flag::CalcOut,
        Flag::Strict,
        Flag::NoBom,
        Flag::Budget,
        Flag::BudgetPriority,
        Flag::Headers,
        Flag::MaxFieldBytes,
        Flag::MaxRecordBytes,
        Flag::MaxRows,
        Flag::Item,
        Flag::ApplicantType,
        Flag::Quantity,
        Flag::Amount,
        Flag::Date,
        Flag::Tags,
        Flag::Reference,
        Flag::Score,
        Flag::Fact,
        Flag::OtherCitySupport,
        Flag::CheckApplicant,
        Flag::ExplainClaims,
        Flag::Claim,
        Flag::ExplainApplicant,
        Flag::CompareClaims,
        Flag::Base,
        Flag::Alt,
        Flag::BaseSet,
        Flag::AltSet,
        Flag::CompareLedger,
        Flag::CompareOut,
        Flag::ReportLedgers,
        Flag::ReportBudget,
        Flag::ReportOut,
        Flag::TemplateOut,
        Flag::TemplateHeaders,
        Flag::ListFormat,
        Flag::ShowId,
        Flag::ValidateFile,
        Flag::DiffBase,
        Flag::DiffAlt,
        Flag::TestPolicy,
        Flag::TestCases,
        Flag::Shell,
        Flag::Quiet,
        Flag::Column,
        Flag::IgnoreColumn,
        Flag::ColumnsFile,
        Flag::Book,
        Flag::Commit,
        Flag::By,
        Flag::BookInitFile,
        Flag::BatchNumber,
        Flag::BookExportOut,
        Flag::Reason,
        Flag::ImportFiles,
        Flag::Year,
        Flag::PublishOut,
        Flag::ReportBook,
        Flag::CompareYear,
    ];
}

/// Each command of the tool, for its one-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmd {
    Calc,
    Check,
    Explain,
    Compare,
    Report,
    Policy,
    PolicyList,
    PolicyShow,
    PolicyValidate,
    PolicyDiff,
    PolicyTest,
    Template,
    Serve,
    Completions,
    Help,
    Book,
    BookInit,
    BookList,
    BookShow,
    BookExport,
    BookVerify,
    BookVoid,
    BookImport,
    BookPublish,
}

impl Cmd {
    /// Every command with its subcommand path.
    pub const ALL: [(Cmd, &'static [&'static str]); 24] = [
        (Cmd::Calc, &["calc"]),
        (Cmd::Check, &["check"]),
        (Cmd::Explain, &["explain"]),
        (Cmd::Compare, &["compare"]),
        (Cmd::Report, &["report"]),
        (Cmd::Policy, &["policy"]),
        (Cmd::PolicyList, &["policy", "list"]),
        (Cmd::PolicyShow, &["policy", "show"]),
        (Cmd::PolicyValidate, &["policy", "validate"]),
        (Cmd::PolicyDiff, &["policy", "diff"]),
        (Cmd::PolicyTest, &["policy", "test"]),
        (Cmd::Template, &["template"]),
        (Cmd::Serve, &["serve"]),
        (Cmd::Completions, &["completions"]),
        (Cmd::Help, &["help"]),
        (Cmd::Book, &["book"]),
        (Cmd::BookInit, &["book", "init"]),
        (Cmd::BookList, &["book", "list"]),
        (Cmd::BookShow, &["book", "show"]),
        (Cmd::BookExport, &["book", "export"]),
        (Cmd::BookVerify, &["book", "verify"]),
        (Cmd::BookVoid, &["book", "void"]),
        (Cmd::BookImport, &["book", "import"]),
        (Cmd::BookPublish, &["book", "publish"]),
    ];
}

/// The fixed words of a help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpWord {
    /// Before the usage line, with its separator (`Usage: `).
    Usage,
    Arguments,
    Options,
    Commands,
    /// Stands for the options in a usage line (`[OPTIONS]`).
    AnyOptions,
    /// Stands for a command in a usage line (`<COMMAND>`).
    AnyCommand,
}

/// A command line that cannot be run, as clap found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError<'a> {
    /// A flag no command of this path has; the nearest flag, and whether
    /// it could have been meant as a value (after `--`).
    UnknownArgument {
        arg: &'a str,
        nearest: Option<&'a str>,
        as_value: bool,
    },
    UnknownCommand {
        name: &'a str,
        nearest: Option<&'a str>,
    },
    /// A flag given without the value it takes.
    MissingValue {
        arg: &'a str,
        valid: &'a [String],
    },
    /// A value the flag does not take: the values it does take when they
    /// are a list, and the nearest of them.
    InvalidValue {
        arg: &'a str,
        value: &'a str,
        valid: &'a [String],
        nearest: Option<&'a str>,
    },
    TooManyValues {
        arg: &'a str,
        value: &'a str,
    },
    WrongNumberOfValues {
        arg: &'a str,
    },
    Conflict {
        arg: &'a str,
        other: Option<&'a str>,
    },
    MissingRequired {
        args: &'a [String],
    },
    MissingCommand {
        valid: &'a [String],
    },
    NoEquals {
        arg: &'a str,
    },
    InvalidUtf8,
    /// Any other mistake of the command line.
    Unreadable,
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
    /// What a flag or argument is for, one line.
    fn flag(&self, flag: Flag) -> &'static str;
    /// What a command does, one line.
    fn command_about(&self, command: Cmd) -> &'static str;
    /// A fixed word of a help page.
    fn help_word(&self, word: HelpWord) -> &'static str;
    /// After a flag's help: the value it takes when none is given.
    fn default_value(&self, value: &str) -> String;
    /// After a flag's help: the values it takes.
    fn possible_values(&self, values: &[String]) -> String;
    /// A command line that cannot be run: the error and any tip.
    fn usage_error(&self, error: &UsageError) -> String;
    /// After a usage error: the usage line, when clap gave one, and where
    /// to learn more.
    fn usage_hint(&self, usage: Option<&str>) -> String;
}
