//! `subsidy template`: an empty claims file to fill in.

use std::io::Write;

use crate::cli::{Headers, TemplateArgs};
use crate::error::Error;
use crate::template::{template_workbook, write_template_csv};
use crate::words::Lang;

pub fn run(args: &TemplateArgs, lang: Lang) -> Result<(), Error> {
    let inputs: Vec<&std::path::Path> = args.measures.path().into_iter().collect();
    crate::output::out_is_not_input(args.out.as_deref(), &inputs)?;
    let policy = super::load_policy(args.measures.path())?;
    let chinese = args.headers == Headers::Zh;
    let Some(path) = &args.out else {
        return super::write_stdout(|out| write_template_csv(&policy, chinese, out));
    };
    let workbook = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !workbook {
        return super::write_file_atomically(path, |out| write_template_csv(&policy, chinese, out));
    }
    let bytes = template_workbook(&policy, lang).map_err(|e| Error::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(e.to_string()),
    })?;
    super::write_file_atomically(path, |out: &mut dyn Write| out.write_all(&bytes))
}
